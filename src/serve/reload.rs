//! Live reload over server-sent events, on the same port as the site.
//!
//! Every rebuild (good or failed) moves the server to a new build token. Each HTML
//! page is served with a small script that carries the token it was served with and
//! listens on [`RELOAD_EVENTS_PATH`], an event stream that sends the current token when
//! it connects and again after every rebuild; when the token differs from the page's,
//! the page reloads. A server restarted on the same port has a new token too, and the
//! browser's `EventSource` reconnects by itself, so open pages reload once it is back.
//! [`RELOAD_CHECK_PATH`] answers the current token as plain text, for scripts and tests.
//!
//! The stream stays open while a page is open. Tools that wait for the network to go
//! idle (headless browsers' virtual-time budgets, "network idle" waits) therefore never
//! see it idle on a page served by `briefing serve`; test built pages with a plain
//! static server instead.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use tokio::sync::watch;

/// The event stream pages listen on.
pub const RELOAD_EVENTS_PATH: &str = "/_briefing/events";

/// The current build token, as plain text.
pub const RELOAD_CHECK_PATH: &str = "/_briefing/build";

/// The current build token: this server's instance and a build counter, with a way
/// to wait for the next one.
#[derive(Debug)]
pub struct BuildToken {
    instance: String,
    builds: watch::Sender<u64>,
    closed: AtomicBool,
}

impl Default for BuildToken {
    fn default() -> Self {
        BuildToken::new()
    }
}

impl BuildToken {
    /// A token unique to this server process and start time.
    pub fn new() -> BuildToken {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        BuildToken {
            instance: format!("{:x}-{nanos:x}", std::process::id()),
            builds: watch::Sender::new(0),
            closed: AtomicBool::new(false),
        }
    }

    /// The token pages served now carry.
    pub fn current(&self) -> String {
        format!("{}-{}", self.instance, *self.builds.borrow())
    }

    /// Moves to a new token: every open page reloads.
    pub fn advance(&self) {
        self.builds.send_modify(|n| *n += 1);
    }

    /// A receiver that wakes on every new token (and when the server closes).
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.builds.subscribe()
    }

    /// Ends every event stream (the server is shutting down).
    pub fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        self.builds.send_modify(|_| {});
    }

    /// Whether [`BuildToken::close`] was called.
    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }
}

/// The script injected into HTML pages, carrying `token`.
pub fn script(token: &str) -> String {
    format!(
        concat!(
            r#"<script data-briefing-build="{token}" data-events="{path}">(() => {{"#,
            "\n  // briefing serve: reload once the site is rebuilt (see `briefing::serve::reload`).\n",
            "  const {{ briefingBuild: built, events }} = document.currentScript.dataset;\n",
            "  const source = new EventSource(events);\n",
            "  source.addEventListener(\"build\", (e) => {{\n",
            "    if (e.data !== built) {{ source.close(); location.reload(); }}\n",
            "  }});\n",
            "}})();</script>"
        ),
        token = super::banner::escape(token),
        path = RELOAD_EVENTS_PATH,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_changes_on_every_build_and_between_servers() {
        let first = BuildToken::new();
        let before = first.current();
        assert_eq!(first.current(), before, "stable between builds");
        first.advance();
        assert_ne!(first.current(), before);
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert_ne!(
            BuildToken::new().current(),
            before,
            "a restarted server differs"
        );
    }

    #[test]
    fn the_script_carries_the_token_and_the_event_stream() {
        let html = script("abc-1");
        assert!(html.contains(r#"data-briefing-build="abc-1""#), "{html}");
        assert!(
            html.contains(&format!(r#"data-events="{RELOAD_EVENTS_PATH}""#)),
            "{html}"
        );
        assert!(html.contains("new EventSource(events)"), "{html}");
        assert!(html.ends_with("</script>"));
    }
}
