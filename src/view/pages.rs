//! The pages: start, who is filling in, where, one question, check answers, results, browse.

use super::form::{draft_from, Draft, FieldError};
use super::text::{question, ui, Ui};
use super::{esc, href, place_name, source_line};
use crate::rules::condition::{FactSet, Truth};
use crate::rules::engine::{self, explain, open_cases, yearly_total, Finding, Status};
use crate::rules::facts::Value;
use crate::rules::policy::{jurisdiction, Confidence, Lang, DOCUMENTS, JURISDICTIONS};
use crate::rules::vocab::{FactType, CATEGORIES, KINDS, NEEDS};
use crate::rules::words::{
    category_label, describe_amount, describe_condition, describe_estimate, describe_leaf, fact_label, kind_label,
    need_label, no_amount, word_labels, yuan,
};
use crate::rules::Fact;
use crate::session::{next_page, previous_page, Page, Session};
use std::fmt::Write;

pub fn render_main(page: Page, s: &Session, error: Option<&FieldError>) -> String {
    match page {
        Page::Start => start(s),
        Page::Who => {
            let t = ui(s.lang);
            let options: Vec<(u8, String, String)> =
                t.who_options.iter().enumerate().map(|(i, o)| (i as u8, o.to_string(), String::new())).collect();
            choice_page(s, page, "who", t.who_title, t.who_hint, &options, s.helper.map(|h| h as u8), error)
        }
        Page::Where => {
            let t = ui(s.lang);
            // Grouped by province and city, in the order of the data; "somewhere else" last.
            let mut options: Vec<(u8, String, String)> = JURISDICTIONS
                .iter()
                .enumerate()
                .map(|(i, j)| {
                    let group = if i as u8 == engine::OTHER { String::new() } else { j.region.get(s.lang).to_string() };
                    (i as u8, j.name.get(s.lang).to_string(), group)
                })
                .collect();
            options.sort_by(|a, b| (a.2.is_empty(), &a.2, a.0).cmp(&(b.2.is_empty(), &b.2, b.0)));
            choice_page(s, page, "where", t.where_title, t.where_hint, &options, s.facts.jurisdiction, error)
        }
        Page::Question(f) | Page::Change(f) => question_page(s, page, f, error),
        Page::Check => check(s),
        Page::Results => results(s),
        Page::Browse(j) => browse(s, j),
    }
}

fn back_link(s: &Session, page: Page) -> String {
    format!(r#"<a class="back-link" href="{}">{}</a>"#, href(previous_page(s, page), s), esc(ui(s.lang).back))
}

fn speak_button(t: &Ui, text: &str) -> String {
    format!(
        r#"<button type="button" class="button button-secondary button-speak" data-speak="{}">{}</button>"#,
        esc(text),
        esc(t.read_aloud)
    )
}

fn error_summary(t: &Ui, e: &FieldError) -> String {
    format!(
        r##"<div class="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title"><h2 id="error-summary-title">{}</h2><ul><li><a href="#{}" data-focus="{}">{}</a></li></ul></div>"##,
        esc(t.error_title),
        e.field,
        e.field,
        esc(&e.message)
    )
}

fn error_message(t: &Ui, e: &FieldError) -> String {
    format!(
        r#"<p id="question-error" class="error-message"><span class="visually-hidden">{}</span>{}</p>"#,
        esc(t.error_prefix),
        esc(&e.message)
    )
}

fn radio(name: &str, id: &str, value: u8, label: &str, checked: bool) -> String {
    format!(
        r#"<div class="radio"><input type="radio" name="{name}" id="{id}" value="{value}"{}><label for="{id}">{}</label></div>"#,
        if checked { " checked" } else { "" },
        esc(label)
    )
}

/// "Remember my answers" (opt-in, never at a kiosk) or, when they are kept, "forget".
fn remember_box(s: &Session) -> String {
    if s.kiosk_idle.is_some() {
        return String::new();
    }
    let t = ui(s.lang);
    match super::saved() {
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

fn start(s: &Session) -> String {
    let t = ui(s.lang);
    // Answers kept on this device (only if the person asked for it): offer them, and a way out.
    let saved = match (super::saved().and_then(|text| Session::decode(&text).ok()), s.kiosk_idle) {
        (Some(kept), None) if kept.facts.jurisdiction.is_some() => format!(
            r#"<div class="notice"><p>{}</p><a class="button" role="button" draggable="false" href="{}">{}</a><button type="button" class="button button-secondary" data-action="forget">{}</button></div>"#,
            esc(t.saved_found),
            href(Page::Check, &kept),
            esc(t.saved_continue),
            esc(t.forget)
        ),
        _ => String::new(),
    };
    saved + &format!(
        r#"<h1 tabindex="-1">{}</h1><p class="lede">{}</p><p class="privacy">{}</p><p>{}</p><a class="button button-start" role="button" draggable="false" href="{}">{}<span aria-hidden="true"> →</span></a><p><a href="{}">{}</a></p>"#,
        esc(t.start_title),
        esc(t.start_lede),
        esc(t.start_privacy),
        esc(t.start_time),
        href(next_page(s), s),
        esc(t.start_button),
        href(Page::Browse(None), s),
        esc(t.browse_link),
    )
}

/// One set of radio cards and Continue (who is filling in, where).
#[allow(clippy::too_many_arguments)]
fn choice_page(
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
                let _ = write!(h, r#"<div class="option-group" role="group" aria-label="{0}"><p class="option-group-title" aria-hidden="true">{0}</p>"#, esc(g));
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

fn unit(f: Fact, lang: Lang) -> Option<&'static str> {
    match (f, lang) {
        (Fact::Age, Lang::Zh) => Some("岁"),
        (Fact::Age, Lang::En) => Some("years"),
        (Fact::StudentFees | Fact::InpatientCost, Lang::Zh) => Some("元"),
        (Fact::StudentFees | Fact::InpatientCost, Lang::En) => Some("yuan"),
        (Fact::DisabledMembers, Lang::Zh) => Some("人"),
        _ => None,
    }
}

/// "none of these" -> "None of these" (answer labels start with a capital; the same words are used
/// mid-sentence in reasons, where they do not). Chinese is unchanged.
fn sentence_case(text: &str) -> String {
    // ASCII only: full Unicode case tables would add about 9 KB gzip to the web app.
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The choices of a yes/no or word question: (stored value, label).
pub fn options_for(f: Fact, lang: Lang) -> Vec<(u8, &'static str)> {
    let t = ui(lang);
    match f.value_type() {
        FactType::Bool => vec![(1, t.yes), (0, t.no)],
        FactType::Word(_) => word_labels(f).iter().enumerate().map(|(i, w)| (i as u8, w.get(lang))).collect(),
        _ => Vec::new(),
    }
}

fn question_page(s: &Session, page: Page, fact: Fact, error: Option<&FieldError>) -> String {
    let t = ui(s.lang);
    let lang = s.lang;
    let title = question(fact).text(lang, s.helper.unwrap_or_default(), &place_name(s));
    let hint = question(fact).hint(lang);
    let draft: Draft = error.map(|e| e.draft.clone()).unwrap_or_else(|| draft_from(s, fact));
    let described = if error.is_some() { "question-hint question-error" } else { "question-hint" };
    let group_class = if error.is_some() { "form-group form-group-error" } else { "form-group" };
    let mut h = back_link(s, page);
    let left = engine::questions_left(&s.facts, s.not_sure);
    let _ = write!(
        h,
        r#"<p class="progress">{}{}{}</p><form novalidate data-form="answer" data-fact="{}" data-return="{}">"#,
        esc(&t.progress.replace("{n}", &s.asked.len().to_string())),
        if lang == Lang::Zh { "。" } else { ". " },
        esc(&t.progress_left.replace("{n}", &left.to_string())),
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
        FactType::Number => {
            let _ = write!(
                h,
                r#"<div class="{group_class}"><h1 tabindex="-1"><label for="answer-number">{}</label></h1>{hint_html}{err}<input id="answer-number" name="number" class="input input-number" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" aria-describedby="{described}"{} value="{}">{}</div>"#,
                esc(&title),
                if error.is_some() { r#" aria-invalid="true""# } else { "" },
                esc(&draft.number),
                unit(fact, lang).map(|u| format!(r#"<span class="input-suffix">{u}</span>"#)).unwrap_or_default(),
            );
        }
        FactType::Disabilities => {
            let _ = write!(h, r#"<h1 tabindex="-1">{}</h1>{hint_html}<div class="{group_class}">{err}<fieldset aria-describedby="{described}"><legend class="legend-m">{}</legend><div class="radios radios-2col">"#, esc(&title), esc(t.kind_legend));
            for k in 0..KINDS.len() as u8 {
                h.push_str(&radio("kind", &format!("kind-{k}"), k, &sentence_case(kind_label(k).get(lang)), draft.kind == Some(k)));
            }
            let _ = write!(h, r#"</div></fieldset><fieldset><legend class="legend-m">{}</legend><div class="radios radios-2col">"#, esc(t.grade_legend));
            for g in [1u8, 2, 3, 4, 0] {
                let label = if g == 0 { t.grade_unassessed } else { t.grade_names[g as usize - 1] };
                h.push_str(&radio("grade", &format!("grade-{g}"), g, label, draft.grade == Some(g)));
            }
            h.push_str("</div></fieldset></div>");
        }
        FactType::Needs => {
            let _ = write!(h, r#"<div class="{group_class}"><fieldset aria-describedby="{described}"><legend><h1 tabindex="-1">{}</h1></legend>{hint_html}{err}<div class="checkboxes radios-2col">"#, esc(&title));
            for n in 0..NEEDS.len() as u8 {
                let label = sentence_case(need_label(n).get(lang));
                spoken.push(label.clone());
                let _ = write!(
                    h,
                    r#"<div class="checkbox"><input type="checkbox" name="need" id="need-{n}" value="{n}"{}><label for="need-{n}">{}</label></div>"#,
                    if draft.needs & (1 << n) != 0 { " checked" } else { "" },
                    esc(&label)
                );
            }
            let _ = write!(
                h,
                r#"<div class="checkbox"><input type="checkbox" name="need_none" id="need-none" value="1"{}><label for="need-none">{}</label></div></div></fieldset></div>"#,
                if draft.needs_none { " checked" } else { "" },
                esc(t.none_of_these)
            );
        }
        _ => {
            let _ = write!(h, r#"<div class="{group_class}"><fieldset aria-describedby="{described}"><legend><h1 tabindex="-1">{}</h1></legend>{hint_html}{err}<div class="radios">"#, esc(&title));
            for (i, (value, label)) in options_for(fact, lang).into_iter().enumerate() {
                let label = sentence_case(label);
                spoken.push(label.clone());
                h.push_str(&radio("answer", &format!("option-{i}"), value, &label, draft.choice == Some(value)));
            }
            h.push_str("</div></fieldset></div>");
        }
    }
    h.push_str(&speak_button(t, &spoken.iter().filter(|x| !x.is_empty()).cloned().collect::<Vec<_>>().join(". ")));
    let _ = write!(
        h,
        r#"<div class="button-group"><button type="submit" name="action" value="continue" class="button">{}</button><button type="submit" name="action" value="not_sure" class="button button-secondary">{}</button></div></form>"#,
        esc(t.continue_button),
        esc(t.not_sure)
    );
    h
}

/// The answer to one question in words, for the check page.
pub fn answer_text(s: &Session, f: Fact) -> String {
    let lang = s.lang;
    let t = ui(lang);
    if s.not_sure.contains(f) || !s.facts.is_known(f) {
        return t.not_answered.into();
    }
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    match f {
        Fact::Disabilities => s
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
        Fact::Needs => {
            let mask = s.facts.needs.unwrap_or(0);
            if mask == 0 {
                return t.none_of_these.into();
            }
            (0..NEEDS.len() as u8).filter(|n| mask & (1 << n) != 0).map(|n| need_label(n).get(lang)).collect::<Vec<_>>().join(sep)
        }
        f => match s.facts.get(f) {
            Value::Bool(true) => t.yes.into(),
            Value::Bool(false) => t.no.into(),
            Value::Word(w) => word_labels(f)[*w as usize].get(lang).into(),
            Value::Number(n) => match unit(f, lang) {
                Some(u) if matches!(f, Fact::StudentFees | Fact::InpatientCost) => format!("{} {u}", yuan(*n)),
                Some(u) => format!("{n} {u}"),
                None => n.to_string(),
            },
            Value::Unknown => t.not_answered.into(),
        },
    }
}

fn check(s: &Session) -> String {
    let t = ui(s.lang);
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
        let q = question(*f).text(s.lang, s.helper.unwrap_or_default(), &place_name(s));
        row(&q, &answer_text(s, *f), Page::Change(*f));
    }
    let _ = write!(h, r#"</dl><a class="button" role="button" draggable="false" href="{}">{}</a>"#, href(Page::Results, s), esc(t.see_results));
    h
}

fn results(s: &Session) -> String {
    let t = ui(s.lang);
    let lang = s.lang;
    let mut facts = s.facts.clone();
    if facts.as_of.is_none() {
        facts.as_of = super::today();
    }
    let findings = engine::evaluate(&facts);
    let mut h = back_link(s, Page::Results);
    let _ = write!(
        h,
        r#"<div class="print-only print-heading">{}</div><h1 tabindex="-1">{}</h1><p class="results-place">{}<strong>{}</strong></p>"#,
        esc(t.print_heading),
        esc(t.results_title),
        esc(t.results_for),
        esc(&place_name(s))
    );
    // Said once at the top as well as on each card: most of the documents' periods have ended.
    if let Some(f) = findings.iter().find(|f| f.warnings.expired && f.status != Status::Unlikely) {
        let until = crate::rules::words::date(f.benefit.valid_until);
        let _ = write!(h, r#"<div class="warning" role="note"><p>{}</p></div>"#, esc(&t.expired_page.replace("{date}", &until)));
    }
    if s.facts.jurisdiction == Some(engine::OTHER) {
        let note = jurisdiction(engine::OTHER).notes.first().map(|n| n.get(lang)).unwrap_or("");
        let _ = write!(h, r#"<div class="notice"><h2>{}</h2><p>{}</p></div>"#, esc(t.other_place_title), esc(note));
    }
    let total = yearly_total(&findings);
    if !total.is_zero() {
        let _ = write!(
            h,
            r#"<div class="total"><p class="total-label">{}</p><p class="total-value">{} {}</p><p class="hint">{}</p></div>"#,
            esc(t.yearly_total),
            yuan(total),
            if lang == Lang::Zh { "元" } else { "yuan" },
            esc(t.yearly_total_hint)
        );
    }
    let _ = write!(
        h,
        r#"<div class="button-group no-print"><button type="button" class="button" data-action="print">{}</button><a class="button button-secondary" role="button" draggable="false" href="{}">{}</a></div>"#,
        esc(t.print),
        href(Page::Check, s),
        esc(t.edit_answers)
    );
    let groups: [(Status, &str, &str); 3] = [
        (Status::Likely, t.likely, t.likely_hint),
        (Status::Possible, t.possible, t.possible_hint),
        (Status::Service, t.services, t.services_hint),
    ];
    for (status, title, hint) in groups {
        let items: Vec<&Finding> = findings.iter().filter(|f| f.status == status).collect();
        if items.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            r#"<section class="result-group" aria-labelledby="group-{n}"><h2 id="group-{n}">{} <span class="count">({})</span></h2><p class="hint">{}</p>"#,
            esc(title),
            items.len(),
            esc(hint),
            n = status.name()
        );
        for f in items {
            h.push_str(&finding_card(s, f));
        }
        h.push_str("</section>");
    }
    let unlikely: Vec<&Finding> = findings.iter().filter(|f| f.status == Status::Unlikely).collect();
    if !unlikely.is_empty() {
        let _ = write!(
            h,
            r#"<section class="result-group no-print" aria-labelledby="group-unlikely"><details class="why-not"><summary><h2 id="group-unlikely">{} <span class="count">({})</span></h2></summary><p class="hint">{}</p>"#,
            esc(t.unlikely),
            unlikely.len(),
            esc(t.unlikely_hint)
        );
        for f in unlikely {
            h.push_str(&finding_card(s, f));
        }
        h.push_str("</details></section>");
    }
    h.push_str(&handoff(s));
    h.push_str(&remember_box(s));
    let _ = write!(h, r#"<p class="disclaimer">{}</p>"#, esc(t.disclaimer));
    if let Some(j) = s.facts.jurisdiction.filter(|j| *j != engine::OTHER) {
        let _ = write!(h, r#"<p class="sources-line">{}{}</p>"#, esc(t.rules_from), esc(&source_line(jurisdiction(j), lang)));
    }
    // Starting again keeps the display settings, except at a kiosk where the next person is a stranger.
    let fresh = if s.kiosk_idle.is_some() {
        s.fresh_kiosk()
    } else {
        Session { lang: s.lang, text_size: s.text_size, high_contrast: s.high_contrast, ..Session::default() }
    };
    let _ = write!(h, r#"<a class="button button-secondary no-print" role="button" draggable="false" href="{}">{}</a>"#, href(Page::Start, &fresh), esc(t.start_again));
    h
}

/// The same results on another device: a QR code of a link that carries the answers after '#'.
fn handoff(s: &Session) -> String {
    let t = ui(s.lang);
    let link = format!("{}#{}", super::base_url(), crate::session::address(Page::Results, &s.for_handoff()));
    let Some(svg) = super::qr_svg(&link, t.handoff_qr_label) else { return String::new() };
    // At a kiosk the link is text to scan or copy, not something to follow on the shared screen.
    let shown = if s.kiosk_idle.is_some() {
        format!(r#"<span data-handoff>{}</span>"#, esc(&link))
    } else {
        format!(r#"<a href="{0}" data-handoff>{0}</a>"#, esc(&link))
    };
    format!(
        r#"<section class="handoff no-print" aria-labelledby="handoff-title"><h2 id="handoff-title">{}</h2><p>{}</p>{svg}<p class="handoff-link">{}{shown}</p></section>"#,
        esc(t.handoff_title),
        esc(t.handoff_hint),
        esc(t.handoff_link),
    )
}

fn finding_card(s: &Session, finding: &Finding) -> String {
    let lang = s.lang;
    let t = ui(lang);
    let b = finding.benefit;
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let status_text = match finding.status {
        Status::Likely => t.status_likely,
        Status::Possible => t.status_possible,
        Status::Service => t.status_service,
        Status::Unlikely => t.status_unlikely,
    };
    let amount_text = match finding.amount.case {
        Some(case) => describe_amount(case, lang),
        None => {
            let open = open_cases(b, &s.facts);
            if open.is_empty() {
                no_amount(lang).to_string()
            } else {
                open.iter().map(|c| describe_amount(c, lang)).collect::<Vec<_>>().join(" / ")
            }
        }
    };
    let id = format!("f-{}", b.id.replace('.', "-"));
    let mut h = format!(
        r#"<article class="finding finding-{st}" aria-labelledby="{id}"><h3 id="{id}">{name}</h3><p class="tag tag-{st}">{status}</p><p class="summary">{summary}</p><dl class="facts"><dt>{amount_label}</dt><dd class="amount">{amount}{estimate}</dd><dt>{apply}</dt><dd>{dept}{also}</dd>"#,
        st = finding.status.name(),
        name = esc(b.name.get(lang)),
        status = esc(status_text),
        summary = esc(b.summary.get(lang)),
        amount_label = esc(t.amount),
        amount = esc(&amount_text),
        estimate = describe_estimate(&finding.amount, lang).map(|e| format!(r#"<span class="estimate">{}</span>"#, esc(&e))).unwrap_or_default(),
        apply = esc(t.apply_at),
        dept = esc(b.departments.first().map(|d| d.get(lang)).unwrap_or("")),
        also = if b.departments.len() > 1 {
            format!(
                r#"<span class="also">{}{}{}{}{}</span>"#,
                if lang == Lang::Zh { "（" } else { " (" },
                esc(t.also_involved),
                if lang == Lang::Zh { "：" } else { ": " },
                esc(&b.departments[1..].iter().map(|d| d.get(lang)).collect::<Vec<_>>().join(sep)),
                if lang == Lang::Zh { "）" } else { ")" },
            )
        } else {
            String::new()
        },
    );
    if !b.bring.is_empty() {
        let _ = write!(h, r#"<dt>{}</dt><dd><ul class="bring">"#, esc(t.bring));
        for i in b.bring {
            let _ = write!(h, "<li>{}</li>", esc(DOCUMENTS[*i as usize].1.get(lang)));
        }
        h.push_str("</ul></dd>");
    }
    h.push_str("</dl>");
    let mut warnings = Vec::new();
    if finding.warnings.draft {
        warnings.push(t.draft_warning);
    }
    if finding.warnings.expired {
        warnings.push(t.expired_warning);
    }
    if finding.warnings.not_yet {
        warnings.push(t.not_yet_warning);
    }
    if finding.warnings.office_checks {
        warnings.push(t.office_checks);
    }
    if !warnings.is_empty() {
        h.push_str(r#"<div class="warning">"#);
        for w in warnings {
            let _ = write!(h, r#"<p><strong aria-hidden="true">! </strong>{}</p>"#, esc(w));
        }
        h.push_str("</div>");
    }
    if finding.status == Status::Possible && !finding.missing.is_empty() {
        let names: Vec<&str> = finding.missing.iter().map(|f| fact_label(f).get(lang)).collect();
        // Answering again: these facts are asked even if skipped before.
        let mut again = s.clone();
        again.not_sure = FactSet(s.not_sure.0 & !finding.missing.0);
        let first = finding.missing.iter().next().map(Page::Question).unwrap_or_else(|| next_page(&again));
        let _ = write!(
            h,
            r#"<p class="settle">{}{}</p><a class="button button-secondary no-print" role="button" draggable="false" href="{}">{}<span class="visually-hidden">: {}</span></a>"#,
            esc(t.would_settle),
            esc(&names.join(sep)),
            href(first, &again),
            esc(t.answer_these),
            esc(b.name.get(lang))
        );
    }
    let leaves = explain(finding, &s.facts);
    let (reasons_title, reasons): (&str, Vec<String>) = if finding.status == Status::Unlikely {
        (t.what_would_change, leaves.iter().filter(|l| l.met() == Truth::False).map(|l| describe_leaf(l, lang)).collect())
    } else {
        (t.why, leaves.iter().map(|l| describe_leaf(l, lang)).collect())
    };
    if !reasons.is_empty() {
        let _ = write!(h, r#"<details class="reasons"><summary>{}</summary><ul>"#, esc(reasons_title));
        for r in reasons {
            let _ = write!(h, "<li>{}</li>", esc(&r));
        }
        h.push_str("</ul></details>");
    }
    let place = jurisdiction(b.jurisdiction);
    // Printed sheets show the source even though the screen keeps it folded.
    let _ = write!(h, r#"<p class="print-only">{}: {} {}</p>"#, esc(t.source), esc(place.name.get(lang)), esc(b.cite.section));
    let _ = write!(
        h,
        r#"<details class="citation"><summary>{}</summary><p>{} {}</p><p>{}</p></details>"#,
        esc(t.source),
        esc(&source_line(place, lang)),
        esc(b.cite.section),
        esc(b.cite.text.get(lang))
    );
    if !b.notes.is_empty() {
        let _ = write!(h, r#"<details class="notes"><summary>{}</summary><ul>"#, esc(t.notes));
        for n in b.notes {
            let _ = write!(h, "<li>{}</li>", esc(n.get(lang)));
        }
        h.push_str("</ul></details>");
    }
    let spoken = format!("{}. {}. {}. {}", b.name.get(lang), status_text, amount_text, b.summary.get(lang));
    h.push_str(&speak_button(t, &spoken));
    h.push_str("</article>");
    h
}

fn browse(s: &Session, place: Option<u8>) -> String {
    let lang = s.lang;
    let t = ui(lang);
    let mut h = back_link(s, Page::Browse(place));
    match place {
        None => {
            let _ = write!(h, r#"<h1 tabindex="-1">{}</h1><p>{}</p><ul class="place-list">"#, esc(t.browse_title), esc(t.browse_hint));
            for (i, j) in JURISDICTIONS.iter().enumerate().take(5) {
                let _ = write!(
                    h,
                    r#"<li><a href="{}">{}（{}）</a> <span class="count">{}</span></li>"#,
                    href(Page::Browse(Some(i as u8)), s),
                    esc(j.name.get(lang)),
                    esc(j.region.get(lang)),
                    crate::rules::policy::benefit_count(i as u8)
                );
            }
            h.push_str("</ul>");
        }
        Some(j) => {
            let place = jurisdiction(j);
            let _ = write!(
                h,
                r#"<h1 tabindex="-1">{} - {}</h1><p>{}{}</p>"#,
                esc(place.name.get(lang)),
                esc(t.browse_title),
                esc(t.rules_from),
                esc(&source_line(place, lang))
            );
            for n in place.notes {
                let _ = write!(h, r#"<p class="hint">{}</p>"#, esc(n.get(lang)));
            }
            let semi = if lang == Lang::Zh { "；" } else { "; " };
            for c in 0..CATEGORIES.len() as u8 {
                let items: Vec<_> = crate::rules::policy::benefits(j).iter().filter(|b| b.category == c).collect();
                if items.is_empty() {
                    continue;
                }
                let _ = write!(h, r#"<section class="browse-category"><h2>{}</h2>"#, esc(category_label(c).get(lang)));
                for b in items {
                    let amounts = if b.amounts.is_empty() {
                        no_amount(lang).to_string()
                    } else {
                        b.amounts
                            .iter()
                            .map(|a| {
                                let when = describe_condition(&a.when, lang);
                                if when.is_empty() { describe_amount(a, lang) } else { format!("{}（{when}）", describe_amount(a, lang)) }
                            })
                            .collect::<Vec<_>>()
                            .join(semi)
                    };
                    let conditions = describe_condition(&b.condition, lang);
                    let label = if b.confidence == Confidence::Mentioned { t.ask_about } else { t.who_qualifies };
                    let _ = write!(
                        h,
                        r#"<article class="finding"><h3>{}</h3><p class="tag">{}</p><p>{}</p><dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{} {}</dd></dl>"#,
                        esc(b.name.get(lang)),
                        esc(t.confidence_names[b.confidence as usize]),
                        esc(b.summary.get(lang)),
                        esc(label),
                        esc(if conditions.is_empty() { t.everyone_in_scope } else { &conditions }),
                        esc(t.amount),
                        esc(&amounts),
                        esc(t.apply_at),
                        esc(b.departments.first().map(|d| d.get(lang)).unwrap_or("")),
                        esc(t.source),
                        esc(b.cite.section),
                        esc(b.cite.text.get(lang)),
                    );
                    if !b.notes.is_empty() {
                        let _ = write!(h, r#"<details class="notes"><summary>{}</summary><ul>"#, esc(t.notes));
                        for n in b.notes {
                            let _ = write!(h, "<li>{}</li>", esc(n.get(lang)));
                        }
                        h.push_str("</ul></details>");
                    }
                    h.push_str("</article>");
                }
                h.push_str("</section>");
            }
        }
    }
    h
}
