//! Server functions of `/logs`: one page of the account's log (the API pages it and filters it by
//! resource; severity and status are filtered here), and one entry.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::logs::{LogDetail, LogList};

#[server(endpoint = "logs_list")]
pub async fn list_logs(
    // A resource id (`ec200401`, a username), or "" for all.
    #[server(default)] resource: String,
    // "", info, warning or error.
    #[server(default)] severity: String,
    // "", success or failure.
    #[server(default)] status: String,
    // 1-based; 0 (not sent) is the first.
    #[server(default)] page: usize,
) -> Result<LogList, AppError> {
    use crate::ecs::{convert::log, ids};
    use crate::model::logs::{LogFilter, PAGE_SIZE, SCAN_MAX};
    use crate::state::{checked, upstream};

    let filter = LogFilter {
        resource: resource.trim().to_string(),
        severity: severity.trim().to_ascii_lowercase(),
        status: status.trim().to_ascii_lowercase(),
    };
    if !filter.resource.is_empty() && ids::resource_filter(&filter.resource).is_err() {
        return Err(AppError::invalid(
            "resource",
            crate::tr!(errors.api.logs.bad_resource),
        ));
    }
    if let Some(problem) = filter.problem() {
        return Err(AppError::at(problem));
    }
    let resource = (!filter.resource.is_empty()).then_some(filter.resource.as_str());
    let (client, cred, session) = upstream().await?;
    let now = chrono::Utc::now();
    let page = page.max(1);

    if filter.is_local() {
        // One call for the newest entries, filtered and paged here.
        let all = checked(
            client.list_logs(&cred, 0, SCAN_MAX as u32, resource).await,
            &session,
        )
        .await?;
        let scanned = all.logs.len();
        let rows: Vec<_> = all
            .logs
            .iter()
            .map(|e| log::row(e, now))
            .filter(|r| filter.keeps(r))
            .collect();
        let total = rows.len();
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let page = page.min(pages);
        let rows = rows
            .into_iter()
            .skip((page - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .collect();
        let scanned = all
            .total
            .filter(|t| *t > scanned as u64)
            .map(|t| (scanned, t));
        return Ok(LogList {
            rows,
            total: Some(total as u64),
            page,
            pages,
            filter,
            scanned,
        });
    }

    let start = |page: usize| ((page - 1) * PAGE_SIZE) as u32;
    let mut logs = checked(
        client
            .list_logs(&cred, start(page), PAGE_SIZE as u32, resource)
            .await,
        &session,
    )
    .await?;
    let mut page = page;
    // A page past the end (an old bookmark): show the last one instead.
    if let Some(total) = logs.total {
        let last = total.div_ceil(PAGE_SIZE as u64).max(1) as usize;
        if page > last {
            page = last;
            logs = checked(
                client
                    .list_logs(&cred, start(page), PAGE_SIZE as u32, resource)
                    .await,
                &session,
            )
            .await?;
        }
    }
    Ok(LogList {
        rows: logs.logs.iter().map(|e| log::row(e, now)).collect(),
        total: logs.total,
        page,
        pages: match logs.total {
            Some(t) => (t as usize).div_ceil(PAGE_SIZE).max(1),
            // Without a total: one more page while this one is full.
            None if logs.logs.len() >= PAGE_SIZE => page + 1,
            None => page,
        },
        filter,
        scanned: None,
    })
}

#[server(endpoint = "logs_get")]
pub async fn get_log(id: String) -> Result<LogDetail, AppError> {
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let entry = checked(client.get_log(&cred, &id).await, &session).await?;
    Ok(crate::ecs::convert::log::detail(entry, chrono::Utc::now()))
}
