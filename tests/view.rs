//! The pages as HTML: every control has a name, wording follows who is filling in, errors are
//! shown in the GOV.UK pattern, dynamic text is escaped, both languages render.

use benefits::rules::facts::Value;
use benefits::rules::{Fact, Lang};
use benefits::session::{Helper, Page, Session};
use benefits::view::form::{answer_not_sure, apply_answer, validate_number, Draft};
use benefits::view::{esc, render_page, Ctx};
use rust_decimal::Decimal;

fn session(j: u8, helper: Helper, lang: Lang) -> Session {
    let mut s = Session { helper: Some(helper), lang, ..Session::default() };
    s.facts.jurisdiction = Some(j);
    s
}

/// Every <input> has an id and a <label for=...> naming it (or sits inside a label).
fn assert_inputs_labelled(html: &str) {
    for part in html.split("<input").skip(1) {
        let tag = &part[..part.find('>').unwrap()];
        let id = tag.split("id=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or_else(|| panic!("input without id: {tag}"));
        assert!(html.contains(&format!("for=\"{id}\"")), "input #{id} has no label");
    }
}

#[test]
fn every_question_page_renders_with_labelled_controls_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        for helper in [Helper::Myself, Helper::Family, Helper::Staff] {
            for f in Fact::ALL {
                let s = session(2, helper, lang);
                let html = render_page(Page::Question(*f), &s, &Ctx::default(), None, None);
                assert_eq!(html.matches("<h1").count(), 1, "{f:?}: one h1");
                assert_inputs_labelled(&html);
                assert!(html.contains(r#"lang=""#), "language switch marked with its language");
                assert!(!html.contains("{who}") && !html.contains("{place}"), "{f:?}: template filled");
            }
        }
    }
}

#[test]
fn wording_follows_who_is_filling_in() {
    let h = |helper| render_page(Page::Question(Fact::Age), &session(0, helper, Lang::Zh), &Ctx::default(), None, None);
    assert!(h(Helper::Myself).contains("您今年几岁？"));
    assert!(h(Helper::Family).contains("您的家人今年几岁？"));
    assert!(h(Helper::Staff).contains("申请人今年几岁？"));
    let en = render_page(Page::Question(Fact::Age), &session(0, Helper::Family, Lang::En), &Ctx::default(), None, None);
    assert!(en.contains("How old is your family member?"));
}

#[test]
fn number_questions_use_numeric_keyboards() {
    for f in [Fact::Age, Fact::StudentFees, Fact::InpatientCost, Fact::DisabledMembers] {
        let html = render_page(Page::Question(f), &session(1, Helper::Myself, Lang::Zh), &Ctx::default(), None, None);
        assert!(html.contains(r#"inputmode="decimal""#), "{f:?}");
    }
}

#[test]
fn a_kiosk_number_question_has_a_number_pad_instead_of_the_screen_keyboard() {
    for (f, point) in [(Fact::Age, false), (Fact::StudentFees, true)] {
        for lang in [Lang::Zh, Lang::En] {
            let kiosk = Session { kiosk_idle: Some(90), ..session(1, Helper::Myself, lang) };
            let html = render_page(Page::Question(f), &kiosk, &Ctx::default(), None, None);
            assert!(html.contains(r#"inputmode="none""#), "{f:?}: no screen keyboard over the page");
            let pad = &html[html.find(r#"class="number-pad""#).expect("a number pad")..];
            let pad = &pad[..pad.find("</div>").unwrap()];
            for d in 0..10 {
                assert!(pad.contains(&format!(r#"data-key="{d}">{d}</button>"#)), "{f:?}: key {d} named by its digit");
            }
            assert!(pad.contains(r#"data-key="back" aria-label=""#) && pad.contains(r#"data-key="clear""#));
            assert_eq!(pad.contains(r#"data-key=".""#), point, "{f:?}: a decimal point only for money");
            assert!(pad.matches("<button type=\"button\"").count() >= 12, "keys are buttons that do not send the form");
            // Elsewhere: the phone's own keyboard, no pad.
            let phone = render_page(Page::Question(f), &session(1, Helper::Myself, lang), &Ctx::default(), None, None);
            assert!(!phone.contains("number-pad"));
        }
    }
}

#[test]
fn bad_number_gives_summary_and_message_and_keeps_the_text() {
    let s = session(2, Helper::Myself, Lang::Zh);
    let draft = Draft { number: "abc".into(), ..Draft::default() };
    let e = apply_answer(&s, Fact::Age, &draft).unwrap_err();
    assert_eq!(e.field, "answer-number");
    let html = render_page(Page::Question(Fact::Age), &s, &Ctx::default(), Some(&e), None);
    assert!(html.contains(r#"class="error-summary""#));
    assert!(html.contains(r##"href="#answer-number""##), "summary links to the field");
    assert!(html.contains(r#"aria-invalid="true""#));
    assert!(html.contains(r#"value="abc""#), "typed text kept");
    assert!(html.contains("请只填写数字"));
}

#[test]
fn numbers_are_read_the_way_people_write_them() {
    assert_eq!(validate_number(Fact::StudentFees, "6,000元", Lang::Zh), Ok(Decimal::from(6000)));
    assert_eq!(validate_number(Fact::Age, "４５", Lang::Zh), Ok(Decimal::from(45)));
    assert_eq!(validate_number(Fact::Age, "45岁", Lang::Zh), Ok(Decimal::from(45)));
    assert_eq!(validate_number(Fact::Age, "121", Lang::En), Err("Enter a number from 0 to 120".into()));
    assert_eq!(validate_number(Fact::Age, "4.5", Lang::En), Err("Enter a whole number".into()));
    assert_eq!(validate_number(Fact::Age, "", Lang::En), Err("Enter a number, or choose “not sure”".into()));
    assert_eq!(validate_number(Fact::DisabledMembers, "0", Lang::Zh), Err("请填写 1 到 20 之间的数".into()));
}

#[test]
fn not_sure_keeps_the_fact_open_and_is_not_asked_again() {
    let s = session(2, Helper::Myself, Lang::Zh);
    let next = answer_not_sure(&s, Fact::LocalHukou);
    assert!(!next.facts.is_known(Fact::LocalHukou));
    assert!(next.not_sure.contains(Fact::LocalHukou));
    assert_ne!(benefits::session::next_page(&next), Page::Question(Fact::LocalHukou));
}

#[test]
fn answering_records_the_value_and_clears_not_sure() {
    let s = answer_not_sure(&session(2, Helper::Myself, Lang::Zh), Fact::Certificate);
    let next = apply_answer(&s, Fact::Certificate, &Draft { choice: Some(1), ..Draft::default() }).unwrap();
    assert_eq!(next.facts.get(Fact::Certificate), &Value::Bool(true));
    assert!(!next.not_sure.contains(Fact::Certificate));
    assert_eq!(next.asked, vec![Fact::Certificate]);
}

#[test]
fn results_page_shows_amount_department_documents_and_source() {
    let mut s = session(2, Helper::Myself, Lang::Zh);
    s.facts.set(Fact::Certificate, Value::Bool(true));
    s.facts.set(Fact::LocalHukou, Value::Bool(true));
    s.facts.set(Fact::Residence, Value::Word(0));
    s.facts.disabilities = Some(vec![benefits::rules::facts::Disability { kind: 3, grade: Some(1) }]);
    let html = render_page(Page::Results, &s, &Ctx::default(), None, None);
    assert!(html.contains("每年 4,000 元"));
    assert!(html.contains("每年可领取的现金合计"));
    assert!(html.contains("要带的材料") && html.contains("残疾人证"));
    assert!(html.contains("伊政发〔2022〕35号"));
    assert!(html.contains(r#"data-action="print""#));
    let en = render_page(Page::Results, &Session { lang: Lang::En, ..s }, &Ctx::default(), None, None);
    assert!(en.contains("4,000 yuan a year"));
}

#[test]
fn check_page_lists_answers_with_change_links() {
    let mut s = session(1, Helper::Myself, Lang::Zh);
    s = apply_answer(&s, Fact::Age, &Draft { number: "30".into(), ..Draft::default() }).unwrap();
    let html = render_page(Page::Check, &s, &Ctx::default(), None, None);
    assert!(html.contains("30 岁"));
    assert!(html.contains("#change-age/"), "change link returns to the question");
}

#[test]
fn browse_lists_every_benefit_of_a_place() {
    let s = Session::default();
    let html = render_page(Page::Browse(Some(2)), &s, &Ctx::default(), None, None);
    let count = benefits::rules::policy::benefits(2).len();
    assert_eq!(html.matches(r#"<article class="finding">"#).count(), count);
}

#[test]
fn text_is_escaped() {
    assert_eq!(esc(r#"<script>"a"&'b'</script>"#), "&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;&lt;/script&gt;");
}

#[test]
fn damaged_link_notice_is_shown_on_the_start_page() {
    let html = render_page(Page::Start, &Session::default(), &Ctx::default(), None, Some("这个链接不完整或已损坏"));
    assert!(html.contains(r#"<div class="notice" role="alert">"#));
}

#[test]
fn results_offer_a_qr_code_for_the_same_results_on_a_phone() {
    let cx = Ctx { base_url: "https://example.org/benefits/".into(), ..Ctx::default() };
    let mut s = session(2, Helper::Myself, Lang::Zh);
    s.kiosk_idle = Some(90);
    s.text_size = 2;
    s.facts.set(Fact::Certificate, Value::Bool(true));
    let html = render_page(Page::Results, &s, &cx, None, None);
    assert!(html.contains(r#"<svg class="qr""#));
    assert!(html.contains(r#"aria-label="二维码：在手机上打开这份结果""#));
    // The link carries the answers but not the kiosk or display settings.
    let link = html.split("data-handoff>").nth(1).unwrap().split('<').next().unwrap();
    assert!(link.starts_with("https://example.org/benefits/#results/1."), "{link}");
    let state = link.split("#results/").nth(1).unwrap();
    let back = Session::decode(state).unwrap();
    assert_eq!(back.facts, s.facts);
    assert_eq!(back.kiosk_idle, None);
    assert_eq!(back.text_size, 0);
}

#[test]
fn qr_code_encodes_a_long_link_and_refuses_nothing_reasonable() {
    let long = format!("https://example.org/#results/{}", "1.J2.H0".repeat(40));
    let svg = benefits::view::qr_svg(&long, "x").expect("a QR code");
    assert!(svg.starts_with("<svg"));
    assert!(svg.matches('M').count() > 100, "modules drawn");
}

#[test]
fn english_answers_start_with_a_capital() {
    let html = render_page(Page::Question(Fact::HouseholdStatus), &session(2, Helper::Myself, Lang::En), &Ctx::default(), None, None);
    assert!(html.contains(">None of these</label>"), "{html}");
    let zh = render_page(Page::Question(Fact::HouseholdStatus), &session(2, Helper::Myself, Lang::Zh), &Ctx::default(), None, None);
    assert!(zh.contains(">都不是</label>"));
}

#[test]
fn results_past_the_documents_period_say_so_at_the_top() {
    let mut s = session(0, Helper::Myself, Lang::Zh);
    s.facts.set(Fact::Certificate, Value::Bool(true));
    let html = render_page(Page::Results, &s, &Ctx { today: Some(20261125), ..Ctx::default() }, None, None);
    assert_eq!(html.matches("执行期到 2025-12-31 为止").count(), 1, "said once, at the top");
    assert!(!html.contains("文件的执行期已过"), "not repeated on every card");
    let inside = render_page(Page::Results, &s, &Ctx::default(), None, None);
    assert!(!inside.contains("执行期到"), "no notice without a date past the period");
}

/// A results page as a person would read it: the summary before the groups, the money first.
fn huining_father(helper: Helper, lang: Lang) -> (Session, String) {
    let mut s = session(3, helper, lang);
    s.facts.set(Fact::Certificate, Value::Bool(true));
    s.facts.set(Fact::Age, Value::Number(70.into()));
    s.facts.set(Fact::Residence, Value::Word(1));
    s.facts.set(Fact::LongTermCare, Value::Bool(true));
    s.facts.set(Fact::HouseholdStatus, Value::Word(3));
    s.facts.disabilities = Some(vec![benefits::rules::facts::Disability { kind: 0, grade: Some(2) }]);
    let html = render_page(Page::Results, &s, &Ctx { today: Some(20261203), ..Ctx::default() }, None, None);
    (s, html)
}

#[test]
fn results_start_with_a_summary_of_the_money_and_the_next_step() {
    let (_, html) = huining_father(Helper::Family, Lang::Zh);
    let summary = html.find(r#"class="summary""#).expect("a summary");
    let first_group = html.find(r#"class="result-group""#).expect("groups");
    assert!(summary < first_group, "the summary comes first");
    let part = &html[summary..first_group];
    // The two national subsidies are in it, with "the province sets the amount".
    assert!(part.contains("重度残疾人护理补贴") && part.contains("困难残疾人生活补贴"), "{part}");
    assert!(part.contains("省级政府"));
    assert!(part.contains("#plan/"), "the next step leads to the plan");
    assert!(part.contains("您的家人最可能拿到的钱和保险"), "the helper's wording");
    // Plain status words, each with its icon, and the kind of help on every card.
    assert!(html.contains("可以申请") && html.contains("可能可以，需要核实"));
    assert!(!html.contains("很可能符合"));
    assert_eq!(html.matches(r#"class="help-kind""#).count(), html.matches("<article").count());
}

#[test]
fn english_pages_mark_chinese_text() {
    let (_, html) = huining_father(Helper::Myself, Lang::En);
    assert!(html.contains(r#"<span lang="zh-CN">会政办发〔2022〕72号</span>"#), "document numbers are marked as Chinese");
    assert!(html.contains(r#"<span lang="zh-CN">国发〔2015〕52号</span>"#));
}

#[test]
fn the_plan_lists_each_office_once_with_one_list_of_documents() {
    let (s, _) = huining_father(Helper::Family, Lang::Zh);
    let html = render_page(Page::Plan, &s, &Ctx { today: Some(20261203), ..Ctx::default() }, None, None);
    let offices: Vec<&str> = html.split(r#"<li class="visit""#).skip(1).map(|v| v.split("</h2>").next().unwrap()).collect();
    let mut unique = offices.clone();
    unique.dedup();
    assert_eq!(offices.len(), unique.len(), "each office once: {offices:?}");
    for visit in html.split(r#"<li class="visit""#).skip(1) {
        let bring: Vec<&str> = visit
            .split(r#"<ul class="bring">"#)
            .nth(1)
            .map(|b| b.split("</ul>").next().unwrap().split("<li>").skip(1).collect())
            .unwrap_or_default();
        let mut dedup = bring.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(bring.len(), dedup.len(), "documents once per visit");
    }
    // A relative is told what an agent brings, and where the national rule says who may apply.
    assert!(html.contains("帮家人或别人去办时"));
    assert!(html.contains("国家规定监护人"));
    assert!(html.contains(r#"type="checkbox""#), "a tick box per visit");
}

#[test]
fn someone_without_a_certificate_starts_with_the_certificate() {
    let mut s = session(2, Helper::Family, Lang::Zh);
    s.facts.set(Fact::Certificate, Value::Bool(false));
    s.facts.set(Fact::LocalHukou, Value::Bool(true));
    s.facts.disabilities = Some(vec![benefits::rules::facts::Disability { kind: 3, grade: Some(2) }]);
    let html = render_page(Page::Plan, &s, &Ctx::default(), None, None);
    let first = html.split(r#"<li class="visit""#).nth(1).expect("a first visit");
    assert!(first.contains("残疾评定") && first.contains("旗残联"), "{first}");
    assert!(first.contains("重度（一、二级）残疾人年度补贴"), "the certificate opens the yearly subsidy");
}

#[test]
fn adding_a_person_keeps_the_household_and_asks_their_own_questions() {
    let (s, html) = huining_father(Helper::Family, Lang::Zh);
    assert!(html.contains("#add-person/"));
    let page = render_page(Page::AddPerson, &s, &Ctx::default(), None, None);
    assert!(page.contains(r#"id="person-name""#) && page.contains(r#"for="person-name""#));
    let kiosk = render_page(Page::AddPerson, &Session { kiosk_idle: Some(90), ..s.clone() }, &Ctx::default(), None, None);
    assert!(!kiosk.contains("person-name"), "no names typed at a kiosk");
    let two = s.with_new_person("妈妈");
    match benefits::session::next_page(&two) {
        Page::Question(f) => assert!(!f.is_household(), "{f:?}: the household's questions are not asked again"),
        other => panic!("the new person's questions come next, not {other:?}"),
    }
    let q = render_page(Page::Question(Fact::Age), &two, &Ctx::default(), None, None);
    assert!(q.contains("妈妈今年几岁？"), "asked by the short name");
}

#[test]
fn the_authorisation_form_has_blanks_and_collects_nothing() {
    let (s, _) = huining_father(Helper::Family, Lang::Zh);
    let html = render_page(Page::Authorise, &s, &Ctx::default(), None, None);
    assert!(html.contains("委托书") && html.contains("________"));
    assert!(!html.contains("<input"), "filled in by hand, nothing typed");
}

#[test]
fn no_double_negative_questions() {
    let s = session(2, Helper::Myself, Lang::Zh);
    let html = render_page(Page::Question(Fact::NoOneEmployed), &s, &Ctx::default(), None, None);
    assert!(html.contains("有人在工作吗"), "asks whether someone works");
    let yes = apply_answer(&s, Fact::NoOneEmployed, &Draft { choice: Some(1), ..Draft::default() }).unwrap();
    assert_eq!(yes.facts.get(Fact::NoOneEmployed), &Value::Bool(false), "someone works: not a zero-employment household");
}

#[test]
fn browse_pages_count_and_jump_and_speak_plainly() {
    let html = render_page(Page::Browse(Some(0)), &Session::default(), &Ctx::default(), None, None);
    assert!(html.contains("项政策"));
    assert!(html.contains(r##"href="#cat-"##), "jump links to each kind");
    assert!(!html.contains("不是突发困难"), "conditions said directly, not as 'not …: none'");
    assert!(!html.contains("common.toml"));
}

#[test]
fn the_two_person_address_used_by_the_browser_tests_opens_both_people() {
    // The same address as e2e/accessibility.spec.mjs scans: a relative (H1) with a second person "pa".
    let s = Session::decode("2.J2.H1.P.Qabcde.a31.b1.c1.d45.e0.P7061.Qabd.a22.b1.c1.d70").expect("decodes");
    assert_eq!(s.people().len(), 2);
    assert_eq!(s.people()[1].name, "pa");
    let html = render_page(Page::Results, &s, &Ctx::default(), None, None);
    assert!(html.contains("people-nav"), "both people are offered");
    let plan = render_page(Page::Plan, &s, &Ctx::default(), None, None);
    assert!(plan.contains(r#"class="visit""#), "the plan lists visits");
}

/// The needs question offers work only to people of working age: a parent answering for a child
/// of 5 is not asked about a job, a business or skills training; at 30 they are offered; a need
/// already chosen stays on the page (and can be taken back) whatever the age.
#[test]
fn the_needs_question_offers_work_only_from_working_age() {
    let needs_page = |age: Option<i64>, chosen: u16| {
        let mut s = session(2, Helper::Family, Lang::Zh);
        if let Some(a) = age {
            s.facts.set(Fact::Age, Value::Number(a.into()));
        }
        if chosen != 0 {
            s.facts.needs = Some(chosen);
        }
        render_page(Page::Question(Fact::Needs), &s, &Ctx::default(), None, None)
    };
    let work: Vec<u8> = ["training", "job", "business_start"].iter().map(|w| Fact::Needs.word_index(w).expect("a need")).collect();
    let offered = |html: &str, n: u8| html.contains(&format!(r#"id="need-{n}""#));
    let child = needs_page(Some(5), 0);
    assert!(!child.contains("找工作") && !child.contains("自己创业") && !child.contains("技能培训"), "no work for a child");
    assert!(work.iter().all(|&n| !offered(&child, n)));
    assert!(
        offered(&child, Fact::Needs.word_index("rehabilitation").unwrap()) && offered(&child, Fact::Needs.word_index("education").unwrap())
    );
    for html in [needs_page(Some(30), 0), needs_page(Some(16), 0), needs_page(None, 0)] {
        assert!(work.iter().all(|&n| offered(&html, n)), "work offered from 16 and when the age is not known");
    }
    let job = work[1];
    let kept = needs_page(Some(5), 1 << job);
    assert!(offered(&kept, job) && kept.contains(&format!(r#"id="need-{job}" value="{job}" checked"#)), "an answer given stays");
}

/// In every place the age is asked before the needs (whose work choices depend on it), even where
/// the needs would otherwise come first; an unknown age ("not sure") still lets the needs be asked.
#[test]
fn the_age_comes_before_the_needs() {
    for j in 0..benefits::rules::policy::places().len() as u8 {
        let mut s = session(j, Helper::Family, Lang::Zh);
        let mut asked = Vec::new();
        while let Page::Question(f) = benefits::session::next_page(&s) {
            assert!(asked.len() < Fact::ALL.len(), "place {j}: the questions end");
            asked.push(f);
            s = answer_not_sure(&s, f);
        }
        let at = |f: Fact| asked.iter().position(|x| *x == f);
        assert!(at(Fact::Needs).is_some(), "place {j}: the needs are asked");
        if let Some(age) = at(Fact::Age) {
            assert!(age < at(Fact::Needs).unwrap(), "place {j}: age before needs in {asked:?}");
        }
    }
}

/// The services to ask about fold: the heading, its count and the hint stay in view, the cards
/// sit in a native disclosure whose summary names how many, in both languages.
#[test]
fn the_services_to_ask_about_fold_under_their_heading() {
    for lang in [Lang::Zh, Lang::En] {
        let (_, html) = huining_father(Helper::Family, lang);
        let start = html.find(r#"aria-labelledby="group-service""#).expect("a services group");
        let group = &html[start..start + html[start..].find("</section>").unwrap()];
        let n = group.matches(r#"class="finding finding-service"#).count();
        assert!(n > 1, "several services: {n}");
        let fold = group.find(r#"<details class="group-fold"><summary>"#).expect("the cards fold");
        assert!(group.find("</h2>").unwrap() < fold && group.find(r#"class="hint""#).unwrap() < fold, "heading and hint before the fold");
        assert!(group.find(r#"class="finding finding-service"#).unwrap() > fold, "every card inside");
        let summary = &group[fold..group[fold..].find("</summary>").unwrap() + fold];
        assert!(summary.contains(&n.to_string()), "the summary gives the count: {summary}");
        assert!(group.trim_end().ends_with("</details>"), "the fold closes after the last card");
    }
}

/// Each page is drawn by the part of the web app's code that `code_of` names (the others give
/// nothing): a page in the wrong part would be blank until, or unless, that part is fetched.
#[test]
fn each_page_is_drawn_by_the_code_part_that_names_it() {
    use benefits::view::{code_of, render_first_main, render_later_main, render_question_main, Code};
    let s = session(1, Helper::Family, Lang::Zh);
    let cx = Ctx::default();
    let pages = [
        Page::Start,
        Page::Who,
        Page::Where,
        Page::Question(Fact::ALL[0]),
        Page::Change(Fact::ALL[0]),
        Page::Check,
        Page::AddPerson,
        Page::Results,
        Page::Plan,
        Page::Authorise,
        Page::Browse(None),
        Page::Browse(Some(1)),
    ];
    for page in pages {
        let drawn = [
            (Code::First, render_first_main(page, &s, &cx, None)),
            (Code::Questions, render_question_main(page, &s, None)),
            (Code::Later, render_later_main(page, &s, &cx)),
        ];
        for (code, html) in drawn {
            assert_eq!(!html.is_empty(), code == code_of(page), "{page:?} drawn by {code:?}");
        }
    }
}

/// The start page's code has no engine: "start" goes to who is filling in, or (answers given) to
/// the place, pre-chosen, from where the next question follows.
#[test]
fn start_goes_to_who_then_to_the_chosen_place() {
    let fresh = render_page(Page::Start, &Session::default(), &Ctx::default(), None, None);
    assert!(fresh.contains(r##"class="button button-start" role="button" draggable="false" href="#who/"##), "{fresh}");
    let s = session(1, Helper::Family, Lang::Zh);
    let html = render_page(Page::Start, &s, &Ctx::default(), None, None);
    assert!(html.contains(r##"class="button button-start" role="button" draggable="false" href="#where/"##), "{html}");
    let next = benefits::session::next_page(&s);
    assert!(matches!(next, Page::Question(_)), "the next question follows the place: {next:?}");
}

#[path = "../src/view/ui_texts.rs"]
mod ui_texts;

/// The string table's build step names what is wrong in src/view/ui.toml.
#[test]
fn the_string_table_names_a_missing_language_a_key_in_two_parts_and_a_taken_name() {
    let good =
        "a = { zh = \"甲\", en = \"A\" }\n[questions]\nb = { zh = \"乙\", en = \"B\" }\n[later]\nc = { zh = [\"丙\"], en = [\"C\"] }\n";
    let rust = ui_texts::rust(good).expect("a good table builds");
    assert!(rust.contains("pub struct UiQuestions") && rust.contains("b: \"乙\"") && rust.contains("c: [\"C\"]"), "{rust}");
    for (bad, says) in [
        ("a = { zh = \"甲\" }\n", "a: needs zh and en"),
        ("a = { zh = \"甲\", en = \"A\" }\n[later]\na = { zh = \"甲\", en = \"A\" }\n", "a: in two parts of the file"),
        ("[questions]\nb = { zh = \"乙\", en = \"B\" }\n[later]\nb = { zh = \"乙\", en = \"B\" }\n", "b: in two parts of the file"),
        ("[later]\nbase = { zh = \"乙\", en = \"B\" }\n", "[later] base: the name is taken"),
        ("a = { zh = [\"甲\"], en = [\"A\", \"B\"] }\n", "a: zh and en must both be texts, or lists of the same length"),
    ] {
        let errors = ui_texts::rust(bad).expect_err(bad);
        assert!(errors.iter().any(|e| e.contains(says)), "{bad}: {errors:?}");
    }
}
