//! The strip's axis: where a day falls across the width, and which lane a mark takes.
//! In: the day spans of the marks (day numbers) or their extents in percent. Out: a
//! [`Scale`] of one or two segments (one long quiet stretch cut out as a break, see
//! [`BREAK_SHARE`]) and a lane per mark so that no two marks overlap. Pure geometry,
//! apart from the SVG it feeds, so it is tested on numbers alone.

use super::strip::{BREAK, BREAK_SHARE, MARGIN, MAX_LANES};

/// Maps a day number to a position in percent: one or two segments of the axis.
pub(super) struct Scale {
    /// (first day, last day, left %, right %) of each segment.
    pub(super) segments: Vec<(f64, f64, f64, f64)>,
}

impl Scale {
    /// A scale over `spans` (start, end day numbers), with one break at the longest
    /// gap when it is longer than [`BREAK_SHARE`] of the whole.
    pub(super) fn new(spans: &[(f64, f64)]) -> Scale {
        let first = spans.iter().map(|s| s.0).fold(f64::INFINITY, f64::min);
        let last = spans.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
        let mut sorted = spans.to_vec();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (mut reach, mut gap) = (sorted[0].1, None::<(f64, f64)>);
        for &(start, end) in &sorted[1..] {
            if start > reach && gap.is_none_or(|(a, b)| start - reach > b - a) {
                gap = Some((reach, start));
            }
            reach = reach.max(end);
        }
        let whole = (last - first).max(1.0);
        let (left, right) = (MARGIN, 100.0 - MARGIN);
        // A break only helps when a side has events apart to show.
        let worth = |&(a, b): &(f64, f64)| {
            (b - a) / whole > BREAK_SHARE && b - a > 30.0 && (a - first) + (last - b) >= 1.0
        };
        match gap.filter(worth) {
            Some((a, b)) => {
                let (one, two) = ((a - first).max(1.0), (last - b).max(1.0));
                let room = right - left - BREAK;
                let share = (one / (one + two)).clamp(0.25, 0.75);
                let mid = left + room * share;
                Scale {
                    segments: vec![(first, a, left, mid), (b, last, mid + BREAK, right)],
                }
            }
            None => Scale {
                segments: vec![(first, last, left, right)],
            },
        }
    }

    pub(super) fn x(&self, day: f64) -> f64 {
        let &(a, b, l, r) = self
            .segments
            .iter()
            .find(|s| day <= s.1)
            .unwrap_or(&self.segments[self.segments.len() - 1]);
        if b - a < 1.0 {
            return (l + r) / 2.0;
        }
        l + (day.clamp(a, b) - a) / (b - a) * (r - l)
    }

    /// Where the break is drawn, if there is one.
    pub(super) fn break_at(&self) -> Option<f64> {
        (self.segments.len() > 1).then(|| self.segments[0].3 + BREAK / 2.0)
    }
}

/// Puts each mark (given as left and right %) in a lane where it overlaps nothing.
pub(super) fn lanes(extents: &[(f64, f64)]) -> Vec<usize> {
    const GAP: f64 = 2.5;
    let mut order: Vec<usize> = (0..extents.len()).collect();
    order.sort_by(|&a, &b| extents[a].0.total_cmp(&extents[b].0));
    let mut ends: Vec<f64> = Vec::new();
    let mut lane_of = vec![0; extents.len()];
    for i in order {
        let (x0, x1) = extents[i];
        let lane = match ends.iter().position(|&end| end + GAP <= x0) {
            Some(l) => l,
            None if ends.len() < MAX_LANES => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
            None => (0..ends.len())
                .min_by(|&a, &b| ends[a].total_cmp(&ends[b]))
                .unwrap_or(0),
        };
        ends[lane] = ends[lane].max(x1);
        lane_of[i] = lane;
    }
    lane_of
}
