//! `check-seeds [FOLDER]`: runs the rule compiler (the same one build.rs runs) on the policy data
//! and prints every problem, naming the file and the benefit. Exit code 0 when all is valid.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    match benefits::rules::compile::compile(std::path::Path::new(&dir)) {
        Ok(c) => {
            println!("seeds: all files valid ({} places, {} benefits)", c.places.len(), c.benefits);
            std::process::ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("seeds: {} problem(s)", errors.len());
            std::process::ExitCode::from(1)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
