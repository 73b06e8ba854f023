//! Reads and validates `seeds/*.toml` and generates the static policy tables in
//! `$OUT_DIR/policy_data.rs`. Any mistake in a seed file stops the build with a message naming the
//! file and the benefit. The web app therefore ships only the compiled data, no parser.

#[path = "src/rules/syntax.rs"]
#[allow(dead_code)]
mod syntax;
#[path = "src/rules/vocab.rs"]
#[allow(dead_code)]
mod vocab;

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use syntax::Expr;
use vocab::{index_of, Fact, CATEGORIES, JURISDICTIONS, NEEDS};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Text {
    zh: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Common {
    define: BTreeMap<String, String>,
    documents: BTreeMap<String, Text>,
    jurisdiction: JurisdictionToml,
    #[serde(default)]
    departments: BTreeMap<String, Text>,
    #[serde(default)]
    benefit: Vec<BenefitToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedFile {
    jurisdiction: JurisdictionToml,
    #[serde(default)]
    departments: BTreeMap<String, Text>,
    benefit: Vec<BenefitToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JurisdictionToml {
    id: String,
    name: Text,
    region: Text,
    seed: String,
    document: Text,
    number: String,
    issued: String,
    valid_from: String,
    valid_until: String,
    draft: bool,
    requires: String,
    #[serde(default)]
    notes: Vec<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BenefitToml {
    id: String,
    name: Text,
    category: String,
    confidence: String,
    when: Option<String>,
    relevant: Option<String>,
    requires: Option<String>,
    #[serde(default)]
    amount: Vec<AmountToml>,
    summary: Text,
    departments: Vec<String>,
    /// Where a person actually applies: a key of the file's [departments].
    apply_at: Option<String>,
    apply_at_note: Option<Text>,
    #[serde(default)]
    bring: Vec<String>,
    cite: CiteToml,
    #[serde(default)]
    notes: Vec<Text>,
    valid_from: Option<String>,
    valid_until: Option<String>,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    office_decides: bool,
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
    what: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CiteToml {
    section: String,
    zh: String,
    en: String,
}

/// Where the rules and texts are compiled in: native builds, and web builds for the browser tests.
const EMBEDDED: &str = "any(not(target_arch = \"wasm32\"), feature = \"embedded-rules\")";

fn main() {
    // SEEDS_DIR lets a test point the validator at a folder of broken files.
    println!("cargo:rerun-if-env-changed=SEEDS_DIR");
    let dir = std::env::var("SEEDS_DIR").unwrap_or_else(|_| "seeds".into());
    println!("cargo:rerun-if-changed={dir}");
    println!("cargo:rerun-if-changed=src/rules/syntax.rs");
    println!("cargo:rerun-if-changed=src/rules/vocab.rs");
    match generate(Path::new(&dir)) {
        Ok(code) => {
            let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("policy_data.rs");
            std::fs::write(out, code).unwrap();
        }
        Err(message) => {
            eprintln!("\nPolicy data error: {message}\n");
            println!("cargo:warning=policy data error: {message}");
            std::process::exit(1);
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn generate(dir: &Path) -> Result<String, String> {
    let common_path = dir.join("common.toml");
    let common: Common =
        toml::from_str(&read(&common_path)?).map_err(|e| format!("{}: {e}", common_path.display()))?;

    // Definitions may use earlier definitions, in file order of dependency; resolve them lazily.
    let mut defines: BTreeMap<String, Expr> = BTreeMap::new();
    let mut pending: Vec<(&String, &String)> = common.define.iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut still = Vec::new();
        for (name, src) in pending {
            if Fact::from_name(name).is_some() {
                return Err(format!("common.toml: [define] {name}: the name is already a fact"));
            }
            match syntax::parse(src, &|n| defines.get(n).cloned()) {
                Ok(e) => {
                    defines.insert(name.clone(), e);
                }
                Err(_) => still.push((name, src)),
            }
        }
        if still.len() == before {
            let (name, src) = still[0];
            let err = syntax::parse(src, &|n| defines.get(n).cloned()).unwrap_err();
            return Err(format!("common.toml: [define] {name}: {err}"));
        }
        pending = still;
    }
    let doc_keys: Vec<&String> = common.documents.keys().collect();
    let common_file = common_path.display().to_string();

    let mut code = String::from("// Generated by build.rs from seeds/*.toml. Do not edit.\n");
    code.push_str("#[allow(unused_imports)]\nuse super::condition::Cmp;\n");
    writeln!(code, "pub static DOCUMENTS: &[(&str, Text)] = &[").unwrap();
    for (k, t) in &common.documents {
        writeln!(code, "    ({k:?}, {}),", text(t)).unwrap();
    }
    code.push_str("];\n");

    let mut ids = HashSet::new();
    // A seed file for a place the app does not know would be silently ignored: refuse it.
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(".toml") {
            if stem != "common" && !JURISDICTIONS.contains(&stem) {
                return Err(format!("seeds/{name}: '{stem}' is not in JURISDICTIONS (src/rules/vocab.rs)"));
            }
        }
    }
    let mut places = Vec::new();
    for id in JURISDICTIONS.iter().filter(|j| **j != "other") {
        let path = dir.join(format!("{id}.toml"));
        let parsed: SeedFile = toml::from_str(&read(&path)?).map_err(|e| format!("{}: {e}", path.display()))?;
        places.push((path.display().to_string(), parsed));
    }
    let mut tables = String::new();
    let mut texts: Vec<Table> = Vec::new();
    let mut rule_bins: Vec<Vec<u8>> = Vec::new();
    let mut counts_of_benefits: Vec<usize> = Vec::new();
    let mut place_iter = places.iter();
    for (index, id) in JURISDICTIONS.iter().enumerate() {
        let (file, jur, departments, benefits): (&str, _, _, _) = if *id == "other" {
            (common_file.as_str(), &common.jurisdiction, &common.departments, &common.benefit)
        } else {
            let (f, p) = place_iter.next().unwrap();
            (f.as_str(), &p.jurisdiction, &p.departments, &p.benefit)
        };
        let table = Table::default();
        let ctx = |msg: String| format!("{file}: {msg}");
        if jur.id != *id {
            return Err(ctx(format!("[jurisdiction] id is '{}', expected '{id}'", jur.id)));
        }
        let requires = syntax::parse(&jur.requires, &|n| defines.get(n).cloned())
            .map_err(|e| ctx(format!("[jurisdiction] requires: {e}")))?;
        let valid_from = date(&jur.valid_from).ok_or_else(|| ctx("[jurisdiction] valid_from: not a date".into()))?;
        let valid_until = date(&jur.valid_until).ok_or_else(|| ctx("[jurisdiction] valid_until: not a date".into()))?;
        if valid_from > valid_until {
            return Err(ctx("[jurisdiction] valid_from is after valid_until".into()));
        }
        for (k, t) in departments {
            check_text(t).map_err(|e| ctx(format!("[departments] {k}: {e}")))?;
        }
        let prefix = if *id == "other" { "national." } else { id };
        let mut rows = String::new();
        let mut bin = Bin::default();
        bin.u16(benefits.len() as u16);
        for b in benefits {
            let bctx = |msg: String| format!("{file}: benefit '{}': {msg}", b.id);
            if !b.id.starts_with(&format!("{}.", prefix.trim_end_matches('.'))) {
                return Err(bctx(format!("id must start with '{}.'", prefix.trim_end_matches('.'))));
            }
            if !ids.insert(b.id.clone()) {
                return Err(bctx("id used twice".into()));
            }
            let parse = |src: &str, what: &str| {
                syntax::parse(src, &|n| defines.get(n).cloned()).map_err(|e| bctx(format!("{what}: {e}")))
            };
            let category = index_of(&CATEGORIES, &b.category)
                .ok_or_else(|| bctx(format!("unknown category '{}'", b.category)))?;
            let (confidence, body) = match (b.confidence.as_str(), &b.when, &b.relevant) {
                ("explicit" | "conditions", Some(w), None) => {
                    (if b.confidence == "explicit" { "Explicit" } else { "Conditions" }, parse(w, "when")?)
                }
                ("mentioned", None, Some(r)) => ("Mentioned", parse(r, "relevant")?),
                ("explicit" | "conditions", _, _) => {
                    return Err(bctx("needs `when` (and no `relevant`) for this confidence".into()))
                }
                ("mentioned", _, _) => {
                    return Err(bctx("a mentioned-only measure needs `relevant` and no `when`".into()))
                }
                (other, _, _) => {
                    return Err(bctx(format!("unknown confidence '{other}' (explicit, conditions, mentioned)")))
                }
            };
            let gate = match &b.requires {
                Some(r) => parse(r, "requires")?,
                None => requires.clone(),
            };
            let condition = syntax::and(gate, body);
            if b.office_decides && (confidence == "Mentioned" || b.notes.is_empty()) {
                return Err(bctx("office_decides needs a `when` rule and a note saying what the office checks".into()));
            }
            check_text(&b.name).map_err(|e| bctx(format!("name: {e}")))?;
            check_text(&b.summary).map_err(|e| bctx(format!("summary: {e}")))?;
            if b.cite.section.trim().is_empty() || b.cite.zh.trim().is_empty() || b.cite.en.trim().is_empty() {
                return Err(bctx("citation needs section, zh and en".into()));
            }
            for n in &b.notes {
                check_text(n).map_err(|e| bctx(format!("note: {e}")))?;
            }
            if b.departments.is_empty() {
                return Err(bctx("names no department".into()));
            }
            let apply_at = b.apply_at.as_deref().ok_or_else(|| bctx("needs `apply_at` (the [departments] key where a person applies)".into()))?;
            if !departments.contains_key(apply_at) {
                return Err(bctx(format!("apply_at '{apply_at}' is not in [departments]")));
            }
            if let Some(n) = &b.apply_at_note {
                check_text(n).map_err(|e| bctx(format!("apply_at_note: {e}")))?;
            }
            let mut deps = Vec::new();
            let mut dep_index = Vec::new();
            for d in &b.departments {
                let t = departments.get(d).ok_or_else(|| bctx(format!("department '{d}' is not in [departments]")))?;
                deps.push(table.add(index, t));
                dep_index.push(table.index(t));
            }
            let mut bring = Vec::new();
            for d in &b.bring {
                let i = doc_keys
                    .iter()
                    .position(|k| *k == d)
                    .ok_or_else(|| bctx(format!("document '{d}' is not in [documents] of common.toml")))?;
                bring.push(i.to_string());
            }
            let mut needs = 0u16;
            for n in &b.needs {
                needs |= 1 << index_of(&NEEDS, n).ok_or_else(|| bctx(format!("unknown need '{n}'")))?;
            }
            let mut amounts = Vec::new();
            let mut amount_bin = Bin::default();
            for (i, a) in b.amount.iter().enumerate() {
                amounts.push(amount(a, &|src| parse(src, &format!("amount {} when", i + 1)), &|t| table.index(t), index, &mut amount_bin).map_err(|e| {
                    if e.starts_with(file) {
                        e
                    } else {
                        bctx(format!("amount {}: {e}", i + 1))
                    }
                })?);
            }
            let from = match &b.valid_from {
                Some(d) => date(d).ok_or_else(|| bctx("valid_from: not a date".into()))?,
                None => valid_from,
            };
            let until = match &b.valid_until {
                Some(d) => date(d).ok_or_else(|| bctx("valid_until: not a date".into()))?,
                None => valid_until,
            };
            let name_i = table.index(&b.name);
            let summary_i = table.index(&b.summary);
            let cite_i = table.index(&Text { zh: b.cite.zh.clone(), en: b.cite.en.clone() });
            let note_i: Vec<u16> = b.notes.iter().map(|n| table.index(n)).collect();
            bin.str(&b.id);
            bin.u8(category as u8);
            bin.u8(match confidence { "Explicit" => 0, "Conditions" => 1, _ => 2 });
            bin.u8(b.office_decides as u8);
            bin.u16(needs);
            bin.expr(&condition);
            if b.amount.len() > 255 || b.notes.len() > 255 || b.bring.len() > 255 || b.departments.len() > 255 {
                return Err(bctx("more than 255 amounts, notes, documents or departments".into()));
            }
            bin.u8(b.amount.len() as u8);
            bin.0.extend_from_slice(&amount_bin.0);
            bin.u16(name_i);
            bin.u16(summary_i);
            bin.u8(dep_index.len() as u8);
            dep_index.iter().for_each(|d| bin.u16(*d));
            bin.u8(bring.len() as u8);
            bring.iter().for_each(|d| bin.u8(d.parse().unwrap()));
            bin.str(&b.cite.section);
            bin.u16(cite_i);
            bin.u8(note_i.len() as u8);
            note_i.iter().for_each(|n| bin.u16(*n));
            bin.u32(from);
            bin.u32(until);
            writeln!(
                rows,
                "    Benefit {{ id: {:?}, jurisdiction: {index}, name: {}, category: {category}, confidence: Confidence::{confidence}, condition: {}, amounts: &[{}], summary: {}, departments: &[{}], bring: &[{}], cite: Citation {{ section: {:?}, text: {} }}, notes: &[{}], valid_from: {from}, valid_until: {until}, needs: {needs}, office_decides: {} }},",
                b.id,
                table.add(index, &b.name),
                condition.to_rust(),
                amounts.join(", "),
                table.add(index, &b.summary),
                deps.join(", "),
                bring.join(", "),
                b.cite.section,
                table.add(index, &Text { zh: b.cite.zh.clone(), en: b.cite.en.clone() }),
                b.notes.iter().map(|n| table.add(index, n)).collect::<Vec<_>>().join(", "),
                b.office_decides,
            )
            .unwrap();
        }
        for n in &jur.notes {
            check_text(n).map_err(|e| ctx(format!("[jurisdiction] note: {e}")))?;
        }
        // Native builds compile the rules in; the web app fetches them when the place is chosen.
        writeln!(code, "#[cfg({EMBEDDED})]\nconst BENEFITS_{index}: &[Benefit] = &[\n{rows}];").unwrap();
        writeln!(code, "#[cfg(not({EMBEDDED}))]\nconst BENEFITS_{index}: &[Benefit] = &[];").unwrap();
        rule_bins.push(bin.0);
        counts_of_benefits.push(benefits.len());
        writeln!(
            tables,
            "    Jurisdiction {{ id: {:?}, name: {}, region: {}, seed: {:?}, document: {}, number: {:?}, issued: {:?}, valid_from: {valid_from}, valid_until: {valid_until}, draft: {}, notes: &[{}], benefits: BENEFITS_{index} }},",
            jur.id,
            text(&jur.name),
            text(&jur.region),
            jur.seed,
            text(&jur.document),
            jur.number,
            jur.issued,
            jur.draft,
            jur.notes.iter().map(|n| table.add(index, n)).collect::<Vec<_>>().join(", "),
        )
        .unwrap();
        texts.push(table);
    }
    writeln!(code, "pub static JURISDICTIONS: [Jurisdiction; {}] = [\n{tables}];", JURISDICTIONS.len()).unwrap();
    // The long policy texts: compiled in for native builds; for the web app, one file per place and
    // language that is fetched when the place is chosen, so the first load stays small.
    let out_dir = std::env::var("OUT_DIR").unwrap();
    // Only this build's text files stay beside the generated code (scripts/build.mjs copies them all).
    for entry in std::fs::read_dir(&out_dir).map_err(|e| e.to_string())?.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("texts-") || name.starts_with("rules-") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let mut files = Vec::new();
    let mut counts = Vec::new();
    writeln!(code, "#[cfg({EMBEDDED})]\npub static TEXTS: [[&[&str]; 2]; 6] = [").unwrap();
    for (j, t) in texts.iter().enumerate() {
        let (zh, en) = (t.zh.borrow(), t.en.borrow());
        writeln!(code, "    [&{:?}, &{:?}],", *zh, *en).unwrap();
        let mut pair = Vec::new();
        for (lang, list) in [("zh", &*zh), ("en", &*en)] {
            let body = list.join("\n");
            let name = format!("texts-{}-{lang}.{:010x}.txt", JURISDICTIONS[j], fnv(body.as_bytes()) & 0xff_ffff_ffff);
            std::fs::write(Path::new(&out_dir).join(&name), &body).map_err(|e| format!("{name}: {e}"))?;
            pair.push(format!("{name:?}"));
        }
        files.push(format!("[{}]", pair.join(", ")));
        counts.push(zh.len().to_string());
    }
    code.push_str("];\n");
    writeln!(code, "pub static TEXT_FILES: [[&str; 2]; 6] = [{}];", files.join(", ")).unwrap();
    writeln!(code, "pub static TEXT_COUNTS: [usize; 6] = [{}];", counts.join(", ")).unwrap();
    let mut rule_files = Vec::new();
    for (j, b) in rule_bins.iter().enumerate() {
        let name = format!("rules-{}.{:010x}.bin", JURISDICTIONS[j], fnv(b) & 0xff_ffff_ffff);
        std::fs::write(Path::new(&out_dir).join(&name), b).map_err(|e| format!("{name}: {e}"))?;
        rule_files.push(format!("{name:?}"));
    }
    writeln!(code, "pub static RULE_FILES: [&str; 6] = [{}];", rule_files.join(", ")).unwrap();
    // Natively, the same bytes are compiled in so a test can check they decode to the same rules.
    writeln!(
        code,
        "#[cfg(not(target_arch = \"wasm32\"))]\npub static RULE_BYTES: [&[u8]; 6] = [{}];",
        rule_files.iter().map(|f| format!("include_bytes!(concat!(env!(\"OUT_DIR\"), \"/\", {f}))")).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    writeln!(code, "pub static BENEFIT_COUNTS: [usize; 6] = [{}];", counts_of_benefits.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", ")).unwrap();
    Ok(code)
}

/// The texts of one place, each stored once; a `PolicyText` points into it.
#[derive(Default)]
struct Table {
    zh: std::cell::RefCell<Vec<String>>,
    en: std::cell::RefCell<Vec<String>>,
    seen: std::cell::RefCell<BTreeMap<(String, String), usize>>,
}

impl Table {
    /// The text's index in the table (each text stored once).
    fn index(&self, t: &Text) -> u16 {
        let key = (t.zh.trim().to_string(), t.en.trim().to_string());
        let mut seen = self.seen.borrow_mut();
        let next = seen.len();
        *seen.entry(key.clone()).or_insert_with(|| {
            self.zh.borrow_mut().push(key.0.replace('\n', " "));
            self.en.borrow_mut().push(key.1.replace('\n', " "));
            next
        }) as u16
    }

    fn add(&self, place: usize, t: &Text) -> String {
        format!("PolicyText {{ table: {place}, index: {} }}", self.index(t))
    }
}

/// The binary form of a place's rules for the web app (decoded by `policy::decode_rules`).
#[derive(Default)]
struct Bin(Vec<u8>);

impl Bin {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn i64(&mut self, v: i64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u16(s.len() as u16);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn money(&mut self, m: Option<(i64, u32)>) {
        match m {
            None => self.u8(0),
            Some((units, scale)) => {
                self.u8(1);
                self.i64(units);
                self.u8(scale as u8);
            }
        }
    }
    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::True => self.u8(0),
            Expr::Yes(f) => {
                self.u8(1);
                self.u8(*f as u8);
            }
            Expr::Word(f, mask) => {
                self.u8(2);
                self.u8(*f as u8);
                self.u32(*mask);
            }
            Expr::Number(f, op, n) => {
                self.u8(3);
                self.u8(*f as u8);
                self.u8(*op as u8);
                self.i64(*n);
            }
            Expr::Disability { kinds, grades } => {
                self.u8(4);
                self.u8(*kinds);
                self.u8(*grades);
            }
            Expr::Need(n) => {
                self.u8(5);
                self.u8(*n);
            }
            Expr::Not(inner) => {
                self.u8(6);
                self.expr(inner);
            }
            Expr::All(parts) | Expr::Any(parts) => {
                self.u8(if matches!(e, Expr::All(_)) { 7 } else { 8 });
                self.u8(parts.len() as u8);
                parts.iter().for_each(|p| self.expr(p));
            }
        }
    }
}

/// FNV-1a, for content-hashed file names without a dependency.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}

fn text(t: &Text) -> String {
    format!("Text {{ zh: {:?}, en: {:?} }}", t.zh, t.en)
}

fn check_text(t: &Text) -> Result<(), String> {
    if t.zh.trim().is_empty() || t.en.trim().is_empty() {
        return Err("needs both zh and en text".into());
    }
    Ok(())
}

fn date(s: &str) -> Option<u32> {
    vocab::calendar_date(s)
}

/// A decimal string such as "4000" or "0.5" as (units, scale).
fn money(field: &str, value: &Option<String>) -> Result<Option<(i64, u32)>, String> {
    let Some(s) = value else { return Ok(None) };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() || !int.bytes().all(|c| c.is_ascii_digit()) || !frac.bytes().all(|c| c.is_ascii_digit()) {
        return Err(format!("{field} = {s:?} is not a decimal number of yuan (write it like \"4000\" or \"0.5\")"));
    }
    let units: i64 = format!("{int}{frac}").parse().map_err(|_| format!("{field} = {s:?} is too large"))?;
    if units == 0 {
        return Err(format!("{field} must be more than zero"));
    }
    Ok(Some((units, frac.len() as u32)))
}

fn amount(
    a: &AmountToml,
    parse: &dyn Fn(&str) -> Result<Expr, String>,
    text_index: &dyn Fn(&Text) -> u16,
    place: usize,
    bin: &mut Bin,
) -> Result<String, String> {
    let when = match &a.when {
        Some(w) => parse(w)?,
        None => Expr::True,
    };
    let kind = match a.kind.as_str() {
        "yearly" => "Yearly",
        "one_off" => "OneOff",
        "cap" => "Cap",
        "range" => "Range",
        "percent" => "Percent",
        "in_kind" => "InKind",
        k => return Err(format!("unknown kind '{k}' (yearly, one_off, cap, range, percent, in_kind)")),
    };
    // Each kind takes exactly its own fields.
    let allowed: &[&str] = match kind {
        "Yearly" | "OneOff" => &["yuan", "at_least"],
        "Cap" => &["yuan"],
        "Range" => &["min", "max"],
        "Percent" => &["percent", "of", "cap", "at_least"],
        _ => &["what"],
    };
    let required: &[&str] = match kind {
        "Yearly" | "OneOff" | "Cap" => &["yuan"],
        "Range" => &["min", "max"],
        "Percent" => &["percent", "of"],
        _ => &["what"],
    };
    let present = [
        ("yuan", a.yuan.is_some()),
        ("min", a.min.is_some()),
        ("max", a.max.is_some()),
        ("percent", a.percent.is_some()),
        ("of", a.of.is_some()),
        ("cap", a.cap.is_some()),
        ("at_least", a.at_least.is_some()),
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
    let yuan = money("yuan", &a.yuan)?;
    let min = money("min", &a.min)?;
    let max = money("max", &a.max)?;
    if let (Some(lo), Some(hi)) = (&a.min, &a.max) {
        if lo.parse::<f64>().unwrap_or(0.0) > hi.parse::<f64>().unwrap_or(0.0) {
            return Err(format!("range min {lo} is above max {hi}"));
        }
    }
    let percent = money("percent", &a.percent)?;
    if let Some(p) = &a.percent {
        if p.parse::<f64>().map(|v| v > 100.0).unwrap_or(true) {
            return Err(format!("percent {p} is above 100"));
        }
    }
    let (of, of_code) = match a.of.as_deref() {
        None => ("None".to_string(), 0u8),
        Some("student_fees") => ("Some(Fact::StudentFees)".into(), 1),
        Some("inpatient_cost") => ("Some(Fact::InpatientCost)".into(), 2),
        Some(o) => return Err(format!("percent of '{o}': use student_fees or inpatient_cost")),
    };
    let cap = money("cap", &a.cap)?;
    if let Some(w) = &a.what {
        check_text(w).map_err(|e| format!("what: {e}"))?;
    }
    let what = a.what.as_ref().map(text_index);
    bin.expr(&when);
    bin.u8(["Yearly", "OneOff", "Cap", "Range", "Percent", "InKind"].iter().position(|k| *k == kind).unwrap() as u8);
    for m in [yuan, min, max, percent, cap] {
        bin.money(m);
    }
    bin.u8(of_code);
    bin.u8(a.at_least.unwrap_or(false) as u8);
    match what {
        Some(i) => {
            bin.u8(1);
            bin.u16(i);
        }
        None => bin.u8(0),
    }
    let opt = |m: Option<(i64, u32)>| {
        m.map(|(units, scale)| format!("Some(Money {{ units: {units}, scale: {scale} }})")).unwrap_or_else(|| "None".into())
    };
    Ok(format!(
        "Amount {{ when: {}, kind: AmountKind::{kind}, yuan: {}, min: {}, max: {}, percent: {}, of: {of}, cap: {}, at_least: {}, what: {} }}",
        when.to_rust(),
        opt(yuan),
        opt(min),
        opt(max),
        opt(percent),
        opt(cap),
        a.at_least.unwrap_or(false),
        what.map(|i| format!("Some(PolicyText {{ table: {place}, index: {i} }})")).unwrap_or_else(|| "None".into()),
    ))
}
