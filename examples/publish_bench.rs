//! The output stage alone: N synthetic pages published into a fresh folder (cold), then
//! again unchanged (the caller re-renders and `put`s every page, or asks `unchanged` and
//! renders nothing), with one page changed, and with every page changed (a template edit).
//! Prints, per phase, the median wall time of `--runs` runs, and what was written.
//!
//! ```sh
//! cargo run --release --example publish_bench -- --pages 35000 --bytes 19600 --runs 3 [--dir /tmp/pub]
//! ```
//! The defaults mimic the 10,000-article Reuters site (35,029 files, 685 MB). Pages are
//! generated inside the rayon workers that put them, so the benchmark itself holds no
//! page longer than its `put` call, as the real pipeline must not.

use std::time::Instant;

use briefing::output::{Durability, Guard, OutputOptions, PublishReport, Publisher};
use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let number =
        |name: &str, default: usize| option(name).and_then(|v| v.parse().ok()).unwrap_or(default);
    let (pages, bytes, runs) = (
        number("--pages", 35_000),
        number("--bytes", 19_600),
        number("--runs", 3),
    );
    let base = option("--dir")
        .map_or_else(std::env::temp_dir, Into::into)
        .join("publish-bench");
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).expect("bench folder");
    let out = base.join("public");
    let state = base.join(".briefing");
    let options = OutputOptions {
        guard: Guard::new(),
        durability: Durability::Commit,
        keep: Vec::new(),
        crash_at: None,
    };
    let site = Site { pages, bytes };
    println!("{pages} pages of about {bytes} bytes in {}", out.display());
    println!(
        "| phase | open | put/unchanged | commit | total (median) | files written | MB written | removed |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let phase = |name: &str, repeat: usize, run: &dyn Fn(&Publisher)| {
        let mut times = Vec::new();
        let mut last = PublishReport::default();
        for _ in 0..repeat {
            if name == "cold" {
                let _ = std::fs::remove_dir_all(&base);
            }
            let started = Instant::now();
            let publisher = Publisher::open(&out, &state, &options).expect("open");
            let opened = started.elapsed().as_secs_f64();
            run(&publisher);
            let declared = started.elapsed().as_secs_f64();
            last = publisher.commit().expect("commit");
            let total = started.elapsed().as_secs_f64();
            times.push([total, opened, declared - opened, total - declared]);
        }
        times.sort_by(|a, b| a[0].total_cmp(&b[0]));
        let [total, open, declare, commit] = times[times.len() / 2];
        println!(
            "| {name} | {} | {} | {} | {} | {} | {:.1} | {} |",
            ms(open),
            ms(declare),
            ms(commit),
            ms(total),
            last.written.len(),
            last.bytes_written as f64 / 1e6,
            last.removed.len()
        );
    };
    phase("cold", runs, &|p| site.put_all(p, 0, None));
    phase("warm, every page put again", runs, &|p| {
        site.put_all(p, 0, None)
    });
    phase("warm, every page unchanged (not rendered)", runs, &|p| {
        site.put_all(p, 0, Some(0))
    });
    phase("one page changed, every other unchanged", 1, &|p| {
        site.put_all(p, 0, Some(1))
    });
    phase("one page changed, the rest kept unlisted", runs, &|p| {
        p.keep_unlisted();
        let i = site.pages / 2;
        let bytes = site.render(i, next_version());
        p.put(&Site::path(i), b"edited", &bytes).expect("put");
    });
    phase("every page changed", 1, &|p| site.put_all(p, 1, None));
    let _ = std::fs::remove_dir_all(&base);
}

/// A new version on every call, so that each run of a phase changes its page.
fn next_version() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(10);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

fn ms(seconds: f64) -> String {
    if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else {
        format!("{:.1} ms", seconds * 1000.0)
    }
}

/// A synthetic site: page `i` lives at a path like the real site's and its bytes depend
/// on `i` and a version (a template edit bumps the version of every page).
struct Site {
    pages: usize,
    bytes: usize,
}

impl Site {
    fn path(i: usize) -> String {
        match i % 10 {
            0..=5 => format!("actors/actor-{i}/index.html"),
            6..=8 => format!("briefings/briefing-{i}/index.html"),
            _ => format!("tags/tag-{i}/index.html"),
        }
    }

    fn render(&self, i: usize, version: usize) -> Vec<u8> {
        let line = format!(
            "<p>page {i}, version {version}: the quick brown fox jumps over the lazy dog.</p>\n"
        );
        let size = self.bytes / 2 + (i * 7919) % self.bytes;
        line.repeat(size / line.len() + 1).into_bytes()
    }

    /// Puts every page at `version`. With `keys`, asks `unchanged` first (every page's
    /// key is its version, except that the page `keys` names has a new one) and renders
    /// only what is not.
    fn put_all(&self, publisher: &Publisher, version: usize, keys: Option<usize>) {
        (0..self.pages).into_par_iter().for_each(|i| {
            let path = Site::path(i);
            let changed = keys.is_some_and(|k| k > 0 && i == self.pages / 2);
            let version = version + usize::from(changed);
            let key = format!("v{version}");
            if keys.is_some() && publisher.unchanged(&path, key.as_bytes()) {
                return;
            }
            publisher
                .put(&path, key.as_bytes(), &self.render(i, version))
                .expect("put");
        });
    }
}
