//! The build-error banner: an error message in, HTML out, injected at serve time.
//!
//! After a failed rebuild the server keeps serving the last good site and adds this
//! banner to every HTML response (never to the built files). The message is the
//! build's own (`file:line:col: message`), which can echo text from articles and
//! templates, so it is HTML-escaped. The banner is fixed to the bottom of the window,
//! so it never covers the site's header and navigation, is at most 40% of the window
//! high (it scrolls inside), and has a button that dismisses it (until the next
//! rebuild). Where it lands in the document does not matter; it goes before the last
//! `</body>` (or at the end).

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// The `id` of the banner element (for tests and user styles).
pub const BANNER_ID: &str = "briefing-build-error";

/// The banner for a build error message.
pub fn banner_html(message: &str) -> String {
    format!(
        concat!(
            r#"<div id="{id}" role="alert" style="all:initial;position:fixed;z-index:2147483647;left:0;right:0;bottom:0;"#,
            r#"display:block;max-height:40vh;overflow:auto;padding:12px 16px;background:#7f1d1d;color:#fff;"#,
            r#"font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -2px 10px rgba(0,0,0,.4)">"#,
            r#"<button type="button" onclick="this.parentNode.remove()" aria-label="Dismiss the build error" "#,
            r#"style="all:initial;float:right;margin:0 0 4px 12px;padding:2px 10px;cursor:pointer;color:#7f1d1d;background:#fff;"#,
            r#"border-radius:4px;font:bold 14px/1.45 system-ui,sans-serif;outline-offset:2px">Dismiss</button>"#,
            r#"<strong style="font:inherit;font-weight:bold;color:inherit">The last rebuild failed; "#,
            r#"this is the last good version of the site. Fix the error and save: the page reloads.</strong>"#,
            r#"<pre style="all:initial;display:block;white-space:pre-wrap;margin-top:8px;font:inherit;color:inherit">{message}</pre></div>"#
        ),
        id = BANNER_ID,
        message = escape(message.trim_end()),
    )
}

/// `html` with `banner` inserted before the last `</body>` (any case), or appended.
pub fn inject(html: &[u8], banner: &str) -> Vec<u8> {
    let at = rfind_ascii_ci(html, b"</body").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + banner.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(banner.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn rfind_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// A minimal page for unknown paths when the site has no `404.html` (so that the
/// banner and the reload script have somewhere to go).
pub const FALLBACK_404: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body><h1>Not found</h1><p>There is no page at this address.</p></body></html>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        let cases = [
            ("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d"),
            (
                "\"'><script>alert(1)</script>",
                "&quot;&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("plain", "plain"),
            ("é — ü", "é — ü"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input}");
        }
    }

    #[test]
    fn banner_escapes_the_message_and_keeps_location() {
        let html = banner_html("templates/page.html:3:7: unexpected `}}` near <b>\"x\"</b>\n");
        assert!(html.contains("templates/page.html:3:7: unexpected `}}` near &lt;b&gt;&quot;x&quot;&lt;/b&gt;</pre>"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains(BANNER_ID));
        assert!(
            html.contains("bottom:0") && !html.contains("top:0"),
            "never over the header"
        );
        assert!(html.contains(r#"<button type="button" onclick="this.parentNode.remove()""#));
    }

    #[test]
    fn inject_goes_before_the_last_body_end_or_at_the_end() {
        let cases: [(&str, &str); 5] = [
            (
                "<html><body><p>x</p></body></html>",
                "<html><body><p>x</p>[B]</body></html>",
            ),
            ("<BODY>a</BODY>", "<BODY>a[B]</BODY>"),
            (
                "<body><pre>&lt;/body&gt;</pre></body>",
                "<body><pre>&lt;/body&gt;</pre>[B]</body>",
            ),
            ("no body tag", "no body tag[B]"),
            ("", "[B]"),
        ];
        for (html, want) in cases {
            assert_eq!(
                String::from_utf8(inject(html.as_bytes(), "[B]")).unwrap(),
                want,
                "{html}"
            );
        }
    }
}
