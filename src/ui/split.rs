//! The web app's code comes in parts (`view::Code`), so a person on a slow network starts with
//! the start page's code only:
//! - the questions' code (the question, check and add-person pages, the engine that picks the
//!   next question, reading a place's rules and checking an answer) is fetched when the person
//!   leaves the start page, and awaited before a chosen place's rules are read;
//! - the later pages' code (results, plan, authorisation, browsing a place's rules: the engine's
//!   amounts, the plan by office, the print sheet and the QR code) is fetched at the check page.
//!
//! Code both parts use (the engine) comes in a third file that the loader fetches with either.
//! A page whose code is not here yet shows its heading and "loading", then "try again" if the
//! download fails. The service worker keeps every file, so offline use is unchanged.
//!
//! The split is made by `wasm-split-cli` (crate `wasm_split_cli_support`, the tool behind Leptos's
//! `#[lazy]`) when scripts/build.mjs builds with the `split` feature; other builds (the browser
//! tests) run the same functions from one file.

use crate::rules::condition::FactSet;
use crate::rules::{Fact, Facts};
use crate::session::{next_page_with, Page, Session};
use crate::view::form::{Draft, FieldError};
use crate::view::{Code, Ctx};
use std::cell::Cell;

thread_local! {
    /// Whether the questions' and the later pages' code are here (always, without the split).
    static READY: [Cell<bool>; 2] = const { [Cell::new(!cfg!(feature = "split")), Cell::new(!cfg!(feature = "split"))] };
    /// A download of each is under way.
    static LOADING: [Cell<bool>; 2] = const { [Cell::new(false), Cell::new(false)] };
}

fn slot(code: Code) -> Option<usize> {
    match code {
        Code::First => None,
        Code::Questions => Some(0),
        Code::Later => Some(1),
    }
}

/// Whether the code of this part is here (the first part always is).
pub fn ready(code: Code) -> bool {
    slot(code).is_none_or(|i| READY.with(|r| r[i].get()))
}

/// Fetch a part's code unless it is here or on its way; `done(ok)` runs when the download ends.
pub fn load(code: Code, done: impl FnOnce(bool) + 'static) {
    let Some(i) = slot(code) else { return };
    if ready(code) || LOADING.with(|l| l[i].replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        let ok = loaded(code).await;
        LOADING.with(|l| l[i].set(false));
        done(ok);
    });
}

/// Wait for a part's code (fetching it if need be); false if the download failed.
pub async fn loaded(code: Code) -> bool {
    let Some(i) = slot(code) else { return true };
    if ready(code) {
        return true;
    }
    let ok = match code {
        Code::Questions => code::preload_questions().await,
        _ => code::preload_later().await,
    };
    READY.with(|r| r[i].set(ok));
    ok
}

/// A call into the questions' code: what it is given, and where its answer goes. (It lives on the
/// stack for one call, so a large variant costs nothing.)
#[allow(clippy::large_enum_variant)]
pub enum Call<'a> {
    /// `<main>` of a question, check or add-person page.
    Render { page: Page, s: &'a Session, error: Option<&'a FieldError>, html: String },
    /// The engine's next question.
    NextQuestion { facts: &'a Facts, skip: FactSet, next: Option<Fact> },
    /// An answer checked and applied (`None`: "not sure").
    Answer { s: &'a Session, fact: Fact, draft: Option<&'a Draft>, result: Option<Result<Session, FieldError>> },
    /// A place's rule file read and installed.
    InstallRules { place: u8, bytes: Vec<u8>, ok: bool },
    /// A question page's heading (its question).
    Title { page: Page, s: &'a Session, title: String },
}

impl Call<'_> {
    fn run(&mut self) {
        match self {
            Call::Render { page, s, error, html } => *html = crate::view::render_question_main(*page, s, *error),
            Call::NextQuestion { facts, skip, next } => *next = crate::rules::next_question(facts, *skip),
            Call::Answer { s, fact, draft, result } => {
                *result = Some(match draft {
                    Some(d) => crate::view::form::apply_answer(s, *fact, d),
                    None => Ok(crate::view::form::answer_not_sure(s, *fact)),
                })
            }
            Call::InstallRules { place, bytes, ok } => *ok = crate::rules::policy::install_rules(*place, std::mem::take(bytes)),
            Call::Title { page, s, title } => *title = crate::view::page_title(*page, s),
        }
    }
}

/// Run a call if the questions' code is here; false if it is not.
fn questions(call: &mut Call) -> bool {
    ready(Code::Questions) && code::questions(call)
}

/// `<main>` of a question, check or add-person page, once its code is here.
pub fn render_question(page: Page, s: &Session, error: Option<&FieldError>) -> Option<String> {
    let mut call = Call::Render { page, s, error, html: String::new() };
    match (questions(&mut call), call) {
        (true, Call::Render { html, .. }) => Some(html),
        _ => None,
    }
}

/// The heading of a page (and the document's title): a question's heading is its question, once
/// the questions' code is here (until then, the word "question").
pub fn page_title(page: Page, s: &Session) -> String {
    if !matches!(page, Page::Question(_) | Page::Change(_)) {
        return crate::view::heading(page, s);
    }
    let mut call = Call::Title { page, s, title: String::new() };
    match (questions(&mut call), call) {
        (true, Call::Title { title, .. }) => title,
        _ => crate::view::heading(page, s),
    }
}

/// `<main>` of a later page, once its code is here.
pub fn render_later(page: Page, s: &Session, cx: &Ctx) -> Option<String> {
    if !ready(Code::Later) {
        return None;
    }
    code::render_later(page, s, cx)
}

/// `session::next_page` with the engine of the questions' code; while that code is not here (on
/// the first pages), the place question: choosing a place waits for the code.
pub fn next_page(s: &Session) -> Page {
    let mut missing = false;
    let page = next_page_with(s, |facts, skip| {
        let mut call = Call::NextQuestion { facts, skip, next: None };
        missing = !questions(&mut call);
        match call {
            Call::NextQuestion { next, .. } => next,
            _ => None,
        }
    });
    if missing {
        Page::Where
    } else {
        page
    }
}

/// An answer checked and applied (`draft` `None`: "not sure"). Only a question page, drawn by the
/// questions' code, sends answers, so the code is here.
pub fn answer(s: &Session, fact: Fact, draft: Option<&Draft>) -> Option<Result<Session, FieldError>> {
    let mut call = Call::Answer { s, fact, draft, result: None };
    match (questions(&mut call), call) {
        (true, Call::Answer { result, .. }) => result,
        _ => None,
    }
}

/// Read and install a place's rule file; the questions' code must be here (see [`loaded`]).
pub fn install_rules(place: u8, bytes: Vec<u8>) -> bool {
    let mut call = Call::InstallRules { place, bytes, ok: false };
    matches!((questions(&mut call), call), (true, Call::InstallRules { ok: true, .. }))
}

#[cfg(feature = "split")]
#[allow(improper_ctypes, improper_ctypes_definitions)]
mod code {
    use super::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(questions, wasm_split_path = leptos::wasm_split, fallible, preload(preload_questions_code))]
    fn run_questions(call: &mut Call<'_>) -> Result<(), SplitLoaderError> {
        call.run();
        Ok(())
    }

    #[wasm_split(later, wasm_split_path = leptos::wasm_split, fallible, preload(preload_later_code))]
    fn render_later_main(page: &Page, s: &Session, cx: &Ctx) -> Result<String, SplitLoaderError> {
        Ok(crate::view::render_later_main(*page, s, cx))
    }

    /// A call whose code is loaded completes at once (its load is already settled), so the page
    /// is drawn in the same turn, without a flash of "loading".
    fn now<T>(future: impl std::future::Future<Output = Result<T, SplitLoaderError>>) -> Option<T> {
        use std::task::{Context, Poll, Waker};
        match std::pin::pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(value)) => Some(value),
            _ => None,
        }
    }

    pub fn questions(call: &mut Call) -> bool {
        now(run_questions(call)).is_some()
    }

    pub fn render_later(page: Page, s: &Session, cx: &Ctx) -> Option<String> {
        now(render_later_main(&page, s, cx))
    }

    pub async fn preload_questions() -> bool {
        preload_questions_code().await.is_ok()
    }

    pub async fn preload_later() -> bool {
        preload_later_code().await.is_ok()
    }
}

#[cfg(not(feature = "split"))]
mod code {
    use super::*;

    pub fn questions(call: &mut Call) -> bool {
        call.run();
        true
    }

    pub fn render_later(page: Page, s: &Session, cx: &Ctx) -> Option<String> {
        Some(crate::view::render_later_main(page, s, cx))
    }

    pub async fn preload_questions() -> bool {
        true
    }

    pub async fn preload_later() -> bool {
        true
    }
}
