//! The URL scheme of the site and the rules that keep URLs from briefings safe.
//!
//! In: the site's base path and slugs; out: page URLs (`/news/briefings/talks-stall/`),
//! the output file each URL is written to (`briefings/talks-stall/index.html`), and
//! checked versions of URLs that come from articles.
//!
//! Every URL the site links to is built here, so the scheme lives in one place:
//!
//! | page | URL (under the base path) |
//! |---|---|
//! | index, page n | `/`, `/page/n/` |
//! | briefing | `/briefings/<slug>/` |
//! | actors, actor | `/actors/`, `/actors/<slug>/`, `/actors/<slug>/page/n/` |
//! | timeline | `/timeline/`, `/timeline/<year>/`, `/timeline/<year>-<month>/`, `/timeline/<year>-<month>/<n>/`, `/timeline/undated/` |
//! | tags, tag | `/tags/`, `/tags/<slug>/`, `/tags/<slug>/page/n/` |
//! | search | `/search/` (index: `/search/index.json`) |
//! | files | `/atom.xml`, `/sitemap.xml`, `/robots.txt`, `/briefings.json`, `/404.html` |
//!
//! URLs from articles are untrusted. A browser ignores ASCII whitespace and control
//! characters inside a scheme and compares it without case, so [`safe_href`] does the
//! same before it checks the scheme against an allow-list (`http`, `https`, `mailto`);
//! entity references are already decoded by the Markdown parser.

/// Schemes a link from an article may use. Anything else with a scheme is dropped.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Where a page lives: its path inside the site (no leading slash, `/` for directories).
/// `""` is the home page, `briefings/x/` a directory page, `atom.xml` a file.
pub fn output_file(site_path: &str) -> String {
    if site_path.is_empty() || site_path.ends_with('/') {
        format!("{site_path}index.html")
    } else {
        site_path.to_string()
    }
}

/// The site path of index page `n` (1-based): `""` for the first page, `page/n/` after.
pub fn index_page(n: usize) -> String {
    if n <= 1 {
        String::new()
    } else {
        format!("page/{n}/")
    }
}

pub fn briefing(slug: &str) -> String {
    format!("briefings/{slug}/")
}

pub fn actor(slug: &str) -> String {
    format!("actors/{slug}/")
}

pub fn tag(slug: &str) -> String {
    format!("tags/{slug}/")
}

/// Page `n` (1-based) of an actor: `actors/<slug>/`, then `actors/<slug>/page/n/`.
pub fn actor_page(slug: &str, n: usize) -> String {
    paged(actor(slug), n)
}

/// Page `n` (1-based) of a tag: `tags/<slug>/`, then `tags/<slug>/page/n/`.
pub fn tag_page(slug: &str, n: usize) -> String {
    paged(tag(slug), n)
}

fn paged(first: String, n: usize) -> String {
    if n <= 1 {
        first
    } else {
        format!("{first}page/{n}/")
    }
}

pub use crate::corpus::slugs::clean_slug;

/// The scheme of `url` as a browser sees it (whitespace and control characters
/// removed, lower case), or `None` for a relative URL.
fn scheme_of(url: &str) -> Option<String> {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .take_while(|c| !matches!(c, '/' | '?' | '#'))
        .collect();
    let (scheme, _) = compact.split_once(':')?;
    Some(scheme.to_ascii_lowercase())
}

/// `url` when a reader may safely follow it: relative URLs and the allowed schemes.
/// `javascript:`, `vbscript:`, `data:` and every other scheme give `None`.
pub fn safe_href(url: &str) -> Option<&str> {
    let url = url.trim();
    match scheme_of(url) {
        None => Some(url),
        Some(scheme) if ALLOWED_SCHEMES.contains(&scheme.as_str()) => Some(url),
        Some(_) => None,
    }
}

/// `url` when it is an absolute `http(s)` URL (the only kind a source link may be).
pub fn web_url(url: &str) -> Option<&str> {
    let url = url.trim();
    matches!(scheme_of(url).as_deref(), Some("http" | "https"))
        .then_some(url)
        .filter(|u| u.contains("//"))
}

/// The address of a briefing's original article, when it is an absolute `http(s)` URL.
pub fn source_url(meta: &crate::briefing::BriefingMeta) -> Option<String> {
    meta.source
        .url
        .as_deref()
        .and_then(web_url)
        .map(str::to_string)
}

/// Resolves a relative URL path against the directory of `base` (both start with `/`).
/// `..` never climbs above the root.
pub fn resolve(base: &str, relative: &str) -> String {
    if relative.starts_with('/') {
        return normalise(relative);
    }
    let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    normalise(&format!("{dir}{relative}"))
}

fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | "" if !last => {}
            ".." => {
                parts.pop();
                if last {
                    parts.push("");
                }
            }
            "." => parts.push(""),
            s => parts.push(s),
        }
    }
    format!("/{}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_schemes_are_refused_in_every_spelling() {
        let refused = [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\tjava\nscript:alert(1)",
            "java\u{0}script:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "DATA:image/svg+xml,<svg onload=alert(1)>",
            "file:///etc/passwd",
        ];
        for url in refused {
            assert_eq!(safe_href(url), None, "{url:?}");
        }
        let kept = [
            "https://example.org/a?b=c",
            "http://example.org",
            "mailto:desk@example.org",
            "/briefings/x/",
            "../other/",
            "other.md#part",
            "#top",
            "page?next=javascript:x",
        ];
        for url in kept {
            assert_eq!(safe_href(url), Some(url), "{url:?}");
        }
    }

    #[test]
    fn web_urls_are_absolute_http() {
        let cases = [
            ("https://example.org/story", true),
            ("HTTP://example.org", true),
            ("javascript:alert(1)", false),
            ("/relative", false),
            ("https:no-slashes", false),
        ];
        for (url, ok) in cases {
            assert_eq!(web_url(url).is_some(), ok, "{url}");
        }
    }

    #[test]
    fn slugs_are_kept_only_when_safe() {
        let long = "Ж".repeat(300);
        let capped = crate::corpus::slugs::cap("zh".repeat(300));
        assert_eq!(capped.len(), crate::ingest::MAX_SLUG_BYTES);
        let cases = [
            ("talks-stall", "talks-stall"),
            ("2022-01-26_talks", "2022-01-26_talks"),
            ("..", "briefing"),
            (".hidden", "hidden"),
            ("\"'><script>", "script"),
            ("Переговоры", "peregovory"),
            ("a/b", "a-b"),
            ("", "briefing"),
            (long.as_str(), capped.as_str()),
        ];
        for (slug, want) in cases {
            assert_eq!(clean_slug(slug, "briefing"), want, "{slug:?}");
        }
    }

    #[test]
    fn output_files_follow_the_scheme() {
        let cases = [
            ("", "index.html"),
            ("briefings/x/", "briefings/x/index.html"),
            ("atom.xml", "atom.xml"),
            (&*index_page(1), "index.html"),
            (&*index_page(3), "page/3/index.html"),
            (&*actor_page("ana", 1), "actors/ana/index.html"),
            (&*actor_page("ana", 2), "actors/ana/page/2/index.html"),
            (&*tag_page("ports", 3), "tags/ports/page/3/index.html"),
        ];
        for (path, want) in cases {
            assert_eq!(output_file(path), want, "{path}");
        }
    }

    #[test]
    fn relative_paths_resolve_against_the_page_directory() {
        let cases = [
            ("/news/briefings/a/", "../b/", "/news/briefings/b/"),
            ("/news/briefings/a/", "../../actors/x/", "/news/actors/x/"),
            ("/news/briefings/a/", "./", "/news/briefings/a/"),
            ("/news/briefings/a/", "/abs/", "/abs/"),
            ("/a/", "../../../x", "/x"),
            ("/a/b/", "c", "/a/b/c"),
        ];
        for (base, rel, want) in cases {
            assert_eq!(resolve(base, rel), want, "{base} + {rel}");
        }
    }
}
