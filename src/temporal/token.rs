//! One fast pass over the text: words, numbers and punctuation with their
//! byte offsets, each word looked up once in the temporal lexicon.
//!
//! This file owns tokenizing and the lexicon only. It knows nothing about
//! dates; patterns read the token stream it produces.

use super::lexicon::Language;
use super::value::DayPart;

/// What kind of text a token covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of ASCII letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// One ASCII punctuation or symbol byte.
    Punct(u8),
    /// One non-ASCII character (all of its bytes).
    Other,
}

/// Calendar units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// Keywords that patterns care about. Anything else is `Lex::None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kw {
    The,
    A,
    Of,
    This,
    Last,
    Next,
    Past,
    Previous,
    Coming,
    Following,
    Ago,
    Earlier,
    Later,
    Before,
    After,
    Early,
    Late,
    Mid,
    Middle,
    End,
    Beginning,
    Start,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Current,
    Recently,
    Recent,
    Lately,
    Future,
    Soon,
    Nowadays,
    Present,
    Fiscal,
    Latest,
    Every,
    Each,
    Per,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Annually,
    Noon,
    Midnight,
    Overnight,
    Several,
    Few,
    Some,
    Couple,
    Many,
    About,
    Around,
    Nearly,
    Almost,
    Roughly,
    Approximately,
    More,
    Less,
    Than,
    At,
    Least,
    Most,
    Up,
    To,
    From,
    Through,
    Between,
    And,
    For,
    In,
    On,
    Since,
    Until,
    By,
    During,
    Within,
    Will,
    Shall,
    Going,
    Expected,
    Scheduled,
    Plans,
    Said,
    Was,
    Were,
    Had,
    Did,
    Has,
    Near,
    Eve,
    Christmas,
    Thanksgiving,
    Easter,
    New,
    Independence,
    Valentine,
    Halloween,
    Memorial,
    Labor,
    Veterans,
    Election,
    Full,
    Corresponding,
    Same,
    Period,
    Hundred,
    Thousand,
    Or,
    So,
    These,
    That,
    OrdSuffix,
}

/// What the lexicon knows about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    None,
    /// Month 1..=12; `abbr` for "Jan", "Sept" and the like.
    Month(u32, bool),
    /// Weekday 0 (Monday) ..= 6 (Sunday).
    Weekday(u32),
    /// A unit; `plural` for "years".
    Unit(Unit, bool),
    /// A cardinal number word ("three", "twenty").
    Card(u32),
    /// An ordinal word ("third").
    Ord(u32),
    /// A season: 0 spring, 1 summer, 2 fall, 3 winter.
    Season(u32),
    /// A part of the day ("morning").
    DayPart(DayPart),
    /// Decade words ("nineties" = 90).
    DecadeWord(u32),
    Kw(Kw),
}

/// One token of the text.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub lex: Lex,
    /// Numeric value for `Num` tokens of at most 9 digits (else `u32::MAX`).
    pub num: u32,
    /// Whitespace between the previous token and this one.
    pub space_before: bool,
    /// A line break between the previous token and this one.
    pub newline_before: bool,
    /// The first letter is upper case.
    pub cap: bool,
    /// Every letter is upper case.
    pub all_caps: bool,
}

impl Tok {
    pub fn is_punct(&self, c: u8) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn kw(&self) -> Option<Kw> {
        match self.lex {
            Lex::Kw(k) => Some(k),
            _ => None,
        }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// The ordinal reading of a word, including a unit that is also an
/// ordinal ("second").
pub fn ordinal_of(t: &Tok, text: &str, language: Language) -> Option<u32> {
    match t.lex {
        Lex::Ord(n) => Some(n),
        Lex::Unit(..) => {
            let w = &text[t.start..t.end];
            let units = language.words().ordinal_units;
            units
                .iter()
                .find(|(u, _)| w.eq_ignore_ascii_case(u))
                .map(|&(_, n)| n)
        }
        _ => None,
    }
}

/// Whether `word` names a month or a weekday in full ("May", "monday"), in
/// any case: the lexicon's own names, for callers outside the tagger that
/// must tell a date's word from a name.
pub fn is_calendar_name(word: &str, language: Language) -> bool {
    matches!(
        lookup(word.as_bytes(), language),
        Lex::Month(_, false) | Lex::Weekday(_)
    )
}

/// Whether `word` (without its full stop) is a shortened month name ("Jan",
/// "sept"), in any case.
pub fn is_month_abbreviation(word: &str, language: Language) -> bool {
    matches!(lookup(word.as_bytes(), language), Lex::Month(_, true))
}

/// What a calendar word names (see [`written_calendar_word`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarWord {
    Month,
    Weekday,
    Season,
}

/// What `word` names when it is a calendar word as running text writes one
/// where a name could stand: capitalised and in full ("May", "Monday",
/// "Winter"), or a month shortened with its full stop ("Sept."). The
/// lexicon's own words, for the extractor's rules that must not read a date
/// as a person or a place.
pub fn written_calendar_word(word: &str, language: Language) -> Option<CalendarWord> {
    let (stem, dotted) = match word.strip_suffix('.') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    let mut chars = stem.chars();
    if !chars.next().is_some_and(char::is_uppercase) || chars.any(char::is_uppercase) {
        return None;
    }
    match lookup(stem.as_bytes(), language) {
        Lex::Month(_, abbreviated) if abbreviated == dotted => Some(CalendarWord::Month),
        Lex::Weekday(_) if !dotted => Some(CalendarWord::Weekday),
        Lex::Season(_) if !dotted => Some(CalendarWord::Season),
        _ => None,
    }
}

fn lookup(word: &[u8], language: Language) -> Lex {
    if word.len() > 14 {
        return Lex::None;
    }
    let mut buf = [0u8; 14];
    let lower = &mut buf[..word.len()];
    for (d, s) in lower.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    language
        .lexicon()
        .get(&*lower)
        .copied()
        .unwrap_or(Lex::None)
}

/// Whether `rest` opens with a letter (of any script).
fn starts_with_letter(rest: &str) -> bool {
    rest.chars().next().is_some_and(char::is_alphabetic)
}

/// Splits `text` into tokens, each word looked up in `language`'s lexicon.
/// Never fails; every offset is a char boundary.
pub fn tokenize(text: &str, language: Language) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(b.len() / 5 + 4);
    let mut i = 0;
    let mut space = false;
    let mut newline = false;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || c == b'\t' || c == b'\r' || c == 0x0b || c == 0x0c {
            space = true;
            i += 1;
            continue;
        }
        if c == b'\n' {
            space = true;
            newline = true;
            i += 1;
            continue;
        }
        let start = i;
        let (kind, lex, num, cap, all_caps);
        if c.is_ascii_alphabetic() || (c >= 0x80 && starts_with_letter(&text[i..])) {
            // A word is a run of letters of any script ("März", "Erdoğan"),
            // with the ASCII case kept on the fast path.
            let (mut letters, mut upper, mut ascii) = (0usize, 0usize, true);
            for ch in text[i..].chars() {
                if !ch.is_alphabetic() {
                    break;
                }
                letters += 1;
                upper += usize::from(ch.is_uppercase());
                ascii &= ch.is_ascii();
                i += ch.len_utf8();
            }
            kind = Kind::Word;
            lex = if ascii {
                lookup(&b[start..i], language)
            } else {
                lookup(text[start..i].to_lowercase().as_bytes(), language)
            };
            num = u32::MAX;
            cap = text[start..].chars().next().is_some_and(char::is_uppercase);
            all_caps = upper == letters;
        } else if c.is_ascii_digit() {
            let mut v: u64 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u64::from(b[i] - b'0'));
                i += 1;
            }
            kind = Kind::Num;
            lex = Lex::None;
            num = if i - start <= 9 { v as u32 } else { u32::MAX };
            cap = false;
            all_caps = false;
        } else if c < 0x80 {
            i += 1;
            kind = Kind::Punct(c);
            lex = Lex::None;
            num = u32::MAX;
            cap = false;
            all_caps = false;
        } else {
            i += 1;
            while i < b.len() && (b[i] & 0xC0) == 0x80 {
                i += 1;
            }
            kind = Kind::Other;
            lex = Lex::None;
            num = u32::MAX;
            cap = false;
            all_caps = false;
        }
        toks.push(Tok {
            start,
            end: i,
            kind,
            lex,
            num,
            space_before: space,
            newline_before: newline,
            cap,
            all_caps,
        });
        space = false;
        newline = false;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_names_are_months_and_weekdays_in_full() {
        for (w, yes) in [
            ("May", true),
            ("monday", true),
            ("December", true),
            ("Jan", false),
            ("Sept", false),
            ("Assad", false),
            ("week", false),
        ] {
            assert_eq!(is_calendar_name(w, Language::English), yes, "{w}");
        }
    }

    #[test]
    fn written_calendar_words_are_capitalised_names_in_full_or_months_with_a_stop() {
        use CalendarWord::*;
        for (w, what) in [
            ("May", Some(Month)),
            ("December", Some(Month)),
            ("Sept.", Some(Month)),
            ("Jan.", Some(Month)),
            ("Monday", Some(Weekday)),
            ("Winter", Some(Season)),
            ("may", None),
            ("MAY", None),
            ("May.", None),
            ("Sept", None),
            ("Monday.", None),
            ("Assad", None),
            ("Week", None),
        ] {
            assert_eq!(written_calendar_word(w, Language::English), what, "{w}");
        }
    }

    #[test]
    fn month_abbreviations_are_the_lexicons_in_any_case() {
        for (w, yes) in [
            ("Jan", true),
            ("sept", true),
            ("DEC", true),
            ("May", false),
            ("January", false),
            ("Mon", false),
        ] {
            assert_eq!(is_month_abbreviation(w, Language::English), yes, "{w}");
        }
    }

    #[test]
    fn words_of_other_scripts_are_one_token_each() {
        for (text, words) in [
            ("Erdoğan spoke", vec!["Erdoğan", "spoke"]),
            ("im März 2025", vec!["im", "März"]),
            ("Владимир Путин said", vec!["Владимир", "Путин", "said"]),
            ("café-bar", vec!["café", "bar"]),
        ] {
            let got: Vec<&str> = tokenize(text, Language::English)
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .map(|t| &text[t.start..t.end])
                .collect();
            assert_eq!(got, words, "{text}");
        }
        let t = tokenize("Путин ÉTAT", Language::English);
        assert!(t[0].cap && !t[0].all_caps);
        assert!(t[1].cap && t[1].all_caps);
    }

    #[test]
    fn splits_words_numbers_and_punctuation_with_byte_offsets() {
        let t = tokenize("On Jan. 18, 2025 — résumé", Language::English);
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], Kind::Word);
        assert_eq!(t[1].lex, Lex::Month(1, true));
        assert!(t[2].is_punct(b'.'));
        assert_eq!(t[3].num, 18);
        assert_eq!(t[5].num, 2025);
        assert_eq!(t[6].kind, Kind::Other);
        assert_eq!(&"On Jan. 18, 2025 — résumé"[t[6].start..t[6].end], "—");
    }

    #[test]
    fn marks_line_breaks_and_case() {
        let t = tokenize("friday\nMAY", Language::English);
        assert!(t[1].newline_before);
        assert!(t[1].all_caps && t[1].cap);
        assert!(!t[0].cap);
    }
}
