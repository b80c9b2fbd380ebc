//! Input keys are complete: over seeded random sequences of edits, adds, renames and
//! deletes, a page whose key did not change renders to the same bytes. (A key that
//! missed an input would let a build keep a stale page.)

use std::collections::BTreeMap;

use jiff::civil::date;

use super::*;
use crate::analysis::ActorKind;
use crate::briefing::Briefing;

const ACTORS: [(&str, ActorKind, Option<&str>); 8] = [
    ("Ilse Marrow", ActorKind::Person, Some("Transport Minister")),
    ("Marrow", ActorKind::Person, Some("Prime Minister")),
    ("Tomas Brede", ActorKind::Person, None),
    ("Harbour Workers' Union", ActorKind::Group, None),
    ("Council of the Estuary", ActorKind::Organization, None),
    ("CoE", ActorKind::Organization, None),
    ("Port Calder", ActorKind::Place, None),
    ("Norland", ActorKind::Place, None),
];
const TEXTS: [&str; 4] = [
    "Marrow met the Harbour Workers' Union in Port Calder",
    "Talks collapsed in Port Calder",
    "The Council of the Estuary voted 9 to 4",
    "Ferries stopped",
];
const DATES: [&str; 4] = ["2024-03-12", "2024-03", "2023-11-02", "XXXX-WXX-3"];
const SLUGS: [&str; 9] = ["a", "b", "c", "d", "e", "f", "g", "h", "Ünï"];

fn pick<T: Copy>(rng: &mut fastrand::Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

pub(super) fn random_briefing(rng: &mut fastrand::Rng, slug: &str) -> Briefing {
    let day = match rng.u8(0..6) {
        0 => None,
        n => Some(date(2024, 3, n as i8 * 4)),
    };
    let link = pick(rng, &SLUGS);
    let body = format!("## Notes\n\nSee [{link}]({link}.md) and [the index](/).\n");
    let mut b = fixtures::briefing(slug, &format!("On {slug} {}", rng.u8(0..3)), day, &body);
    b.meta.lede = format!("Lede {}", rng.u8(0..3));
    b.meta.actors = (0..rng.usize(0..5))
        .map(|_| {
            let (name, kind, role) = pick(rng, &ACTORS);
            fixtures::actor(name, kind, role, &[])
        })
        .collect();
    b.meta.timeline = (0..rng.usize(0..3))
        .map(|_| fixtures::event(pick(rng, &DATES), pick(rng, &TEXTS), &[]))
        .collect();
    b.meta.tags = (0..rng.usize(0..3))
        .map(|_| pick(rng, &["Ports", "ports", "Labour", "Water"]).to_string())
        .collect();
    b
}

/// For every path in both renders: the same key means the same bytes.
fn check_same_key_same_bytes(before: &Keyed, after: &Keyed, what: &str) -> usize {
    let mut kept = 0;
    for (path, (key, bytes)) in after {
        if let Some((old_key, old_bytes)) = before.get(path)
            && old_key == key
        {
            kept += 1;
            assert!(
                old_bytes == bytes,
                "{what}: {path} has the same key but renders differently"
            );
        }
    }
    kept
}

#[test]
fn a_page_whose_key_did_not_change_renders_the_same_bytes() {
    let config = fixtures::config("https://example.org/", 2);
    let options = fixtures::options();
    let mut templates = load_templates(&config, &ThemeFiles::default()).unwrap();
    let mut kept = 0;
    for seed in 0..12 {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut current: BTreeMap<String, Briefing> = BTreeMap::new();
        for slug in &SLUGS[..5] {
            current.insert(slug.to_string(), random_briefing(&mut rng, slug));
        }
        let mut corpus = Corpus::build(current.values().cloned(), false);
        let (mut before, _) = render_all(&config, &mut templates, &corpus, &options).unwrap();
        for step in 0..12 {
            let slug = pick(&mut rng, &SLUGS).to_string();
            let (mut changed, mut removed) = (Vec::new(), Vec::new());
            match rng.u8(0..5) {
                0 if current.len() > 1 => {
                    current.remove(&slug);
                    removed.push(slug);
                }
                1 => {
                    // a small edit: one field of an existing briefing
                    if let Some(b) = current.get_mut(&slug) {
                        match rng.u8(0..3) {
                            0 => b.meta.title.push('!'),
                            1 => b.meta.date = Some(date(2024, 2, rng.i8(1..28))),
                            _ => b.meta.actors.reverse(),
                        }
                        changed.push(b.clone());
                    }
                }
                _ => {
                    let b = random_briefing(&mut rng, &slug);
                    changed.push(b.clone());
                    current.insert(slug, b);
                }
            }
            corpus.update(changed, &removed);
            let (after, _) = render_all(&config, &mut templates, &corpus, &options).unwrap();
            kept += check_same_key_same_bytes(&before, &after, &format!("seed {seed} step {step}"));
            before = after;
        }
    }
    assert!(
        kept > 500,
        "most pages keep their key from step to step ({kept})"
    );
}

#[test]
fn keys_change_with_the_templates_the_date_and_the_configuration() {
    let config = fixtures::config("https://example.org/", 2);
    let corpus = Corpus::build(fixtures::site(), false);
    let mut templates = load_templates(&config, &ThemeFiles::default()).unwrap();
    let options = fixtures::options();
    let (base, _) = render_all(&config, &mut templates, &corpus, &options).unwrap();
    let mut theme = ThemeFiles::default();
    theme.site_templates.push(crate::ingest::SourceFile {
        path: "robots.txt".into(),
        text: "User-agent: *\n".into(),
    });
    let mut changed_templates = load_templates(&config, &theme).unwrap();
    let later = BuildOptions {
        today: date(2024, 3, 26),
        ..options.clone()
    };
    let moved = fixtures::config("https://example.org/news/", 2);
    let cases = [
        (
            config.clone(),
            &mut changed_templates,
            options.clone(),
            "a template",
        ),
        (config.clone(), &mut templates, later, "the date"),
    ];
    for (config, templates, options, what) in cases {
        let (other, _) = render_all(&config, templates, &corpus, &options).unwrap();
        let templated = other
            .iter()
            .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".xml") || p.ends_with(".txt"));
        for (path, (key, _)) in templated {
            assert_ne!(base[path].0, *key, "{path}'s key changes with {what}");
        }
    }
    let mut templates = load_templates(&moved, &ThemeFiles::default()).unwrap();
    let (other, _) = render_all(&moved, &mut templates, &corpus, &options).unwrap();
    let pages = other.iter().filter(|(p, _)| p.ends_with(".html"));
    for (path, (key, _)) in pages {
        assert_ne!(base[path].0, *key, "{path} changes with base_url");
    }
}
