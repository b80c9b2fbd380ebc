//! Pictures drawn at build time: view structs in, inline SVG text out.
//!
//! Two pictures, each a pure function of its view ([`strip::Strip`],
//! [`graph::Graph`]): a timeline strip (events on a time axis) for briefing and actor
//! pages, and the small graph of who an actor appears with. They are inline SVG, so a
//! page needs no script, no extra request and no image file, and the page's own CSS
//! colours them: every stroke and fill is `currentColor` or a class the theme styles
//! (`pic-*`), which keeps them readable in dark mode and in print, and in a theme that
//! does not know them. The fill and the font size are set once, on the `<svg>`, and
//! inherited (a dot's `currentColor` is still its own class's colour); the graph's
//! lines share one group's stroke (the group has the class `pic-edges`, the lines
//! none) and labels are bare `<text>` the stylesheet reaches as `.pic text`: an actor
//! page's pictures are repeated on thousands of pages, and these attributes were a
//! third of their bytes.
//!
//! Accessibility: each picture has a `<title>` and a `<desc>` (the text alternative,
//! referenced by `aria-labelledby`), and every mark is a link to the part of the page
//! it stands for, named by its own `<title>`, so a keyboard user can step through the
//! picture. The page shows the same facts as text (the timeline list, the "seen with"
//! list): the picture adds the overview, never information found nowhere else.
//!
//! Positions on the time axis are percentages of the picture's width, so the strip
//! follows the width of the page while text and marks keep their size (a `viewBox`
//! would shrink labels to nothing on a phone).
//!
//! Everything that comes from articles (names, event texts) is escaped here.

mod axis;
pub mod graph;
pub mod strip;

/// Escapes text for SVG element content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// The opening of a picture: an `<svg>` of the page's width and `height` pixels, named
/// by its `<title>` and described by its `<desc>` (both escaped here), whose shapes and
/// text are filled with `currentColor` and whose text is `font_size` pixels.
fn open_svg(class: &str, id: &str, height: f64, font_size: u8, title: &str, desc: &str) -> String {
    format!(
        concat!(
            r#"<svg class="pic {class}" id="{id}" width="100%" height="{h}" role="group" "#,
            r#"fill="currentColor" font-size="{font_size}" "#,
            r#"aria-labelledby="{id}-title" aria-describedby="{id}-desc" xmlns="http://www.w3.org/2000/svg">"#,
            r#"<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#
        ),
        class = class,
        id = esc(id),
        h = num(height),
        font_size = font_size,
        title = esc(title),
        desc = esc(desc),
    )
}

/// `text` cut to at most `max` characters, with `…` when cut.
fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// A number for an attribute: at most two decimals, no trailing zeros.
fn num(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_clipped() {
        let cases = [
            ("<b>\"x\"</b>", 40, "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"),
            ("Emmer Delta Farmers' Union", 12, "Emmer Delta…"),
            ("  short ", 12, "short"),
        ];
        for (text, max, want) in cases {
            assert_eq!(esc(&clip(text, max)), want, "{text}");
        }
        assert_eq!(
            (num(12.5), num(3.0), num(0.333)),
            ("12.5".into(), "3".into(), "0.33".into())
        );
    }
}
