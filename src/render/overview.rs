//! The overview strip above the timeline: an SVG bar chart, made at build
//! time, of how many events fall in each month, each bar a link to that
//! month's heading. Long spans fall back to one bar per year.

use crate::timeline::Timeline;
use chrono::Datelike;
use std::collections::BTreeMap;
use std::fmt::Write;

const MAX_MONTH_BARS: usize = 240;
const HEIGHT: u32 = 64;
const LABEL_ROW: u32 = 16;

/// Where a bar links: `href(year, Some(month))` for a month's bar,
/// `href(year, None)` for a year's; None leaves the bar unlinked.
pub type BarLink<'a> = &'a dyn Fn(i32, Option<u32>) -> Option<String>;

/// The SVG markup, or None for a timeline without events.
/// Only events within `span` are counted: the strip shows the stretch the
/// articles cover, and a few events centuries away (a church's founding)
/// would spread it over a thousand yearly bars.
pub fn overview_svg(
    timeline: &Timeline,
    span: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    href: BarLink<'_>,
) -> Option<String> {
    let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    for e in &timeline.events {
        let d = e.sort_start();
        if span.is_some_and(|(start, end)| d < start || d > end) {
            continue;
        }
        *months.entry((d.year(), d.month())).or_default() += 1;
    }
    let (&first, _) = months.first_key_value()?;
    let (&last, _) = months.last_key_value()?;
    let span = ((last.0 - first.0) * 12 + last.1 as i32 - first.1 as i32 + 1) as usize;
    // (label, anchor id, count) per bar, over the whole span so gaps show.
    let bars: Vec<(String, Option<String>, usize)> = if span <= MAX_MONTH_BARS {
        (0..span)
            .map(|i| {
                let m0 = first.1 as i32 - 1 + i as i32;
                let (y, m) = (first.0 + m0.div_euclid(12), (m0.rem_euclid(12) + 1) as u32);
                let name = chrono::NaiveDate::from_ymd_opt(y, m, 1)
                    .map_or_else(String::new, |d| d.format("%b %Y").to_string());
                (
                    name,
                    href(y, Some(m)),
                    months.get(&(y, m)).copied().unwrap_or(0),
                )
            })
            .collect()
    } else {
        let mut years: BTreeMap<i32, usize> = BTreeMap::new();
        for (&(y, _), &n) in &months {
            *years.entry(y).or_default() += n;
        }
        (first.0..=last.0)
            .map(|y| {
                (
                    y.to_string(),
                    href(y, None),
                    years.get(&y).copied().unwrap_or(0),
                )
            })
            .collect()
    };
    let max = bars.iter().map(|b| b.2).max().unwrap_or(1).max(1);
    // Few bars get wider so the strip stays readable; many stay narrow.
    let bar_w = (720 / bars.len().max(1) as u32).clamp(14, 48);
    let width = bar_w * bars.len() as u32;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="overview" role="group" aria-labelledby="overview-title" viewBox="0 0 {width} {h}" width="{width}" height="{h}" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title id="overview-title">Events per {unit}</title>"#,
        h = HEIGHT + LABEL_ROW,
        unit = if span <= MAX_MONTH_BARS {
            "month"
        } else {
            "year"
        }
    );
    for (i, (label, anchor, n)) in bars.iter().enumerate() {
        let x = i as u32 * bar_w;
        let bar_h = if *n == 0 {
            0
        } else {
            ((*n as f64 / max as f64) * f64::from(HEIGHT - 4))
                .ceil()
                .max(3.0) as u32
        };
        let noun = if *n == 1 { "event" } else { "events" };
        if let (true, Some(anchor)) = (*n > 0, anchor) {
            let _ = write!(
                svg,
                r##"<a href="{anchor}"><title>{label}: {n} {noun}</title><rect class="bar" x="{x1}" y="{y}" width="{w}" height="{bar_h}" rx="2"/></a>"##,
                x1 = x + 2,
                y = HEIGHT - bar_h,
                w = bar_w - 4,
            );
        } else {
            let _ = write!(
                svg,
                r#"<rect class="gap" x="{x1}" y="{y}" width="{w}" height="1"/>"#,
                x1 = x + 2,
                y = HEIGHT - 1,
                w = bar_w - 4
            );
        }
    }
    // Year labels under the first bar of each year (or every bar when yearly).
    let mut last_year = String::new();
    let mut last_x: Option<u32> = None;
    for (i, (label, _, _)) in bars.iter().enumerate() {
        let year = label.rsplit(' ').next().unwrap_or(label).to_string();
        let x = i as u32 * bar_w;
        // Labels need about 32 px; skip one that would overlap the last.
        if year != last_year && last_x.is_none_or(|lx| x >= lx + 32) {
            last_x = Some(x);
            let _ = write!(
                svg,
                r#"<text x="{x}" y="{y}" class="year-label">{year}</text>"#,
                x = x + 2,
                y = HEIGHT + LABEL_ROW - 3
            );
            last_year = year;
        }
    }
    svg.push_str("</svg>");
    Some(svg)
}
