//! A modal dialog on the native `<dialog>` element: `showModal()` makes the rest of the page
//! inert (focus stays inside), Esc closes it, and focus returns to where it was.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::td_string;
use crate::locale::untracked;

#[component]
pub fn Dialog(
    /// Open while true; closing (Esc, a Cancel button) sets it back to false.
    open: RwSignal<bool>,
    #[prop(into)] title: String,
    /// A short id for the title, so the dialog is labelled by it.
    #[prop(into)]
    id: String,
    children: Children,
) -> impl IntoView {
    let dialog: NodeRef<html::Dialog> = NodeRef::new();
    Effect::new(move |_| {
        let want = open.get();
        if let Some(el) = dialog.get() {
            if want && !el.open() {
                let _ = el.show_modal();
            } else if !want && el.open() {
                el.close();
            }
        }
    });
    let title_id = format!("{id}-title");
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby=title_id.clone()
            data-testid=id.clone()
            on:close=move |_| open.set(false)
            on:keydown=move |ev| {
                if ev.key() == "Tab" {
                    if let Some(el) = dialog.get_untracked() {
                        keep_focus_inside(&el, &ev);
                    }
                }
            }
        >
            <div class="dialog-head">
                <h2 id=format!("{id}-title")>{title}</h2>
                <button class="btn btn-ghost btn-sm dialog-x" type="button" aria-label=td_string!(untracked(), common.ui.dismiss_dialog) on:click=move |_| open.set(false)>
                    "×"
                </button>
            </div>
            {children()}
        </dialog>
    }
}

/// Tab from the last control goes to the first, Shift+Tab from the first to the last: focus never
/// leaves an open dialog (the browser would otherwise move it to its own toolbar).
fn keep_focus_inside(dialog: &web_sys::HtmlDialogElement, ev: &leptos::ev::KeyboardEvent) {
    use leptos::wasm_bindgen::JsCast;
    const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), \
        select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = document().active_element();
    let is = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == AsRef::<web_sys::Element>::as_ref(el))
    };
    if ev.shift_key() && is(first) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && is(last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

/// A dialog's footer: Cancel, which closes it, and the action's button, disabled and relabelled
/// `busy` while the action runs. Without `on_confirm` the button submits the dialog's form.
#[component]
pub fn DialogActions(
    /// The dialog's `open` signal: Cancel sets it to false.
    open: RwSignal<bool>,
    /// The action is running.
    #[prop(into)]
    pending: Signal<bool>,
    /// The button's words.
    #[prop(into)]
    label: Signal<String>,
    /// Its words while the action runs.
    busy: &'static str,
    /// A destructive action (a red button).
    #[prop(optional, into)]
    danger: Signal<bool>,
    /// Further reasons to keep the button disabled (e.g. a confirmation not typed yet).
    #[prop(optional, into)]
    blocked: Signal<bool>,
    #[prop(optional)] test_id: Option<&'static str>,
    /// Runs on click; none: the button submits the form.
    #[prop(optional)]
    on_confirm: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="dialog-actions">
            <button class="btn" type="button" on:click=move |_| open.set(false)>{td_string!(untracked(), common.ui.cancel)}</button>
            <button
                class=move || if danger.get() { "btn btn-danger" } else { "btn btn-primary" }
                type=if on_confirm.is_some() { "button" } else { "submit" }
                data-testid=test_id
                disabled=move || pending.get() || blocked.get()
                on:click=move |_| {
                    if let Some(confirm) = on_confirm {
                        confirm.run(());
                    }
                }
            >
                {move || if pending.get() { busy.to_string() } else { label.get() }}
            </button>
        </div>
    }
}
