//! The plan as JSON (`evaluate --plan`): each office once, with the benefits to ask for there, the
//! documents to bring, and what to ask.

use super::super::engine::Status;
use super::super::plan::{Item, Plan};
use super::super::policy::{documents, Lang};
use super::super::words;
use serde::Serialize;

#[derive(Serialize)]
pub struct PlanJson {
    pub offices: Vec<OfficeJson>,
    /// Someone applies on the person's behalf: what they bring of their own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<AgentJson>,
}

#[derive(Serialize)]
pub struct OfficeJson {
    /// `certificate` or `recognition` for a step that comes first; absent for applying.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<&'static str>,
    pub office: &'static str,
    /// Whose visit (1 = the first person).
    pub people: Vec<usize>,
    pub benefits: Vec<&'static str>,
    pub bring: Vec<&'static str>,
    pub ask: Vec<String>,
}

#[derive(Serialize)]
pub struct AgentJson {
    pub bring: Vec<&'static str>,
}

fn ask(item: &Item, lang: Lang, names: &[String]) -> String {
    let b = item.finding.benefit;
    let who = names.get(item.person).map(String::as_str).unwrap_or("");
    let checks: Vec<&str> = item.finding.missing.iter().map(|f| f.label().get(lang)).collect();
    words::ask(b.name.get(lang), who, item.finding.status == Status::Service, item.finding.warnings.office_checks, &checks, lang)
}

/// The plan in one language; `names` labels the people ("" for one person alone).
pub fn plan_json(plan: &Plan, names: &[String], lang: Lang) -> PlanJson {
    let offices = plan
        .visits
        .iter()
        .map(|v| OfficeJson {
            step: v.step.map(|s| s.id),
            office: v.office.get(lang),
            people: v.people.iter().map(|p| p + 1).collect(),
            benefits: v.items.iter().map(|i| i.finding.benefit.id).collect(),
            bring: v.bring.iter().map(|d| documents()[*d as usize].label.get(lang)).collect(),
            ask: if v.step.is_some() { Vec::new() } else { v.items.iter().map(|i| ask(i, lang, names)).collect() },
        })
        .collect();
    let agent =
        plan.on_behalf.then(|| AgentJson { bring: plan.agent_bring.iter().map(|d| documents()[*d as usize].label.get(lang)).collect() });
    PlanJson { offices, agent }
}
