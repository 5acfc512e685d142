//! `dateline extract`: prints the events of the given articles (or of the
//! whole site, merged) as a table, or as the JSON records of events.json,
//! with how each date was resolved and why each merge happened.

use dateline::timeline::label::event_label;
use dateline::timeline::{ActorKind, EventKind, Timeline};
use dateline::{LoadHooks, Progress, Site, SiteOptions, extract};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// JSON prints the records of public/events.json instead of a table.
    #[command(flatten)]
    output: super::FormatArgs,
    /// Print how long each stage took (to stderr).
    #[arg(long, alias = "timing")]
    timings: bool,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Articles to extract from (paths to their .md files); the whole site
    /// when none are given.
    files: Vec<PathBuf>,
}

pub fn run(root: &Path, args: &ExtractArgs) -> anyhow::Result<()> {
    let progress = Progress::new();
    let loaded = Site::load_with(
        root,
        &SiteOptions {
            drafts: args.drafts,
            base_url: None,
            ..Default::default()
        },
        LoadHooks {
            cache: false,
            progress: Some(&progress),
            ..Default::default()
        },
    );
    if args.timings {
        super::print_timings(&progress);
    }
    let site = loaded?;
    let selected;
    let timeline = if args.files.is_empty() {
        site.timeline()
    } else {
        let mut articles = Vec::new();
        let mut events = Vec::new();
        for file in &args.files {
            let want = file.canonicalize().unwrap_or_else(|_| file.clone());
            let found = site.articles().iter().position(|a| {
                let path = root.join(&a.path);
                path.canonicalize().unwrap_or(path) == want || Path::new(&a.path) == file
            });
            let Some(i) = found else {
                anyhow::bail!(
                    "{} is not an article of the site at {}\n  help: give the path of a .md file under content/, or --root for another site",
                    file.display(),
                    root.display()
                );
            };
            articles.push(site.articles()[i].clone());
            events.push(site.article_events()[i].clone());
        }
        selected = extract::assemble(
            &articles,
            &events,
            site.config.min_confidence,
            site.config.tagger_language(),
        );
        &selected
    };
    if args.output.format() == super::Format::Json {
        let json = dateline::render::exports::events_json::events_json(timeline);
        println!("{}", String::from_utf8_lossy(&json));
    } else {
        print!("{}", table(timeline));
    }
    Ok(())
}

/// One row per event (date, kind, headline, actors, sources), then indented
/// lines: each source with how its date was resolved, and each merge reason.
fn table(t: &Timeline) -> String {
    let rows: Vec<[String; 5]> = t
        .events
        .iter()
        .map(|e| {
            [
                event_label(e),
                match e.kind {
                    EventKind::Happened if e.curated => "curated".into(),
                    EventKind::Happened => "happened".into(),
                    EventKind::Reported => "reported".into(),
                },
                e.headline.clone(),
                e.actors.join(", "),
                e.sources.len().to_string(),
            ]
        })
        .collect();
    let header = ["DATE", "KIND", "HEADLINE", "ACTORS", "SOURCES"];
    let mut widths = header.map(str::len);
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    widths[2] = widths[2].min(72);
    widths[3] = widths[3].min(48);
    let line = |cells: [&str; 5]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let cell: String = if cell.chars().count() > w {
                cell.chars()
                    .take(w - 1)
                    .chain(std::iter::once('…'))
                    .collect()
            } else {
                cell.to_string()
            };
            if i == 4 {
                s.push_str(&cell);
            } else {
                s.push_str(&format!("{cell:<w$}  "));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(header);
    for (e, r) in t.events.iter().zip(&rows) {
        out.push_str(&line([&r[0], &r[1], &r[2], &r[3], &r[4]]));
        out.push_str(&format!(
            "    id {} · {} ({}) · confidence {:.2}{}\n",
            e.id,
            e.date,
            e.date.precision.as_str(),
            e.confidence,
            e.place
                .as_deref()
                .map(|p| format!(" · place: {p}"))
                .unwrap_or_default()
        ));
        for s in &e.sources {
            out.push_str(&format!(
                "    source {}{}: {}\n",
                s.article_path,
                s.anchor
                    .as_deref()
                    .map(|a| format!("#{a}"))
                    .unwrap_or_default(),
                s.resolution
            ));
        }
        for q in &e.quotes {
            out.push_str(&format!(
                "    quote “{}”{}\n",
                q.text,
                q.speaker
                    .as_deref()
                    .map(|s| format!(" — {s}"))
                    .unwrap_or_default()
            ));
        }
        for m in &e.merge_reasons {
            out.push_str(&format!("    merged: {m}\n"));
        }
        if let Some(d) = &e.date_disagreement {
            out.push_str(&format!("    date: {d}\n"));
        }
    }
    out.push_str(&format!(
        "{} events, {} actors\n",
        t.events.len(),
        t.actors.len()
    ));
    for a in &t.actors {
        let roles = if a.roles.is_empty() {
            String::new()
        } else {
            format!(" ({})", a.roles.join("; "))
        };
        let kind = match a.kind {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Country => "country",
            ActorKind::Product => "product",
        };
        out.push_str(&format!("    {kind} {}{roles}\n", a.name));
    }
    out
}
