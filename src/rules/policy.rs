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
/// when it is needed (see `install_texts`), so these texts are not part of the first load. The
/// `embedded-rules` feature compiles everything into the web build too (browser tests use it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyText {
    pub table: u8,
    pub index: u16,
}

impl PolicyText {
    #[cfg(any(not(target_arch = "wasm32"), feature = "embedded-rules"))]
    pub fn get(&self, lang: Lang) -> &'static str {
        TEXTS[self.table as usize][lang as usize][self.index as usize]
    }

    /// "" until the table is loaded; the UI waits for `texts_loaded` before it shows policy texts.
    #[cfg(all(target_arch = "wasm32", not(feature = "embedded-rules")))]
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
    cfg!(feature = "embedded-rules") || LOADED.with(|l| l.borrow()[table as usize][lang as usize].is_some())
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
#[derive(Debug, PartialEq)]
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

#[derive(Debug, PartialEq)]
pub struct Citation {
    /// The document's own section label, e.g. "§三(一)2".
    pub section: &'static str,
    /// Our paraphrase of the passage.
    pub text: PolicyText,
}

#[derive(Debug, PartialEq)]
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

/// The rules of a place (empty in the web app until `install_rules` has run for it).
pub fn benefits(place: u8) -> &'static [Benefit] {
    #[cfg(all(target_arch = "wasm32", not(feature = "embedded-rules")))]
    {
        LOADED_RULES.with(|l| l.borrow()[place as usize]).unwrap_or(&[])
    }
    #[cfg(any(not(target_arch = "wasm32"), feature = "embedded-rules"))]
    {
        JURISDICTIONS[place as usize].benefits
    }
}

/// How many benefits a place has, known before its rules are loaded.
pub fn benefit_count(place: u8) -> usize {
    BENEFIT_COUNTS[place as usize]
}

/// The file name of a place's rules for the web app (content-hashed).
pub fn rule_file(place: u8) -> &'static str {
    RULE_FILES[place as usize]
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static LOADED_RULES: std::cell::RefCell<[Option<&'static [Benefit]>; 6]> = const { std::cell::RefCell::new([None; 6]) };
}

/// Keep a fetched rules file; false when it cannot be read (e.g. a stale copy).
#[cfg(target_arch = "wasm32")]
pub fn install_rules(place: u8, bytes: &[u8]) -> bool {
    match decode_rules(place, bytes) {
        Some(list) if list.len() == BENEFIT_COUNTS[place as usize] => {
            let list: &'static [Benefit] = Box::leak(list.into_boxed_slice());
            LOADED_RULES.with(|l| l.borrow_mut()[place as usize] = Some(list));
            true
        }
        _ => false,
    }
}

#[cfg(target_arch = "wasm32")]
pub fn rules_loaded(place: u8) -> bool {
    cfg!(feature = "embedded-rules") || LOADED_RULES.with(|l| l.borrow()[place as usize].is_some())
}

/// Reads the binary rules that build.rs writes for the web app. The trees live for the rest of the
/// program (they are leaked once per place), which is what `'static` rules need.
pub fn decode_rules(place: u8, bytes: &[u8]) -> Option<Vec<Benefit>> {
    let mut r = Reader { bytes, pos: 0 };
    let count = r.u16()? as usize;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let id = r.str()?;
        let category = r.u8()?;
        let confidence = [Confidence::Explicit, Confidence::Conditions, Confidence::Mentioned].get(r.u8()? as usize).copied()?;
        let office_decides = r.u8()? != 0;
        let needs = r.u16()?;
        let condition = r.cond(0)?;
        let mut amounts = Vec::new();
        for _ in 0..r.u8()? {
            amounts.push(r.amount(place)?);
        }
        let text = |i: u16| PolicyText { table: place, index: i };
        let name = text(r.u16()?);
        let summary = text(r.u16()?);
        let departments: Vec<PolicyText> = (0..r.u8()?).map(|_| r.u16().map(text)).collect::<Option<_>>()?;
        let bring: Vec<u8> = (0..r.u8()?).map(|_| r.u8()).collect::<Option<_>>()?;
        let section = r.str()?;
        let cite = Citation { section, text: text(r.u16()?) };
        let notes: Vec<PolicyText> = (0..r.u8()?).map(|_| r.u16().map(text)).collect::<Option<_>>()?;
        out.push(Benefit {
            id,
            jurisdiction: place,
            name,
            category,
            confidence,
            condition,
            amounts: leak(amounts),
            summary,
            departments: leak(departments),
            bring: leak(bring),
            cite,
            notes: leak(notes),
            valid_from: r.u32()?,
            valid_until: r.u32()?,
            needs,
            office_decides,
        });
    }
    (r.pos == bytes.len()).then_some(out)
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes(b.try_into().unwrap()))
    }
    fn i64(&mut self) -> Option<i64> {
        self.take(8).map(|b| i64::from_le_bytes(b.try_into().unwrap()))
    }
    fn str(&mut self) -> Option<&'static str> {
        let n = self.u16()? as usize;
        let s = std::str::from_utf8(self.take(n)?).ok()?;
        Some(Box::leak(s.to_string().into_boxed_str()))
    }
    fn fact(&mut self) -> Option<Fact> {
        Fact::ALL.get(self.u8()? as usize).copied()
    }
    fn money(&mut self) -> Option<Option<Money>> {
        Some(match self.u8()? {
            0 => None,
            _ => Some(Money { units: self.i64()?, scale: self.u8()? as u32 }),
        })
    }
    fn cond(&mut self, depth: u8) -> Option<Cond> {
        use super::condition::Cmp;
        if depth > 32 {
            return None;
        }
        Some(match self.u8()? {
            0 => Cond::True,
            1 => Cond::Yes(self.fact()?),
            2 => Cond::Word(self.fact()?, self.u32()?),
            3 => {
                let f = self.fact()?;
                let op = [Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge].get(self.u8()? as usize).copied()?;
                Cond::Number(f, op, self.i64()?)
            }
            4 => Cond::Disability { kinds: self.u8()?, grades: self.u8()? },
            5 => Cond::Need(self.u8()?),
            6 => Cond::Not(Box::leak(Box::new(self.cond(depth + 1)?))),
            tag @ (7 | 8) => {
                let parts: Vec<Cond> = (0..self.u8()?).map(|_| self.cond(depth + 1)).collect::<Option<_>>()?;
                if tag == 7 {
                    Cond::All(leak(parts))
                } else {
                    Cond::Any(leak(parts))
                }
            }
            _ => return None,
        })
    }
    fn amount(&mut self, place: u8) -> Option<Amount> {
        let when = self.cond(0)?;
        let kind = [AmountKind::Yearly, AmountKind::OneOff, AmountKind::Cap, AmountKind::Range, AmountKind::Percent, AmountKind::InKind]
            .get(self.u8()? as usize)
            .copied()?;
        let (yuan, min, max, percent, cap) = (self.money()?, self.money()?, self.money()?, self.money()?, self.money()?);
        let of = match self.u8()? {
            0 => None,
            1 => Some(Fact::StudentFees),
            _ => Some(Fact::InpatientCost),
        };
        let at_least = self.u8()? != 0;
        let what = match self.u8()? {
            0 => None,
            _ => Some(PolicyText { table: place, index: self.u16()? }),
        };
        Some(Amount { when, kind, yuan, min, max, percent, of, cap, at_least, what })
    }
}
