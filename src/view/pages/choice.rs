//! A page of radio cards and Continue: who is filling in, where.

use super::super::esc;
use super::super::form::FieldError;
use super::super::text::ui;
use super::{back_link, error_message, error_summary, radio};
use crate::session::{Page, Session};
use std::fmt::Write;

/// One set of radio cards and Continue (who is filling in, where).
#[allow(clippy::too_many_arguments)]
pub(super) fn choice_page(
    s: &Session,
    page: Page,
    form: &str,
    title: &str,
    hint: &str,
    options: &[(u8, String, String)],
    current: Option<u8>,
    error: Option<&FieldError>,
) -> String {
    let t = ui(s.lang);
    let chosen = error.map(|e| e.draft.choice).unwrap_or(current);
    let mut h = back_link(s, page);
    let _ = write!(h, r#"<form novalidate data-form="{form}">"#);
    if let Some(e) = error {
        h.push_str(&error_summary(t, e));
    }
    let _ = write!(
        h,
        r#"<div class="form-group{}"><fieldset aria-describedby="question-hint{}"><legend><h1 tabindex="-1">{}</h1></legend><p id="question-hint" class="hint">{}</p>"#,
        if error.is_some() { " form-group-error" } else { "" },
        if error.is_some() { " question-error" } else { "" },
        esc(title),
        esc(hint)
    );
    if let Some(e) = error {
        h.push_str(&error_message(t, e));
    }
    h.push_str(r#"<div class="radios">"#);
    let mut group = "";
    for (i, (value, label, g)) in options.iter().enumerate() {
        if g != group {
            if !group.is_empty() {
                h.push_str("</div>");
            }
            if !g.is_empty() {
                let _ = write!(
                    h,
                    r#"<div class="option-group" role="group" aria-label="{0}"><p class="option-group-title" aria-hidden="true">{0}</p>"#,
                    esc(g)
                );
            }
            group = g;
        }
        h.push_str(&radio("answer", &format!("option-{i}"), *value, label, chosen == Some(*value)));
    }
    if !group.is_empty() {
        h.push_str("</div>");
    }
    let _ = write!(h, r#"</div></fieldset></div><button type="submit" class="button">{}</button></form>"#, esc(t.continue_button));
    h
}
