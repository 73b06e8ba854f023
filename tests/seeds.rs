//! The policy data against the catalog: every catalog entry of the five places is encoded with its
//! id, the right kind of rule for its confidence, a citation and both languages; institution-only
//! money (catalog Appendix B) is never a personal benefit.

use benefits::rules::policy::{jurisdiction, Confidence, JURISDICTIONS};
use benefits::rules::condition::Cond;
use std::collections::BTreeMap;

/// (id -> confidence) for every `### \`id\`` entry of the catalog.
fn catalog() -> BTreeMap<String, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/policy/catalog.md");
    let text = std::fs::read_to_string(path).expect("../shared/policy/catalog.md beside the repository");
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("### `") {
            current = rest.split('`').next().map(str::to_string);
        } else if let (Some(id), Some(c)) = (&current, line.strip_prefix("- **Confidence:** ")) {
            out.insert(id.clone(), c.trim().to_string());
            current = None;
        }
    }
    out
}

#[test]
fn every_catalog_entry_is_encoded_with_its_confidence() {
    let catalog = catalog();
    assert_eq!(catalog.len(), 284, "the catalog lists 284 entries");
    let mut encoded = BTreeMap::new();
    for j in JURISDICTIONS.iter().take(5) {
        for b in j.benefits {
            encoded.insert(b.id.to_string(), b.confidence);
        }
    }
    for (id, confidence) in &catalog {
        let c = encoded.get(id).unwrap_or_else(|| panic!("{id} is in the catalog but not in seeds/"));
        let expected = match confidence.as_str() {
            "explicit" => Confidence::Explicit,
            "conditions only" => Confidence::Conditions,
            _ => Confidence::Mentioned,
        };
        assert_eq!(*c, expected, "{id}");
    }
    assert_eq!(encoded.len(), catalog.len(), "no benefit outside the catalog");
}

#[test]
fn rules_have_conditions_and_citations_in_both_languages() {
    for (i, j) in JURISDICTIONS.iter().enumerate() {
        for b in j.benefits {
            assert_eq!(b.jurisdiction as usize, i);
            assert!(!b.cite.section.is_empty(), "{}", b.id);
            assert!(!b.name.get(benefits::rules::Lang::Zh).is_empty() && !b.name.get(benefits::rules::Lang::En).is_empty(), "{}", b.id);
            assert!(!b.cite.text.get(benefits::rules::Lang::En).is_empty(), "{}", b.id);
            assert!(!b.departments.is_empty(), "{}", b.id);
            // A rule that says who qualifies tests at least one fact (except the national services).
            if b.confidence != Confidence::Mentioned {
                assert_ne!(b.condition, Cond::True, "{} has no condition", b.id);
            }
        }
    }
}

#[test]
fn only_the_draft_is_a_draft_and_ejinhoro_has_its_scope_clause() {
    for (i, j) in JURISDICTIONS.iter().enumerate() {
        assert_eq!(j.draft, i == 4, "{}", j.id);
    }
    assert_eq!(jurisdiction(2).number, "伊政发〔2022〕35号");
}

#[test]
fn institution_money_is_never_a_personal_amount() {
    // Appendix B: 1,000 yuan per admitted child goes to the kindergarten; 1,000,000 is a budget.
    for j in JURISDICTIONS.iter() {
        for b in j.benefits {
            for a in b.amounts {
                for m in [a.yuan, a.min, a.max, a.cap].into_iter().flatten() {
                    let v = m.decimal();
                    assert!(v != rust_decimal::Decimal::from(1_000_000), "{}: a budget shown as a personal amount", b.id);
                    if b.id.starts_with("ejinhoro.") && b.category == 7 {
                        assert_ne!(v, rust_decimal::Decimal::from(1000), "{}: the preschool reward is the school's", b.id);
                    }
                }
            }
        }
    }
}

#[test]
fn syntax_errors_name_the_problem() {
    use benefits::rules::syntax::parse;
    let none = |_: &str| None;
    assert_eq!(parse("agee > 3", &none).unwrap_err(), "unknown fact or definition 'agee'");
    assert_eq!(parse("residence = city", &none).unwrap_err(), "'city' is not a value of 'residence' (values: urban, rural)");
    assert_eq!(parse("disability(physical, 5)", &none).unwrap_err(), "grades must be 1 to 4, lowest first; found 5-5");
    assert_eq!(parse("certificate = true", &none).unwrap_err(), "'certificate' is yes/no: write 'certificate' or 'not certificate'");
    assert_eq!(parse("(age > 3", &none).unwrap_err(), "expected ')' but found end of condition");
    assert_eq!(parse("age > 3.5", &none).unwrap_err(), "decimal number at column 7: conditions compare whole numbers");
    assert_eq!(parse("need(money)", &none).unwrap_err().split(" (").next().unwrap(), "unknown need 'money'");
}

#[test]
fn the_web_apps_rule_files_decode_to_the_same_rules() {
    use benefits::rules::policy::{benefit_count, decode_rules, RULE_BYTES};
    for (i, j) in JURISDICTIONS.iter().enumerate() {
        let decoded = decode_rules(i as u8, RULE_BYTES[i]).unwrap_or_else(|| panic!("{} does not decode", j.id));
        assert_eq!(decoded.len(), benefit_count(i as u8));
        assert_eq!(decoded.as_slice(), j.benefits, "{}", j.id);
    }
    // A cut or changed file is refused, not half-read.
    let bytes = RULE_BYTES[2];
    assert!(decode_rules(2, &bytes[..bytes.len() - 1]).is_none());
    assert!(decode_rules(2, &[bytes, &[0]].concat()).is_none());
    assert!(decode_rules(2, &[]).is_none());
}
