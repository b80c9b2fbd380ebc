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

/// Every entry under `dir` (not following symlinks): path, kind and content.
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
                format!("file:{}", blake3::hash(&fs::read(e.path()).unwrap()))
            };
            (rel, what)
        })
        .collect();
    out.sort();
    out
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
fn writes_the_site_with_a_marker_and_replaces_it_completely() {
    let (_tmp, config) = fixture();
    let options = OutputOptions::for_site(&config);
    let report = write_site_with(&config.output_dir, &site(), &options).unwrap();
    let want_bytes: usize = site().iter().map(|p| p.bytes.len()).sum();
    assert_eq!((report.files, report.bytes), (3, want_bytes as u64));
    let out = &config.output_dir;
    assert_eq!(
        fs::read_to_string(out.join("briefings/a/index.html")).unwrap(),
        "<p>a</p>"
    );
    assert!(
        fs::read_to_string(out.join(MARKER_FILE))
            .unwrap()
            .contains("\nbriefings\n")
    );

    let second = vec![
        page("index.html", "<h1>new</h1>"),
        page("briefings/b/index.html", "b"),
    ];
    write_site_with(out, &second, &options).unwrap();
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "<h1>new</h1>"
    );
    assert!(!out.join("briefings/a").exists(), "stale page removed");
    assert!(!out.join("style.css").exists(), "stale file removed");
    assert_eq!(siblings(out), ["content", "public"]);
}

#[test]
fn a_failure_mid_write_leaves_the_old_output_identical() {
    let (_tmp, config) = fixture();
    let options = OutputOptions::for_site(&config);
    write_site_with(&config.output_dir, &site(), &options).unwrap();
    fs::create_dir_all(config.output_dir.join(".git")).unwrap();
    fs::write(config.output_dir.join(".git/HEAD"), "ref").unwrap();
    let before = snapshot(&config.output_dir);
    // `a` is a file and a directory at once: writing fails after other files are written.
    let cases: [Vec<Page>; 2] = [
        (0..50)
            .map(|i| page(&format!("p{i}.html"), "x"))
            .chain([page("a", "f"), page("a/b.html", "g")])
            .collect(),
        vec![page("index.html", "x"), page("index.html/x", "y")],
    ];
    for broken in cases {
        let err = write_site_with(&config.output_dir, &broken, &options).unwrap_err();
        assert!(matches!(err, OutputError::Io { .. }), "{err}");
        assert_eq!(snapshot(&config.output_dir), before);
        assert_eq!(siblings(&config.output_dir), ["content", "public"]);
    }
}

#[test]
fn unsafe_page_paths_are_rejected_before_anything_is_written() {
    let (_tmp, config) = fixture();
    let options = OutputOptions::for_site(&config);
    let bad = [
        "",
        "/etc/passwd",
        "../outside.html",
        "a/../../b.html",
        "a/./b.html",
        "a\\..\\b.html",
        "a\0b",
        "a//b.html",
        "c:/windows/x",
        "dir/",
        MARKER_FILE,
    ];
    for path in bad {
        let pages = vec![page("index.html", "ok"), page(path, "evil")];
        let err = write_site_with(&config.output_dir, &pages, &options).unwrap_err();
        assert!(
            matches!(err, OutputError::InvalidPagePath { .. }),
            "{path:?}: {err}"
        );
        assert!(
            !config.output_dir.exists(),
            "{path:?}: nothing may be written"
        );
    }
    let dup = vec![page("a.html", "1"), page("a.html", "2")];
    assert!(matches!(
        write_site_with(&config.output_dir, &dup, &options),
        Err(OutputError::InvalidPagePath { .. })
    ));
}

#[test]
fn good_page_paths_pass() {
    for path in [
        "index.html",
        ".well-known/security.txt",
        "a/b/c.html",
        "résumé/index.html",
        "..foo",
    ] {
        assert_eq!(check_page_path(path), Ok(()), "{path}");
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
            durable: false,
        };
        let err = write_site_with(&dir, &site(), &options).unwrap_err();
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
    write_site_with(
        &config.output_dir,
        &site(),
        &OutputOptions::for_site(&config),
    )
    .unwrap();
    assert!(config.output_dir.join(MARKER_FILE).is_file());
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_refused_and_its_target_untouched() {
    let (tmp, config) = fixture();
    let real = tmp.path().join("www");
    fs::create_dir_all(&real).unwrap();
    fs::write(real.join("keep.html"), "keep").unwrap();
    std::os::unix::fs::symlink(&real, &config.output_dir).unwrap();
    let err = write_site_with(
        &config.output_dir,
        &site(),
        &OutputOptions::for_site(&config),
    )
    .unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(real.join("keep.html")).unwrap(), "keep");
}

#[test]
fn entries_briefing_did_not_write_are_kept() {
    let (_tmp, config) = fixture();
    let options = OutputOptions::for_site(&config);
    let out = &config.output_dir;
    write_site_with(out, &site(), &options).unwrap();
    fs::create_dir_all(out.join(".git/objects")).unwrap();
    fs::write(out.join(".git/objects/x"), "obj").unwrap();
    fs::write(out.join("CNAME"), "news.example.org").unwrap();
    fs::write(out.join(".nojekyll"), "").unwrap();
    let report = write_site_with(out, &[page("index.html", "v2")], &options).unwrap();
    assert_eq!(report.kept, [".git", ".nojekyll", "CNAME"]);
    assert_eq!(
        fs::read_to_string(out.join(".git/objects/x")).unwrap(),
        "obj"
    );
    assert_eq!(
        fs::read_to_string(out.join("CNAME")).unwrap(),
        "news.example.org"
    );
    assert!(!out.join("style.css").exists());
    // Kept again on the next build: they are still not in our manifest.
    write_site_with(out, &[page("index.html", "v3")], &options).unwrap();
    assert!(out.join(".git/objects/x").is_file() && out.join("CNAME").is_file());
}

#[test]
fn a_foreign_entry_colliding_with_a_new_page_stops_the_build() {
    let (_tmp, config) = fixture();
    let options = OutputOptions::for_site(&config);
    let out = &config.output_dir;
    write_site_with(out, &site(), &options).unwrap();
    fs::write(out.join("CNAME"), "mine").unwrap();
    let before = snapshot(out);
    let err = write_site_with(out, &[page("CNAME", "theirs")], &options).unwrap_err();
    assert!(matches!(err, OutputError::Collision { .. }), "{err}");
    assert!(err.to_string().contains("static/"), "{err}");
    assert_eq!(snapshot(out), before);
}

#[cfg(unix)]
#[test]
fn replacing_an_output_never_follows_symlinks_inside_it() {
    let (tmp, config) = fixture();
    let options = OutputOptions::for_site(&config);
    let out = &config.output_dir;
    write_site_with(out, &site(), &options).unwrap();
    let outside = tmp.path().join("precious");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("data.txt"), "keep me").unwrap();
    std::os::unix::fs::symlink(&outside, out.join("briefings/link")).unwrap();
    write_site_with(out, &[page("index.html", "v2")], &options).unwrap();
    assert!(!out.join("briefings").exists());
    assert_eq!(
        fs::read_to_string(outside.join("data.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn leftovers_of_dead_builds_are_removed_and_foreign_lookalikes_kept() {
    let (_tmp, config) = fixture();
    let parent = config.root.clone();
    let dead_staging = parent.join("public.staging-4000000000");
    let dead_old = parent.join("public.old-4000000001");
    let lookalike = parent.join("public.staging-4000000002");
    for dir in [&dead_staging, &dead_old] {
        fs::create_dir_all(dir.join("x")).unwrap();
        fs::write(dir.join(MARKER_FILE), "").unwrap();
    }
    fs::create_dir_all(&lookalike).unwrap();
    fs::write(lookalike.join("notes.txt"), "user file").unwrap();
    write_site_with(
        &config.output_dir,
        &site(),
        &OutputOptions::for_site(&config),
    )
    .unwrap();
    if Path::new("/proc").is_dir() {
        assert!(!dead_staging.exists() && !dead_old.exists());
    }
    assert!(lookalike.join("notes.txt").is_file());
}

#[test]
fn clean_removes_marked_output_and_state_only() {
    let (_tmp, config) = fixture();
    write_site_with(
        &config.output_dir,
        &site(),
        &OutputOptions::for_site(&config),
    )
    .unwrap();
    fs::create_dir_all(config.state_dir().join("cache")).unwrap();
    let report = clean(&config).unwrap();
    assert_eq!(
        report.removed,
        [config.output_dir.clone(), config.state_dir()]
    );
    assert!(!config.output_dir.exists() && !config.state_dir().exists());
    assert!(config.root.join("content/articles/a.md").is_file());
    // Nothing to clean is fine.
    assert_eq!(clean(&config).unwrap().removed, Vec::<PathBuf>::new());
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
fn preflight_refuses_what_writing_refuses_and_writes_nothing() {
    let (tmp, config) = fixture();
    let root = config.root.clone();
    let options = OutputOptions::for_site(&config);
    fs::create_dir_all(root.join("notes")).unwrap();
    fs::write(root.join("notes/todo.txt"), "mine").unwrap();
    let ours = root.join("ours");
    write_site_with(&ours, &site(), &options).unwrap();
    fs::write(ours.join("CNAME"), "mine").unwrap();
    let ok = site();
    let bad_path = vec![page("../escape.html", "x")];
    let collides = vec![page("CNAME", "theirs")];
    // (output, pages, the error expected, or None when both accept)
    let cases: [(PathBuf, &[Page], Option<&str>); 6] = [
        (root.join("public"), &ok, None),
        (root.join("deep/er/public"), &ok, None),
        (ours.clone(), &ok, None),
        (root.join("notes"), &ok, Some("Refused")),
        (root.clone(), &ok, Some("Refused")),
        (root.join("public"), &bad_path, Some("InvalidPagePath")),
    ];
    let collision = (ours.clone(), collides.as_slice(), Some("Collision"));
    for (dir, pages, want) in cases.into_iter().chain([collision]) {
        let before = snapshot(tmp.path());
        let got = preflight(&dir, pages, &options);
        let kind = |e: &OutputError| {
            format!("{e:?}")
                .split([' ', '{'])
                .next()
                .unwrap()
                .to_string()
        };
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
        let written = write_site_with(&dir, pages, &options);
        assert_eq!(
            written.as_ref().err().map(kind).as_deref(),
            want,
            "{}",
            dir.display()
        );
    }
}

#[cfg(unix)]
#[test]
fn preflight_refuses_a_symlinked_output() {
    let (tmp, config) = fixture();
    let real = tmp.path().join("www");
    fs::create_dir_all(&real).unwrap();
    std::os::unix::fs::symlink(&real, &config.output_dir).unwrap();
    let err = preflight(
        &config.output_dir,
        &site(),
        &OutputOptions::for_site(&config),
    )
    .unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
}
