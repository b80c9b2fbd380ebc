//! The keys of a front matter block: the block in; each top-level key with its byte
//! offset, and a warning for every key that looks like a typo of a known one, out.
//!
//! Unknown keys are allowed (scrapers add many), so a misspelt `tgas:` would be lost
//! without a word. The block is parsed a second time by the same parser into a list of
//! keys with their positions (serde-saphyr's and `toml`'s `Spanned`), never by a
//! hand-written scan; the known keys are the field names of the struct the front
//! matter is read into, taken from its `Deserialize` impl, so the two cannot drift
//! apart. A key is a typo when it equals a known key but for case, or is within a small
//! edit distance (one edit for keys of up to five letters, two for longer ones; a
//! swap of two neighbouring letters is one edit) of one.

use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::front_matter::{Block, Fence, offset_of, yaml_options};
use crate::diagnostics::{Location, Warning, line_column};

/// A top-level key and the byte offset of its first character in the whole file text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Key {
    pub name: String,
    pub offset: usize,
}

/// The top-level keys of a block that parsed, with their offsets in `text`, in order.
/// A block whose keys are not all strings gives none (nothing to check).
pub(crate) fn block_keys(text: &str, block: &Block) -> Vec<Key> {
    let content = &text[block.start..block.end];
    let mut keys: Vec<Key> = match block.fence {
        Fence::Yaml => {
            type Keys = Option<KeyList<serde_saphyr::Spanned<String>>>;
            let parsed: Result<Keys, _> =
                serde_saphyr::from_str_with_options(content, yaml_options());
            let list = parsed.ok().flatten().map_or_else(Vec::new, |l| l.0);
            list.into_iter()
                .map(|k| Key {
                    offset: block.start
                        + offset_of(content, k.referenced.line(), k.referenced.column()),
                    name: k.value,
                })
                .collect()
        }
        Fence::Toml => {
            let parsed = toml::from_str::<KeyList<toml::Spanned<String>>>(content);
            let list = parsed.map_or_else(|_| Vec::new(), |l| l.0);
            list.into_iter()
                .map(|k| Key {
                    offset: block.start + k.span().start,
                    name: k.into_inner(),
                })
                .collect()
        }
    };
    keys.sort_by_key(|k| k.offset);
    keys
}

/// The field names `T` reads, as its derived `Deserialize` impl declares them.
pub(crate) fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut probe = FieldNames(&[]);
    let _ = T::deserialize(&mut probe);
    probe.0
}

/// Warnings for keys that look like typos of `known` ones.
pub(crate) fn typo_warnings(
    display: &Path,
    text: &str,
    keys: &[Key],
    known: &[&str],
) -> Vec<Warning> {
    keys.iter()
        .filter_map(|key| {
            let meant = suggestion(&key.name, known)?;
            let (line, column) = line_column(text, key.offset);
            let message = format!(
                "front matter: unknown key `{}`: did you mean `{meant}`?",
                key.name
            );
            let hint = format!(
                "rename it to `{meant}`; keys briefing does not know are ignored, so its value is not used"
            );
            Some(Warning::new(Location::at(display, line, column), message).with_hint(hint))
        })
        .collect()
}

/// The largest edit distance between a typo and the key it misspells.
const MAX_DISTANCE: usize = 2;

/// The known key `key` is most likely a misspelling of, if any.
fn suggestion<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    if known.contains(&key) {
        return None;
    }
    // a key longer than every known one by more than the largest distance allowed is
    // no typo of one (and a megabyte-long key must cost nothing)
    let longest = known.iter().map(|k| k.chars().count()).max().unwrap_or(0);
    if key.len() > 4 * (longest + MAX_DISTANCE) || key.chars().count() > longest + MAX_DISTANCE {
        return None;
    }
    let lower = key.to_lowercase();
    if let Some(same) = known.iter().find(|k| **k == lower) {
        return Some(same);
    }
    if lower.chars().count() < 3 {
        return None;
    }
    known
        .iter()
        .map(|k| (edit_distance(&lower, k), *k))
        .filter(|(d, k)| {
            *d <= if k.len().max(lower.len()) <= 5 {
                1
            } else {
                MAX_DISTANCE
            }
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps
/// of two neighbouring characters each count one.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[(i - 1) * width + j] + 1)
                    .min(d[i * width + j - 1] + 1)
                    .min(d[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    d[a.len() * width + b.len()]
}

/// The keys of a mapping, each read as a `K` (a key with its position); values are skipped.
struct KeyList<K>(Vec<K>);

impl<'de, K: Deserialize<'de>> Deserialize<'de> for KeyList<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(KeyVisitor(PhantomData))
    }
}

struct KeyVisitor<K>(PhantomData<K>);

impl<'de, K: Deserialize<'de>> Visitor<'de> for KeyVisitor<K> {
    type Value = KeyList<K>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyList<K>, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<K>()? {
            map.next_value::<IgnoredAny>()?;
            keys.push(key);
        }
        Ok(KeyList(keys))
    }
}

/// A deserializer that only records the field names a struct asks for.
struct FieldNames(&'static [&'static str]);

impl<'de> Deserializer<'de> for &mut FieldNames {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = fields;
        Err(de::Error::custom("only the field names were wanted"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: [&str; 6] = ["title", "date", "tags", "author", "draft", "published"];

    #[test]
    fn near_misses_of_known_keys_are_typos() {
        let cases = [
            ("tgas", Some("tags")),
            ("titel", Some("title")),
            ("dat", Some("date")),
            ("autor", Some("author")),
            ("draf", Some("draft")),
            ("tag", Some("tags")),
            ("Title", Some("title")),
            ("DATE", Some("date")),
            ("pubished", Some("published")),
            ("title", None),
            ("image", None),
            ("subtitle", None),
            ("name", None),
            ("lang", None),
            ("id", None),
            ("da", None),
            ("type", None),
            ("publishedxx", Some("published")),
            ("publishedxxx", None),
        ];
        for (key, want) in cases {
            assert_eq!(suggestion(key, &KNOWN), want, "{key}");
        }
    }

    #[test]
    fn keys_longer_than_any_known_key_are_no_typos_and_cost_nothing() {
        // a megabyte-long key once took seconds and 134 MB in the edit distance
        let long = "a".repeat(1_000_000);
        let got = crate::fuzz::within(crate::fuzz::HANG, move || suggestion(&long, &KNOWN));
        assert_eq!(got, Some(None), "no answer before the hang deadline");
    }

    #[test]
    fn edit_distance_counts_a_swap_as_one() {
        let cases = [
            ("tgas", "tags", 1),
            ("", "abc", 3),
            ("kitten", "sitting", 3),
            ("same", "same", 0),
            ("é", "e", 1),
        ];
        for (a, b, want) in cases {
            assert_eq!(edit_distance(a, b), want, "{a} {b}");
        }
    }

    #[test]
    fn field_names_come_from_the_struct() {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Probe {
            title: Option<String>,
            #[serde(rename = "date")]
            when: Option<String>,
        }
        assert_eq!(field_names::<Probe>(), ["title", "date"]);
    }
}
