//! The code of the results, the plan, the agent's authorisation and browsing a place's rules
//! (`view::render_later_main`, with the engine's amounts, the plan by office, the print sheet and
//! the QR code) is split into a second wasm file that the app fetches when one of those pages is
//! first shown, or as soon as the check page is reached. The start page and the questions load
//! without it: a smaller first download on a slow network. The service worker keeps both files, so
//! offline use is unchanged.
//!
//! The split is made by `wasm-split-cli` (crate `wasm_split_cli_support`, the tool behind Leptos's
//! `#[lazy]`) when scripts/build.mjs builds with the `split` feature; other builds (the browser
//! tests) have the same functions without a second file.

use crate::session::{Page, Session};
use crate::view::Ctx;
use std::cell::Cell;

thread_local! {
    /// Whether the later code is here (always, in a build without the split).
    static READY: Cell<bool> = const { Cell::new(!cfg!(feature = "split")) };
    /// A download of it is under way.
    static LOADING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the later pages can be drawn now.
pub fn ready() -> bool {
    READY.with(Cell::get)
}

/// `<main>` of a later page, once its code is here.
pub fn render(page: Page, s: &Session, cx: &Ctx) -> Option<String> {
    if !ready() {
        return None;
    }
    split::render(page, s, cx)
}

/// Fetch the later code unless it is here or on its way; `done(ok)` runs when the download ends.
pub fn load(done: impl FnOnce(bool) + 'static) {
    if ready() || LOADING.with(|l| l.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        let ok = split::preload().await;
        LOADING.with(|l| l.set(false));
        READY.with(|r| r.set(ok));
        done(ok);
    });
}

#[cfg(feature = "split")]
#[allow(improper_ctypes, improper_ctypes_definitions)]
mod split {
    use super::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(later, wasm_split_path = leptos::wasm_split, fallible, preload(preload_later))]
    fn render_later(page: &Page, s: &Session, cx: &Ctx) -> Result<String, SplitLoaderError> {
        Ok(crate::view::render_later_main(*page, s, cx))
    }

    /// The code is loaded: the call completes at once (its load is already settled), so the page
    /// is drawn in the same turn, without a flash of "loading".
    pub fn render(page: Page, s: &Session, cx: &Ctx) -> Option<String> {
        use std::future::Future;
        use std::task::{Context, Poll, Waker};
        let future = std::pin::pin!(render_later(&page, s, cx));
        match future.poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(html)) => Some(html),
            _ => None,
        }
    }

    pub async fn preload() -> bool {
        preload_later().await.is_ok()
    }
}

#[cfg(not(feature = "split"))]
mod split {
    use super::*;

    pub fn render(page: Page, s: &Session, cx: &Ctx) -> Option<String> {
        Some(crate::view::render_later_main(page, s, cx))
    }

    pub async fn preload() -> bool {
        true
    }
}
