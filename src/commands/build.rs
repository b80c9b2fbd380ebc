//! `build` and `check`: run the pipeline once and report; and `clean`.

use std::time::Instant;

use anyhow::Result;

use super::report::{self, Bar};
use crate::config::{BuildOptions, Config};
use crate::pipeline::{self, BuildReport, Changes, Memory};

/// Builds (or checks) once, prints problems and the summary; returns whether it
/// succeeded. With `strict`, a warning or a skipped file is a failure too (reported
/// after all of them, the build itself done as without it).
pub fn run_build(config: &Config, options: &BuildOptions, quiet: bool, strict: bool) -> bool {
    let mut memory = Memory::one_off();
    match build_once(config, options, quiet, &mut memory, &Changes::everything()) {
        Ok(report) if strict && !(report.warnings.is_empty() && report.skipped.is_empty()) => {
            let problems = report.warnings.len() + report.skipped.len();
            let noun = if problems == 1 { "problem" } else { "problems" };
            eprintln!(
                "error: --strict: {problems} {noun} reported above (warnings and skipped files fail a strict build)"
            );
            false
        }
        Ok(_) => true,
        Err(_) => false,
    }
}

/// Builds once from what `memory` holds and prints what happened; the error is
/// returned already printed.
pub(super) fn build_once(
    config: &Config,
    options: &BuildOptions,
    quiet: bool,
    memory: &mut Memory,
    changes: &Changes,
) -> Result<BuildReport, String> {
    let started = Instant::now();
    let bar = Bar::new(quiet);
    let result = pipeline::rebuild(config, options, memory, changes, &bar);
    bar.print_timings();
    match result {
        Ok(report) => {
            report::print_problems(&report);
            for backup in &report.backups {
                eprintln!(
                    "note: backed up the edited briefing to {}",
                    config.display_path(backup).display()
                );
            }
            if !quiet {
                println!(
                    "{}",
                    report::summary_line(config, &report, options.write, started.elapsed())
                );
            }
            Ok(report)
        }
        Err(e) => {
            let message = format!("error: {e}");
            eprintln!("{message}");
            Err(message)
        }
    }
}

/// `clean`: delete the built site (not what others put in it) and the state folder.
pub fn clean(config: &Config, quiet: bool) -> Result<()> {
    let report = crate::output::clean(config)?;
    if !quiet {
        for path in &report.removed {
            println!("removed {}", config.display_path(path).display());
        }
        if !report.kept.is_empty() {
            println!(
                "removed the pages in {} and kept what briefing did not write: {}",
                config.display_path(&config.output_dir).display(),
                report.kept.join(", ")
            );
        }
    }
    Ok(())
}
