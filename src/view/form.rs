//! Answers as typed into a form, checked and applied to the session. Pure: the web app reads the
//! form into a `Draft`, and the same rules run in native tests.

use super::text::ui_questions;
use crate::rules::condition::FactSet;
use crate::rules::facts::{Disability, Value};
use crate::rules::vocab::{kinds, FactType, MONEY_MAX_CENTS};
use crate::rules::words::yuan;
use crate::rules::{Fact, Lang};
use crate::session::Session;
use rust_decimal::Decimal;
use std::str::FromStr;

/// What the person chose or typed, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// A radio choice (yes = 1 / no = 0, or a word's index).
    pub choice: Option<u8>,
    pub kind: Option<u8>,
    /// 1–4, or 0 for "not assessed yet".
    pub grade: Option<u8>,
    pub needs: u16,
    pub needs_none: bool,
    pub number: String,
}

/// A problem with an answer: the message and the field it belongs to (for the error summary link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
    /// What was typed, shown again so nothing is lost.
    pub draft: Draft,
}

/// Check a typed number; the message says what is wrong in the person's language.
pub fn validate_number(f: Fact, raw: &str, lang: Lang) -> Result<Decimal, String> {
    let t = ui_questions(lang);
    // People write "6,000", "6000元", "45岁" or full-width digits; accept those.
    let cleaned: String = raw
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            _ => c,
        })
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}' | '元' | '岁' | '人'))
        .collect();
    if cleaned.is_empty() {
        return Err(t.enter_number.into());
    }
    if !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(t.number_only.into());
    }
    let n = Decimal::from_str(&cleaned).map_err(|_| t.number_only.to_string())?.normalize();
    // The limits are the fact's (seeds/facts.toml), as for the JSON reader and the address.
    if f.accepts(n) {
        return Ok(n);
    }
    let d = f.def();
    match f.value_type() {
        FactType::Number if !n.fract().is_zero() => Err(t.whole_number.into()),
        FactType::Number => Err(t.out_of_range.replace("{min}", &d.min.to_string()).replace("{max}", &d.max.to_string())),
        _ if n.scale() > 2 => Err(t.money_precision.into()),
        _ => Err(t.out_of_range.replace("{min}", "0").replace("{max}", &yuan(Decimal::new(MONEY_MAX_CENTS, 2)))),
    }
}

/// Apply an answer to a question; on a problem, say what and keep the draft.
pub fn apply_answer(s: &Session, fact: Fact, d: &Draft) -> Result<Session, FieldError> {
    let t = ui_questions(s.lang);
    let mut next = s.clone();
    let fail = |field: &'static str, message: &str| FieldError { field, message: message.into(), draft: d.clone() };
    match fact.value_type() {
        FactType::Bool => match d.choice {
            // An inverted question ("does anyone work?") stores the opposite of its answer.
            Some(c) => next.facts.set(fact, Value::Bool((c == 1) != fact.def().inverted)),
            None => return Err(fail("option-0", t.choose_one)),
        },
        FactType::Word => match d.choice.filter(|c| (*c as usize) < fact.words().len()) {
            Some(c) => next.facts.set(fact, Value::Word(c)),
            None => return Err(fail("option-0", t.choose_one)),
        },
        FactType::Number | FactType::Money => match validate_number(fact, &d.number, s.lang) {
            Ok(n) => next.facts.set(fact, Value::Number(n)),
            Err(m) => return Err(fail("answer-number", &m)),
        },
        FactType::Disabilities => match (d.kind, d.grade) {
            (None, _) => return Err(fail("kind-0", t.choose_kind)),
            (_, None) => return Err(fail("grade-1", t.choose_grade)),
            (Some(kind), Some(g)) if (kind as usize) < kinds().len() && g <= 4 => {
                next.facts.disabilities = Some(vec![Disability { kind, grade: (g > 0).then_some(g) }])
            }
            _ => return Err(fail("kind-0", t.choose_kind)),
        },
        FactType::Needs => {
            if d.needs == 0 && !d.needs_none {
                return Err(fail("need-0", t.choose_one));
            }
            next.facts.needs = Some(if d.needs_none { 0 } else { d.needs });
        }
    }
    next.not_sure = FactSet(next.not_sure.0 & !(1u64 << fact as u64));
    next.mark_asked(fact);
    next.share_household(fact);
    Ok(next)
}

/// "Not sure": the fact stays unanswered and is not asked again.
pub fn answer_not_sure(s: &Session, fact: Fact) -> Session {
    let mut next = s.clone();
    next.facts.clear(fact);
    next.not_sure.insert(fact);
    next.mark_asked(fact);
    next.share_household(fact);
    next
}

/// The form's current values for a question already answered (to show them again).
pub fn draft_from(s: &Session, f: Fact) -> Draft {
    let mut d = Draft::default();
    match f.value_type() {
        FactType::Disabilities => {
            if let Some(first) = s.facts.disabilities.as_ref().and_then(|l| l.first()) {
                d.kind = Some(first.kind);
                d.grade = Some(first.grade.unwrap_or(0));
            }
        }
        FactType::Needs => {
            d.needs = s.facts.needs.unwrap_or(0);
            d.needs_none = s.facts.needs == Some(0);
        }
        _ => match s.facts.get(f) {
            Value::Bool(b) => d.choice = Some((*b != f.def().inverted) as u8),
            Value::Word(w) => d.choice = Some(*w),
            Value::Number(n) => d.number = n.to_string(),
            Value::Unknown => {}
        },
    }
    d
}
