//! The household JSON of `evaluate`: the reader (driven by the fact table), the answer, and the
//! compact screening line.

mod answer;
mod compact;
mod plan;
mod reader;

pub use answer::{answer, household_answer, AmountJson, Answer, CitationJson, Detail, FindingJson, HouseholdAnswer, PersonAnswer};
pub use compact::write_compact;
pub use plan::{plan_json, PlanJson};
pub use reader::{money, parse_household, parse_people, safe, InputError, Problem};

use super::lang::Lang;

/// What `evaluate FILE.json` prints for one input (one person or `people`): the answer, or with
/// `plan` the plan by office, as pretty JSON. `today` is the date used when the input has no
/// `as_of`. Errors name the key and the problem.
pub fn respond(text: &str, lang: Lang, plan: bool, today: u32) -> Result<String, InputError> {
    let mut people = parse_people(text)?;
    if people[0].jurisdiction.is_none() {
        return Err(InputError::new("jurisdiction", Problem::MissingKey));
    }
    for p in &mut people {
        p.as_of.get_or_insert(today);
    }
    let several = people.len() > 1 || text.contains("\"people\"");
    let json = if plan {
        let refs: Vec<&super::facts::Facts> = people.iter().collect();
        let names: Vec<String> = if several { (1..=people.len()).map(|i| person_label(i, lang)).collect() } else { vec![String::new()] };
        serde_json::to_string_pretty(&plan_json(&super::plan::plan(&refs, true), &names, lang))
    } else if several {
        serde_json::to_string_pretty(&household_answer(&people, lang, Detail::Full))
    } else {
        serde_json::to_string_pretty(&answer(&people[0], lang, Detail::Full))
    };
    Ok(json.unwrap_or_default())
}

/// "第 1 位" / "person 1".
pub fn person_label(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {n} 位"),
        Lang::En => format!("person {n}"),
    }
}
