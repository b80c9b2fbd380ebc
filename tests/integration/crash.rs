//! Crashes and full disks never cost the user's files: `build` killed at every
//! file-system step of the output stage leaves the old site or the new one, complete,
//! with every file the user put in `public/`; `clean` keeps those files; a briefing
//! that cannot be written fails the build before `public/` changes.

use std::collections::BTreeMap;
use std::path::PathBuf;

use briefing::commands::SOURCE_DATE_EPOCH;
use briefing::output::{CRASH_AT_STEP_VAR, OutputOptions, Publisher};

use crate::harness::{Run, Site};

/// Every build of these tests runs on one date: pages say when they were built, so a
/// test that ran across midnight once saw a "new" site that differed from the one it
/// built before midnight in every page (a build killed at step 50 of a 35-step commit).
const EPOCH: &str = "1772582400";

/// `briefing ARGS` on the tests' date.
fn run(site: &Site, args: &[&str]) -> Run {
    site.run_env(args, &[(SOURCE_DATE_EPOCH, EPOCH)])
}

/// Files a user adds to a published site, and one the keep list protects.
const USER_FILES: [(&str, &str); 5] = [
    ("public/.git/HEAD", "ref: refs/heads/gh-pages\n"),
    ("public/CNAME", "news.example.org\n"),
    ("public/.nojekyll", ""),
    ("public/briefings/.htaccess", "Options -Indexes\n"),
    ("public/downloads/report.pdf", "%PDF-1.4 user's\n"),
];

const EDITED: &str = "content/briefings/rail-strike-yaml.md";

/// The fixture site built once, with a static file that will leave and the user's files
/// added: the old site.
fn old_site() -> Site {
    let site = Site::fixture("formats");
    let config = site.read("briefing.toml");
    site.write(
        "briefing.toml",
        &format!("{config}\n[build]\nkeep = [\"downloads\"]\n"),
    );
    site.write("static/notes/old.txt", "a static file that leaves\n");
    run(&site, &["build"]).success();
    for (path, text) in USER_FILES {
        site.write(path, text);
    }
    site
}

/// Edits that change, add and remove pages without analysing anything, so that each
/// build is quick: a hand edit of a briefing's body (its page and the feed change), a
/// static file in a new folder (the folder moves in whole), one that leaves (it and its
/// folder are removed).
fn edit(site: &Site) {
    let text = format!("{}\nAn editor's note.\n", site.read(EDITED));
    site.write(EDITED, &text);
    std::fs::remove_dir_all(site.path().join("static/notes")).unwrap();
    site.write("static/files/new.txt", "a new static file\n");
}

/// Every file of `public/` with the hash of its bytes (short enough to read in a failure).
fn tree(site: &Site) -> BTreeMap<PathBuf, String> {
    site.snapshot_tree("public")
        .into_iter()
        .map(|(path, bytes)| (path, blake3::hash(&bytes).to_hex()[..12].to_string()))
        .collect()
}

/// The files of `tree` that are in neither `old` nor `new` as they are there.
fn differences(
    tree: &BTreeMap<PathBuf, String>,
    old: &BTreeMap<PathBuf, String>,
    new: &BTreeMap<PathBuf, String>,
) -> String {
    let paths: std::collections::BTreeSet<&PathBuf> =
        tree.keys().chain(old.keys()).chain(new.keys()).collect();
    let mut lines = Vec::new();
    for path in paths {
        let [t, o, n] = [tree, old, new].map(|m| m.get(path).map_or("-", String::as_str));
        if t != o || t != n {
            lines.push(format!("{}: {t} (old {o}, new {n})", path.display()));
        }
    }
    lines.join("\n")
}

#[track_caller]
fn assert_user_files(site: &Site, when: &str) {
    for (path, text) in USER_FILES {
        assert!(site.exists(path), "{when}: {path} is gone");
        assert_eq!(site.read(path), text, "{when}: {path} changed");
    }
}

/// What the next start does first: open the output (finishing an interrupted commit)
/// and give up without building.
fn recover(site: &Site) {
    let config = briefing::config::Config::load(site.path()).unwrap();
    let options = OutputOptions {
        crash_at: None,
        ..OutputOptions::for_site(&config)
    };
    drop(Publisher::open(&config.output_dir, &config.state_dir(), &options).unwrap());
}

/// Leftovers beside `public/` (staging trees).
fn leftovers(site: &Site) -> Vec<String> {
    std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("public."))
        .collect()
}

/// Runs `briefing ARGS` with a crash before file-system step `k`; whether it crashed.
fn crashed_at(site: &Site, args: &[&str], k: u64) -> bool {
    let k = k.to_string();
    let run = site.run_env(args, &[(CRASH_AT_STEP_VAR, &k), (SOURCE_DATE_EPOCH, EPOCH)]);
    match run.code {
        0 => false,
        -1 => true,
        _ => panic!("step {k}: failed instead of crashing\n{}", run.stderr),
    }
}

/// The old site, the edited one, and the new site a build of it makes.
fn scenario() -> (Site, Site, BTreeMap<PathBuf, String>) {
    let old = old_site();
    let edited = old.copy();
    edit(&edited);
    let reference = edited.copy();
    let built = run(&reference, &["build"]).success();
    assert!(
        built.stdout.contains("written, 1 removed)"),
        "{}",
        built.stdout
    );
    let new_tree = tree(&reference);
    assert_ne!(tree(&old), new_tree);
    assert_user_files(&reference, "a build");
    (old, edited, new_tree)
}

#[test]
fn a_build_killed_at_any_step_leaves_the_old_or_the_new_site_and_every_user_file() {
    let (old, edited, new_tree) = scenario();
    let old_tree = tree(&old);
    let mut outcomes = [0, 0];
    let mut after_commit_point = None;
    for k in 1.. {
        assert!(k < 200, "the build never finished");
        let site = edited.copy();
        if !crashed_at(&site, &["build"], k) {
            assert_eq!(tree(&site), new_tree, "step {k}: finished");
            break;
        }
        let when = format!("killed before step {k}");
        assert!(site.exists("public/index.html"), "{when}: no site");
        assert_user_files(&site, &when);
        let crashed = site.copy();
        recover(&site);
        let after = tree(&site);
        assert!(
            after == old_tree || after == new_tree,
            "{when}: after recovery, the output is neither the old site nor the new one: {}",
            differences(&after, &old_tree, &new_tree)
        );
        let is_new = after == new_tree;
        outcomes[usize::from(is_new)] += 1;
        assert!(
            outcomes[1] == 0 || is_new,
            "{when}: back to the old site after the new one"
        );
        assert_user_files(&site, &format!("{when}, recovered"));
        assert_eq!(leftovers(&site), Vec::<String>::new(), "{when}");
        if is_new && after_commit_point.is_none() {
            after_commit_point = Some(crashed);
        }
        if k == 1 || is_new && outcomes[1] == 1 {
            run(&site, &["build"]).success();
            assert_eq!(tree(&site), new_tree, "{when}: the next build");
            let again = run(&site, &["build"]).success();
            let line = again.stdout;
            assert!(
                line.contains("(0 rendered, none changed)"),
                "{when}: {line}"
            );
        }
    }
    assert!(
        outcomes[0] > 0 && outcomes[1] > 0,
        "old/new outcomes: {outcomes:?}"
    );

    // The next start is killed too, at every step of finishing the interrupted build
    // (`clean` finishes it first, then removes the site; its own steps end the loop).
    let crashed = after_commit_point.expect("a crash after the commit point");
    for j in 1..200 {
        let site = crashed.copy();
        assert!(crashed_at(&site, &["clean"], j), "clean finished");
        let when = format!("the next start killed before step {j}");
        assert!(site.exists("public/.briefing-output"), "{when}: no site");
        assert_user_files(&site, &when);
        recover(&site);
        assert_user_files(&site, &format!("{when}, recovered"));
        if tree(&site) != new_tree {
            assert!(
                j > 3,
                "{when}: finishing the build did not give the new site"
            );
            break;
        }
    }
}

#[test]
fn clean_keeps_what_the_user_put_in_the_output() {
    let site = old_site();
    let cleaned = run(&site, &["clean"]).success();
    assert!(cleaned.stdout.contains("CNAME"), "{}", cleaned.stdout);
    assert_user_files(&site, "clean");
    assert!(!site.exists("public/index.html") && !site.exists("public/briefings/rail-strike-yaml"));
    assert!(!site.exists(".briefing"));
    run(&site, &["build"]).success();
    assert_user_files(&site, "a build after clean");
    assert!(site.exists("public/index.html"));
}

#[test]
fn a_full_briefings_folder_fails_the_build_before_the_site_changes() {
    let site = old_site();
    let before = tree(&site);
    let article = "content/articles/rail-strike-yaml.md";
    let text = site.read(article).replace("Saturday", "Sunday");
    site.write(article, &text);
    // The briefings folder on a 64 KiB file system, filled up: a mount namespace of the
    // test's own (no privileges needed), gone when the command ends, with the real
    // folder untouched underneath.
    let script = format!(
        "set -e; cp -r content/briefings .saved; mount -t tmpfs -o size=64k tmpfs content/briefings; \
         cp .saved/* content/briefings/; \
         dd if=/dev/zero of=content/briefings/.fill bs=1k count=100 2>/dev/null || true; \
         exec {} build",
        env!("CARGO_BIN_EXE_briefing")
    );
    let output = std::process::Command::new("unshare")
        .args(["--map-root-user", "--mount", "sh", "-c", &script])
        .current_dir(site.path())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", site.path())
        .output()
        .expect("unshare (util-linux) runs the build in a mount namespace");
    let run = crate::harness::finish(output);
    assert_eq!(
        run.code, 1,
        "the build must fail\n{}\n{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stderr.contains("No space left") && run.stderr.contains("rail-strike-yaml"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&site), before, "public/ is byte-identical");
    assert_user_files(&site, "a full disk");
    assert_eq!(leftovers(&site), Vec::<String>::new());
}
