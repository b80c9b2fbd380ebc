//! `build` and `check`: run the pipeline once and report; and `clean`.

use std::time::Instant;

use anyhow::Result;

use super::report::{self, Bar};
use crate::config::{BuildOptions, Config};
use crate::pipeline::{self, BuildReport};

/// Builds (or checks) once, prints problems and the summary; returns whether it succeeded.
pub fn run_build(config: &Config, options: &BuildOptions, quiet: bool) -> bool {
    build_once(config, options, quiet).is_ok()
}

/// Builds once and prints what happened; the error is returned already printed.
pub(super) fn build_once(
    config: &Config,
    options: &BuildOptions,
    quiet: bool,
) -> Result<BuildReport, String> {
    let started = Instant::now();
    let bar = Bar::new(quiet);
    match pipeline::build(config, options, &bar) {
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
