//! The temporal tagger: text and a reference date in, every temporal
//! expression out, resolved to a TIMEX3 value and a calendar interval.
//!
//! This module has no file, template or site access. Matching (patterns/),
//! refining (refine.rs) and anchoring (anchor.rs) are separate passes.

pub mod anchor;
pub mod calendar;
pub mod lexicon;
pub mod patterns;
pub mod refine;
pub mod tense;
pub mod token;
pub mod value;

pub use lexicon::Language;
pub use value::{
    Anchor, Interval, Modifier, Precision, TimeExpr, Timex, TimexKind, TimexType, TimexValue,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How relative expressions pick their reference point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Resolve against the document date (news reporting), except where the
    /// text clearly refers to a previous date ("the following day").
    #[default]
    News,
    /// Resolve against the last mentioned date (histories, narratives).
    Narrative,
}

/// How an all-numeric date like `1/2/2025` is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    #[default]
    MonthDay,
    DayMonth,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaggerOptions {
    pub mode: Mode,
    pub date_order: DateOrder,
    /// Whose words the tagger reads (the site config's `language`).
    pub language: Language,
}

/// A reusable tagger. Build it once and call [`Tagger::tag`] per text.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    options: TaggerOptions,
}

impl Tagger {
    pub fn new(options: TaggerOptions) -> Tagger {
        Tagger { options }
    }

    pub fn options(&self) -> &TaggerOptions {
        &self.options
    }

    /// Finds and resolves every temporal expression in `text`, in text order,
    /// with relative expressions anchored on `reference` (the article date).
    pub fn tag(&self, text: &str, reference: NaiveDate) -> Vec<TimeExpr> {
        let toks = token::tokenize(text, self.options.language);
        let cx = patterns::Cx::new(text, &toks, self.options);
        let cands = patterns::scan(&cx);
        let cands = refine::run(&cx, cands);
        anchor::Resolver::new(&cx, reference, self.options.mode).run(&cands)
    }
}
