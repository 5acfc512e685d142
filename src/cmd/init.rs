use std::path::PathBuf;

#[derive(clap::Args)]
pub struct InitArgs {
    /// The folder to create the site in.
    dir: PathBuf,
    /// Write into a non-empty folder, replacing files of the same names.
    #[arg(long)]
    force: bool,
}

pub fn run(args: &InitArgs) -> anyhow::Result<()> {
    let written = dateline::init::init(&args.dir, args.force)?;
    for f in &written {
        println!("  created {}", args.dir.join(f).display());
    }
    println!(
        "New site in {}. Next: cd {} && dateline build",
        args.dir.display(),
        args.dir.display()
    );
    Ok(())
}
