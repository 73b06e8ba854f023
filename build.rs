//! Compiles the policy data (`seeds/*.toml`) with the rule compiler in `src/rules/compile.rs` and
//! writes what it makes to `$OUT_DIR`: the generated fact table (`facts.rs`), the index, one rule
//! file and one text file per language for each place, and `embedded.rs`, which compiles those very
//! files into native builds; and the web app's strings (`src/view/ui.toml`) as `ui.rs`. Any problem
//! in a seed file stops the build with messages naming the file and the benefit.

#[path = "src/rules/codec.rs"]
#[allow(dead_code)]
mod codec;
#[path = "src/rules/compile.rs"]
#[allow(dead_code)]
mod compile;
#[path = "src/rules/syntax.rs"]
#[allow(dead_code)]
mod syntax;
#[path = "src/view/ui_texts.rs"]
mod ui_texts;

use std::path::Path;

fn main() {
    // SEEDS_DIR lets a test point the compiler at a folder of broken files.
    println!("cargo:rerun-if-env-changed=SEEDS_DIR");
    let dir = std::env::var("SEEDS_DIR").unwrap_or_else(|_| "seeds".into());
    println!("cargo:rerun-if-changed={dir}");
    for f in ["src/rules/codec.rs", "src/rules/compile.rs", "src/rules/syntax.rs", "src/view/ui.toml", "src/view/ui_texts.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let compiled = match compile::compile(Path::new(&dir)) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                eprintln!("Policy data error: {e}");
                println!("cargo:warning=policy data error: {e}");
            }
            std::process::exit(1);
        }
    };
    // Only this build's files stay beside the generated code (scripts/build.mjs copies them all).
    for entry in std::fs::read_dir(out).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("texts-") || name.starts_with("rules-") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let ui = match std::fs::read_to_string("src/view/ui.toml")
        .map_err(|e| vec![format!("src/view/ui.toml: {e}")])
        .and_then(|t| ui_texts::rust(&t))
    {
        Ok(ui) => ui,
        Err(errors) => {
            for e in &errors {
                eprintln!("UI text error: {e}");
                println!("cargo:warning=UI text error: {e}");
            }
            std::process::exit(1);
        }
    };
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("ui.rs".into(), ui.into_bytes()),
        ("facts.rs".into(), compiled.facts_rs.clone().into_bytes()),
        ("index.bin".into(), compiled.index.clone()),
        ("embedded.rs".into(), compile::embedded_rs(&compiled).into_bytes()),
    ];
    for p in &compiled.places {
        files.push(p.rules.clone());
        for (name, body) in &p.texts {
            files.push((name.clone(), body.clone().into_bytes()));
        }
    }
    for (name, bytes) in files {
        if let Err(e) = std::fs::write(out.join(&name), bytes) {
            eprintln!("build.rs: cannot write {name}: {e}");
            std::process::exit(1);
        }
    }
}
