//! Real-browser test of the timeline page (issue 5): builds the example site
//! (the repository root), serves it on a loopback port from a small static
//! file server in this test, and runs tests/browser/timeline.mjs, which drives
//! Debian's headless Chromium with playwright-core and audits the page with
//! axe-core. See tests/browser/timeline.mjs for the checks.
//!
//! Needs /usr/bin/chromium (or DATELINE_CHROMIUM), node, and
//! `npm ci --prefix tests/browser`. Missing Chromium is a failure, not a skip,
//! unless DATELINE_SKIP_BROWSER=1. Screenshots go to
//! target/browser-artifacts/; DATELINE_UPDATE_SCREENSHOT=1 also copies the
//! desktop one to docs/screenshot.png (the README's picture).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NODE_TIMEOUT: Duration = Duration::from_secs(240);

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn artifact_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| {
            if p.is_absolute() {
                p
            } else {
                repo_root().join(p)
            }
        })
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("browser-artifacts")
}

#[test]
fn timeline_in_headless_chromium() {
    if std::env::var("DATELINE_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("browser test skipped: DATELINE_SKIP_BROWSER=1");
        return;
    }
    let root = repo_root();
    let chromium = std::env::var_os("DATELINE_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        chromium.is_file(),
        "the browser test needs Chromium at {} (Debian: `apt-get install chromium`; .ci/run installs it). \
         Set DATELINE_CHROMIUM to use another binary, or DATELINE_SKIP_BROWSER=1 to skip this test.",
        chromium.display()
    );
    let node_ok = Command::new("node")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        node_ok,
        "the browser test needs Node.js (`node` on PATH; Debian: `apt-get install nodejs npm`), or DATELINE_SKIP_BROWSER=1 to skip it"
    );
    ensure_node_modules(&root);

    // 1. Build the example site.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--root")
        .arg(&root)
        .arg("build")
        .arg("--output")
        .arg(&site)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "building the example site failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        site.join("index.html").is_file(),
        "the build wrote no index.html"
    );

    // 2. Serve it on a free loopback port.
    let url = serve(site.clone());

    // 3. Drive Chromium.
    let artifacts = artifact_dir();
    for name in [
        "timeline-desktop.png",
        "timeline-mobile.png",
        "timeline-desktop-full.png",
    ] {
        let _ = std::fs::remove_file(artifacts.join(name));
    }
    let mut cmd = Command::new("node");
    cmd.arg(root.join("tests/browser/timeline.mjs"))
        .arg(&url)
        .arg(&artifacts)
        .env("DATELINE_CHROMIUM", &chromium);
    let (ok, stdout, stderr) = run_with_timeout(cmd, NODE_TIMEOUT);
    print!("{stdout}");
    eprint!("{stderr}");
    assert!(
        ok,
        "the browser test failed (site served at {url}): {} problem(s), each on a FAIL line above",
        stderr.lines().filter(|l| l.starts_with("FAIL")).count()
    );
    assert!(
        stdout.contains("browser test: ok"),
        "timeline.mjs exited 0 without its summary line"
    );

    // 4. The screenshots exist and have the sizes asked for.
    let desktop = artifacts.join("timeline-desktop.png");
    let mobile = artifacts.join("timeline-mobile.png");
    let (dw, _) = png_size(&desktop);
    let (mw, _) = png_size(&mobile);
    assert_eq!(dw, 1280, "{} should be 1280 px wide", desktop.display());
    assert_eq!(mw, 360, "{} should be 360 px wide", mobile.display());
    if std::env::var("DATELINE_UPDATE_SCREENSHOT").as_deref() == Ok("1") {
        std::fs::create_dir_all(root.join("docs")).unwrap();
        std::fs::copy(&desktop, root.join("docs/screenshot.png")).unwrap();
        println!("copied {} to docs/screenshot.png", desktop.display());
    }
}

/// Installs the pinned node packages when they are missing (CI's .ci/run
/// does this beforehand).
fn ensure_node_modules(root: &Path) {
    let dir = root.join("tests/browser");
    let have = |p: &str| {
        dir.join("node_modules")
            .join(p)
            .join("package.json")
            .is_file()
    };
    if have("playwright-core") && have("axe-core") {
        return;
    }
    eprintln!("tests/browser/node_modules is missing; running `npm ci --prefix tests/browser`");
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--prefix"])
        .arg(&dir)
        .status();
    assert!(
        matches!(status, Ok(s) if s.success()) && have("playwright-core") && have("axe-core"),
        "the browser test needs its node packages: run `npm ci --prefix tests/browser` (npm failed: {status:?})"
    );
}

/// Runs `cmd`, collecting its output, and kills it after `timeout`.
fn run_with_timeout(mut cmd: Command, timeout: Duration) -> (bool, String, String) {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run node: {e}"));
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = so.read_to_string(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = se.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stdout = t_out.join().unwrap();
    let mut stderr = t_err.join().unwrap();
    match status {
        Some(s) => (s.success(), stdout, stderr),
        None => {
            stderr.push_str(&format!(
                "FAIL: timeline.mjs did not finish within {} s\n",
                timeout.as_secs()
            ));
            (false, stdout, stderr)
        }
    }
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("no screenshot {}: {e}", path.display()));
    assert!(
        bytes.len() > 24 && bytes.starts_with(b"\x89PNG\r\n\x1a\n") && &bytes[12..16] == b"IHDR",
        "{} is not a PNG",
        path.display()
    );
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

// ---- a small static file server ---------------------------------------------------

/// Serves `dir` on 127.0.0.1 with a free port for the rest of the test
/// process; returns its base URL.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let _ = handle(stream, &dir);
            });
        }
    });
    format!("http://127.0.0.1:{port}/")
}

fn handle(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            b"method not allowed\n",
            &[],
            method,
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(rel) = percent_decode(path) else {
        return respond(
            &mut stream,
            400,
            "text/plain; charset=utf-8",
            b"bad path\n",
            &[],
            method,
        );
    };
    let rel = PathBuf::from(rel.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return respond(
            &mut stream,
            403,
            "text/plain; charset=utf-8",
            b"forbidden\n",
            &[],
            method,
        );
    }
    let mut file = dir.join(&rel);
    if file.is_dir() {
        if !path.ends_with('/') {
            let location = format!("{path}/");
            return respond(
                &mut stream,
                301,
                "text/plain; charset=utf-8",
                b"",
                &[("Location", &location)],
                method,
            );
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => respond(&mut stream, 200, content_type(&file), &body, &[], method),
        Err(_) => {
            let body =
                std::fs::read(dir.join("404.html")).unwrap_or_else(|_| b"not found\n".to_vec());
            respond(
                &mut stream,
                404,
                "text/html; charset=utf-8",
                &body,
                &[],
                method,
            )
        }
    }
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    extra: &[(&str, &str)],
    method: &str,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
