//! The plan: the offices to visit in order, each once, with what to ask for (likely first, then
//! possible with what the office will check), one merged list of documents, a tick box per visit,
//! and what a helper brings when applying on someone's behalf. Worked out by `rules::plan`.

use super::super::text::ui_later;
use super::super::{esc, esc_in, href, person_label, qr_svg, Ctx};
use super::back_link;
use super::results::dated;
use crate::rules::engine::Status;
use crate::rules::facts::Facts;
use crate::rules::plan::{plan, Item, Visit};
use crate::rules::policy::{documents, Lang};
use crate::rules::words;
use crate::session::{Helper, Page, Session};
use std::fmt::Write;

pub(super) fn plan_page(s: &Session, cx: &Ctx) -> String {
    let t = ui_later(s.lang);
    let lang = s.lang;
    let facts = dated(s, cx);
    let refs: Vec<&Facts> = facts.iter().collect();
    let on_behalf = s.helper.is_some_and(|h| h != Helper::Myself);
    let p = plan(&refs, on_behalf);
    let people = s.people();
    let several = people.len() > 1;
    let names: Vec<String> =
        people.iter().enumerate().map(|(i, p)| if several { person_label(s, i, &p.name) } else { String::new() }).collect();
    let mut h = back_link(s, Page::Plan);
    let _ = write!(h, r#"<h1 tabindex="-1">{}</h1><p class="lede">{}</p>"#, esc(t.plan_title), esc(t.plan_hint));
    let _ = write!(
        h,
        r#"<div class="button-group no-print"><button type="button" class="button" data-action="print">{}</button>{}<a class="button button-secondary" role="button" draggable="false" href="{}">{}</a></div>"#,
        esc(t.plan_print),
        if on_behalf {
            format!(
                r#"<a class="button button-secondary" role="button" draggable="false" href="{}">{}</a>"#,
                href(Page::Authorise, s),
                esc(t.plan_authorise)
            )
        } else {
            String::new()
        },
        href(Page::Results, s),
        esc(t.plan_back)
    );
    // Printed, the first page says what the plan rests on; each visit then has a page of its own.
    let _ = write!(
        h,
        r#"<section class="print-only plan-basis">{}{}</section>"#,
        super::print::answers(s, cx, t),
        super::print::sources(s, t, p.visits.iter().flat_map(|v| v.items.iter()).map(|i| &i.finding))
    );
    if p.visits.is_empty() {
        let _ = write!(h, r#"<p class="notice">{}</p>"#, esc(t.plan_none));
    }
    h.push_str(r#"<ol class="plan">"#);
    for (n, v) in p.visits.iter().enumerate() {
        h.push_str(&visit(s, n, v, &names, lang));
    }
    h.push_str("</ol>");
    if on_behalf {
        let _ = write!(
            h,
            r#"<section class="plan-agent" aria-labelledby="agent-title"><h2 id="agent-title">{}</h2><p>{}</p><ul class="bring">"#,
            esc(t.plan_agent_title),
            esc(t.plan_agent_hint)
        );
        for d in p.agent_bring {
            let _ = write!(h, "<li>{}</li>", esc(documents()[*d as usize].label.get(lang)));
        }
        let _ = write!(h, "</ul><p>{}</p><p>{}</p>", esc(t.plan_agent_national), esc(t.plan_agent_ask));
        let _ = write!(h, r#"<p class="no-print"><a href="{}">{}</a></p></section>"#, href(Page::Authorise, s), esc(t.plan_authorise));
    }
    // At a kiosk (or anywhere), the plan can go to a phone like the results.
    let link = format!("{}#{}", cx.base_url, crate::session::address(Page::Plan, &s.for_handoff()));
    if let Some(svg) = qr_svg(&link, t.plan_handoff) {
        let shown = if s.kiosk_idle.is_some() {
            format!(r#"<span data-handoff>{}</span>"#, esc(&link))
        } else {
            format!(r#"<a href="{0}" data-handoff>{0}</a>"#, esc(&link))
        };
        let _ = write!(
            h,
            r#"<section class="handoff no-print" aria-labelledby="plan-handoff"><h2 id="plan-handoff" tabindex="-1">{}</h2>{svg}<p class="handoff-link">{}{shown}</p></section>"#,
            esc(t.plan_handoff),
            esc(t.handoff_link)
        );
    }
    let _ = write!(h, r#"<p class="disclaimer">{}</p>"#, esc(t.disclaimer));
    h
}

/// How many of the benefits a first step opens are named in the plan.
const STEP_OPENS_SHOWN: usize = 6;

fn visit(s: &Session, n: usize, v: &Visit, names: &[String], lang: Lang) -> String {
    let t = ui_later(lang);
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    let step = t.plan_step.replace("{n}", &(n + 1).to_string());
    let title = match v.step {
        Some(st) => format!("{}{colon}{}", st.name.get(lang), v.office.get(lang)),
        None => v.office.get(lang).to_string(),
    };
    let mut h =
        format!(r#"<li class="visit" id="visit-{n}"><h2><span class="step-number">{}</span> {}</h2>"#, esc(&step), esc_in(&title, lang));
    if names.iter().any(|n| !n.is_empty()) {
        let who: Vec<&str> = v.people.iter().filter_map(|p| names.get(*p).map(String::as_str)).collect();
        let _ = write!(h, r#"<p class="plan-for">{}{}</p>"#, esc(t.plan_for), esc(&who.join(sep)));
    }
    let ask: Vec<&Item> = v.items.iter().collect();
    if !ask.is_empty() {
        let heading = if v.step.is_some() { t.plan_opens } else { t.plan_ask };
        let _ = write!(h, r#"<h3>{}</h3><ul class="plan-items">"#, esc(heading));
        let mut seen: Vec<(usize, &str)> = Vec::new();
        // What a first step opens is shown by its most valuable few; the results list them all.
        let shown = if v.step.is_some() { STEP_OPENS_SHOWN } else { usize::MAX };
        for i in ask {
            if seen.contains(&(i.person, i.finding.benefit.id)) {
                continue;
            }
            seen.push((i.person, i.finding.benefit.id));
            if seen.len() > shown {
                continue;
            }
            let b = i.finding.benefit;
            // A household benefit is the household's, not one person's; one person's visit needs
            // no name on each line (the "for whom" line says it).
            let who = if b.per_household || v.people.len() < 2 { "" } else { names.get(i.person).map(String::as_str).unwrap_or("") };
            let line = if v.step.is_some() {
                format!("{}{}", b.name.get(lang), if who.is_empty() { String::new() } else { format!("（{who}）") })
            } else {
                let checks: Vec<&str> = i.finding.missing.iter().map(|f| f.label().get(lang)).collect();
                words::ask(b.name.get(lang), who, i.finding.status == Status::Service, i.finding.warnings.office_checks, &checks, lang)
            };
            let _ = write!(h, r#"<li class="plan-item plan-item-{}">{}</li>"#, i.finding.status.name(), esc_in(&line, lang));
        }
        h.push_str("</ul>");
        if seen.len() > shown {
            let _ = write!(h, r#"<p class="plan-more">{}</p>"#, esc(&t.plan_opens_more.replace("{n}", &(seen.len() - shown).to_string())));
        }
    }
    if !v.bring.is_empty() {
        let _ = write!(h, r#"<h3>{}</h3><ul class="bring">"#, esc(t.plan_bring));
        for d in &v.bring {
            let _ = write!(h, "<li>{}</li>", esc(documents()[*d as usize].label.get(lang)));
        }
        h.push_str("</ul>");
    }
    if v.on_behalf_stated && s.helper.is_some_and(|h| h != Helper::Myself) {
        let _ = write!(h, r#"<p class="plan-agent-note">{}</p>"#, esc(t.plan_agent_national));
    }
    // A tick box that works on screen (nothing is kept; printing shows an empty box to tick by hand).
    let _ = write!(
        h,
        r#"<div class="checkbox plan-done"><input type="checkbox" id="done-{n}"><label for="done-{n}">{}</label></div></li>"#,
        esc(t.plan_done)
    );
    h
}

/// The authorisation form to print and fill in by hand (the app collects no names or ID numbers).
pub(super) fn authorise(s: &Session) -> String {
    let t = ui_later(s.lang);
    let mut h = back_link(s, Page::Authorise);
    let _ = write!(
        h,
        r#"<h1 tabindex="-1">{}</h1><p class="hint no-print">{}</p><div class="authorise">"#,
        esc(t.authorise_title),
        esc(t.authorise_hint)
    );
    for line in t.authorise_body {
        let _ = write!(h, "<p>{}</p>", esc(line));
    }
    let _ = write!(h, r#"</div><button type="button" class="button no-print" data-action="print">{}</button>"#, esc(t.authorise_print));
    h
}
