//! The demo site in a real browser: Debian's Chromium, driven through chromedriver
//! (WebDriver) with `fantoccini`, against `briefing serve` on a copy of the demo site.
//!
//! What it checks is what a reader meets: every page type loads without a console
//! error, search finds a match, and a saved edit reloads the open page.
//!
//! The test needs `chromium` and `chromedriver` (Debian's packages `chromium` and
//! `chromium-driver`), so it is `#[ignore]`d and named `needs_browser`: `.ci/run`
//! installs them when it can and runs it with `cargo test -- --ignored needs_browser`.
//! Run by hand without them, it fails and says what to install; it never passes
//! silently. `BRIEFING_CHROMIUM` and `BRIEFING_CHROMEDRIVER` override the paths.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use crate::harness::Site;
use crate::serve::Served;

/// The flags Chromium needs on a machine with no network but the package registries:
/// without the background-networking ones it keeps trying to reach Google's hosts.
const CHROMIUM_FLAGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
];

const BRIEFING: &str = "briefings/2026-03-05-meranthe-walkout/";
const ACTOR: &str = "actors/ana-varela/";

/// A program from `PATH` (or the variable `env`), or a failure that says what to install.
fn program(env: &str, name: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(env) {
        return PathBuf::from(path);
    }
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "`{name}` is not installed: this test needs Debian's `chromium` and `chromium-driver` \
                 (`apt-get install chromium chromium-driver`; `.ci/run` does it when it can), or set {env}"
            )
        })
}

/// A running chromedriver on a free loopback port, killed on drop.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(program("BRIEFING_CHROMEDRIVER", "chromedriver"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `POST /session/{id}/se/log`: chromedriver's browser log (console messages and
/// uncaught errors) since the last call.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

/// Connects to chromedriver (retrying while it starts) with a fresh profile.
async fn connect(driver: &Driver, profile: &std::path::Path) -> Client {
    let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({"binary": program("BRIEFING_CHROMIUM", "chromium"), "args": args}),
    );
    caps.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&driver.url)
            .await
        {
            Ok(client) => return client,
            Err(e) if Instant::now() > deadline => panic!("cannot start Chromium: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// The console errors logged since the last call.
async fn console_errors(client: &Client) -> Vec<String> {
    let log = client.issue_cmd(BrowserLog).await.expect("read the log");
    log.as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["level"] == "SEVERE")
        .map(|e| e["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Runs `script` (a function body returning a value) until it returns `true`, or fails
/// after `secs` seconds naming `what`. Errors while a page navigates count as "not yet".
async fn wait_until(client: &Client, what: &str, secs: u64, script: &str) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if let Ok(Value::Bool(true)) = client.execute(script, Vec::new()).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let state = client
        .execute(
            "return [location.href, document.readyState, document.body.innerText.slice(0, 2000)]",
            Vec::new(),
        )
        .await;
    panic!("timed out after {secs} s waiting for {what}; the page: {state:?}");
}

/// Opens `path` and checks it loaded (a `main` landmark) with no console error.
async fn open(client: &Client, base: &str, path: &str) {
    client
        .goto(&format!("{base}{path}"))
        .await
        .unwrap_or_else(|e| panic!("open {path}: {e}"));
    client
        .find(Locator::Css("main#main"))
        .await
        .unwrap_or_else(|e| panic!("{path} has no main landmark: {e}"));
    let errors = console_errors(client).await;
    assert!(errors.is_empty(), "console errors on {path}: {errors:#?}");
}

async fn search_finds_a_match(client: &Client, base: &str) {
    open(client, base, "").await;
    let input = client
        .find(Locator::Css("form[role=search] input[name=q]"))
        .await
        .expect("a search box in the header");
    input.send_keys("Varela\n").await.expect("type a query");
    wait_until(
        client,
        "search results",
        20,
        "return document.querySelectorAll('#search-results li').length > 0",
    )
    .await;
    let errors = console_errors(client).await;
    assert!(errors.is_empty(), "console errors on search: {errors:#?}");
}

/// Edits the open briefing's file and waits for the page to reload with the edit.
async fn a_saved_edit_reloads_the_page(client: &Client, site: &Site, base: &str) {
    open(client, base, BRIEFING).await;
    client
        .execute("window.beforeEdit = true; return true", Vec::new())
        .await
        .expect("mark the page");
    let file = "content/briefings/2026-03-05-meranthe-walkout.md";
    let text = site.read(file);
    site.write(
        file,
        &format!("{text}\nA note added by the browser test.\n"),
    );
    wait_until(
        client,
        "the page to reload with the edit",
        60,
        "return window.beforeEdit === undefined && document.readyState === 'complete' \
         && document.body.innerText.includes(\"A note added by the browser test.\")",
    )
    .await;
}

#[test]
#[ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver; .ci/run installs them)"]
fn needs_browser_demo_site_reads_well_in_chromium() {
    program("BRIEFING_CHROMIUM", "chromium");
    let profile = tempfile::tempdir().expect("a browser profile folder");
    let site = Site::demo();
    let served = Served::start(&site, &[]);
    let base = format!("http://{}/", served.addr);
    let driver = Driver::start();
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    runtime.block_on(async {
        let client = connect(&driver, profile.path()).await;
        let result = async {
            for path in ["", BRIEFING, ACTOR, "timeline/", "actors/", "tags/"] {
                open(&client, &base, path).await;
            }
            search_finds_a_match(&client, &base).await;
            a_saved_edit_reloads_the_page(&client, &site, &base).await;
        };
        // Close the session even when a check fails, so no browser is left behind.
        let outcome =
            futures_util::FutureExt::catch_unwind(std::panic::AssertUnwindSafe(result)).await;
        let _ = client.close().await;
        if let Err(panic) = outcome {
            std::panic::resume_unwind(panic);
        }
    });
}
