//! The rendered site as `dateline serve` holds it: an immutable map from
//! URL path to bytes, content type and ETag. A rebuild makes a new snapshot
//! and swaps it in whole, so a request sees one build or the next, never a
//! mix and never a half-written page.

use super::reload;
use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Component, Path};
use std::sync::Arc;

/// One file ready to send.
#[derive(Debug)]
pub struct Entry {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    /// A strong ETag, quoted, from the bytes.
    pub etag: String,
}

impl Entry {
    /// An entry for the file at `key`; HTML gets the live-reload script.
    pub fn new(key: &str, bytes: Vec<u8>) -> Entry {
        let content_type = content_type(key);
        let bytes = if content_type.starts_with("text/html") {
            reload::inject_script(bytes)
        } else {
            bytes
        };
        let mut h = std::collections::hash_map::DefaultHasher::new();
        h.write(&bytes);
        let etag = format!("\"{:016x}-{:x}\"", h.finish(), bytes.len());
        Entry {
            bytes,
            content_type,
            etag,
        }
    }
}

/// A whole site, as served between two rebuilds.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    /// Keyed by the output path with `/` separators: `index.html`,
    /// `articles/some-slug/index.html`, `style.css`.
    /// Shared keys make the copy a rebuild starts from cheap.
    pub files: HashMap<Arc<str>, Arc<Entry>>,
    /// Counts the builds published since the server started.
    pub generation: u64,
}

impl Snapshot {
    pub fn insert(&mut self, key: String, bytes: Vec<u8>) {
        let entry = Arc::new(Entry::new(&key, bytes));
        self.files.insert(key.into(), entry);
    }

    pub fn get(&self, key: &str) -> Option<&Arc<Entry>> {
        self.files.get(key)
    }

    pub fn remove(&mut self, key: &str) {
        self.files.remove(key);
    }
}

/// The snapshot key of an output path: its normal components joined by
/// `/`; `None` for a path with `..`, a root or a prefix.
pub fn key(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_str()?),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

/// The Content-Type for a file name, by its extension.
pub fn content_type(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "rss" => "application/rss+xml",
        "atom" => "application/atom+xml",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("a/b/style.CSS"), "text/css; charset=utf-8");
        assert_eq!(content_type("cal.ics"), "text/calendar; charset=utf-8");
        assert_eq!(content_type("logo.svg"), "image/svg+xml");
        assert_eq!(content_type("feed.xml"), "application/xml");
        assert_eq!(content_type("photo.JPG"), "image/jpeg");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }

    #[test]
    fn only_html_gets_the_script_and_etags_follow_the_bytes() {
        let page = Entry::new("index.html", b"<html><body>x</body></html>".to_vec());
        assert!(String::from_utf8_lossy(&page.bytes).contains(reload::EVENTS_PATH));
        let css = Entry::new("style.css", b"body{}".to_vec());
        assert_eq!(css.bytes, b"body{}");
        assert_ne!(css.etag, Entry::new("style.css", b"body{ }".to_vec()).etag);
        assert_eq!(css.etag, Entry::new("style.css", b"body{}".to_vec()).etag);
    }

    #[test]
    fn keys_refuse_paths_that_climb() {
        assert_eq!(
            key(Path::new("articles/a/index.html")).unwrap(),
            "articles/a/index.html"
        );
        assert!(key(Path::new("../x")).is_none());
        assert!(key(Path::new("/etc/passwd")).is_none());
    }
}
