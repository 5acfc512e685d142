use dateline::{Progress, SiteOptions};
use std::path::Path;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Print how long each stage took (to stderr).
    #[arg(long, alias = "timing")]
    timings: bool,
}

pub fn run(root: &Path, args: &CheckArgs) -> anyhow::Result<()> {
    let progress = Progress::new();
    let checked = dateline::site::check_with(
        root,
        &SiteOptions {
            drafts: args.drafts,
            base_url: None,
            ..Default::default()
        },
        Some(&progress),
    );
    if args.timings {
        super::print_timings(&progress);
    }
    let site = checked?;
    println!(
        "OK: {}, {}, no problems found",
        super::count(site.articles().len(), "article"),
        super::count(site.timeline().events.len(), "event")
    );
    Ok(())
}
