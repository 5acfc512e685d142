//! The tagger on arbitrary text with an arbitrary reference date from year 1
//! to 9999: never a panic, spans on char boundaries inside the text.
#![no_main]

use chrono::NaiveDate;
use dateline::temporal::{DateOrder, Mode, Tagger, TaggerOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let days = u32::from_le_bytes([data[0], data[1], data[2], 0]) % 3_652_059;
    let reference = NaiveDate::from_num_days_from_ce_opt(days as i32 + 1).unwrap();
    let Ok(text) = std::str::from_utf8(&data[4..]) else { return };
    let options = TaggerOptions {
        mode: if data[3] & 1 == 0 { Mode::News } else { Mode::Narrative },
        date_order: if data[3] & 2 == 0 { DateOrder::MonthDay } else { DateOrder::DayMonth },
    };
    for e in Tagger::new(options).tag(text, reference) {
        assert!(e.start < e.end && e.end <= text.len());
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        assert_eq!(&text[e.start..e.end], e.text);
    }
});
