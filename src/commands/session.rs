//! A `watch` or `serve` session: one build per change set, each with the date read
//! afresh from the clock and with `briefing.toml` reloaded when it changed (the
//! session's own settings, `serve`'s address and output folder, re-applied). A
//! configuration that does not load is reported, and nothing is rebuilt until it is
//! fixed: the last good site stays in place (under `serve`, with the error as a banner).

use std::path::PathBuf;

use jiff::civil::Date;

use super::build::build_once;
use crate::cli::BuildArgs;
use crate::config::{BuildOptions, Config, ConfigError};
use crate::pipeline::{BuildReport, Changes, Memory};
use crate::watch::{ChangeKind, ChangeSet, SelfWrites, SiteLayout};

/// "Today" for each build of a session: `first` for the first build, then the clock
/// (a server left running past midnight builds with the new date).
pub(super) fn clock(first: Date) -> impl FnMut() -> Date {
    let mut first = Some(first);
    move || {
        first
            .take()
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date())
    }
}

/// What a session changes in every configuration it loads.
#[derive(Debug, Clone, Default)]
pub(super) struct Overrides {
    pub base_url: Option<String>,
    pub output_dir: Option<PathBuf>,
}

impl Overrides {
    pub(super) fn apply(&self, config: Config) -> Result<Config, ConfigError> {
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
pub(super) struct LiveConfig {
    current: Config,
    overrides: Overrides,
    /// The folders the watcher was started on.
    watched: SiteLayout,
    broken: bool,
}

impl LiveConfig {
    pub(super) fn new(current: Config, overrides: Overrides, watched: &SiteLayout) -> LiveConfig {
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
pub(super) struct Session<C> {
    live: LiveConfig,
    args: BuildArgs,
    quiet: bool,
    clock: C,
    writes: SelfWrites,
    /// What the last build left for the next one (inputs, parsed briefings, corpus).
    memory: Memory,
    /// Whether `pipeline::warm_up` has been started.
    warmed: bool,
}

impl<C: FnMut() -> Date> Session<C> {
    pub(super) fn new(
        live: LiveConfig,
        args: &BuildArgs,
        quiet: bool,
        clock: C,
        writes: &SelfWrites,
    ) -> Self {
        Session {
            live,
            args: args.clone(),
            quiet,
            clock,
            writes: writes.clone(),
            memory: Memory::default(),
            warmed: false,
        }
    }

    /// Reloads the configuration if needed, builds with today's date and tells the
    /// watcher which briefing files the build wrote. Errors are printed already.
    pub(super) fn rebuild(&mut self, changes: &ChangeSet) -> Result<BuildReport, String> {
        let reloaded = changes.full || changes.kinds.contains(&ChangeKind::Config);
        let config = self.live.refresh(changes)?;
        let options = BuildOptions {
            drafts: self.args.drafts,
            keep_going: self.args.keep_going,
            ..BuildOptions::new((self.clock)())
        };
        if reloaded {
            self.memory = std::mem::take(&mut self.memory).renew();
        }
        let theme = [ChangeKind::Templates, ChangeKind::Theme, ChangeKind::Static];
        let changed = Changes {
            everything: reloaded,
            paths: changes.paths.iter().cloned().collect(),
            theme: theme.iter().any(|k| changes.kinds.contains(k)),
        };
        let report = build_once(config, &options, self.quiet, &mut self.memory, &changed)?;
        let first = !self.warmed;
        if !self.warmed {
            // after the first build, so as not to slow it: the first edit then finds
            // the analysis loaded. On the build's own worker threads, whose pattern
            // caches and allocator arenas exist already (a thread of its own added
            // 12 MB to a 10,000-article `serve`); the next build waits for it at most.
            self.warmed = true;
            let (config, today) = (config.clone(), options.today);
            rayon::spawn(move || {
                crate::pipeline::warm_up(&config, today);
            });
        }
        // The folders it wrote into are listed for the watcher (their own events are
        // no change either, or every first build would cause a second) when the build
        // may have added a name to them: on the first build, or when it wrote a briefing
        // it had not written before. Rewriting a known briefing leaves the listing, and
        // its record, as they were: listing 10,000 briefings is not on every edit's path.
        let mut new_names = first;
        let mut dirs = std::collections::BTreeSet::new();
        for path in &report.briefings_written {
            let full = config.root.join(path);
            new_names |= !self.writes.has_record(&full);
            if let Ok(bytes) = std::fs::read(&full) {
                self.writes.record(&full, &bytes);
            }
            let within = |d: &&std::path::Path| d.starts_with(&config.briefings_dir);
            dirs.extend(
                full.ancestors()
                    .skip(1)
                    .take_while(within)
                    .map(|d| d.to_path_buf()),
            );
        }
        if new_names {
            for dir in &dirs {
                self.writes.record_dir(dir);
            }
        }
        Ok(report)
    }
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
