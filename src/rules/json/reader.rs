//! The household JSON reader of `evaluate`, driven by the fact table (seeds/facts.toml): one pass
//! over the text with no tree built, which is fast on a whole registry and still names the key and
//! the problem of the first thing wrong. An absent key or `null` is "not answered".

use super::super::codec::calendar_date;
use super::super::facts::{Disability, Facts, Value};
use super::super::policy::{place_index, places, Lang};
use super::super::vocab::{json_key, kinds, needs, Fact, FactType, JsonKey, JSON_SECTIONS, MONEY_MAX_CENTS};
use rust_decimal::Decimal;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// What is wrong with one key of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Dotted path of the key, e.g. `applicant.age` ("" for the whole input). Keys from the input
    /// are shown safely: control characters escaped, long ones cut.
    pub key: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The text is not JSON: where it went wrong (1-based), and whether it ended too early.
    NotJson {
        line: usize,
        column: usize,
        eof: bool,
    },
    NotAnObject,
    UnknownKey,
    DuplicateKey,
    MissingKey,
    NotBool,
    NotWholeNumber {
        min: i64,
        max: i64,
    },
    NotWord(Vec<&'static str>),
    NotDate,
    /// Money must be a decimal string, not a JSON number (floats lose cents).
    MoneyNotString,
    NotMoney,
    MoneyTooPrecise,
    MoneyTooLarge,
    NotList,
    /// `people` and `applicant` together.
    PeopleAndApplicant,
    /// An empty `people` list.
    NoPeople,
    /// Several people where one is expected.
    OnePersonOnly,
}

impl InputError {
    pub fn new(key: &str, problem: Problem) -> Self {
        InputError { key: safe(key), problem }
    }

    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let what = match &self.problem {
            Problem::NotJson { line, column, eof } => match (zh, eof) {
                (true, true) => format!("不是完整的 JSON：在第 {line} 行第 {column} 列意外结束"),
                (true, false) => format!("不是有效的 JSON：第 {line} 行第 {column} 列附近有错"),
                (false, true) => format!("not valid JSON: it ends too early (line {line}, column {column})"),
                (false, false) => format!("not valid JSON: a mistake near line {line}, column {column}"),
            },
            Problem::NotAnObject if zh => "应为一个对象 {…}".into(),
            Problem::NotAnObject => "must be an object {…}".into(),
            Problem::UnknownKey if zh => "不认识这个键，请检查拼写（见 README 的事实表）".into(),
            Problem::UnknownKey => "unknown key; check the spelling (see the facts table in the README)".into(),
            Problem::DuplicateKey if zh => "这个键出现了两次，请只保留一个".into(),
            Problem::DuplicateKey => "this key appears twice; keep one".into(),
            Problem::MissingKey if zh => "缺少这个键".into(),
            Problem::MissingKey => "this key is required".into(),
            Problem::NotBool if zh => "应为 true 或 false".into(),
            Problem::NotBool => "must be true or false".into(),
            Problem::NotWholeNumber { min, max } if zh => format!("应为 {min} 到 {max} 之间的整数"),
            Problem::NotWholeNumber { min, max } => format!("must be a whole number from {min} to {max}"),
            Problem::NotWord(words) if zh => format!("应为以下之一：{}", words.join("、")),
            Problem::NotWord(words) => format!("must be one of: {}", words.join(", ")),
            Problem::NotDate if zh => "应为日期，格式 YYYY-MM-DD".into(),
            Problem::NotDate => "must be a date written YYYY-MM-DD".into(),
            Problem::MoneyNotString if zh => "金额请写成带引号的数字，例如 \"20000\"".into(),
            Problem::MoneyNotString => "write money as a quoted decimal, e.g. \"20000\"".into(),
            Problem::NotMoney if zh => "应为只含数字和小数点的金额，例如 \"1234.50\"".into(),
            Problem::NotMoney => "must be an amount written with digits and a decimal point only, e.g. \"1234.50\"".into(),
            Problem::MoneyTooPrecise if zh => "金额最多保留两位小数（到分）".into(),
            Problem::MoneyTooPrecise => "an amount has at most two decimal places (fen)".into(),
            Problem::MoneyTooLarge if zh => "金额应小于 100,000,000 元".into(),
            Problem::MoneyTooLarge => "an amount must be below 100,000,000 yuan".into(),
            Problem::NotList if zh => "应为列表 […]".into(),
            Problem::NotList => "must be a list […]".into(),
            Problem::PeopleAndApplicant if zh => "people 和 applicant 只能用一个：一个人用 applicant，几个人用 people 列表".into(),
            Problem::PeopleAndApplicant => "use either applicant (one person) or people (a list), not both".into(),
            Problem::NoPeople if zh => "people 列表里至少要有一个人".into(),
            Problem::NoPeople => "the people list needs at least one person".into(),
            Problem::OnePersonOnly if zh => "这里只能有一个人（applicant）".into(),
            Problem::OnePersonOnly => "only one person (applicant) is read here".into(),
        };
        if self.key.is_empty() {
            what
        } else {
            format!("{}: {what}", self.key)
        }
    }
}

/// A key from the input as it may be shown: no control characters (a newline would forge a line of
/// the error output, an escape code would reach the terminal), at most 60 characters.
pub fn safe(key: &str) -> String {
    let mut out = String::new();
    for (i, c) in key.chars().enumerate() {
        if i == 60 {
            out.push('…');
            break;
        }
        if c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}') {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

type Result<T> = std::result::Result<T, InputError>;

/// Parse one household about one person (`applicant`).
pub fn parse_household(text: &str) -> Result<Facts> {
    let mut people = parse_people(text)?;
    if people.len() > 1 {
        return Err(InputError::new("people", Problem::OnePersonOnly));
    }
    Ok(people.remove(0))
}

/// Parse a household about one person (`applicant`) or several (`people`, a list of objects like
/// `applicant`): one set of facts per person, each with the place, the date and the household's
/// facts.
pub fn parse_people(text: &str) -> Result<Vec<Facts>> {
    let mut cx = Cx { facts: Facts::default(), people: None, error: None };
    let mut de = serde_json::Deserializer::from_str(text);
    let read = Section { cx: &mut cx, at: At::TOP }.deserialize(&mut de).and_then(|_| de.end());
    match (read, cx.error) {
        (_, Some(e)) => Err(e),
        (Err(e), None) => Err(InputError::new(
            "",
            Problem::NotJson { line: e.line(), column: e.column(), eof: e.classify() == serde_json::error::Category::Eof },
        )),
        (Ok(()), None) => Ok(match cx.people {
            None => vec![cx.facts],
            Some(people) => people
                .into_iter()
                .map(|mut p| {
                    p.jurisdiction = cx.facts.jurisdiction;
                    p.as_of = cx.facts.as_of;
                    for f in Fact::ALL.iter().filter(|f| f.is_household()) {
                        p.set(*f, cx.facts.get(*f).clone());
                    }
                    p
                })
                .collect(),
        }),
    }
}

/// What the reader has so far, and the first problem found.
struct Cx {
    /// The place, the date, the household's facts and, for one person, theirs.
    facts: Facts,
    /// Each person's own facts, when the input lists `people`.
    people: Option<Vec<Facts>>,
    error: Option<InputError>,
}

impl Cx {
    /// Keep the problem and stop reading.
    fn fail<E: serde::de::Error>(&mut self, key: &str, problem: Problem) -> E {
        if self.error.is_none() {
            self.error = Some(InputError::new(key, problem));
        }
        E::custom("")
    }
}

/// Where an object sits in the input: its section of the fact table, and for `people` the
/// person's position. Paths are put together only for a message.
#[derive(Clone, Copy)]
struct At {
    section: u8,
    person: Option<usize>,
}

impl At {
    const TOP: At = At { section: 0, person: None };

    /// "applicant.student", "people[1].student", or with a key: "people[1].age".
    fn path(self, key: Option<&str>) -> String {
        let section = JSON_SECTIONS[self.section as usize];
        let base = match self.person {
            Some(i) => format!("people[{i}]{}", section.strip_prefix("applicant").unwrap_or(section)),
            None => section.to_string(),
        };
        match key {
            Some(k) if base.is_empty() => k.to_string(),
            Some(k) => format!("{base}.{k}"),
            None => base,
        }
    }
}

/// The visitor methods for a value of the wrong shape: each reports what `$fail` says.
macro_rules! refuse_other_shapes {
    ($value:ty, $fail:ident) => {
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> std::result::Result<$value, E> {
            Err(self.$fail())
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> std::result::Result<$value, E> {
            Err(self.$fail())
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> std::result::Result<$value, E> {
            Err(self.$fail())
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> std::result::Result<$value, E> {
            Err(self.$fail())
        }
        fn visit_str<E: serde::de::Error>(self, _: &str) -> std::result::Result<$value, E> {
            Err(self.$fail())
        }
    };
}

/// A string from the input, borrowed when it has no escapes.
enum Str<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Str<'_> {
    fn as_str(&self) -> &str {
        match self {
            Str::Borrowed(s) => s,
            Str::Owned(s) => s,
        }
    }
}

/// One JSON value that is not an object or a list (those are read by their own seeds).
enum Scalar<'de> {
    Null,
    Bool(bool),
    Int(i128),
    Float,
    Str(Str<'de>),
    Compound,
}

struct ScalarSeed;

impl<'de> DeserializeSeed<'de> for ScalarSeed {
    type Value = Scalar<'de>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Scalar<'de>, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_unit<E>(self) -> std::result::Result<Scalar<'de>, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Scalar<'de>, E> {
        Ok(Scalar::Null)
    }
    fn visit_bool<E>(self, b: bool) -> std::result::Result<Scalar<'de>, E> {
        Ok(Scalar::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> std::result::Result<Scalar<'de>, E> {
        Ok(Scalar::Int(n as i128))
    }
    fn visit_u64<E>(self, n: u64) -> std::result::Result<Scalar<'de>, E> {
        Ok(Scalar::Int(n as i128))
    }
    fn visit_f64<E>(self, _: f64) -> std::result::Result<Scalar<'de>, E> {
        Ok(Scalar::Float)
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> std::result::Result<Scalar<'de>, E> {
        Ok(Scalar::Str(Str::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> std::result::Result<Scalar<'de>, E> {
        Ok(Scalar::Str(Str::Owned(s.to_string())))
    }
    // An object or list where a plain value belongs: the caller reports it; nothing more is read.
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> std::result::Result<Scalar<'de>, A::Error> {
        Ok(Scalar::Compound)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> std::result::Result<Scalar<'de>, A::Error> {
        Ok(Scalar::Compound)
    }
}

/// An object key.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Str<'de>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Str<'de>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> std::result::Result<Str<'de>, E> {
                Ok(Str::Borrowed(s))
            }
            fn visit_str<E>(self, s: &str) -> std::result::Result<Str<'de>, E> {
                Ok(Str::Owned(s.to_string()))
            }
        }
        d.deserialize_str(V)
    }
}

/// One object of the household JSON (the top level is section 0).
struct Section<'c> {
    cx: &'c mut Cx,
    at: At,
}

impl Section<'_> {
    fn not_object<E: serde::de::Error>(self) -> E {
        self.cx.fail(&self.at.path(None), Problem::NotAnObject)
    }
}

impl<'de> DeserializeSeed<'de> for Section<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Section<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let at = self.at;
        // Each key once: `"age":200,"age":45` is a mistake, not "the last one wins". Facts by their
        // position, the other keys (place, date, people, nested objects) by 64 + their number.
        let mut seen = [0u64; 2];
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let key = key.as_str();
            let top = at.section == 0 && at.person.is_none();
            let (bit, target) = match key {
                "jurisdiction" | "as_of" | "people" if top => {
                    (64 + ["jurisdiction", "as_of", "people"].iter().position(|k| *k == key).unwrap_or(0), None)
                }
                _ => match json_key(at.section, key) {
                    // `people` and `applicant` do not go together.
                    Some(JsonKey::Object(s)) if top && JSON_SECTIONS[s as usize] == "applicant" && self.cx.people.is_some() => {
                        return Err(self.cx.fail(key, Problem::PeopleAndApplicant))
                    }
                    Some(k @ (JsonKey::Fact(f) | JsonKey::FactObject(f, _))) => (f as usize, Some(k)),
                    Some(k @ JsonKey::Object(s)) => (67 + s as usize, Some(k)),
                    None => return Err(self.cx.fail(&at.path(Some(key)), Problem::UnknownKey)),
                },
            };
            if !first_time(&mut seen, bit) {
                return Err(self.cx.fail(&at.path(Some(key)), Problem::DuplicateKey));
            }
            let nested = |s: u8| At { section: s, person: at.person };
            match target {
                None if key == "people" => {
                    if applicant_seen(&seen) {
                        return Err(self.cx.fail(key, Problem::PeopleAndApplicant));
                    }
                    map.next_value_seed(PeopleSeed { cx: self.cx })?
                }
                None => {
                    let value = map.next_value_seed(ScalarSeed)?;
                    top_value(self.cx, key, value)?;
                }
                Some(JsonKey::Fact(fact)) => map.next_value_seed(FactSeed { cx: self.cx, fact, at, key })?,
                Some(JsonKey::Object(s)) => map.next_value_seed(Nested { cx: self.cx, at: nested(s), presence: None })?,
                Some(JsonKey::FactObject(f, s)) => map.next_value_seed(Nested { cx: self.cx, at: nested(s), presence: Some(f) })?,
            }
        }
        Ok(())
    }
    fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<(), E> {
        Err(self.not_object())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> std::result::Result<(), A::Error> {
        Err(self.not_object())
    }
    refuse_other_shapes!((), not_object);
}

/// Marks a key's bit as seen; false when it already was (the key is repeated).
fn first_time(seen: &mut [u64; 2], bit: usize) -> bool {
    let (word, mask) = (bit / 64, 1u64 << (bit % 64));
    let new = seen[word] & mask == 0;
    seen[word] |= mask;
    new
}

/// Whether the top level already had an `applicant` object (its `seen` bit).
fn applicant_seen(seen: &[u64; 2]) -> bool {
    let applicant = JSON_SECTIONS.iter().position(|s| *s == "applicant").unwrap_or(0);
    let bit = 67 + applicant;
    seen[bit / 64] & (1u64 << (bit % 64)) != 0
}

/// `people`: a list of objects like `applicant`, one per person.
struct PeopleSeed<'c> {
    cx: &'c mut Cx,
}

impl PeopleSeed<'_> {
    fn not_list<E: serde::de::Error>(self) -> E {
        self.cx.fail("people", Problem::NotList)
    }
}

impl<'de> DeserializeSeed<'de> for PeopleSeed<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PeopleSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let applicant = JSON_SECTIONS.iter().position(|s| *s == "applicant").unwrap_or(0) as u8;
        let mut people = Vec::new();
        loop {
            // Each person is read into a fresh set of facts.
            let household = std::mem::take(&mut self.cx.facts);
            let at = At { section: applicant, person: Some(people.len()) };
            let more = seq.next_element_seed(Section { cx: &mut *self.cx, at });
            let person = std::mem::replace(&mut self.cx.facts, household);
            if more?.is_none() {
                break;
            }
            people.push(person);
        }
        if people.is_empty() {
            return Err(self.cx.fail("people", Problem::NoPeople));
        }
        self.cx.people = Some(people);
        Ok(())
    }
    fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<(), E> {
        Err(self.not_list())
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> std::result::Result<(), A::Error> {
        Err(self.not_list())
    }
    refuse_other_shapes!((), not_list);
}

/// `jurisdiction` and `as_of`.
fn top_value<E: serde::de::Error>(cx: &mut Cx, key: &str, value: Scalar) -> std::result::Result<(), E> {
    match (key, value) {
        (_, Scalar::Null) => Ok(()),
        ("jurisdiction", Scalar::Str(s)) if place_index(s.as_str()).is_some() => {
            cx.facts.jurisdiction = place_index(s.as_str());
            Ok(())
        }
        ("jurisdiction", _) => Err(cx.fail(key, Problem::NotWord(places().iter().map(|p| p.id).collect()))),
        (_, Scalar::Str(s)) if calendar_date(s.as_str()).is_some() => {
            cx.facts.as_of = calendar_date(s.as_str());
            Ok(())
        }
        _ => Err(cx.fail(key, Problem::NotDate)),
    }
}

/// An object of further facts; for a fact object (a student) also `false`/`null` (no) and `true`.
struct Nested<'c> {
    cx: &'c mut Cx,
    at: At,
    presence: Option<Fact>,
}

impl Nested<'_> {
    fn not_object<E: serde::de::Error>(self) -> E {
        self.cx.fail(&self.at.path(None), Problem::NotAnObject)
    }
}

impl<'de> DeserializeSeed<'de> for Nested<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Nested<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<(), A::Error> {
        if let Some(f) = self.presence {
            self.cx.facts.set(f, Value::Bool(true));
        }
        Section { cx: self.cx, at: self.at }.visit_map(map)
    }
    fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<(), E> {
        // `null` is "not answered"; for a fact object (a student) it has always meant "no".
        if let Some(f) = self.presence {
            self.cx.facts.set(f, Value::Bool(false));
        }
        Ok(())
    }
    fn visit_bool<E: serde::de::Error>(self, b: bool) -> std::result::Result<(), E> {
        match self.presence {
            Some(f) => {
                self.cx.facts.set(f, Value::Bool(b));
                Ok(())
            }
            None => Err(self.not_object()),
        }
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> std::result::Result<(), E> {
        Err(self.not_object())
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> std::result::Result<(), E> {
        Err(self.not_object())
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> std::result::Result<(), E> {
        Err(self.not_object())
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> std::result::Result<(), E> {
        Err(self.not_object())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> std::result::Result<(), A::Error> {
        Err(self.not_object())
    }
}

/// The value of one fact.
struct FactSeed<'c, 'k> {
    cx: &'c mut Cx,
    fact: Fact,
    at: At,
    key: &'k str,
}

impl<'de> DeserializeSeed<'de> for FactSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        let FactSeed { cx, fact, at, key } = self;
        match fact.value_type() {
            FactType::Disabilities => d.deserialize_any(ListVisitor { cx, at, key, item: Item::Disability }),
            FactType::Needs => d.deserialize_any(ListVisitor { cx, at, key, item: Item::Need }),
            ty => {
                let value = ScalarSeed.deserialize(d)?;
                match scalar_value(fact, ty, value) {
                    Ok(Some(v)) => {
                        cx.facts.set(fact, v);
                        Ok(())
                    }
                    Ok(None) => Ok(()),
                    Err(p) => Err(cx.fail(&at.path(Some(key)), p)),
                }
            }
        }
    }
}

/// A yes/no, number, money or word answer; `None` for null (not answered).
fn scalar_value(fact: Fact, ty: FactType, value: Scalar) -> std::result::Result<Option<Value>, Problem> {
    Ok(Some(match (ty, value) {
        (_, Scalar::Null) => return Ok(None),
        (FactType::Bool, Scalar::Bool(b)) => Value::Bool(b),
        (FactType::Bool, _) => return Err(Problem::NotBool),
        (FactType::Number, value) => {
            let d = fact.def();
            match value {
                Scalar::Int(n) if (d.min as i128..=d.max as i128).contains(&n) => Value::Number(Decimal::from(n as i64)),
                _ => return Err(Problem::NotWholeNumber { min: d.min, max: d.max }),
            }
        }
        (FactType::Money, Scalar::Str(s)) => Value::Number(money(s.as_str())?),
        (FactType::Money, Scalar::Int(_) | Scalar::Float) => return Err(Problem::MoneyNotString),
        (FactType::Money, _) => return Err(Problem::NotMoney),
        (FactType::Word, Scalar::Str(s)) => match fact.word_index(s.as_str()) {
            Some(w) => Value::Word(w),
            None => return Err(not_word(fact)),
        },
        (FactType::Word, _) => return Err(not_word(fact)),
        _ => return Err(Problem::NotBool),
    }))
}

fn not_word(fact: Fact) -> Problem {
    Problem::NotWord(fact.words().iter().map(|w| w.name).collect())
}

/// Yuan written with digits and at most one decimal point and two decimals, below 100 million.
/// Strict on purpose: "1e3", "+1000", ".5" and "1_000" are refused rather than guessed at.
pub fn money(text: &str) -> std::result::Result<Decimal, Problem> {
    let t = text.trim();
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if int.is_empty()
        || !int.bytes().all(|c| c.is_ascii_digit())
        || !frac.bytes().all(|c| c.is_ascii_digit())
        || (t.contains('.') && frac.is_empty())
    {
        return Err(Problem::NotMoney);
    }
    if frac.len() > 2 {
        return Err(Problem::MoneyTooPrecise);
    }
    // Whole cents, counted digit by digit (no overflow: we stop above the limit).
    let mut cents: i64 = 0;
    for c in int.bytes().chain(frac.bytes()).chain(std::iter::repeat_n(b'0', 2 - frac.len())) {
        cents = cents * 10 + (c - b'0') as i64;
        if cents > MONEY_MAX_CENTS {
            return Err(Problem::MoneyTooLarge);
        }
    }
    Ok(Decimal::new(cents, 2).normalize())
}

/// The items of a list fact.
#[derive(Clone, Copy)]
enum Item {
    Disability,
    Need,
}

/// A list fact.
struct ListVisitor<'c, 'k> {
    cx: &'c mut Cx,
    at: At,
    key: &'k str,
    item: Item,
}

impl ListVisitor<'_, '_> {
    fn not_list<E: serde::de::Error>(self) -> E {
        self.cx.fail(&self.at.path(Some(self.key)), Problem::NotList)
    }
}

impl<'de> Visitor<'de> for ListVisitor<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let ListVisitor { cx, at, key, item } = self;
        let mut list = Vec::new();
        let mut mask = 0u16;
        let mut i = 0usize;
        let path = |i: usize| format!("{}[{i}]", at.path(Some(key)));
        loop {
            match item {
                Item::Disability => match seq.next_element_seed(DisabilitySeed { cx: &mut *cx, at, key, index: i })? {
                    Some(d) => list.push(d),
                    None => break,
                },
                Item::Need => match seq.next_element_seed(ScalarSeed)? {
                    Some(Scalar::Str(s)) if needs().iter().any(|w| w.name == s.as_str()) => {
                        mask |= 1 << needs().iter().position(|w| w.name == s.as_str()).unwrap_or(0)
                    }
                    Some(_) => return Err(cx.fail(&path(i), Problem::NotWord(needs().iter().map(|w| w.name).collect()))),
                    None => break,
                },
            }
            i += 1;
        }
        match item {
            Item::Disability => cx.facts.disabilities = Some(list),
            Item::Need => cx.facts.needs = Some(mask),
        }
        Ok(())
    }
    fn visit_unit<E>(self) -> std::result::Result<(), E> {
        Ok(()) // null: not answered
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> std::result::Result<(), A::Error> {
        Err(self.not_list())
    }
    refuse_other_shapes!((), not_list);
}

/// One `{kind, grade}` of the disabilities list (item `index` of the list).
struct DisabilitySeed<'c, 'k> {
    cx: &'c mut Cx,
    at: At,
    key: &'k str,
    index: usize,
}

impl DisabilitySeed<'_, '_> {
    fn path(&self, field: Option<&str>) -> String {
        let item = format!("{}[{}]", self.at.path(Some(self.key)), self.index);
        field.map(|f| format!("{item}.{f}")).unwrap_or(item)
    }
    fn not_object<E: serde::de::Error>(self) -> E {
        let path = self.path(None);
        self.cx.fail(&path, Problem::NotAnObject)
    }
}

impl<'de> DeserializeSeed<'de> for DisabilitySeed<'_, '_> {
    type Value = Disability;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Disability, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for DisabilitySeed<'_, '_> {
    type Value = Disability;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Disability, A::Error> {
        let (mut kind, mut grade, mut seen_grade) = (None, None, false);
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let key = key.as_str();
            match key {
                "kind" if kind.is_some() => return Err(self.cx.fail(&self.path(Some(key)), Problem::DuplicateKey)),
                "grade" if seen_grade => return Err(self.cx.fail(&self.path(Some(key)), Problem::DuplicateKey)),
                "kind" => match map.next_value_seed(ScalarSeed)? {
                    Scalar::Str(s) if kinds().iter().any(|w| w.name == s.as_str()) => {
                        kind = kinds().iter().position(|w| w.name == s.as_str()).map(|k| k as u8)
                    }
                    _ => return Err(self.cx.fail(&self.path(Some(key)), Problem::NotWord(kinds().iter().map(|w| w.name).collect()))),
                },
                "grade" => {
                    seen_grade = true;
                    match map.next_value_seed(ScalarSeed)? {
                        Scalar::Null => {}
                        Scalar::Int(g) if (1..=4).contains(&g) => grade = Some(g as u8),
                        _ => return Err(self.cx.fail(&self.path(Some(key)), Problem::NotWholeNumber { min: 1, max: 4 })),
                    }
                }
                _ => return Err(self.cx.fail(&self.path(Some(key)), Problem::UnknownKey)),
            }
        }
        match kind {
            Some(kind) => Ok(Disability { kind, grade }),
            None => Err(self.cx.fail(&self.path(Some("kind")), Problem::MissingKey)),
        }
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> std::result::Result<Disability, A::Error> {
        Err(self.not_object())
    }
    fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Disability, E> {
        Err(self.not_object())
    }
    refuse_other_shapes!(Disability, not_object);
}
