//! One thin function per subcommand over the library; the only code that
//! prints.

pub mod build;
pub mod check;
pub mod extract;
pub mod init;
pub mod serve;
pub mod summarize;
pub mod tag;

use dateline::Diagnostics;

/// An error for the terminal: diagnostics as they are (they already name
/// file, line and column), anything else with its chain of causes.
pub fn format_error(e: &anyhow::Error) -> String {
    if let Some(d) = e.downcast_ref::<Diagnostics>() {
        return d.to_string();
    }
    let mut out = format!("error: {e}");
    for cause in e.chain().skip(1) {
        out.push_str(&format!("\n  caused by: {cause}"));
    }
    out
}

/// "1 article", "2 articles".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// How a subcommand prints what it found. Every subcommand that can print
/// JSON takes both spellings: `--format json` and its short form `--json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// The output switches shared by extract, summarize and tag.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct FormatArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Print JSON: the same as `--format json`.
    #[arg(long, conflicts_with = "format")]
    json: bool,
}

impl FormatArgs {
    pub fn format(&self) -> Format {
        if self.json { Format::Json } else { self.format }
    }
}

/// Prints how long each stage took to stderr, for `--timings`.
pub fn print_timings(progress: &dateline::Progress) {
    print_stage_times(&progress.timings());
}

/// Prints stage times as [`print_timings`] does.
pub fn print_stage_times(times: &[(dateline::Stage, dateline::StageTime)]) {
    for (stage, took) in times {
        match took.cpu {
            Some(cpu) => eprintln!(
                "{:>10} {:8.3}s  cpu {:8.3}s",
                stage.name(),
                took.wall.as_secs_f64(),
                cpu.as_secs_f64()
            ),
            None => print_timing(stage.name(), took.wall),
        }
    }
}

/// One `--timings` line: a step's name and how long it took.
pub fn print_timing(name: &str, took: std::time::Duration) {
    eprintln!("{name:>10} {:8.3}s", took.as_secs_f64());
}
