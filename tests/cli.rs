//! The `evaluate` command line: one household, batch JSONL with a bad line, exit codes, messages.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_evaluate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("evaluate runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

const GOOD: &str = r#"{"jurisdiction":"ejinhoro","as_of":"2025-06-01","applicant":{"has_certificate":true,"local_hukou":true,"disabilities":[{"kind":"physical","grade":2}]}}"#;

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
    let path = std::env::temp_dir().join("evaluate-cli-test.json");
    std::fs::write(&path, GOOD).unwrap();
    let (code, out, _) = run(&["--lang", "en", path.to_str().unwrap()], "");
    assert_eq!(code, 0);
    assert!(out.contains("3,000 yuan a year"));
}

#[test]
fn bad_household_exits_non_zero_naming_the_key() {
    let (code, out, err) = run(&["--lang", "en", "-"], r#"{"applicant":{"age":"forty"}}"#);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.trim(), "applicant.age: must be a whole number from 0 to 120");
    let (_, _, err) = run(&["-"], r#"{"applicant":{"age":"forty"}}"#);
    assert_eq!(err.trim(), "applicant.age: 应为 0 到 120 之间的整数");
}

#[test]
fn batch_reports_bad_lines_and_processes_the_rest() {
    let input = format!("{GOOD}\n{{\"jurisdiction\":\"mars\"}}\n\n{GOOD}\nnot json\n");
    let (code, out, err) = run(&["--lang", "en", "--batch", "-"], &input);
    assert_eq!(code, 1, "bad lines make the exit code non-zero");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "two good households answered");
    let numbers: Vec<u64> = lines.iter().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["line"].as_u64().unwrap()).collect();
    assert_eq!(numbers, vec![1, 4], "each answer names its input line");
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        // A screening batch lists only what the person may be missing out on.
        assert!(v["findings"].as_array().unwrap().iter().all(|f| f["status"] != "unlikely"));
    }
    assert!(err.contains("line 2: jurisdiction: must be one of"), "{err}");
    assert!(err.contains("line 5: not valid JSON"), "{err}");
    assert!(err.contains("2 bad line(s) of 5"), "{err}");
}

#[test]
fn batch_all_includes_unlikely() {
    let (code, out, _) = run(&["--batch", "--all", "-"], GOOD);
    assert_eq!(code, 0);
    assert!(out.contains("\"unlikely\""));
}

#[test]
fn usage_errors() {
    let (code, _, err) = run(&[], "");
    assert_eq!(code, 2);
    assert!(err.contains("usage: evaluate"));
    let (code, _, err) = run(&["/no/such/file.json"], "");
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/file.json"));
    let (code, _, _) = run(&["--lang", "fr", "-"], "");
    assert_eq!(code, 2);
}

#[test]
fn compact_batch_lines_are_json_with_ids_and_missing_facts() {
    let input = format!("{GOOD}\n{{\"jurisdiction\":\"dalad\"}}\n");
    let (code, out, _) = run(&["--batch", "--compact", "-"], &input);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
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
fn the_place_is_required_on_the_command_line() {
    let (code, out, err) = run(&["--lang", "en", "-"], r#"{"applicant":{"age":40}}"#);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.trim(), "jurisdiction: this key is required");
}
