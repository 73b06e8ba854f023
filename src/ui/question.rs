//! One question per page: yes/no, a choice of words, a number, the disability (kind and grade) or
//! the needs (several). Validation explains the problem next to the field and in a summary at the
//! top that takes focus (GOV.UK pattern). "Not sure" is always an answer.

use super::text::{question, ui};
use super::{focus_error_summary, place_name, use_app, BackLink, ErrorSummary, Progress};
use crate::rules::facts::{Disability, Value};
use crate::rules::vocab::{FactType, KINDS, NEEDS};
use crate::rules::words::{kind_label, need_label, word_labels, yuan};
use crate::rules::{Fact, Lang};
use crate::session::{next_page, Page, Session};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The answer to one question in words, for the check page.
pub fn answer_text(s: &Session, f: Fact) -> String {
    let lang = s.lang;
    let t = ui(lang);
    if s.not_sure.contains(f) || !s.facts.is_known(f) {
        return t.not_answered.into();
    }
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    match f {
        Fact::Disabilities => s.facts.disabilities.as_ref().map(|list| {
            list.iter().map(|d| format!("{} {}", kind_label(d.kind).get(lang),
                d.grade.map(|g| t.grade_names[g as usize - 1]).unwrap_or(t.grade_unassessed))).collect::<Vec<_>>().join(sep)
        }).unwrap_or_default(),
        Fact::Needs => {
            let mask = s.facts.needs.unwrap_or(0);
            if mask == 0 {
                return t.none_of_these.into();
            }
            (0..NEEDS.len() as u8).filter(|n| mask & (1 << n) != 0).map(|n| need_label(n).get(lang)).collect::<Vec<_>>().join(sep)
        }
        f => match s.facts.get(f) {
            Value::Bool(true) => t.yes.into(),
            Value::Bool(false) => t.no.into(),
            Value::Word(w) => word_labels(f)[*w as usize].get(lang).into(),
            Value::Number(n) if matches!(f, Fact::StudentFees | Fact::InpatientCost) => {
                format!("{} {}", yuan(*n), if lang == Lang::Zh { "元" } else { "yuan" })
            }
            Value::Number(n) => n.to_string(),
            Value::Unknown => t.not_answered.into(),
        },
    }
}

/// Limits for number questions: (min, max, whole numbers only).
fn number_limits(f: Fact) -> (Decimal, Decimal, bool) {
    match f {
        Fact::Age => (Decimal::ZERO, Decimal::from(120), true),
        Fact::DisabledMembers => (Decimal::ONE, Decimal::from(20), true),
        _ => (Decimal::ZERO, Decimal::from(100_000_000), false),
    }
}

/// Check a typed number; the message says what is wrong in the person's language.
pub fn validate_number(f: Fact, raw: &str, lang: Lang) -> Result<Decimal, String> {
    let t = ui(lang);
    // People write "6,000", "6000元" or use full-width digits; accept those.
    let cleaned: String = raw
        .chars()
        .map(|c| if ('０'..='９').contains(&c) { char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c) } else { c })
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '元' | '岁'))
        .collect();
    if cleaned.is_empty() {
        return Err(t.enter_number.into());
    }
    if !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(t.number_only.into());
    }
    let n = Decimal::from_str(&cleaned).map_err(|_| t.number_only.to_string())?;
    let (min, max, whole) = number_limits(f);
    if whole && !n.fract().is_zero() {
        return Err(t.whole_number.into());
    }
    if n < min || n > max || n.scale() > 2 {
        return Err(t.out_of_range.replace("{min}", &min.to_string()).replace("{max}", &max.to_string()));
    }
    Ok(n.normalize())
}

/// The local state of the form on one question page.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    choice: Option<u8>,
    kind: Option<u8>,
    grade: Option<u8>,
    needs: u16,
    needs_touched: bool,
    number: String,
}

fn draft_from(s: &Session, f: Fact) -> Draft {
    let mut d = Draft::default();
    match f {
        Fact::Disabilities => {
            if let Some(first) = s.facts.disabilities.as_ref().and_then(|l| l.first()) {
                d.kind = Some(first.kind);
                d.grade = Some(first.grade.unwrap_or(0));
            }
        }
        Fact::Needs => {
            d.needs = s.facts.needs.unwrap_or(0);
            d.needs_touched = s.facts.needs.is_some();
        }
        f => match s.facts.get(f) {
            Value::Bool(b) => d.choice = Some(*b as u8),
            Value::Word(w) => d.choice = Some(*w),
            Value::Number(n) => d.number = n.to_string(),
            Value::Unknown => {}
        },
    }
    d
}

/// The field to focus from the error summary.
fn first_field(f: Fact) -> &'static str {
    match f.value_type() {
        FactType::Number => "answer-number",
        FactType::Needs => "need-0",
        FactType::Disabilities => "kind-0",
        _ => "option-0",
    }
}

#[component]
pub fn QuestionPage(fact: Fact, returning: bool) -> impl IntoView {
    let app = use_app();
    let page = if returning { Page::Change(fact) } else { Page::Question(fact) };
    let draft = RwSignal::new(app.session.with_untracked(|s| draft_from(s, fact)));
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let shown = RwSignal::new(false);
    Effect::new(move |_| shown.set(error.get().is_some()));
    let lang = app.lang_now();
    let t = ui(lang);
    let title = move || app.session.with(|s| question(fact).text(s.lang, s.helper.unwrap_or_default(), &place_name(s)));
    let hint = move || question(fact).hint(lang);

    let finish = move |s: Session| {
        let next = if returning { Page::Check } else { next_page(&s) };
        app.go(next, s);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        let mut s = app.session.get_untracked();
        let lang = s.lang;
        let tt = ui(lang);
        let result: Result<(), String> = match fact.value_type() {
            FactType::Bool => d.choice.map(|c| s.facts.set(fact, Value::Bool(c == 1))).ok_or(tt.choose_one.into()),
            FactType::Word(_) => d.choice.map(|c| s.facts.set(fact, Value::Word(c))).ok_or(tt.choose_one.into()),
            FactType::Number => validate_number(fact, &d.number, lang).map(|n| s.facts.set(fact, Value::Number(n))),
            FactType::Disabilities => match (d.kind, d.grade) {
                (None, _) => Err(tt.choose_kind.into()),
                (_, None) => Err(tt.choose_grade.into()),
                (Some(kind), Some(g)) => {
                    s.facts.disabilities = Some(vec![Disability { kind, grade: (g > 0).then_some(g) }]);
                    Ok(())
                }
            },
            FactType::Needs => {
                if d.needs_touched {
                    s.facts.needs = Some(d.needs);
                    Ok(())
                } else {
                    Err(tt.choose_one.into())
                }
            }
        };
        match result {
            Ok(()) => {
                s.not_sure = crate::rules::condition::FactSet(s.not_sure.0 & !(1 << fact as u64));
                s.mark_asked(fact);
                finish(s);
            }
            Err(message) => {
                error.set(Some(message));
                focus_error_summary();
            }
        }
    };
    let not_sure = move |_| {
        let mut s = app.session.get_untracked();
        s.facts.clear(fact);
        s.not_sure.insert(fact);
        s.mark_asked(fact);
        finish(s);
    };

    let described = move || {
        let mut ids = String::from("question-hint");
        if error.get().is_some() {
            ids.push_str(" question-error");
        }
        ids
    };
    let error_line = move || {
        error.get().map(|m| view! {
            <p id="question-error" class="error-message">
                <span class="visually-hidden">{t.error_prefix}</span>{m}
            </p>
        })
    };
    let read_text = move || {
        let mut parts = vec![title(), hint().to_string()];
        parts.extend(options_for(fact, lang).into_iter().map(|(_, l)| l));
        parts.join("。 ")
    };

    let body = move || match fact.value_type() {
        FactType::Number => view! {
            <div class="form-group" class:form-group-error=move || error.get().is_some()>
                <h1 tabindex="-1"><label for="answer-number">{title}</label></h1>
                <p id="question-hint" class="hint">{hint}</p>
                {error_line}
                <input id="answer-number" name="answer" class="input input-number" type="text" inputmode="decimal"
                    autocomplete="off" spellcheck="false" aria-describedby=described
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    prop:value=move || draft.with(|d| d.number.clone())
                    on:input=move |ev| draft.update(|d| d.number = event_target_value(&ev))/>
                {move || unit(fact, lang).map(|u| view! { <span class="input-suffix">{u}</span> })}
            </div>
        }.into_any(),
        FactType::Disabilities => view! {
            <h1 tabindex="-1">{title}</h1>
            <p id="question-hint" class="hint">{hint}</p>
            {error_line}
            <div class="form-group" class:form-group-error=move || error.get().is_some()>
                <fieldset aria-describedby=described>
                    <legend class="legend-m">{t.kind_legend}</legend>
                    <div class="radios radios-2col">
                        {move || (0..KINDS.len() as u8).map(|k| {
                            let id = format!("kind-{k}");
                            view! {
                                <div class="radio">
                                    <input type="radio" name="kind" id=id.clone() prop:checked=move || draft.with(|d| d.kind == Some(k))
                                        on:change=move |_| draft.update(|d| d.kind = Some(k))/>
                                    <label for=id>{kind_label(k).get(lang)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <fieldset>
                    <legend class="legend-m">{t.grade_legend}</legend>
                    <div class="radios radios-2col">
                        {move || (1..=5u8).map(|g| {
                            let value = g % 5; // 1..4, then 0 = not assessed yet
                            let id = format!("grade-{value}");
                            let label = if value == 0 { t.grade_unassessed } else { t.grade_names[value as usize - 1] };
                            view! {
                                <div class="radio">
                                    <input type="radio" name="grade" id=id.clone() prop:checked=move || draft.with(|d| d.grade == Some(value))
                                        on:change=move |_| draft.update(|d| d.grade = Some(value))/>
                                    <label for=id>{label}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
        }.into_any(),
        FactType::Needs => view! {
            <div class="form-group" class:form-group-error=move || error.get().is_some()>
                <fieldset aria-describedby=described>
                    <legend><h1 tabindex="-1">{title}</h1></legend>
                    <p id="question-hint" class="hint">{hint}</p>
                    {error_line}
                    <div class="checkboxes radios-2col">
                        {move || (0..NEEDS.len() as u8).map(|n| {
                            let id = format!("need-{n}");
                            view! {
                                <div class="checkbox">
                                    <input type="checkbox" id=id.clone() prop:checked=move || draft.with(|d| d.needs & (1 << n) != 0)
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            draft.update(|d| { d.needs_touched = true; if on { d.needs |= 1 << n } else { d.needs &= !(1 << n) } });
                                        }/>
                                    <label for=id>{need_label(n).get(lang)}</label>
                                </div>
                            }
                        }).collect_view()}
                        <div class="checkbox">
                            <input type="checkbox" id="need-none" prop:checked=move || draft.with(|d| d.needs_touched && d.needs == 0)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.update(|d| { d.needs_touched = on; d.needs = 0; });
                                }/>
                            <label for="need-none">{t.none_of_these}</label>
                        </div>
                    </div>
                </fieldset>
            </div>
        }.into_any(),
        _ => view! {
            <div class="form-group" class:form-group-error=move || error.get().is_some()>
                <fieldset aria-describedby=described>
                    <legend><h1 tabindex="-1">{title}</h1></legend>
                    <p id="question-hint" class="hint">{hint}</p>
                    {error_line}
                    <div class="radios">
                        {move || options_for(fact, lang).into_iter().enumerate().map(|(i, (value, label))| {
                            let id = format!("option-{i}");
                            view! {
                                <div class="radio">
                                    <input type="radio" name="answer" id=id.clone() value=value.to_string()
                                        prop:checked=move || draft.with(|d| d.choice == Some(value))
                                        on:change=move |_| draft.update(|d| d.choice = Some(value))/>
                                    <label for=id>{label}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
        }.into_any(),
    };

    view! {
        <BackLink page=page/>
        <Progress/>
        <form novalidate on:submit=submit>
            <ErrorSummary shown=shown message=Signal::derive(move || error.get().unwrap_or_default()) target=first_field(fact)/>
            {body}
            <super::speech::ReadAloud text=Signal::derive(read_text)/>
            <div class="button-group">
                <button type="submit" class="button">{t.continue_button}</button>
                <button type="button" class="button button-secondary" on:click=not_sure>{t.not_sure}</button>
            </div>
        </form>
    }
}

fn unit(f: Fact, lang: Lang) -> Option<&'static str> {
    match (f, lang) {
        (Fact::Age, Lang::Zh) => Some("岁"),
        (Fact::Age, Lang::En) => Some("years"),
        (Fact::StudentFees | Fact::InpatientCost, Lang::Zh) => Some("元"),
        (Fact::StudentFees | Fact::InpatientCost, Lang::En) => Some("yuan"),
        (Fact::DisabledMembers, Lang::Zh) => Some("人"),
        _ => None,
    }
}

/// The choices of a yes/no or word question: (stored value, label).
fn options_for(f: Fact, lang: Lang) -> Vec<(u8, String)> {
    let t = ui(lang);
    match f.value_type() {
        FactType::Bool => vec![(1, t.yes.into()), (0, t.no.into())],
        FactType::Word(_) => word_labels(f).iter().enumerate().map(|(i, w)| (i as u8, w.get(lang).to_string())).collect(),
        _ => Vec::new(),
    }
}
