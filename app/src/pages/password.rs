//! `/password` (team mode): someone who signed in with a one-time password chooses their own
//! before anything else; the route guard sends every other page here until then.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{hooks::use_query_map, lazy_route, LazyRoute};

use crate::pages::account::password::PasswordCard;

pub struct ChoosePasswordPage;

#[lazy_route]
impl LazyRoute for ChoosePasswordPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        choose_password().into_any()
    }
}

fn choose_password() -> impl IntoView {
    let name = crate::components::layout::signed_in_as()
        .map(|v| v.name)
        .unwrap_or_default();
    let username = RwSignal::new(name);
    let next = use_query_map().with_untracked(|q| crate::auth::safe_next(q.get("next").as_deref()));
    let go_on = Callback::new(move |_| crate::browser::load_page(&next));
    view! {
        <Title text=crate::tr!(password.title) />
        <div class="page-head">
            <h1>{crate::tr!(password.title)}</h1>
            <p class="lead">{crate::tr!(password.lead)}</p>
        </div>
        <PasswordCard username on_changed=go_on />
    }
}
