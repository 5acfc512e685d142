//! `dateline serve`: builds the site into memory, serves it over HTTP and
//! rebuilds what a change affects while authors write.
//!
//! This module owns the preview server and nothing it serves ever touches
//! the disk: the rendered site is an immutable [`snapshot::Snapshot`] swapped
//! whole after each successful rebuild (so no request sees half a build, and
//! no temporary file is ever written: stopping the process, Ctrl-C included,
//! leaves the site folder as it was). The parts:
//!
//! - [`state`]: the loaded site kept between rebuilds, and the incremental
//!   rebuild of one batch of changes, with errors kept per source;
//! - [`watch`]: notify events on content/, templates/, static/ and the
//!   config, debounced into batches;
//! - [`http`]: the HTTP/1.1 server over the current snapshot, confined to it;
//! - [`reload`]: the server-sent events channel and the script injected into
//!   served HTML (never into `build` output) that reloads pages and shows
//!   the error overlay;
//! - [`snapshot`]: the served files with content types and ETags.
//!
//! Like the rest of the library it prints nothing: what happens is reported
//! through [`Notice`]s to the caller.

pub mod http;
pub mod reload;
pub mod snapshot;
pub mod state;
pub mod watch;

use crate::site::SiteOptions;
use anyhow::Context as _;
use reload::Message;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long the watcher waits for more events after one, and at most.
const QUIET: Duration = Duration::from_millis(10);
const LONGEST: Duration = Duration::from_millis(300);

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
}

/// What the server tells its caller, for the terminal.
#[derive(Debug, Clone)]
pub enum Notice {
    /// The first build, or a full rebuild, is being served.
    Built {
        articles: usize,
        events: usize,
        files: usize,
        elapsed: Duration,
        /// How long each stage took (see [`crate::Progress::timings`]).
        timings: Vec<(crate::Stage, crate::StageTime)>,
    },
    /// A change was rebuilt and pages were told to reload.
    Rebuilt {
        changed: String,
        files: usize,
        /// From the first file system event to the reload message.
        elapsed: Duration,
    },
    /// The index caught up with changed articles (a second step, after
    /// their pages).
    IndexRendered {
        /// From the first file system event of the batch.
        elapsed: Duration,
    },
    /// The site has errors (new or different ones); the text is what the
    /// pages' overlay shows. Sent once per distinct set of errors.
    Errors(String),
    /// Every error is fixed.
    Fixed,
    /// The file watcher failed; the server goes on without rebuilds.
    WatchFailed(String),
}

/// A running server.
pub struct Server {
    addr: SocketAddr,
    accept: JoinHandle<()>,
    shared: Arc<http::Shared>,
}

impl Server {
    /// Binds, builds the site, starts watching and serving. Returns once
    /// the first build is served; errors in the site do not stop it.
    pub fn start(
        options: ServeOptions,
        notify: impl Fn(Notice) + Send + 'static,
    ) -> anyhow::Result<Server> {
        let root = options
            .root
            .canonicalize()
            .with_context(|| format!("cannot open the site folder {}", options.root.display()))?;
        let listener = bind(options.interface, options.port)?;
        let addr = listener.local_addr()?;
        let site_options = SiteOptions {
            drafts: options.drafts,
            // Links must lead to this server, not the published site.
            base_url: Some("/".into()),
            relative_urls: Some(false),
            ..SiteOptions::default()
        };
        let mut state = state::State::new(&root, site_options);
        let started = Instant::now();
        let first = state.load_all(&snapshot::Snapshot::default());
        let shared = Arc::new(http::Shared::new(first.snapshot.unwrap_or_default()));
        let mut reported = String::new();
        let errors = state.errors();
        if errors.is_empty() {
            notify(Notice::Built {
                articles: first.articles,
                events: first.events,
                files: first.files,
                elapsed: started.elapsed(),
                timings: first.timings,
            });
        } else {
            reported = errors.to_string();
            shared
                .hub
                .broadcast(&Message::Errors(overlay_text(&errors)));
            notify(Notice::Errors(reported.clone()));
        }

        let watcher = watch::Watcher::start(&root);
        let shared2 = shared.clone();
        std::thread::Builder::new()
            .name("dateline-rebuild".into())
            .spawn(move || {
                let mut watcher = match watcher {
                    Ok(w) => w,
                    Err(e) => {
                        notify(Notice::WatchFailed(e.to_string()));
                        return;
                    }
                };
                while let Some(batch) = watcher.next_batch(QUIET, LONGEST) {
                    rebuild(&mut state, &batch, &shared2, &notify, &mut reported);
                    // The index is slow on a large site: while the author
                    // keeps saving, it waits for the next batch.
                    if state.index_stale() && !watcher.has_pending() {
                        rebuild_index(&mut state, &batch, &shared2, &notify, &mut reported);
                    }
                }
                notify(Notice::WatchFailed("the file watcher stopped".into()));
            })?;
        let shared3 = shared.clone();
        let accept = std::thread::Builder::new()
            .name("dateline-accept".into())
            .spawn(move || http::accept_loop(listener, shared3))?;
        Ok(Server {
            addr,
            accept,
            shared,
        })
    }

    /// The address the server listens on (with the port `--port 0` chose).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many pages are listening for reloads now.
    pub fn listeners(&self) -> usize {
        self.shared.hub.listeners()
    }

    /// Serves until the process ends.
    pub fn wait(self) {
        let _ = self.accept.join();
    }
}

fn bind(interface: IpAddr, port: u16) -> anyhow::Result<TcpListener> {
    TcpListener::bind((interface, port)).map_err(|e| {
        let help = match e.kind() {
            std::io::ErrorKind::AddrInUse => format!(
                "port {port} on {interface} is already in use\n  help: stop the other server, choose another port with --port, or pass --port 0 to let dateline pick a free one"
            ),
            std::io::ErrorKind::AddrNotAvailable => format!(
                "{interface} is not an address of this machine\n  help: use 127.0.0.1 (the default), or an address this machine has"
            ),
            std::io::ErrorKind::PermissionDenied => format!(
                "not allowed to listen on port {port}\n  help: ports below 1024 need privileges; use the default 1111 or another port above 1023"
            ),
            _ => format!("cannot listen on {interface} port {port}: {e}"),
        };
        anyhow::anyhow!(help)
    })
}

/// Rebuilds one batch, publishes the changed pages and tells pages and
/// caller. The index, slow on a large site, is left to [`rebuild_index`],
/// so the page an author is looking at reloads at once.
fn rebuild(
    state: &mut state::State,
    batch: &watch::Batch,
    shared: &http::Shared,
    notify: &impl Fn(Notice),
    reported: &mut String,
) {
    let since = batch.first_seen.unwrap_or_else(Instant::now);
    let outcome = state.apply(batch, &shared.current());
    tell_errors(state, shared);
    let files = outcome.files;
    if publish(shared, outcome) {
        notify(Notice::Rebuilt {
            changed: batch.describe(),
            files,
            elapsed: since.elapsed(),
        });
    }
    report_errors(state, notify, reported);
}

/// Renders the index after a batch changed articles, and reports it.
fn rebuild_index(
    state: &mut state::State,
    batch: &watch::Batch,
    shared: &http::Shared,
    notify: &impl Fn(Notice),
    reported: &mut String,
) {
    let since = batch.first_seen.unwrap_or_else(Instant::now);
    let outcome = state.render_index(&shared.current());
    tell_errors(state, shared);
    if publish(shared, outcome) {
        notify(Notice::IndexRendered {
            elapsed: since.elapsed(),
        });
    }
    report_errors(state, notify, reported);
}

/// Tells the pages the current errors (the overlay), or that there are none.
fn tell_errors(state: &state::State, shared: &http::Shared) {
    let errors = state.errors();
    if errors.is_empty() {
        shared.hub.broadcast(&Message::Ok);
    } else {
        shared
            .hub
            .broadcast(&Message::Errors(overlay_text(&errors)));
    }
}

/// Tells the caller the errors when they differ from those last told, so
/// the terminal prints each error once.
fn report_errors(state: &state::State, notify: &impl Fn(Notice), reported: &mut String) {
    let errors = state.errors();
    let text = if errors.is_empty() {
        String::new()
    } else {
        errors.to_string()
    };
    if text != *reported {
        if text.is_empty() {
            notify(Notice::Fixed);
        } else {
            notify(Notice::Errors(text.clone()));
        }
        *reported = text;
    }
}

/// Serves a rebuild's snapshot, if it made one, and tells the pages it
/// changed to reload.
fn publish(shared: &http::Shared, outcome: state::Outcome) -> bool {
    let Some(snapshot) = outcome.snapshot else {
        return false;
    };
    let generation = snapshot.generation;
    let previous = shared.publish(snapshot);
    shared.hub.broadcast(&Message::Reload {
        generation,
        paths: outcome.paths,
    });
    drop(previous);
    true
}

/// The errors as the overlay shows them: the first 50, then a count.
fn overlay_text(errors: &crate::Diagnostics) -> String {
    const SHOWN: usize = 50;
    if errors.len() <= SHOWN {
        return errors.to_string();
    }
    let mut out = String::new();
    for d in errors.0.iter().take(SHOWN) {
        out.push_str(&format!("{d}\n"));
    }
    out.push_str(&format!(
        "... and {} more: see the terminal\n{} problems found",
        errors.len() - SHOWN,
        errors.len()
    ));
    out
}
