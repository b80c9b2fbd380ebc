//! Watching a site's sources and rebuilding on change.
//!
//! A [`WatchOptions`] (the site layout, a debounce delay) goes in; the caller's
//! `on_change` closure is called with a [`ChangeSet`] each time sources changed, until
//! Ctrl-C. Events come from `notify` through `notify-debouncer-full` (which stitches
//! rename pairs and drops the temporaries of atomic saves); [`classify`] and [`plan`]
//! turn them into changes by path, a pure and replay-tested step.
//!
//! Builds never overlap and never pile up: the loop runs `on_change` on its own thread
//! and, meanwhile, events queue in a channel; when the build returns, everything queued
//! is merged into one change set, so changes that arrive during a build cause exactly
//! one more build. After the first event of a batch the loop waits for a short quiet
//! spell, so a burst (a `git checkout` of 500 files) is one build, not one per
//! debounce tick. Files the build wrote itself are reported through [`SelfWrites`]
//! and ignored while their content is unchanged. A changed file that is empty holds
//! the build back until it fills or [`TRUNCATED_SETTLE`] passes: editors that save by
//! truncating and then writing would otherwise get a build from an empty article.

mod backend;
mod classify;
#[cfg(test)]
mod tests;

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use thiserror::Error;

use crate::config::Config;

pub use classify::{ChangeKind, ChangeSet, SelfWrites, SiteLayout, classify, is_temp_name, plan};

use backend::{Backend, Msg};

/// Default quiet time before a change is reported. An editor's save (write a temporary
/// file, rename it over the old one) is over in a few milliseconds, and a longer burst
/// (a checkout, a copy of many files) is held back up to [`MAX_SETTLE`]; so the quiet
/// time only needs to cover the gaps inside one save, and every millisecond of it is
/// added to what a reader waits for after saving (watchexec waits 50 ms).
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(100);

/// Longest a burst of events may delay a build.
const MAX_SETTLE: Duration = Duration::from_secs(2);

/// What to watch and how.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    pub layout: SiteLayout,
    /// How long a path must be quiet before its change is reported.
    pub debounce: Duration,
    /// Poll every this often instead of using OS notifications (network drives,
    /// containers, WSL). The watcher also switches to polling by itself when the OS
    /// watcher fails.
    pub poll: Option<Duration>,
    /// Files the build wrote itself; share a clone with the build closure.
    pub self_writes: SelfWrites,
}

impl WatchOptions {
    pub fn for_site(config: &Config) -> WatchOptions {
        WatchOptions {
            layout: SiteLayout::for_site(config),
            debounce: DEFAULT_DEBOUNCE,
            poll: None,
            self_writes: SelfWrites::default(),
        }
    }
}

/// Why watching could not start.
#[derive(Debug, Error)]
pub enum WatchError {
    /// Neither the OS watcher nor the polling fallback could start.
    #[error(
        "cannot watch {}: {message}\n  help: briefing falls back to checking for changes every second (polling) when the system's file watcher fails, and that could not start either: check that the folder exists and is readable",
        .path.display()
    )]
    Start {
        path: std::path::PathBuf,
        message: String,
    },
}

/// Ends a running [`SiteWatcher::run`] (after the build in progress, if any).
#[derive(Debug, Clone)]
pub struct Stopper(Sender<Msg>);

impl Stopper {
    pub fn stop(&self) {
        let _ = self.0.send(Msg::Stop);
    }
}

/// A started watcher; [`SiteWatcher::run`] is the loop.
pub struct SiteWatcher {
    options: WatchOptions,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    backend: Backend,
}

impl SiteWatcher {
    /// Starts watching. Falls back to polling (with a notice on stderr) when the OS
    /// watcher cannot start.
    pub fn start(options: WatchOptions) -> Result<SiteWatcher, WatchError> {
        let (tx, rx) = mpsc::channel();
        let start = Backend::start(&options.layout, options.debounce, options.poll, &tx);
        let (backend, notice) = start.map_err(|e| WatchError::Start {
            path: options.layout.root.clone(),
            message: e.to_string(),
        })?;
        if let Some(notice) = notice {
            eprintln!("{notice}");
        }
        Ok(SiteWatcher {
            options,
            tx,
            rx,
            backend,
        })
    }

    pub fn stopper(&self) -> Stopper {
        Stopper(self.tx.clone())
    }

    /// Calls `on_change` for every batch of relevant changes until stopped.
    pub fn run(self, mut on_change: impl FnMut(&ChangeSet)) -> Result<(), WatchError> {
        let SiteWatcher {
            options,
            tx,
            rx,
            mut backend,
        } = self;
        let settle = (options.debounce / 2).max(Duration::from_millis(20));
        let plan_batch = |events: Vec<notify::Event>, errors: Vec<notify::Error>| {
            let mut set = plan(&options.layout, &events, &options.self_writes);
            let synced = backend.sync(&options.layout);
            let limit = errors
                .iter()
                .find(|e| backend::is_limit_error(e))
                .or(synced.as_ref().err());
            if let Some(error) = limit.filter(|_| backend.is_native()) {
                eprintln!("{}", backend::fallback_notice(error));
                let interval = options.poll.unwrap_or(Duration::from_secs(1));
                match Backend::poll(&options.layout, options.debounce, interval, &tx) {
                    Ok(poll) => backend = poll,
                    Err(e) => eprintln!("warning: polling could not start either: {e}"),
                }
                set.merge(ChangeSet::everything());
            } else if let Some(error) = errors.first() {
                eprintln!("warning: file watcher: {error}");
            }
            set
        };
        drive(&rx, settle, plan_batch, &mut on_change);
        Ok(())
    }
}

/// Builds once (everything), then watches and calls `on_change` on every change until
/// Ctrl-C. Blocking.
pub fn watch(
    options: WatchOptions,
    mut on_change: impl FnMut(&ChangeSet),
) -> Result<(), WatchError> {
    let watcher = SiteWatcher::start(options)?;
    stop_on_ctrl_c(watcher.stopper(), || {});
    on_change(&ChangeSet::everything());
    watcher.run(on_change)
}

/// On the first Ctrl-C, calls `then` and stops the watcher (the build in progress
/// finishes); a second Ctrl-C exits at once (a half-built staging directory is removed
/// by the next build). Returns once the handler is in place.
pub fn stop_on_ctrl_c(stopper: Stopper, then: impl FnOnce() + Send + 'static) {
    let (ready, installed) = mpsc::channel();
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            let _ = ready.send(());
            return;
        };
        runtime.block_on(async move {
            let Some(mut interrupts) = Interrupts::install() else {
                let _ = ready.send(());
                return;
            };
            let _ = ready.send(());
            if interrupts.next().await {
                eprintln!("stopping (press Ctrl-C again to quit at once)");
                then();
                stopper.stop();
            }
            if interrupts.next().await {
                std::process::exit(130);
            }
        });
    });
    let _ = installed.recv_timeout(Duration::from_secs(5));
}

/// Ctrl-C notifications, registered as soon as this is created.
#[cfg(unix)]
struct Interrupts(tokio::signal::unix::Signal);

#[cfg(unix)]
impl Interrupts {
    fn install() -> Option<Interrupts> {
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
            .ok()
            .map(Interrupts)
    }

    async fn next(&mut self) -> bool {
        self.0.recv().await.is_some()
    }
}

#[cfg(not(unix))]
struct Interrupts(tokio::signal::windows::CtrlC);

#[cfg(not(unix))]
impl Interrupts {
    fn install() -> Option<Interrupts> {
        tokio::signal::windows::ctrl_c().ok().map(Interrupts)
    }

    async fn next(&mut self) -> bool {
        self.0.recv().await.is_some()
    }
}

/// The loop: wait for a batch, plan it, build; whatever arrives during the build is
/// the next batch. Returns on [`Msg::Stop`] or when every sender is gone.
fn drive(
    rx: &Receiver<Msg>,
    settle: Duration,
    mut plan_batch: impl FnMut(Vec<notify::Event>, Vec<notify::Error>) -> ChangeSet,
    on_change: &mut impl FnMut(&ChangeSet),
) {
    while let Some(batch) = next_batch(rx, settle) {
        let Some(mut set) = plan_messages(batch, &mut plan_batch) else {
            return;
        };
        // An editor that truncates a file, then writes it a moment later, must not get
        // a build from the empty file: wait for it to fill (or for TRUNCATED_SETTLE).
        let waiting = Instant::now();
        while has_empty_file(&set) && waiting.elapsed() < TRUNCATED_SETTLE {
            match rx.recv_timeout(Duration::from_millis(25)) {
                Ok(msg) => match plan_messages(vec![msg], &mut plan_batch) {
                    Some(more) => set.merge(more),
                    None => return,
                },
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        if !set.is_empty() {
            on_change(&set);
        }
    }
}

/// How long a changed file that is empty may stay empty before a build uses it: an
/// editor that truncates first writes the new content within a few hundred
/// milliseconds, while an article emptied on purpose stays empty.
pub const TRUNCATED_SETTLE: Duration = Duration::from_millis(1_500);

/// The change set of a batch of messages, `None` if it asks to stop.
fn plan_messages(
    batch: Vec<Msg>,
    plan_batch: &mut impl FnMut(Vec<notify::Event>, Vec<notify::Error>) -> ChangeSet,
) -> Option<ChangeSet> {
    let (mut events, mut errors) = (Vec::new(), Vec::new());
    for msg in batch {
        match msg {
            Msg::Stop => return None,
            Msg::Events(e) => events.extend(e),
            Msg::Errors(e) => errors.extend(e),
        }
    }
    Some(plan_batch(events, errors))
}

/// Whether a changed path is an empty file (perhaps truncated by an editor that has not
/// written it yet).
fn has_empty_file(set: &ChangeSet) -> bool {
    set.paths
        .iter()
        .any(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() == 0))
}

/// Blocks for one message, then collects more until `settle` passes without any
/// (or [`MAX_SETTLE`] in total). `None` when the channel is closed.
fn next_batch(rx: &Receiver<Msg>, settle: Duration) -> Option<Vec<Msg>> {
    let first = rx.recv().ok()?;
    let started = Instant::now();
    let mut batch = vec![first];
    loop {
        if matches!(batch.last(), Some(Msg::Stop)) || started.elapsed() > MAX_SETTLE {
            return Some(batch);
        }
        match rx.recv_timeout(settle) {
            Ok(msg) => batch.push(msg),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return Some(batch),
        }
    }
}
