//! Conditions as evaluated at run time: a static tree (generated from the seeds) and three-valued
//! (Kleene) logic, so that an unanswered fact gives "unknown" instead of a guess.

use super::facts::{Facts, Value};
pub use super::syntax::Cmp;
use super::vocab::Fact;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cond {
    True,
    Yes(Fact),
    Word(Fact, u32),
    Number(Fact, Cmp, i64),
    Disability { kinds: u8, grades: u8 },
    Need(u8),
    Not(&'static Cond),
    All(&'static [Cond]),
    Any(&'static [Cond]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Truth {
    False,
    Unknown,
    True,
}

impl Truth {
    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
    fn from(b: bool) -> Truth {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
}

/// A set of facts as a bit mask (the fact table holds at most 64 facts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct FactSet(pub u64);

impl FactSet {
    pub fn insert(&mut self, f: Fact) {
        self.0 |= 1 << f as u64;
    }
    pub fn contains(self, f: Fact) -> bool {
        self.0 & (1 << f as u64) != 0
    }
    pub fn union(self, o: FactSet) -> FactSet {
        FactSet(self.0 | o.0)
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The facts in the set, in `Fact::ALL` order (walking the set bits only).
    pub fn iter(self) -> impl Iterator<Item = Fact> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            Fact::ALL.get(i).copied()
        })
    }
}

impl Cond {
    /// The truth of the condition and, when unknown, the unanswered facts that could settle it.
    pub fn eval(&self, facts: &Facts) -> (Truth, FactSet) {
        match *self {
            Cond::True => (Truth::True, FactSet::default()),
            Cond::Not(c) => {
                let (t, m) = c.eval(facts);
                (t.not(), m)
            }
            Cond::All(parts) => {
                let mut missing = FactSet::default();
                let mut result = Truth::True;
                for p in parts {
                    let (t, m) = p.eval(facts);
                    match t {
                        Truth::False => return (Truth::False, FactSet::default()),
                        Truth::Unknown => {
                            result = Truth::Unknown;
                            missing = missing.union(m);
                        }
                        Truth::True => {}
                    }
                }
                (result, missing)
            }
            Cond::Any(parts) => {
                let mut missing = FactSet::default();
                let mut result = Truth::False;
                for p in parts {
                    let (t, m) = p.eval(facts);
                    match t {
                        Truth::True => return (Truth::True, FactSet::default()),
                        Truth::Unknown => {
                            result = Truth::Unknown;
                            missing = missing.union(m);
                        }
                        Truth::False => {}
                    }
                }
                (result, missing)
            }
            _ => {
                let t = self.test(facts);
                let mut m = FactSet::default();
                if t == Truth::Unknown {
                    m.insert(facts.question_for(self.leaf_fact()));
                }
                (t, m)
            }
        }
    }

    /// The fact a leaf test reads.
    pub fn leaf_fact(&self) -> Fact {
        match *self {
            Cond::Yes(f) | Cond::Word(f, _) | Cond::Number(f, _, _) => f,
            Cond::Need(_) => Fact::needs(),
            _ => Fact::disabilities(),
        }
    }

    /// Truth of a leaf test.
    fn test(&self, facts: &Facts) -> Truth {
        // A fact that cannot exist (school details of someone who is not a student): tests are false.
        if let Cond::Yes(f) | Cond::Word(f, _) | Cond::Number(f, _, _) = *self {
            if facts.is_absent(f) {
                return Truth::False;
            }
        }
        match *self {
            Cond::Yes(f) => match facts.get(f) {
                Value::Bool(b) => Truth::from(*b),
                _ => Truth::Unknown,
            },
            Cond::Word(f, mask) => match facts.get(f) {
                Value::Word(w) => Truth::from(mask & (1 << *w) != 0),
                _ => Truth::Unknown,
            },
            Cond::Number(f, op, n) => match facts.get(f) {
                Value::Number(v) => Truth::from(op.holds(*v, Decimal::from(n))),
                _ => Truth::Unknown,
            },
            Cond::Need(n) => match facts.needs {
                Some(mask) => Truth::from(mask & (1 << n) != 0),
                None => Truth::Unknown,
            },
            Cond::Disability { kinds, grades } => {
                let Some(list) = &facts.disabilities else { return Truth::Unknown };
                let mut result = Truth::False;
                for d in list {
                    if kinds & (1 << d.kind) == 0 {
                        continue;
                    }
                    match d.grade {
                        Some(g) if grades & (1 << (g - 1)) != 0 => return Truth::True,
                        Some(_) => {}
                        // Not yet assessed: only "any grade" can be decided.
                        None if grades == 0x0f => return Truth::True,
                        None => result = Truth::Unknown,
                    }
                }
                result
            }
            _ => Truth::Unknown,
        }
    }

    /// The leaf tests that decided the result, each with its own truth: for a true `All` every
    /// part, for a false `All` the false parts, for a true `Any` the first true part, for a false
    /// `Any` every part. Used to explain a finding; `negated` flips as we pass through `Not`.
    pub fn decisive_leaves(&'static self, facts: &Facts, negated: bool, out: &mut Vec<Leaf>) {
        match *self {
            Cond::True => {}
            Cond::Not(c) => c.decisive_leaves(facts, !negated, out),
            Cond::All(parts) | Cond::Any(parts) => {
                let (whole, _) = self.eval(facts);
                let is_all = matches!(self, Cond::All(_));
                for p in parts {
                    let (t, _) = p.eval(facts);
                    let keep = match (is_all, whole) {
                        (_, Truth::Unknown) => t != if is_all { Truth::True } else { Truth::False },
                        (true, Truth::True) | (false, Truth::False) => true,
                        (true, Truth::False) => t == Truth::False,
                        (false, Truth::True) => t == Truth::True,
                    };
                    if keep {
                        p.decisive_leaves(facts, negated, out);
                        if !is_all && whole == Truth::True {
                            break;
                        }
                    }
                }
            }
            _ => out.push(Leaf { test: self, negated, truth: self.test(facts) }),
        }
    }
}

/// One test of a condition and how it came out for these facts.
#[derive(Debug, Clone, Copy)]
pub struct Leaf {
    pub test: &'static Cond,
    /// The rule wants this test to be false (it sits under `not`).
    pub negated: bool,
    pub truth: Truth,
}

impl Leaf {
    /// Whether the person meets this part of the rule.
    pub fn met(&self) -> Truth {
        if self.negated {
            self.truth.not()
        } else {
            self.truth
        }
    }
}
