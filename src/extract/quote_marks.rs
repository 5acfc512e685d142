//! Where quotations open and close in a sentence, by their marks (curly or
//! straight double quotes). Who said them is quotes.rs's business; actors.rs
//! asks only where they are, to find a sentence's subject outside them.

/// A quotation's place in a sentence: `outer` includes the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    pub outer_start: usize,
    pub outer_end: usize,
    pub inner_start: usize,
    pub inner_end: usize,
}

/// Every quotation in `text`, in order. An unclosed quotation runs to the
/// end. Double quotes do not nest, so an opening mark inside an open
/// quotation is a closing one mistyped (“We think so, “said Jobs).
pub fn quoted_spans(text: &str) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let len = c.len_utf8();
        match (c, open) {
            ('“', None) | ('"', None) => open = Some((i, i + len)),
            ('”', Some((o, inner))) | ('"', Some((o, inner))) | ('“', Some((o, inner))) => {
                out.push(QuoteSpan {
                    outer_start: o,
                    outer_end: i + len,
                    inner_start: inner,
                    inner_end: i,
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((o, inner)) = open {
        out.push(QuoteSpan {
            outer_start: o,
            outer_end: text.len(),
            inner_start: inner,
            inner_end: text.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opening_mark_inside_a_quotation_closes_it() {
        let text = "“We think so, “said Jobs.";
        let s = quoted_spans(text);
        assert_eq!(s.len(), 1);
        assert_eq!(&text[s[0].outer_start..s[0].outer_end], "“We think so, “");
    }

    #[test]
    fn an_unclosed_quotation_runs_to_the_end() {
        let s = quoted_spans("He said “we will go");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].outer_end, "He said “we will go".len());
    }
}
