//! Browse: every benefit the app knows for one place, by category, with conditions, amounts and
//! sources, for staff and for people who would rather read than answer questions.

use super::text::ui;
use super::{source_line, use_app, BackLink};
use crate::rules::policy::{jurisdiction, Confidence, Lang, JURISDICTIONS};
use crate::rules::vocab::CATEGORIES;
use crate::rules::words::{category_label, describe_amount, describe_condition, no_amount};
use crate::session::Page;
use leptos::prelude::*;

#[component]
pub fn BrowsePage(place: Option<u8>) -> impl IntoView {
    let app = use_app();
    let page = Page::Browse(place);
    move || {
        let lang = app.lang();
        let t = ui(lang);
        match place {
            None => view! {
                <BackLink page=page/>
                <h1 tabindex="-1">{t.browse_title}</h1>
                <p>{t.browse_hint}</p>
                <ul class="place-list">
                    {JURISDICTIONS.iter().enumerate().take(5).map(|(i, j)| view! {
                        <li><a href=format!("#{}", Page::Browse(Some(i as u8)).slug()) on:click=move |ev| {
                            ev.prevent_default();
                            let s = app.session.get_untracked();
                            app.go(Page::Browse(Some(i as u8)), s);
                        }>{format!("{}（{}）", j.name.get(lang), j.region.get(lang))}</a>
                        <span class="count">{format!(" {}", j.benefits.len())}</span></li>
                    }).collect_view()}
                </ul>
            }.into_any(),
            Some(j) => super::with_texts(j, move || {
                let place = jurisdiction(j);
                view! {
                    <BackLink page=page/>
                    <h1 tabindex="-1">{format!("{} - {}", place.name.get(lang), t.browse_title)}</h1>
                    <p>{t.rules_from}{source_line(place, lang)}</p>
                    {place.notes.iter().map(|n| view! { <p class="hint">{n.get(lang)}</p> }).collect_view()}
                    {(0..CATEGORIES.len() as u8).filter_map(|c| {
                        let items: Vec<_> = place.benefits.iter().filter(|b| b.category == c).collect();
                        (!items.is_empty()).then(|| view! {
                            <section class="browse-category">
                                <h2>{category_label(c).get(lang)}</h2>
                                {items.into_iter().map(|b| {
                                    let amounts = if b.amounts.is_empty() { no_amount(lang).to_string() } else {
                                        b.amounts.iter().map(|a| {
                                            let when = describe_condition(&a.when, lang);
                                            if when.is_empty() { describe_amount(a, lang) } else { format!("{}（{when}）", describe_amount(a, lang)) }
                                        }).collect::<Vec<_>>().join(if lang == Lang::Zh { "；" } else { "; " })
                                    };
                                    let conditions = describe_condition(&b.condition, lang);
                                    let label = if b.confidence == Confidence::Mentioned { t.ask_about } else { t.who_qualifies };
                                    view! {
                                        <article class="finding">
                                            <h3>{b.name.get(lang)}</h3>
                                            <p class="tag">{t.confidence_names[b.confidence as usize]}</p>
                                            <p>{b.summary.get(lang)}</p>
                                            <dl class="facts">
                                                <dt>{label}</dt>
                                                <dd>{if conditions.is_empty() { t.everyone_in_scope.to_string() } else { conditions }}</dd>
                                                <dt>{t.amount}</dt><dd>{amounts}</dd>
                                                <dt>{t.apply_at}</dt><dd>{b.departments.first().map(|d| d.get(lang))}</dd>
                                                <dt>{t.source}</dt><dd>{format!("{} {}：{}", place.name.get(lang), b.cite.section, b.cite.text.get(lang))}</dd>
                                            </dl>
                                            {(!b.notes.is_empty()).then(|| view! {
                                                <details class="notes"><summary>{t.notes}</summary>
                                                <ul>{b.notes.iter().map(|n| view! { <li>{n.get(lang)}</li> }).collect_view()}</ul></details>
                                            })}
                                        </article>
                                    }
                                }).collect_view()}
                            </section>
                        })
                    }).collect_view()}
                }
            }).into_any(),
        }
    }
}
