//! Every string the web app shows, in Simplified Chinese and English: `src/view/ui.toml`, turned by
//! build.rs into typed tables (`Ui`, and `UiQuestions` and `UiLater` for the strings only those
//! pages use, which download with their code), so a string the code uses must exist in both languages and
//! the cost is only the text itself (no i18n runtime). Questions and answer labels come from
//! seeds/facts.toml, policy texts from the seeds, the caveats of a finding from `rules::present`.

use crate::rules::{Fact, Lang};

include!(concat!(env!("OUT_DIR"), "/ui.rs"));

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The strings of the question, check and add-person pages (and, through `Deref`, all of `Ui`).
pub fn ui_questions(lang: Lang) -> &'static UiQuestions {
    match lang {
        Lang::Zh => &ZH_QUESTIONS,
        Lang::En => &EN_QUESTIONS,
    }
}

/// The strings of the results, plan and browse pages (and, through `Deref`, all of `Ui`).
pub fn ui_later(lang: Lang) -> &'static UiLater {
    match lang {
        Lang::Zh => &ZH_LATER,
        Lang::En => &EN_LATER,
    }
}

/// A question as the person filling in sees it: Chinese with {who} filled in; English for "you"
/// (`about_self`) or for someone else ({who} = "your family member", "the applicant" or their short
/// name); {place} is the chosen place. The wording is in seeds/facts.toml.
pub fn question(fact: Fact, lang: Lang, about_self: bool, who: &str, place: &str) -> String {
    let q = fact.question();
    let template = match (lang, about_self) {
        (Lang::Zh, _) => q.zh,
        (Lang::En, true) => q.en,
        (Lang::En, false) => q.en_other,
    };
    template.replace("{who}", who).replace("{place}", place)
}

/// The help under a question.
pub fn hint(fact: Fact, lang: Lang) -> &'static str {
    fact.question().hint.get(lang)
}
