//! Slugs for URLs and file names: a slug in, a bounded one out, unique within its family
//! (briefings, actors, tags).
//!
//! Names come from articles and can be any length; a directory name longer than the
//! file system allows (255 bytes on most) would fail the whole build. Every generated
//! slug is therefore capped by `ingest::cap_slug`, the one rule for all slugs.
//!
//! [`Unique`] hands out slugs of one family: a slug already taken gets `-2`, `-3`, ...
//! with one counter per base slug, so `n` equal names cost `O(n)`, not `O(n²)`.

use std::collections::{HashMap, HashSet};

pub use crate::ingest::cap_slug as cap;

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
