//! Slugs for URLs and file names: a slug in, a bounded one out, unique within its family
//! (briefings, actors, tags).
//!
//! Names come from articles and can be any length; a directory name longer than the
//! file system allows (255 bytes on most) would fail the whole build. Every generated
//! slug is therefore capped by `ingest::cap_slug`, the one rule for all slugs.
//!
//! [`Unique`] hands out slugs of one family: a slug already taken gets `-2`, `-3`, ...
//! with one counter per base slug, so `n` equal names cost `O(n)`, not `O(n²)`.
//! Briefings get theirs without an order ([`briefing_base`], [`with_hash`]), so adding
//! a briefing never renames another one's page.

use std::collections::{HashMap, HashSet};

pub use crate::ingest::cap_slug as cap;

/// `true` when `slug` can be used in a URL and a file name as it is: ASCII letters,
/// digits, `-`, `_` and `.`, not starting with `.` (no `..`, no hidden files).
pub fn is_safe_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('.')
        && slug
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// A slug safe for URLs and file names: `slug` itself when it already is (a file name
/// the user chose, so never too long for a directory), else its transliterated,
/// lower-case form cut to `MAX_SLUG_BYTES`; `fallback` when nothing usable is left.
pub fn clean_slug(slug: &str, fallback: &str) -> String {
    if is_safe_slug(slug) {
        return slug.to_string();
    }
    let cleaned = slug::slugify(slug);
    if cleaned.is_empty() {
        fallback.to_string()
    } else {
        cap(&cleaned)
    }
}

/// The URL slug a briefing file slug asks for (see [`clean_slug`]).
pub fn briefing_base(file_slug: &str) -> String {
    clean_slug(file_slug, "briefing")
}

/// `base` told apart by a short hash of `original`: the URL slug of a briefing whose
/// file slug had to be cleaned into one another briefing also asks for.
pub fn with_hash(base: &str, original: &str) -> String {
    let hash = blake3::hash(original.as_bytes()).to_hex();
    cap(format!("{base}-{}", &hash[..8]))
}

/// The slugs of one family handed out so far.
#[derive(Debug, Default)]
pub struct Unique {
    taken: HashSet<String>,
    /// The next number to try after each base slug.
    next: HashMap<String, usize>,
}

impl Unique {
    /// A capped slug for `base` that no earlier call returned: `base`, else `base-2`,
    /// `base-3`, ... (each capped).
    pub fn claim(&mut self, base: &str) -> String {
        let first = cap(base);
        if self.taken.insert(first.clone()) {
            return first;
        }
        let n = self.next.entry(base.to_string()).or_insert(2);
        loop {
            let slug = cap(format!("{base}-{n}"));
            *n += 1;
            if self.taken.insert(slug.clone()) {
                return slug;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::MAX_SLUG_BYTES as MAX_SLUG;

    #[test]
    fn long_slugs_are_cut_on_a_character_boundary_with_a_hash() {
        let long_a = "a".repeat(50_000);
        let long_b = format!("{}b", "a".repeat(49_999));
        let cyrillic = "ж".repeat(100);
        let dashes = format!("{}-{}", "x".repeat(70), "y".repeat(30));
        let cases: [(&str, usize, &str); 5] = [
            ("short-slug", 10, "short-slug"),
            (&long_a, MAX_SLUG, "aaaa"),
            (&long_b, MAX_SLUG, "aaaa"),
            (&cyrillic, 79, "жж"),
            (&dashes, 79, "xxx"),
        ];
        for (slug, len, start) in cases {
            let got = cap(slug);
            assert_eq!(got.len(), len, "{got}");
            assert!(got.starts_with(start), "{got}");
            if slug.len() > MAX_SLUG {
                let hash = blake3::hash(slug.as_bytes()).to_hex();
                assert!(got.ends_with(&format!("-{}", &hash[..8])), "{got}");
                assert!(!got.contains("--"), "{got}");
            }
        }
        assert_ne!(cap(&long_a), cap(&long_b), "the hash tells them apart");
        assert_eq!(cap("b".repeat(80)), "b".repeat(80), "80 bytes are kept");
    }

    #[test]
    fn unique_slugs_count_per_base() {
        let long = "n".repeat(200);
        let mut slugs = Unique::default();
        let got: Vec<String> = ["a", "a", "a-2", "a", "b", &long, &long]
            .iter()
            .map(|s| slugs.claim(s))
            .collect();
        assert_eq!(&got[..5], ["a", "a-2", "a-2-2", "a-3", "b"]);
        assert_ne!(got[5], got[6]);
        assert!(got[5].len() <= MAX_SLUG && got[6].len() <= MAX_SLUG);
    }

    #[test]
    fn many_equal_names_stay_linear() {
        let mut slugs = Unique::default();
        let n = 20_000;
        let all: HashSet<String> = (0..n).map(|_| slugs.claim("same")).collect();
        assert_eq!(all.len(), n);
        assert_eq!(slugs.next["same"], n + 1, "one counter, never restarted");
    }
}
