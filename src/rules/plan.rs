//! The plan: which offices to visit, in which order, what to ask for at each and what to bring, for
//! everyone in the household at once. It is policy, derived from the rules' conditions rather than
//! written by hand, so it lives in the rules layer; the plan page and `evaluate --plan` render it.
//!
//! - A person without the disability certificate first goes for the assessment and certificate
//!   (most rules need it): the benefits it would open are worked out by evaluating their answers
//!   as if they held one, and wait for that visit.
//! - Benefits that still need a recognised hardship status (dibao, low income …) wait for a visit
//!   to apply for that recognition.
//! - Every other benefit a person may get is asked for at the office where one applies; each office
//!   is one visit, with one merged list of documents.

use super::engine::{evaluate, Finding, Status};
use super::facts::{Facts, Value};
use super::policy::{agent_bring, categories, jurisdiction, steps, PolicyText, Step};
use super::vocab::Fact;

/// One benefit to ask for, for one person.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    /// The person's position in the household (0 = the first).
    pub person: usize,
    pub finding: Finding,
    /// The visit (its position in the plan) that must come first.
    pub after: Option<usize>,
}

/// One visit to one office.
#[derive(Debug, Clone)]
pub struct Visit {
    /// A step that comes before others (the certificate, a hardship recognition), or `None`: applying.
    pub step: Option<&'static Step>,
    pub office: PolicyText,
    /// Whose visit it is.
    pub people: Vec<usize>,
    /// For a step: the benefits it opens; otherwise what to ask for here (likely first, then possible,
    /// then services to ask about).
    pub items: Vec<Item>,
    /// Documents to bring, each once (indexes into `policy::documents`).
    pub bring: Vec<u8>,
    /// A rule of this visit says who may apply on the person's behalf.
    pub on_behalf_stated: bool,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub visits: Vec<Visit>,
    /// Someone fills in for the person (a relative or staff): the agent's own papers are listed.
    pub on_behalf: bool,
    /// What the agent brings (indexes into `policy::documents`).
    pub agent_bring: &'static [u8],
}

fn open(f: &Finding) -> bool {
    matches!(f.status, Status::Likely | Status::Possible | Status::Service)
}

fn step(id: &str) -> Option<(usize, &'static Step)> {
    steps().iter().enumerate().find(|(_, s)| s.id == id)
}

/// Cash before insurance before services; stated amounts before unstated; larger first.
fn rank(f: &Finding) -> (Status, u8, bool, std::cmp::Reverse<Option<rust_decimal::Decimal>>) {
    let cash = categories()[f.benefit.category as usize].cash;
    (f.status, !cash as u8, f.amount.value.is_none(), std::cmp::Reverse(f.amount.value))
}

/// The plan for a household: each person's answers (everyone in the same place).
pub fn plan(people: &[&Facts], on_behalf: bool) -> Plan {
    let mut visits: Vec<Visit> = Vec::new();
    let Some(place) = people.first().and_then(|f| f.jurisdiction) else {
        return Plan { visits, on_behalf, agent_bring: agent_bring() };
    };
    let offices = jurisdiction(place).step_offices;
    let mut items: Vec<Item> = Vec::new();
    for (person, facts) in people.iter().enumerate() {
        let findings = evaluate(facts);
        // Without the certificate: what would it open?
        let certificate_step = match (facts.get(Fact::Certificate), step("certificate")) {
            (Value::Bool(true), _) | (_, None) => None,
            (_, Some((i, s))) => {
                let mut with = (*facts).clone();
                with.set(Fact::Certificate, Value::Bool(true));
                let opened: Vec<Finding> = evaluate(&with)
                    .into_iter()
                    .filter(|f| {
                        open(f)
                            && findings.iter().any(|g| g.benefit.id == f.benefit.id && (!open(g) || g.missing.contains(Fact::Certificate)))
                    })
                    .collect();
                (!opened.is_empty()).then(|| {
                    let at = visit_for(&mut visits, Some(s), offices.get(i).copied(), person);
                    for f in &opened {
                        items.push(Item { person, finding: *f, after: Some(at) });
                    }
                    at
                })
            }
        };
        for f in findings.iter().filter(|f| open(f)) {
            // Paid through another benefit that is asked for anyway: one request, not two.
            if f.benefit.paid_by.is_some_and(|by| findings.iter().any(|g| g.benefit.id == by && open(g))) {
                continue;
            }
            if certificate_step.is_some() && items.iter().any(|i| i.person == person && i.finding.benefit.id == f.benefit.id) {
                continue;
            }
            items.push(Item { person, finding: *f, after: None });
        }
    }
    // A benefit given per household is asked for once, for whoever it is likeliest for.
    let mut k = 0;
    while k < items.len() {
        let b = items[k].finding.benefit;
        match (b.per_household, items[..k].iter().position(|i| i.finding.benefit.id == b.id)) {
            (true, Some(first)) => {
                if items[k].finding.status < items[first].finding.status {
                    items[first] = items[k];
                }
                items.remove(k);
            }
            _ => k += 1,
        }
    }
    // Benefits that wait for a recognised hardship status.
    if let Some((i, s)) = step("recognition") {
        let waiting: Vec<usize> = (0..items.len()).filter(|k| items[*k].finding.missing.contains(Fact::HouseholdStatus)).collect();
        if !waiting.is_empty() {
            let person = items[waiting[0]].person;
            let at = visit_for(&mut visits, Some(s), offices.get(i).copied(), person);
            for k in waiting {
                if !visits[at].people.contains(&items[k].person) {
                    visits[at].people.push(items[k].person);
                }
                items[k].after.get_or_insert(at);
            }
        }
    }
    // The steps list what they open; every benefit is asked for at its own office.
    let steps_count = visits.len();
    let mut order: Vec<Item> = items.clone();
    super::sort_short_by_key(&mut order, |i| rank(&i.finding));
    for item in &order {
        if let Some(at) = item.after {
            visits[at].items.push(*item);
        }
    }
    for item in order {
        let office = item.finding.benefit.apply_at;
        let at = match visits[steps_count..].iter().position(|v| v.office == office) {
            Some(k) => steps_count + k,
            None => {
                visits.push(Visit {
                    step: None,
                    office,
                    people: Vec::new(),
                    items: Vec::new(),
                    bring: Vec::new(),
                    on_behalf_stated: false,
                });
                visits.len() - 1
            }
        };
        let v = &mut visits[at];
        if !v.people.contains(&item.person) {
            v.people.push(item.person);
        }
        v.on_behalf_stated |= item.finding.benefit.on_behalf;
        for d in item.finding.benefit.bring {
            if !v.bring.contains(d) {
                v.bring.push(*d);
            }
        }
        v.items.push(item);
    }
    // Offices with money likely paid come first, then those with more likely benefits.
    let (firsts, mut rest) = (visits[..steps_count].to_vec(), visits[steps_count..].to_vec());
    super::sort_short_by_key(&mut rest, |v| {
        let likely = v.items.iter().filter(|i| i.finding.status == Status::Likely);
        let cash = likely.clone().any(|i| categories()[i.finding.benefit.category as usize].cash);
        (!cash, std::cmp::Reverse(likely.count()))
    });
    for v in &mut rest {
        super::sort_short_by_key(&mut v.people, |p| *p);
    }
    let mut visits = firsts;
    visits.extend(rest);
    Plan { visits, on_behalf, agent_bring: agent_bring() }
}

/// The visit of a step (one per step, shared by the household), made if need be; its position.
fn visit_for(visits: &mut Vec<Visit>, step: Option<&'static Step>, office: Option<PolicyText>, person: usize) -> usize {
    if let Some(k) = visits.iter().position(|v| v.step.map(|s| s.id) == step.map(|s| s.id)) {
        if !visits[k].people.contains(&person) {
            visits[k].people.push(person);
        }
        return k;
    }
    let office = office.unwrap_or(PolicyText { table: 0, index: 0 });
    let bring = step.map(|s| s.bring.to_vec()).unwrap_or_default();
    visits.push(Visit { step, office, people: vec![person], items: Vec::new(), bring, on_behalf_stated: false });
    visits.len() - 1
}
