//! The household JSON: every class of bad input gets a message naming the key and the problem, in
//! Chinese and English; one household per jurisdiction goes all the way through to the answer JSON.

use benefits::rules::json::{answer, parse_household, Detail};
use benefits::rules::Lang;
use serde_json::Value;

fn error(json: &str) -> (String, String) {
    let e = parse_household(json).expect_err("should be rejected");
    (e.message(Lang::Zh), e.message(Lang::En))
}

#[test]
fn not_json() {
    let (zh, en) = error("{ this is not json");
    assert_eq!(zh, "不是有效的 JSON：第 1 行第 3 列附近有错");
    assert_eq!(en, "not valid JSON: a mistake near line 1, column 3");
    let (zh, _) = error(r#"{"applicant":{"#);
    assert!(zh.starts_with("不是完整的 JSON"), "{zh}");
}

#[test]
fn unknown_key_is_named() {
    let (zh, en) = error(r#"{"applicant":{"agee":45}}"#);
    assert!(en.starts_with("applicant.agee: unknown key"), "{en}");
    assert!(zh.starts_with("applicant.agee: 不认识这个键"), "{zh}");
    let (_, en) = error(r#"{"jurisdiction":"dalad","colour":"red"}"#);
    assert!(en.starts_with("colour: unknown key"), "{en}");
}

#[test]
fn age_out_of_range_or_not_whole() {
    let (zh, en) = error(r#"{"applicant":{"age":130}}"#);
    assert_eq!(en, "applicant.age: must be a whole number from 0 to 120");
    assert_eq!(zh, "applicant.age: 应为 0 到 120 之间的整数");
    let (_, en) = error(r#"{"applicant":{"age":-1}}"#);
    assert_eq!(en, "applicant.age: must be a whole number from 0 to 120");
    let (_, en) = error(r#"{"applicant":{"age":4.5}}"#);
    assert_eq!(en, "applicant.age: must be a whole number from 0 to 120");
}

#[test]
fn unknown_word_lists_the_allowed_ones() {
    let (_, en) = error(r#"{"jurisdiction":"beijing"}"#);
    assert_eq!(en, "jurisdiction: must be one of: dalad, donghe, ejinhoro, huining, dawukou, other");
    let (_, en) = error(r#"{"applicant":{"disabilities":[{"kind":"physical","grade":1},{"kind":"deaf","grade":2}]}}"#);
    assert!(en.starts_with("applicant.disabilities[1].kind: must be one of: visual"), "{en}");
    let (_, en) = error(r#"{"applicant":{"needs":["rehabilitation","money"]}}"#);
    assert!(en.starts_with("applicant.needs[1]: must be one of"), "{en}");
}

#[test]
fn grade_must_be_1_to_4_and_kind_is_required() {
    let (_, en) = error(r#"{"applicant":{"disabilities":[{"kind":"physical","grade":5}]}}"#);
    assert_eq!(en, "applicant.disabilities[0].grade: must be a whole number from 1 to 4");
    let (_, en) = error(r#"{"applicant":{"disabilities":[{"grade":2}]}}"#);
    assert_eq!(en, "applicant.disabilities[0].kind: this key is required");
}

#[test]
fn booleans_must_be_true_or_false() {
    let (zh, en) = error(r#"{"applicant":{"has_certificate":"yes"}}"#);
    assert_eq!(en, "applicant.has_certificate: must be true or false");
    assert_eq!(zh, "applicant.has_certificate: 应为 true 或 false");
}

#[test]
fn money_must_be_a_decimal_string() {
    let (_, en) = error(r#"{"household":{"inpatient_out_of_pocket_yuan":1200.5}}"#);
    assert_eq!(en, "household.inpatient_out_of_pocket_yuan: write money as a quoted decimal, e.g. \"20000\"");
    let fees = |v: &str| error(&format!(r#"{{"applicant":{{"student":{{"annual_fees_yuan":"{v}"}}}}}}"#)).1;
    // Written loosely: refused, not guessed at.
    for loose in ["-5", "1e3", "1__0", "+1000", ".5", "1.", "1,000", "", "0x10", "1.2.3"] {
        assert_eq!(
            fees(loose),
            "applicant.student.annual_fees_yuan: must be an amount written with digits and a decimal point only, e.g. \"1234.50\"",
            "{loose}"
        );
    }
    // Each limit is named.
    assert_eq!(fees("12.345"), "applicant.student.annual_fees_yuan: an amount has at most two decimal places (fen)");
    assert_eq!(fees("1.000"), "applicant.student.annual_fees_yuan: an amount has at most two decimal places (fen)");
    assert_eq!(fees("100000000"), "applicant.student.annual_fees_yuan: an amount must be below 100,000,000 yuan");
    assert!(parse_household(r#"{"applicant":{"student":{"annual_fees_yuan":"99999999.99"}}}"#).is_ok());
    assert!(parse_household(r#"{"applicant":{"student":{"annual_fees_yuan":"0.5"}}}"#).is_ok());
}

#[test]
fn the_money_limit_is_the_same_for_json_form_and_address() {
    use benefits::rules::Fact;
    use benefits::session::Session;
    use benefits::view::form::validate_number;
    let limit = "99999999.99";
    let over = "100000000";
    assert!(parse_household(&format!(r#"{{"household":{{"inpatient_out_of_pocket_yuan":"{limit}"}}}}"#)).is_ok());
    assert!(parse_household(&format!(r#"{{"household":{{"inpatient_out_of_pocket_yuan":"{over}"}}}}"#)).is_err());
    assert!(validate_number(Fact::InpatientCost, limit, Lang::En).is_ok());
    assert!(validate_number(Fact::InpatientCost, over, Lang::En).is_err());
    let code = Fact::InpatientCost.def().code as char;
    assert!(Session::decode(&format!("1.{code}99999999-99")).is_ok());
    assert!(Session::decode(&format!("1.{code}{over}")).is_err());
}

#[test]
fn dates_are_checked_against_the_calendar() {
    let (_, en) = error(r#"{"as_of":"2025-02-30"}"#);
    assert_eq!(en, "as_of: must be a date written YYYY-MM-DD");
    let (_, en) = error(r#"{"as_of":"01/06/2025"}"#);
    assert_eq!(en, "as_of: must be a date written YYYY-MM-DD");
    assert!(parse_household(r#"{"as_of":"2024-02-29"}"#).is_ok(), "a leap day is a date");
}

#[test]
fn wrong_shapes() {
    let (_, en) = error("[]");
    assert_eq!(en, "must be an object {…}");
    let (_, en) = error(r#"{"applicant":[]}"#);
    assert_eq!(en, "applicant: must be an object {…}");
    let (_, en) = error(r#"{"applicant":{"disabilities":{"kind":"physical"}}}"#);
    assert_eq!(en, "applicant.disabilities: must be a list […]");
}

#[test]
fn absent_keys_mean_not_answered() {
    let f = parse_household(r#"{"jurisdiction":"dalad"}"#).unwrap();
    let a = answer(&f, Lang::En, Detail::Full);
    assert!(a.findings.iter().any(|x| x.status == "possible"));
    assert!(a.missing.contains(&"certificate"), "{:?}", a.missing);
}

fn answer_json(json: &str) -> Value {
    let f = parse_household(json).unwrap();
    serde_json::to_value(answer(&f, Lang::Zh, Detail::Full)).unwrap()
}

fn find<'a>(a: &'a Value, id: &str) -> &'a Value {
    a["findings"].as_array().unwrap().iter().find(|f| f["id"] == id).unwrap_or_else(|| panic!("{id} not in answer"))
}

#[test]
fn dalad_household_through_json() {
    let a = answer_json(
        r#"{"jurisdiction":"dalad","as_of":"2025-01-10","applicant":{"age":52,"has_certificate":true,"residence":"rural","disabilities":[{"kind":"physical","grade":2}]},"household":{"status":"dibao"}}"#,
    );
    assert_eq!(a["jurisdiction"], "dalad");
    let bus = find(&a, "dalad.free_city_public_transport");
    assert_eq!(bus["status"], "likely");
    assert_eq!(bus["amount"]["kind"], "in_kind");
    assert!(bus["citation"]["document"].as_str().unwrap().starts_with("000 达拉特旗"));
    assert!(!bus["citation"]["section"].as_str().unwrap().is_empty());
}

#[test]
fn donghe_household_through_json() {
    let a = answer_json(
        r#"{"jurisdiction":"donghe","as_of":"2023-05-01","applicant":{"age":4,"autism":false,"disabilities":[{"kind":"hearing","grade":1}]}}"#,
    );
    let rehab = find(&a, "donghe.child_rehab_assistance");
    assert_eq!(rehab["amount"]["kind"], "yearly");
    assert_eq!(rehab["amount"]["yuan"], "24000");
}

#[test]
fn ejinhoro_household_through_json() {
    let a = answer_json(
        r#"{"jurisdiction":"ejinhoro","as_of":"2025-06-01","applicant":{"age":45,"sex":"female","has_certificate":true,"local_hukou":true,"residence":"urban","disabilities":[{"kind":"physical","grade":1}]}}"#,
    );
    let s = find(&a, "ejinhoro.severe_disability_subsidy");
    assert_eq!(s["status"], "likely");
    assert_eq!(s["amount"], serde_json::json!({"kind":"yearly","yuan":"4000","text":"每年 4,000 元"}));
    assert!(s["reasons"].as_array().unwrap().iter().any(|r| r.as_str().unwrap().contains("一级至二级")));
    assert!(s["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().contains("城")), "the urban/rural reading is noted");
    assert!(s["citation"]["document"].as_str().unwrap().contains("伊政发〔2022〕35号"));
}

#[test]
fn huining_household_through_json() {
    let a = answer_json(
        r#"{"jurisdiction":"huining","as_of":"2024-03-01","applicant":{"age":30,"has_certificate":true,"disabilities":[{"kind":"visual","grade":1}]}}"#,
    );
    assert_eq!(find(&a, "huining.free_county_transport_grade1_2")["status"], "likely");
    assert_eq!(find(&a, "huining.free_public_venue_entry")["status"], "likely");
}

#[test]
fn dawukou_household_through_json() {
    let a = answer_json(
        r#"{"jurisdiction":"dawukou","as_of":"2023-01-01","applicant":{"age":5,"has_certificate":true,"disabilities":[{"kind":"intellectual","grade":2}]}}"#,
    );
    let rehab = find(&a, "dawukou.child_rehab_0_6");
    assert_eq!(rehab["amount"]["yuan"], "20000");
    for f in a["findings"].as_array().unwrap() {
        // Local rules of the draft say so; national rules are not part of it.
        let draft = f["warnings"].as_array().is_some_and(|w| w.contains(&serde_json::json!("draft")));
        assert_eq!(draft, f["citation"]["document"] != "国家规定", "{}", f["id"]);
    }
}

#[test]
fn other_place_gets_a_notice_and_national_services() {
    let a = answer_json(r#"{"jurisdiction":"other","applicant":{"has_certificate":true,"needs":["legal_help"]}}"#);
    assert!(a["notice"].as_str().unwrap().contains("只适用于"));
    // Only national rules (cited as such) can say more than "ask about".
    for f in a["findings"].as_array().unwrap() {
        assert!(f["status"] == "service" || f["citation"]["document"] == "国家规定", "{}", f["id"]);
    }
    assert_eq!(find(&a, "national.legal_aid")["status"], "service");
}

#[test]
fn null_means_not_answered_and_student_null_means_not_a_student() {
    let f = parse_household(r#"{"applicant":{"age":null,"student":{"level":null}},"household":{"status":null}}"#).unwrap();
    assert!(!f.is_known(benefits::rules::Fact::Age));
    assert_eq!(f.get(benefits::rules::Fact::Student), &benefits::rules::facts::Value::Bool(true));
    for no in [r#"{"applicant":{"student":false}}"#, r#"{"applicant":{"student":null}}"#] {
        let f = parse_household(no).unwrap();
        assert_eq!(f.get(benefits::rules::Fact::Student), &benefits::rules::facts::Value::Bool(false), "{no}");
    }
    // Escaped strings read like plain ones.
    assert_eq!(parse_household(r#"{"jurisdiction":"\u0064alad"}"#).unwrap().jurisdiction, Some(0));
    assert!(parse_household(r#"{"applicant":{"needs":[],"disabilities":[{"kind":"visual","grade":null}]}}"#).is_ok());
}
