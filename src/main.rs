//! The `dateline` command line: parses arguments and hands each subcommand
//! to its function in cmd/, which prints. Errors end the process with 1.

mod cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

// Building a site allocates millions of short-lived strings from several
// threads; mimalloc handles that pattern much better than glibc's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "Turn a folder of news articles into a static timeline website"
)]
struct Cli {
    /// The site's root folder.
    #[arg(long, short = 'r', global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new site in DIR (relative to --root), or in --root itself.
    Init(cmd::init::InitArgs),
    /// Build the site into public/ (or --output).
    Build(cmd::build::BuildArgs),
    /// Load and validate everything a build would, writing nothing.
    Check(cmd::check::CheckArgs),
    /// Print the events extracted from the given articles, or from the whole
    /// site merged, with how each date was resolved.
    Extract(cmd::extract::ExtractArgs),
    /// Rank the days of the site by importance and summarise the top ones.
    Summarize(cmd::summarize::SummarizeArgs),
    /// Build into memory and serve the site, rebuilding on every change.
    Serve(cmd::serve::ServeArgs),
    /// Tag temporal expressions in a text or a folder of texts.
    Tag(cmd::tag::TagArgs),
}

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Init(args) => cmd::init::run(&cli.root, args),
        Command::Build(args) => cmd::build::run(&cli.root, args),
        Command::Check(args) => cmd::check::run(&cli.root, args),
        Command::Extract(args) => cmd::extract::run(&cli.root, args),
        Command::Summarize(args) => cmd::summarize::run(&cli.root, args),
        Command::Serve(args) => cmd::serve::run(&cli.root, args),
        Command::Tag(args) => cmd::tag::run(args),
    };
    if let Err(e) = result {
        eprintln!("{}", cmd::format_error(&e));
        std::process::exit(1);
    }
}
