//! Server functions of `/plans`: the catalogue (`/plans`, `/plans/availables`, `/regions`) in the
//! create form's terms, so both pages agree on what can be created where.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::plans::Catalogue;

#[server(endpoint = "plans_catalogue")]
pub async fn load_catalogue() -> Result<Catalogue, AppError> {
    use crate::ecs::convert::catalogue;
    use crate::ecs::EcsError;
    use crate::state::{checked, upstream, upstream_error};

    let (client, cred, session) = upstream().await?;
    let (plans, placeable, regions) = tokio::join!(
        client.list_plans(&cred),
        client.plans_available(&cred),
        client.list_regions(&cred),
    );
    let plans = checked(plans, &session).await?;
    let regions = checked(regions, &session).await?;
    // Without `/plans/availables` the prices and offers still stand; only "now" is unknown, and
    // the page says so instead of calling everything sold out.
    let (placeable, availability_error) = match placeable {
        Ok(p) => (p, None),
        Err(EcsError::Unauthorized) => {
            return Err(upstream_error(EcsError::Unauthorized, &session).await)
        }
        Err(e) => (Vec::new(), Some(e.user_message())),
    };
    Ok(Catalogue {
        plans: catalogue::plan_options(&plans, &placeable),
        regions: catalogue::region_options(&regions),
        availability_error,
    })
}
