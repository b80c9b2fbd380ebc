//! Who an actor appears with: the actor and its most frequent companions in
//! ([`Graph`]), a small star-shaped graph as inline SVG out ([`render`]).
//!
//! The actor sits in the middle; its companions sit on an ellipse around it, the most
//! frequent at the top (just right of it for an even number) and then clockwise, each
//! joined to the middle by a line as thick
//! as the number of briefings they share (relative to the most shared). Each companion
//! is a link to its actor page. Horizontal positions are percentages (see the module
//! above), vertical ones pixels, so the graph keeps its height and label size on a
//! phone and spreads out on a wide screen.

use super::{clip, esc, num, open_svg};

/// An actor in the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub name: String,
    /// `person`, `organization`, `place` or `group`: the mark's class (`pic-person`).
    pub kind: &'static str,
    pub url: String,
}

/// The actor and its companions, most briefings in common first.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    pub id: String,
    pub center: Node,
    /// Each companion with the number of briefings shared with the center.
    pub companions: Vec<(Node, usize)>,
}

/// Companions drawn at most.
pub const MAX_COMPANIONS: usize = 8;
const HEIGHT: f64 = 290.0;
const CENTER_Y: f64 = 135.0;
/// Half axes of the ellipse: percent of the width, pixels.
const RX: f64 = 36.0;
const RY: f64 = 95.0;
/// Characters of a label line.
const LINE: usize = 16;

/// The graph as inline SVG; empty without companions.
pub fn render(graph: &Graph) -> String {
    let shown = &graph.companions[..graph.companions.len().min(MAX_COMPANIONS)];
    if shown.is_empty() {
        return String::new();
    }
    let most = shown.iter().map(|c| c.1).max().unwrap_or(1).max(1) as f64;
    let center = &graph.center;
    let mut svg = open_svg(
        "pic-graph",
        &graph.id,
        HEIGHT,
        13,
        &format!("Who {} appears with", center.name),
        &description(&center.name, shown),
    );
    // An even number of companions is turned by half a step, so no one sits straight
    // below the middle, where its label would meet its neighbours' (odd numbers have
    // no one there).
    let n = shown.len() as f64;
    let turn = if shown.len().is_multiple_of(2) {
        0.5
    } else {
        0.0
    };
    let places: Vec<(f64, f64)> = (0..shown.len())
        .map(|i| {
            let angle = std::f64::consts::TAU * (i as f64 + turn) / n;
            (50.0 + RX * angle.sin(), CENTER_Y - RY * angle.cos())
        })
        .collect();
    svg.push_str(r#"<g class="pic-edges" stroke="currentColor" stroke-opacity=".4">"#);
    for ((_, count), &(x, y)) in shown.iter().zip(&places) {
        svg.push_str(&format!(
            r#"<line x1="50%" y1="{}" x2="{}%" y2="{}" stroke-width="{}"/>"#,
            num(CENTER_Y),
            num(x),
            num(y),
            num(1.0 + 5.0 * *count as f64 / most)
        ));
    }
    svg.push_str("</g>");
    svg.push_str(&node(center, None, (50.0, CENTER_Y), 11.0, "middle"));
    for ((other, count), &(x, y)) in shown.iter().zip(&places) {
        let anchor = anchor(x);
        let r = 5.0 + 4.0 * *count as f64 / most;
        svg.push_str(&node(other, Some(*count), (x, y), r, anchor));
    }
    svg.push_str("</svg>");
    svg
}

/// Half the width of a label of [`LINE`] characters on a phone, in percent of the width.
const HALF_LABEL: f64 = 15.5;

/// How a companion's label at `x` (percent) runs: centred under or over its dot where
/// it fits; outward in the middle column, where the centred labels of two dots facing
/// each other across the middle would meet; inward at the sides, which leave no room
/// outside them on a phone.
fn anchor(x: f64) -> &'static str {
    let off = x - 50.0;
    match off.abs() {
        d if d < 1.0 => "middle",
        d if d < HALF_LABEL + 0.5 => match off < 0.0 {
            true => "end",
            false => "start",
        },
        _ if x - HALF_LABEL >= 2.0 && x + HALF_LABEL <= 98.0 => "middle",
        _ => match off < 0.0 {
            true => "start",
            false => "end",
        },
    }
}

/// "Ana Varela appears with Aleksandr Dovrenko in 5 briefings, Meranthe in 4."
fn description(name: &str, shown: &[(Node, usize)]) -> String {
    let parts: Vec<String> = shown
        .iter()
        .enumerate()
        .map(|(i, (n, c))| {
            let unit = match (i, *c) {
                (0, 1) => " briefing",
                (0, _) => " briefings",
                _ => "",
            };
            format!("{} in {c}{unit}", n.name)
        })
        .collect();
    format!("{name} appears with {}.", parts.join(", "))
}

/// A node: a dot and its label, a link with a name unless it is the center.
fn node(n: &Node, count: Option<usize>, (x, y): (f64, f64), r: f64, anchor: &str) -> String {
    let mut out = String::new();
    if let Some(count) = count {
        let unit = if count == 1 { "briefing" } else { "briefings" };
        // Named by its `<title>`, not `aria-label`: the visible label may be cut or
        // wrapped, and a link's name must contain what it shows.
        let name = esc(&format!("{}: {count} {unit} together", n.name));
        out.push_str(&format!(
            r#"<a href="{}"><title>{name}</title>"#,
            esc(&n.url)
        ));
    }
    out.push_str(&format!(
        r#"<circle class="pic-node pic-{}" cx="{}%" cy="{}" r="{}"/>"#,
        esc(n.kind),
        num(x),
        num(y),
        num(r)
    ));
    let weight = if count.is_none() {
        r#" font-weight="700""#
    } else {
        ""
    };
    // Labels go above the dots of the upper half (and the middle row) and below those
    // of the lower half and the center, away from the lines to the middle.
    let lines = label_lines(&n.name);
    let below = y > CENTER_Y || count.is_none();
    let mut line_y = match below {
        true => y + r + 14.0,
        false => y - r - 6.0 - 15.0 * (lines.len() as f64 - 1.0),
    };
    for line in lines {
        out.push_str(&format!(
            r#"<text x="{}%" y="{}" text-anchor="{anchor}"{weight}>{}</text>"#,
            num(x),
            num(line_y),
            esc(&line)
        ));
        line_y += 15.0;
    }
    if count.is_some() {
        out.push_str("</a>");
    }
    out
}

/// A name on at most two lines of about [`LINE`] characters, cut at a space.
fn label_lines(name: &str) -> Vec<String> {
    let name = name.trim();
    if name.chars().count() <= LINE {
        return vec![name.to_string()];
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut first = String::new();
    let mut rest = 0;
    for (i, w) in words.iter().enumerate() {
        if !first.is_empty() && first.chars().count() + 1 + w.chars().count() > LINE {
            break;
        }
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(w);
        rest = i + 1;
    }
    let second = words[rest..].join(" ");
    if second.is_empty() {
        return vec![clip(&first, LINE)];
    }
    vec![clip(&first, LINE), clip(&second, LINE)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str) -> Node {
        Node {
            name: name.into(),
            kind: "person",
            url: format!("/actors/{}/", name.to_lowercase().replace(' ', "-")),
        }
    }

    #[test]
    fn names_wrap_on_two_lines_at_most() {
        let cases: [(&str, &[&str]); 4] = [
            ("Ana Varela", &["Ana Varela"]),
            (
                "Emmer Delta Farmers' Union",
                &["Emmer Delta", "Farmers' Union"],
            ),
            (
                "Sarn Basin Water Commission of the Two Rivers",
                &["Sarn Basin Water", "Commission of t…"],
            ),
            ("Supercalifragilisticexpialidocious", &["Supercalifragil…"]),
        ];
        for (name, want) in cases {
            assert_eq!(label_lines(name), want, "{name}");
        }
    }

    #[test]
    fn the_graph_links_each_companion_and_describes_them_all() {
        let companions: Vec<(Node, usize)> = (0..10)
            .map(|i| (node(&format!("Person {i}")), 10 - i))
            .collect();
        let svg = render(&Graph {
            id: "seen".into(),
            center: node("Ana <Varela>"),
            companions,
        });
        assert_eq!(svg.matches("<a href=").count(), MAX_COMPANIONS);
        assert_eq!(svg.matches("<line").count(), MAX_COMPANIONS);
        assert!(
            svg.contains("<title id=\"seen-title\">Who Ana &lt;Varela&gt; appears with</title>"),
            "{svg}"
        );
        assert!(
            svg.contains(
                "Ana &lt;Varela&gt; appears with Person 0 in 10 briefings, Person 1 in 9,"
            )
        );
        assert!(svg.contains("<title>Person 0: 10 briefings together</title>"));
        assert!(
            !svg.contains("Person 8"),
            "only the most frequent are drawn"
        );
        let empty = Graph {
            id: "x".into(),
            center: node("Alone"),
            companions: Vec::new(),
        };
        assert_eq!(render(&empty), "");
    }

    /// The label of each companion: (x in percent, y of its first line, anchor), from the
    /// SVG.
    fn labels(svg: &str) -> Vec<(f64, f64, String)> {
        svg.split("<a href=")
            .skip(1)
            .map(|node| {
                let text = &node[node.find("<text").unwrap()..];
                let attr = |name: &str| {
                    let at = text.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                    text[at..at + text[at..].find('"').unwrap()].to_string()
                };
                (
                    attr("x").trim_end_matches('%').parse().unwrap(),
                    attr("y").parse().unwrap(),
                    attr("text-anchor"),
                )
            })
            .collect()
    }

    #[test]
    fn labels_of_neighbours_run_apart() {
        for count in 2..=MAX_COMPANIONS {
            let companions: Vec<(Node, usize)> = (0..count)
                .map(|i| (node(&format!("Companion Number {i}")), 10 - i))
                .collect();
            let svg = render(&Graph {
                id: "seen".into(),
                center: node("Ana Varela"),
                companions,
            });
            let labels = labels(&svg);
            // A label of a full line, as wide as a phone shows it, stays inside the
            // picture and clear of every label on its row (within a line of it).
            let width = 2.0 * HALF_LABEL;
            let extent = |(x, _, anchor): &(f64, f64, String)| match anchor.as_str() {
                "start" => (*x, x + width),
                "end" => (x - width, *x),
                _ => (x - width / 2.0, x + width / 2.0),
            };
            for (i, a) in labels.iter().enumerate() {
                let (lo, hi) = extent(a);
                assert!(
                    lo >= 0.0 && hi <= 100.0,
                    "{count}: {a:?} leaves the picture"
                );
                for b in &labels[i + 1..] {
                    let (blo, bhi) = extent(b);
                    let apart = hi <= blo || bhi <= lo;
                    assert!(
                        apart || (a.1 - b.1).abs() >= 15.0,
                        "{count}: {a:?} meets {b:?}"
                    );
                }
            }
            assert!(
                labels.iter().all(|l| l.0 != 50.0 || l.1 < 135.0),
                "{count}: no one straight below the middle: {labels:?}"
            );
        }
    }
}
