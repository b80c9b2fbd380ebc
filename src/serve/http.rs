//! The HTTP side of `serve`: requests in, files of the last good build out.
//!
//! Layers, outermost first:
//! 1. [`guard`]: only requests addressed to this computer (`Host` is `localhost`, a
//!    loopback or the bound address, or an allowed name; a cross-site `Origin` is
//!    refused). This stops DNS-rebinding pages from reading the preview. No CORS
//!    header is ever sent.
//! 2. [`no_cache`]: the browser must not answer a reload from its cache (the banner
//!    comes and goes while the files stay the same).
//! 3. [`RELOAD_EVENTS_PATH`]: the server-sent event stream the reload script listens
//!    on, and [`RELOAD_CHECK_PATH`], the current build token as text (see [`super::reload`]).
//! 4. [`inject`]: into HTML responses, the reload script and, while a rebuild is
//!    failing, the build-error banner. Nothing else (JSON, CSS, feeds) is touched.
//! 5. [`files`]: `tower-http`'s `ServeDir` on the output directory (it rejects `..`,
//!    encoded or not, and never lists directories), behind our own checks: a path of
//!    more than [`MAX_PATH_BYTES`] gets 414, hidden segments (`.briefing-output`,
//!    `.git`) are refused, and the file must resolve (symbolic links followed) to a
//!    regular file inside the output directory, so a link planted there cannot serve
//!    `/etc/passwd`; unknown paths get the site's `404.html` with status 404.
//!
//! [`run`] accepts connections itself (`axum::serve` sets no timeouts): a client that
//! sends no complete request head within [`HEADER_TIMEOUT`], idle between requests or
//! sending a byte at a time (slowloris), is disconnected.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream, StreamExt};
use std::convert::Infallible;
use tower_http::services::ServeDir;

use super::banner;
use super::reload::{self, BuildToken, RELOAD_CHECK_PATH, RELOAD_EVENTS_PATH};

/// State shared by the request handlers and the rebuild loop.
#[derive(Debug)]
pub struct Shared {
    /// The directory the rebuild writes the site into.
    pub dir: PathBuf,
    /// The banner HTML while the last rebuild failed.
    pub error: RwLock<Option<String>>,
    /// The notice HTML when the last good rebuild had warnings.
    pub notice: RwLock<Option<String>>,
    pub allowed: AllowedHosts,
    /// Moves on every rebuild; open pages reload when it does.
    pub build: BuildToken,
}

impl Shared {
    pub fn new(dir: PathBuf, allowed: AllowedHosts) -> Shared {
        Shared {
            dir,
            error: RwLock::new(None),
            notice: RwLock::new(None),
            allowed,
            build: BuildToken::new(),
        }
    }

    pub fn set_error(&self, message: Option<&str>) {
        if let Ok(mut e) = self.error.write() {
            *e = message.map(banner::banner_html);
        }
    }

    /// Shows a notice of `warnings` on every page (none when empty).
    pub fn set_warnings(&self, warnings: &[String]) {
        if let Ok(mut n) = self.notice.write() {
            *n = banner::notice_html(warnings);
        }
    }

    /// The error banner while the last rebuild failed, else the warnings notice.
    fn banner(&self) -> Option<String> {
        let error = self.error.read().ok().and_then(|e| e.clone());
        error.or_else(|| self.notice.read().ok().and_then(|n| n.clone()))
    }
}

/// Which `Host` (and `Origin`) names the server answers.
#[derive(Debug, Clone)]
pub struct AllowedHosts {
    /// The bound address (any IP literal is fine when it is unspecified, `0.0.0.0`).
    pub bound: IpAddr,
    /// Lower-case extra names.
    pub names: Vec<String>,
}

impl AllowedHosts {
    /// Whether a `Host` header value (`name[:port]`, `[v6]:port`) is allowed.
    pub fn allows_host(&self, value: &str) -> bool {
        let host = match value.strip_prefix('[') {
            Some(rest) => rest.split_once(']').map(|(h, _)| h),
            None => Some(match value.rsplit_once(':') {
                Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
                _ => value,
            }),
        };
        let Some(host) = host else { return false };
        let host = host.strip_suffix('.').unwrap_or(host).to_ascii_lowercase();
        if let Ok(ip) = host.parse::<IpAddr>() {
            return ip.is_loopback() || ip == self.bound || self.bound.is_unspecified();
        }
        host == "localhost" || host.ends_with(".localhost") || self.names.contains(&host)
    }

    /// Whether an `Origin` header value (`http://host:port`) is allowed.
    pub fn allows_origin(&self, value: &str) -> bool {
        let rest = value
            .strip_prefix("http://")
            .or_else(|| value.strip_prefix("https://"));
        rest.is_some_and(|r| !r.contains('/') && self.allows_host(r))
    }
}

/// The application: every layer of the module docs.
pub fn app(shared: Arc<Shared>) -> Router {
    let pages = Router::new()
        .fallback(files)
        .layer(from_fn_with_state(shared.clone(), inject));
    Router::new()
        .route(RELOAD_CHECK_PATH, get(build_token))
        .route(RELOAD_EVENTS_PATH, get(build_events))
        .merge(pages)
        .with_state(shared.clone())
        .layer(from_fn(no_cache))
        .layer(from_fn_with_state(shared, guard))
}

async fn build_token(State(shared): State<Arc<Shared>>) -> Response {
    let mut response = shared.build.current().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// The build token now and after every rebuild, as `build` events, until shutdown.
async fn build_events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let event = |shared: &Shared| Ok(Event::default().event("build").data(shared.build.current()));
    let first = stream::once(std::future::ready(event(&shared)));
    let updates = stream::unfold(
        (shared.build.subscribe(), shared),
        move |(mut rx, shared)| async move {
            rx.changed().await.ok()?;
            if shared.build.is_closed() {
                return None;
            }
            let next = event(&shared);
            Some((next, (rx, shared)))
        },
    );
    Sse::new(first.chain(updates)).keep_alive(KeepAlive::default())
}

async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host_ok = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| shared.allowed.allows_host(h));
    let origin_ok = headers
        .get(header::ORIGIN)
        .is_none_or(|o| o.to_str().is_ok_and(|o| shared.allowed.allows_origin(o)));
    if host_ok && origin_ok {
        return next.run(request).await;
    }
    let text = "403 Forbidden: this preview server only answers requests addressed to this computer \
                (open it at the address `briefing serve` printed). Requests for other host names are \
                refused to protect the preview from DNS rebinding.\n";
    (StatusCode::FORBIDDEN, text).into_response()
}

async fn no_cache(mut request: Request, next: Next) -> Response {
    let headers = request.headers_mut();
    headers.remove(header::IF_NONE_MATCH);
    headers.remove(header::IF_MODIFIED_SINCE);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.remove(header::ACCESS_CONTROL_ALLOW_ORIGIN);
    response
}

/// Adds the reload script (and the banner while a rebuild is failing) to HTML pages.
async fn inject(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let is_get = request.method() == Method::GET;
    // Read before the file: a rebuild landing in between makes the page reload once
    // more, never miss a reload.
    let token = shared.build.current();
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let status_ok = matches!(response.status(), StatusCode::OK | StatusCode::NOT_FOUND);
    if !is_get
        || !is_html
        || !status_ok
        || response.headers().contains_key(header::CONTENT_ENCODING)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, 64 * 1024 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "could not read the page").into_response();
    };
    let mut added = shared.banner().unwrap_or_default();
    added.push_str(&reload::script(&token));
    let html = banner::inject(&bytes, &added);
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(html.len()));
    parts.headers.remove(header::ETAG);
    parts.headers.remove(header::LAST_MODIFIED);
    parts.headers.remove(header::ACCEPT_RANGES);
    Response::from_parts(parts, Body::from(html))
}

/// Whether the raw request path may reach the file system at all.
pub fn path_is_servable(path: &str) -> bool {
    path.starts_with('/')
        && path.split('/').skip(1).all(|segment| {
            let s = segment.to_ascii_lowercase();
            let hidden = (s.starts_with('.') || s.starts_with("%2e")) && s != ".well-known";
            !hidden
                && !s.contains("%2f")
                && !s.contains("%5c")
                && !s.contains('\\')
                && !s.contains("%00")
        })
}

/// Longer request paths are refused with 414 (no page of a site comes near it).
pub const MAX_PATH_BYTES: usize = 2_048;

/// How long a client may take to send a request head (also the idle time allowed
/// between two requests on one connection).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The file a request path names, if it is a regular file inside `dir` once every
/// symbolic link is resolved: a directory means its `index.html`. `None` otherwise
/// (missing, hidden by a link that leads outside, not a regular file).
pub fn resolve(dir: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let mut file = dir.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty() && *s != ".") {
        if segment == ".." || segment.contains('\\') || segment.contains('\0') {
            return None;
        }
        file.push(segment);
    }
    let root = dir.canonicalize().ok()?;
    let mut target = file.canonicalize().ok()?;
    if target.is_dir() {
        target = target.join("index.html").canonicalize().ok()?;
    }
    let regular = std::fs::metadata(&target).is_ok_and(|m| m.is_file());
    (regular && target.starts_with(&root)).then_some(target)
}

async fn files(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    use std::io::ErrorKind::{NotADirectory, NotFound, PermissionDenied};
    let path = request.uri().path();
    if path.len() > MAX_PATH_BYTES {
        let text = "414 URI Too Long: no page of this site has so long an address.\n";
        return (StatusCode::URI_TOO_LONG, text).into_response();
    }
    if !path_is_servable(path) {
        return not_found(&shared).await;
    }
    let (dir, owned) = (shared.dir.clone(), path.to_string());
    let inside = tokio::task::spawn_blocking(move || resolve(&dir, &owned).is_some());
    if !inside.await.unwrap_or(false) {
        return not_found(&shared).await;
    }
    let feed = request.uri().path().ends_with(".xml") && request.uri().path().contains("atom");
    let mut serve_dir = ServeDir::new(&shared.dir);
    match serve_dir.try_call(request).await {
        Ok(response) if response.status() == StatusCode::NOT_FOUND => not_found(&shared).await,
        Ok(mut response) => {
            // `ServeDir` guesses `text/xml` for every `.xml`; a feed says what it is.
            if feed && response.status().is_success() {
                response.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/atom+xml; charset=utf-8"),
                );
            }
            response.map(Body::new)
        }
        // Without a fallback, `try_call` reports missing and unreadable files as errors.
        Err(e) if matches!(e.kind(), NotFound | NotADirectory | PermissionDenied) => {
            not_found(&shared).await
        }
        Err(e) if e.kind() == std::io::ErrorKind::InvalidFilename => not_found(&shared).await,
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "could not read the file").into_response(),
    }
}

async fn not_found(shared: &Shared) -> Response {
    let page = tokio::fs::read(shared.dir.join("404.html"))
        .await
        .unwrap_or_else(|_| banner::FALLBACK_404.into());
    let mut response = (StatusCode::NOT_FOUND, page).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// Serves `app` on `listener` until `shutdown` turns true; open connections (the
/// reload event streams never end) get half a second to finish after that. Each
/// connection must send every request head within [`HEADER_TIMEOUT`].
pub async fn run(
    listener: std::net::TcpListener,
    app: Router,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let (closing, _) = tokio::sync::watch::channel(false);
    loop {
        let stop = async {
            let _ = shutdown.wait_for(|stop| *stop).await;
        };
        let stream = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop => break,
        };
        match stream {
            Ok((stream, _)) => serve_connection(stream, app.clone(), closing.subscribe()),
            // out of file descriptors and the like: wait instead of spinning
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
    let _ = closing.send(true);
    tokio::time::sleep(Duration::from_millis(500)).await;
    Ok(())
}

/// Serves one connection (HTTP/1.1, with the head timeout) until it ends, or shuts it
/// down gracefully when `closing` turns true.
fn serve_connection(
    stream: tokio::net::TcpStream,
    app: Router,
    mut closing: tokio::sync::watch::Receiver<bool>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    tokio::spawn(async move {
        let service = hyper_util::service::TowerToHyperService::new(app);
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(HEADER_TIMEOUT);
        let connection = builder.serve_connection(TokioIo::new(stream), service);
        let mut connection = std::pin::pin!(connection);
        let stop = async move {
            let _ = closing.wait_for(|stop| *stop).await;
        };
        tokio::select! {
            _ = connection.as_mut() => {}
            _ = stop => {
                connection.as_mut().graceful_shutdown();
                let _ = connection.await;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_header_allow_list() {
        let loopback = AllowedHosts {
            bound: "127.0.0.1".parse().unwrap(),
            names: vec!["preview.test".into()],
        };
        let cases = [
            ("127.0.0.1:1111", true),
            ("localhost:1111", true),
            ("LOCALHOST", true),
            ("localhost.:80", true),
            ("app.localhost:1111", true),
            ("[::1]:1111", true),
            ("127.0.0.2", true),
            ("preview.test:8080", true),
            ("evil.example", false),
            ("evil.example:1111", false),
            ("localhost.evil.example", false),
            ("192.168.1.20:1111", false),
            ("[::1", false),
            ("", false),
        ];
        for (host, want) in cases {
            assert_eq!(loopback.allows_host(host), want, "{host}");
        }
        let lan = AllowedHosts {
            bound: "0.0.0.0".parse().unwrap(),
            names: vec![],
        };
        assert!(lan.allows_host("192.168.1.20:1111"));
        assert!(!lan.allows_host("rebind.evil.example:1111"));
    }

    #[test]
    fn origin_allow_list() {
        let allowed = AllowedHosts {
            bound: "127.0.0.1".parse().unwrap(),
            names: vec![],
        };
        let cases = [
            ("http://127.0.0.1:1111", true),
            ("http://localhost:1111", true),
            ("https://evil.example", false),
            ("null", false),
            ("http://evil.example/127.0.0.1", false),
        ];
        for (origin, want) in cases {
            assert_eq!(allowed.allows_origin(origin), want, "{origin}");
        }
    }

    #[test]
    fn hidden_and_encoded_separator_paths_are_not_servable() {
        let cases = [
            ("/", true),
            ("/index.html", true),
            ("/briefings/a/", true),
            ("/.well-known/security.txt", true),
            ("/.briefing-output", false),
            ("/.git/config", false),
            ("/a/%2e%2e/%2e%2e/etc/passwd", false),
            ("/%2E%2E/x", false),
            ("/..%2fetc/passwd", false),
            ("/a%5c..%5cb", false),
            ("/a\\b", false),
            ("/x%00.html", false),
            ("/../../etc/passwd", false),
            ("relative", false),
        ];
        for (path, want) in cases {
            assert_eq!(path_is_servable(path), want, "{path}");
        }
    }

    #[test]
    fn only_regular_files_inside_the_folder_resolve() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let (root, dir) = (tmp.path(), tmp.path().join("public"));
        std::fs::create_dir_all(dir.join("briefings/a")).unwrap();
        std::fs::create_dir_all(dir.join("empty")).unwrap();
        std::fs::write(dir.join("index.html"), "home").unwrap();
        std::fs::write(dir.join("briefings/a/index.html"), "a").unwrap();
        std::fs::write(root.join("secret.txt"), "secret").unwrap();
        symlink(root.join("secret.txt"), dir.join("leak.txt")).unwrap();
        symlink(root, dir.join("up")).unwrap();
        symlink("/etc", dir.join("etc")).unwrap();
        symlink(dir.join("index.html"), dir.join("home.html")).unwrap();
        let cases = [
            ("/", Some("index.html")),
            ("/briefings/a/", Some("briefings/a/index.html")),
            ("/briefings/a", Some("briefings/a/index.html")),
            ("/%62riefings/a/index.html", Some("briefings/a/index.html")),
            ("/home.html", Some("index.html")),
            ("/leak.txt", None),
            ("/up/secret.txt", None),
            ("/etc/passwd", None),
            ("/empty/", None),
            ("/briefings/../index.html", None),
            ("/missing.html", None),
            ("/%ff", None),
        ];
        let canonical = dir.canonicalize().unwrap();
        for (path, want) in cases {
            let got = resolve(&dir, path);
            assert_eq!(got, want.map(|w| canonical.join(w)), "{path}");
        }
    }
}
