//! sitemap.xml (every HTML page) and robots.txt pointing at it.

use crate::render::escape_html;
use std::path::Path;

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

pub fn robots_txt(base: &str) -> Vec<u8> {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        super::absolute(base, "sitemap.xml")
    )
    .into_bytes()
}
