//! Every benefit of a place, by kind of help, for people who would rather read than answer.

use super::super::text::ui_later;
use super::super::{esc, esc_in, href, source_line};
use super::back_link;
use crate::rules::policy::{benefit_count, benefits, categories, jurisdiction, places, Confidence, Lang};
use crate::rules::words::{category_label, describe_amount, describe_condition, no_amount};
use crate::session::{Page, Session};
use std::fmt::Write;

pub(super) fn browse(s: &Session, place: Option<u8>) -> String {
    let lang = s.lang;
    let t = ui_later(lang);
    let mut h = back_link(s, Page::Browse(place));
    let count = |n: usize| t.browse_count.replace("{n}", &n.to_string());
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
                    esc(&count(benefit_count(i as u8)))
                );
            }
            h.push_str("</ul>");
        }
        Some(j) => {
            let place = jurisdiction(j);
            let _ = write!(
                h,
                r#"<h1 tabindex="-1">{} - {}</h1><p class="count">{}</p><p>{}{}</p>"#,
                esc(place.name.get(lang)),
                esc(t.browse_title),
                esc(&count(benefits(j).len())),
                esc(t.rules_from),
                esc_in(&source_line(place, lang), lang)
            );
            for n in place.notes {
                let _ = write!(h, r#"<p class="hint">{}</p>"#, esc_in(n.get(lang), lang));
            }
            // Jump links to each kind of help that has measures here.
            let present: Vec<u8> = (0..categories().len() as u8).filter(|c| benefits(j).iter().any(|b| b.category == *c)).collect();
            let _ = write!(h, r#"<nav class="jump" aria-label="{0}"><p>{0}</p><ul>"#, esc(t.browse_jump.trim_end_matches(['：', ':'])));
            for c in &present {
                let n = benefits(j).iter().filter(|b| b.category == *c).count();
                let _ = write!(h, r##"<li><a href="#cat-{c}" data-focus="cat-{c}">{} ({n})</a></li>"##, esc(category_label(*c).get(lang)));
            }
            h.push_str("</ul></nav>");
            let semi = if lang == Lang::Zh { "；" } else { "; " };
            for c in present {
                let items: Vec<_> = benefits(j).iter().filter(|b| b.category == c).collect();
                let _ = write!(
                    h,
                    r#"<section class="browse-category"><h2 id="cat-{c}" tabindex="-1">{}</h2>"#,
                    esc(category_label(c).get(lang))
                );
                for b in items {
                    let amounts = if b.amounts.is_empty() {
                        b.amount_note.map(|n| n.get(lang)).unwrap_or_else(|| no_amount(lang)).to_string()
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
                        r#"<article class="finding"><h3>{}</h3><p class="help-kind">{}</p><p>{}</p><dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{} {}</dd></dl>"#,
                        esc_in(b.name.get(lang), lang),
                        esc(t.help_names[b.help as usize]),
                        esc_in(b.summary.get(lang), lang),
                        esc(label),
                        esc(if conditions.is_empty() { t.everyone_in_scope } else { &conditions }),
                        esc(t.amount),
                        esc_in(&amounts, lang),
                        esc(t.apply_at),
                        esc_in(b.apply_at.get(lang), lang),
                        esc(t.source),
                        esc_in(b.cite.section, lang),
                        esc_in(b.cite.text.get(lang), lang),
                    );
                    if !b.notes.is_empty() {
                        let _ = write!(h, r#"<details class="notes disclosure"><summary>{}</summary><ul>"#, esc(t.notes));
                        for n in b.notes {
                            let _ = write!(h, "<li>{}</li>", esc_in(n.get(lang), lang));
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
