//! Three jobs before compiling:
//! - embeds the default theme: every file in templates/ and static/ becomes
//!   an entry of `theme::TEMPLATES` / `theme::STATIC` (sorted by name), so
//!   adding a template or an asset is adding the file;
//! - registers the languages: each pair of word files
//!   `src/temporal/lexicon/xx.rs` and `src/extract/lexicon/xx.rs` becomes a
//!   `Language` variant (named by the first words of the tagger's file,
//!   "//! English: ...", its tag the file's name) with its arms, so adding a
//!   language is adding the two files (see [`register_languages`]);
//! - tells the tests whether the shared corpora (`../shared` beside the
//!   repository) are present: with them, `cfg(shared_corpora)` is set and
//!   the corpus tests run; without them those tests are ignored with a reason.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    embed_theme();
    register_languages();
    println!("cargo::rustc-check-cfg=cfg(shared_corpora)");
    let shared = Path::new("../shared");
    if shared.is_dir() {
        println!("cargo::rustc-cfg=shared_corpora");
        println!("cargo::rerun-if-changed=../shared");
    } else {
        // Rerun when something appears beside the repository.
        println!("cargo::rerun-if-changed=..");
    }
    println!("cargo::rerun-if-changed=build.rs");
}

/// Writes `$OUT_DIR/theme.rs`: the two arrays, each file by `include_*!`
/// of its absolute path.
fn embed_theme() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut out = String::new();
    for (folder, array, ty, include) in [
        ("templates", "TEMPLATES", "&str", "include_str"),
        ("static", "STATIC", "&[u8]", "include_bytes"),
    ] {
        let dir = Path::new(&root).join(folder);
        println!("cargo::rerun-if-changed={}", dir.display());
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .map(|e| e.expect("a readable folder entry"))
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        writeln!(out, "pub const {array}: &[(&str, {ty})] = &[").unwrap();
        for name in names {
            let path = dir.join(&name);
            writeln!(
                out,
                "    ({name:?}, {include}!({:?})),",
                path.display().to_string()
            )
            .unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    write_out("theme.rs", &out);
}

/// The language a site reads when its config names none.
const DEFAULT_LANGUAGE: &str = "en";

/// One language's pair of word files.
struct WordFiles {
    /// The primary subtag: the files' name ("en").
    tag: String,
    /// The `Language` variant: the first word of the tagger file's first
    /// line ("//! English: ...").
    name: String,
    /// Whether the files are compiled into tests only (`#![cfg(test)]`).
    test_only: bool,
}

/// Writes `$OUT_DIR/temporal_languages.rs` (the word modules of the
/// tagger, the `Language` enum, its tags and the tagger's word lists of
/// each) and `$OUT_DIR/extract_languages.rs` (the extractor's word modules
/// and `extract::lexicon::of`), from the word files there are. A language
/// with one file and not the other stops the build, saying which is
/// missing.
fn register_languages() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let folder = |stage: &str| Path::new(&root).join("src").join(stage).join("lexicon");
    let (tagger, extractor) = (folder("temporal"), folder("extract"));
    let tags = |dir: &Path| -> Vec<String> {
        println!("cargo::rerun-if-changed={}", dir.display());
        let mut tags: Vec<String> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .map(|e| e.expect("a readable folder entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
            .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
            .filter(|stem| stem != "mod")
            .collect();
        tags.sort();
        tags
    };
    let (tagger_tags, extractor_tags) = (tags(&tagger), tags(&extractor));
    for (have, dir, lacking) in [
        (&tagger_tags, &extractor, &extractor_tags),
        (&extractor_tags, &tagger, &tagger_tags),
    ] {
        if let Some(tag) = have.iter().find(|t| !lacking.contains(t)) {
            panic!(
                "the language `{tag}` has no word file {}: a language is one file in \
                 src/temporal/lexicon/ and one in src/extract/lexicon/",
                dir.join(format!("{tag}.rs")).display()
            );
        }
    }
    let mut languages: Vec<WordFiles> = tagger_tags
        .iter()
        .map(|tag| word_files(tag, &tagger.join(format!("{tag}.rs"))))
        .collect();
    // The languages built always come first, so a test-only one adds a
    // last variant and leaves the others' numbers alone.
    languages.sort_by_key(|l| l.test_only);
    assert!(
        languages
            .iter()
            .any(|l| l.tag == DEFAULT_LANGUAGE && !l.test_only),
        "no word files for the default language `{DEFAULT_LANGUAGE}`"
    );

    let cfg = |l: &WordFiles| if l.test_only { "#[cfg(test)]\n" } else { "" };
    let modules = |dir: &Path| -> String {
        languages
            .iter()
            .map(|l| {
                let path = dir.join(format!("{}.rs", l.tag));
                format!(
                    "{}#[path = {:?}]\nmod {};\n",
                    cfg(l),
                    path.display().to_string(),
                    l.tag
                )
            })
            .collect()
    };
    let arms = |indent: &str| -> String {
        languages
            .iter()
            .map(|l| {
                let cfg = if l.test_only {
                    format!("{indent}#[cfg(test)]\n")
                } else {
                    String::new()
                };
                format!("{cfg}{indent}Language::{} => &{}::WORDS,\n", l.name, l.tag)
            })
            .collect()
    };
    // The constant lists, once for a build and once for its tests when a
    // test-only language differs.
    let lists = |name: &str, ty: &str, item: &dyn Fn(&WordFiles) -> String| -> String {
        let list = |test: bool| -> String {
            let items: Vec<String> = languages
                .iter()
                .filter(|l| test || !l.test_only)
                .map(item)
                .collect();
            format!(
                "    pub const {name}: &'static [{ty}] = &[{}];\n",
                items.join(", ")
            )
        };
        if languages.iter().any(|l| l.test_only) {
            format!(
                "    #[cfg(not(test))]\n{}    #[cfg(test)]\n{}",
                list(false),
                list(true)
            )
        } else {
            list(false)
        }
    };

    let mut out =
        String::from("// Written by build.rs from the word files in src/temporal/lexicon/.\n");
    out.push_str(&modules(&tagger));
    out.push_str(
        "\n/// A language there are word lists for: a pair of word files,\n\
         /// `src/temporal/lexicon/xx.rs` and `src/extract/lexicon/xx.rs`, that\n\
         /// build.rs finds. Its number is its place in [`Language::ALL`].\n\
         #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]\n\
         pub enum Language {\n",
    );
    for l in &languages {
        if l.test_only {
            out.push_str("    #[cfg(test)]\n");
        }
        if l.tag == DEFAULT_LANGUAGE {
            out.push_str("    #[default]\n");
        }
        writeln!(out, "    #[serde(rename = {:?})]\n    {},", l.tag, l.name).unwrap();
    }
    out.push_str("}\n\nimpl Language {\n");
    out.push_str("    /// The primary subtags of the languages there are word lists for,\n    /// in the order of [`Language::ALL`].\n");
    out.push_str(&lists("KNOWN", "&'static str", &|l| format!("{:?}", l.tag)));
    out.push_str("    /// Every language there are word lists for.\n");
    out.push_str(&lists("ALL", "Language", &|l| {
        format!("Language::{}", l.name)
    }));
    out.push_str(
        "\n    /// The tagger's word lists of this language.\n    \
         pub fn words(self) -> &'static Words {\n        match self {\n",
    );
    out.push_str(&arms("            "));
    out.push_str("        }\n    }\n}\n");
    write_out("temporal_languages.rs", &out);

    let mut out =
        String::from("// Written by build.rs from the word files in src/extract/lexicon/.\n");
    out.push_str(&modules(&extractor));
    out.push_str(
        "\n/// The extractor's word lists of `language`.\n\
         pub fn of(language: Language) -> &'static Words {\n    match language {\n",
    );
    out.push_str(&arms("        "));
    out.push_str("    }\n}\n");
    write_out("extract_languages.rs", &out);
}

/// What the tagger's word file at `path` says of its language.
fn word_files(tag: &str, path: &Path) -> WordFiles {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let name: String = text
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("//! "))
        .map(|rest| {
            rest.chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect()
        })
        .unwrap_or_default();
    assert!(
        name.starts_with(|c: char| c.is_ascii_uppercase()),
        "{} must open with the language's name in English, \"//! English: ...\"",
        path.display()
    );
    assert!(
        tag.chars().all(|c| c.is_ascii_lowercase()),
        "{}: a word file is named by the language's primary subtag in lower case (\"en.rs\")",
        path.display()
    );
    WordFiles {
        tag: tag.to_string(),
        name,
        test_only: text.lines().any(|line| line.trim() == "#![cfg(test)]"),
    }
}

fn write_out(name: &str, text: &str) {
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(&dest, text).unwrap_or_else(|e| panic!("writing {}: {e}", dest.display()));
}
