//! Registry screening (政策找人): reading a whole registry, one person at a time, and saying who may
//! be missing out on what. Bytes in, households out: there are no files here, so the command line
//! (`evaluate --batch`) and the screening page (this module compiled to wasm, in a web worker)
//! read the same way and give the same answers.
//!
//! - [`text`]: the bytes of a file as UTF-8 (byte-order marks, UTF-16, GB18030/GBK).
//! - [`lines`]: the lines of a JSON Lines file, each at most [`LINE_LIMIT`] bytes.
//! - [`rows`]: CSV rows under a header of fact columns, each at most [`LINE_LIMIT`] bytes.
//! - [`report`]: the result CSV for Excel.
//! - [`summary`]: who may be missing the most, for the screening page's table.
//!
//! [`CsvInput`] and [`JsonLinesInput`] take the file chunk by chunk and hand each person (or what
//! is wrong with a row) to a [`Sink`]. No input makes them panic, and memory stays bounded by the
//! line limit whatever the input.

pub mod lines;
pub mod report;
pub mod rows;
pub mod summary;
pub mod text;

#[cfg(all(target_arch = "wasm32", feature = "screen"))]
mod web;

use super::rules::facts::Facts;
pub use super::rules::json::safe;
use super::rules::json::{parse_household, InputError};
use super::rules::policy::Lang;
use lines::{Line, Lines};
use rows::{CellError, CellProblem, Columns, HeaderError, Record, Records};
use text::TextDecoder;

/// The longest line (JSON Lines) or row (CSV) read: 1 MB. A longer one is reported and skipped,
/// and memory stays bounded.
pub const LINE_LIMIT: usize = 1 << 20;

/// What is wrong with one line or row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The household JSON of a line.
    Json(InputError),
    /// A JSON line that is not UTF-8 (at this byte of the line, 1-based).
    NotUtf8(usize),
    /// Longer than [`LINE_LIMIT`].
    TooLong,
    /// The cells of a CSV row.
    Cells(Vec<CellError>),
}

impl RowProblem {
    /// Each problem on its own (a CSV row may have several).
    pub fn messages(&self, lang: Lang) -> Vec<String> {
        let zh = lang == Lang::Zh;
        match self {
            RowProblem::Json(e) => vec![e.message(lang)],
            RowProblem::NotUtf8(at) if zh => vec![format!("不是 UTF-8 编码的文字（第 {at} 个字节）；JSON 必须是 UTF-8")],
            RowProblem::NotUtf8(at) => vec![format!("not UTF-8 text (at byte {at}); JSON must be UTF-8")],
            RowProblem::TooLong => vec![CellProblem::TooLong.message(lang)],
            RowProblem::Cells(cells) => cells.iter().map(|c| c.message(lang)).collect(),
        }
    }
}

/// Where the households of a screening go.
pub trait Sink {
    type Error;
    /// Before the first person: the name of the id column, if the input has one.
    fn start(&mut self, id_column: Option<&str>) -> Result<(), Self::Error>;
    /// One person: the row (or line) number, the id cell ("" without one) and the facts.
    fn person(&mut self, row: usize, id: &str, facts: &Facts) -> Result<(), Self::Error>;
    /// A row that could not be read.
    fn bad(&mut self, row: usize, problem: RowProblem) -> Result<(), Self::Error>;
}

/// Why a screening stopped before the end of the input.
#[derive(Debug)]
pub enum Stop<E> {
    /// The CSV header cannot be read: no row can be.
    Header(HeaderError),
    /// The sink failed (a write).
    Sink(E),
}

/// Counts for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Lines or rows read (for CSV, the header included).
    pub rows: usize,
    pub people: usize,
    pub bad: usize,
}

/// A registry as CSV (see [`rows`]), chunk by chunk.
pub struct CsvInput {
    decoder: TextDecoder,
    records: Records,
    columns: Option<Columns>,
    id: Option<String>,
    place: Option<u8>,
    today: u32,
    buf: Vec<u8>,
    counts: Counts,
}

impl CsvInput {
    /// `id` names the id column (default `id` or `编号`); `place` is the place of rows that do not
    /// name one; `today` (yyyymmdd) the date of rows that do not give one.
    pub fn new(id: Option<&str>, place: Option<u8>, today: u32) -> Self {
        CsvInput {
            decoder: TextDecoder::new(true),
            records: Records::default(),
            columns: None,
            id: id.map(str::to_string),
            place,
            today,
            buf: Vec::new(),
            counts: Counts::default(),
        }
    }

    pub fn counts(&self) -> Counts {
        self.counts
    }

    pub fn charset(&self) -> Option<text::Charset> {
        self.decoder.charset()
    }

    /// The header's columns, once read.
    pub fn columns(&self) -> Option<&Columns> {
        self.columns.as_ref()
    }

    pub fn push<S: Sink>(&mut self, bytes: &[u8], sink: &mut S) -> Result<(), Stop<S::Error>> {
        self.buf.clear();
        self.decoder.push(bytes, &mut self.buf);
        self.records(sink, false)
    }

    pub fn finish<S: Sink>(&mut self, sink: &mut S) -> Result<(), Stop<S::Error>> {
        self.buf.clear();
        self.decoder.finish(&mut self.buf);
        self.records(sink, true)?;
        if self.columns.is_none() {
            return Err(Stop::Header(HeaderError::Empty));
        }
        Ok(())
    }

    fn records<S: Sink>(&mut self, sink: &mut S, end: bool) -> Result<(), Stop<S::Error>> {
        let CsvInput { records, columns, id, place, today, buf, counts, .. } = self;
        let mut each = |record: Record| -> Result<(), Stop<S::Error>> {
            counts.rows += 1;
            let Some(cols) = columns.as_ref() else {
                let header = match record {
                    Record::TooLong(_) => return Err(Stop::Header(HeaderError::TooLong)),
                    Record::Cells(_, cells) => Columns::new(cells, id.as_deref(), *place).map_err(Stop::Header)?,
                };
                sink.start(header.id_name()).map_err(Stop::Sink)?;
                *columns = Some(header);
                return Ok(());
            };
            match record {
                Record::TooLong(n) => {
                    counts.bad += 1;
                    sink.bad(n, RowProblem::TooLong).map_err(Stop::Sink)
                }
                Record::Cells(_, cells) if cells.all_empty() => Ok(()),
                Record::Cells(n, cells) => match cols.facts(cells, *today) {
                    Ok(facts) => {
                        counts.people += 1;
                        sink.person(n, cols.id(cells), &facts).map_err(Stop::Sink)
                    }
                    Err(problems) => {
                        counts.bad += 1;
                        sink.bad(n, RowProblem::Cells(problems)).map_err(Stop::Sink)
                    }
                },
            }
        };
        records.push(buf, &mut each)?;
        if end {
            records.finish(&mut each)?;
        }
        Ok(())
    }
}

/// A registry as JSON Lines (one household JSON per line), chunk by chunk. Always UTF-8 (a
/// byte-order mark is dropped; UTF-16 with its mark is decoded).
pub struct JsonLinesInput {
    decoder: TextDecoder,
    lines: Lines,
    place: Option<u8>,
    today: u32,
    buf: Vec<u8>,
    counts: Counts,
    started: bool,
}

impl JsonLinesInput {
    pub fn new(place: Option<u8>, today: u32) -> Self {
        JsonLinesInput {
            decoder: TextDecoder::new(false),
            lines: Lines::default(),
            place,
            today,
            buf: Vec::new(),
            counts: Counts::default(),
            started: false,
        }
    }

    pub fn counts(&self) -> Counts {
        self.counts
    }

    pub fn push<S: Sink>(&mut self, bytes: &[u8], sink: &mut S) -> Result<(), S::Error> {
        if !self.started {
            self.started = true;
            sink.start(None)?;
        }
        self.buf.clear();
        self.decoder.push(bytes, &mut self.buf);
        self.lines(sink, false)
    }

    pub fn finish<S: Sink>(&mut self, sink: &mut S) -> Result<(), S::Error> {
        if !self.started {
            self.started = true;
            sink.start(None)?;
        }
        self.buf.clear();
        self.decoder.finish(&mut self.buf);
        self.lines(sink, true)
    }

    fn lines<S: Sink>(&mut self, sink: &mut S, end: bool) -> Result<(), S::Error> {
        let JsonLinesInput { lines, place, today, buf, counts, .. } = self;
        let mut each = |line: Line| -> Result<(), S::Error> {
            counts.rows += 1;
            let (n, bytes) = match line {
                Line::TooLong(n) => {
                    counts.bad += 1;
                    return sink.bad(n, RowProblem::TooLong);
                }
                Line::Text(n, bytes) => (n, bytes),
            };
            let text = match std::str::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    counts.bad += 1;
                    return sink.bad(n, RowProblem::NotUtf8(e.valid_up_to() + 1));
                }
            };
            if text.trim().is_empty() {
                return Ok(());
            }
            match household(text, *place, *today) {
                Ok(facts) => {
                    counts.people += 1;
                    sink.person(n, "", &facts)
                }
                Err(e) => {
                    counts.bad += 1;
                    sink.bad(n, RowProblem::Json(e))
                }
            }
        };
        lines.push(buf, &mut each)?;
        if end {
            lines.finish(&mut each)?;
        }
        Ok(())
    }
}

/// One household JSON as the command line reads it: the place is needed (from the JSON or the
/// default), the date defaults to `today`.
pub fn household(text: &str, place: Option<u8>, today: u32) -> Result<Facts, InputError> {
    let mut facts = parse_household(text)?;
    if facts.jurisdiction.is_none() {
        facts.jurisdiction = place;
    }
    if facts.jurisdiction.is_none() {
        return Err(InputError::new("jurisdiction", super::rules::json::Problem::MissingKey));
    }
    facts.as_of.get_or_insert(today);
    Ok(facts)
}

/// Today's date in China (UTC+8) as yyyymmdd, from seconds since 1970 (UTC).
pub fn china_date(unix_seconds: i64) -> u32 {
    super::rules::facts::date_from_days((unix_seconds + 8 * 3600).div_euclid(86_400))
}
