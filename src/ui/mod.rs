//! The web app (browser build only): Leptos components that ask and show. No policy logic lives
//! here: the engine decides, `rules::words` words its findings, `ui::text` holds the UI strings.
//! The whole state is in the address after `#` (see `session`), so back, reload and a shared link
//! all show the same answers and nothing is stored on the device.

mod browse;
mod question;
mod results;
mod speech;
pub mod text;

use crate::rules::policy::{install_texts, jurisdiction, text_file, texts_loaded, Lang, JURISDICTIONS};
use crate::rules::{engine, Fact};
use crate::session::{address, next_page, parse_address, previous_page, DecodeError, Helper, Page, Session};
use leptos::prelude::*;
use text::ui;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

/// The app's state, shared by every component.
#[derive(Clone, Copy)]
pub struct App {
    pub session: RwSignal<Session>,
    pub page: RwSignal<Page>,
    /// A message about a link that could not be read.
    pub notice: RwSignal<Option<DecodeError>>,
    /// Bumped whenever a policy text table arrives (or fails), so views that show policy texts redraw.
    pub texts: RwSignal<TextsState>,
}

#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct TextsState {
    pub version: u32,
    pub failed: bool,
}

impl App {
    /// Show a page: the address changes (so back and reload work) and the signals follow at once.
    pub fn go(&self, page: Page, session: Session) {
        let hash = format!("#{}", address(page, &session));
        self.page.set(page);
        self.session.set(session);
        if location().hash().ok().as_deref() != Some(hash.as_str()) {
            let _ = location().set_hash(&hash);
        }
        // A new page starts at its heading, as a full page load would.
        request_animation_frame(|| {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(h) = document().query_selector("main h1").ok().flatten() {
                let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    }

    /// Same page, changed settings (language, text size, contrast).
    pub fn update(&self, change: impl FnOnce(&mut Session)) {
        let mut s = self.session.get_untracked();
        change(&mut s);
        let hash = format!("#{}", address(self.page.get_untracked(), &s));
        self.session.set(s);
        let _ = location().replace(&hash);
    }

    pub fn lang(&self) -> Lang {
        self.session.with(|s| s.lang)
    }

    /// The language without subscribing: pages are redrawn as a whole when it changes.
    pub fn lang_now(&self) -> Lang {
        self.session.with_untracked(|s| s.lang)
    }

    /// Fetch a place's policy texts in a language unless they are here already.
    pub fn ensure_texts(&self, table: u8, lang: Lang) {
        if texts_loaded(table, lang) {
            return;
        }
        let texts = self.texts;
        texts.update(|t| t.failed = false);
        leptos::task::spawn_local(async move {
            let ok = match fetch_text(text_file(table, lang)).await {
                Some(body) => install_texts(table, lang, body),
                None => false,
            };
            texts.update(|t| {
                t.version += 1;
                t.failed = !ok;
            });
        });
    }

    fn read_address(&self) {
        let hash = location().hash().unwrap_or_default();
        let (page, session) = parse_address(&hash);
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
}

async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(window().fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// Shows `content` once the place's policy texts are here; a loading line, or a retry button if
/// they could not be fetched.
pub fn with_texts<V: IntoView + 'static>(table: u8, content: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    let app = use_app();
    move || {
        let state = app.texts.get();
        let lang = app.lang();
        if texts_loaded(table, lang) {
            content().into_any()
        } else if state.failed {
            view! {
                <div class="notice" role="alert"><p>{ui(lang).texts_failed}</p>
                <button type="button" class="button" on:click=move |_| app.ensure_texts(table, lang)>{ui(lang).retry}</button></div>
            }.into_any()
        } else {
            app.ensure_texts(table, lang);
            view! { <p class="loading" role="status">{ui(lang).texts_loading}</p> }.into_any()
        }
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let root = document().get_element_by_id("app").expect("#app in index.html");
    // The static start screen in index.html showed until now; the app takes over from here.
    root.set_inner_html("");
    leptos::mount::mount_to(root.unchecked_into(), AppView).forget();
}

#[component]
pub fn AppView() -> impl IntoView {
    let app = App {
        session: RwSignal::new(Session::default()),
        page: RwSignal::new(Page::Start),
        notice: RwSignal::new(None),
        texts: RwSignal::new(TextsState::default()),
    };
    app.read_address();
    // Fetch the chosen place's texts early, while the person answers questions.
    Effect::new(move |_| {
        if let Some(j) = app.session.with(|s| s.facts.jurisdiction) {
            app.ensure_texts(j, app.lang());
        }
    });
    provide_context(app);
    window_event_listener(leptos::ev::hashchange, move |_| app.read_address());

    // <html lang>, the display settings and the page title follow the state.
    Effect::new(move |_| {
        let s = app.session.get();
        let html = document().document_element().expect("<html>");
        let _ = html.set_attribute("lang", s.lang.code());
        let _ = html.set_attribute("data-size", ["normal", "large", "xlarge"][s.text_size.min(2) as usize]);
        let _ = html.set_attribute("data-contrast", if s.high_contrast { "high" } else { "normal" });
        let t = ui(s.lang);
        let heading = page_title(app.page.get(), &s);
        let error = if app.notice.get().is_some() { t.error_prefix } else { "" };
        document().set_title(&format!("{error}{heading} - {}", t.app_name));
    });

    // Pages are drawn with plain strings and redrawn whole when the language changes.
    let lang = Memo::new(move |_| app.session.with(|s| s.lang));
    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            if let Some(m) = document().get_element_by_id("main") {
                let _ = m.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>{ui(app.lang_now()).skip_link}</a>
        {move || { lang.track(); view! { <Header/> } }}
        <main id="main" class="wrap" tabindex="-1">
            {move || app.notice.get().map(|e| {
                let t = ui(app.lang());
                view! { <div class="notice" role="alert">{match e { DecodeError::Version => t.old_link, DecodeError::Damaged => t.damaged_link }}</div> }
            })}
            {move || { lang.track(); match app.page.get() {
                Page::Start => view! { <StartPage/> }.into_any(),
                Page::Who => view! { <WhoPage/> }.into_any(),
                Page::Where => view! { <WherePage/> }.into_any(),
                Page::Question(f) => view! { <question::QuestionPage fact=f returning=false/> }.into_any(),
                Page::Change(f) => view! { <question::QuestionPage fact=f returning=true/> }.into_any(),
                Page::Check => view! { <CheckPage/> }.into_any(),
                Page::Results => view! { <results::ResultsPage/> }.into_any(),
                Page::Browse(j) => view! { <browse::BrowsePage place=j/> }.into_any(),
            }}}
        </main>
        {move || { lang.track(); view! { <Footer/> } }}
    }
}

/// The heading of a page, also used for the document title.
fn page_title(page: Page, s: &Session) -> String {
    let t = ui(s.lang);
    match page {
        Page::Start => t.start_title.into(),
        Page::Who => t.who_title.into(),
        Page::Where => t.where_title.into(),
        Page::Question(f) | Page::Change(f) => {
            text::question(f).text(s.lang, s.helper.unwrap_or_default(), &place_name(s))
        }
        Page::Check => t.check_title.into(),
        Page::Results => t.results_title.into(),
        Page::Browse(None) => t.browse_title.into(),
        Page::Browse(Some(j)) => format!("{} - {}", jurisdiction(j).name.get(s.lang), t.browse_title),
    }
}

pub fn place_name(s: &Session) -> String {
    s.facts.jurisdiction.map(|j| jurisdiction(j).name.get(s.lang).to_string()).unwrap_or_default()
}

pub fn use_app() -> App {
    expect_context::<App>()
}

#[component]
fn Header() -> impl IntoView {
    let app = use_app();
    let t = ui(app.lang_now());
    view! {
        <header class="masthead">
            <div class="wrap masthead-row">
                <a class="brand" href="#start" on:click=move |ev| {
                    ev.prevent_default();
                    let s = app.session.get_untracked();
                    app.go(Page::Start, s);
                }>{t.app_name}</a>
                <button type="button" class="lang-switch" lang=t.other_language_code
                    on:click=move |_| app.update(|s| s.lang = if s.lang == Lang::Zh { Lang::En } else { Lang::Zh })>
                    {t.other_language}
                </button>
            </div>
            <details class="wrap settings">
                <summary>{t.settings}</summary>
                <fieldset class="inline-options">
                    <legend>{t.text_size}</legend>
                    {(0u8..3).map(|size| view! {
                        <label class="option-chip">
                            <input type="radio" name="text-size" prop:checked=move || app.session.with(|s| s.text_size == size)
                                on:change=move |_| app.update(|s| s.text_size = size)/>
                            <span>{t.size_names[size as usize]}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="inline-options">
                    <legend>{t.contrast}</legend>
                    <label class="option-chip">
                        <input type="checkbox" prop:checked=move || app.session.with(|s| s.high_contrast)
                            on:change=move |ev| { let on = event_target_checked(&ev); app.update(|s| s.high_contrast = on) }/>
                        <span>{t.contrast_on}</span>
                    </label>
                </fieldset>
            </details>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let app = use_app();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>{ui(app.lang_now()).footer_privacy}</p>
                <p>{ui(app.lang_now()).rules_from}</p>
                <ul class="sources">
                    {move || {
                        let lang = app.lang();
                        let chosen = app.session.with(|s| s.facts.jurisdiction);
                        JURISDICTIONS.iter().take(5).enumerate()
                            .filter(|(i, _)| chosen.is_none_or(|c| c as usize == *i || c == engine::OTHER))
                            .map(|(_, j)| view! { <li>{source_line(j, lang)}</li> }).collect_view()
                    }}
                </ul>
            </div>
        </footer>
    }
}

/// "伊金霍洛旗：伊政发〔2022〕35号（2022）" — which document, number and date the rules come from.
pub fn source_line(j: &crate::rules::policy::Jurisdiction, lang: Lang) -> String {
    let mut parts = vec![j.document.get(lang).to_string()];
    if !j.number.is_empty() {
        parts.push(j.number.to_string());
    }
    if !j.issued.is_empty() {
        parts.push(j.issued.to_string());
    }
    let draft = match (j.draft, lang) {
        (true, Lang::Zh) => "（征求意见稿）",
        (true, Lang::En) => " (draft for comment)",
        _ => "",
    };
    format!("{}{}{}{draft}", j.name.get(lang), if lang == Lang::Zh { "：" } else { ": " }, parts.join(if lang == Lang::Zh { "，" } else { ", " }))
}

/// The on-page back link (GOV.UK pattern), to the previous step of this person's journey.
#[component]
pub fn BackLink(page: Page) -> impl IntoView {
    let app = use_app();
    view! {
        <a class="back-link" href="#" on:click=move |ev| {
            ev.prevent_default();
            let s = app.session.get_untracked();
            app.go(previous_page(&s, page), s);
        }>{ui(app.lang_now()).back}</a>
    }
}

#[component]
fn StartPage() -> impl IntoView {
    let app = use_app();
    let t = ui(app.lang_now());
    view! {
        <h1 tabindex="-1">{t.start_title}</h1>
        <p class="lede">{t.start_lede}</p>
        <p class="privacy">{t.start_privacy}</p>
        <p>{t.start_time}</p>
        <button type="button" class="button button-start" on:click=move |_| {
            let s = app.session.get_untracked();
            app.go(next_page(&s), s);
        }>{t.start_button}<span aria-hidden="true">" →"</span></button>
        <p><a href="#browse" on:click=move |ev| {
            ev.prevent_default();
            let s = app.session.get_untracked();
            app.go(Page::Browse(None), s);
        }>{t.browse_link}</a></p>
    }
}

/// A page with one set of big radio cards and a Continue button, with the GOV.UK error pattern.
#[component]
fn ChoicePage(
    page: Page,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    /// (value, label, group heading or "")
    #[prop(into)]
    options: Signal<Vec<(u8, String, String)>>,
    #[prop(into)] current: Signal<Option<u8>>,
    on_choose: Callback<u8>,
) -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(current.get_untracked());
    let error = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match chosen.get_untracked() {
            Some(v) => on_choose.run(v),
            None => {
                error.set(true);
                focus_error_summary();
            }
        }
    };
    view! {
        <BackLink page=page/>
        <form novalidate on:submit=submit>
            <ErrorSummary shown=error message=Signal::derive(move || ui(app.lang()).choose_one.to_string()) target="option-0"/>
            <div class="form-group" class:form-group-error=move || error.get()>
                <fieldset aria-describedby=move || if error.get() { "choice-hint choice-error" } else { "choice-hint" }>
                    <legend><h1 tabindex="-1">{move || title.get()}</h1></legend>
                    <p id="choice-hint" class="hint">{move || hint.get()}</p>
                    <Show when=move || error.get()>
                        <p id="choice-error" class="error-message">
                            <span class="visually-hidden">{ui(app.lang_now()).error_prefix}</span>
                            {ui(app.lang_now()).choose_one}
                        </p>
                    </Show>
                    <div class="radios">
                        {move || {
                            let mut last_group = String::new();
                            options.get().into_iter().enumerate().map(|(i, (value, label, group))| {
                                let heading = (group != last_group && !group.is_empty()).then(|| group.clone());
                                last_group = group;
                                let id = format!("option-{i}");
                                view! {
                                    {heading.map(|g| view! { <p class="option-group">{g}</p> })}
                                    <div class="radio">
                                        <input type="radio" name="choice" id=id.clone() value=value.to_string()
                                            prop:checked=move || chosen.get() == Some(value)
                                            on:change=move |_| { chosen.set(Some(value)); error.set(false); }/>
                                        <label for=id>{label}</label>
                                    </div>
                                }
                            }).collect_view()
                        }}
                    </div>
                </fieldset>
            </div>
            <button type="submit" class="button">{ui(app.lang_now()).continue_button}</button>
        </form>
    }
}

/// The error summary at the top of a form: a list of problems linking to the fields.
#[component]
pub fn ErrorSummary(shown: RwSignal<bool>, #[prop(into)] message: Signal<String>, target: &'static str) -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || shown.get()>
            <div class="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{ui(app.lang_now()).error_title}</h2>
                <ul><li><a href=format!("#{target}") on:click=move |ev| {
                    ev.prevent_default();
                    if let Some(el) = document().get_element_by_id(target) {
                        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                }>{move || message.get()}</a></li></ul>
            </div>
        </Show>
    }
}

pub fn focus_error_summary() {
    request_animation_frame(|| {
        if let Some(el) = document().query_selector(".error-summary").ok().flatten() {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

#[component]
fn WhoPage() -> impl IntoView {
    let app = use_app();
    let options = Signal::derive(move || {
        ui(app.lang()).who_options.iter().enumerate().map(|(i, o)| (i as u8, o.to_string(), String::new())).collect()
    });
    view! {
        <ChoicePage page=Page::Who
            title=Signal::derive(move || ui(app.lang()).who_title.to_string())
            hint=Signal::derive(move || ui(app.lang()).who_hint.to_string())
            options=options
            current=Signal::derive(move || app.session.with(|s| s.helper.map(|h| h as u8)))
            on_choose=Callback::new(move |v: u8| {
                let mut s = app.session.get_untracked();
                s.helper = Some([Helper::Myself, Helper::Family, Helper::Staff][v as usize]);
                app.go(next_page(&s), s);
            })/>
    }
}

#[component]
fn WherePage() -> impl IntoView {
    let app = use_app();
    // Grouped by province and city, in the order of the data; "somewhere else" last.
    let options = Signal::derive(move || {
        let lang = app.lang();
        let mut places: Vec<(u8, String, String)> = JURISDICTIONS
            .iter()
            .enumerate()
            .map(|(i, j)| (i as u8, j.name.get(lang).to_string(), if i as u8 == engine::OTHER { String::new() } else { j.region.get(lang).to_string() }))
            .collect();
        places.sort_by(|a, b| (a.2.is_empty(), &a.2).cmp(&(b.2.is_empty(), &b.2)));
        places
    });
    view! {
        <ChoicePage page=Page::Where
            title=Signal::derive(move || ui(app.lang()).where_title.to_string())
            hint=Signal::derive(move || ui(app.lang()).where_hint.to_string())
            options=options
            current=Signal::derive(move || app.session.with(|s| s.facts.jurisdiction))
            on_choose=Callback::new(move |v: u8| {
                let mut s = app.session.get_untracked();
                s.facts.jurisdiction = Some(v);
                let next = if v == engine::OTHER { Page::Results } else { next_page(&s) };
                app.go(next, s);
            })/>
    }
}

#[component]
fn CheckPage() -> impl IntoView {
    let app = use_app();
    let t = ui(app.lang_now());
    let rows = move || {
        let s = app.session.get();
        s.asked
            .iter()
            .map(|f| {
                let f = *f;
                let q = text::question(f).text(s.lang, s.helper.unwrap_or_default(), &place_name(&s));
                let answer = question::answer_text(&s, f);
                let change_label = format!("{} ", t.change);
                view! {
                    <div class="summary-row">
                        <dt>{q.clone()}</dt>
                        <dd>{answer}</dd>
                        <dd class="summary-action">
                            <a href=format!("#{}", Page::Change(f).slug()) on:click=move |ev| {
                                ev.prevent_default();
                                let s = app.session.get_untracked();
                                app.go(Page::Change(f), s);
                            }>{change_label}<span class="visually-hidden">{q}</span></a>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <BackLink page=Page::Check/>
        <h1 tabindex="-1">{t.check_title}</h1>
        <p>{t.check_hint}</p>
        <dl class="summary-list">
            <div class="summary-row">
                <dt>{t.where_title}</dt>
                <dd>{move || app.session.with(place_name)}</dd>
                <dd class="summary-action"><a href="#where" on:click=move |ev| {
                    ev.prevent_default();
                    let s = app.session.get_untracked();
                    app.go(Page::Where, s);
                }>{t.change}<span class="visually-hidden">{t.where_title}</span></a></dd>
            </div>
            {rows}
        </dl>
        <button type="button" class="button" on:click=move |_| {
            let s = app.session.get_untracked();
            app.go(Page::Results, s);
        }>{t.see_results}</button>
    }
}

/// The progress line: answered so far and an honest upper bound on what is left.
#[component]
pub fn Progress() -> impl IntoView {
    let app = use_app();
    view! {
        <p class="progress">{move || {
            let s = app.session.get();
            let t = ui(s.lang);
            let left = engine::questions_left(&s.facts, s.not_sure);
            format!("{}. {}", t.progress.replace("{n}", &s.asked.len().to_string()), t.progress_left.replace("{n}", &left.to_string()))
        }}</p>
    }
}

pub fn fact_of(page: Page) -> Option<Fact> {
    match page {
        Page::Question(f) | Page::Change(f) => Some(f),
        _ => None,
    }
}
