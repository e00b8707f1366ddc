//! The catalogue: regions, plans, images.

use reqwest::Method;
use serde::Deserialize;
use serde_json::json;

use crate::ecs::client::{decode, list, to_body, Credential, EcsClient};
use crate::ecs::dto::{self, Image, Plan, Region};
use crate::ecs::error::EcsError;

impl EcsClient {
    /// `GET /regions`.
    pub async fn list_regions(&self, cred: &Credential) -> Result<Vec<Region>, EcsError> {
        let v = self.get(cred, "list_regions", &["regions"], &[]).await?;
        list("list_regions", &v, &["regions"])
    }

    /// `POST /regions/availables {plan}` → region codes (flat or nested answer).
    pub async fn regions_available(
        &self,
        cred: &Credential,
        plan: &str,
    ) -> Result<Vec<String>, EcsError> {
        #[derive(Deserialize)]
        struct Answer {
            #[serde(deserialize_with = "dto::de::flat_strings")]
            regions: Vec<String>,
        }
        let body = to_body("regions_available", &json!({ "plan": plan }))?;
        let v = self
            .send(
                cred,
                "regions_available",
                Method::POST,
                &["regions", "availables"],
                body,
            )
            .await?;
        decode::<Answer>("regions_available", &v).map(|a| a.regions)
    }

    /// `GET /plans`: compatible regions, not necessarily placeable now.
    pub async fn list_plans(&self, cred: &Credential) -> Result<Vec<Plan>, EcsError> {
        let v = self.get(cred, "list_plans", &["plans"], &[]).await?;
        list("list_plans", &v, &["plans"])
    }

    /// `GET /plans/availables`: what can be created now, where, with which images and hosts.
    pub async fn plans_available(&self, cred: &Credential) -> Result<Vec<Plan>, EcsError> {
        let v = self
            .get(cred, "plans_available", &["plans", "availables"], &[])
            .await?;
        list("plans_available", &v, &["plans"])
    }

    /// `GET /images/basics`.
    pub async fn images_basic(&self, cred: &Credential) -> Result<Vec<Image>, EcsError> {
        let v = self
            .get(cred, "images_basic", &["images", "basics"], &[])
            .await?;
        list("images_basic", &v, &["images"])
    }

    /// `GET /images/cloud-images`.
    pub async fn images_cloud(&self, cred: &Credential) -> Result<Vec<Image>, EcsError> {
        let v = self
            .get(cred, "images_cloud", &["images", "cloud-images"], &[])
            .await?;
        list("images_cloud", &v, &["images"])
    }
}
