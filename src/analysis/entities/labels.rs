//! BIO labels: the tagger's nine output classes, their names, the transitions allowed
//! between them, and the conversion from a label sequence to typed spans.
//!
//! Label `0` is `O`; label `2k + 1` begins and `2k + 2` continues an entity of type `k`
//! in [`TYPES`] order. An `I-X` may only follow `B-X` or `I-X`; the decoder never
//! produces anything else, and [`spans`] reads stray `I-X` (from IOB1 files) as `B-X`.

use super::EntityType;

/// Number of labels.
pub const COUNT: usize = 9;

/// Entity types in label order.
pub const TYPES: [EntityType; 4] = [
    EntityType::Per,
    EntityType::Org,
    EntityType::Loc,
    EntityType::Misc,
];

const NAMES: [&str; COUNT] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

/// The CoNLL name of a label ("B-PER").
pub fn name(label: u8) -> &'static str {
    NAMES.get(label as usize).copied().unwrap_or("O")
}

/// Parses a CoNLL label ("B-PER", "I-LOC", "O"); unknown labels read as `O`.
pub fn parse(name: &str) -> u8 {
    NAMES.iter().position(|&n| n == name).unwrap_or(0) as u8
}

/// 0 for `O`, else 1 + the index of the label's type in [`TYPES`].
pub fn kind_index(label: u8) -> usize {
    (label as usize).div_ceil(2).min(TYPES.len())
}

/// Whether `label` continues an entity.
pub fn is_inside(label: u8) -> bool {
    label != 0 && label.is_multiple_of(2)
}

/// Whether `label` may follow `prev` (`None`: sentence start).
pub fn allowed(prev: Option<u8>, label: u8) -> bool {
    if !is_inside(label) {
        return true;
    }
    prev.is_some_and(|p| p != 0 && kind_index(p) == kind_index(label))
}

/// The entity spans of a label sequence: `(first, end, type)` in word indices.
pub fn spans(labels: &[u8]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let kind = kind_index(l);
        let continues = is_inside(l) && open.is_some_and(|(_, k)| k == kind);
        if continues {
            continue;
        }
        if let Some((start, k)) = open.take() {
            out.push((start, i, TYPES[k - 1]));
        }
        if kind > 0 {
            open = Some((i, kind));
        }
    }
    if let Some((start, k)) = open {
        out.push((start, labels.len(), TYPES[k - 1]));
    }
    out
}

/// Rewrites IOB1 labels (where `I-X` may start an entity) as IOB2.
pub fn to_iob2(labels: &mut [u8]) {
    for i in 0..labels.len() {
        let prev = i.checked_sub(1).map(|p| labels[p]);
        if is_inside(labels[i]) && !allowed(prev, labels[i]) {
            labels[i] -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(s: &str) -> Vec<u8> {
        s.split_whitespace().map(parse).collect()
    }

    #[test]
    fn spans_follow_bio() {
        type Span = (usize, usize, EntityType);
        let cases: [(&str, &[Span]); 4] = [
            (
                "B-PER I-PER O B-LOC",
                &[(0, 2, EntityType::Per), (3, 4, EntityType::Loc)],
            ),
            (
                "B-ORG B-ORG I-ORG",
                &[(0, 1, EntityType::Org), (1, 3, EntityType::Org)],
            ),
            ("I-MISC I-MISC O", &[(0, 2, EntityType::Misc)]),
            (
                "B-PER I-LOC",
                &[(0, 1, EntityType::Per), (1, 2, EntityType::Loc)],
            ),
        ];
        for (labels, want) in cases {
            assert_eq!(spans(&parse_all(labels)), want, "{labels}");
        }
    }

    #[test]
    fn iob1_becomes_iob2() {
        let mut labels = parse_all("I-PER I-PER O I-LOC B-LOC I-ORG");
        to_iob2(&mut labels);
        let names: Vec<&str> = labels.iter().map(|&l| name(l)).collect();
        assert_eq!(names, ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"]);
    }

    #[test]
    fn transitions_keep_bio_valid() {
        assert!(allowed(None, parse("B-PER")));
        assert!(!allowed(None, parse("I-PER")));
        assert!(allowed(Some(parse("B-PER")), parse("I-PER")));
        assert!(!allowed(Some(parse("B-ORG")), parse("I-PER")));
        assert!(!allowed(Some(parse("O")), parse("I-MISC")));
    }
}
