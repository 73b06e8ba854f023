//! The answer `evaluate` prints: the presenter's cards (see `present`) as JSON.

use super::super::engine::{self, Status};
use super::super::facts::{format_date, Facts};
use super::super::policy::{jurisdiction, national_only_place, places, Amount, AmountKind, Lang};
use super::super::present::{card, document_name, Card};
use rust_decimal::Decimal;
use serde::Serialize;

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
    /// Yearly cash likely paid to the person (see `engine::yearly_total`), in yuan.
    pub yearly_total: String,
}

/// The answer for several people of one household (`people` in the input).
#[derive(Serialize)]
pub struct HouseholdAnswer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub jurisdiction: &'static str,
    pub as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
    /// One answer per person, in input order (`person` 1 is the first).
    pub people: Vec<PersonAnswer>,
    /// The yearly cash of everyone together.
    pub yearly_total: String,
}

#[derive(Serialize)]
pub struct PersonAnswer {
    pub person: usize,
    pub findings: Vec<FindingJson>,
    pub missing: Vec<&'static str>,
    pub yearly_total: String,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_by: Option<&'static str>,
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
    let j = facts.jurisdiction.or_else(national_only_place).unwrap_or(0);
    let place = jurisdiction(j);
    let findings = engine::evaluate(facts);
    let missing = engine::ranked_missing(&findings, Default::default()).into_iter().map(|(f, _)| f.name()).collect();
    let document = document_name(place, lang);
    let mut listed = Vec::with_capacity(findings.len());
    for f in findings.iter().filter(|f| detail == Detail::Full || f.status != Status::Unlikely) {
        listed.push(finding_json(card(f, facts, lang, &document), f.amount.value, detail));
    }
    Answer {
        line: None,
        jurisdiction: places()[j as usize].id,
        as_of: facts.as_of.map(format_date).unwrap_or_default(),
        notice: place.national_only.then(|| place.notes.first().map(|n| n.get(lang)).unwrap_or("")),
        findings: listed,
        missing,
        yearly_total: engine::yearly_total(&findings).normalize().to_string(),
    }
}

/// The answer for several people of one household: each person's findings and yearly total, and
/// the household's.
pub fn household_answer(people: &[Facts], lang: Lang, detail: Detail) -> HouseholdAnswer {
    let mut total = Decimal::ZERO;
    let mut answers = Vec::new();
    for (i, facts) in people.iter().enumerate() {
        let a = answer(facts, lang, detail);
        total += a.yearly_total.parse::<Decimal>().unwrap_or_default();
        answers.push(PersonAnswer { person: i + 1, findings: a.findings, missing: a.missing, yearly_total: a.yearly_total });
    }
    let first = people.first().cloned().unwrap_or_default();
    let one = answer(&first, lang, Detail::Open);
    HouseholdAnswer {
        line: None,
        jurisdiction: one.jurisdiction,
        as_of: one.as_of,
        notice: one.notice,
        people: answers,
        yearly_total: total.normalize().to_string(),
    }
}

fn finding_json(mut c: Card, value: Option<Decimal>, detail: Detail) -> FindingJson {
    let amount_text = std::mem::take(&mut c.amount.text);
    let full = detail == Detail::Full;
    let amount = match c.amount.case {
        Some(case) => Some(amount_json(case, value, amount_text)),
        None if c.amount.depends => Some(AmountJson {
            kind: "depends",
            yuan: None,
            min: None,
            max: None,
            percent: None,
            of: None,
            cap: None,
            at_least: false,
            estimate: None,
            text: amount_text,
        }),
        None => None,
    };
    FindingJson {
        id: c.id(),
        name: c.name(),
        status: c.status.name(),
        citation: CitationJson { document: c.document.to_string(), section: c.section(), text: if full { c.cite() } else { "" } },
        missing: c.missing.iter().map(|f| f.name()).collect(),
        warnings: c.warnings.iter().map(|w| w.code()).collect(),
        notes: if full { c.notes().collect() } else { Vec::new() },
        apply_to: c.apply_at(),
        paid_by: c.paid_by(),
        bring: if full { c.bring().collect() } else { Vec::new() },
        amount,
        reasons: c.reasons.into_iter().map(|r| r.text).collect(),
    }
}

fn amount_json(case: &Amount, value: Option<Decimal>, text: String) -> AmountJson {
    let s = |m: Option<super::super::policy::Money>| m.map(|m| m.decimal().to_string());
    AmountJson {
        kind: case.kind.name(),
        yuan: s(case.yuan),
        min: s(case.min),
        max: s(case.max),
        percent: s(case.percent),
        of: case.of.map(|f| f.name()),
        cap: s(case.cap),
        at_least: case.at_least,
        estimate: if case.kind == AmountKind::Percent { value.map(|v| v.to_string()) } else { None },
        text,
    }
}
