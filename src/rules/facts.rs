//! The answers for one person and their household, as the rules read them (the facts themselves
//! are defined in seeds/facts.toml). A fact that is absent means "not answered", never "no".

use super::vocab::{Fact, FactType, FACT_COUNT};
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Value {
    #[default]
    Unknown,
    Bool(bool),
    /// Index of the word in the fact's word list.
    Word(u8),
    Number(Decimal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Disability {
    /// Index into `vocab::kinds()`.
    pub kind: u8,
    /// 1 (most severe) to 4; `None` when not yet assessed.
    pub grade: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// The place's index (see `policy::places`).
    pub jurisdiction: Option<u8>,
    /// The day rules are evaluated for, as yyyymmdd.
    pub as_of: Option<u32>,
    values: [Value; FACT_COUNT],
    pub disabilities: Option<Vec<Disability>>,
    /// Bit mask over `vocab::needs()`.
    pub needs: Option<u16>,
}

impl Default for Facts {
    fn default() -> Facts {
        Facts { jurisdiction: None, as_of: None, values: std::array::from_fn(|_| Value::Unknown), disabilities: None, needs: None }
    }
}

impl Facts {
    pub fn get(&self, fact: Fact) -> &Value {
        &self.values[fact as usize]
    }

    pub fn set(&mut self, fact: Fact, value: Value) {
        self.values[fact as usize] = value;
    }

    pub fn is_known(&self, fact: Fact) -> bool {
        match fact.value_type() {
            FactType::Disabilities => self.disabilities.is_some(),
            FactType::Needs => self.needs.is_some(),
            _ => *self.get(fact) != Value::Unknown,
        }
    }

    /// Forget one answer.
    pub fn clear(&mut self, fact: Fact) {
        match fact.value_type() {
            FactType::Disabilities => self.disabilities = None,
            FactType::Needs => self.needs = None,
            _ => self.set(fact, Value::Unknown),
        }
    }

    /// The fact is known not to exist: it depends (`only_if`) on a yes/no fact answered no, like
    /// the school details of someone who is not a student, or it is for older people (`from_age`)
    /// and the person is younger, like work questions for a child.
    pub fn is_absent(&self, fact: Fact) -> bool {
        if !fact.is_dependent() {
            return false;
        }
        let d = fact.def();
        d.only_if.is_some_and(|parent| *self.get(parent) == Value::Bool(false)) || self.known_younger_than(d.from_age)
    }

    /// The word is one to offer this person: it has no age (`from_age` on the word), or the age is
    /// not known, or the person is old enough. A child is not offered a job among the needs.
    pub fn offers_word(&self, fact: Fact, word: u8) -> bool {
        !self.known_younger_than(fact.words().get(word as usize).map_or(0, |w| w.from_age))
    }

    /// The age is known and below `from_age` (0: no age limit).
    fn known_younger_than(&self, from_age: u8) -> bool {
        from_age > 0 && self.number(Fact::age()).is_some_and(|a| a < Decimal::from(from_age))
    }

    /// The question that would settle an unanswered fact: a fact that exists only if another is
    /// yes (school details of a student) is asked after that one, so until then it is the question.
    pub fn question_for(&self, fact: Fact) -> Fact {
        if !fact.is_dependent() {
            return fact;
        }
        let d = fact.def();
        match d.only_if {
            Some(parent) if *self.get(parent) != Value::Bool(true) => parent,
            // Work questions come after the age, so a child is never asked them.
            _ if d.from_age > 0 && !self.is_known(Fact::age()) => Fact::age(),
            _ => fact,
        }
    }

    pub fn number(&self, fact: Fact) -> Option<Decimal> {
        match self.get(fact) {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// Parse an ISO date "YYYY-MM-DD" into yyyymmdd, checking the calendar.
pub fn parse_date(text: &str) -> Option<u32> {
    super::codec::calendar_date(text)
}

pub fn format_date(date: u32) -> String {
    format!("{:04}-{:02}-{:02}", date / 10000, date / 100 % 100, date % 100)
}

/// The calendar date (yyyymmdd) of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn date_from_days(days: i64) -> u32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y * 10000 + m * 100 + d) as u32
}
