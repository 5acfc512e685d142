//! `dateline summarize`: the key days of the site and what happened on them.

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use dateline::keydates::{self, Options, rank::Params, rank::Scoring, rank::Signal};
use dateline::{LoadHooks, Site, SiteOptions};
use std::path::Path;
use std::time::Instant;

#[derive(clap::Args)]
pub struct SummarizeArgs {
    /// How many days to list (default: from the config's `key_dates`, else
    /// by the size of the site).
    #[arg(long = "dates", value_name = "L")]
    dates: Option<usize>,
    /// At most this many sentences per day.
    #[arg(long = "sentences", value_name = "K", default_value_t = 2)]
    sentences: usize,
    /// Read only articles published on or after this day, and rank only days
    /// from it (default: every article, and days before the first count too).
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<NaiveDate>,
    /// Read only articles published on or before this day, and rank only days
    /// up to it (default: the last publication date).
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<NaiveDate>,
    /// Comma-separated words: only sentences containing one of them are
    /// chosen, and articles that open with one count more in the ranking.
    #[arg(long, value_delimiter = ',')]
    keywords: Vec<String>,
    /// JSON prints the T17 form `[["YYYY-MM-DD", ["sentence", ...]], ...]`.
    #[command(flatten)]
    output: super::FormatArgs,
    /// Rank by one signal alone (for ablation): published,
    /// published_on_topic, articles, after, spread, on_topic, corroborated.
    #[arg(long, value_name = "NAME")]
    signal: Option<String>,
    /// Set a constant of the combined score, for evaluation:
    /// publication, spread, after_opportunity, near_redundancy, near_days
    /// (repeatable; `scripts/eval-tls.py --cv` chooses them).
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Also write every day's signal counts to this JSON file (for tuning
    /// and ablation).
    #[arg(long, value_name = "FILE", hide = true)]
    dump_signals: Option<std::path::PathBuf>,
    /// Print how long loading and the whole run took (to stderr).
    #[arg(long, alias = "timing")]
    timings: bool,
}

pub fn run(root: &Path, args: &SummarizeArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    if let (Some(f), Some(t)) = (args.from, args.to)
        && f > t
    {
        bail!("--from {f} is after --to {t}");
    }
    let mut params = Params::default();
    for p in &args.params {
        let (name, value) = p
            .split_once('=')
            .with_context(|| format!("--param {p}: expected NAME=VALUE"))?;
        params
            .set(name.trim(), value.trim())
            .map_err(|e| anyhow::anyhow!("--param {p}: {e}"))?;
    }
    let scoring = match &args.signal {
        None => Scoring::Combined(params),
        Some(name) => Scoring::Only(Signal::parse(name).with_context(|| {
            format!(
                "unknown signal `{name}`; use one of {}",
                Signal::ALL.map(Signal::name).join(", ")
            )
        })?),
    };
    // The whole site, as a build loads it (with the build cache): the
    // ranking counts the merged key-date candidates, not only the text.
    let mut site = Site::load_with(
        root,
        &SiteOptions {
            drafts: args.drafts,
            base_url: None,
            ..Default::default()
        },
        LoadHooks {
            cache: true,
            progress: None,
            key_dates_only: true,
        },
    )?;
    let loaded = started.elapsed();
    let events = site.take_key_date_candidates();
    let articles = site.articles();
    let config = &site.config;
    let options = Options {
        dates: args
            .dates
            .or(config.key_dates)
            .unwrap_or_else(|| keydates::default_dates(articles.len())),
        sentences: args.sentences,
        from: args.from,
        to: args.to,
        keywords: args
            .keywords
            .iter()
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect(),
        scoring,
        language: config.tagger_language(),
    };
    let analysis = keydates::analyse(
        articles,
        site.article_times(),
        &events,
        &options.keywords,
        options.from,
        options.to,
        options.language,
    );
    if let Some(path) = &args.dump_signals {
        std::fs::write(path, serde_json::to_vec(&analysis.stats)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let days = keydates::key_dates(&analysis, &options);
    if args.output.format() == super::Format::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&keydates::to_t17_json(&days))?
        );
    } else {
        let mut ranked: Vec<&keydates::KeyDate> = days.iter().collect();
        ranked.sort_by_key(|k| k.date);
        for k in ranked {
            println!(
                "{}  (#{}, {} naming it, {} published)",
                k.date.format("%a %-d %b %Y"),
                k.rank,
                super::count(k.stats.articles as usize, "article"),
                k.stats.published
            );
            for s in &k.sentences {
                println!("  - {}", s.text);
                println!(
                    "    ({}, {}{})",
                    s.article_title,
                    s.published,
                    s.outlet
                        .as_deref()
                        .map(|o| format!(", {o}"))
                        .unwrap_or_default()
                );
            }
        }
        if days.is_empty() {
            println!("no dated days found");
        }
    }
    if args.timings {
        eprintln!(
            "summarize: {} articles loaded in {:.2}s, total {:.2}s",
            articles.len(),
            loaded.as_secs_f64(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
