//! The results: the findings grouped by status, each card rendered from the presenter's `Card`.

use super::super::text::ui;
use super::super::{esc, href, place_name, qr_svg, source_line, Ctx};
use super::{back_link, remember_box, speak_button};
use crate::rules::condition::FactSet;
use crate::rules::engine::{self, yearly_total, Finding, Status};
use crate::rules::policy::{jurisdiction, Lang};
use crate::rules::present::{card, document_name, Card};
use crate::rules::words::{fact_label, yuan};
use crate::session::{next_page, Page, Session};
use std::fmt::Write;

pub(super) fn results(s: &Session, cx: &Ctx) -> String {
    let t = ui(s.lang);
    let lang = s.lang;
    let mut facts = s.facts.clone();
    if facts.as_of.is_none() {
        facts.as_of = cx.today;
    }
    let findings = engine::evaluate(&facts);
    let document = s.facts.jurisdiction.map(|j| document_name(jurisdiction(j), lang)).unwrap_or_default();
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
    if let Some(place) = s.facts.jurisdiction.map(jurisdiction).filter(|p| p.national_only) {
        let note = place.notes.first().map(|n| n.get(lang)).unwrap_or("");
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
            h.push_str(&finding_card(s, f, &facts, &document));
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
            h.push_str(&finding_card(s, f, &facts, &document));
        }
        h.push_str("</details></section>");
    }
    h.push_str(&handoff(s, cx));
    h.push_str(&remember_box(s, cx));
    let _ = write!(h, r#"<p class="disclaimer">{}</p>"#, esc(t.disclaimer));
    if let Some(j) = s.facts.jurisdiction.filter(|j| !jurisdiction(*j).national_only) {
        let _ = write!(h, r#"<p class="sources-line">{}{}</p>"#, esc(t.rules_from), esc(&source_line(jurisdiction(j), lang)));
    }
    // Starting again keeps the display settings, except at a kiosk where the next person is a stranger.
    let fresh = if s.kiosk_idle.is_some() {
        s.fresh_kiosk()
    } else {
        Session { lang: s.lang, text_size: s.text_size, high_contrast: s.high_contrast, ..Session::default() }
    };
    let _ = write!(
        h,
        r#"<a class="button button-secondary no-print" role="button" draggable="false" href="{}">{}</a>"#,
        href(Page::Start, &fresh),
        esc(t.start_again)
    );
    h
}

/// The same results on another device: a QR code of a link that carries the answers after '#'.
fn handoff(s: &Session, cx: &Ctx) -> String {
    let t = ui(s.lang);
    let link = format!("{}#{}", cx.base_url, crate::session::address(Page::Results, &s.for_handoff()));
    let Some(svg) = qr_svg(&link, t.handoff_qr_label) else { return String::new() };
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

/// One finding as a card.
fn finding_card(s: &Session, finding: &Finding, facts: &crate::rules::Facts, document: &str) -> String {
    let lang = s.lang;
    let t = ui(lang);
    let c: Card = card(finding, facts, lang, document);
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let status_text = match c.status {
        Status::Likely => t.status_likely,
        Status::Possible => t.status_possible,
        Status::Service => t.status_service,
        Status::Unlikely => t.status_unlikely,
    };
    let id = format!("f-{}", c.id().replace('.', "-"));
    let mut h = format!(
        r#"<article class="finding finding-{st}" aria-labelledby="{id}"><h3 id="{id}">{name}</h3><p class="tag tag-{st}">{status}</p><p class="summary">{summary}</p><dl class="facts"><dt>{amount_label}</dt><dd class="amount">{amount}{estimate}</dd><dt>{apply}</dt><dd>{dept}{also}</dd>"#,
        st = c.status.name(),
        name = esc(c.name()),
        status = esc(status_text),
        summary = esc(c.summary()),
        amount_label = esc(t.amount),
        amount = esc(&c.amount.text),
        estimate = c.amount.estimate.as_ref().map(|e| format!(r#"<span class="estimate">{}</span>"#, esc(e))).unwrap_or_default(),
        apply = esc(t.apply_at),
        dept = esc(c.apply_at()),
        also = if c.benefit.departments.is_empty() {
            String::new()
        } else {
            format!(
                r#"<span class="also">{}{}{}{}{}</span>"#,
                if lang == Lang::Zh { "（" } else { " (" },
                esc(t.also_involved),
                if lang == Lang::Zh { "：" } else { ": " },
                esc(&c.also().collect::<Vec<_>>().join(sep)),
                if lang == Lang::Zh { "）" } else { ")" },
            )
        },
    );
    if !c.benefit.bring.is_empty() {
        let _ = write!(h, r#"<dt>{}</dt><dd><ul class="bring">"#, esc(t.bring));
        for d in c.bring() {
            let _ = write!(h, "<li>{}</li>", esc(d));
        }
        h.push_str("</ul></dd>");
    }
    h.push_str("</dl>");
    if !c.warnings.is_empty() {
        h.push_str(r#"<div class="warning">"#);
        for w in &c.warnings {
            let _ = write!(h, r#"<p><strong aria-hidden="true">! </strong>{}</p>"#, esc(w.text(lang)));
        }
        h.push_str("</div>");
    }
    if c.status == Status::Possible && !finding.missing.is_empty() {
        let names: Vec<&str> = c.missing.iter().map(|f| fact_label(f).get(lang)).collect();
        // Answering again: these facts are asked even if skipped before.
        let mut again = s.clone();
        again.not_sure = FactSet(s.not_sure.0 & !finding.missing.0);
        let first = c.missing.iter().next().map(Page::Question).unwrap_or_else(|| next_page(&again));
        let _ = write!(
            h,
            r#"<p class="settle">{}{}</p><a class="button button-secondary no-print" role="button" draggable="false" href="{}">{}<span class="visually-hidden">: {}</span></a>"#,
            esc(t.would_settle),
            esc(&names.join(sep)),
            href(first, &again),
            esc(t.answer_these),
            esc(c.name())
        );
    }
    if !c.reasons.is_empty() {
        let title = if c.status == Status::Unlikely { t.what_would_change } else { t.why };
        let _ = write!(h, r#"<details class="reasons"><summary>{}</summary><ul>"#, esc(title));
        for r in &c.reasons {
            let _ = write!(h, "<li>{}</li>", esc(&r.text));
        }
        h.push_str("</ul></details>");
    }
    let place = jurisdiction(finding.benefit.jurisdiction);
    // Printed sheets show the source even though the screen keeps it folded.
    let _ = write!(h, r#"<p class="print-only">{}: {} {}</p>"#, esc(t.source), esc(place.name.get(lang)), esc(c.section()));
    let _ = write!(
        h,
        r#"<details class="citation"><summary>{}</summary><p>{} {}</p><p>{}</p></details>"#,
        esc(t.source),
        esc(&source_line(place, lang)),
        esc(c.section()),
        esc(c.cite())
    );
    if !c.benefit.notes.is_empty() {
        let _ = write!(h, r#"<details class="notes"><summary>{}</summary><ul>"#, esc(t.notes));
        for n in c.notes() {
            let _ = write!(h, "<li>{}</li>", esc(n));
        }
        h.push_str("</ul></details>");
    }
    let spoken = format!("{}. {}. {}. {}", c.name(), status_text, c.amount.text, c.summary());
    h.push_str(&speak_button(t, &spoken));
    h.push_str("</article>");
    h
}
