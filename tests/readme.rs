//! The facts tables in README.md and seeds/README.md are the fact table of seeds/facts.toml.

use benefits::rules::compile::FactTable;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn the_readme_facts_tables_match_the_fact_table() {
    let table = FactTable::load(&Path::new(ROOT).join("seeds")).expect("seeds/facts.toml loads").markdown();
    for file in ["README.md", "seeds/README.md"] {
        let text = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
        let start = text.find("<!-- facts:start -->\n").unwrap_or_else(|| panic!("{file}: no <!-- facts:start --> marker"));
        let end = text.find("<!-- facts:end -->").unwrap_or_else(|| panic!("{file}: no <!-- facts:end --> marker"));
        let shown = &text[start + "<!-- facts:start -->\n".len()..end];
        if shown != table && std::env::var("UPDATE_README").is_ok() {
            let updated = format!("{}{table}{}", &text[..start + "<!-- facts:start -->\n".len()], &text[end..]);
            std::fs::write(Path::new(ROOT).join(file), updated).unwrap();
            continue;
        }
        assert!(
            shown == table,
            "{file}: the facts table differs from seeds/facts.toml; run `UPDATE_README=1 cargo test --test readme` or put this between the markers:\n{table}"
        );
    }
}
