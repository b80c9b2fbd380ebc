//! The local preview server with live reload.
//!
//! [`Server::bind`] takes [`ServeOptions`] and binds the port first, so the caller
//! knows the real address (`--port 0` picks a free one) and can build the site with
//! `base_url` set to [`Server::url`]. [`Server::run`] then builds once, serves the
//! output directory over HTTP (axum + tower-http `ServeDir`), watches the sources (the
//! [`crate::watch`] loop) and calls the caller's `rebuild` closure on every change,
//! then moves the build token, which makes open pages reload (see [`reload`]: pages
//! listen for it on a server-sent event stream).
//!
//! The rebuild writes into a tool-owned directory (`<root>/.briefing/serve/`) through
//! the output stage's publisher, which writes only the files that changed and commits
//! them after the whole rebuild succeeded, so a failed rebuild leaves the last good site
//! in place.
//! The server keeps serving it, with an HTML-escaped error banner injected into every
//! HTML response (never into the files), and reloads the browsers; the next good build
//! reloads them again without the banner. A good build's warnings show as a quieter,
//! dismissable notice in the same way. Ctrl-C stops serving and deletes nothing.
//!
//! Threads: the calling thread runs the watch loop and the rebuilds (so `rebuild`
//! needs neither `Send` nor `'static`); a tokio runtime on a second thread serves HTTP.

mod banner;
mod http;
pub mod reload;

use std::fmt::Display;
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use thiserror::Error;

use crate::config::Config;
use crate::watch::{ChangeSet, SiteWatcher, Stopper, WatchError, WatchOptions};

pub use banner::{BANNER_ID, NOTICE_ID, banner_html, escape, notice_html};
pub use http::{AllowedHosts, path_is_servable};
pub use reload::{RELOAD_CHECK_PATH, RELOAD_EVENTS_PATH};

/// The default port (Zola's, so that bookmarks carry over).
pub const DEFAULT_PORT: u16 = 1111;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: IpAddr,
    /// `0` picks a free port.
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// The directory to serve; the `rebuild` closure writes the site there.
    pub dir: PathBuf,
    /// Host names accepted besides `localhost`, loopback addresses and the bound address.
    pub allowed_hosts: Vec<String>,
}

impl ServeOptions {
    /// Loopback, port 1111, serving `<root>/.briefing/serve/`.
    pub fn for_site(config: &Config) -> ServeOptions {
        ServeOptions {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
            open: false,
            dir: config.state_dir().join("serve"),
            allowed_hosts: Vec::new(),
        }
    }
}

/// Why the server could not run.
#[derive(Debug, Error)]
pub enum ServeError {
    #[error(
        "cannot listen on {addr}: the port is already in use\n  help: stop the other server, or pass `--port 0` to pick a free port (or `--port N` for another one)"
    )]
    PortInUse { addr: SocketAddr },
    #[error("cannot listen on {addr}: {source}\n  help: {help}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
        help: &'static str,
    },
    #[error("the HTTP server failed: {0}")]
    Http(String),
    #[error(transparent)]
    Watch(#[from] WatchError),
}

/// Stops a running [`Server::run`] from another thread (tests, or an embedding tool).
#[derive(Debug, Clone, Default)]
pub struct Shutdown {
    stopper: Arc<Mutex<(bool, Option<Stopper>)>>,
}

impl Shutdown {
    pub fn trigger(&self) {
        if let Ok(mut s) = self.stopper.lock() {
            s.0 = true;
            if let Some(stopper) = &s.1 {
                stopper.stop();
            }
        }
    }

    fn attach(&self, stopper: Stopper) {
        if let Ok(mut s) = self.stopper.lock() {
            if s.0 {
                stopper.stop();
            }
            s.1 = Some(stopper);
        }
    }
}

/// A bound, not yet running, preview server.
pub struct Server {
    listener: TcpListener,
    addr: SocketAddr,
    options: ServeOptions,
    shutdown: Shutdown,
}

impl Server {
    /// Binds the port. Warns on stderr when the address is reachable from other computers.
    pub fn bind(options: ServeOptions) -> Result<Server, ServeError> {
        let addr = SocketAddr::new(options.bind, options.port);
        let listener = TcpListener::bind(addr).map_err(|source| bind_error(addr, source))?;
        let addr = listener
            .local_addr()
            .map_err(|source| bind_error(addr, source))?;
        if !options.bind.is_loopback() {
            eprintln!(
                "warning: listening on {}, which other computers on your network can reach: they can read \
                 every page of this preview, drafts included\n  help: leave out `--bind` to serve on 127.0.0.1 only",
                options.bind
            );
        }
        Ok(Server {
            listener,
            addr,
            options,
            shutdown: Shutdown::default(),
        })
    }

    /// The bound address.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The address to open in a browser and to use as `base_url`: `http://127.0.0.1:1111/`
    /// (a loopback address when bound to all interfaces).
    pub fn url(&self) -> String {
        let ip = match self.addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            ip => ip,
        };
        format!("http://{}/", SocketAddr::new(ip, self.addr.port()))
    }

    /// A handle that stops [`Server::run`].
    pub fn shutdown_handle(&self) -> Shutdown {
        self.shutdown.clone()
    }

    /// Builds, serves, watches and rebuilds until Ctrl-C (or [`Shutdown::trigger`]).
    /// Prints `Serving at <url>` on stdout once the first build is done. `rebuild` is
    /// expected to print its own errors and warnings; an error's `Display` text becomes
    /// the banner, and the warnings it returns (those worth a notice) the notice.
    pub fn run<E: Display>(
        self,
        watch: WatchOptions,
        mut rebuild: impl FnMut(&ChangeSet) -> Result<Vec<String>, E>,
    ) -> Result<(), ServeError> {
        let url = self.url();
        let names = self
            .options
            .allowed_hosts
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        let allowed = AllowedHosts {
            bound: self.addr.ip(),
            names,
        };
        let shared = Arc::new(http::Shared::new(self.options.dir.clone(), allowed));
        let watcher = SiteWatcher::start(watch)?;
        self.shutdown.attach(watcher.stopper());
        let shutdown = self.shutdown.clone();
        crate::watch::stop_on_ctrl_c(watcher.stopper(), move || shutdown.trigger());
        let mut build = |changes: &ChangeSet| {
            match rebuild(changes) {
                Ok(warnings) => {
                    shared.set_error(None);
                    shared.set_warnings(&warnings);
                }
                Err(e) => {
                    // The caller reports the error itself; we only say what the browser shows.
                    eprintln!(
                        "note: still serving the last good build, with the error shown on every page"
                    );
                    shared.set_error(Some(&e.to_string()));
                }
            }
            shared.build.advance();
        };
        build(&ChangeSet::everything());
        let http = Http::start(self.listener, http::app(shared.clone()));
        announce(&url, self.options.open);
        let watched = watcher.run(|changes| {
            eprintln!("{}", describe(changes));
            build(changes);
        });
        shared.build.close();
        let served = http.stop();
        watched?;
        served
    }
}

/// The HTTP server on its own thread and tokio runtime.
struct Http {
    thread: std::thread::JoinHandle<std::io::Result<()>>,
    stop: tokio::sync::watch::Sender<bool>,
}

impl Http {
    fn start(listener: TcpListener, app: axum::Router) -> Http {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let thread = std::thread::spawn(move || {
            // One thread: a local preview serves one reader, and every thread more holds
            // its own allocator arena beside a 10,000-article site's build.
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(http::run(listener, app, stopped))
        });
        Http { thread, stop }
    }

    fn stop(self) -> Result<(), ServeError> {
        let _ = self.stop.send(true);
        let served = self
            .thread
            .join()
            .map_err(|_| ServeError::Http("the server thread panicked".into()))?;
        served.map_err(|e| ServeError::Http(e.to_string()))
    }
}

/// Prints the URL (on stdout, for people and scripts) and opens a browser if asked.
fn announce(url: &str, open: bool) {
    println!("Serving at {url}");
    let _ = std::io::stdout().flush();
    eprintln!("Watching for changes; press Ctrl-C to stop.");
    if open && let Err(e) = open::that_detached(url) {
        eprintln!("warning: could not open a browser ({e}); open {url} yourself");
    }
}

fn bind_error(addr: SocketAddr, source: std::io::Error) -> ServeError {
    use std::io::ErrorKind;
    let help = match source.kind() {
        ErrorKind::AddrInUse => return ServeError::PortInUse { addr },
        ErrorKind::PermissionDenied => {
            "ports below 1024 need special rights: use `--port 1111` or another port above 1023"
        }
        ErrorKind::AddrNotAvailable => {
            "this computer has no such address: leave out `--bind`, or pick one of its addresses"
        }
        _ => "check `--bind` and `--port`",
    };
    ServeError::Bind { addr, source, help }
}

/// One line about what changed, for the terminal.
fn describe(changes: &ChangeSet) -> String {
    let kinds: Vec<String> = changes
        .kinds
        .iter()
        .map(|k| format!("{k:?}").to_lowercase())
        .collect();
    match changes.paths.len() {
        _ if changes.full => "change detected: rebuilding everything".to_string(),
        1 => format!(
            "changed: {} ({}), rebuilding",
            changes
                .paths
                .iter()
                .next()
                .map_or(String::new(), |p| p.display().to_string()),
            kinds.join(", ")
        ),
        n => format!("{n} files changed ({}), rebuilding", kinds.join(", ")),
    }
}

#[cfg(test)]
mod tests;
