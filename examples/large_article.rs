//! How analysis scales with the length of one article: a synthetic article of N
//! sentences (many distinct names and dates, see `benches/common/synthetic.rs`) in,
//! the time of each analysis pass and the size of what it produced on stderr.
//!
//! ```sh
//! cargo run --release --example large_article -- 5000 20000 [--paragraph 4] [--people N]
//! ```
//! `--paragraph` sets the sentences per paragraph (0: the whole article is one
//! paragraph), `--people` the number of distinct people named (default: a new person
//! in almost every sentence).
//! Doubling N should about double every time; a pass whose time grows four-fold is
//! quadratic. `cargo bench --bench timex -- analyze_long` measures the whole of
//! `analyze` on the same articles.

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

use std::time::Instant;

use briefing::analysis;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let option = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1)?.parse().ok())
            .unwrap_or(default)
    };
    let (per_paragraph, people) = (option("--paragraph", 4), option("--people", usize::MAX));
    let sizes: Vec<usize> = args
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || !args[i - 1].starts_with("--"))
        .filter_map(|(_, a)| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() { vec![5_000] } else { sizes };
    for n in sizes {
        let article = synthetic::article_shaped(n, per_paragraph, people);
        let clock = Instant::now();
        eprintln!(
            "{n} sentences, {} bytes (cumulative times)",
            article.prose.len()
        );
        let whole = analysis::analyze_timed(
            &article,
            &analysis::AnalysisOptions::default(),
            &mut |name| eprintln!("  {name:<10} {:>8.3} s", clock.elapsed().as_secs_f64()),
        );
        eprintln!(
            "  {} sentences, {} entities, {} actors, {} timexes, {} timeline entries (after the \
             per-article bounds)",
            whole.sentences.len(),
            whole.entities.len(),
            whole.actors.len(),
            whole.timexes.len(),
            whole.timeline.len()
        );
    }
}
