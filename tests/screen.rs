//! Registry screening (src/screen) without the command line: the CSV columns come from the fact
//! table, any chunking of the input gives the same answers, nothing panics on any bytes, and the
//! screening page's summary sorts and filters as it says.

use benefits::rules::facts::{Facts, Value};
use benefits::rules::vocab::{Fact, FactType};
use benefits::rules::Lang;
use benefits::screen::rows::{column_path, CellProblem, Columns, HeaderError, Record, Records};
use benefits::screen::summary::{SortKey, Summary};
use benefits::screen::{CsvInput, JsonLinesInput, RowProblem, Sink, Stop};
use proptest::prelude::*;

/// Collects what a screening hands over.
#[derive(Default)]
struct Collect {
    id_column: Option<String>,
    people: Vec<(usize, String, Facts)>,
    bad: Vec<(usize, RowProblem)>,
}

impl Sink for Collect {
    type Error = ();
    fn start(&mut self, id_column: Option<&str>) -> Result<(), ()> {
        self.id_column = id_column.map(str::to_string);
        Ok(())
    }
    fn person(&mut self, row: usize, id: &str, facts: &Facts) -> Result<(), ()> {
        self.people.push((row, id.to_string(), facts.clone()));
        Ok(())
    }
    fn bad(&mut self, row: usize, problem: RowProblem) -> Result<(), ()> {
        self.bad.push((row, problem));
        Ok(())
    }
}

fn screen_csv(bytes: &[u8], chunk: usize, place: Option<u8>) -> Result<Collect, HeaderError> {
    let mut input = CsvInput::new(None, place, 20250601);
    let mut sink = Collect::default();
    let header = |e: Stop<()>| match e {
        Stop::Header(h) => h,
        Stop::Sink(()) => unreachable!(),
    };
    for c in bytes.chunks(chunk.max(1)) {
        input.push(c, &mut sink).map_err(header)?;
    }
    input.finish(&mut sink).map_err(header)?;
    Ok(sink)
}

/// A header of the given cells.
fn header(cells: &[&str]) -> Result<Columns, HeaderError> {
    let text = cells.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(",") + "\n";
    let mut records = Records::default();
    let mut out = None;
    records
        .push(text.as_bytes(), &mut |r: Record| -> Result<(), ()> {
            if let Record::Cells(_, cells) = r {
                out = Some(Columns::new(cells, None, Some(0)));
            }
            Ok(())
        })
        .unwrap();
    records
        .finish(&mut |r: Record| -> Result<(), ()> {
            if let Record::Cells(_, cells) = r {
                out.get_or_insert_with(|| Columns::new(cells, None, Some(0)));
            }
            Ok(())
        })
        .unwrap();
    out.expect("a header record")
}

/// A value every fact accepts, as a CSV cell.
fn sample(f: Fact) -> &'static str {
    match f.value_type() {
        FactType::Bool => "是",
        FactType::Number => "1",
        FactType::Money => "12.50",
        FactType::Word => f.words()[0].name,
        FactType::Disabilities => "physical:2",
        FactType::Needs => "rehabilitation",
    }
}

#[test]
fn every_fact_is_a_column_by_its_json_path_and_its_chinese_label() {
    // Generated from seeds/facts.toml: a fact added there is a column with no change here.
    for &f in Fact::ALL {
        for name in [column_path(f), f.label().zh.to_string()] {
            let text = format!("地区,{name}\ndalad,{}\n", sample(f));
            let got = screen_csv(text.as_bytes(), 7, None).unwrap_or_else(|e| panic!("{name}: {}", e.message(Lang::En)));
            assert!(got.bad.is_empty(), "{name}: {:?}", got.bad);
            let facts = &got.people[0].2;
            assert!(facts.is_known(f), "{name} sets {}", f.name());
        }
    }
    // Paths are those of the household JSON.
    assert_eq!(column_path(Fact::from_name("age").unwrap()), "applicant.age");
    assert_eq!(column_path(Fact::from_name("household_status").unwrap()), "household.status");
    assert_eq!(column_path(Fact::from_name("student_level").unwrap()), "applicant.student.level");
}

#[test]
fn word_cells_take_the_word_its_label_or_the_unique_start_of_its_label() {
    let status = Fact::from_name("household_status").unwrap();
    let residence = Fact::from_name("residence").unwrap();
    for (cell, fact, want) in [
        ("dibao", status, Some(3)),
        ("低保家庭", status, Some(3)),
        ("dibao household", status, Some(3)),
        ("农村", residence, Some(1)),
        ("低保", status, None),
        ("低", status, None),
    ] {
        let text = format!("地区,{}\ndalad,{cell}\n", column_path(fact));
        let got = screen_csv(text.as_bytes(), 3, None).unwrap();
        match want {
            Some(w) => assert_eq!(got.people[0].2.get(fact), &Value::Word(w), "{cell}"),
            None => assert!(matches!(&got.bad[0].1, RowProblem::Cells(c) if c[0].problem == CellProblem::NotWord(fact)), "{cell}"),
        }
    }
}

#[test]
fn headers_name_what_is_wrong() {
    assert!(matches!(header(&["地区", "年龄", "nickname", "电话"]), Err(HeaderError::Unknown(u)) if u == ["nickname", "电话"]));
    assert!(matches!(header(&["年龄", "applicant.age"]), Err(HeaderError::Twice(a, b)) if a == "年龄" && b == "applicant.age"));
    assert!(matches!(header(&["编号", "id"]), Err(HeaderError::Twice(..))));
    assert!(header(&["地区", "编号", "年龄", ""]).is_ok(), "a column without a name is allowed while it is empty");
    // A key with a newline is shown safely.
    assert!(matches!(header(&["bad\nkey"]), Err(HeaderError::Unknown(u)) if u == ["bad\\u{a}key"]));
}

#[test]
fn any_chunking_gives_the_same_screening() {
    let text = "\u{feff}编号,地区,年龄,残疾类别和等级,持有残疾人证,备注列\r\n".replace(",备注列", "")
        + "A1,达拉特旗,45,\"肢体残疾:2;视力:3\",是\r\n"
        + "A2,dalad,200,physical:1,是\r\n"
        + "\"A,3\",东河区,\"4\",\"智力:一级\",否\r\n"
        + "A4,dalad,,,\r\n";
    let whole = screen_csv(text.as_bytes(), usize::MAX, None).unwrap();
    assert_eq!(whole.id_column.as_deref(), Some("编号"));
    assert_eq!(whole.people.iter().map(|p| (p.0, p.1.as_str())).collect::<Vec<_>>(), vec![(2, "A1"), (4, "A,3"), (5, "A4")]);
    assert_eq!(whole.bad.len(), 1);
    assert_eq!(whole.people[0].2.disabilities.as_ref().unwrap().len(), 2);
    let gbk = encoding_rs::GBK.encode(&text[3..]).0.into_owned();
    for chunk in [1, 2, 3, 5, 17, 64] {
        for bytes in [text.as_bytes(), &gbk[..]] {
            let got = screen_csv(bytes, chunk, None).unwrap();
            assert_eq!(
                got.people.iter().map(|p| (p.0, &p.1, &p.2)).collect::<Vec<_>>(),
                whole.people.iter().map(|p| (p.0, &p.1, &p.2)).collect::<Vec<_>>(),
                "chunk {chunk}"
            );
            assert_eq!(got.bad, whole.bad, "chunk {chunk}");
        }
    }
}

#[test]
fn the_place_column_wins_over_the_default_place() {
    let got = screen_csv("地区,年龄\n,30\n东河区,40\n".as_bytes(), 4, Some(0)).unwrap();
    let places: Vec<_> = got.people.iter().map(|p| p.2.jurisdiction).collect();
    assert_eq!(places, vec![Some(0), benefits::rules::policy::place_index("donghe")]);
}

fn summary_of(text: &str) -> Summary {
    let got = screen_csv(text.as_bytes(), 1000, None).unwrap();
    let mut s = Summary::default();
    for (row, id, facts) in &got.people {
        s.person(*row, id, facts, &benefits::rules::evaluate(facts));
    }
    for (row, p) in got.bad {
        s.bad(row, p);
    }
    s
}

#[test]
fn the_summary_puts_who_may_be_missing_the_most_first_and_filters_by_benefit() {
    let s = summary_of(
        "编号,地区,年龄,残疾类别和等级,持有残疾人证,本地户籍,城镇或农村\n\
         low,ejinhoro,45,physical:4,是,是,城镇\n\
         high,ejinhoro,45,physical:1,是,是,城镇\n\
         none,ejinhoro,45,physical:1,否,否,城镇\n\
         bad,ejinhoro,abc,,,,\n",
    );
    assert_eq!((s.people(), s.bad_rows()), (3, 1));
    let t = s.table(None, SortKey::Yearly, false, 10, Lang::Zh);
    assert_eq!(t.matching, 3);
    assert_eq!(t.rows[0].id, "high", "the largest yearly cash first");
    assert_eq!(t.rows[0].yearly, "4000");
    let by_row = s.table(None, SortKey::Row, true, 2, Lang::Zh);
    assert_eq!(by_row.rows.iter().map(|r| r.row).collect::<Vec<_>>(), vec![2, 3], "limited to 2, by row");
    let severe = s.table(Some("ejinhoro.severe_disability_subsidy"), SortKey::Yearly, false, 10, Lang::En);
    assert_eq!(severe.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["high"]);
    assert!(severe.rows[0].benefits.contains(&"Yearly subsidy for severe disability (grades 1–2)"));
    let list = s.benefits(Lang::Zh);
    assert!(list.windows(2).all(|w| w[0].likely + w[0].possible >= w[1].likely + w[1].possible));
    let bad = s.bad_list(Lang::Zh);
    assert_eq!((bad[0].row, bad[0].column.as_str()), (5, "年龄"));
    assert_eq!(bad[0].problem, "应为 0 到 120 之间的整数（填的是“abc”）");
}

#[test]
fn json_lines_and_csv_give_the_same_facts() {
    let json = r#"{"jurisdiction":"dalad","as_of":"2025-06-01","applicant":{"age":45,"disabilities":[{"kind":"physical","grade":2}],"has_certificate":true,"student":{"level":"college"}},"household":{"status":"dibao","monthly_rent_yuan":"300.5"}}"#;
    let mut input = JsonLinesInput::new(None, 20250601);
    let mut from_json = Collect::default();
    input.push(json.as_bytes(), &mut from_json).unwrap();
    input.finish(&mut from_json).unwrap();
    let csv = "地区,测算日期,年龄,残疾类别和等级,持有残疾人证,就读阶段,家庭困难类别,每月房租\ndalad,2025-06-01,45,physical:2,是,college,dibao,300.50\n";
    let from_csv = screen_csv(csv.as_bytes(), 9, None).unwrap();
    assert_eq!(from_json.people[0].2, from_csv.people[0].2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// No bytes make the readers panic, whatever the chunks.
    #[test]
    fn any_bytes_are_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), chunk in 1usize..50, place in proptest::option::of(0u8..3)) {
        let mut prefix = "地区,年龄,残疾类别和等级,持有残疾人证,applicant.needs,household.monthly_rent_yuan,as_of,编号\n".as_bytes().to_vec();
        prefix.extend_from_slice(&bytes);
        for b in [&bytes[..], &prefix[..]] {
            let _ = screen_csv(b, chunk, place);
            let mut input = JsonLinesInput::new(place, 20250601);
            let mut sink = Collect::default();
            for c in b.chunks(chunk) {
                input.push(c, &mut sink).unwrap();
            }
            input.finish(&mut sink).unwrap();
        }
    }

    /// Cells of arbitrary text are either read or reported, never a panic.
    #[test]
    fn any_cell_text_is_read_or_reported(cells in proptest::collection::vec("\\PC{0,12}", 8)) {
        let row = cells.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(",");
        let text = format!("地区,年龄,残疾类别和等级,持有残疾人证,applicant.needs,household.monthly_rent_yuan,as_of,编号\n{row}\n");
        let got = screen_csv(text.as_bytes(), 13, Some(0)).unwrap();
        prop_assert_eq!(got.people.len() + got.bad.len() <= 1, true);
    }
}
