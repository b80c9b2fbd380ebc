//! Evaluation harness for sentence splitting and the summary, until `briefing analyze`
//! exists: a folder of article files in, one `briefing.analysis/1` JSON line per article
//! out (only `sentences` and `summary` are filled), articles per second on stderr.
//!
//! ```sh
//! cargo run --release --example summarize_dir -- DIR [--k 3] [--repeat 20] \
//!     [--weights '{"position": 1.0}'] [--dump] > pred.jsonl
//! ```
//! Each file is YAML front matter (`title`, `date`) and a body; every blank-line-separated
//! paragraph of the body becomes one paragraph block, as a plain-text reader would make
//! it. `summary` in the output is [`Summary::ranked_for_contract`]: the summary, then the
//! rest of the ranking, so a scorer that takes the first k indices works for any k.
//! `--dump` prints the sentences and the choice in readable form instead of JSON;
//! `--features` prints every candidate's static features (for weight learning).

use std::path::{Path, PathBuf};
use std::time::Instant;

use briefing::analysis::summary::{self, Summary, Weights};
use briefing::analysis::{Analysis, contract, sentences};
use briefing::ingest::{Article, Block, BlockKind, Format, content_hash};

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

/// Splits `---` front matter (simple `key: value` lines) from the body.
fn front_matter(raw: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = raw.strip_prefix("---\n") else {
        return (Vec::new(), raw);
    };
    let Some(end) = rest.find("\n---\n") else {
        return (Vec::new(), raw);
    };
    let meta = rest[..end]
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| {
            let v = v.trim();
            let v = serde_json::from_str::<String>(v)
                .unwrap_or_else(|_| v.trim_matches('"').to_string());
            (k.trim().to_string(), v)
        })
        .collect();
    (meta, &rest[end + 5..])
}

/// One paragraph block per run of non-blank lines.
fn paragraphs(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(Block {
                    start: s,
                    end,
                    kind: BlockKind::Paragraph,
                });
            }
        } else {
            start.get_or_insert(pos);
            end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        blocks.push(Block {
            start: s,
            end,
            kind: BlockKind::Paragraph,
        });
    }
    blocks
}

fn read(path: &Path) -> Result<Article, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (meta, body) = front_matter(&raw);
    let get = |key: &str| meta.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Article {
        path: PathBuf::from(&name),
        slug: name.trim_end_matches(".txt").to_string(),
        format: Format::Text,
        title: get("title").unwrap_or_default(),
        published: get("date").and_then(|d| d.get(..10).and_then(|d| d.parse().ok())),
        source: get("source"),
        url: None,
        author: None,
        tags: Vec::new(),
        draft: false,
        text: body.to_string(),
        prose: body.to_string(),
        blocks: paragraphs(body),
        body_line: 1,
        hash: content_hash(raw.as_bytes()),
    })
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
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&args.dir) {
        Ok(dir) => dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect(),
        Err(e) => {
            eprintln!("{}: {e}", args.dir.display());
            std::process::exit(2);
        }
    };
    paths.sort();
    let articles: Vec<Article> = paths
        .iter()
        .filter_map(|p| read(p).map_err(|e| eprintln!("{e}")).ok())
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
