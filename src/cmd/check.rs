use dateline::SiteOptions;
use std::path::Path;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
}

pub fn run(root: &Path, args: &CheckArgs) -> anyhow::Result<()> {
    let site = dateline::site::check(
        root,
        &SiteOptions {
            drafts: args.drafts,
            base_url: None,
        },
    )?;
    println!(
        "OK: {}, {}, no problems found",
        super::count(site.articles().len(), "article"),
        super::count(site.timeline().events.len(), "event")
    );
    Ok(())
}
