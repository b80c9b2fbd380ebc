//! The acceptance check of the first issue on the real seed article, which lives in the
//! shared folder next to the repository (`../shared/seeds/seed-article.txt`). The article
//! is not ours to copy, so the test reads it from there; it is ignored by default and
//! `.ci/run` runs it (with every test named `needs_shared`) when that folder is present.

use crate::harness::Site;

#[test]
#[ignore = "needs ../shared/seeds/seed-article.txt"]
fn needs_shared_the_seed_article_names_its_actors_with_roles_and_dates_its_events() {
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/seed-article.txt");
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
