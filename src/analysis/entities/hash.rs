//! Hashing for features and gazetteer keys: words in, 64-bit hashes out, no allocation.
//!
//! Words are hashed case-folded with digits mapped to `0`, so "Lavrov", "LAVROV" and
//! "lavrov" share a key and "1996" and "2024" do too; case is a separate feature.
//! The mixing is FxHash-style with a murmur3 finaliser; only stability matters (the
//! trained model stores buckets of these hashes), so the constants never change.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Adds `x` to a running hash.
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// The murmur3 64-bit finaliser: spreads every input bit over the output.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Case-folds one character, maps digits to `0` and typographic quotes and dashes to
/// their ASCII forms (CoNLL's text has only those).
#[inline]
pub(crate) fn fold(c: char) -> char {
    if c.is_ascii() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_digit() { '0' } else { c }
    } else if c.is_numeric() {
        '0'
    } else if let Some(ascii) = ascii_punctuation(c) {
        ascii
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn ascii_punctuation(c: char) -> Option<char> {
    match c {
        '‘' | '’' | '‚' | '′' => Some('\''),
        '“' | '”' | '„' | '«' | '»' | '″' => Some('"'),
        '—' | '–' | '‐' | '‑' | '−' => Some('-'),
        '…' => Some('.'),
        _ => None,
    }
}

/// The hash of a folded word (see the module docs).
pub(crate) fn word(w: &str) -> u64 {
    w.chars()
        .fold(0x9e37_79b9_7f4a_7c15, |h, c| mix(h, fold(c) as u64))
}

/// The hash of the first or last `n` folded characters of `w`, or `None` unless `w` is
/// longer than `n` characters.
pub(crate) fn affix(w: &str, n: usize, suffix: bool) -> Option<u64> {
    w.chars().nth(n)?;
    let seed: u64 = if suffix {
        0x2545_f491_4f6c_dd1d
    } else {
        0x1405_7b7e_f767_814f
    };
    let h = if suffix {
        w.chars()
            .rev()
            .take(n)
            .fold(seed, |h, c| mix(h, fold(c) as u64))
    } else {
        w.chars().take(n).fold(seed, |h, c| mix(h, fold(c) as u64))
    };
    Some(h)
}

/// The hash of a word's shape: upper-case letters become `X`, lower-case `x`, digits `d`,
/// other characters stay; runs longer than `max_run` are cut to `max_run`. With
/// `uncased`, every letter counts as upper case (for lines without usable capitals).
pub(crate) fn shape(w: &str, max_run: usize, uncased: bool) -> u64 {
    let mut h = 0x6a09_e667_f3bc_c908 ^ max_run as u64;
    let (mut last, mut run) = ('\0', 0);
    for c in w.chars() {
        let class = if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            if uncased || c.is_uppercase() {
                'X'
            } else {
                'x'
            }
        } else {
            fold(c)
        };
        if class == last {
            run += 1;
            if run > max_run {
                continue;
            }
        } else {
            last = class;
            run = 1;
        }
        h = mix(h, class as u64);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_digits_and_apostrophes() {
        let same = [
            ("Lavrov", "LAVROV"),
            ("1996", "2024"),
            ("Zürich", "ZÜRICH"),
            ("Washington’s", "washington's"),
            ("“", "\""),
            ("—", "-"),
        ];
        for (a, b) in same {
            assert_eq!(word(a), word(b), "{a} {b}");
        }
        assert_ne!(word("Lavrov"), word("Lavrova"));
    }

    #[test]
    fn shapes_group_words_by_form() {
        let cases = [
            ("Washington", "Moscow", 1, true),
            ("NATO", "EU", 1, true),
            ("NATO", "EU", 3, false),
            ("NATO", "OSCE", 3, true),
            ("U.S.", "E.U.", 1, true),
            ("U.S.", "US", 1, false),
            ("1996-08-30", "2024-01-02", 1, true),
            ("McDonald", "Washington", 1, false),
        ];
        for (a, b, run, equal) in cases {
            assert_eq!(
                shape(a, run, false) == shape(b, run, false),
                equal,
                "{a} {b}"
            );
        }
        assert_eq!(shape("moscow", 1, true), shape("MOSCOW", 1, false));
        assert_ne!(shape("moscow", 1, false), shape("MOSCOW", 1, false));
    }

    #[test]
    fn affixes_need_a_longer_word() {
        assert_eq!(affix("Lavrov", 3, true), affix("Petrov", 3, true));
        assert_ne!(affix("Lavrov", 3, true), affix("Kozlov", 3, true));
        assert_eq!(affix("Lavrov", 2, false), affix("LAKE", 2, false));
        assert!(affix("ov", 2, true).is_none());
        assert!(affix("ov", 3, false).is_none());
    }
}
