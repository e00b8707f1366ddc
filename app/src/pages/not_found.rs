//! The 404 page; SSR also sets the HTTP status.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
            resp.set_status(http::StatusCode::NOT_FOUND);
        }
    }
    let i18n = use_i18n();
    view! {
        <Title text=t_string!(i18n, errors.not_found_title) />
        <div class="error-page">
            <p class="error-code">"404"</p>
            <h1>{t!(i18n, errors.not_found_title)}</h1>
            <p class="lead">{t!(i18n, errors.not_found_text)}</p>
            <a class="btn btn-primary" href="/">{t!(i18n, errors.go_home)}</a>
        </div>
    }
}
