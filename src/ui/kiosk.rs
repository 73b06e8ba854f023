//! Kiosk mode, for a shared touch screen used by strangers one after another.

use super::app::App;
use super::events::focus_after_render;
use crate::rules::policy::Lang;
use crate::session::Page;
use crate::view::esc;
use crate::view::text::ui;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `?kiosk=1` (optionally `&idle=SECONDS`, default 90) turns on kiosk mode for the session: it is
/// kept in the address, never adds history entries, never stores anything, and wipes everything
/// after the idle time, with a warning first.
pub fn start_kiosk_if_asked(app: App) {
    let search = location().search().unwrap_or_default();
    let param = |name: &str| {
        search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix(name).and_then(|v| v.strip_prefix('=')).map(str::to_string))
    };
    if app.session.with_untracked(|s| s.kiosk_idle.is_none()) && param("kiosk").as_deref() == Some("1") {
        let idle = param("idle").and_then(|v| v.parse::<u16>().ok()).filter(|v| (5..=3600).contains(v)).unwrap_or(90);
        let mut s = app.session.get_untracked();
        s.kiosk_idle = Some(idle);
        app.go(app.page.get_untracked(), s);
    }
    if app.session.with_untracked(|s| s.kiosk_idle.is_some()) {
        kiosk_idle_timer(app);
    }
}

/// Counts seconds without a touch, key or input; warns before the end; then clears everything.
/// The warning is built once; each second only its count changes (so focus and the screen
/// reader's announcement are not disturbed), and focus returns where it was when it closes.
fn kiosk_idle_timer(app: App) {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let quiet = Rc::new(Cell::new(0u32));
    for name in ["pointerdown", "keydown", "input", "touchstart", "wheel"] {
        let quiet = quiet.clone();
        window_event_listener_untyped(name, move |_| quiet.set(0));
    }
    let overlay = document().create_element("div").expect("div");
    overlay.set_class_name("idle-warning");
    for (k, v) in [
        ("hidden", ""),
        ("role", "alertdialog"),
        ("aria-modal", "true"),
        ("aria-labelledby", "idle-title"),
        ("aria-describedby", "idle-body"),
    ] {
        let _ = overlay.set_attribute(k, v);
    }
    let _ = document().body().expect("body").append_child(&overlay);
    let before: Rc<RefCell<Option<web_sys::HtmlElement>>> = Rc::new(RefCell::new(None));
    let close = {
        let (overlay, before) = (overlay.clone(), before.clone());
        move || {
            if !overlay.has_attribute("hidden") {
                let _ = overlay.set_attribute("hidden", "");
                if let Some(el) = before.borrow_mut().take() {
                    let _ = el.focus();
                }
            }
        }
    };
    let still_here = {
        let (quiet, close) = (quiet.clone(), close.clone());
        Closure::<dyn FnMut()>::new(move || {
            quiet.set(0);
            close();
        })
    };
    let shown_lang: Rc<Cell<Option<Lang>>> = Rc::new(Cell::new(None));
    let _ = set_interval_with_handle(
        move || {
            let Some(idle) = app.session.with_untracked(|s| s.kiosk_idle) else { return };
            let idle = idle as u32;
            let warn_from = idle - (idle / 3).clamp(1, 30);
            let t = quiet.get() + 1;
            quiet.set(t);
            if t >= idle {
                quiet.set(0);
                close();
                wipe(app);
            } else if t >= warn_from {
                let lang = app.session.with_untracked(|s| s.lang);
                let text = ui(lang);
                if shown_lang.get() != Some(lang) {
                    overlay.set_inner_html(&format!(
                        r#"<div class="idle-box"><h2 id="idle-title">{}</h2><p id="idle-body" aria-live="assertive"></p><button type="button" class="button">{}</button></div>"#,
                        esc(text.idle_title),
                        esc(text.idle_continue)
                    ));
                    if let Some(button) = overlay.query_selector("button").ok().flatten() {
                        let _ = button.add_event_listener_with_callback("click", still_here.as_ref().unchecked_ref());
                    }
                    shown_lang.set(Some(lang));
                }
                if let Some(body) = overlay.query_selector("#idle-body").ok().flatten() {
                    body.set_text_content(Some(&text.idle_body.replace("{n}", &(idle - t).to_string())));
                }
                if overlay.has_attribute("hidden") {
                    *before.borrow_mut() = document().active_element().and_then(|e| e.dyn_into().ok());
                    let _ = overlay.remove_attribute("hidden");
                    focus_after_render(".idle-warning button");
                }
            } else {
                close();
            }
        },
        std::time::Duration::from_secs(1),
    );
}

/// The next person starts clean: answers, settings and any storage of this app are gone, and the
/// one history entry we use now shows the start page.
pub fn wipe(app: App) {
    let fresh = app.session.with_untracked(|s| s.fresh_kiosk());
    app.set_saved(None);
    for storage in [window().local_storage(), window().session_storage()].into_iter().flatten().flatten() {
        let _ = storage.clear();
    }
    app.go(Page::Start, fresh);
}
