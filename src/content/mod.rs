//! Reads a site's content/: walks it for `*.md` articles, splits and parses
//! their front matter, renders their Markdown, and keeps each paragraph's
//! plain text with offsets for the tagger and the event extractor.
//!
//! Every bad article is reported; none is silently skipped.

pub mod frontmatter;
pub mod markdown;

use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::slug;
use chrono::{DateTime, Datelike, NaiveDate, TimeZone};
use chrono_tz::Tz;
use frontmatter::{CuratedEvent, Split};
use markdown::{BlockKind, Paragraph};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub const CONTENT_DIR: &str = "content";

/// One article, loaded and rendered. Every field is (de)serialised: the
/// build cache stores articles whole (src/cache.rs).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    pub slug: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// The publication date in the site's time zone: the anchor for relative dates.
    pub date: NaiveDate,
    pub source: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub draft: bool,
    pub example: bool,
    pub image: Option<String>,
    pub caption: Option<String>,
    pub html: String,
    /// Plain-text blocks in reading order; the caption, when there is one, first.
    pub paragraphs: Vec<Paragraph>,
    /// The paragraphs joined by blank lines; paragraph offsets point into it.
    pub text: String,
    pub curated_events: Vec<CuratedEvent>,
    /// 1-based line of each curated event in the file, for messages.
    pub curated_lines: Vec<usize>,
    pub exclude: Vec<String>,
    /// Links in the body to other articles' Markdown files.
    pub article_links: Vec<markdown::ArticleLink>,
}

/// One temporal expression of an article's text, as the article page needs
/// it: where it is and its TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeMention {
    /// Byte range in [`Article::text`], end exclusive.
    pub start: usize,
    pub end: usize,
    /// The TIMEX3 value: `2025-01-28`, `2025-W05`, `P3D`, `PRESENT_REF`, ...
    #[serde(flatten)]
    pub value: crate::temporal::TimexValue,
}

/// What to load.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    pub drafts: bool,
    /// Pass raw HTML in article bodies through unsanitised (config
    /// `allow_raw_html`).
    pub allow_raw_html: bool,
    /// Leave the HTML of articles read from the cache empty, for a command
    /// that shows no page (`summarize`): rendering it again from the file
    /// is a sixth of such a command's time.
    pub skip_html: bool,
}

/// Loads every article under `root/content`. Returns the articles sorted by
/// path, or every problem found.
pub fn load(root: &Path, tz: Tz, options: LoadOptions) -> Result<Vec<Article>, Diagnostics> {
    let loaded = load_with(root, tz, options, &|_, _| None::<((), Article)>)?;
    Ok(loaded.into_iter().map(|l| l.article).collect())
}

/// What [`load_with`] asks before parsing a file: given the article's path
/// and the hash of its bytes, an article already parsed from those bytes
/// and what is kept beside it.
pub type Lookup<'a, T> = dyn Fn(&str, crate::hash::Hash) -> Option<(T, Article)> + Sync + 'a;

/// One article as [`load_with`] gives it.
pub struct Loaded<T> {
    pub article: Article,
    /// The hash of the file's bytes ([`crate::hash::content_hash`]).
    pub hash: crate::hash::Hash,
    /// What the lookup gave with the article, when it knew the file.
    pub known: Option<T>,
    /// The HTML before links to other articles were resolved, for articles
    /// that have such links: what a cache must keep, since the targets'
    /// slugs may change without this file changing.
    pub unresolved_html: Option<String>,
}

/// Loads every article as [`load`] does, but first asks `lookup` (with the
/// article's path and the hash of its bytes) for an article already parsed
/// from those exact bytes, and for whatever else it keeps beside it. Files it
/// does not know are parsed. Runs in parallel, one file per task; calls
/// `each` once per file read.
pub fn load_with<T: Send>(
    root: &Path,
    tz: Tz,
    options: LoadOptions,
    lookup: &Lookup<'_, T>,
) -> Result<Vec<Loaded<T>>, Diagnostics> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Err(Diagnostic::whole_file(CONTENT_DIR, "no content/ folder in the site")
            .with_help("create content/ and put your Markdown articles in it, or run `dateline init` to start a site")
            .into());
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if let Ok(target) = content.canonicalize()
        && !target.starts_with(&canonical_root)
    {
        return Err(Diagnostic::whole_file(
            CONTENT_DIR,
            format!("a symlink to {}, outside the site", target.display()),
        )
        .with_help("keep the articles inside the site: move the folder into it, or make content/ a real folder")
        .into());
    }
    let (files, mut problems) = find_articles(root, &content);
    let results: Vec<Result<Loaded<T>, Diagnostics>> = files
        .par_iter()
        .map(|(abs, rel)| {
            let bytes = std::fs::read(abs).map_err(|e| {
                Diagnostic::whole_file(rel, format!("cannot read the file: {e}"))
                    .with_help("check the file's permissions")
            })?;
            let hash = crate::hash::content_hash(&bytes);
            let path = rel.to_string_lossy().replace('\\', "/");
            if let Some((known, mut article)) = lookup(&path, hash) {
                // The page's HTML is made again from the file, never taken
                // from the cache (which does not keep it): a cache file
                // someone rewrote (checksum and all) must not put markup of
                // its own on the site.
                let html = if options.skip_html {
                    Some(String::new())
                } else {
                    body_html(&bytes, rel, render_options(options))
                };
                if let Some(html) = html {
                    article.html = html;
                    return Ok(Loaded {
                        article,
                        hash,
                        known: Some(known),
                        unresolved_html: None,
                    });
                }
            }
            Ok(Loaded {
                article: parse_article_with(&bytes, rel, tz, render_options(options))?,
                hash,
                known: None,
                unresolved_html: None,
            })
        })
        .collect();
    let mut loaded = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(l) if l.article.draft && !options.drafts => {}
            Ok(l) => loaded.push(l),
            Err(e) => problems.extend(e),
        }
    }
    loaded.sort_by(|a, b| a.article.path.cmp(&b.article.path));
    let mut articles: Vec<Article> = loaded
        .iter_mut()
        .map(|l| {
            if !l.article.article_links.is_empty() {
                l.unresolved_html = Some(l.article.html.clone());
            }
            std::mem::replace(&mut l.article, empty_article())
        })
        .collect();
    check_slugs(&articles, &mut problems);
    resolve_article_links(&mut articles, &mut problems);
    for (l, a) in loaded.iter_mut().zip(articles) {
        l.article = a;
    }
    problems.sorted().into_result(loaded)
}

/// A placeholder while articles are moved out and back in.
fn empty_article() -> Article {
    Article {
        path: String::new(),
        slug: String::new(),
        title: String::new(),
        subtitle: None,
        date: NaiveDate::MIN,
        source: None,
        url: None,
        authors: Vec::new(),
        tags: Vec::new(),
        summary: None,
        draft: false,
        example: false,
        image: None,
        caption: None,
        html: String::new(),
        paragraphs: Vec::new(),
        text: String::new(),
        curated_events: Vec::new(),
        curated_lines: Vec::new(),
        exclude: Vec::new(),
        article_links: Vec::new(),
    }
}

/// Lists `*.md` files under content/, skipping hidden entries and refusing
/// symlinks that leave the site.
fn find_articles(root: &Path, content: &Path) -> (Vec<(PathBuf, PathBuf)>, Diagnostics) {
    let mut files = Vec::new();
    let mut problems = Diagnostics::default();
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = WalkDir::new(content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    for entry in
        walker.filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| rel_path(root, p))
                    .unwrap_or_else(|| PathBuf::from(CONTENT_DIR));
                problems.push(
                    Diagnostic::whole_file(path, format!("cannot read: {e}"))
                        .with_help("check the folder's permissions"),
                );
                continue;
            }
        };
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "md") {
            continue;
        }
        let rel = rel_path(root, path);
        if entry.path_is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => {}
                Ok(target) if !target.starts_with(&canonical_root) => {
                    problems.push(
                        Diagnostic::whole_file(
                            &rel,
                            format!("a symlink to {}, outside the site", target.display()),
                        )
                        .with_help("copy the article into content/ instead of linking to it"),
                    );
                    continue;
                }
                Ok(_) => continue,
                Err(e) => {
                    problems.push(
                        Diagnostic::whole_file(&rel, format!("a broken or looping symlink: {e}"))
                            .with_help("remove the link or point it at a file in the site"),
                    );
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            if !entry.file_type().is_dir() {
                problems.push(
                    Diagnostic::whole_file(&rel, "not a regular file (a pipe, socket or device)")
                        .with_help(
                            "replace it with a regular Markdown file or remove it from content/",
                        ),
                );
            }
            continue;
        }
        files.push((path.to_path_buf(), rel));
    }
    (files, problems)
}

fn rel_path(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}

/// Parses one article file's bytes; `rel` names it in messages.
pub fn parse_article(bytes: &[u8], rel: &Path, tz: Tz) -> Result<Article, Diagnostics> {
    parse_article_with(bytes, rel, tz, markdown::RenderOptions::default())
}

/// The Markdown options a load asks for.
pub fn render_options(options: LoadOptions) -> markdown::RenderOptions {
    markdown::RenderOptions {
        allow_raw_html: options.allow_raw_html,
    }
}

/// The sanitised HTML of an article file's body, as [`parse_article_with`]
/// renders it; None when the file does not parse.
fn body_html(bytes: &[u8], rel: &Path, render: markdown::RenderOptions) -> Option<String> {
    let text = decode(bytes, rel).ok()?;
    let split = frontmatter::split(&text, rel).ok()?;
    Some(markdown::render_with(split.body, split.body_offset, split.body_first_line, render).html)
}

/// Parses one article as [`parse_article`] does, with explicit Markdown
/// options.
pub fn parse_article_with(
    bytes: &[u8],
    rel: &Path,
    tz: Tz,
    render: markdown::RenderOptions,
) -> Result<Article, Diagnostics> {
    let text = decode(bytes, rel)?;
    let split = frontmatter::split(&text, rel)?;
    let fm = frontmatter::parse(&split, rel)?;
    let mut problems = Diagnostics::default();
    if fm.title.trim().is_empty() {
        let (line, column) = frontmatter::field_position(&split, "title");
        problems.push(
            Diagnostic::new(rel, line, column, "`title` is empty")
                .with_help("give the article its headline"),
        );
    }
    let date = match publication_date(&fm.date, tz) {
        Ok(d) => Some(d),
        Err(msg) => {
            let (line, column) = frontmatter::field_position(&split, "date");
            problems.push(
                Diagnostic::new(rel, line, column, msg)
                    .with_help("write the publication date as YYYY-MM-DD, or as an RFC 3339 date-time with an offset such as 2025-02-09T14:30:00+01:00"),
            );
            None
        }
    };
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = match &fm.slug {
        Some(s) => {
            if let Err((msg, help)) = validate_slug(s) {
                let (line, column) = frontmatter::field_position(&split, "slug");
                problems.push(Diagnostic::new(rel, line, column, msg).with_help(help));
            }
            s.clone()
        }
        None => slug::file_slug(&stem),
    };
    if slug.is_empty() {
        problems.push(
            Diagnostic::whole_file(rel, "cannot make a URL slug from the file name")
                .with_help("add `slug: some-words` to the front matter"),
        );
    }
    for url_field in ["url", "image"] {
        let value = if url_field == "url" {
            &fm.url
        } else {
            &fm.image
        };
        if let Some(u) = value
            && markdown::is_script_url(u)
        {
            let (line, column) = frontmatter::field_position(&split, url_field);
            problems.push(
                Diagnostic::new(rel, line, column, format!("`{url_field}` is a script URL"))
                    .with_help("use an http(s) or relative URL"),
            );
        }
    }
    let curated_lines = curated_event_lines(&split, fm.events.len());
    for (ev, line) in fm.events.iter().zip(&curated_lines) {
        if crate::temporal::Timex::parse(&ev.date).is_none() {
            problems.push(
                Diagnostic::new(
                    rel,
                    *line,
                    1,
                    format!("cannot read the event date `{}`", ev.date),
                )
                .with_help(
                    "use a TIMEX3 value: 2025-01-28, 2025-W05, 2025-01, 2025-Q1, 2025-SU or 2022",
                ),
            );
        }
        if let Some(m) = &ev.modifier
            && crate::temporal::Modifier::parse(m).is_none()
        {
            problems.push(
                Diagnostic::new(rel, *line, 1, format!("unknown event `mod` `{m}`"))
                    .with_help("use START, MID, END or APPROX"),
            );
        }
    }
    let Some(date) = date else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }

    let rendered =
        markdown::render_with(split.body, split.body_offset, split.body_first_line, render);
    let mut paragraphs = rendered.paragraphs;
    if let Some(caption) = fm.caption.as_ref().filter(|c| !c.trim().is_empty()) {
        let (line, _) = frontmatter::field_position(&split, "caption");
        paragraphs.insert(
            0,
            Paragraph {
                kind: BlockKind::Caption,
                text: markdown::collapse_whitespace(caption),
                line,
                source_start: 0,
                source_end: 0,
                offset: 0,
                anchor: Some("caption".into()),
            },
        );
    }
    let joined = markdown::join(&mut paragraphs);
    Ok(Article {
        path: rel.to_string_lossy().replace('\\', "/"),
        slug,
        title: fm.title,
        subtitle: fm.subtitle,
        date,
        source: fm.source,
        url: fm.url.filter(|u| !u.trim().is_empty()),
        authors: fm.authors.map(|a| a.into_vec()).unwrap_or_default(),
        tags: fm.tags,
        summary: fm.summary,
        draft: fm.draft,
        example: fm.example,
        image: fm.image,
        caption: fm.caption,
        html: rendered.html,
        paragraphs,
        text: joined,
        curated_events: fm.events,
        curated_lines,
        exclude: fm.exclude,
        article_links: rendered.article_links,
    })
}

/// Points each link to another article's `.md` file at that article's page,
/// and reports links to files that are not (loaded) articles.
pub fn resolve_article_links(articles: &mut [Article], problems: &mut Diagnostics) {
    let slugs: BTreeMap<String, String> = articles
        .iter()
        .map(|a| (a.path.clone(), a.slug.clone()))
        .collect();
    for article in articles.iter_mut() {
        if article.article_links.is_empty() {
            continue;
        }
        match resolved_html(article, &article.html, |p| slugs.get(p).map(String::as_str)) {
            Ok(html) => article.html = html,
            Err(d) => problems.extend(d),
        }
    }
}

/// `raw_html`, the article's HTML as rendered (before its links were
/// resolved), with each link to another article's `.md` file pointing at
/// that article's page; `slug_of` gives the slug of the article at a path,
/// if there is one. Every link to a file that is no (loaded) article is
/// reported.
pub fn resolved_html<'a>(
    article: &Article,
    raw_html: &str,
    slug_of: impl Fn(&str) -> Option<&'a str>,
) -> Result<String, Diagnostics> {
    let mut html = raw_html.to_string();
    let mut problems = Diagnostics::default();
    for link in &article.article_links {
        let key = link_path(&article.path, &link.target);
        let marker = format!("{}{}", markdown::ARTICLE_LINK_MARKER, link.target);
        match slug_of(&key) {
            Some(slug) => {
                html = html.replace(&marker, &format!("../{slug}/"));
            }
            None => problems.push(
                Diagnostic::new(
                    &article.path,
                    link.line,
                    link.column,
                    format!("links to `{}`, which is not an article in the site", link.target),
                )
                .with_help(format!(
                    "fix the path (it was read as {key}), or remove the link; draft articles count only with --drafts"
                )),
            ),
        }
    }
    problems.into_result(html)
}

/// The path from the site root of the file that a link `target` in the
/// article at `article_path` points at.
pub fn link_path(article_path: &str, target: &str) -> String {
    let dir = Path::new(article_path).parent().unwrap_or(Path::new(""));
    let mut resolved = PathBuf::new();
    for c in dir.join(target).components() {
        match c {
            std::path::Component::ParentDir => {
                resolved.pop();
            }
            std::path::Component::CurDir => {}
            other => resolved.push(other),
        }
    }
    resolved.to_string_lossy().replace('\\', "/")
}

/// Bytes to text: rejects invalid UTF-8 and binary files with the position of
/// the first bad byte, drops a BOM, and turns CRLF and CR line ends into LF.
fn decode(bytes: &[u8], rel: &Path) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = line_col(&String::from_utf8_lossy(&bytes[..pos]), pos);
        return Err(Diagnostic::new(
            rel,
            line,
            column,
            "a NUL byte: this looks like a binary file, not Markdown",
        )
        .with_help("remove the file from content/ or save it as plain UTF-8 text"));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let pos = e.valid_up_to();
            let valid = std::str::from_utf8(&bytes[..pos]).unwrap_or_default();
            let (line, column) = line_col(valid, pos);
            return Err(Diagnostic::new(rel, line, column, format!("invalid UTF-8 (byte 0x{:02X})", bytes[pos]))
                .with_help("save the file as UTF-8; if it came from Word or a CMS export, re-export it as UTF-8 text"));
        }
    };
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

/// Reads the front matter `date`: YYYY-MM-DD, or an RFC 3339 date-time whose
/// calendar day is taken in the site's time zone.
fn publication_date(value: &serde_yaml::Value, tz: Tz) -> Result<NaiveDate, String> {
    let s = match value {
        serde_yaml::Value::String(s) => s.trim(),
        serde_yaml::Value::Number(n) => {
            return Err(format!("`date` is the number {n}, not a date"));
        }
        serde_yaml::Value::Null => return Err("`date` is empty".into()),
        _ => return Err("`date` must be a date like 2025-02-09, not a list or a map".into()),
    };
    let date = if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        d
    } else if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        tz.from_utc_datetime(&dt.naive_utc()).date_naive()
    } else if let (Some(day), Some(rest)) = (s.get(..10), s.get(10..))
        && NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok()
    {
        // Sliced with get(): a multi-byte character may sit at byte 10
        // (found by fuzzing).
        let has_offset =
            s.ends_with('Z') || rest.contains('+') || rest.rfind('-').is_some_and(|i| i > 0);
        return Err(if has_offset {
            format!(
                "`date` `{s}` is not a valid date-time: check the time and the UTC offset (from -23:59 to +23:59)"
            )
        } else {
            format!("`date` `{s}` has a time but no UTC offset")
        });
    } else {
        return Err(format!("`date` `{s}` is not a date"));
    };
    if !(1..=9999).contains(&date.year()) {
        return Err(format!(
            "`date` `{s}` is out of range: use a year from 0001 to 9999"
        ));
    }
    Ok(date)
}

const RESERVED_SLUGS: &[&str] = &[
    "index", "static", "actors", "tags", "events", "key", "assets",
];

/// What is wrong with a slug written in front matter, and what to do.
fn validate_slug(s: &str) -> Result<(), (String, &'static str)> {
    const FORM: &str = "use lowercase letters, digits and hyphens, e.g. `putin-remarks`";
    if s.is_empty() {
        return Err(("`slug` is empty".into(), FORM));
    }
    if s.contains('/') || s.contains('\\') || s.contains("..") {
        return Err((
            format!("`slug` `{s}` contains a path separator or `..`"),
            FORM,
        ));
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        return Err((
            format!("`slug` `{s}` may only hold lowercase letters, digits, `-` and `_`"),
            FORM,
        ));
    }
    if RESERVED_SLUGS.contains(&s) {
        return Err((format!("`slug` `{s}` is reserved by dateline"), FORM));
    }
    if s.len() > slug::MAX_FILE_NAME {
        // The page is a folder of that name, which no common file system
        // takes; dateline shortens the slugs it makes, never one written.
        return Err((
            format!(
                "`slug` is {} characters long; a folder name takes at most {}",
                s.len(),
                slug::MAX_FILE_NAME
            ),
            "shorten it, or remove `slug:` and dateline makes one from the file name",
        ));
    }
    Ok(())
}

/// The file line of each `- ` item under `events:`, best effort.
fn curated_event_lines(split: &Split<'_>, n: usize) -> Vec<usize> {
    let (events_line, _) = frontmatter::field_position(split, "events");
    let mut lines = Vec::with_capacity(n);
    let mut in_events = false;
    for (i, line) in split.yaml.lines().enumerate() {
        let file_line = split.yaml_first_line + i;
        if file_line == events_line {
            in_events = true;
            continue;
        }
        if in_events {
            let t = line.trim_start();
            if !line.starts_with(' ') && !line.starts_with('-') && !t.is_empty() {
                break;
            }
            if t.starts_with("- ") && (line.len() - t.len()) <= 2 {
                lines.push(file_line);
            }
        }
    }
    lines.resize(n, events_line);
    lines
}

fn check_slugs(articles: &[Article], problems: &mut Diagnostics) {
    let mut by_slug: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for a in articles {
        by_slug.entry(a.slug.as_str()).or_default().push(&a.path);
    }
    for (slug, paths) in by_slug {
        if paths.len() > 1 {
            for path in &paths {
                problems.push(slug_clash(path, slug, &paths));
            }
        }
    }
}

/// The error of the article at `path` whose slug `slug` the articles at
/// `paths` (itself included, sorted) share.
pub fn slug_clash(path: &str, slug: &str, paths: &[&str]) -> Diagnostic {
    Diagnostic::whole_file(
        path,
        format!(
            "the slug `{slug}` is used by {} articles: {}",
            paths.len(),
            paths.join(", ")
        ),
    )
    .with_help("give one of them its own `slug:` in the front matter, or rename the file")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Article, Diagnostics> {
        parse_article(text.as_bytes(), Path::new("content/a.md"), Tz::UTC)
    }

    #[test]
    fn reads_a_whole_article() {
        let a = parse("---\ntitle: T\ndate: 2025-02-09\ntags: [x]\ncaption: A photo on Jan. 18.\n---\nBody text.\n").unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2025, 2, 9).unwrap());
        assert_eq!(a.slug, "a");
        assert_eq!(a.paragraphs[0].kind, BlockKind::Caption);
        assert_eq!(a.text, "A photo on Jan. 18.\n\nBody text.");
        assert_eq!(a.paragraphs[1].line, 7);
    }

    #[test]
    fn rfc3339_dates_take_the_day_in_the_site_zone() {
        let text = "---\ntitle: T\ndate: 2025-02-09T23:30:00-05:00\n---\n";
        let utc = parse_article(text.as_bytes(), Path::new("a.md"), Tz::UTC).unwrap();
        assert_eq!(utc.date, NaiveDate::from_ymd_opt(2025, 2, 10).unwrap());
        let ny = parse_article(
            text.as_bytes(),
            Path::new("a.md"),
            chrono_tz::America::New_York,
        )
        .unwrap();
        assert_eq!(ny.date, NaiveDate::from_ymd_opt(2025, 2, 9).unwrap());
    }

    #[test]
    fn a_word_for_a_date_is_an_error_on_its_line() {
        let e = parse("---\ntitle: T\ndate: yesterday\n---\n").unwrap_err();
        assert_eq!((e.0[0].line, e.0[0].column), (3, 1));
        assert!(e.0[0].message.contains("`yesterday` is not a date"));
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let a = parse_article(
            b"\xEF\xBB\xBF---\r\ntitle: T\r\ndate: 2025-01-01\r\n---\r\nHi.\r\n",
            Path::new("a.md"),
            Tz::UTC,
        )
        .unwrap();
        assert_eq!(a.text, "Hi.");
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let e = parse_article(b"---\ntitle: T\xFF\n", Path::new("a.md"), Tz::UTC).unwrap_err();
        assert_eq!((e.0[0].line, e.0[0].column), (2, 9));
    }

    #[test]
    fn slugs_with_separators_are_refused() {
        let e = parse("---\ntitle: T\ndate: 2025-01-01\nslug: ../x\n---\n").unwrap_err();
        assert_eq!(e.0[0].line, 4);
    }

    #[test]
    fn javascript_urls_are_refused() {
        let e = parse("---\ntitle: T\ndate: 2025-01-01\nurl: \" JavaScript:alert(1)\"\n---\n")
            .unwrap_err();
        assert!(e.0[0].message.contains("script URL"));
    }
}
