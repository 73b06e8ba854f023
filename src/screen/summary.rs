//! Who may be missing the most: one short record per person of a screening, for the screening
//! page's table (sorted, filtered by benefit) and its list of bad rows. Kept small (a few dozen
//! bytes a person) so that a registry of a few hundred thousand people fits.

use super::super::rules::condition::FactSet;
use super::super::rules::engine::{yearly_total, Finding, Status};
use super::super::rules::facts::Facts;
use super::super::rules::policy::{jurisdiction, Benefit, Lang};
use super::RowProblem;
use rust_decimal::Decimal;
use serde::Serialize;

/// One person.
struct Person {
    row: u32,
    place: u8,
    likely: u16,
    possible: u16,
    /// Yearly cash that can honestly be added up (likely findings; see `engine::yearly_total`), in fen.
    yearly: i64,
    /// Where the person's findings start in `Summary::findings`, and how many.
    first: u32,
    count: u16,
    missing: FactSet,
    id: Box<str>,
}

/// How the table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Yearly,
    Likely,
    Possible,
    Row,
    Id,
}

impl SortKey {
    pub fn from_name(name: &str) -> SortKey {
        match name {
            "likely" => SortKey::Likely,
            "possible" => SortKey::Possible,
            "row" => SortKey::Row,
            "id" => SortKey::Id,
            _ => SortKey::Yearly,
        }
    }
}

/// A line of the table.
#[derive(Serialize)]
pub struct TableRow {
    pub row: u32,
    pub id: String,
    pub place: &'static str,
    pub likely: u16,
    pub possible: u16,
    /// Yearly cash in yuan ("" when none can be added up).
    pub yearly: String,
    /// The benefits, likely first (names).
    pub benefits: Vec<&'static str>,
    /// What is still to find out, most useful first (labels).
    pub missing: Vec<&'static str>,
}

#[derive(Serialize)]
pub struct Table {
    /// People in the table before the limit (all of them, or those with the benefit filtered on).
    pub matching: usize,
    pub rows: Vec<TableRow>,
}

/// A benefit found for someone, with how many.
#[derive(Serialize)]
pub struct BenefitCount {
    pub id: &'static str,
    pub name: &'static str,
    pub likely: usize,
    pub possible: usize,
}

/// A bad row for the list: row, column and problem.
#[derive(Serialize)]
pub struct BadRow {
    pub row: usize,
    pub column: String,
    pub problem: String,
}

/// Everything the page shows of a screening.
#[derive(Default)]
pub struct Summary {
    people: Vec<Person>,
    findings: Vec<(&'static Benefit, Status)>,
    bad: Vec<(usize, RowProblem)>,
    bad_total: usize,
}

/// At most this many bad rows are kept for the list (all are counted).
pub const BAD_KEPT: usize = 1000;

impl Summary {
    pub fn people(&self) -> usize {
        self.people.len()
    }

    pub fn bad_rows(&self) -> usize {
        self.bad_total
    }

    pub fn person(&mut self, row: usize, id: &str, facts: &Facts, findings: &[Finding]) {
        let first = self.findings.len() as u32;
        let mut p = Person {
            row: row as u32,
            place: facts.jurisdiction.unwrap_or(0),
            likely: 0,
            possible: 0,
            yearly: 0,
            first,
            count: 0,
            missing: FactSet::default(),
            id: id.chars().take(64).collect::<String>().into_boxed_str(),
        };
        for f in findings.iter().filter(|f| matches!(f.status, Status::Likely | Status::Possible)) {
            match f.status {
                Status::Likely => p.likely += 1,
                _ => p.possible += 1,
            }
            p.missing = p.missing.union(f.missing);
            self.findings.push((f.benefit, f.status));
            p.count += 1;
        }
        p.yearly = (yearly_total(findings) * Decimal::ONE_HUNDRED).trunc().try_into().unwrap_or(i64::MAX);
        self.people.push(p);
    }

    pub fn bad(&mut self, row: usize, problem: RowProblem) {
        self.bad_total += 1;
        if self.bad.len() < BAD_KEPT {
            self.bad.push((row, problem));
        }
    }

    /// The people sorted by `key` (largest first unless `ascending`), only those with `benefit`
    /// likely or possible when one is given, at most `limit`.
    pub fn table(&self, benefit: Option<&str>, key: SortKey, ascending: bool, limit: usize, lang: Lang) -> Table {
        let has = |p: &Person, id: &str| self.of(p).iter().any(|(b, _)| b.id == id);
        let mut order: Vec<&Person> = match benefit {
            Some(id) => self.people.iter().filter(|p| has(p, id)).collect(),
            None => self.people.iter().collect(),
        };
        let matching = order.len();
        let by = |a: &&Person, b: &&Person| {
            let o = match key {
                SortKey::Yearly => a.yearly.cmp(&b.yearly).then(a.likely.cmp(&b.likely)).then(a.possible.cmp(&b.possible)),
                SortKey::Likely => a.likely.cmp(&b.likely).then(a.yearly.cmp(&b.yearly)),
                SortKey::Possible => a.possible.cmp(&b.possible).then(a.likely.cmp(&b.likely)),
                SortKey::Row => a.row.cmp(&b.row),
                SortKey::Id => a.id.cmp(&b.id),
            };
            // Ties in row order either way.
            let o = if ascending { o } else { o.reverse() };
            o.then(a.row.cmp(&b.row))
        };
        let limit = limit.min(order.len());
        if limit < order.len() && limit > 0 {
            order.select_nth_unstable_by(limit - 1, by);
            order.truncate(limit);
        }
        order.sort_by(by);
        order.truncate(limit);
        let rows = order
            .into_iter()
            .map(|p| TableRow {
                row: p.row,
                id: p.id.to_string(),
                place: jurisdiction(p.place).name.get(lang),
                likely: p.likely,
                possible: p.possible,
                yearly: if p.yearly > 0 { Decimal::new(p.yearly, 2).normalize().to_string() } else { String::new() },
                benefits: self.of(p).iter().map(|(b, _)| b.name.get(lang)).collect(),
                missing: p.missing.iter().map(|f| f.label().get(lang)).collect(),
            })
            .collect();
        Table { matching, rows }
    }

    /// Every benefit found likely or possible for someone, most often found first.
    pub fn benefits(&self, lang: Lang) -> Vec<BenefitCount> {
        let mut out: Vec<BenefitCount> = Vec::new();
        let mut at = std::collections::HashMap::new();
        for (b, s) in &self.findings {
            let i = *at.entry(b.id).or_insert_with(|| {
                out.push(BenefitCount { id: b.id, name: b.name.get(lang), likely: 0, possible: 0 });
                out.len() - 1
            });
            match s {
                Status::Likely => out[i].likely += 1,
                _ => out[i].possible += 1,
            }
        }
        out.sort_by(|a, b| (b.likely + b.possible).cmp(&(a.likely + a.possible)).then(a.id.cmp(b.id)));
        out
    }

    /// The bad rows kept, one line per problem.
    pub fn bad_list(&self, lang: Lang) -> Vec<BadRow> {
        let mut out = Vec::new();
        for (row, problem) in &self.bad {
            match problem {
                RowProblem::Cells(cells) => {
                    for c in cells {
                        let mut p = c.clone();
                        let column = p.column.take().unwrap_or_default();
                        out.push(BadRow { row: *row, column, problem: p.message(lang) });
                    }
                }
                other => {
                    for m in other.messages(lang) {
                        out.push(BadRow { row: *row, column: String::new(), problem: m });
                    }
                }
            }
        }
        out
    }

    fn of(&self, p: &Person) -> &[(&'static Benefit, Status)] {
        &self.findings[p.first as usize..p.first as usize + p.count as usize]
    }
}
