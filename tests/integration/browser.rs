//! The demo site in a real browser: Debian's Chromium, driven through chromedriver
//! (WebDriver) with `fantoccini`, against `briefing serve` on a copy of the demo site.
//!
//! What it checks is what a reader meets: every page type loads without a console
//! error, the pictures render with their text alternatives and the keyboard reaches
//! them (and the search box, the menu and the pagination), search highlights a match
//! and keeps the query in the one search box, and a saved edit reloads the open page.
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

/// Checks that the page draws the picture `selector`: it has a size, a title and a
/// description (its text alternative, referenced by `aria-labelledby` and
/// `aria-describedby`), and marks that are links with names.
async fn picture_renders(client: &Client, path: &str, selector: &str) {
    let script = format!(
        r#"const svg = document.querySelector({selector:?});
        if (!svg) return "no picture";
        const box = svg.getBoundingClientRect();
        const text = (attr) => (svg.getAttribute(attr) || "").split(" ")
            .map((id) => (document.getElementById(id) || {{}}).textContent || "").join(" ").trim();
        const links = [...svg.querySelectorAll("a")];
        return {{width: box.width, height: box.height, title: text("aria-labelledby"),
            desc: text("aria-describedby"), links: links.length,
            named: links.filter((a) => (a.getAttribute("aria-label")
                || (a.querySelector("title") || {{}}).textContent || "").length > 3).length}};"#
    );
    let got = client
        .execute(&script, Vec::new())
        .await
        .expect("inspect the picture");
    let number = |k: &str| got[k].as_f64().unwrap_or(0.0);
    assert!(
        number("width") > 200.0 && number("height") > 20.0,
        "{path} {selector}: {got}"
    );
    assert!(
        got["title"].as_str().is_some_and(|t| t.len() > 5),
        "{path} {selector}: {got}"
    );
    assert!(
        got["desc"].as_str().is_some_and(|t| t.len() > 10),
        "{path} {selector}: {got}"
    );
    assert!(
        number("links") >= 1.0 && number("links") == number("named"),
        "{path} {selector}: {got}"
    );
}

/// Presses Tab until the focus is on an element matching `selector` (or fails after
/// `max` presses): the keyboard path to it, from the top of the page.
async fn tab_reaches(client: &Client, path: &str, selector: &str, max: usize) {
    client
        .execute(
            "document.activeElement.blur(); window.scrollTo(0, 0); return true",
            Vec::new(),
        )
        .await
        .expect("reset the focus");
    let body = client.find(Locator::Css("body")).await.expect("a body");
    for _ in 0..max {
        body.send_keys("\u{E004}").await.expect("press Tab");
        let here = client
            .execute(
                &format!("return document.activeElement.matches({selector:?})"),
                Vec::new(),
            )
            .await;
        if let Ok(Value::Bool(true)) = here {
            return;
        }
    }
    panic!("{path}: {max} presses of Tab never reach {selector}");
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
    let got = client
        .execute(
            r##"return {boxes: document.querySelectorAll("input[type=search]").length,
                query: document.querySelector("input[type=search]").value,
                marks: [...document.querySelectorAll("#search-results mark")].map((m) => m.textContent)}"##,
            Vec::new(),
        )
        .await
        .expect("inspect the results");
    assert_eq!(got["boxes"], 1, "one search box on the results page: {got}");
    assert_eq!(got["query"], "Varela", "the box keeps the query: {got}");
    let marks = got["marks"].as_array().cloned().unwrap_or_default();
    assert!(
        !marks.is_empty()
            && marks
                .iter()
                .all(|m| m.as_str().is_some_and(|t| t.eq_ignore_ascii_case("varela"))),
        "matches are highlighted: {got}"
    );
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
            open(&client, &base, BRIEFING).await;
            picture_renders(&client, BRIEFING, "svg.pic-strip").await;
            tab_reaches(&client, BRIEFING, "svg.pic-strip a", 80).await;
            open(&client, &base, ACTOR).await;
            picture_renders(&client, ACTOR, "svg.pic-strip").await;
            picture_renders(&client, ACTOR, "svg.pic-graph").await;
            tab_reaches(&client, ACTOR, "svg.pic-graph a", 80).await;
            open(&client, &base, "").await;
            tab_reaches(&client, "the index", "form[role=search] input", 10).await;
            tab_reaches(&client, "the index", "nav.site-nav a", 10).await;
            tab_reaches(&client, "the index", "nav.pagination a", 80).await;
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
