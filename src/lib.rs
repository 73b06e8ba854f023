//! A self-service benefit calculator for people with disabilities.
//!
//! - [`rules`]: the facts model, the policy data compiled from `seeds/`, and the engine (native,
//!   no web types).
//! - `ui` (browser build only): Leptos components that ask and show.

pub mod rules;
pub mod session;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
