//! The stable-Rust fuzz driver: runs `briefing::fuzz::run` on the seed corpus, then on
//! seeded mutations of it, with a panic oracle, the target's invariants and a time
//! oracle (`fuzz::allowance`: 1 MB/s plus a fixed allowance), and reports the slowest
//! inputs by throughput.
//!
//! ```sh
//! cargo run --release --example fuzz -- --seeds 2097152 [--only NAME] [--passes]  # time each seed at 2 MiB
//!                                                     # (the second of two runs; --passes: each analysis pass)
//! cargo run --release --example fuzz -- --execs 10000000 --seed 1 --max-len 4096
//! cargo run --release --example fuzz -- --write-corpus fuzz/corpus/pipeline --size 2097152
//! ```
//! Findings (panics, broken invariants, inputs over their time allowance) are written to
//! `--out` (default `target/fuzz-findings`) with the reason beside them. Times are the
//! process's processor time with one worker thread: the cost on one core, whatever else
//! runs on the machine.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use briefing::fuzz::{self, mutate, seeds};

struct Args {
    execs: u64,
    seed: u64,
    max_len: usize,
    seed_size: Option<usize>,
    corpus: Option<PathBuf>,
    size: usize,
    out: PathBuf,
    only: Option<String>,
}

fn args() -> Args {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let number =
        |name: &str, default: u64| value(name).and_then(|v| v.parse().ok()).unwrap_or(default);
    Args {
        execs: number("--execs", 0),
        seed: number("--seed", 1),
        max_len: number("--max-len", 4096) as usize,
        seed_size: value("--seeds").and_then(|v| v.parse().ok()),
        corpus: value("--write-corpus").map(PathBuf::from),
        size: number("--size", 65_536) as usize,
        only: value("--only"),
        out: value("--out").map_or_else(|| PathBuf::from("target/fuzz-findings"), PathBuf::from),
    }
}

fn value_of(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn number_of(name: &str, default: u64) -> u64 {
    value_of(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // one worker thread: the time measured is the time on one core
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()
        .expect("the thread pool is set up once");
    let args = args();
    if let Some(dir) = &args.corpus {
        std::fs::create_dir_all(dir).expect("create the corpus folder");
        for s in seeds::seeds(args.size) {
            std::fs::write(dir.join(s.name), &s.input).expect("write a seed");
        }
        eprintln!("wrote {} seeds to {}", seeds::seeds(0).len(), dir.display());
        return;
    }
    if let Some(file) = value_of("--run") {
        // one input, again and again (for a profiler)
        let input = std::fs::read(&file).expect("read the input");
        for _ in 0..number_of("--repeat", 20) {
            let (outcome, elapsed) = timed(&input);
            eprintln!("{elapsed:?} {:?}", outcome.map(|o| o.timings));
        }
        return;
    }
    if let (Some(size), true) = (args.seed_size, std::env::args().any(|a| a == "--passes")) {
        passes(size, args.only.as_deref());
        return;
    }
    if let Some(size) = args.seed_size {
        for s in seeds::seeds(size) {
            if args
                .only
                .as_ref()
                .is_some_and(|only| !s.name.contains(only.as_str()))
            {
                continue;
            }
            // the first run also pays for lazily built tables and models
            let _ = timed(&s.input);
            let (outcome, elapsed) = timed(&s.input);
            let t = outcome.as_ref().map(|o| o.timings).unwrap_or_default();
            eprintln!(
                "{:<24} {:>9} B {:>8.3} s ({:>6.2} MB/s) ingest {:.3} analysis {:.3} briefing {:.3} render {:.3}{}",
                s.name,
                s.input.len(),
                elapsed.as_secs_f64(),
                s.input.len() as f64 / elapsed.as_secs_f64() / 1e6,
                t.ingest.as_secs_f64(),
                t.analysis.as_secs_f64(),
                t.briefing.as_secs_f64(),
                t.render.as_secs_f64(),
                match &outcome {
                    Ok(o) if o.refused => " (refused)".to_string(),
                    Ok(_) => String::new(),
                    Err(e) => format!(" FINDING: {}", e.lines().next().unwrap_or("")),
                }
            );
        }
        return;
    }
    mutation_run(&args);
}

/// Runs one input, catching a panic as a finding.
/// Runs one input, catching a panic as a finding; and the processor time it took.
fn timed(input: &[u8]) -> (Result<fuzz::Outcome, String>, Duration) {
    let clock = cpu_time();
    let outcome = std::panic::catch_unwind(|| fuzz::run(input))
        .unwrap_or_else(|p| Err(format!("panic: {}", panic_message(&*p))));
    (outcome, cpu_time().saturating_sub(clock))
}

/// The processor time this process has used, all threads together. The time oracle
/// counts what an input cost on one core, not how long other programs held the
/// machine (wall-clock time on a shared machine flagged inputs that were only waiting).
fn cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for clock_gettime to fill
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) } == 0;
    assert!(ok, "the process CPU clock is unreadable");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

fn mutation_run(args: &Args) {
    std::panic::set_hook(Box::new(|_| {}));
    let mut corpus: Vec<Vec<u8>> = seeds::seeds(args.max_len)
        .into_iter()
        .map(|s| s.input)
        .collect();
    let mut rng = fastrand::Rng::with_seed(args.seed);
    let started = Instant::now();
    let (mut findings, mut slowest, mut refused) = (0u64, (0.0f64, 0usize, Duration::ZERO), 0u64);
    let mut max_elapsed = (Duration::ZERO, 0usize);
    let (mut bytes, mut busy, mut reported) = (0u64, Duration::ZERO, Instant::now());
    for exec in 0..args.execs {
        let parent = &corpus[rng.usize(..corpus.len())];
        let input = mutate::mutate(parent, &mut rng, args.max_len);
        let (outcome, mut elapsed) = timed(&input);
        if elapsed > fuzz::allowance(input.len()) {
            // the machine is shared: an input is slow only if it is slow every time
            for _ in 0..2 {
                elapsed = elapsed.min(timed(&input).1);
            }
        }
        let over = elapsed > fuzz::allowance(input.len());
        (bytes, busy) = (bytes + input.len() as u64, busy + elapsed);
        match &outcome {
            Err(reason) => {
                findings += 1;
                save(&args.out, exec, &input, reason);
            }
            Ok(o) if over => {
                findings += 1;
                let reason = format!(
                    "slow: {:?} for {} bytes ({:?})",
                    elapsed,
                    input.len(),
                    o.timings
                );
                save(&args.out, exec, &input, &reason);
            }
            Ok(o) => refused += u64::from(o.refused),
        }
        // per-byte cost beyond the fixed allowance, the time oracle's measure
        let rate = elapsed.as_secs_f64() / input.len().max(1) as f64;
        if rate > slowest.0 {
            slowest = (rate, input.len(), elapsed);
        }
        if elapsed > max_elapsed.0 {
            max_elapsed = (elapsed, input.len());
        }
        // keep some mutants as parents, so runs build up
        if rng.u8(..) < 8 && corpus.len() < 4096 {
            corpus.push(input);
        }
        // a line a minute, so that a run cut short still says how far it went
        if reported.elapsed() >= Duration::from_secs(60) || exec + 1 == args.execs {
            reported = Instant::now();
            eprintln!(
                "{} execs in {:.0} s ({:.0}/s), {:.1} MB through the pipeline at {:.2} MB/s, {findings} findings, {refused} refused by ingest; slowest input {:?} ({} B); slowest per byte {:.1} µs/B ({} B in {:?})",
                exec + 1,
                started.elapsed().as_secs_f64(),
                (exec + 1) as f64 / started.elapsed().as_secs_f64(),
                bytes as f64 / 1e6,
                bytes as f64 / busy.as_secs_f64().max(1e-9) / 1e6,
                max_elapsed.0,
                max_elapsed.1,
                slowest.0 * 1e6,
                slowest.1,
                slowest.2
            );
        }
    }
}

fn save(dir: &PathBuf, exec: u64, input: &[u8], reason: &str) {
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(dir.join(format!("finding-{exec}")), input);
    let _ = std::fs::write(dir.join(format!("finding-{exec}.txt")), reason);
    eprintln!("finding {exec}: {}", reason.lines().next().unwrap_or(""));
}

/// Times each analysis pass on each article seed.
fn passes(size: usize, only: Option<&str>) {
    for s in seeds::seeds(size) {
        if only.is_some_and(|o| !s.name.contains(o)) {
            continue;
        }
        let fuzz::Kind::Article(format, _) = fuzz::Kind::of(s.input[0]) else {
            continue;
        };
        let display = std::path::Path::new("x.txt");
        let Ok((article, _)) = briefing::ingest::parse_article_bytes(
            &s.input[1..],
            display,
            format,
            u64::MAX,
            jiff::civil::date(2026, 3, 10),
        ) else {
            continue;
        };
        let clock = Instant::now();
        let mut last = 0.0;
        let mut laps = String::new();
        let whole = briefing::analysis::analyze_timed(
            &article,
            &briefing::analysis::AnalysisOptions::default(),
            &mut |name| {
                let now = clock.elapsed().as_secs_f64();
                laps.push_str(&format!(" {name} {:.3}", now - last));
                last = now;
            },
        );
        eprintln!(
            "{:<24} {} sentences {} entities:{laps}",
            s.name,
            whole.sentences.len(),
            whole.entities.len()
        );
    }
}
