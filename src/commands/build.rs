//! `build`, `check`, `watch`, `serve` and `clean`: run the pipeline and report.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use jiff::civil::Date;

use super::report::{self, Bar};
use crate::cli::BuildArgs;
use crate::config::Config;
use crate::pipeline::{self, BuildOptions, BuildReport};

/// One run of the pipeline as the command line asked for it.
#[derive(Debug, Clone)]
pub struct BuildRun {
    pub drafts: bool,
    pub keep_going: bool,
    pub regenerate: Vec<PathBuf>,
    pub write: bool,
    pub quiet: bool,
    pub today: Date,
}

/// Builds (or checks) once, prints problems and the summary; returns whether it succeeded.
pub fn run_build(config: &Config, run: &BuildRun) -> bool {
    build_once(config, run).is_ok()
}

/// Builds once and prints what happened; the error is returned already printed.
fn build_once(config: &Config, run: &BuildRun) -> Result<BuildReport, String> {
    let started = Instant::now();
    let options = BuildOptions {
        drafts: run.drafts,
        keep_going: run.keep_going,
        regenerate: run.regenerate.clone(),
        write: run.write,
        today: run.today,
    };
    let bar = Bar::new(run.quiet);
    match pipeline::build(config, &options, &bar) {
        Ok(report) => {
            report::print_problems(&report);
            for backup in &report.backups {
                eprintln!(
                    "note: backed up the edited briefing to {}",
                    config.display_path(backup).display()
                );
            }
            if !run.quiet {
                println!(
                    "{}",
                    report::summary_line(config, &report, run.write, started.elapsed())
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

/// `watch`: build, then rebuild on every change until interrupted.
pub fn watch(config: Config, args: &BuildArgs, quiet: bool, today: Date) -> Result<ExitCode> {
    let run = BuildRun {
        drafts: args.drafts,
        keep_going: args.keep_going,
        regenerate: Vec::new(),
        write: true,
        quiet,
        today,
    };
    let options = crate::watch::WatchOptions::for_site(&config);
    let writes = options.self_writes.clone();
    crate::watch::watch(options, |_changes| {
        if let Ok(report) = build_once(&config, &run) {
            record_self_writes(&config, &report, &writes);
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Tells the watcher which briefing files the build just wrote, so they do not trigger a rebuild.
fn record_self_writes(config: &Config, report: &BuildReport, writes: &crate::watch::SelfWrites) {
    for path in &report.briefings_written {
        let full = config.root.join(path);
        if let Ok(bytes) = std::fs::read(&full) {
            writes.record(&full, &bytes);
        }
    }
}

/// Options of `serve` from the command line.
#[derive(Debug, Clone, Copy)]
pub struct ServeArgs {
    pub port: u16,
    pub bind: IpAddr,
    pub open: bool,
}

/// `serve`: build into the tool's state folder and serve it with live reload.
pub fn serve(
    config: Config,
    args: &BuildArgs,
    serve: ServeArgs,
    quiet: bool,
    today: Date,
) -> Result<ExitCode> {
    let mut options = crate::serve::ServeOptions::for_site(&config);
    (options.port, options.bind, options.open) = (serve.port, serve.bind, serve.open);
    let server = crate::serve::Server::bind(options.clone())?;
    let watch = crate::watch::WatchOptions::for_site(&config);
    let writes = watch.self_writes.clone();
    let mut config = config.with_base_url(&server.url())?;
    config.output_dir = options.dir;
    let run = BuildRun {
        drafts: args.drafts,
        keep_going: args.keep_going,
        regenerate: Vec::new(),
        write: true,
        quiet,
        today,
    };
    server.run(watch, |_changes| {
        let report = build_once(&config, &run)?;
        record_self_writes(&config, &report, &writes);
        Ok::<(), String>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `clean`: delete the built site and the state folder.
pub fn clean(config: &Config, quiet: bool) -> Result<()> {
    let report = crate::output::clean(config)?;
    if !quiet {
        for path in &report.removed {
            println!("removed {}", config.display_path(path).display());
        }
    }
    Ok(())
}
