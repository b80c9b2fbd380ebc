//! The server end to end, driven by a fake rebuild closure on a temporary site.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use super::*;
use crate::config::CONFIG_FILE;
use crate::output::{Durability, OutputOptions, publish};
use crate::site::Page;

/// A GET through a real HTTP client that follows no redirects and treats no status as
/// an error: status, lower-cased headers, body. Paths go out as written, `..` included.
fn get(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> (u16, String, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(5)))
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

/// The build token a page was served with, and the event stream its reload script listens on.
fn served_token(body: &str) -> (String, String) {
    let attr = |name: &str| {
        let start = body
            .find(&format!("{name}=\""))
            .unwrap_or_else(|| panic!("no {name}: {body}"));
        let rest = &body[start + name.len() + 2..];
        rest[..rest.find('"').unwrap()].to_string()
    };
    (attr("data-briefing-build"), attr("data-events"))
}

/// Waits until the server's build token differs from `seen` (what makes open pages
/// reload) or `timeout` passes; returns the new token.
fn wait_for_reload(addr: SocketAddr, seen: &str, timeout: Duration) -> Option<String> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        let (status, _, body) = get(addr, RELOAD_CHECK_PATH, &[]);
        if status == 200 && body != seen {
            return Some(body);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// The fake build: the page shows the article's text; a template containing `{{ oops`
/// fails with a located error whose text needs escaping.
fn fake_rebuild(root: &Path, dir: &Path) -> Result<(), String> {
    let article = std::fs::read_to_string(root.join("content/articles/story.md"))
        .map_err(|e| e.to_string())?;
    let template =
        std::fs::read_to_string(root.join("templates/page.html")).map_err(|e| e.to_string())?;
    if template.contains("{{ oops") {
        return Err("templates/page.html:1:4: unexpected end of tag `{{ oops` <here>".into());
    }
    let pages = [
        (
            "index.html",
            format!(
                "<!DOCTYPE html><html><body><h1>{}</h1></body></html>",
                article.trim()
            ),
        ),
        (
            "404.html",
            "<!DOCTYPE html><html><body><p>custom not found</p></body></html>".to_string(),
        ),
        (
            "briefings/a/index.html",
            "<html><body>a</body></html>".to_string(),
        ),
        ("style.css", "body{}".to_string()),
        (
            "search/index.json",
            r#"{"docs":[{"title":"</body>"}]}"#.to_string(),
        ),
    ];
    let pages: Vec<Page> = pages
        .into_iter()
        .map(|(p, t)| Page {
            path: p.into(),
            bytes: t.into_bytes(),
        })
        .collect();
    publish(
        dir,
        &root.join(".briefing"),
        &pages,
        &OutputOptions {
            durability: Durability::Nothing,
            ..Default::default()
        },
    )
    .map(|_| ())
    .map_err(|e| e.to_string())
}

/// The fake build's warnings: the article's lines that start with `WARN `.
fn fake_warnings(root: &Path) -> Vec<String> {
    let article =
        std::fs::read_to_string(root.join("content/articles/story.md")).unwrap_or_default();
    article
        .lines()
        .filter_map(|l| l.strip_prefix("WARN "))
        .map(str::to_string)
        .collect()
}

struct Running {
    addr: SocketAddr,
    root: std::path::PathBuf,
    dir: std::path::PathBuf,
    shutdown: Shutdown,
    thread: Option<std::thread::JoinHandle<Result<(), ServeError>>>,
    _tmp: tempfile::TempDir,
}

impl Running {
    fn start() -> Running {
        let tmp = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(tmp.path()).unwrap();
        for dir in ["content/articles", "templates"] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        std::fs::write(root.join(CONFIG_FILE), "").unwrap();
        std::fs::write(root.join("content/articles/story.md"), "Hello v1").unwrap();
        std::fs::write(root.join("templates/page.html"), "ok").unwrap();
        let config = Config::load(&root).unwrap();
        let mut options = ServeOptions::for_site(&config);
        options.port = 0;
        let mut watch = WatchOptions::for_site(&config);
        watch.debounce = Duration::from_millis(50);
        let server = Server::bind(options.clone()).unwrap();
        let (addr, shutdown) = (server.local_addr(), server.shutdown_handle());
        assert_eq!(server.url(), format!("http://{addr}/"));
        let (r, d) = (root.clone(), options.dir.clone());
        let thread = std::thread::spawn(move || {
            server.run(watch, move |_: &ChangeSet| {
                fake_rebuild(&r, &d).map(|()| fake_warnings(&r))
            })
        });
        let running = Running {
            addr,
            root,
            dir: options.dir,
            shutdown,
            thread: Some(thread),
            _tmp: tmp,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(addr).is_err() || get(addr, "/", &[]).0 != 200 {
            assert!(Instant::now() < deadline, "server did not come up");
            std::thread::sleep(Duration::from_millis(50));
        }
        running
    }

    fn edit(&self, path: &str, text: &str) {
        std::fs::write(self.root.join(path), text).unwrap();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.shutdown.trigger();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[test]
fn serves_pages_with_reload_script_and_refuses_what_it_must() {
    let s = Running::start();
    let (status, head, body) = get(s.addr, "/", &[]);
    assert_eq!(status, 200);
    assert!(
        body.contains("<h1>Hello v1</h1>") && body.contains("data-briefing-build"),
        "{body}"
    );
    assert!(head.contains("cache-control: no-store"), "{head}");
    assert!(!head.contains("access-control-allow-origin"), "{head}");
    let (status, _, body) = get(s.addr, "/no/such/page", &[]);
    assert_eq!(status, 404);
    assert!(
        body.contains("custom not found") && body.contains("data-briefing-build"),
        "{body}"
    );
    let refused = [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/briefings/..%2f..%2f..%2fetc/passwd",
        "/.briefing-output",
        "/briefings/",
        "/x/c:/windows/win.ini",
    ];
    for path in refused {
        let (status, _, body) = get(s.addr, path, &[]);
        assert!(status == 404 || status == 400, "{path}: {status}");
        assert!(
            !body.contains("root:") && !body.contains("Written by"),
            "{path}: {body}"
        );
    }
    assert_eq!(get(s.addr, "/briefings/a/", &[]).0, 200);
    assert_eq!(get(s.addr, "/", &[("Host", "evil.example")]).0, 403);
    assert_eq!(
        get(
            s.addr,
            "/",
            &[("Host", &format!("rebind.evil.example:{}", s.addr.port()))]
        )
        .0,
        403
    );
    assert_eq!(
        get(s.addr, "/", &[("Origin", "https://evil.example")]).0,
        403
    );
    assert_eq!(
        get(s.addr, RELOAD_CHECK_PATH, &[("Host", "evil.example")]).0,
        403
    );
    assert_eq!(
        get(
            s.addr,
            "/",
            &[("Host", &format!("localhost:{}", s.addr.port()))]
        )
        .0,
        200
    );
}

/// An open server-sent event stream, read as a browser's `EventSource` would.
struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    fn open(addr: SocketAddr, path: &str) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        Events {
            stream,
            seen: String::new(),
        }
    }

    /// The next `build` event's token, within `timeout`.
    fn next_build(&mut self, timeout: Duration) -> Option<String> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(at) = self.seen.find("event: build\ndata: ") {
                let rest = &self.seen[at + 19..];
                if let Some(end) = rest.find('\n') {
                    let token = rest[..end].to_string();
                    self.seen = rest[end..].to_string();
                    return Some(token);
                }
            }
            if Instant::now() > deadline {
                return None;
            }
            let mut buf = [0; 4096];
            if let Ok(n @ 1..) = self.stream.read(&mut buf) {
                self.seen
                    .push_str(&String::from_utf8_lossy(&buf[..n]).replace("\r\n", "\n"));
            }
        }
    }
}

#[test]
fn the_event_stream_sends_the_token_then_every_rebuild_and_json_is_untouched() {
    let s = Running::start();
    let (_, _, page) = get(s.addr, "/", &[]);
    let (token, events) = served_token(&page);
    let mut stream = Events::open(s.addr, &events);
    assert_eq!(
        stream.next_build(Duration::from_secs(5)).as_deref(),
        Some(token.as_str()),
        "the current token on connect"
    );
    s.edit("content/articles/story.md", "Hello v2");
    let next = stream
        .next_build(Duration::from_secs(10))
        .expect("a build event after an edit");
    assert_ne!(next, token);
    assert_eq!(
        get(s.addr, RELOAD_CHECK_PATH, &[]).2,
        next,
        "the check path answers the same token"
    );
    let (status, head, json) = get(s.addr, "/search/index.json", &[]);
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/json"), "{head}");
    assert_eq!(
        json, r#"{"docs":[{"title":"</body>"}]}"#,
        "JSON is never injected into"
    );
}

#[test]
fn edits_reload_failures_show_a_banner_over_the_last_good_site_and_recover() {
    let s = Running::start();
    let (token, _) = served_token(&get(s.addr, "/", &[]).2);
    s.edit("content/articles/story.md", "Hello v2");
    let token =
        wait_for_reload(s.addr, &token, Duration::from_secs(10)).expect("reload after an edit");
    let (_, _, body) = get(s.addr, "/", &[]);
    assert!(body.contains("<h1>Hello v2</h1>"), "{body}");
    assert_eq!(
        served_token(&body).0,
        token,
        "pages carry the current token"
    );

    s.edit("templates/page.html", "{{ oops");
    let token =
        wait_for_reload(s.addr, &token, Duration::from_secs(10)).expect("reload after a failure");
    let (status, _, body) = get(s.addr, "/", &[]);
    assert_eq!(status, 200);
    assert!(
        body.contains("<h1>Hello v2</h1>"),
        "last good page still served: {body}"
    );
    assert!(body.contains(BANNER_ID), "{body}");
    assert!(
        body.contains("templates/page.html:1:4: unexpected end of tag `{{ oops` &lt;here&gt;"),
        "{body}"
    );
    let (_, _, missing) = get(s.addr, "/missing", &[]);
    assert!(missing.contains(BANNER_ID), "banner on 404 pages too");
    let (_, _, css) = get(s.addr, "/style.css", &[]);
    assert_eq!(css, "body{}", "no banner outside HTML");
    let on_disk = std::fs::read_to_string(s.dir.join("index.html")).unwrap();
    assert!(
        !on_disk.contains(BANNER_ID) && !on_disk.contains("data-briefing-build"),
        "built files stay clean"
    );

    s.edit("templates/page.html", "fixed");
    wait_for_reload(s.addr, &token, Duration::from_secs(10)).expect("reload after the fix");
    let (_, _, body) = get(s.addr, "/", &[]);
    assert!(
        !body.contains(BANNER_ID) && body.contains("<h1>Hello v2</h1>"),
        "{body}"
    );
}

#[test]
fn shutdown_stops_serving_and_deletes_nothing() {
    let mut s = Running::start();
    s.shutdown.trigger();
    let thread = s.thread.take().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !thread.is_finished() {
        assert!(Instant::now() < deadline, "run did not return");
        std::thread::sleep(Duration::from_millis(20));
    }
    thread.join().unwrap().unwrap();
    assert!(s.dir.join("index.html").is_file());
    assert!(s.root.join("content/articles/story.md").is_file());
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let options = ServeOptions {
        bind: "127.0.0.1".parse().unwrap(),
        port: taken.local_addr().unwrap().port(),
        open: false,
        dir: std::env::temp_dir(),
        allowed_hosts: Vec::new(),
    };
    let err = Server::bind(options).err().expect("bind must fail");
    assert!(matches!(err, ServeError::PortInUse { .. }), "{err}");
    assert!(err.to_string().contains("--port 0"), "{err}");
}

#[test]
fn the_url_is_a_loopback_address_even_when_bound_to_all_interfaces() {
    let cases = [
        ("127.0.0.1", "http://127.0.0.1:"),
        ("0.0.0.0", "http://127.0.0.1:"),
        ("::1", "http://[::1]:"),
    ];
    for (bind, prefix) in cases {
        let options = ServeOptions {
            bind: bind.parse().unwrap(),
            port: 0,
            open: false,
            dir: std::env::temp_dir(),
            allowed_hosts: Vec::new(),
        };
        let Ok(server) = Server::bind(options) else {
            continue;
        }; // no IPv6 on this machine
        let port = server.local_addr().port();
        assert_ne!(port, 0, "port 0 picks a free port");
        assert_eq!(server.url(), format!("{prefix}{port}/"), "{bind}");
    }
}

#[test]
fn warnings_of_a_good_build_show_as_a_notice_until_a_build_has_none() {
    let s = Running::start();
    let (token, _) = served_token(&get(s.addr, "/", &[]).2);
    s.edit(
        "content/articles/story.md",
        "Hello v2\nWARN content/articles/old.md: the date 1066-10-14 is before 1800: <ignored>",
    );
    let token =
        wait_for_reload(s.addr, &token, Duration::from_secs(10)).expect("reload after an edit");
    let (_, _, body) = get(s.addr, "/", &[]);
    assert!(
        body.contains(NOTICE_ID) && !body.contains(BANNER_ID),
        "{body}"
    );
    assert!(
        body.contains("1 build warning") && body.contains("before 1800: &lt;ignored&gt;"),
        "{body}"
    );
    let (_, _, css) = get(s.addr, "/style.css", &[]);
    assert_eq!(css, "body{}", "no notice outside HTML");

    s.edit("templates/page.html", "{{ oops");
    let token =
        wait_for_reload(s.addr, &token, Duration::from_secs(10)).expect("reload after a failure");
    let (_, _, body) = get(s.addr, "/", &[]);
    assert!(
        body.contains(BANNER_ID) && !body.contains(NOTICE_ID),
        "an error shows instead: {body}"
    );

    s.edit("templates/page.html", "fixed");
    let token =
        wait_for_reload(s.addr, &token, Duration::from_secs(10)).expect("reload after the fix");
    let (_, _, body) = get(s.addr, "/", &[]);
    assert!(
        body.contains(NOTICE_ID),
        "the warning is still there: {body}"
    );

    s.edit("content/articles/story.md", "Hello v3");
    wait_for_reload(s.addr, &token, Duration::from_secs(10)).expect("reload after an edit");
    let (_, _, body) = get(s.addr, "/", &[]);
    assert!(
        body.contains("<h1>Hello v3</h1>") && !body.contains(NOTICE_ID),
        "{body}"
    );
}

#[test]
fn links_out_of_the_folder_absurd_paths_and_slow_clients_are_refused() {
    use std::os::unix::fs::symlink;
    let s = Running::start();
    // links planted in the served folder, leading out of it: never followed
    std::fs::write(s.root.join("secret.txt"), "root:x:0:0").unwrap();
    symlink(s.root.join("secret.txt"), s.dir.join("leak.txt")).unwrap();
    symlink(s.root.join("content"), s.dir.join("content")).unwrap();
    for path in ["/leak.txt", "/content/articles/story.md", "/content/"] {
        let (status, _, body) = get(s.addr, path, &[]);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("root:x") && !body.contains("Hello"),
            "{path}: {body}"
        );
    }
    // a link that stays inside is a file of the site like any other
    symlink(s.dir.join("index.html"), s.dir.join("home.html")).unwrap();
    assert_eq!(get(s.addr, "/home.html", &[]).0, 200);
    // an absurd path answers 414 (it answered 500), and the server goes on
    let long = format!("/{}", "a".repeat(8_000));
    assert_eq!(get(s.addr, &long, &[]).0, 414);
    let long_dirs = format!("/{}", "ab/".repeat(600));
    assert_eq!(get(s.addr, &long_dirs, &[]).0, 404);
    assert_eq!(get(s.addr, "/", &[]).0, 200);
    // a client that never finishes its request head is disconnected (slowloris)
    let mut slow = TcpStream::connect(s.addr).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: a")
        .unwrap();
    let patience = http::HEADER_TIMEOUT + Duration::from_secs(20);
    slow.set_read_timeout(Some(patience)).unwrap();
    let mut buf = [0; 256];
    let read = slow.read(&mut buf);
    let closed = match &read {
        Ok(n) => !String::from_utf8_lossy(&buf[..*n]).starts_with("HTTP/1.1 200"),
        Err(e) => e.kind() == std::io::ErrorKind::ConnectionReset,
    };
    assert!(closed, "a half-sent request kept its connection: {read:?}");
    assert_eq!(get(s.addr, "/", &[]).0, 200);
}
