//! Test fixtures: a small fictional site (invented people, places and events) and a
//! hostile briefing whose every field tries to break out of its context.

use std::path::{Path, PathBuf};

use jiff::civil::{Date, date};

use crate::analysis::ActorKind;
use crate::briefing::{ActorMeta, Briefing, BriefingMeta, EventMeta, SourceMeta};
use crate::config::Config;

use crate::config::BuildOptions;

pub fn config(base_url: &str, paginate_by: usize) -> Config {
    let toml = format!(
        "title = \"Estuary Desk\"\ndescription = \"Briefings on the Calder estuary\"\nbase_url = {base_url:?}\nauthor = \"Desk Editors\"\n[build]\npaginate_by = {paginate_by}\nfeed_limit = 10\n"
    );
    Config::parse(Path::new("/site"), Path::new("/site/briefing.toml"), &toml)
        .expect("fixture config")
}

pub fn options() -> BuildOptions {
    BuildOptions::new(date(2024, 3, 25))
}

pub fn actor(name: &str, kind: ActorKind, role: Option<&str>, aliases: &[&str]) -> ActorMeta {
    ActorMeta {
        name: name.to_string(),
        kind,
        role: role.map(str::to_string),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        mentions: 2,
        salience: 0.5,
        quotes: Vec::new(),
        source: false,
    }
}

pub fn event(date: &str, text: &str, actors: &[&str]) -> EventMeta {
    EventMeta {
        date: date.to_string(),
        when: String::new(),
        text: text.to_string(),
        actors: actors.iter().map(|s| s.to_string()).collect(),
        reported: false,
    }
}

pub fn briefing(slug: &str, title: &str, day: Option<Date>, body: &str) -> Briefing {
    Briefing {
        slug: slug.to_string(),
        path: PathBuf::from(format!("content/briefings/{slug}.md")),
        meta: BriefingMeta {
            title: title.to_string(),
            date: day,
            language: None,
            source: SourceMeta::default(),
            lede: String::new(),
            summary: Vec::new(),
            actors: Vec::new(),
            things: Vec::new(),
            timeline: Vec::new(),
            tags: Vec::new(),
            draft: false,
            generated: None,
        },
        body: body.to_string(),
        body_line: 12,
    }
}

/// Four briefings about a fictional harbour dispute (one of them a draft).
pub fn site() -> Vec<Briefing> {
    let mut draft = briefing(
        "draft-note",
        "Unfinished note on ferry fares",
        Some(date(2024, 3, 20)),
        "Draft.\n",
    );
    draft.meta.draft = true;
    vec![talks(), strike(), budget(), draft]
}

fn talks() -> Briefing {
    use ActorKind::*;
    let mut talks = briefing(
        "harbour-talks-stall",
        "Harbour talks stall over pilotage fees",
        Some(date(2024, 3, 14)),
        "## Background\n\nPilotage fees have been disputed since [the budget](estuary-budget.md).\n\n## Outlook\n\nA strike is [now likely](ferry-strike-called.md#outlook); see also [an old note](/briefings/no-such-briefing/).\n",
    );
    talks.meta.lede =
        "Negotiations between the Port Calder authority and harbour pilots broke down on Tuesday."
            .into();
    talks.meta.summary = vec![
        "Union delegates walked out of the second round of talks.".into(),
        "Transport Minister Ilse Marrow called for calm.".into(),
    ];
    talks.meta.source = SourceMeta {
        name: Some("Calder Courier".into()),
        url: Some("https://courier.example/harbour-talks".into()),
        ..SourceMeta::default()
    };
    talks.meta.actors = vec![
        actor(
            "Ilse Marrow",
            Person,
            Some("Norland Transport Minister"),
            &["Marrow"],
        ),
        actor("Harbour Workers' Union", Group, None, &[]),
        actor("Council of the Estuary", Organization, None, &["CoE"]),
        actor("Port Calder", Place, None, &[]),
    ];
    talks.meta.timeline = vec![
        event(
            "2024-03-12",
            "Union delegates walked out of the second round of talks in Port Calder.",
            &["Harbour Workers' Union"],
        ),
        event("2024-W12", "Mediators plan a third round of talks.", &[]),
        event("2024-03", "Pilotage fees rose by 12 percent.", &[]),
    ];
    talks.meta.tags = vec!["Ports".into(), "Labour".into()];

    talks
}

fn strike() -> Briefing {
    use ActorKind::*;
    let mut strike = briefing(
        "ferry-strike-called",
        "Ferry strike called for next week",
        Some(date(2024, 3, 18)),
        "## Outlook\n\nCrossings will be cut by half.\n",
    );
    strike.meta.lede = "The union announced a 48-hour ferry strike.".into();
    strike.meta.actors = vec![
        actor("Marrow", Person, Some("Transport Minister"), &[]),
        actor("Harbour Workers' Union", Group, None, &["the union"]),
        actor("Tomas Brede", Person, Some("union secretary"), &[]),
        actor("Port Calder", Place, None, &[]),
    ];
    strike.meta.timeline = vec![
        event(
            "2024-03-12",
            "Union delegates walked out of the second round of talks in Port Calder",
            &[],
        ),
        event(
            "2024-W13",
            "A 48-hour ferry strike begins.",
            &["Harbour Workers' Union"],
        ),
        event(
            "XXXX-WXX-3",
            "Tomas Brede meets ferry captains on Wednesday.",
            &[],
        ),
    ];
    strike.meta.tags = vec!["labour".into()];

    strike
}

fn budget() -> Briefing {
    use ActorKind::*;
    let mut budget = briefing(
        "estuary-budget",
        "Estuary council passes emergency budget",
        Some(date(2024, 2, 2)),
        "The vote was close.\n",
    );
    budget.meta.lede = "The council approved spending on dredging.".into();
    budget.meta.actors = vec![
        actor("CoE", Organization, None, &[]),
        actor("Anna Brede", Person, Some("council treasurer"), &[]),
        actor("Brede", Person, None, &[]),
    ];
    budget.meta.timeline = vec![event("2024-01", "Dredging costs doubled.", &["CoE"])];
    budget.meta.tags = vec!["Budget".into()];

    budget
}

/// The string every hostile field carries.
pub const HOSTILE: &str = "\"'><script>alert(1)</script>";

/// One briefing whose every field and whose body try to inject markup or templates.
pub fn hostile() -> Briefing {
    let mut b = briefing(
        "hostile",
        HOSTILE,
        Some(date(2024, 3, 1)),
        "<script>alert(2)</script>\n\nText <img src=x onerror=alert(3)> and <iframe src=\"https://evil.example\"></iframe>\n\n<svg><style>@import 'x';</style></svg>\n\n[a](javascript:alert(4)) [b](JaVaScRiPt:alert(5)) [c](&#x6a;avascript:alert(6)) [d](data:text/html,<script>alert(7)</script>)\n\n{{ config }} {% include \"base.html\" %} {{ site.generator }}\n",
    );
    b.meta.lede = HOSTILE.into();
    b.meta.summary = vec![format!("Summary: {HOSTILE}")];
    b.meta.source = SourceMeta {
        name: Some(HOSTILE.into()),
        url: Some("javascript:alert(8)".into()),
        author: Some(HOSTILE.into()),
        ..SourceMeta::default()
    };
    let mut a = actor(HOSTILE, ActorKind::Person, Some(HOSTILE), &[HOSTILE]);
    a.quotes = vec![HOSTILE.into()];
    b.meta.actors = vec![a];
    b.meta.timeline = vec![EventMeta {
        date: "2024-03-01".into(),
        when: HOSTILE.into(),
        text: HOSTILE.into(),
        actors: vec![HOSTILE.into()],
        reported: false,
    }];
    b.meta.tags = vec![HOSTILE.into()];
    b
}

/// `n` synthetic briefings for scale checks: six actors each from pools of people,
/// organisations and places (one organisation, with one role, in half of all
/// briefings), eight dated events each over three years (the first involves the
/// organisation), two tags each and `even` on even-numbered ones. Deterministic.
pub fn synthetic(n: usize) -> Vec<Briefing> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    (0..n)
        .map(|i| {
            let day = date(2022, 1, 1)
                .checked_add(jiff::Span::new().days((i % 1000) as i64))
                .unwrap_or(date(2022, 1, 1));
            let mut b = briefing(
                &format!("briefing-{i:05}"),
                &format!("Synthetic briefing number {i}"),
                Some(day),
                "## Notes\n\nA paragraph of notes with a [link](briefing-00001.md).\n",
            );
            b.meta.lede = format!("Lede sentence of briefing {i} about the council and the river.");
            b.meta.summary = vec![
                format!("First point of {i}."),
                format!("Second point of {i}."),
            ];
            b.meta.actors = synthetic_actors(i, &mut next);
            let first = [b.meta.actors[0].name.as_str()];
            b.meta.timeline = (0..8)
                .map(|e| {
                    let when = day
                        .checked_sub(jiff::Span::new().days(next(60) as i64))
                        .unwrap_or(day);
                    event(
                        &when.to_string(),
                        &format!("Event {e} of briefing {i} involving Town {}", next(50)),
                        if e == 0 { &first[..] } else { &[] },
                    )
                })
                .collect();
            b.meta.tags = vec![
                format!("topic {}", next(30)),
                format!("region {}", next(10)),
            ];
            if i % 2 == 0 {
                b.meta.tags.push("even".into());
            }
            b
        })
        .collect()
}

/// The six actors of synthetic briefing `i`, drawn with `next`.
fn synthetic_actors(i: usize, next: &mut impl FnMut(usize) -> usize) -> Vec<ActorMeta> {
    use ActorKind::*;
    let mut actors = vec![match i % 2 {
        0 => actor(
            "Central Council",
            Organization,
            Some("regional council"),
            &[],
        ),
        _ => actor(&format!("Agency {}", next(100)), Organization, None, &[]),
    }];
    for _ in 0..3 {
        let name = format!("Person{} Surname{}", next(40), next(20));
        actors.push(actor(&name, Person, Some("official"), &[]));
    }
    actors.push(actor(&format!("Town {}", next(50)), Place, None, &[]));
    actors.push(actor(&format!("Group {}", next(30)), Group, None, &[]));
    actors
}
