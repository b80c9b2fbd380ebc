//! When each briefing was first seen: the state file `.briefing/first-seen.json` in,
//! a [`FirstSeen`] record out.
//!
//! A feed entry needs a date. A briefing without a publication date must not get the
//! build date (it would move to the top of every reader's feed on every build, and
//! move the feed's own `updated`), so it gets the date its briefing was first built,
//! kept in the site's state folder. Reading the file is an input like any other, read
//! here at the edge; [`FirstSeen::with`] adds the briefings seen for the first time,
//! dated with the build's `today` (passed in, never read from the clock), and the
//! pipeline writes the record back with the site. A missing or unreadable file is an
//! empty record: the worst case is that undated briefings are dated today once.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The file name in the state folder.
pub const FILE: &str = "first-seen.json";

/// The first-seen date of every briefing, by briefing slug (its file name).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstSeen {
    pub version: u32,
    pub briefings: BTreeMap<String, Date>,
}

impl FirstSeen {
    /// Reads the record in `state_dir`; empty when there is none or it cannot be read.
    pub fn load(state_dir: &Path) -> FirstSeen {
        std::fs::read_to_string(state_dir.join(FILE))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// The record with every slug of `slugs` it does not know yet, first seen `today`.
    /// Slugs no longer built are kept (a briefing that comes back keeps its date).
    pub fn with<'a>(&self, slugs: impl IntoIterator<Item = &'a str>, today: Date) -> FirstSeen {
        let mut next = self.clone();
        next.version = 1;
        for slug in slugs {
            next.briefings.entry(slug.to_string()).or_insert(today);
        }
        next
    }

    /// Whether [`FirstSeen::with`] would return this record unchanged: every slug of
    /// `slugs` is known (a lookup each, where `with` copies the whole record).
    pub fn knows_all<'a>(&self, mut slugs: impl Iterator<Item = &'a str>) -> bool {
        self.version == 1 && slugs.all(|slug| self.briefings.contains_key(slug))
    }

    /// The record as the text of its file.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_briefing_keeps_the_date_it_was_first_seen() {
        let day = |d: i8| jiff::civil::date(2026, 3, d);
        let first = FirstSeen::default().with(["a", "b"], day(1));
        let second = first.with(["b", "c"], day(9));
        let got: Vec<(&str, Date)> = second
            .briefings
            .iter()
            .map(|(s, d)| (s.as_str(), *d))
            .collect();
        assert_eq!(got, [("a", day(1)), ("b", day(1)), ("c", day(9))]);
        assert!(second.knows_all(["c", "a"].into_iter()));
        assert!(!second.knows_all(["a", "d"].into_iter()));
        assert!(
            !FirstSeen::default().knows_all(std::iter::empty()),
            "version 0 is rewritten"
        );
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(FirstSeen::load(dir.path()), FirstSeen::default());
        std::fs::write(dir.path().join(FILE), second.to_json()).unwrap();
        assert_eq!(FirstSeen::load(dir.path()), second);
        std::fs::write(dir.path().join(FILE), "{ not json").unwrap();
        assert_eq!(FirstSeen::load(dir.path()), FirstSeen::default());
    }
}
