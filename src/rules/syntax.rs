//! The condition language of the policy files (see seeds/README.md). The rule compiler
//! (`compile`, run by build.rs) parses every condition with it; the result is encoded into the rule
//! files by `codec`. The web app never parses conditions: it only decodes them.
//!
//! Facts are known through [`Vocab`], so the same parser serves build.rs (which reads the fact
//! table from seeds/facts.toml) and the crate (which has the generated `Fact` enum).

/// What the parser needs to know about the facts.
pub trait Vocab {
    /// A fact's position in the table and its kind.
    fn fact(&self, name: &str) -> Option<(u8, Kind)>;
    /// The words a word fact takes (the kinds for `disabilities`, the needs for `needs`).
    fn words(&self, fact: u8) -> Vec<String>;
    /// The fact of the given kind (`disabilities` or `needs`).
    fn fact_of_kind(&self, kind: Kind) -> Option<u8>;
}

/// The kind of value a fact holds, as far as conditions are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Bool,
    /// Whole numbers and money.
    Number,
    Word,
    Disabilities,
    Needs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    pub fn holds<T: PartialOrd>(self, left: T, right: T) -> bool {
        match self {
            Cmp::Eq => left == right,
            Cmp::Ne => left != right,
            Cmp::Lt => left < right,
            Cmp::Le => left <= right,
            Cmp::Gt => left > right,
            Cmp::Ge => left >= right,
        }
    }
}

/// A parsed condition. Definitions are expanded in place, so the tree only holds tests on facts.
/// Facts are their position in the fact table.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    True,
    Yes(u8),
    /// The word fact is one of the words in the bit mask.
    Word(u8, u32),
    Number(u8, Cmp, i64),
    /// Bit masks: kinds by index in KINDS, grades with bit g-1 for grade g.
    Disability {
        kinds: u8,
        grades: u8,
    },
    Need(u8),
    Not(Box<Expr>),
    All(Vec<Expr>),
    Any(Vec<Expr>),
}

/// Both `a and b` with `True` folded away.
pub fn and(a: Expr, b: Expr) -> Expr {
    match (a, b) {
        (Expr::True, e) | (e, Expr::True) => e,
        (Expr::All(mut v), Expr::All(w)) => {
            v.extend(w);
            Expr::All(v)
        }
        (Expr::All(mut v), e) => {
            v.push(e);
            Expr::All(v)
        }
        (e, Expr::All(mut v)) => {
            v.insert(0, e);
            Expr::All(v)
        }
        (a, b) => Expr::All(vec![a, b]),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Number(i64),
    Sym(&'static str),
}

fn tokenize(src: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Word(chars[start..i].iter().collect()));
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i < chars.len() && chars[i] == '.' {
                return Err(format!("decimal number at column {}: conditions compare whole numbers", start + 1));
            }
            let text: String = chars[start..i].iter().collect();
            out.push(Token::Number(text.parse().map_err(|_| format!("number too large: {text}"))?));
        } else {
            let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            let sym = match two.as_str() {
                "<=" => Some("<="),
                ">=" => Some(">="),
                "!=" => Some("!="),
                _ => None,
            };
            if let Some(s) = sym {
                out.push(Token::Sym(s));
                i += 2;
                continue;
            }
            let s = match c {
                '(' => "(",
                ')' => ")",
                '[' => "[",
                ']' => "]",
                ',' => ",",
                '|' => "|",
                '-' => "-",
                '=' => "=",
                '<' => "<",
                '>' => ">",
                _ => return Err(format!("unexpected character '{c}' at column {}", i + 1)),
            };
            out.push(Token::Sym(s));
            i += 1;
        }
    }
    Ok(out)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    vocab: &'a dyn Vocab,
    define: &'a dyn Fn(&str) -> Option<Expr>,
}

/// Parse a condition. `define` resolves names from `[define]` (already parsed).
pub fn parse(src: &str, vocab: &dyn Vocab, define: &dyn Fn(&str) -> Option<Expr>) -> Result<Expr, String> {
    if src.trim().is_empty() {
        return Ok(Expr::True);
    }
    let mut p = Parser { tokens: tokenize(src)?, pos: 0, vocab, define };
    let e = p.expr()?;
    if p.pos != p.tokens.len() {
        return Err(format!("unexpected {} after a complete condition", p.describe()));
    }
    Ok(e)
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }
    fn describe(&self) -> String {
        match self.peek() {
            None => "end of condition".into(),
            Some(Token::Word(w)) => format!("'{w}'"),
            Some(Token::Number(n)) => format!("'{n}'"),
            Some(Token::Sym(s)) => format!("'{s}'"),
        }
    }
    fn eat_word(&mut self, w: &str) -> bool {
        if matches!(self.peek(), Some(Token::Word(x)) if x == w) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn eat_sym(&mut self, s: &str) -> bool {
        if matches!(self.peek(), Some(Token::Sym(x)) if *x == s) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect_sym(&mut self, s: &str) -> Result<(), String> {
        if self.eat_sym(s) {
            Ok(())
        } else {
            Err(format!("expected '{s}' but found {}", self.describe()))
        }
    }
    fn word(&mut self) -> Result<String, String> {
        match self.peek().cloned() {
            Some(Token::Word(w)) => {
                self.pos += 1;
                Ok(w)
            }
            _ => Err(format!("expected a name but found {}", self.describe())),
        }
    }
    fn number(&mut self) -> Result<i64, String> {
        match self.peek().cloned() {
            Some(Token::Number(n)) => {
                self.pos += 1;
                Ok(n)
            }
            _ => Err(format!("expected a number but found {}", self.describe())),
        }
    }

    fn expr(&mut self) -> Result<Expr, String> {
        let mut parts = vec![self.term()?];
        while self.eat_word("or") {
            parts.push(self.term()?);
        }
        Ok(if parts.len() == 1 { parts.pop().unwrap() } else { Expr::Any(parts) })
    }
    fn term(&mut self) -> Result<Expr, String> {
        let mut e = self.factor()?;
        while self.eat_word("and") {
            e = and(e, self.factor()?);
        }
        Ok(e)
    }
    fn factor(&mut self) -> Result<Expr, String> {
        if self.eat_word("not") {
            return Ok(Expr::Not(Box::new(self.factor()?)));
        }
        if self.eat_sym("(") {
            let e = self.expr()?;
            self.expect_sym(")")?;
            return Ok(e);
        }
        let name = self.word()?;
        match name.as_str() {
            "disability" => self.disability(),
            "need" => {
                self.expect_sym("(")?;
                let n = self.word()?;
                let needs = self.kind_words(Kind::Needs);
                let i = needs.iter().position(|w| *w == n).ok_or_else(|| format!("unknown need '{n}' (known: {})", needs.join(", ")))?;
                self.expect_sym(")")?;
                Ok(Expr::Need(i as u8))
            }
            _ => self.test(&name),
        }
    }
    fn kind_words(&self, kind: Kind) -> Vec<String> {
        self.vocab.fact_of_kind(kind).map(|f| self.vocab.words(f)).unwrap_or_default()
    }
    fn disability(&mut self) -> Result<Expr, String> {
        self.expect_sym("(")?;
        let known = self.kind_words(Kind::Disabilities);
        if known.len() > 7 {
            return Err("at most 7 kinds of disability fit the rule format".into());
        }
        let mut kinds = 0u8;
        loop {
            let k = self.word()?;
            if k == "any" {
                kinds = 0x7f;
            } else {
                let i = known
                    .iter()
                    .position(|w| *w == k)
                    .ok_or_else(|| format!("unknown disability kind '{k}' (known: any, {})", known.join(", ")))?;
                kinds |= 1 << i;
            }
            if !self.eat_sym("|") {
                break;
            }
        }
        self.expect_sym(",")?;
        let grades = if self.eat_word("any") {
            0x0f
        } else {
            let from = self.number()?;
            let to = if self.eat_sym("-") { self.number()? } else { from };
            if !(1..=4).contains(&from) || !(1..=4).contains(&to) || from > to {
                return Err(format!("grades must be 1 to 4, lowest first; found {from}-{to}"));
            }
            (from..=to).fold(0u8, |m, g| m | 1 << (g - 1))
        };
        self.expect_sym(")")?;
        Ok(Expr::Disability { kinds, grades })
    }
    fn test(&mut self, name: &str) -> Result<Expr, String> {
        let Some((fact, kind)) = self.vocab.fact(name) else {
            if let Some(e) = (self.define)(name) {
                return Ok(e);
            }
            return Err(format!("unknown fact or definition '{name}'"));
        };
        let op = if self.eat_sym("=") {
            Some(Cmp::Eq)
        } else if self.eat_sym("!=") {
            Some(Cmp::Ne)
        } else if self.eat_sym("<") {
            Some(Cmp::Lt)
        } else if self.eat_sym("<=") {
            Some(Cmp::Le)
        } else if self.eat_sym(">") {
            Some(Cmp::Gt)
        } else if self.eat_sym(">=") {
            Some(Cmp::Ge)
        } else {
            None
        };
        let is_in = op.is_none() && self.eat_word("in");
        match (kind, op) {
            (Kind::Bool, None) if !is_in => Ok(Expr::Yes(fact)),
            (Kind::Bool, _) => Err(format!("'{name}' is yes/no: write '{name}' or 'not {name}'")),
            (Kind::Number, Some(op)) => Ok(Expr::Number(fact, op, self.number()?)),
            (Kind::Number, None) => Err(format!("'{name}' is a number: compare it with = != < <= > >=")),
            (Kind::Word, op) => {
                let words = self.vocab.words(fact);
                if words.len() > 32 {
                    return Err(format!("'{name}' has more than 32 words"));
                }
                let mut mask = 0u32;
                let mut one = |w: String| -> Result<(), String> {
                    let i = words
                        .iter()
                        .position(|x| *x == w)
                        .ok_or_else(|| format!("'{w}' is not a value of '{name}' (values: {})", words.join(", ")))?;
                    mask |= 1 << i;
                    Ok(())
                };
                match op {
                    Some(Cmp::Eq) | Some(Cmp::Ne) => one(self.word()?)?,
                    None if is_in => {
                        self.expect_sym("[")?;
                        loop {
                            one(self.word()?)?;
                            if !self.eat_sym(",") {
                                break;
                            }
                        }
                        self.expect_sym("]")?;
                    }
                    _ => return Err(format!("'{name}' takes = word, != word or in [words]")),
                }
                let e = Expr::Word(fact, mask);
                Ok(if op == Some(Cmp::Ne) { Expr::Not(Box::new(e)) } else { e })
            }
            (Kind::Disabilities, _) => Err("use disability(KINDS, GRADES)".into()),
            (Kind::Needs, _) => Err("use need(NAME)".into()),
        }
    }
}
