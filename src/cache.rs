//! The build cache: each article's parsed form and its own extracted events,
//! kept between builds in `.dateline-cache/` at the site root, so a build
//! skips Markdown rendering, tagging and extraction for every article whose
//! file is byte for byte what it was.
//!
//! An entry is found by the article's path and the 128-bit XXH3 hash of its
//! file's bytes. The whole file is further keyed by a context hash: the
//! dateline version, [`EXTRACT_VERSION`], a fingerprint of the running
//! executable, and every option that changes what an article turns into
//! (tagger options, time zone, Markdown options). A file written under
//! another context is ignored whole, so a new dateline never reuses results
//! of an old one.
//!
//! The file is never trusted: it starts with a magic string and a format
//! number, ends with a checksum of everything before it, and any mismatch or
//! decode error makes it (or the one entry) a miss. It is written to a
//! temporary file and renamed into place, so a build killed while writing it
//! leaves the previous cache or none.
//!
//! Layout (integers little-endian):
//!
//! ```text
//! magic "DLCACHE\0" | format u32 | context hash u128
//! blobs: one MessagePack map per entry { article, events }
//! index: entry count u64, then per entry:
//!        path length u32, path, content hash u128, blob offset u64, blob length u64
//! index offset u64
//! checksum: XXH3-64 of every byte above
//! ```
//!
//! The index comes after the blobs so the file can be written in one pass,
//! a few hundred articles at a time: the cache of a big archive is several
//! times the size of its Markdown and is never held in memory whole.
//!
//! Entries are MessagePack with named fields (rmp-serde): self-describing,
//! so the `skip_serializing_if` fields of the event model round-trip, which
//! the positional formats (bincode, postcard) do not allow. Blobs are
//! encoded and decoded in parallel, one per article.

use crate::content::{Article, TimeMention};
use crate::hash::Hash;
use crate::timeline::Event;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::xxh3_128;

/// The cache folder, at the site root.
pub const CACHE_DIR: &str = ".dateline-cache";
const CACHE_FILE: &str = "articles.bin";
const MAGIC: &[u8; 8] = b"DLCACHE\0";
const FORMAT: u32 = 3;
/// How many entries are encoded at once (in parallel) before being written.
const WRITE_CHUNK: usize = 256;

/// Bump whenever article loading, tagging or extraction changes what it
/// produces for the same file, so caches written before are not reused.
/// (The executable fingerprint in [`context_key`] also catches a rebuilt
/// binary whose author forgot to.)
pub const EXTRACT_VERSION: u32 = 2;

/// The context a cache is valid in: `parts` describe every option that
/// changes an article's parsed form or events; the dateline version,
/// [`EXTRACT_VERSION`] and the executable's fingerprint are added here.
pub fn context_key(parts: &[&str]) -> Hash {
    context_key_for(&tool_version(), parts)
}

/// What produced the cached results: the dateline version,
/// [`EXTRACT_VERSION`] and the executable's fingerprint.
pub fn tool_version() -> String {
    format!(
        "dateline {} extract {EXTRACT_VERSION} exe {:032x}",
        env!("CARGO_PKG_VERSION"),
        exe_fingerprint()
    )
}

/// [`context_key`] for a given tool version.
pub fn context_key_for(version: &str, parts: &[&str]) -> Hash {
    let mut text = version.to_string();
    for p in parts {
        text.push('\u{1}');
        text.push_str(p);
    }
    xxh3_128(text.as_bytes())
}

/// XXH3 of the running executable, so two different builds of dateline never
/// share cached results; 0 when it cannot be read.
fn exe_fingerprint() -> Hash {
    static FINGERPRINT: std::sync::OnceLock<Hash> = std::sync::OnceLock::new();
    *FINGERPRINT.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::read)
            .map(|b| xxh3_128(&b))
            .unwrap_or(0)
    })
}

#[derive(Serialize)]
struct EntryRef<'a> {
    article: &'a Article,
    times: &'a [TimeMention],
    events: &'a [Event],
}

#[derive(Deserialize)]
struct EntryOwned {
    article: Article,
    times: Vec<TimeMention>,
    events: Vec<Event>,
}

/// What one article was turned into.
pub struct Cached {
    pub article: Article,
    /// The article's temporal expressions and events (see
    /// [`crate::extract::Extracted`]).
    pub extracted: crate::extract::Extracted,
}

/// An open cache file: its index is in memory, its entries stay on disk
/// and each lookup reads and decodes one. At 10,000 articles the file is
/// several hundred megabytes, which a load would otherwise hold whole
/// beside every article it decodes (on the bpoil story, 58 MB of a 275 MB
/// peak). Lookups are safe from many threads.
#[derive(Default)]
pub struct Cache {
    /// The file as it was checked: a new build replaces the cache by a
    /// rename, never in place, so this handle keeps reading the checked
    /// bytes.
    file: Option<std::fs::File>,
    index: HashMap<String, (Hash, u64, usize)>,
}

impl Cache {
    /// An empty cache: every lookup misses.
    pub fn empty() -> Cache {
        Cache::default()
    }

    /// Opens the cache under `site_root` written for `context`. A missing,
    /// unreadable, corrupt or foreign file gives an empty cache.
    pub fn open(site_root: &Path, context: Hash) -> Cache {
        std::fs::File::open(cache_file(site_root))
            .ok()
            .and_then(|f| Cache::check(f, context))
            .unwrap_or_default()
    }

    /// Reads the file through once to verify its checksum, keeping only its
    /// header and index, and returns it open.
    fn check(mut file: std::fs::File, context: Hash) -> Option<Cache> {
        use std::io::Read as _;
        let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
        let body_len = len.checked_sub(8)?;
        let index_at = body_len.checked_sub(8)?;
        // The last 16 bytes: the index offset and the checksum. The offset
        // says which bytes to keep while the rest streams past; it is
        // trusted only once the checksum is.
        let mut last = [0u8; 16];
        read_exact_at(&file, &mut last, index_at as u64).ok()?;
        let index_start = usize::try_from(u64::from_le_bytes(last[..8].try_into().ok()?)).ok()?;
        let sum = u64::from_le_bytes(last[8..].try_into().ok()?);
        let header_len = MAGIC.len() + 4 + 16;
        if index_start < header_len || index_start > index_at {
            return None;
        }
        let mut header = Vec::with_capacity(header_len);
        let mut index_bytes = Vec::with_capacity(index_at - index_start);
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut buf = vec![0u8; READ_CHUNK];
        let mut pos = 0usize;
        while pos < body_len {
            let want = READ_CHUNK.min(body_len - pos);
            let n = file.read(&mut buf[..want]).ok()?;
            if n == 0 {
                return None;
            }
            let part = &buf[..n];
            hasher.update(part);
            if pos < header_len {
                header.extend_from_slice(&part[..(header_len - pos).min(n)]);
            }
            let (from, to) = (index_start.max(pos), index_at.min(pos + n));
            if from < to {
                index_bytes.extend_from_slice(&part[from - pos..to - pos]);
            }
            pos += n;
        }
        if hasher.digest() != sum {
            return None;
        }
        let mut r = Reader {
            data: &header,
            pos: 0,
        };
        if r.take(8)? != MAGIC || r.u32()? != FORMAT || r.u128()? != context {
            return None;
        }
        let mut r = Reader {
            data: &index_bytes,
            pos: 0,
        };
        let count = usize::try_from(r.u64()?).ok()?;
        let mut index = HashMap::with_capacity(count.min(len / 40));
        for _ in 0..count {
            let n = r.u32()? as usize;
            let path = std::str::from_utf8(r.take(n)?).ok()?.to_string();
            let hash = r.u128()?;
            let start = usize::try_from(r.u64()?).ok()?;
            let n = usize::try_from(r.u64()?).ok()?;
            start
                .checked_add(n)
                .filter(|&e| start >= header_len && e <= index_start)?;
            index.insert(path, (hash, start as u64, n));
        }
        Some(Cache {
            file: Some(file),
            index,
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The cached result for the article at `path` whose file hashes to
    /// `hash`, if there is one and it reads and decodes.
    pub fn get(&self, path: &str, hash: Hash) -> Option<Cached> {
        let &(h, start, len) = self.index.get(path)?;
        if h != hash {
            return None;
        }
        let mut blob = vec![0u8; len];
        read_exact_at(self.file.as_ref()?, &mut blob, start).ok()?;
        let mut e: EntryOwned = rmp_serde::from_slice(&blob).ok()?;
        drop(blob);
        e.article.text = crate::content::markdown::join(&mut e.article.paragraphs);
        (e.article.path == path).then_some(Cached {
            article: e.article,
            extracted: crate::extract::Extracted {
                times: e.times,
                events: e.events,
            },
        })
    }
}

/// How much of the file is read at a time while checking it.
const READ_CHUNK: usize = 1 << 20;

/// Reads `buf.len()` bytes of `file` from `offset`, without moving a shared
/// cursor, so that threads can read entries at once.
#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &std::fs::File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// One article's results to store.
pub struct Entry<'a> {
    pub hash: Hash,
    pub article: &'a Article,
    pub times: &'a [TimeMention],
    pub events: &'a [Event],
}

/// Writes `entries` as the cache under `site_root` for `context`, replacing
/// any previous cache atomically (see [`replace_file_with`]).
pub fn write(site_root: &Path, context: Hash, entries: &[Entry<'_>]) -> std::io::Result<()> {
    replace_file_with(site_root, CACHE_FILE, |file| {
        let mut out = Checksummed::new(std::io::BufWriter::with_capacity(1 << 20, file));
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&context.to_le_bytes())?;
        let mut spans = Vec::with_capacity(entries.len());
        for chunk in entries.chunks(WRITE_CHUNK) {
            let blobs: Vec<Vec<u8>> = chunk
                .par_iter()
                .map(|e| {
                    // The joined text is left out: it is rebuilt from the
                    // paragraphs on reading, which is cheaper than storing
                    // it twice. So is the HTML, which a load renders again
                    // from the file rather than trust (content::load_with).
                    let article = Article {
                        text: String::new(),
                        html: String::new(),
                        ..e.article.clone()
                    };
                    rmp_serde::to_vec_named(&EntryRef {
                        article: &article,
                        times: e.times,
                        events: e.events,
                    })
                    .map_err(std::io::Error::other)
                })
                .collect::<Result<_, _>>()?;
            for blob in blobs {
                spans.push((out.written, blob.len() as u64));
                out.write_all(&blob)?;
            }
        }
        let index_start = out.written;
        out.write_all(&(entries.len() as u64).to_le_bytes())?;
        for (e, (offset, len)) in entries.iter().zip(spans) {
            out.write_all(&(e.article.path.len() as u32).to_le_bytes())?;
            out.write_all(e.article.path.as_bytes())?;
            out.write_all(&e.hash.to_le_bytes())?;
            out.write_all(&offset.to_le_bytes())?;
            out.write_all(&len.to_le_bytes())?;
        }
        out.write_all(&index_start.to_le_bytes())?;
        let sum = out.hasher.digest();
        let mut inner = out.inner;
        inner.write_all(&sum.to_le_bytes())?;
        inner.flush()
    })
}

/// A writer that hashes and counts every byte it passes on.
struct Checksummed<W> {
    inner: W,
    hasher: xxhash_rust::xxh3::Xxh3,
    written: u64,
}

impl<W: std::io::Write> Checksummed<W> {
    fn new(inner: W) -> Self {
        Checksummed {
            inner,
            hasher: xxhash_rust::xxh3::Xxh3::new(),
            written: 0,
        }
    }
}

impl<W: std::io::Write> std::io::Write for Checksummed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes `data` as `name` in the site's cache folder, replacing any previous
/// file atomically; see [`replace_file_with`].
pub fn replace_file(site_root: &Path, name: &str, data: &[u8]) -> std::io::Result<()> {
    replace_file_with(site_root, name, |f| f.write_all(data))
}

/// Writes `name` in the site's cache folder with `write`, replacing any
/// previous file atomically: through a temporary file renamed into place, so
/// a build killed while writing leaves the old file or none.
pub fn replace_file_with(
    site_root: &Path,
    name: &str,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = site_root.join(CACHE_DIR);
    std::fs::create_dir_all(&dir)?;
    let tmp = dir.join(format!(".{name}.{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        write(&mut f)?;
        drop(f);
        std::fs::rename(&tmp, dir.join(name))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Where the cache file lives.
pub fn cache_file(site_root: &Path) -> PathBuf {
    site_root.join(CACHE_DIR).join(CACHE_FILE)
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len())?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::content_hash;
    use chrono_tz::Tz;

    const ARTICLE: &str = "---\ntitle: \"A <b>title</b>\"\ndate: 2025-02-09\nauthor: Jane Roe\ntags: [courts]\ncaption: A photo on Jan. 18.\nevents:\n  - date: 2025-01-28\n    mod: START\n    title: Talks open\n    actors: [Jane Roe]\n---\nFirst *para* on Friday.\n\n> Quoted on Jan. 5.\n\n- one\n- two\n\nSee [the other](other.md).\n";

    fn article() -> Article {
        crate::content::parse_article(ARTICLE.as_bytes(), Path::new("content/a.md"), Tz::UTC)
            .unwrap()
    }

    fn events(a: &Article) -> Vec<Event> {
        crate::timeline::curated::curated_events(a)
    }

    #[test]
    fn an_entry_round_trips_whole_but_its_html() {
        let dir = tempfile::tempdir().unwrap();
        let a = article();
        let ev = events(&a);
        assert!(!ev.is_empty());
        let hash = content_hash(ARTICLE.as_bytes());
        write(
            dir.path(),
            7,
            &[Entry {
                hash,
                article: &a,
                times: &[],
                events: &ev,
            }],
        )
        .unwrap();
        let cache = Cache::open(dir.path(), 7);
        assert_eq!(cache.len(), 1);
        let got = cache.get("content/a.md", hash).unwrap();
        // The HTML is not kept: a load renders it again from the file.
        assert!(got.article.html.is_empty());
        let expected = Article {
            html: String::new(),
            ..a.clone()
        };
        assert_eq!(
            got.article, expected,
            "every other Article field must survive the cache"
        );
        assert_eq!(got.extracted.events, ev);
        assert!(cache.get("content/a.md", hash ^ 1).is_none());
        assert!(cache.get("content/b.md", hash).is_none());
    }

    #[test]
    fn entries_written_in_several_chunks_are_each_found() {
        let dir = tempfile::tempdir().unwrap();
        let base = article();
        let ev = events(&base);
        let articles: Vec<Article> = (0..WRITE_CHUNK * 2 + 3)
            .map(|i| Article {
                path: format!("content/a{i}.md"),
                ..base.clone()
            })
            .collect();
        let entries: Vec<Entry> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| Entry {
                hash: i as Hash,
                article: a,
                times: &[],
                events: if i % 2 == 0 { &ev } else { &[] },
            })
            .collect();
        write(dir.path(), 3, &entries).unwrap();
        let cache = Cache::open(dir.path(), 3);
        assert_eq!(cache.len(), entries.len());
        for (i, a) in articles.iter().enumerate() {
            let got = cache.get(&a.path, i as Hash).unwrap();
            assert_eq!(got.article.path, a.path);
            assert_eq!(
                got.extracted.events.len(),
                if i % 2 == 0 { ev.len() } else { 0 }
            );
        }
    }

    #[test]
    fn another_context_or_a_damaged_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let a = article();
        let hash = content_hash(ARTICLE.as_bytes());
        let entry = Entry {
            hash,
            article: &a,
            times: &[],
            events: &[],
        };
        write(dir.path(), 1, std::slice::from_ref(&entry)).unwrap();
        assert!(Cache::open(dir.path(), 2).is_empty());
        let file = cache_file(dir.path());
        let mut bytes = std::fs::read(&file).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x55;
        std::fs::write(&file, &bytes).unwrap();
        assert!(Cache::open(dir.path(), 1).is_empty());
        bytes.truncate(mid);
        std::fs::write(&file, &bytes).unwrap();
        assert!(Cache::open(dir.path(), 1).is_empty());
        std::fs::write(&file, b"").unwrap();
        assert!(Cache::open(dir.path(), 1).is_empty());
    }

    /// A cache of the one test article and its events, for context 1.
    fn one_entry_cache() -> (tempfile::TempDir, Article, Hash, Vec<Event>) {
        let dir = tempfile::tempdir().unwrap();
        let a = article();
        let hash = content_hash(ARTICLE.as_bytes());
        let events = events(&a);
        let entry = Entry {
            hash,
            article: &a,
            times: &[],
            events: &events,
        };
        write(dir.path(), 1, std::slice::from_ref(&entry)).unwrap();
        (dir, a, hash, events)
    }

    #[test]
    fn any_one_damaged_byte_empties_the_cache_without_a_panic() {
        let (dir, ..) = one_entry_cache();
        let file = cache_file(dir.path());
        let good = std::fs::read(&file).unwrap();
        assert_eq!(Cache::open(dir.path(), 1).len(), 1);
        // The index offset and the checksum are read before the rest is
        // checked: a damaged one must still give an empty cache.
        for at in (0..good.len())
            .rev()
            .take(64)
            .chain((0..good.len()).step_by(7))
        {
            let mut bytes = good.clone();
            bytes[at] ^= 0xA5;
            std::fs::write(&file, &bytes).unwrap();
            assert!(Cache::open(dir.path(), 1).is_empty(), "byte {at} damaged");
        }
    }

    #[test]
    fn an_open_cache_reads_its_entries_after_the_file_is_replaced() {
        let (dir, a, hash, events) = one_entry_cache();
        let cache = Cache::open(dir.path(), 1);
        // A build in another process writes a new cache (by a rename) while
        // this one is still loading from the old.
        write(dir.path(), 1, &[]).unwrap();
        let got = cache
            .get(&a.path, hash)
            .expect("the entry of the file opened");
        assert_eq!(got.extracted.events, events);
    }

    #[test]
    fn a_new_tagger_version_does_not_reuse_the_old_results() {
        let dir = tempfile::tempdir().unwrap();
        let a = article();
        let hash = content_hash(ARTICLE.as_bytes());
        let parts = ["options"];
        let old = context_key_for("dateline 0.1.0 extract 1 exe 1", &parts);
        let new = context_key_for("dateline 0.1.0 extract 2 exe 1", &parts);
        assert_ne!(old, new);
        assert_ne!(
            context_key_for("dateline 0.1.0 extract 1 exe 2", &parts),
            old
        );
        assert!(tool_version().contains(&format!("extract {EXTRACT_VERSION}")));
        let entry = Entry {
            hash,
            article: &a,
            times: &[],
            events: &[],
        };
        write(dir.path(), old, std::slice::from_ref(&entry)).unwrap();
        assert_eq!(Cache::open(dir.path(), old).len(), 1);
        assert!(Cache::open(dir.path(), new).is_empty());
    }

    #[test]
    fn the_context_changes_with_every_part() {
        assert_ne!(context_key(&["a"]), context_key(&["b"]));
        assert_ne!(context_key(&["a", "b"]), context_key(&["ab"]));
        assert_eq!(context_key(&["a"]), context_key(&["a"]));
    }
}
