//! The rules as specifications, in the manner of OpenFisca's YAML tests: `seeds/cases/<place>.toml`
//! holds households in the JSON shape of `evaluate`, each with what the document says about named
//! benefits (status, and the yearly/one-off/cap figure where there is one) and the section it
//! checks. This harness runs every case against the compiled rules, and checks coverage: every
//! benefit with an amount has a case, and every stated boundary (a disability grade, an age bound,
//! urban or rural) has a case on each side.

use benefits::rules::condition::{Cmp, Cond};
use benefits::rules::engine::{evaluate, Status};
use benefits::rules::json::parse_household;
use benefits::rules::policy::{benefits, places, AmountKind, Benefit, Confidence};
use benefits::rules::{Fact, Facts};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    /// The date cases are evaluated for unless a case says otherwise.
    as_of: String,
    #[serde(default)]
    case: Vec<Case>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// The section of the document the case checks.
    section: String,
    /// The household, as in the JSON of `evaluate` (the place comes from the file name).
    household: toml::Value,
    expect: Vec<Expect>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Expect {
    id: String,
    /// likely | possible | service | unlikely | not_listed (a service that does not apply)
    status: String,
    /// The figure worked out for this person, where the document states one; "none" where the
    /// document states no figure for this person (so showing one would be wrong).
    yuan: Option<String>,
}

/// A case, read and evaluated.
struct Ran {
    place: String,
    case: Case,
    facts: Facts,
}

/// Every case file: `<place>.toml` (the place is implied), or any other name (each household then
/// names its `jurisdiction`, e.g. the national layer's cases in every place).
fn load() -> Vec<(String, CaseFile)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/cases");
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir).expect("seeds/cases").flatten().map(|e| e.path()).collect();
    names.sort();
    for path in names.iter().filter(|p| p.extension().is_some_and(|x| x == "toml")) {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file: CaseFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.push((path.file_stem().unwrap().to_string_lossy().to_string(), file));
    }
    for p in places() {
        assert!(out.iter().any(|(name, _)| name == p.id), "seeds/cases/{}.toml is missing (every place has a case file)", p.id);
    }
    out
}

fn run(files: &[(String, CaseFile)]) -> (Vec<Ran>, Vec<String>) {
    let mut ran = Vec::new();
    let mut problems = Vec::new();
    for (place, file) in files {
        for case in &file.case {
            let mut json = serde_json::to_value(&case.household).expect("a household table");
            let obj = json.as_object_mut().expect("household is a table");
            if places().iter().any(|p| p.id == place) {
                obj.entry("jurisdiction").or_insert_with(|| place.as_str().into());
            }
            obj.entry("as_of").or_insert_with(|| file.as_of.as_str().into());
            match parse_household(&json.to_string()) {
                Ok(facts) if facts.jurisdiction.is_some() => ran.push(Ran { place: place.clone(), case: case.clone(), facts }),
                Ok(_) => problems.push(format!("seeds/cases/{place}.toml: case '{}': the household names no jurisdiction", case.name)),
                Err(e) => {
                    problems.push(format!("seeds/cases/{place}.toml: case '{}': {}", case.name, e.message(benefits::rules::Lang::En)))
                }
            }
        }
    }
    (ran, problems)
}

fn status_name(s: Option<Status>) -> &'static str {
    s.map(|s| s.name()).unwrap_or("not_listed")
}

#[test]
fn every_case_holds() {
    let (ran, mut problems) = run(&load());
    let mut count = 0;
    for r in &ran {
        let findings = evaluate(&r.facts);
        for e in &r.case.expect {
            count += 1;
            let at = format!("seeds/cases/{}.toml: case '{}' ({}): {}", r.place, r.case.name, r.case.section, e.id);
            if !benefits(r.facts.jurisdiction.unwrap()).iter().any(|b| b.id == e.id) {
                problems.push(format!("{at}: no such benefit in this place"));
                continue;
            }
            let found = findings.iter().find(|f| f.benefit.id == e.id);
            let status = status_name(found.map(|f| f.status));
            if status != e.status {
                problems.push(format!("{at}: expected {}, got {status}", e.status));
            }
            if let Some(want) = &e.yuan {
                let got = found.and_then(|f| f.amount.value).map(|v| v.normalize().to_string());
                // "none": the document states no figure for this person, so none may be shown.
                let expected = if want == "none" { None } else { Some(want.as_str()) };
                if got.as_deref() != expected {
                    problems.push(format!("{at}: expected {want} yuan, got {got:?}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} of {count} expectations fail:\n{}", problems.len(), problems.join("\n"));
    assert!(count > 0);
}

/// One side of a stated boundary, as a test on a household.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    /// A disability of one of these kinds (bit mask) at this grade.
    Grade {
        kinds: u8,
        grade: u8,
    },
    Age(i64),
    /// Urban or rural (the word's index).
    Residence(u8),
}

impl Side {
    fn holds(&self, f: &Facts) -> bool {
        match *self {
            Side::Grade { kinds, grade } => {
                f.disabilities.as_ref().is_some_and(|l| l.iter().any(|d| kinds & (1 << d.kind) != 0 && d.grade == Some(grade)))
            }
            Side::Age(a) => f.number(Fact::Age) == Some(a.into()),
            Side::Residence(w) => *f.get(Fact::Residence) == benefits::rules::facts::Value::Word(w),
        }
    }
}

/// The sides of every boundary a condition states.
fn sides(c: &Cond, out: &mut BTreeSet<Side>) {
    match *c {
        Cond::Not(inner) => sides(inner, out),
        Cond::All(parts) | Cond::Any(parts) => parts.iter().for_each(|p| sides(p, out)),
        Cond::Disability { kinds, grades } if grades != 0x0f => {
            for g in 1..=4u8 {
                let inside = grades & (1 << (g - 1)) != 0;
                // An edge: this grade and the next differ.
                if g < 4 && inside != (grades & (1 << g) != 0) {
                    out.insert(Side::Grade { kinds, grade: g });
                    out.insert(Side::Grade { kinds, grade: g + 1 });
                }
            }
        }
        Cond::Number(Fact::Age, op, n) => {
            let (below, above) = match op {
                Cmp::Lt | Cmp::Ge => (n - 1, n),
                Cmp::Le | Cmp::Gt => (n, n + 1),
                Cmp::Eq | Cmp::Ne => {
                    out.insert(Side::Age(n));
                    (n - 1, n + 1)
                }
            };
            out.insert(Side::Age(below));
            out.insert(Side::Age(above));
        }
        // Urban or rural: one case of each.
        Cond::Word(Fact::Residence, _) => out.extend((0..Fact::Residence.words().len() as u8).map(Side::Residence)),
        _ => {}
    }
}

fn boundary_sides(b: &Benefit) -> BTreeSet<Side> {
    let mut out = BTreeSet::new();
    sides(&b.condition, &mut out);
    for a in b.amounts {
        sides(&a.when, &mut out);
    }
    out
}

/// What the case files do not yet cover.
fn uncovered(ran: &[Ran]) -> Vec<String> {
    let mut by_benefit: BTreeMap<&str, Vec<(&Facts, &Expect)>> = BTreeMap::new();
    for r in ran {
        for e in &r.case.expect {
            by_benefit.entry(e.id.as_str()).or_default().push((&r.facts, e));
        }
    }
    let mut missing = Vec::new();
    for (i, place) in places().iter().enumerate() {
        for b in benefits(i as u8) {
            let cases = by_benefit.get(b.id).map(Vec::as_slice).unwrap_or(&[]);
            if !b.amounts.is_empty() && b.confidence != Confidence::Mentioned {
                let has_figure = b.amounts.iter().any(|a| a.kind != AmountKind::InKind);
                let covered =
                    cases.iter().any(|(_, e)| matches!(e.status.as_str(), "likely" | "possible") && (!has_figure || e.yuan.is_some()));
                if !covered {
                    missing.push(format!(
                        "{}: {} has an amount but no case that {}",
                        place.id,
                        b.id,
                        if has_figure { "checks the figure" } else { "finds it" }
                    ));
                }
            }
            for side in boundary_sides(b) {
                if !cases.iter().any(|(facts, _)| side.holds(facts)) {
                    missing.push(format!("{}: {} has no case at {side:?}", place.id, b.id));
                }
            }
        }
    }
    missing
}

#[test]
fn every_amount_and_boundary_has_a_case() {
    let (ran, problems) = run(&load());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let missing = uncovered(&ran);
    assert!(missing.is_empty(), "{} gaps in seeds/cases:\n{}", missing.len(), missing.join("\n"));
}

#[test]
fn the_coverage_check_fails_when_a_case_is_removed() {
    let files = load();
    let (ran, _) = run(&files);
    assert!(uncovered(&ran).is_empty());
    // Drop, in turn, each case that is the only one at a boundary or the only one with a figure:
    // the check must name what is now uncovered. At least one such case exists.
    let mut tried = 0;
    for (fi, (_, file)) in files.iter().enumerate() {
        for ci in 0..file.case.len() {
            let mut fewer = files.clone();
            fewer[fi].1.case.remove(ci);
            let (ran, _) = run(&fewer);
            if !uncovered(&ran).is_empty() {
                tried += 1;
            }
        }
    }
    assert!(tried > 0, "removing a case never opened a gap");
}
