//! Tells reported news from the page furniture scraped into it: the wire
//! dateline and filing stamp before a story's lead ("LONDON | Tue Mar 15,
//! 2011 3:22 pm GMT LONDON (Reuters) - "), a page's "Last updated at 14:59
//! GMT" stamp, a byline or a transcript's speaker tag run into the first
//! sentence, and whole sentences that are no reporting at all: reader
//! comments and their furniture ("| Reply", "NAME wrote:"), promotions
//! ("Read more", "Sign up for ..."), photo credits and captions, credits
//! lines ("Reporting by ...").
//!
//! [`lead_start`] says where the reported sentence starts once its leading
//! furniture is cut off; [`furniture`] says why a sentence is no news at
//! all. Both read the words alone, so a sentence is judged the same way in
//! every article.

use super::lexicon::PerLanguage;
use regex::Regex;
use std::sync::LazyLock;

/// A wire story's dateline at the start of a paragraph, in the three forms
/// news copy uses: the place, often a filing time, and the agency in
/// brackets before a dash ("LONDON | Sat Jul 23, 2011 6:37 pm BST LONDON
/// (Reuters) - ", "CAIRO, Feb 1 (AP) -- "); the agency alone ("(AP) ",
/// "(AP Photo) "); the place alone in capitals ("NEW ORLEANS - ",
/// "BARATARIA BAY, La. - ", "LONDON, Feb. 10 - ", with any dash).
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let agency = r"\([A-Z][A-Za-z]*\.?(?:\s[A-Z][A-Za-z]*){0,2}\)";
    Regex::new(&format!(
        r"^(?:.{{0,150}}?{agency}\s*{DASH}|{agency}(?:\s*{DASH})?|{PLACE}{FILED}\s+{DASH})\s+"
    ))
    .expect("wire dateline regex")
});

/// A dateline of the place alone after a scraped page's label or a photo
/// credit ("Article | MIAMI - ", "(Christian Lutz - AP) BERLIN, March 25 -
/// "), told from a name in capitals inside a sentence ("said: NATO - the
/// alliance") by the capital that starts the story after it.
static LABELLED_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^(.{{0,80}}?(?:\|\s|:\s|\)\s){PLACE}{FILED}\s+{DASH}\s+)[A-Z"\x{{201C}}]"#
    ))
    .expect("labelled dateline regex")
});

const DASH: &str = r"(?:-{1,2}|\x{2014}|\x{2013})";
/// A place in capitals, with its region ("BARATARIA BAY, La.").
const PLACE: &str =
    r"[A-Z][A-Z.'\x{2019} -]{1,30}[A-Z.](?:,\s[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?";
/// The filing day after the place (", Feb. 10").
const FILED: &str = r"(?:,\s[A-Z][a-z]{2,8}\.?\s\d{1,2})?";

/// Where the wire dateline at the start of `paragraph` ends, if it has one.
pub fn wire_dateline(paragraph: &str) -> Option<usize> {
    WIRE_DATELINE.find(paragraph).map(|m| m.end()).or_else(|| {
        LABELLED_DATELINE
            .captures(paragraph)
            .and_then(|c| c.get(1))
            .map(|m| m.end())
    })
}

/// Stamps and tags a page puts before the first words of a story, each
/// ending where the story starts. Matched anywhere in the first 200 bytes,
/// as a scraped page often runs its headline into them.
static LEAD_STAMPS: PerLanguage<Vec<Regex>> = PerLanguage::new();

/// The compiled [`Words::lead_stamps`](super::lexicon::Words::lead_stamps)
/// of the language being read.
fn lead_stamps() -> &'static [Regex] {
    LEAD_STAMPS.get(|w| {
        (w.lead_stamps)(super::lexicon::current().words())
            .iter()
            .map(|p| Regex::new(p).expect("lead stamp regex"))
            .collect()
    })
}

/// Where the reported words of `sentence` start: after any wire dateline,
/// filing or update stamp, byline or speaker tag in front of them (0 when
/// there is none). The cut-off part is furniture: it is never an event,
/// never in a headline and never dates one.
pub fn lead_start(sentence: &str) -> usize {
    let mut start = 0;
    loop {
        let rest = &sentence[start..];
        let mut next = wire_dateline(rest).filter(|&e| e < rest.len());
        for re in lead_stamps() {
            if let Some(m) = re.find(rest)
                && m.start() <= 200
                && m.end() < rest.len()
            {
                next = Some(next.map_or(m.end(), |n| n.max(m.end())));
            }
        }
        match next {
            Some(n) if n > 0 => start += n,
            _ => return start,
        }
    }
}

/// Why a sentence is page furniture, not news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// A reader's comment or the comment box around it.
    Comment,
    /// A promotion, a navigation link, a subscription or share prompt.
    Promotion,
    /// A photo's credit or a stock picture's caption.
    Picture,
    /// Who reported, wrote or edited the story, or a correction note.
    Credits,
    /// A page's own machinery: errors, player notices, quote delays.
    Page,
}

static FURNITURE: PerLanguage<Vec<(Furniture, Regex)>> = PerLanguage::new();

/// Why `sentence` is page furniture and no news, if it is. Three or more
/// `|` separators mark a navigation or comment bar too.
pub fn furniture(sentence: &str) -> Option<Furniture> {
    if sentence.matches(" | ").count() >= 2 {
        return Some(Furniture::Page);
    }
    FURNITURE
        .get(|w| {
            w.furniture
                .iter()
                .map(|(k, p)| {
                    (
                        *k,
                        Regex::new(&ascii_word_bounds(p)).expect("furniture regex"),
                    )
                })
                .collect()
        })
        .iter()
        .find(|(_, re)| re.is_match(sentence))
        .map(|(k, _)| *k)
}

/// `pattern` with its word boundaries (`\\b`) read by ASCII word characters:
/// a Unicode word boundary keeps the regex engine off its fast DFA (which
/// cannot look at Unicode word classes), and the furniture patterns are
/// checked against every sentence. Only a pattern whose words start or end
/// with a letter beyond ASCII would read differently.
fn ascii_word_bounds(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// A speaker's turn in a broadcast transcript: a paragraph that opens with
/// the speaker's name in capitals and a colon ("COOPER: ", "DAMON (on
/// camera): "). Capitals and a colon are how transcripts of any language
/// mark a turn, so the pattern is no language's.
static SPEAKER_TURN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*([A-Z][A-Z.'\x{2019} -]{1,30}[A-Z])(?: \([^)\n]{1,50}\))?:\s")
        .expect("speaker turn regex")
});

/// Fewest turns, by at least two speakers, that make a page a transcript.
const TRANSCRIPT_TURNS: usize = 5;

/// Whether `text` is a broadcast transcript: at least
/// [`TRANSCRIPT_TURNS`] paragraphs open with a speaker's tag, and two
/// speakers or more take turns. A transcript is conversation: hosts'
/// questions, guests' opinions and recaps of what was reported elsewhere,
/// where a statement's day is seldom said. Its sentences give no timeline
/// events; the reports the conversation is about reach the site through
/// the articles that carry them.
pub fn transcript(text: &str) -> bool {
    let mut speakers: Vec<&str> = Vec::new();
    let mut turns = 0;
    for c in SPEAKER_TURN.captures_iter(text) {
        turns += 1;
        let name = c.get(1).map_or("", |m| m.as_str());
        if !speakers.contains(&name) {
            speakers.push(name);
        }
        if turns >= TRANSCRIPT_TURNS && speakers.len() >= 2 {
            return true;
        }
    }
    false
}

/// A wire agency's tag or a filing time anywhere in a sentence ("(CNN)",
/// "(Reuters)", "1:48 pm GMT"): scraped text that runs a page's pieces
/// together.
static WIRE_INSIDE: PerLanguage<Regex> = PerLanguage::new();

/// Longest sentence, in words, that is read for more than its first event:
/// a longer one is usually several pieces of a page run together.
const RUN_ON_WORDS: usize = 60;

/// Whether `sentence` carries a wire tag or a filing time inside it, or is
/// longer than [`RUN_ON_WORDS`]: text whose further clauses are no events.
pub fn run_together(sentence: &str) -> bool {
    WIRE_INSIDE
        .get(|w| Regex::new(w.wire_inside).expect("wire regex"))
        .is_match(sentence)
        || sentence.split_whitespace().count() > RUN_ON_WORDS
}

static LIVE_ENTRY: PerLanguage<Regex> = PerLanguage::new();

/// A page with at least this many paragraphs opened by an update stamp is
/// a live page.
const LIVE_ENTRIES: usize = 3;

/// Whether `article` is a live page: entries opened by update stamps
/// ("(Update 4:18 a.m. in Cairo, 9:18 p.m. ET) ..."), added as the story
/// ran on, often past the day the page was filed.
pub fn live_page(article: &crate::content::Article) -> bool {
    let stamp = LIVE_ENTRY.get(|w| Regex::new(w.live_entry).expect("live entry regex"));
    article
        .paragraphs
        .iter()
        .filter(|p| stamp.is_match(&p.text))
        .take(LIVE_ENTRIES)
        .count()
        >= LIVE_ENTRIES
}

static COMMENT_SECTION: PerLanguage<Regex> = PerLanguage::new();

/// Whether `sentence` opens a page's reader comments: the sentences after
/// it are readers', not the reporter's, however news-like they read ("This
/// was witnessed in Hama in 1982").
pub fn opens_comments(sentence: &str) -> bool {
    COMMENT_SECTION
        .get(|w| Regex::new(w.comment_section).expect("comment section regex"))
        .is_match(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_boxes_and_reply_stamps_open_the_comments() {
        // (sentence, opens the comments)
        let cases = [
            (
                "Sign in with your BBC iD, or Register to comment and rate comments.",
                true,
            ),
            (
                "Views expressed in the comments do not represent those of Reuters.",
                true,
            ),
            (
                "January 31, 2011 at 7:32 pm | Reply Everyone should know the truth.",
                true,
            ),
            (
                "At 13:44 20th Jan 2012, BluesBerry wrote: Turkey has been Syria's ally.",
                true,
            ),
            (
                "At 13:44 on Friday, the minister said the talks had failed.",
                false,
            ),
            ("The moderator asked the candidates about Syria.", false),
            ("Obama wrote: the time has come.", false),
            ("Protesters replied with stones at 7:30 pm.", false),
        ];
        for (sentence, opens) in cases {
            assert_eq!(opens_comments(sentence), opens, "{sentence}");
        }
    }

    #[test]
    fn a_page_of_speaker_turns_by_two_speakers_is_a_transcript() {
        let turns = |names: &[&str]| {
            names
                .iter()
                .map(|n| format!("{n}: The protesters are still in the square.\n\n"))
                .collect::<String>()
        };
        // (text, is a transcript)
        let cases = [
            (
                turns(&["COOPER", "GHONIM", "COOPER", "GHONIM", "COOPER"]),
                true,
            ),
            (
                turns(&["DAMON (on camera)", "LEMON", "DAMON", "LEMON", "DAMON"]),
                true,
            ),
            // Four turns are a quoted exchange inside a report.
            (turns(&["COOPER", "GHONIM", "COOPER", "GHONIM"]), false),
            // One tag again and again is a page's highlights or updates.
            (turns(&["NEW", "NEW", "NEW", "NEW", "NEW", "NEW"]), false),
            (
                "CAIRO, Egypt (CNN) -- Protesters gathered on Friday.\n\nThey said: no."
                    .to_string(),
                false,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(transcript(&text), expected, "{text}");
        }
    }

    #[test]
    fn wire_tags_inside_and_overlong_sentences_run_together() {
        assert!(run_together(
            "Egypt is not stable NEW: (CNN) -- Protesters gathered."
        ));
        assert!(run_together("Shares fell at 1:48 pm GMT on Tuesday."));
        assert!(!run_together(
            "Apple Corps lost its court case against Apple Computer today."
        ));
        assert!(run_together(&"word ".repeat(61)));
    }

    #[test]
    fn the_lead_starts_after_datelines_stamps_bylines_and_speaker_tags() {
        let cases = [
            (
                "LONDON | Tue Mar 15, 2011 3:22 pm GMT LONDON (Reuters) - Britain is to overhaul its libel laws.",
                "Britain is to overhaul its libel laws.",
            ),
            (
                "BP investors spooked by lawsuit LONDON | Fri Dec 17, 2010 1:09 am IST LONDON (Reuters) - Oil major BP fell.",
                "Oil major BP fell.",
            ),
            (
                "TIRANA, April 27 (Reuters) - Albania's central bank kept rates unchanged.",
                "Albania's central bank kept rates unchanged.",
            ),
            (
                "Tue Apr 28, 2009 9:03 pm BST (Reuters) - Weather experts are studying swine flu.",
                "Weather experts are studying swine flu.",
            ),
            (
                "Cairo, Egypt (CNN) – Protesters took to the streets on Wednesday.",
                "Protesters took to the streets on Wednesday.",
            ),
            (
                "ZURICH -- Of all the places in the world, this is the one.",
                "Of all the places in the world, this is the one.",
            ),
            (
                "Article | MIAMI \u{2013} BP advanced on the final lap.",
                "BP advanced on the final lap.",
            ),
            (
                "Last complete story appears below: MIAMI \u{2013} A tropical depression raced on.",
                "A tropical depression raced on.",
            ),
            (
                "(Christian Lutz - AP) BERLIN, March 25 \u{2013} The president ripped the policies.",
                "The president ripped the policies.",
            ),
            (
                "LONDON, Feb. 10 \u{2013} Nine men ran British banks.",
                "Nine men ran British banks.",
            ),
            (
                "Photograph: Gerald Herbert/AP Shares in BP plunged 7% today.",
                "Shares in BP plunged 7% today.",
            ),
            (
                "Photograph: Daniel Beltra/Greenpeace/EPA The spill set off a backlash.",
                "The spill set off a backlash.",
            ),
            (
                "Photograph: Rex Features Shares in BP hit a 14-year low.",
                "Shares in BP hit a 14-year low.",
            ),
            (
                "24 June 2010 Last updated at 14:59 GMT Help A year on from the death of the singer, fans gathered.",
                "A year on from the death of the singer, fans gathered.",
            ),
            (
                "Page last updated at 08:14 GMT, Tuesday, 8 November 2011 09:14 UK Propofol is a fast-acting drug.",
                "Propofol is a fast-acting drug.",
            ),
            (
                "updated: Sun Jul 29 2012 08:01:00 Since the start of the Arab spring, he has risen 300 places.",
                "Since the start of the Arab spring, he has risen 300 places.",
            ),
            (
                "05 February 12 01:10 GMT Fresh protests have taken place outside the embassy.",
                "Fresh protests have taken place outside the embassy.",
            ),
            (
                "January 25, 2011 | By Amir Ahmed, CNN Demonstrators clash with police in Cairo.",
                "Demonstrators clash with police in Cairo.",
            ),
            (
                "By Joe Lynam, BBC business correspondent BP's shareholders would prefer a quiet year.",
                "BP's shareholders would prefer a quiet year.",
            ),
            (
                "COOPER (voice-over): Sunday night, the sixth day of protests began.",
                "Sunday night, the sixth day of protests began.",
            ),
            (
                "10pm: One question is what other inquiries there are.",
                "One question is what other inquiries there are.",
            ),
            (
                "19:27: The minister has arrived at the hotel.",
                "The minister has arrived at the hotel.",
            ),
            (
                "(Update 1:50 a.m. Cairo, 6:50 p.m. ET) - Roughly 1,000 prisoners have escaped.",
                "Roughly 1,000 prisoners have escaped.",
            ),
            (
                "-- (Posted 5:32 p.m. in Cairo, 10:32 a.m. ET) Senior officers met.",
                "Senior officers met.",
            ),
            (
                "ET) A group of protesters maintained a human chain.",
                "A group of protesters maintained a human chain.",
            ),
            (
                "By the CNN Wire Staff NEW: Opposition leader ElBaradei shares his vision.",
                "Opposition leader ElBaradei shares his vision.",
            ),
        ];
        for (sentence, lead) in cases {
            assert_eq!(&sentence[lead_start(sentence)..], lead, "{sentence}");
        }
    }

    #[test]
    fn a_plain_sentence_keeps_its_start() {
        for s in [
            "The US and Russia met in Geneva on Friday.",
            "By Thursday afternoon, a five-mile long oil slick extended from the site.",
            "At 1130 BST the market opened lower.",
            "UN envoy Kofi Annan said on Tuesday: the plan is failing.",
            "NATO said on Monday it would not intervene.",
            "The minister said: NATO - the alliance - had failed.",
            "Officials (from the UN) BP - the company - is paying.",
        ] {
            assert_eq!(lead_start(s), 0, "{s}");
        }
    }

    #[test]
    fn comments_promotions_credits_and_captions_are_furniture() {
        use Furniture::*;
        let cases = [
            (
                "March 9, 2011 at 5:50 pm | Reply I think this is wrong.",
                Comment,
            ),
            ("JohnSmith wrote: the government is lying.", Comment),
            (
                "This comment was removed because it broke the house rules.",
                Comment,
            ),
            ("-- June 02, 2010 2:46 PM Ahh, got it.", Comment),
            (
                "Read more about the crisis in our special report.",
                Promotion,
            ),
            (
                "Get Wonkbook delivered to your inbox or mobile device.",
                Promotion,
            ),
            // A video listing: its title, its running time, its date.
            (
                "Reuters Gunfire and bloodshed in Syria (3:19) Oct. 8 - Activists say troops opened fire.",
                Promotion,
            ),
            (
                "Thoughts, comments, suggestions or criticisms are welcome.",
                Promotion,
            ),
            (
                "Additional reporting by Khaled Yacoub Oweis in Amman; Editing by Jon Hemming.",
                Credits,
            ),
            (
                "Zelizer says realists argued the U.S. should not seek democracy Editor’s note: Julian E. Zelizer is a professor of history.",
                Credits,
            ),
            (
                "(Corrects first paragraph to show money supply growth at 30 percent.)",
                Credits,
            ),
            (
                "Apr 25, 2011 11:43 am EDT – Report as abuse This discussion is now closed.",
                Comment,
            ),
            (
                "#AC360 8:30 pm ET February 11, 2013 RETWEET Coming up next.",
                Comment,
            ),
            (
                "BACK {current} of {total} NEXT Hopes for a settlement remain alive.",
                Page,
            ),
            (
                "* Offshore premiums up by 50 pct * Sector loss would be more",
                Page,
            ),
            (
                "The bombings are done by the regime End Quote Abu Laila Rebel commander",
                Page,
            ),
            (
                "A protester waves a flag in this handout picture taken near Homs on May 3.",
                Picture,
            ),
            ("Photo: Getty Images, taken on Friday.", Picture),
            (
                "YES | NO By EgyptLove | Posted January 28, 2011 | Stockholm",
                Page,
            ),
            (
                "(an error occurred while processing this directive) The singer died.",
                Page,
            ),
        ];
        for (s, why) in cases {
            assert_eq!(furniture(s), Some(why), "{s}");
        }
    }

    #[test]
    fn reporting_is_not_furniture() {
        for s in [
            "Kofi Annan urged the government on Tuesday to halt the shelling of Homs.",
            "Russia and China vetoed the UN resolution on Saturday.",
            "He wrote to the council on Monday asking for more monitors.",
            "The company posted a loss of $17bn on July 27.",
            "The photographs were taken on Friday, the ministry said.",
        ] {
            assert_eq!(furniture(s), None, "{s}");
        }
    }
}
