use std::fs;
use std::path::{Path, PathBuf};

use super::*;

fn page(path: &str, text: &str) -> Page {
    Page {
        path: path.to_string(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn site() -> Vec<Page> {
    vec![
        page("index.html", "<h1>home</h1>"),
        page("briefings/a/index.html", "<p>a</p>"),
        page("style.css", "b{}"),
    ]
}

/// A site root in a temp dir, with its `Config`.
fn fixture() -> (tempfile::TempDir, Config) {
    let tmp = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(tmp.path()).unwrap().join("site");
    fs::create_dir_all(root.join("content/articles")).unwrap();
    fs::write(root.join("content/articles/a.md"), "An article.").unwrap();
    let config = Config::parse(&root, &root.join("briefing.toml"), "").unwrap();
    (tmp, config)
}

fn options(config: &Config) -> OutputOptions {
    OutputOptions {
        crash_at: None,
        ..OutputOptions::for_site(config)
    }
}

/// Publishes `pages` into the site's output.
fn publish_site(config: &Config, pages: &[Page]) -> Result<PublishReport, OutputError> {
    publish(
        &config.output_dir,
        &config.state_dir(),
        pages,
        &options(config),
    )
}

/// Every entry under `dir` (not following symlinks): path, kind, content and, for files,
/// the inode and modification time (so that a rewrite with equal bytes shows).
fn snapshot(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            let what = if e.path_is_symlink() {
                format!("link:{}", fs::read_link(e.path()).unwrap().display())
            } else if e.file_type().is_dir() {
                "dir".to_string()
            } else {
                let meta = e.metadata().unwrap();
                format!(
                    "file:{}:{:?}:{}",
                    blake3::hash(&fs::read(e.path()).unwrap()),
                    meta.modified().unwrap(),
                    inode(&meta)
                )
            };
            (rel, what)
        })
        .collect();
    out.sort();
    out
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> u64 {
    0
}

fn siblings(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn writes_the_site_with_a_marker_then_changes_only_what_changed() {
    let (_tmp, config) = fixture();
    let out = &config.output_dir;
    let report = publish_site(&config, &site()).unwrap();
    assert_eq!(report.files, 3);
    assert_eq!(
        report.written,
        ["briefings/a/index.html", "index.html", "style.css"]
    );
    assert_eq!(report.bytes_written, 13 + 8 + 3);
    assert_eq!(
        fs::read_to_string(out.join("briefings/a/index.html")).unwrap(),
        "<p>a</p>"
    );
    let marker = fs::read_to_string(out.join(MARKER_FILE)).unwrap();
    assert!(marker.contains("\nbriefings\n"), "{marker}");

    let second = vec![
        page("index.html", "<h1>new</h1>"),
        page("briefings/b/index.html", "b"),
        page("style.css", "b{}"),
    ];
    let style_before = snapshot(&out.join("style.css"));
    let report = publish_site(&config, &second).unwrap();
    assert_eq!(report.written, ["briefings/b/index.html", "index.html"]);
    assert_eq!(report.removed, ["briefings/a/index.html"]);
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "<h1>new</h1>"
    );
    assert!(
        !out.join("briefings/a").exists(),
        "stale page and its folder removed"
    );
    assert_eq!(
        snapshot(&out.join("style.css")),
        style_before,
        "not rewritten"
    );
    assert_eq!(siblings(out), [".briefing", "content", "public"]);
}

#[test]
fn only_a_preview_inside_the_state_folder_is_left_unflushed() {
    let (_tmp, mut config) = fixture();
    assert_eq!(
        OutputOptions::for_site(&config).durability,
        Durability::Commit
    );
    config.output_dir = config.state_dir().join("serve");
    assert_eq!(
        OutputOptions::for_site(&config).durability,
        Durability::Nothing
    );
}

#[test]
fn a_build_that_changes_nothing_writes_nothing() {
    let (_tmp, config) = fixture();
    publish_site(&config, &site()).unwrap();
    let before = snapshot(&config.root);
    let report = publish_site(&config, &site()).unwrap();
    assert!(
        report.written.is_empty() && report.removed.is_empty(),
        "{report:?}"
    );
    assert_eq!(report.files, 3);
    assert_eq!(
        snapshot(&config.root),
        before,
        "no file, manifest or folder touched"
    );
}

#[test]
fn an_input_key_lets_the_caller_skip_rendering_until_the_file_changes() {
    let (_tmp, config) = fixture();
    let out = &config.output_dir;
    let first = Publisher::open(out, &config.state_dir(), &options(&config)).unwrap();
    first.put("index.html", b"inputs v1", b"home").unwrap();
    first.put("about.html", b"about v1", b"about").unwrap();
    first.commit().unwrap();

    let second = Publisher::open(out, &config.state_dir(), &options(&config)).unwrap();
    assert!(
        !second.unchanged("index.html", b"inputs v2"),
        "other inputs"
    );
    assert!(!second.unchanged("index.html", b""), "no key");
    assert!(!second.unchanged("missing.html", b"inputs v1"));
    assert!(second.unchanged("about.html", b"about v1"));
    assert!(!second.unchanged("about.html", b"about v1"), "claimed once");
    second.put("index.html", b"inputs v2", b"home").unwrap();
    let report = second.commit().unwrap();
    assert_eq!((report.files, report.written.len()), (2, 0), "{report:?}");

    // A file changed behind briefing's back is never trusted: its key no longer counts,
    // and the page is written again.
    fs::write(out.join("about.html"), "edited by hand").unwrap();
    let third = Publisher::open(out, &config.state_dir(), &options(&config)).unwrap();
    assert!(third.unchanged("index.html", b"inputs v2"));
    assert!(!third.unchanged("about.html", b"about v1"));
    third.put("about.html", b"about v1", b"about").unwrap();
    assert_eq!(third.commit().unwrap().written, ["about.html"]);
    assert_eq!(fs::read_to_string(out.join("about.html")).unwrap(), "about");
}

#[test]
fn a_caller_that_knows_what_changed_lists_only_that() {
    let (_tmp, config) = fixture();
    let out = &config.output_dir;
    publish_site(&config, &site()).unwrap();
    let style_before = snapshot(&out.join("style.css"));
    let publisher = Publisher::open(out, &config.state_dir(), &options(&config)).unwrap();
    publisher.keep_unlisted();
    publisher
        .put("index.html", b"k", b"<h1>edited</h1>")
        .unwrap();
    publisher
        .put("briefings/b/index.html", b"k", b"new")
        .unwrap();
    publisher.remove("briefings/a/index.html").unwrap();
    publisher.remove("never/published.html").unwrap();
    assert!(matches!(
        publisher.remove("index.html"),
        Err(OutputError::InvalidPagePath { .. })
    ));
    let report = publisher.commit().unwrap();
    assert_eq!(report.written, ["briefings/b/index.html", "index.html"]);
    assert_eq!(report.removed, ["briefings/a/index.html"]);
    assert_eq!(report.files, 3);
    assert_eq!(
        snapshot(&out.join("style.css")),
        style_before,
        "kept untouched"
    );
    assert!(!out.join("briefings/a").exists());
    // The manifest holds the kept page: a full build afterwards changes nothing.
    let full = vec![
        page("index.html", "<h1>edited</h1>"),
        page("briefings/b/index.html", "new"),
        page("style.css", "b{}"),
    ];
    let report = publish_site(&config, &full).unwrap();
    assert!(
        report.written.is_empty() && report.removed.is_empty(),
        "{report:?}"
    );
}

/// Puts `site()` (each page keyed by its path) and commits it, keeping the manifest.
fn put_site(publisher: Publisher, kept: &KeptManifest) -> PublishReport {
    for p in site() {
        publisher.put(&p.path, p.path.as_bytes(), &p.bytes).unwrap();
    }
    publisher.commit_kept(Some(kept)).unwrap()
}

#[test]
fn a_kept_manifest_gives_the_same_site_as_the_stored_one_and_digests_agree() {
    let (_tmp, config) = fixture();
    let (out, state) = (&config.output_dir, config.state_dir());
    let kept = KeptManifest::default();
    let open = || Publisher::open_kept(out, &state, &options(&config), Some(&kept)).unwrap();
    let built = put_site(open(), &kept);
    // edits through the kept manifest: a change, an addition, a removal, then nothing
    type Edit<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
    let edits: [Edit; 3] = [
        (&[("index.html", "<h1>edited</h1>"), ("new.html", "n")], &[]),
        (&[], &["briefings/a/index.html"]),
        (&[], &[]),
    ];
    let mut last = built.site_digest;
    for (puts, removes) in edits {
        let publisher = open();
        assert_eq!(
            publisher.site_digest(),
            Some(last),
            "the kept digest is the last one"
        );
        publisher.keep_unlisted();
        for (path, text) in puts {
            publisher
                .put(path, path.as_bytes(), text.as_bytes())
                .unwrap();
        }
        for path in removes {
            publisher.remove(path).unwrap();
        }
        let report = publisher.commit_kept(Some(&kept)).unwrap();
        // a publisher reading the stored manifest agrees on the site and its digest
        let fresh = Publisher::open(out, &state, &options(&config)).unwrap();
        assert_eq!(
            fresh.site_digest(),
            Some(report.site_digest),
            "{puts:?} {removes:?}"
        );
        drop(fresh);
        last = report.site_digest;
    }
    assert_ne!(last, built.site_digest);
    assert!(!out.join("briefings/a/index.html").exists());
    assert_eq!(fs::read_to_string(out.join("new.html")).unwrap(), "n");
}

#[test]
fn a_kept_manifest_of_another_history_is_not_trusted() {
    let (_tmp, config) = fixture();
    let (out, state) = (&config.output_dir, config.state_dir());
    let kept = KeptManifest::default();
    let open = || Publisher::open_kept(out, &state, &options(&config), Some(&kept)).unwrap();
    put_site(open(), &kept);
    // another tool (or a restored copy) marks the output with another history's id
    let names = ["briefings", "index.html", "style.css"];
    fs::write(
        out.join(MARKER_FILE),
        guard::marker_text("0123456789abcdef", names),
    )
    .unwrap();
    let publisher = open();
    assert_eq!(
        publisher.site_digest(),
        None,
        "the output is not what the manifest says"
    );
    publisher.keep_unlisted();
    publisher
        .put("index.html", b"k2", b"<h1>again</h1>")
        .unwrap();
    let report = publisher.commit_kept(Some(&kept)).unwrap();
    let fresh = Publisher::open(out, &state, &options(&config)).unwrap();
    assert_eq!(fresh.site_digest(), Some(report.site_digest));
}

#[test]
fn a_failed_or_abandoned_build_leaves_the_old_output_identical() {
    let (_tmp, config) = fixture();
    publish_site(&config, &site()).unwrap();
    fs::create_dir_all(config.output_dir.join(".git")).unwrap();
    fs::write(config.output_dir.join(".git/HEAD"), "ref").unwrap();
    let before = snapshot(&config.root);
    // `a` is a file and a directory at once: the write or the commit fails.
    let cases: [Vec<Page>; 3] = [
        (0..50)
            .map(|i| page(&format!("p{i}.html"), "x"))
            .chain([page("a", "f"), page("a/b.html", "g")])
            .collect(),
        vec![page("index.html", "x"), page("index.html/x", "y")],
        vec![page("new.html", "x"), page("new.html", "y")],
    ];
    for broken in cases {
        assert!(publish_site(&config, &broken).is_err());
        assert_eq!(snapshot(&config.root), before);
    }
    // Dropped without a commit: an abort.
    let publisher =
        Publisher::open(&config.output_dir, &config.state_dir(), &options(&config)).unwrap();
    publisher.put("index.html", b"", b"changed").unwrap();
    publisher.put("new.html", b"", b"new").unwrap();
    drop(publisher);
    assert_eq!(snapshot(&config.root), before);
}

#[test]
fn unsafe_page_paths_are_rejected_before_anything_is_written() {
    let (_tmp, config) = fixture();
    for path in [
        "",
        "/etc/passwd",
        "../outside.html",
        "a/../../b.html",
        "a\0b",
        MARKER_FILE,
    ] {
        let pages = vec![page("index.html", "ok"), page(path, "evil")];
        let err = publish_site(&config, &pages).unwrap_err();
        assert!(
            matches!(err, OutputError::InvalidPagePath { .. }),
            "{path:?}: {err}"
        );
        assert!(
            !config.output_dir.exists(),
            "{path:?}: nothing may be published"
        );
    }
}

#[test]
fn refuses_directories_it_must_not_replace() {
    let (tmp, config) = fixture();
    let root = config.root.clone();
    let home = fs::canonicalize(tmp.path()).unwrap().join("home");
    fs::create_dir_all(home.join("docs")).unwrap();
    fs::write(home.join("docs/cv.txt"), "mine").unwrap();
    fs::create_dir_all(root.join("notes")).unwrap();
    fs::write(root.join("notes/todo.txt"), "mine").unwrap();
    let guard = Guard::for_site(&config).protect(&home);
    let cases: [(PathBuf, String); 8] = [
        (root.clone(), format!("it is {}, which", root.display())),
        (
            root.parent().unwrap().to_path_buf(),
            format!("it contains {}, which", root.display()),
        ),
        (
            root.join("content/articles"),
            "/content/articles, which briefing never deletes".into(),
        ),
        (root.join("content"), "contains".into()),
        (root.join("content/articles/out"), "lies inside".into()),
        (home.clone(), format!("it is {}, which", home.display())),
        (PathBuf::from("/"), "it is /, which".into()),
        (root.join("notes"), "has no .briefing-output file".into()),
    ];
    for (dir, why) in cases {
        let before = snapshot(tmp.path());
        let options = OutputOptions {
            guard: guard.clone(),
            ..options(&config)
        };
        let err = publish(&dir, &config.state_dir(), &site(), &options).unwrap_err();
        let msg = err.to_string();
        assert!(
            matches!(err, OutputError::Refused { .. }),
            "{}: {msg}",
            dir.display()
        );
        assert!(msg.contains("help:"), "{msg}");
        assert!(
            msg.contains(&why),
            "{}: expected {why:?} in {msg}",
            dir.display()
        );
        assert_eq!(snapshot(tmp.path()), before, "{}", dir.display());
    }
}

#[test]
fn an_empty_directory_is_adopted() {
    let (_tmp, config) = fixture();
    fs::create_dir_all(&config.output_dir).unwrap();
    publish_site(&config, &site()).unwrap();
    assert!(config.output_dir.join(MARKER_FILE).is_file());
    assert!(config.output_dir.join("briefings/a/index.html").is_file());
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_refused_and_its_target_untouched() {
    let (tmp, config) = fixture();
    let real = tmp.path().join("www");
    fs::create_dir_all(&real).unwrap();
    fs::write(real.join("keep.html"), "keep").unwrap();
    std::os::unix::fs::symlink(&real, &config.output_dir).unwrap();
    let err = publish_site(&config, &site()).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(real.join("keep.html")).unwrap(), "keep");
}

/// Files a user typically adds to a published site.
const USER_FILES: [(&str, &str); 5] = [
    (".git/objects/x", "obj"),
    ("CNAME", "news.example.org"),
    (".nojekyll", ""),
    ("briefings/.htaccess", "deny"),
    ("googleabc.html", "verification"),
];

fn add_user_files(out: &Path) {
    for (path, text) in USER_FILES {
        fs::create_dir_all(out.join(path).parent().unwrap()).unwrap();
        fs::write(out.join(path), text).unwrap();
    }
}

#[track_caller]
fn assert_user_files(out: &Path) {
    for (path, text) in USER_FILES {
        assert_eq!(fs::read_to_string(out.join(path)).unwrap(), text, "{path}");
    }
}

#[test]
fn files_briefing_did_not_write_are_never_touched() {
    let (_tmp, config) = fixture();
    let out = &config.output_dir;
    publish_site(&config, &site()).unwrap();
    add_user_files(out);
    let report = publish_site(&config, &[page("index.html", "v2")]).unwrap();
    assert_eq!(report.removed, ["briefings/a/index.html", "style.css"]);
    assert_user_files(out);
    assert!(!out.join("style.css").exists() && !out.join("briefings/a").exists());
    publish_site(&config, &[page("index.html", "v3")]).unwrap();
    assert_user_files(out);
    // Also when the manifest is gone and the marker is all the publisher knows.
    fs::remove_dir_all(config.state_dir()).unwrap();
    publish_site(&config, &site()).unwrap();
    publish_site(&config, &[page("index.html", "v4")]).unwrap();
    assert_user_files(out);
    assert!(!out.join("style.css").exists());
}

#[test]
fn without_its_manifest_the_publisher_compares_bytes_and_removes_stale_pages() {
    let (_tmp, config) = fixture();
    let out = &config.output_dir;
    let mut pages = site();
    pages.push(page("old.html", "stale"));
    publish_site(&config, &pages).unwrap();
    fs::remove_dir_all(config.state_dir()).unwrap();
    let index_before = snapshot(&out.join("index.html"));
    let mut changed = site();
    changed[2] = page("style.css", "i{}");
    let report = publish_site(&config, &changed).unwrap();
    assert_eq!(report.written, ["style.css"]);
    assert_eq!(report.removed, ["old.html"]);
    assert_eq!(snapshot(&out.join("index.html")), index_before);
    // The manifest is back: the next build trusts it.
    assert!(publish_site(&config, &changed).unwrap().written.is_empty());
}

#[test]
fn the_keep_list_is_never_written_nor_removed() {
    let (_tmp, mut config) = fixture();
    let out = config.output_dir.clone();
    let mut pages = site();
    pages.push(page("downloads/report.pdf", "ours once"));
    publish_site(&config, &pages).unwrap();
    config.keep = vec!["downloads".into(), "extra.txt".into()];
    fs::write(out.join("downloads/mine.pdf"), "user's").unwrap();
    let report = publish_site(&config, &site()).unwrap();
    assert!(report.removed.is_empty(), "{report:?}");
    assert_eq!(
        fs::read_to_string(out.join("downloads/report.pdf")).unwrap(),
        "ours once"
    );
    let err = publish_site(&config, &[page("downloads/x.pdf", "new")]).unwrap_err();
    assert!(matches!(err, OutputError::Kept { .. }), "{err}");
    assert!(err.to_string().contains("build.keep"), "{err}");
}

#[test]
fn a_page_landing_on_something_briefing_did_not_write_stops_the_build() {
    let (_tmp, config) = fixture();
    let out = &config.output_dir;
    publish_site(&config, &site()).unwrap();
    fs::write(out.join("CNAME"), "mine").unwrap();
    fs::create_dir_all(out.join("feed")).unwrap();
    fs::write(out.join("feed/mine.xml"), "mine").unwrap();
    let before = snapshot(&config.root);
    for pages in [
        vec![page("CNAME", "theirs")],
        vec![page("CNAME/x.html", "theirs")],
        vec![page("feed", "theirs")],
    ] {
        let err = publish_site(&config, &pages).unwrap_err();
        assert!(matches!(err, OutputError::Collision { .. }), "{err}");
        assert!(err.to_string().contains("static/"), "{err}");
        assert_eq!(snapshot(&config.root), before);
    }
}

#[test]
fn a_folder_of_pages_can_become_a_page_and_back() {
    let (_tmp, config) = fixture();
    let out = &config.output_dir;
    publish_site(&config, &[page("feed/index.html", "a"), page("x", "file")]).unwrap();
    publish_site(&config, &[page("feed", "b"), page("x/index.html", "dir")]).unwrap();
    assert_eq!(fs::read_to_string(out.join("feed")).unwrap(), "b");
    assert_eq!(fs::read_to_string(out.join("x/index.html")).unwrap(), "dir");
    publish_site(&config, &[page("feed/index.html", "c")]).unwrap();
    assert_eq!(
        fs::read_to_string(out.join("feed/index.html")).unwrap(),
        "c"
    );
    assert!(!out.join("x").exists());
}

#[cfg(unix)]
#[test]
fn publishing_never_follows_symlinks_inside_the_output() {
    let (tmp, config) = fixture();
    let out = &config.output_dir;
    publish_site(&config, &site()).unwrap();
    let outside = tmp.path().join("precious");
    fs::create_dir_all(outside.join("a")).unwrap();
    fs::write(outside.join("a/index.html"), "keep me").unwrap();
    // The user replaces a folder of pages with a link to their own files.
    fs::remove_dir_all(out.join("briefings")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("briefings")).unwrap();
    publish_site(&config, &[page("index.html", "v2")]).unwrap();
    assert_eq!(
        fs::read_to_string(outside.join("a/index.html")).unwrap(),
        "keep me"
    );
    let err = publish_site(&config, &site()).unwrap_err();
    assert!(matches!(err, OutputError::Collision { .. }), "{err}");
    assert_eq!(
        fs::read_to_string(outside.join("a/index.html")).unwrap(),
        "keep me"
    );
}

#[test]
fn leftovers_of_dead_builds_are_removed_unless_they_hold_user_files() {
    let (_tmp, config) = fixture();
    let parent = config.root.clone();
    let dead = [
        "public.next-4000000000",
        "public.staging-4000000001",
        "public.old-4000000002",
    ];
    for name in dead {
        fs::create_dir_all(parent.join(name).join("x")).unwrap();
        fs::write(
            parent.join(name).join(MARKER_FILE),
            guard::marker_text("i", ["x"]),
        )
        .unwrap();
    }
    // An earlier version's swap moved the user's `.git` into its staging tree, then died.
    let holding = parent.join("public.staging-4000000003");
    fs::create_dir_all(holding.join(".git")).unwrap();
    fs::write(
        holding.join(MARKER_FILE),
        guard::marker_text("i", ["index.html"]),
    )
    .unwrap();
    let lookalike = parent.join("public.next-4000000004");
    fs::create_dir_all(&lookalike).unwrap();
    fs::write(lookalike.join("notes.txt"), "user file").unwrap();
    let report = publish_site(&config, &site()).unwrap();
    if Path::new("/proc").is_dir() {
        for name in dead {
            assert!(!parent.join(name).exists(), "{name}");
        }
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
        assert!(
            report.warnings.iter().any(|w| w.contains(".git")),
            "{:?}",
            report.warnings
        );
    }
    assert!(holding.join(".git").is_dir());
    assert!(lookalike.join("notes.txt").is_file());
}

#[test]
fn clean_removes_pages_and_state_and_keeps_what_others_put_there() {
    let (_tmp, config) = fixture();
    publish_site(&config, &site()).unwrap();
    let report = clean(&config).unwrap();
    assert_eq!(
        report.removed,
        [config.output_dir.clone(), config.state_dir()]
    );
    assert!(!config.output_dir.exists() && !config.state_dir().exists());
    assert!(config.root.join("content/articles/a.md").is_file());
    assert_eq!(
        clean(&config).unwrap(),
        CleanReport::default(),
        "nothing to clean"
    );

    publish_site(&config, &site()).unwrap();
    add_user_files(&config.output_dir);
    let report = clean(&config).unwrap();
    assert_eq!(report.removed, [config.state_dir()]);
    assert_eq!(
        report.kept,
        [".git", ".nojekyll", "CNAME", "briefings", "googleabc.html"]
    );
    assert_user_files(&config.output_dir);
    assert!(!config.output_dir.join("index.html").exists());
    assert!(!config.output_dir.join("briefings/a").exists());
    // The output stays briefing's: the next build writes into it.
    publish_site(&config, &site()).unwrap();
    assert_user_files(&config.output_dir);
}

#[test]
fn clean_refuses_an_unmarked_output_and_removes_nothing() {
    let (_tmp, config) = fixture();
    fs::create_dir_all(&config.output_dir).unwrap();
    fs::write(config.output_dir.join("index.html"), "hand made").unwrap();
    fs::create_dir_all(config.state_dir()).unwrap();
    let err = clean(&config).unwrap_err();
    assert!(err.to_string().contains(MARKER_FILE), "{err}");
    assert!(config.output_dir.join("index.html").is_file() && config.state_dir().is_dir());
}

#[test]
fn clean_refuses_an_output_that_is_the_site_root() {
    let (_tmp, mut config) = fixture();
    config.output_dir = config.root.clone();
    fs::write(config.root.join(MARKER_FILE), "").unwrap();
    assert!(matches!(clean(&config), Err(OutputError::Refused { .. })));
    assert!(config.root.join("content/articles/a.md").is_file());
}

#[test]
fn preflight_refuses_what_publishing_refuses_and_writes_nothing() {
    let (tmp, config) = fixture();
    let root = config.root.clone();
    fs::create_dir_all(root.join("notes")).unwrap();
    fs::write(root.join("notes/todo.txt"), "mine").unwrap();
    let ours = root.join("ours");
    let state = config.state_dir();
    publish(&ours, &state, &site(), &options(&config)).unwrap();
    fs::write(ours.join("CNAME"), "mine").unwrap();
    let ok = site();
    let bad_path = vec![page("../escape.html", "x")];
    let collides = vec![page("CNAME", "theirs")];
    let tree = vec![page("a", "x"), page("a/b", "y")];
    // (output, pages, the error expected, or None when both accept)
    let cases: [(PathBuf, &[Page], Option<&str>); 8] = [
        (root.join("public"), &ok, None),
        (root.join("deep/er/public"), &ok, None),
        (ours.clone(), &ok, None),
        (root.join("notes"), &ok, Some("Refused")),
        (root.clone(), &ok, Some("Refused")),
        (root.join("public"), &bad_path, Some("InvalidPagePath")),
        (root.join("public"), &tree, Some("InvalidPagePath")),
        (ours.clone(), &collides, Some("Collision")),
    ];
    let kind = |e: &OutputError| {
        format!("{e:?}")
            .split([' ', '{'])
            .next()
            .unwrap()
            .to_string()
    };
    for (dir, pages, want) in cases {
        let before = snapshot(tmp.path());
        let paths = pages.iter().map(|p| p.path.as_str());
        let got = preflight(&dir, &state, paths, &options(&config));
        assert_eq!(
            got.as_ref().err().map(kind).as_deref(),
            want,
            "{}",
            dir.display()
        );
        assert_eq!(
            snapshot(tmp.path()),
            before,
            "{}: preflight wrote",
            dir.display()
        );
        let written = publish(&dir, &state, pages, &options(&config));
        assert_eq!(
            written.as_ref().err().map(kind).as_deref(),
            want,
            "{}",
            dir.display()
        );
    }
}
