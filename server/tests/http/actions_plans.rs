//! The actions and plans pages and their server functions over HTTP, against the embedded
//! simulator: what a URL renders, the resource filter's check, and the catalogue's answers
//! (including when "what can be created now" is unavailable upstream).

use crate::harness::{call, page, signed_in_with};

/// `data-<attr>` values of the rows marked `data-testid="<testid>"`, in page order.
fn rows(html: &str, testid: &str, attr: &str) -> Vec<String> {
    html.split(&format!("data-testid=\"{testid}\""))
        .skip(1)
        .filter_map(|rest| {
            let tag = rest.split('>').next()?;
            let start = tag.find(&format!("data-{attr}=\""))? + attr.len() + 7;
            tag[start..].split('"').next().map(str::to_string)
        })
        .collect()
}

#[tokio::test]
async fn actions_page_by_page_and_by_resource() {
    let (panel, cookie) = signed_in_with(&[]).await;

    let (status, first) = call(&panel, &cookie, "actions_list", &[]).await;
    assert_eq!(status, 200, "{first}");
    let total = first["total"].as_u64().expect("a total");
    assert!(total > 50, "{total}");
    assert_eq!(first["lines"].as_array().map(Vec::len), Some(25));
    assert_eq!(first["page"], 1);

    let (_, mine) = call(
        &panel,
        &cookie,
        "actions_list",
        &[("resource", " ec200401 "), ("page", "2")],
    )
    .await;
    let lines = mine["lines"].as_array().expect("lines");
    assert!(!lines.is_empty());
    for line in lines {
        assert_eq!(line["row"]["resource"], "ec200401");
        assert_eq!(line["target"]["href"], "/servers/ec200401");
        assert_eq!(line["target"]["label"], "web-1");
    }
    assert_eq!(mine["resource"], "ec200401", "trimmed");
    assert_eq!(mine["page"], 2);

    // The page renders the same on the server, summary included.
    let html = page(&panel, "/actions?resource=ec200401&page=2", &cookie).await;
    let ids = rows(&html, "action-row", "resource");
    assert_eq!(ids.len(), lines.len());
    assert!(ids.iter().all(|r| r == "ec200401"));
    assert!(html.contains(&format!(
        "Showing 26–{} of {} actions on ec200401",
        25 + lines.len(),
        mine["total"]
    )));

    // Past the end: the last page. A deleted server is named, not linked.
    let (_, last) = call(&panel, &cookie, "actions_list", &[("page", "999")]).await;
    let pages = last["pages"].as_u64().expect("pages");
    assert_eq!(last["page"].as_u64(), Some(pages));
    // ec200245 is one of the demo's servers created and deleted in the past months.
    let html = page(&panel, "/actions?resource=ec200245", &cookie).await;
    assert!(!rows(&html, "action-row", "resource").is_empty());
    assert!(!html.contains("href=\"/servers/ec200245\""));
    assert!(
        html.contains("class=\"tag\">deleted<"),
        "a deleted server's action is named, not linked"
    );
}

#[tokio::test]
async fn an_invalid_resource_is_a_field_error() {
    let (panel, cookie) = signed_in_with(&[]).await;
    for bad in [
        "ec200401/../login",
        "a b",
        "ec200401&start=0",
        &"e".repeat(41),
    ] {
        let (status, body) = call(&panel, &cookie, "actions_list", &[("resource", bad)]).await;
        assert_ne!(status, 200, "{bad}");
        assert_eq!(body["Invalid"]["field"], "resource", "{bad}: {body}");
    }
    // The page itself answers 200 with the message at the field, not an error page.
    let html = page(&panel, "/actions?resource=a%20b", &cookie).await;
    assert!(html.contains("data-field=\"resource\""));
    assert!(html.contains("letters, digits, - and _ only"));
}

#[tokio::test]
async fn plans_page_renders_the_filtered_sorted_catalogue() {
    let (panel, cookie) = signed_in_with(&[]).await;
    let (status, cat) = call(&panel, &cookie, "plans_catalogue", &[]).await;
    assert_eq!(status, 200, "{cat}");
    assert!(cat["availability_error"].is_null());
    let plans = cat["plans"].as_array().expect("plans");
    let ecs6 = plans.iter().find(|p| p["name"] == "eCS6").expect("eCS6");
    let placeable: Vec<&str> = ecs6["placeable"]
        .as_array()
        .expect("placeable")
        .iter()
        .filter_map(|p| p["region"].as_str())
        .collect();
    assert!(placeable.contains(&"it-fr2"));
    assert!(!placeable.contains(&"ch-lug1"), "sold out in Lugano");
    assert_eq!(ecs6["ram_mib"], 24576);

    let html = page(&panel, "/plans?family=gpu&sort=monthly&dir=desc", &cookie).await;
    let names = rows(&html, "plan-row", "plan");
    assert_eq!(names.first().map(String::as_str), Some("ECS8GPU9"));
    assert_eq!(names.len(), 7);
    assert!(html.contains("7 of 24 plans match"));

    let html = page(&panel, "/plans?region=ch-lug1&max=50", &cookie).await;
    let names = rows(&html, "plan-row", "plan");
    assert!(names.contains(&"eCS1".to_string()));
    assert!(names.contains(&"eCS4".to_string()), "€45, room in Lugano");
    assert!(
        !names.iter().any(|n| n == "eCS5" || n == "eCS6"),
        "{names:?}"
    );
    assert!(html.contains("href=\"/servers/new?plan=eCS1&amp;region=ch-lug1\""));

    let html = page(&panel, "/plans?max=cheap", &cookie).await;
    assert!(html.contains("Enter a monthly price in euros"));
    assert_eq!(rows(&html, "plan-row", "plan").len(), 24, "ignored");
}

#[tokio::test]
async fn plans_without_availability_say_so() {
    let (panel, cookie) = signed_in_with(&[
        "--fault-maintenance",
        "--fault-path-prefix",
        "/plans/availables",
    ])
    .await;
    let (status, cat) = call(&panel, &cookie, "plans_catalogue", &[]).await;
    assert_eq!(status, 200, "{cat}");
    let why = cat["availability_error"].as_str().expect("a reason");
    assert!(why.contains("unavailable for maintenance"), "{why}");
    let html = page(&panel, "/plans", &cookie).await;
    assert!(html.contains("What can be created right now is unknown"));
    assert!(!html.contains("Sold out"));
    assert!(html.contains("data-availability=\"unknown\""));
}
