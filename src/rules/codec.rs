//! The binary form of the compiled policy: one index (places, categories, documents to bring) and
//! one rule file per place. The rule compiler (`compile`, run by build.rs) writes them with
//! [`Writer`]; the app reads them with [`Reader`], natively from bytes compiled into the program and
//! in the browser from files fetched when a place is chosen. Both sides share the tags and the
//! record layouts below, so there is one description of the format.
//!
//! Numbers are little-endian; a string is its length (u16) and UTF-8 bytes; a list is its length
//! (u8, or u16 where noted) and its items. Texts (names, summaries, notes …) are not in the rule
//! files: they are line numbers in the place's text file of each language.

use super::syntax::{Cmp, Expr};

/// Condition tags.
pub mod tag {
    pub const TRUE: u8 = 0;
    pub const YES: u8 = 1;
    pub const WORD: u8 = 2;
    pub const NUMBER: u8 = 3;
    pub const DISABILITY: u8 = 4;
    pub const NEED: u8 = 5;
    pub const NOT: u8 = 6;
    pub const ALL: u8 = 7;
    pub const ANY: u8 = 8;
}

/// Letters the app's address (see `session`) uses for its own fields; no fact may use them.
pub const SETTING_CODES: &[u8] = b"JHLTKSQXPNV";

/// Comparison operators, by their code.
pub const CMPS: [Cmp; 6] = [Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge];
/// Amount kinds, by their code (the names used in seeds/*.toml and in the answer JSON).
pub const AMOUNT_KINDS: [&str; 6] = ["yearly", "one_off", "cap", "range", "percent", "in_kind"];
/// Kinds of help, by their code: money paid to the person; insurance premiums paid or subsidised; a
/// free or cheaper service or item; a service budget spent for the person (not paid to the family);
/// a priority or a place (a job, a flat, a school place).
pub const HELP_KINDS: [&str; 5] = ["cash", "insurance", "service", "budget", "priority"];
/// Confidence levels, by their code.
pub const CONFIDENCES: [&str; 3] = ["explicit", "conditions", "mentioned"];
/// Conditions nest at most this deep (a damaged file cannot make the reader recurse without end).
pub const MAX_DEPTH: u8 = 32;

/// A decimal as its digits and scale (4000 = (4000, 0), 0.5 = (5, 1)).
pub type Decimal = (i64, u32);

/// One amount case of a benefit.
#[derive(Debug, Clone, PartialEq)]
pub struct RawAmount {
    pub when: Expr,
    /// Index into [`AMOUNT_KINDS`].
    pub kind: u8,
    pub yuan: Option<Decimal>,
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    pub percent: Option<Decimal>,
    pub cap: Option<Decimal>,
    /// The money fact a percentage applies to (its position in the fact table).
    pub of: Option<u8>,
    pub at_least: bool,
    /// The office may give more than this (e.g. to households in special hardship).
    pub may_exceed: bool,
    /// A text line: what is given in kind.
    pub what: Option<u16>,
}

/// One benefit as a rule file holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBenefit<'a> {
    pub id: &'a str,
    pub category: u8,
    /// Index into [`CONFIDENCES`].
    pub confidence: u8,
    /// Where this holds, every stated fact can match and still only the office can decide.
    pub office_decides: Expr,
    pub needs: u16,
    pub condition: Expr,
    pub amounts: Vec<RawAmount>,
    /// What to say when no amount case applies (a text line); default: the office sets it.
    pub amount_note: Option<u16>,
    pub name: u16,
    pub summary: u16,
    /// The office where a person applies (a text line).
    pub apply_at: u16,
    /// Why that office, where it is our reading (a text line).
    pub apply_at_note: Option<u16>,
    /// Other departments involved (text lines).
    pub departments: Vec<u16>,
    /// Indexes into the index's documents.
    pub bring: Vec<u8>,
    pub section: &'a str,
    pub cite: u16,
    pub notes: Vec<u16>,
    pub valid_from: u32,
    pub valid_until: u32,
    /// The benefit comes from the national layer (it does not end with the local document).
    pub national: bool,
    /// Another benefit of the same place that pays this one (e.g. a local yearly subsidy that is the
    /// place's way of paying a national one).
    pub paid_by: Option<&'a str>,
    /// The rule says who may apply on the person's behalf.
    pub on_behalf: bool,
    /// Index into [`HELP_KINDS`].
    pub help: u8,
    /// Given once per household (a house, a rent, a family business), not per person.
    pub per_household: bool,
}

/// One place as the index holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawPlace<'a> {
    pub id: &'a str,
    pub name: [&'a str; 2],
    pub region: [&'a str; 2],
    /// The document's number among the source documents ("000" …), "" for none.
    pub seed: &'a str,
    pub document: [&'a str; 2],
    pub number: &'a str,
    pub issued: &'a str,
    pub valid_from: u32,
    pub valid_until: u32,
    pub draft: bool,
    /// Only national rules apply here (somewhere outside the places with a local document).
    pub national_only: bool,
    /// Text lines of the place's own notes.
    pub notes: Vec<u16>,
    pub benefit_count: u16,
    pub text_count: u16,
    /// File names (content-hashed) of the rules and of the texts in each language.
    pub rules_file: &'a str,
    pub text_files: [&'a str; 2],
    /// For each step of the index, the office (a text line of this place).
    pub step_offices: Vec<u16>,
}

/// A step that comes before others in a plan (getting the certificate, a hardship recognition).
#[derive(Debug, Clone, PartialEq)]
pub struct RawStep<'a> {
    pub id: &'a str,
    pub name: [&'a str; 2],
    /// Indexes into the documents.
    pub bring: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawCategory<'a> {
    pub name: &'a str,
    pub label: [&'a str; 2],
    /// A yearly figure in this category is money paid to the person.
    pub cash: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawDocument<'a> {
    pub key: &'a str,
    pub label: [&'a str; 2],
}

/// Everything known before any place is chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct RawIndex<'a> {
    /// The name of the national layer, as a citation's document ("国家规定").
    pub national: [&'a str; 2],
    pub places: Vec<RawPlace<'a>>,
    pub categories: Vec<RawCategory<'a>>,
    pub documents: Vec<RawDocument<'a>>,
    pub steps: Vec<RawStep<'a>>,
    /// What someone applying on another's behalf brings (indexes into the documents).
    pub agent_bring: Vec<u8>,
}

// ---- Writing ----

#[derive(Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn bool(&mut self, v: bool) {
        self.u8(v as u8);
    }
    pub fn str(&mut self, s: &str) {
        self.u16(s.len() as u16);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn pair(&mut self, p: &[&str; 2]) {
        self.str(p[0]);
        self.str(p[1]);
    }
    pub fn decimal(&mut self, m: Option<Decimal>) {
        match m {
            None => self.u8(0),
            Some((units, scale)) => {
                self.u8(1);
                self.i64(units);
                self.u8(scale as u8);
            }
        }
    }
    fn opt_u16(&mut self, v: Option<u16>) {
        match v {
            None => self.u8(0),
            Some(i) => {
                self.u8(1);
                self.u16(i);
            }
        }
    }
    fn list_u16(&mut self, v: &[u16]) {
        self.u8(v.len() as u8);
        v.iter().for_each(|x| self.u16(*x));
    }
    pub fn expr(&mut self, e: &Expr) {
        match e {
            Expr::True => self.u8(tag::TRUE),
            Expr::Yes(f) => {
                self.u8(tag::YES);
                self.u8(*f);
            }
            Expr::Word(f, mask) => {
                self.u8(tag::WORD);
                self.u8(*f);
                self.u32(*mask);
            }
            Expr::Number(f, op, n) => {
                self.u8(tag::NUMBER);
                self.u8(*f);
                self.u8(CMPS.iter().position(|c| c == op).unwrap_or(0) as u8);
                self.i64(*n);
            }
            Expr::Disability { kinds, grades } => {
                self.u8(tag::DISABILITY);
                self.u8(*kinds);
                self.u8(*grades);
            }
            Expr::Need(n) => {
                self.u8(tag::NEED);
                self.u8(*n);
            }
            Expr::Not(inner) => {
                self.u8(tag::NOT);
                self.expr(inner);
            }
            Expr::All(parts) | Expr::Any(parts) => {
                self.u8(if matches!(e, Expr::All(_)) { tag::ALL } else { tag::ANY });
                self.u8(parts.len() as u8);
                parts.iter().for_each(|p| self.expr(p));
            }
        }
    }

    /// A place's rule file: the count (u16), then each benefit.
    pub fn rules(&mut self, benefits: &[RawBenefit]) {
        self.u16(benefits.len() as u16);
        for b in benefits {
            self.str(b.id);
            self.u8(b.category);
            self.u8(b.confidence);
            self.expr(&b.office_decides);
            self.u16(b.needs);
            self.expr(&b.condition);
            self.u8(b.amounts.len() as u8);
            for a in &b.amounts {
                self.expr(&a.when);
                self.u8(a.kind);
                for m in [a.yuan, a.min, a.max, a.percent, a.cap] {
                    self.decimal(m);
                }
                match a.of {
                    None => self.u8(0),
                    Some(f) => {
                        self.u8(1);
                        self.u8(f);
                    }
                }
                self.bool(a.at_least);
                self.bool(a.may_exceed);
                self.opt_u16(a.what);
            }
            self.opt_u16(b.amount_note);
            self.u16(b.name);
            self.u16(b.summary);
            self.u16(b.apply_at);
            self.opt_u16(b.apply_at_note);
            self.list_u16(&b.departments);
            self.u8(b.bring.len() as u8);
            b.bring.iter().for_each(|d| self.u8(*d));
            self.str(b.section);
            self.u16(b.cite);
            self.list_u16(&b.notes);
            self.u32(b.valid_from);
            self.u32(b.valid_until);
            self.bool(b.national);
            self.str(b.paid_by.unwrap_or(""));
            self.bool(b.on_behalf);
            self.u8(b.help);
            self.bool(b.per_household);
        }
    }

    pub fn index(&mut self, index: &RawIndex) {
        self.pair(&index.national);
        self.u8(index.places.len() as u8);
        for p in &index.places {
            self.str(p.id);
            self.pair(&p.name);
            self.pair(&p.region);
            self.str(p.seed);
            self.pair(&p.document);
            self.str(p.number);
            self.str(p.issued);
            self.u32(p.valid_from);
            self.u32(p.valid_until);
            self.bool(p.draft);
            self.bool(p.national_only);
            self.list_u16(&p.notes);
            self.u16(p.benefit_count);
            self.u16(p.text_count);
            self.str(p.rules_file);
            self.pair(&p.text_files);
            self.list_u16(&p.step_offices);
        }
        self.u8(index.categories.len() as u8);
        for c in &index.categories {
            self.str(c.name);
            self.pair(&c.label);
            self.bool(c.cash);
        }
        self.u8(index.documents.len() as u8);
        for d in &index.documents {
            self.str(d.key);
            self.pair(&d.label);
        }
        self.u8(index.steps.len() as u8);
        for s in &index.steps {
            self.str(s.id);
            self.pair(&s.name);
            self.u8(s.bring.len() as u8);
            s.bring.iter().for_each(|d| self.u8(*d));
        }
        self.u8(index.agent_bring.len() as u8);
        index.agent_bring.iter().for_each(|d| self.u8(*d));
    }
}

// ---- Reading ----

/// Reads what [`Writer`] wrote. Every method returns `None` on bytes that are cut short or do not
/// fit the format: a damaged or stale file is refused, never half-read.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }
    /// Every byte was read.
    pub fn done(&self) -> bool {
        self.pos == self.bytes.len()
    }
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    pub fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }
    pub fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn i64(&mut self) -> Option<i64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Some(i64::from_le_bytes(a))
    }
    pub fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.u16()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }
    fn pair(&mut self) -> Option<[&'a str; 2]> {
        Some([self.str()?, self.str()?])
    }
    pub fn decimal(&mut self) -> Option<Option<Decimal>> {
        Some(match self.u8()? {
            0 => None,
            1 => Some((self.i64()?, self.u8()? as u32)),
            _ => return None,
        })
    }
    fn opt_u16(&mut self) -> Option<Option<u16>> {
        Some(match self.u8()? {
            0 => None,
            1 => Some(self.u16()?),
            _ => return None,
        })
    }
    fn list_u16(&mut self) -> Option<Vec<u16>> {
        let n = self.u8()?;
        let mut out = Vec::with_capacity(n as usize);
        for _ in 0..n {
            out.push(self.u16()?);
        }
        Some(out)
    }
    pub fn expr(&mut self, depth: u8) -> Option<Expr> {
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match self.u8()? {
            tag::TRUE => Expr::True,
            tag::YES => Expr::Yes(self.u8()?),
            tag::WORD => Expr::Word(self.u8()?, self.u32()?),
            tag::NUMBER => {
                let f = self.u8()?;
                let op = *CMPS.get(self.u8()? as usize)?;
                Expr::Number(f, op, self.i64()?)
            }
            tag::DISABILITY => Expr::Disability { kinds: self.u8()?, grades: self.u8()? },
            tag::NEED => Expr::Need(self.u8()?),
            tag::NOT => Expr::Not(Box::new(self.expr(depth + 1)?)),
            t @ (tag::ALL | tag::ANY) => {
                let n = self.u8()?;
                let mut parts = Vec::with_capacity(n as usize);
                for _ in 0..n {
                    parts.push(self.expr(depth + 1)?);
                }
                if t == tag::ALL {
                    Expr::All(parts)
                } else {
                    Expr::Any(parts)
                }
            }
            _ => return None,
        })
    }

    pub fn rules(&mut self) -> Option<Vec<RawBenefit<'a>>> {
        let count = self.u16()? as usize;
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            let id = self.str()?;
            let category = self.u8()?;
            let confidence = self.u8()?;
            if confidence as usize >= CONFIDENCES.len() {
                return None;
            }
            let office_decides = self.expr(0)?;
            let needs = self.u16()?;
            let condition = self.expr(0)?;
            let mut amounts = Vec::new();
            for _ in 0..self.u8()? {
                let when = self.expr(0)?;
                let kind = self.u8()?;
                if kind as usize >= AMOUNT_KINDS.len() {
                    return None;
                }
                let (yuan, min, max, percent, cap) = (self.decimal()?, self.decimal()?, self.decimal()?, self.decimal()?, self.decimal()?);
                let of = match self.u8()? {
                    0 => None,
                    1 => Some(self.u8()?),
                    _ => return None,
                };
                let at_least = self.bool()?;
                let may_exceed = self.bool()?;
                let what = self.opt_u16()?;
                amounts.push(RawAmount { when, kind, yuan, min, max, percent, cap, of, at_least, may_exceed, what });
            }
            let amount_note = self.opt_u16()?;
            let name = self.u16()?;
            let summary = self.u16()?;
            let apply_at = self.u16()?;
            let apply_at_note = self.opt_u16()?;
            let departments = self.list_u16()?;
            let n = self.u8()?;
            let bring = self.take(n as usize)?.to_vec();
            let section = self.str()?;
            let cite = self.u16()?;
            let notes = self.list_u16()?;
            let valid_from = self.u32()?;
            let valid_until = self.u32()?;
            let national = self.bool()?;
            let paid_by = Some(self.str()?).filter(|s| !s.is_empty());
            let on_behalf = self.bool()?;
            let help = self.u8()?;
            if help as usize >= HELP_KINDS.len() {
                return None;
            }
            let per_household = self.bool()?;
            out.push(RawBenefit {
                id,
                category,
                confidence,
                office_decides,
                needs,
                condition,
                amounts,
                amount_note,
                name,
                summary,
                apply_at,
                apply_at_note,
                departments,
                bring,
                section,
                cite,
                notes,
                valid_from,
                valid_until,
                national,
                paid_by,
                on_behalf,
                help,
                per_household,
            });
        }
        Some(out)
    }

    pub fn index(&mut self) -> Option<RawIndex<'a>> {
        let national = self.pair()?;
        let mut places = Vec::new();
        for _ in 0..self.u8()? {
            places.push(RawPlace {
                id: self.str()?,
                name: self.pair()?,
                region: self.pair()?,
                seed: self.str()?,
                document: self.pair()?,
                number: self.str()?,
                issued: self.str()?,
                valid_from: self.u32()?,
                valid_until: self.u32()?,
                draft: self.bool()?,
                national_only: self.bool()?,
                notes: self.list_u16()?,
                benefit_count: self.u16()?,
                text_count: self.u16()?,
                rules_file: self.str()?,
                text_files: self.pair()?,
                step_offices: self.list_u16()?,
            });
        }
        let mut categories = Vec::new();
        for _ in 0..self.u8()? {
            categories.push(RawCategory { name: self.str()?, label: self.pair()?, cash: self.bool()? });
        }
        let mut documents = Vec::new();
        for _ in 0..self.u8()? {
            documents.push(RawDocument { key: self.str()?, label: self.pair()? });
        }
        let mut steps = Vec::new();
        for _ in 0..self.u8()? {
            let id = self.str()?;
            let name = self.pair()?;
            let n = self.u8()?;
            steps.push(RawStep { id, name, bring: self.take(n as usize)?.to_vec() });
        }
        let n = self.u8()?;
        let agent_bring = self.take(n as usize)?.to_vec();
        Some(RawIndex { national, places, categories, documents, steps, agent_bring })
    }
}

/// Both rule files and the index, whole: the bytes decode and nothing is left over.
pub fn read_rules(bytes: &[u8]) -> Option<Vec<RawBenefit<'_>>> {
    let mut r = Reader::new(bytes);
    let out = r.rules()?;
    r.done().then_some(out)
}

pub fn read_index(bytes: &[u8]) -> Option<RawIndex<'_>> {
    let mut r = Reader::new(bytes);
    let out = r.index()?;
    r.done().then_some(out)
}

/// A calendar date written "YYYY-MM-DD" (years 1900-2200) as yyyymmdd; 2025-02-30 and
/// "2025-+6-+1" are refused. The seeds' dates and the household JSON's `as_of` both use it.
pub fn calendar_date(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32))
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2200).contains(&y) && (1..=days).contains(&d)).then_some(y * 10000 + m * 100 + d)
}

/// FNV-1a, for content-hashed file names without a dependency.
pub fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}
