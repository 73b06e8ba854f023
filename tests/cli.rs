//! The `evaluate` command line as a careless clerk and an attacker would use it: one household,
//! batch JSON Lines and CSV registries (GBK as Excel writes it), bad lines and bad files, full
//! disks, closed pipes, file-size limits, huge lines, and the exit codes and messages of each.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The binary under test; `EVALUATE_UNDER_TEST` points these tests at another build (e.g. an
/// older one, to see which of them fail without a fix).
fn exe() -> String {
    std::env::var("EVALUATE_UNDER_TEST").unwrap_or_else(|_| env!("CARGO_BIN_EXE_evaluate").to_string())
}

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    run_bytes(args, stdin.as_bytes())
}

fn run_bytes(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child =
        Command::new(exe()).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("evaluate runs");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Written from a thread: evaluate may stop reading early, and a large input must not block.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8(out.stderr).unwrap())
}

/// Runs with standard output going to `stdout` (e.g. /dev/full).
fn run_to(args: &[&str], stdin: &[u8], stdout: File) -> (i32, String) {
    let mut child = Command::new(exe()).args(args).stdin(Stdio::piped()).stdout(stdout).stderr(Stdio::piped()).spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stderr).unwrap())
}

/// A shell command line, for limits (`ulimit`) and pipes.
fn sh(script: &str) -> (i32, String, String) {
    let out = Command::new("sh").arg("-c").arg(script).env("EVALUATE", exe()).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A fresh folder for one test's files.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("evaluate-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn dev_full() -> File {
    File::options().write(true).open("/dev/full").expect("/dev/full")
}

const GOOD: &str = r#"{"jurisdiction":"ejinhoro","as_of":"2025-06-01","applicant":{"has_certificate":true,"local_hukou":true,"residence":"rural","disabilities":[{"kind":"physical","grade":2}]}}"#;

fn answers(out: &str) -> Vec<serde_json::Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn one_household_from_stdin() {
    let (code, out, err) = run(&["-"], GOOD);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["jurisdiction"], "ejinhoro");
    let s = v["findings"].as_array().unwrap().iter().find(|f| f["id"] == "ejinhoro.severe_disability_subsidy").unwrap();
    assert_eq!(s["amount"]["yuan"], "3000");
}

#[test]
fn one_household_from_a_file_in_english() {
    let path = dir("one").join("household.json");
    std::fs::write(&path, GOOD).unwrap();
    let (code, out, _) = run(&["--lang", "en", path.to_str().unwrap()], "");
    assert_eq!(code, 0);
    assert!(out.contains("3,000 yuan a year"));
}

#[test]
fn bad_household_exits_1_naming_the_key_in_either_language() {
    let (code, out, err) = run(&["--lang", "en", "-"], r#"{"applicant":{"age":"forty"}}"#);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.trim(), "standard input: applicant.age: must be a whole number from 0 to 120");
    let (_, _, err) = run(&["-"], r#"{"applicant":{"age":"forty"}}"#);
    assert_eq!(err.trim(), "标准输入：applicant.age: 应为 0 到 120 之间的整数");
}

#[test]
fn the_place_is_required_unless_given() {
    let (code, out, err) = run(&["--lang", "en", "-"], r#"{"applicant":{"age":40}}"#);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.trim(), "standard input: jurisdiction: this key is required");
    let (code, out, _) = run(&["--place", "达拉特旗", "-"], r#"{"applicant":{"age":40}}"#);
    assert_eq!(code, 0);
    assert!(out.contains("\"dalad\""));
}

#[test]
fn batch_reports_bad_lines_and_processes_the_rest() {
    let input = format!("{GOOD}\n{{\"jurisdiction\":\"mars\"}}\n\n{GOOD}\nnot json\n");
    let (code, out, err) = run(&["--lang", "en", "--batch", "-"], &input);
    assert_eq!(code, 1, "bad lines make the exit code 1");
    let lines = answers(&out);
    assert_eq!(lines.iter().map(|v| v["line"].as_u64().unwrap()).collect::<Vec<_>>(), vec![1, 4], "each answer names its input line");
    for v in &lines {
        // A screening batch lists only what the person may be missing out on.
        assert!(v["findings"].as_array().unwrap().iter().all(|f| f["status"] != "unlikely"));
    }
    assert!(err.contains("standard input line 2: jurisdiction: must be one of"), "{err}");
    assert!(err.contains("standard input line 5: not valid JSON: a mistake near line 1, column 2"), "{err}");
    assert!(err.contains("standard input: 2 households answered, 2 bad"), "{err}");
}

#[test]
fn chinese_mode_says_everything_in_chinese() {
    let input = format!("{GOOD}\nnot json\n{{\"jurisdiction\":\"dalad\"\n");
    let (code, _, err) = run(&["--batch", "-"], &input);
    assert_eq!(code, 1);
    assert!(err.contains("标准输入 第 2 行：不是有效的 JSON：第 1 行第 2 列附近有错"), "{err}");
    assert!(err.contains("标准输入 第 3 行：不是完整的 JSON：在第 1 行第 23 列意外结束"), "{err}");
    assert!(err.contains("标准输入：1 人已测算，2 行有问题"), "{err}");
    let (code, _, err) = run(&["/no/such/file.json"], "");
    assert_eq!(code, 2);
    assert_eq!(err.trim(), "无法打开 /no/such/file.json：文件不存在（No such file or directory (os error 2)）");
    let (_, _, err) = run(&["--out", "/dev/full", "-"], GOOD);
    assert!(err.starts_with("无法写入 /dev/full：磁盘已满"), "{err}");
    let (_, _, usage) = run(&["--batch", "--no-such"], "");
    assert!(usage.starts_with("不认识的选项：--no-such\n用法：evaluate"), "{usage}");
    for e in err.lines().chain(usage.lines()) {
        assert!(e.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "an English line in Chinese mode: {e}");
    }
}

#[test]
fn batch_all_includes_unlikely() {
    let (code, out, _) = run(&["--batch", "--all", "-"], GOOD);
    assert_eq!(code, 0);
    assert!(out.contains("\"unlikely\""));
}

#[test]
fn compact_batch_lines_are_json_with_ids_and_missing_facts() {
    let input = format!("{GOOD}\n{{\"jurisdiction\":\"dalad\"}}\n");
    let (code, out, _) = run(&["--batch", "--compact", "-"], &input);
    assert_eq!(code, 0);
    let lines = answers(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["line"], 1);
    let s = lines[0]["findings"].as_array().unwrap().iter().find(|f| f["id"] == "ejinhoro.severe_disability_subsidy").unwrap();
    assert_eq!(s["amount"]["yuan"], "3000");
    assert!(lines[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["missing"].as_array().is_some_and(|m| m.contains(&serde_json::json!("certificate")))));
}

#[test]
fn usage_errors_exit_2_with_the_reason() {
    let (code, _, err) = run(&[], "");
    assert_eq!(code, 2);
    assert!(err.contains("用法：evaluate"));
    let (code, _, err) = run(&["--lang", "en", "/no/such/file.json"], "");
    assert_eq!(code, 2);
    assert!(err.contains("cannot open /no/such/file.json"), "{err}");
    let (code, _, _) = run(&["--lang", "fr", "-"], "");
    assert_eq!(code, 2);
    // Options that mean nothing outside a batch are refused, not ignored.
    for opt in ["--compact", "--all"] {
        let (code, out, err) = run(&["--lang", "en", opt, "-"], GOOD);
        assert_eq!(code, 2, "{opt}");
        assert!(out.is_empty());
        assert!(err.contains(&format!("{opt} is for --batch only")), "{err}");
    }
    // An unknown option is not taken for a file name.
    let (code, _, err) = run(&["--lang", "en", "--bacth", "x.jsonl"], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown option: --bacth"), "{err}");
    // A folder is named.
    let d = dir("folder");
    let (code, _, err) = run(&["--lang", "en", "--batch", d.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(err.contains(&format!("{}: is a folder", d.display())), "{err}");
    let (code, _, err) = run(&["--batch", "--compact", "--out", "r.csv", "-"], "");
    assert_eq!(code, 2);
    assert!(err.contains("--compact 只用于 JSON Lines 输出"), "{err}");
}

#[test]
fn help_into_a_closed_pipe_and_a_full_stderr_do_not_panic() {
    let (code, out, err) = run(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("退出码"));
    assert!(err.is_empty());
    // `evaluate --help | true`, the reader gone before anything is written: exit 2, no panic.
    let (_, _, err) = sh("( sleep 0.3; \"$EVALUATE\" --help; echo \"status $?\" >&2 ) | true");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("status 2"), "{err}");
    // Standard error on a full disk: the messages are lost, the exit code is still right.
    let (code, _, _) = sh("echo 'not json' | \"$EVALUATE\" --batch - 2>/dev/full");
    assert_eq!(code, 1);
    let (code, _, _) = sh("\"$EVALUATE\" --bad-option 2>/dev/full");
    assert_eq!(code, 2);
}

#[test]
fn a_full_disk_is_an_error_and_the_exit_code_says_so() {
    // Standard output on a full disk: one household (the error comes with the final flush) …
    let (code, err) = run_to(&["--lang", "en", "-"], GOOD.as_bytes(), dev_full());
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot write standard output"), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    // … and a batch, also after a bad line (whose exit code 1 must not be lost either).
    let input = format!("not json\n{}", format!("{GOOD}\n").repeat(2000));
    let (code, err) = run_to(&["--lang", "en", "--batch", "-"], input.as_bytes(), dev_full());
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("the result is incomplete"), "{err}");
    // --out on a full disk.
    let (code, _, err) = run(&["--lang", "en", "--batch", "--out", "/dev/full", "-"], GOOD);
    assert_eq!(code, 2);
    assert!(err.contains("cannot write /dev/full"), "{err}");
}

#[test]
fn a_file_size_limit_is_an_error_and_leaves_no_result_behind() {
    let d = dir("ulimit");
    let input = d.join("in.jsonl");
    std::fs::write(&input, format!("{GOOD}\n").repeat(3000)).unwrap();
    // ulimit -f counts 512-byte blocks: 100 KB, far less than the answers.
    let (code, _, err) = sh(&format!("cd {} && ulimit -f 200 && \"$EVALUATE\" --lang en --batch --out out.jsonl in.jsonl", d.display()));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot write out.jsonl"), "{err}");
    assert!(err.contains("File too large"), "{err}");
    assert!(!d.join("out.jsonl").exists(), "no half-written result under the result's name");
    assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1, "the temporary file is gone too");
    // Standard output redirected to a file under the same limit.
    let (code, _, err) = sh(&format!("cd {} && ulimit -f 200 && \"$EVALUATE\" --batch in.jsonl > out2.jsonl", d.display()));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("无法写入 标准输出"), "{err}");
    assert!(err.contains("超过了文件大小的限制"), "{err}");
}

#[test]
fn a_closed_pipe_stops_quietly_but_not_with_success() {
    let d = dir("pipe");
    let input = d.join("in.jsonl");
    std::fs::write(&input, format!("{GOOD}\n").repeat(5000)).unwrap();
    let (code, out, _) =
        sh(&format!("cd {} && {{ \"$EVALUATE\" --lang en --batch in.jsonl 2>err.txt; echo $? > code.txt; }} | head -n 1", d.display()));
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1, "{out}");
    let err = std::fs::read_to_string(d.join("err.txt")).unwrap();
    assert!(err.starts_with("the output was closed at line "), "{err}");
    assert_eq!(err.lines().count(), 1, "one calm line: {err}");
    assert_eq!(std::fs::read_to_string(d.join("code.txt")).unwrap().trim(), "2", "not every answer was written");
}

#[test]
fn invalid_utf8_spoils_one_line_not_the_batch() {
    let mut input = format!("{GOOD}\n").into_bytes();
    input.extend_from_slice(b"{\"jurisdiction\":\"dalad\xff\"}\n");
    input.extend_from_slice(format!("{GOOD}\n{GOOD}").as_bytes());
    let (code, out, err) = run_bytes(&["--lang", "en", "--batch", "-"], &input);
    assert_eq!(code, 1, "{err}");
    assert_eq!(answers(&out).iter().map(|v| v["line"].as_u64().unwrap()).collect::<Vec<_>>(), vec![1, 3, 4]);
    assert!(err.contains("standard input line 2: not UTF-8 text (at byte 23)"), "{err}");
    assert!(err.contains("3 households answered, 1 bad"), "{err}");
}

#[test]
fn byte_order_marks_and_utf16_are_read() {
    // A UTF-8 byte-order mark no longer costs the first household.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(format!("{GOOD}\n{GOOD}\n").as_bytes());
    let (code, out, err) = run_bytes(&["--batch", "-"], &bom);
    assert_eq!((code, answers(&out).len()), (0, 2), "{err}");
    let (code, _, err) = run_bytes(&["-"], &bom[..bom.len() - GOOD.len() - 1]);
    assert_eq!(code, 0, "{err}");
    // UTF-16 with its mark (Notepad's "Unicode") is decoded.
    for le in [true, false] {
        let mut utf16 = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in format!("{GOOD}\r\n{GOOD}\r\n").encode_utf16() {
            utf16.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let (code, out, err) = run_bytes(&["--batch", "-"], &utf16);
        assert_eq!((code, answers(&out).len()), (0, 2), "{err}");
    }
}

#[test]
fn a_huge_line_is_skipped_with_bounded_memory() {
    // 2 MB without a newline, then good lines: the long one is reported, the others answered.
    let mut input = vec![b'x'; 2 << 20];
    input.extend_from_slice(format!("\n{GOOD}\n{GOOD}").as_bytes());
    let (code, out, err) = run_bytes(&["--lang", "en", "--batch", "-"], &input);
    assert_eq!(code, 1);
    assert_eq!(answers(&out).iter().map(|v| v["line"].as_u64().unwrap()).collect::<Vec<_>>(), vec![2, 3]);
    assert!(err.contains("standard input line 1: this row is over the limit of 1048576 bytes (1 MB)"), "{err}");
    // 300 MB of zeros with 100 MB of address space: a line kept in memory would not fit.
    let (code, out, err) =
        sh(&format!("(head -c 300000000 /dev/zero; printf '\\n%s\\n' '{GOOD}') | (ulimit -v 100000; \"$EVALUATE\" --lang en --batch -)"));
    assert_eq!(code, 1, "{err}");
    assert_eq!(answers(&out).len(), 1);
    assert!(err.contains("line 1: this row is over the limit"), "{err}");
    // One household over the limit.
    let (code, _, err) = run_bytes(&["--lang", "en", "-"], &vec![b' '; (1 << 20) + 1]);
    assert_eq!(code, 1);
    assert!(err.contains("over the limit of 1048576 bytes (1 MB)"), "{err}");
}

#[test]
fn keys_in_messages_cannot_forge_lines_or_reach_the_terminal() {
    let input = "{\"jurisdiction\":\"dalad\",\"x\\n第 1 行: 伪造\":1}\n{\"\\u001b[31mred\":1}\n";
    let (code, _, err) = run(&["--batch", "-"], input);
    assert_eq!(code, 1);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "two problems and the summary, nothing forged: {err}");
    assert!(lines[0].starts_with("标准输入 第 1 行：x\\u{a}第 1 行: 伪造: 不认识这个键"), "{err}");
    assert!(lines[1].starts_with("标准输入 第 2 行：\\u{1b}[31mred: 不认识这个键"), "{err}");
    assert!(!err.contains('\u{1b}'));
    // Long keys are cut.
    let long = format!("{{\"{}\":1}}", "k".repeat(500));
    let (_, _, err) = run(&["-"], &long);
    assert!(err.chars().count() < 120, "{err}");
}

#[test]
fn duplicate_and_unknown_keys_are_refused() {
    for (json, want) in [
        // Last wins no more: 200 is refused, and so is a second age.
        (r#"{"jurisdiction":"dalad","applicant":{"age":200,"age":45}}"#, "applicant.age: must be a whole number from 0 to 120"),
        (r#"{"jurisdiction":"dalad","applicant":{"age":45,"age":46}}"#, "applicant.age: this key appears twice"),
        (r#"{"jurisdiction":"dalad","jurisdiction":"dalad"}"#, "jurisdiction: this key appears twice"),
        (r#"{"jurisdiction":"dalad","applicant":{},"applicant":{}}"#, "applicant: this key appears twice"),
        (r#"{"jurisdiction":"dalad","nickname":null}"#, "nickname: unknown key"),
        (
            r#"{"jurisdiction":"dalad","applicant":{"disabilities":[{"kind":"visual","kind":"hearing"}]}}"#,
            "applicant.disabilities[0].kind: this key appears twice",
        ),
    ] {
        let (code, _, err) = run(&["--lang", "en", "-"], json);
        assert_eq!(code, 1, "{json}");
        assert!(err.contains(want), "{json}: {err}");
    }
}

#[test]
fn money_and_dates_are_strict_and_name_the_limits() {
    let fees = |v: &str| format!(r#"{{"jurisdiction":"dalad","household":{{"monthly_rent_yuan":{v}}}}}"#);
    for bad in ["\"1e3\"", "\"1__0\"", "\"+1000\"", "\".5\"", "\"1,000\"", "\"-5\"", "\"5.\"", "\" \""] {
        let (code, _, err) = run(&["--lang", "en", "-"], &fees(bad));
        assert_eq!(code, 1, "{bad}");
        assert!(
            err.contains("household.monthly_rent_yuan: must be an amount written with digits and a decimal point only"),
            "{bad}: {err}"
        );
    }
    let (_, _, err) = run(&["-"], &fees("\"1.000\""));
    assert!(err.contains("金额最多保留两位小数（到分）"), "{err}");
    let (_, _, err) = run(&["-"], &fees("\"100000000\""));
    assert!(err.contains("金额应小于 100,000,000 元"), "{err}");
    let (_, _, err) = run(&["--lang", "en", "-"], &fees("1000"));
    assert!(err.contains("write money as a quoted decimal"), "{err}");
    let (code, _, _) = run(&["-"], &fees("\"99999999.99\""));
    assert_eq!(code, 0);
    for bad in ["2025-+6-+1", "2025-6-1", "2025-02-29", "2025-06-01T00:00", " 2025-06-01"] {
        let (code, _, err) = run(&["--lang", "en", "-"], &format!(r#"{{"jurisdiction":"dalad","as_of":"{bad}"}}"#));
        assert_eq!(code, 1, "{bad}");
        assert!(err.contains("as_of: must be a date written YYYY-MM-DD"), "{bad}: {err}");
    }
}

#[test]
fn without_as_of_the_date_is_todays_date_in_china() {
    let china = || {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
        benefits::rules::facts::format_date(benefits::screen::china_date(secs))
    };
    let before = china();
    let (_, out, _) = run(&["-"], r#"{"jurisdiction":"dalad"}"#);
    let after = china();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let as_of = v["as_of"].as_str().unwrap();
    assert!(as_of == before || as_of == after, "{as_of} is not the date in China ({before})");
    // 17:00 UTC is 01:00 the next day in China.
    assert_eq!(benefits::screen::china_date(1_748_797_200), 20250602); // 2025-06-01T17:00:00Z
    assert_eq!(benefits::screen::china_date(1_748_793_599), 20250601); // 2025-06-01T15:59:59Z
}

// ---- CSV registries -------------------------------------------------------------------------

/// A registry as Excel on Chinese Windows saves "CSV (逗号分隔)": GBK, CRLF, no byte-order mark,
/// quotes only where needed, dates as 2025/6/1. `姓名拼音` is not a fact: named with `--id`, it
/// is the id carried to the result.
const REGISTRY: &str = "姓名拼音,地区,测算日期,年龄,残疾类别和等级,持有残疾人证,本地户籍,城镇或农村,家庭困难类别,applicant.needs\r\n\
zhang,伊金霍洛旗,2025/6/1,45,肢体残疾:2,是,是,农村,低保家庭,康复;辅助器具\r\n\
li,ejinhoro,2025-06-01,四十,physical:1,true,true,urban,dibao,\r\n\
wang,达拉特旗,2025/6/1,30,\"视力:3；听力:一级\",1,1,农村,none,\r\n\
,,,,,,,,,\r\n\
zhao,达拉特旗,2025/6/1,,,,,,,\r\n";

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn read_result(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "the result starts with a byte-order mark for Excel");
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
    (header, rows)
}

#[test]
fn a_gbk_registry_from_excel_gives_a_result_csv_for_excel() {
    let d = dir("gbk");
    // The 姓名拼音 column is not a fact: it is the id column here.
    std::fs::write(d.join("registry.csv"), gbk(REGISTRY)).unwrap();
    let (code, out, err) = sh(&format!("cd {} && \"$EVALUATE\" --batch registry.csv --id 姓名拼音 --out result.csv", d.display()));
    assert!(out.is_empty());
    // li's age is not a number: the row is reported by row and column, the others answered.
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("registry.csv 第 3 行，“年龄”列：应为 0 到 120 之间的整数（填的是“四十”）"), "{err}");
    assert!(err.contains("registry.csv：3 人已测算，1 行有问题（文件编码 GB18030/GBK）"), "{err}");
    let (header, rows) = read_result(&d.join("result.csv"));
    assert_eq!(header, ["行号", "姓名拼音", "政策", "状态", "金额", "金额（元）", "还需了解", "办理地点"]);
    assert!(err.contains(&format!("结果 {} 行写入 result.csv", rows.len())), "{err}");
    let severe = rows
        .iter()
        .find(|r| r[0] == "2" && r[2] == "重度（一、二级）残疾人年度补贴")
        .expect("zhang is likely to get the severe-disability subsidy");
    assert_eq!(severe[1], "zhang");
    assert_eq!(severe[3], "很可能符合");
    assert_eq!(severe[4], "每年 3,000 元");
    assert_eq!(severe[5], "3000");
    assert!(rows.iter().all(|r| r[3] == "很可能符合" || r[3] == "可能符合"), "only what people may be missing out on");
    assert!(rows.iter().any(|r| r[0] == "4" && r[1] == "wang"), "wang (visual 3, hearing 1) is in the result");
    // zhao has nothing but the place: possible findings name what is still to find out.
    assert!(rows.iter().any(|r| r[0] == "6" && r[3] == "可能符合" && r[6].contains("持有残疾人证")));
    assert!(!rows.iter().any(|r| r[0] == "3" || r[0] == "5"), "the bad row and the empty row give no result");
    // Without --id, 姓名拼音 is an unknown column: nothing is written.
    let (code, out, err) = sh(&format!("cd {} && \"$EVALUATE\" --lang en --batch registry.csv", d.display()));
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("registry.csv: row 1 (the header) has unknown columns: “姓名拼音”"), "{err}");
    // 编号 is the id column by default; English, to standard output.
    std::fs::write(d.join("registry2.csv"), gbk(&REGISTRY.replace("姓名拼音", "编号"))).unwrap();
    let (code, out, err) = sh(&format!("cd {} && \"$EVALUATE\" --lang en --batch registry2.csv", d.display()));
    assert_eq!(code, 1, "{err}");
    assert!(out.starts_with("\u{feff}row,编号,benefit,status,amount,yuan,still to find out,where to apply\r\n"), "{out}");
    assert!(out.contains("\r\n2,zhang,Yearly subsidy for severe disability (grades 1–2),likely,\"3,000 yuan a year\",3000,"), "{out}");
    assert!(err.contains("registry2.csv line 3, column “年龄”: must be a whole number from 0 to 120 (it says “四十”)"), "{err}");
}

#[test]
fn csv_header_problems_stop_before_any_output() {
    let d = dir("header");
    let cases: [(&str, &str); 5] = [
        ("地区,姓名,电话\r\ndalad,张三,123\r\n", "第 1 行（标题行）有不认识的列：“姓名”、“电话”"),
        ("地区,年龄,applicant.age\r\ndalad,1,1\r\n", "“年龄”和“applicant.age”是同一项"),
        ("年龄\r\n45\r\n", "没有 jurisdiction（地区）列"),
        ("", "文件是空的，没有标题行"),
        ("地区,年龄\r\n", ""),
    ];
    for (i, (text, want)) in cases.iter().enumerate() {
        let path = d.join(format!("r{i}.csv"));
        std::fs::write(&path, text).unwrap();
        let out = d.join(format!("out{i}.csv"));
        let (code, _, err) = run(&["--batch", path.to_str().unwrap(), "--out", out.to_str().unwrap()], "");
        if want.is_empty() {
            assert_eq!(code, 0, "a header alone is an empty registry: {err}");
            assert_eq!(read_result(&out).1.len(), 0);
        } else {
            assert_eq!(code, 2, "{text}");
            assert!(err.contains(want), "{text}: {err}");
            assert!(err.contains(&format!("r{i}.csv")), "the message names the file: {err}");
            assert!(!out.exists(), "no result file after a failed run");
        }
    }
    // The place for a registry without a place column.
    let path = d.join("r2.csv");
    let (code, out, err) = run(&["--batch", "--place", "dalad", path.to_str().unwrap()], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().count() > 1);
}

#[test]
fn csv_cells_are_checked_and_every_problem_of_a_row_named() {
    let text = "地区,年龄,applicant.has_certificate,applicant.disabilities,household.monthly_rent_yuan,applicant.student,applicant.student.level,household.status,as_of\n\
dalad,121,maybe,physical:5,1e3,否,大学,低保,2025-+6-+1\n\
dalad,45,是,\"physical:1\",\"1000.50\",,大学,低保家庭,2025/02/28\n";
    let (code, out, err) = run(&["--lang", "en", "--csv", "--batch", "-"], text);
    assert_eq!(code, 1, "{err}");
    for want in [
        "line 2, column “年龄”: must be a whole number from 0 to 120 (it says “121”)",
        "line 2, column “applicant.has_certificate”: must be yes or no",
        "line 2, column “applicant.disabilities”: write kind:grade",
        "line 2, column “household.monthly_rent_yuan”: must be an amount written with digits",
        // 低保 starts two labels (低保边缘家庭, 低保家庭): not guessed.
        "line 2, column “household.status”: must be one of: 都不是（none）",
        "line 2, column “as_of”: must be a date written YYYY-MM-DD (or Excel's YYYY/M/D) (it says “2025-+6-+1”)",
        "line 2, column “applicant.student.level”: only when “is a student” is yes",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    // The good row: school details make a student, as in the JSON.
    assert!(out.contains("\r\n3,"), "{out}");
}

#[test]
fn csv_rows_over_the_limit_and_unreadable_bytes_are_reported() {
    let mut text = b"\xEF\xBB\xBFjurisdiction,id,applicant.age\r\ndalad,a,1\r\n".to_vec();
    text.extend_from_slice(b"dalad,\"");
    text.extend(std::iter::repeat_n(b'x', 3 << 20));
    text.extend_from_slice(b"\",2\r\ndalad,c,\xff\r\ndalad,d,4\r\n");
    let (code, out, err) = run_bytes(&["--lang", "en", "--csv", "--batch", "-"], &text);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("line 3: this row is over the limit of 1048576 bytes (1 MB)"), "{err}");
    assert!(err.contains("line 4, column “applicant.age”: holds characters that cannot be read"), "{err}");
    let ids: Vec<&str> = out.lines().skip(1).map(|l| l.split(',').nth(1).unwrap()).collect();
    assert!(ids.contains(&"a") && ids.contains(&"d") && !ids.contains(&"c"), "{out}");
}

#[test]
fn a_utf16_tab_separated_registry_is_read() {
    // Excel's "Unicode text": UTF-16LE with its mark, tabs between cells.
    let text = "编号\t地区\t年龄\t残疾类别和等级\t持有残疾人证\r\nA1\t东河区\t5\t智力残疾:2\t是\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let (code, out, err) = run_bytes(&["--csv", "--batch", "-"], &bytes);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\r\n2,A1,"), "{out}");
    assert!(err.contains("UTF-16LE"), "{err}");
}

#[test]
fn ids_that_look_like_formulas_are_not_formulas_in_excel() {
    let (_, out, _) = run(&["--batch", "--csv", "-"], "id,地区\r\n=HYPERLINK(\"x\"),dalad\r\n");
    assert!(out.contains("\r\n2,\"'=HYPERLINK(\"\"x\"\")\","), "{out}");
}

#[test]
fn json_answers_from_a_csv_registry_carry_the_id() {
    let d = dir("csv-json");
    let (code, _, err) = run(&["--batch", "--csv", "--out", d.join("r.jsonl").to_str().unwrap(), "-"], "编号,地区\r\nA9,dalad\r\n");
    assert_eq!(code, 0, "{err}");
    let v = answers(&std::fs::read_to_string(d.join("r.jsonl")).unwrap());
    assert_eq!((v[0]["id"].as_str(), v[0]["line"].as_u64()), (Some("A9"), Some(2)));
    let (code, out, _) = run(&["--batch", "--csv", "--compact", "--out", "/dev/stdout", "-"], "编号,地区\r\nA9,dalad\r\n");
    assert_eq!(code, 0);
    assert_eq!(answers(&out)[0]["id"], "A9");
    // `--out -` is standard output.
    let (code, out, _) = run(&["--batch", "--out", "-", "-"], GOOD);
    assert_eq!((code, answers(&out).len()), (0, 1));
}

#[test]
fn the_result_never_overwrites_the_input() {
    let d = dir("same");
    let path = d.join("r.csv");
    std::fs::write(&path, "地区\r\ndalad\r\n").unwrap();
    let (code, _, err) = run(&["--batch", path.to_str().unwrap(), "--out", path.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(err.contains("结果文件不能是输入文件本身"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "地区\r\ndalad\r\n");
}

#[test]
fn a_household_of_two_gets_one_plan_by_office_and_answers_per_person() {
    let two = r#"{"jurisdiction": "ejinhoro", "as_of": "2025-06-01", "household": {"status": "dibao"}, "people": [
        {"age": 60, "residence": "urban", "local_hukou": true, "disabilities": [{"kind": "physical", "grade": 1}], "has_certificate": true},
        {"age": 55, "residence": "urban", "local_hukou": true, "disabilities": [{"kind": "intellectual", "grade": 3}], "has_certificate": true}]}"#;
    let (code, out, err) = run(&["--plan", "-"], two);
    assert_eq!(code, 0, "{err}");
    let plan: serde_json::Value = serde_json::from_str(&out).expect("the plan is JSON");
    let offices: Vec<&str> = plan["offices"].as_array().unwrap().iter().map(|o| o["office"].as_str().unwrap()).collect();
    assert!(!offices.is_empty(), "{out}");
    let mut unique = offices.clone();
    unique.dedup();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), offices.len(), "each office is one visit: {offices:?}");
    assert!(plan["offices"].as_array().unwrap().iter().any(|o| o["people"].as_array().unwrap().len() == 2), "a visit for both: {out}");
    let (code, out, err) = run(&["-"], two);
    assert_eq!(code, 0, "{err}");
    let answer: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(answer["people"].as_array().map(Vec::len), Some(2), "{out}");
    let (code, _, err) = run(&["--plan", "--batch", "-"], two);
    assert_eq!(code, 2);
    assert!(err.contains("--plan"), "{err}");
}
