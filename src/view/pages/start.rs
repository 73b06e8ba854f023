//! The start page (also pre-rendered into index.html).

use super::super::text::ui;
use super::super::{esc, href, Ctx};
use crate::session::{Page, Session};

pub(super) fn start(s: &Session, cx: &Ctx) -> String {
    let t = ui(s.lang);
    // Answers kept on this device (only if the person asked for it): offer them, and a way out.
    let saved = match (cx.saved.as_deref().and_then(|text| Session::decode(text).ok()), s.kiosk_idle) {
        (Some(kept), None) if kept.facts.jurisdiction.is_some() => format!(
            r#"<div class="notice"><p>{}</p><a class="button" role="button" draggable="false" href="{}">{}</a><button type="button" class="button button-secondary" data-action="forget">{}</button></div>"#,
            esc(t.saved_found),
            href(Page::Check, &kept),
            esc(t.saved_continue),
            esc(t.forget)
        ),
        _ => String::new(),
    };
    // Start goes to "who is filling in", or (with answers already given) to the place, pre-chosen:
    // choosing it goes on to the next question. The start page's code has no engine to pick that
    // question itself (see `Code`), so a person starts with a smaller download.
    let first = if s.helper.is_none() { Page::Who } else { Page::Where };
    saved
        + &format!(
            r#"<h1 tabindex="-1">{}</h1><p class="lede">{}</p><p class="privacy">{}</p><p>{}</p><a class="button button-start" role="button" draggable="false" href="{}">{}<span aria-hidden="true"> →</span></a><p><a href="{}">{}</a></p>"#,
            esc(t.start_title),
            esc(t.start_lede),
            esc(t.start_privacy),
            esc(t.start_time),
            href(first, s),
            esc(t.start_button),
            href(Page::Browse(None), s),
            esc(t.browse_link),
        )
}
