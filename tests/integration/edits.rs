//! Briefings are user artifacts: hand edits show on the site and are never overwritten.

use crate::harness::Site;

const ARTICLE: &str = "content/articles/rail-strike-yaml.md";
const BRIEFING: &str = "content/briefings/rail-strike-yaml.md";

#[test]
fn a_hand_edit_shows_on_the_site() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let edited = site.read(BRIEFING).replace(
        "## Summary",
        "## Summary\n\n- Editor's note: the strike ended early.",
    );
    site.write(BRIEFING, &edited);
    let run = site.run(&["build"]).success();
    assert!(run.stdout.contains("0 briefings written"), "{}", run.stdout);
    assert_eq!(site.read(BRIEFING), edited);
    assert!(
        site.read("public/briefings/rail-strike-yaml/index.html")
            .contains("Editor&#x27;s note: the strike ended early.")
            || site
                .read("public/briefings/rail-strike-yaml/index.html")
                .contains("Editor’s note: the strike ended early.")
            || site
                .read("public/briefings/rail-strike-yaml/index.html")
                .contains("Editor's note: the strike ended early.")
    );
}

#[test]
fn an_edited_briefing_is_kept_when_its_article_changes_and_regenerate_backs_it_up() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let edited = format!(
        "{}\nA paragraph written by an editor.\n",
        site.read(BRIEFING)
    );
    site.write(BRIEFING, &edited);
    let article = site.read(ARTICLE).replace(
        "Full services return on Saturday",
        "Full services return on Sunday",
    );
    site.write(ARTICLE, &article);

    let run = site.run(&["build"]).success();
    assert_eq!(
        site.read(BRIEFING),
        edited,
        "the hand edit is never overwritten"
    );
    let warning = run
        .stderr
        .lines()
        .find(|l| l.contains(BRIEFING))
        .unwrap_or_else(|| panic!("no warning: {}", run.stderr));
    assert!(warning.contains("edited by hand"), "{warning}");
    assert!(
        run.stderr
            .contains(&format!("briefing build --regenerate {BRIEFING}")),
        "{}",
        run.stderr
    );

    let run = site.run(&["build", "--regenerate", BRIEFING]).success();
    assert!(run.stderr.contains("backed up"), "{}", run.stderr);
    assert_eq!(
        site.read(&format!("{BRIEFING}.bak")),
        edited,
        "the backup holds the edited version"
    );
    let fresh = site.read(BRIEFING);
    assert!(!fresh.contains("A paragraph written by an editor."));
    assert!(
        fresh.contains("Sunday"),
        "regenerated from the changed article"
    );

    let run = site.run(&["build"]).success();
    assert!(
        run.stdout.contains("0 analysed"),
        "after regenerating, the briefing is current: {}",
        run.stdout
    );
}

#[test]
fn an_unedited_briefing_follows_its_article() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let article = site
        .read(ARTICLE)
        .replace("Dunmore rail talks to resume", "Dunmore rail talks resume");
    site.write(ARTICLE, &article);
    let run = site.run(&["build"]).success();
    assert!(
        run.stdout
            .contains("(1 analysed, 3 reused from cache): 1 briefing written"),
        "{}",
        run.stdout
    );
    assert!(
        site.read(BRIEFING)
            .contains("title: Dunmore rail talks resume after three-day strike")
    );
}

#[test]
fn regenerate_names_an_unknown_path() {
    let site = Site::fixture("formats");
    let run = site
        .run(&["build", "--regenerate", "content/articles/nope.md"])
        .failure(1);
    assert!(
        run.stderr.contains("nope.md") && run.stderr.contains("no article or briefing"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_broken_briefing_is_reported_with_its_line_and_never_replaced() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let broken = site
        .read(BRIEFING)
        .replacen("title:", "title: [unclosed", 1);
    site.write(BRIEFING, &broken);
    let run = site.run(&["build"]).failure(1);
    assert!(
        run.stderr.contains(&format!("{BRIEFING}:2:")),
        "{}",
        run.stderr
    );
    assert_eq!(site.read(BRIEFING), broken);
}

#[test]
fn keep_going_never_replaces_a_briefing_it_cannot_read() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let broken = format!(
        "{}\nMy note.\n",
        site.read(BRIEFING)
            .replacen("title:", "title: [unclosed", 1)
    );
    site.write(BRIEFING, &broken);
    site.write(ARTICLE, &site.read(ARTICLE).replace("Saturday", "Sunday"));
    let run = site.run(&["build", "--keep-going"]).success();
    assert_eq!(
        site.read(BRIEFING),
        broken,
        "the unreadable, edited briefing is left alone"
    );
    assert!(
        run.stderr.contains(BRIEFING) && run.stderr.contains("rail-strike-yaml.md: skipped"),
        "{}",
        run.stderr
    );
    assert!(!site.exists("public/briefings/rail-strike-yaml/index.html"));
}

#[test]
fn regenerating_an_untouched_briefing_makes_no_backup() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let run = site.run(&["build", "--regenerate", ARTICLE]).success();
    assert!(!run.stderr.contains("backed up"), "{}", run.stderr);
    assert!(!site.exists(&format!("{BRIEFING}.bak")));
    assert!(run.stdout.contains("1 briefing written"), "{}", run.stdout);
}

#[test]
fn article_text_is_included_only_when_asked() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    assert!(!site.read(BRIEFING).contains("### Article text"));
    let config = site.read("briefing.toml");
    site.write(
        "briefing.toml",
        &format!("{config}\n[briefing]\narticle_text = true\n"),
    );
    let run = site.run(&["build"]).success();
    assert!(
        run.stdout.contains("(4 analysed"),
        "a setting that changes briefings refreshes them: {}",
        run.stdout
    );
    let briefing = site.read(BRIEFING);
    assert!(
        briefing.contains("### Article text")
            && briefing.contains("Full services return on Saturday"),
        "{briefing}"
    );
}

#[test]
fn a_deleted_article_takes_its_briefing_off_the_site_unless_it_was_edited() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let edited_briefing = "content/briefings/rail-strike-toml.md";
    let edited = format!("{}\nAn editor's paragraph.\n", site.read(edited_briefing));
    site.write(edited_briefing, &edited);
    std::fs::remove_file(site.path().join(ARTICLE)).unwrap();
    std::fs::remove_file(site.path().join("content/articles/rail-strike-toml.md")).unwrap();
    let run = site.run(&["build"]).success();

    // Never edited: deleted, and its page is gone.
    assert!(!site.exists(BRIEFING), "the untouched briefing is deleted");
    assert!(!site.exists("public/briefings/rail-strike-yaml/index.html"));
    assert!(
        run.stderr.contains("rail-strike-yaml.md: its article")
            && run.stderr.contains("removed from the site and deleted"),
        "{}",
        run.stderr
    );
    // Edited: kept as written, unpublished, with a warning saying how to publish it.
    assert_eq!(site.read(edited_briefing), edited);
    assert!(!site.exists("public/briefings/rail-strike-toml/index.html"));
    assert!(
        run.stderr
            .contains("edited by hand, so it is kept, but no longer published")
            && run.stderr.contains("delete the `generated:` lines"),
        "{}",
        run.stderr
    );
}
