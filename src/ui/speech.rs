//! Read aloud with the browser's own speech (Web Speech API), in the page's language. The button is
//! not shown where the browser has no speech synthesis.

use super::text::ui;
use super::use_app;
use leptos::prelude::*;

fn synth() -> Option<web_sys::SpeechSynthesis> {
    let w = window();
    let has = js_sys::Reflect::has(&w, &"speechSynthesis".into()).unwrap_or(false);
    if has {
        w.speech_synthesis().ok()
    } else {
        None
    }
}

#[component]
pub fn ReadAloud(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let app = use_app();
    let available = synth().is_some();
    available.then(|| {
        view! {
            <button type="button" class="button button-secondary button-speak" on:click=move |_| {
                if let Some(s) = synth() {
                    s.cancel();
                    if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(&text.get_untracked()) {
                        u.set_lang(app.lang().code());
                        s.speak(&u);
                    }
                }
            }>
                <span aria-hidden="true">"🔊 "</span>{ui(app.lang_now()).read_aloud}
            </button>
        }
    })
}
