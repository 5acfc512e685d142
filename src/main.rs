//! The `dateline` command line: parse, dispatch, print errors.

mod cmd;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about = "Turn news articles into a timeline website"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Tag temporal expressions in a text or a directory of texts.
    Tag(cmd::tag::TagArgs),
}

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Tag(args) => cmd::tag::run(args),
    };
    if let Err(e) = result {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
