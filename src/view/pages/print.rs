//! What every printed page rests on: the date, each person's answers, and the sources in words.
//! The results' short sheet and the plan both print them.

use super::super::text::UiLater;
use super::super::{esc, esc_in, person_label, source_line, Ctx};
use super::answer_text;
use crate::rules::engine::Finding;
use crate::rules::policy::{jurisdiction, national_name, Lang};
use crate::rules::words::{date, fact_label};
use crate::rules::Fact;
use crate::session::Session;
use std::fmt::Write;

/// The date and the answers of everyone in the household, person by person.
pub(super) fn answers(s: &Session, cx: &Ctx, t: &UiLater) -> String {
    let lang = s.lang;
    let mut h = String::new();
    if let Some(d) = cx.today {
        let _ = write!(h, "<p>{}{}</p>", esc(t.print_date), date(d));
    }
    let _ = write!(h, "<h2>{}</h2>", esc(t.print_answers));
    let people = s.people();
    for (i, p) in people.iter().enumerate() {
        if people.len() > 1 {
            let _ = write!(h, "<h3>{}</h3>", esc(&person_label(s, i, &p.name)));
        }
        let view = s.with_current(i);
        // The answers given, then the questions answered "not sure" in one clause.
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        let (unsure, known): (Vec<Fact>, Vec<Fact>) =
            p.asked.iter().partition(|f| view.not_sure.contains(**f) || !view.facts.is_known(**f));
        let mut answers: Vec<String> =
            known.iter().map(|f| format!("{}{colon}{}", fact_label(*f).get(lang), answer_text(&view, *f))).collect();
        if !unsure.is_empty() {
            let names: Vec<&str> = unsure.iter().map(|f| fact_label(*f).get(lang)).collect();
            answers.push(format!("{}{colon}{}", t.not_answered, names.join(if lang == Lang::Zh { "、" } else { ", " })));
        }
        let _ = write!(h, r#"<p class="print-answers">{}</p>"#, esc(&answers.join(if lang == Lang::Zh { "；" } else { "; " })));
    }
    h
}

/// The sources of these findings: the place's document with the sections used, then the national
/// rules with theirs.
pub(super) fn sources<'a>(s: &Session, t: &UiLater, findings: impl Iterator<Item = &'a Finding>) -> String {
    let lang = s.lang;
    let mut h = format!("<h2>{}</h2><ul>", esc(t.print_sources));
    if let Some(p) = s.facts.jurisdiction.map(jurisdiction) {
        let mut sections: Vec<&str> = Vec::new();
        let mut national: Vec<&str> = Vec::new();
        for f in findings {
            let list = if f.benefit.national { &mut national } else { &mut sections };
            if !list.contains(&f.benefit.cite.section) {
                list.push(f.benefit.cite.section);
            }
        }
        if !sections.is_empty() && !p.national_only {
            let _ = write!(h, "<li>{} {}</li>", esc_in(&source_line(p, lang), lang), esc_in(&sections.join(" "), lang));
        }
        if !national.is_empty() {
            let _ = write!(h, "<li>{}：{}</li>", esc(national_name().get(lang)), esc_in(&national.join("；"), lang));
        }
    }
    h.push_str("</ul>");
    h
}
