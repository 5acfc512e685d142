//! The tera filters a site's templates get beyond tera's core set. tera is
//! built without its `builtins` feature (which would bring a second
//! chrono-tz, rand and humansize); the two builtins a timeline template
//! needs come back here, on the crates dateline already uses: `date` on
//! chrono and `slugify` on the site's own slug rule, so a template's slugs
//! match the page URLs dateline writes.

use std::collections::HashMap;
use tera::{Tera, Value, to_value};

/// Registers `date` and `slugify` on `tera`.
pub fn register(tera: &mut Tera) {
    tera.register_filter("date", date);
    tera.register_filter("slugify", slugify);
}

/// `{{ value | date(format="%-d %B %Y") }}`: formats a `YYYY-MM-DD` date,
/// an RFC 3339 timestamp or a Unix timestamp (seconds) with chrono's
/// strftime syntax; the default format is `%Y-%m-%d`.
fn date(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let format = match args.get("format") {
        Some(Value::String(f)) => f.as_str(),
        Some(other) => return Err(format!("date: format must be a string, not {other}").into()),
        None => "%Y-%m-%d",
    };
    // Checked first: chrono panics on a format it cannot parse.
    if chrono::format::StrftimeItems::new(format).any(|i| i == chrono::format::Item::Error) {
        return Err(format!("date: {format:?} is not a valid strftime format").into());
    }
    let formatted = match value {
        Value::String(s) => {
            if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                d.format(format).to_string()
            } else if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
                t.format(format).to_string()
            } else {
                return Err(
                    format!("date: {s:?} is neither YYYY-MM-DD nor an RFC 3339 time").into(),
                );
            }
        }
        Value::Number(n) => match n
            .as_i64()
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        {
            Some(t) => t.format(format).to_string(),
            None => return Err(format!("date: {n} is not a Unix timestamp").into()),
        },
        other => return Err(format!("date: cannot format {other} as a date").into()),
    };
    Ok(to_value(formatted)?)
}

/// `{{ name | slugify }}`: the slug dateline gives a page of that name.
fn slugify(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    match value {
        Value::String(s) => Ok(to_value(crate::slug::slugify(s))?),
        other => Err(format!("slugify: expected a string, not {other}").into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str) -> tera::Result<String> {
        let mut tera = Tera::default();
        register(&mut tera);
        tera.add_raw_template("t", template)?;
        tera.render("t", &tera::Context::new())
    }

    #[test]
    fn date_formats_a_day_a_timestamp_and_a_unix_time() {
        for (template, expected) in [
            (
                r#"{{ "2025-01-28" | date(format="%-d %B %Y") }}"#,
                "28 January 2025",
            ),
            (
                r#"{{ "2025-01-28T10:30:00Z" | date(format="%H:%M") }}"#,
                "10:30",
            ),
            (r#"{{ 0 | date }}"#, "1970-01-01"),
            (r#"{{ "2025-01-28" | date }}"#, "2025-01-28"),
        ] {
            assert_eq!(render(template).unwrap(), expected, "{template}");
        }
    }

    #[test]
    fn date_refuses_a_bad_format_instead_of_panicking() {
        assert!(render(r#"{{ "2025-01-28" | date(format="%Q") }}"#).is_err());
        assert!(render(r#"{{ "yesterday" | date }}"#).is_err());
    }

    #[test]
    fn slugify_gives_the_page_slug() {
        assert_eq!(
            render(r#"{{ "Vladimir Putin" | slugify }}"#).unwrap(),
            crate::slug::slugify("Vladimir Putin")
        );
    }
}
