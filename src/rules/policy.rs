//! The policy data as the engine reads it. There is one compiled form (see `codec`): the index
//! (places, categories, documents) is compiled into every build; each place's rules and texts are
//! files. Native builds compile those files in and decode them once, on first use; the web app
//! fetches a place's files when the place is chosen ([`install_rules`], [`install_texts`]). Either
//! way the engine reads the very bytes the web app ships.

use super::codec::{self, RawBenefit, RawPlace};
use super::condition::Cond;
use super::syntax::Expr;
use super::vocab::Fact;
use rust_decimal::Decimal;
use std::sync::OnceLock;

pub use super::lang::{Lang, Text};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// A long policy text (names, summaries, citations, notes, offices): a line of its place's text
/// file. "" until that file is here (the web app waits for it before showing policy texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyText {
    pub table: u8,
    pub index: u16,
}

impl PolicyText {
    pub fn get(&self, lang: Lang) -> &'static str {
        texts(self.table, lang).and_then(|t| t.get(self.index as usize).copied()).unwrap_or("")
    }
}

/// A decimal literal from a seed file, as digits and scale.
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

/// What kind of help a benefit is (see `codec::HELP_KINDS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Help {
    /// Money paid to the person (per year, once, up to a cap).
    Cash,
    /// Insurance premiums paid or subsidised.
    Insurance,
    /// A free or cheaper service or item.
    Service,
    /// A service budget spent for the person, not paid to the family.
    Budget,
    /// A priority or a place (a job, a flat, a school place).
    Priority,
}

impl Help {
    const ALL: [Help; 5] = [Help::Cash, Help::Insurance, Help::Service, Help::Budget, Help::Priority];

    pub fn name(self) -> &'static str {
        codec::HELP_KINDS[self as usize]
    }
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
    const ALL: [AmountKind; 6] =
        [AmountKind::Yearly, AmountKind::OneOff, AmountKind::Cap, AmountKind::Range, AmountKind::Percent, AmountKind::InKind];

    /// The name used in the seeds and the answer JSON ("yearly", "one_off" …).
    pub fn name(self) -> &'static str {
        codec::AMOUNT_KINDS[self as usize]
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
    /// The money fact a percentage applies to (school fees, hospital costs).
    pub of: Option<Fact>,
    pub cap: Option<Money>,
    pub at_least: bool,
    /// The office may give more than this figure (e.g. to households in special hardship).
    pub may_exceed: bool,
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
    /// The place's index (see [`jurisdiction`]).
    pub jurisdiction: u8,
    pub name: PolicyText,
    /// Index into [`categories`].
    pub category: u8,
    pub confidence: Confidence,
    /// The file's `requires` and the benefit's `when` (or `relevant` for mentioned-only services).
    pub condition: Cond,
    /// Where this holds, the document sets conditions the facts cannot express: even when every
    /// stated fact matches, the answer is only "possible" and the office decides. `None`: never.
    pub office_decides: Option<Cond>,
    pub amounts: &'static [Amount],
    /// What to say when no amount case applies (e.g. "the province sets the amount").
    pub amount_note: Option<PolicyText>,
    pub summary: PolicyText,
    /// The office where a person applies.
    pub apply_at: PolicyText,
    /// Why that office, where it is our reading of the document.
    pub apply_at_note: Option<PolicyText>,
    /// The other departments the document names.
    pub departments: &'static [PolicyText],
    /// Indexes into [`documents`].
    pub bring: &'static [u8],
    pub cite: Citation,
    pub notes: &'static [PolicyText],
    /// yyyymmdd
    pub valid_from: u32,
    pub valid_until: u32,
    /// Bit mask over the needs.
    pub needs: u16,
    /// From the national layer: it does not end with the local document's period.
    pub national: bool,
    /// Its document is a draft for comment (a local rule of a draft; never a national one).
    pub draft: bool,
    /// The id of another benefit of this place that pays this one.
    pub paid_by: Option<&'static str>,
    /// The rule says who may apply on the person's behalf (see its notes).
    pub on_behalf: bool,
    pub help: Help,
    /// Given once per household (a house, a rent, a family business), not per person.
    pub per_household: bool,
}

#[derive(Debug)]
pub struct Jurisdiction {
    pub id: &'static str,
    pub name: Text,
    pub region: Text,
    /// The document's number among the source documents ("000" …), "" for none.
    pub seed: &'static str,
    pub document: Text,
    pub number: &'static str,
    pub issued: &'static str,
    pub valid_from: u32,
    pub valid_until: u32,
    pub draft: bool,
    /// Somewhere without a local document: only national rules apply.
    pub national_only: bool,
    pub notes: &'static [PolicyText],
    pub benefit_count: usize,
    text_count: usize,
    rules_file: &'static str,
    text_files: [&'static str; 2],
    /// For each step (see [`steps`]), the office in this place.
    pub step_offices: &'static [PolicyText],
}

/// A step that comes before others in a plan: getting the certificate, a hardship recognition.
#[derive(Debug)]
pub struct Step {
    pub id: &'static str,
    pub name: Text,
    /// Indexes into [`documents`].
    pub bring: &'static [u8],
}

#[derive(Debug)]
pub struct Category {
    pub name: &'static str,
    pub label: Text,
    /// A yearly figure in this category is money paid to the person (it counts in the total).
    pub cash: bool,
}

#[derive(Debug)]
pub struct Document {
    pub key: &'static str,
    pub label: Text,
}

struct Index {
    national: Text,
    places: Vec<Jurisdiction>,
    categories: Vec<Category>,
    documents: Vec<Document>,
    steps: Vec<Step>,
    agent_bring: Vec<u8>,
}

fn text2(p: [&'static str; 2]) -> Text {
    Text { zh: p[0], en: p[1] }
}

fn index() -> &'static Index {
    static INDEX_DATA: OnceLock<Index> = OnceLock::new();
    INDEX_DATA.get_or_init(|| {
        // Compiled in by the same build that wrote it; the build already checked it reads back.
        let raw = codec::read_index(INDEX).expect("the compiled-in index reads");
        Index {
            national: text2(raw.national),
            places: raw
                .places
                .into_iter()
                .enumerate()
                .map(|(i, p): (usize, RawPlace<'static>)| Jurisdiction {
                    id: p.id,
                    name: text2(p.name),
                    region: text2(p.region),
                    seed: p.seed,
                    document: text2(p.document),
                    number: p.number,
                    issued: p.issued,
                    valid_from: p.valid_from,
                    valid_until: p.valid_until,
                    draft: p.draft,
                    national_only: p.national_only,
                    notes: leak(p.notes.iter().map(|n| PolicyText { table: i as u8, index: *n }).collect()),
                    benefit_count: p.benefit_count as usize,
                    text_count: p.text_count as usize,
                    rules_file: p.rules_file,
                    text_files: p.text_files,
                    step_offices: leak(p.step_offices.iter().map(|n| PolicyText { table: i as u8, index: *n }).collect()),
                })
                .collect(),
            categories: raw.categories.into_iter().map(|c| Category { name: c.name, label: text2(c.label), cash: c.cash }).collect(),
            documents: raw.documents.into_iter().map(|d| Document { key: d.key, label: text2(d.label) }).collect(),
            steps: raw.steps.into_iter().map(|s| Step { id: s.id, name: text2(s.name), bring: leak(s.bring) }).collect(),
            agent_bring: raw.agent_bring,
        }
    })
}

/// The national layer's name, the document of its citations ("国家规定").
pub fn national_name() -> Text {
    index().national
}

/// Every place, in the order of their address codes.
pub fn places() -> &'static [Jurisdiction] {
    &index().places
}

/// One place by its index.
pub fn jurisdiction(place: u8) -> &'static Jurisdiction {
    &index().places[place as usize]
}

/// A place by its id ("ejinhoro").
pub fn place_index(id: &str) -> Option<u8> {
    places().iter().position(|p| p.id == id).map(|i| i as u8)
}

/// The place for "somewhere else" (only national rules), if the seeds have one.
pub fn national_only_place() -> Option<u8> {
    places().iter().position(|p| p.national_only).map(|i| i as u8)
}

pub fn categories() -> &'static [Category] {
    &index().categories
}

pub fn documents() -> &'static [Document] {
    &index().documents
}

/// The steps that come before others in a plan (see seeds/national.toml).
pub fn steps() -> &'static [Step] {
    &index().steps
}

/// What someone applying on another person's behalf brings (indexes into [`documents`]).
pub fn agent_bring() -> &'static [u8] {
    &index().agent_bring
}

/// How many benefits a place has, known before its rules are loaded.
pub fn benefit_count(place: u8) -> usize {
    jurisdiction(place).benefit_count
}

/// The file name of a place's rules for the web app (content-hashed).
pub fn rule_file(place: u8) -> &'static str {
    jurisdiction(place).rules_file
}

/// The file name of a place's texts in one language (content-hashed).
pub fn text_file(place: u8, lang: Lang) -> &'static str {
    jurisdiction(place).text_files[lang as usize]
}

type RuleSlots = Vec<OnceLock<&'static [Benefit]>>;
type TextSlots = Vec<[OnceLock<&'static [&'static str]>; 2]>;

fn rule_slots() -> &'static RuleSlots {
    static SLOTS: OnceLock<RuleSlots> = OnceLock::new();
    SLOTS.get_or_init(|| places().iter().map(|_| OnceLock::new()).collect())
}

fn text_slots() -> &'static TextSlots {
    static SLOTS: OnceLock<TextSlots> = OnceLock::new();
    SLOTS.get_or_init(|| places().iter().map(|_| [OnceLock::new(), OnceLock::new()]).collect())
}

/// The rules of a place (in the web app: empty until [`install_rules`] has run for it).
pub fn benefits(place: u8) -> &'static [Benefit] {
    let slot = &rule_slots()[place as usize];
    #[cfg(any(not(target_arch = "wasm32"), feature = "embedded-rules"))]
    {
        slot.get_or_init(|| leak(decode_rules(place, RULE_BYTES[place as usize]).expect("the compiled-in rules read")))
    }
    #[cfg(all(target_arch = "wasm32", not(feature = "embedded-rules")))]
    {
        slot.get().copied().unwrap_or(&[])
    }
}

fn texts(place: u8, lang: Lang) -> Option<&'static [&'static str]> {
    let slot = &text_slots().get(place as usize)?[lang as usize];
    #[cfg(any(not(target_arch = "wasm32"), feature = "embedded-rules"))]
    {
        Some(slot.get_or_init(|| leak(TEXT_BODIES[place as usize][lang as usize].split('\n').collect())))
    }
    #[cfg(all(target_arch = "wasm32", not(feature = "embedded-rules")))]
    {
        slot.get().copied()
    }
}

/// Whether a place's rules are here.
pub fn rules_loaded(place: u8) -> bool {
    cfg!(any(not(target_arch = "wasm32"), feature = "embedded-rules")) || rule_slots()[place as usize].get().is_some()
}

/// Whether a place's texts in this language are here.
pub fn texts_loaded(place: u8, lang: Lang) -> bool {
    cfg!(any(not(target_arch = "wasm32"), feature = "embedded-rules")) || text_slots()[place as usize][lang as usize].get().is_some()
}

/// Keep a fetched rule file. False (and nothing kept) when it does not read as this build's file.
pub fn install_rules(place: u8, bytes: Vec<u8>) -> bool {
    let bytes: &'static [u8] = leak(bytes);
    match decode_rules(place, bytes) {
        Some(list) if list.len() == benefit_count(place) => {
            let _ = rule_slots()[place as usize].set(leak(list));
            true
        }
        _ => false,
    }
}

/// Keep a fetched text file. False when it does not match this build (e.g. a stale copy).
pub fn install_texts(place: u8, lang: Lang, body: String) -> bool {
    let body: &'static str = Box::leak(body.into_boxed_str());
    let lines: Vec<&'static str> = body.split('\n').collect();
    if lines.len() != jurisdiction(place).text_count {
        return false;
    }
    let _ = text_slots()[place as usize][lang as usize].set(leak(lines));
    true
}

/// A place's rule file, decoded. The trees live for the rest of the program (leaked once per
/// place), which is what `'static` rules need.
pub fn decode_rules(place: u8, bytes: &'static [u8]) -> Option<Vec<Benefit>> {
    let raw = codec::read_rules(bytes)?;
    let mut out = Vec::with_capacity(raw.len());
    for b in raw {
        out.push(benefit(place, b)?);
    }
    Some(out)
}

fn benefit(place: u8, b: RawBenefit<'static>) -> Option<Benefit> {
    let text = |i: u16| PolicyText { table: place, index: i };
    let money = |m: Option<codec::Decimal>| m.map(|(units, scale)| Money { units, scale });
    let mut amounts = Vec::with_capacity(b.amounts.len());
    for a in b.amounts {
        amounts.push(Amount {
            when: cond(&a.when)?,
            kind: *AmountKind::ALL.get(a.kind as usize)?,
            yuan: money(a.yuan),
            min: money(a.min),
            max: money(a.max),
            percent: money(a.percent),
            of: match a.of {
                Some(f) => Some(*Fact::ALL.get(f as usize)?),
                None => None,
            },
            cap: money(a.cap),
            at_least: a.at_least,
            may_exceed: a.may_exceed,
            what: a.what.map(text),
        });
    }
    if b.category as usize >= categories().len() || b.bring.iter().any(|d| *d as usize >= documents().len()) {
        return None;
    }
    Some(Benefit {
        id: b.id,
        jurisdiction: place,
        name: text(b.name),
        category: b.category,
        confidence: [Confidence::Explicit, Confidence::Conditions, Confidence::Mentioned][b.confidence as usize],
        condition: cond(&b.condition)?,
        office_decides: match &b.office_decides {
            Expr::Not(inner) if **inner == Expr::True => None,
            e => Some(cond(e)?),
        },
        amounts: leak(amounts),
        amount_note: b.amount_note.map(text),
        summary: text(b.summary),
        apply_at: text(b.apply_at),
        apply_at_note: b.apply_at_note.map(text),
        departments: leak(b.departments.into_iter().map(text).collect()),
        bring: leak(b.bring),
        cite: Citation { section: b.section, text: text(b.cite) },
        notes: leak(b.notes.into_iter().map(text).collect()),
        valid_from: b.valid_from,
        valid_until: b.valid_until,
        needs: b.needs,
        national: b.national,
        draft: jurisdiction(place).draft && !b.national,
        paid_by: b.paid_by,
        on_behalf: b.on_behalf,
        help: *Help::ALL.get(b.help as usize)?,
        per_household: b.per_household,
    })
}

/// The run-time form of a condition (facts checked against this build's table).
fn cond(e: &Expr) -> Option<Cond> {
    let fact = |f: &u8| Fact::ALL.get(*f as usize).copied();
    Some(match e {
        Expr::True => Cond::True,
        Expr::Yes(f) => Cond::Yes(fact(f)?),
        Expr::Word(f, mask) => Cond::Word(fact(f)?, *mask),
        Expr::Number(f, op, n) => Cond::Number(fact(f)?, *op, *n),
        Expr::Disability { kinds, grades } => Cond::Disability { kinds: *kinds, grades: *grades },
        Expr::Need(n) => Cond::Need(*n),
        Expr::Not(inner) => Cond::Not(Box::leak(Box::new(cond(inner)?))),
        Expr::All(parts) | Expr::Any(parts) => {
            let mut out = Vec::with_capacity(parts.len());
            for p in parts {
                out.push(cond(p)?);
            }
            if matches!(e, Expr::All(_)) {
                Cond::All(leak(out))
            } else {
                Cond::Any(leak(out))
            }
        }
    })
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}
