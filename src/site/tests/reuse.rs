//! A render that reuses the last render's keys (`watch`, `serve`) leaves the output a
//! full render gives: over seeded random sequences of contents edits (bodies, timelines,
//! summaries, quotes) mixed with every other kind of update, an output kept the way the
//! publisher keeps it equals a fresh render of the same corpus after every step.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use jiff::civil::date;

use super::keys::random_briefing;
use super::*;
use crate::briefing::{Briefing, EventMeta};

/// An output as the publisher keeps it: pages with their keys; a page neither put nor
/// declared unchanged leaves at the commit, unless the render kept the unlisted ones.
#[derive(Default)]
struct Output {
    pages: Mutex<Keyed>,
    claimed: Mutex<BTreeSet<String>>,
    keep_unlisted: AtomicBool,
    removed: Mutex<Vec<String>>,
    rendered: AtomicUsize,
}

impl Sink for Output {
    type Error = std::convert::Infallible;

    fn unchanged(&self, path: &str, key: &Key) -> bool {
        let same = self.pages.lock().unwrap().get(path).map(|p| p.0) == Some(*key);
        if same {
            self.claimed.lock().unwrap().insert(path.to_string());
        }
        same
    }

    fn put(&self, path: &str, key: &Key, bytes: &[u8]) -> Result<(), Self::Error> {
        self.rendered.fetch_add(1, Ordering::Relaxed);
        let mut pages = self.pages.lock().unwrap();
        pages.insert(path.to_string(), (*key, bytes.to_vec()));
        assert!(self.claimed.lock().unwrap().insert(path.to_string()));
        Ok(())
    }

    fn keep_unlisted(&self) {
        self.keep_unlisted.store(true, Ordering::SeqCst);
    }

    fn remove(&self, path: &str) -> Result<(), Self::Error> {
        self.removed.lock().unwrap().push(path.to_string());
        Ok(())
    }
}

impl Output {
    fn commit(&self) {
        let claimed = std::mem::take(&mut *self.claimed.lock().unwrap());
        let removed = std::mem::take(&mut *self.removed.lock().unwrap());
        let mut pages = self.pages.lock().unwrap();
        match self.keep_unlisted.swap(false, Ordering::SeqCst) {
            true => pages.retain(|p, _| !removed.contains(p)),
            false => pages.retain(|p, _| claimed.contains(p)),
        }
    }
}

/// An edit of what only the briefing's own page, its actors' pages, the timeline, the
/// feed and the data files show.
fn edit_contents(rng: &mut fastrand::Rng, b: &mut Briefing) {
    match rng.u8(0..5) {
        0 => b
            .body
            .push_str(["\nMore notes.\n", "\nSee [the gone page](gone.md).\n"][rng.usize(0..2)]),
        1 => b.meta.summary.push(format!("Point {}.", rng.u8(0..9))),
        2 => b.meta.timeline.push(EventMeta {
            date: ["2024-03-12", "2023-11-02", "2024-05"][rng.usize(0..3)].into(),
            when: String::new(),
            text: "Ferries stopped".into(),
            actors: Vec::new(),
            reported: false,
        }),
        3 => drop(b.meta.timeline.pop()),
        _ => {
            for a in &mut b.meta.actors {
                a.quotes.push("We wait".into());
                a.salience /= 2.0;
            }
        }
    }
}

#[test]
fn a_render_that_reuses_keys_leaves_the_output_a_full_render_gives() {
    let config = fixtures::config("https://example.org/", 2);
    let options = fixtures::options();
    let mut templates = load_templates(&config, &ThemeFiles::default()).unwrap();
    let slugs = ["a", "b", "c", "d", "e", "f", "g"];
    let (mut narrow, mut skipped) = (0, 0);
    for seed in 0..10 {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut current: BTreeMap<String, Briefing> = slugs[..5]
            .iter()
            .map(|s| (s.to_string(), random_briefing(&mut rng, s)))
            .collect();
        let mut corpus = Corpus::build(current.values().cloned(), false);
        let (cache, output) = (Cache::default(), Output::default());
        let seen = BTreeMap::new();
        for step in 0..14 {
            cache.pages.check_output(Some([0; 16]));
            let all = output.pages.lock().unwrap().len();
            let rendered = render(
                &config,
                &mut templates,
                &corpus,
                &options,
                &seen,
                &cache,
                &output,
            )
            .unwrap_or_else(|_| panic!("seed {seed} step {step}"));
            output.commit();
            cache.pages.committed([0; 16]);
            let (want, full) = render_all(&config, &mut templates, &corpus, &options).unwrap();
            let messages = |r: &crate::site::Rendered| -> Vec<String> {
                r.warnings
                    .iter()
                    .map(|w| format!("{}: {}", w.location, w.message))
                    .collect()
            };
            assert_eq!(
                messages(&rendered),
                messages(&full),
                "seed {seed} step {step}: link warnings"
            );
            let got = output.pages.lock().unwrap().clone();
            let differ: Vec<&String> = want
                .keys()
                .chain(got.keys())
                .filter(|p| want.get(*p).map(|w| &w.1) != got.get(*p).map(|g| &g.1))
                .collect();
            assert!(differ.is_empty(), "seed {seed} step {step}: {differ:?}");
            skipped += all.saturating_sub(output.rendered.swap(0, Ordering::Relaxed));
            let slug = slugs[rng.usize(..slugs.len())].to_string();
            let (mut changed, mut removed) = (Vec::new(), Vec::new());
            let many = current.len() > 1;
            match (rng.u8(0..6), current.get_mut(&slug)) {
                (0, Some(_)) if many => {
                    current.remove(&slug);
                    removed.push(slug);
                }
                (1, _) => {
                    let b = random_briefing(&mut rng, &slug);
                    current.insert(slug, b.clone());
                    changed.push(b);
                }
                (2, Some(b)) => {
                    b.meta.date = Some(date(2024, 2, rng.i8(1..28)));
                    changed.push(b.clone());
                }
                (_, Some(b)) => {
                    edit_contents(&mut rng, b);
                    changed.push(b.clone());
                }
                _ => {}
            }
            let delta = corpus.update(changed, &removed);
            narrow += usize::from(delta.contents().is_some_and(|c| !c.is_empty()));
            cache.note(&delta);
        }
    }
    assert!(narrow > 25, "many steps are contents edits ({narrow})");
    assert!(
        skipped > 1000,
        "they render few pages ({skipped} not rendered)"
    );
}
