//! The screening page's engine (wasm, `screen` feature), run in a web worker (`screen/worker.js`):
//! the worker reads the chosen file in slices and pushes them here; this is the same CSV reading,
//! rules and result CSV as `evaluate --batch`. Nothing here touches the network: results go back
//! to the worker as bytes and JSON strings.

use super::report::Report;
use super::rows::column_path;
use super::summary::{SortKey, Summary};
use super::{china_date, CsvInput, RowProblem, Sink, Stop};
use crate::rules::engine;
use crate::rules::facts::Facts;
use crate::rules::policy::{place_index, places, Lang};
use crate::rules::vocab::{Fact, FactType};
use serde::Serialize;
use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;

fn lang(code: &str) -> Lang {
    if code == "en" {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// The result CSV as it is written, taken away in pieces by the worker.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct PageSink {
    lang: Lang,
    out: Shared,
    report: Option<Report<Shared>>,
    summary: Summary,
}

impl Sink for PageSink {
    type Error = io::Error;
    fn start(&mut self, id_column: Option<&str>) -> io::Result<()> {
        self.report = Some(Report::new(self.out.clone(), self.lang, id_column, false)?);
        Ok(())
    }
    fn person(&mut self, row: usize, id: &str, facts: &Facts) -> io::Result<()> {
        let findings = engine::evaluate(facts);
        self.summary.person(row, id, facts, &findings);
        match &mut self.report {
            Some(r) => r.person(row, id, facts, &findings),
            None => Ok(()),
        }
    }
    fn bad(&mut self, row: usize, problem: RowProblem) -> io::Result<()> {
        self.summary.bad(row, problem);
        Ok(())
    }
}

/// One screening of one file.
#[wasm_bindgen]
pub struct Screening {
    input: CsvInput,
    sink: PageSink,
    /// Why it stopped (the header), in the screening's language.
    error: Option<String>,
}

#[wasm_bindgen]
impl Screening {
    /// `lang` "zh" or "en" (the result file's language); `place` a place id for rows without
    /// one ("" for none); `id_column` the id column's name ("" for the default `id`/`编号`);
    /// `now_seconds` the device clock (Date.now() / 1000), for the date in China.
    #[wasm_bindgen(constructor)]
    pub fn new(lang_code: &str, place: &str, id_column: &str, now_seconds: f64) -> Screening {
        let l = lang(lang_code);
        let id = Some(id_column.trim()).filter(|s| !s.is_empty());
        let input = CsvInput::new(id, place_index(place), china_date(now_seconds as i64));
        let sink = PageSink { lang: l, out: Shared::default(), report: None, summary: Summary::default() };
        Screening { input, sink, error: None }
    }

    /// Read the next slice of the file. False once the screening has stopped (see `error`).
    pub fn push(&mut self, bytes: &[u8]) -> bool {
        if self.error.is_some() {
            return false;
        }
        let r = self.input.push(bytes, &mut self.sink);
        self.stopped(r)
    }

    /// The end of the file.
    pub fn finish(&mut self) -> bool {
        if self.error.is_some() {
            return false;
        }
        let r = self.input.finish(&mut self.sink);
        let ok = self.stopped(r);
        if let Some(r) = &mut self.sink.report {
            let _ = r.flush();
        }
        ok
    }

    fn stopped(&mut self, r: Result<(), Stop<io::Error>>) -> bool {
        match r {
            Ok(()) => true,
            Err(Stop::Header(e)) => {
                self.error = Some(e.message(self.sink.lang));
                false
            }
            Err(Stop::Sink(e)) => {
                self.error = Some(e.to_string());
                false
            }
        }
    }

    /// Why the file could not be screened ("" when it could).
    pub fn error(&self) -> String {
        self.error.clone().unwrap_or_default()
    }

    /// The result CSV written since the last call.
    pub fn take_csv(&mut self) -> Vec<u8> {
        if let Some(r) = &mut self.sink.report {
            let _ = r.flush();
        }
        std::mem::take(&mut *self.sink.out.0.borrow_mut())
    }

    /// Rows of the result CSV so far (the header not counted).
    pub fn csv_rows(&self) -> u32 {
        self.sink.report.as_ref().map(|r| r.rows as u32).unwrap_or(0)
    }

    /// Data rows read (the header not counted).
    pub fn rows(&self) -> u32 {
        self.input.counts().rows.saturating_sub(1) as u32
    }

    pub fn people(&self) -> u32 {
        self.sink.summary.people() as u32
    }

    pub fn bad_rows(&self) -> u32 {
        self.sink.summary.bad_rows() as u32
    }

    /// "UTF-8", "GB18030/GBK" … ("" while only ASCII has been read).
    pub fn charset(&self) -> String {
        self.input.charset().map(|c| c.name().to_string()).unwrap_or_default()
    }

    /// The table as JSON (see `summary::Table`): `benefit` an id to filter on ("" for all), `sort`
    /// yearly | likely | possible | row | id.
    pub fn table(&self, benefit: &str, sort: &str, ascending: bool, limit: u32, lang_code: &str) -> String {
        let benefit = Some(benefit).filter(|b| !b.is_empty());
        let t = self.sink.summary.table(benefit, SortKey::from_name(sort), ascending, limit as usize, lang(lang_code));
        serde_json::to_string(&t).unwrap_or_default()
    }

    /// The benefits found, most often first, as JSON (for the filter).
    pub fn benefits(&self, lang_code: &str) -> String {
        serde_json::to_string(&self.sink.summary.benefits(lang(lang_code))).unwrap_or_default()
    }

    /// The bad rows kept (the first 1,000), one line per problem, as JSON.
    pub fn bad_list(&self, lang_code: &str) -> String {
        serde_json::to_string(&self.sink.summary.bad_list(lang(lang_code))).unwrap_or_default()
    }
}

#[derive(Serialize)]
struct PlaceJson {
    id: &'static str,
    name: &'static str,
}

/// The places, for the page's choice of a default place.
#[wasm_bindgen]
pub fn screen_places(lang_code: &str) -> String {
    let l = lang(lang_code);
    let list: Vec<PlaceJson> = places().iter().map(|p| PlaceJson { id: p.id, name: p.name.get(l) }).collect();
    serde_json::to_string(&list).unwrap_or_default()
}

#[derive(Serialize)]
struct ColumnJson {
    path: String,
    /// The Chinese label, also accepted as the column's name.
    label: &'static str,
    /// What it is, in the page's language.
    meaning: &'static str,
    values: String,
}

/// The columns a registry may have (from the fact table), for the page's help.
#[wasm_bindgen]
pub fn screen_columns(lang_code: &str) -> String {
    let l = lang(lang_code);
    let zh = l == Lang::Zh;
    let words = |f: Fact| f.words().iter().map(|w| w.label.zh).collect::<Vec<_>>().join(if zh { "、" } else { ", " });
    let list: Vec<ColumnJson> = Fact::ALL
        .iter()
        .map(|&f| {
            let d = f.def();
            let values = match d.ty {
                FactType::Bool => (if zh { "是 / 否" } else { "是 / 否 (yes / no)" }).to_string(),
                FactType::Number => format!("{}–{}", d.min, d.max),
                FactType::Money => (if zh { "元，例如 1234.50" } else { "yuan, e.g. 1234.50" }).to_string(),
                FactType::Word | FactType::Needs => words(f),
                FactType::Disabilities => {
                    format!("{}{}", if zh { "类别:等级，例如 肢体残疾:2；" } else { "kind:grade, e.g. 肢体残疾:2; " }, words(f))
                }
            };
            ColumnJson { path: column_path(f), label: f.label().zh, meaning: f.label().get(l), values }
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_default()
}
