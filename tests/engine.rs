//! The engine: three-valued answers, amounts at every boundary of the explicit rules, caveats.

mod common;
use benefits::rules::engine::{evaluate, next_question, yearly_total, Status};
use benefits::rules::policy::national_only_place;
use benefits::rules::{Fact, Facts};
use common::*;

#[test]
fn ejinhoro_severe_subsidy_pays_by_town_or_countryside() {
    // §三(一)1: grades 1 and 2, 4,000 a year in town and 3,000 in the countryside (read by place).
    let g1 = ejinhoro("physical", 1, "");
    assert_eq!(status(&g1, "ejinhoro.severe_disability_subsidy"), Some(Status::Likely));
    assert_eq!(amount(&g1, "ejinhoro.severe_disability_subsidy").as_deref(), Some("4000"));
    let g2 = ejinhoro("visual", 2, "");
    assert_eq!(amount(&g2, "ejinhoro.severe_disability_subsidy").as_deref(), Some("4000"));
    let rural = facts(
        r#"{"jurisdiction":"ejinhoro","as_of":"2025-06-01","applicant":{"age":40,"has_certificate":true,"local_hukou":true,"residence":"rural","disabilities":[{"kind":"physical","grade":1}]}}"#,
    );
    assert_eq!(amount(&rural, "ejinhoro.severe_disability_subsidy").as_deref(), Some("3000"));
    // Grade 3 is not severe.
    let g3 = ejinhoro("visual", 3, "");
    assert_eq!(status(&g3, "ejinhoro.severe_disability_subsidy"), Some(Status::Unlikely));
}

#[test]
fn ejinhoro_grade_3_physical_vs_grade_3_intellectual() {
    let physical = ejinhoro("physical", 3, "");
    assert_eq!(amount(&physical, "ejinhoro.physical_grade3_subsidy").as_deref(), Some("2400"));
    assert_eq!(status(&physical, "ejinhoro.intellectual_mental_grade3_4_subsidy"), Some(Status::Unlikely));
    let intellectual = ejinhoro("intellectual", 3, "");
    assert_eq!(amount(&intellectual, "ejinhoro.intellectual_mental_grade3_4_subsidy").as_deref(), Some("3000"));
    assert_eq!(status(&intellectual, "ejinhoro.physical_grade3_subsidy"), Some(Status::Unlikely));
    let mental4 = ejinhoro("mental", 4, "");
    // Urban: 3,000 for grade 3 and grade 4 alike.
    assert_eq!(amount(&mental4, "ejinhoro.intellectual_mental_grade3_4_subsidy").as_deref(), Some("3000"));
    // Grade 4 physical gets none of the three (Appendix D 3).
    let physical4 = ejinhoro("physical", 4, "");
    for id in ["ejinhoro.severe_disability_subsidy", "ejinhoro.intellectual_mental_grade3_4_subsidy", "ejinhoro.physical_grade3_subsidy"] {
        assert_eq!(status(&physical4, id), Some(Status::Unlikely), "{id}");
    }
}

#[test]
fn ejinhoro_scope_clause_needs_local_hukou_and_certificate() {
    let outsider = facts(
        r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":true,"local_hukou":false,"disabilities":[{"kind":"physical","grade":1}]}}"#,
    );
    assert_eq!(status(&outsider, "ejinhoro.severe_disability_subsidy"), Some(Status::Unlikely));
    let no_certificate = facts(
        r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":false,"local_hukou":true,"disabilities":[{"kind":"physical","grade":1}]}}"#,
    );
    assert_eq!(status(&no_certificate, "ejinhoro.severe_disability_subsidy"), Some(Status::Unlikely));
}

#[test]
fn unanswered_fact_gives_possible_with_that_fact_missing() {
    // Grade known, hukou not asked yet.
    let f = facts(
        r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":true,"residence":"urban","disabilities":[{"kind":"physical","grade":1}]}}"#,
    );
    let found = finding(&f, "ejinhoro.severe_disability_subsidy").unwrap();
    assert_eq!(found.status, Status::Possible);
    assert!(found.missing.contains(Fact::LocalHukou));
    assert!(!found.missing.contains(Fact::Certificate));
    // The amount is already known from town or countryside.
    assert_eq!(amount(&f, "ejinhoro.severe_disability_subsidy").as_deref(), Some("4000"));
}

#[test]
fn grade_not_yet_assessed_leaves_grade_rules_open() {
    let f = facts(
        r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":true,"local_hukou":true,"disabilities":[{"kind":"intellectual"}]}}"#,
    );
    let found = finding(&f, "ejinhoro.intellectual_mental_grade3_4_subsidy").unwrap();
    assert_eq!(found.status, Status::Possible);
    assert!(found.missing.contains(Fact::Disabilities));
    assert!(found.amount.value.is_none(), "the amount depends on the grade");
}

#[test]
fn ejinhoro_temporary_aid_caps_by_kind_of_hardship() {
    // §三(一)1: the caps hold "in principle"; the especially hard-up households it names may get more.
    let household = |kind: &str, grade: u8, status: &str| {
        facts(&format!(
            r#"{{"jurisdiction":"ejinhoro","applicant":{{"age":40,"has_certificate":true,"local_hukou":true,"disabilities":[{{"kind":"physical","grade":{grade}}}]}},"household":{{"sudden_hardship":"{kind}","status":"{status}","disabled_members":1,"supported_by_elderly_parents":false}}}}"#
        ))
    };
    for (kind, cap) in [("living", "1000"), ("production", "2000"), ("emergency", "5000")] {
        let ordinary = household(kind, 4, "none");
        assert_eq!(amount(&ordinary, "ejinhoro.temporary_assistance").as_deref(), Some(cap), "{kind}");
        assert!(!finding(&ordinary, "ejinhoro.temporary_assistance").unwrap().amount.case.unwrap().may_exceed);
        for special in [household(kind, 1, "none"), household(kind, 4, "dibao")] {
            let f = finding(&special, "ejinhoro.temporary_assistance").unwrap();
            assert_eq!(f.amount.value.map(|v| v.to_string()).as_deref(), Some(cap), "{kind}");
            assert!(f.amount.case.unwrap().may_exceed, "{kind}: the office may give more");
        }
    }
    let none = facts(
        r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":true,"local_hukou":true},"household":{"sudden_hardship":"none"}}"#,
    );
    assert_eq!(status(&none, "ejinhoro.temporary_assistance"), Some(Status::Unlikely));
}

#[test]
fn ejinhoro_education_aid_is_60_percent_capped_at_9000() {
    let student = |fees: &str| {
        facts(&format!(
            r#"{{"jurisdiction":"ejinhoro","applicant":{{"has_certificate":true,"local_hukou":true,"student":{{"level":"college","stage":"enrolled","annual_fees_yuan":"{fees}"}}}}}}"#
        ))
    };
    // Below the cap: 60% of 6,000 = 3,600. At the cap: 15,000 -> 9,000. Above: 20,000 -> 9,000.
    assert_eq!(amount(&student("6000"), "ejinhoro.higher_vocational_education_aid").as_deref(), Some("3600"));
    assert_eq!(amount(&student("15000"), "ejinhoro.higher_vocational_education_aid").as_deref(), Some("9000"));
    assert_eq!(amount(&student("20000"), "ejinhoro.higher_vocational_education_aid").as_deref(), Some("9000"));
    assert_eq!(amount(&student("14999.99"), "ejinhoro.higher_vocational_education_aid").as_deref(), Some("8999.99"));
    // High school is not covered.
    let high =
        facts(r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":true,"local_hukou":true,"student":{"level":"high_school"}}}"#);
    assert_eq!(status(&high, "ejinhoro.higher_vocational_education_aid"), Some(Status::Unlikely));
    // A child of a disabled parent qualifies without a certificate of their own (Appendix D 5).
    let child = facts(
        r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":false,"local_hukou":true,"student":{"level":"vocational","annual_fees_yuan":"5000"}},"household":{"parent_has_disability_certificate":true}}"#,
    );
    assert_eq!(status(&child, "ejinhoro.higher_vocational_education_aid"), Some(Status::Likely));
    assert_eq!(amount(&child, "ejinhoro.higher_vocational_education_aid").as_deref(), Some("3000"));
}

#[test]
fn ejinhoro_inpatient_aid_is_at_least_30_percent_of_cost_left() {
    let f = facts(
        r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":true,"local_hukou":true,"public_payroll":false,"full_medical_coverage":false},"household":{"inpatient_out_of_pocket_yuan":"10000"}}"#,
    );
    assert_eq!(amount(&f, "ejinhoro.inpatient_medical_assistance").as_deref(), Some("3000"));
    let payroll = facts(
        r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":true,"local_hukou":true,"public_payroll":true,"full_medical_coverage":false}}"#,
    );
    assert_eq!(status(&payroll, "ejinhoro.inpatient_medical_assistance"), Some(Status::Unlikely));
}

#[test]
fn ejinhoro_self_employment_grant_is_a_range() {
    let f = ejinhoro("physical", 3, r#","employment":"self_employed""#);
    let found = finding(&f, "ejinhoro.self_employment_grant").unwrap();
    let case = found.amount.case.expect("range case");
    assert_eq!(case.min.unwrap().decimal().to_string(), "5000");
    assert_eq!(case.max.unwrap().decimal().to_string(), "50000");
}

#[test]
fn donghe_child_rehab_amounts_by_kind_and_age_10_boundary() {
    let child = |age: u8, kind: &str, grade: u8| {
        facts(&format!(
            r#"{{"jurisdiction":"donghe","applicant":{{"age":{age},"autism":false,"disabilities":[{{"kind":"{kind}","grade":{grade}}}]}}}}"#
        ))
    };
    // Autism unanswered: a child with low vision might also be autistic (20,000), so no figure yet.
    let open = facts(r#"{"jurisdiction":"donghe","applicant":{"age":5,"disabilities":[{"kind":"visual","grade":3}]}}"#);
    assert_eq!(amount(&open, "donghe.child_rehab_assistance"), None);
    assert!(finding(&open, "donghe.child_rehab_assistance").unwrap().missing.contains(Fact::Autism));
    assert_eq!(amount(&child(5, "hearing", 2), "donghe.child_rehab_assistance").as_deref(), Some("24000"));
    assert_eq!(amount(&child(5, "physical", 1), "donghe.child_rehab_assistance").as_deref(), Some("20000"));
    assert_eq!(amount(&child(5, "intellectual", 3), "donghe.child_rehab_assistance").as_deref(), Some("20000"));
    assert_eq!(amount(&child(5, "visual", 3), "donghe.child_rehab_assistance").as_deref(), Some("5000"));
    // Ages 0–10 are guaranteed with the figures; the plan widens the age range (专栏4-3), so 11–17
    // is "possibly, ask the federation" without a figure, and 18 is out.
    assert_ne!(status(&child(10, "physical", 1), "donghe.child_rehab_assistance"), Some(Status::Unlikely));
    assert_eq!(amount(&child(10, "physical", 1), "donghe.child_rehab_assistance").as_deref(), Some("20000"));
    assert_eq!(status(&child(11, "physical", 1), "donghe.child_rehab_assistance"), Some(Status::Possible));
    assert_eq!(amount(&child(11, "physical", 1), "donghe.child_rehab_assistance"), None);
    assert_eq!(status(&child(18, "physical", 1), "donghe.child_rehab_assistance"), Some(Status::Unlikely));
    // Autism without an assessed grade still has a figure.
    let autism = facts(r#"{"jurisdiction":"donghe","applicant":{"age":4,"autism":true,"disabilities":[]}}"#);
    assert_eq!(amount(&autism, "donghe.child_rehab_assistance").as_deref(), Some("20000"));
}

#[test]
fn dawukou_child_rehab_age_6_vs_7_and_draft_warning() {
    let child = |age: u8| {
        facts(&format!(
            r#"{{"jurisdiction":"dawukou","applicant":{{"age":{age},"has_certificate":true,"disabilities":[{{"kind":"physical","grade":2}}]}}}}"#
        ))
    };
    let six = finding(&child(6), "dawukou.child_rehab_0_6").unwrap();
    assert_ne!(six.status, Status::Unlikely);
    assert_eq!(six.amount.value.unwrap().to_string(), "20000");
    assert!(six.warnings.draft, "every local dawukou finding says the document is a draft");
    assert_eq!(status(&child(7), "dawukou.child_rehab_0_6"), Some(Status::Unlikely));
    // National rules are not part of the draft.
    assert!(evaluate(&child(7)).iter().all(|f| f.warnings.draft != f.benefit.national));
}

#[test]
fn huining_free_transport_only_for_grades_1_and_2() {
    let grade = |g: u8| {
        facts(&format!(
            r#"{{"jurisdiction":"huining","applicant":{{"has_certificate":true,"disabilities":[{{"kind":"physical","grade":{g}}}]}}}}"#
        ))
    };
    assert_eq!(status(&grade(2), "huining.free_county_transport_grade1_2"), Some(Status::Likely));
    assert_eq!(status(&grade(3), "huining.free_county_transport_grade1_2"), Some(Status::Unlikely));
}

#[test]
fn dalad_free_city_transport_with_certificate() {
    let yes = facts(r#"{"jurisdiction":"dalad","applicant":{"has_certificate":true}}"#);
    assert_eq!(status(&yes, "dalad.free_city_public_transport"), Some(Status::Likely));
    let no = facts(r#"{"jurisdiction":"dalad","applicant":{"has_certificate":false}}"#);
    assert_eq!(status(&no, "dalad.free_city_public_transport"), Some(Status::Unlikely));
}

#[test]
fn urban_vs_rural_decides_the_dilapidated_house_subsidy() {
    let house = |residence: &str| {
        facts(&format!(
            r#"{{"jurisdiction":"ejinhoro","applicant":{{"has_certificate":true,"local_hukou":true,"residence":"{residence}"}},"household":{{"housing":"rural_dilapidated"}}}}"#
        ))
    };
    assert_ne!(status(&house("rural"), "ejinhoro.rural_dilapidated_house_subsidy"), Some(Status::Unlikely));
    assert_eq!(status(&house("urban"), "ejinhoro.rural_dilapidated_house_subsidy"), Some(Status::Unlikely));
}

#[test]
fn results_after_the_documents_period_carry_a_warning() {
    let inside = facts(r#"{"jurisdiction":"dalad","as_of":"2025-06-01","applicant":{"has_certificate":true}}"#);
    let after = facts(r#"{"jurisdiction":"dalad","as_of":"2026-11-25","applicant":{"has_certificate":true}}"#);
    assert!(!finding(&inside, "dalad.free_city_public_transport").unwrap().warnings.expired);
    assert!(finding(&after, "dalad.free_city_public_transport").unwrap().warnings.expired);
}

#[test]
fn somewhere_else_gets_national_rules_and_services_to_ask_about() {
    let f = facts(
        r#"{"jurisdiction":"other","applicant":{"has_certificate":true,"disabilities":[{"kind":"physical","grade":1}],"needs":["assistive_device"]},"household":{"status":"dibao"}}"#,
    );
    let found = evaluate(&f);
    assert!(!found.is_empty());
    for x in &found {
        assert_eq!(Some(x.benefit.jurisdiction), national_only_place());
        // Only national rules say "likely"; the framework services are only to ask about.
        assert!(x.benefit.national || x.status == Status::Service, "{}", x.benefit.id);
    }
    assert_eq!(status(&f, "national.hardship_living_subsidy"), Some(Status::Likely));
}

/// What the issue asks of the national layer, in every place and somewhere else: the nursing
/// subsidy for grade 1–2 with long-term care, the living subsidy for dibao members, neither for a
/// grade-4 person without care needs or hardship; "amount set by the province", the office, the
/// on-behalf rule and a citation; no "period ended" caveat.
#[test]
fn the_two_national_subsidies_in_every_place() {
    use benefits::rules::policy::places;
    use benefits::rules::present::card;
    for p in places() {
        let prefix = if p.national_only { "national" } else { p.id };
        let (nursing, living) = (format!("{prefix}.severe_nursing_subsidy"), format!("{prefix}.hardship_living_subsidy"));
        let person = |grade: u8, care: bool, status: &str| {
            facts(&format!(
                r#"{{"jurisdiction":"{}","as_of":"2026-12-03","applicant":{{"has_certificate":true,"local_hukou":true,"needs_long_term_care":{care},"disabilities":[{{"kind":"physical","grade":{grade}}}]}},"household":{{"status":"{status}"}}}}"#,
                p.id
            ))
        };
        let severe = person(2, true, "none");
        let f = finding(&severe, &nursing).unwrap_or_else(|| panic!("{nursing}"));
        assert!(matches!(f.status, Status::Likely | Status::Possible), "{nursing}: {:?}", f.status);
        assert!(!f.warnings.expired && !f.warnings.draft, "{nursing}: national rules do not expire");
        let c = card(&f, &severe, benefits::rules::Lang::Zh, "");
        if f.benefit.paid_by.is_none() {
            assert!(c.amount.text.contains("省级政府"), "{nursing}: {}", c.amount.text);
        }
        assert!(c.apply_at().contains("镇") && c.apply_at().contains("街道"), "{nursing}: {}", c.apply_at());
        assert!(c.notes().any(|n| n.contains("代为申请")), "{nursing}: who may apply for the person");
        assert!(c.section().contains("国发〔2015〕52号"), "{nursing}");
        assert_eq!(c.document, "国家规定");
        let dibao = person(4, false, "dibao");
        assert_eq!(status(&dibao, &living), Some(Status::Likely), "{living}");
        let neither = person(4, false, "none");
        assert_eq!(status(&neither, &nursing), Some(Status::Unlikely), "{nursing}");
        assert_eq!(status(&neither, &living), Some(Status::Unlikely), "{living}");
    }
    // Ejin Horo pays both through its own yearly subsidy: 4,000 counted once.
    let g1 = facts(
        r#"{"jurisdiction":"ejinhoro","as_of":"2026-06-01","applicant":{"has_certificate":true,"local_hukou":true,"residence":"urban","needs_long_term_care":true,"disabilities":[{"kind":"physical","grade":1}]},"household":{"status":"dibao"}}"#,
    );
    assert_eq!(finding(&g1, "ejinhoro.severe_nursing_subsidy").unwrap().benefit.paid_by, Some("ejinhoro.severe_disability_subsidy"));
    assert_eq!(finding(&g1, "ejinhoro.hardship_living_subsidy").unwrap().benefit.paid_by, Some("ejinhoro.severe_disability_subsidy"));
    assert_eq!(yearly_total(&evaluate(&g1)).to_string(), "4000");
}

#[test]
fn services_show_only_when_they_match_the_situation() {
    // dalad.precision_rehab is a mentioned-only measure about rehabilitation.
    let wants = facts(r#"{"jurisdiction":"dalad","applicant":{"has_certificate":true,"needs":["rehabilitation"]}}"#);
    let not = facts(r#"{"jurisdiction":"dalad","applicant":{"has_certificate":true,"needs":["legal_help"]}}"#);
    assert_eq!(status(&wants, "dalad.precision_rehab"), Some(Status::Service));
    assert_eq!(status(&not, "dalad.precision_rehab"), None);
}

#[test]
fn findings_sorted_by_status_then_value() {
    let f = ejinhoro("physical", 1, r#","student":{"level":"college","annual_fees_yuan":"20000"}"#);
    let found = evaluate(&f);
    for pair in found.windows(2) {
        assert!(pair[0].status <= pair[1].status);
        if pair[0].status == pair[1].status {
            assert!(pair[0].amount.value >= pair[1].amount.value);
        }
    }
}

#[test]
fn yearly_total_adds_only_likely_yearly_cash_within_the_period() {
    let f = ejinhoro("physical", 1, "");
    assert_eq!(yearly_total(&evaluate(&f)).to_string(), "4000");
    // Donghe's 24,000 a year is rehabilitation funding, not cash to the family.
    let child = facts(
        r#"{"jurisdiction":"donghe","as_of":"2023-05-01","applicant":{"age":4,"autism":false,"disabilities":[{"kind":"hearing","grade":1}]}}"#,
    );
    assert_eq!(amount(&child, "donghe.child_rehab_assistance").as_deref(), Some("24000"));
    assert!(yearly_total(&evaluate(&child)).is_zero());
    // After the document's period the figure is not added up.
    let later = facts(
        r#"{"jurisdiction":"ejinhoro","as_of":"2027-06-01","applicant":{"age":40,"has_certificate":true,"local_hukou":true,"disabilities":[{"kind":"physical","grade":1}]}}"#,
    );
    assert!(yearly_total(&evaluate(&later)).is_zero());
}

#[test]
fn next_question_asks_what_matters_and_stops() {
    let mut f = Facts::default();
    f.jurisdiction = Some(2);
    // Nothing known in ejinhoro: the scope clause facts and the disability come first.
    let first = next_question(&f, Default::default()).unwrap();
    assert!(matches!(first, Fact::Disabilities | Fact::Certificate | Fact::LocalHukou), "{first:?}");
    // Someone outside the scope clause: nothing else can change the answer.
    f.set(Fact::LocalHukou, benefits::rules::facts::Value::Bool(false));
    f.set(Fact::Certificate, benefits::rules::facts::Value::Bool(false));
    let next = next_question(&f, Default::default());
    assert!(next.is_none() || !evaluate(&f).iter().any(|x| x.status == Status::Likely), "{next:?}");
}

#[test]
fn grade_4_hearing_adult_in_donghe_is_never_asked_about_school_fees() {
    let mut f =
        facts(r#"{"jurisdiction":"donghe","applicant":{"age":35,"has_certificate":true,"disabilities":[{"kind":"hearing","grade":4}]}}"#);
    let mut asked = Vec::new();
    // Answer "not sure" to everything the engine asks, and record what it asked.
    let mut skip = benefits::rules::condition::FactSet::default();
    while let Some(q) = next_question(&f, skip) {
        asked.push(q);
        skip.insert(q);
        if asked.len() > 40 {
            panic!("questions never end: {asked:?}");
        }
        if q == Fact::Student {
            f.set(Fact::Student, benefits::rules::facts::Value::Bool(false));
        }
    }
    assert!(!asked.contains(&Fact::StudentFees), "asked {asked:?}");
}

#[test]
fn school_questions_come_after_is_a_student_and_not_at_all_for_others() {
    let mut f = Facts::default();
    f.jurisdiction = Some(0);
    let mut skip = benefits::rules::condition::FactSet::default();
    let mut asked = Vec::new();
    while let Some(q) = next_question(&f, skip) {
        assert!(q.only_if().is_none() || asked.contains(&Fact::Student), "{q:?} asked before 'is a student'");
        asked.push(q);
        skip.insert(q);
    }
    assert!(asked.contains(&Fact::Student));
    // While "is a student" is open, that is what a school rule says it is missing.
    let open = facts(r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":true,"local_hukou":true}}"#);
    let aid = finding(&open, "ejinhoro.higher_vocational_education_aid").unwrap();
    assert!(aid.missing.contains(Fact::Student));
    assert!(!aid.missing.iter().any(|f| f.only_if().is_some()), "{:?}", aid.missing);
    // Not a student: school rules are settled as unlikely, and no school detail is asked.
    let g = facts(r#"{"jurisdiction":"ejinhoro","applicant":{"has_certificate":true,"local_hukou":true,"student":false}}"#);
    assert_eq!(status(&g, "ejinhoro.higher_vocational_education_aid"), Some(Status::Unlikely));
    let mut skip = benefits::rules::condition::FactSet::default();
    while let Some(q) = next_question(&g, skip) {
        assert!(q.only_if().is_none(), "{q:?} asked of a non-student");
        skip.insert(q);
    }
}

#[test]
fn amounts_still_open_are_named_once_or_as_a_span() {
    use benefits::rules::present::amount_text;
    use benefits::rules::Lang;
    // Town or countryside not answered: both yearly figures, each once.
    let no_residence = facts(
        r#"{"jurisdiction":"ejinhoro","as_of":"2025-06-01","applicant":{"age":40,"has_certificate":true,"local_hukou":true,"disabilities":[{"kind":"physical","grade":2}]}}"#,
    );
    let f = finding(&no_residence, "ejinhoro.severe_disability_subsidy").unwrap();
    let t = amount_text(&f, &no_residence, Lang::Zh);
    assert!(t.depends);
    assert_eq!(t.text, "每年 4,000 元 / 每年 3,000 元");
    // The kind of hardship not answered either: six caps read as one span, not six figures.
    let f = finding(&no_residence, "ejinhoro.temporary_assistance").unwrap();
    assert_eq!(amount_text(&f, &no_residence, Lang::Zh).text, "最多 1,000 至 5,000 元，视情况而定");
    assert_eq!(amount_text(&f, &no_residence, Lang::En).text, "up to 1,000–5,000 yuan, depending on the case");
}

#[test]
fn a_household_benefit_is_asked_for_once_in_the_plan() {
    use benefits::rules::plan::plan;
    let person = |kind: &str, grade: u8| {
        facts(&format!(
            r#"{{"jurisdiction":"ejinhoro","as_of":"2025-06-01","applicant":{{"age":50,"has_certificate":true,"local_hukou":true,"residence":"rural","able_to_work":true,"employment":"self_employed","disabilities":[{{"kind":"{kind}","grade":{grade}}}]}},"household":{{"disabled_members":2}}}}"#
        ))
    };
    let (husband, wife) = (person("physical", 2), person("intellectual", 3));
    let p = plan(&[&husband, &wife], true);
    let grants: Vec<usize> = p
        .visits
        .iter()
        .flat_map(|v| v.items.iter())
        .filter(|i| i.finding.benefit.id == "ejinhoro.self_employment_grant")
        .map(|i| i.person)
        .collect();
    assert_eq!(grants.len(), 1, "per household, once: {grants:?}");
    // His national subsidies are paid through his yearly subsidy: asked for once, as that.
    let ids: Vec<&str> = p.visits.iter().flat_map(|v| v.items.iter()).filter(|i| i.person == 0).map(|i| i.finding.benefit.id).collect();
    assert!(ids.contains(&"ejinhoro.severe_disability_subsidy"));
    assert!(!ids.contains(&"ejinhoro.severe_nursing_subsidy") && !ids.contains(&"ejinhoro.hardship_living_subsidy"), "{ids:?}");
    // Personal benefits stay one per person.
    let yearly = p.visits.iter().flat_map(|v| v.items.iter()).filter(|i| i.finding.benefit.id.ends_with("_subsidy")).count();
    assert!(yearly >= 2, "{yearly}");
}
