//! `build`, `check`, `watch`, `serve` and `clean`: run the pipeline and report.
//!
//! `watch` and `serve` run a [`Session`]: one build per change set, each with the date
//! read afresh from the clock and with `briefing.toml` reloaded when it changed (the
//! session's own settings, `serve`'s address and output folder, re-applied). A
//! configuration that does not load is reported, and nothing is rebuilt until it is
//! fixed: the last good site stays in place (under `serve`, with the error as a banner).

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use jiff::civil::Date;

use crate::config::ConfigError;
use crate::watch::{ChangeKind, ChangeSet, SelfWrites, SiteLayout};

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

/// `watch`: build, then rebuild on every change until interrupted. `today` is the date
/// of the first build; every later build reads the clock again.
pub fn watch(config: Config, args: &BuildArgs, quiet: bool, today: Date) -> Result<ExitCode> {
    let options = crate::watch::WatchOptions::for_site(&config);
    let live = LiveConfig::new(config, Overrides::default(), &options.layout);
    let mut session = Session::new(live, args, quiet, clock(today), &options.self_writes);
    crate::watch::watch(options, |changes| {
        let _ = session.rebuild(changes);
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Options of `serve` from the command line.
#[derive(Debug, Clone, Copy)]
pub struct ServeArgs {
    pub port: u16,
    pub bind: IpAddr,
    pub open: bool,
}

/// `serve`: build into the tool's state folder and serve it with live reload. `today` is
/// the date of the first build; every later build reads the clock again.
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
    let overrides = Overrides {
        base_url: Some(server.url()),
        output_dir: Some(options.dir),
    };
    let config = overrides.apply(config)?;
    let live = LiveConfig::new(config, overrides, &watch.layout);
    let mut session = Session::new(live, args, quiet, clock(today), &watch.self_writes);
    server.run(watch, |changes| session.rebuild(changes).map(drop))?;
    Ok(ExitCode::SUCCESS)
}

/// "Today" for each build of a session: `first` for the first build, then the clock
/// (a server left running past midnight builds with the new date).
fn clock(first: Date) -> impl FnMut() -> Date {
    let mut first = Some(first);
    move || {
        first
            .take()
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date())
    }
}

/// What a session changes in every configuration it loads.
#[derive(Debug, Clone, Default)]
struct Overrides {
    base_url: Option<String>,
    output_dir: Option<PathBuf>,
}

impl Overrides {
    fn apply(&self, config: Config) -> Result<Config, ConfigError> {
        let mut config = match &self.base_url {
            Some(url) => config.with_base_url(url)?,
            None => config,
        };
        if let Some(dir) = &self.output_dir {
            config.output_dir.clone_from(dir);
        }
        Ok(config)
    }
}

/// The configuration of a session: the last one that loaded, reloaded from
/// `briefing.toml` when it changed and, while it does not load, before every build.
struct LiveConfig {
    current: Config,
    overrides: Overrides,
    /// The folders the watcher was started on.
    watched: SiteLayout,
    broken: bool,
}

impl LiveConfig {
    fn new(current: Config, overrides: Overrides, watched: &SiteLayout) -> LiveConfig {
        LiveConfig {
            current,
            overrides,
            watched: watched.clone(),
            broken: false,
        }
    }

    /// The configuration to build `changes` with, or the load error (printed).
    fn refresh(&mut self, changes: &ChangeSet) -> Result<&Config, String> {
        if !self.broken && !changes.kinds.contains(&ChangeKind::Config) {
            return Ok(&self.current);
        }
        let loaded = Config::load(&self.current.root).and_then(|c| self.overrides.apply(c));
        match loaded {
            Ok(config) => {
                self.warn_if_folders_moved(&config);
                self.current = config;
                self.broken = false;
                Ok(&self.current)
            }
            Err(e) => {
                self.broken = true;
                let message = format!(
                    "error: {e}\n  note: nothing was rebuilt; the site stays as it was until {} loads again",
                    crate::config::CONFIG_FILE
                );
                eprintln!("{message}");
                Err(message)
            }
        }
    }

    fn warn_if_folders_moved(&self, new: &Config) {
        let (old, now) = (&self.watched, SiteLayout::for_site(new));
        let moved = now.articles_dir != old.articles_dir || now.briefings_dir != old.briefings_dir;
        let was_moved = {
            let before = SiteLayout::for_site(&self.current);
            before.articles_dir != old.articles_dir || before.briefings_dir != old.briefings_dir
        };
        if moved && !was_moved {
            eprintln!(
                "warning: the article or briefing folder in {} changed; builds use the new one, \
                 but changes in it are only seen after a restart\n  help: press Ctrl-C and start again",
                crate::config::CONFIG_FILE
            );
        }
    }
}

/// A `watch` or `serve` session: what every rebuild needs.
struct Session<C> {
    live: LiveConfig,
    args: BuildArgs,
    quiet: bool,
    clock: C,
    writes: SelfWrites,
}

impl<C: FnMut() -> Date> Session<C> {
    fn new(live: LiveConfig, args: &BuildArgs, quiet: bool, clock: C, writes: &SelfWrites) -> Self {
        Session {
            live,
            args: args.clone(),
            quiet,
            clock,
            writes: writes.clone(),
        }
    }

    /// Reloads the configuration if needed, builds with today's date and tells the
    /// watcher which briefing files the build wrote. Errors are printed already.
    fn rebuild(&mut self, changes: &ChangeSet) -> Result<BuildReport, String> {
        let config = self.live.refresh(changes)?;
        let run = BuildRun {
            drafts: self.args.drafts,
            keep_going: self.args.keep_going,
            regenerate: Vec::new(),
            write: true,
            quiet: self.quiet,
            today: (self.clock)(),
        };
        let report = build_once(config, &run)?;
        for path in &report.briefings_written {
            let full = config.root.join(path);
            if let Ok(bytes) = std::fs::read(&full) {
                self.writes.record(&full, &bytes);
            }
        }
        Ok(report)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CONFIG_FILE;

    /// A site without articles (its pages still show the title and the build date),
    /// served from `out` at a fixed address, like `serve` does.
    fn session(dates: Vec<Date>) -> (tempfile::TempDir, PathBuf, Session<impl FnMut() -> Date>) {
        let tmp = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(tmp.path()).unwrap();
        std::fs::create_dir_all(root.join("content/articles")).unwrap();
        std::fs::write(root.join(CONFIG_FILE), "title = \"First title\"\n").unwrap();
        let config = Config::load(&root).unwrap();
        let out = root.join(".briefing/serve");
        let overrides = Overrides {
            base_url: Some("http://127.0.0.1:1190/".into()),
            output_dir: Some(out.clone()),
        };
        let layout = SiteLayout::for_site(&config);
        let live = LiveConfig::new(overrides.apply(config).unwrap(), overrides, &layout);
        let mut dates = dates.into_iter();
        let clock = move || dates.next().expect("one date per build");
        let args = BuildArgs {
            drafts: false,
            keep_going: false,
        };
        let session = Session::new(live, &args, true, clock, &SelfWrites::default());
        (tmp, out, session)
    }

    fn change(kind: ChangeKind) -> ChangeSet {
        ChangeSet {
            kinds: [kind].into(),
            ..ChangeSet::default()
        }
    }

    #[test]
    fn a_config_edit_is_built_and_a_broken_one_keeps_the_last_good_site() {
        let day = jiff::civil::date(2026, 3, 1);
        let (_tmp, out, mut s) = session(vec![day; 4]);
        let root = s.live.current.root.clone();
        let index = || std::fs::read_to_string(out.join("index.html")).unwrap();
        s.rebuild(&ChangeSet::everything()).unwrap();
        assert!(index().contains("First title"));

        std::fs::write(root.join(CONFIG_FILE), "title = \"Second title\"\n").unwrap();
        s.rebuild(&change(ChangeKind::Config)).unwrap();
        let page = index();
        assert!(page.contains("Second title") && !page.contains("First title"));
        assert!(
            page.contains("http://127.0.0.1:1190/"),
            "serve's address kept"
        );

        std::fs::write(root.join(CONFIG_FILE), "title = \"Third\nunknown_key = 1\n").unwrap();
        let err = s.rebuild(&change(ChangeKind::Config)).unwrap_err();
        assert!(err.contains(CONFIG_FILE) && err.contains("line 1"), "{err}");
        assert!(index().contains("Second title"), "the last good site stays");
        // Still broken: an article edit is not built with the stale configuration.
        let again = s.rebuild(&change(ChangeKind::Articles)).unwrap_err();
        assert_eq!(again, err);

        std::fs::write(root.join(CONFIG_FILE), "title = \"Fixed title\"\n").unwrap();
        s.rebuild(&change(ChangeKind::Articles)).unwrap();
        assert!(
            index().contains("Fixed title"),
            "recovers on the next good save"
        );
        assert!(
            out.join(".briefing-output").is_file(),
            "built into serve's folder"
        );
        assert!(!root.join("public").exists());
    }

    #[test]
    fn every_build_reads_the_clock() {
        let days = [
            jiff::civil::date(2026, 3, 31),
            jiff::civil::date(2026, 4, 1),
        ];
        let (_tmp, out, mut s) = session(days.to_vec());
        for (day, shown) in days.iter().zip(["31 March 2026", "1 April 2026"]) {
            s.rebuild(&change(ChangeKind::Articles)).unwrap();
            let page = std::fs::read_to_string(out.join("index.html")).unwrap();
            assert!(page.contains(&format!("Built {shown}")), "{day}: {page}");
        }
    }

    #[test]
    fn the_session_clock_starts_with_the_given_date() {
        let first = jiff::civil::date(1999, 12, 31);
        let mut today = clock(first);
        assert_eq!(today(), first);
        assert_ne!(today(), first, "later builds read the clock");
    }
}
