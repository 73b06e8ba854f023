//! The browser shell (wasm only): Leptos signals hold the state, an effect puts the page HTML from
//! `view` on the screen, and a few handlers take the events. All state is in the address after
//! `#`, so back, reload and shared links show the same answers; nothing is stored on the device
//! unless the person asks ("remember my answers"), and never at a kiosk.
//!
//! - `app`: the state, following the address, fetching a place's files, drawing the page.
//! - `events`: clicks and form submits.
//! - `kiosk`: the shared-screen mode (idle warning, wipe).
//! - `split`: the questions' and the results' code, each fetched when first needed.

mod app;
mod events;
mod kiosk;
mod split;

pub use app::AppView;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    // Pages other than index.html (e.g. the browser test runner) have no #app: nothing to start.
    let Some(page) = leptos::prelude::document().query_selector("#app > .page").ok().flatten() else { return };
    app::adopt(page.unchecked_into());
}
