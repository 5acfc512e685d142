//! dateline: turns a folder of news articles into a static timeline website.
//!
//! The library's front door is [`site::Site`]: `Site::load` reads and
//! validates a site, `Site::build` renders and writes it. The library never
//! prints and never exits; the binary in `main.rs` does both.

pub mod cache;
pub(crate) mod config;
pub mod content;
pub(crate) mod diagnostics;
pub mod extract;
pub mod hash;
pub mod init;
pub mod keydates;
pub(crate) mod output;
pub(crate) mod progress;
pub mod render;
pub mod serve;
pub mod site;
pub(crate) mod slug;
pub mod temporal;
pub mod timeline;
pub mod uptodate;

pub use diagnostics::{Diagnostic, Diagnostics};
pub use progress::{Progress, Stage, StageTime};
pub use render::Pages;
pub use site::{BuildReport, CacheStats, LoadHooks, Site, SiteOptions};
