//! A small HTTP/1.1 server on std's TcpListener, one thread per connection:
//! GET and HEAD of the current snapshot, `index.html` for folder URLs, the
//! site's 404.html with status 404, ETags with 304s, keep-alive, and the
//! live-reload event stream.
//!
//! Slow clients cannot crowd others out: a request must arrive whole within
//! [`REQUEST_TIME`] of the server starting to wait for it, however slowly
//! its bytes trickle in, and when every connection is taken, the one that
//! has waited longest for its request is closed to make room for the new
//! one (only connections busy answering or streaming events make a newcomer
//! wait for a 503).
//!
//! Request paths are confined to the snapshot: they are only ever looked up
//! in its map, never joined to a file system path, and anything that tries
//! to climb (`..`, `%2e%2e`, an encoded `/` or `\`, an empty segment, a NUL
//! byte, a control character, a target that is not origin-form) is refused
//! with 400 before the lookup.

use super::reload::{EVENTS_PATH, Hub};
use super::snapshot::Snapshot;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// More open connections than this: the one waiting longest for its
/// request is closed, or, when none is waiting, the newcomer gets a 503.
const MAX_CONNECTIONS: usize = 2048;
/// How long a connection may take to send a whole request head, counted
/// from when the server starts waiting for it (after the previous answer on
/// a kept-alive connection): a client trickling bytes is closed after it.
const REQUEST_TIME: Duration = Duration::from_secs(10);
/// The longest request line or header line accepted.
const MAX_LINE: u64 = 8 * 1024;
const MAX_HEADERS: usize = 100;
/// How long a write may block.
const IDLE: Duration = Duration::from_secs(15);
/// How often an idle event stream gets a comment, to notice closed pages.
const PING: Duration = Duration::from_secs(15);

/// What the connection threads share with the rebuild thread.
pub struct Shared {
    pub snapshot: RwLock<Arc<Snapshot>>,
    pub hub: Hub,
    connections: AtomicUsize,
    /// The open connections that are waiting for a request, by id, with
    /// since when: the longest waiting is closed to make room.
    waiting: Mutex<HashMap<u64, (Instant, TcpStream)>>,
    next_id: AtomicU64,
}

impl Shared {
    pub fn new(snapshot: Snapshot) -> Shared {
        Shared {
            snapshot: RwLock::new(Arc::new(snapshot)),
            hub: Hub::default(),
            connections: AtomicUsize::new(0),
            waiting: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(0),
        }
    }

    /// Closes the connection that has waited longest for its request, to
    /// make room for a new one; false when none is waiting.
    fn close_longest_waiting(&self) -> bool {
        let mut waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        let Some(id) = waiting
            .iter()
            .min_by_key(|(id, (since, _))| (*since, **id))
            .map(|(id, _)| *id)
        else {
            return false;
        };
        if let Some((_, stream)) = waiting.remove(&id) {
            // Its thread sees the end of the stream and ends.
            let _ = stream.shutdown(Shutdown::Both);
        }
        true
    }

    /// Notes that connection `id` waits for a request from now on.
    fn start_waiting(&self, id: u64, stream: &TcpStream) {
        if let Ok(clone) = stream.try_clone() {
            let mut waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
            waiting.insert(id, (Instant::now(), clone));
        }
    }

    /// Notes that connection `id` has its request (or is gone). Returns
    /// false when it was closed to make room meanwhile.
    fn stop_waiting(&self, id: u64) -> bool {
        let mut waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        waiting.remove(&id).is_some()
    }

    /// The snapshot being served now.
    pub fn current(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Serves `snapshot` from now on; requests already answering keep the
    /// one they started with.
    /// Returns the previous one, for the caller to drop once the pages
    /// have been told (dropping a large snapshot takes a moment).
    pub fn publish(&self, snapshot: Snapshot) -> Arc<Snapshot> {
        let next = Arc::new(snapshot);
        let mut current = self.snapshot.write().unwrap_or_else(|e| e.into_inner());
        std::mem::replace(&mut *current, next)
    }
}

/// Accepts connections until the listener fails.
pub fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(_) => {
                // Out of file descriptors or an aborted handshake: wait a
                // moment rather than spin.
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        if shared.connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS
            && !shared.close_longest_waiting()
        {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
            let mut s = stream;
            let _ = s.write_all(
                b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\nRetry-After: 1\r\n\r\n",
            );
            continue;
        }
        let shared2 = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("dateline-http".into())
            .stack_size(256 * 1024)
            .spawn(move || {
                let _ = connection(stream, &shared2);
                shared2.connections.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// A parsed request head.
#[derive(Debug)]
struct Request {
    method: String,
    target: String,
    keep_alive: bool,
    if_none_match: Option<String>,
}

enum ReadError {
    /// The peer closed or went quiet between requests.
    Closed,
    /// Malformed: answer 400 and close.
    Bad,
}

/// A connection's reading side: every read gives up at the deadline the
/// request being read must arrive by.
struct Timed {
    stream: TcpStream,
    deadline: Instant,
}

impl Read for Timed {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        self.stream.read(buf)
    }
}

fn connection(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let id = shared.next_id.fetch_add(1, Ordering::Relaxed);
    let result = serve_connection(stream, shared, id);
    shared.stop_waiting(id);
    result
}

fn serve_connection(stream: TcpStream, shared: &Shared, id: u64) -> std::io::Result<()> {
    stream.set_write_timeout(Some(IDLE))?;
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(Timed {
        stream: stream.try_clone()?,
        deadline: Instant::now() + REQUEST_TIME,
    });
    let mut out = stream;
    loop {
        reader.get_mut().deadline = Instant::now() + REQUEST_TIME;
        shared.start_waiting(id, &out);
        let read = read_request(&mut reader);
        if !shared.stop_waiting(id) {
            // Closed to make room for a newer connection.
            return Ok(());
        }
        let request = match read {
            Ok(r) => r,
            Err(ReadError::Closed) => return Ok(()),
            Err(ReadError::Bad) => {
                let r = Response::plain(400, "Bad Request", "bad request\n");
                return r.write(&mut out, false, false);
            }
        };
        let head = request.method == "HEAD";
        if request.method != "GET" && !head {
            let mut r = Response::plain(405, "Method Not Allowed", "only GET and HEAD\n");
            r.headers.push(("Allow", "GET, HEAD".into()));
            r.write(&mut out, head, request.keep_alive)?;
        } else if request.target.split('?').next() == Some(EVENTS_PATH) && !head {
            return event_stream(out, shared);
        } else {
            let response = respond(&shared.current(), &request);
            response.write(&mut out, head, request.keep_alive)?;
        }
        if !request.keep_alive {
            return Ok(());
        }
    }
}

fn read_line(reader: &mut BufReader<Timed>, line: &mut Vec<u8>) -> Result<usize, ReadError> {
    line.clear();
    let n = reader
        .by_ref()
        .take(MAX_LINE)
        .read_until(b'\n', line)
        .map_err(|_| ReadError::Closed)?;
    if n > 0 && !line.ends_with(b"\n") {
        // Longer than MAX_LINE, or cut off.
        return Err(ReadError::Bad);
    }
    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        line.pop();
    }
    Ok(n)
}

fn read_request(reader: &mut BufReader<Timed>) -> Result<Request, ReadError> {
    let mut line = Vec::new();
    // Tolerate blank lines before a request (RFC 9112 2.2).
    loop {
        if read_line(reader, &mut line)? == 0 {
            return Err(ReadError::Closed);
        }
        if !line.is_empty() {
            break;
        }
    }
    let text = std::str::from_utf8(&line).map_err(|_| ReadError::Bad)?;
    let mut parts = text.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Bad);
    };
    let mut keep_alive = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(ReadError::Bad),
    };
    let mut request = Request {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive,
        if_none_match: None,
    };
    let mut content_length: u64 = 0;
    for _ in 0..=MAX_HEADERS {
        if read_line(reader, &mut line)? == 0 {
            return Err(ReadError::Bad);
        }
        if line.is_empty() {
            request.keep_alive = keep_alive;
            if content_length > 0 {
                // A body on GET or HEAD means nothing here: drop it.
                if content_length > 1024 * 1024 {
                    return Err(ReadError::Bad);
                }
                std::io::copy(
                    &mut reader.by_ref().take(content_length),
                    &mut std::io::sink(),
                )
                .map_err(|_| ReadError::Closed)?;
            }
            return Ok(request);
        }
        let text = String::from_utf8_lossy(&line);
        let Some((name, value)) = text.split_once(':') else {
            return Err(ReadError::Bad);
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "connection" => {
                let v = value.to_ascii_lowercase();
                if v.contains("close") {
                    keep_alive = false;
                } else if v.contains("keep-alive") {
                    keep_alive = true;
                }
            }
            "if-none-match" => request.if_none_match = Some(value.to_string()),
            "content-length" => content_length = value.parse().map_err(|_| ReadError::Bad)?,
            "transfer-encoding" => return Err(ReadError::Bad),
            _ => {}
        }
    }
    Err(ReadError::Bad)
}

/// A response to write.
struct Response {
    status: u16,
    reason: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Body,
}

enum Body {
    Static(&'static [u8]),
    Shared(Arc<super::snapshot::Entry>),
    Empty,
}

impl Response {
    fn plain(status: u16, reason: &'static str, text: &'static str) -> Response {
        Response {
            status,
            reason,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
            body: Body::Static(text.as_bytes()),
        }
    }

    fn write(&self, out: &mut TcpStream, head_only: bool, keep_alive: bool) -> std::io::Result<()> {
        let body: &[u8] = match &self.body {
            Body::Static(b) => b,
            Body::Shared(e) => &e.bytes,
            Body::Empty => &[],
        };
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, self.reason);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if self.status != 304 {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n");
        head.push_str(if keep_alive {
            "Connection: keep-alive\r\n\r\n"
        } else {
            "Connection: close\r\n\r\n"
        });
        if head_only || self.status == 304 || body.is_empty() {
            out.write_all(head.as_bytes())?;
        } else if body.len() < 16 * 1024 {
            let mut all = head.into_bytes();
            all.extend_from_slice(body);
            out.write_all(&all)?;
        } else {
            out.write_all(head.as_bytes())?;
            out.write_all(body)?;
        }
        out.flush()
    }
}

/// Where a request target leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// The snapshot key to look up (folder URLs already end in `index.html`).
    File(String),
    /// A folder asked for without its trailing slash: where to redirect
    /// when the key is missing but `key/index.html` exists.
    MaybeFolder(String),
    /// Malformed or trying to leave the site: 400.
    Refused,
}

/// Decodes a request target into a snapshot key, refusing anything that is
/// not a plain path inside the site.
pub fn resolve(target: &str) -> Target {
    // Not even the query may hold a control character: a folder URL's
    // query goes back out in the Location header of its redirect.
    if target.chars().any(char::is_control) {
        return Target::Refused;
    }
    let Some(path) = target.strip_prefix('/') else {
        return Target::Refused; // absolute-form, authority-form or `*`
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let mut bytes = Vec::with_capacity(path.len());
    let raw = path.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b == b'%' {
            let hex = raw
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) else {
                return Target::Refused;
            };
            // An encoded separator is never a plain path.
            if v == b'/' || v == b'\\' {
                return Target::Refused;
            }
            bytes.push(v);
            i += 3;
        } else {
            bytes.push(b);
            i += 1;
        }
    }
    let Ok(decoded) = String::from_utf8(bytes) else {
        return Target::Refused;
    };
    if decoded.chars().any(|c| c.is_control() || c == '\\') {
        return Target::Refused;
    }
    let folder = decoded.is_empty() || decoded.ends_with('/');
    let trimmed = decoded.strip_suffix('/').unwrap_or(&decoded);
    if !trimmed.is_empty() {
        for segment in trimmed.split('/') {
            if segment.is_empty() || segment == "." || segment == ".." {
                return Target::Refused;
            }
        }
    }
    if folder {
        Target::File(format!("{decoded}index.html"))
    } else {
        Target::MaybeFolder(decoded)
    }
}

fn respond(snapshot: &Snapshot, request: &Request) -> Response {
    let key = match resolve(&request.target) {
        Target::Refused => return Response::plain(400, "Bad Request", "bad request path\n"),
        Target::File(k) => k,
        Target::MaybeFolder(k) => {
            if snapshot.get(&k).is_none() && snapshot.get(&format!("{k}/index.html")).is_some() {
                let query = request
                    .target
                    .split_once('?')
                    .map(|(_, q)| format!("?{q}"))
                    .unwrap_or_default();
                return Response {
                    status: 301,
                    reason: "Moved Permanently",
                    headers: vec![("Location", format!("/{k}/{query}"))],
                    body: Body::Empty,
                };
            }
            k
        }
    };
    let (status, reason, entry) = match snapshot.get(&key) {
        Some(e) => (200, "OK", e.clone()),
        None => match snapshot.get("404.html") {
            Some(e) => (404, "Not Found", e.clone()),
            None => return Response::plain(404, "Not Found", "not found\n"),
        },
    };
    let mut headers = vec![
        ("Content-Type", entry.content_type.to_string()),
        ("ETag", entry.etag.clone()),
    ];
    if status == 200
        && request.if_none_match.as_deref().is_some_and(|v| {
            v == "*"
                || v.split(',')
                    .any(|t| t.trim().trim_start_matches("W/") == entry.etag)
        })
    {
        headers.remove(0);
        return Response {
            status: 304,
            reason: "Not Modified",
            headers,
            body: Body::Empty,
        };
    }
    Response {
        status,
        reason,
        headers,
        body: Body::Shared(entry),
    }
}

/// Holds a server-sent events stream open until the page goes away.
fn event_stream(mut out: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let (rx, first) = shared.hub.subscribe();
    out.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nX-Accel-Buffering: no\r\nConnection: close\r\n\r\nretry: 500\n\n",
    )?;
    out.write_all(first.as_bytes())?;
    out.flush()?;
    loop {
        match rx.recv_timeout(PING) {
            Ok(message) => out.write_all(message.as_bytes())?,
            Err(RecvTimeoutError::Timeout) => out.write_all(b": ping\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        out.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_urls_get_their_index() {
        assert_eq!(resolve("/"), Target::File("index.html".into()));
        assert_eq!(
            resolve("/articles/a/"),
            Target::File("articles/a/index.html".into())
        );
        assert_eq!(
            resolve("/articles/a/?x=1"),
            Target::File("articles/a/index.html".into())
        );
        assert_eq!(
            resolve("/articles/a"),
            Target::MaybeFolder("articles/a".into())
        );
        assert_eq!(
            resolve("/caf%C3%A9.css"),
            Target::MaybeFolder("café.css".into())
        );
    }

    #[test]
    fn every_way_out_is_refused() {
        for t in [
            "/../dateline.yaml",
            "/articles/../../etc/passwd",
            "/%2e%2e/dateline.yaml",
            "/%2E%2E%2Fdateline.yaml",
            "/articles%2f..%2f..%2fetc/passwd",
            "/..%5c..%5cetc/passwd",
            "/..\\etc/passwd",
            "//etc/passwd",
            "/./index.html",
            "/index.html%00.css",
            "/index.html\0",
            "/%zz",
            "/%ff",
            "/articles/a?x=1\rSet-Cookie: a=b",
            "/articles/a?\u{1b}[2J",
            "http://localhost/etc/passwd",
            "*",
            "etc/passwd",
        ] {
            assert_eq!(resolve(t), Target::Refused, "{t}");
        }
    }
}
