use dateline::serve::{Notice, ServeOptions, Server};
use std::net::IpAddr;
use std::path::Path;

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The address to listen on. Anything but loopback lets other machines
    /// read the preview.
    #[arg(long, default_value = "127.0.0.1")]
    interface: IpAddr,
    /// The port; 0 picks a free one.
    #[arg(long, short, default_value_t = 1111)]
    port: u16,
    /// Open the site in the default browser once it is served.
    #[arg(long)]
    open: bool,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Print how long each stage of the first build took (to stderr).
    #[arg(long)]
    timings: bool,
}

pub fn run(root: &Path, args: &ServeArgs) -> anyhow::Result<()> {
    if !args.interface.is_loopback() {
        eprintln!(
            "warning: listening on {}, not loopback: other machines that can reach this one can read the preview",
            args.interface
        );
    }
    let options = ServeOptions {
        root: root.to_path_buf(),
        interface: args.interface,
        port: args.port,
        drafts: args.drafts,
    };
    let timings = args.timings;
    let server = Server::start(options, move |notice| report(notice, timings))?;
    let url = format!("http://{}/", server.addr());
    println!("Serving {} at {url} (Ctrl-C to stop)", root.display());
    if args.open {
        open(&url);
    }
    server.wait();
    Ok(())
}

fn report(notice: Notice, timings: bool) {
    match notice {
        Notice::Built {
            articles,
            events,
            files,
            elapsed,
            timings: times,
        } => {
            println!(
                "Built {articles} articles, {events} events, {files} files in {} ms",
                elapsed.as_millis()
            );
            if timings {
                super::print_stage_times(&times);
            }
        }
        Notice::Rebuilt {
            changed,
            files,
            elapsed,
        } => println!(
            "Changed {changed}: {files} files rebuilt, pages reloaded in {:.1} ms",
            elapsed.as_secs_f64() * 1000.0
        ),
        Notice::IndexRendered { elapsed } => println!(
            "  the index followed in {:.1} ms",
            elapsed.as_secs_f64() * 1000.0
        ),
        Notice::Errors(text) => eprintln!("{text}"),
        Notice::Fixed => println!("Fixed: no problems left"),
        Notice::WatchFailed(e) => eprintln!(
            "warning: watching for changes failed ({e}); restart `dateline serve` to see new edits"
        ),
    }
}

/// Opens `url` in the desktop's browser, best effort.
fn open(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_err()
    {
        eprintln!("warning: could not open a browser ({opener}); open {url} yourself");
    }
}
