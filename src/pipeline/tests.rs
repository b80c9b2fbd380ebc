//! The pipeline end to end on small sites in temporary folders.

use std::sync::atomic::{AtomicUsize, Ordering};

use std::path::PathBuf;

use super::*;

/// Counts the articles the analysis was started on.
#[derive(Default)]
struct Counting(AtomicUsize);

impl Progress for Counting {
    fn start(&self, total: usize) {
        self.0.fetch_add(total, Ordering::SeqCst);
    }
}

#[test]
fn a_template_error_stops_the_build_before_any_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/articles")).unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("content/articles/talks.md"),
        "---\ntitle: Talks\ndate: 2026-03-05\n---\nMinisters met in Lisk on Wednesday.\n",
    )
    .unwrap();
    std::fs::write(root.join("templates/index.html"), "{% if %}").unwrap();
    std::fs::write(root.join("briefing.toml"), "").unwrap();
    let config = Config::load(root).unwrap();
    let progress = Counting::default();
    let options = BuildOptions::new(jiff::civil::date(2026, 3, 6));
    let err = build(&config, &options, &progress).unwrap_err();
    assert!(matches!(err, BuildError::Site(_)), "{err}");
    assert!(err.to_string().contains("templates/index.html"), "{err}");
    assert_eq!(progress.0.load(Ordering::SeqCst), 0, "nothing analysed");
    assert!(!root.join("content/briefings").exists(), "nothing written");
}

/// An article file with front matter.
fn article(title: &str, date: &str, text: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\ntags: [water]\n---\n{text}\n")
}

/// Every file under `dir` (relative path and bytes), without the output's marker,
/// whose id differs between two outputs by design.
fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name() != crate::output::MARKER_FILE)
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Copies the site's sources (not its output nor its state) to a new folder.
fn copy_sources(from: &std::path::Path) -> tempfile::TempDir {
    let to = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).unwrap();
        let top = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy());
        if matches!(top.as_deref(), Some("public" | ".briefing")) || !entry.file_type().is_file() {
            continue;
        }
        let target = to.path().join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(entry.path(), target).unwrap();
    }
    to
}

/// A step of the sequence: what it does to the site, and the paths it touched.
type Step = (&'static str, fn(&std::path::Path) -> Vec<PathBuf>, bool);

#[test]
fn incremental_builds_equal_clean_builds_over_edits_adds_renames_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let articles = root.join("content/articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(
        root.join("briefing.toml"),
        "title = \"Test\"\n[build]\npaginate_by = 2\n",
    )
    .unwrap();
    let texts = [
        (
            "a",
            "Talks stall",
            "2026-03-05",
            "Water Minister Ana Varela met Tomas Brede in Lisk on Wednesday. The talks on the Sarn River stalled.",
        ),
        (
            "b",
            "Strike called",
            "2026-03-06",
            "Tomas Brede called a strike in Lisk on Thursday. Ana Varela said the river must stay open.",
        ),
        (
            "c",
            "Dam opens",
            "2026-02-01",
            "The Sarn dam opened on Monday. Engineers from Kestria watched.",
        ),
        (
            "d",
            "Budget",
            "2026-01-10",
            "The Kestria budget passed on Friday after Ana Varela spoke.",
        ),
    ];
    for (slug, title, date, text) in texts {
        std::fs::write(
            articles.join(format!("{slug}.md")),
            article(title, date, text),
        )
        .unwrap();
    }
    let config = Config::load(&root).unwrap();
    let options = BuildOptions::new(jiff::civil::date(2026, 3, 10));
    let mut memory = Memory::default();
    rebuild(
        &config,
        &options,
        &mut memory,
        &Changes::everything(),
        &Quiet,
    )
    .unwrap();
    let steps: [Step; 10] = [
        (
            "edit a briefing's body by hand (its page and the data files change, no other)",
            |r| {
                let p = r.join("content/briefings/b.md");
                let text = std::fs::read_to_string(&p).unwrap();
                std::fs::write(&p, text + "\nA note added by hand.\n").unwrap();
                vec![p]
            },
            false,
        ),
        (
            "add a dated sentence without actors",
            |r| {
                let p = r.join("content/articles/d.md");
                let text = std::fs::read_to_string(&p).unwrap();
                std::fs::write(
                    &p,
                    text + "The vote was repeated on Monday, officials said.\n",
                )
                .unwrap();
                vec![p]
            },
            false,
        ),
        (
            "edit an article",
            |r| {
                let p = r.join("content/articles/a.md");
                let text = std::fs::read_to_string(&p).unwrap();
                std::fs::write(&p, text + "Tomas Brede left Lisk on Thursday.\n").unwrap();
                vec![p]
            },
            false,
        ),
        (
            "add an article",
            |r| {
                let p = r.join("content/articles/e.md");
                std::fs::write(
                    &p,
                    article(
                        "Ferries stop",
                        "2026-03-07",
                        "Ana Varela stopped the ferries in Lisk on Friday.",
                    ),
                )
                .unwrap();
                vec![p]
            },
            false,
        ),
        (
            "rename an article",
            |r| {
                let (from, to) = (
                    r.join("content/articles/b.md"),
                    r.join("content/articles/b2.md"),
                );
                std::fs::rename(&from, &to).unwrap();
                vec![from, to]
            },
            false,
        ),
        (
            "delete an article and its briefing",
            |r| {
                let (a, b) = (
                    r.join("content/articles/c.md"),
                    r.join("content/briefings/c.md"),
                );
                std::fs::remove_file(&a).unwrap();
                std::fs::remove_file(&b).unwrap();
                vec![a, b]
            },
            false,
        ),
        (
            "edit a briefing by hand",
            |r| {
                let p = r.join("content/briefings/d.md");
                let text = std::fs::read_to_string(&p).unwrap();
                std::fs::write(
                    &p,
                    text.replace("title: Budget", "title: The budget passes"),
                )
                .unwrap();
                vec![p]
            },
            false,
        ),
        (
            "move an article in time",
            |r| {
                let p = r.join("content/articles/e.md");
                let text = std::fs::read_to_string(&p).unwrap();
                std::fs::write(&p, text.replace("2026-03-07", "2025-12-01")).unwrap();
                vec![p]
            },
            false,
        ),
        (
            "delete a generated briefing",
            |r| {
                let p = r.join("content/briefings/a.md");
                std::fs::remove_file(&p).unwrap();
                vec![p]
            },
            false,
        ),
        (
            "add a template",
            |r| {
                std::fs::create_dir_all(r.join("templates")).unwrap();
                std::fs::write(
                    r.join("templates/robots.txt"),
                    "User-agent: *\nDisallow: /drafts/\n",
                )
                .unwrap();
                Vec::new()
            },
            true,
        ),
    ];
    for (what, step, theme) in steps {
        let paths = step(&root);
        let changes = Changes {
            everything: false,
            paths,
            theme,
        };
        let report = rebuild(&config, &options, &mut memory, &changes, &Quiet)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(
            report
                .warnings
                .iter()
                .all(|w| !w.message.contains("changed while the build ran")),
            "{what}: the build knows what it wrote"
        );
        let clean = copy_sources(&root);
        let clean_config = Config::load(clean.path()).unwrap();
        build(&clean_config, &options, &Quiet).unwrap_or_else(|e| panic!("{what} (clean): {e}"));
        for dir in ["public", "content/briefings"] {
            let (got, want) = (tree(&root.join(dir)), tree(&clean.path().join(dir)));
            let differ: Vec<&String> = got
                .keys()
                .chain(want.keys())
                .filter(|p| got.get(*p) != want.get(*p))
                .collect();
            assert!(
                differ.is_empty(),
                "{what}: {dir} differs from a clean build in {differ:?}"
            );
        }
    }
}

/// Records the stages a build went through.
#[derive(Default)]
struct Stages(std::sync::Mutex<Vec<&'static str>>);

impl Progress for Stages {
    fn stage(&self, name: &'static str) {
        self.0.lock().unwrap().push(name);
    }
}

impl Stages {
    /// Whether the build built the corpus (and so rendered or keyed the pages).
    fn built_corpus(&self) -> bool {
        self.0.lock().unwrap().contains(&"corpus")
    }
}

#[test]
fn a_build_with_the_inputs_and_output_of_the_last_renders_nothing_and_any_change_renders_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/articles")).unwrap();
    let talks = article("Talks", "2026-03-05", "Ministers met in Lisk on Wednesday.");
    std::fs::write(root.join("content/articles/talks.md"), &talks).unwrap();
    std::fs::create_dir_all(root.join("content/briefings")).unwrap();
    let note = "---\ntitle: Note\ndate: 2026-03-04\n---\n\nSee [the dam](/nowhere/).\n";
    std::fs::write(root.join("content/briefings/note.md"), note).unwrap();
    std::fs::write(root.join("briefing.toml"), "").unwrap();
    let config = Config::load(root).unwrap();
    let day = jiff::civil::date(2026, 3, 6);
    let run = |today| {
        let stages = Stages::default();
        let report = build(&config, &BuildOptions::new(today), &stages).unwrap();
        (report, stages.built_corpus())
    };
    let (first, corpus) = run(day);
    assert!(corpus && first.rendered > 0);
    let public = root.join("public");
    let site = tree(&public);

    let (again, corpus) = run(day);
    assert!(!corpus, "nothing changed: no corpus, no page keyed");
    assert!(again.published.written.is_empty() && again.published.removed.is_empty());
    assert_eq!(again.pages, first.pages);
    let text = |r: &BuildReport| {
        r.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        text(&again),
        text(&first),
        "the render's warnings are reported again"
    );
    assert!(!first.warnings.is_empty(), "the broken link is a warning");

    let page = public.join("briefings/talks/index.html");
    std::fs::remove_file(&page).unwrap();
    let (restored, corpus) = run(day);
    assert!(corpus, "a page gone from the output: keyed again");
    assert_eq!(restored.published.written, ["briefings/talks/index.html"]);
    assert_eq!(tree(&public), site);

    let (next_day, corpus) = run(day.tomorrow().unwrap());
    assert!(
        corpus && next_day.rendered > 0,
        "another build date is another input"
    );

    let edited = talks.replace("Wednesday", "Thursday");
    std::fs::write(root.join("content/articles/talks.md"), edited).unwrap();
    let (edit, corpus) = run(day.tomorrow().unwrap());
    assert!(
        corpus && !edit.published.written.is_empty(),
        "an edit renders again"
    );
}
