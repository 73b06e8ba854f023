//! The facts a rule can test. Their one definition is `seeds/facts.toml`; build.rs generates the
//! `Fact` enum and the `FACTS` table from it (included below). This file holds only the types of
//! that table and the ways to look a fact up.

use super::lang::{Lang, Text};
use super::syntax::{Kind, Vocab};
use rust_decimal::Decimal;

/// What kind of value a fact holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactType {
    Bool,
    /// A whole number from `min` to `max`.
    Number,
    /// Yuan, 0 to `MONEY_MAX`, at most two decimals (a decimal string in the JSON).
    Money,
    /// One word of the fact's list.
    Word,
    /// The list of {kind, grade}; the kinds are the fact's words; tested with `disability(...)`.
    Disabilities,
    /// A set of the fact's words; tested with `need(...)`.
    Needs,
}

/// One allowed word and its label.
#[derive(Debug)]
pub struct Word {
    pub name: &'static str,
    pub label: Text,
    /// Offered only to people of this age or older (0: any age): a job is not a child's need.
    pub from_age: u8,
}

/// A question in both languages: Chinese with {who} (您 / 您的家人 / 申请人), English for "you"
/// and for someone else ({who} = "your family member" / "the applicant"); {place} is the place.
#[derive(Debug)]
pub struct Question {
    pub zh: &'static str,
    pub en: &'static str,
    pub en_other: &'static str,
    pub hint: Text,
}

/// One row of seeds/facts.toml.
#[derive(Debug)]
pub struct FactDef {
    pub name: &'static str,
    /// The object of the JSON it sits in ("applicant", "applicant.student", "household").
    pub section: &'static str,
    /// Its key in that object.
    pub key: &'static str,
    pub ty: FactType,
    /// Its letter in the app's address.
    pub code: u8,
    pub label: Text,
    // (Its question is in `QUESTIONS`: see `Fact::question`.)
    pub words: &'static [Word],
    /// The fact exists only when this yes/no fact is yes.
    pub only_if: Option<Fact>,
    /// Not asked of, and false for, anyone younger than this (0: any age).
    pub from_age: u8,
    /// The question asks the opposite of the fact: "yes" stores false.
    pub inverted: bool,
    pub min: i64,
    pub max: i64,
    pub unit: Option<Text>,
}

/// What a key of one object of the household JSON names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKey {
    Fact(Fact),
    /// An object of further facts (its section number).
    Object(u8),
    /// An object whose presence answers a yes/no fact (a student's school details).
    FactObject(Fact, u8),
}

include!(concat!(env!("OUT_DIR"), "/facts.rs"));

/// Money answers stay below 100 million yuan (two decimals): the same limit for the JSON, the
/// form and the address.
pub const MONEY_MAX_CENTS: i64 = 9_999_999_999;

impl Fact {
    pub fn def(self) -> &'static FactDef {
        &FACTS[self as usize]
    }
    /// Its question and hint (apart from `FACTS`, so the web app's first download has none).
    pub fn question(self) -> &'static Question {
        &QUESTIONS[self as usize]
    }
    pub fn name(self) -> &'static str {
        self.def().name
    }
    pub fn value_type(self) -> FactType {
        self.def().ty
    }
    pub fn from_name(name: &str) -> Option<Fact> {
        FACTS.iter().position(|d| d.name == name).map(|i| Fact::ALL[i])
    }
    pub fn words(self) -> &'static [Word] {
        self.def().words
    }
    pub fn word_index(self, word: &str) -> Option<u8> {
        self.words().iter().position(|w| w.name == word).map(|i| i as u8)
    }
    pub fn label(self) -> Text {
        self.def().label
    }
    /// The yes/no fact this one depends on (a student's school details).
    pub fn only_if(self) -> Option<Fact> {
        self.def().only_if
    }
    /// Asked once for the household rather than for each person.
    pub fn is_household(self) -> bool {
        self.def().section == "household"
    }
    /// The one fact holding the disabilities (its words are the kinds).
    pub fn disabilities() -> Fact {
        Fact::DISABILITIES
    }
    /// The one fact holding the needs (its words are the needs).
    pub fn needs() -> Fact {
        Fact::NEEDS
    }
    /// The person's age.
    pub fn age() -> Fact {
        Fact::AGE
    }
    /// Whether a number or money answer is within this fact's limits. The JSON reader, the form
    /// and the saved address all hold answers to the same limits.
    pub fn accepts(self, n: Decimal) -> bool {
        let d = self.def();
        match d.ty {
            FactType::Number => n.fract().is_zero() && n >= Decimal::from(d.min) && n <= Decimal::from(d.max),
            FactType::Money => !n.is_sign_negative() && n.normalize().scale() <= 2 && n <= Decimal::new(MONEY_MAX_CENTS, 2),
            _ => false,
        }
    }

    /// The unit of a number or money answer ("岁", "yuan").
    pub fn unit(self, lang: Lang) -> Option<&'static str> {
        self.def().unit.map(|u| u.get(lang)).filter(|u| !u.is_empty())
    }
}

/// The disability kinds (`visual`, …): the words of the disabilities fact.
pub fn kinds() -> &'static [Word] {
    Fact::disabilities().words()
}

/// The needs (`rehabilitation`, …): the words of the needs fact.
pub fn needs() -> &'static [Word] {
    Fact::needs().words()
}

/// The generated table, for the condition parser (tests and tools parse conditions at run time).
pub struct FactVocab;

impl Vocab for FactVocab {
    fn fact(&self, name: &str) -> Option<(u8, Kind)> {
        let f = Fact::from_name(name)?;
        let kind = match f.value_type() {
            FactType::Bool => Kind::Bool,
            FactType::Number | FactType::Money => Kind::Number,
            FactType::Word => Kind::Word,
            FactType::Disabilities => Kind::Disabilities,
            FactType::Needs => Kind::Needs,
        };
        Some((f as u8, kind))
    }
    fn words(&self, fact: u8) -> Vec<String> {
        Fact::ALL.get(fact as usize).map(|f| f.words().iter().map(|w| w.name.to_string()).collect()).unwrap_or_default()
    }
    fn fact_of_kind(&self, kind: Kind) -> Option<u8> {
        match kind {
            Kind::Disabilities => Some(Fact::disabilities() as u8),
            Kind::Needs => Some(Fact::needs() as u8),
            _ => None,
        }
    }
}
