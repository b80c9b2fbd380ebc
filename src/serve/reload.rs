//! Live reload without a connection that stays open.
//!
//! Every rebuild (good or failed) moves the server to a new build token. Each HTML
//! page is served with a small script that carries the token it was served with and
//! asks [`RELOAD_CHECK_PATH`] for the current one once a second; when they differ, the
//! page reloads. A server restarted on the same port has a new token too, so open pages
//! reload once it is back.
//!
//! Why polling rather than an event stream (SSE) or a WebSocket held open: a request
//! that never ends keeps the page's network busy forever, and tools that wait for the
//! network to go idle never finish: headless Chromium's `--virtual-time-budget` (used
//! with `--dump-dom` or `--screenshot`) waited forever on every page, so the search page
//! looked stuck on "Loading the search index…", and Puppeteer or Playwright's
//! "network idle" waits time out the same way. A poll is a short request answered at
//! once; between polls the network is idle. The cost is up to a second of delay
//! after a rebuild and one tiny local request per open page per second.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The path the reload script polls; answers the current build token as plain text.
pub const RELOAD_CHECK_PATH: &str = "/_briefing/build";

/// How often an open page asks whether the site was rebuilt, in milliseconds.
pub const POLL_MS: u32 = 1000;

/// The current build token: this server's instance and a build counter.
#[derive(Debug)]
pub struct BuildToken {
    instance: String,
    builds: AtomicU64,
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
            builds: AtomicU64::new(0),
        }
    }

    /// The token pages served now carry.
    pub fn current(&self) -> String {
        format!("{}-{}", self.instance, self.builds.load(Ordering::SeqCst))
    }

    /// Moves to a new token: every open page reloads at its next poll.
    pub fn advance(&self) {
        self.builds.fetch_add(1, Ordering::SeqCst);
    }
}

/// The script injected into HTML pages, carrying `token`.
pub fn script(token: &str) -> String {
    format!(
        concat!(
            r#"<script data-briefing-build="{token}" data-check="{path}">(() => {{"#,
            "\n  // briefing serve: reload once the site is rebuilt (see `briefing::serve::reload`).\n",
            "  const {{ briefingBuild: built, check }} = document.currentScript.dataset;\n",
            "  const poll = () => fetch(check, {{ cache: \"no-store\" }})\n",
            "    .then((r) => (r.ok ? r.text() : built))\n",
            "    .then((now) => (now === built ? setTimeout(poll, {ms}) : location.reload()))\n",
            "    .catch(() => setTimeout(poll, {ms}));\n",
            "  setTimeout(poll, {ms});\n",
            "}})();</script>"
        ),
        token = super::banner::escape(token),
        path = RELOAD_CHECK_PATH,
        ms = POLL_MS,
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
    fn the_script_carries_the_token_and_the_check_path() {
        let html = script("abc-1");
        assert!(html.contains(r#"data-briefing-build="abc-1""#), "{html}");
        assert!(
            html.contains(&format!(r#"data-check="{RELOAD_CHECK_PATH}""#)),
            "{html}"
        );
        assert!(html.contains("setTimeout(poll, 1000)"), "{html}");
        assert!(
            !html.contains("EventSource") && !html.contains("WebSocket"),
            "{html}"
        );
        assert!(html.ends_with("</script>"));
    }
}
