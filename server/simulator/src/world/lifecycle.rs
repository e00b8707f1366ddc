//! Catching the world up with the clock: every pending event whose time has come is applied, in
//! time order, with the time it was due (not the time of the request that noticed it).

use chrono::{DateTime, Duration, Utc};

use crate::world::account::Account;
use crate::world::actions::{ActionStatus, Effect, Event};
use crate::world::library::ImageStatus;
use crate::world::logs::Severity;
use crate::world::servers::ServerStatus;
use crate::world::World;

impl World {
    /// Applies every pending event due at or before `now`.
    pub fn advance(&mut self, now: DateTime<Utc>) {
        while let Some(index) = self
            .pending
            .iter()
            .enumerate()
            .filter(|(_, p)| p.at <= now)
            .min_by_key(|(_, p)| (p.at, p.seq))
            .map(|(i, _)| i)
        {
            let due = self.pending.swap_remove(index);
            match due.event {
                Event::FinishAction(id) => self.finish_action(&due.account, id, due.at),
                Event::FinishCustomizing(name) => {
                    if let Some(server) = self
                        .accounts
                        .get_mut(&due.account)
                        .and_then(|a| a.servers.get_mut(&name))
                    {
                        if server.status == ServerStatus::Customizing {
                            server.status = ServerStatus::Booted;
                        }
                    }
                }
            }
        }
        self.run_schedules(now);
    }

    fn finish_action(&mut self, username: &str, id: u64, at: DateTime<Utc>) {
        let Some(account) = self.accounts.get_mut(username) else {
            return;
        };
        let Some(action) = account.action_mut(id) else {
            return;
        };
        if action.status != ActionStatus::InProgress {
            return;
        }
        action.completed_at = Some(at);
        let effect = action.effect.clone();
        if let Some((_, reason)) = action.fail.clone() {
            action.status = ActionStatus::Failed;
            let resource = action.resource.clone();
            if let Effect::CreateServer { server, .. } = &effect {
                if let Some(s) = account.servers.get_mut(server) {
                    s.status = ServerStatus::Fail;
                    s.host = None;
                    s.busy = None;
                    s.active_flag = false;
                }
                account.vlans.retain(|v| &v.server != server);
            }
            self.next.log += 1;
            let log_id = self.next.log;
            if let Some(account) = self.accounts.get_mut(username) {
                account.push_log(
                    log_id,
                    at,
                    "Create server",
                    &resource,
                    Severity::Error,
                    Some(reason),
                );
            }
            return;
        }
        action.status = ActionStatus::Completed;
        self.apply(username, effect, at);
    }

    fn apply(&mut self, username: &str, effect: Effect, at: DateTime<Utc>) {
        let customize_secs = self.timing.customize;
        let ip_seq = self.next.ip + 1;
        let Some(account) = self.accounts.get_mut(username) else {
            return;
        };
        match effect {
            Effect::None => {}
            Effect::CreateServer { server, customize } => {
                let mut assigned = false;
                if let Some(s) = account.servers.get_mut(&server) {
                    s.status = if customize {
                        ServerStatus::Customizing
                    } else {
                        ServerStatus::Booted
                    };
                    s.ipv4 = format!("213.171.{}.{}", 184 + ip_seq / 250, ip_seq % 250 + 2);
                    s.ipv6 = format!("2001:4b7e:100:{ip_seq:x}::1");
                    s.active_flag = true;
                    s.powered = true;
                    s.booted_at = Some(at);
                    s.busy = None;
                    assigned = true;
                }
                for vlan in account.vlans.iter_mut().filter(|v| v.server == server) {
                    vlan.status = "ok".into();
                }
                if assigned {
                    self.next.ip = ip_seq;
                }
                if customize {
                    let when = at + Duration::milliseconds((customize_secs * 1000.0) as i64);
                    self.schedule(username, when, Event::FinishCustomizing(server));
                }
            }
            Effect::DeleteServer { server } => finish_delete(account, &server, at),
            Effect::PowerOn { server } => set_power(account, &server, true, at),
            Effect::PowerOff { server } => set_power(account, &server, false, at),
            Effect::Rollback { server, snapshot } => {
                if let Some(s) = account.servers.get_mut(&server) {
                    s.status = ServerStatus::Booted;
                    s.powered = true;
                    s.power_changed_at = at;
                    s.busy = None;
                    s.last_restored_snapshot = Some(snapshot);
                }
                for snap in account.snapshots.iter_mut().filter(|s| s.server == server) {
                    snap.restoring = false;
                    snap.is_last_restored = snap.id == snapshot;
                }
            }
            Effect::CreateTemplate { id } => {
                if let Some(t) = account.templates.iter_mut().find(|t| t.id == id) {
                    t.status = ImageStatus::Created;
                    t.active_flag = true;
                }
            }
            Effect::DeleteTemplate { id } => account.templates.retain(|t| t.id != id),
            Effect::CreateSnapshot { id } => {
                let mut of = None;
                if let Some(s) = account.snapshots.iter_mut().find(|s| s.id == id) {
                    s.status = ImageStatus::Created;
                    s.active_flag = true;
                    s.updated_at = at;
                    s.size_on_disk = Some(1_500_000 + (id % 7) as i64 * 310_000);
                    of = Some(s.server.clone());
                }
                // The server takes new actions again.
                if let Some(s) = of.and_then(|name| account.servers.get_mut(&name)) {
                    s.busy = None;
                }
            }
            Effect::DeleteSnapshot { id } => account.snapshots.retain(|s| s.id != id),
            Effect::AddVlans { ids } => {
                let mut on = None;
                for vlan in account.vlans.iter_mut().filter(|v| ids.contains(&v.id)) {
                    vlan.status = "ok".into();
                    on = Some(vlan.server.clone());
                }
                if let Some(server) = on {
                    end_reboot(account, &server, at);
                }
            }
            Effect::UpdateVlan { id } => {
                if let Some(vlan) = account.vlans.iter_mut().find(|v| v.id == id) {
                    vlan.status = "ok".into();
                }
            }
            Effect::DeleteVlans { ids } => {
                let on = account
                    .vlans
                    .iter()
                    .find(|v| ids.contains(&v.id))
                    .map(|v| v.server.clone());
                account.vlans.retain(|v| !ids.contains(&v.id));
                if let Some(server) = on {
                    end_reboot(account, &server, at);
                }
            }
        }
    }
}

/// A server rebooted for an interface change is up again.
fn end_reboot(account: &mut Account, server: &str, at: DateTime<Utc>) {
    if let Some(s) = account.servers.get_mut(server) {
        if s.status == ServerStatus::Booting {
            // The power state is kept: a server that was off comes back off.
            s.status = ServerStatus::Booted;
            s.power_changed_at = at;
            s.busy = None;
        }
    }
}

fn set_power(account: &mut Account, server: &str, on: bool, at: DateTime<Utc>) {
    if let Some(s) = account.servers.get_mut(server) {
        s.powered = on;
        s.power_changed_at = at;
        s.busy = None;
        if on {
            s.booted_at = Some(at);
        }
    }
}

/// The server leaves the list (kept in the graveyard for billing) with its snapshots, schedule,
/// VLANs and isolations.
fn finish_delete(account: &mut Account, server: &str, at: DateTime<Utc>) {
    let Some(mut gone) = account.servers.remove(server) else {
        return;
    };
    gone.status = ServerStatus::Deleted;
    gone.deletion_date = Some(at);
    gone.active_flag = false;
    gone.host = None;
    gone.busy = None;
    account.graveyard.push(gone);
    account.snapshots.retain(|s| s.server != server);
    account.crons.retain(|c| c.server != server);
    account.vlans.retain(|v| v.server != server);
    for other in account.servers.values_mut() {
        other.isolate_from.retain(|n| n != server);
    }
}
