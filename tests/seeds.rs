//! The policy data: every catalog entry is encoded with its id and the right kind of rule, every
//! rule has a citation and both languages, institution-only money is never a personal benefit, the
//! compiler refuses broken seeds naming file and benefit, and the compiled files are refused when
//! damaged. Nothing here reads outside the repository.

use benefits::rules::compile;
use benefits::rules::condition::Cond;
use benefits::rules::policy::{benefits, decode_rules, jurisdiction, places, Confidence};
use benefits::rules::syntax::parse;
use benefits::rules::vocab::FactVocab;
use benefits::rules::Lang;
use std::collections::BTreeMap;
use std::path::Path;

fn repo(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// (id -> (confidence, deliberate difference)) from tests/data/catalog.tsv.
fn catalog() -> BTreeMap<String, (String, Option<String>)> {
    let text = std::fs::read_to_string(repo("tests/data/catalog.tsv")).expect("tests/data/catalog.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            let id = cols.next().unwrap().to_string();
            let confidence = cols.next().expect("a confidence column").to_string();
            (id, (confidence, cols.next().map(str::to_string)))
        })
        .collect()
}

fn confidence_name(c: Confidence) -> &'static str {
    match c {
        Confidence::Explicit => "explicit",
        Confidence::Conditions => "conditions",
        Confidence::Mentioned => "mentioned",
    }
}

#[test]
fn every_catalog_entry_is_encoded_with_its_confidence() {
    let catalog = catalog();
    assert_eq!(catalog.len(), 284, "the catalog lists 284 entries");
    let mut encoded = BTreeMap::new();
    let mut national = BTreeMap::new();
    for (i, _) in places().iter().enumerate().filter(|(_, p)| !p.national_only) {
        for b in benefits(i as u8) {
            if b.national {
                national.insert(b.id.to_string(), b.confidence);
            } else {
                encoded.insert(b.id.to_string(), b.confidence);
            }
        }
    }
    for (id, (confidence, differs)) in &catalog {
        // A national rule now evaluates what the local document only names (see the note).
        if let Some(why) = differs {
            assert!(why.starts_with("national layer"), "{id}: {why}");
            assert!(national.contains_key(id), "{id} should be a national rule in its place");
            continue;
        }
        let c = encoded.get(id).unwrap_or_else(|| panic!("{id} is in the catalog but not in seeds/"));
        assert_eq!(confidence_name(*c), confidence, "{id}");
    }
    for id in encoded.keys() {
        assert!(catalog.contains_key(id), "{id} is in seeds/ but not in the catalog list");
    }
}

#[test]
fn rules_have_conditions_and_citations_in_both_languages() {
    for (i, p) in places().iter().enumerate() {
        for b in benefits(i as u8) {
            assert_eq!(b.jurisdiction as usize, i);
            assert!(!b.cite.section.is_empty(), "{}", b.id);
            for lang in Lang::ALL {
                assert!(!b.name.get(lang).is_empty(), "{}", b.id);
                assert!(!b.cite.text.get(lang).is_empty(), "{}", b.id);
                assert!(!b.apply_at.get(lang).is_empty(), "{}: where to apply", b.id);
            }
            // A rule that says who qualifies tests at least one fact.
            if b.confidence != Confidence::Mentioned {
                assert_ne!(b.condition, Cond::True, "{} has no condition", b.id);
            }
            assert!(b.id.starts_with(&format!("{}.", if p.national_only { "national" } else { p.id })), "{}", b.id);
        }
    }
}

#[test]
fn only_the_draft_is_a_draft_and_ejinhoro_has_its_number() {
    for j in places() {
        assert_eq!(j.draft, j.id == "dawukou", "{}", j.id);
    }
    assert_eq!(jurisdiction(2).number, "伊政发〔2022〕35号");
    // The places keep the address codes links already carry.
    let ids: Vec<&str> = places().iter().map(|p| p.id).collect();
    assert_eq!(ids, ["dalad", "donghe", "ejinhoro", "huining", "dawukou", "other"]);
}

#[test]
fn institution_money_is_never_a_personal_amount() {
    // 1,000 yuan per admitted child goes to the kindergarten; 1,000,000 is a budget.
    for i in 0..places().len() as u8 {
        for b in benefits(i) {
            for a in b.amounts {
                for m in [a.yuan, a.min, a.max, a.cap].into_iter().flatten() {
                    let v = m.decimal();
                    assert!(v != rust_decimal::Decimal::from(1_000_000), "{}: a budget shown as a personal amount", b.id);
                    if b.id.starts_with("ejinhoro.") && benefits::rules::policy::categories()[b.category as usize].name == "education" {
                        assert_ne!(v, rust_decimal::Decimal::from(1000), "{}: the preschool reward is the school's", b.id);
                    }
                }
            }
        }
    }
}

#[test]
fn syntax_errors_name_the_problem() {
    let none = |_: &str| None;
    let p = |text: &str| parse(text, &FactVocab, &none).unwrap_err();
    assert_eq!(p("agee > 3"), "unknown fact or definition 'agee'");
    assert_eq!(p("residence = city"), "'city' is not a value of 'residence' (values: urban, rural)");
    assert_eq!(p("disability(physical, 5)"), "grades must be 1 to 4, lowest first; found 5-5");
    assert_eq!(p("certificate = true"), "'certificate' is yes/no: write 'certificate' or 'not certificate'");
    assert_eq!(p("(age > 3"), "expected ')' but found end of condition");
    assert_eq!(p("age > 3.5"), "decimal number at column 7: conditions compare whole numbers");
    assert_eq!(p("need(money)").split(" (").next().unwrap(), "unknown need 'money'");
}

#[test]
fn damaged_rule_files_are_refused_not_half_read() {
    let path = Path::new(env!("OUT_DIR"));
    let name = benefits::rules::policy::rule_file(2);
    let bytes: &'static [u8] = Box::leak(std::fs::read(path.join(name)).expect("the rule file beside the build").into_boxed_slice());
    assert_eq!(decode_rules(2, bytes).map(|r| r.len()), Some(jurisdiction(2).benefit_count));
    assert!(decode_rules(2, &bytes[..bytes.len() - 1]).is_none());
    assert!(decode_rules(2, Box::leak([bytes, &[0]].concat().into_boxed_slice())).is_none());
    assert!(decode_rules(2, &[]).is_none());
}

/// A copy of seeds/ with one file changed, compiled: the messages name file and benefit.
fn compile_with(file: &str, from: &str, to: &str) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("seeds-test-{}-{}", std::process::id(), file.replace('.', "-") + &to.len().to_string()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(repo("seeds")).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
        }
    }
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(dir.join(file), text.replacen(from, to, 1)).unwrap();
    let result = compile::compile(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    result.err().unwrap_or_default()
}

#[test]
fn the_compiler_names_file_and_benefit() {
    assert!(compile::compile(Path::new(&repo("seeds"))).is_ok(), "the seeds compile");
    let e = compile_with("ejinhoro.toml", "when = \"severe\"", "when = \"severe and agee > 3\"");
    assert!(
        e.iter()
            .any(|m| m.contains("ejinhoro.toml: benefit 'ejinhoro.severe_disability_subsidy': when: unknown fact or definition 'agee'")),
        "{e:?}"
    );
    let e = compile_with("dalad.toml", "departments = [", "departments = [\"nowhere\", ");
    assert!(e.iter().any(|m| m.contains("dalad.toml: benefit") && m.contains("department 'nowhere' is not in [departments]")), "{e:?}");
    let e = compile_with("facts.toml", "code = \"d\"", "code = \"c\"");
    assert!(e.iter().any(|m| m.contains("facts.toml: fact 'age': code 'c' is already the code of 'local_hukou'")), "{e:?}");
    let e = compile_with("huining.toml", "code = 3", "code = 7");
    assert!(e.iter().any(|m| m.contains("huining.toml: [jurisdiction] code 7")), "{e:?}");
    let e = compile_with("donghe.toml", "kind = \"yearly\"", "kind = \"monthly\"");
    assert!(e.iter().any(|m| m.contains("unknown kind 'monthly'")), "{e:?}");
}
