//! The mention-count baseline for actor salience: reads `briefing analyze --format
//! json` lines on stdin and writes them back with each actor's `salience` replaced by
//! its mention count over the article's largest (ties keep the order of the first
//! mention, as the actors' ids do not), so the shared actor scorer can compare our
//! salience with ranking by mentions on the same actors.
//!
//! ```sh
//! target/release/briefing analyze ../shared/data/meantime/articles --format json \
//!     | cargo run --release --example salience_baseline > /tmp/actors-by-mentions.jsonl
//! /tmp/evalenv/bin/python ../shared/eval/score_actors.py --gold ../shared/data/meantime \
//!     --pred /tmp/actors-by-mentions.jsonl
//! ```

use std::io::{BufRead, Write};

use serde_json::Value;

fn main() -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let mut record: Value = serde_json::from_str(&line?)?;
        rerank(&mut record);
        writeln!(out, "{record}")?;
    }
    Ok(())
}

/// Salience = mentions / the most mentions, minus a sliver by first mention so that
/// ties rank the earlier actor higher.
fn rerank(record: &mut Value) {
    let first_mention: Vec<usize> = {
        let mut first = Vec::new();
        for e in record["entities"].as_array().into_iter().flatten() {
            if let Some(id) = e["actor"].as_u64() {
                let id = id as usize;
                if first.len() <= id {
                    first.resize(id + 1, usize::MAX);
                }
                first[id] = first[id].min(e["start"].as_u64().unwrap_or(0) as usize);
            }
        }
        first
    };
    let Some(actors) = record["actors"].as_array_mut() else {
        return;
    };
    let most = actors
        .iter()
        .filter_map(|a| a["mentions"].as_f64())
        .fold(1.0, f64::max);
    for a in actors.iter_mut() {
        let id = a["id"].as_u64().unwrap_or(0) as usize;
        let at = first_mention
            .get(id)
            .copied()
            .unwrap_or(usize::MAX)
            .min(1_000_000) as f64;
        let mentions = a["mentions"].as_f64().unwrap_or(0.0);
        a["salience"] = serde_json::json!(mentions / most - at * 1e-9);
    }
}
