//! Renders an article's Markdown to HTML and, in the same pass, keeps the
//! plain text of every paragraph with its source line and byte offsets. The
//! tagger and the event extractor read that text; the offsets let the site
//! link back to the exact paragraph a date came from.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};
use serde::{Deserialize, Serialize};

/// What kind of block a paragraph of plain text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    TableCell,
    /// The photo caption from front matter.
    Caption,
}

/// One block of an article's plain text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub kind: BlockKind,
    pub text: String,
    /// 1-based line of the block's first character in the article file.
    pub line: usize,
    /// Byte range of the block's Markdown source in the article file.
    pub source_start: usize,
    pub source_end: usize,
    /// Byte offset of `text` in the article's joined plain text.
    pub offset: usize,
    /// The HTML id of the block in the rendered article, when it has one.
    pub anchor: Option<String>,
}

/// The output of rendering one Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub paragraphs: Vec<Paragraph>,
    pub article_links: Vec<ArticleLink>,
}

/// The Markdown extensions every article gets.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// How an article's Markdown is turned into HTML.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Pass raw HTML through as written. Off by default: the rendered body
    /// is sanitised with an allow-list (ammonia) so an article cannot inject
    /// scripts or event handlers into the site.
    pub allow_raw_html: bool,
}

/// A link from one article to another article's Markdown file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleLink {
    /// The link target as written (`other.md`, `../2025/x.md#part`).
    pub target: String,
    pub line: usize,
    pub column: usize,
}

/// Links to `*.md` files are written into the HTML with this prefix and
/// replaced by the target article's URL once every article is loaded. It is
/// a relative path so the sanitiser keeps it.
pub const ARTICLE_LINK_MARKER: &str = "__dateline_article__/";

/// Renders `body`, which starts at byte `body_offset` and line
/// `body_first_line` of its file, with the default options.
pub fn render(body: &str, body_offset: usize, body_first_line: usize) -> Rendered {
    render_with(body, body_offset, body_first_line, RenderOptions::default())
}

/// Renders `body` as [`render`] does, with explicit options. Links with
/// script URLs (`javascript:` and the like) lose their link whatever the
/// options; links to other articles' `.md` files are recorded.
pub fn render_with(
    body: &str,
    body_offset: usize,
    body_first_line: usize,
    options_: RenderOptions,
) -> Rendered {
    let line_starts = LineIndex::new(body);
    let mut article_links = Vec::new();
    let mut dropping_link = false;
    let mut paragraphs = Vec::new();
    let mut stack: Vec<OpenBlock> = Vec::new();
    let mut quote_depth = 0usize;
    let mut paragraph_counter = 0usize;
    let mut events = Vec::new();

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if is_script_url(dest_url) =>
            {
                dropping_link = true;
                continue;
            }
            Event::End(TagEnd::Link | TagEnd::Image) if dropping_link => {
                dropping_link = false;
                continue;
            }
            Event::Start(tag) => {
                let kind = match tag {
                    Tag::Paragraph if quote_depth > 0 => Some(BlockKind::Quote),
                    Tag::Paragraph => Some(BlockKind::Paragraph),
                    Tag::Heading { .. } => Some(BlockKind::Heading),
                    Tag::Item => Some(BlockKind::ListItem),
                    Tag::TableCell => Some(BlockKind::TableCell),
                    Tag::BlockQuote(_) => {
                        quote_depth += 1;
                        None
                    }
                    _ => None,
                };
                if let Some(kind) = kind {
                    // A block opening inside a list item ends the item's own
                    // loose text, which becomes a block of its own.
                    if let Some(parent) = stack.last_mut() {
                        flush(
                            parent,
                            &mut paragraphs,
                            &line_starts,
                            body_offset,
                            body_first_line,
                        );
                    }
                    let anchor = if matches!(tag, Tag::Paragraph) {
                        paragraph_counter += 1;
                        Some(format!("p-{paragraph_counter}"))
                    } else {
                        None
                    };
                    if let Some(id) = &anchor {
                        events.push(Event::Html(format!("<p id=\"{id}\">").into()));
                    }
                    stack.push(OpenBlock {
                        kind,
                        text: String::new(),
                        start: range.start,
                        end: range.end,
                        anchor,
                    });
                    if matches!(tag, Tag::Paragraph) {
                        continue;
                    }
                }
            }
            Event::End(tag_end) => {
                let closes_block = matches!(
                    tag_end,
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell
                );
                if matches!(tag_end, TagEnd::BlockQuote(_)) {
                    quote_depth = quote_depth.saturating_sub(1);
                }
                if closes_block && let Some(mut block) = stack.pop() {
                    block.end = range.end;
                    flush(
                        &mut block,
                        &mut paragraphs,
                        &line_starts,
                        body_offset,
                        body_first_line,
                    );
                }
                if matches!(tag_end, TagEnd::Paragraph) {
                    events.push(Event::Html("</p>\n".into()));
                    continue;
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(block) = stack.last_mut() {
                    block.text.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = stack.last_mut() {
                    block.text.push(' ');
                }
            }
            _ => {}
        }
        if let Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) = &event
            && let Some(target) = article_link_target(dest_url)
        {
            let line = line_starts.line_of(range.start);
            let column = body[line_starts.0[line]..range.start].chars().count() + 1;
            article_links.push(ArticleLink {
                target: target.to_string(),
                line: body_first_line + line,
                column,
            });
            let marked = format!("{ARTICLE_LINK_MARKER}{dest_url}");
            events.push(Event::Start(Tag::Link {
                link_type: *link_type,
                dest_url: marked.into(),
                title: title.clone(),
                id: id.clone(),
            }));
            continue;
        }
        events.push(event);
    }
    while let Some(mut block) = stack.pop() {
        flush(
            &mut block,
            &mut paragraphs,
            &line_starts,
            body_offset,
            body_first_line,
        );
    }
    paragraphs.sort_by_key(|p| p.source_start);

    let mut html_out = String::with_capacity(body.len() * 5 / 4);
    html::push_html(&mut html_out, events.into_iter());
    if !options_.allow_raw_html && body.contains('<') {
        html_out = sanitise(&html_out);
    }
    Rendered {
        html: html_out,
        paragraphs,
        article_links,
    }
}

/// Gives each paragraph its offset in the joined text and returns that text:
/// the paragraphs separated by blank lines.
pub fn join(paragraphs: &mut [Paragraph]) -> String {
    let mut text = String::with_capacity(paragraphs.iter().map(|p| p.text.len() + 2).sum());
    for p in paragraphs.iter_mut() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        p.offset = text.len();
        text.push_str(&p.text);
    }
    text
}

/// The relative `.md` file a link points at, if it points at one.
fn article_link_target(dest: &str) -> Option<&str> {
    let path = dest.split('#').next().unwrap_or(dest);
    let relative = !path.contains("://") && !path.starts_with('/') && !path.starts_with("mailto:");
    (relative && path.ends_with(".md")).then_some(path)
}

/// `javascript:`, `vbscript:` and `data:text/html` URLs, however spelt.
pub fn is_script_url(u: &str) -> bool {
    let compact: String = u
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.starts_with("javascript:")
        || compact.starts_with("vbscript:")
        || compact.starts_with("data:text/html")
}

/// The allow-list sanitiser for article bodies: ammonia's defaults (no
/// scripts, no event handlers, only safe URL schemes) plus the ids and
/// classes our own markup uses for anchors and footnotes.
fn sanitise(html: &str) -> String {
    static CLEANER: std::sync::LazyLock<ammonia::Builder<'static>> =
        std::sync::LazyLock::new(|| {
            let mut b = ammonia::Builder::default();
            b.add_generic_attributes(["id", "class"]);
            b.add_tags(["figure", "figcaption", "section", "mark", "time"]);
            b.add_tag_attributes("time", ["datetime"]);
            b.add_tag_attributes("ol", ["start"]);
            b.add_tag_attributes("input", ["type", "checked", "disabled"]);
            b.add_tags(["input"]);
            b.id_prefix(None);
            b
        });
    CLEANER.clean(html).to_string()
}

struct OpenBlock {
    kind: BlockKind,
    text: String,
    start: usize,
    end: usize,
    anchor: Option<String>,
}

fn flush(
    block: &mut OpenBlock,
    out: &mut Vec<Paragraph>,
    lines: &LineIndex,
    body_offset: usize,
    body_first_line: usize,
) {
    let text = collapse_whitespace(&block.text);
    block.text.clear();
    if text.is_empty() {
        return;
    }
    out.push(Paragraph {
        kind: block.kind,
        text,
        line: body_first_line + lines.line_of(block.start),
        source_start: body_offset + block.start,
        source_end: body_offset + block.end,
        offset: 0,
        anchor: block.anchor.take(),
    });
}

/// The words of `s` (split at any Unicode whitespace) joined by single
/// spaces: `s.split_whitespace().collect::<Vec<_>>().join(" ")` in one pass,
/// copying runs of ASCII text whole (this runs on every paragraph).
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut word_start = None;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_space, len) = if b < 0x80 {
            (matches!(b, b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        match (is_space, word_start) {
            (true, Some(start)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..i]);
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word_start {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..]);
    }
    out
}

/// Byte offset to 0-based line number, by binary search over line starts.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex(starts)
    }

    fn line_of(&self, offset: usize) -> usize {
        match self.0.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_plain_text_and_lines_of_each_paragraph() {
        let r = render("First *para*\ngraph.\n\n## A heading\n\nSecond.\n", 100, 5);
        let texts: Vec<_> = r
            .paragraphs
            .iter()
            .map(|p| (p.kind, p.text.as_str(), p.line))
            .collect();
        assert_eq!(
            texts,
            vec![
                (BlockKind::Paragraph, "First para graph.", 5),
                (BlockKind::Heading, "A heading", 8),
                (BlockKind::Paragraph, "Second.", 10)
            ]
        );
        assert_eq!(r.paragraphs[0].source_start, 100);
    }

    #[test]
    fn paragraphs_get_anchors_in_the_html() {
        let r = render("One.\n\nTwo.\n", 0, 1);
        assert!(r.html.contains("<p id=\"p-1\">One.</p>"), "{}", r.html);
        assert!(r.html.contains("<p id=\"p-2\">Two.</p>"), "{}", r.html);
        assert_eq!(r.paragraphs[1].anchor.as_deref(), Some("p-2"));
    }

    #[test]
    fn raw_html_is_sanitised_by_default() {
        let r = render(
            "<script>alert(1)</script>\n\nHi <b onclick=\"x()\">x</b> <img src=x onerror=alert(1)>\n",
            0,
            1,
        );
        assert!(
            !r.html.contains("<script")
                && !r.html.contains("onclick")
                && !r.html.contains("onerror"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<b>x</b>"), "{}", r.html);
        assert!(
            r.html.contains("<p id=\"p-1\">"),
            "anchors survive: {}",
            r.html
        );
    }

    #[test]
    fn raw_html_passes_through_when_allowed() {
        let r = render_with(
            "<div class=\"x\" data-k=\"1\">hi</div>\n",
            0,
            1,
            RenderOptions {
                allow_raw_html: true,
            },
        );
        assert!(r.html.contains("data-k=\"1\""), "{}", r.html);
    }

    #[test]
    fn script_links_lose_their_link_even_when_html_is_allowed() {
        for opts in [
            RenderOptions::default(),
            RenderOptions {
                allow_raw_html: true,
            },
        ] {
            let r = render_with(
                "[click](javascript:alert(1)) and ![i](JavaScript:x)\n",
                0,
                1,
                opts,
            );
            assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
            assert!(r.html.contains("click"), "{}", r.html);
        }
    }

    #[test]
    fn links_to_other_articles_are_recorded_with_their_position() {
        let r = render(
            "Intro.\n\nSee [the call](2025-02-09-call.md#p-2) and [web](https://x.org/a.md).\n",
            0,
            10,
        );
        assert_eq!(
            r.article_links,
            vec![ArticleLink {
                target: "2025-02-09-call.md".into(),
                line: 12,
                column: 5
            }]
        );
        assert!(
            r.html
                .contains("href=\"__dateline_article__/2025-02-09-call.md#p-2\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn quotes_and_tight_list_items_are_blocks() {
        let r = render("> Said on Friday.\n\n- one item\n- two\n", 0, 1);
        let kinds: Vec<_> = r.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            vec![BlockKind::Quote, BlockKind::ListItem, BlockKind::ListItem]
        );
    }

    #[test]
    fn smart_punctuation_and_tables_are_on() {
        let r = render(
            "\"Quoted\" -- yes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            0,
            1,
        );
        assert!(r.html.contains("“Quoted”"), "{}", r.html);
        assert!(r.html.contains("<table>"));
    }

    #[test]
    fn collapse_whitespace_is_split_and_join() {
        for s in [
            "",
            " ",
            "one",
            "  one  two\tthree\n\nfour ",
            "“Quoted” — yes\u{a0}no\u{2003}x\u{3000}",
            "é\u{85}ü  ",
            "\u{202f}a\u{205f}\u{2028}b\u{1680}",
        ] {
            assert_eq!(
                collapse_whitespace(s),
                s.split_whitespace().collect::<Vec<_>>().join(" "),
                "{s:?}"
            );
        }
    }

    #[test]
    fn join_records_offsets() {
        let mut r = render("One.\n\nTwo.\n", 0, 1);
        let text = join(&mut r.paragraphs);
        assert_eq!(text, "One.\n\nTwo.");
        assert_eq!(&text[r.paragraphs[1].offset..], "Two.");
    }
}
