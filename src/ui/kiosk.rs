//! Kiosk mode, for a shared touch screen used by strangers one after another.
//!
//! Nothing of one person may reach the next, whichever way they leave: the idle timer (with a
//! warning first), "finish and clear" (after a question), the page being hidden or left (another
//! app, Back, reload, closing the tab), and any address this page did not itself write during this
//! visit (Back then Forward, reload, a second tab, a bookmarked link): those give an empty start.

use super::app::App;
use super::events::focus_after_render;
use crate::rules::policy::Lang;
use crate::session::{address, parse_address, DecodeError, Page, Session};
use crate::view::esc;
use crate::view::text::ui;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;

thread_local! {
    /// The address this page last wrote or followed from one of its own links, during this visit.
    static CREATED: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Shortest time the idle warning gives to respond, and the longest quiet before it may appear.
const WARN_MIN: u32 = 20;
const QUIET_MIN: u32 = 10;

/// This page wrote (or is about to follow, from its own link) this address.
pub fn created(hash: &str) {
    CREATED.with(|c| *c.borrow_mut() = hash.to_string());
}

/// The page and answers to show for an address, at a kiosk: only an address this page created in
/// this visit is followed; any other (reload, Back then Forward, a new tab, a bookmark, typed in)
/// gives an empty start, keeping only the kiosk setting. Outside kiosk mode: unchanged.
pub fn guard_address(hash: &str, current: &Session, parsed: (Page, Result<Session, DecodeError>)) -> (Page, Result<Session, DecodeError>) {
    let idle = current.kiosk_idle.or(parsed.1.as_ref().ok().and_then(|s| s.kiosk_idle));
    match idle {
        Some(idle) if CREATED.with(|c| *c.borrow() != hash) => (Page::Start, Ok(Session { kiosk_idle: Some(idle), ..Session::default() })),
        _ => parsed,
    }
}

/// `?kiosk=1` (optionally `&idle=SECONDS`, default 90) turns on kiosk mode for the session: it is
/// kept in the address, never adds history entries, never stores anything, and wipes everything
/// after the idle time, with a warning first. A kiosk always opens on an empty start page.
pub fn start_kiosk_if_asked(app: App) {
    let search = location().search().unwrap_or_default();
    let param = |name: &str| {
        search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix(name).and_then(|v| v.strip_prefix('=')).map(str::to_string))
    };
    let asked = (param("kiosk").as_deref() == Some("1"))
        .then(|| param("idle").and_then(|v| v.parse::<u16>().ok()).filter(|v| (5..=3600).contains(v)).unwrap_or(90));
    let Some(idle) = asked.or(app.session.with_untracked(|s| s.kiosk_idle)) else { return };
    app.set_saved(None);
    app.go(Page::Start, Session { kiosk_idle: Some(idle), ..Session::default() });
    // One listener for everything a kiosk watches on the window (one closure keeps the wasm small).
    for name in ["pointerdown", "keydown", "input", "touchstart", "wheel", "click", "pagehide", "visibilitychange"] {
        window_event_listener_untyped(name, move |ev| on_window_event(app, ev));
    }
    kiosk_idle_timer(app);
}

/// Any touch, key or input means someone is there. A click or Escape answers a dialog. Leaving
/// the page in any way (another app, Back, reload, closing the tab, the screen off) wipes it
/// first, and the wiped page is what a return (Forward, the browser's cache) shows.
fn on_window_event(app: App, ev: web_sys::Event) {
    QUIET.with(|q| q.set(0));
    let dialog_button = || {
        let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(".kiosk-dialog button").ok()??;
        el.get_attribute("data-finish").or(Some(String::new()))
    };
    let hidden =
        || js_sys::Reflect::get(&document(), &"visibilityState".into()).ok().and_then(|v| v.as_string()).as_deref() == Some("hidden");
    match ev.type_().as_str() {
        "pagehide" => wipe(app),
        "visibilitychange" if hidden() => wipe(app),
        "click" => match dialog_button().as_deref() {
            Some("clear") => wipe(app),
            Some(_) => close_dialogs(),
            None => {}
        },
        "keydown" if ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape") => close_dialogs(),
        _ => {}
    }
}

fn close_dialogs() {
    for dialog in [&IDLE, &CONFIRM] {
        if let Some(d) = dialog.with(|d| d.borrow().clone()) {
            d.close();
        }
    }
}

/// A dialog over the page (the idle warning, the "finish and clear" question): built once, hidden
/// until needed; while it shows, the page behind it is inert, and focus returns where it was.
struct Dialog {
    overlay: web_sys::Element,
    /// The focused element when it opened.
    before: RefCell<Option<web_sys::HtmlElement>>,
    /// The language its text was last written in.
    lang: Cell<Option<Lang>>,
}

impl Dialog {
    fn new(class: &str) -> Rc<Dialog> {
        let overlay = document().create_element("div").expect("div");
        overlay.set_class_name(&format!("kiosk-dialog {class}"));
        for (k, v) in [("hidden", ""), ("role", "alertdialog"), ("aria-modal", "true")] {
            let _ = overlay.set_attribute(k, v);
        }
        let _ = document().body().expect("body").append_child(&overlay);
        Rc::new(Dialog { overlay, before: RefCell::new(None), lang: Cell::new(None) })
    }

    fn open(&self, focus: &'static str) {
        if self.overlay.has_attribute("hidden") {
            *self.before.borrow_mut() = document().active_element().and_then(|e| e.dyn_into().ok());
            let _ = self.overlay.remove_attribute("hidden");
            if let Some(app) = document().get_element_by_id("app") {
                let _ = app.set_attribute("inert", "");
            }
            focus_after_render(focus);
        }
    }

    fn close(&self) {
        if !self.overlay.has_attribute("hidden") {
            let _ = self.overlay.set_attribute("hidden", "");
            let others_open = document().query_selector(".kiosk-dialog:not([hidden])").ok().flatten().is_some();
            if let (false, Some(app)) = (others_open, document().get_element_by_id("app")) {
                let _ = app.remove_attribute("inert");
            }
            // The element focused before may have been redrawn: then the same control, by class.
            let before = self.before.borrow_mut().take();
            let again = before
                .filter(|el| el.is_connected())
                .or_else(|| document().query_selector(".kiosk-finish").ok().flatten().and_then(|e| e.dyn_into().ok()));
            if let Some(el) = again {
                let _ = el.focus();
            }
        }
    }
}

thread_local! {
    /// Seconds since the last touch, key or input.
    static QUIET: Cell<u32> = const { Cell::new(0) };
    /// The idle warning, built when kiosk mode starts.
    static IDLE: RefCell<Option<Rc<Dialog>>> = const { RefCell::new(None) };
    /// The "finish and clear" question, built on first use.
    static CONFIRM: RefCell<Option<Rc<Dialog>>> = const { RefCell::new(None) };
}

/// Counts seconds without a touch, key or input; warns before the end; then clears everything.
/// The warning gives at least 20 s (a third of the idle time, up to 30 s): it appears after
/// `idle - warning` quiet seconds, but never before 10, so a short `idle` is lengthened rather
/// than the warning shortened. It is built once and announced once, as a dialog taking focus
/// (nothing in it is a live region); each second only the number in it changes.
fn kiosk_idle_timer(app: App) {
    let dialog = Dialog::new("idle-warning");
    let _ = dialog.overlay.set_attribute("aria-labelledby", "idle-title");
    let _ = dialog.overlay.set_attribute("aria-describedby", "idle-body");
    IDLE.with(|d| *d.borrow_mut() = Some(dialog.clone()));
    let _ = set_interval_with_handle(
        move || {
            let Some(idle) = app.session.with_untracked(|s| s.kiosk_idle) else { return };
            let idle = idle as u32;
            let warning = (idle / 3).clamp(WARN_MIN, 30);
            let warn_from = idle.saturating_sub(warning).max(QUIET_MIN);
            let t = QUIET.with(|q| q.get()) + 1;
            QUIET.with(|q| q.set(t));
            if t >= warn_from + warning {
                wipe(app);
            } else if t >= warn_from {
                let lang = app.session.with_untracked(|s| s.lang);
                let text = ui(lang);
                let left = (warn_from + warning - t).to_string();
                if dialog.lang.get() != Some(lang) || dialog.overlay.has_attribute("hidden") {
                    dialog.overlay.set_inner_html(&format!(
                        r#"<div class="kiosk-box"><h2 id="idle-title">{}</h2><p id="idle-body">{}</p><button type="button" class="button">{}</button></div>"#,
                        esc(text.idle_title),
                        esc(text.idle_body).replace("{n}", &format!(r#"<span class="idle-count">{left}</span>"#)),
                        esc(text.idle_continue)
                    ));
                    dialog.lang.set(Some(lang));
                } else if let Some(count) = dialog.overlay.query_selector(".idle-count").ok().flatten() {
                    count.set_text_content(Some(&left));
                }
                dialog.open(".idle-warning button");
            } else {
                dialog.close();
            }
        },
        std::time::Duration::from_secs(1),
    );
}

/// "Finish and clear" asks first: a mistaken touch (it is a large button) must not lose the
/// answers. Focus starts on "no, keep going"; Escape also keeps going.
pub fn ask_finish(app: App) {
    let lang = app.session.with_untracked(|s| s.lang);
    let dialog = CONFIRM.with(|c| {
        let mut c = c.borrow_mut();
        let dialog = c.get_or_insert_with(|| {
            let dialog = Dialog::new("finish-confirm");
            let _ = dialog.overlay.set_attribute("aria-labelledby", "finish-title");
            let _ = dialog.overlay.set_attribute("aria-describedby", "finish-body");
            dialog
        });
        if dialog.lang.get() != Some(lang) {
            let t = ui(lang);
            dialog.overlay.set_inner_html(&format!(
                r#"<div class="kiosk-box"><h2 id="finish-title">{}</h2><p id="finish-body">{}</p><div class="kiosk-choices"><button type="button" class="button button-secondary" data-finish="keep">{}</button><button type="button" class="button button-warning" data-finish="clear">{}</button></div></div>"#,
                esc(t.finish_confirm_title),
                esc(t.finish_confirm_body),
                esc(t.finish_confirm_no),
                esc(t.finish_confirm_yes)
            ));
            dialog.lang.set(Some(lang));
        }
        dialog.clone()
    });
    dialog.open(r#".finish-confirm [data-finish="keep"]"#);
}

/// The next person starts clean: answers, settings and any storage of this app are gone, and the
/// one history entry we use now shows the start page (redrawn before a page being left is frozen:
/// the redraw runs in the same task, as a microtask).
pub fn wipe(app: App) {
    let fresh = app.session.with_untracked(|s| s.fresh_kiosk());
    QUIET.with(|q| q.set(0));
    close_dialogs();
    app.set_saved(None);
    for storage in [window().local_storage(), window().session_storage()].into_iter().flatten().flatten() {
        let _ = storage.clear();
    }
    app.go(Page::Start, fresh);
}

/// The address now in the location bar, as the app reads it at a kiosk (see `guard_address`).
/// An address refused there is replaced at once by the empty start it gives.
pub fn read_guarded(current: &Session) -> (Page, Result<Session, DecodeError>) {
    let hash = location().hash().unwrap_or_default();
    let (page, session) = guard_address(&hash, current, parse_address(&hash));
    if let Some(s) = session.as_ref().ok().filter(|s| s.kiosk_idle.is_some()) {
        let now = format!("#{}", address(page, s));
        if now != hash {
            created(&now);
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&now));
            }
        }
    }
    (page, session)
}
