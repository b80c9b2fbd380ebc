//! The value types of front-matter fields, with the leniency scrapers need and the
//! strictness users need.
//!
//! One set of `Deserialize` impls serves YAML (serde-saphyr) and TOML (`toml`): a
//! [`Text`] accepts a string or a number (`title: 1984`), [`Names`] a list or a
//! comma-separated string, and a [`DateValue`] a string, a YAML date or a TOML date.
//! A wrong type or an unreadable date fails *inside* deserialisation, so the parser
//! attaches the value's own line and column to the error.

use std::fmt;

use jiff::civil::Date;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::dates::parse_date;

/// The key under which `toml` hands a date-time to a deserializer.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

/// A scalar read as text: strings as they are, numbers in their usual spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_string(TextVisitor)
    }
}

struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text(v.trim().to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
        Ok(Text(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
        Ok(Text(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
        Ok(Text(v.to_string()))
    }
}

/// A list of names: `[a, b]`, or `"a, b"` split at commas. Empty items are dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Names(pub Vec<String>);

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NamesVisitor)
    }
}

struct NamesVisitor;

impl<'de> Visitor<'de> for NamesVisitor {
    type Value = Names;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of strings or a comma-separated string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Names, E> {
        Ok(Names(
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        ))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Names, E> {
        Ok(Names(vec![v.to_string()]))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Names, E> {
        Ok(Names(vec![v.to_string()]))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Names, E> {
        Ok(Names::default())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Names, A::Error> {
        let mut out = Vec::new();
        while let Some(Text(item)) = seq.next_element::<Text>()? {
            if !item.is_empty() {
                out.push(item);
            }
        }
        Ok(Names(out))
    }
}

/// A publication date, parsed while deserialising so errors carry the value's position.
/// An empty string (scrapers write `date: ""` when they found none) is no date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateValue(pub Option<Date>);

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DateVisitor)
    }
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = DateValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date such as 2022-01-28")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<DateValue, E> {
        if v.trim().is_empty() {
            return Ok(DateValue(None));
        }
        parse_date(v).map(|d| DateValue(Some(d))).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DateValue, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if key == TOML_DATETIME_KEY => {
                let value: String = map.next_value()?;
                self.visit_str(&value)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Probe {
        text: Option<Text>,
        names: Option<Names>,
        date: Option<DateValue>,
    }

    fn yaml(s: &str) -> Result<Probe, String> {
        serde_saphyr::from_str(s).map_err(|e| e.to_string())
    }

    fn toml(s: &str) -> Result<Probe, String> {
        ::toml::from_str(s).map_err(|e| e.to_string())
    }

    #[test]
    fn text_accepts_strings_and_numbers_in_both_formats() {
        assert_eq!(yaml("text: 1984").unwrap().text, Some(Text("1984".into())));
        assert_eq!(
            yaml("text: ' padded '").unwrap().text,
            Some(Text("padded".into()))
        );
        assert_eq!(toml("text = 1984").unwrap().text, Some(Text("1984".into())));
        assert!(yaml("text: [a]").is_err());
        assert!(toml("text = true").is_err());
    }

    #[test]
    fn names_accept_lists_and_comma_separated_strings() {
        let want = Names(vec!["Russia".into(), "NATO".into()]);
        let cases = [
            yaml("names: [Russia, NATO]"),
            yaml("names:\n  - Russia\n  - NATO\n  - ''"),
            yaml("names: Russia, NATO,"),
            toml("names = ['Russia', 'NATO']"),
            toml("names = 'Russia,NATO'"),
        ];
        for got in cases {
            assert_eq!(got.unwrap().names, Some(want.clone()));
        }
        assert!(yaml("names: {a: b}").is_err());
    }

    #[test]
    fn dates_come_from_strings_yaml_dates_and_toml_dates() {
        let want = Some(DateValue(Some(jiff::civil::date(2022, 1, 28))));
        let cases = [
            yaml("date: 2022-01-28"),
            yaml("date: 'January 28, 2022'"),
            yaml("date: 2022-01-28T14:05:00Z"),
            toml("date = 2022-01-28"),
            toml("date = 2022-01-28T14:05:00+02:00"),
            toml("date = \"28 Jan 2022\""),
        ];
        for got in cases {
            assert_eq!(got.unwrap().date, want);
        }
        assert_eq!(yaml("date: ''").unwrap().date, Some(DateValue(None)));
    }

    #[test]
    fn bad_dates_fail_at_the_value() {
        let e = yaml("text: a\ndate: 2022-13-01").unwrap_err();
        assert!(
            e.contains("2022-13-01 is not a date: there is no month 13") && e.contains("line 2"),
            "{e}"
        );
        let e = toml("date = 14:05:00").unwrap_err();
        assert!(e.contains("is not a date"), "{e}");
        assert!(yaml("date: 20220128").is_err());
        assert!(yaml("date: {a: 1}").is_err());
    }
}
