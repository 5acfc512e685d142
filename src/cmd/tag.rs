//! `dateline tag`: run the temporal tagger over a file, stdin, or a whole
//! directory of `NAME.txt` + `NAME.dct` pairs, and print or write what it
//! finds. JSON output is the array `timex_score.py` reads (UTF-8 byte
//! offsets) plus the tagger's extra fields.

use anyhow::{Context, Result, bail};
use chrono::{Datelike, NaiveDate};
use dateline::temporal::{DateOrder, Language, Mode, Tagger, TaggerOptions, TimeExpr};
use rayon::prelude::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::Format;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModeArg {
    News,
    Narrative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OrderArg {
    MonthDay,
    DayMonth,
}

/// Tag temporal expressions (dates, times, durations, sets) in text.
#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// The document date that relative expressions resolve against.
    #[arg(long, value_name = "YYYY-MM-DD", required_unless_present = "dct_dir")]
    pub dct: Option<NaiveDate>,
    /// News resolves against the document date; narrative against the last
    /// mentioned date.
    #[arg(long, value_enum, default_value = "news")]
    pub mode: ModeArg,
    /// How all-numeric dates like 1/2/2025 are read.
    #[arg(long, value_enum, default_value = "month-day")]
    pub date_order: OrderArg,
    /// The text's language (a BCP 47 tag, as the config's `language`): whose
    /// words name months, weekdays and the rest.
    #[arg(long, value_name = "TAG", default_value = "en", value_parser = language)]
    pub language: Language,
    /// Text prints a table; JSON the array `timex_score.py` reads.
    #[command(flatten)]
    pub output: super::FormatArgs,
    /// Print how long tagging took (to stderr).
    #[arg(long, alias = "timing")]
    pub timings: bool,
    /// The text to tag; `-` or nothing reads standard input.
    #[arg(value_name = "FILE", conflicts_with = "dct_dir")]
    pub input: Option<PathBuf>,
    /// Batch mode: tag every NAME.txt in DIR with the date in NAME.dct.
    #[arg(long, value_name = "DIR", requires = "out")]
    pub dct_dir: Option<PathBuf>,
    /// Batch mode: write OUT/NAME.json for each NAME.txt.
    #[arg(long, value_name = "OUT")]
    pub out: Option<PathBuf>,
}

fn tagger(args: &TagArgs) -> Tagger {
    Tagger::new(TaggerOptions {
        mode: match args.mode {
            ModeArg::News => Mode::News,
            ModeArg::Narrative => Mode::Narrative,
        },
        date_order: match args.date_order {
            OrderArg::MonthDay => DateOrder::MonthDay,
            OrderArg::DayMonth => DateOrder::DayMonth,
        },
        language: args.language,
    })
}

fn language(tag: &str) -> Result<Language, String> {
    Language::from_tag(tag).ok_or_else(|| {
        format!(
            "no word lists for `{tag}`; dateline reads: {}",
            Language::KNOWN.join(", ")
        )
    })
}

/// `dct`, when its year is one the tagger's calendar has (0001 to 9999,
/// as for articles): relative dates resolved from outside it would be
/// wrong, or shifted a year.
fn in_calendar(dct: NaiveDate, given: &str) -> Result<NaiveDate> {
    if !(1..=9999).contains(&dct.year()) {
        bail!(
            "{given}: the document date {dct} is out of range\n  help: use a year from 0001 to 9999"
        );
    }
    Ok(dct)
}

pub fn run(args: &TagArgs) -> Result<()> {
    let started = Instant::now();
    let tagger = tagger(args);
    if let (Some(dir), Some(out)) = (&args.dct_dir, &args.out) {
        let tagged = batch(&tagger, dir, out);
        if args.timings {
            super::print_timing("tagging", started.elapsed());
        }
        return tagged;
    }
    let Some(dct) = args.dct else {
        bail!("--dct is required when tagging a single text");
    };
    let dct = in_calendar(dct, "--dct")?;
    let text = match &args.input {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?
        }
        _ => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("reading standard input")?;
            s
        }
    };
    let tagging = Instant::now();
    let found = tagger.tag(&text, dct);
    if args.timings {
        super::print_timing("tagging", tagging.elapsed());
    }
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    match args.output.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &found)?;
            writeln!(w)?;
        }
        Format::Text => write_table(&mut w, &found)?,
    }
    Ok(())
}

fn write_table(w: &mut impl Write, found: &[TimeExpr]) -> Result<()> {
    writeln!(
        w,
        "{:>7} {:>7}  {:<30} {:<8} {:<18} {:<13} {:<23} pattern",
        "start", "end", "text", "type", "value", "mod", "interval"
    )?;
    for e in found {
        let iv = e
            .timex()
            .map(|t| format!("{}..{}", t.interval.first, t.interval.last))
            .unwrap_or_default();
        let text: String = e.text.chars().take(30).collect();
        writeln!(
            w,
            "{:>7} {:>7}  {:<30} {:<8} {:<18} {:<13} {:<23} {}",
            e.start,
            e.end,
            text.replace('\n', " "),
            e.timex_type.as_str(),
            e.value,
            e.value.modifier().map(|m| m.as_str()).unwrap_or("-"),
            iv,
            e.pattern
        )?;
    }
    Ok(())
}

fn batch(tagger: &Tagger, dir: &Path, out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let p = entry?.path();
        if p.extension().is_some_and(|e| e == "txt") {
            names.push(p);
        }
    }
    names.sort();
    let results: Vec<Result<usize>> = names
        .par_iter()
        .map(|txt| -> Result<usize> {
            let dct_path = txt.with_extension("dct");
            let dct_s = std::fs::read_to_string(&dct_path)
                .with_context(|| format!("reading {}", dct_path.display()))?;
            let dct = NaiveDate::parse_from_str(dct_s.trim(), "%Y-%m-%d")
                .with_context(|| format!("{}: not a YYYY-MM-DD date", dct_path.display()))?;
            let dct = in_calendar(dct, &dct_path.display().to_string())?;
            let text = std::fs::read_to_string(txt)
                .with_context(|| format!("reading {}", txt.display()))?;
            let found = tagger.tag(&text, dct);
            let stem = txt.file_stem().unwrap_or_default().to_string_lossy();
            let dest = out.join(format!("{stem}.json"));
            let json = serde_json::to_string(&found)?;
            std::fs::write(&dest, json).with_context(|| format!("writing {}", dest.display()))?;
            Ok(found.len())
        })
        .collect();
    let mut total = 0;
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(n) => total += n,
            Err(e) => errors.push(format!("{e:#}")),
        }
    }
    eprintln!(
        "tagged {} documents, {} expressions -> {}",
        names.len() - errors.len(),
        total,
        out.display()
    );
    if !errors.is_empty() {
        bail!("{} documents failed:\n{}", errors.len(), errors.join("\n"));
    }
    Ok(())
}
