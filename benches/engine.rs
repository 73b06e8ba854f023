//! Benchmarks that print figures (not tests): the time to evaluate every rule of a place for one
//! household, and batch throughput on one core (read JSONL or CSV, evaluate, write answers), in
//! process. Run: `cargo bench --profile native`. `scripts/bench` puts the command line's and the
//! browser's figures for a 100,000-row registry beside these, with peak memory.

use benefits::rules::engine::evaluate;
use benefits::rules::json::{answer, parse_household, Detail};
use benefits::rules::{Facts, Lang};
use benefits::screen::report::Report;
use benefits::screen::{CsvInput, RowProblem, Sink};
use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

const HOUSEHOLDS: [&str; 6] = [
    r#"{"jurisdiction":"dalad","as_of":"2025-01-10","applicant":{"age":52,"has_certificate":true,"residence":"rural","disabilities":[{"kind":"physical","grade":2}],"employment":"none","needs":["rehabilitation","assistive_device"]},"household":{"status":"dibao","disabled_members":1}}"#,
    r#"{"jurisdiction":"donghe","as_of":"2023-05-01","applicant":{"age":4,"autism":false,"has_certificate":false,"disabilities":[{"kind":"hearing","grade":1}],"needs":["rehabilitation"]}}"#,
    r#"{"jurisdiction":"ejinhoro","as_of":"2025-06-01","applicant":{"age":45,"sex":"female","has_certificate":true,"local_hukou":true,"residence":"urban","disabilities":[{"kind":"physical","grade":1}],"autism":false,"needs_long_term_care":true,"able_to_work":false,"employment":"none","student":{"level":"college","stage":"enrolled","annual_fees_yuan":"20000","graduating_this_year":false},"needs":["rehabilitation","assistive_device","home_accessibility"]},"household":{"status":"none","disabled_members":1,"housing":"own","sudden_hardship":"none","inpatient_out_of_pocket_yuan":"0"}}"#,
    r#"{"jurisdiction":"huining","as_of":"2024-03-01","applicant":{"age":30,"has_certificate":true,"residence":"rural","disabilities":[{"kind":"visual","grade":1}],"employment":"seeking","able_to_work":true},"household":{"status":"low_income"}}"#,
    r#"{"jurisdiction":"dawukou","as_of":"2023-01-01","applicant":{"age":5,"has_certificate":true,"disabilities":[{"kind":"intellectual","grade":2}]}}"#,
    r#"{"jurisdiction":"other","applicant":{"has_certificate":true,"needs":["legal_help"]}}"#,
];

/// `BENCH_SCALE=0.01` runs a hundredth of the rounds (for an instruction count under callgrind).
fn scaled(n: usize) -> usize {
    let scale: f64 = std::env::var("BENCH_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    ((n as f64 * scale) as usize).max(1)
}

fn main() {
    let facts: Vec<_> = HOUSEHOLDS.iter().map(|h| parse_household(h).unwrap()).collect();

    println!("evaluate all rules of the place for one household (engine only, no JSON):");
    for f in &facts {
        let rounds = scaled(200_000);
        let start = Instant::now();
        let mut n = 0;
        for _ in 0..rounds {
            n += black_box(evaluate(black_box(f))).len();
        }
        let per = start.elapsed().as_nanos() as f64 / rounds as f64 / 1000.0;
        let place = benefits::rules::policy::jurisdiction(f.jurisdiction.unwrap()).id;
        println!("  {place:<9} {:>3} findings  {per:>6.2} µs per household", n / rounds);
    }

    // A registry export of 300,000 lines, cycling the households above.
    let lines = scaled(300_000);
    let mut input = String::new();
    for i in 0..lines {
        input.push_str(HOUSEHOLDS[i % HOUSEHOLDS.len()]);
        input.push('\n');
    }
    let mut out = CountingSink(0);
    let start = Instant::now();
    for (i, line) in input.lines().enumerate() {
        benefits::rules::json::write_compact(&mut out, &parse_household(line).unwrap(), i + 1).unwrap();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "batch --compact (parse JSONL, evaluate, write id/status/yuan/missing; one core): {:.0} households/s, {:.1} MB written",
        lines as f64 / secs,
        out.0 as f64 / 1e6
    );
    // Written to a sink so that memory growth is not what is measured.
    let mut out = std::io::sink();
    let mut written = 0usize;
    let start = Instant::now();
    for line in input.lines() {
        let facts = parse_household(line).unwrap();
        let line = serde_json::to_vec(&answer(&facts, Lang::Zh, Detail::Open)).unwrap();
        written += line.len() + 1;
        out.write_all(&line).unwrap();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "batch (parse JSONL, evaluate, write screening answers: id, status, amount, reasons, document and section; one core): {lines} households in {secs:.2} s = {:.0} households/s, {:.1} MB written",
        lines as f64 / secs,
        written as f64 / 1e6
    );
    let start = Instant::now();
    let mut n = 0;
    for line in input.lines() {
        n += evaluate(&parse_household(line).unwrap()).len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!("batch without writing answers (parse + evaluate): {:.0} households/s ({n} findings)", lines as f64 / secs);

    // The same households as a CSV registry (the reader of `evaluate --batch registry.csv` and of
    // the screening page), to the result CSV.
    let mut csv = String::from("地区,测算日期,年龄,残疾类别和等级,持有残疾人证,本地户籍,城镇或农村,家庭困难类别\n");
    let rows = [
        "dalad,2025-01-10,52,肢体残疾:2,是,,农村,低保家庭",
        "donghe,2023-05-01,4,听力残疾:1,否,,,",
        "ejinhoro,2025-06-01,45,肢体残疾:1,是,是,城镇,都不是",
        "huining,2024-03-01,30,视力残疾:1,是,,农村,低收入家庭",
        "dawukou,2023-01-01,5,智力残疾:2,是,,,",
        "other,,,,是,,,",
    ];
    for i in 0..lines {
        csv.push_str(rows[i % rows.len()]);
        csv.push('\n');
    }
    struct ToReport(Option<Report<CountingSink>>);
    impl Sink for ToReport {
        type Error = std::io::Error;
        fn start(&mut self, id: Option<&str>) -> std::io::Result<()> {
            self.0 = Some(Report::new(CountingSink(0), Lang::Zh, id, false)?);
            Ok(())
        }
        fn person(&mut self, row: usize, id: &str, facts: &Facts) -> std::io::Result<()> {
            self.0.as_mut().expect("started").person(row, id, facts, &evaluate(facts))
        }
        fn bad(&mut self, _: usize, p: RowProblem) -> std::io::Result<()> {
            panic!("{p:?}")
        }
    }
    let start = Instant::now();
    let mut input = CsvInput::new(None, None, 20250601);
    let mut sink = ToReport(None);
    for chunk in csv.as_bytes().chunks(1 << 16) {
        input.push(chunk, &mut sink).unwrap();
    }
    input.finish(&mut sink).unwrap();
    let report = sink.0.unwrap();
    let rows_out = report.rows;
    let written = report.finish().unwrap().0;
    let secs = start.elapsed().as_secs_f64();
    println!(
        "batch CSV (read CSV in 64 KB chunks, evaluate, write the result CSV: a row per person and benefit; one core): {:.0} households/s, {rows_out} result rows, {:.1} MB written",
        lines as f64 / secs,
        written as f64 / 1e6
    );
}

/// Counts the bytes written and keeps none.
struct CountingSink(usize);
impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
