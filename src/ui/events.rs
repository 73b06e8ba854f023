//! Clicks and form submits: focus a field, change a setting without a history entry, read aloud,
//! print, remember or forget, retry a download; check and apply answers.

use super::app::{storage, App, Loading, SAVED_KEY};
use super::kiosk::{ask_finish, created};
use super::split::next_page;
use crate::rules::policy::{places, Lang};
use crate::rules::Fact;
use crate::session::{Helper, Page};
use crate::view::form::{Draft, FieldError};
use crate::view::text::ui;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The settings link just used (its position among them), to give it focus again after the redraw.
    static SETTING_FOCUS: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
    /// What was typed or chosen on the page but not sent, kept across a change of display settings.
    static UNSENT: std::cell::RefCell<Vec<Unsent>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// One form control's state that a redraw would lose: its id, its text, whether it is ticked.
pub(super) struct Unsent {
    id: String,
    value: String,
    checked: bool,
}

/// The controls of the page's forms, by id (a setting redraws the same page, with the same ids).
pub(super) fn unsent_answers() -> Vec<Unsent> {
    let Ok(list) = document().query_selector_all("main form input[id]") else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| Unsent { id: input.id(), value: input.value(), checked: input.checked() })
        .collect()
}

pub(super) fn restore_unsent(saved: Vec<Unsent>) {
    for u in saved {
        if let Some(input) = document().get_element_by_id(&u.id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            match input.type_().as_str() {
                "radio" | "checkbox" => input.set_checked(u.checked),
                _ => input.set_value(&u.value),
            }
        }
    }
}

/// After the address changed (back/forward, a link, a setting): focus the same setting again, or
/// the new page's heading.
pub fn refocus_after_address_change() {
    let unsent = UNSENT.with(|u| std::mem::take(&mut *u.borrow_mut()));
    match SETTING_FOCUS.with(|f| f.take()) {
        // Text size and contrast: the same control again, with the settings open.
        Some(index) if index > 0 => request_animation_frame(move || {
            restore_unsent(unsent);
            if let Some(d) = document().query_selector("details.settings").ok().flatten() {
                let _ = d.set_attribute("open", "");
            }
            if let Some(el) = document().query_selector_all("[data-replace]").ok().and_then(|l| l.item(index)) {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }),
        // The language switch comes first: the whole page is new to a screen reader, so it starts
        // at the heading, as after a page change (the unsent answers kept).
        Some(_) => {
            request_animation_frame(move || restore_unsent(unsent));
            focus_after_render("main h1");
        }
        None => focus_after_render("main h1"),
    }
}

/// After a redraw that replaced the page under the person (texts that arrived after a language
/// switch or a link): if focus fell back to the body, the page starts at its heading again.
pub fn refocus_if_lost() {
    request_animation_frame(|| {
        let body = document().body();
        if document().active_element().is_none_or(|e| body.is_some_and(|b| b.is_same_node(Some(&e)))) {
            focus_now("main h1");
        }
    });
}

/// Move focus once the new page is on screen (a new page starts at its heading; an error at the
/// error summary), as a full page load would for a screen reader.
pub fn focus_after_render(selector: &'static str) {
    request_animation_frame(move || focus_now(selector));
}

/// Focus the first element matching `selector` (a page's heading: from the top of the page).
fn focus_now(selector: &str) {
    if let Some(el) = document().query_selector(selector).ok().flatten() {
        if selector == "main h1" {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

fn speak(text: &str, lang: Lang) {
    if let Ok(synth) = window().speech_synthesis() {
        synth.cancel();
        if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
            u.set_lang(lang.code());
            synth.speak(&u);
        }
    }
}

/// Clicks on links and buttons with a `data-` action: focus a field, change a setting without a
/// history entry, read aloud, print, retry a download.
pub fn on_click(app: App, ev: web_sys::MouseEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    // At a kiosk every in-app link replaces the address instead of adding a history entry.
    // It follows only addresses it created itself (see `kiosk::guard_address`): these links are its own.
    let kiosk = app.session.with_untracked(|s| s.kiosk_idle.is_some());
    if kiosk {
        if let Ok(Some(link)) = target.closest("a[href^='#']:not([data-focus]):not([data-replace])") {
            ev.prevent_default();
            if let Some(href) = link.get_attribute("href") {
                created(&href);
                let _ = location().replace(&href);
            }
            return;
        }
    }
    let Ok(Some(el)) = target.closest("[data-focus],[data-replace],[data-action],[data-speak],[data-key]") else { return };
    if let Some(id) = el.get_attribute("data-focus") {
        ev.prevent_default();
        if let Some(field) = document().get_element_by_id(&id) {
            field.scroll_into_view();
            let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    } else if el.has_attribute("data-replace") {
        // Settings change the address without a new history entry, and the person stays where
        // they were: the same control keeps focus and the settings panel stays open.
        ev.prevent_default();
        let links = document().query_selector_all("[data-replace]").ok();
        let index = links.and_then(|l| (0..l.length()).find(|i| l.item(*i).is_some_and(|n| n.is_same_node(Some(&el)))));
        SETTING_FOCUS.with(|f| f.set(index));
        // What was typed or chosen but not yet sent stays (the answers in the address do not hold it).
        UNSENT.with(|u| *u.borrow_mut() = unsent_answers());
        if let Some(href) = el.get_attribute("href") {
            if kiosk {
                created(&href);
            }
            let _ = location().replace(&href);
        }
    } else if let Some(key) = el.get_attribute("data-key") {
        number_pad_key(&key);
    } else if let Some(text) = el.get_attribute("data-speak") {
        speak(&text, app.session.with_untracked(|s| s.lang));
    } else {
        match el.get_attribute("data-action").as_deref() {
            Some("print") => {
                let _ = window().print();
            }
            Some("print-all") => {
                // The full detail prints only when asked for; the usual sheet is one or two pages.
                let html = document().document_element().expect("<html>");
                let _ = html.class_list().add_1("print-all");
                let _ = window().print();
                let _ = html.class_list().remove_1("print-all");
            }
            Some("retry") => app.loading.update(|t| *t = Loading { version: t.version + 1, ..Loading::default() }),
            Some("finish") => ask_finish(app),
            Some("remember") if app.session.with_untracked(|s| s.kiosk_idle.is_none()) => {
                let text = app.session.with_untracked(|s| s.for_handoff().encode());
                if storage().and_then(|st| st.set_item(SAVED_KEY, &text).ok()).is_some() {
                    app.set_saved(Some(text));
                }
            }
            Some("forget") => {
                if let Some(st) = storage() {
                    let _ = st.remove_item(SAVED_KEY);
                }
                app.set_saved(None);
            }
            _ => {}
        }
    }
}

/// A key of the kiosk's number pad: types into the answer field as a keyboard would (the answer
/// is then sent as usual). The touch or key itself tells the idle timer someone is there.
fn number_pad_key(key: &str) {
    let Some(input) = document().get_element_by_id("answer-number").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return;
    };
    let mut value = input.value();
    match key {
        "back" => {
            value.pop();
        }
        "clear" => value.clear(),
        "." if value.contains('.') => {}
        k if value.chars().count() < 12 => value.push_str(k),
        _ => {}
    }
    input.set_value(&value);
}

/// Form submits: who is filling in, where, and every answer (checked, then the next page).
pub fn on_submit(app: App, ev: web_sys::SubmitEvent) {
    ev.prevent_default();
    let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
    let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
    let get = |name: &str| data.get(name).as_string().unwrap_or_default();
    let small = |name: &str| get(name).parse::<u8>().ok();
    let s = app.session.get_untracked();
    match form.get_attribute("data-form").as_deref() {
        Some("who") => match small("answer").filter(|v| *v < 3) {
            Some(v) => {
                let mut next = s;
                next.helper = Some([Helper::Myself, Helper::Family, Helper::Staff][v as usize]);
                app.go(next_page(&next), next);
            }
            None => show_error(app, "option-0", ui(s.lang).choose_one),
        },
        Some("where") => match small("answer").filter(|v| (*v as usize) < places().len()) {
            Some(v) => {
                let mut next = s;
                next.set_place(v);
                // The next question depends on the place's rules: fetch them first if need be.
                let lang = next.lang;
                app.ensure_place(v, lang, Some(Box::new(move || app.go(next_page(&next), next))));
            }
            None => show_error(app, "option-0", ui(s.lang).choose_one),
        },
        Some("add-person") => {
            let next = s.with_new_person(&get("name"));
            app.go(next_page(&next), next);
        }
        Some("answer") => {
            let Some(fact) = form.get_attribute("data-fact").and_then(|f| Fact::from_name(&f)) else { return };
            let returning = form.get_attribute("data-return").as_deref() == Some("1");
            let not_sure = ev.submitter().and_then(|b| b.get_attribute("value")).is_some_and(|v| v == "not_sure");
            let result = if not_sure {
                super::split::answer(&s, fact, None)
            } else {
                let needs =
                    data.get_all("need").iter().filter_map(|v| v.as_string()?.parse::<u8>().ok()).fold(0u16, |m, n| m | (1 << n.min(15)));
                let draft = Draft {
                    choice: small("answer"),
                    kind: small("kind"),
                    grade: small("grade"),
                    needs,
                    needs_none: !get("need_none").is_empty(),
                    number: get("number"),
                };
                super::split::answer(&s, fact, Some(&draft))
            };
            // Only a question page, drawn by the questions' code, sends an answer: the code is here.
            let Some(result) = result else { return };
            match result {
                Ok(next) => {
                    let page = if returning { Page::Check } else { next_page(&next) };
                    app.go(page, next);
                }
                Err(e) => {
                    app.error.set(Some(e));
                    focus_after_render(".error-summary");
                }
            }
        }
        _ => {}
    }
}

fn show_error(app: App, field: &'static str, message: &str) {
    app.error.set(Some(FieldError { field, message: message.into(), draft: Draft::default() }));
    focus_after_render(".error-summary");
}

/// Keys: Space on a link that looks like a button follows it, as on a button.
pub fn on_keydown(ev: web_sys::KeyboardEvent) {
    if ev.key() != " " {
        return;
    }
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    if target.tag_name() == "A" && target.get_attribute("role").as_deref() == Some("button") {
        ev.prevent_default();
        target.click();
    }
}

/// Changes: "none of these" clears the other needs, and choosing a need clears "none of these".
pub fn on_change(ev: web_sys::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    if !input.checked() {
        return;
    }
    let selector = match input.name().as_str() {
        "need_none" => "input[name=need]",
        "need" => "input[name=need_none]",
        _ => return,
    };
    if let Ok(list) = document().query_selector_all(selector) {
        for i in 0..list.length() {
            if let Some(other) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                other.set_checked(false);
            }
        }
    }
}
