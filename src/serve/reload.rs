//! Live reload: the server-sent events channel every open page listens on,
//! and the small script injected into HTML in serve mode (never in `build`
//! output) that reloads the page or shows the error overlay.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

/// Where pages listen for reloads and errors.
pub const EVENTS_PATH: &str = "/__dateline/events";

/// Inserted before `</body>`. The overlay sets the error text with
/// `textContent`, so whatever the diagnostics say is shown, never run.
pub const SCRIPT: &str = r#"<script>/* dateline serve: live reload */
(function () {
  if (!window.EventSource) return;
  var box = null;
  function hide() { if (box) { box.remove(); box = null; } }
  function show(text) {
    hide();
    box = document.createElement("div");
    box.id = "dateline-errors";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:70vh;overflow:auto;z-index:2147483647;background:#2b0b0b;color:#fff;border-top:4px solid #e5484d;padding:1em 1.5em;font:14px/1.5 ui-monospace,monospace;box-shadow:0 -4px 24px rgba(0,0,0,.4)";
    var head = document.createElement("div");
    head.style.cssText = "font-weight:bold;margin-bottom:.5em";
    head.textContent = "dateline: the site has errors. The last good version is shown until they are fixed.";
    var close = document.createElement("button");
    close.textContent = "×";
    close.setAttribute("aria-label", "Hide");
    close.style.cssText = "float:right;font:inherit;background:none;color:#fff;border:0;cursor:pointer";
    close.onclick = hide;
    var pre = document.createElement("pre");
    pre.style.cssText = "margin:0;white-space:pre-wrap";
    pre.textContent = text;
    box.appendChild(close);
    box.appendChild(head);
    box.appendChild(pre);
    document.body.appendChild(box);
  }
  var es = new EventSource("/__dateline/events");
  es.addEventListener("reload", function (e) {
    var d = {};
    try { d = JSON.parse(e.data); } catch (_) {}
    var here = location.pathname.replace(/index\.html$/, "");
    var p = d.paths || ["*"];
    if (p.indexOf("*") >= 0 || p.indexOf(here) >= 0 || p.indexOf(decodeURI(here)) >= 0) location.reload();
  });
  es.addEventListener("errors", function (e) { show(e.data); });
  es.addEventListener("ok", hide);
})();
</script>
"#;

/// Puts [`SCRIPT`] before the last `</body>`, or at the end.
pub fn inject_script(mut html: Vec<u8>) -> Vec<u8> {
    let needle = b"</body>";
    let at = html
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
        .unwrap_or(html.len());
    html.splice(at..at, SCRIPT.bytes());
    html
}

/// What the pages are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A new build is served: pages at these URL paths (or all, for `*`)
    /// reload.
    Reload { generation: u64, paths: Vec<String> },
    /// The site has errors (the diagnostics as text): show the overlay.
    Errors(String),
    /// No errors any more: hide the overlay.
    Ok,
}

impl Message {
    /// The message as one server-sent event.
    pub fn to_sse(&self) -> String {
        let (event, data) = match self {
            Message::Reload { generation, paths } => (
                "reload",
                serde_json::json!({ "generation": generation, "paths": paths }).to_string(),
            ),
            Message::Errors(text) => ("errors", text.clone()),
            Message::Ok => ("ok", String::new()),
        };
        let mut out = format!("event: {event}\n");
        // A browser ends a line at any of CR LF, LF and CR: a line break of
        // any kind left inside a data line would cut the event short.
        for line in data.split("\r\n").flat_map(|l| l.split(['\r', '\n'])) {
            out.push_str("data: ");
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
        out
    }
}

/// The open event streams, and the error state a newly opened page is told.
#[derive(Default)]
pub struct Hub {
    inner: Mutex<HubInner>,
}

#[derive(Default)]
struct HubInner {
    clients: Vec<Sender<Arc<str>>>,
    errors: Option<String>,
}

impl Hub {
    /// A new listener, and the event to send it first (the current errors,
    /// or `ok`).
    pub fn subscribe(&self) -> (Receiver<Arc<str>>, String) {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let (tx, rx) = channel();
        inner.clients.push(tx);
        let first = match &inner.errors {
            Some(e) => Message::Errors(e.clone()),
            None => Message::Ok,
        };
        (rx, first.to_sse())
    }

    /// Sends to every open page, forgetting those that have gone.
    pub fn broadcast(&self, message: &Message) {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        match message {
            Message::Errors(e) => inner.errors = Some(e.clone()),
            Message::Ok => inner.errors = None,
            Message::Reload { .. } => {}
        }
        let text: Arc<str> = message.to_sse().into();
        inner.clients.retain(|c| c.send(text.clone()).is_ok());
    }

    pub fn listeners(&self) -> usize {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.clients.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let out = inject_script(b"<p>&lt;/body&gt;</p></BODY></html>".to_vec());
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("<p>&lt;/body&gt;</p><script>"));
        assert!(s.ends_with("</script>\n</BODY></html>"));
        let s = String::from_utf8(inject_script(b"<p>no body".to_vec())).unwrap();
        assert!(s.starts_with("<p>no body<script>"));
    }

    #[test]
    fn multi_line_errors_become_several_data_lines() {
        let sse = Message::Errors("a.md:2: error: x\n  help: y".into()).to_sse();
        assert_eq!(
            sse,
            "event: errors\ndata: a.md:2: error: x\ndata:   help: y\n\n"
        );
    }

    #[test]
    fn every_kind_of_line_break_starts_a_new_data_line() {
        let sse = Message::Errors("a.md: error: x\rmore\r\n  help: y\nz\r".into()).to_sse();
        assert_eq!(
            sse,
            "event: errors\ndata: a.md: error: x\ndata: more\ndata:   help: y\ndata: z\ndata: \n\n"
        );
        assert!(!sse.contains('\r'));
    }

    #[test]
    fn new_listeners_hear_the_current_errors_first() {
        let hub = Hub::default();
        assert_eq!(hub.subscribe().1, "event: ok\ndata: \n\n");
        hub.broadcast(&Message::Errors("bad".into()));
        let (rx, first) = hub.subscribe();
        assert!(first.starts_with("event: errors"));
        hub.broadcast(&Message::Reload {
            generation: 3,
            paths: vec!["/".into()],
        });
        assert_eq!(
            &*rx.recv().unwrap(),
            "event: reload\ndata: {\"generation\":3,\"paths\":[\"/\"]}\n\n"
        );
    }
}
