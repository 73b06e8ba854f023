//! Prints the start page's HTML (Simplified Chinese) for `index.html`, so people see the start
//! screen before the web app has loaded; the app then takes over the same markup.
//! Used by scripts/build.mjs.

use benefits::session::{Page, Session};
use benefits::view::text::ui;
use benefits::view::{page_title, render_page, Ctx};

fn main() {
    let s = Session::default();
    if std::env::args().nth(1).as_deref() == Some("--title") {
        println!("{} - {}", page_title(Page::Start, &s), ui(s.lang).app_name);
    } else {
        println!("{}", render_page(Page::Start, &s, &Ctx::default(), None, None));
    }
}
