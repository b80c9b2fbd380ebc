//! The corpus kept up to date one briefing at a time equals the corpus built from
//! scratch from the same briefings: checked after every step of seeded random
//! sequences of adds, edits (of dates, tags, actors and events), renames and deletes.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::civil::date;

use super::*;
use crate::analysis::ActorKind;
use crate::briefing::{ActorMeta, BriefingMeta, EventMeta};

/// The sources of a merged event: (file slug, event index).
type Sources = Vec<(String, usize)>;

/// Everything a corpus shows, written with file slugs and actor slugs instead of ids.
fn snapshot(c: &Corpus) -> String {
    let slug = |b: BriefingId| c.briefing(b).slug.clone();
    let actor = |a: ActorId| c.actor(a).slug.clone();
    let mut out = String::new();
    let order: Vec<(String, String)> = c
        .order()
        .iter()
        .map(|&b| (slug(b), c.url_slug(b).to_string()))
        .collect();
    out.push_str(&format!("order {order:?}\n"));
    for &b in c.order() {
        let tags: Vec<&str> = c
            .tags_of(b)
            .iter()
            .map(|&t| c.tag(t).slug.as_str())
            .collect();
        let actors: Vec<String> = c.actors_of(b).iter().map(|&a| actor(a)).collect();
        let events: Vec<Vec<String>> = (0..c.briefing(b).meta.timeline.len())
            .map(|e| {
                c.event_actors(EventRef::new(b, e))
                    .iter()
                    .map(|&a| actor(a))
                    .collect()
            })
            .collect();
        let related: Vec<(String, Vec<String>)> = c
            .related(b, 5)
            .into_iter()
            .map(|r| (slug(r.briefing), r.shared.into_iter().map(actor).collect()))
            .collect();
        out.push_str(&format!(
            "briefing {} {:?} tags {tags:?} actors {actors:?} events {events:?} related {related:?}\n",
            slug(b),
            c.position(b)
        ));
    }
    for &t in c.tags() {
        let tag = c.tag(t);
        let list: Vec<String> = tag.briefings.iter().map(|&b| slug(b)).collect();
        out.push_str(&format!("tag {} {} {list:?}\n", tag.name, tag.slug));
    }
    for a in c.actors() {
        let x = c.actor(a);
        let apps: Vec<(String, usize)> = x
            .appearances
            .iter()
            .map(|app| (slug(app.briefing), app.actor))
            .collect();
        let postings: Vec<String> = c.postings(a).iter().map(|&b| slug(b)).collect();
        let events: Vec<(String, usize)> = c
            .actor_events(a)
            .iter()
            .map(|e| (slug(e.briefing), e.index()))
            .collect();
        let seen: Vec<(String, usize)> = c
            .seen_with(a, 12)
            .into_iter()
            .map(|(o, n)| (actor(o), n))
            .collect();
        let roles: Vec<(String, usize, Vec<String>)> = c
            .roles(a, 12)
            .into_iter()
            .map(|r| (r.role, r.count, r.sources.into_iter().map(slug).collect()))
            .collect();
        out.push_str(&format!(
            "actor {} {} {:?} {:?} apps {apps:?} postings {postings:?} events {events:?} seen {seen:?} roles {roles:?} facts {:?}\n",
            x.slug, x.name, x.kind, x.aliases, c.actor_facts(a)
        ));
    }
    for g in c.timeline().groups() {
        let events: Vec<(String, String, Sources)> = g
            .events
            .iter()
            .map(|e| {
                let sources = e
                    .sources
                    .iter()
                    .map(|s| (slug(s.briefing), s.index()))
                    .collect();
                (e.value.clone(), e.text.clone(), sources)
            })
            .collect();
        out.push_str(&format!("group {} {events:?}\n", g.value));
    }
    out
}

const SLUGS: [&str; 10] = ["a", "b", "c", "d", "e", "f", "Ünïcode", "unicode", "g", "h"];
const NAMES: [(&str, ActorKind, &[&str]); 9] = [
    ("Sergey Lavrov", ActorKind::Person, &[]),
    ("Lavrov", ActorKind::Person, &[]),
    ("Sergei Lavrov", ActorKind::Person, &["Lavrov"]),
    ("Anna Lavrov", ActorKind::Person, &[]),
    ("NATO", ActorKind::Organization, &[]),
    (
        "North Atlantic Treaty Organization",
        ActorKind::Organization,
        &["NATO"],
    ),
    ("Georgia", ActorKind::Place, &[]),
    ("Georgia", ActorKind::Person, &[]),
    ("Port Calder", ActorKind::Place, &[]),
];
/// Names of things: the first two are also names of actors (a place, an organisation).
const THINGS: [&str; 3] = ["Port Calder", "NATO", "Calder Bridge"];
const ROLES: [Option<&str>; 4] = [
    None,
    Some("Foreign Minister"),
    Some("foreign minister"),
    Some("Envoy"),
];
const TAGS: [&str; 5] = ["Water", "water", "Ports", "Labour", " ports "];
const DATES: [&str; 6] = [
    "2024-03-12",
    "2024-W11-2",
    "2024-03",
    "2024",
    "XXXX-WXX-3",
    "2024-03-12T10:00",
];
const TEXTS: [&str; 5] = [
    "Lavrov met envoys from NATO in Port Calder",
    "Lavrov met the envoys from NATO in Port Calder on Tuesday",
    "Talks collapsed in Georgia",
    "The council voted 9 to 4",
    "The council voted 9 to 5",
];

fn pick<T: Copy>(rng: &mut fastrand::Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

/// An entry of a briefing's actor or things list, without role, aliases or quotes.
pub(super) fn entry(name: &str, kind: ActorKind, mentions: usize, salience: f64) -> ActorMeta {
    ActorMeta {
        name: name.to_string(),
        kind,
        role: None,
        aliases: Vec::new(),
        mentions,
        salience,
        quotes: Vec::new(),
        source: false,
    }
}

fn random_briefing(rng: &mut fastrand::Rng, slug: &str) -> Briefing {
    let actors: Vec<ActorMeta> = (0..rng.usize(0..5))
        .map(|_| {
            let (name, kind, aliases) = pick(rng, &NAMES);
            ActorMeta {
                role: pick(rng, &ROLES).map(str::to_string),
                aliases: aliases.iter().map(|s| s.to_string()).collect(),
                ..entry(name, kind, 1, 0.5)
            }
        })
        .collect();
    // Things named like actors of other briefings: shown as those actors, and their
    // events are on those actors' timelines (which an edit of contents must keep).
    let things: Vec<ActorMeta> = (0..rng.usize(0..3))
        .map(|_| entry(pick(rng, &THINGS), ActorKind::Thing, 2, 0.1))
        .collect();
    let timeline: Vec<EventMeta> = (0..rng.usize(0..4))
        .map(|_| EventMeta {
            date: pick(rng, &DATES).to_string(),
            when: String::new(),
            text: pick(rng, &TEXTS).to_string(),
            actors: match rng.u8(0..3) {
                0 => vec![pick(rng, &NAMES).0.to_string()],
                1 => vec![pick(rng, &THINGS).to_string()],
                _ => Vec::new(),
            },
            reported: rng.bool(),
        })
        .collect();
    let day = match rng.u8(0..5) {
        0 => None,
        n => Some(date(2024, 3, n as i8 * 3)),
    };
    Briefing {
        slug: slug.to_string(),
        path: PathBuf::from(format!("content/briefings/{slug}.md")),
        meta: BriefingMeta {
            title: format!("About {slug}"),
            date: day,
            language: None,
            actors,
            things,
            timeline,
            tags: (0..rng.usize(0..3))
                .map(|_| pick(rng, &TAGS).to_string())
                .collect(),
            draft: rng.u8(0..8) == 0,
            ..BriefingMeta::default()
        },
        body: format!("Body of {slug} {}", rng.u32(..)),
        body_line: 10,
    }
}

/// The id of every briefing and actor, by file slug and actor slug.
fn ids_by_slug(c: &Corpus) -> (BTreeMap<String, BriefingId>, BTreeMap<String, ActorId>) {
    let briefings = c
        .order()
        .iter()
        .map(|&b| (c.briefing(b).slug.clone(), b))
        .collect();
    let actors = c.actors().map(|a| (c.actor(a).slug.clone(), a)).collect();
    (briefings, actors)
}

/// Runs `steps` random changes from seed `seed`, comparing with a fresh build each time.
fn check_sequence(seed: u64, steps: usize, drafts: bool) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut current: BTreeMap<String, Briefing> = BTreeMap::new();
    let mut corpus = Corpus::build(Vec::<Briefing>::new(), drafts);
    for step in 0..steps {
        let (mut changed, mut removed) = (Vec::new(), Vec::new());
        for _ in 0..rng.usize(1..4) {
            let slug = pick(&mut rng, &SLUGS).to_string();
            match rng.u8(0..4) {
                0 if current.contains_key(&slug) => {
                    current.remove(&slug);
                    changed.retain(|b: &Briefing| b.slug != slug);
                    removed.push(slug);
                }
                1 if !current.is_empty() => {
                    // a rename: one file gone, another one with its content
                    let old = current.keys().next().cloned().unwrap_or_default();
                    if let Some(mut b) = current.remove(&old) {
                        changed.retain(|x: &Briefing| x.slug != old);
                        removed.push(old);
                        removed.retain(|r| *r != slug);
                        b.slug.clone_from(&slug);
                        changed.retain(|x: &Briefing| x.slug != slug);
                        changed.push(b.clone());
                        current.insert(slug, b);
                    }
                }
                2 if current.contains_key(&slug) => {
                    // a contents edit: the events and the body, nothing else
                    let fresh = random_briefing(&mut rng, &slug);
                    if let Some(b) = current.get_mut(&slug) {
                        b.meta.timeline = fresh.meta.timeline;
                        b.body = fresh.body;
                        changed.retain(|x: &Briefing| x.slug != slug);
                        changed.push(b.clone());
                    }
                }
                _ => {
                    let b = random_briefing(&mut rng, &slug);
                    removed.retain(|r| *r != slug);
                    changed.retain(|x: &Briefing| x.slug != slug);
                    changed.push(b.clone());
                    current.insert(slug, b);
                }
            }
        }
        let ids_before = ids_by_slug(&corpus);
        let delta = corpus.update(changed, &removed);
        if delta.contents().is_some() {
            // what `site::Cache` keeps under the surface digest names briefings and
            // actors by id: an update of contents must keep every one
            assert_eq!(ids_by_slug(&corpus), ids_before, "seed {seed}, step {step}");
        }
        let fresh = Corpus::build(current.values().cloned(), drafts);
        let (got, want) = (snapshot(&corpus), snapshot(&fresh));
        assert_eq!(got, want, "seed {seed}, step {step}");
        let shown = current.values().filter(|b| drafts || !b.meta.draft).count();
        assert_eq!(corpus.ids().len(), shown, "seed {seed}, step {step}");
    }
}

#[test]
fn an_updated_corpus_equals_one_built_from_scratch() {
    for seed in 0..40 {
        check_sequence(seed, 30, seed % 4 == 0);
    }
}

#[test]
fn briefing_ids_survive_an_edit_and_order_follows_dates() {
    let mut rng = fastrand::Rng::with_seed(7);
    let mut a = random_briefing(&mut rng, "a");
    a.meta.date = Some(date(2024, 3, 1));
    a.meta.draft = false;
    let mut b = random_briefing(&mut rng, "b");
    b.meta.date = Some(date(2024, 3, 2));
    b.meta.draft = false;
    let mut corpus = Corpus::build(vec![a.clone(), b.clone()], false);
    let id = corpus.by_file_slug("a").unwrap();
    assert_eq!(corpus.position(id), 1, "older after newer");
    a.meta.date = Some(date(2024, 3, 9));
    corpus.update(vec![a], &[]);
    assert_eq!(
        corpus.by_file_slug("a"),
        Some(id),
        "the same id after an edit"
    );
    assert_eq!(corpus.position(id), 0, "now the newest");
}

#[test]
fn url_slugs_are_stable_and_unique_whatever_the_order() {
    let mut rng = fastrand::Rng::with_seed(1);
    let plain = random_briefing(&mut rng, "unicode");
    let accented = random_briefing(&mut rng, "Ünïcode");
    let alone = Corpus::build(vec![accented.clone()], true);
    let b = alone.by_file_slug("Ünïcode").unwrap();
    assert_eq!(
        alone.url_slug(b),
        "unicode",
        "cleaned when no other briefing wants it"
    );
    let both = Corpus::build(vec![plain, accented], true);
    let (p, a) = (
        both.by_file_slug("unicode").unwrap(),
        both.by_file_slug("Ünïcode").unwrap(),
    );
    assert_eq!(
        both.url_slug(p),
        "unicode",
        "a safe file slug keeps its URL"
    );
    assert!(
        both.url_slug(a).starts_with("unicode-") && both.url_slug(a).len() == "unicode-".len() + 8,
        "{}",
        both.url_slug(a)
    );
}

/// `Corpus::related` as first written (a map of candidates, each with its own list of
/// shared actors, all sorted): the reference the faster version must equal.
fn related_by_map(c: &Corpus, b: BriefingId, limit: usize) -> Vec<(BriefingId, Vec<ActorId>)> {
    use std::collections::{HashMap, HashSet};
    let here = c.position(b);
    let mut scores: HashMap<BriefingId, (f64, Vec<ActorId>)> = HashMap::new();
    let mut seen = HashSet::new();
    for &actor in c.actors_of(b).iter().filter(|a| seen.insert(**a)) {
        let list = c.postings(actor);
        let weight = 1.0 / (1.0 + (list.len() as f64).ln());
        let at = list.partition_point(|&o| c.position(o) < here);
        let window =
            &list[at.saturating_sub(related::WINDOW)..(at + related::WINDOW + 1).min(list.len())];
        for &other in window.iter().filter(|&&o| o != b) {
            let entry = scores.entry(other).or_insert((0.0, Vec::new()));
            entry.0 += weight;
            entry.1.push(actor);
        }
    }
    let mut ranked: Vec<(usize, f64, BriefingId, Vec<ActorId>)> = scores
        .into_iter()
        .map(|(o, (s, shared))| (c.position(o), s, o, shared))
        .collect();
    ranked.sort_by(|x, y| {
        y.1.total_cmp(&x.1)
            .then(x.0.abs_diff(here).cmp(&y.0.abs_diff(here)))
            .then(x.0.cmp(&y.0))
    });
    ranked.truncate(limit);
    ranked
        .into_iter()
        .map(|(_, _, o, shared)| (o, shared))
        .collect()
}

#[test]
fn related_briefings_equal_the_reference_ranking() {
    // Enough briefings that the window of an actor's list cuts (more than 2 x WINDOW
    // briefings share the commonest names), and limits below, at and above the
    // candidates' count.
    for seed in 0..4 {
        let mut rng = fastrand::Rng::with_seed(seed);
        let briefings: Vec<Briefing> = (0..500)
            .map(|i| random_briefing(&mut rng, &format!("b{i}")))
            .collect();
        let corpus = Corpus::build(briefings, seed % 2 == 0);
        let longest = corpus.actors().map(|a| corpus.postings(a).len()).max();
        assert!(
            longest > Some(2 * related::WINDOW + 1),
            "seed {seed}: {longest:?}"
        );
        for &b in corpus.order() {
            for limit in [0, 1, 5, 400] {
                let got: Vec<(BriefingId, Vec<ActorId>)> = corpus
                    .related(b, limit)
                    .into_iter()
                    .map(|r| (r.briefing, r.shared))
                    .collect();
                assert_eq!(
                    got,
                    related_by_map(&corpus, b, limit),
                    "seed {seed}, limit {limit}"
                );
            }
        }
    }
}

/// `Corpus::seen_with` as first written (a SipHash map, every co-actor sorted).
fn seen_with_by_map(c: &Corpus, a: ActorId, limit: usize) -> Vec<(ActorId, usize)> {
    let mut counts: std::collections::HashMap<ActorId, usize> = Default::default();
    for &b in c.postings(a) {
        let mut present: Vec<ActorId> = c
            .actors_of(b)
            .iter()
            .copied()
            .take(related::MAX_ACTORS)
            .collect();
        present.sort_unstable();
        present.dedup();
        if present.contains(&a) {
            for &y in present.iter().filter(|&&y| y != a) {
                *counts.entry(y).or_default() += 1;
            }
        }
    }
    let mut list: Vec<(ActorId, usize)> = counts.into_iter().collect();
    list.sort_by(|x, y| {
        y.1.cmp(&x.1)
            .then_with(|| c.actor(x.0).slug.cmp(&c.actor(y.0).slug))
    });
    list.truncate(limit);
    list
}

#[test]
fn actors_seen_with_equal_the_reference_counts() {
    for seed in 0..4 {
        let mut rng = fastrand::Rng::with_seed(seed);
        let briefings: Vec<Briefing> = (0..120)
            .map(|i| random_briefing(&mut rng, &format!("b{i}")))
            .collect();
        let corpus = Corpus::build(briefings, true);
        for a in corpus.actors() {
            for limit in [0, 1, 2, 3, 50] {
                assert_eq!(
                    corpus.seen_with(a, limit),
                    seen_with_by_map(&corpus, a, limit),
                    "seed {seed}, limit {limit}"
                );
            }
        }
    }
}

/// Briefings with more actors than `related::MAX_ACTORS` (so that an actor past the cut
/// is not counted), from a pool small enough that counts and scores tie at the limits.
fn crowded_corpus(seed: u64) -> Corpus {
    let mut rng = fastrand::Rng::with_seed(seed);
    let briefings: Vec<Briefing> = (0..60)
        .map(|i| {
            let mut b = random_briefing(&mut rng, &format!("c{i}"));
            let mut pool: Vec<usize> = (0..70).collect();
            rng.shuffle(&mut pool);
            b.meta.actors = pool[..related::MAX_ACTORS + 5]
                .iter()
                .map(|k| entry(&format!("Agency {k}"), ActorKind::Organization, 1, 0.5))
                .collect();
            b
        })
        .collect();
    Corpus::build(briefings, true)
}

#[test]
fn crowded_briefings_rank_and_count_as_the_references_do_ties_included() {
    let (mut count_ties, mut score_ties) = (0, 0);
    for seed in 0..3 {
        let corpus = crowded_corpus(seed);
        for a in corpus.actors() {
            let all = seen_with_by_map(&corpus, a, usize::MAX);
            for limit in [1, 5, 30] {
                count_ties += usize::from(all.len() > limit && all[limit - 1].1 == all[limit].1);
                assert_eq!(
                    corpus.seen_with(a, limit),
                    seen_with_by_map(&corpus, a, limit)
                );
            }
        }
        for &b in corpus.order() {
            let got: Vec<(BriefingId, Vec<ActorId>)> = corpus
                .related(b, 5)
                .into_iter()
                .map(|r| (r.briefing, r.shared))
                .collect();
            let all = related_by_map(&corpus, b, usize::MAX);
            score_ties += usize::from(all.len() > 5 && all[4].1.len() == all[5].1.len());
            assert_eq!(got, related_by_map(&corpus, b, 5), "seed {seed}");
        }
    }
    assert!(
        count_ties > 0 && score_ties > 0,
        "{count_ties} {score_ties}"
    );
}
