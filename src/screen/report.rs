//! The result of a screening as CSV for Excel: a byte-order mark (so Excel reads it as UTF-8),
//! then one row per person and benefit that person may be missing out on (likely or possible;
//! with `all`, every finding), naming the row and id, the benefit, its status, the amount (in
//! words, and in yuan where there is a figure), what is still to find out and where to apply.
//! Written with the `csv` crate.

use super::super::rules::engine::{Finding, Status};
use super::super::rules::facts::Facts;
use super::super::rules::policy::Lang;
use super::super::rules::present::amount_text;
use std::io::{self, Write};

/// A status as the result file says it.
pub fn status_label(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Likely, Lang::Zh) => "很可能符合",
        (Status::Possible, Lang::Zh) => "可能符合",
        (Status::Service, Lang::Zh) => "可以咨询的服务",
        (Status::Unlikely, Lang::Zh) => "可能不符合",
        (Status::Likely, Lang::En) => "likely",
        (Status::Possible, Lang::En) => "possible",
        (Status::Service, Lang::En) => "service to ask about",
        (Status::Unlikely, Lang::En) => "unlikely",
    }
}

/// Whether a finding goes in the result: what the person may be missing out on (likely or
/// possible), or with `all` everything.
pub fn listed(f: &Finding, all: bool) -> bool {
    all || matches!(f.status, Status::Likely | Status::Possible)
}

/// A cell Excel would take for a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe.
pub fn not_a_formula(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Writes the result CSV.
pub struct Report<W: Write> {
    csv: csv::Writer<W>,
    lang: Lang,
    all: bool,
    with_id: bool,
    /// Rows written, the header not counted.
    pub rows: usize,
}

impl<W: Write> Report<W> {
    /// Start the file: the byte-order mark and the header. `id` is the id column's name in the
    /// input (its values are carried over), if it has one.
    pub fn new(mut out: W, lang: Lang, id: Option<&str>, all: bool) -> io::Result<Self> {
        out.write_all("\u{FEFF}".as_bytes())?;
        let mut csv = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
        let zh = lang == Lang::Zh;
        let mut header: Vec<&str> = vec![if zh { "行号" } else { "row" }];
        if let Some(id) = id {
            header.push(id);
        }
        header.extend(if zh {
            ["政策", "状态", "金额", "金额（元）", "还需了解", "办理地点"]
        } else {
            ["benefit", "status", "amount", "yuan", "still to find out", "where to apply"]
        });
        csv.write_record(&header).map_err(io_error)?;
        Ok(Report { csv, lang, all, with_id: id.is_some(), rows: 0 })
    }

    /// The rows of one person: `row` is the input row, `id` the id cell.
    pub fn person(&mut self, row: usize, id: &str, facts: &Facts, findings: &[Finding]) -> io::Result<()> {
        let lang = self.lang;
        let row = row.to_string();
        let id = not_a_formula(id);
        let sep = if lang == Lang::Zh { "、" } else { "; " };
        for f in findings.iter().filter(|f| listed(f, self.all)) {
            // Left empty where the document states no amount (the app's sentence would repeat
            // on most rows): a benefit with no amount, not paid through another, states none.
            let amount = (!f.benefit.amounts.is_empty() || f.benefit.paid_by.is_some()).then(|| amount_text(f, facts, lang));
            let text = match &amount {
                Some(a) if a.stated || f.benefit.paid_by.is_some() => a.text.as_str(),
                _ => "",
            };
            let yuan = match (&amount, f.amount.value) {
                (Some(a), Some(v)) if a.case.is_some() => v.normalize().to_string(),
                _ => String::new(),
            };
            let missing = if f.missing.is_empty() {
                String::new()
            } else {
                f.missing.iter().map(|m| m.label().get(lang)).collect::<Vec<_>>().join(sep)
            };
            let c = &mut self.csv;
            c.write_field(&row).map_err(io_error)?;
            if self.with_id {
                c.write_field(id.as_bytes()).map_err(io_error)?;
            }
            for cell in [f.benefit.name.get(lang), status_label(f.status, lang), text, &yuan, &missing, f.benefit.apply_at.get(lang)] {
                c.write_field(cell).map_err(io_error)?;
            }
            c.write_record(None::<&[u8]>).map_err(io_error)?;
            self.rows += 1;
        }
        Ok(())
    }

    /// Everything written through to the output (which is given back).
    pub fn finish(self) -> io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }

    /// Write what is buffered through to the output.
    pub fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }

    pub fn get_ref(&self) -> &W {
        self.csv.get_ref()
    }
}
