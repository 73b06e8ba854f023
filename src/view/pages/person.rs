//! Adding another person of the same household: an optional short name, then their own questions
//! (the household's answers are kept). At a kiosk no name is asked (nothing personal is typed there).

use super::super::form::FieldError;
use super::super::text::ui_questions;
use super::super::{esc, person_label};
use super::{back_link, error_message, error_summary};
use crate::session::{Page, Session, MAX_NAME, MAX_PEOPLE};
use std::fmt::Write;

pub(super) fn add_person(s: &Session, error: Option<&FieldError>) -> String {
    let t = ui_questions(s.lang);
    let mut h = back_link(s, Page::AddPerson);
    let _ = write!(h, r#"<form novalidate data-form="add-person">"#);
    if let Some(e) = error {
        h.push_str(&error_summary(t, e));
    }
    let next = person_label(s, s.count(), "");
    let _ = write!(
        h,
        r#"<h1 tabindex="-1">{} <span class="subtitle">{}</span></h1><p class="lede">{}</p>"#,
        esc(t.add_person_title),
        esc(&next),
        esc(t.add_person_hint)
    );
    if let Some(e) = error {
        h.push_str(&error_message(t, e));
    }
    if s.count() >= MAX_PEOPLE {
        let _ = write!(h, r#"<p class="notice">{}</p></form>"#, esc(&t.too_many_people.replace("{n}", &MAX_PEOPLE.to_string())));
        return h;
    }
    if s.kiosk_idle.is_none() {
        let _ = write!(
            h,
            r#"<div class="form-group"><label class="label" for="person-name">{}</label><p id="person-name-hint" class="hint">{}</p><input id="person-name" name="name" class="input" type="text" maxlength="{MAX_NAME}" autocomplete="off" aria-describedby="person-name-hint"></div>"#,
            esc(t.name_label),
            esc(t.name_hint)
        );
    }
    let _ = write!(h, r#"<button type="submit" class="button">{}</button></form>"#, esc(t.continue_button));
    h
}
