//! The compact screening line of `evaluate --batch --compact`.

use super::super::engine::{self, Status};
use super::super::facts::Facts;
use super::super::policy::{national_only_place, places};

/// The compact screening line for a registry run (`evaluate --batch --compact`): for each finding
/// a person may be missing out on, the id, status, the yuan figure where there is one, and the
/// facts that would settle it. Written by hand: at registry scale the answer text is the cost.
pub fn write_compact(out: &mut impl std::io::Write, facts: &Facts, line: usize) -> std::io::Result<()> {
    // Built in one buffer with plain pushes: formatting machinery was most of the cost.
    let j = facts.jurisdiction.or_else(national_only_place).unwrap_or(0);
    let mut b = String::with_capacity(2048);
    b.push_str(r#"{"line":"#);
    b.push_str(&line.to_string());
    b.push_str(r#","jurisdiction":""#);
    b.push_str(places()[j as usize].id);
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
