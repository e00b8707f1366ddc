//! How pages show an `AppError`: plain words, and for an ended session, a trip through sign-in
//! that comes back to the page the user was on.

use leptos::prelude::*;

use crate::error::AppError;

/// Sends the browser to sign-in: during SSR as a redirect when the response has not started yet,
/// and in any case from the browser once the page hydrates.
pub fn go_to_sign_in() {
    #[cfg(feature = "ssr")]
    {
        let here = use_context::<http::request::Parts>()
            .and_then(|p| p.uri.path_and_query().map(|pq| pq.as_str().to_string()))
            .unwrap_or_else(|| "/".into());
        leptos_axum::redirect(&crate::auth::login_url(&here, true));
    }
    #[cfg(not(feature = "ssr"))]
    {
        // Several parts of a page can meet the ended session at once (the poller, a resource, an
        // action): the first starts the trip, the others would only restart it.
        thread_local! {
            static STARTED: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
        }
        let now = crate::browser::now_ms();
        if now - STARTED.get() < 5_000.0 {
            return;
        }
        STARTED.set(now);
        crate::browser::load_page(&crate::auth::login_url(
            &crate::browser::current_path(),
            true,
        ));
    }
}

/// An error box for a failed load or action. An expired session redirects instead.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    if error == AppError::SessionExpired {
        go_to_sign_in();
    }
    if let AppError::Maintenance(words) = &error {
        return view! {
            <div class="notice notice-warn banner" role="status" data-testid="maintenance">
                <strong>{crate::i18n::td_string!(crate::locale::untracked(), errors.maintenance)}</strong>
                " "
                {words.clone()}
            </div>
        }
        .into_any();
    }
    view! { <p class="notice notice-error" role="alert">{error.words(crate::locale::untracked())}</p> }.into_any()
}

/// A detail page whose subject does not exist: HTTP 404 during SSR, the upstream's words and a
/// way back. Any other error shows as an [`ErrorNotice`].
#[component]
pub fn MissingOr(
    error: AppError,
    testid: &'static str,
    title: &'static str,
    back_href: &'static str,
    back_label: &'static str,
) -> impl IntoView {
    if let AppError::NotFound(message) = &error {
        #[cfg(feature = "ssr")]
        if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
            resp.set_status(http::StatusCode::NOT_FOUND);
        }
        let message = message.clone();
        return view! {
            <section class="card empty" data-testid=testid>
                <h1>{title}</h1>
                <p class="muted">{message}</p>
                <a class="btn btn-primary" href=back_href>{back_label}</a>
            </section>
        }
        .into_any();
    }
    view! { <section class="card"><ErrorNotice error /></section> }.into_any()
}

/// How a failed action ends: sign-in when the session is gone, nothing for a field error (the
/// form shows it next to its field), else a toast with the message.
pub fn report_failure(error: &AppError) {
    match error {
        AppError::SessionExpired => go_to_sign_in(),
        AppError::Invalid { .. } => {}
        e => crate::components::toast::use_toasts().error(e.words(crate::locale::untracked())),
    }
}

/// Shows how a mutation ended: a toast with `ok`'s words, a field error in place, or sign-in.
pub fn report<T>(result: &Result<T, AppError>, ok: impl FnOnce(&T) -> String) {
    match result {
        Ok(v) => crate::components::toast::use_toasts().ok(ok(v)),
        Err(e) => report_failure(e),
    }
}
