//! The session: the answers for everyone in the household being checked (one person, or a relative
//! helping two disabled family members), who is filling in, and the display settings. Pure Rust, no
//! web types. It is kept in the page address (the part after `#`, which browsers never send to a
//! server) in a compact, versioned text form, so that back, reload and a hand-off link all carry the
//! same answers without storing anything on the device.

use crate::rules::codec::SETTING_CODES;
use crate::rules::condition::FactSet;
use crate::rules::facts::{Disability, Facts, Value};
use crate::rules::policy::{place_index, places};
use crate::rules::vocab::{kinds, needs, Fact, FactType, FACT_CODES};
use crate::rules::Lang;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Who is answering: wording follows it ("您…" / "您的家人…" / "申请人…").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Helper {
    #[default]
    Myself,
    Family,
    Staff,
}

/// The answers about one person of the household.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Person {
    pub facts: Facts,
    /// Questions answered "I'm not sure": not asked again, the fact stays unanswered.
    pub not_sure: FactSet,
    /// Questions in the order they were answered (for the back link and the check page).
    pub asked: Vec<Fact>,
    /// A short name the person filling in typed ("爸爸"); "" shows as "person 1".
    pub name: String,
}

/// The session. The person whose questions are being answered is in `facts`, `not_sure`, `asked`
/// and `name`; everyone else of the household is in `others`, and `index` is the current person's
/// place among all of them. Household facts (status, housing, …) are the same for everyone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Session {
    pub facts: Facts,
    /// Questions answered "I'm not sure": not asked again, the fact stays unanswered.
    pub not_sure: FactSet,
    /// Questions in the order they were answered (for the back link and the check page).
    pub asked: Vec<Fact>,
    /// The current person's short name ("" = "person N").
    pub name: String,
    /// The other people of the household, in order, without the current one.
    pub others: Vec<Person>,
    /// The current person's position among everyone (0 = the first).
    pub index: usize,
    pub helper: Option<Helper>,
    pub lang: Lang,
    /// 0 normal, 1 large, 2 extra large.
    pub text_size: u8,
    pub high_contrast: bool,
    /// Kiosk mode (a shared touch screen): seconds without a touch before everything is wiped.
    pub kiosk_idle: Option<u16>,
}

/// Why a saved address could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Made by a newer or older version of the app.
    Version,
    /// Cut short, mistyped or changed.
    Damaged,
}

/// The address format: 2 holds several people; 1 (one person) is still read.
const VERSION: &str = "2";
/// At most this many people in one household (each costs address length).
pub const MAX_PEOPLE: usize = 6;
/// A short name is at most this many characters.
pub const MAX_NAME: usize = 12;
// The letters of the facts (seeds/facts.toml) and of the other fields never collide.
const _: () = {
    assert!(FACT_CODES.len() == Fact::ALL.len());
    let mut i = 0;
    while i < SETTING_CODES.len() {
        let mut j = 0;
        while j < FACT_CODES.len() {
            assert!(SETTING_CODES[i] != FACT_CODES[j], "a setting key is also a fact letter");
            j += 1;
        }
        i += 1;
    }
};

fn code(f: Fact) -> char {
    FACT_CODES[f as usize] as char
}

fn fact_for(c: u8) -> Option<Fact> {
    FACT_CODES.iter().position(|x| *x == c).map(|i| Fact::ALL[i])
}

impl Session {
    /// A new session for the next person at a kiosk: nothing of the last one is kept but the
    /// kiosk setting itself.
    pub fn fresh_kiosk(&self) -> Session {
        Session { kiosk_idle: self.kiosk_idle, ..Session::default() }
    }

    /// The answers for another device (the hand-off link): no kiosk setting, no display settings
    /// but the language.
    pub fn for_handoff(&self) -> Session {
        Session { kiosk_idle: None, text_size: 0, high_contrast: false, ..self.clone() }
    }

    /// Record that a question was answered (or skipped), keeping the first-answered order.
    pub fn mark_asked(&mut self, f: Fact) {
        if !self.asked.contains(&f) {
            self.asked.push(f);
        }
    }

    /// The current person as a `Person`.
    pub fn current(&self) -> Person {
        Person { facts: self.facts.clone(), not_sure: self.not_sure, asked: self.asked.clone(), name: self.name.clone() }
    }

    /// Everyone in the household, in order.
    pub fn people(&self) -> Vec<Person> {
        let mut all = self.others.clone();
        all.insert(self.index.min(all.len()), self.current());
        all
    }

    /// How many people the session holds.
    pub fn count(&self) -> usize {
        self.others.len() + 1
    }

    /// The same session with person `i` as the current one.
    pub fn with_current(&self, i: usize) -> Session {
        let mut all = self.people();
        if i >= all.len() {
            return self.clone();
        }
        let p = all.remove(i);
        Session { facts: p.facts, not_sure: p.not_sure, asked: p.asked, name: p.name, others: all, index: i, ..self.clone() }
    }

    /// The same session with a new person at the end, who becomes the current one: they share the
    /// place and the household's answers (and the household questions answered "not sure").
    pub fn with_new_person(&self, name: &str) -> Session {
        let mut facts = Facts::default();
        facts.jurisdiction = self.facts.jurisdiction;
        facts.as_of = self.facts.as_of;
        let mut not_sure = FactSet::default();
        let mut asked = Vec::new();
        for f in Fact::ALL.iter().filter(|f| f.is_household()) {
            facts.set(*f, self.facts.get(*f).clone());
            if self.not_sure.contains(*f) {
                not_sure.insert(*f);
            }
            if self.asked.contains(f) {
                asked.push(*f);
            }
        }
        let mut others = self.people();
        let index = others.len();
        let name = clean_name(name);
        others.truncate(MAX_PEOPLE - 1);
        Session { facts, not_sure, asked, name, others, index: index.min(MAX_PEOPLE - 1), ..self.clone() }
    }

    /// After the current person's answer to a household question: everyone shares it.
    pub fn share_household(&mut self, f: Fact) {
        if !f.is_household() {
            return;
        }
        for p in &mut self.others {
            p.facts.set(f, self.facts.get(f).clone());
            if self.not_sure.contains(f) {
                p.not_sure.insert(f);
            } else {
                p.not_sure = FactSet(p.not_sure.0 & !(1u64 << f as u64));
            }
            if !p.asked.contains(&f) && self.asked.contains(&f) {
                p.asked.push(f);
            }
        }
    }

    /// The place everyone is checked for (the same for the whole household).
    pub fn set_place(&mut self, place: u8) {
        self.facts.jurisdiction = Some(place);
        for p in &mut self.others {
            p.facts.jurisdiction = Some(place);
        }
    }

    /// The compact form: the version, then `.`-separated fields, each a letter and a value: the
    /// settings, then for each person a `P` field (their short name, hex of UTF-8) and their answers.
    /// Household answers are written once, with the first person. Only URL-safe characters:
    /// letters, digits, `.`, `-`, `_`, `~`. One person without a name is written in version 1 (no
    /// `P` field), so the usual link stays as short as before and older copies of the app open it.
    pub fn encode(&self) -> String {
        let one = self.others.is_empty() && self.name.is_empty();
        let mut parts = vec![if one { "1".to_string() } else { VERSION.to_string() }];
        if let Some(j) = self.facts.jurisdiction {
            parts.push(format!("J{j}"));
        }
        if let Some(h) = self.helper {
            parts.push(format!("H{}", h as u8));
        }
        if self.lang == Lang::En {
            parts.push("L1".into());
        }
        if self.text_size > 0 {
            parts.push(format!("T{}", self.text_size));
        }
        if self.high_contrast {
            parts.push("K1".into());
        }
        if let Some(idle) = self.kiosk_idle {
            parts.push(format!("X{idle}"));
        }
        if self.index > 0 {
            parts.push(format!("N{}", self.index));
        }
        for (i, p) in self.people().iter().enumerate() {
            if !one {
                parts.push(format!("P{}", p.name.bytes().map(|b| format!("{b:02x}")).collect::<String>()));
            }
            let own = |f: &Fact| i == 0 || !f.is_household();
            let not_sure = Fact::ALL.iter().filter(|f| own(f) && p.not_sure.contains(**f)).fold(0u64, |m, f| m | 1 << *f as u64);
            if not_sure != 0 {
                parts.push(format!("S{not_sure:x}"));
            }
            let asked: String = p.asked.iter().filter(|f| own(f)).map(|f| code(*f)).collect();
            if !asked.is_empty() {
                parts.push(format!("Q{asked}"));
            }
            for f in Fact::ALL.iter().filter(|f| own(f)) {
                if let Some(v) = encode_fact(&p.facts, *f) {
                    parts.push(format!("{}{v}", code(*f)));
                }
            }
        }
        parts.join(".")
    }

    /// Read the compact form back (this version's, or the one-person form of version 1); anything
    /// unexpected is an error, never a panic or a guess.
    pub fn decode(text: &str) -> Result<Session, DecodeError> {
        let mut fields = text.split('.');
        let several = match fields.next() {
            Some(VERSION) => true,
            Some("1") => false,
            Some(v) if !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit()) => return Err(DecodeError::Version),
            _ => return Err(DecodeError::Damaged),
        };
        let mut s = Session::default();
        let mut people: Vec<Person> = Vec::new();
        // Version 1 has one person and no `P` field: their answers start at once.
        if !several {
            people.push(Person::default());
        }
        let mut seen = 0u64;
        let mut current = 0usize;
        for field in fields {
            let (&key, value) = field.as_bytes().split_first().ok_or(DecodeError::Damaged)?;
            let value = std::str::from_utf8(value).map_err(|_| DecodeError::Damaged)?;
            let small = |max: u8| value.parse::<u8>().ok().filter(|v| *v <= max).ok_or(DecodeError::Damaged);
            if key == b'P' && several {
                if people.len() == MAX_PEOPLE {
                    return Err(DecodeError::Damaged);
                }
                let name = name_from_hex(value)?;
                people.push(Person { name, ..Person::default() });
                // Each person's keys once again.
                seen &= !FACT_KEYS;
                continue;
            }
            // Each key once (per person): a repeated key means the text was tampered with or garbled.
            let bit = 1u64 << (key % 64);
            if seen & bit != 0 {
                return Err(DecodeError::Damaged);
            }
            seen |= bit;
            match key {
                b'J' => s.facts.jurisdiction = Some(small(places().len() as u8 - 1)?),
                b'H' => s.helper = Some([Helper::Myself, Helper::Family, Helper::Staff][small(2)? as usize]),
                b'L' => s.lang = if small(1)? == 1 { Lang::En } else { Lang::Zh },
                b'T' => s.text_size = small(2)?,
                b'K' => s.high_contrast = small(1)? == 1,
                b'X' => s.kiosk_idle = Some(value.parse::<u16>().ok().filter(|v| (5..=3600).contains(v)).ok_or(DecodeError::Damaged)?),
                b'N' if several => current = small(MAX_PEOPLE as u8 - 1)? as usize,
                b'S' => people.last_mut().ok_or(DecodeError::Damaged)?.not_sure = FactSet(hex(value, all_facts())?),
                b'Q' => {
                    let p = people.last_mut().ok_or(DecodeError::Damaged)?;
                    for c in value.bytes() {
                        let f = fact_for(c).ok_or(DecodeError::Damaged)?;
                        if p.asked.contains(&f) {
                            return Err(DecodeError::Damaged);
                        }
                        p.asked.push(f);
                    }
                }
                c => {
                    let f = fact_for(c).ok_or(DecodeError::Damaged)?;
                    // Household answers come with the first person only.
                    if several && f.is_household() && people.len() > 1 {
                        return Err(DecodeError::Damaged);
                    }
                    let p = people.last_mut().ok_or(DecodeError::Damaged)?;
                    decode_fact(&mut p.facts, f, value)?;
                }
            }
        }
        if people.is_empty() || current >= people.len() {
            return Err(DecodeError::Damaged);
        }
        // Everyone shares the place and the first person's household answers.
        let first = people[0].clone();
        for p in people.iter_mut() {
            p.facts.jurisdiction = s.facts.jurisdiction;
            for f in Fact::ALL.iter().filter(|f| f.is_household()) {
                p.facts.set(*f, first.facts.get(*f).clone());
                if first.not_sure.contains(*f) {
                    p.not_sure.insert(*f);
                }
                if first.asked.contains(f) && !p.asked.contains(f) {
                    p.asked.push(*f);
                }
            }
        }
        let place = s.facts.jurisdiction;
        let p = people.remove(current);
        s.facts = p.facts;
        s.facts.jurisdiction = place;
        s.not_sure = p.not_sure;
        s.asked = p.asked;
        s.name = p.name;
        s.others = people;
        s.index = current;
        Ok(s)
    }
}

/// Every fact's bit in a fact set.
fn all_facts() -> u64 {
    u64::MAX >> (64 - Fact::ALL.len())
}

/// The `seen` bits of the keys a person's section may hold again (every fact letter, S and Q).
const FACT_KEYS: u64 = {
    let mut m = 1u64 << (b'S' % 64) | 1u64 << (b'Q' % 64);
    let mut i = 0;
    while i < FACT_CODES.len() {
        m |= 1u64 << (FACT_CODES[i] % 64);
        i += 1;
    }
    m
};

/// A short name as typed: trimmed, at most `MAX_NAME` characters, no control characters.
pub fn clean_name(name: &str) -> String {
    name.trim().chars().filter(|c| !c.is_control()).take(MAX_NAME).collect()
}

fn name_from_hex(value: &str) -> Result<String, DecodeError> {
    if !value.len().is_multiple_of(2) || value.len() > 8 * MAX_NAME {
        return Err(DecodeError::Damaged);
    }
    let bytes = (0..value.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&value[i..i + 2], 16))
        .collect::<Result<Vec<u8>, _>>()
        .map_err(|_| DecodeError::Damaged)?;
    let name = String::from_utf8(bytes).map_err(|_| DecodeError::Damaged)?;
    if clean_name(&name) != name {
        return Err(DecodeError::Damaged);
    }
    Ok(name)
}

/// One answer in the address form ("31", "1", "45", "12345-5").
fn encode_fact(facts: &Facts, f: Fact) -> Option<String> {
    match f.value_type() {
        FactType::Disabilities => {
            facts.disabilities.as_ref().map(|list| list.iter().map(|d| format!("{}{}", d.kind, d.grade.unwrap_or(0))).collect::<String>())
        }
        FactType::Needs => facts.needs.map(|n| format!("{n:x}")),
        _ => match facts.get(f) {
            Value::Unknown => None,
            Value::Bool(b) => Some((*b as u8).to_string()),
            Value::Word(w) => Some(w.to_string()),
            Value::Number(n) => Some(n.normalize().to_string().replace('.', "-")),
        },
    }
}

fn hex(value: &str, max: u64) -> Result<u64, DecodeError> {
    u64::from_str_radix(value, 16).ok().filter(|v| *v <= max).ok_or(DecodeError::Damaged)
}

fn decode_fact(facts: &mut Facts, f: Fact, value: &str) -> Result<(), DecodeError> {
    match f.value_type() {
        FactType::Disabilities => {
            let b = value.as_bytes();
            if !b.len().is_multiple_of(2) || b.len() > 2 * kinds().len() {
                return Err(DecodeError::Damaged);
            }
            let mut list = Vec::new();
            for pair in b.chunks(2) {
                let kind = pair[0].wrapping_sub(b'0');
                let grade = pair[1].wrapping_sub(b'0');
                if kind as usize >= kinds().len() || grade > 4 {
                    return Err(DecodeError::Damaged);
                }
                list.push(Disability { kind, grade: (grade > 0).then_some(grade) });
            }
            facts.disabilities = Some(list);
        }
        FactType::Needs => facts.needs = Some(hex(value, (1 << needs().len()) - 1)? as u16),
        FactType::Bool => match value {
            "0" => facts.set(f, Value::Bool(false)),
            "1" => facts.set(f, Value::Bool(true)),
            _ => return Err(DecodeError::Damaged),
        },
        FactType::Word => {
            let w = value.parse::<u8>().ok().filter(|w| (*w as usize) < f.words().len()).ok_or(DecodeError::Damaged)?;
            facts.set(f, Value::Word(w));
        }
        FactType::Number | FactType::Money => {
            if value.is_empty() || !value.bytes().all(|c| c.is_ascii_digit() || c == b'-') || value.matches('-').count() > 1 {
                return Err(DecodeError::Damaged);
            }
            let n = Decimal::from_str(&value.replacen('-', ".", 1)).map_err(|_| DecodeError::Damaged)?;
            // The same limits as the form and the JSON reader.
            if !f.accepts(n) {
                return Err(DecodeError::Damaged);
            }
            facts.set(f, Value::Number(n));
        }
    }
    Ok(())
}

/// The pages of the app; each has its own address (`#slug/answers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Start,
    Who,
    Where,
    Question(Fact),
    /// The same question reached from the check page: answering returns there.
    Change(Fact),
    Check,
    Results,
    /// Which offices to visit, in which order, with what (everyone in the household).
    Plan,
    /// Add another person of the same household (a short name, then their questions).
    AddPerson,
    /// A form to authorise someone to apply on the applicant's behalf, to print and fill by hand.
    Authorise,
    /// Every benefit of one place (`None`: the list of places).
    Browse(Option<u8>),
}

impl Page {
    pub fn slug(self) -> String {
        match self {
            Page::Start => "start".into(),
            Page::Who => "who".into(),
            Page::Where => "where".into(),
            Page::Question(f) => format!("q-{}", f.name()),
            Page::Change(f) => format!("change-{}", f.name()),
            Page::Check => "check".into(),
            Page::Results => "results".into(),
            Page::Plan => "plan".into(),
            Page::AddPerson => "add-person".into(),
            Page::Authorise => "authorise".into(),
            Page::Browse(None) => "browse".into(),
            Page::Browse(Some(j)) => format!("browse-{}", places()[j as usize].id),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Page> {
        Some(match slug {
            "" | "start" => Page::Start,
            "who" => Page::Who,
            "where" => Page::Where,
            "check" => Page::Check,
            "results" => Page::Results,
            "plan" => Page::Plan,
            "add-person" => Page::AddPerson,
            "authorise" => Page::Authorise,
            "browse" => Page::Browse(None),
            _ => {
                if let Some(f) = slug.strip_prefix("q-") {
                    Page::Question(Fact::from_name(f)?)
                } else if let Some(f) = slug.strip_prefix("change-") {
                    Page::Change(Fact::from_name(f)?)
                } else if let Some(j) = slug.strip_prefix("browse-") {
                    Page::Browse(Some(place_index(j)?))
                } else {
                    return None;
                }
            }
        })
    }
}

/// The address (without `#`) of a page with these answers.
pub fn address(page: Page, session: &Session) -> String {
    format!("{}/{}", page.slug(), session.encode())
}

/// Read an address. An unknown page gives the start page; unreadable answers give an error so
/// the app can say so and start empty.
pub fn parse_address(hash: &str) -> (Page, Result<Session, DecodeError>) {
    let hash = hash.trim_start_matches('#');
    let (slug, state) = hash.split_once('/').unwrap_or((hash, ""));
    let page = Page::from_slug(slug).unwrap_or(Page::Start);
    let session = if state.is_empty() { Ok(Session::default()) } else { Session::decode(state) };
    (page, session)
}

/// Where the questionnaire goes next: who is filling in, where, then the question the engine says
/// would settle the most, then the check page.
pub fn next_page(s: &Session) -> Page {
    next_page_with(s, crate::rules::next_question)
}

/// [`next_page`] with the engine's choice of question passed in: the web app passes the engine
/// from the questions' code, which it downloads after the start page (`ui::split`).
pub fn next_page_with(s: &Session, next_question: impl FnOnce(&Facts, FactSet) -> Option<Fact>) -> Page {
    if s.helper.is_none() {
        return Page::Who;
    }
    match s.facts.jurisdiction {
        None => Page::Where,
        Some(_) => match next_question(&s.facts, s.not_sure) {
            Some(f) => Page::Question(f),
            None => Page::Check,
        },
    }
}

/// Where the on-page back link goes.
pub fn previous_page(s: &Session, page: Page) -> Page {
    let last_before = |f: Option<Fact>| {
        let end = f.and_then(|f| s.asked.iter().position(|x| *x == f)).unwrap_or(s.asked.len());
        s.asked[..end].last().map(|f| Page::Question(*f)).unwrap_or(Page::Where)
    };
    match page {
        Page::Start | Page::Browse(None) => Page::Start,
        Page::Browse(Some(_)) => Page::Browse(None),
        Page::Who => Page::Start,
        Page::Where => Page::Who,
        Page::Question(f) => last_before(Some(f)),
        Page::Change(_) => Page::Check,
        Page::Check => last_before(None),
        Page::Results => Page::Check,
        Page::AddPerson => Page::Results,
        Page::Plan => Page::Results,
        Page::Authorise => Page::Plan,
    }
}
