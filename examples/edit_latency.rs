//! The one-article edit, measured in process: builds a site once (as `serve` does on
//! start), then appends a sentence to one article at a time, rebuilds only that change
//! (what `serve` does after its debounce) and restores the article; prints, per edit,
//! the wall time and the CPU time of the rebuild and each stage's duration, then the
//! medians. It runs `sync` after the first build, so that its write-back does not
//! overlap the edits. No watcher, no HTTP: the figure is the rebuild itself, from the change set
//! to the output committed, which `perf` or `valgrind` can profile.
//!
//! ```sh
//! cargo build --release --example edit_latency
//! target/release/examples/edit_latency <site> [edits] [--no-restore-build]
//! ```
//! The site is built into `<site>/.briefing/edit-latency` (its own output folder), so
//! `public/` is untouched. The edited article is restored even when a rebuild fails.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use briefing::config::{BuildOptions, Config};
use briefing::pipeline::{self, Changes, Memory, Progress};

/// Stage timings of one rebuild.
#[derive(Default)]
struct Stages(Mutex<Vec<(&'static str, Instant)>>);

impl Progress for Stages {
    fn stage(&self, name: &'static str) {
        if let Ok(mut s) = self.0.lock() {
            s.push((name, Instant::now()));
        }
    }
}

impl Stages {
    fn lines(&self) -> Vec<(&'static str, f64)> {
        let s = self.0.lock().map(|s| s.clone()).unwrap_or_default();
        s.windows(2)
            .map(|w| (w[0].0, w[1].1.duration_since(w[0].1).as_secs_f64() * 1e3))
            .collect()
    }
}

/// CPU time of every thread of this process so far (`/proc/self/task/*/schedstat`).
fn cpu_time() -> Duration {
    let mut ns = 0u64;
    if let Ok(tasks) = std::fs::read_dir("/proc/self/task") {
        for task in tasks.flatten() {
            let text = std::fs::read_to_string(task.path().join("schedstat")).unwrap_or_default();
            ns += text
                .split_whitespace()
                .next()
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    Duration::from_nanos(ns)
}

/// Puts an article's text back when dropped (also on a panic).
struct Restore<'a>(&'a Path, String);

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        if let Err(e) = std::fs::write(self.0, &self.1) {
            eprintln!("error: could not restore {}: {e}", self.0.display());
        }
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn rebuild(config: &Config, memory: &mut Memory, changes: &Changes) -> (f64, f64, Stages) {
    let options = BuildOptions::new(jiff::civil::date(2026, 12, 7));
    let stages = Stages::default();
    let (wall, cpu) = (Instant::now(), cpu_time());
    let report = pipeline::rebuild(config, &options, memory, changes, &stages);
    let (wall, cpu) = (wall.elapsed(), cpu_time() - cpu);
    stages.stage("end");
    match report {
        Ok(r) => {
            let mut kinds = std::collections::BTreeMap::<&str, usize>::new();
            for path in &r.published.written {
                let kind = match path.split_once('/') {
                    Some((dir, _)) => dir,
                    None => path.as_str(),
                };
                *kinds.entry(kind).or_default() += 1;
            }
            eprintln!(
                "  {} pages, {} rendered, {} written ({kinds:?}), {} removed",
                r.pages,
                r.rendered,
                r.published.written.len(),
                r.published.removed.len()
            )
        }
        Err(e) => eprintln!("  error: {e}"),
    }
    (wall.as_secs_f64() * 1e3, cpu.as_secs_f64() * 1e3, stages)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let site = PathBuf::from(args.next().expect("usage: edit_latency <site> [edits]"));
    let edits: usize = args.next().map_or(5, |n| n.parse().expect("edits"));
    let mut config = Config::load(&site).expect("briefing.toml");
    config.output_dir = config.root.join(".briefing/edit-latency");
    let mut memory = Memory::default();
    let (wall, cpu, _) = rebuild(&config, &mut memory, &Changes::everything());
    eprintln!("first build: {wall:.0} ms wall, {cpu:.0} ms CPU");
    // The first build writes the whole site: wait for its write-back, which would
    // otherwise overlap the first edits and move their times by a fifth.
    let synced = std::process::Command::new("sync").status();
    if !synced.is_ok_and(|s| s.success()) {
        eprintln!("warning: `sync` failed: the first edits may wait for the first build's writes");
    }
    // as `watch` and `serve` do after their first build
    pipeline::warm_up(&config, jiff::civil::date(2026, 12, 7));
    let mut names: Vec<PathBuf> = std::fs::read_dir(&config.articles_dir)
        .expect("articles")
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    for i in 0..edits {
        let path = &names[(i * 37) % names.len()];
        let original = std::fs::read_to_string(path).expect("article");
        let restore = Restore(path, original.clone());
        std::fs::write(
            path,
            format!("{original}\nThe talks resumed on Monday, officials said.\n"),
        )
        .expect("edit");
        let changes = Changes {
            paths: vec![path.clone()],
            ..Changes::default()
        };
        let (wall, cpu, stages) = rebuild(&config, &mut memory, &changes);
        let detail: Vec<String> = stages
            .lines()
            .iter()
            .filter(|(_, ms)| *ms >= 0.5)
            .map(|(name, ms)| format!("{name} {ms:.1}"))
            .collect();
        eprintln!(
            "edit {i} {}: {wall:.1} ms wall, {cpu:.1} ms CPU [{}]",
            path.display(),
            detail.join(", ")
        );
        walls.push(wall);
        cpus.push(cpu);
        drop(restore);
        let (wall, cpu, _) = rebuild(&config, &mut memory, &changes);
        eprintln!("  restored: {wall:.1} ms wall, {cpu:.1} ms CPU");
        walls.push(wall);
        cpus.push(cpu);
    }
    // What `serve` holds is never dropped while it runs; leave it to the exit, so that
    // a profile of this run ends with the last rebuild.
    std::mem::forget(memory);
    println!(
        "{} rebuilds (edit and restore): median {:.1} ms wall, {:.1} ms CPU",
        walls.len(),
        median(walls),
        median(cpus)
    );
}
