//! robots.txt: every crawler welcome, pointed at the sitemap.

use super::{Export, ExportInput};

pub const EXPORT: Export = Export {
    path: "robots.txt",
    write: |input: &ExportInput<'_>, w| w.write_all(&robots_txt(input.base)),
};

pub fn robots_txt(base: &str) -> Vec<u8> {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        super::absolute(base, "sitemap.xml")
    )
    .into_bytes()
}
