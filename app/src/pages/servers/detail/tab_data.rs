//! A tab that loads its own data (snapshots, networks): a loading card, the tab once its data is
//! in, or the error in words. The data is `None` while another tab is open (nothing is fetched).

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::components::error_view::ErrorNotice;
use crate::page_data::PageData;

#[component]
pub fn TabData<T>(
    data: PageData<Option<T>>,
    /// "Loading snapshots…".
    loading: &'static str,
    testid: &'static str,
    /// The tab, once its data is in.
    render: fn(T) -> AnyView,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    view! {
        <div class="tab-stack" data-testid=testid>
            <Transition fallback=move || view! { <section class="card"><p class="muted">{loading}</p></section> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(v)) => render(v),
                        Ok(None) => ().into_any(),
                        Err(error) => view! { <section class="card"><ErrorNotice error /></section> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}
