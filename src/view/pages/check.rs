//! Check your answers: every answer with a link to change it.

use super::super::text::ui_questions;
use super::super::{esc, href, place_name, question_text};
use super::back_link;
use super::sentence_case;
use crate::rules::facts::Value;
use crate::rules::vocab::{needs, FactType};
use crate::rules::words::{kind_label, need_label, word_label, yuan};
use crate::rules::{Fact, Lang};
use crate::session::{Page, Session};
use std::fmt::Write;

/// The answer to one question in words, for the check page.
pub fn answer_text(s: &Session, f: Fact) -> String {
    let lang = s.lang;
    let t = ui_questions(lang);
    if s.not_sure.contains(f) || !s.facts.is_known(f) {
        return t.not_answered.into();
    }
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    match f.value_type() {
        FactType::Disabilities => s
            .facts
            .disabilities
            .as_ref()
            .map(|list| {
                list.iter()
                    .map(|d| {
                        let comma = if lang == Lang::Zh { "，" } else { ", " };
                        let grade = d.grade.map(|g| t.grade_names[g as usize - 1]).unwrap_or(t.grade_unassessed);
                        format!("{}{comma}{grade}", sentence_case(kind_label(d.kind).get(lang)))
                    })
                    .collect::<Vec<_>>()
                    .join(sep)
            })
            .unwrap_or_default(),
        FactType::Needs => {
            let mask = s.facts.needs.unwrap_or(0);
            if mask == 0 {
                return t.none_of_these.into();
            }
            (0..needs().len() as u8).filter(|n| mask & (1 << n) != 0).map(|n| need_label(n).get(lang)).collect::<Vec<_>>().join(sep)
        }
        ty => match s.facts.get(f) {
            // An inverted question ("does anyone work?") was answered with the opposite of the fact.
            Value::Bool(b) if *b != f.def().inverted => t.yes.into(),
            Value::Bool(_) => t.no.into(),
            Value::Word(w) => word_label(f, *w).get(lang).into(),
            Value::Number(n) => match (f.unit(lang), ty) {
                (Some(u), FactType::Money) => format!("{} {u}", yuan(*n)),
                (Some(u), _) => format!("{n} {u}"),
                (None, _) => n.to_string(),
            },
            Value::Unknown => t.not_answered.into(),
        },
    }
}

pub(super) fn check(s: &Session) -> String {
    let t = ui_questions(s.lang);
    let mut h = back_link(s, Page::Check);
    let _ = write!(h, r#"<h1 tabindex="-1">{}</h1><p>{}</p><dl class="summary-list">"#, esc(t.check_title), esc(t.check_hint));
    let mut row = |question: &str, answer: &str, page: Page| {
        let _ = write!(
            h,
            r#"<div class="summary-row"><dt>{q}</dt><dd>{a}</dd><dd class="summary-action"><a href="{link}">{change}<span class="visually-hidden"> {q}</span></a></dd></div>"#,
            q = esc(question),
            a = esc(answer),
            link = href(page, s),
            change = esc(t.change)
        );
    };
    row(t.where_title, &place_name(s), Page::Where);
    for f in &s.asked {
        let q = question_text(s, *f);
        row(&q, &answer_text(s, *f), Page::Change(*f));
    }
    let _ =
        write!(h, r#"</dl><a class="button" role="button" draggable="false" href="{}">{}</a>"#, href(Page::Results, s), esc(t.see_results));
    h
}
