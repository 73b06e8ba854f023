//! The household JSON of ../shared/policy/facts.md: parsing with messages that name the key and
//! the problem, and the answer JSON that `evaluate` prints.

use super::engine::{self, explain, open_cases, Finding, Status};
use super::facts::{format_date, parse_date, Disability, Facts, Value};
use super::policy::{jurisdiction, AmountKind, Lang, DOCUMENTS};
use super::vocab::{index_of, Fact, JURISDICTIONS, KINDS, NEEDS};
use super::words;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value as Json};
use std::str::FromStr;

/// What is wrong with one key of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Dotted path of the key, e.g. `applicant.age` ("" for the whole input).
    pub key: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotJson(String),
    NotAnObject,
    UnknownKey,
    MissingKey,
    NotBool,
    NotWholeNumber { min: i64, max: i64 },
    NotWord(Vec<&'static str>),
    NotDate,
    /// Money must be a decimal string, not a JSON number (floats lose cents).
    MoneyNotString,
    NotMoney,
    NotList,
}

impl InputError {
    fn new(key: &str, problem: Problem) -> Self {
        InputError { key: key.to_string(), problem }
    }

    pub fn message(&self, lang: Lang) -> String {
        let what = match (&self.problem, lang) {
            (Problem::NotJson(e), Lang::Zh) => format!("不是有效的 JSON（{e}）"),
            (Problem::NotJson(e), Lang::En) => format!("not valid JSON ({e})"),
            (Problem::NotAnObject, Lang::Zh) => "应为一个对象 {…}".into(),
            (Problem::NotAnObject, Lang::En) => "must be an object {…}".into(),
            (Problem::UnknownKey, Lang::Zh) => "不认识这个键，请检查拼写（见 facts.md）".into(),
            (Problem::UnknownKey, Lang::En) => "unknown key; check the spelling (see facts.md)".into(),
            (Problem::MissingKey, Lang::Zh) => "缺少这个键".into(),
            (Problem::MissingKey, Lang::En) => "this key is required".into(),
            (Problem::NotBool, Lang::Zh) => "应为 true 或 false".into(),
            (Problem::NotBool, Lang::En) => "must be true or false".into(),
            (Problem::NotWholeNumber { min, max }, Lang::Zh) => format!("应为 {min} 到 {max} 之间的整数"),
            (Problem::NotWholeNumber { min, max }, Lang::En) => format!("must be a whole number from {min} to {max}"),
            (Problem::NotWord(words), Lang::Zh) => format!("应为以下之一：{}", words.join("、")),
            (Problem::NotWord(words), Lang::En) => format!("must be one of: {}", words.join(", ")),
            (Problem::NotDate, Lang::Zh) => "应为日期，格式 YYYY-MM-DD".into(),
            (Problem::NotDate, Lang::En) => "must be a date written YYYY-MM-DD".into(),
            (Problem::MoneyNotString, Lang::Zh) => "金额请写成带引号的数字，例如 \"20000\"".into(),
            (Problem::MoneyNotString, Lang::En) => "write money as a quoted decimal, e.g. \"20000\"".into(),
            (Problem::NotMoney, Lang::Zh) => "应为不小于 0 的金额，例如 \"1234.50\"".into(),
            (Problem::NotMoney, Lang::En) => "must be an amount of 0 or more, e.g. \"1234.50\"".into(),
            (Problem::NotList, Lang::Zh) => "应为列表 […]".into(),
            (Problem::NotList, Lang::En) => "must be a list […]".into(),
        };
        if self.key.is_empty() {
            what
        } else {
            format!("{}: {what}", self.key)
        }
    }
}

type Result<T> = std::result::Result<T, InputError>;

/// Parse one household. Absent keys stay unanswered; unknown keys and bad values are errors.
pub fn parse_household(text: &str) -> Result<Facts> {
    // Well-formed input (nearly every line of a registry export) takes the typed fast path; anything
    // it does not accept is read again by the careful path, which names the key and the problem.
    match fast::parse(text) {
        Some(facts) => Ok(facts),
        None => parse_household_carefully(text),
    }
}

/// The careful path: a JSON tree walked key by key, with a message for every problem.
pub fn parse_household_carefully(text: &str) -> Result<Facts> {
    let json: Json = serde_json::from_str(text).map_err(|e| InputError::new("", Problem::NotJson(e.to_string())))?;
    household_from_json(&json)
}

/// Typed, borrowing deserialisation for the common case. Returns `None` for anything unusual
/// (unknown key, wrong type, value out of range, escaped strings): the careful path then decides.
mod fast {
    use super::super::facts::{parse_date, Disability, Facts, Value};
    use super::super::vocab::{index_of, Fact, FactType, JURISDICTIONS, KINDS, NEEDS};
    use rust_decimal::Decimal;
    use serde::de::{Deserializer, MapAccess, Visitor};
    use serde::Deserialize;
    use std::str::FromStr;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Household<'a> {
        #[serde(borrow)]
        jurisdiction: Option<&'a str>,
        #[serde(borrow)]
        as_of: Option<&'a str>,
        #[serde(borrow)]
        applicant: Option<Applicant<'a>>,
        #[serde(borrow)]
        household: Option<Home<'a>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Applicant<'a> {
        age: Option<i64>,
        #[serde(borrow)]
        sex: Option<&'a str>,
        has_certificate: Option<bool>,
        local_hukou: Option<bool>,
        #[serde(borrow)]
        residence: Option<&'a str>,
        #[serde(borrow)]
        disabilities: Option<Vec<Dis<'a>>>,
        autism: Option<bool>,
        needs_long_term_care: Option<bool>,
        able_to_work: Option<bool>,
        #[serde(borrow)]
        employment: Option<&'a str>,
        hard_to_employ_certified: Option<bool>,
        paid_own_insurance_last_year: Option<bool>,
        public_payroll: Option<bool>,
        full_medical_coverage: Option<bool>,
        veteran_or_injured_police: Option<bool>,
        uses_motorized_wheelchair: Option<bool>,
        #[serde(default, borrow)]
        student: StudentField<'a>,
        #[serde(borrow)]
        needs: Option<Vec<&'a str>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Dis<'a> {
        #[serde(borrow)]
        kind: &'a str,
        grade: Option<i64>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Student<'a> {
        #[serde(borrow)]
        level: Option<&'a str>,
        #[serde(borrow)]
        stage: Option<&'a str>,
        #[serde(borrow)]
        annual_fees_yuan: Option<&'a str>,
        graduating_this_year: Option<bool>,
    }

    /// Absent (not answered), `false`/`null` (not a student), or the student's details.
    #[derive(Default)]
    enum StudentField<'a> {
        #[default]
        Absent,
        No,
        Yes(Student<'a>),
    }

    impl<'de: 'a, 'a> Deserialize<'de> for StudentField<'a> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
            struct V<'a>(std::marker::PhantomData<&'a ()>);
            impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
                type Value = StudentField<'a>;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("false, null or an object")
                }
                fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
                    Ok(StudentField::No)
                }
                fn visit_none<E>(self) -> std::result::Result<Self::Value, E> {
                    Ok(StudentField::No)
                }
                fn visit_bool<E: serde::de::Error>(self, b: bool) -> std::result::Result<Self::Value, E> {
                    if b {
                        Err(E::custom("true is not a student object"))
                    } else {
                        Ok(StudentField::No)
                    }
                }
                fn visit_map<M: MapAccess<'de>>(self, map: M) -> std::result::Result<Self::Value, M::Error> {
                    Student::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(StudentField::Yes)
                }
            }
            d.deserialize_any(V(std::marker::PhantomData))
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Home<'a> {
        #[serde(borrow)]
        status: Option<&'a str>,
        disabled_members: Option<i64>,
        supported_by_elderly_parents: Option<bool>,
        no_one_employed: Option<bool>,
        #[serde(borrow)]
        housing: Option<&'a str>,
        parent_has_disability_certificate: Option<bool>,
        #[serde(borrow)]
        sudden_hardship: Option<&'a str>,
        #[serde(borrow)]
        inpatient_out_of_pocket_yuan: Option<&'a str>,
    }

    fn word(f: &mut Facts, fact: Fact, v: Option<&str>) -> Option<()> {
        if let Some(v) = v {
            let FactType::Word(list) = fact.value_type() else { return None };
            f.set(fact, Value::Word(index_of(list, v)? as u8));
        }
        Some(())
    }

    fn flag(f: &mut Facts, fact: Fact, v: Option<bool>) {
        if let Some(b) = v {
            f.set(fact, Value::Bool(b));
        }
    }

    fn money(v: &str) -> Option<Decimal> {
        Decimal::from_str(v.trim()).ok().filter(|d| !d.is_sign_negative() && d.scale() <= 2 && *d < Decimal::from(100_000_000))
    }

    pub fn parse(text: &str) -> Option<Facts> {
        let h: Household = serde_json::from_str(text).ok()?;
        let mut f = Facts::default();
        if let Some(j) = h.jurisdiction {
            f.jurisdiction = Some(index_of(&JURISDICTIONS, j)? as u8);
        }
        if let Some(d) = h.as_of {
            f.as_of = Some(parse_date(d)?);
        }
        if let Some(a) = h.applicant {
            if let Some(age) = a.age {
                (0..=120).contains(&age).then_some(())?;
                f.set(Fact::Age, Value::Number(age.into()));
            }
            word(&mut f, Fact::Sex, a.sex)?;
            flag(&mut f, Fact::Certificate, a.has_certificate);
            flag(&mut f, Fact::LocalHukou, a.local_hukou);
            word(&mut f, Fact::Residence, a.residence)?;
            flag(&mut f, Fact::Autism, a.autism);
            flag(&mut f, Fact::LongTermCare, a.needs_long_term_care);
            flag(&mut f, Fact::AbleToWork, a.able_to_work);
            word(&mut f, Fact::Employment, a.employment)?;
            flag(&mut f, Fact::HardToEmploy, a.hard_to_employ_certified);
            flag(&mut f, Fact::PaidOwnInsurance, a.paid_own_insurance_last_year);
            flag(&mut f, Fact::PublicPayroll, a.public_payroll);
            flag(&mut f, Fact::FullMedicalCoverage, a.full_medical_coverage);
            flag(&mut f, Fact::Veteran, a.veteran_or_injured_police);
            flag(&mut f, Fact::MotorizedWheelchair, a.uses_motorized_wheelchair);
            if let Some(list) = a.disabilities {
                let mut out = Vec::with_capacity(list.len());
                for d in list {
                    let grade = match d.grade {
                        None => None,
                        Some(g) if (1..=4).contains(&g) => Some(g as u8),
                        Some(_) => return None,
                    };
                    out.push(Disability { kind: index_of(&KINDS, d.kind)? as u8, grade });
                }
                f.disabilities = Some(out);
            }
            if let Some(needs) = a.needs {
                let mut mask = 0u16;
                for n in needs {
                    mask |= 1 << index_of(&NEEDS, n)?;
                }
                f.needs = Some(mask);
            }
            match a.student {
                StudentField::Absent => {}
                StudentField::No => f.set(Fact::Student, Value::Bool(false)),
                StudentField::Yes(s) => {
                    f.set(Fact::Student, Value::Bool(true));
                    word(&mut f, Fact::StudentLevel, s.level)?;
                    word(&mut f, Fact::StudentStage, s.stage)?;
                    if let Some(fees) = s.annual_fees_yuan {
                        f.set(Fact::StudentFees, Value::Number(money(fees)?));
                    }
                    flag(&mut f, Fact::Graduating, s.graduating_this_year);
                }
            }
        }
        if let Some(h) = h.household {
            word(&mut f, Fact::HouseholdStatus, h.status)?;
            if let Some(n) = h.disabled_members {
                (1..=20).contains(&n).then_some(())?;
                f.set(Fact::DisabledMembers, Value::Number(n.into()));
            }
            flag(&mut f, Fact::ElderlyParents, h.supported_by_elderly_parents);
            flag(&mut f, Fact::NoOneEmployed, h.no_one_employed);
            word(&mut f, Fact::Housing, h.housing)?;
            flag(&mut f, Fact::ParentCertificate, h.parent_has_disability_certificate);
            word(&mut f, Fact::SuddenHardship, h.sudden_hardship)?;
            if let Some(c) = h.inpatient_out_of_pocket_yuan {
                f.set(Fact::InpatientCost, Value::Number(money(c)?));
            }
        }
        Some(f)
    }
}

pub fn household_from_json(json: &Json) -> Result<Facts> {
    let top = object(json, "")?;
    let mut facts = Facts::default();
    for (key, value) in top {
        if value.is_null() {
            continue; // null: not answered, like an absent key
        }
        match key.as_str() {
            "jurisdiction" => facts.jurisdiction = Some(word(value, key, &JURISDICTIONS)?),
            "as_of" => facts.as_of = Some(date(value, key)?),
            "applicant" => applicant(value, &mut facts)?,
            "household" => household(value, &mut facts)?,
            _ => return Err(InputError::new(key, Problem::UnknownKey)),
        }
    }
    Ok(facts)
}

fn object<'a>(json: &'a Json, key: &str) -> Result<&'a Map<String, Json>> {
    json.as_object().ok_or_else(|| InputError::new(key, Problem::NotAnObject))
}

fn word(v: &Json, key: &str, list: &[&'static str]) -> Result<u8> {
    v.as_str()
        .and_then(|s| index_of(list, s))
        .map(|i| i as u8)
        .ok_or_else(|| InputError::new(key, Problem::NotWord(list.to_vec())))
}

fn boolean(v: &Json, key: &str) -> Result<bool> {
    v.as_bool().ok_or_else(|| InputError::new(key, Problem::NotBool))
}

fn whole(v: &Json, key: &str, min: i64, max: i64) -> Result<i64> {
    v.as_i64()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| InputError::new(key, Problem::NotWholeNumber { min, max }))
}

fn date(v: &Json, key: &str) -> Result<u32> {
    v.as_str().and_then(parse_date).ok_or_else(|| InputError::new(key, Problem::NotDate))
}

fn money(v: &Json, key: &str) -> Result<Decimal> {
    match v {
        Json::Number(_) => Err(InputError::new(key, Problem::MoneyNotString)),
        Json::String(s) => Decimal::from_str(s.trim())
            .ok()
            .filter(|d| !d.is_sign_negative() && d.scale() <= 2 && *d < Decimal::from(100_000_000))
            .ok_or_else(|| InputError::new(key, Problem::NotMoney)),
        _ => Err(InputError::new(key, Problem::NotMoney)),
    }
}

fn set_word(facts: &mut Facts, fact: Fact, v: &Json, key: &str) -> Result<()> {
    let super::vocab::FactType::Word(list) = fact.value_type() else { unreachable!("word fact") };
    facts.set(fact, Value::Word(word(v, key, list)?));
    Ok(())
}

fn set_bool(facts: &mut Facts, fact: Fact, v: &Json, key: &str) -> Result<()> {
    facts.set(fact, Value::Bool(boolean(v, key)?));
    Ok(())
}

fn applicant(json: &Json, facts: &mut Facts) -> Result<()> {
    for (k, v) in object(json, "applicant")? {
        let key = format!("applicant.{k}");
        let key = key.as_str();
        // null is "not answered", except for student, where it means "not a student".
        if v.is_null() && k != "student" {
            continue;
        }
        match k.as_str() {
            "age" => facts.set(Fact::Age, Value::Number(whole(v, key, 0, 120)?.into())),
            "sex" => set_word(facts, Fact::Sex, v, key)?,
            "has_certificate" => set_bool(facts, Fact::Certificate, v, key)?,
            "local_hukou" => set_bool(facts, Fact::LocalHukou, v, key)?,
            "residence" => set_word(facts, Fact::Residence, v, key)?,
            "autism" => set_bool(facts, Fact::Autism, v, key)?,
            "needs_long_term_care" => set_bool(facts, Fact::LongTermCare, v, key)?,
            "able_to_work" => set_bool(facts, Fact::AbleToWork, v, key)?,
            "employment" => set_word(facts, Fact::Employment, v, key)?,
            "hard_to_employ_certified" => set_bool(facts, Fact::HardToEmploy, v, key)?,
            "paid_own_insurance_last_year" => set_bool(facts, Fact::PaidOwnInsurance, v, key)?,
            "public_payroll" => set_bool(facts, Fact::PublicPayroll, v, key)?,
            "full_medical_coverage" => set_bool(facts, Fact::FullMedicalCoverage, v, key)?,
            "veteran_or_injured_police" => set_bool(facts, Fact::Veteran, v, key)?,
            "uses_motorized_wheelchair" => set_bool(facts, Fact::MotorizedWheelchair, v, key)?,
            "disabilities" => facts.disabilities = Some(disabilities(v, key)?),
            "needs" => {
                let list = v.as_array().ok_or_else(|| InputError::new(key, Problem::NotList))?;
                let mut mask = 0u16;
                for (i, n) in list.iter().enumerate() {
                    mask |= 1 << word(n, &format!("{key}[{i}]"), &NEEDS)?;
                }
                facts.needs = Some(mask);
            }
            "student" => student(v, facts)?,
            _ => return Err(InputError::new(key, Problem::UnknownKey)),
        }
    }
    Ok(())
}

fn disabilities(v: &Json, key: &str) -> Result<Vec<Disability>> {
    let list = v.as_array().ok_or_else(|| InputError::new(key, Problem::NotList))?;
    let mut out = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let at = format!("{key}[{i}]");
        let mut kind = None;
        let mut grade = None;
        for (k, v) in object(item, &at)? {
            let key = format!("{at}.{k}");
            match k.as_str() {
                "kind" => kind = Some(word(v, &key, &KINDS)?),
                "grade" if v.is_null() => {}
                "grade" => grade = Some(whole(v, &key, 1, 4)? as u8),
                _ => return Err(InputError::new(&key, Problem::UnknownKey)),
            }
        }
        let kind = kind.ok_or_else(|| InputError::new(&format!("{at}.kind"), Problem::MissingKey))?;
        out.push(Disability { kind, grade });
    }
    Ok(out)
}

fn student(v: &Json, facts: &mut Facts) -> Result<()> {
    // `false` or null: not a student. Absent: not answered.
    if v.is_null() || v == &Json::Bool(false) {
        facts.set(Fact::Student, Value::Bool(false));
        return Ok(());
    }
    facts.set(Fact::Student, Value::Bool(true));
    for (k, v) in object(v, "applicant.student")? {
        let key = format!("applicant.student.{k}");
        let key = key.as_str();
        if v.is_null() {
            continue;
        }
        match k.as_str() {
            "level" => set_word(facts, Fact::StudentLevel, v, key)?,
            "stage" => set_word(facts, Fact::StudentStage, v, key)?,
            "annual_fees_yuan" => facts.set(Fact::StudentFees, Value::Number(money(v, key)?)),
            "graduating_this_year" => set_bool(facts, Fact::Graduating, v, key)?,
            _ => return Err(InputError::new(key, Problem::UnknownKey)),
        }
    }
    Ok(())
}

fn household(json: &Json, facts: &mut Facts) -> Result<()> {
    for (k, v) in object(json, "household")? {
        let key = format!("household.{k}");
        let key = key.as_str();
        if v.is_null() {
            continue;
        }
        match k.as_str() {
            "status" => set_word(facts, Fact::HouseholdStatus, v, key)?,
            "disabled_members" => facts.set(Fact::DisabledMembers, Value::Number(whole(v, key, 1, 20)?.into())),
            "supported_by_elderly_parents" => set_bool(facts, Fact::ElderlyParents, v, key)?,
            "no_one_employed" => set_bool(facts, Fact::NoOneEmployed, v, key)?,
            "housing" => set_word(facts, Fact::Housing, v, key)?,
            "parent_has_disability_certificate" => set_bool(facts, Fact::ParentCertificate, v, key)?,
            "sudden_hardship" => set_word(facts, Fact::SuddenHardship, v, key)?,
            "inpatient_out_of_pocket_yuan" => facts.set(Fact::InpatientCost, Value::Number(money(v, key)?)),
            _ => return Err(InputError::new(key, Problem::UnknownKey)),
        }
    }
    Ok(())
}

// ---- The answer ----

#[derive(Serialize)]
pub struct Answer {
    /// The input line, in batch mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub jurisdiction: &'static str,
    pub as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
    pub findings: Vec<FindingJson>,
    pub missing: Vec<&'static str>,
}

/// One finding. In a screening batch (`Detail::Open`) the long texts (notes, the citation's
/// paraphrase, documents to bring) are left out: the id, status, amount, reasons, document and
/// section are what a caseworker needs to follow up, and they keep the output small.
#[derive(Serialize)]
pub struct FindingJson {
    pub id: &'static str,
    pub name: &'static str,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<AmountJson>,
    pub reasons: Vec<String>,
    pub citation: CitationJson,
    pub missing: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<&'static str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub apply_to: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bring: Vec<&'static str>,
}

#[derive(Serialize)]
pub struct AmountJson {
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yuan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub at_least: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<String>,
    pub text: String,
}

#[derive(Serialize)]
pub struct CitationJson {
    pub document: String,
    pub section: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub text: &'static str,
}

/// Which findings an answer lists.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Every finding with reasons (one household).
    Full,
    /// Likely, possible and services only (registry screening: who may be missing out).
    Open,
}

pub fn answer(facts: &Facts, lang: Lang, detail: Detail) -> Answer {
    let j = facts.jurisdiction.unwrap_or(engine::OTHER);
    let place = jurisdiction(j);
    let findings = engine::evaluate(facts);
    let missing = engine::ranked_missing(&findings, Default::default()).into_iter().map(|(f, _)| f.name()).collect();
    let document = if place.seed.is_empty() {
        place.document.get(lang).to_string()
    } else {
        format!("{} {} {}", place.seed, place.name.get(lang), place.number).trim_end().to_string()
    };
    let findings = findings
        .iter()
        .filter(|f| detail == Detail::Full || f.status != Status::Unlikely)
        .map(|f| finding_json(f, facts, lang, &document, detail))
        .collect();
    Answer {
        line: None,
        jurisdiction: JURISDICTIONS[j as usize],
        as_of: facts.as_of.map(format_date).unwrap_or_default(),
        notice: (j == engine::OTHER).then(|| place.notes.first().map(|n| n.get(lang)).unwrap_or("")),
        findings,
        missing,
    }
}

fn finding_json(f: &Finding, facts: &Facts, lang: Lang, document: &str, detail: Detail) -> FindingJson {
    let full = detail == Detail::Full;
    let b = f.benefit;
    let mut warnings = Vec::new();
    if f.warnings.draft {
        warnings.push("draft");
    }
    if f.warnings.expired {
        warnings.push("period_ended");
    }
    if f.warnings.not_yet {
        warnings.push("not_yet_in_force");
    }
    if f.warnings.office_checks {
        warnings.push("office_checks_other_conditions");
    }
    let amount = match f.amount.case {
        Some(case) => Some(amount_json(case, f.amount.value, lang)),
        None => {
            let open = open_cases(b, facts);
            (!open.is_empty() && f.status != Status::Unlikely).then(|| AmountJson {
                kind: "depends",
                yuan: None,
                min: None,
                max: None,
                percent: None,
                of: None,
                cap: None,
                at_least: false,
                estimate: None,
                text: open.iter().map(|c| words::describe_amount(c, lang)).collect::<Vec<_>>().join(" / "),
            })
        }
    };
    FindingJson {
        id: b.id,
        name: b.name.get(lang),
        status: f.status.name(),
        amount,
        reasons: explain(f, facts).iter().map(|l| words::describe_leaf(l, lang)).collect(),
        citation: CitationJson { document: document.to_string(), section: b.cite.section, text: if full { b.cite.text.get(lang) } else { "" } },
        missing: f.missing.iter().map(Fact::name).collect(),
        warnings,
        notes: if full { b.notes.iter().map(|n| n.get(lang)).collect() } else { Vec::new() },
        apply_to: b.departments.first().map(|d| d.get(lang)).unwrap_or(""),
        bring: if full { b.bring.iter().map(|i| DOCUMENTS[*i as usize].1.get(lang)).collect() } else { Vec::new() },
    }
}

fn amount_json(case: &super::policy::Amount, value: Option<Decimal>, lang: Lang) -> AmountJson {
    let s = |m: Option<super::policy::Money>| m.map(|m| m.decimal().to_string());
    AmountJson {
        kind: case.kind.name(),
        yuan: s(case.yuan),
        min: s(case.min),
        max: s(case.max),
        percent: s(case.percent),
        of: case.of.map(|f| match f {
            Fact::StudentFees => "student_fees",
            _ => "inpatient_cost",
        }),
        cap: s(case.cap),
        at_least: case.at_least,
        estimate: if case.kind == AmountKind::Percent { value.map(|v| v.to_string()) } else { None },
        text: words::describe_amount(case, lang),
    }
}

/// The compact screening line for a registry run (`evaluate --batch --compact`): for each finding
/// a person may be missing out on, the id, status, the yuan figure where there is one, and the
/// facts that would settle it. Written by hand: at registry scale the answer text is the cost.
pub fn write_compact(out: &mut impl std::io::Write, facts: &Facts, line: usize) -> std::io::Result<()> {
    // Built in one buffer with plain pushes: formatting machinery was most of the cost.
    let j = facts.jurisdiction.unwrap_or(engine::OTHER);
    let mut b = String::with_capacity(2048);
    b.push_str(r#"{"line":"#);
    b.push_str(&line.to_string());
    b.push_str(r#","jurisdiction":""#);
    b.push_str(JURISDICTIONS[j as usize]);
    b.push_str(r#"","findings":["#);
    let mut first = true;
    for f in engine::evaluate(facts).iter().filter(|f| f.status != Status::Unlikely) {
        if !first {
            b.push(',');
        }
        first = false;
        b.push_str(r#"{"id":""#);
        b.push_str(f.benefit.id);
        b.push_str(r#"","status":""#);
        b.push_str(f.status.name());
        b.push('"');
        if let (Some(case), Some(v)) = (f.amount.case, f.amount.value) {
            b.push_str(r#","amount":{"kind":""#);
            b.push_str(case.kind.name());
            b.push_str(r#"","yuan":""#);
            b.push_str(&v.normalize().to_string());
            b.push_str(r#""}"#);
        }
        if !f.missing.is_empty() {
            b.push_str(r#","missing":["#);
            for (i, m) in f.missing.iter().enumerate() {
                if i > 0 {
                    b.push(',');
                }
                b.push('"');
                b.push_str(m.name());
                b.push('"');
            }
            b.push(']');
        }
        b.push('}');
    }
    b.push_str("]}\n");
    out.write_all(b.as_bytes())
}
