//! Support plan and reserved period: the rules people need before they choose, and the API's
//! answer (or refusal) in plain words.

use leptos::prelude::*;

use super::DetailCtx;
use crate::api::servers::settings::{ReserveServer, SetSupport};
use crate::components::api_call::ShowApiCall;
use crate::components::error_view::report;
use crate::components::field::FieldError;
use crate::model::api_call::ApiCall;
use crate::model::server::{reserved_formula, ServerDetail, RESERVE_MONTHS};

#[component]
pub fn SupportCard(detail: ServerDetail) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let current = detail.support.clone();
    let code = current.as_ref().map(|s| s.code.clone()).unwrap_or_default();
    let chosen = RwSignal::new(code.clone());
    let error = Signal::derive(move || ctx.support.value().get().and_then(Result::err));
    let options = [
        (
            "",
            crate::tr!(server.support.unmanaged),
            crate::tr!(server.support.unmanaged_hint),
        ),
        (
            "basic",
            crate::tr!(server.support.basic),
            crate::tr!(server.support.basic_hint),
        ),
        (
            "global",
            crate::tr!(server.support.global),
            crate::tr!(server.support.global_hint),
        ),
    ];
    view! {
        <section class="card" data-testid="support-card">
            <h2>{crate::tr!(server.support.title)}</h2>
            {match current.clone() {
                Some(s) => view! {
                    <p>
                        <strong>{s.title.clone()}</strong>
                        {s.start.clone().map(|d| crate::tr!(server.support.since, date = d.exact(crate::locale::untracked())).to_string())}
                        {s.end.clone().map(|d| if s.may_downgrade {
                            crate::tr!(server.support.ended, date = d.exact(crate::locale::untracked())).to_string()
                        } else {
                            crate::tr!(server.support.ends, date = d.exact(crate::locale::untracked())).to_string()
                        })}
                        {s.immutable.then_some(crate::tr!(server.support.locked))}
                    </p>
                }.into_any(),
                None => view! { <p><strong>{crate::tr!(server.support.unmanaged)}</strong></p> }.into_any(),
            }}
            <p class="muted small">
                {crate::tr!(server.support.rules)}
            </p>
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    ctx.support.dispatch(SetSupport { name: ctx.name.get_untracked(), code: chosen.get_untracked() });
                }
            >
                <fieldset class="choices">
                    <legend class="sr-only">{crate::tr!(server.support.title)}</legend>
                    {options.into_iter().map(|(value, label, hint)| {
                        let checked = value == code;
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="support"
                                    value=value
                                    checked=checked
                                    on:change=move |_| chosen.set(value.to_string())
                                />
                                <span><strong>{label}</strong><span class="muted small block">{hint}</span></span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <FieldError error field="support" />
                {move || refusal(error.get())}
                <button
                    class="btn btn-primary"
                    type="submit"
                    data-testid="support-save"
                    disabled=move || chosen.get() == code || ctx.support.pending().get()
                >
                    {move || if ctx.support.pending().get() { crate::tr!(server.saving) } else { crate::tr!(server.support.change) }}
                </button>
                <ShowApiCall call=Signal::derive(move || ApiCall::support_choice(&ctx.name.get(), &chosen.get())) />
            </form>
        </section>
    }
}

#[component]
pub fn ReservedCard(detail: ServerDetail) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let plan = detail.row.plan.clone();
    let months = RwSignal::new(12u32);
    let error = Signal::derive(move || ctx.reserve.value().get().and_then(Result::err));
    let formula = {
        let plan = plan.clone();
        move || reserved_formula(months.get(), &plan)
    };
    let sent = formula.clone();
    view! {
        <section class="card" data-testid="reserved-card">
            <h2>{crate::tr!(server.reserved.title)}</h2>
            {match detail.row.reserved_until.clone() {
                Some(until) => view! { <p><strong>{crate::tr!(server.reserved.until, date = until.exact(crate::locale::untracked())).to_string()}</strong></p> }.into_any(),
                None => view! { <p><strong>{crate::tr!(server.reserved.not_reserved)}</strong>{crate::tr!(server.reserved.hourly)}</p> }.into_any(),
            }}
            <p class="muted small">
                {crate::tr!(server.reserved.intro)}
                <strong>{crate::tr!(server.reserved.warning)}</strong>
            </p>
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    ctx.reserve.dispatch(ReserveServer { name: ctx.name.get_untracked(), months: months.get_untracked() });
                }
            >
                <label class="field">
                    <span>{crate::tr!(server.reserved.period)}</span>
                    <select name="months" on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse() { months.set(m) }
                    }>
                        {RESERVE_MONTHS.into_iter().map(|m| {
                            view! { <option value=m.to_string() selected=m == 12>{crate::tr!(server.reserved.months, m = m).to_string()}</option> }
                        }).collect_view()}
                    </select>
                    <FieldError error field="months" />
                    {move || refusal(error.get())}
                    <span class="muted small">{crate::tr!(server.reserved.sent_as)}<code>{formula}</code></span>
                </label>
                <button class="btn btn-primary" type="submit" data-testid="reserve-save" disabled=move || ctx.reserve.pending().get()>
                    {move || if ctx.reserve.pending().get() { crate::tr!(server.reserved.reserving) } else { crate::tr!(server.reserved.reserve) }}
                </button>
                <ShowApiCall call=Signal::derive(move || ApiCall::reserve_server(&ctx.name.get(), &sent())) />
            </form>
            {move || ctx.reserved.get().map(|r| view! {
                <p class="notice notice-info" data-testid="reserved-result">
                    {crate::tr!(server.reserved.result, formula = r.formula.clone()).to_string()}
                    {r.discount.map(|d| crate::tr!(server.reserved.discount, d = d).to_string())}
                    {r.end.map(|e| crate::tr!(server.reserved.result_ends, date = e.exact(crate::locale::untracked())).to_string())}
                </p>
            })}
        </section>
    }
}

/// The API's refusal shown in the card it belongs to (it also goes to a toast).
fn refusal(error: Option<crate::error::AppError>) -> Option<impl IntoView> {
    use crate::error::AppError;
    match error? {
        AppError::Invalid { .. } | AppError::SessionExpired => None,
        e => Some(
            view! { <p class="notice notice-error" role="alert" data-testid="refusal">{e.words(crate::locale::untracked())}</p> },
        ),
    }
}

/// A toast, and the page's data again, when a support plan or a reserved period answers.
pub fn follow_answers(ctx: DetailCtx) {
    Effect::new(move |_| {
        if let Some(r) = ctx.support.value().get() {
            report(&r, |s| match s {
                Some(s) => crate::tr!(server.support.now, title = s.title.clone()).to_string(),
                None => crate::tr!(server.support.removed).into(),
            });
            if r.is_ok() {
                ctx.reload.run(());
            }
        }
    });
    Effect::new(move |_| {
        if let Some(r) = ctx.reserve.value().get() {
            report(&r, |v| {
                crate::tr!(
                    server.reserved.reserved_for,
                    months = v.months.unwrap_or_default()
                )
                .to_string()
            });
            if let Ok(v) = r {
                ctx.reserved.set(Some(v));
                ctx.reload.run(());
            }
        }
    });
}
