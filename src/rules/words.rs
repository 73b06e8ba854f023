//! Plain words for facts, values, reasons and amounts, in Simplified Chinese and English.
//! The engine returns structured data; this module (shared by the web app and `evaluate`) words it.

use super::condition::{Cmp, Cond, Leaf, Truth};
use super::engine::Estimate;
use super::facts::format_date;
use super::policy::{categories, Amount, AmountKind, Lang, Text};
use super::vocab::{kinds, Fact};
use rust_decimal::Decimal;

/// A short name for a fact, as used in reasons and in "what would settle this".
pub fn fact_label(fact: Fact) -> Text {
    fact.label()
}

/// The label of one word of a word fact.
pub fn word_label(fact: Fact, word: u8) -> Text {
    fact.words().get(word as usize).map(|w| w.label).unwrap_or(Text { zh: "", en: "" })
}

pub fn kind_label(kind: u8) -> Text {
    word_label(Fact::disabilities(), kind)
}

pub fn need_label(need: u8) -> Text {
    word_label(Fact::needs(), need)
}

pub fn category_label(category: u8) -> Text {
    categories()[category as usize].label
}

fn grades(mask: u8, lang: Lang) -> String {
    let list: Vec<u8> = (1..=4).filter(|g| mask & (1 << (g - 1)) != 0).collect();
    let name = |g: u8| match lang {
        Lang::Zh => ["一级", "二级", "三级", "四级"][g as usize - 1].to_string(),
        Lang::En => format!("grade {g}"),
    };
    match (list.first(), list.last()) {
        _ if mask == 0x0f => match lang {
            Lang::Zh => "任何等级".into(),
            Lang::En => "any grade".into(),
        },
        (Some(a), Some(b)) if a == b => name(*a),
        (Some(a), Some(b)) => match lang {
            Lang::Zh => format!("{}至{}", name(*a), name(*b)),
            Lang::En => format!("grade {a} to {b}"),
        },
        _ => String::new(),
    }
}

fn join(items: Vec<&'static str>, lang: Lang) -> String {
    items.join(match lang {
        Lang::Zh => "或",
        Lang::En => " or ",
    })
}

/// What one test of a rule asks for, e.g. "年龄 ≤ 6" / "disability: intellectual or mental, grade 3 to 4".
pub fn describe_test(test: &Cond, lang: Lang) -> String {
    match *test {
        Cond::Yes(f) => fact_label(f).get(lang).to_string(),
        Cond::Word(f, mask) => {
            let words: Vec<&str> =
                f.words().iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, w)| w.label.get(lang)).collect();
            format!("{}{}{}", fact_label(f).get(lang), sep(lang), join(words, lang))
        }
        Cond::Number(f, op, n) => {
            let op = match op {
                Cmp::Eq => "=",
                Cmp::Ne => "≠",
                Cmp::Lt => "<",
                Cmp::Le => "≤",
                Cmp::Gt => ">",
                Cmp::Ge => "≥",
            };
            let unit = match (f.unit(lang), lang) {
                (Some(u), Lang::Zh) => u.to_string(),
                (Some(u), Lang::En) => format!(" {u}"),
                (None, _) => String::new(),
            };
            format!("{} {op} {n}{unit}", fact_label(f).get(lang))
        }
        Cond::Disability { kinds: mask, grades: g } => {
            let count = kinds().len() as u8;
            let all = ((1u16 << count) - 1) as u8;
            let kinds_text = if mask & all == all {
                match lang {
                    Lang::Zh => "任何类别".to_string(),
                    Lang::En => "any kind".to_string(),
                }
            } else {
                join((0..count).filter(|k| mask & (1 << k) != 0).map(|k| kind_label(k).get(lang)).collect(), lang)
            };
            match lang {
                Lang::Zh => format!("残疾：{kinds_text}，{}", grades(g, lang)),
                Lang::En => format!("disability: {kinds_text}, {}", grades(g, lang)),
            }
        }
        Cond::Need(n) => format!("{}{}{}", fact_label(Fact::needs()).get(lang), sep(lang), need_label(n).get(lang)),
        _ => String::new(),
    }
}

fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// One reason line: what the rule asks and whether the person meets it.
pub fn describe_leaf(leaf: &Leaf, lang: Lang) -> String {
    let test = describe_test(leaf.test, lang);
    let rule = if leaf.negated {
        match lang {
            Lang::Zh => format!("不是“{test}”"),
            Lang::En => format!("not “{test}”"),
        }
    } else {
        test
    };
    let verdict = match (leaf.met(), lang) {
        (Truth::True, Lang::Zh) => "符合",
        (Truth::False, Lang::Zh) => "不符合",
        (Truth::Unknown, Lang::Zh) => "尚未回答",
        (Truth::True, Lang::En) => "met",
        (Truth::False, Lang::En) => "not met",
        (Truth::Unknown, Lang::En) => "not answered yet",
    };
    format!("{rule} — {verdict}")
}

/// Yuan with thousands separators: 4000 -> "4,000", 1234.5 -> "1,234.50".
pub fn yuan(value: Decimal) -> String {
    let v = value.round_dp(2);
    let whole = v.trunc();
    let frac = v - whole;
    let digits = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_zero() {
        out.push_str(&format!(".{:02}", (frac.abs() * Decimal::ONE_HUNDRED).trunc()));
    }
    if v.is_sign_negative() && !v.is_zero() {
        out.insert(0, '-');
    }
    out
}

/// An amount case in words, e.g. "每年 4,000 元" / "4,000 yuan a year".
pub fn describe_amount(a: &Amount, lang: Lang) -> String {
    let y = |m: Option<super::policy::Money>| m.map(|m| yuan(m.decimal())).unwrap_or_default();
    let (least_zh, least_en) = if a.at_least { ("不少于", "at least ") } else { ("", "") };
    match (a.kind, lang) {
        (AmountKind::Yearly, Lang::Zh) => format!("每年{} {} 元", least_zh, y(a.yuan)),
        (AmountKind::Yearly, Lang::En) => format!("{least_en}{} yuan a year", y(a.yuan)),
        (AmountKind::OneOff, Lang::Zh) => format!("一次性{} {} 元", least_zh, y(a.yuan)),
        (AmountKind::OneOff, Lang::En) => format!("{least_en}{} yuan, once", y(a.yuan)),
        (AmountKind::Cap, Lang::Zh) => format!("最多 {} 元{}", y(a.yuan), if a.may_exceed { "（可适当放宽）" } else { "" }),
        (AmountKind::Cap, Lang::En) => format!("up to {} yuan{}", y(a.yuan), if a.may_exceed { " (the office may give more)" } else { "" }),
        (AmountKind::Range, Lang::Zh) => format!("{} 至 {} 元", y(a.min), y(a.max)),
        (AmountKind::Range, Lang::En) => format!("{} to {} yuan", y(a.min), y(a.max)),
        (AmountKind::Percent, _) => {
            let base = a.of.map(|f| fact_label(f).get(lang)).unwrap_or("");
            let pct = y(a.percent);
            let cap = a.cap.map(|c| yuan(c.decimal()));
            match lang {
                Lang::Zh => format!(
                    "{}{base}的 {pct}%{}",
                    if a.at_least { "不少于" } else { "" },
                    cap.map(|c| format!("，最多 {c} 元")).unwrap_or_default()
                ),
                Lang::En => format!(
                    "{}{pct}% of {base}{}",
                    if a.at_least { "at least " } else { "" },
                    cap.map(|c| format!(", up to {c} yuan")).unwrap_or_default()
                ),
            }
        }
        (AmountKind::InKind, _) => a.what.map(|w| w.get(lang).to_string()).unwrap_or_default(),
    }
}

/// The amounts a person might still get while a fact is unanswered: each distinct one ("每年 4,000
/// 元 / 每年 3,000 元"), or, past three of one kind, the span ("最多 1,000 至 5,000 元，视情况而定").
pub fn describe_open_amounts(open: &[&Amount], lang: Lang) -> String {
    let mut texts: Vec<String> = Vec::with_capacity(open.len());
    for c in open {
        let t = describe_amount(c, lang);
        if !texts.contains(&t) {
            texts.push(t);
        }
    }
    let kind = open.first().map(|c| c.kind);
    let figures: Option<Vec<Decimal>> = open
        .iter()
        .map(|c| {
            (Some(c.kind) == kind && matches!(c.kind, AmountKind::Cap | AmountKind::Yearly | AmountKind::OneOff))
                .then_some(c.yuan?.decimal())
        })
        .collect();
    match figures {
        Some(f) if texts.len() > 3 => {
            let (lo, hi) = f.iter().fold((f[0], f[0]), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
            let (lo, hi) = (yuan(lo), yuan(hi));
            match (kind, lang) {
                (Some(AmountKind::Cap), Lang::Zh) => format!("最多 {lo} 至 {hi} 元，视情况而定"),
                (Some(AmountKind::Cap), Lang::En) => format!("up to {lo}–{hi} yuan, depending on the case"),
                (Some(AmountKind::Yearly), Lang::Zh) => format!("每年 {lo} 至 {hi} 元，视情况而定"),
                (Some(AmountKind::Yearly), Lang::En) => format!("{lo}–{hi} yuan a year, depending on the case"),
                (_, Lang::Zh) => format!("一次性 {lo} 至 {hi} 元，视情况而定"),
                (_, Lang::En) => format!("{lo}–{hi} yuan once, depending on the case"),
            }
        }
        _ => texts.join(" / "),
    }
}

/// The estimate for this person, where a figure can be worked out ("约 5,400 元").
pub fn describe_estimate(e: &Estimate, lang: Lang) -> Option<String> {
    let case = e.case?;
    if case.kind != AmountKind::Percent {
        return None;
    }
    let v = yuan(e.value?);
    Some(match lang {
        Lang::Zh => format!("按您填写的费用估算：约 {v} 元"),
        Lang::En => format!("Estimate from the cost you gave: about {v} yuan"),
    })
}

pub fn no_amount(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "文件未写明金额，由当地经办部门确定",
        Lang::En => "The document gives no amount: the local office sets it",
    }
}

/// What to ask for at an office: "可以申请“X”吗？经办部门会核实：年龄、户口" (for a person named
/// `who` when there are several), or, for a service, "有没有“X”？".
pub fn ask(name: &str, who: &str, service: bool, office_checks: bool, checks: &[&str], lang: Lang) -> String {
    let mut s = match (lang, service, who.is_empty()) {
        (Lang::Zh, true, true) => format!("问一问有没有“{name}”。"),
        (Lang::Zh, true, false) => format!("为{who}问一问有没有“{name}”。"),
        (Lang::Zh, false, true) => format!("申请“{name}”。"),
        (Lang::Zh, false, false) => format!("为{who}申请“{name}”。"),
        (Lang::En, true, true) => format!("Ask whether there is “{name}”."),
        (Lang::En, true, false) => format!("Ask whether there is “{name}” for {who}."),
        (Lang::En, false, true) => format!("Apply for “{name}”."),
        (Lang::En, false, false) => format!("Apply for “{name}” for {who}."),
    };
    if !checks.is_empty() {
        match lang {
            Lang::Zh => s.push_str(&format!("经办部门会核实：{}。", checks.join("、"))),
            Lang::En => s.push_str(&format!(" The office will check: {}.", checks.join(", "))),
        }
    }
    if office_checks {
        s.push_str(match lang {
            Lang::Zh => "文件里还有我们问不到的条件，由经办部门核实。",
            Lang::En => " The document has conditions we could not ask about; the office checks them.",
        });
    }
    s
}

/// The amount of a benefit another one pays: "由本地的“…”发放，不另外加发".
pub fn paid_through(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("在本地通过“{name}”发放，不另外加发"),
        Lang::En => format!("Paid here through “{name}”, not on top of it"),
    }
}

pub fn date(d: u32) -> String {
    format_date(d)
}

/// A whole condition in plain words, for the browse pages (not for one person): "持有残疾人证；
/// 并且 残疾：任何类别，一级至二级". A "not" is said as the opposite ("突发困难：基本生活遇到困难或…"
/// rather than "不是 突发困难：没有").
pub fn describe_condition(c: &Cond, lang: Lang) -> String {
    let (and, any_of, or) = match lang {
        Lang::Zh => ("；并且 ", "以下任一：", "；"),
        Lang::En => ("; and ", "any of: ", "; "),
    };
    match c {
        Cond::True => String::new(),
        Cond::All(parts) => parts.iter().map(|p| wrap(p, lang)).collect::<Vec<_>>().join(and),
        Cond::Any(parts) => format!("{any_of}{}", parts.iter().map(|p| wrap(p, lang)).collect::<Vec<_>>().join(or)),
        Cond::Not(inner) => negate(inner, lang),
        leaf => describe_test(leaf, lang),
    }
}

fn wrap(c: &Cond, lang: Lang) -> String {
    match c {
        Cond::All(_) | Cond::Any(_) => format!("（{}）", describe_condition(c, lang)),
        _ => describe_condition(c, lang),
    }
}

/// The opposite of a test, said directly.
fn negate(c: &Cond, lang: Lang) -> String {
    match *c {
        Cond::True => String::new(),
        Cond::Yes(f) => match lang {
            Lang::Zh => format!("{}：否", fact_label(f).get(lang)),
            Lang::En => format!("{}: no", fact_label(f).get(lang)),
        },
        Cond::Word(f, mask) => {
            let all = (1u32 << f.words().len()) - 1;
            describe_test(&Cond::Word(f, !mask & all), lang)
        }
        Cond::Number(f, op, n) => {
            let opposite = match op {
                Cmp::Eq => Cmp::Ne,
                Cmp::Ne => Cmp::Eq,
                Cmp::Lt => Cmp::Ge,
                Cmp::Le => Cmp::Gt,
                Cmp::Gt => Cmp::Le,
                Cmp::Ge => Cmp::Lt,
            };
            describe_test(&Cond::Number(f, opposite, n), lang)
        }
        Cond::Not(inner) => describe_condition(inner, lang),
        ref other => match lang {
            Lang::Zh => format!("不属于：{}", wrap(other, lang)),
            Lang::En => format!("not: {}", wrap(other, lang)),
        },
    }
}
