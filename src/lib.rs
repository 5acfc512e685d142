//! dateline: turns a folder of news articles into a static timeline website.
//!
//! The library's front door is [`site::Site`]: `Site::load` reads and
//! validates a site, `Site::build` renders it. The library never prints and
//! never exits; the binary in `main.rs` does both.

pub mod temporal;
