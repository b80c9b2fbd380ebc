//! The stable-Rust fuzz driver: runs `briefing::fuzz::run` on the seed corpus, then on
//! seeded mutations of it, with a panic oracle, the target's invariants and a time
//! oracle (`fuzz::allowance`: 1 MB/s plus a fixed allowance), in chunks that a log
//! lets one sum across sessions.
//!
//! ```sh
//! # one chunk: a million mutations from seed 7
//! cargo run --release --example fuzz -- --execs 1000000 --seed 7 --max-len 4096
//! # the long run: chunks of seeds 1 to 10, each logged when done; run it again to resume
//! target/release/examples/fuzz --chunks 1-10 --execs 1000000 --log FILE --out DIR
//! target/release/examples/fuzz --sum FILE          # what the log's chunks add up to
//! cargo run --release --example fuzz -- --seeds 2097152 [--only NAME] [--passes]
//! cargo run --release --example fuzz -- --write-corpus fuzz/corpus/pipeline --size 2097152
//! ```
//!
//! A chunk (`--execs N --seed K`) is the same N inputs whatever the machine: the mutator
//! and the choice of parents depend only on the seed. Each chunk ends with one line:
//! executions, panics, broken invariants, slow inputs, the slowest input (bytes,
//! processor time, MB/s); with `--log` that line is appended (tab-separated) only once
//! the chunk is complete, so a chunk cut short is never counted, and `--sum` counts each
//! (seed, max-len) once, however often it ran. Findings are written to `--out`
//! (default `target/fuzz-findings`), the input beside its reason.
//!
//! **How time is judged.** Each input runs on the one thread of a one-thread rayon pool
//! (every parallel pass of the pipeline runs there too), and its cost is that thread's
//! processor time (`CLOCK_THREAD_CPUTIME_ID`): the cost on one core, not the time other
//! programs held the machine. Load still perturbs processor time a little (caches,
//! frequency), so an input over its allowance is run again alone, three more times in a
//! row, and is a slow finding only if every run is over: its time is the least of the
//! four. Every seed runs once before the chunk starts, so that loading the models, the
//! templates and the HTML extractor (up to 0.3 s, once per process) is charged to no input. The input that
//! came closest to its allowance is kept in `--out` as `seed<K>-tightest` (not a
//! finding: the first one to look at with `--run`).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use briefing::fuzz::{self, mutate, seeds};

/// Runs of an input over its allowance, besides the first, before it is called slow.
const RERUNS: usize = 3;

struct Args {
    execs: u64,
    seed: u64,
    max_len: usize,
    out: PathBuf,
    log: Option<PathBuf>,
    tag: String,
}

/// The value after `name` on the command line.
fn value_of(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn number_of(name: &str, default: u64) -> u64 {
    value_of(name).map_or(default, |v| {
        v.parse()
            .unwrap_or_else(|_| panic!("{name} takes a number, not {v:?}"))
    })
}

fn args() -> Args {
    Args {
        execs: number_of("--execs", 0),
        seed: number_of("--seed", 1),
        max_len: number_of("--max-len", 4096) as usize,
        out: value_of("--out").map_or_else(|| PathBuf::from("target/fuzz-findings"), PathBuf::from),
        log: value_of("--log").map(PathBuf::from),
        tag: value_of("--tag").unwrap_or_else(|| "-".to_string()),
    }
}

fn main() {
    let args = args();
    if let Some(log) = value_of("--sum") {
        sum(Path::new(&log));
    } else if let Some(dir) = value_of("--write-corpus") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("create the corpus folder");
        for s in seeds::seeds(number_of("--size", 65_536) as usize) {
            std::fs::write(dir.join(s.name), &s.input).expect("write a seed");
        }
        eprintln!("wrote {} seeds to {}", seeds::seeds(0).len(), dir.display());
    } else if let Some(file) = value_of("--run") {
        // one input, again and again (for a profiler), or each analysis pass on it
        let input = std::fs::read(&file).expect("read the input");
        if std::env::args().any(|a| a == "--passes") {
            let only = [seeds::Seed {
                name: "input",
                input,
            }];
            return passes(&only, None);
        }
        for _ in 0..number_of("--repeat", 20) {
            let (outcome, elapsed) = timed(&input);
            eprintln!("{elapsed:?} {:?}", outcome.map(|o| o.timings));
        }
    } else if let Some(size) = value_of("--seeds").and_then(|v| v.parse().ok()) {
        let only = value_of("--only");
        match std::env::args().any(|a| a == "--passes") {
            true => passes(&seeds::seeds(size), only.as_deref()),
            false => time_seeds(size, only.as_deref()),
        }
    } else if let Some(range) = value_of("--chunks") {
        chunks(&args, &range);
    } else {
        let chunk = run_chunk(&args);
        eprintln!("{}", chunk.describe());
        if let Some(log) = &args.log {
            append(log, &chunk, &args);
        }
    }
}

/// One worker thread: every input runs on it, parallel passes included, so its
/// processor time is the input's cost on one core.
static POOL: LazyLock<rayon::ThreadPool> = LazyLock::new(|| {
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool")
});

/// Runs one input on the pool's thread, catching a panic as a finding; and the
/// processor time that thread spent on it.
fn timed(input: &[u8]) -> (Result<fuzz::Outcome, String>, Duration) {
    POOL.install(|| {
        let clock = thread_cpu_time();
        let outcome = std::panic::catch_unwind(|| fuzz::run(input))
            .unwrap_or_else(|p| Err(format!("panic: {}", panic_message(&*p))));
        (outcome, thread_cpu_time().saturating_sub(clock))
    })
}

/// The processor time the calling thread has used.
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for clock_gettime to fill
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) } == 0;
    assert!(ok, "the thread's CPU clock is unreadable");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// What a chunk did.
#[derive(Debug, Default, Clone)]
struct Chunk {
    seed: u64,
    max_len: usize,
    execs: u64,
    panics: u64,
    broken: u64,
    slow: u64,
    refused: u64,
    bytes: u64,
    /// Processor time of all inputs (first runs).
    busy: Duration,
    /// The input that took the most processor time: bytes and time.
    slowest: (usize, Duration),
    /// The input closest to its allowance: bytes, time, and the fraction used.
    tightest: (usize, Duration, f64),
    /// That input, kept so a near-finding can be examined (`--run` it).
    tightest_input: Vec<u8>,
    wall: Duration,
}

fn mbps(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / time.as_secs_f64().max(1e-9) / 1e6
}

impl Chunk {
    fn describe(&self) -> String {
        format!(
            "seed {} max-len {}: {} execs in {:.0} s wall, {:.0} s CPU ({:.2} ms/exec, {:.2} MB/s); {} panics, {} broken invariants, {} slow; {} refused by ingest; slowest input {} B in {:.1} ms CPU ({:.3} MB/s); closest to its allowance {} B in {:.1} ms ({:.1}% of it)",
            self.seed,
            self.max_len,
            self.execs,
            self.wall.as_secs_f64(),
            self.busy.as_secs_f64(),
            self.busy.as_secs_f64() * 1e3 / self.execs.max(1) as f64,
            mbps(self.bytes as usize, self.busy),
            self.panics,
            self.broken,
            self.slow,
            self.refused,
            self.slowest.0,
            self.slowest.1.as_secs_f64() * 1e3,
            mbps(self.slowest.0, self.slowest.1),
            self.tightest.0,
            self.tightest.1.as_secs_f64() * 1e3,
            self.tightest.2 * 100.0,
        )
    }

    /// Counts one input and its (least) processor time.
    fn count(&mut self, input: &[u8], outcome: &Result<fuzz::Outcome, String>, time: Duration) {
        self.execs += 1;
        self.bytes += input.len() as u64;
        match outcome {
            Err(reason) if reason.starts_with("panic: ") => self.panics += 1,
            Err(_) => self.broken += 1,
            Ok(o) => self.refused += u64::from(o.refused),
        }
        if time > self.slowest.1 {
            self.slowest = (input.len(), time);
        }
        let used = time.as_secs_f64() / fuzz::allowance(input.len()).as_secs_f64();
        if used > self.tightest.2 {
            self.tightest = (input.len(), time, used);
            self.tightest_input = input.to_vec();
        }
    }
}

/// `--execs` mutations from `--seed`: the chunk's counts.
fn run_chunk(args: &Args) -> Chunk {
    std::panic::set_hook(Box::new(|_| {}));
    let mut corpus: Vec<Vec<u8>> = seeds::seeds(args.max_len)
        .into_iter()
        .map(|s| s.input)
        .collect();
    let mut rng = fastrand::Rng::with_seed(args.seed);
    let started = Instant::now();
    let mut chunk = Chunk {
        seed: args.seed,
        max_len: args.max_len,
        ..Chunk::default()
    };
    // the first input of each kind pays for loading what that kind needs (models,
    // templates, the HTML extractor) once: not its cost, so every seed runs once first
    for seed in &corpus {
        let _ = timed(seed);
    }
    let mut reported = Instant::now();
    for exec in 0..args.execs {
        let parent = &corpus[rng.usize(..corpus.len())];
        let input = mutate::mutate(parent, &mut rng, args.max_len);
        let (outcome, first) = timed(&input);
        chunk.busy += first;
        let mut least = first;
        // over its allowance: again, alone, before it is called slow
        for _ in 0..RERUNS {
            if least <= fuzz::allowance(input.len()) {
                break;
            }
            least = least.min(timed(&input).1);
        }
        chunk.count(&input, &outcome, least);
        let name = format!("seed{}-exec{exec}", args.seed);
        if let Err(reason) = &outcome {
            save(&args.out, &name, &input, reason);
        } else if least > fuzz::allowance(input.len()) {
            chunk.slow += 1;
            let reason = format!(
                "slow: {least:?} of processor time for {} bytes",
                input.len()
            );
            save(&args.out, &name, &input, &reason);
        }
        // keep some mutants as parents, so runs build up; only those ingest accepted,
        // or refused inputs breed refused inputs and most executions stop at ingest
        let accepted = matches!(&outcome, Ok(o) if !o.refused);
        if accepted && rng.u8(..) < 8 && corpus.len() < 4096 {
            corpus.push(input);
        }
        // a line a minute, so that a chunk cut short still says how far it went
        if reported.elapsed() >= Duration::from_secs(60) {
            reported = Instant::now();
            chunk.wall = started.elapsed();
            eprintln!("(running) {}", chunk.describe());
        }
    }
    chunk.wall = started.elapsed();
    let reason = format!(
        "closest to its allowance: {:?} of processor time for {} bytes ({:.1}% of the allowance)",
        chunk.tightest.1,
        chunk.tightest.0,
        chunk.tightest.2 * 100.0
    );
    // not a finding: the input to look at first when the time oracle is tightened
    let name = args.out.join(format!("seed{}-tightest", args.seed));
    let _ = std::fs::create_dir_all(&args.out);
    let _ = std::fs::write(&name, &chunk.tightest_input);
    let _ = std::fs::write(name.with_extension("txt"), reason);
    chunk
}

fn save(dir: &Path, name: &str, input: &[u8], reason: &str) {
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(dir.join(name), input);
    let _ = std::fs::write(dir.join(format!("{name}.txt")), reason);
    eprintln!("finding {name}: {}", reason.lines().next().unwrap_or(""));
}

const LOG_HEADER: &str = "seed\tmax_len\texecs\tpanics\tbroken\tslow\trefused\tcpu_s\twall_s\tslowest_bytes\tslowest_cpu_ms\tslowest_mbps\ttag\tfinished_unix";

/// Appends a finished chunk to the log.
fn append(log: &Path, chunk: &Chunk, args: &Args) {
    let fresh = !log.exists();
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .unwrap_or_else(|e| panic!("cannot open the log {}: {e}", log.display()));
    let finished = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let header = if fresh {
        format!("{LOG_HEADER}\n")
    } else {
        String::new()
    };
    let line = format!(
        "{header}{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.1}\t{:.1}\t{}\t{:.3}\t{:.4}\t{}\t{finished}\n",
        chunk.seed,
        chunk.max_len,
        chunk.execs,
        chunk.panics,
        chunk.broken,
        chunk.slow,
        chunk.refused,
        chunk.busy.as_secs_f64(),
        chunk.wall.as_secs_f64(),
        chunk.slowest.0,
        chunk.slowest.1.as_secs_f64() * 1e3,
        mbps(chunk.slowest.0, chunk.slowest.1),
        args.tag,
    );
    file.write_all(line.as_bytes())
        .unwrap_or_else(|e| panic!("cannot write the log {}: {e}", log.display()));
}

/// The log's chunks: (seed, max-len) to the fields of the line with the most executions.
fn read_log(log: &Path) -> BTreeMap<(u64, usize), Vec<String>> {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let mut chunks: BTreeMap<(u64, usize), Vec<String>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with("seed\t")) {
        let fields: Vec<String> = line.split('\t').map(str::to_string).collect();
        let n = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok());
        let (Some(seed), Some(max_len), Some(execs)) = (n(0), n(1), n(2)) else {
            continue;
        };
        let kept = chunks.get(&(seed, max_len as usize));
        if kept.is_none_or(|k| k[2].parse::<u64>().unwrap_or(0) < execs) {
            chunks.insert((seed, max_len as usize), fields);
        }
    }
    chunks
}

/// `--chunks A-B`: the chunks of seeds A to B that the log does not hold yet, one after
/// another, each appended when complete.
fn chunks(args: &Args, range: &str) {
    let log = args.log.as_ref().expect("--chunks needs --log");
    let (first, last) = range
        .split_once('-')
        .and_then(|(a, b)| Some((a.parse::<u64>().ok()?, b.parse::<u64>().ok()?)))
        .expect("--chunks takes FIRST-LAST");
    for seed in first..=last {
        let done = read_log(log)
            .get(&(seed, args.max_len))
            .is_some_and(|f| f[2].parse::<u64>().unwrap_or(0) >= args.execs);
        if done {
            eprintln!("seed {seed}: already in {}", log.display());
            continue;
        }
        let chunk = run_chunk(&Args {
            seed,
            tag: args.tag.clone(),
            out: args.out.clone(),
            log: None,
            ..*args
        });
        eprintln!("{}", chunk.describe());
        append(log, &chunk, args);
    }
}

/// `--sum LOG`: what the log's complete chunks add up to, each (seed, max-len) once.
fn sum(log: &Path) {
    let chunks = read_log(log);
    let total = |i: usize| -> u64 {
        chunks
            .values()
            .map(|f| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0))
            .sum()
    };
    let slowest = chunks.values().max_by(|a, b| {
        let ms = |f: &Vec<String>| f.get(10).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
        ms(a).total_cmp(&ms(b))
    });
    let seeds: Vec<String> = chunks.keys().map(|(s, l)| format!("{s}@{l}")).collect();
    println!(
        "{} chunks (seed@max-len: {}): {} executions, {} panics, {} broken invariants, {} slow, {} refused by ingest, {} s of processor time",
        chunks.len(),
        seeds.join(" "),
        total(2),
        total(3),
        total(4),
        total(5),
        total(6),
        chunks
            .values()
            .map(|f| f.get(7).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0))
            .sum::<f64>()
            .round(),
    );
    if let Some(f) = slowest {
        println!(
            "slowest input: {} B in {} ms of processor time ({} MB/s), seed {}",
            f[9], f[10], f[11], f[0]
        );
    }
}

/// Times each seed at `size` bytes (the second of two runs: the first also pays for
/// lazily built tables and models).
fn time_seeds(size: usize, only: Option<&str>) {
    for s in seeds::seeds(size) {
        if only.is_some_and(|o| !s.name.contains(o)) {
            continue;
        }
        let _ = timed(&s.input);
        let (outcome, elapsed) = timed(&s.input);
        let t = outcome.as_ref().map(|o| o.timings).unwrap_or_default();
        eprintln!(
            "{:<24} {:>9} B {:>8.3} s ({:>6.2} MB/s) ingest {:.3} analysis {:.3} briefing {:.3} render {:.3}{}",
            s.name,
            s.input.len(),
            elapsed.as_secs_f64(),
            mbps(s.input.len(), elapsed),
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
}

/// Times each analysis pass (processor time) on each article input, the second of two
/// runs.
fn passes(inputs: &[seeds::Seed], only: Option<&str>) {
    for s in inputs {
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
        let options = briefing::analysis::AnalysisOptions::default();
        let mut laps = String::new();
        let whole = POOL.install(|| {
            briefing::analysis::analyze(&article, &options);
            let mut last = thread_cpu_time();
            briefing::analysis::analyze_timed(&article, &options, &mut |name| {
                let now = thread_cpu_time();
                laps.push_str(&format!(" {name} {:.4}", (now - last).as_secs_f64()));
                last = now;
            })
        });
        eprintln!(
            "{:<24} {} {} sentences {} entities:{laps}",
            s.name,
            article.language,
            whole.sentences.len(),
            whole.entities.len()
        );
    }
}
