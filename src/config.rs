//! The site's config file, `dateline.yaml` at the site root, strictly parsed:
//! unknown keys and wrong types are errors naming the file, line and key. A
//! site without the file builds with the defaults.

use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::temporal::{DateOrder, Language, Mode, Tagger, TaggerOptions};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "dateline.yaml";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The site's name, shown in every page header.
    pub title: String,
    pub description: String,
    /// Where the site will be published, e.g. `https://example.org/timeline/`.
    /// Links inside the site are made relative to it.
    pub base_url: String,
    /// BCP 47 language tag of the articles: `<html lang>`, and the word
    /// lists the tagger reads dates with (by its primary subtag, `en`).
    pub language: String,
    /// IANA time zone used to read article dates given as date-times.
    pub timezone: String,
    /// Output folder, relative to the site root.
    pub output_dir: String,
    /// Replace the output folder even when it holds files dateline did not
    /// write (as `build --force` does).
    pub force_output: bool,
    /// Pass raw HTML in article bodies through as written. Off by default:
    /// bodies are sanitised with an allow-list, so an article cannot inject
    /// scripts into the site.
    pub allow_raw_html: bool,
    /// Options of the temporal tagger.
    pub tagger: TaggerConfig,
    /// How many days the "Key events" view lists; unset: by the size of the
    /// site (about two per hundred articles, 5 to 50).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_dates: Option<usize>,
    /// Events whose confidence (0 to 1, after merging) is below this are
    /// left off the site; curated events are always kept.
    pub min_confidence: f32,
    /// At most this many events on one page of an actor or a tag (Zola's
    /// `paginate_by`); later events go on `page/2/`, `page/3/`, ...
    pub paginate_by: usize,
    /// What `index.html` shows: the whole timeline, or the key days with
    /// the archive a click away; `auto` chooses by the number of events.
    pub front_page: FrontPage,
    /// Write links relative to each page, with `index.html` spelled out,
    /// so the output works opened from disk (`build --relative-urls`).
    pub relative_urls: bool,
}

/// What a site's front page shows (the `front_page` config key).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrontPage {
    /// The timeline up to [`FrontPage::TIMELINE_MAX_EVENTS`] events, the
    /// key days above.
    #[default]
    Auto,
    /// Every event, whatever the size of the site.
    Timeline,
    /// The key days, each linking to its place in the archive.
    KeyDates,
}

impl FrontPage {
    /// The most events `auto` puts on a timeline front page: a few hundred
    /// cards (about 1.5 KB each) make a page of half a megabyte, which
    /// still opens at once; more would not, and no page may list more than
    /// 500 cards.
    pub const TIMELINE_MAX_EVENTS: usize = 300;

    /// Whether a site of `events` events gets the key days on its front
    /// page.
    pub fn key_dates(self, events: usize) -> bool {
        match self {
            FrontPage::Auto => events > Self::TIMELINE_MAX_EVENTS,
            FrontPage::Timeline => false,
            FrontPage::KeyDates => true,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TaggerConfig {
    /// `news` resolves relative dates against the article date, `narrative`
    /// against the last mentioned date.
    pub mode: Mode,
    /// How to read `1/2/2025`: `month_day` (US) or `day_month`.
    pub date_order: DateOrder,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Timeline".into(),
            description: String::new(),
            base_url: "/".into(),
            language: "en".into(),
            timezone: "UTC".into(),
            output_dir: "public".into(),
            force_output: false,
            allow_raw_html: false,
            tagger: TaggerConfig::default(),
            key_dates: None,
            min_confidence: 0.0,
            paginate_by: 100,
            front_page: FrontPage::Auto,
            relative_urls: false,
        }
    }
}

impl Config {
    /// The tagger as the config's `tagger` section sets it up.
    pub fn tagger(&self) -> Tagger {
        Tagger::new(TaggerOptions {
            mode: self.tagger.mode,
            date_order: self.tagger.date_order,
            language: self.tagger_language(),
        })
    }

    /// The language whose word lists read the articles (`parse` rejects a
    /// tag without them, so the fallback only serves configs built in code).
    pub fn tagger_language(&self) -> Language {
        Language::from_tag(&self.language).unwrap_or_default()
    }

    /// Reads `dateline.yaml` under `root`, or the defaults when it is absent.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let path = root.join(CONFIG_FILE);
        // Reading a FIFO or a device would wait for ever, or read for ever.
        if std::fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(Diagnostic::whole_file(CONFIG_FILE, "not a regular file")
                .with_help("make dateline.yaml a plain file, or remove it to use the defaults")
                .into());
        }
        match std::fs::read(&path) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|e| {
                    Diagnostic::whole_file(
                        CONFIG_FILE,
                        format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()),
                    )
                    .with_help("save the file as UTF-8")
                })?;
                Config::parse(&text, Path::new(CONFIG_FILE))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(Diagnostic::whole_file(
                CONFIG_FILE,
                format!("cannot read the config file: {e}"),
            )
            .into()),
        }
    }

    /// Parses config text; `file` is only used in messages.
    pub fn parse(text: &str, file: &Path) -> Result<Config, Diagnostics> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let config: Config = if text.trim().is_empty() {
            Config::default()
        } else {
            serde_yaml::from_str(text).map_err(|e| {
                yaml_diagnostic(
                    &e,
                    file,
                    0,
                    "check the key names and value types against the README's config reference",
                )
            })?
        };
        let mut problems = Diagnostics::default();
        if config.timezone.parse::<Tz>().is_err() {
            let (line, column) = key_position(text, "timezone");
            problems.push(
                Diagnostic::new(
                    file,
                    line,
                    column,
                    format!("unknown time zone `{}`", config.timezone),
                )
                .with_help(
                    "use an IANA zone name such as `UTC`, `Europe/Berlin` or `America/New_York`",
                ),
            );
        }
        if Language::from_tag(&config.language).is_none() {
            let (line, column) = key_position(text, "language");
            problems.push(
                Diagnostic::new(
                    file,
                    line,
                    column,
                    format!(
                        "no word lists for the language `{}`: dates could not be read",
                        config.language
                    ),
                )
                .with_help(format!(
                    "dateline reads articles in: {}; set `language` to one of them",
                    Language::KNOWN.join(", ")
                )),
            );
        }
        if config.output_dir.trim().is_empty() {
            let (line, column) = key_position(text, "output_dir");
            problems.push(
                Diagnostic::new(file, line, column, "`output_dir` is empty")
                    .with_help("name a folder such as `public`"),
            );
        }
        if config.paginate_by == 0 {
            let (line, column) = key_position(text, "paginate_by");
            problems.push(
                Diagnostic::new(file, line, column, "`paginate_by` is 0")
                    .with_help("give the most events one actor or tag page may list, such as 100"),
            );
        }
        problems.into_result(config)
    }

    pub fn tz(&self) -> Tz {
        self.timezone.parse().unwrap_or(Tz::UTC)
    }

    pub fn output_path(&self, root: &Path) -> PathBuf {
        root.join(&self.output_dir)
    }
}

/// Turns a serde_yaml error into a diagnostic, shifting its line by
/// `line_offset` (the lines before the YAML text in the file).
pub fn yaml_diagnostic(
    e: &serde_yaml::Error,
    file: &Path,
    line_offset: usize,
    help: &str,
) -> Diagnostic {
    let (line, column) = e.location().map_or((line_offset + 1, 0), |l| {
        (l.line() + line_offset, l.column())
    });
    // serde_yaml appends " at line N column M" to its message; we give our own.
    // serde_yaml puts "at line N column M" (YAML-relative) inside its
    // message; the diagnostic carries the file position instead.
    static POSITION: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r" at line \d+ column \d+").unwrap());
    let message = POSITION.replace_all(&e.to_string(), "").into_owned();
    Diagnostic::new(file, line, column, message).with_help(help.to_string())
}

/// Where `key:` first appears at the start of a line, 1-based; (1, 1) if absent.
pub fn key_position(text: &str, key: &str) -> (usize, usize) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with(':')
        {
            return line_col(text, offset + (line.len() - trimmed.len()));
        }
        offset += line.len();
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_config_text_gives_defaults() {
        assert_eq!(
            Config::parse("", Path::new("dateline.yaml")).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn unknown_key_is_an_error_with_its_line() {
        let err = Config::parse("title: T\ncolour: red\n", Path::new("dateline.yaml")).unwrap_err();
        let d = &err.0[0];
        assert_eq!(d.line, 2);
        assert!(
            d.message.contains("unknown field `colour`"),
            "{}",
            d.message
        );
    }

    #[test]
    fn wrong_type_is_an_error_naming_the_key() {
        let err = Config::parse("title: [a, b]\n", Path::new("dateline.yaml")).unwrap_err();
        assert_eq!(err.0[0].line, 1);
        assert!(err.0[0].message.contains("title"), "{}", err.0[0].message);
    }

    #[test]
    fn language_without_word_lists_is_an_error_on_its_line() {
        let err =
            Config::parse("title: T\nlanguage: de\n", Path::new("dateline.yaml")).unwrap_err();
        assert_eq!((err.0[0].line, err.0[0].column), (2, 1));
        assert!(err.0[0].message.contains("`de`"), "{}", err.0[0].message);
    }

    #[test]
    fn regional_english_reads_with_the_english_lists() {
        let config = Config::parse("language: en-GB\n", Path::new("dateline.yaml")).unwrap();
        assert_eq!(config.tagger().options().language, Language::English);
    }

    #[test]
    fn unknown_time_zone_is_an_error_on_its_line() {
        let err = Config::parse(
            "title: T\ntimezone: Mars/Olympus\n",
            Path::new("dateline.yaml"),
        )
        .unwrap_err();
        assert_eq!((err.0[0].line, err.0[0].column), (2, 1));
    }
}
