//! Turns a loaded site into pages: tera templates (the built-in theme,
//! overridden by the site's own templates/ file by file, as Zola does) fed
//! with context structs built here. Rendering happens in memory; writing is
//! the build's job.

pub mod archive;
pub mod card;
pub mod context;
pub mod exports;
mod filters;
pub mod overview;
pub mod pages;
pub mod relative;
pub mod search;
pub mod theme;
pub mod timemarks;

use crate::diagnostics::{Diagnostic, Diagnostics};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use tera::Tera;

pub const TEMPLATES_DIR: &str = "templates";

/// A page or asset to write, at a path relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Which pages to render: a build asks for all of them, `dateline serve`
/// for only those a change affects.
#[derive(Debug, Clone, Copy)]
pub struct Pages<'a> {
    pub index: bool,
    pub not_found: bool,
    /// The slugs of the article pages to render; `None` for every one.
    pub articles: Option<&'a HashSet<String>>,
}

impl Pages<'_> {
    pub const ALL: Pages<'static> = Pages {
        index: true,
        not_found: true,
        articles: None,
    };
}

/// Where rendered files go, each with its index in the fixed page order.
pub trait Sink: Sync {
    /// A whole file.
    fn file(&self, index: usize, file: OutputFile) -> anyhow::Result<()>;

    /// A large file that `write` produces piece by piece (the exports of a
    /// big timeline run to hundreds of megabytes). The default gathers it in
    /// memory; a sink that writes to disk streams it.
    fn stream(
        &self,
        index: usize,
        path: &Path,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
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

/// The template engine with the built-in theme and the site's overrides.
pub struct Renderer {
    tera: Tera,
    /// A hash of every template's name and text, built-in or the site's.
    fingerprint: u128,
    /// event.html is the built-in one, which [`card::write_card`] writes
    /// without tera.
    builtin_card: bool,
}

impl Renderer {
    /// Loads the built-in templates, then every `*.html` under the site's
    /// templates/ folder, which replaces a built-in of the same name.
    pub fn new(root: &Path) -> Result<Renderer, Diagnostics> {
        let mut templates: Vec<(String, String)> = theme::TEMPLATES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let dir = root.join(TEMPLATES_DIR);
        let mut problems = Diagnostics::default();
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir)
                .follow_links(false)
                .sort_by_file_name()
            {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        problems.push(Diagnostic::whole_file(
                            TEMPLATES_DIR,
                            format!("cannot read: {e}"),
                        ));
                        continue;
                    }
                };
                if !entry.file_type().is_file()
                    || entry.path().extension().is_none_or(|x| x != "html")
                {
                    continue;
                }
                let name = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                match std::fs::read_to_string(entry.path()) {
                    Ok(text) => {
                        templates.retain(|(n, _)| n != &name);
                        templates.push((name, text));
                    }
                    Err(e) => problems.push(Diagnostic::whole_file(
                        format!("{TEMPLATES_DIR}/{name}"),
                        format!("cannot read the template: {e}"),
                    )),
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        check_include_cycles(&templates)?;
        let builtin_card = theme::TEMPLATES
            .iter()
            .find(|(n, _)| *n == "event.html")
            .is_some_and(|(_, text)| {
                templates
                    .iter()
                    .any(|(n, t)| n == "event.html" && t.as_str() == *text)
            });
        let mut sources = String::new();
        for (name, text) in &templates {
            sources.push_str(&format!("{}\u{1}{name}\u{1}{text}", name.len()));
        }
        let fingerprint = xxhash_rust::xxh3::xxh3_128(sources.as_bytes());
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml", ".svg"]);
        tera.set_escape_fn(escape_html);
        filters::register(&mut tera);
        tera.add_raw_templates(templates)
            .map_err(|e| template_diagnostic(&e, None))?;
        Ok(Renderer {
            tera,
            fingerprint,
            builtin_card,
        })
    }

    /// Whether event.html is the built-in card, so cards can be written by
    /// [`card::write_card`] instead of through tera.
    pub fn builtin_card(&self) -> bool {
        self.builtin_card
    }

    /// Changes whenever any template does.
    pub fn fingerprint(&self) -> u128 {
        self.fingerprint
    }

    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(template, context)
            .map_err(|e| template_diagnostic(&e, Some(template)))
    }
}

/// Refuses templates that include, extend or import each other in a cycle:
/// tera would recurse until the stack overflows.
fn check_include_cycles(templates: &[(String, String)]) -> Result<(), Diagnostics> {
    static REFERENCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"\{%-?\s*(?:include|extends|import)\s+"([^"]+)""#).unwrap()
    });
    let mut edges: std::collections::BTreeMap<&str, Vec<(&str, usize)>> = Default::default();
    for (name, text) in templates {
        for m in REFERENCE.captures_iter(text) {
            let line = text[..m.get(0).map_or(0, |m| m.start())]
                .matches('\n')
                .count()
                + 1;
            edges
                .entry(name)
                .or_default()
                .push((m.get(1).map_or("", |m| m.as_str()), line));
        }
    }
    // Depth-first search from every template, reporting the first cycle found.
    fn visit<'a>(
        node: &'a str,
        edges: &std::collections::BTreeMap<&'a str, Vec<(&'a str, usize)>>,
        path: &mut Vec<(&'a str, usize)>,
        done: &mut std::collections::BTreeSet<&'a str>,
    ) -> Option<Vec<(&'a str, usize)>> {
        if done.contains(node) {
            return None;
        }
        for &(next, line) in edges.get(node).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(i) = path.iter().position(|(n, _)| *n == next) {
                let mut cycle = path[i..].to_vec();
                cycle.push((node, line));
                return Some(cycle);
            }
            if next == node {
                return Some(vec![(node, line)]);
            }
            path.push((node, line));
            let found = visit(next, edges, path, done);
            path.pop();
            if found.is_some() {
                return found;
            }
        }
        done.insert(node);
        None
    }
    let mut done = Default::default();
    for name in edges.keys() {
        if let Some(cycle) = visit(name, &edges, &mut Vec::new(), &mut done) {
            let (file, line) = cycle.last().copied().unwrap_or((name, 0));
            let names: Vec<&str> = cycle
                .iter()
                .map(|(n, _)| *n)
                .chain(std::iter::once(cycle[0].0))
                .collect();
            return Err(Diagnostic::new(
                format!("{TEMPLATES_DIR}/{file}"),
                line,
                0,
                format!(
                    "templates include each other in a loop: {}",
                    names.join(" -> ")
                ),
            )
            .with_help(
                "remove one of the includes so the templates no longer refer back to themselves",
            )
            .into());
        }
    }
    Ok(())
}

/// Escapes text for HTML and XML bodies and quoted attributes. Unlike tera's
/// default it leaves `/` alone, so URLs stay readable in the output.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A tera error as a diagnostic naming the template and, where tera gives
/// one, the line.
fn template_diagnostic(e: &tera::Error, template: Option<&str>) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let text = chain.join(": ");
    // The innermost template named ("while rendering 'event.html'") is the
    // one to fix, not the page that included it.
    let innermost = text
        .rsplit("while rendering '")
        .next()
        .filter(|_| text.contains("while rendering '"))
        .and_then(|rest| rest.split('\'').next());
    let name = innermost
        .or(template)
        .map(str::to_string)
        .or_else(|| text.split('\'').nth(1).map(str::to_string))
        .unwrap_or_else(|| "?".into());
    let (line, column) = text
        .split("--> ")
        .nth(1)
        .and_then(|rest| {
            let mut it = rest
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty());
            Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
        })
        .unwrap_or((0, 0));
    // tera's parse errors come with a drawn source excerpt; keep only its
    // "= what was expected" line, the position is in line/column already.
    let message = chain
        .iter()
        .map(
            |s| match s.lines().find_map(|l| l.trim_start().strip_prefix("= ")) {
                Some(expected) if s.contains("-->") => expected.to_string(),
                _ => s
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            },
        )
        .collect::<Vec<_>>()
        .join(": ");
    Diagnostic::new(format!("{TEMPLATES_DIR}/{name}"), line, column, message)
        .with_help("fix the template, or delete it from templates/ to use the built-in one")
}
