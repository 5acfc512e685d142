use dateline::{LoadHooks, Progress, Site, SiteOptions, Stage};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct BuildArgs {
    /// Write the site here instead of the config's output_dir.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Override the config's base_url, e.g. for a preview host.
    #[arg(long)]
    base_url: Option<String>,
    /// Write links relative to each page (with `index.html` for folders),
    /// so the output works opened from disk; as `relative_urls: true`.
    #[arg(long)]
    relative_urls: bool,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Neither read nor write the build cache (.dateline-cache/).
    #[arg(long)]
    no_cache: bool,
    /// Print how long each stage took (to stderr).
    #[arg(long, alias = "timing")]
    timings: bool,
    /// Replace the output folder even when it holds files dateline did not
    /// write, deleting them.
    #[arg(long)]
    force: bool,
}

pub fn run(root: &Path, args: &BuildArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let progress = Progress::new();
    let finished = AtomicBool::new(false);
    let (report, stats, cache_error) = std::thread::scope(|s| {
        s.spawn(|| progress_bar(&progress, &finished));
        let result = (|| -> anyhow::Result<_> {
            let mut site = Site::load_with(
                root,
                &SiteOptions {
                    drafts: args.drafts,
                    base_url: args.base_url.clone(),
                    relative_urls: args.relative_urls.then_some(true),
                    force_output: args.force,
                },
                LoadHooks {
                    cache: !args.no_cache,
                    progress: Some(&progress),
                    ..Default::default()
                },
            )?;
            let stats = site.cache_stats();
            // The cache only speeds up the next build: failing to write it
            // is a warning, not a failed build.
            let built = site.build_once(args.output.as_deref(), Some(&progress));
            // The process ends next: freeing a big site's millions of
            // allocations one by one would take a second more at 10,000
            // articles, for nothing.
            std::mem::forget(site);
            let (report, cache_error) = built?;
            Ok((report, stats, cache_error))
        })();
        finished.store(true, Ordering::Release);
        result
    })?;
    if args.timings {
        super::print_timings(&progress);
    }
    if let Some(e) = cache_error {
        eprintln!("warning: could not write the build cache: {e}");
    }
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    let cached = if stats.hits > 0 {
        format!(" ({} from the cache)", stats.hits)
    } else {
        String::new()
    };
    let kept = if report.up_to_date {
        " (nothing changed: the output was kept)"
    } else {
        ""
    };
    println!(
        "Built {}{cached}, {}, {} in {:.2}s into {}{kept}",
        super::count(report.articles, "article"),
        super::count(report.events, "event"),
        super::count(report.pages, "page"),
        started.elapsed().as_secs_f64(),
        report.output.display()
    );
    Ok(())
}

/// Draws a progress bar on stderr once a build has run for a second, when
/// stderr is a terminal; draws nothing otherwise.
fn progress_bar(progress: &Progress, finished: &AtomicBool) {
    if !std::io::stderr().is_terminal() {
        return;
    }
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(1) {
        if finished.load(Ordering::Acquire) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let counted = ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len} {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    let open = ProgressStyle::with_template("{msg:>10} {pos} {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    let mut shown = None;
    while !finished.load(Ordering::Acquire) {
        let (stage, done, total) = progress.snapshot();
        let label = match stage {
            Stage::Starting => Stage::Loading.name(),
            other => other.name(),
        };
        if shown != Some((stage, total)) {
            shown = Some((stage, total));
            bar.set_style(if total > 0 {
                counted.clone()
            } else {
                open.clone()
            });
            bar.set_length(total as u64);
            bar.set_message(label);
        }
        bar.set_position(done as u64);
        std::thread::sleep(Duration::from_millis(100));
    }
    bar.finish_and_clear();
}
