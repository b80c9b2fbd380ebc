//! One module per command: they turn parsed command-line arguments into calls to the
//! pipeline, and print what happened. This is the only layer that talks to the
//! terminal, reads the clock, and uses `anyhow`.

mod analyze;
mod build;
mod report;
mod scaffold;
mod serve;
mod session;
mod watch;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use jiff::civil::Date;

use crate::analysis::AnalysisOptions;
use crate::cli::{Cli, Command};
use crate::config::{BuildOptions, Config};

pub use build::run_build;

/// The environment variable that fixes the date a build runs on (the reproducible-builds
/// convention: seconds since 1970-01-01 UTC).
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// The date commands run on: the UTC date of `source_date_epoch` (the value of
/// [`SOURCE_DATE_EPOCH`]) when it is set, else today in the local time zone. Pages say
/// when they were built, so two builds of the same sources on either side of midnight
/// differ in every page; with the variable set they are byte-identical.
pub fn today(source_date_epoch: Option<&str>) -> Result<Date> {
    let Some(value) = source_date_epoch else {
        return Ok(jiff::ZonedDateTime::now().date());
    };
    let seconds: i64 = value.trim().parse().with_context(|| {
        format!("{SOURCE_DATE_EPOCH}={value:?} is not a number of seconds since 1970-01-01 UTC")
    })?;
    let instant = jiff::Timestamp::from_second(seconds)
        .with_context(|| format!("{SOURCE_DATE_EPOCH}={value:?} is out of range"))?;
    Ok(instant.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
}

/// Runs the command line `cli`, with `today` as the current date.
pub fn run(cli: Cli, today: Date) -> Result<ExitCode> {
    let (quiet, root) = (cli.quiet, cli.root);
    match cli.command {
        Command::Init { dir } => init(dir.or(root).unwrap_or_else(|| PathBuf::from(".")), quiet),
        Command::New { title } => {
            let config = load_config(root.as_deref())?;
            let path = scaffold::new_article(&config, &title, today)?;
            println!("{}", config.display_path(&path).display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze {
            paths,
            format,
            summary_sentences,
        } => {
            let options = AnalysisOptions {
                summary_sentences: usize::from(summary_sentences),
            };
            let failed = analyze::run(
                &paths,
                format,
                &options,
                today,
                &mut std::io::stdout().lock(),
            )?;
            Ok(exit(failed == 0))
        }
        Command::Build {
            build,
            output,
            base_url,
            regenerate,
            strict,
        } => {
            let mut config = load_config(root.as_deref())?;
            if let Some(url) = base_url {
                config = config.with_base_url(&url)?;
            }
            if let Some(dir) = output {
                config.output_dir = std::path::absolute(&dir).unwrap_or(dir);
            }
            let options = BuildOptions {
                drafts: build.drafts,
                keep_going: build.keep_going,
                regenerate,
                ..BuildOptions::new(today)
            };
            Ok(exit(run_build(&config, &options, quiet, strict)))
        }
        Command::Check { build, strict } => {
            let config = load_config(root.as_deref())?;
            let options = BuildOptions {
                drafts: build.drafts,
                keep_going: build.keep_going,
                write: false,
                ..BuildOptions::new(today)
            };
            Ok(exit(run_build(&config, &options, quiet, strict)))
        }
        Command::Watch { build } => {
            watch::watch(load_config(root.as_deref())?, &build, quiet, today)
        }
        Command::Serve {
            build,
            port,
            bind,
            open,
        } => {
            let args = serve::ServeArgs { port, bind, open };
            serve::serve(load_config(root.as_deref())?, &build, args, quiet, today)
        }
        Command::Clean => {
            build::clean(&load_config(root.as_deref())?, quiet)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `init`: creates a site and says what to do next.
fn init(dir: PathBuf, quiet: bool) -> Result<ExitCode> {
    let created = scaffold::init(&dir)?;
    if !quiet {
        for path in &created {
            println!("created {}", path.display());
        }
        let articles = dir.join("content/articles");
        println!(
            "Next: add articles to {}, then run `briefing serve` in {}",
            articles.display(),
            dir.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn exit(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn load_config(root: Option<&Path>) -> Result<Config> {
    match root {
        Some(root) => Ok(Config::load(root)?),
        None => {
            let cwd = std::env::current_dir().context("cannot read the current folder")?;
            Ok(Config::discover(&cwd)?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_date_epoch_fixes_the_date_in_utc() {
        let cases = [
            ("0", Some(jiff::civil::date(1970, 1, 1))),
            ("1772582399", Some(jiff::civil::date(2026, 3, 3))),
            ("1772582400", Some(jiff::civil::date(2026, 3, 4))),
            (" 1772582400\n", Some(jiff::civil::date(2026, 3, 4))),
            ("yesterday", None),
            ("", None),
            ("99999999999999999", None),
        ];
        for (value, want) in cases {
            assert_eq!(today(Some(value)).ok(), want, "{value:?}");
        }
        assert!(today(None).is_ok());
    }
}
