//! Harness for tuning sentence splitting and the summary: a folder of article files in,
//! one `briefing.analysis/1` JSON line per article out (only `sentences` and `summary`
//! are filled), articles per second on stderr. Unlike `briefing analyze` it takes
//! summary weights on the command line and can dump every candidate's features.
//!
//! ```sh
//! cargo run --release --example summarize_dir -- DIR [--k 3] [--repeat 20] \
//!     [--weights '{"position": 1.0}'] [--dump] > pred.jsonl
//! ```
//! Files are read as `briefing` reads articles. `summary` in the output is [`Summary::ranked_for_contract`]: the summary, then the
//! rest of the ranking, so a scorer that takes the first k indices works for any k.
//! `--dump` prints the sentences and the choice in readable form instead of JSON;
//! `--features` prints every candidate's static features (for weight learning).

use std::path::PathBuf;
use std::time::Instant;

use briefing::analysis::summary::{self, Summary, Weights};
use briefing::analysis::{Analysis, contract, sentences};
use briefing::config::DEFAULT_MAX_ARTICLE_BYTES;
use briefing::ingest::{self, Article};

struct Args {
    dir: PathBuf,
    k: usize,
    repeat: usize,
    weights: Weights,
    dump: bool,
    features: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut out = Args {
        dir: PathBuf::new(),
        k: 3,
        repeat: 1,
        weights: Weights::default(),
        dump: false,
        features: false,
    };
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--k" => out.k = value("--k")?.parse().map_err(|e| format!("--k: {e}"))?,
            "--repeat" => {
                out.repeat = value("--repeat")?
                    .parse()
                    .map_err(|e| format!("--repeat: {e}"))?
            }
            "--weights" => {
                out.weights = serde_json::from_str(&value("--weights")?)
                    .map_err(|e| format!("--weights: {e}"))?
            }
            "--dump" => out.dump = true,
            "--features" => out.features = true,
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => out.dir = PathBuf::from(a),
        }
    }
    if out.dir.as_os_str().is_empty() {
        return Err(
            "usage: summarize_dir DIR [--k N] [--repeat N] [--weights JSON] [--dump | --features]"
                .into(),
        );
    }
    Ok(out)
}

fn analyse(article: &Article, args: &Args) -> Analysis {
    let sentences = sentences::split(&article.prose, &article.blocks);
    let summary = summary::summarize_with(
        &article.prose,
        &article.title,
        &sentences,
        &[],
        args.k,
        &args.weights,
    );
    Analysis {
        sentences,
        summary,
        ..Analysis::default()
    }
}

fn dump(article: &Article, analysis: &Analysis) {
    println!("=== {} | {}", article.slug, article.title);
    let s = &analysis.summary;
    for (i, sentence) in analysis.sentences.iter().enumerate() {
        let mark = match s.ranking.iter().position(|&r| r == i) {
            Some(r) if s.sentences.contains(&i) => format!("*{r:<2}"),
            Some(r) => format!(" {r:<2}"),
            None => " - ".to_string(),
        };
        println!("{mark} [{i:>2}] {}", sentence.text(&article.text));
    }
    println!("LEDE: {}\n", s.lede);
}

/// Time this thread has spent on a CPU (Linux), so that a busy machine does not
/// distort the speed figure.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let paths = match ingest::article_files(&args.dir) {
        Ok(paths) => paths,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let articles: Vec<Article> = paths
        .iter()
        .filter_map(|p| {
            ingest::read_article(
                p,
                p,
                DEFAULT_MAX_ARTICLE_BYTES,
                jiff::ZonedDateTime::now().date(),
            )
            .map_err(|e| eprintln!("{e}"))
            .ok()
        })
        .collect();
    let cpu_started = thread_cpu_ns();
    let started = Instant::now();
    let mut bytes = 0;
    for _ in 0..args.repeat {
        for article in &articles {
            bytes += article.text.len();
            std::hint::black_box(analyse(article, &args));
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = thread_cpu_ns()
        .zip(cpu_started)
        .map(|(b, a)| (b - a) as f64 / 1e9);
    let runs = (articles.len() * args.repeat) as f64;
    eprintln!(
        "{} articles x {} runs: {:.0} articles/s wall, {:.1} MB/s (split + summarize, one thread)",
        articles.len(),
        args.repeat,
        runs / seconds,
        bytes as f64 / seconds / 1e6
    );
    if let Some(cpu) = cpu_seconds {
        eprintln!(
            "  on-CPU time: {:.0} articles/s, {:.1} MB/s",
            runs / cpu,
            bytes as f64 / cpu / 1e6
        );
    }
    for article in &articles {
        let mut analysis = analyse(article, &args);
        if args.dump {
            dump(article, &analysis);
            continue;
        }
        if args.features {
            let candidates = summary::candidates(
                &article.prose,
                &article.title,
                &analysis.sentences,
                &[],
                &args.weights,
            );
            let spans: Vec<[usize; 2]> = analysis
                .sentences
                .iter()
                .map(|s| [s.start, s.end])
                .collect();
            let line = serde_json::json!({"id": article.slug, "text": article.text, "sentences": spans,
                "feature_names": summary::FEATURE_NAMES, "candidates": candidates});
            println!("{line}");
            continue;
        }
        analysis.summary = Summary {
            sentences: analysis.summary.ranked_for_contract(),
            ..analysis.summary
        };
        println!("{}", contract::to_json(article, &analysis));
    }
}
