//! The browser shell (wasm only): Leptos signals hold the state, an effect puts the page HTML from
//! `view` on the screen, and a few handlers take the events: form submits, the print, read-aloud
//! and remember buttons, settings links, focus, the kiosk timer. All state is in the address after
//! `#`, so back, reload and shared links show the same answers; nothing is stored on the device
//! unless the person asks ("remember my answers"), and never at a kiosk.

use crate::rules::engine;
use crate::rules::policy::{install_rules, install_texts, rule_file, rules_loaded, text_file, texts_loaded, Lang};
use crate::rules::Fact;
use crate::session::{address, next_page, parse_address, DecodeError, Helper, Page, Session};
use crate::view::form::{answer_not_sure, apply_answer, Draft, FieldError};
use crate::view::text::ui;
use crate::view::{esc, page_title, place_needed, render_page, render_shell};
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

thread_local! {
    /// Places (and languages) whose rules or texts are being downloaded right now.
    static IN_FLIGHT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// The settings link just used (its position among them), to give it focus again after the redraw.
    static SETTING_FOCUS: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// Fetching a place's rules and texts: a counter that changes on every arrival, whether the last
/// fetch failed, and whether one is under way after an answer (shown as a status line).
#[derive(Clone, Copy, Default, PartialEq)]
pub struct Loading {
    pub version: u32,
    pub failed: bool,
    pub busy: bool,
}

/// The app's state.
#[derive(Clone, Copy)]
pub struct App {
    pub session: RwSignal<Session>,
    pub page: RwSignal<Page>,
    /// A link that could not be read.
    pub notice: RwSignal<Option<DecodeError>>,
    /// The problem with the last answer, shown on the same page.
    pub error: RwSignal<Option<FieldError>>,
    /// Bumped when a place's rules and texts arrive or fail, so the page redraws.
    pub loading: RwSignal<Loading>,
}

impl App {
    fn new() -> App {
        App {
            session: RwSignal::new(Session::default()),
            page: RwSignal::new(Page::Start),
            notice: RwSignal::new(None),
            error: RwSignal::new(None),
            loading: RwSignal::new(Loading::default()),
        }
    }

    /// Show a page with these answers: the address changes (so back and reload work). The page
    /// we leave is first re-addressed with the new answers, so the browser's back button returns
    /// to it with the answer given there still chosen.
    pub fn go(&self, page: Page, session: Session) {
        let here = format!("#{}", address(self.page.get_untracked(), &session));
        let hash = format!("#{}", address(page, &session));
        let kiosk = session.kiosk_idle.is_some();
        self.error.set(None);
        self.notice.set(None);
        // Kept answers follow the person's changes (only after they asked to keep them).
        if !kiosk && crate::view::saved().is_some() {
            let text = session.for_handoff().encode();
            if let Some(st) = storage() {
                let _ = st.set_item(SAVED_KEY, &text);
            }
            crate::view::set_saved(Some(text));
        }
        self.page.set(page);
        self.session.set(session);
        if let Ok(history) = window().history() {
            if kiosk {
                // A kiosk never adds history entries: Back cannot show the last person's answers.
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
            } else {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
                let _ = location().set_hash(&hash);
            }
        }
        focus_after_render("main h1");
    }

    /// Follow the address (on load, back/forward, and links).
    pub fn read_address(&self) {
        let hash = location().hash().unwrap_or_default();
        let (page, session) = parse_address(&hash);
        self.error.set(None);
        match session {
            Ok(s) => {
                if self.session.get_untracked() != s {
                    self.session.set(s);
                }
                self.notice.set(None);
                self.page.set(page);
            }
            Err(e) => {
                self.session.set(Session::default());
                self.notice.set(Some(e));
                self.page.set(Page::Start);
            }
        }
    }

    /// Whether a place's rules and its texts in this language are here.
    fn place_ready(place: u8, lang: Lang) -> bool {
        rules_loaded(place) && texts_loaded(place, lang)
    }

    /// Fetch what a place needs (its rules, and its texts in this language) unless it is here, then
    /// run `then` (also when it was here already). A failure redraws the page with a retry button.
    pub fn ensure_place(&self, place: u8, lang: Lang, then: Option<Box<dyn FnOnce()>>) {
        if Self::place_ready(place, lang) {
            if let Some(f) = then {
                f();
            }
            return;
        }
        // One download per place at a time; a redraw while it runs does not start another.
        let bit = 1u32 << (place as u32 * 2 + lang as u32);
        if IN_FLIGHT.with(|f| f.get() & bit != 0) && then.is_none() {
            return;
        }
        IN_FLIGHT.with(|f| f.set(f.get() | bit));
        let loading = self.loading;
        if then.is_some() {
            loading.update(|t| t.busy = true);
        }
        leptos::task::spawn_local(async move {
            let mut ok = true;
            if !rules_loaded(place) {
                ok &= match fetch_bytes(rule_file(place)).await {
                    Some(bytes) => install_rules(place, &bytes),
                    None => false,
                };
            }
            if ok && !texts_loaded(place, lang) {
                ok &= match fetch_bytes(text_file(place, lang)).await.and_then(|b| String::from_utf8(b).ok()) {
                    Some(body) => install_texts(place, lang, body),
                    None => false,
                };
            }
            IN_FLIGHT.with(|f| f.set(f.get() & !bit));
            loading.update(|t| *t = Loading { version: t.version + 1, failed: !ok, busy: false });
            if ok {
                if let Some(f) = then {
                    f();
                }
            }
        });
    }

    /// The page as HTML, or a loading line (or retry) while the place's rules and texts are on their way.
    fn html(&self) -> String {
        let page = self.page.get();
        let s = self.session.get();
        let error = self.error.get();
        let Loading { failed, busy, .. } = self.loading.get();
        let t = ui(s.lang);
        let notice = self.notice.get().map(|e| match e {
            DecodeError::Version => t.old_link,
            DecodeError::Damaged => t.damaged_link,
        });
        if let Some(j) = place_needed(page, &s) {
            if !Self::place_ready(j, s.lang) {
                // After a failure, wait for the person to press "try again" (no retry loop).
                if !failed {
                    self.ensure_place(j, s.lang, None);
                }
                // The page keeps its heading while its content is on the way.
                let heading = format!(r#"<h1 tabindex="-1">{}</h1>"#, esc(&page_title(page, &s)));
                return render_shell(page, &s, &(heading + &status_line(t, failed, true)), notice);
            }
        }
        if busy || failed {
            // Waiting for (or failed to get) the chosen place's rules after an answer.
            let main = status_line(t, failed, false) + &crate::view::render_main(page, &s, error.as_ref());
            return render_shell(page, &s, &main, notice);
        }
        render_page(page, &s, error.as_ref(), notice)
    }
}

/// "Loading…", or "could not load" (with a "try again" button where the page has nothing else).
fn status_line(t: &crate::view::text::Ui, failed: bool, retry: bool) -> String {
    if !failed {
        return format!(r#"<p class="loading" role="status">{}</p>"#, esc(t.texts_loading));
    }
    let button = if retry {
        format!(r#"<button type="button" class="button" data-action="retry">{}</button>"#, esc(t.retry))
    } else {
        String::new()
    };
    format!(r#"<div class="notice" role="alert"><p>{}</p>{button}</div>"#, esc(t.texts_failed))
}

async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(window().fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Move focus once the new page is on screen (a new page starts at its heading; an error at the
/// error summary), as a full page load would for a screen reader.
fn focus_after_render(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().query_selector(selector).ok().flatten() {
            if selector == "main h1" {
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

fn has_speech() -> bool {
    js_sys::Reflect::has(&window(), &"speechSynthesis".into()).unwrap_or(false)
}

fn speak(text: &str, lang: Lang) {
    if let Ok(synth) = window().speech_synthesis() {
        synth.cancel();
        if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
            u.set_lang(lang.code());
            synth.speak(&u);
        }
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    // Pages other than index.html (e.g. the browser test runner) have no #app: nothing to start.
    let Some(page) = document().query_selector("#app > .page").ok().flatten() else { return };
    adopt(page.unchecked_into());
    register_service_worker();
}

/// Takes over the start screen that index.html already shows (pre-rendered by the same Rust code),
/// without rebuilding it when the address is the plain start page: the largest text on screen is
/// painted once, from the HTML, before the wasm has even loaded.
fn adopt(page: web_sys::HtmlElement) {
    use std::cell::Cell;
    use wasm_bindgen::closure::Closure;
    // Effects and tasks run on Leptos's executor; mount_to would start it, adopting does it here.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| {
        // What index.html shows (rendered at build time, before anything is known of this device).
        let prerendered = render_page(Page::Start, &Session::default(), None, None);
        let app = App::new();
        setup(app);
        start_kiosk_if_asked(app);
        let first = Cell::new(true);
        let target = page.clone();
        Effect::new(move |_| {
            let html = app.html();
            if !(first.replace(false) && html == prerendered) {
                // A redraw (e.g. the place's texts arriving) keeps the settings panel as it was.
                let open = target.query_selector("details.settings[open]").ok().flatten().is_some();
                target.set_inner_html(&html);
                if open {
                    if let Some(d) = target.query_selector("details.settings").ok().flatten() {
                        let _ = d.set_attribute("open", "");
                    }
                }
            }
        });
        let click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev| on_click(app, ev));
        let submit = Closure::<dyn FnMut(web_sys::SubmitEvent)>::new(move |ev| on_submit(app, ev));
        let _ = page.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        let _ = page.add_event_listener_with_callback("submit", submit.as_ref().unchecked_ref());
        click.forget();
        submit.forget();
        let _ = page.set_attribute("data-app", "ready");
    });
    // The app lives as long as the page: its owner is never dropped.
    std::mem::forget(owner);
}

/// `?kiosk=1` (optionally `&idle=SECONDS`, default 90) turns on kiosk mode for the session: it is
/// kept in the address, never adds history entries, never stores anything, and wipes everything
/// after the idle time, with a warning first.
fn start_kiosk_if_asked(app: App) {
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
    for (k, v) in [("hidden", ""), ("role", "alertdialog"), ("aria-modal", "true"), ("aria-labelledby", "idle-title"), ("aria-describedby", "idle-body")] {
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
fn wipe(app: App) {
    let fresh = app.session.with_untracked(|s| s.fresh_kiosk());
    crate::view::set_saved(None);
    for storage in [window().local_storage(), window().session_storage()].into_iter().flatten().flatten() {
        let _ = storage.clear();
    }
    app.go(Page::Start, fresh);
}

/// Offline use: the service worker keeps this build's files (see public/sw.js). Browsers without
/// service workers (or pages not served over https/localhost) simply go without.
fn register_service_worker() {
    let navigator = window().navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("./sw.js");
    }
}

/// What every way of starting the app shares: follow the address, and keep `<html lang>`, the
/// display settings and the title in step with the state.
/// The key of the answers a person chose to keep on this device (see `view::saved`).
const SAVED_KEY: &str = "benefits-answers";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn setup(app: App) {
    let now = js_sys::Date::new_0();
    crate::view::set_today(Some(now.get_full_year() * 10000 + (now.get_month() + 1) * 100 + now.get_date()));
    if app.session.with_untracked(|s| s.kiosk_idle.is_none()) {
        crate::view::set_saved(storage().and_then(|st| st.get_item(SAVED_KEY).ok().flatten()));
    }
    let here = location().href().unwrap_or_default();
    crate::view::set_base_url(here.split('#').next().unwrap_or_default().split('?').next().unwrap_or_default());
    app.read_address();
    provide_context(app);
    window_event_listener(leptos::ev::hashchange, move |_| {
        app.read_address();
        match SETTING_FOCUS.with(|f| f.take()) {
            Some(index) => request_animation_frame(move || {
                let settings_link = index > 0; // the language switch comes first
                if settings_link {
                    if let Some(d) = document().query_selector("details.settings").ok().flatten() {
                        let _ = d.set_attribute("open", "");
                    }
                }
                if let Some(el) = document().query_selector_all("[data-replace]").ok().and_then(|l| l.item(index)) {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }),
            None => focus_after_render("main h1"),
        }
    });
    if has_speech() {
        let _ = document().document_element().map(|h| h.class_list().add_1("speech"));
    }
    Effect::new(move |_| {
        let s = app.session.get();
        let page = app.page.get();
        let html = document().document_element().expect("<html>");
        let _ = html.set_attribute("lang", s.lang.code());
        let _ = html.set_attribute("data-size", ["normal", "large", "xlarge"][s.text_size.min(2) as usize]);
        let _ = html.set_attribute("data-contrast", if s.high_contrast { "high" } else { "normal" });
        let _ = if s.kiosk_idle.is_some() { html.set_attribute("data-kiosk", "") } else { html.remove_attribute("data-kiosk") };
        let t = ui(s.lang);
        let error = if app.error.get().is_some() || app.notice.get().is_some() { t.error_prefix } else { "" };
        document().set_title(&format!("{error}{} - {}", page_title(page, &s), t.app_name));
    });
}

/// The app as a Leptos component (the browser tests mount it into a container of their own).
#[component]
pub fn AppView() -> impl IntoView {
    let app = App::new();
    setup(app);
    view! {
        <div class="page" data-app="ready" inner_html=move || app.html()
            on:click=move |ev| on_click(app, ev) on:submit=move |ev| on_submit(app, ev)></div>
    }
}

/// Clicks on links and buttons with a `data-` action: focus a field, change a setting without a
/// history entry, read aloud, print, retry a download.
fn on_click(app: App, ev: web_sys::MouseEvent) {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        // At a kiosk every in-app link replaces the address instead of adding a history entry.
        if app.session.with_untracked(|s| s.kiosk_idle.is_some()) {
            if let Ok(Some(link)) = target.closest("a[href^='#']:not([data-focus])") {
                ev.prevent_default();
                if let Some(href) = link.get_attribute("href") {
                    let _ = location().replace(&href);
                }
                return;
            }
        }
        let Ok(Some(el)) = target.closest("[data-focus],[data-replace],[data-action],[data-speak]") else { return };
        if let Some(id) = el.get_attribute("data-focus") {
            ev.prevent_default();
            if let Some(field) = document().get_element_by_id(&id) {
                field.scroll_into_view();
                let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        } else if el.has_attribute("data-replace") {
            // Settings change the address without a new history entry, and the person stays where
            // they were: the same control keeps focus and the settings panel stays open.
            ev.prevent_default();
            let links = document().query_selector_all("[data-replace]").ok();
            let index = links.and_then(|l| (0..l.length()).find(|i| l.item(*i).is_some_and(|n| n.is_same_node(Some(&el)))));
            SETTING_FOCUS.with(|f| f.set(index));
            if let Some(href) = el.get_attribute("href") {
                let _ = location().replace(&href);
            }
        } else if let Some(text) = el.get_attribute("data-speak") {
            speak(&text, app.session.with_untracked(|s| s.lang));
        } else {
            match el.get_attribute("data-action").as_deref() {
                Some("print") => {
                    let _ = window().print();
                }
                Some("retry") => app.loading.update(|t| *t = Loading { version: t.version + 1, ..Loading::default() }),
                Some("finish") => wipe(app),
                Some("remember") if app.session.with_untracked(|s| s.kiosk_idle.is_none()) => {
                    let text = app.session.with_untracked(|s| s.for_handoff().encode());
                    if storage().and_then(|st| st.set_item(SAVED_KEY, &text).ok()).is_some() {
                        crate::view::set_saved(Some(text));
                    }
                    app.loading.update(|t| t.version += 1); // redraw
                }
                Some("forget") => {
                    if let Some(st) = storage() {
                        let _ = st.remove_item(SAVED_KEY);
                    }
                    crate::view::set_saved(None);
                    app.loading.update(|t| t.version += 1);
                }
                _ => {}
            }
        }
    }

/// Form submits: who is filling in, where, and every answer (checked, then the next page).
fn on_submit(app: App, ev: web_sys::SubmitEvent) {
        ev.prevent_default();
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
        let get = |name: &str| data.get(name).as_string().unwrap_or_default();
        let small = |name: &str| get(name).parse::<u8>().ok();
        let s = app.session.get_untracked();
        match form.get_attribute("data-form").as_deref() {
            Some("who") => match small("answer").filter(|v| *v < 3) {
                Some(v) => {
                    let mut next = s;
                    next.helper = Some([Helper::Myself, Helper::Family, Helper::Staff][v as usize]);
                    app.go(next_page(&next), next);
                }
                None => show_error(app, "option-0", ui(s.lang).choose_one),
            },
            Some("where") => match small("answer").filter(|v| *v <= engine::OTHER) {
                Some(v) => {
                    let mut next = s;
                    next.facts.jurisdiction = Some(v);
                    // The next question depends on the place's rules: fetch them first if need be.
                    let lang = next.lang;
                    app.ensure_place(v, lang, Some(Box::new(move || app.go(next_page(&next), next))));
                }
                None => show_error(app, "option-0", ui(s.lang).choose_one),
            },
            Some("answer") => {
                let Some(fact) = form.get_attribute("data-fact").and_then(|f| Fact::from_name(&f)) else { return };
                let returning = form.get_attribute("data-return").as_deref() == Some("1");
                let not_sure = ev
                    .submitter()
                    .and_then(|b| b.get_attribute("value"))
                    .is_some_and(|v| v == "not_sure");
                let result = if not_sure {
                    Ok(answer_not_sure(&s, fact))
                } else {
                    let needs = data.get_all("need").iter().filter_map(|v| v.as_string()?.parse::<u8>().ok()).fold(0u16, |m, n| m | (1 << n.min(15)));
                    let draft = Draft {
                        choice: small("answer"),
                        kind: small("kind"),
                        grade: small("grade"),
                        needs,
                        needs_none: !get("need_none").is_empty(),
                        number: get("number"),
                    };
                    apply_answer(&s, fact, &draft)
                };
                match result {
                    Ok(next) => {
                        let page = if returning { Page::Check } else { next_page(&next) };
                        app.go(page, next);
                    }
                    Err(e) => {
                        app.error.set(Some(e));
                        focus_after_render(".error-summary");
                    }
                }
            }
            _ => {}
        }
    }

fn show_error(app: App, field: &'static str, message: &str) {
    app.error.set(Some(FieldError { field, message: message.into(), draft: Draft::default() }));
    focus_after_render(".error-summary");
}
