use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct InitArgs {
    /// The folder to create the site in, relative to --root; without it,
    /// the site is created in --root.
    dir: Option<PathBuf>,
    /// Write into a non-empty folder, replacing files of the same names.
    #[arg(long)]
    force: bool,
}

pub fn run(root: &Path, args: &InitArgs) -> anyhow::Result<()> {
    let dir = match &args.dir {
        Some(dir) if root == Path::new(".") => dir.clone(),
        Some(dir) => root.join(dir),
        None => root.to_path_buf(),
    };
    let written = dateline::init::init(&dir, args.force)?;
    for f in &written {
        println!("  created {}", dir.join(f).display());
    }
    println!(
        "New site in {}. Next: cd {} && dateline build",
        dir.display(),
        dir.display()
    );
    Ok(())
}
