//! What a person reads about one finding, worked out once: the status, the amount in words, the
//! caveats, the reasons, the citation, where to apply and what to bring. The answer JSON of
//! `evaluate` and the web app's pages both render a [`Card`]; neither words a finding itself.

use super::condition::{FactSet, Truth};
use super::engine::{explain, open_cases, Finding, Status};
use super::facts::Facts;
use super::policy::{benefits, documents, national_name, Amount, Benefit, Jurisdiction, Lang};
use super::words;

/// A caveat that travels with a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// The document is a draft for comment.
    Draft,
    /// The date asked about is after the document's period.
    PeriodEnded,
    /// The date asked about is before the rule took effect.
    NotYet,
    /// Every fact we can ask about matches; the office checks the document's other conditions.
    OfficeChecks,
}

impl Warning {
    /// The code in the answer JSON.
    pub fn code(self) -> &'static str {
        match self {
            Warning::Draft => "draft",
            Warning::PeriodEnded => "period_ended",
            Warning::NotYet => "not_yet_in_force",
            Warning::OfficeChecks => "office_checks_other_conditions",
        }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Warning::Draft => ("这份文件是征求意见稿，内容可能还会修改。", "This document is a draft for comment: it may still change."),
            Warning::PeriodEnded => (
                "文件的执行期已过，政策可能已经调整，请向经办部门确认。",
                "The document's period has ended: the rule may have changed. Check with the office.",
            ),
            Warning::NotYet => ("这条政策在您所选日期还没有开始执行。", "This rule had not started on the date asked about."),
            Warning::OfficeChecks => (
                "您符合我们能问到的条件；文件还有其他条件，由经办部门核实（见“需要注意”）。",
                "You meet every condition we can ask about; the office checks the document's other conditions (see “Please note”).",
            ),
        };
        if lang == Lang::Zh {
            zh
        } else {
            en
        }
    }
}

/// The amount of a finding in words.
#[derive(Debug, Clone)]
pub struct AmountText {
    /// The amount case that applies, if one does.
    pub case: Option<&'static Amount>,
    /// "每年 4,000 元"; the open cases joined ("每年 4,000 元 / 每年 3,000 元") while a fact decides
    /// between them; or the sentence saying the document states no amount.
    pub text: String,
    /// The document states an amount for this person (false: "no amount stated").
    pub stated: bool,
    /// An unanswered fact decides between several stated amounts.
    pub depends: bool,
    /// The figure worked out from the person's own costs ("约 5,400 元"), for percentages.
    pub estimate: Option<String>,
}

/// One line of "why": a condition of the rule and whether the person meets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub text: String,
    pub met: Truth,
}

/// Everything a person reads about one finding, in one language. What takes work (status, amount,
/// caveats, reasons) is worked out when the card is made; the rest is read from the benefit.
#[derive(Debug, Clone)]
pub struct Card<'d> {
    pub benefit: &'static Benefit,
    pub lang: Lang,
    pub status: Status,
    pub amount: AmountText,
    pub warnings: Vec<Warning>,
    /// The conditions that decided it, each once (for an unlikely finding, only those not met).
    pub reasons: Vec<Reason>,
    /// Unanswered facts that would settle it.
    pub missing: FactSet,
    /// "000 达拉特旗 …" — the document the rule comes from (see [`document_name`]).
    pub document: &'d str,
}

impl Card<'_> {
    pub fn id(&self) -> &'static str {
        self.benefit.id
    }
    pub fn name(&self) -> &'static str {
        self.benefit.name.get(self.lang)
    }
    pub fn summary(&self) -> &'static str {
        self.benefit.summary.get(self.lang)
    }
    pub fn section(&self) -> &'static str {
        self.benefit.cite.section
    }
    /// Our paraphrase of the passage.
    pub fn cite(&self) -> &'static str {
        self.benefit.cite.text.get(self.lang)
    }
    /// The office where one applies.
    pub fn apply_at(&self) -> &'static str {
        self.benefit.apply_at.get(self.lang)
    }
    /// Why that office, where it is our reading.
    pub fn apply_at_note(&self) -> Option<&'static str> {
        self.benefit.apply_at_note.map(|n| n.get(self.lang))
    }
    /// The other departments the document names.
    pub fn also(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.benefit.departments.iter().map(|d| d.get(self.lang))
    }
    /// What to bring.
    pub fn bring(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.benefit.bring.iter().map(|i| documents()[*i as usize].label.get(self.lang))
    }
    pub fn notes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.benefit.notes.iter().map(|n| n.get(self.lang))
    }
    /// Another benefit (its id) of the same place that pays this one.
    pub fn paid_by(&self) -> Option<&'static str> {
        self.benefit.paid_by
    }
}

/// "000 达拉特旗 …" — the short name of a place's document for citations.
pub fn document_name(place: &Jurisdiction, lang: Lang) -> String {
    if place.seed.is_empty() {
        place.document.get(lang).to_string()
    } else {
        format!("{} {} {}", place.seed, place.name.get(lang), place.number).trim_end().to_string()
    }
}

/// The amount of a finding in words (see [`AmountText`]).
pub fn amount_text(f: &Finding, facts: &Facts, lang: Lang) -> AmountText {
    // Paid through another benefit of the place (counted once, there).
    if let Some(by) = f.benefit.paid_by.and_then(|id| benefits(f.benefit.jurisdiction).iter().find(|b| b.id == id)) {
        return AmountText {
            case: None,
            text: words::paid_through(by.name.get(lang), lang),
            stated: false,
            depends: false,
            estimate: None,
        };
    }
    match f.amount.case {
        Some(case) => AmountText {
            case: Some(case),
            text: words::describe_amount(case, lang),
            stated: true,
            depends: false,
            estimate: words::describe_estimate(&f.amount, lang),
        },
        None => {
            let open: Vec<&Amount> = if f.status == Status::Unlikely { Vec::new() } else { open_cases(f.benefit, facts) };
            if open.is_empty() {
                let text = f.benefit.amount_note.map(|n| n.get(lang)).unwrap_or_else(|| words::no_amount(lang));
                AmountText { case: None, text: text.to_string(), stated: false, depends: false, estimate: None }
            } else {
                let text = words::describe_open_amounts(&open, lang);
                AmountText { case: None, text, stated: true, depends: true, estimate: None }
            }
        }
    }
}

/// The caveats of a finding, in the order they are shown.
pub fn warnings(f: &Finding) -> Vec<Warning> {
    let w = f.warnings;
    [(w.draft, Warning::Draft), (w.expired, Warning::PeriodEnded), (w.not_yet, Warning::NotYet), (w.office_checks, Warning::OfficeChecks)]
        .into_iter()
        .filter_map(|(on, warning)| on.then_some(warning))
        .collect()
}

/// The reasons of a finding: the decisive conditions, each once; for an unlikely finding only the
/// ones not met (what would have to change).
pub fn reasons(f: &Finding, facts: &Facts, lang: Lang) -> Vec<Reason> {
    let leaves = explain(f, facts);
    let mut out: Vec<Reason> = Vec::with_capacity(leaves.len());
    for (i, leaf) in leaves.iter().enumerate() {
        if f.status == Status::Unlikely && leaf.met() != Truth::False {
            continue;
        }
        // The same test reached twice (the place's `requires` and the rule both ask for the certificate).
        if leaves[..i].iter().any(|l| l.test == leaf.test && l.negated == leaf.negated) {
            continue;
        }
        out.push(Reason { text: words::describe_leaf(leaf, lang), met: leaf.met() });
    }
    out
}

/// The card of one finding; `document` is the place's [`document_name`] (worked out once for all
/// the cards of a place).
pub fn card<'d>(f: &Finding, facts: &Facts, lang: Lang, document: &'d str) -> Card<'d> {
    let document = if f.benefit.national { national_name().get(lang) } else { document };
    Card {
        benefit: f.benefit,
        lang,
        status: f.status,
        amount: amount_text(f, facts, lang),
        warnings: warnings(f),
        reasons: reasons(f, facts, lang),
        missing: f.missing,
        document,
    }
}
