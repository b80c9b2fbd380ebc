//! Rendered HTML in, the same HTML without template indentation out.
//!
//! Templates are indented for whoever edits them; a browser collapses that whitespace,
//! but every page carried it (about 19 MB of a 10,000-article site, 4% of its bytes).
//! [`without_indentation`] drops the spaces and tabs that start a line and the lines left
//! empty, and keeps one newline wherever there was one, so whitespace between elements
//! stays whitespace and a page renders as before. It leaves the inside of `<pre>`,
//! `<textarea>`, `<script>` and `<style>` untouched, where whitespace is content. This is
//! not a minifier (no tag, attribute or quote is touched): the project's crate notes skip
//! minify-html, which more than doubles the release build, for a few percent more.

/// Elements whose text keeps its whitespace, as lowercase opening-tag prefixes with the
/// closing tag that ends them.
const RAW: [(&str, &str); 4] = [
    ("<pre", "</pre>"),
    ("<textarea", "</textarea>"),
    ("<script", "</script>"),
    ("<style", "</style>"),
];

/// `html` without the indentation at the start of its lines and without empty lines,
/// except inside raw elements (see the module comment).
pub fn without_indentation(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while at < html.len() {
        let Some((start, close)) = next_raw(&lower, at) else {
            compact(&html[at..], &mut out);
            break;
        };
        compact(&html[at..start], &mut out);
        let end = lower[start..]
            .find(close)
            .map_or(html.len(), |i| start + i + close.len());
        out.push_str(&html[start..end]);
        at = end;
    }
    out
}

/// The byte offset of the next raw element's opening tag at or after `from`, and its
/// closing tag.
fn next_raw(lower: &str, from: usize) -> Option<(usize, &'static str)> {
    RAW.iter()
        .filter_map(|&(open, close)| {
            let mut search = from;
            while let Some(i) = lower[search..].find(open) {
                let start = search + i;
                let after = lower.as_bytes().get(start + open.len());
                if matches!(
                    after,
                    Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/') | None
                ) {
                    return Some((start, close));
                }
                search = start + open.len();
            }
            None
        })
        .min_by_key(|&(start, _)| start)
}

/// Appends `text` to `out` with the spaces and tabs after each newline dropped and runs
/// of newlines made one.
fn compact(text: &str, out: &mut String) {
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.push_str(first);
    }
    let mut newline = false;
    for line in lines {
        newline = true;
        let line = line.trim_start_matches([' ', '\t', '\r']);
        if !line.is_empty() {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(line);
            newline = false;
        }
    }
    if newline && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::without_indentation;

    #[test]
    fn drops_indentation_and_empty_lines_outside_raw_elements() {
        let cases = [
            (
                "<ul>\n  <li>a</li>\n\n    <li>b</li>\n</ul>\n",
                "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n",
            ),
            ("<p>one\n   two</p>", "<p>one\ntwo</p>"),
            (
                "  <p>first line keeps its indent</p>",
                "  <p>first line keeps its indent</p>",
            ),
            ("<a>x</a>\n\t\n  <a>y</a>", "<a>x</a>\n<a>y</a>"),
            ("text\n   \n", "text\n"),
            ("no newline at all", "no newline at all"),
            ("", ""),
            (
                "<div>\n  <pre><code>fn x() {\n    y\n\n}</code></pre>\n  </div>",
                "<div>\n<pre><code>fn x() {\n    y\n\n}</code></pre>\n</div>",
            ),
            (
                "<PRE>\n  keep\n</PRE>\n  <p>x</p>",
                "<PRE>\n  keep\n</PRE>\n<p>x</p>",
            ),
            (
                "<script type=\"application/ld+json\">\n  {\"a\": 1}\n</script>\n  <p>",
                "<script type=\"application/ld+json\">\n  {\"a\": 1}\n</script>\n<p>",
            ),
            (
                "<style>\n  a { b: c }\n</style>",
                "<style>\n  a { b: c }\n</style>",
            ),
            (
                "<textarea>\n  typed\n</textarea>",
                "<textarea>\n  typed\n</textarea>",
            ),
            // a tag that only starts like a raw one is not raw
            (
                "<presentation>\n  x\n</presentation>",
                "<presentation>\nx\n</presentation>",
            ),
            // an unclosed raw element keeps the rest of the page as it is
            ("<p>\n  a</p><pre>\n  b\n  c", "<p>\na</p><pre>\n  b\n  c"),
            ("<p>\r\n  windows\r\n</p>", "<p>\r\nwindows\r\n</p>"),
        ];
        for (html, want) in cases {
            assert_eq!(without_indentation(html), want, "for {html:?}");
        }
    }

    #[test]
    fn keeps_non_ascii_text_and_every_non_whitespace_character() {
        let html = "<p>\n    Zoë said «oui» — 東京\n</p>\n";
        let out = without_indentation(html);
        assert_eq!(out, "<p>\nZoë said «oui» — 東京\n</p>\n");
        let kept = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(kept(&out), kept(html));
    }
}
