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

/// Stable sort of a short list by a key. The lists sorted for a page hold tens of items, and each
/// use of the standard library's sort adds kilobytes of WebAssembly; an insertion sort adds little.
pub fn sort_short_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j]) < key(&items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}
