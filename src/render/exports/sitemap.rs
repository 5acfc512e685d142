//! sitemap.xml: every HTML page but the 404 page, by absolute URL when
//! the base URL is absolute. Characters XML forbids are dropped.

use super::{Export, ExportInput};
use crate::render::escape_html;
use std::path::Path;

pub const EXPORT: Export = Export {
    path: "sitemap.xml",
    write: |input: &ExportInput<'_>, w| {
        w.write_all(&sitemap_xml_paths(input.html_pages, input.base))
    },
};

/// The sitemap of the HTML pages among `paths` (relative to the output).
pub fn sitemap_xml_paths(paths: &[impl AsRef<Path>], base: &str) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut paths: Vec<String> = paths
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| p.extension().is_some_and(|e| e == "html") && p.as_os_str() != "404.html")
        .map(|p| {
            let p = p.to_string_lossy().replace('\\', "/");
            p.strip_suffix("index.html")
                .map(str::to_string)
                .unwrap_or(p)
        })
        .collect();
    paths.sort();
    for p in paths {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape_html(&super::absolute(base, &p))
        ));
    }
    out.push_str("</urlset>\n");
    super::xml_chars(out).into_bytes()
}
