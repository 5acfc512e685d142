//! Splits an article file into its YAML front matter and Markdown body, and
//! parses the front matter strictly. This is the only place serde_yaml reads
//! an article.

use crate::config::{key_position, yaml_diagnostic};
use crate::diagnostics::{Diagnostic, Diagnostics};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// An article file cut in two. Offsets are bytes into the file text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line in the file.
    pub yaml_first_line: usize,
    pub body: &'a str,
    /// Byte offset of the body in the file text.
    pub body_offset: usize,
    /// 1-based line where the body starts.
    pub body_first_line: usize,
}

/// Finds the `---` fenced block at the top of `text`. The text must already
/// have its BOM removed.
pub fn split<'a>(text: &'a str, file: &Path) -> Result<Split<'a>, Diagnostic> {
    let first_line_end = text.find('\n').map_or(text.len(), |p| p + 1);
    if text.trim().is_empty() {
        return Err(Diagnostic::whole_file(file, "the file is empty")
            .with_help("start the file with a front matter block: a `---` line, `title:` and `date:`, another `---` line, then the article"));
    }
    if text[..first_line_end].trim_end() != "---" {
        return Err(Diagnostic::new(file, 1, 1, "no front matter: the file must start with a `---` line")
            .with_help("add `---`, `title: ...`, `date: YYYY-MM-DD` and a closing `---` at the top of the file"));
    }
    let mut offset = first_line_end;
    for (line_no, line) in (2..).zip(text[first_line_end..].split_inclusive('\n')) {
        if line.trim_end() == "---" {
            let body_offset = offset + line.len();
            return Ok(Split {
                yaml: &text[first_line_end..offset],
                yaml_first_line: 2,
                body: &text[body_offset..],
                body_offset,
                body_first_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::new(
        file,
        1,
        1,
        "the front matter is never closed: no second `---` line",
    )
    .with_help("add a line with just `---` after the last front matter field"))
}

/// Either one value or a list of them: `authors: Jane` or `authors: [Jane, Joe]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// By hand rather than `untagged`, whose error names neither the value's
/// line nor what was expected ("data did not match any variant of untagged
/// enum OneOrMany", at the start of the front matter).
impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Names;
        impl<'de> serde::de::Visitor<'de> for Names {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a name or a list of names")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(OneOrMany::Many(names))
            }
        }
        d.deserialize_any(Names)
    }
}

impl OneOrMany {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// The front matter fields, exactly as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// Kept as written and parsed by the loader so its errors can say what
    /// forms are accepted.
    pub date: serde_yaml::Value,
    #[serde(default)]
    pub subtitle: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// `author:` is accepted too, as Hugo and most CMS exports write it.
    #[serde(default, alias = "author")]
    pub authors: Option<OneOrMany>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub caption: Option<String>,
    /// Marks an article written as an example, not real reporting.
    #[serde(default)]
    pub example: bool,
    /// Hand-curated events; they join the timeline beside extracted ones.
    #[serde(default)]
    pub events: Vec<CuratedEvent>,
    /// Ids of extracted events to suppress.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// An event written by hand in front matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedEvent {
    /// A TIMEX3-style value: `2025-01-28`, `2025-W05`, `2025-01`, `2025-Q1`, `2022`.
    pub date: String,
    /// `START`, `MID`, `END` or `APPROX`.
    #[serde(default, rename = "mod")]
    pub modifier: Option<String>,
    pub title: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
}

/// Parses the YAML of a split file. Errors carry file lines, not YAML lines.
pub fn parse(split: &Split<'_>, file: &Path) -> Result<FrontMatter, Diagnostics> {
    if split.yaml.contains('\t') {
        let offset = split.yaml.find('\t').unwrap_or(0);
        let (line, column) = crate::diagnostics::line_col(split.yaml, offset);
        return Err(Diagnostic::new(
            file,
            line + split.yaml_first_line - 1,
            column,
            "a tab character in the front matter",
        )
        .with_help("YAML does not allow tabs for indentation: use spaces")
        .into());
    }
    if split.yaml.trim().is_empty() {
        return Err(
            Diagnostic::new(file, split.yaml_first_line, 1, "the front matter is empty")
                .with_help("add at least `title:` and `date: YYYY-MM-DD`")
                .into(),
        );
    }
    serde_yaml::from_str::<FrontMatter>(split.yaml).map_err(|e| {
        let mut d = yaml_diagnostic(
            &e,
            file,
            split.yaml_first_line - 1,
            "see the README's list of front matter fields",
        );
        if let Some(field) = missing_field(&d.message) {
            d.line = split.yaml_first_line;
            d.column = 1;
            d.help = Some(match field {
                "date" => "add `date: YYYY-MM-DD`, the article's publication date".to_string(),
                "title" => "add `title: ...`, the article's headline".to_string(),
                other => format!("add `{other}:`"),
            });
        }
        Diagnostics::from(d)
    })
}

fn missing_field(message: &str) -> Option<&str> {
    let rest = message.split("missing field `").nth(1)?;
    rest.split('`').next()
}

/// Where a front matter key sits in the file, 1-based.
pub fn field_position(split: &Split<'_>, key: &str) -> (usize, usize) {
    let (line, column) = key_position(split.yaml, key);
    (line + split.yaml_first_line - 1, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("content/a.md")
    }

    #[test]
    fn splits_yaml_and_body_with_lines() {
        let s = split("---\ntitle: A\n---\nBody\n", p()).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_first_line, 4);
    }

    #[test]
    fn crlf_fences_are_accepted() {
        let s = split("---\r\ntitle: A\r\n---\r\nBody\r\n", p()).unwrap();
        assert_eq!(s.yaml, "title: A\r\n");
        assert_eq!(s.body, "Body\r\n");
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        let e = split("---\ntitle: A\nBody\n", p()).unwrap_err();
        assert!(e.message.contains("never closed"));
    }

    #[test]
    fn missing_title_names_the_field() {
        let s = split("---\ndate: 2025-01-01\n---\n", p()).unwrap();
        let e = parse(&s, p()).unwrap_err();
        assert!(
            e.0[0].message.contains("missing field `title`"),
            "{}",
            e.0[0].message
        );
    }

    #[test]
    fn unknown_field_points_at_its_line() {
        let s = split("---\ntitle: A\ndate: 2025-01-01\ncolour: X\n---\n", p()).unwrap();
        let e = parse(&s, p()).unwrap_err();
        assert_eq!(e.0[0].line, 4);
        assert!(e.0[0].message.contains("unknown field `colour`"));
    }
}
