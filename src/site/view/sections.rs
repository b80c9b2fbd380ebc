//! The body of a briefing page, cut at its top-level headings: which sections repeat
//! the front matter (hidden: the page shows the richer form), which stand in for a
//! part of it (shown in its place), and the rest (the "Full briefing" part).
//!
//! The "Summary", "Key actors" and "Timeline" sections restate the front matter. One
//! still exactly as the tool wrote it (`briefing::sections::untouched`) *repeats*. One
//! someone edited, or wrote by hand, is *placed*: the page shows it where the key
//! points, the actor cards or the timeline would be, so an edit never moves a part of
//! the briefing to the bottom of the page.

use serde::Serialize;

use crate::briefing::{self, Briefing};

use super::super::markdown::Body;

/// The headings of the sections that restate the front matter, in page order.
pub const PLACED: [&str; 3] = ["Summary", "Key actors", "Timeline"];

/// A top-level section of the body.
#[derive(Debug, Clone, Serialize)]
pub struct BodySection {
    /// The heading's id and text; empty for the part before the first heading.
    pub id: String,
    pub title: String,
    /// Sanitised HTML, heading included: `| safe`.
    pub html: String,
    /// It repeats a part of the front matter shown elsewhere on the page.
    pub repeats: bool,
    /// It was edited and is shown in place of a part of the front matter
    /// (`summary_html`, `actors_html`, `timeline_html`).
    pub placed: bool,
}

/// The body sections, and the HTML of the placed ones by [`PLACED`] heading.
#[derive(Debug, Clone, Default)]
pub struct Cut {
    pub sections: Vec<BodySection>,
    /// `summary`, `actors`, `timeline`: the placed sections of each, joined.
    pub placed: [Option<String>; 3],
}

impl Cut {
    /// The sections that are neither repeated nor placed, joined: `| safe`.
    pub fn rest_html(&self) -> String {
        self.sections
            .iter()
            .filter(|s| !s.repeats && !s.placed)
            .map(|s| s.html.as_str())
            .collect()
    }
}

/// Cuts the rendered body of `briefing`.
pub fn cut(body: &Body, briefing: &Briefing) -> Cut {
    let untouched = briefing::sections::untouched(&briefing.meta, &briefing.body);
    let mut placed: [Option<String>; 3] = Default::default();
    let sections = body
        .sections
        .iter()
        .map(|s| {
            let heading = s.heading.and_then(|h| body.headings.get(h));
            let title = heading.map_or(String::new(), |h| h.text.clone());
            let repeats = heading.is_some() && untouched.iter().any(|u| u.trim() == title.trim());
            let slot = PLACED
                .iter()
                .position(|p| heading.is_some() && p.eq_ignore_ascii_case(title.trim()))
                .filter(|_| !repeats);
            if let Some(slot) = slot {
                placed[slot]
                    .get_or_insert_with(String::new)
                    .push_str(&s.html);
            }
            BodySection {
                id: heading.map_or(String::new(), |h| h.id.clone()),
                title,
                html: s.html.clone(),
                repeats,
                placed: slot.is_some(),
            }
        })
        .collect();
    Cut { sections, placed }
}
