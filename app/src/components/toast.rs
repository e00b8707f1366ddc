//! Toasts: short messages at the corner of the screen that say how an action ended. Announced
//! to screen readers through a live region; they fade on their own (errors stay until closed).

use leptos::prelude::*;

use crate::i18n::td_string;
use crate::locale::untracked;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    pub id: u64,
    pub ok: bool,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    list: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

/// How long a success message stays, in milliseconds.
const SUCCESS_MS: u32 = 6_000;

impl Toasts {
    pub fn ok(&self, text: impl Into<String>) {
        self.push(true, text.into());
    }

    pub fn error(&self, text: impl Into<String>) {
        self.push(false, text.into());
    }

    fn push(&self, ok: bool, text: String) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|l| l.push(Toast { id, ok, text }));
        if ok {
            let list = self.list;
            leptos::task::spawn_local(async move {
                crate::browser::sleep_ms(SUCCESS_MS).await;
                list.try_update(|l| l.retain(|t| t.id != id));
            });
        }
    }

    fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|t| t.id != id));
    }
}

pub fn provide_toasts() -> Toasts {
    let toasts = Toasts {
        list: RwSignal::new(Vec::new()),
        next: StoredValue::new(1),
    };
    provide_context(toasts);
    toasts
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="toasts" role="region" aria-label=td_string!(untracked(), common.ui.notifications) aria-live="polite" data-testid="toasts">
            <For each=move || toasts.list.get() key=|t| t.id let:toast>
                <div class=if toast.ok { "toast toast-ok" } else { "toast toast-error" } data-testid="toast">
                    <span class="toast-icon" aria-hidden="true">{if toast.ok { "✓" } else { "!" }}</span>
                    <span class="toast-text">{toast.text.clone()}</span>
                    <button
                        class="toast-close"
                        type="button"
                        aria-label=td_string!(untracked(), common.ui.dismiss)
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
