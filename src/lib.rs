//! A self-service benefit calculator for people with disabilities.
//!
//! - [`rules`]: the facts model, the policy data compiled from `seeds/`, the engine, the presenter
//!   and the command line's JSON (pure Rust, no web types).
//! - [`session`]: one person's answers and settings, kept in the page address.
//! - [`view`]: what each page shows, as HTML from pure functions (tested natively).
//! - [`screen`]: registry screening (CSV and JSON Lines in, who may be missing out), shared by
//!   the `evaluate` command line and the screening page (`screen.html`, its own wasm bundle built
//!   with the `screen` feature, which leaves the residents' app out).
//! - `ui` (browser build only): the thin Leptos shell that puts the pages on screen and takes the
//!   events.

pub mod rules;
// The residents' app compiles it (the `evaluate` binary is built for the browser tests too) but
// links none of it; its wasm exports exist only with the `screen` feature.
pub mod screen;
pub mod session;
pub mod view;

#[cfg(all(target_arch = "wasm32", not(feature = "screen")))]
pub mod ui;
