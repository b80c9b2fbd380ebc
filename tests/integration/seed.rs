//! The acceptance checks of the first issue (actors and dates) and of the timeline issue
//! (events a reader can trust) on the real seed article, which lives in the shared folder
//! next to the repository (`../shared/seeds/seed-article.txt`; `BRIEFING_SHARED` names
//! another place for that folder). The article is not ours to copy, so the test reads it
//! from there; it is ignored by default and `.ci/run` runs it (with every test named
//! `needs_shared`) when that folder is present.

use crate::harness::Site;

/// A site whose one article is the seed, dated as published (2022-01-28); it fails,
/// naming the file, when the shared folder is missing.
fn seed_site() -> Site {
    let shared = std::env::var_os("BRIEFING_SHARED").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        std::path::PathBuf::from,
    );
    let seed = shared.join("seeds/seed-article.txt");
    let text = std::fs::read_to_string(&seed).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (this test needs the shared folder)",
            seed.display()
        )
    });
    let site = Site::new();
    site.write(
        "content/articles/seed.txt",
        &format!("---\ndate: 2022-01-28\n---\n{text}"),
    );
    site
}

#[test]
#[ignore = "needs ../shared/seeds/seed-article.txt"]
fn needs_shared_the_seed_article_names_its_actors_with_roles_and_dates_its_events() {
    let site = seed_site();
    site.run(&["build"]).success();
    let briefing = site.read("content/briefings/seed.md");
    let front = briefing.split("\n---\n").next().unwrap();
    let people = [
        ("Antony Blinken", "US Secretary of State"),
        ("Sergey Lavrov", "Russian Foreign Minister"),
        (
            "Victoria Nuland",
            "US Under Secretary of State for Political Affairs",
        ),
        ("John Sullivan", "US Ambassador to Russia"),
        ("Alexander Grushko", "Russian Deputy Foreign Minister"),
        ("Wendy Sherman", "US Deputy Secretary of State"),
        ("Ned Price", "State Department spokesperson"),
    ];
    for (name, role) in people {
        let entry = format!("- name: {name}\n  type: person\n  role: {role}\n");
        assert!(front.contains(&entry), "missing {entry}");
    }
    for org in ["NATO", "State Department"] {
        assert!(
            front.contains(&format!("- name: {org}\n  type: organization\n")),
            "missing {org}"
        );
    }
    assert!(
        front.contains("- date: 2022-01-26\n  when: Wednesday 26 January 2022\n"),
        "on Wednesday"
    );
    assert!(
        front.contains("- date: \"2021-12\"\n") || front.contains("- date: 2021-12\n"),
        "in December"
    );
}

/// One timeline entry of the seed's briefing: its text, its actors' names, whether reported.
fn event_with<'a>(
    events: &'a [serde_json::Value],
    date: &str,
    words: &[&str],
) -> &'a serde_json::Value {
    events
        .iter()
        .find(|e| {
            e["date"] == date
                && words
                    .iter()
                    .all(|w| e["text"].as_str().unwrap().contains(w))
        })
        .unwrap_or_else(|| panic!("no {date} event with {words:?} in {events:#?}"))
}

#[test]
#[ignore = "needs ../shared/seeds/seed-article.txt"]
fn needs_shared_the_seed_timeline_states_each_event_with_its_participants() {
    let site = seed_site();
    let run = site
        .run(&["analyze", "content/articles/seed.txt", "--format", "json"])
        .success();
    let record: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    let name = |id: &serde_json::Value| {
        record["actors"][id.as_u64().unwrap() as usize]["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let events = record["timeline"].as_array().unwrap();
    let names = |e: &serde_json::Value| -> Vec<String> {
        e["actors"].as_array().unwrap().iter().map(name).collect()
    };
    // December: Russia's security proposals were submitted (not "Russia had received against")
    let december = event_with(events, "2021-12", &["security guarantees", "submitted"]);
    assert!(
        !december["text"]
            .as_str()
            .unwrap()
            .contains("received against")
    );
    assert!(
        names(december).contains(&"Russia".to_string()),
        "{december}"
    );
    // 25 January: "the officials" are Sherman and the European allies, not the topic
    let meeting = event_with(events, "2022-01-25", &["officials discussed"]);
    let who = names(meeting);
    for n in ["Wendy Sherman", "France", "Germany"] {
        assert!(who.contains(&n.to_string()), "{n} missing: {meeting}");
    }
    assert!(!who.contains(&"Ukraine".to_string()), "{meeting}");
    // Friday: Ned Price's briefing, dated by the article
    let briefing = event_with(events, "2022-01-28", &["Ned Price"]);
    assert_eq!(briefing["reported"], false);
    // reported: the US and NATO replies, so NATO is on the timeline
    let replies = event_with(events, "2022-01-28", &["NATO sent formal replies"]);
    assert_eq!(replies["reported"], true);
    assert!(names(replies).contains(&"NATO".to_string()), "{replies}");
    // the briefing shows the reported replies with a label a person writes
    site.run(&["build"]).success();
    let briefing_md = site.read("content/briefings/seed.md");
    assert!(
        briefing_md.contains("- **reported 28 January 2022**: The conference came after the United States and NATO sent formal replies to Russia"),
        "{briefing_md}"
    );
}
