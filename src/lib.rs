//! A self-service benefit calculator for people with disabilities.
//!
//! - [`rules`]: the facts model, the policy data compiled from `seeds/`, the engine, the presenter
//!   and the command line's JSON (pure Rust, no web types).
//! - [`session`]: one person's answers and settings, kept in the page address.
//! - [`view`]: what each page shows, as HTML from pure functions (tested natively).
//! - `ui` (browser build only): the thin Leptos shell that puts the pages on screen and takes the
//!   events.

pub mod rules;
pub mod session;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
