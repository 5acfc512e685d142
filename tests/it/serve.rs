//! `dateline serve` end to end: the built binary on a temporary site with
//! `--port 0`, talked to over plain TCP. Every wait has a timeout and the
//! child is stopped at the end, whatever happens.

use crate::common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

/// The server process; killed when dropped.
struct Serve {
    child: Child,
    addr: SocketAddr,
    stderr: Receiver<String>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(root: &Path) -> Serve {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--root")
        .arg(root)
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let (etx, erx) = channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = etx.send(line);
        }
    });
    let deadline = Instant::now() + WAIT;
    let addr = loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("serve printed no URL in time");
        if let Some(rest) = line.split("http://").nth(1) {
            let hostport = rest.split('/').next().unwrap();
            break hostport.parse().unwrap();
        }
    };
    Serve {
        child,
        addr,
        stderr: erx,
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One request on its own connection, `target` sent exactly as given.
fn request(addr: SocketAddr, method: &str, target: &str, extra: &str) -> Reply {
    let mut s = TcpStream::connect_timeout(&addr, WAIT).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    s.set_write_timeout(Some(WAIT)).unwrap();
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: localhost\r\n{extra}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    parse_reply(&raw)
}

fn parse_reply(raw: &[u8]) -> Reply {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("no end of headers");
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    }
}

fn get(addr: SocketAddr, target: &str) -> Reply {
    request(addr, "GET", target, "")
}

/// An open event stream, read line by line on a thread.
struct Events(Receiver<String>);

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut s = TcpStream::connect_timeout(&addr, WAIT).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        write!(
            s,
            "GET /__dateline/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(s).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Events(rx)
    }

    /// Waits for the next event named `name`; returns its data.
    fn next(&self, name: &str) -> String {
        let deadline = Instant::now() + WAIT;
        let mut current = String::new();
        let mut data = Vec::new();
        loop {
            let line = self
                .0
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("no `{name}` event in time"));
            if let Some(e) = line.strip_prefix("event: ") {
                current = e.to_string();
                data.clear();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data.push(d.to_string());
            } else if line.is_empty() && current == name {
                return data.join("\n");
            }
        }
    }

    /// Waits for a reload that covers the page at `path`.
    fn reload_of(&self, path: &str) {
        loop {
            let data = self.next("reload");
            // A `*` reload left over from an earlier change (an editor's
            // write can come as two batches) does not count for a page.
            if data.contains(&format!("\"{path}\""))
                || (!path.starts_with("/articles/") && data.contains("\"*\""))
            {
                return;
            }
        }
    }
}

const SECOND: &str =
    "---\ntitle: Ceasefire holds\ndate: 2025-02-10\n---\n\nThe ceasefire held overnight.\n";

/// A site, and a folder outside it holding a file.
fn fixture() -> (tempfile::TempDir, tempfile::TempDir) {
    let s = site(&[
        ("dateline.yaml", "title: Serve test\n"),
        ("content/talks.md", GOOD_ARTICLE),
        ("content/ceasefire.md", SECOND),
        (
            "static/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        ("static/data/feed.json", "{}"),
        ("static/cal.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
    ]);
    // A file outside the site, for a symlink in static/ to point at.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("secret.txt"), "TOP SECRET").unwrap();
    (s, elsewhere)
}

#[test]
fn serves_reloads_shows_errors_and_refuses_traversal() {
    let (s, elsewhere) = fixture();
    std::os::unix::fs::symlink(
        elsewhere.path().join("secret.txt"),
        s.path().join("static/secret.txt"),
    )
    .unwrap();
    let before: Vec<_> = tree(s.path()).into_iter().map(|(p, _)| p).collect();
    let server = serve(s.path());
    let addr = server.addr;

    // Pages, types, folders, 404, HEAD, ETags.
    let index = get(addr, "/");
    assert_eq!(index.status, 200);
    assert_eq!(
        index.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(index.text().contains("Talks resume"));
    assert!(
        index.text().contains("/__dateline/events"),
        "script injected"
    );
    let page = get(addr, "/articles/talks/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Envoys met in Geneva."));
    let moved = get(addr, "/articles/talks?x=1");
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("location"), Some("/articles/talks/?x=1"));
    for (path, ty) in [
        ("/style.css", "text/css; charset=utf-8"),
        ("/logo.svg", "image/svg+xml"),
        ("/data/feed.json", "application/json"),
        ("/cal.ics", "text/calendar; charset=utf-8"),
    ] {
        let r = get(addr, path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(ty), "{path}");
    }
    let missing = get(addr, "/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("Page not found"));
    let head = request(addr, "HEAD", "/", "");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("content-length").unwrap(),
        index.body.len().to_string()
    );
    let etag = index.header("etag").unwrap();
    let cached = request(addr, "GET", "/", &format!("If-None-Match: {etag}\r\n"));
    assert_eq!(cached.status, 304);
    assert!(cached.body.is_empty());
    assert_eq!(request(addr, "POST", "/", "").status, 405);

    // Requests stay inside the site.
    for target in [
        "/../dateline.yaml",
        "/articles/../../dateline.yaml",
        "/%2e%2e/dateline.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/articles%2f..%2f..%2fdateline.yaml",
        "/..%2fdateline.yaml",
        "/..%5cdateline.yaml",
        "//etc/passwd",
        "/etc/passwd",
        "http://localhost/../dateline.yaml",
        "/index.html%00.css",
        "/content/talks.md",
        "/secret.txt",
    ] {
        let r = get(addr, target);
        assert!(r.status == 400 || r.status == 404, "{target}: {}", r.status);
        let text = r.text();
        assert!(
            !text.contains("TOP SECRET")
                && !text.contains("title: Serve test")
                && !text.contains("root:"),
            "{target} leaked"
        );
    }
    // A raw NUL byte in the request line.
    assert_eq!(get(addr, "/index.html\0").status, 400);

    // The symlink out of the site is reported, as `build` reports it, until
    // it goes.
    let events = Events::open(addr);
    let error = events.next("errors");
    assert!(
        error.contains("static/secret.txt: error: a symlink to "),
        "{error}"
    );
    std::fs::remove_file(s.path().join("static/secret.txt")).unwrap();
    events.next("ok");
    drop(events);

    // Edit an article: a reload event, then the new content.
    let events = Events::open(addr);
    events.next("ok");
    write(
        s.path(),
        "content/talks.md",
        GOOD_ARTICLE
            .replace("Talks resume", "Talks resume in Riyadh")
            .as_bytes(),
    );
    events.reload_of("/articles/talks/");
    assert!(
        get(addr, "/articles/talks/")
            .text()
            .contains("Talks resume in Riyadh")
    );
    events.reload_of("/");
    assert!(get(addr, "/").text().contains("Talks resume in Riyadh"));

    // Break the front matter: the overlay gets the error, the old page stays.
    write(
        s.path(),
        "content/talks.md",
        b"---\ntitle: Talks resume in Riyadh\ndate: 2025-02-09\ntags: [unclosed\n---\nText.\n",
    );
    let error = events.next("errors");
    assert!(error.contains("content/talks.md:"), "{error}");
    assert!(error.contains("error:"), "{error}");
    let page = get(addr, "/articles/talks/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Talks resume in Riyadh"));
    // A page opened now hears the error at once.
    let late = Events::open(addr);
    assert!(late.next("errors").contains("content/talks.md"));
    // The terminal printed it.
    let deadline = Instant::now() + WAIT;
    loop {
        let line = server
            .stderr
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the error was not printed");
        if line.contains("content/talks.md:") {
            break;
        }
    }
    // Saved again, still broken: the overlay is told again, the terminal
    // is not.
    write(
        s.path(),
        "content/talks.md",
        b"---\ntitle: Talks resume in Riyadh\ndate: 2025-02-09\ntags: [unclosed\n---\nText.\n",
    );
    events.next("errors");
    std::thread::sleep(Duration::from_millis(300));
    let again: Vec<String> = server.stderr.try_iter().collect();
    assert!(
        !again.iter().any(|l| l.contains("content/talks.md:")),
        "printed twice: {again:?}"
    );

    // Fix it: ok and reload, the new content served.
    write(
        s.path(),
        "content/talks.md",
        GOOD_ARTICLE
            .replace("Talks resume", "Talks resume, fixed")
            .as_bytes(),
    );
    events.next("ok");
    events.reload_of("/articles/talks/");
    assert!(
        get(addr, "/articles/talks/")
            .text()
            .contains("Talks resume, fixed")
    );

    // A template change re-renders; a static file is copied alone.
    write(
        s.path(),
        "static/logo.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><title>new</title></svg>",
    );
    events.reload_of("*");
    let deadline = Instant::now() + WAIT;
    while !get(addr, "/logo.svg").text().contains("new") {
        assert!(Instant::now() < deadline, "the new logo was not served");
        std::thread::sleep(Duration::from_millis(50));
    }
    write(
        s.path(),
        "templates/404.html",
        b"{% extends \"base.html\" %}{% block content %}<h1>Custom missing</h1>{% endblock content %}",
    );
    events.reload_of("*");
    // Under load an editor's write can arrive as two batches: poll.
    let deadline = Instant::now() + WAIT;
    let missing = loop {
        let r = get(addr, "/nothing-here");
        if r.text().contains("Custom missing") || Instant::now() > deadline {
            break r;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("Custom missing"));

    // A new article appears, a deleted one goes.
    write(
        s.path(),
        "content/third.md",
        b"---\ntitle: Third report\ndate: 2025-02-11\n---\nMore.\n",
    );
    events.reload_of("/articles/third/");
    assert_eq!(get(addr, "/articles/third/").status, 200);
    events.reload_of("/");
    std::fs::remove_file(s.path().join("content/ceasefire.md")).unwrap();
    events.reload_of("/articles/ceasefire/");
    assert_eq!(get(addr, "/articles/ceasefire/").status, 404);
    events.reload_of("/");
    assert!(!get(addr, "/").text().contains("Ceasefire holds"));

    // Ctrl-C: the process ends and leaves no file behind.
    let mut server = server;
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-INT", &server.child.id().to_string()])
            .status();
        let deadline = Instant::now() + WAIT;
        while server.child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "serve did not stop on SIGINT");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let mut after: Vec<_> = tree(s.path()).into_iter().map(|(p, _)| p).collect();
    after.retain(|p| p != Path::new("content/third.md") && p != Path::new("templates/404.html"));
    let mut expected = before;
    expected.retain(|p| p != Path::new("content/ceasefire.md"));
    assert_eq!(after, expected, "serve left files behind");
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let (s, _elsewhere) = fixture();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = dateline(s.path(), &["serve", "--port", &port]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("already in use"), "{err}");
    assert!(err.contains("--port 0"), "{err}");
}

#[test]
fn two_hundred_clients_never_see_a_failed_or_partial_page_while_rebuilding() {
    let (s, _elsewhere) = fixture();
    let server = serve(s.path());
    let addr = server.addr;
    let events = Events::open(addr);
    events.next("ok");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let editor = {
        let root = s.path().to_path_buf();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) && i < 200 {
                let body = format!(
                    "{}\n{}\n",
                    GOOD_ARTICLE,
                    "Another paragraph. ".repeat(i * 10)
                );
                write(&root, "content/talks.md", body.as_bytes());
                i += 1;
                std::thread::sleep(Duration::from_millis(15));
            }
        })
    };
    let clients: Vec<_> = (0..200)
        .map(|c| {
            std::thread::spawn(move || {
                let mut seen = 0;
                for r in 0..15 {
                    let target = [
                        "/",
                        "/articles/talks/",
                        "/articles/ceasefire/",
                        "/style.css",
                    ][(c + r) % 4];
                    let reply = get(addr, target);
                    assert_eq!(reply.status, 200, "{target}");
                    let len: usize = reply.header("content-length").unwrap().parse().unwrap();
                    assert_eq!(reply.body.len(), len, "{target}: short body");
                    if target.ends_with('/') {
                        let text = reply.text();
                        assert!(
                            text.trim_end().ends_with("</html>"),
                            "{target}: partial page"
                        );
                    }
                    seen += 1;
                }
                seen
            })
        })
        .collect();
    let total: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    editor.join().unwrap();
    assert_eq!(total, 200 * 15);
    // The last edit arrives in the end.
    events.next("reload");
    drop(server);
}

#[test]
fn a_site_broken_at_start_is_served_once_fixed_and_config_and_template_errors_keep_the_last_good_site()
 {
    let (s, _elsewhere) = fixture();
    write(
        s.path(),
        "content/ceasefire.md",
        b"---\ntitle: Ceasefire holds\n",
    );
    let server = serve(s.path());
    let addr = server.addr;
    let events = Events::open(addr);
    assert!(events.next("errors").contains("content/ceasefire.md"));
    assert!(get(addr, "/").text().contains("could not be built"));
    write(s.path(), "content/ceasefire.md", SECOND.as_bytes());
    events.next("ok");
    events.reload_of("/");
    assert!(get(addr, "/").text().contains("Ceasefire holds"));

    // The config: a new title everywhere; a bad key keeps the last good site.
    write(s.path(), "dateline.yaml", b"title: Renamed timeline\n");
    events.reload_of("*");
    assert!(
        get(addr, "/articles/talks/")
            .text()
            .contains("Renamed timeline")
    );
    write(
        s.path(),
        "dateline.yaml",
        b"title: Renamed timeline\nnot_a_key: 1\n",
    );
    assert!(events.next("errors").contains("dateline.yaml"));
    assert!(get(addr, "/").text().contains("Renamed timeline"));
    write(s.path(), "dateline.yaml", b"title: Renamed again\n");
    events.next("ok");
    events.reload_of("*");
    assert!(get(addr, "/").text().contains("Renamed again"));

    // A broken template: the error names it, the pages stay.
    write(s.path(), "templates/index.html", b"{% if %}");
    assert!(events.next("errors").contains("templates/index.html"));
    assert!(get(addr, "/").text().contains("Renamed again"));
    std::fs::remove_file(s.path().join("templates/index.html")).unwrap();
    events.next("ok");
    events.reload_of("*");
    assert_eq!(get(addr, "/").status, 200);
}

#[test]
fn an_edited_article_links_to_other_articles_and_a_missing_one_is_reported() {
    let linking = |target: &str, title: &str| {
        format!(
            "---\ntitle: {title}\ndate: 2025-02-09\n---\n\nSee [the ceasefire]({target}) for more.\n"
        )
    };
    let s = site(&[
        ("dateline.yaml", "title: Serve test\n"),
        ("content/talks.md", &linking("ceasefire.md", "Talks resume")),
        ("content/ceasefire.md", SECOND),
    ]);
    let server = serve(s.path());
    let addr = server.addr;
    let href = "href=\"../ceasefire/\"";
    assert!(get(addr, "/articles/talks/").text().contains(href));
    let events = Events::open(addr);
    events.next("ok");

    write(
        s.path(),
        "content/talks.md",
        linking("ceasefire.md", "Talks resume in Riyadh").as_bytes(),
    );
    events.reload_of("/articles/talks/");
    let page = get(addr, "/articles/talks/").text();
    assert!(page.contains("Talks resume in Riyadh"), "{page}");
    assert!(page.contains(href), "the link is not resolved: {page}");
    assert!(!page.contains("__dateline_article__"), "{page}");

    // A link to a file that is no article: reported as `build` reports it.
    write(
        s.path(),
        "content/talks.md",
        linking("missing.md", "Talks resume in Doha").as_bytes(),
    );
    let error = events.next("errors");
    assert!(error.contains("content/talks.md:6:5:"), "{error}");
    assert!(error.contains("links to `missing.md`"), "{error}");
    assert!(
        get(addr, "/articles/talks/")
            .text()
            .contains("Talks resume in Riyadh"),
        "the last good page stays"
    );

    // Fixed again, the error goes and the new page is served.
    write(
        s.path(),
        "content/talks.md",
        linking("ceasefire.md", "Talks resume in Cairo").as_bytes(),
    );
    events.next("ok");
    events.reload_of("/articles/talks/");
    let page = get(addr, "/articles/talks/").text();
    assert!(
        page.contains("Talks resume in Cairo") && page.contains(href),
        "{page}"
    );

    // The linked article goes: the link is reported until it is back.
    std::fs::remove_file(s.path().join("content/ceasefire.md")).unwrap();
    let error = events.next("errors");
    assert!(error.contains("content/talks.md:6:5:"), "{error}");
    assert!(error.contains("links to `ceasefire.md`"), "{error}");
    write(s.path(), "content/ceasefire.md", SECOND.as_bytes());
    events.next("ok");
}

#[test]
fn an_article_refused_for_a_taken_slug_is_served_once_the_clash_is_gone() {
    let s = site(&[
        ("dateline.yaml", "title: Serve test\n"),
        ("content/talks.md", GOOD_ARTICLE),
    ]);
    let server = serve(s.path());
    let addr = server.addr;
    let events = Events::open(addr);
    events.next("ok");
    write(
        s.path(),
        "content/copy.md",
        b"---\ntitle: Copy of the talks\ndate: 2025-02-10\nslug: talks\n---\n\nA copy.\n",
    );
    let error = events.next("errors");
    assert!(error.contains("content/copy.md"), "{error}");
    std::fs::remove_file(s.path().join("content/talks.md")).unwrap();
    events.next("ok");
    events.reload_of("/articles/talks/");
    let page = get(addr, "/articles/talks/").text();
    assert!(page.contains("Copy of the talks"), "{page}");
}

#[test]
fn allow_raw_html_holds_for_an_edited_article_as_in_build() {
    let raw = |word: &str| {
        format!(
            "---\ntitle: Raw\ndate: 2025-02-09\n---\n\nSee <mark class=\"raw\">{word}</mark> here.\n"
        )
    };
    let s = site(&[
        ("dateline.yaml", "title: Serve test\nallow_raw_html: true\n"),
        ("content/raw.md", &raw("first")),
    ]);
    let built = dateline(s.path(), &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let want = |word: &str| format!("<mark class=\"raw\">{word}</mark>");
    assert!(read(s.path(), "public/articles/raw/index.html").contains(&want("first")));
    let server = serve(s.path());
    let addr = server.addr;
    assert!(get(addr, "/articles/raw/").text().contains(&want("first")));
    let events = Events::open(addr);
    events.next("ok");
    write(s.path(), "content/raw.md", raw("second").as_bytes());
    events.reload_of("/articles/raw/");
    let page = get(addr, "/articles/raw/").text();
    assert!(page.contains(&want("second")), "{page}");
}

#[test]
fn a_new_client_is_served_while_2048_slow_connections_are_held_open() {
    let s = site(&[("content/talks.md", GOOD_ARTICLE)]);
    let server = serve(s.path());
    let addr = server.addr;
    // As many connections as the server keeps, each with the start of a
    // request it never finishes.
    let mut slow = Vec::new();
    for _ in 0..2048 {
        let mut c = TcpStream::connect_timeout(&addr, WAIT).unwrap();
        c.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
            .unwrap();
        slow.push(c);
    }
    let page = get(addr, "/articles/talks/");
    assert_eq!(page.status, 200, "{}", page.text());

    // A client trickling its request a byte a second is closed all the
    // same: within the request time (10 s), or sooner to make room.
    let mut trickler = TcpStream::connect_timeout(&addr, WAIT).unwrap();
    trickler.write_all(b"GET / HTTP/1.1\r\nX-Slow: ").unwrap();
    trickler
        .set_read_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        assert!(
            Instant::now() < deadline,
            "a client trickling its request was never closed"
        );
        if trickler.write_all(b"x").is_err() {
            break;
        }
        let mut buf = [0u8; 256];
        match trickler.read(&mut buf) {
            Ok(0) => break,
            Ok(_) => panic!("answered a request that never ended"),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => break,
        }
    }
    drop(slow);
    assert_eq!(get(addr, "/").status, 200);
}
