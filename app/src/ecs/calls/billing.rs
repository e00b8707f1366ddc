//! `/billing/{kind}/{year}/{month}`: a month's consumption, as JSON rows or as ECS's own CSV.

use crate::ecs::client::{decode, list, Credential, EcsClient};
use crate::ecs::dto::{ServerUsage, SnapshotBilling, SnapshotUsage, TemplateUsage};
use crate::ecs::error::EcsError;

/// What a month's consumption is about: the three kinds ECS bills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BillingKind {
    Servers,
    Templates,
    Snapshots,
}

impl BillingKind {
    pub fn segment(self) -> &'static str {
        match self {
            BillingKind::Servers => "servers",
            BillingKind::Templates => "templates",
            BillingKind::Snapshots => "snapshots",
        }
    }
}

impl EcsClient {
    async fn billing(
        &self,
        cred: &Credential,
        name: &'static str,
        kind: BillingKind,
        year: i32,
        month: u32,
    ) -> Result<serde_json::Value, EcsError> {
        let (y, m) = (year.to_string(), month.to_string());
        let path = ["billing", kind.segment(), y.as_str(), m.as_str()];
        self.get(cred, name, &path, &[("type", "json".to_string())])
            .await
    }

    /// A bare array as documented (a wrapped `servers` list is read too).
    pub async fn billing_servers(
        &self,
        cred: &Credential,
        year: i32,
        month: u32,
    ) -> Result<Vec<ServerUsage>, EcsError> {
        let name = "billing_servers";
        let v = self
            .billing(cred, name, BillingKind::Servers, year, month)
            .await?;
        if v.is_array() {
            decode(name, &v)
        } else {
            list(name, &v, &["servers", "rows"])
        }
    }

    pub async fn billing_templates(
        &self,
        cred: &Credential,
        year: i32,
        month: u32,
    ) -> Result<Vec<TemplateUsage>, EcsError> {
        let name = "billing_templates";
        let v = self
            .billing(cred, name, BillingKind::Templates, year, month)
            .await?;
        if v.is_array() {
            decode(name, &v)
        } else {
            list(name, &v, &["templates", "rows"])
        }
    }

    /// An envelope `{year, month, total_cost, rows_count, snapshots}` as documented.
    pub async fn billing_snapshots(
        &self,
        cred: &Credential,
        year: i32,
        month: u32,
    ) -> Result<Vec<SnapshotUsage>, EcsError> {
        let name = "billing_snapshots";
        let v = self
            .billing(cred, name, BillingKind::Snapshots, year, month)
            .await?;
        if v.is_array() {
            decode(name, &v)
        } else {
            decode::<SnapshotBilling>(name, &v).map(|b| b.snapshots)
        }
    }

    /// `?type=csv`: ECS's own CSV, as bytes (within the client's answer-size limit). An answer
    /// that is JSON or HTML instead is not a CSV file: it is refused as malformed.
    pub async fn billing_csv(
        &self,
        cred: &Credential,
        kind: BillingKind,
        year: i32,
        month: u32,
    ) -> Result<Vec<u8>, EcsError> {
        let (y, m) = (year.to_string(), month.to_string());
        let path = ["billing", kind.segment(), y.as_str(), m.as_str()];
        let answer = self
            .get_body(cred, "billing_csv", &path, &[("type", "csv".to_string())])
            .await?;
        let first = answer.body.iter().find(|b| !b.is_ascii_whitespace());
        if matches!(first, Some(b'<' | b'{' | b'[')) {
            return Err(EcsError::Malformed {
                detail: "billing_csv: the answer is not CSV".to_string(),
            });
        }
        Ok(answer.body)
    }
}
