//! The notice a tab shows while ECS would refuse a new action on the server.

use leptos::prelude::*;

use crate::components::status::Progress;
use crate::model::activity::Running;

/// While ECS would refuse new actions on the server: what runs and how far it is.
#[component]
pub fn BusyNotice(busy: Signal<Option<Running>>) -> impl IntoView {
    move || {
        busy.get().map(|r| {
            view! {
                <div class="notice notice-info" role="status" data-testid="server-busy">
                    <strong>{format!("{}…", r.doing)}</strong>
                    {crate::tr!(server.busy.notice)}
                    <Progress value=r.progress />
                </div>
            }
        })
    }
}
