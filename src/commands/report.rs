//! What the user sees while and after a build: a progress bar on large builds (only on
//! a terminal), warnings with their file and position, and a one-line summary.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::config::Config;
use crate::pipeline::{BuildReport, Progress};

/// Builds with more articles than this show a progress bar.
const PROGRESS_THRESHOLD: usize = 40;

/// Set to print how long each stage of a build took (for benchmarks).
pub const TIMINGS_VAR: &str = "BRIEFING_TIMINGS";

/// An indicatif progress bar on stderr, shown only on a terminal for large builds; and
/// the stage timings when [`TIMINGS_VAR`] is set.
pub struct Bar {
    bar: ProgressBar,
    enabled: bool,
    stages: Option<Mutex<Vec<Stage>>>,
}

/// A stage's name, and when it began: wall clock, the process's CPU time if known, and
/// the peak resident size of the stage before it (in KiB, if known).
type Stage = (&'static str, Instant, Option<Duration>, Option<u64>);

/// The processor time (user and system, every thread) the process has used so far, on
/// Linux (from `/proc/self/stat`, in clock ticks of 10 ms); `None` elsewhere.
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    Some(Duration::from_millis((ticks(11)? + ticks(12)?) * 10))
}

/// The peak resident size of the process since the last call, in KiB, on Linux:
/// `VmHWM` from `/proc/self/status`, then reset (writing 5 to `/proc/self/clear_refs`)
/// so that each stage shows its own peak; `None` elsewhere.
fn stage_peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib = line.split_whitespace().nth(1)?.parse().ok()?;
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    Some(kib)
}

impl Bar {
    pub fn new(quiet: bool) -> Bar {
        let enabled = !quiet && std::io::stderr().is_terminal() && std::io::stdout().is_terminal();
        Bar {
            bar: ProgressBar::hidden(),
            enabled,
            stages: std::env::var_os(TIMINGS_VAR).map(|_| Mutex::new(Vec::new())),
        }
    }

    /// Prints each stage's duration to stderr, if timings were asked for.
    pub fn print_timings(&self) {
        let Some(stages) = self.stages.as_ref().and_then(|s| s.lock().ok()) else {
            return;
        };
        for pair in stages.windows(2) {
            let ms = pair[1].1.duration_since(pair[0].1).as_secs_f64() * 1000.0;
            let cpu = match (pair[0].2, pair[1].2) {
                (Some(a), Some(b)) => format!(
                    " ({:>7.0} ms CPU)",
                    b.saturating_sub(a).as_secs_f64() * 1000.0
                ),
                _ => String::new(),
            };
            let peak = match pair[1].3 {
                Some(kib) => format!(", peak {:>4} MB", kib / 1024),
                None => String::new(),
            };
            eprintln!("timing: {:<20} {ms:>9.1} ms{cpu}{peak}", pair[0].0);
        }
    }
}

impl Progress for Bar {
    fn stage(&self, name: &'static str) {
        if let Some(mut stages) = self.stages.as_ref().and_then(|s| s.lock().ok()) {
            stages.push((name, Instant::now(), process_cpu(), stage_peak_kib()));
        }
    }
    fn start(&self, total: usize) {
        if self.enabled && total > PROGRESS_THRESHOLD {
            self.bar.set_length(total as u64);
            self.bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} analysing {pos}/{len} articles [{bar:30}] {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
    fn advance(&self) {
        self.bar.inc(1);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Prints warnings and skipped files to stderr.
pub fn print_problems(report: &BuildReport) {
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for s in &report.skipped {
        eprintln!("error (skipped): {s}");
    }
}

/// The one-line summary of a build.
pub fn summary_line(
    config: &Config,
    report: &BuildReport,
    wrote: bool,
    elapsed: Duration,
) -> String {
    let mut line = format!(
        "{} {} ({} analysed, {} reused from cache)",
        if wrote { "Built" } else { "Checked" },
        plural(report.articles, "article"),
        report.analysed,
        report.reused
    );
    if wrote {
        line.push_str(&format!(
            ": {} written, {} in {} ({})",
            plural(report.briefings_written.len(), "briefing"),
            plural(report.pages, "page"),
            config.display_path(&config.output_dir).display(),
            output_changes(report)
        ));
    } else {
        line.push_str(&format!(
            ": {} would be written",
            plural(report.pages, "page")
        ));
    }
    line.push_str(&format!(" in {}", duration(elapsed)));
    if !report.warnings.is_empty() {
        line.push_str(&format!(", {}", plural(report.warnings.len(), "warning")));
    }
    if !report.skipped.is_empty() {
        line.push_str(&format!(
            ", {} skipped",
            plural(report.skipped.len(), "file")
        ));
    }
    line
}

/// What the build did to the output: how many pages it rendered (the others had the
/// same inputs as in the last build), then `3 written, 1 removed`, or `none changed`.
fn output_changes(report: &BuildReport) -> String {
    let (written, removed) = (
        report.published.written.len(),
        report.published.removed.len(),
    );
    let changes = match (written, removed) {
        (0, 0) => "none changed".to_string(),
        (w, 0) => format!("{w} written"),
        (w, r) => format!("{w} written, {r} removed"),
    };
    format!("{} rendered, {changes}", report.rendered)
}

/// `43 ms` under a second, else `2.41 s`.
fn duration(d: Duration) -> String {
    match d.as_secs_f64() {
        s if s < 1.0 => format!("{:.0} ms", s * 1000.0),
        s => format!("{s:.2} s"),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line_says_what_happened() {
        let config = Config::parse(
            std::path::Path::new("/s"),
            std::path::Path::new("/s/briefing.toml"),
            "",
        )
        .unwrap();
        let mut report = BuildReport {
            articles: 8,
            analysed: 3,
            reused: 5,
            pages: 40,
            briefings_written: vec!["a".into()],
            ..Default::default()
        };
        let line = summary_line(&config, &report, true, Duration::from_millis(420));
        assert_eq!(
            line,
            "Built 8 articles (3 analysed, 5 reused from cache): 1 briefing written, 40 pages in public (0 rendered, none changed) in 420 ms"
        );
        report.published.written = vec!["index.html".into(), "a.html".into()];
        report.rendered = 3;
        let line = summary_line(&config, &report, true, Duration::from_millis(420));
        assert!(
            line.contains("40 pages in public (3 rendered, 2 written) in"),
            "{line}"
        );
        report.published.removed = vec!["b.html".into()];
        let line = summary_line(&config, &report, true, Duration::from_millis(420));
        assert!(
            line.contains("40 pages in public (3 rendered, 2 written, 1 removed) in"),
            "{line}"
        );
        let line = summary_line(&config, &report, false, Duration::from_millis(2500));
        assert_eq!(
            line,
            "Checked 8 articles (3 analysed, 5 reused from cache): 40 pages would be written in 2.50 s"
        );
    }
}
