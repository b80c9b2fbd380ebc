//! Writes the table of precomputed stems the summariser embeds
//! (`src/analysis/summary/stems.txt`): the frequent common words of CoNLL-format files
//! (words that occur written in lower case, so no names), each with its Snowball
//! English stem. The table is a memo of the stemmer, so it changes speed, never
//! results; words it lacks are stemmed as they come.
//!
//! ```sh
//! cargo run --release --example stem_table -- ../shared/data/conll2003/conllpp_train.txt \
//!     --min-count 2 > src/analysis/summary/stems.txt
//! ```
//! Line format: `word` when the stem is the word itself, else `word stem`; sorted.

use std::collections::BTreeMap;

use rust_stemmers::{Algorithm, Stemmer};

fn main() {
    let mut files = Vec::new();
    let mut min_count = 2usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--min-count" => {
                min_count = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--min-count N")
            }
            _ => files.push(a),
        }
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        for line in text.lines() {
            let Some(token) = line.split_whitespace().next() else {
                continue;
            };
            // Lower case only: common words, not names. Words of one or two letters are
            // never stemmed, so they need no entry.
            if token.len() > 2 && token.bytes().all(|b| b.is_ascii_lowercase()) {
                *counts.entry(token.to_string()).or_default() += 1;
            }
        }
    }
    let stemmer = Stemmer::create(Algorithm::English);
    for (word, count) in counts {
        if count < min_count {
            continue;
        }
        let stem = stemmer.stem(&word);
        if stem == word {
            println!("{word}");
        } else {
            println!("{word} {stem}");
        }
    }
}
