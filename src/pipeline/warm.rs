//! Warming up: a configuration in, nothing out but what ingest and the analysis load on
//! first use (the tagger's model, word lists, compiled patterns) now loaded.
//!
//! They load lazily, once per process. `watch` and `serve` start with a build that
//! usually reuses every briefing, so nothing is analysed, and the first edit of a
//! session paid for the loading: 373 ms instead of about 100 at 10,000 articles
//! (BENCHMARKS.md, round 8). A session calls [`warm_up`] on a thread of its own after
//! its first build. It reads two small built-in articles (a text and a web page, so
//! that both readers' patterns load) and analyses them; no file is read or written.

use std::path::Path;

use jiff::civil::Date;

use crate::analysis;
use crate::config::Config;
use crate::ingest::{self, Format};

/// A short article of our own, in each format a site reads.
const SAMPLES: [(&str, Format, &str); 2] = [
    (
        "warm-up.txt",
        Format::Text,
        "Harbour talks resume\n\nAna Varela, the Kestrian water minister, met union leaders in \
         Port Calder on Monday, officials said. The talks resume next week.\n",
    ),
    (
        "warm-up.html",
        Format::Html,
        "<!doctype html><html><head><title>Harbour talks resume</title>\
         <meta property=\"article:published_time\" content=\"2026-03-02\"></head><body><article>\
         <h1>Harbour talks resume</h1><p>Ana Varela, the Kestrian water minister, met union \
         leaders in Port Calder on Monday, officials said.</p><p>The talks resume next \
         week, the ministry said in a statement.</p></article></body></html>",
    ),
];

/// Reads and analyses the built-in samples with `config`'s options; returns how many
/// were analysed (both, unless the configuration refuses such small articles).
pub fn warm_up(config: &Config, today: Date) -> usize {
    SAMPLES
        .iter()
        .filter_map(|&(name, format, text)| {
            let max = config.max_article_bytes;
            let (article, _) =
                ingest::parse_article_bytes(text.as_bytes(), Path::new(name), format, max, today)
                    .ok()?;
            Some(analysis::analyze(&article, &config.analysis))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_samples_are_read_and_analysed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("briefing.toml"), "title = \"Warm\"\n").unwrap();
        let config = Config::load(dir.path()).unwrap();
        assert_eq!(
            warm_up(&config, jiff::civil::date(2026, 3, 4)),
            SAMPLES.len()
        );
        for (name, format, text) in SAMPLES {
            let (article, _) = ingest::parse_article_bytes(
                text.as_bytes(),
                Path::new(name),
                format,
                config.max_article_bytes,
                jiff::civil::date(2026, 3, 4),
            )
            .unwrap();
            let analysis = analysis::analyze(&article, &config.analysis);
            assert!(
                !analysis.actors.is_empty(),
                "{name}: the sample names actors"
            );
        }
    }
}
