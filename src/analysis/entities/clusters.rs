//! Word clusters: a folded word hash in, its cluster at three granularities out.
//!
//! The clusters are learnt by the project from unlabelled news (Reuters-21578 and the
//! CoNLL-2003 training text) with `examples/word_clusters.rs` and kept in
//! `model/clusters.txt`: words used in the same contexts share a cluster ("frankfurt",
//! "zurich", "peking"; "merrill", "salomon", "nomura"), so a name the tagger never saw
//! in training still resembles names it did see. The table is parsed once, on first use.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::hash;

const TABLE: &str = include_str!("model/clusters.txt");

/// A word's clusters: fine, mid and coarse, each as 1 + the cluster number (0: unknown).
pub(crate) type Clusters = [u16; 3];

/// The clusters of a folded word hash ([`hash::word`]); `[0; 3]` for a word not in the table.
pub(crate) fn of(word: u64) -> Clusters {
    static MAP: LazyLock<HashMap<u64, Clusters>> = LazyLock::new(|| parse(TABLE));
    MAP.get(&word).copied().unwrap_or([0; 3])
}

fn parse(table: &str) -> HashMap<u64, Clusters> {
    let mut map = HashMap::new();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let Some((ids, words)) = line.split_once('\t') else {
            continue;
        };
        let ids: Vec<u16> = ids.split(' ').filter_map(|x| x.parse().ok()).collect();
        let [fine, mid, coarse] = ids[..] else {
            continue;
        };
        for w in words.split(' ') {
            map.insert(hash::word(w), [fine + 1, mid + 1, coarse + 1]);
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_get_their_clusters_case_folded() {
        let map = parse("# comment\n3 1 0\tzurich frankfurt\n4 2 1\tnomura\nbad line\n");
        assert_eq!(map.get(&hash::word("Zurich")), Some(&[4, 2, 1]));
        assert_eq!(map.get(&hash::word("FRANKFURT")), Some(&[4, 2, 1]));
        assert_eq!(map.get(&hash::word("nomura")), Some(&[5, 3, 2]));
        assert_eq!(map.get(&hash::word("bad")), None);
    }

    #[test]
    fn the_shipped_table_knows_frequent_words() {
        for word in ["said", "London", "Tuesday"] {
            assert_ne!(of(hash::word(word)), [0; 3], "{word}");
        }
        assert_eq!(of(hash::word("Xqzzyv")), [0; 3]);
    }
}
