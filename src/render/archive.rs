//! The archive: every event of the site on pages by time, so that no page
//! grows with the site (issue 22). A year whose events fit on one page
//! (`paginate_by`) is one page, `archive/2012/`; a busier year is split
//! into a page per month, `archive/2012/03/`, and its year page lists the
//! months and holds the events dated only to the year, a season, a quarter
//! or a half. A page with more than `paginate_by` events continues on
//! `page/2/`, `page/3/`, as actor and tag pages do. Every page links to the
//! one before and after it, and `archive/` lists the years and months.
//!
//! On a page, events sit under the heading of the period their date names:
//! a month for a day, week or month, the period itself for anything
//! coarser ("Q1 2012", "Spring 2012", "2012, no closer date"), so an event
//! dated "2012" is not listed under January. Headings come in the order
//! their periods start, the broader first on the same day.
//!
//! The years are those the articles cover ([`article_span`]): events dated
//! far before them (a church's 12th century) are on `archive/background/`,
//! those far after on `archive/later/`, not on a year page each.

use crate::temporal::Precision;
use crate::timeline::label::date_label;
use crate::timeline::{Event, EventKind, Timeline};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What one archive page covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A year's page: all of its events when they fit on one page, else
    /// those dated only to the year or a part of it coarser than a month.
    Year(i32),
    Month(i32, u32),
    /// Events dated before the span the articles cover.
    Background,
    /// Events dated after it.
    Later,
}

impl Period {
    /// The folder of the period's first page, ending in `/`.
    pub fn folder(self) -> String {
        match self {
            Period::Year(y) => format!("archive/{y:04}/"),
            Period::Month(y, m) => format!("archive/{y:04}/{m:02}/"),
            Period::Background => "archive/background/".to_string(),
            Period::Later => "archive/later/".to_string(),
        }
    }

    /// "2012", "March 2012".
    pub fn name(self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Month(y, m) => month_name(y, m),
            Period::Background => "Background".to_string(),
            Period::Later => "Later".to_string(),
        }
    }

    /// The year of a year's or a month's page.
    pub fn year(self) -> Option<i32> {
        match self {
            Period::Year(y) | Period::Month(y, _) => Some(y),
            Period::Background | Period::Later => None,
        }
    }
}

/// One page of the archive.
#[derive(Debug, Clone)]
pub struct ArchivePage {
    pub period: Period,
    /// 0-based, among the pages of its period.
    pub n: usize,
    /// How many pages the period has.
    pub of: usize,
    /// The period's events on this page (indexes into the timeline), in
    /// the order shown: by heading, then timeline order.
    pub events: Vec<usize>,
}

impl ArchivePage {
    /// The page's folder relative to the site, ending in `/`.
    pub fn folder(&self) -> String {
        if self.n == 0 {
            self.period.folder()
        } else {
            format!("{}page/{}/", self.period.folder(), self.n + 1)
        }
    }

    pub fn path(&self) -> PathBuf {
        Path::new(&self.folder()).join("index.html")
    }

    /// "March 2012", "March 2012, page 2".
    pub fn title(&self) -> String {
        if self.of > 1 {
            format!("{}, page {} of {}", self.period.name(), self.n + 1, self.of)
        } else {
            self.period.name()
        }
    }
}

/// One year of the archive as its index lists it.
#[derive(Debug, Clone)]
pub struct ArchiveYear {
    pub year: i32,
    /// How many events sort under the year.
    pub count: usize,
    /// Whether the year has a page per month.
    pub split: bool,
    /// The year's first page (an index into [`Archive::pages`]).
    pub page: usize,
    /// When split: each month with its event count and first page.
    pub months: Vec<(u32, usize, usize)>,
}

/// Every page of the archive in reading order, and where each event is.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    pub years: Vec<ArchiveYear>,
    pub pages: Vec<ArchivePage>,
    /// For each event of the timeline, the page that lists it.
    pub home: Vec<usize>,
    /// The first page of the events before the span, and of those after.
    pub background: Option<usize>,
    pub later: Option<usize>,
}

/// The days the articles cover, as the archive and the overview strip use
/// them: from a year before the month of the first article (news looks
/// back at what led up to it) to a month after the last one. Events
/// outside it are background, or later; None without articles.
pub fn article_span(dates: impl Iterator<Item = NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    let (mut first, mut last) = (None::<NaiveDate>, None::<NaiveDate>);
    for d in dates {
        first = Some(first.map_or(d, |f| f.min(d)));
        last = Some(last.map_or(d, |l| l.max(d)));
    }
    let (first, last) = (first?, last?);
    let start = NaiveDate::from_ymd_opt(first.year() - 1, first.month(), 1).unwrap_or(first);
    let end = last
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(last);
    Some((start, end))
}

impl Archive {
    /// The archive of `timeline` with at most `per_page` events a page;
    /// events outside `span` go to the background and later pages.
    pub fn new(
        timeline: &Timeline,
        per_page: usize,
        span: Option<(NaiveDate, NaiveDate)>,
    ) -> Archive {
        let per_page = per_page.max(1);
        let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for (i, e) in timeline.events.iter().enumerate() {
            let day = e.sort_start();
            match span {
                Some((start, _)) if day < start => before.push(i),
                Some((_, end)) if day > end => after.push(i),
                _ => by_year.entry(day.year()).or_default().push(i),
            }
        }
        let mut archive = Archive {
            home: vec![0; timeline.events.len()],
            ..Archive::default()
        };
        if !before.is_empty() {
            archive.background = Some(archive.pages.len());
            archive.add(timeline, Period::Background, before, per_page);
        }
        for (year, events) in by_year {
            let split = events.len() > per_page;
            let (coarse, fine): (Vec<usize>, Vec<usize>) = if split {
                events
                    .iter()
                    .partition(|&&i| is_coarse(&timeline.events[i]))
            } else {
                (events.clone(), Vec::new())
            };
            let page = archive.pages.len();
            archive.add(timeline, Period::Year(year), coarse, per_page);
            let mut months: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
            for i in fine {
                months
                    .entry(timeline.events[i].sort_start().month())
                    .or_default()
                    .push(i);
            }
            let months = months
                .into_iter()
                .map(|(month, events)| {
                    let (count, first) = (events.len(), archive.pages.len());
                    archive.add(timeline, Period::Month(year, month), events, per_page);
                    (month, count, first)
                })
                .collect();
            archive.years.push(ArchiveYear {
                year,
                count: events.len(),
                split,
                page,
                months,
            });
        }
        if !after.is_empty() {
            archive.later = Some(archive.pages.len());
            archive.add(timeline, Period::Later, after, per_page);
        }
        archive
    }

    /// The page where month `m` of year `y` starts, and the anchor of the
    /// month's heading on it (empty on a page of its own).
    pub fn page_of(&self, y: i32, m: u32) -> Option<(usize, String)> {
        let year = self.years.iter().find(|a| a.year == y)?;
        if !year.split {
            return Some((year.page, format!("#m-{y:04}-{m:02}")));
        }
        match year.months.iter().find(|&&(month, _, _)| month == m) {
            Some(&(_, _, page)) => Some((page, String::new())),
            None => Some((year.page, String::new())),
        }
    }

    /// Adds the pages of a period (one even when it has no events: a year
    /// page lists its months).
    fn add(
        &mut self,
        timeline: &Timeline,
        period: Period,
        mut events: Vec<usize>,
        per_page: usize,
    ) {
        events.sort_by_cached_key(|&i| heading(&timeline.events[i]).order);
        let of = events.len().div_ceil(per_page).max(1);
        for n in 0..of {
            let shown: Vec<usize> = events.chunks(per_page).nth(n).unwrap_or_default().to_vec();
            for &i in &shown {
                self.home[i] = self.pages.len();
            }
            self.pages.push(ArchivePage {
                period,
                n,
                of,
                events: shown,
            });
        }
    }
}

/// Whether an event's date names a stretch coarser than a month, so that
/// it goes under that stretch's heading rather than a month's.
fn is_coarse(e: &Event) -> bool {
    e.kind == EventKind::Happened && e.date.precision > Precision::Month
}

/// The heading an event is listed under on an archive page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Orders headings: the first day of the period, the broader period
    /// first, then the label.
    pub order: (NaiveDate, std::cmp::Reverse<Precision>, String),
    /// The anchor id: `m-2012-03` for a month, `p-<value>` for a period.
    pub id: String,
    pub label: String,
}

pub fn heading(e: &Event) -> Heading {
    let start = e.sort_start();
    if !is_coarse(e) {
        let (y, m) = (start.year(), start.month());
        return Heading {
            order: (
                NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(start),
                std::cmp::Reverse(Precision::Month),
                String::new(),
            ),
            id: format!("m-{y:04}-{m:02}"),
            label: month_name(y, m),
        };
    }
    let plain = e.date.with_modifier(None);
    let label = match plain.precision {
        Precision::Year => format!("{}, no closer date", plain.interval.first.year()),
        _ => capitalise(&date_label(&plain)),
    };
    Heading {
        order: (
            plain.interval.first,
            std::cmp::Reverse(plain.precision),
            label.clone(),
        ),
        id: format!("p-{}", plain.to_string().to_lowercase()),
        label,
    }
}

fn month_name(y: i32, m: u32) -> String {
    NaiveDate::from_ymd_opt(y, m, 1)
        .map(|d| d.format("%B %Y").to_string())
        .unwrap_or_default()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
