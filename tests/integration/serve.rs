//! `briefing serve` as a user runs it: the binary on a temporary site, `--port 0`, the
//! URL read from stdout, then HTTP requests, the build token the live reload sends,
//! edits, a broken template, a broken `briefing.toml` and their fixes. Every wait has a
//! timeout; the child is killed on drop.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::harness::Site;

const CHECK: &str = "/_briefing/build";
const BANNER: &str = "briefing-build-error";
const PAGE: &str = "/briefings/harbour/";

/// A running `briefing serve` (also used by the browser tests).
pub struct Served {
    child: Child,
    pub addr: SocketAddr,
}

impl Served {
    pub fn start(site: &Site, extra: &[&str]) -> Served {
        let mut child = crate::harness::command_in(site.path())
            .args(["serve", "--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn briefing serve");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut served = Served {
            child,
            addr: "127.0.0.1:1".parse().unwrap(),
        };
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = rx.recv_timeout(left).expect("`Serving at <url>` on stdout");
            if let Some(url) = line.strip_prefix("Serving at ") {
                let host = url.trim_start_matches("http://").trim_end_matches('/');
                served.addr = host.parse().expect("the URL names an address");
                assert!(
                    served.addr.ip().is_loopback(),
                    "binds to loopback by default: {url}"
                );
                return served;
            }
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A GET through a real HTTP client that follows no redirects and treats no status as
/// an error: status, lower-cased headers, body. Paths go out as written, `..` included.
fn get(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> (u16, String, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let mut request = agent.get(format!("http://{addr}{path}"));
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let mut response = request.call().unwrap();
    let head: String = response
        .headers()
        .iter()
        .map(|(k, v)| format!("{k}: {}\n", v.to_str().unwrap_or("")))
        .collect();
    let body = response.body_mut().read_to_string().expect("read the body");
    (response.status().as_u16(), head.to_ascii_lowercase(), body)
}

/// The build token a page was served with (its reload script compares it with [`CHECK`]).
fn token_of(body: &str) -> String {
    let start = body
        .find("data-briefing-build=\"")
        .unwrap_or_else(|| panic!("no reload script: {body}"));
    let rest = &body[start + "data-briefing-build=\"".len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// Polls [`CHECK`] like an open page does until the token differs from `seen` (the page
/// would reload) or `timeout` passes; returns the new token.
fn wait_for_reload(addr: SocketAddr, seen: &str, timeout: Duration) -> Option<String> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        let (status, _, body) = get(addr, CHECK, &[]);
        if status == 200 && body != seen {
            return Some(body);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

fn article(title: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: 2026-03-02\n---\nHarbour workers in Lisk met the port authority on Monday. \
         The two sides agreed to meet again next week.\n"
    )
}

fn harbour_site() -> Site {
    let site = Site::new();
    site.write(
        "content/articles/harbour.md",
        &article("Harbour talks resume"),
    );
    site
}

#[test]
fn serve_answers_pages_and_refuses_what_it_must() {
    let site = harbour_site();
    let served = Served::start(&site, &[]);
    let (status, head, body) = get(served.addr, PAGE, &[]);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Harbour talks resume"), "{body}");
    assert!(
        body.contains("data-events=\"/_briefing/events\""),
        "live-reload script injected"
    );
    assert!(!head.contains("access-control-allow-origin"), "{head}");
    // The current build token, as the page's event stream would send it.
    let (status, _, token) = get(served.addr, CHECK, &[]);
    assert_eq!((status, token), (200, token_of(&body)));
    let (status, head, json) = get(served.addr, "/search/index.json", &[]);
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/json"), "{head}");
    assert!(json.starts_with('{') && json.trim_end().ends_with('}') && !json.contains("<script"));
    let (status, head, _) = get(served.addr, "/atom.xml", &[]);
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: application/atom+xml"),
        "{head}"
    );
    let (status, _, body) = get(served.addr, "/no/such/page/", &[]);
    assert_eq!(status, 404);
    assert!(
        body.contains("data-briefing-build"),
        "the 404 page reloads too"
    );
    for path in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/briefings/..%2f..%2f..%2fetc%2fpasswd",
        "/.briefing-output",
    ] {
        let (status, _, body) = get(served.addr, path, &[]);
        assert!(status == 404 || status == 400, "{path}: {status}");
        assert!(!body.contains("root:x:0"), "{path}");
    }
    assert_eq!(get(served.addr, PAGE, &[("Host", "evil.example")]).0, 403);
    assert_eq!(
        get(served.addr, PAGE, &[("Origin", "https://evil.example")]).0,
        403
    );
    assert!(
        !site.exists("public"),
        "serve builds into its own folder, not public/"
    );
}

#[test]
fn edits_reload_and_a_broken_template_shows_a_banner_over_the_last_good_site() {
    let site = harbour_site();
    let served = Served::start(&site, &[]);
    let token = token_of(&get(served.addr, PAGE, &[]).2);
    site.write(
        "content/articles/harbour.md",
        &article("Harbour talks collapse"),
    );
    let token = wait_for_reload(served.addr, &token, Duration::from_secs(30))
        .expect("reload after an edit");
    let (_, _, body) = get(served.addr, PAGE, &[]);
    assert!(
        body.contains("Harbour talks collapse") && !body.contains(BANNER),
        "{body}"
    );
    // The rebuild rewrote content/briefings/harbour.md: that must not trigger another
    // rebuild, or browsers would reload forever.
    assert_eq!(
        wait_for_reload(served.addr, &token, Duration::from_secs(2)),
        None,
        "a rebuild triggered itself"
    );

    site.write(
        "templates/briefing.html",
        "{% extends \"base.html\" %}{% block content %}{{ broken( }}{% endblock %}",
    );
    let token = wait_for_reload(served.addr, &token, Duration::from_secs(30))
        .expect("reload after a failed build");
    let (status, _, body) = get(served.addr, PAGE, &[]);
    assert_eq!(status, 200);
    assert!(
        body.contains("Harbour talks collapse"),
        "the last good page is still served"
    );
    assert!(
        body.contains(BANNER) && body.contains("briefing.html"),
        "the banner names the template: {body}"
    );

    std::fs::remove_file(site.path().join("templates/briefing.html")).unwrap();
    wait_for_reload(served.addr, &token, Duration::from_secs(30)).expect("reload after the fix");
    let (_, _, body) = get(served.addr, PAGE, &[]);
    assert!(
        body.contains("Harbour talks collapse") && !body.contains(BANNER),
        "{body}"
    );
}

#[test]
fn briefing_toml_edits_are_built_and_a_broken_one_shows_a_banner() {
    let site = harbour_site();
    site.write("briefing.toml", "title = \"Harbour Desk\"\n");
    let served = Served::start(&site, &[]);
    let (_, _, body) = get(served.addr, "/", &[]);
    assert!(body.contains("Harbour Desk"), "{body}");
    // The race this test once lost under load: the first build creates
    // `content/briefings/`, and that folder's event started a second build, whose
    // reload the test then took for the reload after its edit.
    assert_eq!(
        wait_for_reload(served.addr, &token_of(&body), Duration::from_secs(2)),
        None,
        "the first build causes no second one"
    );

    site.write("briefing.toml", "title = \"Port Desk\"\n");
    let token = wait_for_reload(served.addr, &token_of(&body), Duration::from_secs(30))
        .expect("reload after a config edit");
    let (_, _, body) = get(served.addr, "/", &[]);
    assert!(
        body.contains("Port Desk") && !body.contains("Harbour Desk"),
        "{body}"
    );
    assert!(
        body.contains(&format!("http://{}/", served.addr)),
        "serve's own address is kept as the base URL"
    );

    site.write("briefing.toml", "title = \"Port Desk\"\ntitel = \"typo\"\n");
    let token = wait_for_reload(served.addr, &token, Duration::from_secs(30))
        .expect("reload after a broken config");
    let (status, _, body) = get(served.addr, "/", &[]);
    assert_eq!(status, 200);
    assert!(body.contains("Port Desk"), "the last good site is served");
    assert!(
        body.contains(BANNER) && body.contains("briefing.toml") && body.contains("titel"),
        "the banner names the file and the key: {body}"
    );

    site.write("briefing.toml", "title = \"Quay Desk\"\n");
    wait_for_reload(served.addr, &token, Duration::from_secs(30)).expect("reload after the fix");
    let (_, _, body) = get(served.addr, "/", &[]);
    assert!(
        body.contains("Quay Desk") && !body.contains(BANNER),
        "{body}"
    );
}

#[test]
fn a_busy_port_is_reported_with_a_hint() {
    let site = harbour_site();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = site.run(&["serve", "--port", &port]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("already in use") && run.stderr.contains("--port"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_serving_and_deletes_nothing() {
    let site = harbour_site();
    let mut served = Served::start(&site, &[]);
    let pid = served.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let deadline = Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(status) = served.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    assert!(site.exists("content/articles/harbour.md"));
    assert!(
        site.exists(".briefing/serve/.briefing-output"),
        "the served build is kept"
    );
}
