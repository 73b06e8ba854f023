//! The rule compiler: `seeds/*.toml` in, the files the app ships out. build.rs runs it on every
//! build, `check-seeds` (scripts/check-seeds) runs it on its own, and tests run it on broken seeds.
//! It is a few named steps:
//!
//! 1. [`FactTable::load`]: the fact table (`seeds/facts.toml`), from which the `Fact` enum, the
//!    JSON reader's key table and the labels are generated ([`FactTable::rust`]).
//! 2. [`load`]: `common.toml` (definitions, documents, categories, the `other` place) and one file
//!    per place, found in the folder (no list of places in code).
//! 3. [`resolve_definitions`]: the `[define]` names, each parsed once.
//! 4. [`check_benefit`]: one benefit's conditions, amounts, departments, documents and dates.
//! 5. [`Texts`]: each place's long texts, stored once per place and language.
//! 6. encode (`codec::Writer`): the index, one rule file per place, one text file per place and
//!    language, with content-hashed names.
//!
//! Every problem is reported with the file and the benefit it belongs to; all of them, not just
//! the first.

use super::codec::{self, RawAmount, RawBenefit, RawCategory, RawDocument, RawIndex, RawPlace, RawStep, Writer};
use super::syntax::{self, Expr, Kind, Vocab};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// ---- The fact table ----

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct TextToml {
    pub zh: String,
    pub en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionToml {
    zh: String,
    en: String,
    en_other: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordToml {
    word: String,
    zh: String,
    en: String,
    /// The word is offered only to people of this age or older (a job for a child).
    from_age: Option<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactToml {
    name: String,
    json: String,
    #[serde(rename = "type")]
    ty: String,
    code: String,
    meaning: String,
    label: TextToml,
    question: QuestionToml,
    hint: Option<TextToml>,
    #[serde(default)]
    words: Vec<WordToml>,
    only_if: Option<String>,
    /// Not asked of, and false for, anyone younger (work questions for a child).
    from_age: Option<u8>,
    /// The question asks the opposite of the fact ("does anyone work?"): "yes" stores false.
    #[serde(default)]
    inverted: bool,
    min: Option<i64>,
    max: Option<i64>,
    unit: Option<TextToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    fact: Vec<FactToml>,
}

const FACT_TYPES: [&str; 6] = ["bool", "number", "money", "word", "disabilities", "needs"];

/// The facts of `seeds/facts.toml`, checked.
pub struct FactTable {
    facts: Vec<FactToml>,
}

impl FactTable {
    pub fn load(dir: &Path) -> Result<FactTable, Vec<String>> {
        let path = dir.join("facts.toml");
        let file = path.display().to_string();
        let parsed: FactsFile = toml::from_str(&read(&path).map_err(|e| vec![e])?).map_err(|e| vec![format!("{file}: {e}")])?;
        let table = FactTable { facts: parsed.fact };
        let mut errors = Vec::new();
        let mut seen_code = BTreeMap::new();
        for (i, f) in table.facts.iter().enumerate() {
            let ctx = |m: String| format!("{file}: fact '{}': {m}", f.name);
            if table.facts[..i].iter().any(|g| g.name == f.name) {
                errors.push(ctx("name used twice".into()));
            }
            if table.facts[..i].iter().any(|g| g.json == f.json) {
                errors.push(ctx(format!("json path '{}' used twice", f.json)));
            }
            if !f.name.bytes().all(|c| c.is_ascii_lowercase() || c == b'_') || f.name.is_empty() {
                errors.push(ctx("a name is lowercase letters and '_'".into()));
            }
            if !(f.json.starts_with("applicant.") || f.json.starts_with("household.")) {
                errors.push(ctx("json must start with 'applicant.' or 'household.'".into()));
            }
            if !FACT_TYPES.contains(&f.ty.as_str()) {
                errors.push(ctx(format!("unknown type '{}' (types: {})", f.ty, FACT_TYPES.join(", "))));
            }
            match f.code.as_bytes() {
                [c] if c.is_ascii_alphabetic() && !codec::SETTING_CODES.contains(c) => {
                    if let Some(other) = seen_code.insert(*c, f.name.clone()) {
                        errors.push(ctx(format!("code '{}' is already the code of '{other}'", f.code)));
                    }
                }
                _ => {
                    errors.push(ctx(format!("code must be one ASCII letter, not one of {}", String::from_utf8_lossy(codec::SETTING_CODES))))
                }
            }
            let wants_words = matches!(f.ty.as_str(), "word" | "disabilities" | "needs");
            if wants_words == f.words.is_empty() {
                errors.push(ctx("words belong to (and are needed by) word, disabilities and needs facts".into()));
            }
            if f.ty == "disabilities" && f.words.len() > 7 || f.ty == "needs" && f.words.len() > 16 || f.words.len() > 32 {
                errors.push(ctx("too many words for the address format".into()));
            }
            if f.ty == "number" {
                match (f.min, f.max) {
                    (Some(lo), Some(hi)) if lo <= hi && lo >= 0 => {}
                    _ => errors.push(ctx("a number needs min and max (0 or more, min <= max)".into())),
                }
            } else if f.min.is_some() || f.max.is_some() {
                errors.push(ctx("min and max belong to number facts".into()));
            }
            if f.ty == "money" && f.unit.is_none() {
                errors.push(ctx("a money fact needs its unit".into()));
            }
            if f.inverted && f.ty != "bool" {
                errors.push(ctx("only a yes/no fact can be inverted".into()));
            }
            let word_ages = f.words.iter().any(|w| w.from_age.is_some());
            if (f.from_age.is_some() || word_ages) && !table.facts.iter().any(|g| g.name == "age" && g.ty == "number") {
                errors.push(ctx("from_age needs a number fact named 'age'".into()));
            }
            if word_ages && f.ty != "needs" {
                errors.push(ctx("from_age on a word belongs to the needs fact (a box a child is not shown)".into()));
            }
            if f.words.iter().any(|w| w.from_age == Some(0)) {
                errors.push(ctx("a word's from_age is 1 or more".into()));
            }
            if let Some(parent) = &f.only_if {
                if !table.facts.iter().any(|g| &g.name == parent && g.ty == "bool") {
                    errors.push(ctx(format!("only_if '{parent}' is not a yes/no fact")));
                }
            }
            for t in [Some(&f.label), f.hint.as_ref(), f.unit.as_ref()].into_iter().flatten() {
                if t.zh.trim().is_empty() != t.en.trim().is_empty() {
                    errors.push(ctx("a text needs both zh and en".into()));
                }
            }
            if f.label.zh.trim().is_empty()
                || f.question.zh.trim().is_empty()
                || f.question.en.trim().is_empty()
                || f.question.en_other.trim().is_empty()
            {
                errors.push(ctx("label and question need both languages".into()));
            }
        }
        for kind in ["disabilities", "needs"] {
            if table.facts.iter().filter(|f| f.ty == kind).count() != 1 {
                errors.push(format!("{file}: exactly one fact of type {kind} is needed"));
            }
        }
        if table.facts.len() > 64 {
            errors.push(format!("{file}: at most 64 facts (a fact set is a 64-bit mask)"));
        }
        if errors.is_empty() {
            Ok(table)
        } else {
            Err(errors)
        }
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.facts.iter().position(|f| f.name == name)
    }

    /// The Rust source of the `Fact` enum and its table (included by `rules::vocab`).
    pub fn rust(&self) -> String {
        let mut s = String::from("// Generated by build.rs from seeds/facts.toml. Do not edit.\n\n");
        s.push_str("/// Every household fact a rule can test, in the order of seeds/facts.toml.\n");
        s.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum Fact {\n");
        for f in &self.facts {
            let _ = writeln!(s, "    {},", camel(&f.name));
        }
        s.push_str("}\n\nimpl Fact {\n    pub const ALL: &'static [Fact] = &[");
        s.push_str(&self.facts.iter().map(|f| format!("Fact::{}", camel(&f.name))).collect::<Vec<_>>().join(", "));
        s.push_str("];\n");
        for (ty, konst) in [("disabilities", "DISABILITIES"), ("needs", "NEEDS")] {
            if let Some(f) = self.facts.iter().find(|f| f.ty == ty) {
                let _ = writeln!(s, "    /// The fact of type {ty}.\n    pub const {konst}: Fact = Fact::{};", camel(&f.name));
            }
        }
        // The age, which `from_age` reads (the table check makes sure it is there when used).
        let age = self.facts.iter().find(|f| f.name == "age").map(|f| camel(&f.name)).unwrap_or_else(|| camel(&self.facts[0].name));
        let _ = writeln!(s, "    /// The person's age (`from_age` is compared with it).\n    pub const AGE: Fact = Fact::{age};");
        s.push_str("}\n\n");
        let _ = writeln!(s, "pub const FACT_COUNT: usize = {};", self.facts.len());
        let dependent: Vec<String> = self
            .facts
            .iter()
            .filter(|f| f.only_if.is_some() || f.from_age.is_some())
            .map(|f| format!("Fact::{}", camel(&f.name)))
            .collect();
        let _ = writeln!(
            s,
            "impl Fact {{\n    /// The fact exists only when another is yes (`only_if`) or from an age (`from_age`).\n    pub const fn is_dependent(self) -> bool {{\n        {}\n    }}\n}}",
            if dependent.is_empty() { "false".to_string() } else { format!("matches!(self, {})", dependent.join(" | ")) }
        );
        let _ = writeln!(
            s,
            "/// The address letter of each fact, in table order.\npub const FACT_CODES: &[u8] = b\"{}\";",
            self.facts.iter().map(|f| f.code.as_str()).collect::<String>()
        );
        let _ = writeln!(s, "\npub static FACTS: [FactDef; {}] = [", self.facts.len());
        for f in &self.facts {
            let (section, key) = f.json.rsplit_once('.').unwrap_or(("", &f.json));
            let ty = match f.ty.as_str() {
                "bool" => "Bool",
                "number" => "Number",
                "money" => "Money",
                "word" => "Word",
                "disabilities" => "Disabilities",
                _ => "Needs",
            };
            let words = f
                .words
                .iter()
                .map(|w| {
                    format!(
                        "Word {{ name: {:?}, label: Text {{ zh: {:?}, en: {:?} }}, from_age: {} }}",
                        w.word,
                        w.zh,
                        w.en,
                        w.from_age.unwrap_or(0)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                s,
                "    FactDef {{ name: {:?}, section: {:?}, key: {:?}, ty: FactType::{ty}, code: b'{}', label: {}, words: &[{words}], only_if: {}, from_age: {}, inverted: {}, min: {}, max: {}, unit: {} }},",
                f.name,
                section,
                key,
                f.code,
                text_rs(&f.label),
                f.only_if.as_ref().map(|p| format!("Some(Fact::{})", camel(p))).unwrap_or_else(|| "None".into()),
                f.from_age.unwrap_or(0),
                f.inverted,
                f.min.unwrap_or(0),
                f.max.unwrap_or(0),
                f.unit.as_ref().map(|u| format!("Some({})", text_rs(u))).unwrap_or_else(|| "None".into()),
            );
        }
        s.push_str("];\n\n");
        // The questions, apart from FACTS: only the question pages read them, so in the web app
        // they download with that code (see `view::Code`).
        let _ = writeln!(
            s,
            "/// Each fact's question and hint, in the order of `FACTS`.\npub static QUESTIONS: [Question; {}] = [",
            self.facts.len()
        );
        for f in &self.facts {
            let hint = f.hint.as_ref().map(text_rs).unwrap_or_else(|| "Text { zh: \"\", en: \"\" }".into());
            let _ = writeln!(
                s,
                "    Question {{ zh: {:?}, en: {:?}, en_other: {:?}, hint: {hint} }},",
                f.question.zh, f.question.en, f.question.en_other
            );
        }
        s.push_str("];\n\n");
        // The JSON reader's key table: which fact or nested object each key of each object names.
        let mut sections: Vec<String> = vec![String::new()];
        for f in &self.facts {
            let mut path = String::new();
            for part in f.json.split('.').collect::<Vec<_>>().iter().rev().skip(1).rev() {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(part);
                if !sections.contains(&path) {
                    sections.push(path.clone());
                }
            }
        }
        let _ = writeln!(
            s,
            "/// The objects of the household JSON that hold facts (0 is the top level).\npub const JSON_SECTIONS: [&str; {}] = {:?};",
            sections.len(),
            sections
        );
        // One `match` per object (section), so a key is compared only with its own object's keys.
        let mut arms: Vec<Vec<String>> = vec![Vec::new(); sections.len()];
        for (i, sec) in sections.iter().enumerate().skip(1) {
            let (parent, key) = sec.rsplit_once('.').unwrap_or(("", sec));
            let parent_i = sections.iter().position(|p| p == parent).unwrap_or(0);
            // An object that is also a fact (a student: the object's presence says yes).
            arms[parent_i].push(match self.facts.iter().find(|f| &f.json == sec) {
                Some(f) => format!("{key:?} => JsonKey::FactObject(Fact::{}, {i}),", camel(&f.name)),
                None => format!("{key:?} => JsonKey::Object({i}),"),
            });
        }
        for f in self.facts.iter().filter(|f| !sections.contains(&f.json)) {
            let (parent, key) = f.json.rsplit_once('.').unwrap_or(("", &f.json));
            let parent_i = sections.iter().position(|p| p == parent).unwrap_or(0);
            arms[parent_i].push(format!("{key:?} => JsonKey::Fact(Fact::{}),", camel(&f.name)));
        }
        s.push_str("\n/// What a key of one object of the household JSON names.\npub fn json_key(section: u8, key: &str) -> Option<JsonKey> {\n    Some(match section {\n");
        for (i, a) in arms.iter().enumerate() {
            let _ = writeln!(s, "        {i} => match key {{");
            for arm in a {
                let _ = writeln!(s, "            {arm}");
            }
            s.push_str("            _ => return None,\n        },\n");
        }
        s.push_str("        _ => return None,\n    })\n}\n");
        s
    }

    /// The facts table of the READMEs (a test checks that both READMEs hold exactly this).
    pub fn markdown(&self) -> String {
        let mut s = String::from("| fact (in rules) | JSON key | values | meaning |\n|---|---|---|---|\n");
        for f in &self.facts {
            let values = match f.ty.as_str() {
                "bool" => "true / false".to_string(),
                "number" => format!("whole number {}–{}", f.min.unwrap_or(0), f.max.unwrap_or(0)),
                "money" => "yuan as a decimal string, e.g. \"1234.50\"".to_string(),
                "disabilities" => format!(
                    "list of `{{kind, grade}}`; kind: {}; grade 1–4 or absent",
                    f.words.iter().map(|w| format!("`{}`", w.word)).collect::<Vec<_>>().join(", ")
                ),
                _ => f
                    .words
                    .iter()
                    .map(|w| format!("`{}`", w.word) + &w.from_age.map(|a| format!(" (from age {a})")).unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let only = f.only_if.as_ref().map(|p| format!(" (only when `{p}`)")).unwrap_or_default()
                + &f.from_age.map(|a| format!(" (from age {a})")).unwrap_or_default();
            let _ = writeln!(s, "| `{}` | `{}` | {values} | {}{only} |", f.name, f.json, f.meaning);
        }
        s
    }
}

impl Vocab for FactTable {
    fn fact(&self, name: &str) -> Option<(u8, Kind)> {
        let i = self.position(name)?;
        let kind = match self.facts[i].ty.as_str() {
            "bool" => Kind::Bool,
            "number" | "money" => Kind::Number,
            "word" => Kind::Word,
            "disabilities" => Kind::Disabilities,
            _ => Kind::Needs,
        };
        Some((i as u8, kind))
    }
    fn words(&self, fact: u8) -> Vec<String> {
        self.facts.get(fact as usize).map(|f| f.words.iter().map(|w| w.word.clone()).collect()).unwrap_or_default()
    }
    fn fact_of_kind(&self, kind: Kind) -> Option<u8> {
        let ty = match kind {
            Kind::Disabilities => "disabilities",
            Kind::Needs => "needs",
            _ => return None,
        };
        self.facts.iter().position(|f| f.ty == ty).map(|i| i as u8)
    }
}

fn camel(name: &str) -> String {
    name.split('_').map(|p| p[..1].to_ascii_uppercase() + &p[1..]).collect()
}

fn text_rs(t: &TextToml) -> String {
    format!("Text {{ zh: {:?}, en: {:?} }}", t.zh, t.en)
}

// ---- The policy files ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryToml {
    name: String,
    label: TextToml,
    #[serde(default)]
    cash: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Common {
    define: BTreeMap<String, String>,
    category: Vec<CategoryToml>,
    documents: BTreeMap<String, TextToml>,
    jurisdiction: PlaceToml,
    #[serde(default)]
    departments: BTreeMap<String, TextToml>,
    #[serde(default)]
    benefit: Vec<BenefitToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedFile {
    jurisdiction: PlaceToml,
    #[serde(default)]
    departments: BTreeMap<String, TextToml>,
    benefit: Vec<BenefitToml>,
    /// How this place carries out national rules.
    #[serde(default)]
    national: Vec<NationalUse>,
}

/// How a place carries out a national rule (seeds/national.toml): `id` is the rule in this place
/// (`<place>.<key>`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NationalUse {
    id: String,
    /// The place also gives it to these people (the office decides for them).
    widen: Option<String>,
    /// The benefit of this place that pays it (counted once).
    paid_by: Option<String>,
    /// The local passage.
    cite: Option<CiteToml>,
    #[serde(default)]
    notes: Vec<TextToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LayerToml {
    name: TextToml,
    valid_from: String,
    valid_until: String,
}

/// A step that comes before others in a plan.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepToml {
    id: String,
    name: TextToml,
    /// A department key: the place's own, or else the national one.
    office: String,
    #[serde(default)]
    bring: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgentToml {
    bring: Vec<String>,
}

/// seeds/national.toml: the rules beneath every place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NationalFile {
    layer: LayerToml,
    #[serde(default)]
    departments: BTreeMap<String, TextToml>,
    #[serde(default)]
    step: Vec<StepToml>,
    agent: AgentToml,
    benefit: Vec<BenefitToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceToml {
    id: String,
    /// The place's number in the app's address (links already handed out use it: never change it).
    code: u8,
    name: TextToml,
    region: TextToml,
    seed: String,
    document: TextToml,
    number: String,
    issued: String,
    valid_from: String,
    valid_until: String,
    draft: bool,
    requires: String,
    #[serde(default)]
    notes: Vec<TextToml>,
}

/// `office_decides = true`, or a condition: where it holds, the office decides.
#[derive(Deserialize)]
#[serde(untagged)]
enum OfficeDecides {
    Always(bool),
    When(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BenefitToml {
    id: String,
    name: TextToml,
    category: String,
    confidence: String,
    when: Option<String>,
    relevant: Option<String>,
    requires: Option<String>,
    #[serde(default)]
    amount: Vec<AmountToml>,
    /// What to say when no amount case applies (default: the document states none, the office sets it).
    amount_note: Option<TextToml>,
    summary: TextToml,
    departments: Vec<String>,
    /// Where a person actually applies: a key of the file's [departments].
    apply_at: Option<String>,
    /// Why that office, where it is our reading rather than the document's words.
    apply_at_note: Option<TextToml>,
    #[serde(default)]
    bring: Vec<String>,
    cite: CiteToml,
    #[serde(default)]
    notes: Vec<TextToml>,
    valid_from: Option<String>,
    valid_until: Option<String>,
    #[serde(default)]
    needs: Vec<String>,
    office_decides: Option<OfficeDecides>,
    /// The rule says who may apply on the person's behalf (see its notes).
    #[serde(default)]
    on_behalf: bool,
    /// What kind of help: cash, insurance, service, budget, priority (default from the category:
    /// cash for categories with `cash = true`, insurance for insurance, otherwise service).
    help: Option<String>,
    /// Given once per household (a house, a rent, a family business), not per person.
    #[serde(default)]
    per_household: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AmountToml {
    when: Option<String>,
    kind: String,
    yuan: Option<String>,
    min: Option<String>,
    max: Option<String>,
    percent: Option<String>,
    of: Option<String>,
    cap: Option<String>,
    at_least: Option<bool>,
    /// The office may give more than this figure (e.g. to households in special hardship).
    may_exceed: Option<bool>,
    what: Option<TextToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CiteToml {
    section: String,
    zh: String,
    en: String,
}

/// The files of the seeds folder, read and parsed.
pub struct Sources {
    facts: FactTable,
    common_file: String,
    common: Common,
    national_file: String,
    national: NationalFile,
    /// (file, contents), in address-code order; `other` is among them.
    places: Vec<(String, SeedFile)>,
}

/// Files in the seeds folder that are not places.
const NOT_PLACES: [&str; 3] = ["common.toml", "facts.toml", "national.toml"];

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

/// Step 2: read every file; each `*.toml` beside `common.toml` and `facts.toml` is a place.
pub fn load(dir: &Path) -> Result<Sources, Vec<String>> {
    let facts = FactTable::load(dir)?;
    let common_path = dir.join("common.toml");
    let common_file = common_path.display().to_string();
    let common: Common = toml::from_str(&read(&common_path).map_err(|e| vec![e])?).map_err(|e| vec![format!("{common_file}: {e}")])?;
    let national_path = dir.join("national.toml");
    let national_file = national_path.display().to_string();
    let national: NationalFile =
        toml::from_str(&read(&national_path).map_err(|e| vec![e])?).map_err(|e| vec![format!("{national_file}: {e}")])?;
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| vec![format!("{}: {e}", dir.display())])?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !NOT_PLACES.iter().any(|n| p.file_name().is_some_and(|f| f == *n)))
        .collect();
    names.sort();
    let mut errors = Vec::new();
    let mut places = Vec::new();
    for path in names {
        let file = path.display().to_string();
        match read(&path).and_then(|text| toml::from_str::<SeedFile>(&text).map_err(|e| format!("{file}: {e}"))) {
            Ok(p) => {
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                if p.jurisdiction.id != stem {
                    errors.push(format!("{file}: [jurisdiction] id is '{}', but the file is named for '{stem}'", p.jurisdiction.id));
                }
                places.push((file, p));
            }
            Err(e) => errors.push(e),
        }
    }
    // `other` (the national framework only) lives in common.toml.
    let other = SeedFile {
        jurisdiction: PlaceToml { ..clone_place(&common.jurisdiction) },
        departments: common.departments.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        benefit: Vec::new(),
        national: Vec::new(),
    };
    places.push((common_file.clone(), other));
    places.sort_by_key(|(_, p)| p.jurisdiction.code);
    // The codes are the places' numbers in saved addresses: 0, 1, 2 … with no gap or repeat.
    let n = places.len();
    for (i, (file, p)) in places.iter().enumerate() {
        let code = p.jurisdiction.code;
        if code as usize >= n {
            errors.push(format!("{file}: [jurisdiction] code {code}: with {n} places the codes run 0 to {}", n - 1));
        } else if i > 0 && places[i - 1].1.jurisdiction.code == code {
            errors.push(format!("{file}: [jurisdiction] code {code} is also the code of {}", places[i - 1].0));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Sources { facts, common_file, common, national_file, national, places })
}

fn clone_place(p: &PlaceToml) -> PlaceToml {
    PlaceToml {
        id: p.id.clone(),
        code: p.code,
        name: p.name.clone(),
        region: p.region.clone(),
        seed: p.seed.clone(),
        document: p.document.clone(),
        number: p.number.clone(),
        issued: p.issued.clone(),
        valid_from: p.valid_from.clone(),
        valid_until: p.valid_until.clone(),
        draft: p.draft,
        requires: p.requires.clone(),
        notes: p.notes.clone(),
    }
}

/// Step 3: the `[define]` names of common.toml, each parsed once. A definition may use others,
/// in any order; a name that is also a fact, or a cycle, is an error.
pub fn resolve_definitions(src: &Sources) -> Result<BTreeMap<String, Expr>, Vec<String>> {
    let file = &src.common_file;
    let mut defines: BTreeMap<String, Expr> = BTreeMap::new();
    let mut pending: Vec<(&String, &String)> = src.common.define.iter().collect();
    for (name, _) in &pending {
        if src.facts.fact(name).is_some() {
            return Err(vec![format!("{file}: [define] {name}: the name is already a fact")]);
        }
    }
    while !pending.is_empty() {
        let before = pending.len();
        let mut still = Vec::new();
        for (name, text) in pending {
            match syntax::parse(text, &src.facts, &|n| defines.get(n).cloned()) {
                Ok(e) => {
                    defines.insert(name.clone(), e);
                }
                Err(_) => still.push((name, text)),
            }
        }
        if still.len() == before {
            let (name, text) = still[0];
            let err = syntax::parse(text, &src.facts, &|n| defines.get(n).cloned()).unwrap_err();
            return Err(vec![format!("{file}: [define] {name}: {err}")]);
        }
        pending = still;
    }
    Ok(defines)
}

/// Step 5: the long texts of one place, each stored once; a text is its line number.
#[derive(Default)]
pub struct Texts {
    lines: [Vec<String>; 2],
    seen: BTreeMap<(String, String), u16>,
}

impl Texts {
    pub fn add(&mut self, t: &TextToml) -> u16 {
        let key = (t.zh.trim().replace('\n', " "), t.en.trim().replace('\n', " "));
        let next = self.seen.len() as u16;
        *self.seen.entry(key.clone()).or_insert_with(|| {
            self.lines[0].push(key.0);
            self.lines[1].push(key.1);
            next
        })
    }
    pub fn len(&self) -> usize {
        self.lines[0].len()
    }
    pub fn is_empty(&self) -> bool {
        self.lines[0].is_empty()
    }
    /// The file body of one language (index 0 zh, 1 en): one text a line.
    pub fn body(&self, lang: usize) -> String {
        self.lines[lang].join("\n")
    }
}

/// What one place's benefits are checked against.
#[derive(Clone, Copy)]
struct Context<'a> {
    file: &'a str,
    facts: &'a FactTable,
    defines: &'a BTreeMap<String, Expr>,
    /// The place's `requires`, joined to each benefit's `when` unless the benefit has its own.
    requires: &'a Expr,
    departments: &'a BTreeMap<String, TextToml>,
    categories: &'a [CategoryToml],
    documents: &'a BTreeMap<String, TextToml>,
    prefix: &'a str,
    valid: (u32, u32),
}

impl Context<'_> {
    fn parse(&self, text: &str) -> Result<Expr, String> {
        syntax::parse(text, self.facts, &|n| self.defines.get(n).cloned())
    }
}

fn both(t: &TextToml) -> Result<(), String> {
    if t.zh.trim().is_empty() || t.en.trim().is_empty() {
        return Err("needs both zh and en text".into());
    }
    // People read these texts: no file names or condition names from the seeds.
    for text in [&t.zh, &t.en] {
        if text.contains(".toml") || text.contains('`') || text.contains("[define]") {
            return Err(format!("speaks of the data files, not to people: {text:?}"));
        }
    }
    Ok(())
}

/// Step 4: one benefit, checked and turned into its rule-file form (texts go into `texts`).
fn check_benefit<'a>(b: &'a BenefitToml, cx: &Context, texts: &mut Texts) -> Result<RawBenefit<'a>, String> {
    let wrap = |m: String| format!("{}: benefit '{}': {m}", cx.file, b.id);
    if !b.id.starts_with(&format!("{}.", cx.prefix)) {
        return Err(wrap(format!("id must start with '{}.'", cx.prefix)));
    }
    let parse = |text: &str, what: &str| cx.parse(text).map_err(|e| wrap(format!("{what}: {e}")));
    let category =
        cx.categories.iter().position(|c| c.name == b.category).ok_or_else(|| wrap(format!("unknown category '{}'", b.category)))?;
    let (confidence, body) = match (b.confidence.as_str(), &b.when, &b.relevant) {
        ("explicit" | "conditions", Some(w), None) => (if b.confidence == "explicit" { 0 } else { 1 }, parse(w, "when")?),
        ("mentioned", None, Some(r)) => (2, parse(r, "relevant")?),
        ("explicit" | "conditions", _, _) => return Err(wrap("needs `when` (and no `relevant`) for this confidence".into())),
        ("mentioned", _, _) => return Err(wrap("a mentioned-only measure needs `relevant` and no `when`".into())),
        (other, _, _) => return Err(wrap(format!("unknown confidence '{other}' (explicit, conditions, mentioned)"))),
    };
    let gate = match &b.requires {
        Some(r) => parse(r, "requires")?,
        None => cx.requires.clone(),
    };
    let condition = syntax::and(gate, body);
    let never = Expr::Not(Box::new(Expr::True));
    let office_decides = match &b.office_decides {
        None | Some(OfficeDecides::Always(false)) => never,
        Some(OfficeDecides::Always(true)) => Expr::True,
        Some(OfficeDecides::When(w)) => parse(w, "office_decides")?,
    };
    if office_decides != Expr::Not(Box::new(Expr::True)) && (confidence == 2 || b.notes.is_empty()) {
        return Err(wrap("office_decides needs a `when` rule and a note saying what the office checks".into()));
    }
    both(&b.name).map_err(|e| wrap(format!("name: {e}")))?;
    both(&b.summary).map_err(|e| wrap(format!("summary: {e}")))?;
    if b.cite.section.trim().is_empty() || b.cite.zh.trim().is_empty() || b.cite.en.trim().is_empty() {
        return Err(wrap("citation needs section, zh and en".into()));
    }
    for n in &b.notes {
        both(n).map_err(|e| wrap(format!("note: {e}")))?;
    }
    if b.departments.is_empty() {
        return Err(wrap("names no department".into()));
    }
    let dept = |key: &str| cx.departments.get(key).ok_or_else(|| wrap(format!("department '{key}' is not in [departments]")));
    let apply_key = b.apply_at.as_deref().ok_or_else(|| wrap("needs `apply_at` (the [departments] key where a person applies)".into()))?;
    let apply_at = texts.add(cx.departments.get(apply_key).ok_or_else(|| wrap(format!("apply_at '{apply_key}' is not in [departments]")))?);
    let apply_at_note = match &b.apply_at_note {
        Some(n) => {
            both(n).map_err(|e| wrap(format!("apply_at_note: {e}")))?;
            Some(texts.add(n))
        }
        None => None,
    };
    let mut departments = Vec::new();
    for d in b.departments.iter().filter(|d| d.as_str() != apply_key) {
        departments.push(texts.add(dept(d)?));
    }
    let mut bring = Vec::new();
    for d in &b.bring {
        let i =
            cx.documents.keys().position(|k| k == d).ok_or_else(|| wrap(format!("document '{d}' is not in [documents] of common.toml")))?;
        bring.push(i as u8);
    }
    let mut needs = 0u16;
    let need_words = cx.facts.fact_of_kind(Kind::Needs).map(|f| cx.facts.words(f)).unwrap_or_default();
    for n in &b.needs {
        let i = need_words.iter().position(|w| w == n).ok_or_else(|| wrap(format!("unknown need '{n}'")))?;
        needs |= 1 << i;
    }
    let mut amounts = Vec::new();
    for (i, a) in b.amount.iter().enumerate() {
        amounts.push(check_amount(a, cx, texts, &parse).map_err(|e| {
            if e.starts_with(cx.file) {
                e
            } else {
                wrap(format!("amount {}: {e}", i + 1))
            }
        })?);
    }
    if b.amount.len() > 255 || b.notes.len() > 255 || b.bring.len() > 255 || b.departments.len() > 255 {
        return Err(wrap("more than 255 amounts, notes, documents or departments".into()));
    }
    let date = |d: &Option<String>, default: u32, what: &str| match d {
        Some(d) => codec::calendar_date(d).ok_or_else(|| wrap(format!("{what}: not a date YYYY-MM-DD"))),
        None => Ok(default),
    };
    let valid_from = date(&b.valid_from, cx.valid.0, "valid_from")?;
    let valid_until = date(&b.valid_until, cx.valid.1, "valid_until")?;
    if valid_from > valid_until {
        return Err(wrap("valid_from is after valid_until".into()));
    }
    let amount_note = match &b.amount_note {
        Some(n) => {
            both(n).map_err(|e| wrap(format!("amount_note: {e}")))?;
            Some(texts.add(n))
        }
        None => None,
    };
    let help = match &b.help {
        Some(h) => codec::HELP_KINDS
            .iter()
            .position(|k| k == h)
            .ok_or_else(|| wrap(format!("unknown help '{h}' ({})", codec::HELP_KINDS.join(", "))))?,
        None if cx.categories[category].cash => 0,
        None if cx.categories[category].name == "insurance" => 1,
        None => 2,
    } as u8;
    Ok(RawBenefit {
        id: &b.id,
        category: category as u8,
        confidence,
        office_decides,
        needs,
        condition,
        amounts,
        amount_note,
        name: texts.add(&b.name),
        summary: texts.add(&b.summary),
        apply_at,
        apply_at_note,
        departments,
        bring,
        section: &b.cite.section,
        cite: texts.add(&TextToml { zh: b.cite.zh.clone(), en: b.cite.en.clone() }),
        notes: b.notes.iter().map(|n| texts.add(n)).collect(),
        valid_from,
        valid_until,
        national: false,
        paid_by: None,
        on_behalf: b.on_behalf,
        help,
        per_household: b.per_household,
    })
}

/// A place's way of carrying out a national rule, applied to the rule's compiled form.
fn use_national<'a>(
    u: &'a NationalUse,
    r: &mut RawBenefit<'a>,
    cx: &Context,
    local: &[RawBenefit],
    texts: &mut Texts,
) -> Result<(), String> {
    if let Some(w) = &u.widen {
        let widen = cx.parse(w).map_err(|e| format!("widen: {e}"))?;
        // The widened group gets "possibly": the office decides for anyone the national rule misses.
        let outside = Expr::Not(Box::new(r.condition.clone()));
        r.office_decides = match std::mem::replace(&mut r.office_decides, Expr::True) {
            Expr::Not(inner) if *inner == Expr::True => outside,
            other => Expr::Any(vec![other, outside]),
        };
        r.condition = Expr::Any(vec![r.condition.clone(), widen]);
        if u.notes.is_empty() {
            return Err("widening needs a note saying what the place does".into());
        }
    }
    if let Some(p) = &u.paid_by {
        if !local.iter().any(|b| b.id == p) {
            return Err(format!("paid_by '{p}' is not a benefit of this place"));
        }
        r.paid_by = Some(p);
    }
    if let Some(c) = &u.cite {
        if c.section.trim().is_empty() || c.zh.trim().is_empty() || c.en.trim().is_empty() {
            return Err("cite needs section, zh and en".into());
        }
        r.notes.push(texts.add(&TextToml {
            zh: format!("本地文件 {}：{}", c.section, c.zh),
            en: format!("The local document, {}: {}", c.section, c.en),
        }));
    }
    for n in &u.notes {
        both(n).map_err(|e| format!("note: {e}"))?;
        r.notes.push(texts.add(n));
    }
    Ok(())
}

/// A decimal string such as "4000" or "0.5" as (digits, scale).
fn decimal(field: &str, value: &Option<String>) -> Result<Option<codec::Decimal>, String> {
    let Some(s) = value else { return Ok(None) };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() || !int.bytes().all(|c| c.is_ascii_digit()) || !frac.bytes().all(|c| c.is_ascii_digit()) || frac.len() > 4 {
        return Err(format!("{field} = {s:?} is not a decimal number of yuan (write it like \"4000\" or \"0.5\")"));
    }
    let units: i64 = format!("{int}{frac}").parse().map_err(|_| format!("{field} = {s:?} is too large"))?;
    if units == 0 {
        return Err(format!("{field} must be more than zero"));
    }
    Ok(Some((units, frac.len() as u32)))
}

fn as_f64(d: codec::Decimal) -> f64 {
    d.0 as f64 / 10f64.powi(d.1 as i32)
}

fn check_amount(
    a: &AmountToml,
    cx: &Context,
    texts: &mut Texts,
    parse: &dyn Fn(&str, &str) -> Result<Expr, String>,
) -> Result<RawAmount, String> {
    let when = match &a.when {
        Some(w) => parse(w, "amount when")?,
        None => Expr::True,
    };
    let kind = codec::AMOUNT_KINDS
        .iter()
        .position(|k| *k == a.kind)
        .ok_or_else(|| format!("unknown kind '{}' ({})", a.kind, codec::AMOUNT_KINDS.join(", ")))?;
    // Each kind takes exactly its own fields.
    let (allowed, required): (&[&str], &[&str]) = match a.kind.as_str() {
        "yearly" | "one_off" => (&["yuan", "at_least"], &["yuan"]),
        "cap" => (&["yuan", "may_exceed"], &["yuan"]),
        "range" => (&["min", "max"], &["min", "max"]),
        "percent" => (&["percent", "of", "cap", "at_least"], &["percent", "of"]),
        _ => (&["what"], &["what"]),
    };
    let present = [
        ("yuan", a.yuan.is_some()),
        ("min", a.min.is_some()),
        ("max", a.max.is_some()),
        ("percent", a.percent.is_some()),
        ("of", a.of.is_some()),
        ("cap", a.cap.is_some()),
        ("at_least", a.at_least.is_some()),
        ("may_exceed", a.may_exceed.is_some()),
        ("what", a.what.is_some()),
    ];
    for (field, is) in present {
        if is && !allowed.contains(&field) {
            return Err(format!("'{field}' does not belong to kind '{}'", a.kind));
        }
        if !is && required.contains(&field) {
            return Err(format!("kind '{}' needs '{field}'", a.kind));
        }
    }
    let (yuan, min, max, percent, cap) = (
        decimal("yuan", &a.yuan)?,
        decimal("min", &a.min)?,
        decimal("max", &a.max)?,
        decimal("percent", &a.percent)?,
        decimal("cap", &a.cap)?,
    );
    if let (Some(lo), Some(hi)) = (min, max) {
        if as_f64(lo) > as_f64(hi) {
            return Err(format!("range min {} is above max {}", a.min.as_deref().unwrap_or(""), a.max.as_deref().unwrap_or("")));
        }
    }
    if percent.is_some_and(|p| as_f64(p) > 100.0) {
        return Err(format!("percent {} is above 100", a.percent.as_deref().unwrap_or("")));
    }
    let of = match &a.of {
        None => None,
        Some(name) => match cx.facts.position(name) {
            Some(i) if cx.facts.facts[i].ty == "money" => Some(i as u8),
            _ => return Err(format!("percent of '{name}': name a money fact of seeds/facts.toml")),
        },
    };
    let what = match &a.what {
        Some(w) => {
            both(w).map_err(|e| format!("what: {e}"))?;
            Some(texts.add(w))
        }
        None => None,
    };
    Ok(RawAmount {
        when,
        kind: kind as u8,
        yuan,
        min,
        max,
        percent,
        cap,
        of,
        at_least: a.at_least.unwrap_or(false),
        may_exceed: a.may_exceed.unwrap_or(false),
        what,
    })
}

/// One place's compiled files.
pub struct PlaceFiles {
    pub id: String,
    /// (content-hashed file name, bytes)
    pub rules: (String, Vec<u8>),
    /// (content-hashed file name, body) for zh and en.
    pub texts: [(String, String); 2],
}

/// Everything the compiler makes.
pub struct Compiled {
    /// Rust source of the fact table (`rules::vocab` includes it).
    pub facts_rs: String,
    /// The index: places, categories, documents (compiled into the app: needed before a place is chosen).
    pub index: Vec<u8>,
    pub places: Vec<PlaceFiles>,
    /// How many benefits in all.
    pub benefits: usize,
}

fn hashed(stem: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{stem}.{:010x}.{ext}", codec::fnv(bytes) & 0xff_ffff_ffff)
}

/// All steps: the seeds folder in, the compiled files out, or every problem found.
pub fn compile(dir: &Path) -> Result<Compiled, Vec<String>> {
    let src = load(dir)?;
    let defines = resolve_definitions(&src)?;
    let mut errors = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    let mut places = Vec::new();
    let mut raw_places = Vec::new();
    let mut total = 0;
    let layer = &src.national.layer;
    let layer_valid = match (codec::calendar_date(&layer.valid_from), codec::calendar_date(&layer.valid_until)) {
        (Some(a), Some(b)) if a <= b => (a, b),
        _ => return Err(vec![format!("{}: [layer] valid_from and valid_until must be dates YYYY-MM-DD, in order", src.national_file)]),
    };
    // The national rules' ids in each place: `<place>.<key>`, or `national.<key>` somewhere else.
    let national_ids: Vec<Vec<String>> = src
        .places
        .iter()
        .map(|(file, p)| {
            let prefix = if file == &src.common_file { "national" } else { p.jurisdiction.id.as_str() };
            src.national.benefit.iter().map(|b| format!("{prefix}.{}", b.id.strip_prefix("national.").unwrap_or(&b.id))).collect()
        })
        .collect();
    let no_requirement = Expr::True;
    for (place_index, (file, place)) in src.places.iter().enumerate() {
        let j = &place.jurisdiction;
        let national_only = file == &src.common_file;
        let ctx_err = |m: String| format!("{file}: [jurisdiction] {m}");
        let requires = match syntax::parse(&j.requires, &src.facts, &|n| defines.get(n).cloned()) {
            Ok(e) => e,
            Err(e) => {
                errors.push(ctx_err(format!("requires: {e}")));
                continue;
            }
        };
        let (Some(from), Some(until)) = (codec::calendar_date(&j.valid_from), codec::calendar_date(&j.valid_until)) else {
            errors.push(ctx_err("valid_from and valid_until must be dates YYYY-MM-DD".into()));
            continue;
        };
        if from > until {
            errors.push(ctx_err("valid_from is after valid_until".into()));
        }
        for t in [&j.name, &j.region, &j.document].into_iter().chain(&j.notes).chain(place.departments.values()) {
            if let Err(e) = both(t) {
                errors.push(ctx_err(e));
            }
        }
        let benefits = if national_only { &src.common.benefit } else { &place.benefit };
        let cx = Context {
            file,
            facts: &src.facts,
            defines: &defines,
            requires: &requires,
            departments: &place.departments,
            categories: &src.common.category,
            documents: &src.common.documents,
            prefix: if national_only { "national" } else { &j.id },
            valid: (from, until),
        };
        let mut texts = Texts::default();
        let mut raw = Vec::new();
        for b in benefits {
            if !ids.insert(b.id.clone()) {
                errors.push(format!("{file}: benefit '{}': id used twice", b.id));
                continue;
            }
            match check_benefit(b, &cx, &mut texts) {
                Ok(r) => raw.push(r),
                Err(e) => errors.push(e),
            }
        }
        // The national rules, as this place carries them out. The place's own departments of the
        // same key (its local names) come first.
        let mut national_departments = src.national.departments.clone();
        for (k, v) in &place.departments {
            if national_departments.contains_key(k) {
                national_departments.insert(k.clone(), v.clone());
            }
        }
        let ncx = Context {
            file: &src.national_file,
            requires: &no_requirement,
            departments: &national_departments,
            prefix: "national",
            valid: layer_valid,
            ..cx
        };
        for (b, id) in src.national.benefit.iter().zip(&national_ids[place_index]) {
            if !ids.insert(id.clone()) {
                errors.push(format!("{file}: benefit '{id}': the id of a national rule (seeds/national.toml) is used again here"));
                continue;
            }
            let mut r = match check_benefit(b, &ncx, &mut texts) {
                Ok(r) => r,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            r.id = id;
            r.national = true;
            if let Some(u) = place.national.iter().find(|u| &u.id == id) {
                if let Err(e) = use_national(u, &mut r, &cx, &raw, &mut texts) {
                    errors.push(format!("{file}: [[national]] '{id}': {e}"));
                }
            }
            raw.push(r);
        }
        for u in &place.national {
            if !national_ids[place_index].contains(&u.id) {
                errors.push(format!(
                    "{file}: [[national]] '{}': no national rule has this id here (ids: {})",
                    u.id,
                    national_ids[place_index].join(", ")
                ));
            }
        }
        total += raw.len();
        let notes: Vec<u16> = j.notes.iter().map(|n| texts.add(n)).collect();
        // The offices of the steps that come first in a plan, by the place's own names.
        let mut step_offices = Vec::new();
        for s in &src.national.step {
            match national_departments.get(&s.office) {
                Some(d) => step_offices.push(texts.add(d)),
                None => errors.push(format!(
                    "{}: [[step]] '{}': office '{}' is not a department here or in national.toml",
                    src.national_file, s.id, s.office
                )),
            }
        }
        let mut w = Writer::default();
        w.rules(&raw);
        // The decoder reads back exactly what was written (the format has one description).
        if codec::read_rules(&w.0).as_ref() != Some(&raw) {
            errors.push(format!("{file}: the rule file does not read back the same (codec mismatch)"));
        }
        let rules = (hashed(&format!("rules-{}", j.id), "bin", &w.0), w.0);
        let texts_out = [0, 1].map(|l| {
            let body = texts.body(l);
            (hashed(&format!("texts-{}-{}", j.id, ["zh", "en"][l]), "txt", body.as_bytes()), body)
        });
        raw_places.push((
            j,
            national_only,
            notes,
            raw.len(),
            texts.len(),
            rules.0.clone(),
            [texts_out[0].0.clone(), texts_out[1].0.clone()],
            step_offices,
        ));
        places.push(PlaceFiles { id: j.id.clone(), rules, texts: texts_out });
    }
    if src.common.category.iter().filter(|c| c.cash).count() == 0 {
        errors.push(format!("{}: no [[category]] has cash = true", src.common_file));
    }
    let document_index = |key: &String, what: &str, errors: &mut Vec<String>| -> u8 {
        src.common.documents.keys().position(|k| k == key).unwrap_or_else(|| {
            errors.push(format!("{}: {what}: document '{key}' is not in [documents] of common.toml", src.national_file));
            0
        }) as u8
    };
    let mut steps = Vec::new();
    for s in &src.national.step {
        let bring = s.bring.iter().map(|d| document_index(d, &format!("[[step]] '{}'", s.id), &mut errors)).collect();
        steps.push(RawStep { id: &s.id, name: [&s.name.zh, &s.name.en], bring });
    }
    let agent_bring = src.national.agent.bring.iter().map(|d| document_index(d, "[agent]", &mut errors)).collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let index = RawIndex {
        national: [&layer.name.zh, &layer.name.en],
        places: raw_places
            .iter()
            .map(|(j, national_only, notes, count, text_count, rules, text_files, step_offices)| RawPlace {
                id: &j.id,
                name: [&j.name.zh, &j.name.en],
                region: [&j.region.zh, &j.region.en],
                seed: &j.seed,
                document: [&j.document.zh, &j.document.en],
                number: &j.number,
                issued: &j.issued,
                valid_from: codec::calendar_date(&j.valid_from).unwrap_or(0),
                valid_until: codec::calendar_date(&j.valid_until).unwrap_or(0),
                draft: j.draft,
                national_only: *national_only,
                notes: notes.clone(),
                benefit_count: *count as u16,
                text_count: *text_count as u16,
                rules_file: rules,
                text_files: [&text_files[0], &text_files[1]],
                step_offices: step_offices.clone(),
            })
            .collect(),
        categories: src
            .common
            .category
            .iter()
            .map(|c| RawCategory { name: &c.name, label: [&c.label.zh, &c.label.en], cash: c.cash })
            .collect(),
        documents: src.common.documents.iter().map(|(k, t)| RawDocument { key: k, label: [&t.zh, &t.en] }).collect(),
        steps,
        agent_bring,
    };
    let mut w = Writer::default();
    w.index(&index);
    if codec::read_index(&w.0).as_ref() != Some(&index) {
        return Err(vec!["the index does not read back the same (codec mismatch)".into()]);
    }
    Ok(Compiled { facts_rs: src.facts.rust(), index: w.0, places, benefits: total })
}

/// The Rust source that compiles the files into native builds (and, with the `embedded-rules`
/// feature, into the web build for the browser tests): the very bytes the web app fetches.
pub fn embedded_rs(c: &Compiled) -> String {
    let file = |name: &str| format!("include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))");
    let text = |name: &str| format!("include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))");
    let mut s = String::from("// Generated by build.rs. Do not edit.\n");
    s.push_str("pub static INDEX: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/index.bin\"));\n");
    s.push_str("#[cfg(any(not(target_arch = \"wasm32\"), feature = \"embedded-rules\"))]\npub static RULE_BYTES: &[&[u8]] = &[\n");
    for p in &c.places {
        let _ = writeln!(s, "    {},", file(&p.rules.0));
    }
    s.push_str("];\n#[cfg(any(not(target_arch = \"wasm32\"), feature = \"embedded-rules\"))]\npub static TEXT_BODIES: &[[&str; 2]] = &[\n");
    for p in &c.places {
        let _ = writeln!(s, "    [{}, {}],", text(&p.texts[0].0), text(&p.texts[1].0));
    }
    s.push_str("];\n");
    s
}
