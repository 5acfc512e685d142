//! One fast pass over the text: words, numbers and punctuation with their
//! byte offsets, each word looked up once in the temporal lexicon.
//!
//! This file owns tokenizing and the lexicon only. It knows nothing about
//! dates; patterns read the token stream it produces.

use super::value::DayPart;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

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

#[derive(Default)]
struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Lexicon = HashMap<&'static [u8], Lex, BuildHasherDefault<FnvHasher>>;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build_lexicon)
}

fn build_lexicon() -> Lexicon {
    let mut m: Lexicon = HashMap::default();
    let mut put = |w: &'static str, l: Lex| {
        m.insert(w.as_bytes(), l);
    };
    let months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, w) in months.iter().enumerate() {
        put(w, Lex::Month(i as u32 + 1, false));
    }
    for (w, n) in [
        ("jan", 1),
        ("feb", 2),
        ("febr", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        put(w, Lex::Month(n, true));
    }
    for (i, w) in [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .enumerate()
    {
        put(w, Lex::Weekday(i as u32));
    }
    for (w, u) in [
        ("second", Unit::Second),
        ("minute", Unit::Minute),
        ("hour", Unit::Hour),
        ("day", Unit::Day),
        ("weekend", Unit::Weekend),
        ("week", Unit::Week),
        ("fortnight", Unit::Fortnight),
        ("month", Unit::Month),
        ("quarter", Unit::Quarter),
        ("half", Unit::Half),
        ("year", Unit::Year),
        ("decade", Unit::Decade),
        ("century", Unit::Century),
    ] {
        put(w, Lex::Unit(u, false));
    }
    for (w, u) in [
        ("seconds", Unit::Second),
        ("minutes", Unit::Minute),
        ("hours", Unit::Hour),
        ("days", Unit::Day),
        ("weekends", Unit::Weekend),
        ("weeks", Unit::Week),
        ("fortnights", Unit::Fortnight),
        ("months", Unit::Month),
        ("quarters", Unit::Quarter),
        ("halves", Unit::Half),
        ("years", Unit::Year),
        ("decades", Unit::Decade),
        ("centuries", Unit::Century),
        ("yrs", Unit::Year),
        ("hrs", Unit::Hour),
        ("mins", Unit::Minute),
    ] {
        put(w, Lex::Unit(u, true));
    }
    let cards = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    for (i, w) in cards.iter().enumerate() {
        put(w, Lex::Card(i as u32));
    }
    for (w, n) in [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("dozen", 12),
    ] {
        put(w, Lex::Card(n));
    }
    let ords = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
    ];
    for (i, w) in ords.iter().enumerate() {
        // "second" is both a unit and an ordinal; the unit wins in the map
        // and patterns ask `ordinal_of` for the ordinal reading.
        if *w != "second" {
            put(w, Lex::Ord(i as u32 + 1));
        }
    }
    put("thirtieth", Lex::Ord(30));
    put("last", Lex::Kw(Kw::Last));
    for (w, s) in [
        ("spring", 0),
        ("summer", 1),
        ("fall", 2),
        ("autumn", 2),
        ("winter", 3),
    ] {
        put(w, Lex::Season(s));
    }
    for (w, p) in [
        ("morning", DayPart::Morning),
        ("mornings", DayPart::Morning),
        ("afternoon", DayPart::Afternoon),
        ("evening", DayPart::Evening),
        ("night", DayPart::Night),
        ("nighttime", DayPart::Night),
    ] {
        put(w, Lex::DayPart(p));
    }
    for (w, n) in [
        ("twenties", 20),
        ("thirties", 30),
        ("forties", 40),
        ("fifties", 50),
        ("sixties", 60),
        ("seventies", 70),
        ("eighties", 80),
        ("nineties", 90),
    ] {
        put(w, Lex::DecadeWord(n));
    }
    for (w, k) in [
        ("the", Kw::The),
        ("a", Kw::A),
        ("an", Kw::A),
        ("of", Kw::Of),
        ("this", Kw::This),
        ("next", Kw::Next),
        ("past", Kw::Past),
        ("previous", Kw::Previous),
        ("prior", Kw::Previous),
        ("preceding", Kw::Previous),
        ("coming", Kw::Coming),
        ("upcoming", Kw::Coming),
        ("following", Kw::Following),
        ("ago", Kw::Ago),
        ("earlier", Kw::Earlier),
        ("later", Kw::Later),
        ("before", Kw::Before),
        ("after", Kw::After),
        ("early", Kw::Early),
        ("late", Kw::Late),
        ("mid", Kw::Mid),
        ("middle", Kw::Middle),
        ("end", Kw::End),
        ("beginning", Kw::Beginning),
        ("start", Kw::Start),
        ("today", Kw::Today),
        ("yesterday", Kw::Yesterday),
        ("tomorrow", Kw::Tomorrow),
        ("tonight", Kw::Tonight),
        ("now", Kw::Now),
        ("currently", Kw::Currently),
        ("current", Kw::Current),
        ("recently", Kw::Recently),
        ("recent", Kw::Recent),
        ("lately", Kw::Lately),
        ("future", Kw::Future),
        ("soon", Kw::Soon),
        ("nowadays", Kw::Nowadays),
        ("present", Kw::Present),
        ("fiscal", Kw::Fiscal),
        ("latest", Kw::Latest),
        ("every", Kw::Every),
        ("each", Kw::Each),
        ("per", Kw::Per),
        ("daily", Kw::Daily),
        ("weekly", Kw::Weekly),
        ("monthly", Kw::Monthly),
        ("yearly", Kw::Yearly),
        ("annually", Kw::Annually),
        ("noon", Kw::Noon),
        ("midday", Kw::Noon),
        ("midnight", Kw::Midnight),
        ("overnight", Kw::Overnight),
        ("several", Kw::Several),
        ("few", Kw::Few),
        ("some", Kw::Some),
        ("couple", Kw::Couple),
        ("many", Kw::Many),
        ("about", Kw::About),
        ("around", Kw::Around),
        ("nearly", Kw::Nearly),
        ("almost", Kw::Almost),
        ("roughly", Kw::Roughly),
        ("approximately", Kw::Approximately),
        ("more", Kw::More),
        ("less", Kw::Less),
        ("fewer", Kw::Less),
        ("than", Kw::Than),
        ("at", Kw::At),
        ("least", Kw::Least),
        ("most", Kw::Most),
        ("up", Kw::Up),
        ("to", Kw::To),
        ("from", Kw::From),
        ("through", Kw::Through),
        ("between", Kw::Between),
        ("and", Kw::And),
        ("for", Kw::For),
        ("in", Kw::In),
        ("on", Kw::On),
        ("since", Kw::Since),
        ("until", Kw::Until),
        ("till", Kw::Until),
        ("by", Kw::By),
        ("during", Kw::During),
        ("within", Kw::Within),
        ("will", Kw::Will),
        ("ll", Kw::Will),
        ("shall", Kw::Shall),
        ("going", Kw::Going),
        ("expected", Kw::Expected),
        ("expects", Kw::Expected),
        ("scheduled", Kw::Scheduled),
        ("plans", Kw::Plans),
        ("planned", Kw::Plans),
        ("said", Kw::Said),
        ("says", Kw::Said),
        ("was", Kw::Was),
        ("were", Kw::Were),
        ("had", Kw::Had),
        ("did", Kw::Did),
        ("has", Kw::Has),
        ("have", Kw::Has),
        ("near", Kw::Near),
        ("eve", Kw::Eve),
        ("christmas", Kw::Christmas),
        ("xmas", Kw::Christmas),
        ("thanksgiving", Kw::Thanksgiving),
        ("easter", Kw::Easter),
        ("new", Kw::New),
        ("independence", Kw::Independence),
        ("valentine", Kw::Valentine),
        ("halloween", Kw::Halloween),
        ("memorial", Kw::Memorial),
        ("labor", Kw::Labor),
        ("labour", Kw::Labor),
        ("veterans", Kw::Veterans),
        ("election", Kw::Election),
        ("full", Kw::Full),
        ("corresponding", Kw::Corresponding),
        ("same", Kw::Same),
        ("period", Kw::Period),
        ("hundred", Kw::Hundred),
        ("thousand", Kw::Thousand),
        ("or", Kw::Or),
        ("these", Kw::These),
        ("that", Kw::That),
        ("so", Kw::So),
        ("st", Kw::OrdSuffix),
        ("nd", Kw::OrdSuffix),
        ("rd", Kw::OrdSuffix),
        ("th", Kw::OrdSuffix),
    ] {
        put(w, Lex::Kw(k));
    }
    m
}

/// The ordinal reading of a word, including "second".
pub fn ordinal_of(t: &Tok, text: &str) -> Option<u32> {
    match t.lex {
        Lex::Ord(n) => Some(n),
        Lex::Unit(Unit::Second, false) if text[t.start..t.end].eq_ignore_ascii_case("second") => {
            Some(2)
        }
        _ => None,
    }
}

/// Whether `word` names a month or a weekday in full ("May", "monday"), in
/// any case: the lexicon's own names, for callers outside the tagger that
/// must tell a date's word from a name.
pub fn is_calendar_name(word: &str) -> bool {
    matches!(
        lookup(word.as_bytes()),
        Lex::Month(_, false) | Lex::Weekday(_)
    )
}

fn lookup(word: &[u8]) -> Lex {
    if word.len() > 14 {
        return Lex::None;
    }
    let mut buf = [0u8; 14];
    let lower = &mut buf[..word.len()];
    for (d, s) in lower.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    lexicon().get(&*lower).copied().unwrap_or(Lex::None)
}

/// Whether `rest` opens with a letter (of any script).
fn starts_with_letter(rest: &str) -> bool {
    rest.chars().next().is_some_and(char::is_alphabetic)
}

/// Splits `text` into tokens. Never fails; every offset is a char boundary.
pub fn tokenize(text: &str) -> Vec<Tok> {
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
                lookup(&b[start..i])
            } else {
                lookup(text[start..i].to_lowercase().as_bytes())
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
            assert_eq!(is_calendar_name(w), yes, "{w}");
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
            let got: Vec<&str> = tokenize(text)
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .map(|t| &text[t.start..t.end])
                .collect();
            assert_eq!(got, words, "{text}");
        }
        let t = tokenize("Путин ÉTAT");
        assert!(t[0].cap && !t[0].all_caps);
        assert!(t[1].cap && t[1].all_caps);
    }

    #[test]
    fn splits_words_numbers_and_punctuation_with_byte_offsets() {
        let t = tokenize("On Jan. 18, 2025 — résumé");
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
        let t = tokenize("friday\nMAY");
        assert!(t[1].newline_before);
        assert!(t[1].all_caps && t[1].cap);
        assert!(!t[0].cap);
    }
}
