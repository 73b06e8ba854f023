//! The engine: from a household's facts to findings for every benefit of its jurisdiction.
//! Pure and allocation-light: one `Vec` of findings per household; reasons are worked out only
//! when a finding is explained.

use super::condition::{Cond, FactSet, Leaf, Truth};
use super::facts::Facts;
use super::policy::{benefits, categories, Amount, AmountKind, Benefit, Confidence};
use super::vocab::{Fact, FACT_COUNT};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Likely,
    Possible,
    /// A measure the document only names: worth asking about, never "you qualify".
    Service,
    Unlikely,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Likely => "likely",
            Status::Possible => "possible",
            Status::Service => "service",
            Status::Unlikely => "unlikely",
        }
    }
}

/// Caveats that travel with a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Warnings {
    /// The document is a draft for comment.
    pub draft: bool,
    /// The date asked about is after the document's period: the rule may have changed.
    pub expired: bool,
    /// The date asked about is before the rule took effect.
    pub not_yet: bool,
    /// Every fact we can check matches; the office still checks conditions we cannot ask about.
    pub office_checks: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Estimate {
    /// The amount case that applies; `None` when the policy states no amount or an unanswered fact
    /// decides between cases.
    pub case: Option<&'static Amount>,
    /// The figure in yuan where one can be worked out (yearly, one-off, cap, upper end of a range,
    /// or a percentage of a known cost, capped).
    pub value: Option<Decimal>,
}

#[derive(Debug, Clone, Copy)]
pub struct Finding {
    pub benefit: &'static Benefit,
    pub status: Status,
    pub amount: Estimate,
    /// Unanswered facts that would settle the status or the amount.
    pub missing: FactSet,
    pub warnings: Warnings,
}

/// The findings for one household: every benefit of its place (national rules only for somewhere
/// else), sorted likely, possible, services, unlikely; within each, larger amounts first.
/// Services whose situation does not match are left out. No jurisdiction: no findings.
pub fn evaluate(facts: &Facts) -> Vec<Finding> {
    let Some(j) = facts.jurisdiction else { return Vec::new() };
    let rules = benefits(j);
    let mut out = Vec::with_capacity(rules.len());
    for b in rules {
        if let Some(f) = assess(b, facts) {
            out.push(f);
        }
    }
    out.sort_by(|a, b| {
        a.status
            .cmp(&b.status)
            .then_with(|| b.amount.value.cmp(&a.amount.value))
            .then_with(|| a.benefit.confidence.cmp(&b.benefit.confidence))
    });
    out
}

/// One benefit for one household; `None` for a service that does not match the situation.
#[inline]
pub fn assess(b: &'static Benefit, facts: &Facts) -> Option<Finding> {
    let (truth, mut missing) = b.condition.eval(facts);
    // Where `office_decides` holds (or may hold), the office checks what no question can.
    let (office, office_missing) = match &b.office_decides {
        _ if truth != Truth::True => (Truth::False, FactSet::default()),
        None => (Truth::False, FactSet::default()),
        Some(Cond::True) => (Truth::True, FactSet::default()),
        Some(c) => c.eval(facts),
    };
    let status = match (b.confidence, truth) {
        (Confidence::Mentioned, Truth::True) => Status::Service,
        (Confidence::Mentioned, _) => return None,
        (_, Truth::True) if office != Truth::False => {
            missing = missing.union(office_missing);
            Status::Possible
        }
        (_, Truth::True) => Status::Likely,
        (_, Truth::Unknown) => Status::Possible,
        (_, Truth::False) => Status::Unlikely,
    };
    // Amounts matter for what a person may get; for the unlikely ones the cards list the cases.
    let amount = if status == Status::Unlikely {
        Estimate { case: None, value: None }
    } else {
        let (amount, amount_missing) = estimate(b, facts);
        missing = missing.union(amount_missing);
        amount
    };
    let draft = b.draft;
    let warnings = match facts.as_of {
        Some(day) => Warnings { draft, expired: day > b.valid_until, not_yet: day < b.valid_from, ..Warnings::default() },
        None => Warnings { draft, ..Warnings::default() },
    };
    let warnings = Warnings { office_checks: office == Truth::True, ..warnings };
    Some(Finding { benefit: b, status, amount, missing, warnings })
}

/// The amount case that applies and its figure, plus the facts that would decide it.
pub fn estimate(b: &'static Benefit, facts: &Facts) -> (Estimate, FactSet) {
    let mut missing = FactSet::default();
    for case in b.amounts {
        let (t, m) = case.when.eval(facts);
        match t {
            Truth::False => continue,
            Truth::Unknown => {
                missing = missing.union(m);
                // A later case may still apply; only the cases still open are worth showing.
                return (Estimate { case: None, value: None }, missing);
            }
            Truth::True => {
                let value = match case.kind {
                    AmountKind::Yearly | AmountKind::OneOff | AmountKind::Cap => case.yuan.map(|m| m.decimal()),
                    AmountKind::Range => case.max.map(|m| m.decimal()),
                    AmountKind::Percent => {
                        let base = case.of.and_then(|f| facts.number(f));
                        if base.is_none() {
                            if let Some(f) = case.of {
                                missing.insert(facts.question_for(f));
                            }
                        }
                        base.zip(case.percent).map(|(base, pct)| {
                            let v = (base * pct.decimal() / Decimal::ONE_HUNDRED).round_dp(2);
                            match case.cap {
                                Some(cap) => v.min(cap.decimal()),
                                None => v,
                            }
                        })
                    }
                    AmountKind::InKind => None,
                };
                return (Estimate { case: Some(case), value }, missing);
            }
        }
    }
    (Estimate { case: None, value: None }, missing)
}

/// The amount cases a person might still get while a fact is unanswered (for "4,000 or 3,000
/// depending on grade").
pub fn open_cases(b: &'static Benefit, facts: &Facts) -> Vec<&'static Amount> {
    b.amounts.iter().filter(|c| c.when.eval(facts).0 != Truth::False).collect()
}

/// The parts of the rule that decided this finding.
pub fn explain(finding: &Finding, facts: &Facts) -> Vec<Leaf> {
    let mut out = Vec::new();
    finding.benefit.condition.decisive_leaves(facts, false, &mut out);
    out
}

/// Yearly cash that can honestly be added up: likely findings with a fixed yearly figure, in a
/// category whose yearly figures are money paid to the person (`cash = true` in common.toml), from
/// a rule still within its document's period.
pub fn yearly_total(findings: &[Finding]) -> Decimal {
    findings
        .iter()
        .filter(|f| f.status == Status::Likely && !f.warnings.expired && categories()[f.benefit.category as usize].cash)
        .filter(|f| matches!(f.amount.case, Some(c) if c.kind == AmountKind::Yearly))
        .filter_map(|f| f.amount.value)
        .sum()
}

/// Unanswered facts, most useful first: how many findings each would help settle.
pub fn ranked_missing(findings: &[Finding], skip: FactSet) -> Vec<(Fact, usize)> {
    let mut counts = [0usize; FACT_COUNT];
    for f in findings {
        for fact in f.missing.iter() {
            counts[fact as usize] += 1;
        }
    }
    let mut ranked: Vec<(Fact, usize)> =
        Fact::ALL.iter().map(|f| (*f, counts[*f as usize])).filter(|(f, n)| *n > 0 && !skip.contains(*f)).collect();
    // Stable sort keeps the question order for ties.
    super::sort_short_by_key(&mut ranked, |(_, n)| std::cmp::Reverse(*n));
    ranked
}

/// How much each unanswered fact matters: for every rule still open, its missing facts count 2 (a
/// benefit) or 1 (a service that may or may not match the situation), plus the facts an amount
/// still depends on.
pub fn question_weights(facts: &Facts) -> [u32; FACT_COUNT] {
    let mut weights = [0u32; FACT_COUNT];
    let Some(j) = facts.jurisdiction else { return weights };
    for b in benefits(j) {
        let (truth, mut missing) = b.condition.eval(facts);
        if truth == Truth::False {
            continue;
        }
        missing = missing.union(estimate(b, facts).1);
        let weight = if b.confidence == Confidence::Mentioned { 1 } else { 2 };
        for f in missing.iter() {
            weights[f as usize] += weight;
        }
    }
    weights
}

/// The unanswered fact that would settle the most findings, leaving out those in `skip` (already
/// answered "not sure"). Ties go to the earlier fact in `Fact::ALL`. `None` when nothing more would
/// change the answer. A question with choices for some ages only (the needs: a job from 16) waits
/// for the age while the age is still to be asked, so a child is not offered them.
pub fn next_question(facts: &Facts, skip: FactSet) -> Option<Fact> {
    let weights = question_weights(facts);
    let open = |f: Fact| weights[f as usize] > 0 && !skip.contains(f) && !facts.is_known(f);
    let mut best: Option<(Fact, u32)> = None;
    for f in Fact::ALL {
        let w = weights[*f as usize];
        if open(*f) && best.is_none_or(|(_, bw)| w > bw) {
            best = Some((*f, w));
        }
    }
    best.map(|(f, _)| if f.words().iter().any(|w| w.from_age > 0) && open(Fact::age()) { Fact::age() } else { f })
}

/// How many questions could still be asked (an honest upper bound for the progress line).
pub fn questions_left(facts: &Facts, skip: FactSet) -> usize {
    let weights = question_weights(facts);
    Fact::ALL.iter().filter(|f| weights[**f as usize] > 0 && !skip.contains(**f) && !facts.is_known(**f)).count()
}
