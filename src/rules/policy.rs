//! The policy data: types for what `build.rs` generates from `seeds/*.toml`, and the generated
//! tables themselves. Everything here is `'static` and built at compile time: the web app ships no
//! policy parser, and the engine reads these tables directly.

use super::condition::Cond;
use super::vocab::Fact;
use rust_decimal::Decimal;

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// A long policy text (names, summaries, citations, notes, departments): an index into its place's
/// text table. Native builds have the tables compiled in; the web app fetches one place's table
/// when it is needed (see `install_texts`), so these texts are not part of the first load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyText {
    pub table: u8,
    pub index: u16,
}

impl PolicyText {
    #[cfg(not(target_arch = "wasm32"))]
    pub fn get(&self, lang: Lang) -> &'static str {
        TEXTS[self.table as usize][lang as usize][self.index as usize]
    }

    /// "" until the table is loaded; the UI waits for `texts_loaded` before it shows policy texts.
    #[cfg(target_arch = "wasm32")]
    pub fn get(&self, lang: Lang) -> &'static str {
        LOADED.with(|l| l.borrow()[self.table as usize][lang as usize].and_then(|t| t.get(self.index as usize).copied()).unwrap_or(""))
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static LOADED: std::cell::RefCell<[[Option<&'static [&'static str]>; 2]; 6]> = const { std::cell::RefCell::new([[None; 2]; 6]) };
}

/// Keep a fetched text table. Returns false (and keeps nothing) when the file does not match this
/// build, e.g. a stale copy.
#[cfg(target_arch = "wasm32")]
pub fn install_texts(table: u8, lang: Lang, body: String) -> bool {
    let body: &'static str = Box::leak(body.into_boxed_str());
    let lines: Vec<&'static str> = body.split('\n').collect();
    if lines.len() != TEXT_COUNTS[table as usize] {
        return false;
    }
    let lines: &'static [&'static str] = Box::leak(lines.into_boxed_slice());
    LOADED.with(|l| l.borrow_mut()[table as usize][lang as usize] = Some(lines));
    true
}

#[cfg(target_arch = "wasm32")]
pub fn texts_loaded(table: u8, lang: Lang) -> bool {
    LOADED.with(|l| l.borrow()[table as usize][lang as usize].is_some())
}

/// The file name of a place's text table in one language (content-hashed).
pub fn text_file(table: u8, lang: Lang) -> &'static str {
    TEXT_FILES[table as usize][lang as usize]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// A decimal literal from a seed file, kept as mantissa and scale so it can live in a `static`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub units: i64,
    pub scale: u32,
}

impl Money {
    pub fn decimal(self) -> Decimal {
        Decimal::new(self.units, self.scale)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// Who qualifies and how much are both stated.
    Explicit,
    /// Who qualifies is stated, the amount is not.
    Conditions,
    /// Only named: a service to ask about, never "you qualify".
    Mentioned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountKind {
    Yearly,
    OneOff,
    Cap,
    Range,
    Percent,
    InKind,
}

impl AmountKind {
    pub fn name(self) -> &'static str {
        match self {
            AmountKind::Yearly => "yearly",
            AmountKind::OneOff => "one_off",
            AmountKind::Cap => "cap",
            AmountKind::Range => "range",
            AmountKind::Percent => "percent",
            AmountKind::InKind => "in_kind",
        }
    }
}

/// One amount case of a benefit; the first case whose `when` holds applies.
#[derive(Debug)]
pub struct Amount {
    pub when: Cond,
    pub kind: AmountKind,
    /// yearly / one-off / cap figure.
    pub yuan: Option<Money>,
    pub min: Option<Money>,
    pub max: Option<Money>,
    pub percent: Option<Money>,
    /// The fact the percentage applies to (student_fees, inpatient_cost).
    pub of: Option<Fact>,
    pub cap: Option<Money>,
    pub at_least: bool,
    pub what: Option<PolicyText>,
}

#[derive(Debug)]
pub struct Citation {
    /// The document's own section label, e.g. "§三(一)2".
    pub section: &'static str,
    /// Our paraphrase of the passage.
    pub text: PolicyText,
}

#[derive(Debug)]
pub struct Benefit {
    pub id: &'static str,
    /// Index into `JURISDICTIONS` of vocab (5 = other / national framework).
    pub jurisdiction: u8,
    pub name: PolicyText,
    /// Index into `vocab::CATEGORIES`.
    pub category: u8,
    pub confidence: Confidence,
    /// The file's `requires` and the benefit's `when` (or `relevant` for mentioned-only services).
    pub condition: Cond,
    pub amounts: &'static [Amount],
    pub summary: PolicyText,
    /// Where to apply first, then the other departments involved.
    pub departments: &'static [PolicyText],
    /// Indexes into `DOCUMENTS`.
    pub bring: &'static [u8],
    pub cite: Citation,
    pub notes: &'static [PolicyText],
    /// yyyymmdd
    pub valid_from: u32,
    pub valid_until: u32,
    /// Bit mask over `vocab::NEEDS`.
    pub needs: u16,
    /// The document sets conditions the facts cannot express (e.g. "meets the dibao rules"): even
    /// when every stated fact matches, the answer is only "possible" and the office decides.
    pub office_decides: bool,
}

#[derive(Debug)]
pub struct Jurisdiction {
    pub id: &'static str,
    pub name: Text,
    pub region: Text,
    /// The document's number among the seeds ("000" … "004"), "" for the national framework.
    pub seed: &'static str,
    pub document: Text,
    pub number: &'static str,
    pub issued: &'static str,
    pub valid_from: u32,
    pub valid_until: u32,
    pub draft: bool,
    pub notes: &'static [PolicyText],
    pub benefits: &'static [Benefit],
}

include!(concat!(env!("OUT_DIR"), "/policy_data.rs"));

/// The data of one jurisdiction by its index in `vocab::JURISDICTIONS`.
pub fn jurisdiction(index: u8) -> &'static Jurisdiction {
    &JURISDICTIONS[index as usize]
}
