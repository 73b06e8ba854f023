//! `evaluate FILE.json` (or `-` for standard input): one household in, one answer out.
//! `evaluate --batch FILE.jsonl`: one household per line, one answer per line, streaming.
//! `evaluate --batch FILE.csv [--out result.csv]`: a registry export from Excel (UTF-8 with or
//! without a byte-order mark, GB18030/GBK, or UTF-16), one person per row; the result CSV has one
//! row per person and benefit they may be missing out on (see README, "Screening a registry").
//!
//! Never loses a line: a bad line or row is reported on standard error with its number (and
//! column) and the rest are still read; a line over 1 MB is reported and skipped; any failure to
//! read or write stops with a message naming the file. Exit codes: 0 every household answered,
//! 1 some lines or rows bad (all the others answered), 2 usage, input or output failure (then the
//! `--out` file is not created or replaced: the result is written to a temporary file beside it
//! and renamed only when complete). Messages are in Chinese, or English with `--lang en`.

// The command line is native only; the browser tests build every target for wasm32 too.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use benefits::rules::engine;
    use benefits::rules::json::{answer, write_compact, Answer, Detail};
    use benefits::rules::policy::{place_index, places};
    use benefits::rules::{Facts, Lang};
    use benefits::screen::report::Report;
    use benefits::screen::{china_date, household, CsvInput, JsonLinesInput, RowProblem, Sink, Stop, LINE_LIMIT};
    use serde::Serialize;
    use std::ffi::OsString;
    use std::fs::File;
    use std::io::{self, BufWriter, ErrorKind, Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    const USAGE_ZH: &str = "用法：evaluate [--lang zh|en] [--place 地区] [--plan] [--out 文件] 家庭.json|-
      evaluate [--lang zh|en] --batch [--all | --compact] [--place 地区] [--out 文件] 名册.jsonl|-
      evaluate [--lang zh|en] --batch [--all] [--id 列名] [--place 地区] [--out 结果.csv] 名册.csv
  --batch     每行一户（JSON Lines），或 CSV 名册（文件名以 .csv 结尾，或加 --csv）
  --csv       把输入当作 CSV 读（读标准输入时用）
  --out 文件  结果写入这个文件（以 .csv 结尾则写 CSV，Excel 可直接打开）；出错时不会留下不完整的文件
  --id 列名   CSV 中作为编号带到结果里的列（默认 id 或 编号）
  --place 地区  没有写地区的行用这个地区（例如 dalad 或 达拉特旗）
  --plan      按办理地点列出去哪里、办什么、带什么（一人或 people 列出的全家）
  --all       也列出可能不符合的政策；--compact 每户一行简短 JSON
退出码：0 全部测算完成，1 有的行有问题（其余都已测算），2 用法、读取或写入出错";

    const USAGE_EN: &str = "usage: evaluate [--lang zh|en] [--place PLACE] [--plan] [--out FILE] HOUSEHOLD.json|-
       evaluate [--lang zh|en] --batch [--all | --compact] [--place PLACE] [--out FILE] REGISTRY.jsonl|-
       evaluate [--lang zh|en] --batch [--all] [--id COLUMN] [--place PLACE] [--out RESULT.csv] REGISTRY.csv
  --batch        one household per line (JSON Lines), or a CSV registry (a name ending .csv, or --csv)
  --csv          read the input as CSV (for standard input)
  --out FILE     write the result to FILE (CSV for Excel when it ends .csv); never left half-written
  --id COLUMN    the CSV column carried to the result as the person's id (default: id or 编号)
  --place PLACE  the place of lines or rows that do not name one (e.g. dalad)
  --plan         the plan by office: where to go, what to ask for, what to bring (one person or a household's people)
  --all          also list the unlikely findings; --compact: one short JSON line per household
exit codes: 0 every household answered, 1 some lines or rows bad (all others answered), 2 usage, input or output failure";

    /// Failures that end the run with exit code 2, worded in the user's language.
    struct Fail(String);

    fn say(lang: Lang, zh: String, en: String) -> String {
        if lang == Lang::Zh {
            zh
        } else {
            en
        }
    }

    /// An I/O error in words: the kind in the user's language, then the system's own text.
    fn reason(e: &io::Error, lang: Lang) -> String {
        let zh = match e.kind() {
            ErrorKind::NotFound => "文件不存在",
            ErrorKind::PermissionDenied => "没有权限",
            ErrorKind::IsADirectory => "这是一个文件夹，不是文件",
            ErrorKind::StorageFull => "磁盘已满",
            ErrorKind::FileTooLarge => "超过了文件大小的限制",
            ErrorKind::QuotaExceeded => "超过了磁盘配额",
            ErrorKind::BrokenPipe => "输出已被关闭",
            ErrorKind::ReadOnlyFilesystem => "磁盘是只读的",
            ErrorKind::InvalidData => "数据无效",
            _ => "读写出错",
        };
        if lang == Lang::Zh {
            format!("{zh}（{e}）")
        } else {
            e.to_string()
        }
    }

    /// How a file is named in messages ("标准输入" for `-`).
    fn shown(path: &Path, lang: Lang) -> String {
        if path == Path::new("-") {
            say(lang, "标准输入".into(), "standard input".into())
        } else {
            path.display().to_string()
        }
    }

    /// Standard error: a message that cannot be written is dropped (there is nowhere else to say it),
    /// but never panics.
    fn note(text: &str) {
        let mut err = io::stderr().lock();
        let _ = err.write_all(text.as_bytes()).and_then(|_| err.write_all(b"\n"));
    }

    #[derive(Default)]
    struct Options {
        lang: Lang,
        batch: bool,
        all: bool,
        plan: bool,
        compact: bool,
        csv: bool,
        id: Option<String>,
        place: Option<u8>,
        out: Option<PathBuf>,
        input: Option<PathBuf>,
        help: bool,
    }

    fn usage(lang: Lang) -> &'static str {
        if lang == Lang::Zh {
            USAGE_ZH
        } else {
            USAGE_EN
        }
    }

    fn parse_args(args: Vec<OsString>) -> Result<Options, Fail> {
        // The language first, so that every other message is in it.
        let mut o = Options::default();
        if let Some(i) = args.iter().position(|a| a == "--lang") {
            o.lang = match args.get(i + 1).and_then(|v| v.to_str()) {
                Some("en") => Lang::En,
                Some("zh") => Lang::Zh,
                _ => return Err(Fail(format!("--lang 只能是 zh 或 en / --lang takes zh or en\n{USAGE_ZH}"))),
            };
        }
        let lang = o.lang;
        let bad = |zh: String, en: String| Fail(format!("{}\n{}", say(lang, zh, en), usage(lang)));
        let mut args = args.into_iter();
        let mut only_files = false;
        while let Some(a) = args.next() {
            let text = a.to_str().map(str::to_string);
            let mut value = |name: &str| -> Result<OsString, Fail> {
                args.next().ok_or_else(|| bad(format!("{name} 后面缺少值"), format!("{name} needs a value")))
            };
            match text.as_deref() {
                Some(opt) if !only_files && opt.starts_with('-') && opt != "-" => match opt {
                    "--" => only_files = true,
                    "--lang" => {
                        value("--lang")?;
                    }
                    "--batch" => o.batch = true,
                    "--all" => o.all = true,
                    "--compact" => o.compact = true,
                    "--plan" => o.plan = true,
                    "--csv" => o.csv = true,
                    "-h" | "--help" => o.help = true,
                    "--id" => {
                        let v = value("--id")?;
                        o.id =
                            Some(v.to_str().map(str::to_string).ok_or_else(|| {
                                bad("--id 的列名不是有效的文字".into(), "--id: the column name is not valid text".into())
                            })?);
                    }
                    "--out" | "-o" => o.out = Some(PathBuf::from(value("--out")?)),
                    "--place" => {
                        let v = value("--place")?;
                        let v = v.to_str().unwrap_or("");
                        let found = place_index(v)
                            .or_else(|| places().iter().position(|p| p.name.zh == v || p.name.en.eq_ignore_ascii_case(v)).map(|i| i as u8));
                        let list = places().iter().map(|p| p.id).collect::<Vec<_>>().join(", ");
                        o.place = Some(
                            found.ok_or_else(|| bad(format!("--place 应为以下之一：{list}"), format!("--place must be one of: {list}")))?,
                        );
                    }
                    _ => {
                        let shown = benefits::screen::safe(opt);
                        return Err(bad(format!("不认识的选项：{shown}"), format!("unknown option: {shown}")));
                    }
                },
                _ if o.input.is_none() => o.input = Some(PathBuf::from(a)),
                _ => {
                    let shown = benefits::screen::safe(&a.to_string_lossy());
                    return Err(bad(
                        format!("多余的参数：{shown}（一次只读一个文件）"),
                        format!("unexpected argument: {shown} (one file at a time)"),
                    ));
                }
            }
        }
        if o.help {
            return Ok(o);
        }
        let Some(input) = &o.input else {
            return Err(bad("请给出要读的文件（或用 - 表示标准输入）".into(), "give the file to read (or - for standard input)".into()));
        };
        let is_csv = |p: &Path| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        // A CSV registry is always a batch.
        if o.csv || is_csv(input) {
            o.csv = true;
            o.batch = true;
        }
        if !o.batch {
            for (on, name) in [(o.all, "--all"), (o.compact, "--compact"), (o.id.is_some(), "--id")] {
                if on {
                    return Err(bad(format!("{name} 只用于 --batch"), format!("{name} is for --batch only")));
                }
            }
        }
        if o.id.is_some() && !o.csv {
            return Err(bad("--id 只用于 CSV 名册".into(), "--id is for a CSV registry only".into()));
        }
        if o.plan && o.batch {
            return Err(bad("--plan 只用于一户（不用于 --batch）".into(), "--plan is for one household (not --batch)".into()));
        }
        if o.all && o.compact {
            return Err(bad("--all 和 --compact 只能选一个".into(), "choose one of --all and --compact".into()));
        }
        if o.compact && output_is_csv(&o) {
            return Err(bad(
                "--compact 只用于 JSON Lines 输出（结果 CSV 本身就是简短的）".into(),
                "--compact is for JSON Lines output (the result CSV is short already)".into(),
            ));
        }
        Ok(o)
    }

    /// The result is CSV when `--out` ends .csv, or, without `--out`, when the input is CSV.
    fn output_is_csv(o: &Options) -> bool {
        match &o.out {
            Some(p) => p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")),
            None => o.csv,
        }
    }

    pub fn main() -> ExitCode {
        ignore_file_size_signal();
        let o = match parse_args(std::env::args_os().skip(1).collect()) {
            Ok(o) => o,
            Err(Fail(m)) => {
                note(&m);
                return ExitCode::from(2);
            }
        };
        let lang = o.lang;
        if o.help {
            let mut out = io::stdout().lock();
            return match out.write_all(usage(lang).as_bytes()).and_then(|_| out.write_all(b"\n")).and_then(|_| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(2),
            };
        }
        match run(&o) {
            Ok(code) => code,
            Err(Fail(m)) => {
                note(&m);
                ExitCode::from(2)
            }
        }
    }

    /// A file that is the size-limit signal's target (`ulimit -f`) would kill the process by
    /// default; ignored, the write fails with "file too large" and is reported like any other.
    fn ignore_file_size_signal() {
        #[cfg(target_os = "linux")]
        {
            extern "C" {
                fn signal(signum: i32, handler: usize) -> usize;
            }
            const SIGXFSZ: i32 = 25;
            const SIG_IGN: usize = 1;
            // SAFETY: setting a signal to "ignore" installs no handler code; it only changes what the
            // kernel does with SIGXFSZ (return EFBIG from the write instead of ending the process).
            unsafe {
                signal(SIGXFSZ, SIG_IGN);
            }
        }
    }

    fn run(o: &Options) -> Result<ExitCode, Fail> {
        let lang = o.lang;
        let input_path = o.input.clone().unwrap_or_else(|| PathBuf::from("-"));
        let name = shown(&input_path, lang);
        let input = open(&input_path, lang)?;
        let mut out = Output::open(o.out.as_deref(), &input_path, lang)?;
        let today = china_date(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0));
        let result = if o.batch { batch(o, input, &mut out, &name, today) } else { one(o, input, &mut out, &name, today) };
        match result {
            Ok(code) => {
                out.commit(lang)?;
                Ok(code)
            }
            Err(e) => {
                out.abandon();
                Err(e)
            }
        }
    }

    fn open(path: &Path, lang: Lang) -> Result<Box<dyn Read>, Fail> {
        if path == Path::new("-") {
            return Ok(Box::new(io::stdin().lock()));
        }
        let name = path.display();
        if path.is_dir() {
            return Err(Fail(say(lang, format!("{name}：这是一个文件夹，请给出文件"), format!("{name}: is a folder; give a file"))));
        }
        File::open(path).map(|f| Box::new(f) as Box<dyn Read>).map_err(|e| {
            Fail(say(lang, format!("无法打开 {name}：{}", reason(&e, lang)), format!("cannot open {name}: {}", reason(&e, lang))))
        })
    }

    /// One household: the whole input (at most 1 MB) as one JSON.
    fn one(o: &Options, input: Box<dyn Read>, out: &mut Output, name: &str, today: u32) -> Result<ExitCode, Fail> {
        let lang = o.lang;
        let mut bytes = Vec::new();
        input.take(LINE_LIMIT as u64 + 1).read_to_end(&mut bytes).map_err(|e| read_failed(name, None, &e, lang))?;
        if bytes.len() > LINE_LIMIT {
            note(&say(
                lang,
                format!("{name}：超过 {LINE_LIMIT} 字节（1 MB）的上限，没有读取"),
                format!("{name}: over the limit of {LINE_LIMIT} bytes (1 MB); not read"),
            ));
            return Ok(ExitCode::from(1));
        }
        let (text, _) = benefits::screen::text::decode_all(&bytes, false);
        // A household's `people` list, or the plan by office, goes through the shared responder.
        let json = match std::str::from_utf8(&text) {
            Ok(t) if o.plan || t.contains("\"people\"") => benefits::rules::json::respond(t, lang, o.plan, today).map_err(RowProblem::Json),
            Ok(t) => household(t, o.place, today)
                .map_err(RowProblem::Json)
                .map(|facts| serde_json::to_string_pretty(&answer(&facts, lang, Detail::Full)).unwrap_or_default()),
            Err(e) => Err(RowProblem::NotUtf8(e.valid_up_to() + 1)),
        };
        match json {
            Ok(json) => {
                let written = out.write_all(json.as_bytes()).and_then(|_| out.write_all(b"\n"));
                written.map_err(|e| out.write_failed(&e, None, lang))?;
                Ok(ExitCode::SUCCESS)
            }
            Err(p) => {
                for m in p.messages(lang) {
                    note(&say(lang, format!("{name}：{m}"), format!("{name}: {m}")));
                }
                Ok(ExitCode::from(1))
            }
        }
    }

    fn read_failed(name: &str, line: Option<usize>, e: &io::Error, lang: Lang) -> Fail {
        Fail(match line {
            Some(n) => say(
                lang,
                format!("读取 {name} 时出错（第 {n} 行附近）：{}", reason(e, lang)),
                format!("reading {name} failed (near line {n}): {}", reason(e, lang)),
            ),
            None => say(lang, format!("读取 {name} 时出错：{}", reason(e, lang)), format!("reading {name} failed: {}", reason(e, lang))),
        })
    }

    /// An answer with the person's id from the CSV in front.
    #[derive(Serialize)]
    struct WithId<'a> {
        id: &'a str,
        #[serde(flatten)]
        answer: Answer,
    }

    /// Where the households of a batch go: answers to the output, problems to standard error.
    struct CliSink<'o> {
        out: Option<&'o mut Output>,
        report: Option<Report<&'o mut Output>>,
        csv: bool,
        lang: Lang,
        detail: Detail,
        compact: bool,
        name: &'o str,
        /// The first write error, and the line it happened at.
        failed: Option<(io::Error, usize)>,
        buf: Vec<u8>,
    }

    impl Sink for CliSink<'_> {
        type Error = ();

        fn start(&mut self, id_column: Option<&str>) -> Result<(), ()> {
            if self.csv {
                let out = self.out.take().expect("the output is there until the report starts");
                match Report::new(out, self.lang, id_column, self.detail == Detail::Full) {
                    Ok(r) => self.report = Some(r),
                    Err(e) => {
                        self.failed = Some((e, 1));
                        return Err(());
                    }
                }
            }
            Ok(())
        }

        fn person(&mut self, row: usize, id: &str, facts: &Facts) -> Result<(), ()> {
            let written = if let Some(report) = &mut self.report {
                report.person(row, id, facts, &engine::evaluate(facts))
            } else {
                let out = self.out.as_mut().expect("JSON Lines go straight to the output");
                if self.compact {
                    self.buf.clear();
                    let _ = write_compact(&mut self.buf, facts, row);
                    if !id.is_empty() {
                        // {"id":"…","line":…}
                        let id = serde_json::to_string(id).unwrap_or_default();
                        self.buf.splice(1..1, format!("\"id\":{id},").into_bytes());
                    }
                    out.write_all(&self.buf)
                } else {
                    let mut a = answer(facts, self.lang, self.detail);
                    a.line = Some(row);
                    let written = if id.is_empty() {
                        serde_json::to_writer(&mut **out, &a)
                    } else {
                        serde_json::to_writer(&mut **out, &WithId { id, answer: a })
                    };
                    written.map_err(io::Error::from).and_then(|_| out.write_all(b"\n"))
                }
            };
            written.map_err(|e| self.failed = Some((e, row)))
        }

        fn bad(&mut self, row: usize, problem: RowProblem) -> Result<(), ()> {
            let (name, zh) = (self.name, self.lang == Lang::Zh);
            let sep = match (matches!(problem, RowProblem::Cells(_)), zh) {
                (true, true) => "，",
                (true, false) => ", ",
                (false, true) => "：",
                (false, false) => ": ",
            };
            for m in problem.messages(self.lang) {
                note(&if zh { format!("{name} 第 {row} 行{sep}{m}") } else { format!("{name} line {row}{sep}{m}") });
            }
            Ok(())
        }
    }

    fn batch(o: &Options, mut input: Box<dyn Read>, out: &mut Output, name: &str, today: u32) -> Result<ExitCode, Fail> {
        let lang = o.lang;
        let csv_out = output_is_csv(o);
        let out_name = out.name(lang);
        let mut sink = CliSink {
            out: Some(out),
            report: None,
            csv: csv_out,
            lang,
            detail: if o.all { Detail::Full } else { Detail::Open },
            compact: o.compact,
            name,
            failed: None,
            buf: Vec::new(),
        };
        enum Input {
            Csv(Box<CsvInput>),
            Json(JsonLinesInput),
        }
        let mut reader = if o.csv {
            Input::Csv(Box::new(CsvInput::new(o.id.as_deref(), o.place, today)))
        } else {
            Input::Json(JsonLinesInput::new(o.place, today))
        };
        let mut chunk = vec![0u8; 1 << 16];
        let header_failed = |e: benefits::screen::rows::HeaderError| {
            Fail(say(lang, format!("{name}：{}", e.message(lang)), format!("{name}: {}", e.message(lang))))
        };
        let write_failed = |sink: &mut CliSink| -> Fail {
            let (e, row) = sink.failed.take().unwrap_or_else(|| (io::Error::other("?"), 0));
            write_error(&out_name, &e, Some(row), lang)
        };
        loop {
            let n = match input.read(&mut chunk) {
                Ok(n) => n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    let line = match &reader {
                        Input::Csv(r) => r.counts().rows,
                        Input::Json(r) => r.counts().rows,
                    } + 1;
                    return Err(read_failed(name, Some(line), &e, lang));
                }
            };
            let done = n == 0;
            let pushed = match &mut reader {
                Input::Csv(r) if done => r.finish(&mut sink),
                Input::Csv(r) => r.push(&chunk[..n], &mut sink),
                Input::Json(r) if done => r.finish(&mut sink).map_err(Stop::Sink),
                Input::Json(r) => r.push(&chunk[..n], &mut sink).map_err(Stop::Sink),
            };
            match pushed {
                Ok(()) => {}
                Err(Stop::Header(e)) => return Err(header_failed(e)),
                Err(Stop::Sink(())) => return Err(write_failed(&mut sink)),
            }
            if done {
                break;
            }
        }
        // CSV: close the report (its buffer goes to the output; the output is committed by `run`).
        let mut rows_written = None;
        if let Some(report) = sink.report.take() {
            rows_written = Some(report.rows);
            report.finish().map_err(|e| write_error(&out_name, &e, None, lang))?;
        }
        let (counts, charset) = match &reader {
            Input::Csv(r) => (r.counts(), r.charset()),
            Input::Json(r) => (r.counts(), None),
        };
        let mut summary = say(
            lang,
            format!("{name}：{} 人已测算，{} 行有问题", counts.people, counts.bad),
            format!("{name}: {} households answered, {} bad", counts.people, counts.bad),
        );
        if let Some(c) = charset {
            summary.push_str(&say(lang, format!("（文件编码 {}）", c.name()), format!(" (encoding {})", c.name())));
        }
        if let (Some(path), Some(rows)) = (&o.out, rows_written) {
            let p = path.display();
            summary.push_str(&say(lang, format!("；结果 {rows} 行写入 {p}"), format!("; {rows} result rows written to {p}")));
        } else if let Some(path) = &o.out {
            let p = path.display();
            summary.push_str(&say(lang, format!("；结果写入 {p}"), format!("; results written to {p}")));
        }
        note(&summary);
        if rows_written.is_some_and(|r| r >= 1_048_576) {
            note(&say(
            lang,
            "注意：结果超过 Excel 一张工作表 1,048,576 行的上限，Excel 只能打开前面的部分；请按地区分开筛查".into(),
            "note: the result has more rows than an Excel sheet holds (1,048,576); Excel opens only the first part: screen each place separately".into(),
        ));
        }
        Ok(if counts.bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
    }

    fn write_error(out: &str, e: &io::Error, row: Option<usize>, lang: Lang) -> Fail {
        if e.kind() == ErrorKind::BrokenPipe {
            return Fail(match row {
                Some(n) => say(
                    lang,
                    format!("输出在第 {n} 行处被关闭（例如 | head），后面的结果没有写出"),
                    format!("the output was closed at line {n} (e.g. by | head); the rest was not written"),
                ),
                None => say(
                    lang,
                    "输出被关闭（例如 | head），结果没有全部写出".into(),
                    "the output was closed (e.g. by | head); not everything was written".into(),
                ),
            });
        }
        Fail(match row {
            Some(n) => say(
                lang,
                format!("无法写入 {out}（第 {n} 行时）：{}；结果不完整", reason(e, lang)),
                format!("cannot write {out} (at line {n}): {}; the result is incomplete", reason(e, lang)),
            ),
            None => say(
                lang,
                format!("无法写入 {out}：{}；结果不完整", reason(e, lang)),
                format!("cannot write {out}: {}; the result is incomplete", reason(e, lang)),
            ),
        })
    }

    /// Where the result goes: standard output, or a file written beside its final name and renamed
    /// when complete (a special file such as /dev/stdout is written directly).
    struct Output {
        w: BufWriter<Box<dyn Write>>,
        file: Option<File>,
        /// (temporary, final) names when writing a regular file.
        rename: Option<(PathBuf, PathBuf)>,
        path: Option<PathBuf>,
    }

    impl Output {
        fn open(path: Option<&Path>, input: &Path, lang: Lang) -> Result<Output, Fail> {
            let Some(path) = path.filter(|p| *p != Path::new("-")) else {
                return Ok(Output {
                    w: BufWriter::with_capacity(1 << 16, Box::new(io::stdout().lock())),
                    file: None,
                    rename: None,
                    path: None,
                });
            };
            let name = path.display();
            let cannot = |e: &io::Error| {
                Fail(say(lang, format!("无法写入 {name}：{}", reason(e, lang)), format!("cannot write {name}: {}", reason(e, lang))))
            };
            if path.is_dir() {
                return Err(Fail(say(
                    lang,
                    format!("{name}：这是一个文件夹，请给出结果文件的名字"),
                    format!("{name}: is a folder; give the result file's name"),
                )));
            }
            if input != Path::new("-") {
                if let (Ok(a), Ok(b)) = (std::fs::canonicalize(input), std::fs::canonicalize(path)) {
                    if a == b {
                        return Err(Fail(say(
                            lang,
                            format!("{name}：结果文件不能是输入文件本身"),
                            format!("{name}: the result cannot overwrite the input"),
                        )));
                    }
                }
            }
            let special = std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file());
            if special {
                let f = std::fs::OpenOptions::new().write(true).open(path).map_err(|e| cannot(&e))?;
                let w = f.try_clone().map_err(|e| cannot(&e))?;
                return Ok(Output {
                    w: BufWriter::with_capacity(1 << 16, Box::new(w)),
                    file: Some(f),
                    rename: None,
                    path: Some(path.into()),
                });
            }
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
            let f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp).map_err(|e| cannot(&e))?;
            let w = f.try_clone().map_err(|e| cannot(&e))?;
            Ok(Output {
                w: BufWriter::with_capacity(1 << 16, Box::new(w)),
                file: Some(f),
                rename: Some((tmp, path.into())),
                path: Some(path.into()),
            })
        }

        fn name(&self, lang: Lang) -> String {
            match &self.path {
                Some(p) => p.display().to_string(),
                None => say(lang, "标准输出".into(), "standard output".into()),
            }
        }

        fn write_failed(&self, e: &io::Error, row: Option<usize>, lang: Lang) -> Fail {
            write_error(&self.name(lang), e, row, lang)
        }

        /// Everything written and on disk, then the file under its name.
        fn commit(&mut self, lang: Lang) -> Result<(), Fail> {
            let flushed = self.w.flush().and_then(|_| match (&self.file, &self.rename) {
                (Some(f), Some(_)) => f.sync_all(),
                _ => Ok(()),
            });
            if let Err(e) = flushed {
                let fail = self.write_failed(&e, None, lang);
                self.abandon();
                return Err(fail);
            }
            if let Some((tmp, path)) = self.rename.take() {
                if let Err(e) = std::fs::rename(&tmp, &path) {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(self.write_failed(&e, None, lang));
                }
            }
            Ok(())
        }

        /// A failed run: the temporary file goes; nothing is left under the result's name.
        fn abandon(&mut self) {
            if let Some((tmp, _)) = self.rename.take() {
                let _ = std::fs::remove_file(tmp);
            }
        }
    }

    impl Write for Output {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.w.write(buf)
        }
        fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
            self.w.write_all(buf)
        }
        fn flush(&mut self) -> io::Result<()> {
            self.w.flush()
        }
    }

    impl Drop for Output {
        fn drop(&mut self) {
            self.abandon();
        }
    }
}
