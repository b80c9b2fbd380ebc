//! Replayed editor event sequences (recorded with notify 8 / inotify on Linux: raw
//! events and what notify-debouncer-full 0.7 made of them), the coalescing loop, and
//! live watcher tests on a temporary site.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{
    AccessKind, AccessMode, CreateKind, DataChange, Flag, MetadataKind, ModifyKind, RemoveKind,
    RenameMode,
};
use notify::{Event, EventKind};

use super::*;
use crate::config::CONFIG_FILE;
use ChangeKind::{Articles, Briefings, Templates};

const ARTICLES: &str = "content/articles";

/// Parses recorded lines (`Create(File) story.md`) into events, paths under `base`.
fn replay(base: &Path, text: &str) -> Vec<Event> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let mut parts = line.split_whitespace();
            let kind = match parts.next().unwrap() {
                "Create(File)" => EventKind::Create(CreateKind::File),
                "Create(Folder)" => EventKind::Create(CreateKind::Folder),
                "Access(Open(Any))" => EventKind::Access(AccessKind::Open(AccessMode::Any)),
                "Access(Close(Write))" => EventKind::Access(AccessKind::Close(AccessMode::Write)),
                "Modify(Data(Any))" => EventKind::Modify(ModifyKind::Data(DataChange::Any)),
                "Modify(Metadata(Any))" => {
                    EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any))
                }
                "Modify(Name(From))" => EventKind::Modify(ModifyKind::Name(RenameMode::From)),
                "Modify(Name(To))" => EventKind::Modify(ModifyKind::Name(RenameMode::To)),
                "Modify(Name(Both))" => EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                "Remove(File)" => EventKind::Remove(RemoveKind::File),
                "Remove(Folder)" => EventKind::Remove(RemoveKind::Folder),
                other => panic!("unknown kind in fixture: {other}"),
            };
            parts.fold(Event::new(kind), |e, p| e.add_path(base.join(p)))
        })
        .collect()
}

fn site_layout(root: &Path) -> SiteLayout {
    SiteLayout::for_site(&Config::parse(root, &root.join(CONFIG_FILE), "").unwrap())
}

/// Real vim 9.0 (`backupcopy=auto`): writes in place, with `.swp`/`.swx` files.
const VIM_IN_PLACE: &str = "
    Access(Open(Any)) story.md
    Create(File) .story.md.swp
    Create(File) .story.md.swx
    Access(Close(Write)) .story.md.swx
    Remove(File) .story.md.swx
    Remove(File) .story.md.swp
    Create(File) .story.md.swp
    Modify(Data(Any)) .story.md.swp
    Access(Open(Any)) story.md
    Modify(Data(Any)) story.md
    Modify(Metadata(Any)) story.md
    Access(Close(Write)) story.md
    Modify(Metadata(Any)) story.md
    Remove(File) .story.md.swp";

/// vim with `backupcopy=no`: probe `4913`, rename to `story.md~`, write a new inode.
const VIM_RENAME_RAW: &str = "
    Create(File) 4913
    Modify(Metadata(Any)) 4913
    Access(Close(Write)) 4913
    Remove(File) 4913
    Modify(Name(From)) story.md
    Modify(Name(To)) story.md~
    Modify(Name(Both)) story.md story.md~
    Create(File) story.md
    Modify(Data(Any)) story.md
    Access(Close(Write)) story.md
    Remove(File) story.md~";
const VIM_RENAME_DEBOUNCED: &str = "
    Create(File) story.md
    Access(Open(Any)) story.md
    Access(Close(Write)) story.md
    Remove(File) story.md~";

/// JetBrains safe write: `___jb_tmp___` renamed over the file, `___jb_old___` removed.
const JETBRAINS_RAW: &str = "
    Create(File) story.md___jb_tmp___
    Modify(Data(Any)) story.md___jb_tmp___
    Access(Close(Write)) story.md___jb_tmp___
    Modify(Name(From)) story.md
    Modify(Name(To)) story.md___jb_old___
    Modify(Name(Both)) story.md story.md___jb_old___
    Modify(Name(From)) story.md___jb_tmp___
    Modify(Name(To)) story.md
    Modify(Name(Both)) story.md___jb_tmp___ story.md
    Remove(File) story.md___jb_old___";
const JETBRAINS_DEBOUNCED: &str = "
    Create(File) story.md
    Access(Open(Any)) story.md
    Access(Close(Write)) story.md
    Remove(File) story.md___jb_old___";

/// VS Code / `fs.writeFile`: truncate, then write.
const VSCODE_RAW: &str = "
    Access(Open(Any)) story.md
    Modify(Data(Any)) story.md
    Access(Close(Write)) story.md
    Access(Open(Any)) story.md
    Modify(Data(Any)) story.md
    Access(Close(Write)) story.md";

/// emacs: `.#` lock symlink, backup by rename to `story.md~`, new file.
const EMACS_DEBOUNCED: &str = "
    Modify(Name(Both)) story.md story.md~
    Create(File) story.md
    Access(Close(Write)) story.md";

/// gedit: `.goutputstream-*` renamed over the file.
const GEDIT_RAW: &str = "
    Create(File) .goutputstream-ABC123
    Modify(Data(Any)) .goutputstream-ABC123
    Access(Close(Write)) .goutputstream-ABC123
    Modify(Name(From)) .goutputstream-ABC123
    Modify(Name(To)) story.md
    Modify(Name(Both)) .goutputstream-ABC123 story.md";

/// Helix: `story.md.bck` copy, write in place, remove the copy.
const HELIX_RAW: &str = "
    Create(File) story.md.bck
    Modify(Data(Any)) story.md.bck
    Access(Open(Any)) story.md
    Modify(Data(Any)) story.md
    Access(Close(Write)) story.md
    Remove(File) story.md.bck";

#[test]
fn each_editor_save_is_one_change_to_the_real_file() {
    let root = Path::new("/site");
    let layout = site_layout(root);
    let dir = root.join(ARTICLES);
    let cases = [
        ("vim in place", VIM_IN_PLACE),
        ("vim rename raw", VIM_RENAME_RAW),
        ("vim rename debounced", VIM_RENAME_DEBOUNCED),
        ("jetbrains raw", JETBRAINS_RAW),
        ("jetbrains debounced", JETBRAINS_DEBOUNCED),
        ("vscode", VSCODE_RAW),
        ("emacs", EMACS_DEBOUNCED),
        ("gedit", GEDIT_RAW),
        ("helix", HELIX_RAW),
    ];
    for (editor, text) in cases {
        let set = plan(&layout, &replay(&dir, text), &SelfWrites::default());
        assert_eq!(set.kinds, [Articles].into(), "{editor}");
        assert_eq!(set.paths, [dir.join("story.md")].into(), "{editor}");
        assert!(!set.full, "{editor}");
    }
}

#[test]
fn reads_output_writes_and_temporaries_alone_change_nothing() {
    let root = Path::new("/site");
    let layout = site_layout(root);
    let cases = [
        // The preview server reading a page and an article (Access events only).
        "Access(Open(Any)) public/index.html\nAccess(Open(Any)) content/articles/story.md",
        // A build of an earlier version writing its output through staging and swap.
        "Create(Folder) public.staging-42\nCreate(File) public.staging-42/index.html\n\
         Modify(Name(Both)) public public.old-42\nModify(Name(Both)) public.staging-42 public\nRemove(Folder) public.old-42",
        // A build publishing changed files: staged beside the output, a journal in the
        // state folder, moved in (or written over their old version), staging removed.
        "Create(Folder) public.next-42\nCreate(File) public.next-42/index.html\n\
         Create(File) .briefing/published/0a1b/journal\nModify(Name(Both)) public.next-42/a.html public/a.html\n\
         Modify(Data(Any)) public/index.html\nRemove(File) public.next-42/index.html\nRemove(Folder) public.next-42",
        "Create(File) .briefing/serve/index.html\nModify(Data(Any)) .briefing/cache.json",
        "Create(File) content/articles/.story.md.swp\nRemove(File) content/articles/4913",
        "Modify(Data(Any)) target/debug/build.log\nModify(Data(Any)) .git/index\nCreate(File) README.md",
    ];
    for text in cases {
        let set = plan(&layout, &replay(root, text), &SelfWrites::default());
        assert!(set.is_empty(), "{text}: {set:?}");
    }
}

#[test]
fn renames_deletes_and_folder_moves_are_changes() {
    let root = Path::new("/site");
    let layout = site_layout(root);
    let a = |p: &str| root.join(p);
    let cases: [(&str, &[ChangeKind], Vec<PathBuf>); 5] = [
        (
            "Remove(File) content/articles/gone.md",
            &[Articles],
            vec![a("content/articles/gone.md")],
        ),
        (
            "Modify(Name(Both)) content/articles/a.md content/articles/b.md",
            &[Articles],
            vec![a("content/articles/a.md"), a("content/articles/b.md")],
        ),
        (
            "Modify(Name(Both)) content/articles/a.md content/briefings/a.md",
            &[Articles, Briefings],
            vec![a("content/articles/a.md"), a("content/briefings/a.md")],
        ),
        (
            "Modify(Name(Both)) content content-old",
            &[Articles, Briefings],
            vec![a("content")],
        ),
        (
            "Modify(Data(Any)) briefing.toml\nCreate(Folder) templates",
            &[ChangeKind::Config, Templates],
            vec![a("briefing.toml"), a("templates")],
        ),
    ];
    for (text, kinds, paths) in cases {
        let set = plan(&layout, &replay(root, text), &SelfWrites::default());
        assert_eq!(set.kinds, kinds.iter().copied().collect(), "{text}");
        assert_eq!(set.paths, paths.into_iter().collect(), "{text}");
    }
}

#[test]
fn a_rescan_flag_rebuilds_everything() {
    let layout = site_layout(Path::new("/site"));
    let events = [Event::new(EventKind::Other).set_flag(Flag::Rescan)];
    let set = plan(&layout, &events, &SelfWrites::default());
    assert!(set.full);
    assert_eq!(set.kinds.len(), ChangeKind::ALL.len());
}

#[test]
fn a_burst_of_500_files_is_one_change_set() {
    let root = Path::new("/site");
    let layout = site_layout(root);
    let mut text = String::from(
        "Create(Folder) content/articles/sub\nAccess(Open(Any)) content/articles/sub\n",
    );
    for i in 1..=500 {
        text.push_str(&format!(
            "Create(File) content/articles/sub/f{i}.md\nAccess(Open(Any)) content/articles/sub/f{i}.md\n\
             Access(Close(Write)) content/articles/sub/f{i}.md\nModify(Data(Any)) .git/objects/{i}\n"
        ));
    }
    let set = plan(&layout, &replay(root, &text), &SelfWrites::default());
    assert_eq!(set.kinds, [Articles].into());
    assert_eq!(set.paths.len(), 501);
}

#[test]
fn files_the_build_wrote_are_not_changes_until_edited() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let layout = site_layout(root);
    let dir = root.join("content/briefings");
    std::fs::create_dir_all(&dir).unwrap();
    let writes = SelfWrites::default();
    let path = dir.join("story.md");
    crate::output::write_text_atomic(&path, "# Generated\n").unwrap();
    writes.record(&path, b"# Generated\n");
    // What an atomic write looks like: a `.tmp` file renamed over the target.
    let text = "Create(File) .story.md.42-0.tmp\nModify(Data(Any)) .story.md.42-0.tmp\n\
                Modify(Name(Both)) .story.md.42-0.tmp story.md";
    assert!(plan(&layout, &replay(&dir, text), &writes).is_empty());
    std::fs::write(&path, "# Generated\nand a hand edit\n").unwrap();
    let set = plan(
        &layout,
        &replay(&dir, "Modify(Data(Any)) story.md"),
        &writes,
    );
    assert_eq!((set.kinds, set.paths), ([Briefings].into(), [path].into()));
}

/// Runs `drive` over messages; `during` is called inside each build with its number.
fn run_drive(first: Vec<Msg>, mut during: impl FnMut(usize, &mpsc::Sender<Msg>)) -> Vec<ChangeSet> {
    let root = PathBuf::from("/site");
    let layout = site_layout(&root);
    let (tx, rx) = mpsc::channel();
    for m in first {
        tx.send(m).unwrap();
    }
    let mut builds = Vec::new();
    let plan_batch = |events: Vec<Event>, _errors| plan(&layout, &events, &SelfWrites::default());
    let mut on_change = |set: &ChangeSet| {
        builds.push(set.clone());
        during(builds.len(), &tx);
    };
    let stopper = tx.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(10));
        let _ = stopper.send(Msg::Stop);
    });
    drive(&rx, Duration::from_millis(30), plan_batch, &mut on_change);
    builds
}

fn edit(name: &str) -> Msg {
    Msg::Events(replay(
        Path::new("/site/content/articles"),
        &format!("Modify(Data(Any)) {name}"),
    ))
}

#[test]
fn changes_during_a_build_cause_exactly_one_more_build() {
    let builds = run_drive(vec![edit("a.md")], |n, tx| {
        if n == 1 {
            for name in ["b.md", "c.md", "b.md"] {
                tx.send(edit(name)).unwrap();
            }
        } else {
            tx.send(Msg::Stop).unwrap();
        }
    });
    assert_eq!(builds.len(), 2);
    let second: Vec<_> = builds[1]
        .paths
        .iter()
        .map(|p| p.file_name().unwrap().to_owned())
        .collect();
    assert_eq!(second, ["b.md", "c.md"]);
}

#[test]
fn a_burst_split_over_debounce_ticks_is_one_build() {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for i in 0..5 {
            tx.send(edit(&format!("f{i}.md"))).unwrap();
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(1000));
        tx.send(Msg::Stop).unwrap();
    });
    let layout = site_layout(Path::new("/site"));
    let mut builds = Vec::new();
    drive(
        &rx,
        Duration::from_millis(250),
        |e, _| plan(&layout, &e, &SelfWrites::default()),
        &mut |s| builds.push(s.paths.len()),
    );
    assert_eq!(builds, [5]);
}

#[test]
fn stop_ends_the_loop_without_building_and_noise_never_builds() {
    let noise = Msg::Events(replay(
        Path::new("/site"),
        "Access(Open(Any)) content/articles/a.md\nCreate(File) public/x",
    ));
    assert_eq!(run_drive(vec![noise, Msg::Stop], |_, _| {}).len(), 0);
    assert_eq!(
        run_drive(vec![edit("a.md"), Msg::Stop], |_, _| {}).len(),
        0,
        "stop wins over pending changes"
    );
}

/// A temporary site with an article folder, and its watch options.
fn live_site(poll: Option<Duration>) -> (tempfile::TempDir, Config, WatchOptions) {
    let tmp = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(tmp.path()).unwrap();
    for dir in ["content/articles", "content/briefings", "public"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    std::fs::write(root.join(CONFIG_FILE), "").unwrap();
    let config = Config::load(&root).unwrap();
    let mut options = WatchOptions::for_site(&config);
    options.debounce = Duration::from_millis(50);
    options.poll = poll;
    (tmp, config, options)
}

/// Watches for `wait`, after `act` ran in another thread; returns the change sets.
fn watch_live(
    options: WatchOptions,
    act: impl FnOnce() + Send + 'static,
    wait: Duration,
    mut build: impl FnMut(&ChangeSet),
) -> Vec<ChangeSet> {
    let watcher = SiteWatcher::start(options).unwrap();
    let stopper = watcher.stopper();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(150));
        act();
        std::thread::sleep(wait);
        stopper.stop();
    });
    let mut sets = Vec::new();
    watcher
        .run(|s| {
            sets.push(s.clone());
            build(s);
        })
        .unwrap();
    sets
}

#[test]
fn live_edit_is_seen_by_the_native_and_the_poll_watcher() {
    for poll in [None, Some(Duration::from_millis(100))] {
        let (_tmp, config, options) = live_site(poll);
        let article = config.articles_dir.join("story.md");
        let target = article.clone();
        let sets = watch_live(
            options,
            move || std::fs::write(&target, "Text.").unwrap(),
            Duration::from_millis(1500),
            |_| {},
        );
        assert_eq!(sets.len(), 1, "poll={poll:?}: {sets:?}");
        assert_eq!(sets[0].kinds, [Articles].into(), "poll={poll:?}");
        assert!(sets[0].paths.contains(&article), "poll={poll:?}: {sets:?}");
    }
}

#[test]
fn a_build_writing_briefings_and_output_does_not_trigger_itself() {
    let (_tmp, config, options) = live_site(None);
    let writes = options.self_writes.clone();
    let article = config.articles_dir.join("story.md");
    let briefing = config.briefings_dir.join("story.md");
    let output = config.output_dir.clone();
    let state = config.state_dir();
    let mut n = 0;
    let sets = watch_live(
        options,
        move || std::fs::write(&article, "Text.").unwrap(),
        Duration::from_millis(1500),
        |_| {
            n += 1;
            let text = format!("# Briefing, build {}\n", n.min(1));
            crate::output::write_text_atomic(&briefing, &text).unwrap();
            writes.record(&briefing, text.as_bytes());
            let page = crate::site::Page {
                path: "index.html".into(),
                bytes: b"<p>hi</p>".to_vec(),
            };
            let opts = crate::output::OutputOptions {
                durability: crate::output::Durability::Nothing,
                ..Default::default()
            };
            crate::output::publish(&output, &state, &[page], &opts).unwrap();
        },
    );
    assert_eq!(sets.len(), 1, "{sets:?}");
}

#[test]
fn the_start_error_says_what_happened_and_names_no_missing_flag() {
    let error = WatchError::Start {
        path: PathBuf::from("/site"),
        message: "no such file or directory".into(),
    };
    let text = error.to_string();
    assert!(
        text.starts_with("cannot watch /site: no such file"),
        "{text}"
    );
    assert!(text.contains("polling") && text.contains("help:"), "{text}");
    assert!(
        !text.contains("--"),
        "names a flag the command line does not have: {text}"
    );
}

#[test]
fn a_truncated_file_is_built_only_once_it_is_written() {
    // an editor that truncates, then writes 400 ms later
    let (_tmp, config, options) = live_site(None);
    let article = config.articles_dir.join("story.md");
    std::fs::write(&article, "First version.").unwrap();
    let target = article.clone();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = seen.clone();
    let read = article.clone();
    watch_live(
        options,
        move || {
            std::fs::File::create(&target).unwrap(); // truncates
            std::thread::sleep(Duration::from_millis(400));
            std::fs::write(&target, "Second version.").unwrap();
        },
        Duration::from_millis(2500),
        move |_| {
            record
                .lock()
                .unwrap()
                .push(std::fs::read_to_string(&read).unwrap())
        },
    );
    let seen = seen.lock().unwrap();
    assert!(!seen.is_empty(), "no build");
    assert!(
        seen.iter().all(|text| !text.is_empty()),
        "built from an empty file: {seen:?}"
    );
    assert_eq!(seen.last().map(String::as_str), Some("Second version."));
}
