//! A registry export as CSV: one row per person under a header row. The header names the facts
//! by their JSON path (`applicant.age`) or their Chinese label as in the app (`年龄`), both taken
//! from the fact table (seeds/facts.toml), so a fact added there is a column here with no change.
//! Besides the facts: `jurisdiction` (地区), `as_of` (测算日期) and an id column (`id`/`编号`, or
//! any name given) that is carried to the output.
//!
//! The records are parsed by `csv-core` (the parser of the `csv` crate), fed chunk by chunk with
//! buffers this module owns, so a record is cut off at [`LINE_LIMIT`] bytes and memory stays
//! bounded whatever the file holds. An empty cell is "not answered".

use super::super::rules::codec::calendar_date;
use super::super::rules::facts::{Disability, Facts, Value};
use super::super::rules::json::{money, Problem};
use super::super::rules::policy::{places, Lang};
use super::super::rules::vocab::{Fact, FactType, Word};
use super::{safe, LINE_LIMIT};
use csv_core::{ReadRecordResult, Reader, ReaderBuilder};
use rust_decimal::Decimal;

/// At most this many cells in a row.
const MAX_CELLS: usize = 4096;

/// One record as it comes out of the parser: its number (the header is 1, as Excel numbers rows)
/// and its cells, or that it was too long to keep.
pub enum Record<'a> {
    Cells(usize, &'a Cells),
    TooLong(usize),
}

/// The cells of one record (bytes; see [`Cells::text`]).
#[derive(Default)]
pub struct Cells {
    data: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
}

impl Cells {
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn bytes(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.data[start..self.ends[i]]
    }
    /// The cell as text, trimmed; `None` when it is not readable text (bytes that are not UTF-8,
    /// or a character the decoder could not read).
    pub fn text(&self, i: usize) -> Option<&str> {
        std::str::from_utf8(self.bytes(i)).ok().filter(|t| !t.contains('\u{FFFD}')).map(str::trim)
    }
    pub fn all_empty(&self) -> bool {
        (0..self.len).all(|i| self.bytes(i).iter().all(u8::is_ascii_whitespace))
    }
}

/// Splits CSV text (UTF-8, see `text`) into records, chunk by chunk.
pub struct Records {
    reader: Reader,
    cells: Cells,
    /// Bytes of the current record written so far.
    used: usize,
    ends_used: usize,
    /// The current record is over the limit; its cells are dropped as they come.
    too_long: bool,
    number: usize,
    /// The delimiter is chosen from the first line: a tab when it has tabs and no commas.
    started: bool,
    first_line: Vec<u8>,
    limit: usize,
}

impl Default for Records {
    fn default() -> Self {
        Records::with_limit(LINE_LIMIT)
    }
}

impl Records {
    pub fn with_limit(limit: usize) -> Self {
        Records {
            reader: Reader::new(),
            cells: Cells { data: vec![0; 4096], ends: vec![0; 64], len: 0 },
            used: 0,
            ends_used: 0,
            too_long: false,
            number: 0,
            started: false,
            first_line: Vec::new(),
            limit,
        }
    }

    /// Records read so far.
    pub fn count(&self) -> usize {
        self.number
    }

    /// Pass each complete record in `chunk` to `each`; stop at its first error.
    pub fn push<E>(&mut self, chunk: &[u8], each: &mut impl FnMut(Record) -> Result<(), E>) -> Result<(), E> {
        if !self.started {
            // Hold the start until the first line is complete, to choose the delimiter.
            self.first_line.extend_from_slice(chunk);
            if !self.first_line.contains(&b'\n') && self.first_line.len() <= self.limit {
                return Ok(());
            }
            self.start();
            let held = std::mem::take(&mut self.first_line);
            return self.feed(&held, each);
        }
        self.feed(chunk, each)
    }

    /// The end of the input.
    pub fn finish<E>(&mut self, each: &mut impl FnMut(Record) -> Result<(), E>) -> Result<(), E> {
        if !self.started {
            self.start();
            let held = std::mem::take(&mut self.first_line);
            self.feed(&held, each)?;
        }
        self.feed(&[], each)
    }

    fn start(&mut self) {
        self.started = true;
        let line = &self.first_line[..memchr::memchr(b'\n', &self.first_line).unwrap_or(self.first_line.len())];
        let tab = line.contains(&b'\t') && !line.contains(&b',');
        self.reader = ReaderBuilder::new().delimiter(if tab { b'\t' } else { b',' }).build();
    }

    /// One call of the parser per step; an empty `input` is the end (the parser's convention).
    fn feed<E>(&mut self, mut input: &[u8], each: &mut impl FnMut(Record) -> Result<(), E>) -> Result<(), E> {
        let end = input.is_empty();
        loop {
            let (result, nin, nout, nend) =
                self.reader.read_record(input, &mut self.cells.data[self.used..], &mut self.cells.ends[self.ends_used..]);
            input = &input[nin..];
            self.used += nout;
            self.ends_used += nend;
            match result {
                ReadRecordResult::InputEmpty => {
                    if !end {
                        return Ok(());
                    }
                }
                ReadRecordResult::OutputFull => {
                    if self.cells.data.len() >= self.limit {
                        // Too long: drop what is there and keep parsing to the record's end.
                        self.too_long = true;
                        self.used = 0;
                    } else {
                        let n = (self.cells.data.len() * 2).min(self.limit);
                        self.cells.data.resize(n, 0);
                    }
                }
                ReadRecordResult::OutputEndsFull => {
                    if self.cells.ends.len() >= MAX_CELLS {
                        self.too_long = true;
                        self.ends_used = 0;
                    } else {
                        let n = self.cells.ends.len() * 2;
                        self.cells.ends.resize(n, 0);
                    }
                }
                ReadRecordResult::Record => {
                    self.number += 1;
                    let too_long = std::mem::replace(&mut self.too_long, false) || self.used > self.limit;
                    self.cells.len = self.ends_used;
                    self.used = 0;
                    self.ends_used = 0;
                    if too_long {
                        each(Record::TooLong(self.number))?;
                    } else {
                        each(Record::Cells(self.number, &self.cells))?;
                    }
                }
                ReadRecordResult::End => return Ok(()),
            }
        }
    }
}

/// What a column of the header holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Place,
    AsOf,
    Id,
    Fact(Fact),
    /// A column with an empty header: only empty cells are allowed under it.
    Blank,
}

/// The header's columns, and what the rows are read with.
#[derive(Debug)]
pub struct Columns {
    columns: Vec<Column>,
    /// The header cells as written (for messages).
    names: Vec<String>,
    /// The place for rows without one (`--place`, or the choice on the screening page).
    default_place: Option<u8>,
    id: Option<usize>,
}

/// Why a header cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderError {
    /// No header row at all.
    Empty,
    /// The header is not readable text.
    NotText,
    /// Columns that are neither facts nor the place, date or id column.
    Unknown(Vec<String>),
    /// Two columns for the same thing.
    Twice(String, String),
    /// The id column asked for is not there.
    NoIdColumn(String),
    /// Neither a place column nor a default place.
    NoPlace,
    TooLong,
}

impl HeaderError {
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let list = |v: &[String]| v.iter().map(|s| format!("“{s}”")).collect::<Vec<_>>().join(if zh { "、" } else { ", " });
        match self {
            HeaderError::Empty if zh => "文件是空的，没有标题行".into(),
            HeaderError::Empty => "the file is empty: there is no header row".into(),
            HeaderError::NotText if zh => "标题行不是可读的文字（请另存为 CSV UTF-8 或 GBK）".into(),
            HeaderError::NotText => "the header row is not readable text (save as CSV, UTF-8 or GBK)".into(),
            HeaderError::Unknown(cols) if zh => format!(
                "第 1 行（标题行）有不认识的列：{}。列名应为事实的 JSON 路径或中文名称（见 README“名册筛查”），或 jurisdiction（地区）、as_of（测算日期）、id（编号）；请删除这些列，或指定其中一列作为编号列",
                list(cols)
            ),
            HeaderError::Unknown(cols) => format!(
                "row 1 (the header) has unknown columns: {}. Columns are the facts' JSON paths or Chinese labels (see “Screening a registry” in the README), or jurisdiction, as_of and id; delete these columns or name one of them as the id column",
                list(cols)
            ),
            HeaderError::Twice(a, b) if zh => format!("第 1 行（标题行）：“{a}”和“{b}”是同一项，请只保留一列"),
            HeaderError::Twice(a, b) => format!("row 1 (the header): “{a}” and “{b}” are the same thing; keep one column"),
            HeaderError::NoIdColumn(c) if zh => format!("第 1 行（标题行）没有编号列“{c}”"),
            HeaderError::NoIdColumn(c) => format!("row 1 (the header) has no id column “{c}”"),
            HeaderError::NoPlace if zh => "没有 jurisdiction（地区）列：请加上这一列，或指定整个名册的地区（--place）".into(),
            HeaderError::NoPlace => "there is no jurisdiction (地区) column: add one, or give the place of the whole registry (--place)".into(),
            HeaderError::TooLong if zh => format!("标题行超过 {} 字节的上限", LINE_LIMIT),
            HeaderError::TooLong => format!("the header row is over the limit of {} bytes", LINE_LIMIT),
        }
    }
}

/// What is wrong with one cell (or one row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellProblem {
    /// A number, money or list problem worded as for the JSON.
    Json(Problem),
    NotYesNo,
    /// Not one of the fact's words (or several start this way).
    NotWord(Fact),
    NotPlace,
    NotDate,
    /// A disabilities cell that is not `kind:grade;kind:grade`.
    NotDisabilities,
    /// A needs cell that is not `need;need`.
    NotNeeds,
    /// Bytes that are not readable text.
    NotText,
    /// A fact that exists only when a yes/no fact is yes (school details), where that one is no.
    OnlyIf(Fact),
    /// More cells than the header has columns.
    ExtraCells {
        header: usize,
    },
    /// A value under a column with no name.
    NoColumnName,
    /// The row is longer than the line limit.
    TooLong,
}

impl CellProblem {
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let sep = if zh { "、" } else { ", " };
        let words = |ws: &[Word]| ws.iter().map(|w| format!("{}（{}）", w.label.zh, w.name)).collect::<Vec<_>>().join(sep);
        match self {
            CellProblem::Json(p) => super::super::rules::json::InputError::new("", p.clone()).message(lang),
            CellProblem::NotYesNo if zh => "应为 是 或 否（也可写 true/false、1/0）".into(),
            CellProblem::NotYesNo => "must be yes or no (是/否, true/false or 1/0)".into(),
            CellProblem::NotWord(f) if zh => format!("应为以下之一：{}", words(f.words())),
            CellProblem::NotWord(f) => format!("must be one of: {}", words(f.words())),
            CellProblem::NotPlace if zh => format!("应为以下地区之一：{}", places().iter().map(|p| format!("{}（{}）", p.name.zh, p.id)).collect::<Vec<_>>().join(sep)),
            CellProblem::NotPlace => format!("must be one of the places: {}", places().iter().map(|p| format!("{} ({})", p.name.en, p.id)).collect::<Vec<_>>().join(sep)),
            CellProblem::NotDate if zh => "应为日期，格式 YYYY-MM-DD（或 Excel 的 YYYY/M/D）".into(),
            CellProblem::NotDate => "must be a date written YYYY-MM-DD (or Excel's YYYY/M/D)".into(),
            CellProblem::NotDisabilities if zh => format!(
                "应写成 类别:等级，多项用分号隔开，例如 physical:1;visual:3 或 肢体残疾:一级；等级为 1 到 4，未评定可不写；类别为：{}",
                words(Fact::disabilities().words())
            ),
            CellProblem::NotDisabilities => format!(
                "write kind:grade, several separated by semicolons, e.g. physical:1;visual:3; grade 1 to 4, or none when not assessed; kinds: {}",
                words(Fact::disabilities().words())
            ),
            CellProblem::NotNeeds if zh => format!("应为以下几项，用分号隔开：{}", words(Fact::needs().words())),
            CellProblem::NotNeeds => format!("must be some of these, separated by semicolons: {}", words(Fact::needs().words())),
            CellProblem::NotText if zh => "含有无法识别的字符（文件编码应为 UTF-8 或 GBK）".into(),
            CellProblem::NotText => "holds characters that cannot be read (the file should be UTF-8 or GBK)".into(),
            CellProblem::OnlyIf(f) if zh => format!("只在“{}”为“是”时填写（这一行填的是“否”）", f.label().zh),
            CellProblem::OnlyIf(f) => format!("only when “{}” is yes (this row says no)", f.label().en),
            CellProblem::ExtraCells { header } if zh => format!("这一行的格子比标题行的 {header} 列多"),
            CellProblem::ExtraCells { header } => format!("this row has more cells than the {header} columns of the header"),
            CellProblem::NoColumnName if zh => "这一列没有列名，请补上列名或清空".into(),
            CellProblem::NoColumnName => "this column has no name: name it or leave it empty".into(),
            CellProblem::TooLong if zh => format!("这一行超过 {} 字节（1 MB）的上限，没有读取", LINE_LIMIT),
            CellProblem::TooLong => format!("this row is over the limit of {} bytes (1 MB) and was not read", LINE_LIMIT),
        }
    }
}

/// A problem in a row: the column (as named in the header; `None` for the whole row), what is
/// wrong, and the cell as written (made safe to show).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub column: Option<String>,
    pub problem: CellProblem,
    pub value: String,
}

impl CellError {
    /// "“年龄”列：应为 0 到 120 之间的整数（填的是“四十”）"
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let mut m = match &self.column {
            Some(c) if zh => format!("“{c}”列：{}", self.problem.message(lang)),
            Some(c) => format!("column “{c}”: {}", self.problem.message(lang)),
            None => self.problem.message(lang),
        };
        if !self.value.is_empty() {
            if zh {
                m.push_str(&format!("（填的是“{}”）", self.value));
            } else {
                m.push_str(&format!(" (it says “{}”)", self.value));
            }
        }
        m
    }
}

/// The names of the place, date and id columns (any of these as the header cell).
const PLACE_NAMES: [&str; 2] = ["jurisdiction", "地区"];
const AS_OF_NAMES: [&str; 2] = ["as_of", "测算日期"];
const ID_NAMES: [&str; 2] = ["id", "编号"];

/// The JSON path of a fact (`applicant.age`): its CSV column.
pub fn column_path(f: Fact) -> String {
    let d = f.def();
    format!("{}.{}", d.section, d.key)
}

impl Columns {
    /// Read the header. `id` names the id column (default: `id` or `编号` if there is one);
    /// `default_place` is the place of rows that do not name one.
    pub fn new(header: &Cells, id: Option<&str>, default_place: Option<u8>) -> Result<Columns, HeaderError> {
        let mut columns = Vec::with_capacity(header.len());
        let mut names: Vec<String> = Vec::with_capacity(header.len());
        let mut unknown = Vec::new();
        for i in 0..header.len() {
            let name = header.text(i).ok_or(HeaderError::NotText)?;
            let column = match id {
                Some(id) if name == id.trim() => Some(Column::Id),
                None if ID_NAMES.contains(&name) => Some(Column::Id),
                _ if name.is_empty() => Some(Column::Blank),
                _ if PLACE_NAMES.contains(&name) => Some(Column::Place),
                _ if AS_OF_NAMES.contains(&name) => Some(Column::AsOf),
                _ => Fact::ALL.iter().find(|f| f.label().zh == name || column_path(**f) == name).map(|f| Column::Fact(*f)),
            };
            match column {
                Some(c) => {
                    if c != Column::Blank {
                        if let Some(j) = columns.iter().position(|o| *o == c) {
                            return Err(HeaderError::Twice(safe(&names[j]), safe(name)));
                        }
                    }
                    columns.push(c);
                }
                None => {
                    unknown.push(safe(name));
                    columns.push(Column::Blank);
                }
            }
            names.push(name.to_string());
        }
        if header.is_empty() || (header.len() == 1 && names[0].is_empty()) {
            return Err(HeaderError::Empty);
        }
        if !unknown.is_empty() {
            return Err(HeaderError::Unknown(unknown));
        }
        let id_at = columns.iter().position(|c| *c == Column::Id);
        if let (Some(want), None) = (id, id_at) {
            return Err(HeaderError::NoIdColumn(safe(want)));
        }
        if default_place.is_none() && !columns.contains(&Column::Place) {
            return Err(HeaderError::NoPlace);
        }
        Ok(Columns { columns, names, default_place, id: id_at })
    }

    /// The id column's name as written in the header.
    pub fn id_name(&self) -> Option<&str> {
        self.id.map(|i| self.names[i].as_str())
    }

    /// The facts of one row, or every problem in it. The id is `cells`'s id cell (see
    /// [`Columns::id`]).
    pub fn facts(&self, cells: &Cells, today: u32) -> Result<Facts, Vec<CellError>> {
        let mut facts = Facts::default();
        let mut problems = Vec::new();
        // Facts that exist only when a yes/no fact is yes (school details), by that fact: the
        // first column with a value.
        let mut dependents: Vec<(Fact, usize)> = Vec::new();
        for i in 0..cells.len() {
            let Some(&column) = self.columns.get(i) else {
                if !cells.bytes(i).iter().all(u8::is_ascii_whitespace) {
                    problems.push(CellError {
                        column: None,
                        problem: CellProblem::ExtraCells { header: self.columns.len() },
                        value: String::new(),
                    });
                    break;
                }
                continue;
            };
            if column == Column::Id {
                continue;
            }
            let Some(text) = cells.text(i) else {
                problems.push(self.error(i, CellProblem::NotText, ""));
                continue;
            };
            if text.is_empty() {
                continue;
            }
            let result = match column {
                Column::Id => Ok(()),
                Column::Blank => Err(CellProblem::NoColumnName),
                Column::Place => place(text).map(|p| facts.jurisdiction = Some(p)),
                Column::AsOf => date(text).map(|d| facts.as_of = Some(d)),
                Column::Fact(f) => {
                    if let Some(parent) = f.only_if() {
                        if !dependents.iter().any(|(p, _)| *p == parent) {
                            dependents.push((parent, i));
                        }
                    }
                    set_fact(&mut facts, f, text)
                }
            };
            if let Err(p) = result {
                problems.push(self.error(i, p, text));
            }
        }
        // School details mean a student, as the student object does in the JSON.
        for (parent, i) in dependents {
            match facts.get(parent) {
                Value::Bool(false) => problems.push(self.error(i, CellProblem::OnlyIf(parent), cells.text(i).unwrap_or(""))),
                _ => facts.set(parent, Value::Bool(true)),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        if facts.jurisdiction.is_none() {
            facts.jurisdiction = self.default_place;
        }
        if facts.jurisdiction.is_none() {
            let column = self.columns.iter().position(|c| *c == Column::Place).map(|i| self.names[i].clone());
            return Err(vec![CellError { column, problem: CellProblem::Json(Problem::MissingKey), value: String::new() }]);
        }
        facts.as_of.get_or_insert(today);
        Ok(facts)
    }

    /// The id cell of a row ("" when there is none).
    pub fn id<'c>(&self, cells: &'c Cells) -> &'c str {
        match self.id {
            Some(i) if i < cells.len() => cells.text(i).unwrap_or(""),
            _ => "",
        }
    }

    fn error(&self, i: usize, problem: CellProblem, value: &str) -> CellError {
        CellError { column: Some(safe(&self.names[i])), problem, value: safe(value) }
    }
}

/// A place by its id or its name (in either language).
fn place(text: &str) -> Result<u8, CellProblem> {
    places()
        .iter()
        .position(|p| p.id == text || p.name.zh == text || p.name.en.eq_ignore_ascii_case(text))
        .map(|i| i as u8)
        .ok_or(CellProblem::NotPlace)
}

/// YYYY-MM-DD, or YYYY/M/D as Excel writes dates in China; checked against the calendar.
fn date(text: &str) -> Result<u32, CellProblem> {
    if let Some(d) = calendar_date(text) {
        return Ok(d);
    }
    let parts: Vec<&str> = text.split('/').collect();
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if parts.len() == 3 && digits(parts[0], 4..=4) && digits(parts[1], 1..=2) && digits(parts[2], 1..=2) {
        if let Some(d) = calendar_date(&format!("{}-{:0>2}-{:0>2}", parts[0], parts[1], parts[2])) {
            return Ok(d);
        }
    }
    Err(CellProblem::NotDate)
}

/// One of a fact's words: the word itself, its Chinese or English label, or the start (two
/// characters or more) of exactly one Chinese label ("肢体" for 肢体残疾, "农村" for 农村牧区).
pub fn word(words: &[Word], text: &str) -> Option<u8> {
    let exact = words.iter().position(|w| w.name == text || w.label.zh == text || w.label.en.eq_ignore_ascii_case(text)).map(|i| i as u8);
    if exact.is_some() || text.chars().count() < 2 || text.is_ascii() {
        return exact;
    }
    let mut starts = words.iter().enumerate().filter(|(_, w)| w.label.zh.starts_with(text));
    match (starts.next(), starts.next()) {
        (Some((i, _)), None) => Some(i as u8),
        _ => None,
    }
}

fn yes_no(text: &str) -> Option<bool> {
    const YES: [&str; 4] = ["true", "yes", "1", "是"];
    const NO: [&str; 4] = ["false", "no", "0", "否"];
    if YES.iter().any(|y| y.eq_ignore_ascii_case(text)) {
        Some(true)
    } else if NO.iter().any(|n| n.eq_ignore_ascii_case(text)) {
        Some(false)
    } else {
        None
    }
}

/// A grade: 1 to 4, as "1", "1级" or "一级".
fn grade(text: &str) -> Option<u8> {
    let t = text.trim();
    let t = t.strip_suffix('级').unwrap_or(t).trim();
    match t {
        "1" | "一" => Some(1),
        "2" | "二" => Some(2),
        "3" | "三" => Some(3),
        "4" | "四" => Some(4),
        _ => None,
    }
}

/// Items of a list cell, split at ; or ； (or 、), blanks dropped.
fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', '；', '、']).map(str::trim).filter(|s| !s.is_empty())
}

fn set_fact(facts: &mut Facts, f: Fact, text: &str) -> Result<(), CellProblem> {
    let d = f.def();
    match d.ty {
        FactType::Bool => facts.set(f, Value::Bool(yes_no(text).ok_or(CellProblem::NotYesNo)?)),
        FactType::Number => {
            let n: Option<i64> = if text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit()) { text.parse().ok() } else { None };
            match n {
                Some(n) if (d.min..=d.max).contains(&n) => facts.set(f, Value::Number(Decimal::from(n))),
                _ => return Err(CellProblem::Json(Problem::NotWholeNumber { min: d.min, max: d.max })),
            }
        }
        FactType::Money => facts.set(f, Value::Number(money(text).map_err(CellProblem::Json)?)),
        FactType::Word => facts.set(f, Value::Word(word(f.words(), text).ok_or(CellProblem::NotWord(f))?)),
        FactType::Disabilities => {
            let mut list = Vec::new();
            for item in items(text) {
                let (kind, g) = match item.split_once([':', '：']) {
                    Some((k, g)) => (k.trim(), Some(g.trim())),
                    None => (item, None),
                };
                let kind = word(f.words(), kind).ok_or(CellProblem::NotDisabilities)?;
                let grade = match g {
                    None | Some("") => None,
                    Some(g) => Some(grade(g).ok_or(CellProblem::NotDisabilities)?),
                };
                list.push(Disability { kind, grade });
            }
            if list.is_empty() {
                return Err(CellProblem::NotDisabilities);
            }
            facts.disabilities = Some(list);
        }
        FactType::Needs => {
            let mut mask = 0u16;
            for item in items(text) {
                mask |= 1 << word(f.words(), item).ok_or(CellProblem::NotNeeds)?;
            }
            facts.needs = Some(mask);
        }
    }
    Ok(())
}
