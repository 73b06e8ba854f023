//! The rules layer: pure Rust, no web types. Facts in, findings out, money in `rust_decimal`.

pub mod codec;
#[cfg(not(target_arch = "wasm32"))]
pub mod compile;
pub mod condition;
pub mod engine;
pub mod facts;
pub mod json;
pub mod lang;
pub mod plan;
pub mod policy;
pub mod present;
pub mod syntax;
pub mod vocab;
pub mod words;

pub use engine::{evaluate, next_question, Finding, Status};
pub use facts::Facts;
pub use lang::{Lang, Text};
pub use vocab::Fact;
