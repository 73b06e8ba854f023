//! The session in the address: round trips, and damaged, truncated or old links give an error
//! (shown as a message and an empty start), never a panic or a guess.

use benefits::rules::facts::{Disability, Value};
use benefits::rules::{Fact, Lang};
use benefits::session::{next_page, parse_address, previous_page, DecodeError, Helper, Page, Session};
use rust_decimal::Decimal;

fn sample() -> Session {
    let mut s = Session { helper: Some(Helper::Family), lang: Lang::En, text_size: 2, high_contrast: true, ..Session::default() };
    s.facts.jurisdiction = Some(2);
    s.facts.set(Fact::Age, Value::Number(Decimal::from(45)));
    s.facts.set(Fact::Certificate, Value::Bool(true));
    s.facts.set(Fact::HouseholdStatus, Value::Word(3));
    s.facts.set(Fact::StudentFees, Value::Number("12345.5".parse().unwrap()));
    s.facts.disabilities = Some(vec![Disability { kind: 3, grade: Some(1) }, Disability { kind: 4, grade: None }]);
    s.facts.needs = Some(0b101);
    s.not_sure.insert(Fact::Sex);
    s.asked = vec![Fact::Age, Fact::Certificate, Fact::Sex];
    s
}

#[test]
fn round_trip_keeps_every_answer_and_setting() {
    let s = sample();
    let text = s.encode();
    // One unnamed person: version 1, readable by older copies of the app; more people: version 2.
    assert!(text.starts_with("1."), "versioned: {text}");
    let mut two = s.clone();
    two.name = "爸爸".into();
    assert!(two.encode().starts_with("2."), "a name needs version 2: {}", two.encode());
    assert_eq!(Session::decode(&two.encode()), Ok(two));
    assert!(text.chars().all(|c| c.is_ascii_alphanumeric() || "._-~".contains(c)), "URL-safe: {text}");
    assert_eq!(Session::decode(&text), Ok(s));
}

#[test]
fn empty_session_round_trips() {
    assert_eq!(Session::decode(&Session::default().encode()), Ok(Session::default()));
}

#[test]
fn old_or_future_version_is_reported_as_such() {
    assert_eq!(Session::decode("3.J2.H0"), Err(DecodeError::Version));
    assert_eq!(Session::decode("0"), Err(DecodeError::Version));
}

#[test]
fn links_made_by_the_one_person_version_still_open() {
    // Made by the previous version (no person field): the same person and answers.
    let old = Session::decode("1.J2.H1.L1.Qabd.a31.b1.d45.f3").expect("a version 1 link opens");
    assert_eq!(old.count(), 1);
    assert_eq!(old.facts.jurisdiction, Some(2));
    assert_eq!(old.facts.number(Fact::Age), Some(Decimal::from(45)));
    assert_eq!(old.facts.get(Fact::HouseholdStatus), &Value::Word(3));
    assert_eq!(old.asked, vec![Fact::Disabilities, Fact::Certificate, Fact::Age]);
    assert_eq!(old.lang, Lang::En);
    // Written again, it is the current version and reads back the same.
    assert_eq!(Session::decode(&old.encode()), Ok(old));
}

#[test]
fn several_people_share_the_household_and_keep_their_own_answers() {
    let mut s = sample();
    s.name = "爸爸".into();
    let mut two = s.with_new_person("妈妈");
    assert_eq!(two.count(), 2);
    assert_eq!(two.index, 1);
    assert_eq!(two.name, "妈妈");
    // Household answers come along; personal ones do not.
    assert_eq!(two.facts.get(Fact::HouseholdStatus), &Value::Word(3));
    assert!(!two.facts.is_known(Fact::Age));
    assert_eq!(two.facts.jurisdiction, Some(2));
    two.facts.set(Fact::Age, Value::Number(Decimal::from(70)));
    two.facts.set(Fact::HouseholdStatus, Value::Word(1));
    two.share_household(Fact::HouseholdStatus);
    let text = two.encode();
    assert!(text.chars().all(|c| c.is_ascii_alphanumeric() || "._-~".contains(c)), "URL-safe: {text}");
    let back = Session::decode(&text).expect("reads back");
    assert_eq!(back, two);
    let people = back.people();
    assert_eq!(people[0].name, "爸爸");
    assert_eq!(people[0].facts.number(Fact::Age), Some(Decimal::from(45)));
    assert_eq!(people[1].facts.number(Fact::Age), Some(Decimal::from(70)));
    // The household answer changed for both.
    assert_eq!(people[0].facts.get(Fact::HouseholdStatus), &Value::Word(1));
    // Switching to the first person keeps everyone.
    let first = back.with_current(0);
    assert_eq!(first.name, "爸爸");
    assert_eq!(first.people(), back.people());
}

#[test]
fn damaged_two_person_links_are_errors() {
    let two = sample().with_new_person("");
    let good = two.encode();
    assert!(Session::decode(&good).is_ok());
    for bad in [
        // A household answer in the second person's part.
        good.clone() + ".f1",
        // A person index past the people.
        good.replacen(".P", ".N5.P", 1),
        // A name that is not UTF-8 hex.
        good.replacen(".P", ".Pzz", 1),
        // Too many people.
        format!("{good}{}", ".P".repeat(8)),
    ] {
        assert_eq!(Session::decode(&bad), Err(DecodeError::Damaged), "{bad}");
    }
}

#[test]
fn damaged_links_are_errors_not_panics() {
    let good = sample().encode();
    // Every truncation either still reads (cut at a field boundary) or is an error.
    for end in 0..good.len() {
        let cut = &good[..end];
        let _ = Session::decode(cut);
    }
    for bad in [
        "",
        "x",
        "1.J9",
        "1.J",
        "1.H7",
        "1.d-",
        "1.d1-2-3",
        "1.a9",
        "1.a3",
        "1.a31.a31",
        "1.b2",
        "1.Qdd",
        "1.Q!",
        "1.S",
        "1.Sffffffffffff",
        "1.x..",
        "1.é",
        "1.d99999999999999999999",
        "2",
        "2.J2",
        "2.P.a31.a31",
    ] {
        assert!(Session::decode(bad).is_err(), "{bad:?} should be rejected");
    }
}

#[test]
fn addresses_name_the_page_and_carry_the_answers() {
    let s = sample();
    for page in [
        Page::Start,
        Page::Who,
        Page::Where,
        Page::Question(Fact::Age),
        Page::Change(Fact::Needs),
        Page::Check,
        Page::Results,
        Page::Browse(None),
        Page::Browse(Some(4)),
    ] {
        let hash = format!("#{}/{}", page.slug(), s.encode());
        let (p, back) = parse_address(&hash);
        assert_eq!(p, page);
        assert_eq!(back, Ok(s.clone()));
    }
    let (p, s) = parse_address("#no-such-page/1");
    assert_eq!(p, Page::Start);
    assert_eq!(s, Ok(Session::default()));
}

#[test]
fn the_journey_starts_with_who_then_where() {
    let mut s = Session::default();
    assert_eq!(next_page(&s), Page::Who);
    s.helper = Some(Helper::Myself);
    assert_eq!(next_page(&s), Page::Where);
    s.facts.jurisdiction = Some(0);
    assert!(matches!(next_page(&s), Page::Question(_)));
}

#[test]
fn back_goes_to_the_previous_question_answered() {
    let s = sample();
    assert_eq!(previous_page(&s, Page::Question(Fact::Certificate)), Page::Question(Fact::Age));
    assert_eq!(previous_page(&s, Page::Question(Fact::Age)), Page::Where);
    assert_eq!(previous_page(&s, Page::Check), Page::Question(Fact::Sex));
    assert_eq!(
        previous_page(&s, Page::Question(Fact::Housing)),
        Page::Question(Fact::Sex),
        "a new question goes back to the last answered"
    );
    assert_eq!(previous_page(&s, Page::Change(Fact::Age)), Page::Check);
}
