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
