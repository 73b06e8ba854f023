//! The results: a summary first (the money most likely paid, how many other services, the next
//! step), then the findings grouped by status in plain words, each card rendered from the
//! presenter's `Card`. With several people, the summary covers everyone and the groups show the
//! person chosen; benefits given once per household are shown once.

use super::super::text::{ui_later, UiLater};
use super::super::{esc, esc_in, href, person_label, place_name, qr_svg, source_line, who, who_of, Ctx};
use super::{back_link, remember_box, speak_button};
use crate::rules::condition::FactSet;
use crate::rules::engine::{self, yearly_total, Finding, Status};
use crate::rules::facts::Facts;
use crate::rules::plan::plan;
use crate::rules::policy::{documents, jurisdiction, Help, Lang};
use crate::rules::present::{card, document_name, Card};
use crate::rules::words::{fact_label, yuan};
use crate::session::{next_page, Page, Session};
use std::fmt::Write;

/// Everyone's facts as the results use them: dated today unless the answers give a date.
pub(super) fn dated(s: &Session, cx: &Ctx) -> Vec<Facts> {
    s.people()
        .into_iter()
        .map(|p| {
            let mut f = p.facts;
            if f.as_of.is_none() {
                f.as_of = cx.today;
            }
            f
        })
        .collect()
}

/// Money: cash or insurance (what the summary and the print sheet put first).
fn is_money(f: &Finding) -> bool {
    matches!(f.benefit.help, Help::Cash | Help::Insurance)
}

/// Cash and insurance first; stated amounts before unstated; larger first.
fn rank(f: &Finding) -> (bool, bool, std::cmp::Reverse<Option<rust_decimal::Decimal>>) {
    (!is_money(f), f.amount.value.is_none() && f.amount.case.is_none(), std::cmp::Reverse(f.amount.value))
}

fn sorted(findings: &[Finding], status: Status, household: bool) -> Vec<&Finding> {
    let mut items: Vec<&Finding> = findings.iter().filter(|f| f.status == status && f.benefit.per_household == household).collect();
    crate::rules::sort_short_by_key(&mut items, |f| rank(f));
    items
}

fn status_text(t: &UiLater, status: Status) -> &'static str {
    match status {
        Status::Likely => t.status_likely,
        Status::Possible => t.status_possible,
        Status::Service => t.status_service,
        Status::Unlikely => t.status_unlikely,
    }
}

/// The tag of a status: an icon (hidden from screen readers) and the plain words.
fn tag(t: &UiLater, status: Status) -> String {
    let icon = match status {
        Status::Likely => "✔",
        Status::Possible => "?",
        Status::Service => "☎",
        Status::Unlikely => "✕",
    };
    format!(
        r#"<p class="tag tag-{}"><span class="tag-icon" aria-hidden="true">{icon}</span>{}</p>"#,
        status.name(),
        esc(status_text(t, status))
    )
}

/// The money listed in the summary, per person: the rest are a link away, so that the next step
/// stays near the first screen.
const SUMMARY_ITEMS: usize = 5;

fn plural(t: &UiLater, n: usize) -> String {
    let s = if n == 1 { t.summary_more_one } else { t.summary_more_many };
    s.replace("{n}", &n.to_string())
}

pub(super) fn results(s: &Session, cx: &Ctx) -> String {
    let t = ui_later(s.lang);
    let lang = s.lang;
    let people = s.people();
    let facts = dated(s, cx);
    let all: Vec<Vec<Finding>> = facts.iter().map(engine::evaluate).collect();
    let findings = &all[s.index.min(all.len() - 1)];
    let place = s.facts.jurisdiction.map(jurisdiction);
    let document = place.map(|p| document_name(p, lang)).unwrap_or_default();
    let several = people.len() > 1;
    let mut h = back_link(s, Page::Results);
    let _ = write!(
        h,
        r#"<div class="print-only print-heading">{}</div><h1 tabindex="-1">{}</h1><p class="results-place">{}<strong>{}</strong>{}</p>"#,
        esc(t.print_heading),
        esc(t.results_title),
        esc(t.results_for),
        esc(&place_name(s)),
        cx.today.map(|d| format!(" · {}", crate::rules::words::date(d))).unwrap_or_default()
    );
    h.push_str(&page_notices(s, t, &all));
    if several {
        h.push_str(&people_nav(s, t));
    }
    h.push_str(&summary(s, cx, t, &people, &all));
    // The groups of the person chosen.
    let heading =
        if several { format!(r#"<p class="person-heading">{}</p>"#, esc(&person_label(s, s.index, &s.name))) } else { String::new() };
    h.push_str(&heading);
    let groups: [(Status, &str, &str); 3] = [
        (Status::Likely, t.likely, t.likely_hint),
        (Status::Possible, t.possible, t.possible_hint),
        (Status::Service, t.services, t.services_hint),
    ];
    for (status, title, hint) in groups {
        let items = sorted(findings, status, false);
        if items.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            r#"<section class="result-group" aria-labelledby="group-{n}"><h2 id="group-{n}" tabindex="-1">{}{} <span class="count">({})</span></h2><p class="hint">{}</p>"#,
            status_icon(status),
            esc(title),
            items.len(),
            esc(&hint.replace("{who}", &who(s))),
            n = status.name()
        );
        // The services to ask about are many and long: their heading and count stay, the cards
        // fold (a printout opens them, see style.css).
        let fold = status == Status::Service;
        if fold {
            let _ = write!(
                h,
                r#"<details class="group-fold"><summary>{}</summary>"#,
                esc(&t.services_open.replace("{n}", &items.len().to_string()))
            );
        }
        for f in &items {
            h.push_str(&finding_card(s, f, &facts[s.index.min(facts.len() - 1)], &document));
        }
        h.push_str(if fold { "</details></section>" } else { "</section>" });
    }
    h.push_str(&household_group(s, t, &all, &facts, &document));
    let unlikely = sorted(findings, Status::Unlikely, false);
    if !unlikely.is_empty() {
        // The heading stays a heading; only the list folds.
        let _ = write!(
            h,
            r#"<section class="result-group no-print" aria-labelledby="group-unlikely"><h2 id="group-unlikely" tabindex="-1">{}{} <span class="count">({})</span></h2><p class="hint">{}</p><details class="why-not"><summary>{}</summary>"#,
            status_icon(Status::Unlikely),
            esc(t.unlikely),
            unlikely.len(),
            esc(t.unlikely_hint),
            esc(&t.unlikely_open.replace("{n}", &unlikely.len().to_string()))
        );
        for f in unlikely {
            h.push_str(&finding_card(s, f, &facts[s.index.min(facts.len() - 1)], &document));
        }
        h.push_str("</details></section>");
    }
    h.push_str(&print_sheet(s, cx, t, &facts, &all));
    let _ = write!(
        h,
        r#"<p class="no-print"><button type="button" class="button button-secondary" data-action="print-all">{}</button></p>"#,
        esc(t.print_all)
    );
    h.push_str(&handoff(s, cx));
    h.push_str(&remember_box(s, cx));
    let _ = write!(h, r#"<p class="disclaimer">{}</p>"#, esc(t.disclaimer));
    if let Some(p) = place.filter(|p| !p.national_only) {
        let _ = write!(h, r#"<p class="sources-line">{}{}</p>"#, esc(t.rules_from), esc_in(&source_line(p, lang), lang));
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

fn status_icon(status: Status) -> String {
    let icon = match status {
        Status::Likely => "✔",
        Status::Possible => "?",
        Status::Service => "☎",
        Status::Unlikely => "✕",
    };
    format!(r#"<span class="group-icon group-icon-{}" aria-hidden="true">{icon}</span>"#, status.name())
}

/// Said once at the top: a draft document, a document whose period has ended, somewhere else.
fn page_notices(s: &Session, t: &UiLater, all: &[Vec<Finding>]) -> String {
    let mut h = String::new();
    let lang = s.lang;
    let open = |f: &&Finding| f.status != Status::Unlikely && !f.benefit.national;
    if let Some(f) = all.iter().flatten().find(|f| open(f) && f.warnings.draft) {
        let place = jurisdiction(f.benefit.jurisdiction).name.get(lang);
        let _ = write!(h, r#"<div class="warning" role="note"><p>{}</p></div>"#, esc(&t.page_draft.replace("{place}", place)));
    }
    if let Some(f) = all.iter().flatten().find(|f| open(f) && f.warnings.expired) {
        let until = crate::rules::words::date(f.benefit.valid_until);
        let _ = write!(h, r#"<div class="warning" role="note"><p>{}</p></div>"#, esc(&t.expired_page.replace("{date}", &until)));
    }
    if let Some(place) = s.facts.jurisdiction.map(jurisdiction).filter(|p| p.national_only) {
        let note = place.notes.first().map(|n| n.get(lang)).unwrap_or("");
        let _ = write!(h, r#"<div class="notice"><h2>{}</h2><p>{}</p></div>"#, esc(t.other_place_title), esc(note));
    }
    h
}

/// With several people: whose groups to show, and adding another person.
fn people_nav(s: &Session, t: &UiLater) -> String {
    let mut h =
        format!(r#"<nav class="people-nav no-print" aria-label="{0}"><p>{0}</p><ul>"#, esc(t.people_nav.trim_end_matches(['：', ':'])));
    for (i, p) in s.people().iter().enumerate() {
        let label = esc(&person_label(s, i, &p.name));
        if i == s.index {
            let _ = write!(h, r#"<li><a class="chip" href="{}" aria-current="page">{label}</a></li>"#, href(Page::Results, s));
        } else {
            let _ = write!(h, r#"<li><a class="chip" href="{}">{label}</a></li>"#, href(Page::Results, &s.with_current(i)));
        }
    }
    h.push_str("</ul></nav>");
    h
}

/// The money most likely paid (cash and insurance), how many other services, the totals, and the
/// next step; jump links to the groups.
fn summary(s: &Session, cx: &Ctx, t: &UiLater, people: &[crate::session::Person], all: &[Vec<Finding>]) -> String {
    let lang = s.lang;
    let several = people.len() > 1;
    let mut h = String::from(r#"<section class="summary" aria-labelledby="summary-title">"#);
    let title = t.summary_title.replace("{who}", &if several { household_word(lang) } else { who(s) });
    let _ = write!(h, r#"<h2 id="summary-title">{}</h2>"#, esc(&title));
    let mut household_total = rust_decimal::Decimal::ZERO;
    for (i, (p, findings)) in people.iter().zip(all).enumerate() {
        let money: Vec<&Finding> = {
            let mut m: Vec<&Finding> = findings
                .iter()
                .filter(|f| matches!(f.status, Status::Likely | Status::Possible))
                .filter(|f| is_money(f) && f.benefit.paid_by.is_none() && !f.benefit.per_household)
                .collect();
            crate::rules::sort_short_by_key(&mut m, |f| (f.status, rank(f)));
            m
        };
        if several {
            let _ = write!(h, r#"<h3 class="summary-person">{}</h3>"#, esc(&person_label(s, i, &p.name)));
        }
        if money.is_empty() {
            let _ = write!(h, r#"<p class="summary-none">{}</p>"#, esc(t.summary_none));
        } else {
            // One more item takes no more room than the link to it.
            let shown = if money.len() <= SUMMARY_ITEMS + 1 { money.len() } else { SUMMARY_ITEMS };
            // A link to the card: on this page it moves focus there (a bare "#id" would be read as
            // an address and lose the answers); another person's cards are on their page.
            let to_card = |f: &Finding| {
                let name = esc_in(f.benefit.name.get(lang), lang);
                if i == s.index {
                    format!(r##"<a href="#{0}" data-focus="{0}-name">{name}</a>"##, card_id(f))
                } else {
                    format!(r#"<a href="{}">{name}</a>"#, href(Page::Results, &s.with_current(i)))
                }
            };
            let (likely, check): (Vec<&Finding>, Vec<&Finding>) = money[..shown].iter().partition(|f| f.status == Status::Likely);
            if !likely.is_empty() {
                h.push_str(r#"<ul class="summary-list-money">"#);
                for f in likely {
                    let c = card(f, &p.facts, lang, "");
                    let amount = if c.amount.stated {
                        format!(r#"<span class="summary-amount">{}</span>"#, esc(&c.amount.text))
                    } else {
                        format!(r#"<span class="summary-amount-none">{}</span>"#, esc(&c.amount.text))
                    };
                    let _ = write!(
                        h,
                        r#"<li>{} {amount} <span class="summary-status summary-status-likely">{}</span></li>"#,
                        to_card(f),
                        esc(t.status_likely)
                    );
                }
                h.push_str("</ul>");
            }
            // What is to be checked: the names under one status line (amounts are on the cards).
            if !check.is_empty() {
                let _ = write!(
                    h,
                    r#"<p class="summary-check summary-status-possible">{}</p><ul class="summary-list-money summary-list-check">"#,
                    esc(t.summary_check)
                );
                for f in check {
                    let _ = write!(h, "<li>{}</li>", to_card(f));
                }
                h.push_str("</ul>");
            }
            // The rest are in their group, on the person's own page.
            if let Some(first) = money.get(shown) {
                let status = if first.status == Status::Likely { Status::Likely } else { Status::Possible };
                let more = t.summary_money_more.replace("{n}", &(money.len() - shown).to_string());
                let link = if i == s.index {
                    format!(r##"<a href="#group-{0}" data-focus="group-{0}">{1}</a>"##, status.name(), esc(&more))
                } else {
                    format!(r#"<a href="{}">{}</a>"#, href(Page::Results, &s.with_current(i)), esc(&more))
                };
                let _ = write!(h, r#"<p class="summary-money-more">{link}</p>"#);
            }
        }
        let total = yearly_total(findings);
        household_total += total;
        if several && !total.is_zero() {
            let _ = write!(
                h,
                r#"<p class="summary-total">{} <strong>{} {}</strong></p>"#,
                esc(&t.yearly_total_person.replace("{who}", &who_of(s, i, &p.name))),
                yuan(total),
                yuan_word(lang)
            );
        }
    }
    if !household_total.is_zero() {
        let label = if several { t.yearly_total_household.to_string() } else { t.yearly_total.to_string() };
        let _ = write!(
            h,
            r#"<div class="total"><p class="total-label">{}</p><p class="total-value">{} {}</p><p class="hint">{}</p></div>"#,
            esc(&label),
            yuan(household_total),
            yuan_word(lang),
            esc(t.yearly_total_hint)
        );
    }
    let current = &all[s.index.min(all.len() - 1)];
    let others = current.iter().filter(|f| matches!(f.status, Status::Likely | Status::Possible | Status::Service) && !is_money(f)).count();
    if others > 0 {
        let _ =
            write!(h, r##"<p class="summary-more"><a href="#group-likely" data-focus="group-likely">{}</a></p>"##, esc(&plural(t, others)));
    }
    let _ = write!(
        h,
        r#"<div class="button-group summary-actions no-print"><a class="button" role="button" draggable="false" href="{}">{}</a><button type="button" class="button button-secondary" data-action="print">{}</button>{}</div>"#,
        href(Page::Plan, s),
        esc(t.next_step),
        esc(t.print_summary),
        if cx.base_url.is_empty() && s.kiosk_idle.is_none() {
            String::new()
        } else {
            format!(
                r##"<a class="button button-secondary" role="button" draggable="false" href="#handoff-title" data-focus="handoff-title">{}</a>"##,
                esc(t.handoff_top)
            )
        },
    );
    // Jump links to the groups that are there.
    let mut jumps = Vec::new();
    for status in [Status::Likely, Status::Possible, Status::Service, Status::Unlikely] {
        let n = current.iter().filter(|f| f.status == status && !f.benefit.per_household).count();
        if n > 0 {
            jumps.push(format!(
                r##"<li><a href="#group-{}" data-focus="group-{}">{} ({n})</a></li>"##,
                status.name(),
                status.name(),
                esc(status_text(t, status))
            ));
        }
    }
    if all.iter().flatten().any(|f| f.benefit.per_household && f.status != Status::Unlikely) {
        jumps.push(format!(r##"<li><a href="#group-household" data-focus="group-household">{}</a></li>"##, esc(t.household_group)));
    }
    if !jumps.is_empty() {
        let _ = write!(
            h,
            r#"<nav class="jump no-print" aria-label="{0}"><p>{0}</p><ul>{1}</ul></nav>"#,
            esc(t.jump_to.trim_end_matches(['：', ':'])),
            jumps.join("")
        );
    }
    if s.kiosk_idle.is_none() && people.len() < crate::session::MAX_PEOPLE {
        let _ = write!(h, r#"<p class="add-person no-print"><a href="{}">{}</a></p>"#, href(Page::AddPerson, s), esc(t.add_person));
    }
    h.push_str("</section>");
    h
}

fn household_word(lang: Lang) -> String {
    if lang == Lang::Zh { "全家" } else { "the household" }.to_string()
}

fn yuan_word(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "元"
    } else {
        "yuan"
    }
}

/// Benefits given once per household: the best status among everyone, once.
fn household_group(s: &Session, t: &UiLater, all: &[Vec<Finding>], facts: &[Facts], document: &str) -> String {
    let mut best: Vec<(usize, &Finding)> = Vec::new();
    for (i, findings) in all.iter().enumerate() {
        for f in findings.iter().filter(|f| f.benefit.per_household && f.status != Status::Unlikely) {
            match best.iter_mut().find(|(_, b)| b.benefit.id == f.benefit.id) {
                Some(slot) if f.status < slot.1.status => *slot = (i, f),
                Some(_) => {}
                None => best.push((i, f)),
            }
        }
    }
    if best.is_empty() {
        return String::new();
    }
    crate::rules::sort_short_by_key(&mut best, |(_, f)| (f.status, rank(f)));
    let mut h = format!(
        r#"<section class="result-group" aria-labelledby="group-household"><h2 id="group-household" tabindex="-1">{} <span class="count">({})</span></h2><p class="hint">{}</p>"#,
        esc(t.household_group),
        best.len(),
        esc(t.household_hint)
    );
    for (i, f) in best {
        h.push_str(&finding_card(s, f, &facts[i], document));
    }
    h.push_str("</section>");
    h
}

fn card_id(f: &Finding) -> String {
    format!("f-{}", f.benefit.id.replace('.', "-"))
}

/// The same results on another device: a QR code of a link that carries the answers after '#'.
fn handoff(s: &Session, cx: &Ctx) -> String {
    let t = ui_later(s.lang);
    let link = format!("{}#{}", cx.base_url, crate::session::address(Page::Results, &s.for_handoff()));
    let Some(svg) = qr_svg(&link, t.handoff_qr_label) else { return String::new() };
    // At a kiosk the link is text to scan or copy, not something to follow on the shared screen.
    let shown = if s.kiosk_idle.is_some() {
        format!(r#"<span data-handoff>{}</span>"#, esc(&link))
    } else {
        format!(r#"<a href="{0}" data-handoff>{0}</a>"#, esc(&link))
    };
    format!(
        r#"<section class="handoff no-print" aria-labelledby="handoff-title"><h2 id="handoff-title" tabindex="-1">{}</h2><p>{}</p>{svg}<p class="handoff-link">{}{shown}</p></section>"#,
        esc(t.handoff_title),
        esc(t.handoff_hint),
        esc(t.handoff_link),
    )
}

/// The printed sheet (one or two pages): the date, the answers it rests on, the money, the offices
/// to visit with what to bring, the sources in words, and a QR code to reopen the results. The
/// screen's detail prints only with "print everything".
fn print_sheet(s: &Session, cx: &Ctx, t: &UiLater, facts: &[Facts], all: &[Vec<Finding>]) -> String {
    let lang = s.lang;
    let mut h = String::from(r#"<section class="print-sheet print-only">"#);
    // The QR code first, beside the date and the answers.
    let link = format!("{}#{}", cx.base_url, crate::session::address(Page::Results, &s.for_handoff()));
    if let Some(svg) = qr_svg(&link, t.print_qr) {
        let _ = write!(h, r#"<div class="print-qr">{svg}<p>{}</p></div>"#, esc(t.print_qr));
    }
    h.push_str(&super::print::answers(s, cx, t));
    // The offices come from the plan. Those for money (cash and insurance) and the first steps are
    // kept with their merged list of documents; the others are named in one line.
    let refs: Vec<&Facts> = facts.iter().collect();
    let plan = plan(&refs, s.helper.is_some_and(|h| h != crate::session::Helper::Myself));
    let money = |f: &Finding| is_money(f) && matches!(f.status, Status::Likely | Status::Possible);
    let (sep, colon) = if lang == Lang::Zh { ("、", "：") } else { ("; ", ": ") };
    let _ = write!(h, "<h2>{}</h2><ol class=\"print-offices\">", esc(t.print_where));
    let mut others: Vec<&str> = Vec::new();
    for v in &plan.visits {
        let office = v.office.get(lang);
        if v.step.is_none() && !v.items.iter().any(|i| money(&i.finding)) {
            if !others.contains(&office) {
                others.push(office);
            }
            continue;
        }
        // What to ask for: the money, and anything else likely given at the same office; what is
        // likely apart from what is to be checked.
        let mut likely: Vec<&str> = Vec::new();
        let mut check: Vec<&str> = Vec::new();
        let mut bring: Vec<u8> = Vec::new();
        for i in v.items.iter().filter(|i| v.step.is_some() || money(&i.finding) || i.finding.status == Status::Likely) {
            let name = i.finding.benefit.name.get(lang);
            let list = if i.finding.status == Status::Likely && v.step.is_none() { &mut likely } else { &mut check };
            if !list.contains(&name) {
                list.push(name);
            }
            for d in i.finding.benefit.bring {
                if !bring.contains(d) {
                    bring.push(*d);
                }
            }
        }
        // A step brings what the step needs, and lists what it opens.
        if v.step.is_some() {
            bring = v.bring.clone();
        }
        let office = v.step.map(|st| format!("{}（{}）", st.name.get(lang), office)).unwrap_or_else(|| office.to_string());
        let _ = write!(h, "<li><strong>{}</strong>", esc_in(&office, lang));
        let check_label = if v.step.is_some() { t.plan_opens.trim_end_matches(['：', ':']) } else { t.status_possible };
        for (label, names) in [(t.status_likely, &likely), (check_label, &check)] {
            if !names.is_empty() {
                let _ = write!(h, "<br>{}{colon}{}", esc(label), esc_in(&names.join(sep), lang));
            }
        }
        if !bring.is_empty() {
            let bring: Vec<&str> = bring.iter().map(|d| documents()[*d as usize].label.get(lang)).collect();
            let _ = write!(h, "<br>{}{colon}{}", esc(t.bring), esc_in(&bring.join(if lang == Lang::Zh { "、" } else { ", " }), lang));
        }
        h.push_str("</li>");
    }
    h.push_str("</ol>");
    if !others.is_empty() {
        let _ = write!(h, r#"<p class="print-others">{}{}</p>"#, esc(t.print_others), esc_in(&others.join(sep), lang));
    }
    // The sources in words: the document's title and the sections used.
    h.push_str(&super::print::sources(s, t, all.iter().flatten().filter(|f| f.status == Status::Likely)));
    h.push_str("</section>");
    h
}

/// What kind of help, in words: "现金补贴" / "Cash".
fn help_line(t: &UiLater, c: &Card) -> String {
    t.help_names[c.benefit.help as usize].to_string()
}

/// One finding as a card.
fn finding_card(s: &Session, finding: &Finding, facts: &Facts, document: &str) -> String {
    let lang = s.lang;
    let t = ui_later(lang);
    let c: Card = card(finding, facts, lang, document);
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let id = card_id(finding);
    let amount = if c.amount.stated {
        format!(
            r#"<p class="amount">{}{}</p>"#,
            esc(&c.amount.text),
            c.amount.estimate.as_ref().map(|e| format!(r#"<span class="estimate">{}</span>"#, esc(e))).unwrap_or_default()
        )
    } else {
        format!(r#"<p class="amount-none">{}</p>"#, esc(&c.amount.text))
    };
    let mut h = format!(
        r#"<article class="finding finding-{st}" id="{id}" aria-labelledby="{id}-name"><h3 id="{id}-name" tabindex="-1">{name}</h3>{tag}<p class="help-kind">{help}</p>{amount}<p class="summary">{summary}</p><dl class="facts"><dt>{apply}</dt><dd>{dept}{note}{also}</dd>"#,
        st = c.status.name(),
        name = esc_in(c.name(), lang),
        tag = tag(t, c.status),
        help = esc(&help_line(t, &c)),
        summary = esc_in(c.summary(), lang),
        apply = esc(t.apply_at),
        dept = esc_in(c.apply_at(), lang),
        note = c.apply_at_note().map(|n| format!(r#"<span class="apply-note">{}</span>"#, esc_in(n, lang))).unwrap_or_default(),
        also = if c.benefit.departments.is_empty() {
            String::new()
        } else {
            format!(
                r#"<span class="also">{}{}{}</span>"#,
                esc(t.also_involved),
                if lang == Lang::Zh { "：" } else { ": " },
                esc_in(&c.also().collect::<Vec<_>>().join(sep), lang),
            )
        },
    );
    if !c.benefit.bring.is_empty() {
        let _ = write!(h, r#"<dt>{}</dt><dd><ul class="bring bring-inline">"#, esc(t.bring));
        for d in c.bring() {
            let _ = write!(h, "<li>{}</li>", esc_in(d, lang));
        }
        h.push_str("</ul></dd>");
    }
    h.push_str("</dl>");
    // Caveats said once at the top of the page (draft, period ended) are not repeated here.
    let specific: Vec<_> = c
        .warnings
        .iter()
        .filter(|w| matches!(w, crate::rules::present::Warning::NotYet | crate::rules::present::Warning::OfficeChecks))
        .collect();
    if !specific.is_empty() {
        h.push_str(r#"<div class="warning">"#);
        for w in specific {
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
            esc_in(c.name(), lang)
        );
    }
    if !c.reasons.is_empty() {
        let title = if c.status == Status::Unlikely { t.what_would_change } else { t.why };
        let _ = write!(h, r#"<details class="reasons disclosure"><summary>{}</summary><ul>"#, esc(title));
        for r in &c.reasons {
            let _ = write!(h, "<li>{}</li>", esc_in(&r.text, lang));
        }
        h.push_str("</ul></details>");
    }
    let place = jurisdiction(finding.benefit.jurisdiction);
    let source = if finding.benefit.national { c.document.to_string() } else { source_line(place, lang) };
    let _ = write!(
        h,
        r#"<details class="citation disclosure"><summary>{}</summary><p>{} {}</p><p>{}</p></details>"#,
        esc(t.source),
        esc_in(&source, lang),
        esc_in(c.section(), lang),
        esc_in(c.cite(), lang)
    );
    if !c.benefit.notes.is_empty() {
        let _ = write!(h, r#"<details class="notes disclosure"><summary>{}</summary><ul>"#, esc(t.notes));
        for n in c.notes() {
            let _ = write!(h, "<li>{}</li>", esc_in(n, lang));
        }
        h.push_str("</ul></details>");
    }
    // Read aloud: what it is, the answer, how much, where to apply and what to bring.
    let stop = if lang == Lang::Zh { "。" } else { ". " };
    let mut spoken =
        vec![c.name().to_string(), status_text(t, c.status).to_string(), help_line(t, &c), c.amount.text.clone(), c.summary().to_string()];
    spoken.push(format!("{}{}{}", t.apply_at, if lang == Lang::Zh { "：" } else { ": " }, c.apply_at()));
    if !c.benefit.bring.is_empty() {
        spoken.push(format!("{}{}{}", t.bring, if lang == Lang::Zh { "：" } else { ": " }, c.bring().collect::<Vec<_>>().join(sep)));
    }
    h.push_str(&speak_button(t, &spoken.join(stop)));
    h.push_str("</article>");
    h
}
