//! Where servers can go: what each physical host has free, which hosts take a plan, and the
//! placement of a new server (isolation respected).

use crate::world::catalogue::{self, HostSpec, Plan};
use crate::world::World;

impl World {
    /// What is free on `host`: the spec's free share minus every simulated server placed there.
    pub fn host_free(&self, host: &HostSpec) -> (i64, i64, i64) {
        let (mut cpu, mut ram, mut gpus) = (
            i64::from(host.cpu),
            i64::from(host.ram),
            i64::from(host.gpus),
        );
        for account in self.accounts.values() {
            for server in account
                .servers
                .values()
                .filter(|s| s.host.as_deref() == Some(host.name))
            {
                if let Some(plan) = catalogue::plan(&server.plan) {
                    cpu -= i64::from(plan.cpu);
                    ram -= i64::from(plan.ram);
                    gpus -= i64::from(plan.gpu);
                }
            }
        }
        (cpu, ram, gpus)
    }

    /// Hosts of `region` where `plan` fits right now.
    pub fn hosts_for(&self, plan: &Plan, region: &str) -> Vec<&'static HostSpec> {
        if !plan.regions.contains(&region) {
            return Vec::new();
        }
        catalogue::HOSTS
            .iter()
            .filter(|h| h.region == region && h.host_type == plan.host_type)
            .filter(|h| plan.gpu == 0 || h.gpu_label == plan.gpu_label)
            .filter(|h| {
                let (cpu, ram, gpus) = self.host_free(h);
                cpu >= i64::from(plan.cpu)
                    && ram >= i64::from(plan.ram)
                    && gpus >= i64::from(plan.gpu)
            })
            .collect()
    }

    /// Picks a host for a new server, avoiding `avoid` (isolation): the one with most free cores.
    pub fn place(
        &self,
        plan: &Plan,
        region: &str,
        avoid: &[String],
    ) -> Result<&'static str, String> {
        let hosts = self.hosts_for(plan, region);
        if hosts.is_empty() {
            return Err(format!(
                "lack of resources: {} not available in {region} (no capacity)",
                plan.name
            ));
        }
        hosts
            .into_iter()
            .filter(|h| !avoid.iter().any(|a| a == h.name))
            .max_by_key(|h| (self.host_free(h).0, std::cmp::Reverse(h.name)))
            .map(|h| h.name)
            .ok_or_else(|| {
                format!("lack of resources: no host in {region} satisfies the requested isolation")
            })
    }
}
