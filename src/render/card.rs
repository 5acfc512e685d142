//! The built-in event card (templates/event.html) written straight from
//! its view, without tera: a site has a card per event (106,000 at 10,000
//! articles), and building tera's JSON value tree for each cost more than
//! writing the card. Used only while the site keeps the built-in
//! event.html; a test checks it byte for byte against the template.

use super::context::EventView;
use std::fmt::Write as _;

/// Writes what tera's autoescape writes for `s`.
fn esc(out: &mut String, s: &str) {
    // Most text has nothing to escape: copied whole.
    if !s.contains(['&', '<', '>', '"', '\'']) {
        out.push_str(s);
        return;
    }
    out.push_str(&super::escape_html(s));
}

/// A tera truth test of an optional string: present and not empty.
fn present(s: Option<&str>) -> Option<&str> {
    s.filter(|s| !s.is_empty())
}

/// Appends event `e`'s card to `out`, as the built-in event.html renders
/// it with `event` = `e` and `base` = `base`.
pub fn write_card(out: &mut String, e: &EventView<'_>, base: &str) {
    out.push_str("<article class=\"event event-");
    esc(out, e.kind);
    out.push_str("\" id=\"event-");
    esc(out, e.id);
    out.push_str("\" data-start=\"");
    esc(out, &e.start);
    out.push_str("\" data-actors=\"");
    esc(out, &e.actor_slugs);
    out.push_str("\" data-tags=\"");
    esc(out, &e.tag_slugs);
    out.push_str("\">\n  <header>\n    <time datetime=\"");
    esc(out, &e.datetime);
    out.push_str("\" class=\"event-date precision-");
    esc(out, e.precision);
    out.push_str("\">");
    esc(out, &e.label);
    out.push_str("</time>\n    <h4 class=\"event-headline\"><a href=\"");
    esc(out, &e.url);
    out.push_str("\">");
    esc(out, e.headline);
    out.push_str("</a></h4>\n  </header>");
    if !e.text.is_empty() && e.text != e.headline {
        out.push_str("\n  <p class=\"event-text\">");
        if e.trigger.is_empty() {
            esc(out, e.text);
        } else {
            esc(out, e.text_before);
            out.push_str("<mark class=\"trigger\">");
            esc(out, e.trigger);
            out.push_str("</mark>");
            esc(out, e.text_after);
        }
        out.push_str("</p>");
    }
    for q in e.quotes {
        out.push_str("\n  <blockquote class=\"event-quote\"><p>“");
        esc(out, &q.text);
        out.push_str("”</p>");
        if let Some(speaker) = present(q.speaker.as_deref()) {
            out.push_str("<footer>— ");
            esc(out, speaker);
            out.push_str("</footer>");
        }
        out.push_str("</blockquote>");
    }
    let place = present(e.place);
    if !e.actors.is_empty() || place.is_some() {
        out.push_str("\n  <p class=\"event-meta\">");
        if !e.actors.is_empty() {
            out.push_str(
                "<span class=\"event-actors\"><span class=\"visually-hidden\">Actors: </span>",
            );
            for (i, a) in e.actors.iter().enumerate() {
                out.push_str("<a class=\"actor\" data-actor=\"");
                esc(out, a.slug);
                out.push_str("\" href=\"");
                esc(out, base);
                out.push_str("actors/");
                esc(out, a.slug);
                out.push_str("/\">");
                esc(out, a.name);
                out.push_str("</a>");
                if i + 1 < e.actors.len() {
                    out.push(' ');
                }
            }
            out.push_str("</span>");
        }
        if let Some(place) = place {
            out.push_str(
                "<span class=\"event-place\"><span class=\"visually-hidden\">Place: </span>",
            );
            esc(out, place);
            out.push_str("</span>");
        }
        out.push_str("</p>");
    }
    if let Some(d) = present(e.date_disagreement) {
        out.push_str("\n  <p class=\"event-disagreement\">Sources disagree on the date: ");
        esc(out, d);
        out.push_str("</p>");
    }
    out.push_str("\n  <ol class=\"sources\" aria-label=\"Sources\">");
    for s in &e.sources {
        out.push_str("\n    <li><a href=\"");
        esc(out, &s.sentence_url);
        out.push_str("\">");
        if let Some(outlet) = present(s.outlet) {
            esc(out, outlet);
            out.push_str(": ");
        }
        esc(out, s.article_title);
        out.push_str("</a>, <time datetime=\"");
        let _ = write!(out, "{}", s.published);
        out.push_str("\">");
        esc(out, &s.published_label);
        out.push_str("</time>");
        if let Some(url) = present(s.original_url) {
            out.push_str(" · <a href=\"");
            esc(out, url);
            out.push_str("\" rel=\"external noopener\">original</a>");
        }
        out.push_str("</li>");
    }
    out.push_str("\n  </ol>");
    if !e.sources.is_empty() {
        out.push_str(
            "\n  <details class=\"resolution\"><summary>How this date was found</summary>\n    <ul>",
        );
        for s in &e.sources {
            let _ = write!(out, "<li>[{}] ", s.number);
            if let Some(words) = present(s.date_text) {
                out.push('“');
                esc(out, words);
                out.push_str("”: ");
            }
            esc(out, s.resolution);
            out.push_str("</li>");
        }
        out.push_str("</ul>\n  </details>");
    }
    out.push_str("\n</article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Renderer;
    use crate::site::{Site, SiteOptions};
    use crate::timeline::{Event, Quote, Timeline, Trigger};
    use std::path::Path;

    /// The card as the built-in event.html renders it through tera.
    fn by_template(renderer: &Renderer, view: &EventView<'_>, base: &str) -> String {
        let config = crate::config::Config::default();
        let mut ctx = tera::Context::new();
        ctx.insert("site", &crate::render::context::SiteView::new(&config));
        ctx.insert("base", base);
        ctx.insert("event", view);
        renderer.render("event.html", &ctx).unwrap()
    }

    /// The example site's events, and variants of them that take every
    /// branch of the template: quotes with and without a speaker, a place,
    /// a trigger to underline or none,
    /// no actors, a date disagreement, text equal to the headline or empty,
    /// sources without an outlet or with an original URL, no sources, and
    /// characters that must be escaped everywhere.
    fn events() -> Timeline {
        let site = Site::load(Path::new("."), &SiteOptions::default()).expect("example site");
        let mut timeline = site.timeline().clone();
        assert!(timeline.events.len() >= 7);
        let odd = "Tom & \"Jerry\" <b>O'Neil</b>";
        let mut variants: Vec<Event> = Vec::new();
        for (k, base) in timeline.events.iter().enumerate() {
            let mut e = base.clone();
            match k % 7 {
                0 => {
                    e.quotes = vec![
                        Quote {
                            text: odd.into(),
                            speaker: Some(odd.into()),
                        },
                        Quote {
                            text: "no speaker".into(),
                            speaker: None,
                        },
                        Quote {
                            text: "empty speaker".into(),
                            speaker: Some(String::new()),
                        },
                    ];
                    e.place = Some(odd.into());
                }
                1 => {
                    e.actors.clear();
                    e.place = Some(String::new());
                    e.date_disagreement = Some(odd.into());
                }
                2 => {
                    e.text = e.headline.clone();
                    for s in &mut e.sources {
                        s.outlet = None;
                        s.url = Some("https://example.com/a?b=1&c='2'".into());
                        s.date_text = None;
                        s.article_title = odd.into();
                    }
                }
                3 => {
                    e.text.clear();
                    e.sources.clear();
                }
                4 => {
                    e.headline = odd.into();
                    e.text = odd.into();
                    for s in &mut e.sources {
                        s.outlet = Some("".into());
                        s.url = Some("".into());
                        s.date_text = Some(odd.into());
                        s.resolution = odd.into();
                        s.anchor = None;
                    }
                }
                5 => {
                    e.actors.clear();
                    e.place = None;
                    e.quotes.clear();
                    // A trigger among characters to escape.
                    e.text = format!("{odd} won {odd}");
                    if let Some(s) = e.sources.first_mut() {
                        s.sentence = Some(e.text.clone());
                        s.sentence_start = Some(100);
                        s.trigger = Some(Trigger {
                            start: 100 + odd.len() + 1,
                            end: 100 + odd.len() + 4,
                            text: "won".into(),
                        });
                    }
                }
                _ => e.date_disagreement = Some(String::new()),
            }
            e.id = format!("{}v{k}", e.id);
            variants.push(e);
        }
        timeline.events.extend(variants);
        timeline
    }

    #[test]
    fn the_typed_card_is_byte_for_byte_the_built_in_event_template() {
        let renderer = Renderer::new(Path::new("/nonexistent")).unwrap();
        let timeline = events();
        let mut underlined = 0;
        for base in ["/", "https://example.com/sub/"] {
            for e in &timeline.events {
                let mut view = EventView::new(e, &timeline, base);
                view.url = format!("{base}archive/2025/01/#event-{}", e.id);
                let mut fast = String::new();
                write_card(&mut fast, &view, base);
                assert_eq!(fast, by_template(&renderer, &view, base), "event {}", e.id);
                underlined += usize::from(fast.contains("<mark class=\"trigger\">"));
            }
        }
        assert!(
            underlined > 2,
            "the example site's cards underline their triggers"
        );
    }

    #[test]
    fn a_site_that_keeps_the_built_in_card_gets_the_fast_path_and_an_override_does_not() {
        assert!(
            Renderer::new(Path::new("/nonexistent"))
                .unwrap()
                .builtin_card()
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        std::fs::write(
            dir.path().join("templates/event.html"),
            "<article>{{ event.headline }}</article>\n",
        )
        .unwrap();
        assert!(!Renderer::new(dir.path()).unwrap().builtin_card());
    }
}
