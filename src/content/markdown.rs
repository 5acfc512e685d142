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
}

/// The Markdown extensions every article gets.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders `body`, which starts at byte `body_offset` and line
/// `body_first_line` of its file. Raw HTML in the body is escaped, not passed
/// through, so an article cannot inject scripts into the site.
pub fn render(body: &str, body_offset: usize, body_first_line: usize) -> Rendered {
    let line_starts = LineIndex::new(body);
    let mut paragraphs = Vec::new();
    let mut stack: Vec<OpenBlock> = Vec::new();
    let mut quote_depth = 0usize;
    let mut paragraph_counter = 0usize;
    let mut events = Vec::new();

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &event {
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
            Event::Html(raw) | Event::InlineHtml(raw) => {
                // Escaped, never passed through; see the function doc.
                events.push(Event::Text(raw.clone()));
                continue;
            }
            _ => {}
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
    Rendered {
        html: html_out,
        paragraphs,
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
    let text = block.text.split_whitespace().collect::<Vec<_>>().join(" ");
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
    fn raw_html_is_escaped() {
        let r = render("<script>alert(1)</script>\n\nHi <b>x</b>\n", 0, 1);
        assert!(!r.html.contains("<script>"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"));
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
    fn join_records_offsets() {
        let mut r = render("One.\n\nTwo.\n", 0, 1);
        let text = join(&mut r.paragraphs);
        assert_eq!(text, "One.\n\nTwo.");
        assert_eq!(&text[r.paragraphs[1].offset..], "Two.");
    }
}
