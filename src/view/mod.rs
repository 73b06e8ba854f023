//! What each page shows, as HTML text: pure functions of the session and an explicit [`Ctx`] (no
//! web types, no hidden state), so every page can be checked in native tests and the web app stays
//! small. The browser shell (`ui`) puts this HTML on the page and handles the few events.
//! Navigation is by ordinary links: each page's address carries the answers (see `session`), so
//! back, reload and bookmarks just work. Every dynamic text goes through `esc`.

pub mod form;
mod pages;
pub mod text;

pub use pages::{answer_text, code_of, render_first_main, render_later_main, render_main, render_question_main, Code};

use crate::rules::policy::{jurisdiction, places, Jurisdiction, Lang};
use crate::session::{address, Helper, Page, Session};
use std::fmt::Write;
use text::ui;

/// What a page needs beyond the session, given by the caller (the browser shell, a test, the
/// pre-renderer).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ctx {
    /// Today's date on the device (yyyymmdd), so results past a document's period say so.
    pub today: Option<u32>,
    /// Answers the person chose to keep on this device (in the address form); `None`: nothing kept.
    pub saved: Option<String>,
    /// Where the app is served (origin and path, without '#'), for links to other devices.
    pub base_url: String,
}

/// Escape text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The address of a page with these answers, as an `href`.
pub fn href(page: Page, s: &Session) -> String {
    esc(&format!("#{}", address(page, s)))
}

/// The heading of a page, also used for the document title.
pub fn page_title(page: Page, s: &Session) -> String {
    match page {
        Page::Question(f) | Page::Change(f) => question_text(s, f),
        _ => heading(page, s),
    }
}

/// The heading of a page other than a question (a question's heading is its question, which only
/// the questions' code has: see `Code`).
pub fn heading(page: Page, s: &Session) -> String {
    let t = ui(s.lang);
    match page {
        Page::Question(_) | Page::Change(_) => t.question_heading.into(),
        Page::Start => t.start_title.into(),
        Page::Who => t.who_title.into(),
        Page::Where => t.where_title.into(),
        Page::Check => t.check_title.into(),
        Page::Results => t.results_title.into(),
        Page::Plan => t.plan_title.into(),
        Page::AddPerson => t.add_person_title.into(),
        Page::Authorise => t.authorise_title.into(),
        Page::Browse(None) => t.browse_title.into(),
        Page::Browse(Some(j)) => format!("{} - {}", jurisdiction(j).name.get(s.lang), t.browse_title),
    }
}

/// A question as this person sees it (see `text::question`).
pub fn question_text(s: &Session, f: crate::rules::Fact) -> String {
    let about_self = s.index == 0 && s.helper.unwrap_or_default() == Helper::Myself;
    text::question(f, s.lang, about_self, &who(s), &place_name(s))
}

/// How the pages speak of the person being answered for: "您" / "you" when filling in for oneself;
/// otherwise their short name, or "您的家人" / "your family member", "申请人" / "the applicant".
pub fn who(s: &Session) -> String {
    who_of(s, s.index, &s.name)
}

/// The same for person `i` of the household, with their short name.
pub fn who_of(s: &Session, i: usize, name: &str) -> String {
    let t = ui(s.lang);
    match s.helper.unwrap_or_default() {
        Helper::Myself if i == 0 => t.who_self.to_string(),
        _ if !name.is_empty() => name.to_string(),
        Helper::Staff => t.who_staff.to_string(),
        _ => t.who_family.to_string(),
    }
}

/// "第 2 位（妈妈）" / "Person 2 (Mum)": a person's label when there are several.
pub fn person_label(s: &Session, i: usize, name: &str) -> String {
    let base = ui(s.lang).person_label.replace("{n}", &(i + 1).to_string());
    if name.is_empty() {
        base
    } else if s.lang == Lang::Zh {
        format!("{base}（{name}）")
    } else {
        format!("{base} ({name})")
    }
}

/// Text in a page of `lang`, escaped; on English pages each run of Chinese characters (a document
/// number, a section, a name) is marked `lang="zh-CN"` so screen readers read it right.
pub fn esc_in(text: &str, lang: Lang) -> String {
    if lang == Lang::Zh || !text.chars().any(is_cjk) {
        return esc(text);
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !run.is_empty() {
            out.push_str(r#"<span lang="zh-CN">"#);
            out.push_str(&esc(run));
            out.push_str("</span>");
            run.clear();
        }
    };
    for c in text.chars() {
        if is_cjk(c) || (!run.is_empty() && (c.is_ascii_digit() || "〔〕（）()·、，。：；“”".contains(c))) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push_str(&esc(&c.to_string()));
        }
    }
    flush(&mut run, &mut out);
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}' | '§')
}

pub fn place_name(s: &Session) -> String {
    s.facts.jurisdiction.map(|j| jurisdiction(j).name.get(s.lang).to_string()).unwrap_or_default()
}

/// "伊金霍洛旗：…实施意见，伊政发〔2022〕35号，2022" — which document, number and date the rules come from.
pub fn source_line(j: &Jurisdiction, lang: Lang) -> String {
    let mut parts = vec![j.document.get(lang).to_string()];
    if !j.number.is_empty() {
        parts.push(j.number.to_string());
    }
    if !j.issued.is_empty() {
        parts.push(j.issued.to_string());
    }
    let draft = match (j.draft, lang) {
        (true, Lang::Zh) => "（征求意见稿）",
        (true, Lang::En) => " (draft for comment)",
        _ => "",
    };
    let (colon, comma) = if lang == Lang::Zh { ("：", "，") } else { (": ", ", ") };
    format!("{}{colon}{}{draft}", j.name.get(lang), parts.join(comma))
}

/// A QR code as inline SVG (no image file, no script), with a quiet zone of 4 modules.
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let mut path = String::new();
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                let _ = write!(path, "M{} {}h1v1h-1z", x + 4, y + 4);
            }
        }
    }
    Some(format!(
        r##"<svg class="qr" viewBox="0 0 {size} {size}" role="img" aria-label="{label}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##,
        size = n + 8,
        label = esc(label)
    ))
}

/// The header: name, language switch and display settings, on every page. Settings are links to
/// the same page with the setting changed (`data-replace`: they do not add a history entry).
pub fn render_header(page: Page, s: &Session) -> String {
    let t = ui(s.lang);
    let mut h = String::new();
    let with = |change: &dyn Fn(&mut Session)| {
        let mut c = s.clone();
        change(&mut c);
        href(page, &c)
    };
    let other = if s.lang == Lang::Zh { Lang::En } else { Lang::Zh };
    // At a kiosk, the next person must be able to start clean at any moment.
    let finish = if s.kiosk_idle.is_some() {
        format!(r#"<button type="button" class="kiosk-finish" data-action="finish">{}</button>"#, esc(t.finish_clear))
    } else {
        String::new()
    };
    let _ = write!(
        h,
        r##"<a class="skip-link" href="#main" data-focus="main">{skip}</a><header class="masthead"><div class="wrap masthead-row"><a class="brand" href="{home}">{name}</a><span class="masthead-actions">{finish}<a class="lang-switch" href="{lang_href}" lang="{code}" data-replace>{other}</a></span><details class="settings"><summary>{settings}</summary><div class="settings-body"><p class="settings-label">{size}</p><ul class="chips">"##,
        skip = esc(t.skip_link),
        home = href(Page::Start, s),
        name = esc(t.app_name),
        lang_href = with(&|c| c.lang = other),
        code = t.other_language_code,
        other = esc(t.other_language),
        settings = esc(t.settings),
        size = esc(t.text_size),
    );
    for (i, name) in t.size_names.iter().enumerate() {
        let current = if s.text_size as usize == i { r#" aria-current="true""# } else { "" };
        let _ =
            write!(h, r#"<li><a class="chip" href="{}" data-replace{current}>{}</a></li>"#, with(&|c| c.text_size = i as u8), esc(name));
    }
    let _ = write!(
        h,
        r#"</ul><p class="settings-label">{}</p><ul class="chips"><li><a class="chip" href="{}" data-replace{}>{}</a></li><li><a class="chip" href="{}" data-replace{}>{}</a></li></ul></div></details></div></header>"#,
        esc(t.contrast),
        with(&|c| c.high_contrast = false),
        if s.high_contrast { "" } else { r#" aria-current="true""# },
        esc(t.contrast_normal),
        with(&|c| c.high_contrast = true),
        if s.high_contrast { r#" aria-current="true""# } else { "" },
        esc(t.contrast_on),
    );
    h
}

/// The footer: privacy, and which documents the rules come from.
pub fn render_footer(s: &Session) -> String {
    let t = ui(s.lang);
    let mut h = format!(
        r#"<footer class="site-footer"><div class="wrap"><p>{}</p><p>{}</p><ul class="sources">"#,
        esc(t.footer_privacy),
        esc(t.rules_from)
    );
    let chosen = s.facts.jurisdiction.filter(|j| !jurisdiction(*j).national_only);
    for (i, j) in places().iter().enumerate().filter(|(_, j)| !j.national_only) {
        if chosen.is_none_or(|c| c as usize == i) {
            let _ = write!(h, "<li>{}</li>", esc_in(&source_line(j, s.lang), s.lang));
        }
    }
    h.push_str("</ul></div></footer>");
    h
}

/// The whole page body: header, the page in `<main>`, footer.
pub fn render_page(page: Page, s: &Session, cx: &Ctx, error: Option<&form::FieldError>, notice: Option<&str>) -> String {
    render_shell(page, s, &render_main(page, s, cx, error), notice)
}

/// Header, the given main content, footer.
pub fn render_shell(page: Page, s: &Session, main: &str, notice: Option<&str>) -> String {
    let mut h = render_header(page, s);
    h.push_str(r#"<main id="main" class="wrap" tabindex="-1">"#);
    if let Some(n) = notice {
        let _ = write!(h, r#"<div class="notice" role="alert"><p>{}</p></div>"#, esc(n));
    }
    h.push_str(main);
    h.push_str("</main>");
    h.push_str(&render_footer(s));
    h
}

/// The place whose rules and texts a page needs loaded first: the chosen place (questions, the
/// check page and results depend on its rules), or the place being browsed.
pub fn place_needed(page: Page, s: &Session) -> Option<u8> {
    match page {
        Page::Browse(j) => j,
        _ => s.facts.jurisdiction,
    }
}
