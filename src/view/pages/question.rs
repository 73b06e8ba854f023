//! One question: yes/no, a choice, a number, the disability (kind and grade) or the needs.

use super::super::form::{draft_from, Draft, FieldError};
use super::super::text::{hint, ui_questions};
use super::super::{esc, question_text};
use super::{back_link, error_message, error_summary, radio, sentence_case, speak_button};
use crate::rules::engine;
use crate::rules::vocab::{kinds, needs, FactType};
use crate::rules::words::{kind_label, need_label};
use crate::rules::{Fact, Lang};
use crate::session::{Page, Session};
use std::fmt::Write;

/// The choices of a yes/no or word question: (stored value, label).
fn options_for(f: Fact, lang: Lang) -> Vec<(u8, &'static str)> {
    let t = ui_questions(lang);
    match f.value_type() {
        FactType::Bool => vec![(1, t.yes), (0, t.no)],
        FactType::Word => f.words().iter().enumerate().map(|(i, w)| (i as u8, w.label.get(lang))).collect(),
        _ => Vec::new(),
    }
}

/// The number pad at a kiosk (no keyboard there): each key is a button that types into the
/// answer field (see `ui::events`), so the answer is sent as if typed. Money can have a decimal point.
fn number_pad(t: &super::super::text::UiQuestions, money: bool) -> String {
    let key = |k: &str, class: &str, shown: &str, name: Option<&str>| {
        let label = name.map(|n| format!(r#" aria-label="{}""#, esc(n))).unwrap_or_default();
        format!(r#"<button type="button" class="pad-key{class}" data-key="{k}"{label}>{shown}</button>"#)
    };
    let mut h = format!(r#"<div class="number-pad" role="group" aria-label="{}">"#, esc(t.pad_label));
    for d in ["1", "2", "3", "4", "5", "6", "7", "8", "9"] {
        h.push_str(&key(d, "", d, None));
    }
    let point = format!(r#"<span aria-hidden="true">.</span><span class="visually-hidden">{}</span>"#, esc(t.pad_point));
    h.push_str(&if money { key(".", "", &point, None) } else { key("clear", " pad-word", &esc(t.pad_clear), None) });
    h.push_str(&key("0", "", "0", None));
    let delete = format!(r#"<span aria-hidden="true">⌫ </span>{}"#, esc(t.pad_delete));
    h.push_str(&key("back", " pad-word", &delete, Some(t.pad_delete_name)));
    if money {
        h.push_str(&key("clear", " pad-word pad-wide", &esc(t.pad_clear), None));
    }
    h.push_str("</div>");
    h
}

pub(super) fn question_page(s: &Session, page: Page, fact: Fact, error: Option<&FieldError>) -> String {
    let t = ui_questions(s.lang);
    let lang = s.lang;
    let title = question_text(s, fact);
    let hint = hint(fact, lang);
    let draft: Draft = error.map(|e| e.draft.clone()).unwrap_or_else(|| draft_from(s, fact));
    let described = if error.is_some() { "question-hint question-error" } else { "question-hint" };
    let group_class = if error.is_some() { "form-group form-group-error" } else { "form-group" };
    let mut h = back_link(s, page);
    let left = engine::questions_left(&s.facts, s.not_sure);
    let _ = write!(
        h,
        r#"<p class="progress">{}</p><form novalidate data-form="answer" data-fact="{}" data-return="{}">"#,
        esc(&t.progress.replace("{n}", &(s.asked.len() + 1).to_string()).replace("{total}", &(s.asked.len() + left.max(1)).to_string())),
        fact.name(),
        matches!(page, Page::Change(_)) as u8,
    );
    if let Some(e) = error {
        h.push_str(&error_summary(t, e));
    }
    let err = error.map(|e| error_message(t, e)).unwrap_or_default();
    let hint_html = format!(r#"<p id="question-hint" class="hint">{}</p>"#, esc(hint));
    let mut spoken = vec![title.clone(), hint.to_string()];
    match fact.value_type() {
        FactType::Number | FactType::Money => {
            let _ = write!(
                h,
                r#"<div class="{group_class}"><h1 tabindex="-1"><label for="answer-number">{}</label></h1>{hint_html}{err}<input id="answer-number" name="number" class="input input-number" type="text" inputmode="{}" autocomplete="off" spellcheck="false" aria-describedby="{described}"{} value="{}">{}</div>"#,
                esc(&title),
                // At a kiosk the number pad below is the keyboard: the screen's own keyboard would cover the page.
                if s.kiosk_idle.is_some() { "none" } else { "decimal" },
                if error.is_some() { r#" aria-invalid="true""# } else { "" },
                esc(&draft.number),
                fact.unit(lang).map(|u| format!(r#"<span class="input-suffix">{u}</span>"#)).unwrap_or_default(),
            );
            if s.kiosk_idle.is_some() {
                h.push_str(&number_pad(t, matches!(fact.value_type(), FactType::Money)));
            }
        }
        FactType::Disabilities => {
            let _ = write!(
                h,
                r#"<h1 tabindex="-1">{}</h1>{hint_html}<div class="{group_class}">{err}<fieldset aria-describedby="{described}"><legend class="legend-m">{}</legend><div class="radios radios-2col">"#,
                esc(&title),
                esc(t.kind_legend)
            );
            for k in 0..kinds().len() as u8 {
                let label = sentence_case(kind_label(k).get(lang));
                spoken.push(label.clone());
                h.push_str(&radio("kind", &format!("kind-{k}"), k, &label, draft.kind == Some(k)));
            }
            let _ = write!(
                h,
                r#"</div></fieldset><fieldset><legend class="legend-m">{}</legend><div class="radios radios-2col">"#,
                esc(t.grade_legend)
            );
            for g in [1u8, 2, 3, 4, 0] {
                let label = if g == 0 { t.grade_unassessed } else { t.grade_names[g as usize - 1] };
                spoken.push(label.to_string());
                h.push_str(&radio("grade", &format!("grade-{g}"), g, label, draft.grade == Some(g)));
            }
            h.push_str("</div></fieldset></div>");
        }
        FactType::Needs => {
            let _ = write!(
                h,
                r#"<div class="{group_class}"><fieldset aria-describedby="{described}"><legend><h1 tabindex="-1">{}</h1></legend>{hint_html}{err}<div class="checkboxes radios-2col">"#,
                esc(&title)
            );
            // A need the person is too young for is not offered (a job for a child), unless it is
            // already chosen: an answer given stays until it is taken back.
            for n in (0..needs().len() as u8).filter(|&n| s.facts.offers_word(fact, n) || draft.needs & (1 << n) != 0) {
                let label = sentence_case(need_label(n).get(lang));
                spoken.push(label.clone());
                let _ = write!(
                    h,
                    r#"<div class="checkbox"><input type="checkbox" name="need" id="need-{n}" value="{n}"{}><label for="need-{n}">{}</label></div>"#,
                    if draft.needs & (1 << n) != 0 { " checked" } else { "" },
                    esc(&label)
                );
            }
            // "None of these" clears the other boxes (and a box clears it): see ui::events.
            let _ = write!(
                h,
                r#"<div class="checkbox"><input type="checkbox" name="need_none" id="need-none" value="1" aria-describedby="need-none-hint"{}><label for="need-none">{}</label></div><p id="need-none-hint" class="hint">{}</p></div></fieldset></div>"#,
                if draft.needs_none { " checked" } else { "" },
                esc(t.none_of_these),
                esc(t.none_clears)
            );
        }
        _ => {
            let _ = write!(
                h,
                r#"<div class="{group_class}"><fieldset aria-describedby="{described}"><legend><h1 tabindex="-1">{}</h1></legend>{hint_html}{err}<div class="radios">"#,
                esc(&title)
            );
            for (i, (value, label)) in options_for(fact, lang).into_iter().enumerate() {
                let label = sentence_case(label);
                spoken.push(label.clone());
                h.push_str(&radio("answer", &format!("option-{i}"), value, &label, draft.choice == Some(value)));
            }
            h.push_str("</div></fieldset></div>");
        }
    }
    if let (FactType::Number | FactType::Money, Some(u)) = (fact.value_type(), fact.unit(lang)) {
        spoken.push(u.to_string());
    }
    let _ = write!(
        h,
        r#"<div class="button-group"><button type="submit" name="action" value="continue" class="button">{}</button><button type="submit" name="action" value="not_sure" class="button button-secondary">{}</button></div></form>"#,
        esc(t.continue_button),
        esc(t.not_sure)
    );
    let stop = if lang == Lang::Zh { "。" } else { ". " };
    h.push_str(&speak_button(t, &spoken.iter().filter(|x| !x.is_empty()).cloned().collect::<Vec<_>>().join(stop)));
    h
}
