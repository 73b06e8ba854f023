//! Properties over 100,000 random households: no panic, no negative amount, no finding from another
//! place, answering an open fact never overturns a settled answer (Kleene monotonicity), the same
//! input always gives the same output, and every session survives its own address.

use benefits::rules::engine::{evaluate, Status};
use benefits::rules::facts::{Disability, Value};
use benefits::rules::json::{answer, Detail};
use benefits::rules::vocab::{kinds, needs, Fact, FactType};
use benefits::rules::{Facts, Lang};
use benefits::session::Session;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One value for a fact, drawn from a number.
fn value_for(f: Fact, n: u32) -> Value {
    match f.value_type() {
        FactType::Bool => Value::Bool(n.is_multiple_of(2)),
        FactType::Word => Value::Word((n as usize % f.words().len()) as u8),
        FactType::Number => {
            let d = f.def();
            Value::Number(Decimal::from(d.min + (n as i64 % (d.max - d.min + 1))))
        }
        FactType::Money => Value::Number(Decimal::new((n % 4_000_000) as i64, 2)),
        _ => Value::Unknown,
    }
}

fn set(facts: &mut Facts, f: Fact, n: u32) {
    // Answers stay consistent, as the questionnaire makes them: school details only for a student,
    // and a student's details imply being a student; work questions only from their age, and
    // asked after it.
    if let Some(parent) = f.only_if() {
        facts.set(parent, Value::Bool(true));
    }
    if f.value_type() == FactType::Bool && !n.is_multiple_of(2) {
        for d in Fact::ALL.iter().filter(|d| d.only_if() == Some(f)) {
            facts.clear(*d);
        }
    }
    let from_age = f.def().from_age;
    if from_age > 0 && facts.number(Fact::age()).is_none_or(|a| a < Decimal::from(from_age)) {
        facts.set(Fact::age(), Value::Number(Decimal::from(from_age as u32 + n % 60)));
    }
    match f.value_type() {
        FactType::Disabilities => {
            let count = n % 3;
            facts.disabilities = Some(
                (0..count)
                    .map(|i| {
                        let x = n.rotate_left(7 * (i + 1));
                        Disability {
                            kind: (x as usize % kinds().len()) as u8,
                            grade: if x.is_multiple_of(5) { None } else { Some(1 + (x % 4) as u8) },
                        }
                    })
                    .collect(),
            )
        }
        FactType::Needs => facts.needs = Some((n % (1 << needs().len())) as u16),
        _ => facts.set(f, value_for(f, n)),
    }
    // A younger age than a work question's: its answer no longer exists.
    if f == Fact::age() {
        let gone: Vec<Fact> = Fact::ALL.iter().copied().filter(|d| facts.is_absent(*d) && d.def().from_age > 0).collect();
        for d in gone {
            facts.clear(d);
        }
    }
}

/// A household: a place and, for each fact, either no answer or an answer.
fn household() -> impl Strategy<Value = Facts> {
    (
        0u8..benefits::rules::policy::places().len() as u8,
        proptest::collection::vec(proptest::option::of(any::<u32>()), Fact::ALL.len()),
        20210101u32..20281231,
    )
        .prop_map(|(j, answers, day)| {
            let mut facts = Facts::default();
            facts.jurisdiction = Some(j);
            facts.as_of = benefits::rules::facts::parse_date(&benefits::rules::facts::format_date(day));
            for (f, a) in Fact::ALL.iter().zip(answers) {
                if let Some(n) = a {
                    set(&mut facts, *f, n);
                }
            }
            facts
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn engine_properties(facts in household(), fill in any::<u32>(), which in any::<usize>()) {
        let first = evaluate(&facts);
        // Same input, same output.
        let again = evaluate(&facts);
        prop_assert_eq!(first.len(), again.len());
        for (a, b) in first.iter().zip(&again) {
            prop_assert!(std::ptr::eq(a.benefit, b.benefit));
            prop_assert_eq!(a.status, b.status);
            prop_assert_eq!(a.amount.value, b.amount.value);
            prop_assert_eq!(a.missing, b.missing);
        }
        for f in &first {
            // Only this place's rules.
            prop_assert_eq!(Some(f.benefit.jurisdiction), facts.jurisdiction);
            // No negative money.
            if let Some(v) = f.amount.value {
                prop_assert!(!v.is_sign_negative(), "{} {}", f.benefit.id, v);
            }
        }
        // Answer one open fact: likely stays likely, unlikely stays unlikely.
        // Open facts: unanswered, and not school details of someone who is not a student (those are
        // known to be absent).
        let open: Vec<Fact> = Fact::ALL.iter().copied().filter(|f| !facts.is_known(*f) && !facts.is_absent(*f)).collect();
        if !open.is_empty() {
            let f = open[which % open.len()];
            let mut more = facts.clone();
            set(&mut more, f, fill);
            let after = evaluate(&more);
            for before in &first {
                if matches!(before.status, Status::Likely | Status::Unlikely) {
                    let now = after.iter().find(|a| std::ptr::eq(a.benefit, before.benefit)).map(|a| a.status);
                    prop_assert_eq!(now, Some(before.status), "{} after answering {:?}", before.benefit.id, f);
                }
            }
        }
        // The full answer (reasons, citations) can always be produced.
        let a = answer(&facts, Lang::Zh, Detail::Full);
        prop_assert_eq!(a.findings.len(), first.len());
    }

    #[test]
    fn session_survives_its_address(facts in household(), not_sure in any::<u32>()) {
        let mut s = Session { facts, ..Session::default() };
        s.facts.as_of = None; // not part of the address
        s.not_sure = benefits::rules::condition::FactSet(not_sure as u64 & ((1 << Fact::ALL.len()) - 1));
        prop_assert_eq!(Session::decode(&s.encode()), Ok(s));
    }

    #[test]
    fn any_text_decodes_without_panic(text in "[0-9A-Za-z._~-]{0,40}") {
        let _ = Session::decode(&text);
    }
}
