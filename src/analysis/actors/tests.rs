//! End-to-end tests of `resolve` on fixture sentences, and the fixture helper the
//! other test modules share: `[PER|Sergey Lavrov]` marks an entity of a CoNLL type.

use super::super::entities::{Entity, EntityType};
use super::super::sentences::{Sentence, SentenceKind};
use super::super::summary::Summary;
use super::*;

/// Strips `[TYPE|text]` marks; returns the prose and the marked entities.
pub(super) fn parse_marked(marked: &str) -> (String, Vec<Entity>) {
    let mut prose = String::new();
    let mut entities = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        prose.push_str(&rest[..open]);
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        let (tag, text) = inner.split_once('|').unwrap_or(("MISC", inner));
        let kind = match tag {
            "PER" => EntityType::Per,
            "ORG" => EntityType::Org,
            "LOC" => EntityType::Loc,
            _ => EntityType::Misc,
        };
        entities.push(Entity {
            start: prose.len(),
            end: prose.len() + text.len(),
            kind,
            actor: None,
        });
        prose.push_str(text);
        rest = &rest[open + close + 1..];
    }
    prose.push_str(rest);
    (prose, entities)
}

/// The whole of a fixture text as one prose sentence.
pub(super) fn one_sentence(prose: &str) -> [Sentence; 1] {
    [Sentence {
        start: 0,
        end: prose.len(),
        kind: SentenceKind::Prose,
    }]
}

/// Runs `resolve` on a marked article (paragraphs separated by blank lines) with the
/// given summary sentences.
fn analyse(marked: &str, title: &str, summary: &[usize]) -> (String, Vec<Entity>, Vec<Actor>) {
    analyse_from(marked, title, summary, None)
}

/// [`analyse`] for a page from `outlet`.
fn analyse_from(
    marked: &str,
    title: &str,
    summary: &[usize],
    outlet: Option<&str>,
) -> (String, Vec<Entity>, Vec<Actor>) {
    let (prose, mut entities) = parse_marked(marked);
    let mut blocks = Vec::new();
    let mut at = 0;
    for para in prose.split("\n\n") {
        blocks.push(crate::ingest::Block {
            start: at,
            end: at + para.len(),
            kind: crate::ingest::BlockKind::Paragraph,
        });
        at += para.len() + 2;
    }
    let sentences = super::super::sentences::split(&prose, &blocks);
    let summary = Summary {
        sentences: summary.to_vec(),
        ..Summary::default()
    };
    let actors = resolve(&prose, title, outlet, &sentences, &mut entities, &summary);
    (prose, entities, actors)
}

fn actor<'a>(actors: &'a [Actor], name: &str) -> &'a Actor {
    actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no actor {name} in {actors:#?}"))
}

/// Ids are ranks, saliences descend from 1.0, and every entity points to an actor that
/// has its words as name or alias (or is a country it is the adjective of).
fn assert_consistent(prose: &str, entities: &[Entity], actors: &[Actor]) {
    for (i, a) in actors.iter().enumerate() {
        assert_eq!(a.id, i);
        assert!((0.0..=1.0).contains(&a.salience), "{a:?}");
        if i > 0 {
            assert!(actors[i - 1].salience >= a.salience, "{actors:#?}");
        }
        let pointing = entities.iter().filter(|e| e.actor == Some(i)).count();
        assert_eq!(pointing, a.mentions, "{a:?}");
    }
    if let Some(top) = actors.first() {
        assert_eq!(top.salience, 1.0);
    }
    for e in entities {
        let Some(id) = e.actor else { continue };
        let a = &actors[id];
        let name = text::clean_name(&prose[e.start..e.end]);
        // A name in capitals ("LISK" of a dateline) is shown as the text writes it elsewhere.
        let named = a.name == name
            || a.name.to_lowercase() == name.to_lowercase()
            || a.aliases.contains(&name)
            || crate::language::world::gazetteer().demonym(&name).is_some();
        assert!(named || a.kind == ActorKind::Group, "{name} -> {a:?}");
    }
}

#[test]
fn aliases_merge_into_the_fullest_name() {
    let cases: [(&str, &str, &[&str]); 6] = [
        (
            "[PER|Sergey Lavrov] arrived. [PER|Lavrov] spoke. Mr [PER|Lavrov] left.",
            "Sergey Lavrov",
            &["Lavrov", "Mr Lavrov"],
        ),
        (
            "The [ORG|North Atlantic Treaty Organization] ([ORG|NATO]) met. [ORG|NATO] agreed.",
            "NATO",
            &["North Atlantic Treaty Organization"],
        ),
        (
            "The [ORG|Harbour Safety Board] ([ORG|HSB]) met. The [ORG|HSB] agreed.",
            "HSB",
            &["Harbour Safety Board"],
        ),
        (
            "[ORG|Arlo Foods Company] grew. [ORG|Arlo Foods] hired. [ORG|Arlo Foods] sold.",
            "Arlo Foods",
            &["Arlo Foods Company"],
        ),
        (
            "The [ORG|Harbour Safety Board] met. Later the [ORG|HSB] agreed.",
            "Harbour Safety Board",
            &["HSB"],
        ),
        (
            "The [LOC|US] spoke. [LOC|U.S.] troops moved. The [LOC|United States] and [LOC|America] agreed.",
            "United States",
            &["US", "U.S.", "America"],
        ),
    ];
    for (marked, name, aliases) in cases {
        let (prose, entities, actors) = analyse(marked, "", &[]);
        assert_eq!(actors.len(), 1, "{marked}: {actors:#?}");
        assert_eq!(actors[0].name, name, "{marked}");
        assert_eq!(actors[0].aliases, aliases, "{marked}");
        assert_consistent(&prose, &entities, &actors);
    }
}

#[test]
fn different_people_with_one_surname_stay_apart() {
    let cases: [(&str, &[(&str, usize)]); 7] = [
        // A first name alone is the person named in full far more often than the other.
        (
            "[PER|Rafe Osk] spoke. [PER|Rafe Osk] wrote. [PER|Rafe Tallin] agreed. [PER|Rafe] left.",
            &[("Rafe Osk", 3), ("Rafe Tallin", 1)],
        ),
        // Apart: neither stands out, so the first name alone is nobody's.
        (
            "[PER|Rafe Osk] spoke. [PER|Rafe Tallin] agreed. [PER|Rafe] left.",
            &[("Rafe Osk", 1), ("Rafe Tallin", 1), ("Rafe", 1)],
        ),
        (
            "[PER|Rafe Osk] spoke. [PER|Rafe Osk] wrote. [PER|Rafe Tallin] agreed. [PER|Rafe Tallin] sat. [PER|Rafe] left.",
            &[("Rafe Osk", 2), ("Rafe Tallin", 2), ("Rafe", 1)],
        ),
        (
            "[PER|John Smith] met [PER|Mary Smith]. Later [PER|Mary Smith] left.",
            &[("John Smith", 1), ("Mary Smith", 2)],
        ),
        (
            "[PER|John Smith] spoke. [PER|Mary Smith] replied. [PER|Smith] then left.",
            &[("John Smith", 1), ("Mary Smith", 2)],
        ),
        (
            "[PER|John Smith] spoke. [PER|J. Smith] wrote. [PER|Jane Smith] replied.",
            &[("John Smith", 2), ("Jane Smith", 1)],
        ),
        (
            "[PER|John F. Smith] spoke. [PER|John Smith] wrote. [PER|Smith] left.",
            &[("John F. Smith", 3)],
        ),
    ];
    for (marked, want) in cases {
        let (prose, entities, actors) = analyse(marked, "", &[]);
        assert_eq!(actors.len(), want.len(), "{marked}: {actors:#?}");
        for (name, mentions) in want {
            assert_eq!(actor(&actors, name).mentions, *mentions, "{marked}: {name}");
        }
        assert_consistent(&prose, &entities, &actors);
    }
}

#[test]
fn national_adjectives_inside_roles_name_no_actor() {
    let marked = "[MISC|Russian] Foreign Minister [PER|Sergey Lavrov] spoke. [MISC|Russian] officials said no. \
                  The [LOC|US] Secretary of State [PER|Antony Blinken] listened.";
    let (prose, entities, actors) = analyse(marked, "", &[]);
    assert_eq!(entities[0].actor, None);
    let russia = actor(&actors, "Russia");
    assert_eq!(russia.mentions, 1);
    assert_eq!(russia.aliases, Vec::<String>::new());
    assert_eq!(
        actor(&actors, "Sergey Lavrov").role.as_deref(),
        Some("Russian Foreign Minister")
    );
    assert_eq!(
        actor(&actors, "Antony Blinken").role.as_deref(),
        Some("US Secretary of State")
    );
    assert_eq!(actor(&actors, "United States").kind, ActorKind::Place);
    assert_consistent(&prose, &entities, &actors);
}

#[test]
fn kinds_and_groups() {
    let marked = "[PER|Ada Quint] met [ORG|Harbour Safety Board] staff in [LOC|Kyiv] and [ORG|Kestria]. \
                  [MISC|Kestrian] dams are full. \
                  [MISC|European] allies and the [LOC|West] agreed. The [MISC|Democrats] objected at the [MISC|Olympics].";
    let (prose, entities, actors) = analyse(marked, "", &[]);
    let cases = [
        ("Ada Quint", ActorKind::Person),
        ("Harbour Safety Board", ActorKind::Organization),
        ("Kyiv", ActorKind::Place),
        ("European allies", ActorKind::Group),
        ("the West", ActorKind::Group),
        ("Democrats", ActorKind::Group),
        ("Kestria", ActorKind::Place),
        // An event: a thing, listed after the actors; the adjectives name no thing.
        ("Olympics", ActorKind::Thing),
    ];
    for (name, kind) in cases {
        assert_eq!(actor(&actors, name).kind, kind, "{name}");
    }
    assert_eq!(actors.len(), cases.len(), "{actors:#?}");
    assert_eq!(actors.last().map(|a| a.kind), Some(ActorKind::Thing));
    assert_consistent(&prose, &entities, &actors);
}

#[test]
fn a_name_with_a_prime_minister_or_called_a_capital_is_a_place() {
    let marked = "[PER|Meranthe]'s prime minister, [PER|Celeste Amari], spoke in [ORG|Port Aubel], \
                  the [PER|Meranthe] capital. [ORG|Norvane Energy]'s president resigned. \
                  An article by [LOC|Lisk Harbour] magazine said so. [LOC|Tallin Bay] residents agreed.";
    let (prose, entities, actors) = analyse(marked, "", &[]);
    let cases = [
        ("Meranthe", ActorKind::Place),
        ("Port Aubel", ActorKind::Place),
        ("Celeste Amari", ActorKind::Person),
        ("Norvane Energy", ActorKind::Organization),
        // A publication named like a place is an organisation; a place stays one.
        ("Lisk Harbour", ActorKind::Organization),
        ("Tallin Bay", ActorKind::Place),
    ];
    for (name, kind) in cases {
        assert_eq!(actor(&actors, name).kind, kind, "{name}: {actors:#?}");
    }
    assert_consistent(&prose, &entities, &actors);
}

#[test]
fn quotes_go_to_who_said_them() {
    type Said<'a> = Option<(&'a str, &'a str, bool)>;
    let cases: [(&str, Said); 13] = [
        (
            "\u{201c}We will respond,\u{201d} [PER|Lavrov] said.",
            Some(("Lavrov", "We will respond", true)),
        ),
        (
            "\"We will respond,\" said [MISC|Russian] Foreign Minister [PER|Sergey Lavrov].",
            Some(("Sergey Lavrov", "We will respond", true)),
        ),
        (
            "[PER|Ada Quint] told [ORG|CBS], \u{201c}The talks are over.\u{201d}",
            Some(("Ada Quint", "The talks are over.", true)),
        ),
        (
            "[PER|Ada Quint] said: \"Nothing changed.\"",
            Some(("Ada Quint", "Nothing changed.", true)),
        ),
        (
            "[PER|Ada Quint] told [ORG|CBS], \u{201c}We saw signs of progress, [ORG|Sputnik] reported.",
            Some(("Ada Quint", "We saw signs of progress", true)),
        ),
        (
            "[PER|Ada Quint] said \"We took a swing.\n\nBut we won.\" The end.",
            Some(("Ada Quint", "We took a swing. But we won.", true)),
        ),
        (
            "[PER|Ada Quint] arrived late. \"We are ready,\" she said.",
            Some(("Ada Quint", "We are ready", true)),
        ),
        (
            "[PER|Ada Quint] met [PER|Tom Arlen]. \"We are ready,\" she said.",
            None,
        ),
        (
            "[PER|Ada Quint] said that the port will reopen next week.",
            Some(("Ada Quint", "the port will reopen next week", false)),
        ),
        (
            "The port will reopen, according to [PER|Ada Quint].",
            Some(("Ada Quint", "The port will reopen", false)),
        ),
        (
            "According to the [ORG|Harbour Safety Board], the port will reopen.",
            Some(("Harbour Safety Board", "the port will reopen", false)),
        ),
        (
            "The diplomats agreed on \"severe consequences,\" as per media reports.",
            None,
        ),
        (
            "The [ORG|Harbour Safety Board] said the port will reopen soon.",
            Some(("Harbour Safety Board", "the port will reopen soon", false)),
        ),
    ];
    for (marked, want) in cases {
        let (_, _, actors) = analyse(marked, "", &[]);
        let got: Vec<(&str, &str, bool)> = actors
            .iter()
            .flat_map(|a| {
                a.quotes
                    .iter()
                    .map(move |q| (a.name.as_str(), q.text.as_str(), q.direct))
            })
            .collect();
        assert_eq!(got, want.into_iter().collect::<Vec<_>>(), "{marked}");
    }
}

#[test]
fn salience_ranks_the_main_actor_first() {
    let marked = "[PER|Ada Quint] will lead the [ORG|Harbour Safety Board] talks in [LOC|Kyiv].\n\n\
                  The [ORG|Harbour Safety Board] met on Monday. [PER|Quint] said the port will reopen.\n\n\
                  [PER|Tom Arlen] was not there. Officials in [LOC|Kyiv] were silent. [PER|Quint] left.";
    let arlen = |title: &str, summary: &[usize]| {
        let (prose, entities, actors) = analyse(marked, title, summary);
        assert_consistent(&prose, &entities, &actors);
        assert_eq!(actors[0].name, "Ada Quint", "{title}");
        let rank = actors
            .iter()
            .position(|a| a.name == "Tom Arlen")
            .unwrap_or(usize::MAX);
        (rank, actors[rank.min(actors.len() - 1)].salience)
    };
    // Mentioned most, first and as a subject, Quint leads; the one-mention actor named
    // late comes last, climbs when the headline names him, and gains when the summary does.
    let (plain_rank, plain) = arlen("Port reopens", &[0]);
    assert_eq!(plain_rank, 3);
    assert!(arlen("Arlen absent from harbour talks", &[0]).0 < plain_rank);
    assert!(arlen("Port reopens", &[3]).1 > plain);
}

#[test]
fn bad_input_gives_no_panic_and_no_actor() {
    let prose = "Caf\u{e9} talks. Short.";
    let sentences = [Sentence {
        start: 0,
        end: 12,
        kind: SentenceKind::Prose,
    }];
    let mut entities = vec![
        Entity {
            start: 2,
            end: 4,
            kind: EntityType::Per,
            actor: Some(7),
        },
        Entity {
            start: 10,
            end: 400,
            kind: EntityType::Org,
            actor: None,
        },
        Entity {
            start: 5,
            end: 5,
            kind: EntityType::Loc,
            actor: None,
        },
        Entity {
            start: 13,
            end: 18,
            kind: EntityType::Org,
            actor: None,
        },
    ];
    let actors = resolve(
        prose,
        "",
        None,
        &sentences,
        &mut entities,
        &Summary::default(),
    );
    assert_eq!(actors.len(), 1, "{actors:#?}");
    assert_eq!(actors[0].name, "Short");
    assert_eq!(
        entities.iter().map(|e| e.actor).collect::<Vec<_>>(),
        [None, None, None, Some(0)]
    );
    assert!(resolve("", "", None, &[], &mut [], &Summary::default()).is_empty());
}

#[test]
fn quotes_around_appositions_and_in_paragraph_order() {
    type Said<'a> = &'a [(&'a str, &'a str, bool)];
    let cases: [(&str, Said); 15] = [
        (
            "Prime Minister [PER|Celia Amar] of [LOC|Meranthe] announced the deal before dawn.",
            &[],
        ),
        (
            "Prime Minister [PER|Celia Amar] of [LOC|Meranthe] said that the deal was done.",
            &[("Celia Amar", "the deal was done", false)],
        ),
        (
            "[PER|Tomas Reyne], the chief negotiator, said he regretted the walkout.",
            &[("Tomas Reyne", "he regretted the walkout", false)],
        ),
        (
            "An official, speaking on condition of anonymity, said [LOC|Halvik] could accept a deal.",
            &[],
        ),
        (
            "The talks will resume next week, the [ORG|Harbour Safety Board] said.",
            &[(
                "Harbour Safety Board",
                "The talks will resume next week",
                false,
            )],
        ),
        (
            "The talks will resume next week, said [MISC|Kestrian] Water Minister [PER|Ana Varela].",
            &[("Ana Varela", "The talks will resume next week", false)],
        ),
        (
            "[PER|Ana Varela] arrived. The talks will resume next week, she said on Friday.",
            &[("Ana Varela", "The talks will resume next week", false)],
        ),
        (
            "\"Nobody wins,\" [PER|Tomas Reyne] told reporters. \"But everybody loses.\" The talks ended.",
            &[
                ("Tomas Reyne", "Nobody wins", true),
                ("Tomas Reyne", "But everybody loses.", true),
            ],
        ),
        (
            "\"Nobody wins,\" [PER|Tomas Reyne] told reporters.\n\n\"But everybody loses.\"",
            &[("Tomas Reyne", "Nobody wins", true)],
        ),
        (
            "[PER|Sela Marrin] said in [LOC|Halvik] on Wednesday that the figures would be audited.",
            &[("Sela Marrin", "the figures would be audited", false)],
        ),
        (
            "[PER|Petra Lind], a spokeswoman for the [MISC|Kestrian] government, said on Thursday that talks would resume.",
            &[("Petra Lind", "talks would resume", false)],
        ),
        (
            "In [LOC|Port Aubel], [LOC|Meranthe]'s water minister, [PER|Ana Varela], said the memo \"confirms our view.\"",
            &[("Ana Varela", "confirms our view.", true)],
        ),
        (
            "[PER|Sela Marrin], 49, an engineer who worked in [LOC|Lisk], said on Tuesday that her first call would go to the envoy.",
            &[("Sela Marrin", "her first call would go to the envoy", false)],
        ),
        (
            "[PER|Sela Marrin] said on Tuesday that she would call [PER|Tomas Reyne] first. \"We will check the numbers,\" she said.",
            &[
                ("Sela Marrin", "she would call Tomas Reyne first", false),
                ("Sela Marrin", "We will check the numbers", true),
            ],
        ),
        (
            "[PER|Henrik Sallow] said in a statement that the memo set out \"one of several scenarios\" only.",
            &[(
                "Henrik Sallow",
                "the memo set out \"one of several scenarios\" only",
                false,
            )],
        ),
    ];
    for (marked, want) in cases {
        let (_, _, actors) = analyse(marked, "", &[]);
        let got: Vec<(&str, &str, bool)> = actors
            .iter()
            .flat_map(|a| {
                a.quotes
                    .iter()
                    .map(move |q| (a.name.as_str(), q.text.as_str(), q.direct))
            })
            .collect();
        assert_eq!(got, want, "{marked}");
    }
}

#[test]
fn pronouns_refer_to_the_one_person_of_their_paragraph_or_its_last_speaker() {
    let cases = [
        (
            "[PER|Ada Quint] arrived.\n\n\"We are ready,\" she said.",
            None,
        ),
        (
            "[PER|Ada Quint] arrived. The port was shut. Ships waited. \"We are ready,\" she said.",
            Some("Ada Quint"),
        ),
        (
            "[PER|Ada Quint] met [PER|Tom Arlen]. \"Go on,\" said [PER|Arlen]. Ships waited. \"We are ready,\" he said.",
            Some("Tom Arlen"),
        ),
        (
            "[PER|Ada Quint] met [PER|Tom Arlen]. Ships waited. \"We are ready,\" he said.",
            None,
        ),
        (
            "\"Go on,\" said [PER|Tom Arlen].\n\n[PER|Ada Quint] met [PER|Bo Wix]. \"We are ready,\" he said.",
            None,
        ),
    ];
    for (marked, want) in cases {
        let (_, _, actors) = analyse(marked, "", &[]);
        let speaker = actors
            .iter()
            .find(|a| a.quotes.iter().any(|q| q.text == "We are ready"))
            .map(|a| a.name.as_str());
        assert_eq!(speaker, want, "{marked}");
    }
}

#[test]
fn outlets_only_cited_rank_after_the_story_s_actors() {
    // (text, outlet, whether it must rank last, the outlets marked sources)
    let cases = [
        (
            "[ORG|Sputnik] said [PER|Ada Quint] met [PER|Bo Lind]. [PER|Bo Lind] left, [ORG|Sputnik] reported.",
            "Sputnik",
            true,
            &["Sputnik"][..],
        ),
        (
            "[PER|Ada Quint] told [ORG|CBS] that the talks with [LOC|Kestria] failed.",
            "CBS",
            true,
            &["CBS"][..],
        ),
        (
            "According to the [ORG|Kessel Daily News], [PER|Ada Quint] resigned in [LOC|Lisk]. \
             Papers seen by the [ORG|Kessel Daily News] show it.",
            "Kessel Daily News",
            true,
            &["Kessel Daily News"][..],
        ),
        // The story is about the outlet: one mention outside a citation keeps it an actor.
        (
            "[ORG|CBS] fired its chief. [ORG|CBS] hired [PER|Ada Quint], [ORG|Reuters] reported.",
            "CBS",
            false,
            &["Reuters"][..],
        ),
        // Not an outlet: a ministry that reports takes part.
        (
            "The [ORG|Harbour Ministry] reported that [PER|Ada Quint] resigned.",
            "Harbour Ministry",
            false,
            &[][..],
        ),
    ];
    for (marked, outlet, last, want) in cases {
        let (prose, entities, actors) = analyse(marked, "", &[]);
        let rank = actor(&actors, outlet).id;
        assert_eq!(rank == actors.len() - 1, last, "{marked}: {actors:#?}");
        // Only the outlets the article only cites are marked sources.
        let sources: Vec<&str> = actors
            .iter()
            .filter(|a| a.source)
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(sources, want, "{marked}");
        let saliences: Vec<f64> = actors.iter().map(|a| a.salience).collect();
        assert!(
            saliences.is_sorted_by(|a, b| a >= b),
            "{marked}: {saliences:?}"
        );
        assert_consistent(&prose, &entities, &actors);
    }
}

#[test]
fn companies_the_tagger_took_for_people_or_places() {
    let marked = "[PER|Yahoo] agreed to sell its business to [LOC|Verizon]. [PER|Yahoo] shareholders will vote. \
                  [ORG|Yahoo Japan] is not part of the deal, said [PER|Marissa Mayer]. \
                  Fires burned in the [LOC|Amazon]. [PER|Steve] smiled. \
                  President [PER|Obama] spoke. [LOC|Obama] agreed. \
                  [ORG|Norvane Energy] opened the dam. [PER|Norvane] said it would. [PER|Norvane] left. \
                  [PER|Jenna Park] spoke. [PER|Park] agreed.";
    let (prose, entities, actors) = analyse(marked, "", &[]);
    let cases = [
        ("Yahoo", ActorKind::Organization),
        ("Verizon", ActorKind::Organization),
        ("Yahoo Japan", ActorKind::Organization),
        ("Marissa Mayer", ActorKind::Person),
        ("Amazon", ActorKind::Place),
        ("Steve", ActorKind::Person),
        ("Obama", ActorKind::Person),
        ("Norvane Energy", ActorKind::Organization),
        ("Jenna Park", ActorKind::Person),
    ];
    for (name, kind) in cases {
        assert_eq!(actor(&actors, name).kind, kind, "{name}: {actors:#?}");
    }
    // "Yahoo" and "Yahoo Japan" are two companies.
    assert!(actor(&actors, "Yahoo").aliases.is_empty(), "{actors:#?}");
    assert_consistent(&prose, &entities, &actors);
}

#[test]
fn things_are_listed_after_the_actors_and_a_dateline_names_a_place() {
    let marked = "[ORG|LISK] \u{2014} The online game [LOC|Minecraft] crashed, said [PER|Ada Quint] of [ORG|Lisk]. \
                  [ORG|Obamacare] and the [LOC|World Cup] cost [ORG|Lisk] dearly.\n\n\
                  The dating app [ORG|Tinder] grew. [ORG|Tinder] said it would hire. \
                  Her [PER|Oscar] dress was stolen. A [ORG|Morvan Trust] structure was used.";
    let (prose, entities, actors) = analyse(marked, "", &[]);
    let cases = [
        ("Lisk", ActorKind::Place),
        ("Ada Quint", ActorKind::Person),
        ("Tinder", ActorKind::Organization),
    ];
    for (name, kind) in cases {
        assert_eq!(actor(&actors, name).kind, kind, "{name}: {actors:#?}");
    }
    // Things are no key actors: each is one actor of kind thing, after the story's.
    let story = actors.iter().filter(|a| a.kind != ActorKind::Thing).count();
    for thing in [
        "Minecraft",
        "Obamacare",
        "World Cup",
        "Oscar",
        "Morvan Trust",
    ] {
        let a = actor(&actors, thing);
        assert_eq!(a.kind, ActorKind::Thing, "{thing}: {actors:#?}");
        assert!(a.id >= story, "{thing}: {actors:#?}");
        let e = entities.iter().find(|e| &prose[e.start..e.end] == thing);
        assert_eq!(
            e.map(|e| (e.kind, e.actor)),
            Some((EntityType::Misc, Some(a.id))),
            "{thing}"
        );
    }
    assert_eq!(story, cases.len(), "{actors:#?}");
    assert_consistent(&prose, &entities, &actors);
}

#[test]
fn names_the_tagger_never_saw_are_typed_by_the_words_around_them() {
    let marked = "Staff writer [PER|Laura Wendt] posted it. [ORG|Wendt] said so, and [LOC|Wendt] agreed. \
                  The puzzle developer [PER|Kelvox] fixed it. [PER|Kelvox] has not. \
                  A software developer, [PER|Ada Quint], left. \
                  Rescue group [PER|Project Tarn] helped. \
                  An economist at [LOC|Brennard] said it. A ship lay at [LOC|Tarvelle] for a week. \
                  The [PER|Tarawai] are investigating, and the [PER|Tarawai] tribe agreed. \
                  A shop on the [PER|Boulevard Aubel] opened. \
                  Migrants came from the former [ORG|Soviet Union]. \
                  [ORG|Quillfact] checked it, and [ORG|Quillfact.com] agreed. \
                  Prime Minister [PER|Ilse Varn] of [PER|Ostmark] spoke; [PER|Ostmark] agreed. \
                  [PER|Sorrel]'s water and energy minister quit. [PER|Sorrel] said so. \
                  The [PER|Tarrow] gauging station flooded; [PER|Tarrow] was cut off.\n\n\
                  In [PER|Vellmoor], Ostmark's water minister, [PER|Ines Roa], spoke. \
                  [PER|Henrik Sallow] of [MISC|Dunmere Energy] quit. [MISC|Dunmere] said so. \
                  [MISC|Ngaroa] elders met; [MISC|Ngaroa] land, and [PER|Ngaroa] believe it. \
                  A [MISC|Quorra] account, says [PER|Quorra]; [PER|Quorra] grew. \
                  [MISC|Lena] cakes sold out, and [PER|Lena] baked more. \
                  It happened in [PER|Varnell]\u{2019}s buyout in 2013.";
    let (prose, entities, actors) = analyse(marked, "", &[]);
    let cases = [
        ("Laura Wendt", ActorKind::Person),
        ("Kelvox", ActorKind::Organization),
        ("Ada Quint", ActorKind::Person),
        ("Project Tarn", ActorKind::Organization),
        ("Brennard", ActorKind::Organization),
        ("Tarvelle", ActorKind::Place),
        ("Tarawai", ActorKind::Group),
        ("Boulevard Aubel", ActorKind::Place),
        ("Soviet Union", ActorKind::Place),
        ("Quillfact", ActorKind::Organization),
        ("Ilse Varn", ActorKind::Person),
        ("Ostmark", ActorKind::Place),
        ("Sorrel", ActorKind::Place),
        ("Tarrow", ActorKind::Place),
        ("Vellmoor", ActorKind::Place),
        ("Ines Roa", ActorKind::Person),
        ("Henrik Sallow", ActorKind::Person),
        ("Dunmere Energy", ActorKind::Organization),
        // A people the tagger typed MISC more often elsewhere; not a person with a given
        // name, nor a name typed MISC less often than otherwise.
        ("Ngaroa", ActorKind::Group),
        ("Quorra", ActorKind::Person),
        ("Lena", ActorKind::Person),
        ("Varnell", ActorKind::Organization),
    ];
    for (name, kind) in cases {
        assert_eq!(actor(&actors, name).kind, kind, "{name}: {actors:#?}");
    }
    // "Wendt" (typed three ways) and "Quillfact.com" are second names, not second actors;
    // a MISC name of an actor ("Dunmere said", "Lena cakes") is no thing.
    assert_eq!(actors.len(), cases.len(), "{actors:#?}");
    assert_consistent(&prose, &entities, &actors);
}

#[test]
fn a_name_that_opens_a_fuller_name_is_that_person_unless_it_ends_in_a_surname() {
    let cases: [(&str, &[(&str, usize)]); 3] = [
        (
            "[PER|Te Arahi Robert Moana] carved it. [PER|Te Arahi] was named after a whale.",
            &[("Te Arahi Robert Moana", 2)],
        ),
        (
            "[PER|Martin Luther King] spoke of [PER|Martin Luther] in church.",
            &[("Martin Luther King", 1), ("Martin Luther", 1)],
        ),
        (
            "[PER|Kim Jong Un] and [PER|Kim Jong Il Moana] met [PER|Kim Jong].",
            &[
                ("Kim Jong Un", 1),
                ("Kim Jong Il Moana", 1),
                ("Kim Jong", 1),
            ],
        ),
    ];
    for (marked, want) in cases {
        let (prose, entities, actors) = analyse(marked, "", &[]);
        for (name, mentions) in want {
            assert_eq!(
                actor(&actors, name).mentions,
                *mentions,
                "{marked}: {actors:#?}"
            );
        }
        assert_eq!(actors.len(), want.len(), "{marked}: {actors:#?}");
        assert_consistent(&prose, &entities, &actors);
    }
}

#[test]
fn the_page_s_own_outlet_when_only_a_source_ranks_last() {
    let marked = "Police sources tell [ORG|TMZ] the ring was taken from [PER|Mara Quint]'s room. \
                  [ORG|TMZ] has learned that [PER|Mara Quint] called the police.";
    let (prose, entities, actors) = analyse(marked, "", &[]);
    assert_eq!(
        actors.last().map(|a| a.name.as_str()),
        Some("TMZ"),
        "{actors:#?}"
    );
    assert_consistent(&prose, &entities, &actors);
}

#[test]
fn the_page_s_own_outlet_only_cited_is_its_source_not_an_actor() {
    let tell = "Police sources tell [ORG|TMZ] the ring was taken from [PER|Mara Quint]'s room. \
                [ORG|TMZ] has learned that [PER|Mara Quint] called the police.";
    let reached = "When reached by [ORG|ABC News], [PER|Ada Quint] declined to comment. \
                   [PER|Ada Quint] told [ORG|ABC] she left [LOC|Lisk].";
    let fired =
        "[ORG|CBS] fired its chief. [ORG|CBS] hired [PER|Ada Quint], [ORG|Reuters] reported.";
    // (text, the page's outlet, the actors shown in order)
    let cases: [(&str, Option<&str>, &[&str]); 6] = [
        (tell, Some("http://www.tmz.com"), &["Mara Quint"]),
        (tell, Some("TMZ"), &["Mara Quint"]),
        // From another outlet, or none known: a cited outlet, listed last.
        (tell, Some("Yahoo"), &["Mara Quint", "TMZ"]),
        (tell, None, &["Mara Quint", "TMZ"]),
        (reached, Some("ABC News"), &["Ada Quint", "Lisk"]),
        // The outlet the story is about stays an actor on its own page.
        (fired, Some("CBS News"), &["CBS", "Ada Quint", "Reuters"]),
    ];
    for (marked, outlet, want) in cases {
        let (prose, entities, actors) = analyse_from(marked, "", &[], outlet);
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, want, "{marked} from {outlet:?}");
        assert_consistent(&prose, &entities, &actors);
    }
}

#[test]
fn leaders_studios_products_and_common_words_in_capitals() {
    // (text, the actors shown with their kinds)
    let cases: [(&str, &[(&str, ActorKind)]); 10] = [
        // A currency sign names no country and no actor; the bank does.
        (
            "The [ORG|Varno Bank] bond fell [MISC|C$]0.45 and [MISC|US$]1.",
            &[("Varno Bank", ActorKind::Organization)],
        ),
        // A leader's administration names the leader; a country's stays a place.
        (
            "The [LOC|Varno] administration's plan failed, said [PER|Ada Quint].",
            &[
                ("Varno", ActorKind::Person),
                ("Ada Quint", ActorKind::Person),
            ],
        ),
        (
            "The [LOC|France] administration met the [ORG|Sarn Water Administration].",
            &[
                ("France", ActorKind::Place),
                ("Sarn Water Administration", ActorKind::Organization),
            ],
        ),
        // A studio named "... Games" is a company; the events so named are things.
        (
            "[PER|Kessrow Games] made it for the [MISC|Commonwealth Games] in [LOC|Lisk].",
            &[
                ("Kessrow Games", ActorKind::Organization),
                ("Lisk", ActorKind::Place),
                ("Commonwealth Games", ActorKind::Thing),
            ],
        ),
        // Products and their plurals are things; the company is an actor.
        (
            "Editors bought [PER|Macbooks] and filled [ORG|Google Doc] files; [ORG|Google] paid.",
            &[
                ("Google", ActorKind::Organization),
                ("Macbooks", ActorKind::Thing),
                ("Google Doc", ActorKind::Thing),
            ],
        ),
        // A farm's name is a place; a company named with "Farms" stays one.
        (
            "At his [ORG|Mareva] farm, [PER|Ada Quint] spoke of [ORG|Kessel Farms Ltd].",
            &[
                ("Mareva", ActorKind::Place),
                ("Ada Quint", ActorKind::Person),
                ("Kessel Farms Ltd", ActorKind::Organization),
            ],
        ),
        // A publication written "The X" inside a sentence, sites like X; not a listed
        // place ("The Hague"), nor a place opening its sentence.
        (
            "[PER|Ada Quint] wrote for The [LOC|Quillpost], [LOC|The Brightwell] and sites like [LOC|Snapwell]. The [LOC|Tarvelle] flooded in The [LOC|Hague].",
            &[
                ("Ada Quint", ActorKind::Person),
                ("Quillpost", ActorKind::Organization),
                ("Brightwell", ActorKind::Organization),
                ("Snapwell", ActorKind::Organization),
                ("Tarvelle", ActorKind::Place),
                ("Hague", ActorKind::Place),
            ],
        ),
        // Common words in capitals and "Circa" before a year name nobody.
        (
            "[ORG|Circa] 2011, we were [ORG|OK] with it, said [PER|Ada Quint].",
            &[("Ada Quint", ActorKind::Person)],
        ),
        (
            "Ask it to do [ORG|XYZ] for you, said [PER|Ada Quint].",
            &[("Ada Quint", ActorKind::Person)],
        ),
        // A company called Circa, a person called Okafor stay.
        (
            "[ORG|Circa] hired [PER|Ben Okafor].",
            &[
                ("Circa", ActorKind::Organization),
                ("Ben Okafor", ActorKind::Person),
            ],
        ),
    ];
    for (marked, want) in cases {
        let (prose, entities, actors) = analyse(marked, "", &[]);
        let mut got: Vec<(&str, ActorKind)> =
            actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
        let mut want = want.to_vec();
        got.sort_by_key(|(n, _)| *n);
        want.sort_by_key(|(n, _)| *n);
        assert_eq!(got, want, "{marked}: {actors:#?}");
        assert_consistent(&prose, &entities, &actors);
    }
}
