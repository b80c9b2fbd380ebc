//! Every filter and function templates can use beyond Tera's built-ins, registered in
//! one place ([`register`]), before any template is added (Tera 2 checks filter names
//! when it compiles a template).
//!
//! | name | kind | what it does |
//! |---|---|---|
//! | `date(format="%-d %B %Y")` | filter | formats an ISO date with jiff's strftime |
//! | `rfc3339` | filter | an ISO date as an RFC 3339 timestamp (midnight UTC), for feeds |
//! | `timex_label` | filter | a TIMEX3 value for readers ("week of 31 January 2022") |
//! | `json` | filter | any value as JSON safe inside `<script>` (`<`, `>`, `&` escaped) |
//! | `url(path, absolute=false)` | function | a site path with the base path (or base URL) |
//! | `asset(path)` | function | the URL of a static file with a content hash, or an error |

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::{Date, DateTime};
use tera::{Error, Kwargs, State, Tera, TeraResult, Value};

/// Reads an ISO date or date-time (`2022-01-26`, `2022-01-26T10:00:00`).
fn parse_date(text: &str) -> TeraResult<DateTime> {
    let text = text.trim();
    text.parse::<DateTime>()
        .or_else(|_| {
            text.parse::<Date>()
                .map(|d| d.to_datetime(jiff::civil::Time::midnight()))
        })
        .map_err(|_| {
            Error::message(format!(
                "cannot read {text:?} as a date (expected YYYY-MM-DD)"
            ))
        })
}

fn date(value: &str, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let format = kwargs.get::<&str>("format")?.unwrap_or("%-d %B %Y");
    let when = parse_date(value)?;
    jiff::fmt::strtime::format(format, when)
        .map_err(|e| Error::message(format!("date: bad format {format:?}: {e}")))
}

fn rfc3339(value: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    let when = parse_date(value)?;
    Ok(format!("{}Z", when.strftime("%Y-%m-%dT%H:%M:%S")))
}

fn timex_label(v: &str, _: Kwargs, _: &State) -> String {
    super::view::dates::value_label(v)
}

fn json(v: &Value, _: Kwargs, _: &State) -> TeraResult<Value> {
    let text = serde_json::to_string(v).map_err(|e| Error::message(format!("json: {e}")))?;
    Ok(Value::safe_string(&script_safe(&text)))
}

/// Escapes JSON text so it cannot end a `<script>` element or open a comment in it.
/// Scans bytes and copies the runs between escapes whole: `briefings.json` is tens of
/// megabytes at 10,000 articles and passes here on every edit.
pub fn script_safe(json: &str) -> String {
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8; E2 only ever starts a character
        let escape = match bytes[i] {
            b'<' => Some(("\\u003c", 1)),
            b'>' => Some(("\\u003e", 1)),
            b'&' => Some(("\\u0026", 1)),
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA8) => {
                Some(("\\u2028", 3))
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA9) => {
                Some(("\\u2029", 3))
            }
            _ => None,
        };
        match escape {
            Some((text, len)) => {
                out.push_str(&json[copied..i]);
                out.push_str(text);
                i += len;
                copied = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&json[copied..]);
    out
}

/// Registers the site's filters and functions. `base_url` ends in `/`; `assets` maps a
/// static file's output path to a short hash of its content.
pub fn register(
    tera: &mut Tera,
    base_url: &str,
    base_path: &str,
    assets: Arc<HashMap<String, String>>,
) {
    tera.register_filter("date", date);
    tera.register_filter("rfc3339", rfc3339);
    tera.register_filter("timex_label", timex_label);
    tera.register_filter("json", json);
    let (url_base, url_path) = (base_url.to_string(), base_path.to_string());
    tera.register_function(
        "url",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let path = kwargs.must_get::<&str>("path")?.trim_start_matches('/');
            let absolute = kwargs.get::<bool>("absolute")?.unwrap_or(false);
            Ok(format!(
                "{}{path}",
                if absolute { &url_base } else { &url_path }
            ))
        },
    );
    let asset_path = base_path.to_string();
    tera.register_function("asset", move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
        let path = kwargs.must_get::<&str>("path")?.trim_start_matches('/');
        match assets.get(path) {
            Some(hash) => Ok(format!("{asset_path}{path}?v={hash}")),
            None => Err(Error::message(format!(
                "asset: no static file `{path}` (put it in the theme's or the site's static/ folder)"
            ))),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    fn render(template: &str) -> Result<String, String> {
        let mut tera = Tera::new();
        let assets = Arc::new(HashMap::from([(
            "style.css".to_string(),
            "abc123".to_string(),
        )]));
        register(&mut tera, "https://example.org/news/", "/news/", assets);
        tera.add_raw_template("t.html", template)
            .map_err(|e| e.to_string())?;
        let mut context = Context::new();
        context.insert("day", "2022-01-26");
        context.insert("hostile", "</script><script>alert(1)</script>&");
        tera.render("t.html", &context).map_err(|e| e.to_string())
    }

    #[test]
    fn filters_and_functions() {
        let cases = [
            ("{{ day | date }}", "26 January 2022"),
            (
                "{{ day | date(format=\"%A %Y-%m-%d\") }}",
                "Wednesday 2022-01-26",
            ),
            (
                "{{ \"2022-01-26T10:30:00\" | date(format=\"%H:%M\") }}",
                "10:30",
            ),
            ("{{ day | rfc3339 }}", "2022-01-26T00:00:00Z"),
            (
                "{{ \"2022-W05\" | timex_label }}",
                "week of 31 January 2022",
            ),
            ("{{ url(path=\"actors/\") }}", "/news/actors/"),
            (
                "{{ url(path=\"/atom.xml\", absolute=true) }}",
                "https://example.org/news/atom.xml",
            ),
            (
                "{{ asset(path=\"style.css\") }}",
                "/news/style.css?v=abc123",
            ),
            (
                "{{ {\"t\": hostile} | json }}",
                r#"{"t":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e\u0026"}"#,
            ),
        ];
        for (template, want) in cases {
            assert_eq!(render(template).as_deref(), Ok(want), "{template}");
        }
    }

    #[test]
    fn script_safe_escapes_what_could_end_a_script_and_nothing_else() {
        let cases = [
            ("", ""),
            ("plain", "plain"),
            ("</script>", "\\u003c/script\\u003e"),
            ("a&b", "a\\u0026b"),
            ("line\u{2028}para\u{2029}end", "line\\u2028para\\u2029end"),
            // other characters with an E2 lead byte stay as they are
            ("“quoted” — dash…", "“quoted” — dash…"),
            ("é<ü>中&", "é\\u003cü\\u003e中\\u0026"),
            ("\u{2027}\u{202A}", "\u{2027}\u{202A}"),
        ];
        for (json, want) in cases {
            assert_eq!(script_safe(json), want, "{json:?}");
        }
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let cases = [
            ("{{ \"soon\" | date }}", "cannot read \"soon\" as a date"),
            ("{{ day | date(format=\"%Q\") }}", "bad format"),
            (
                "{{ asset(path=\"missing.css\") }}",
                "no static file `missing.css`",
            ),
        ];
        for (template, want) in cases {
            let err = render(template).unwrap_err();
            assert!(err.contains(want), "{template}: {err}");
        }
    }
}
