//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounted into a real page, driven
//! through the DOM as a person would. Run with `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use benefits::ui::AppView;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlFormElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mount the app at an address into a fresh container (never touching the rest of the body).
async fn mount_at(hash: &str) -> HtmlElement {
    location().set_hash(hash).unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), AppView).forget();
    tick().await;
    container
}

fn query(root: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector).unwrap().map(|e| e.unchecked_into())
}

fn text(root: &HtmlElement, selector: &str) -> String {
    query(root, selector).map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

async fn submit(root: &HtmlElement) {
    let form: HtmlFormElement = query(root, "form").expect("a form").unchecked_into();
    form.request_submit().unwrap();
    tick().await;
}

#[wasm_bindgen_test]
async fn start_page_shows_heading_and_start_link() {
    let root = mount_at("#start").await;
    assert_eq!(text(&root, "h1"), "看看您可以申请哪些残疾人补贴和服务");
    let start = query(&root, "a.button-start").expect("start button");
    // Nobody has said who is filling in yet, so starting leads there.
    assert!(start.get_attribute("href").unwrap().starts_with("#who/1"));
    root.remove();
}

#[wasm_bindgen_test]
async fn number_question_explains_bad_input_and_keeps_it() {
    let root = mount_at("#q-age/1.J2.H1").await;
    // Family member wording.
    assert_eq!(text(&root, "h1"), "您的家人今年几岁？");
    let input: HtmlInputElement = query(&root, "#answer-number").unwrap().unchecked_into();
    input.set_value("四十五");
    submit(&root).await;
    assert!(text(&root, ".error-summary").contains("请只填写数字"), "summary: {}", text(&root, ".error-summary"));
    assert!(text(&root, "#question-error").contains("请只填写数字"));
    let input: HtmlInputElement = query(&root, "#answer-number").unwrap().unchecked_into();
    assert_eq!(input.value(), "四十五", "what was typed is kept");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    root.remove();
}

#[wasm_bindgen_test]
async fn answering_moves_on_and_records_the_answer_in_the_address() {
    let root = mount_at("#q-age/1.J2.H0").await;
    assert_eq!(text(&root, "h1"), "您今年几岁？");
    let input: HtmlInputElement = query(&root, "#answer-number").unwrap().unchecked_into();
    input.set_value("45");
    submit(&root).await;
    tick().await;
    let hash = location().hash().unwrap();
    assert!(hash.contains(".Qd"), "age recorded as asked: {hash}");
    assert!(hash.contains(".d45"), "age recorded: {hash}");
    assert!(query(&root, ".error-summary").is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn choice_without_answer_shows_error_summary() {
    let root = mount_at("#who/1").await;
    submit(&root).await;
    assert!(text(&root, ".error-summary").contains("请选择一项"));
    root.remove();
}

#[wasm_bindgen_test]
async fn damaged_link_gives_message_and_empty_start() {
    let root = mount_at("#results/1.J9.zz").await;
    assert!(text(&root, ".notice").contains("不完整或已损坏"));
    assert_eq!(text(&root, "h1"), "看看您可以申请哪些残疾人补贴和服务");
    root.remove();
}

#[wasm_bindgen_test]
async fn english_wording_and_language_attribute() {
    let root = mount_at("#q-certificate/1.J1.H2.L1").await;
    assert_eq!(text(&root, "h1"), "Does the applicant have a (second-generation) disability certificate?");
    tick().await;
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    root.remove();
}
