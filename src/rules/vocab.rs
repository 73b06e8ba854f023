//! The fixed vocabulary shared by the policy files, the build-time validator (`build.rs` includes
//! this file) and the engine: fact names, the words each fact takes, kinds, grades, needs, categories.
//! Words are stored as their index in these lists, so the order of a list is part of the data format.

pub const JURISDICTIONS: [&str; 6] = ["dalad", "donghe", "ejinhoro", "huining", "dawukou", "other"];
pub const KINDS: [&str; 7] = ["visual", "hearing", "speech", "physical", "intellectual", "mental", "multiple"];
pub const NEEDS: [&str; 14] = [
    "rehabilitation", "assistive_device", "home_accessibility", "training", "job", "business_start",
    "education", "legal_help", "care", "medical", "housing", "transport", "culture_sports", "income",
];
pub const CATEGORIES: [&str; 15] = [
    "living_subsidy", "nursing_subsidy", "social_assistance", "insurance", "medical_aid", "rehabilitation",
    "assistive_devices", "education", "employment", "housing", "transport", "utilities", "culture_sports",
    "legal_aid", "care",
];
pub const SEX: [&str; 2] = ["female", "male"];
pub const RESIDENCE: [&str; 2] = ["urban", "rural"];
pub const EMPLOYMENT: [&str; 5] = ["none", "employed", "self_employed", "flexible", "seeking"];
pub const STUDENT_LEVEL: [&str; 5] = ["preschool", "compulsory", "high_school", "vocational", "college"];
pub const STUDENT_STAGE: [&str; 2] = ["new", "enrolled"];
pub const HOUSEHOLD_STATUS: [&str; 6] = ["none", "low_income", "dibao_edge", "dibao", "tekun", "poverty_monitored"];
pub const HOUSING: [&str; 4] = ["own", "public_rental", "private_rental", "rural_dilapidated"];
pub const SUDDEN_HARDSHIP: [&str; 4] = ["none", "living", "production", "emergency"];

/// What kind of value a fact holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactType {
    Bool,
    /// Whole number or decimal (age, counts, yuan).
    Number,
    /// One word of the list.
    Word(&'static [&'static str]),
    /// The list of {kind, grade}; tested with `disability(...)`.
    Disabilities,
    /// The set of needs; tested with `need(...)`.
    Needs,
}

macro_rules! facts {
    ($( $variant:ident = $name:literal : $ty:expr ),* $(,)?) => {
        /// Every household fact a rule can test. The order is the order questions are asked in when
        /// two facts would settle the same number of findings.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Fact { $($variant),* }
        impl Fact {
            pub const ALL: &'static [Fact] = &[$(Fact::$variant),*];
            pub fn name(self) -> &'static str { match self { $(Fact::$variant => $name),* } }
            pub fn value_type(self) -> FactType { match self { $(Fact::$variant => $ty),* } }
            pub fn from_name(name: &str) -> Option<Fact> { match name { $($name => Some(Fact::$variant),)* _ => None } }
        }
    };
}

facts! {
    Disabilities = "disabilities": FactType::Disabilities,
    Certificate = "certificate": FactType::Bool,
    LocalHukou = "local_hukou": FactType::Bool,
    Age = "age": FactType::Number,
    Residence = "residence": FactType::Word(&RESIDENCE),
    HouseholdStatus = "household_status": FactType::Word(&HOUSEHOLD_STATUS),
    Needs = "needs": FactType::Needs,
    LongTermCare = "long_term_care": FactType::Bool,
    Autism = "autism": FactType::Bool,
    Student = "student": FactType::Bool,
    StudentLevel = "student_level": FactType::Word(&STUDENT_LEVEL),
    StudentStage = "student_stage": FactType::Word(&STUDENT_STAGE),
    StudentFees = "student_fees": FactType::Number,
    Graduating = "graduating": FactType::Bool,
    AbleToWork = "able_to_work": FactType::Bool,
    Employment = "employment": FactType::Word(&EMPLOYMENT),
    HardToEmploy = "hard_to_employ": FactType::Bool,
    Sex = "sex": FactType::Word(&SEX),
    PaidOwnInsurance = "paid_own_insurance": FactType::Bool,
    PublicPayroll = "public_payroll": FactType::Bool,
    FullMedicalCoverage = "full_medical_coverage": FactType::Bool,
    InpatientCost = "inpatient_cost": FactType::Number,
    DisabledMembers = "disabled_members": FactType::Number,
    ElderlyParents = "elderly_parents": FactType::Bool,
    NoOneEmployed = "no_one_employed": FactType::Bool,
    Housing = "housing": FactType::Word(&HOUSING),
    ParentCertificate = "parent_certificate": FactType::Bool,
    SuddenHardship = "sudden_hardship": FactType::Word(&SUDDEN_HARDSHIP),
    Veteran = "veteran": FactType::Bool,
    MotorizedWheelchair = "motorized_wheelchair": FactType::Bool,
}

pub const FACT_COUNT: usize = Fact::ALL.len();

pub fn index_of(list: &[&str], word: &str) -> Option<usize> {
    list.iter().position(|w| *w == word)
}

impl Fact {
    /// Facts about someone's schooling: they only exist for a student.
    pub fn is_student_detail(self) -> bool {
        matches!(self, Fact::StudentLevel | Fact::StudentStage | Fact::StudentFees | Fact::Graduating)
    }
}

/// A calendar date "YYYY-MM-DD" (years 1900-2200) as yyyymmdd; 2025-02-30 is refused. Shared by
/// the household JSON and build.rs (the seeds' validity dates).
pub fn calendar_date(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let (y, m, d) = (num(&text[0..4])?, num(&text[5..7])?, num(&text[8..10])?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2200).contains(&y) && (1..=days).contains(&d)).then_some(y * 10000 + m * 100 + d)
}
