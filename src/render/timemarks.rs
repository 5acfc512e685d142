//! Marks the temporal expressions of an article in its rendered HTML: each
//! becomes `<time datetime="…">`, and the ones that produced a timeline event
//! link to it (`<a class="event-link" href="…#event-<id>"><time …>…</time></a>`).
//!
//! The tagger's offsets point into the article's plain text (paragraphs
//! joined by blank lines, each with its whitespace collapsed). The HTML holds
//! the same words as escaped text nodes between tags. This module walks the
//! HTML once, cuts its text into blocks (`p`, `h1`–`h6`, `li`, `td`, `th`)
//! the way the Markdown renderer cut the plain text, pairs each block with
//! the paragraph of the same text, and maps every character of the block's
//! collapsed text back to its bytes in the HTML. An expression is wrapped only
//! when its bytes lie in one text node (no tag inside, no entity cut in
//! half); a block whose text does not match its paragraph is left alone.
//! Links are never nested: inside an existing link only `<time>` is added.

use super::escape_html;
use crate::content::markdown::{BlockKind, Paragraph};
use crate::temporal::{Precision, Timex, TimexKind, TimexValue};
use chrono::Datelike;
use std::ops::Range;

/// One expression to mark: a byte range of the article's plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMark {
    pub start: usize,
    pub end: usize,
    /// A valid HTML `datetime` value ([`html_datetime`]); None when the
    /// expression has none (it is then only linked, if it has an event).
    pub datetime: Option<String>,
    /// Where the expression's event is on the timeline.
    pub href: Option<String>,
    /// Not a date but the words of a cited sentence that name what
    /// happened (an event's trigger): underlined as `<mark
    /// class="trigger">`, with no `datetime` or link.
    pub trigger: bool,
}

/// The nearest valid HTML `datetime` value for a TIMEX3 value: dates
/// (`2025-01-28`), months (`2025-01`), years (`2022`), weeks (`2025-W05`),
/// local date-times (`2025-02-07T15:00`), times (`15:00`) and durations of
/// days, hours, minutes and seconds (`P3D`, `PT2H`; weeks become days).
/// Quarters, halves and seasons give their year; a part of the day gives
/// its date. Decades, centuries, durations in months or years, sets,
/// references (`PRESENT_REF`) and values with unknown digits (`XXXX-01`)
/// have no HTML form: None.
pub fn html_datetime(value: &TimexValue) -> Option<String> {
    match value {
        TimexValue::Calendar(t) => html_calendar(t),
        TimexValue::Other { value, .. } => {
            if value.contains('X') {
                None
            } else if let Some(d) = value.strip_prefix('P') {
                html_duration(d)
            } else {
                value.strip_prefix('T').and_then(html_time)
            }
        }
    }
}

/// [`html_datetime`] of a calendar value. HTML years have four digits.
fn html_calendar(t: &Timex) -> Option<String> {
    let year = t.value_year();
    if !(1..=9999).contains(&year) {
        return None;
    }
    let d = t.interval.first;
    let date = || d.format("%Y-%m-%d").to_string();
    match (t.kind, t.precision) {
        (TimexKind::Clock { hour, minute }, _) if hour <= 23 => {
            Some(format!("{}T{hour:02}:{minute:02}", date()))
        }
        (TimexKind::Clock { .. } | TimexKind::DayPart(_), _) => Some(date()),
        (TimexKind::Weekend, _) | (TimexKind::Period, Precision::Week) => {
            Some(format!("{year:04}-W{:02}", d.iso_week().week()))
        }
        (TimexKind::Period, Precision::Time | Precision::Day) => Some(date()),
        (TimexKind::Period, Precision::Month) => Some(d.format("%Y-%m").to_string()),
        (
            TimexKind::Period,
            Precision::Quarter | Precision::Half | Precision::Season | Precision::Year,
        ) => Some(format!("{year:04}")),
        (TimexKind::Period, Precision::Decade | Precision::Century) => None,
    }
}

/// `15`, `15:00`, `15:00:30` as an HTML time; None for parts of the day
/// (`MO`, `EV`) and anything else.
fn html_time(t: &str) -> Option<String> {
    let fields: Vec<&str> = t.split(':').collect();
    let num = |s: &str, max: u32| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    match fields[..] {
        [h] => num(h, 23).map(|_| format!("{h}:00")),
        [h, m] => (num(h, 23).is_some() && num(m, 59).is_some()).then(|| format!("{h}:{m}")),
        [h, m, s] => (num(h, 23).is_some() && num(m, 59).is_some() && num(s, 59).is_some())
            .then(|| format!("{h}:{m}:{s}")),
        _ => None,
    }
}

/// The part of a TIMEX3 duration after `P`, as an HTML duration: whole
/// weeks, days, hours, minutes and seconds only (HTML has no months or
/// years, which have no fixed length).
fn html_duration(d: &str) -> Option<String> {
    let (date, time) = match d.split_once('T') {
        Some((a, b)) => (a, b),
        None => (d, ""),
    };
    let mut days = 0u64;
    for (n, unit) in components(date)? {
        days = days.checked_add(match unit {
            'W' => n.checked_mul(7)?,
            'D' => n,
            _ => return None,
        })?;
    }
    let mut out = String::from("P");
    if days > 0 || time.is_empty() {
        out.push_str(&format!("{days}D"));
    }
    if !time.is_empty() {
        out.push('T');
        for (n, unit) in components(time)? {
            if !matches!(unit, 'H' | 'M' | 'S') {
                return None;
            }
            out.push_str(&format!("{n}{unit}"));
        }
    }
    (out.len() > 1 && !out.ends_with('T')).then_some(out)
}

/// `3D2W` as `[(3, 'D'), (2, 'W')]`; None unless every unit has a whole number.
fn components(s: &str) -> Option<Vec<(u64, char)>> {
    let mut out = Vec::new();
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            out.push((digits.parse().ok()?, c));
            digits.clear();
        }
    }
    digits.is_empty().then_some(out)
}

/// `html` (an article body rendered from `paragraphs`) with every mark in
/// `marks` (sorted by start, offsets into the joined plain text) wrapped
/// where it can be. Marks that overlap an earlier one are skipped.
pub fn mark_times(html: &str, paragraphs: &[Paragraph], marks: &[TimeMark]) -> String {
    if marks.is_empty() {
        return html.to_string();
    }
    let body: Vec<&Paragraph> = paragraphs
        .iter()
        .filter(|p| p.kind != BlockKind::Caption)
        .collect();
    mark_blocks(html, &body, marks)
}

/// The photo caption (the article's [`BlockKind::Caption`] paragraph), as
/// escaped HTML with its marks wrapped, for templates to embed as it is.
pub fn mark_caption(caption: &Paragraph, marks: &[TimeMark]) -> String {
    let html = format!("<p>{}</p>", escape_html(&caption.text));
    let marked = mark_blocks(&html, &[caption], marks);
    marked
        .strip_prefix("<p>")
        .and_then(|m| m.strip_suffix("</p>"))
        .unwrap_or(&marked)
        .to_string()
}

/// [`mark_times`] with the paragraphs the HTML shows, in order.
fn mark_blocks(html: &str, body: &[&Paragraph], marks: &[TimeMark]) -> String {
    let blocks = text_blocks(html);
    // Pair blocks with paragraphs in order; a paragraph whose block cannot
    // be found (its HTML shows other text) is skipped, looking a few ahead.
    const LOOKAHEAD: usize = 4;
    let mut block_of: Vec<Option<usize>> = vec![None; body.len()];
    let mut next = 0;
    for (bi, b) in blocks.iter().enumerate() {
        let end = (next + LOOKAHEAD).min(body.len());
        if let Some(k) = (next..end).find(|&k| body[k].text == b.text) {
            block_of[k] = Some(bi);
            next = k + 1;
        }
    }

    let mut edits: Vec<(Range<usize>, String, String)> = Vec::new();
    let mut done_to = 0;
    for m in marks {
        if m.start < done_to || m.end <= m.start {
            continue;
        }
        let k = body.partition_point(|p| p.offset + p.text.len() < m.end);
        let Some(p) = body.get(k) else { continue };
        if m.start < p.offset || m.end > p.offset + p.text.len() {
            continue;
        }
        let Some(block) = block_of[k].map(|bi| &blocks[bi]) else {
            continue;
        };
        let Some((raw, in_link, in_time)) = block.raw_range(m.start - p.offset, m.end - p.offset)
        else {
            continue;
        };
        if in_time || html[raw.clone()].contains(['<', '>']) {
            continue;
        }
        if m.trigger {
            done_to = m.end;
            edits.push((
                raw,
                "<mark class=\"trigger\">".to_string(),
                "</mark>".to_string(),
            ));
            continue;
        }
        let href = m.href.as_deref().filter(|_| !in_link);
        let (mut open, mut close) = (String::new(), String::new());
        if let Some(h) = href {
            open.push_str(&format!(
                "<a class=\"event-link\" href=\"{}\">",
                escape_html(h)
            ));
        }
        if let Some(dt) = &m.datetime {
            open.push_str(&format!("<time datetime=\"{}\">", escape_html(dt)));
            close.push_str("</time>");
        }
        if href.is_some() {
            close.push_str("</a>");
        }
        if open.is_empty() {
            continue;
        }
        done_to = m.end;
        edits.push((raw, open, close));
    }
    edits.sort_by_key(|(r, _, _)| r.start);
    let mut out = String::with_capacity(html.len() + edits.len() * 80);
    let mut at = 0;
    for (r, open, close) in edits {
        if r.start < at {
            continue;
        }
        out.push_str(&html[at..r.start]);
        out.push_str(&open);
        out.push_str(&html[r.clone()]);
        out.push_str(&close);
        at = r.end;
    }
    out.push_str(&html[at..]);
    out
}

/// One character of a block's collapsed text.
#[derive(Debug, Clone)]
struct CharPos {
    /// Byte offset in the block's collapsed text.
    at: usize,
    /// Its bytes in the HTML (for text from a tag, such as an image's alt
    /// or a line break, the whole tag).
    raw: Range<usize>,
    in_link: bool,
    in_time: bool,
}

/// The text of one block element as the Markdown renderer collapses it, and
/// where each of its characters is in the HTML.
#[derive(Debug, Default)]
struct TextBlock {
    text: String,
    chars: Vec<CharPos>,
    /// A whitespace character is pending (collapsed into one space before
    /// the next word).
    pending_space: Option<CharPos>,
}

impl TextBlock {
    fn push(&mut self, c: char, raw: Range<usize>, in_link: bool, in_time: bool) {
        let pos = CharPos {
            at: 0,
            raw,
            in_link,
            in_time,
        };
        if c.is_whitespace() {
            if !self.text.is_empty() && self.pending_space.is_none() {
                self.pending_space = Some(pos);
            }
            return;
        }
        if let Some(mut space) = self.pending_space.take() {
            space.at = self.text.len();
            self.text.push(' ');
            self.chars.push(space);
        }
        self.chars.push(CharPos {
            at: self.text.len(),
            ..pos
        });
        self.text.push(c);
    }

    /// The HTML bytes of the collapsed text's bytes `start..end`, and
    /// whether its first character is inside a link or a `<time>`.
    fn raw_range(&self, start: usize, end: usize) -> Option<(Range<usize>, bool, bool)> {
        let first = self.chars.binary_search_by_key(&start, |c| c.at).ok()?;
        let last = self.chars.partition_point(|c| c.at < end).checked_sub(1)?;
        let (a, b) = (self.chars.get(first)?, self.chars.get(last)?);
        (first <= last).then_some((a.raw.start..b.raw.end, a.in_link, a.in_time))
    }
}

const TEXT_BLOCKS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th"];
const OTHER_BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];
/// Elements whose content is not text of the article.
const SKIPPED: &[&str] = &["script", "style", "textarea", "title", "template"];

/// Walks `html` and returns the text of each text block in document order.
/// Text directly in a block element belongs to it; a nested block ends the
/// text before it and starts a new block after it, as the Markdown
/// renderer's paragraphs do.
fn text_blocks(html: &str) -> Vec<TextBlock> {
    let bytes = html.as_bytes();
    let mut blocks = Vec::new();
    let mut stack: Vec<&str> = Vec::new();
    let mut current: Option<TextBlock> = None;
    let (mut links, mut times) = (0usize, 0usize);
    // Inside a footnote reference (`<sup class="footnote-reference">`),
    // whose number is not in the plain text.
    let mut in_footnote_ref = false;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<'
            && let Some(tag) = Tag::parse(html, i)
        {
            let start = i;
            i = tag.end;
            let name = tag.name.as_str();
            if tag.closing {
                match name {
                    "a" => links = links.saturating_sub(1),
                    "time" => times = times.saturating_sub(1),
                    "sup" => in_footnote_ref = false,
                    _ => {}
                }
            } else {
                match name {
                    "a" => links += 1,
                    "time" => times += 1,
                    "sup" if tag.has_class(html, "footnote-reference") => in_footnote_ref = true,
                    "br" => {
                        if let Some(b) = current.as_mut() {
                            b.push('\n', start..i, links > 0, times > 0);
                        }
                    }
                    "img" => {
                        if let (Some(b), Some(alt)) = (current.as_mut(), tag.attr(html, "alt")) {
                            for c in decode(alt).chars() {
                                b.push(c, start..i, links > 0, times > 0);
                            }
                        }
                    }
                    _ if SKIPPED.contains(&name) => {
                        // Skip to the matching end tag.
                        let close = format!("</{name}");
                        i = find_ci(html, i, &close).unwrap_or(html.len());
                        continue;
                    }
                    _ => {}
                }
            }
            let is_text_block = TEXT_BLOCKS.contains(&name);
            if is_text_block || OTHER_BLOCKS.contains(&name) {
                if let Some(b) = current.take()
                    && !b.text.is_empty()
                {
                    blocks.push(b);
                }
                if tag.closing {
                    if let Some(at) = stack.iter().rposition(|n| *n == name) {
                        stack.truncate(at);
                    }
                } else if !tag.self_closing && name != "hr" {
                    stack.push(
                        TEXT_BLOCKS
                            .iter()
                            .chain(OTHER_BLOCKS)
                            .find(|n| **n == name)
                            .copied()
                            .unwrap_or("div"),
                    );
                }
                if stack.last().is_some_and(|n| TEXT_BLOCKS.contains(n)) {
                    current = Some(TextBlock::default());
                }
            }
            continue;
        }
        // A run of text up to the next tag.
        // (Searched in bytes: the run may start with a multi-byte character.)
        let end = bytes[i + 1..]
            .iter()
            .position(|&b| b == b'<')
            .map_or(html.len(), |j| i + 1 + j);
        if let (Some(b), false) = (current.as_mut(), in_footnote_ref) {
            let mut j = i;
            while j < end {
                let (c, len) = decode_at(&html[j..end]);
                b.push(c, j..j + len, links > 0, times > 0);
                j += len;
            }
        }
        i = end;
    }
    if let Some(b) = current
        && !b.text.is_empty()
    {
        blocks.push(b);
    }
    blocks
}

/// Case-insensitive search for an ASCII `needle` in `html` from `from`.
fn find_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let n = needle.len();
    let b = html.as_bytes();
    (from..b.len().saturating_sub(n - 1))
        .find(|&i| b[i..i + n].eq_ignore_ascii_case(needle.as_bytes()))
}

/// A start or end tag.
struct Tag {
    /// Lowercase.
    name: String,
    closing: bool,
    self_closing: bool,
    /// Byte range of the attributes in the HTML.
    attrs: Range<usize>,
    /// Byte just after the `>`.
    end: usize,
}

impl Tag {
    /// The tag (or comment, doctype, processing instruction, which come back
    /// as a tag named `!`) starting at `html[at] == '<'`; None when that `<`
    /// starts no tag.
    fn parse(html: &str, at: usize) -> Option<Tag> {
        let b = html.as_bytes();
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(html.len(), |j| at + j + 3);
            return Some(Tag::other(end));
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = rest.find('>').map_or(html.len(), |j| at + j + 1);
            return Some(Tag::other(end));
        }
        let closing = rest.starts_with("</");
        let name_start = at + 1 + usize::from(closing);
        let mut j = name_start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        if j == name_start || !b[name_start].is_ascii_alphabetic() {
            return None;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let attrs_start = j;
        let mut quote = None;
        while j < b.len() {
            match (quote, b[j]) {
                (None, b'"' | b'\'') => quote = Some(b[j]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        let self_closing = j > attrs_start && b[j - 1] == b'/';
        Some(Tag {
            name,
            closing,
            self_closing,
            attrs: attrs_start..j,
            end: (j + 1).min(html.len()),
        })
    }

    fn other(end: usize) -> Tag {
        Tag {
            name: "!".into(),
            closing: false,
            self_closing: true,
            attrs: 0..0,
            end,
        }
    }

    /// The raw (still escaped) value of attribute `name`.
    fn attr<'h>(&self, html: &'h str, name: &str) -> Option<&'h str> {
        let s = &html[self.attrs.clone()];
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            let key_start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/') {
                i += 1;
            }
            let key = &s[key_start..i];
            if i < b.len() && b[i] == b'=' {
                i += 1;
                let (vs, ve) = match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let e = s[i + 1..].find(q as char).map_or(s.len(), |k| i + 1 + k);
                        let r = (i + 1, e);
                        i = (e + 1).min(s.len());
                        r
                    }
                    _ => {
                        let st = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() {
                            i += 1;
                        }
                        (st, i)
                    }
                };
                if key.eq_ignore_ascii_case(name) {
                    return Some(&s[vs..ve]);
                }
            } else if key.is_empty() {
                i += 1;
            }
        }
        None
    }

    fn has_class(&self, html: &str, class: &str) -> bool {
        self.attr(html, "class")
            .is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }
}

/// `s` with its character references decoded.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let (c, len) = decode_at(&s[i..]);
        out.push(c);
        i += len;
    }
    out
}

/// The first character of `s` (a character reference decoded) and how many
/// bytes it takes. Unknown references stay as written.
fn decode_at(s: &str) -> (char, usize) {
    let c = s.chars().next().unwrap_or('\0');
    if c != '&' {
        return (c, c.len_utf8());
    }
    let Some(semi) = s.bytes().take(12).position(|b| b == b';') else {
        return ('&', 1);
    };
    let name = &s[1..semi];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let num = if let Some(h) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()
            } else if let Some(d) = name.strip_prefix('#') {
                d.parse().ok()
            } else {
                None
            };
            num.and_then(char::from_u32)
        }
    };
    match decoded {
        Some(c) => (c, semi + 1),
        None => ('&', 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::markdown::{join, render};

    #[test]
    fn datetimes_keep_the_expression_precision() {
        let cases = [
            ("2025-01-28", Some("2025-01-28")),
            ("2025-01", Some("2025-01")),
            ("2022", Some("2022")),
            ("2025-W05", Some("2025-W05")),
            ("2025-W05-WE", Some("2025-W05")),
            ("2025-02-07T15:00", Some("2025-02-07T15:00")),
            ("2025-02-07TMO", Some("2025-02-07")),
            ("T15:30", Some("15:30")),
            ("2025-Q1", Some("2025")),
            ("2025-H2", Some("2025")),
            ("2025-SU", Some("2025")),
            ("2025-WI", Some("2025")),
            ("2020-W53-WE", Some("2020-W53")),
            ("P3D", Some("P3D")),
            ("P2W", Some("P14D")),
            ("PT5H", Some("PT5H")),
            ("P1DT2H", Some("P1DT2H")),
            ("P3Y", None),
            ("P18M", None),
            ("PXY", None),
            ("P1E", None),
            ("199", None),
            ("19", None),
            ("PRESENT_REF", None),
            ("XXXX-WXX-1", None),
            ("2025-13", None),
            ("2025-02-30", None),
            ("2025-W60", None),
        ];
        for (value, want) in cases {
            let typed = TimexValue::parse(value, None);
            assert_eq!(html_datetime(&typed).as_deref(), want, "{value}");
        }
    }

    /// Renders `md`, marks every `(expression, datetime, href)` at its first
    /// place in the text, and returns the HTML.
    fn marked(md: &str, exprs: &[(&str, Option<&str>, Option<&str>)]) -> String {
        let r = render(md, 0, 1);
        let mut paragraphs = r.paragraphs;
        let text = join(&mut paragraphs);
        let mut marks: Vec<TimeMark> = exprs
            .iter()
            .map(|(e, dt, href)| {
                let start = text.find(e).unwrap_or_else(|| panic!("{e:?} in {text:?}"));
                TimeMark {
                    start,
                    end: start + e.len(),
                    datetime: dt.map(str::to_string),
                    href: href.map(str::to_string),
                    trigger: false,
                }
            })
            .collect();
        marks.sort_by_key(|m| m.start);
        mark_times(&r.html, &paragraphs, &marks)
    }

    #[test]
    fn wraps_expressions_in_the_html() {
        let link = Some("/#event-e1");
        let day = Some("2025-01-28");
        // (markdown, expression, datetime, href, wanted fragment or, when
        // it must stay unwrapped, the fragment that must remain)
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, &'a str);
        let cases: &[Case] = &[
            (
                "Putin spoke on January 28.",
                "January 28",
                day,
                link,
                r#"on <a class="event-link" href="/#event-e1"><time datetime="2025-01-28">January 28</time></a>."#,
            ),
            (
                "It happened in 2022.",
                "2022",
                Some("2022"),
                None,
                r#"in <time datetime="2022">2022</time>."#,
            ),
            (
                "A week *in January 2025* passed.",
                "January 2025",
                Some("2025-01"),
                link,
                r#"<em>in <a class="event-link" href="/#event-e1"><time datetime="2025-01">January 2025</time></a></em>"#,
            ),
            (
                "Smith & Jones met on January 28 & talked.",
                "January 28",
                day,
                link,
                r#"Smith &amp; Jones met on <a class="event-link" href="/#event-e1"><time datetime="2025-01-28">January 28</time></a> &amp; talked."#,
            ),
            (
                "Q&A on January 28",
                "Q&A on January 28",
                day,
                None,
                r#"<time datetime="2025-01-28">Q&amp;A on January 28</time>"#,
            ),
            (
                "It was on *January* 28.",
                "January 28",
                day,
                link,
                "on <em>January</em> 28.",
            ),
            (
                "See [the report of January 28](https://example.com/r).",
                "January 28",
                day,
                link,
                r#"<a href="https://example.com/r">the report of <time datetime="2025-01-28">January 28</time></a>"#,
            ),
            (
                "They met on\nJanuary\n28 in Rome.",
                "January 28",
                day,
                None,
                "<time datetime=\"2025-01-28\">January\n28</time> in Rome",
            ),
            (
                "Before.\n\n> Quoted on January 28.\n\n- item on Friday\n- other",
                "Friday",
                Some("2025-01-31"),
                None,
                r#"<li>item on <time datetime="2025-01-31">Friday</time></li>"#,
            ),
            (
                "## Talks on Friday\n\nBody.",
                "Friday",
                None,
                link,
                r#"<h2>Talks on <a class="event-link" href="/#event-e1">Friday</a></h2>"#,
            ),
            (
                "| when | what |\n| --- | --- |\n| January 28 | talks |\n",
                "January 28",
                day,
                None,
                r#"<td><time datetime="2025-01-28">January 28</time></td>"#,
            ),
            (
                "Talks `on January 28` failed.",
                "January 28",
                day,
                None,
                r#"<code>on <time datetime="2025-01-28">January 28</time></code>"#,
            ),
            (
                "Hi  on “January 28”, she said.",
                "January 28",
                day,
                None,
                r#"“<time datetime="2025-01-28">January 28</time>”"#,
            ),
            (
                "A note[^1] on January 28.\n\n[^1]: On Friday.\n",
                "January 28",
                day,
                None,
                r#"on <time datetime="2025-01-28">January 28</time>."#,
            ),
            (
                "Line one on Friday  \nand then on Monday.",
                "Monday",
                Some("2025-02-03"),
                None,
                r#"on <time datetime="2025-02-03">Monday</time>."#,
            ),
            (
                "\"Friday,\" she said.",
                "Friday",
                Some("2025-01-31"),
                None,
                r#"<p id="p-1">“<time datetime="2025-01-31">Friday</time>,” she said.</p>"#,
            ),
            (
                "No datetime and no event: Friday.",
                "Friday",
                None,
                None,
                "event: Friday.",
            ),
        ];
        for (md, expr, dt, href, want) in cases {
            let html = marked(md, &[(expr, *dt, *href)]);
            assert!(html.contains(want), "{md:?}\nwant {want}\ngot  {html}");
        }
    }

    #[test]
    fn an_expression_across_a_tag_is_left_unwrapped() {
        let html = marked(
            "On *January* 28, 2025.",
            &[("January 28, 2025", Some("2025-01-28"), Some("/#e"))],
        );
        assert!(
            !html.contains("<time") && !html.contains("event-link"),
            "{html}"
        );
        assert!(html.contains("On <em>January</em> 28, 2025."), "{html}");
    }

    #[test]
    fn links_are_not_nested_in_links() {
        let html = marked(
            "[Talks on Friday](https://example.com) and on Monday.",
            &[
                ("Friday", Some("2025-01-31"), Some("/#e1")),
                ("Monday", Some("2025-02-03"), Some("/#e2")),
            ],
        );
        assert_eq!(html.matches("<a ").count(), 2, "{html}");
        assert!(
            html.contains(r#"<a href="https://example.com">Talks on <time datetime="2025-01-31">Friday</time></a>"#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<a class="event-link" href="/#e2"><time datetime="2025-02-03">Monday</time></a>"#
            ),
            "{html}"
        );
    }

    #[test]
    fn sanitised_html_is_marked_too() {
        // A `<` in the body makes the renderer sanitise (ammonia), which
        // reserialises the HTML.
        let html = marked(
            "Met on January 28 <b>twice</b> &amp; a&nbsp;b on Friday.",
            &[
                ("January 28", Some("2025-01-28"), Some("/#e1")),
                ("Friday", Some("2025-01-31"), None),
            ],
        );
        assert!(html.contains(r#"<a class="event-link" href="/#e1"><time datetime="2025-01-28">January 28</time></a> <b>twice</b>"#), "{html}");
        assert!(
            html.contains(r#"on <time datetime="2025-01-31">Friday</time>."#),
            "{html}"
        );
    }

    #[test]
    fn several_expressions_in_several_paragraphs() {
        let html = marked(
            "On Friday and on Monday.\n\nOn Tuesday.\n\n![Photo of 2022](x.png) in 2023.",
            &[
                ("Friday", Some("2025-01-31"), None),
                ("Monday", Some("2025-02-03"), Some("/#m")),
                ("Tuesday", Some("2025-02-04"), None),
                ("2023", Some("2023"), None),
            ],
        );
        for want in [
            r#"On <time datetime="2025-01-31">Friday</time> and on <a class="event-link" href="/#m"><time datetime="2025-02-03">Monday</time></a>."#,
            r#"<p id="p-2">On <time datetime="2025-02-04">Tuesday</time>.</p>"#,
            r#" in <time datetime="2023">2023</time>."#,
        ] {
            assert!(html.contains(want), "want {want}\ngot {html}");
        }
    }

    #[test]
    fn any_mark_keeps_the_html_intact() {
        // Every range of a text full of multi-byte characters, entities and
        // markup: no panic, and taking the added tags out gives the HTML back.
        let md = "“Ça” *ünd* & [la—2025](https://x.y/é) on 1 Jan.\n\n- ß <b>é</b> 🎉 end";
        let r = render(md, 0, 1);
        let mut paragraphs = r.paragraphs;
        let text = join(&mut paragraphs);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (k, &start) in bounds.iter().enumerate() {
            for &end in &bounds[k + 1..] {
                let marks = [TimeMark {
                    start,
                    end,
                    datetime: Some("2025".into()),
                    href: Some("/#e".into()),
                    trigger: false,
                }];
                let html = mark_times(&r.html, &paragraphs, &marks);
                let back = strip_added(&html);
                assert_eq!(back, r.html, "{start}..{end} {:?}", &text[start..end]);
            }
        }
    }

    /// `html` with the tags [`mark_times`] added taken out.
    fn strip_added(html: &str) -> String {
        let open_a = r#"<a class="event-link" href="/#e">"#;
        let mut out = html.to_string();
        if let Some(i) = out.find(open_a) {
            out.replace_range(i..i + open_a.len(), "");
            if let Some(j) = out[i..].find("</a>") {
                out.replace_range(i + j..i + j + 4, "");
            }
        }
        out.replace(r#"<time datetime="2025">"#, "")
            .replace("</time>", "")
    }

    #[test]
    fn the_caption_is_escaped_and_marked() {
        let caption = Paragraph {
            kind: BlockKind::Caption,
            text: "Trump & <co> on January 18, 2025.".into(),
            line: 1,
            source_start: 0,
            source_end: 0,
            offset: 0,
            anchor: Some("caption".into()),
        };
        let marks = [TimeMark {
            start: 16,
            end: 32,
            datetime: Some("2025-01-18".into()),
            href: Some("/#event-e\"1".into()),
            trigger: false,
        }];
        assert_eq!(&caption.text[16..32], "January 18, 2025");
        assert_eq!(
            mark_caption(&caption, &marks),
            r#"Trump &amp; &lt;co&gt; on <a class="event-link" href="/#event-e&quot;1"><time datetime="2025-01-18">January 18, 2025</time></a>."#
        );
        assert_eq!(
            mark_caption(&caption, &[]),
            "Trump &amp; &lt;co&gt; on January 18, 2025."
        );
    }

    #[test]
    fn a_trigger_is_underlined_beside_the_dates() {
        let r = render("Acme *sold* the plant on Friday & left.", 0, 1);
        let mut paragraphs = r.paragraphs;
        let text = join(&mut paragraphs);
        let at = |w: &str| text.find(w).unwrap();
        let marks = [
            TimeMark {
                start: at("sold"),
                end: at("sold") + 4,
                datetime: None,
                href: None,
                trigger: true,
            },
            TimeMark {
                start: at("left"),
                end: at("left") + 4,
                datetime: None,
                href: None,
                trigger: true,
            },
            TimeMark {
                start: at("on Friday"),
                end: at("on Friday") + 9,
                datetime: Some("2025-01-31".into()),
                href: Some("/#e".into()),
                trigger: false,
            },
        ];
        let mut marks = marks.to_vec();
        marks.sort_by_key(|m| m.start);
        assert_eq!(
            mark_times(&r.html, &paragraphs, &marks),
            "<p id=\"p-1\">Acme <em><mark class=\"trigger\">sold</mark></em> the plant <a class=\"event-link\" href=\"/#e\"><time datetime=\"2025-01-31\">on Friday</time></a> &amp; <mark class=\"trigger\">left</mark>.</p>\n"
        );
    }

    #[test]
    fn unmatched_html_is_left_alone() {
        let r = render("On Friday.", 0, 1);
        let mut paragraphs = r.paragraphs;
        join(&mut paragraphs);
        paragraphs[0].text = "Other text.".into();
        let marks = [TimeMark {
            start: 3,
            end: 9,
            datetime: Some("2025-01-31".into()),
            href: None,
            trigger: false,
        }];
        assert_eq!(mark_times(&r.html, &paragraphs, &marks), r.html);
    }
}
