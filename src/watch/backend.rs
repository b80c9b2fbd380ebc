//! The OS side of watching: which directories to watch, with which watcher.
//!
//! The layout goes in, a running debounced watcher that sends [`Msg`]s comes out. We
//! watch the site root non-recursively (for `briefing.toml` and new top-level folders)
//! and every top-level folder recursively except ignored ones (output, state, `target`,
//! VCS and hidden folders), plus source folders outside the root. Watching the root
//! recursively would put an inotify watch on every folder of `target/` and `.git/`.
//! [`Backend::sync`] adds folders created later. When the native watcher cannot start
//! or hits the OS limit, we say so (with the `fs.inotify.max_user_watches` hint) and
//! fall back to polling, which has no such limit.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{ErrorKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer_opt,
};

use super::SiteLayout;

/// What the watcher thread sends to the loop.
#[derive(Debug)]
pub enum Msg {
    Events(Vec<notify::Event>),
    Errors(Vec<notify::Error>),
    Stop,
}

/// A running debounced watcher of either kind.
pub enum Os {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, NoCache>),
}

/// A watcher and the folders it watches.
pub struct Backend {
    watcher: Os,
    watched: BTreeSet<(PathBuf, bool)>,
}

impl Backend {
    /// Starts the native watcher, or the poll watcher when `poll` is set or the native
    /// one fails. Returns the backend and, after a fallback, the notice to show.
    pub fn start(
        layout: &SiteLayout,
        debounce: Duration,
        poll: Option<Duration>,
        tx: &Sender<Msg>,
    ) -> Result<(Backend, Option<String>), notify::Error> {
        if let Some(interval) = poll {
            return Ok((Backend::poll(layout, debounce, interval, tx)?, None));
        }
        match Backend::native(layout, debounce, tx) {
            Ok(backend) => Ok((backend, None)),
            Err(e) => {
                let backend = Backend::poll(layout, debounce, FALLBACK_POLL, tx)?;
                Ok((backend, Some(fallback_notice(&e))))
            }
        }
    }

    fn native(
        layout: &SiteLayout,
        debounce: Duration,
        tx: &Sender<Msg>,
    ) -> Result<Backend, notify::Error> {
        let watcher = new_debouncer_opt(
            debounce,
            None,
            handler(tx),
            RecommendedCache::new(),
            notify::Config::default(),
        )?;
        let mut backend = Backend {
            watcher: Os::Native(watcher),
            watched: BTreeSet::new(),
        };
        backend.sync(layout)?;
        Ok(backend)
    }

    /// A poll watcher scanning every `interval`.
    pub fn poll(
        layout: &SiteLayout,
        debounce: Duration,
        interval: Duration,
        tx: &Sender<Msg>,
    ) -> Result<Backend, notify::Error> {
        let config = notify::Config::default().with_poll_interval(interval);
        let watcher = new_debouncer_opt(debounce, None, handler(tx), NoCache, config)?;
        let mut backend = Backend {
            watcher: Os::Poll(watcher),
            watched: BTreeSet::new(),
        };
        backend.sync(layout)?;
        Ok(backend)
    }

    pub fn is_native(&self) -> bool {
        matches!(self.watcher, Os::Native(_))
    }

    /// Watches folders that appeared since the last call and forgets vanished ones.
    /// Only the OS watch limit is an error; a folder that vanished meanwhile is skipped.
    pub fn sync(&mut self, layout: &SiteLayout) -> Result<(), notify::Error> {
        let wanted = watch_set(layout);
        self.watched.retain(|(p, _)| p.exists());
        for (path, recursive) in wanted {
            if self.watched.contains(&(path.clone(), recursive)) {
                continue;
            }
            let mode = if recursive {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            let result = match &mut self.watcher {
                Os::Native(w) => w.watch(&path, mode),
                Os::Poll(w) => w.watch(&path, mode),
            };
            match result {
                Ok(()) => {
                    self.watched.insert((path, recursive));
                }
                Err(e) if matches!(e.kind, ErrorKind::MaxFilesWatch) => return Err(e),
                Err(e) if matches!(&e.kind, ErrorKind::Io(io) if io.raw_os_error() == Some(24)) => {
                    return Err(e);
                }
                Err(_) => {}
            }
        }
        Ok(())
    }
}

/// Poll interval after a fallback (mdBook's default).
const FALLBACK_POLL: Duration = Duration::from_secs(1);

fn handler(tx: &Sender<Msg>) -> impl FnMut(DebounceEventResult) + Send + 'static {
    let tx = tx.clone();
    move |result| {
        let msg = match result {
            Ok(events) => Msg::Events(events.into_iter().map(|d| d.event).collect()),
            Err(errors) => Msg::Errors(errors),
        };
        let _ = tx.send(msg);
    }
}

/// What to tell the user when the native watcher fails.
pub fn fallback_notice(error: &notify::Error) -> String {
    let why = match &error.kind {
        ErrorKind::MaxFilesWatch => "the system limit on watched folders was reached".to_string(),
        ErrorKind::Io(e) if e.raw_os_error() == Some(24) => {
            "too many inotify instances or open files".to_string()
        }
        _ => format!("the file watcher failed: {error}"),
    };
    format!(
        "warning: {why}; checking for changes every second instead (polling)\n  \
         help: on Linux, raise the limits: `sudo sysctl fs.inotify.max_user_watches=524288 \
         fs.inotify.max_user_instances=1024`, or close other programs that watch files"
    )
}

/// Whether an error from a running native watcher means it stopped watching.
pub fn is_limit_error(error: &notify::Error) -> bool {
    matches!(&error.kind, ErrorKind::MaxFilesWatch)
        || matches!(&error.kind, ErrorKind::Io(e) if e.raw_os_error() == Some(24))
}

/// The folders to watch: `(path, recursive)`.
pub fn watch_set(layout: &SiteLayout) -> BTreeSet<(PathBuf, bool)> {
    let mut set = BTreeSet::new();
    if layout.root.is_dir() {
        set.insert((layout.root.clone(), false));
    }
    if let Ok(read) = std::fs::read_dir(&layout.root) {
        for entry in read.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if entry.file_type().is_ok_and(|t| t.is_dir()) && !hidden && !layout.is_ignored(&path) {
                set.insert((path, true));
            }
        }
    }
    for (dir, _) in layout.source_dirs() {
        if !dir.starts_with(&layout.root) && dir.is_dir() && !covered(&set, dir) {
            set.insert((dir.to_path_buf(), true));
        }
    }
    set
}

fn covered(set: &BTreeSet<(PathBuf, bool)>, dir: &Path) -> bool {
    set.iter()
        .any(|(p, recursive)| *recursive && dir.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn watch_set_skips_output_state_target_vcs_and_hidden_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        for dir in [
            "content/articles",
            "templates",
            "public",
            ".briefing/serve",
            "target/debug",
            ".git",
            ".vscode",
            "public.staging-7",
        ] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        let outside = tmp.path().join("shared-articles");
        std::fs::create_dir_all(&outside).unwrap();
        let config = Config::parse(
            &root,
            &root.join("briefing.toml"),
            "[build]\narticles = \"../shared-articles\"",
        )
        .unwrap();
        let set = watch_set(&SiteLayout::for_site(&config));
        let root = config.root.clone();
        let want: BTreeSet<_> = [
            (root.clone(), false),
            (root.join("content"), true),
            (root.join("templates"), true),
            (tmp.path().join("shared-articles"), true),
        ]
        .into_iter()
        .collect();
        assert_eq!(set, want);
    }

    #[test]
    fn fallback_notice_names_the_sysctl() {
        let cases = [
            notify::Error::new(ErrorKind::MaxFilesWatch),
            notify::Error::io(std::io::Error::from_raw_os_error(24)),
            notify::Error::generic("backend unavailable"),
        ];
        for error in cases {
            let notice = fallback_notice(&error);
            assert!(notice.contains("fs.inotify.max_user_watches"), "{notice}");
            assert!(notice.contains("polling"), "{notice}");
        }
        assert!(is_limit_error(&notify::Error::new(
            ErrorKind::MaxFilesWatch
        )));
        assert!(!is_limit_error(&notify::Error::path_not_found()));
    }
}
