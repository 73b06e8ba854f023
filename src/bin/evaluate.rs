//! `evaluate FILE.json` (or `-` for standard input): one household in, one answer out.
//! `evaluate --batch FILE.jsonl`: one household per line, one answer per line, streaming; a bad line
//! is reported on standard error with its line number and the rest are still processed.
//! `--lang en` words reasons and messages in English (default: Simplified Chinese).
//! `--all` in batch mode also lists unlikely findings (by default a batch lists only what a person
//! may be missing out on: likely, possible and services to ask about).
//! `--compact` in batch mode writes one short line per household (id, status, yuan, missing facts)
//! for screening a whole registry export.
//! `--plan FILE.json` prints the plan by office (which offices, what to ask for, what to bring) for
//! one person or a household's `people`.

use benefits::rules::facts::date_from_days;
use benefits::rules::json::{answer, parse_household, write_compact, Detail, InputError, Problem};
use benefits::rules::Lang;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: evaluate [--lang zh|en] [--plan] FILE.json|-\n       evaluate [--lang zh|en] [--all | --compact] --batch FILE.jsonl|-";

fn today() -> u32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    date_from_days((secs / 86_400) as i64)
}

fn open(path: &str) -> io::Result<Box<dyn Read>> {
    Ok(if path == "-" { Box::new(io::stdin().lock()) } else { Box::new(std::fs::File::open(path)?) })
}

fn main() -> ExitCode {
    let mut lang = Lang::Zh;
    let mut batch = false;
    let mut detail = Detail::Open;
    let mut compact = false;
    let mut plan = false;
    let mut input = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => match args.next().as_deref() {
                Some("en") => lang = Lang::En,
                Some("zh") => lang = Lang::Zh,
                _ => {
                    eprintln!("--lang takes zh or en\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--batch" => batch = true,
            "--all" => detail = Detail::Full,
            "--compact" => compact = true,
            "--plan" => plan = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if input.is_none() => input = Some(a),
            _ => {
                eprintln!("unexpected argument {a}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = input else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let reader = match open(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let today = today();
    if batch {
        run_batch(reader, lang, detail, compact, today)
    } else {
        run_one(reader, lang, plan, today)
    }
}

/// The command line needs to know the place: without it nothing can be screened.
fn require_place(facts: benefits::rules::Facts) -> Result<benefits::rules::Facts, InputError> {
    if facts.jurisdiction.is_none() {
        return Err(InputError { key: "jurisdiction".into(), problem: Problem::MissingKey });
    }
    Ok(facts)
}

fn run_one(mut reader: Box<dyn Read>, lang: Lang, plan: bool, today: u32) -> ExitCode {
    let mut text = String::new();
    if let Err(e) = reader.read_to_string(&mut text) {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    match benefits::rules::json::respond(&text, lang, plan, today) {
        Ok(json) => {
            let out = io::stdout();
            let mut out = out.lock();
            // A closed pipe (e.g. `| head`) is not an error worth a message.
            let _ = writeln!(out, "{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(1)
        }
    }
}

fn run_batch(reader: Box<dyn Read>, lang: Lang, detail: Detail, compact: bool, today: u32) -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut bad = 0usize;
    let mut reader = io::BufReader::with_capacity(1 << 16, reader);
    let mut line = String::new();
    let mut number = 0usize;
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("line {}: {e}", number + 1);
                return ExitCode::from(2);
            }
        }
        number += 1;
        if line.trim().is_empty() {
            continue;
        }
        match parse_household(&line).and_then(require_place) {
            Ok(mut facts) => {
                facts.as_of.get_or_insert(today);
                let written = if compact {
                    write_compact(&mut out, &facts, number)
                } else {
                    // Each answer names its input line, so a caseworker can match it to the registry.
                    let mut a = answer(&facts, lang, detail);
                    a.line = Some(number);
                    serde_json::to_writer(&mut out, &a).map_err(io::Error::from).and_then(|_| out.write_all(b"\n"))
                };
                if written.is_err() {
                    return ExitCode::SUCCESS; // the reader went away
                }
            }
            Err(e) => {
                bad += 1;
                let prefix = if lang == Lang::Zh { "第 {} 行" } else { "line {}" };
                eprintln!("{}: {}", prefix.replace("{}", &number.to_string()), e.message(lang));
            }
        }
    }
    out.flush().ok();
    if bad > 0 {
        eprintln!("{bad} bad line(s) of {number}");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
