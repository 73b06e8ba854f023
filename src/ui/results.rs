//! The results page: likely, possible (with what would settle it), services to ask about, and the
//! unlikely ones with the conditions not met. Every item shows amount, reason, where to apply, what to
//! bring, the source and any caveat. The engine decides; this only shows.

use super::text::{ui, Ui};
use super::{place_name, source_line, use_app, BackLink};
use crate::rules::engine::{self, explain, open_cases, yearly_total, Finding, Status};
use crate::rules::policy::{jurisdiction, Lang, DOCUMENTS};
use crate::rules::words::{describe_amount, describe_estimate, describe_leaf, fact_label, no_amount, yuan};
use crate::rules::condition::Truth;
use crate::session::{next_page, Page};
use leptos::prelude::*;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let app = use_app();
    match app.session.with_untracked(|s| s.facts.jurisdiction) {
        Some(j) => super::with_texts(j, || view! { <ResultsBody/> }).into_any(),
        // No place chosen (e.g. an old bookmark): the questionnaire starts where it should.
        None => {
            let s = app.session.get_untracked();
            request_animation_frame(move || app.go(next_page(&s), s));
            ().into_any()
        }
    }
}

#[component]
fn ResultsBody() -> impl IntoView {
    let app = use_app();
    let t = ui(app.lang_now());
    let findings = Memo::new(move |_| app.session.with(|s| engine::evaluate(&s.facts)).into_iter().map(Keyed).collect::<Vec<_>>());
    let group = move |status: Status| findings.with(|f| f.iter().filter(|k| k.0.status == status).map(|k| k.0).collect::<Vec<_>>());
    let section = move |status: Status, title: fn(&Ui) -> &'static str, hint: fn(&Ui) -> &'static str| {
        let items = group(status);
        let t = t;
        (!items.is_empty()).then(|| {
            let id = format!("group-{}", status.name());
            let labelled = id.clone();
            view! {
                <section class=format!("result-group result-group-{}", status.name()) aria-labelledby=labelled>
                    <h2 id=id>{title(t)}<span class="count">{format!(" ({})", items.len())}</span></h2>
                    <p class="hint">{hint(t)}</p>
                    {items.into_iter().map(|f| view! { <FindingCard finding=f/> }).collect_view()}
                </section>
            }
        })
    };
    let other = move || app.session.with(|s| s.facts.jurisdiction == Some(engine::OTHER));
    view! {
        <BackLink page=Page::Results/>
        <div class="print-only print-heading">{t.print_heading}</div>
        <h1 tabindex="-1">{t.results_title}</h1>
        <p class="results-place">{t.results_for}<strong>{move || app.session.with(place_name)}</strong></p>
        <Show when=other>
            <div class="notice">
                <h2>{t.other_place_title}</h2>
                <p>{move || jurisdiction(engine::OTHER).notes.first().map(|n| n.get(app.lang())).unwrap_or("")}</p>
            </div>
        </Show>
        {move || {
            let total = findings.with(|f| yearly_total(&f.iter().map(|k| k.0).collect::<Vec<_>>()));
            (!total.is_zero()).then(|| view! {
                <div class="total">
                    <p class="total-label">{t.yearly_total}</p>
                    <p class="total-value">{format!("{} {}", yuan(total), if app.lang() == Lang::Zh { "元" } else { "yuan" })}</p>
                    <p class="hint">{t.yearly_total_hint}</p>
                </div>
            })
        }}
        <div class="button-group no-print">
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t.print}</button>
            <button type="button" class="button button-secondary" on:click=move |_| {
                let s = app.session.get_untracked();
                app.go(Page::Check, s);
            }>{t.edit_answers}</button>
        </div>
        {move || section(Status::Likely, |t| t.likely, |t| t.likely_hint)}
        {move || section(Status::Possible, |t| t.possible, |t| t.possible_hint)}
        {move || section(Status::Service, |t| t.services, |t| t.services_hint)}
        {move || {
            let items = group(Status::Unlikely);
            (!items.is_empty()).then(|| view! {
                <section class="result-group result-group-unlikely no-print" aria-labelledby="group-unlikely">
                    <details>
                        <summary><h2 id="group-unlikely">{t.unlikely}<span class="count">{format!(" ({})", items.len())}</span></h2></summary>
                        <p class="hint">{t.unlikely_hint}</p>
                        {items.into_iter().map(|f| view! { <FindingCard finding=f/> }).collect_view()}
                    </details>
                </section>
            })
        }}
        <p class="disclaimer">{t.disclaimer}</p>
        <p class="sources-line">{move || {
            let s = app.session.get();
            s.facts.jurisdiction.filter(|j| *j != engine::OTHER).map(|j| format!("{}{}", ui(s.lang).rules_from, source_line(jurisdiction(j), s.lang)))
        }}</p>
        <button type="button" class="button button-secondary no-print" on:click=move |_| {
            app.go(Page::Start, Default::default());
        }>{t.start_again}</button>
    }
}

/// Findings compare by benefit and status, so the memo only re-renders on a real change.
#[derive(Clone, Copy)]
struct Keyed(Finding);
impl PartialEq for Keyed {
    fn eq(&self, o: &Self) -> bool {
        std::ptr::eq(self.0.benefit, o.0.benefit) && self.0.status == o.0.status && self.0.amount.value == o.0.amount.value && self.0.missing == o.0.missing
    }
}

#[component]
fn FindingCard(finding: Finding) -> impl IntoView {
    let app = use_app();
    let b = finding.benefit;
    let view_for = move || {
        let s = app.session.get_untracked();
        let lang = s.lang;
        let t = ui(lang);
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
        let estimate = describe_estimate(&finding.amount, lang);
        let leaves = explain(&finding, &s.facts);
        let (reasons_title, reasons): (&str, Vec<String>) = if finding.status == Status::Unlikely {
            (t.what_would_change, leaves.iter().filter(|l| l.met() == Truth::False).map(|l| describe_leaf(l, lang)).collect())
        } else {
            (t.why, leaves.iter().map(|l| describe_leaf(l, lang)).collect())
        };
        let missing: Vec<&str> = finding.missing.iter().map(|f| fact_label(f).get(lang)).collect();
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
        let place = jurisdiction(b.jurisdiction);
        let source = format!("{} {}", source_line(place, lang), b.cite.section);
        let read = format!("{}。{}。{}。{}", b.name.get(lang), status_text, amount_text, b.summary.get(lang));
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        view! {
            <article class=format!("finding finding-{}", finding.status.name()) aria-labelledby=format!("f-{}", b.id.replace('.', "-"))>
                <h3 id=format!("f-{}", b.id.replace('.', "-"))>{b.name.get(lang)}</h3>
                <p class=format!("tag tag-{}", finding.status.name())>{status_text}</p>
                <p class="summary">{b.summary.get(lang)}</p>
                <dl class="facts">
                    <dt>{t.amount}</dt>
                    <dd class="amount">{amount_text}{estimate.map(|e| view! { <span class="estimate">{e}</span> })}</dd>
                    <dt>{t.apply_at}</dt>
                    <dd>{b.departments.first().map(|d| d.get(lang))}
                        {(b.departments.len() > 1).then(|| view! {
                            <span class="also">{format!(" ({}{})", t.also_involved, b.departments[1..].iter().map(|d| d.get(lang)).collect::<Vec<_>>().join(sep))}</span>
                        })}
                    </dd>
                    {(!b.bring.is_empty()).then(|| view! {
                        <dt>{t.bring}</dt>
                        <dd><ul class="bring">{b.bring.iter().map(|i| view! { <li>{DOCUMENTS[*i as usize].1.get(lang)}</li> }).collect_view()}</ul></dd>
                    })}
                </dl>
                {(!warnings.is_empty()).then(|| view! {
                    <div class="warning" role="note">{warnings.into_iter().map(|w| view! { <p><strong>"! "</strong>{w}</p> }).collect_view()}</div>
                })}
                {(finding.status == Status::Possible && !missing.is_empty()).then(|| {
                    let first = finding.missing.iter().next();
                    view! {
                        <p class="settle">{t.would_settle}{missing.join(sep)}</p>
                        <button type="button" class="button button-secondary no-print" on:click=move |_| {
                            let mut s = app.session.get_untracked();
                            // Answering again: these facts are asked even if skipped before.
                            for f in finding.missing.iter() { s.not_sure = crate::rules::condition::FactSet(s.not_sure.0 & !(1 << f as u64)); }
                            let page = first.map(Page::Question).unwrap_or_else(|| next_page(&s));
                            app.go(page, s);
                        }>{t.answer_these}</button>
                    }
                })}
                {(!reasons.is_empty()).then(|| view! {
                    <details class="reasons">
                        <summary>{reasons_title}</summary>
                        <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    </details>
                })}
                <details class="citation">
                    <summary>{t.source}</summary>
                    <p>{source}</p>
                    <p>{b.cite.text.get(lang)}</p>
                </details>
                {(!b.notes.is_empty()).then(|| view! {
                    <details class="notes">
                        <summary>{t.notes}</summary>
                        <ul>{b.notes.iter().map(|n| view! { <li>{n.get(lang)}</li> }).collect_view()}</ul>
                    </details>
                })}
                <super::speech::ReadAloud text=Signal::derive(move || read.clone())/>
            </article>
        }
    };
    view_for()
}
