//! The rules layer: pure Rust, no web types. Facts in, findings out, money in `rust_decimal`.

pub mod condition;
pub mod engine;
pub mod facts;
pub mod json;
pub mod policy;
pub mod syntax;
pub mod vocab;
pub mod words;

pub use engine::{evaluate, next_question, Finding, Status};
pub use facts::Facts;
pub use policy::Lang;
pub use vocab::Fact;
