//! The pages: start, who is filling in, where, one question, check answers, results, browse. One
//! file per page; the small parts they share are here.

mod browse;
mod check;
mod choice;
mod person;
mod plan;
mod print;
mod question;
mod results;
mod start;

pub use check::answer_text;

use super::form::FieldError;
use super::text::{ui, Ui};
use super::{esc, href, Ctx};
use crate::session::{previous_page, Page, Session};

/// The content of `<main>` for a page.
pub fn render_main(page: Page, s: &Session, cx: &Ctx, error: Option<&FieldError>) -> String {
    match code_of(page) {
        Code::First => render_first_main(page, s, cx, error),
        Code::Questions => render_question_main(page, s, error),
        Code::Later => render_later_main(page, s, cx),
    }
}

/// Which part of the web app's code draws a page (see `ui::split`). A person starts with the
/// start page's code only; the questions' code (with the engine that picks the next question and
/// reads a place's rules) comes when they leave the start page, the results' code at the check
/// page: a smaller first download on a slow network.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Code {
    /// The start page, who is filling in, and where.
    First,
    /// One question, changing an answer, the check page and adding a person.
    Questions,
    /// The results, the plan, the agent's authorisation and browsing a place's rules.
    Later,
}

pub fn code_of(page: Page) -> Code {
    match page {
        Page::Start | Page::Who | Page::Where => Code::First,
        Page::Question(_) | Page::Change(_) | Page::Check | Page::AddPerson => Code::Questions,
        Page::Results | Page::Plan | Page::Authorise | Page::Browse(_) => Code::Later,
    }
}

/// `<main>` of the pages of [`Code::First`] (empty for the others).
pub fn render_first_main(page: Page, s: &Session, cx: &Ctx, error: Option<&FieldError>) -> String {
    match page {
        Page::Start => start::start(s, cx),
        Page::Who => {
            let t = ui(s.lang);
            let options: Vec<(u8, String, String)> =
                t.who_options.iter().enumerate().map(|(i, o)| (i as u8, o.to_string(), String::new())).collect();
            choice::choice_page(s, page, "who", t.who_title, t.who_hint, &options, s.helper.map(|h| h as u8), error)
        }
        Page::Where => {
            let t = ui(s.lang);
            // Grouped by province and city, in the order of the data; "somewhere else" last.
            let mut options: Vec<(u8, String, String)> = crate::rules::policy::places()
                .iter()
                .enumerate()
                .map(|(i, j)| {
                    let group = if j.national_only { String::new() } else { j.region.get(s.lang).to_string() };
                    (i as u8, j.name.get(s.lang).to_string(), group)
                })
                .collect();
            crate::rules::sort_short_by_key(&mut options, |a| (a.2.is_empty(), a.2.clone(), a.0));
            choice::choice_page(s, page, "where", t.where_title, t.where_hint, &options, s.facts.jurisdiction, error)
        }
        _ => String::new(),
    }
}

/// `<main>` of the pages of [`Code::Questions`] (empty for the others).
pub fn render_question_main(page: Page, s: &Session, error: Option<&FieldError>) -> String {
    match page {
        Page::Question(f) | Page::Change(f) => question::question_page(s, page, f, error),
        Page::Check => check::check(s),
        Page::AddPerson => person::add_person(s, error),
        _ => String::new(),
    }
}

/// `<main>` of the pages of [`Code::Later`] (empty for the others).
pub fn render_later_main(page: Page, s: &Session, cx: &Ctx) -> String {
    match page {
        Page::Results => results::results(s, cx),
        Page::Plan => plan::plan_page(s, cx),
        Page::Authorise => plan::authorise(s),
        Page::Browse(j) => browse::browse(s, j),
        _ => String::new(),
    }
}

pub(super) fn back_link(s: &Session, page: Page) -> String {
    format!(r#"<a class="back-link" href="{}">{}</a>"#, href(previous_page(s, page), s), esc(ui(s.lang).back))
}

pub(super) fn speak_button(t: &Ui, text: &str) -> String {
    format!(
        r#"<button type="button" class="button button-secondary button-speak" data-speak="{}">{}</button>"#,
        esc(text),
        esc(t.read_aloud)
    )
}

pub(super) fn error_summary(t: &Ui, e: &FieldError) -> String {
    format!(
        r##"<div class="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title"><h2 id="error-summary-title">{}</h2><ul><li><a href="#{}" data-focus="{}">{}</a></li></ul></div>"##,
        esc(t.error_title),
        e.field,
        e.field,
        esc(&e.message)
    )
}

pub(super) fn error_message(t: &Ui, e: &FieldError) -> String {
    format!(
        r#"<p id="question-error" class="error-message"><span class="visually-hidden">{}</span>{}</p>"#,
        esc(t.error_prefix),
        esc(&e.message)
    )
}

pub(super) fn radio(name: &str, id: &str, value: u8, label: &str, checked: bool) -> String {
    format!(
        r#"<div class="radio"><input type="radio" name="{name}" id="{id}" value="{value}"{}><label for="{id}">{}</label></div>"#,
        if checked { " checked" } else { "" },
        esc(label)
    )
}

/// "Remember my answers" (opt-in, never at a kiosk) or, when they are kept, "forget".
pub(super) fn remember_box(s: &Session, cx: &Ctx) -> String {
    if s.kiosk_idle.is_some() {
        return String::new();
    }
    let t = ui(s.lang);
    match cx.saved {
        Some(_) => format!(
            r#"<div class="remember no-print"><p>{}</p><button type="button" class="button button-secondary" data-action="forget">{}</button></div>"#,
            esc(t.remembered),
            esc(t.forget)
        ),
        None => format!(
            r#"<div class="remember no-print"><p class="hint">{}</p><button type="button" class="button button-secondary" data-action="remember">{}</button></div>"#,
            esc(t.remember_hint),
            esc(t.remember)
        ),
    }
}

/// "none of these" -> "None of these" (answer labels start with a capital; the same words are used
/// mid-sentence in reasons, where they do not). Chinese is unchanged.
pub(super) fn sentence_case(text: &str) -> String {
    // ASCII only: full Unicode case tables would add about 9 KB gzip to the web app.
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}
