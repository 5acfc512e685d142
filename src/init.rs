//! `dateline init`: scaffolds a new site with a config file, one example
//! article, and the default theme copied out so the user can edit it.

use crate::config::CONFIG_FILE;
use crate::render::theme;
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

const EXAMPLE_CONFIG: &str = "\
# dateline site configuration; every key is optional.
title: My timeline
description: Events drawn from my articles
# Where the site will be published; links are made from it.
base_url: /
language: en
# Time zone for article dates given as date-times.
timezone: UTC
output_dir: public
tagger:
  # news: relative dates resolve against the article date;
  # narrative: against the last mentioned date.
  mode: news
  # How to read 1/2/2025: month_day or day_month.
  date_order: month_day
";

const EXAMPLE_ARTICLE: &str = "\
---
title: Council approves the new bridge
date: 2025-03-14
source: The Example Gazette
tags: [transport]
example: true
events:
  - date: 2025-03-12
    title: Council votes for the bridge
    actors: [City Council]
---

The city council approved the new river bridge on Wednesday after a debate
that began early last year. Construction is due to start next spring.
";

/// Writes a new site into `dir` and returns the files written, relative to
/// it. Refuses a non-empty folder unless `force`; only `force` lets it
/// replace a file that is already there.
pub fn init(dir: &Path, force: bool) -> anyhow::Result<Vec<PathBuf>> {
    if dir.exists() {
        if !dir.is_dir() {
            bail!("{} exists and is not a folder", dir.display());
        }
        let non_empty = std::fs::read_dir(dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .next()
            .is_some();
        if non_empty && !force {
            bail!(
                "{} is not empty\n  help: choose an empty or new folder, or pass --force to write the scaffold into it (replacing files of the same names)",
                dir.display()
            );
        }
    }
    let mut files: Vec<(PathBuf, &[u8])> = vec![
        (PathBuf::from(CONFIG_FILE), EXAMPLE_CONFIG.as_bytes()),
        (
            PathBuf::from("content/example.md"),
            EXAMPLE_ARTICLE.as_bytes(),
        ),
    ];
    for (name, text) in theme::TEMPLATES {
        files.push((Path::new("templates").join(name), text.as_bytes()));
    }
    for (name, bytes) in theme::STATIC {
        files.push((Path::new("static").join(name), bytes));
    }
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let target = dir.join(&rel);
        if target.exists() && !force {
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&target, bytes).with_context(|| format!("writing {}", target.display()))?;
        written.push(rel);
    }
    Ok(written)
}
