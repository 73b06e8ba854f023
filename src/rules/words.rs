//! Plain words for facts, values, reasons and amounts, in Simplified Chinese and English.
//! The engine returns structured data; this module (shared by the web app and `evaluate`) words it.

use super::condition::{Cmp, Cond, Leaf, Truth};
use super::engine::Estimate;
use super::facts::format_date;
use super::policy::{Amount, AmountKind, Lang, Text};
use super::vocab::{Fact, CATEGORIES, KINDS, NEEDS};
use rust_decimal::Decimal;

const fn t(zh: &'static str, en: &'static str) -> Text {
    Text { zh, en }
}

/// A short name for a fact, as used in reasons and in "what would settle this".
pub fn fact_label(fact: Fact) -> Text {
    match fact {
        Fact::Disabilities => t("残疾类别和等级", "kind and grade of disability"),
        Fact::Certificate => t("持有残疾人证", "holds a disability certificate"),
        Fact::LocalHukou => t("本地户籍", "household registered here"),
        Fact::Age => t("年龄", "age"),
        Fact::Residence => t("城镇或农村", "urban or rural"),
        Fact::HouseholdStatus => t("家庭困难类别", "household hardship status"),
        Fact::Needs => t("需要的帮助", "help needed"),
        Fact::LongTermCare => t("需要长期照护", "needs long-term care"),
        Fact::Autism => t("孤独症", "autism"),
        Fact::Student => t("在上学", "is a student"),
        Fact::StudentLevel => t("就读阶段", "school level"),
        Fact::StudentStage => t("新生或在读", "new or continuing student"),
        Fact::StudentFees => t("每年学费", "yearly school fees"),
        Fact::Graduating => t("今年毕业", "graduating this year"),
        Fact::AbleToWork => t("有劳动能力", "able to work"),
        Fact::Employment => t("工作情况", "work situation"),
        Fact::HardToEmploy => t("已认定为就业困难人员", "certified as hard to employ"),
        Fact::Sex => t("性别", "sex"),
        Fact::PaidOwnInsurance => t("去年自己缴纳了职工社保", "paid own employee insurance last year"),
        Fact::PublicPayroll => t("由财政发工资", "paid from public funds"),
        Fact::FullMedicalCoverage => t("医疗费全额报销", "full medical cost coverage"),
        Fact::InpatientCost => t("住院自付费用", "hospital costs left to pay"),
        Fact::DisabledMembers => t("家中残疾人数", "disabled people in the household"),
        Fact::ElderlyParents => t("由年老父母照顾", "cared for by elderly parents"),
        Fact::NoOneEmployed => t("家中无人就业", "no one in the household works"),
        Fact::Housing => t("住房情况", "housing"),
        Fact::ParentCertificate => t("父母持有残疾人证", "a parent holds a disability certificate"),
        Fact::SuddenHardship => t("突发困难", "sudden hardship"),
        Fact::Veteran => t("残疾军人或伤残警察", "disabled veteran or injured police officer"),
        Fact::MotorizedWheelchair => t("使用电动轮椅", "uses a motorised wheelchair"),
    }
}

/// The words of a word fact, in list order.
pub fn word_labels(fact: Fact) -> &'static [Text] {
    const RESIDENCE: [Text; 2] = [t("城镇", "urban"), t("农村牧区", "rural")];
    const SEX: [Text; 2] = [t("女", "female"), t("男", "male")];
    const EMPLOYMENT: [Text; 5] = [
        t("没有工作", "not working"),
        t("有工作单位", "employed"),
        t("个体经营", "self-employed"),
        t("灵活就业", "flexible or gig work"),
        t("正在找工作", "looking for work"),
    ];
    const LEVEL: [Text; 5] = [
        t("幼儿园", "preschool"),
        t("小学或初中", "primary or middle school"),
        t("高中", "high school"),
        t("中职或高职", "vocational school or college"),
        t("大学", "university"),
    ];
    const STAGE: [Text; 2] = [t("新生", "starting this year"), t("在读", "already enrolled")];
    const STATUS: [Text; 6] = [
        t("都不是", "none of these"),
        t("低收入家庭", "low-income household"),
        t("低保边缘家庭", "near-dibao household"),
        t("低保家庭", "dibao household"),
        t("特困人员", "tekun (extreme hardship)"),
        t("防返贫监测对象", "monitored for falling back into poverty"),
    ];
    const HOUSING: [Text; 4] = [
        t("自有住房", "own home"),
        t("住公租房", "public rental housing"),
        t("租私人住房", "private rental"),
        t("农村危房", "unsafe rural house"),
    ];
    const HARDSHIP: [Text; 4] = [
        t("没有", "none"),
        t("基本生活遇到困难", "cannot meet basic living costs"),
        t("生产经营遇到困难", "trouble keeping a farm or business going"),
        t("突发意外或重病", "sudden accident or serious illness"),
    ];
    match fact {
        Fact::Residence => &RESIDENCE,
        Fact::Sex => &SEX,
        Fact::Employment => &EMPLOYMENT,
        Fact::StudentLevel => &LEVEL,
        Fact::StudentStage => &STAGE,
        Fact::HouseholdStatus => &STATUS,
        Fact::Housing => &HOUSING,
        Fact::SuddenHardship => &HARDSHIP,
        _ => &[],
    }
}

pub fn kind_label(kind: u8) -> Text {
    const K: [Text; 7] = [
        t("视力残疾", "visual"),
        t("听力残疾", "hearing"),
        t("言语残疾", "speech"),
        t("肢体残疾", "physical"),
        t("智力残疾", "intellectual"),
        t("精神残疾", "mental (psychosocial)"),
        t("多重残疾", "multiple"),
    ];
    K[kind as usize]
}

pub fn need_label(need: u8) -> Text {
    const N: [Text; 14] = [
        t("康复", "rehabilitation"),
        t("辅助器具", "assistive devices"),
        t("家里无障碍改造", "making the home accessible"),
        t("技能培训", "skills training"),
        t("找工作", "finding a job"),
        t("自己创业", "starting a business"),
        t("上学", "education"),
        t("法律帮助", "legal help"),
        t("照护和托养", "care and day care"),
        t("看病就医", "medical costs"),
        t("住房", "housing"),
        t("出行", "getting around"),
        t("文化体育", "culture and sport"),
        t("生活费用", "living costs"),
    ];
    N[need as usize]
}

pub fn category_label(category: u8) -> Text {
    const C: [Text; 15] = [
        t("生活补贴", "Living subsidies"),
        t("护理补贴", "Nursing subsidies"),
        t("社会救助", "Social assistance"),
        t("社会保险", "Insurance"),
        t("医疗救助", "Medical aid"),
        t("康复服务", "Rehabilitation"),
        t("辅助器具", "Assistive devices"),
        t("教育", "Education"),
        t("就业创业", "Work and business"),
        t("住房", "Housing"),
        t("出行优待", "Transport"),
        t("水电气暖和通信", "Utilities and phone"),
        t("文化体育", "Culture and sport"),
        t("法律援助", "Legal aid"),
        t("托养照护", "Care"),
    ];
    C[category as usize]
}

const _: () = assert!(KINDS.len() == 7 && NEEDS.len() == 14 && CATEGORIES.len() == 15);

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
            let words: Vec<&str> = word_labels(f)
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, w)| w.get(lang))
                .collect();
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
            let unit = match (f, lang) {
                (Fact::Age, Lang::Zh) => "岁",
                (Fact::StudentFees | Fact::InpatientCost, Lang::Zh) => "元",
                (Fact::Age, Lang::En) => " years",
                (Fact::StudentFees | Fact::InpatientCost, Lang::En) => " yuan",
                _ => "",
            };
            format!("{} {op} {n}{unit}", fact_label(f).get(lang))
        }
        Cond::Disability { kinds, grades: g } => {
            let kinds_text = if kinds == 0x7f {
                match lang {
                    Lang::Zh => "任何类别".to_string(),
                    Lang::En => "any kind".to_string(),
                }
            } else {
                join((0..7).filter(|k| kinds & (1 << k) != 0).map(|k| kind_label(k).get(lang)).collect(), lang)
            };
            match lang {
                Lang::Zh => format!("残疾：{kinds_text}，{}", grades(g, lang)),
                Lang::En => format!("disability: {kinds_text}, {}", grades(g, lang)),
            }
        }
        Cond::Need(n) => format!(
            "{}{}{}",
            fact_label(Fact::Needs).get(lang),
            sep(lang),
            need_label(n).get(lang)
        ),
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
    format!("{rule}{}{verdict}", if lang == Lang::Zh { " — " } else { " — " })
}

/// Yuan with thousands separators: 4000 -> "4,000", 1234.5 -> "1,234.50".
pub fn yuan(value: Decimal) -> String {
    let v = value.round_dp(2);
    let whole = v.trunc();
    let frac = v - whole;
    let digits = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
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
        (AmountKind::Cap, Lang::Zh) => format!("最多 {} 元", y(a.yuan)),
        (AmountKind::Cap, Lang::En) => format!("up to {} yuan", y(a.yuan)),
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

pub fn date(d: u32) -> String {
    format_date(d)
}

/// A whole condition in words, for the browse pages (not for one person):
/// "持有残疾人证，并且 残疾：任何类别，一级至二级".
pub fn describe_condition(c: &Cond, lang: Lang) -> String {
    let (and, or, not) = match lang {
        Lang::Zh => ("，并且 ", "，或者 ", "不是"),
        Lang::En => ("; and ", "; or ", "not "),
    };
    match c {
        Cond::True => String::new(),
        Cond::All(parts) => parts.iter().map(|p| wrap(p, lang)).collect::<Vec<_>>().join(and),
        Cond::Any(parts) => parts.iter().map(|p| wrap(p, lang)).collect::<Vec<_>>().join(or),
        Cond::Not(inner) => format!("{not}{}", wrap(inner, lang)),
        leaf => describe_test(leaf, lang),
    }
}

fn wrap(c: &Cond, lang: Lang) -> String {
    match c {
        Cond::All(_) | Cond::Any(_) => format!("（{}）", describe_condition(c, lang)),
        _ => describe_condition(c, lang),
    }
}
