//! The app's state and how the page follows it.

use super::events::{focus_after_render, on_change, on_click, on_keydown, on_submit};
use super::kiosk::start_kiosk_if_asked;
use super::split;
use crate::rules::policy::{install_texts, rule_file, rules_loaded, text_file, texts_loaded, Lang};
use crate::session::{address, DecodeError, Page, Session};
use crate::view::form::FieldError;
use crate::view::text::ui;
use crate::view::{code_of, esc, place_needed, render_first_main, render_shell, Code, Ctx};
use leptos::prelude::*;
use split::page_title;
use wasm_bindgen::JsCast;

thread_local! {
    /// Places (and languages) whose rules or texts are being downloaded right now.
    static IN_FLIGHT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The key of the answers a person chose to keep on this device (see `Ctx::saved`).
pub const SAVED_KEY: &str = "benefits-answers";

/// Fetching a place's rules and texts, or a part of the app's code: a counter that changes on every
/// arrival, whether the last fetch failed, and whether one is under way after an answer (shown as
/// a status line).
#[derive(Clone, Copy, Default, PartialEq)]
pub struct Loading {
    pub version: u32,
    pub failed: bool,
    pub busy: bool,
}

impl Loading {
    /// A part of the app's code arrived (or failed to): the page redraws, and says so if it failed.
    /// A success does not hide the failure of a place's files, which come side by side: only
    /// those arriving, "try again" or a new page clear it, so a failure never turns into a retry loop.
    fn arrived(&mut self, ok: bool) {
        *self = Loading { version: self.version + 1, failed: self.failed || !ok, busy: false };
    }

    /// A place's files (and the questions' code that reads them) arrived, or failed to: all the
    /// page needs is here, or the page says it failed.
    fn settled(&mut self, ok: bool) {
        *self = Loading { version: self.version + 1, failed: !ok, busy: false };
    }
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
    /// Bumped when a place's rules and texts, or a part of the app's code, arrive or fail, so the
    /// page redraws.
    pub loading: RwSignal<Loading>,
    /// Today's date, the kept answers and the base address, for the pages.
    pub cx: RwSignal<Ctx>,
}

pub fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl App {
    fn new() -> App {
        App {
            session: RwSignal::new(Session::default()),
            page: RwSignal::new(Page::Start),
            notice: RwSignal::new(None),
            error: RwSignal::new(None),
            loading: RwSignal::new(Loading::default()),
            cx: RwSignal::new(Ctx::default()),
        }
    }

    /// Keep (or stop keeping) the answers on this device, and say so on the page.
    pub fn set_saved(&self, saved: Option<String>) {
        self.cx.update(|cx| cx.saved = saved);
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
        self.try_again();
        // Kept answers follow the person's changes (only after they asked to keep them).
        if !kiosk && self.cx.with_untracked(|cx| cx.saved.is_some()) {
            let text = session.for_handoff().encode();
            if let Some(st) = storage() {
                let _ = st.set_item(SAVED_KEY, &text);
            }
            self.set_saved(Some(text));
        }
        self.page.set(page);
        self.session.set(session);
        if let Ok(history) = window().history() {
            if kiosk {
                // A kiosk never adds history entries: Back cannot show the last person's answers.
                super::kiosk::created(&hash);
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
            } else {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
                let _ = location().set_hash(&hash);
            }
        }
        focus_after_render("main h1");
    }

    /// A new page (or new answers) starts afresh: a download that failed before is tried again
    /// if this page needs it, and the failure is no longer shown.
    fn try_again(&self) {
        if self.loading.with_untracked(|t| t.failed) {
            self.loading.update(|t| t.failed = false);
        }
    }

    /// Follow the address (on load, back/forward, and links).
    pub fn read_address(&self) {
        // At a kiosk, only an address this page wrote in this visit (see `kiosk::guard_address`).
        let (page, session) = super::kiosk::read_guarded(&self.session.get_untracked());
        self.error.set(None);
        self.try_again();
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
        let bit = 1u64 << ((place as u32 * 2 + lang as u32) % 64);
        if IN_FLIGHT.with(|f| f.get() & bit != 0) && then.is_none() {
            return;
        }
        IN_FLIGHT.with(|f| f.set(f.get() | bit));
        let loading = self.loading;
        if then.is_some() {
            loading.update(|t| t.busy = true);
        }
        // Reading the rules is the questions' code: it downloads alongside them.
        split::load(Code::Questions, |_| {});
        leptos::task::spawn_local(async move {
            let mut ok = true;
            let mut rules = None;
            if !rules_loaded(place) {
                rules = fetch_bytes(rule_file(place)).await;
                ok = rules.is_some();
            }
            if ok && !texts_loaded(place, lang) {
                ok = match fetch_bytes(text_file(place, lang)).await.and_then(|b| String::from_utf8(b).ok()) {
                    Some(body) => install_texts(place, lang, body),
                    None => false,
                };
            }
            // The rules are read by the questions' code, and the next page after a place is
            // chosen is the engine's choice: wait for that code (downloading meanwhile).
            if ok {
                ok = split::loaded(Code::Questions).await;
            }
            if let (true, Some(bytes)) = (ok, rules) {
                ok = split::install_rules(place, bytes);
            }
            IN_FLIGHT.with(|f| f.set(f.get() & !bit));
            loading.update(|t| t.settled(ok));
            super::events::refocus_if_lost();
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
        let cx = self.cx.get();
        let Loading { failed, busy, .. } = self.loading.get();
        let t = ui(s.lang);
        let notice = self.notice.get().map(|e| match e {
            DecodeError::Version => t.old_link,
            DecodeError::Damaged => t.damaged_link,
        });
        if !failed {
            // The page's code downloads alongside the place's files (after a failure, only when
            // the person presses "try again": no retry loop).
            self.fetch_code(page);
        }
        if let Some(j) = place_needed(page, &s) {
            if !Self::place_ready(j, s.lang) {
                if !failed {
                    self.ensure_place(j, s.lang, None);
                }
                return waiting_page(page, &s, failed, notice);
            }
        }
        let Some(main) = self.main_html(page, &s, &cx, error.as_ref()) else {
            // The page's code is on its way (or failed to come: "try again" fetches it anew).
            return waiting_page(page, &s, failed, notice);
        };
        if busy || failed {
            // Waiting for (or failed to get) the chosen place's rules after an answer.
            return render_shell(page, &s, &(status_line(t, failed, false) + &main), notice);
        }
        render_shell(page, &s, &main, notice)
    }

    /// Fetch the code of a page unless it is here (`ui::split`), and the code of the page likely
    /// next (the questions' when the person leaves the start page, the results' at the check
    /// page), so pages usually appear at once. When a download ends, a page waiting for that code
    /// redraws (or says it failed).
    fn fetch_code(&self, page: Page) {
        let code = code_of(page);
        let ahead = match page {
            Page::Who | Page::Where => Code::Questions,
            Page::Check => Code::Later,
            _ => code,
        };
        for part in [code, ahead] {
            let app = *self;
            split::load(part, move |ok| {
                // The page shown when the download ends (the person may have moved on meanwhile).
                if code_of(app.page.get_untracked()) == part {
                    app.loading.update(|t| t.arrived(ok));
                    if ok {
                        super::events::refocus_if_lost();
                    }
                }
            });
        }
    }

    /// `<main>` of a page; `None` while its code is not here yet (see [`App::fetch_code`]).
    fn main_html(&self, page: Page, s: &Session, cx: &Ctx, error: Option<&FieldError>) -> Option<String> {
        match code_of(page) {
            Code::First => Some(render_first_main(page, s, cx, error)),
            Code::Questions => split::render_question(page, s, error),
            Code::Later => split::render_later(page, s, cx),
        }
    }
}

/// A page whose content is on its way (or failed to come): its heading, and "loading" or "try again".
fn waiting_page(page: Page, s: &Session, failed: bool, notice: Option<&str>) -> String {
    let heading = format!(r#"<h1 tabindex="-1">{}</h1>"#, esc(&page_title(page, s)));
    render_shell(page, s, &(heading + &status_line(ui(s.lang), failed, true)), notice)
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

/// Takes over the start screen that index.html already shows (pre-rendered by the same Rust code),
/// without rebuilding it when the address is the plain start page: the largest text on screen is
/// painted once, from the HTML, before the wasm has even loaded.
pub fn adopt(page: web_sys::HtmlElement) {
    use std::cell::Cell;
    use wasm_bindgen::closure::Closure;
    // Effects and tasks run on Leptos's executor; mount_to would start it, adopting does it here.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| {
        // What index.html shows (rendered at build time, before anything is known of this device).
        let (start, cx) = (Session::default(), Ctx::default());
        let prerendered = render_shell(Page::Start, &start, &render_first_main(Page::Start, &start, &cx, None), None);
        let app = App::new();
        setup(app);
        start_kiosk_if_asked(app);
        let first = Cell::new(true);
        let target = page.clone();
        Effect::new(move |_| {
            let html = app.html();
            if !(first.replace(false) && html == prerendered) {
                redraw(&target, &html);
            }
        });
        let click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev| on_click(app, ev));
        let submit = Closure::<dyn FnMut(web_sys::SubmitEvent)>::new(move |ev| on_submit(app, ev));
        let key = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(on_keydown);
        let change = Closure::<dyn FnMut(web_sys::Event)>::new(on_change);
        let _ = page.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        let _ = page.add_event_listener_with_callback("submit", submit.as_ref().unchecked_ref());
        let _ = page.add_event_listener_with_callback("keydown", key.as_ref().unchecked_ref());
        let _ = page.add_event_listener_with_callback("change", change.as_ref().unchecked_ref());
        click.forget();
        submit.forget();
        key.forget();
        change.forget();
        let _ = page.set_attribute("data-app", "ready");
    });
    // The app lives as long as the page: its owner is never dropped.
    std::mem::forget(owner);
    register_service_worker();
}

thread_local! {
    /// The address of the page last drawn.
    static DRAWN: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Puts new page HTML on screen. A redraw of the same page (the place's texts arriving, a setting)
/// keeps the settings panel as it was and the focus where it was: on the same control, found by
/// its id or its place among the setting links, so focus never falls back to the page's body.
/// A redraw at the same address (a download under way or failed after an answer was sent, a
/// choice to remember the answers) also keeps what was typed or chosen but not yet accepted.
fn redraw(target: &web_sys::HtmlElement, html: &str) {
    let address = location().hash().unwrap_or_default();
    let same_address = DRAWN.with(|d| d.replace(address.clone()) == address);
    let unsent = if same_address { super::events::unsent_answers() } else { Vec::new() };
    let open = target.query_selector("details.settings[open]").ok().flatten().is_some();
    let focused = document().active_element().filter(|e| target.contains(Some(e)));
    let id = focused.as_ref().map(|e| e.id()).filter(|id| !id.is_empty());
    let setting = focused.as_ref().filter(|e| e.has_attribute("data-replace")).and_then(|e| {
        let links = document().query_selector_all("[data-replace]").ok()?;
        (0..links.length()).find(|i| links.item(*i).is_some_and(|n| n.is_same_node(Some(e))))
    });
    target.set_inner_html(html);
    super::events::restore_unsent(unsent);
    if open {
        if let Some(d) = target.query_selector("details.settings").ok().flatten() {
            let _ = d.set_attribute("open", "");
        }
    }
    let again = match (id, setting) {
        (Some(id), _) => document().get_element_by_id(&id),
        (None, Some(i)) => document().query_selector_all("[data-replace]").ok().and_then(|l| l.item(i)).and_then(|n| n.dyn_into().ok()),
        _ => None,
    };
    if let Some(el) = again {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Offline use: the service worker keeps this build's files (see public/sw.js). Browsers without
/// service workers (or pages not served over https/localhost) simply go without.
fn register_service_worker() {
    let navigator = window().navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("./sw.js");
    }
}

/// What every way of starting the app shares: the page's context (today, kept answers, base
/// address), follow the address, and keep `<html lang>`, the display settings and the title in
/// step with the state.
fn setup(app: App) {
    let now = js_sys::Date::new_0();
    let today = now.get_full_year() * 10000 + (now.get_month() + 1) * 100 + now.get_date();
    let here = location().href().unwrap_or_default();
    let base_url = here.split('#').next().unwrap_or_default().split('?').next().unwrap_or_default().to_string();
    app.read_address();
    let saved = if app.session.with_untracked(|s| s.kiosk_idle.is_none()) {
        storage().and_then(|st| st.get_item(SAVED_KEY).ok().flatten())
    } else {
        None
    };
    app.cx.set(Ctx { today: Some(today), saved, base_url });
    provide_context(app);
    window_event_listener(leptos::ev::hashchange, move |_| {
        app.read_address();
        super::events::refocus_after_address_change();
    });
    if js_sys::Reflect::has(&window(), &"speechSynthesis".into()).unwrap_or(false) {
        let _ = document().document_element().map(|h| h.class_list().add_1("speech"));
    }
    Effect::new(move |_| {
        let s = app.session.get();
        let page = app.page.get();
        // Also when code arrives: a question's title is its question, in the questions' code.
        app.loading.track();
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
