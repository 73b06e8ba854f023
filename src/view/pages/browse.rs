//! Every benefit of a place, by category, for people who would rather read than answer.

use super::super::text::ui;
use super::super::{esc, href, source_line};
use super::back_link;
use crate::rules::policy::{benefit_count, benefits, categories, jurisdiction, places, Confidence, Lang};
use crate::rules::words::{category_label, describe_amount, describe_condition, no_amount};
use crate::session::{Page, Session};
use std::fmt::Write;

pub(super) fn browse(s: &Session, place: Option<u8>) -> String {
    let lang = s.lang;
    let t = ui(lang);
    let mut h = back_link(s, Page::Browse(place));
    match place {
        None => {
            let _ = write!(h, r#"<h1 tabindex="-1">{}</h1><p>{}</p><ul class="place-list">"#, esc(t.browse_title), esc(t.browse_hint));
            for (i, j) in places().iter().enumerate().filter(|(_, j)| !j.national_only) {
                let _ = write!(
                    h,
                    r#"<li><a href="{}">{}（{}）</a> <span class="count">{}</span></li>"#,
                    href(Page::Browse(Some(i as u8)), s),
                    esc(j.name.get(lang)),
                    esc(j.region.get(lang)),
                    benefit_count(i as u8)
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
            for c in 0..categories().len() as u8 {
                let items: Vec<_> = benefits(j).iter().filter(|b| b.category == c).collect();
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
                                if when.is_empty() {
                                    describe_amount(a, lang)
                                } else {
                                    format!("{}（{when}）", describe_amount(a, lang))
                                }
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
                        esc(b.apply_at.get(lang)),
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
