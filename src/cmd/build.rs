use dateline::{Site, SiteOptions};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct BuildArgs {
    /// Write the site here instead of the config's output_dir.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Override the config's base_url, e.g. for a preview host.
    #[arg(long)]
    base_url: Option<String>,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
}

pub fn run(root: &Path, args: &BuildArgs) -> anyhow::Result<()> {
    let site = Site::load(
        root,
        &SiteOptions {
            drafts: args.drafts,
            base_url: args.base_url.clone(),
        },
    )?;
    let report = site.build(args.output.as_deref())?;
    println!(
        "Built {}, {}, {} in {:.2}s into {}",
        super::count(report.articles, "article"),
        super::count(report.events, "event"),
        super::count(report.pages, "page"),
        report.seconds,
        report.output.display()
    );
    Ok(())
}
