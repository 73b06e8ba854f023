//! Helpers shared by the native tests.
#![allow(dead_code)]

use benefits::rules::engine::{evaluate, Finding, Status};
use benefits::rules::json::parse_household;
use benefits::rules::Facts;

/// Facts from the household JSON of facts.md (panics on bad JSON: tests write good JSON).
pub fn facts(json: &str) -> Facts {
    parse_household(json).unwrap_or_else(|e| panic!("test household: {}", e.message(benefits::rules::Lang::En)))
}

/// The finding for one benefit id, if the benefit was listed.
pub fn finding(facts: &Facts, id: &str) -> Option<Finding> {
    evaluate(facts).into_iter().find(|f| f.benefit.id == id)
}

pub fn status(facts: &Facts, id: &str) -> Option<Status> {
    finding(facts, id).map(|f| f.status)
}

/// The amount figure the engine worked out, as a string ("4000").
pub fn amount(facts: &Facts, id: &str) -> Option<String> {
    finding(facts, id).and_then(|f| f.amount.value).map(|v| v.normalize().to_string())
}

/// An ejinhoro household: local, certified, with one disability; `extra` adds applicant keys.
pub fn ejinhoro(kind: &str, grade: u8, extra: &str) -> Facts {
    facts(&format!(
        r#"{{"jurisdiction":"ejinhoro","as_of":"2025-06-01","applicant":{{"age":40,"has_certificate":true,"local_hukou":true,"residence":"urban","disabilities":[{{"kind":"{kind}","grade":{grade}}}]{extra}}}}}"#
    ))
}
