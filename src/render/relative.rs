//! Links that work off the server (`relative_urls`, `build --relative-urls`):
//! every page is rendered with the site's `base` as usual, then each
//! `href`/`src` that starts with the base is rewritten, page by page, into
//! a path relative to that page's folder, with `index.html` spelled out for
//! a folder, so public/ opened from disk (`file://`) links the way the
//! server would. Doing it on the rendered page, rather than giving every
//! template and card a per-page prefix, keeps one card for every page that
//! lists it (cards sit on pages at different depths) and works for a
//! site's own templates unchanged. The exports keep their absolute links.

use super::{OutputFile, Sink};
use std::path::Path;

/// A sink that rewrites the site's links in every HTML page it is given
/// before handing it on.
pub struct RelativeLinks<'a> {
    pub inner: &'a dyn Sink,
    /// The base every internal link starts with (ends in `/`).
    pub base: &'a str,
}

fn is_html(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "html")
}

impl Sink for RelativeLinks<'_> {
    fn file(&self, index: usize, mut file: OutputFile) -> anyhow::Result<()> {
        if is_html(&file.path)
            && let Ok(text) = std::str::from_utf8(&file.bytes)
        {
            file.bytes = relative_links(text, self.base, &file.path).into_bytes();
        }
        self.inner.file(index, file)
    }

    fn stream(
        &self,
        index: usize,
        path: &Path,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        if !is_html(path) {
            return self.inner.stream(index, path, write);
        }
        // A page is rewritten whole; the budgets keep every page of a large
        // site under a megabyte.
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        self.file(
            index,
            OutputFile {
                path: path.to_path_buf(),
                bytes,
            },
        )
    }
}

/// `html` (the page at `page`, relative to the output folder) with every
/// `href="…"` and `src="…"` that starts with `base` made relative to the
/// page's folder; a link to a folder gets `index.html`. Other links
/// (external, `#fragment`, `mailto:`) are left as written.
pub fn relative_links(html: &str, base: &str, page: &Path) -> String {
    let depth = page.components().count().saturating_sub(1);
    let up = "../".repeat(depth);
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some((at, len)) = next_link(rest) {
        let value_start = at + len;
        let Some(value_len) = rest[value_start..].find('"') else {
            break;
        };
        out.push_str(&rest[..value_start]);
        let value = &rest[value_start..value_start + value_len];
        match value.strip_prefix(base) {
            // "//host/..." is another site, whatever the base.
            Some(target) if !(base == "/" && target.starts_with('/')) => {
                let split = target.find(['#', '?']).unwrap_or(target.len());
                let (path, suffix) = target.split_at(split);
                out.push_str(&up);
                out.push_str(path);
                if path.is_empty() || path.ends_with('/') {
                    out.push_str("index.html");
                }
                out.push_str(suffix);
            }
            _ => out.push_str(value),
        }
        rest = &rest[value_start + value_len..];
    }
    out.push_str(rest);
    out
}

/// The next ` href="` or ` src="` (after whitespace, so `data-href` is not
/// one): its position and length.
fn next_link(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find('=') {
        let eq = from + i;
        from = eq + 1;
        if bytes.get(eq + 1) != Some(&b'"') {
            continue;
        }
        for name in ["href", "src"] {
            if eq > name.len()
                && text[..eq].ends_with(name)
                && bytes[eq - name.len() - 1].is_ascii_whitespace()
            {
                let at = eq - name.len();
                return Some((at, name.len() + 2));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_link_becomes_a_relative_index_html() {
        let page = Path::new("archive/2012/03/index.html");
        let html = r#"<a href="/actors/x/">X</a> <a href="/">Home</a> <link href="/style.css">"#;
        assert_eq!(
            relative_links(html, "/", page),
            r#"<a href="../../../actors/x/index.html">X</a> <a href="../../../index.html">Home</a> <link href="../../../style.css">"#
        );
    }

    #[test]
    fn fragments_and_queries_follow_the_index_html() {
        let html = r##"<a href="/tl/articles/a/#p-3">a</a><a href="/tl/#event-1">e</a><a href="/tl/?q=x">q</a>"##;
        assert_eq!(
            relative_links(html, "/tl/", Path::new("index.html")),
            r##"<a href="articles/a/index.html#p-3">a</a><a href="index.html#event-1">e</a><a href="index.html?q=x">q</a>"##
        );
    }

    #[test]
    fn other_sites_fragments_and_data_attributes_are_left_alone() {
        let html = r##"<a href="https://example.com/">x</a><a href="#top">t</a><a href="//cdn.example/x.js">c</a><p data-href="/x/">d</p><img src="/a.png">"##;
        assert_eq!(
            relative_links(html, "/", Path::new("key/index.html")),
            r##"<a href="https://example.com/">x</a><a href="#top">t</a><a href="//cdn.example/x.js">c</a><p data-href="/x/">d</p><img src="../a.png">"##
        );
    }

    #[test]
    fn an_absolute_base_url_is_made_relative_too() {
        let html = r#"<a href="https://example.org/tl/feed.xml">f</a>"#;
        assert_eq!(
            relative_links(
                html,
                "https://example.org/tl/",
                Path::new("articles/x/index.html")
            ),
            r#"<a href="../../feed.xml">f</a>"#
        );
    }
}
