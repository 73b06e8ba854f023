//! The household JSON of `evaluate`: the reader (driven by the fact table), the answer, and the
//! compact screening line.

mod answer;
mod compact;
mod reader;

pub use answer::{answer, AmountJson, Answer, CitationJson, Detail, FindingJson};
pub use compact::write_compact;
pub use reader::{money, parse_household, safe, InputError, Problem};
