//! Whole-site benchmark on real newswire: builds the sites of the first N articles of
//! `../shared/data/reuters` and prints, per size, the median cold build, warm build
//! (nothing changed), one-article edit under `serve`, peak memory and output size; with
//! `--hugo`, the same briefings rendered by Hugo with the same page kinds.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example bench_reuters -- --sizes 1000,10000 --runs 3 \
//!     [--edits 7] [--hugo] [--work /tmp/bench-reuters] [--data ../shared/data/reuters]
//! ```
//! Needs Linux (`/usr/bin/time` for peak memory, `/proc` for the server's). It runs the
//! `briefing` binary next to this example (`target/release/briefing`). Sites are kept in
//! `--work` between runs (their articles are copied once); a cold build first deletes
//! the briefings, the output and the state folder. The one-article edit appends a
//! sentence to an article while `briefing serve` runs and waits for the reload token
//! to move: "save to reload" includes the watcher's debounce, "rebuild" is the time the
//! server reports from the change set to the reload event. Every figure is a median;
//! builds are timed by `/usr/bin/time`, wall clock and CPU (user + system, all threads),
//! since on a shared machine the CPU time is the steadier figure. Each figure is also
//! printed to stderr as soon as it is measured, so a run that stops early still shows
//! what it measured; an edited article is restored even when its reload never comes
//! (after 120 s) or the run panics.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Args {
    sizes: Vec<usize>,
    runs: usize,
    edits: usize,
    hugo: bool,
    work: PathBuf,
    data: PathBuf,
    binary: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let release = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("cannot find target/release")?;
    let mut out = Args {
        sizes: vec![1000],
        runs: 3,
        edits: 7,
        hugo: false,
        work: std::env::temp_dir().join("bench-reuters"),
        data: PathBuf::from("../shared/data/reuters"),
        binary: release.join("briefing"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--sizes" => {
                out.sizes = value()?
                    .split(',')
                    .map(|n| n.trim().parse().map_err(|_| format!("bad size {n}")))
                    .collect::<Result<_, _>>()?
            }
            "--runs" => out.runs = value()?.parse().map_err(|_| "bad --runs")?,
            "--edits" => out.edits = value()?.parse().map_err(|_| "bad --edits")?,
            "--hugo" => out.hugo = true,
            "--work" => out.work = value()?.into(),
            "--data" => out.data = value()?.into(),
            "--binary" => out.binary = value()?.into(),
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    if !out.data.join("manifest.tsv").is_file() {
        return Err(format!(
            "{} has no manifest.tsv: pass --data ../shared/data/reuters",
            out.data.display()
        ));
    }
    Ok(out)
}

fn main() {
    let args = parse_args().unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(2)
    });
    println!(
        "| articles | cold build (CPU) | warm build (CPU; files rewritten) | one edit: rebuild / save to reload | peak memory (cold, warm, serve) | output |"
    );
    println!("|---|---|---|---|---|---|");
    for &n in &args.sizes {
        let site = make_site(&args, n);
        let row = measure(&args, &site, n);
        println!("{row}");
        if args.hugo {
            println!("{}", hugo::measure(&args, &site, n));
        }
    }
}

/// The site of the first `n` articles (articles copied once, kept between runs).
fn make_site(args: &Args, n: usize) -> PathBuf {
    let site = args.work.join(format!("site-{n}"));
    let articles = site.join("content/articles");
    std::fs::create_dir_all(&articles).expect("work folder");
    std::fs::write(
        site.join("briefing.toml"),
        format!("title = \"Reuters {n}\"\n"),
    )
    .expect("briefing.toml");
    let manifest = std::fs::read_to_string(args.data.join("manifest.tsv")).expect("manifest");
    for line in manifest.lines().take(n) {
        let id: usize = line
            .split('\t')
            .next()
            .and_then(|s| s.parse().ok())
            .expect("id");
        let name = format!("r{id:05}.txt");
        let to = articles.join(&name);
        if !to.exists() {
            std::fs::copy(args.data.join("articles").join(&name), &to).expect("copy");
        }
    }
    site
}

/// Median of some durations or figures.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// What `/usr/bin/time` measured of one run.
struct Run {
    /// Wall-clock seconds.
    wall: f64,
    /// Processor seconds, user and system, of every thread.
    cpu: f64,
    /// Peak resident memory, MB.
    mb: f64,
    stdout: String,
}

/// Runs a command under `/usr/bin/time`.
fn timed(dir: &Path, program: &Path, args: &[&str]) -> Run {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "TIME %e %M %U %S"])
        .arg(program)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("/usr/bin/time");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{} {args:?} failed:\n{stderr}",
        program.display()
    );
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("TIME "))
        .expect("time output");
    let figures: Vec<f64> = line
        .split_whitespace()
        .skip(1)
        .map(|s| s.parse().unwrap_or(f64::NAN))
        .collect();
    let figure = |i: usize| figures.get(i).copied().unwrap_or(f64::NAN);
    Run {
        wall: figure(0),
        mb: figure(1) / 1024.0,
        cpu: figure(2) + figure(3),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

/// Medians of some runs: wall and CPU seconds, peak MB.
fn medians(runs: &[Run]) -> (f64, f64, f64) {
    let of = |f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
    (of(|r| r.wall), of(|r| r.cpu), of(|r| r.mb))
}

fn measure(args: &Args, site: &Path, n: usize) -> String {
    let mut cold = Vec::new();
    for _ in 0..args.runs {
        for dir in ["content/briefings", "public", ".briefing"] {
            let _ = std::fs::remove_dir_all(site.join(dir));
        }
        let run = timed(site, &args.binary, &["build", "-q"]);
        eprintln!(
            "{n}: cold build {:.1} s ({:.1} s CPU), {:.0} MB",
            run.wall, run.cpu, run.mb
        );
        cold.push(run);
    }
    let mut warm = Vec::new();
    for _ in 0..args.runs {
        let run = timed(site, &args.binary, &["build"]);
        eprintln!(
            "{n}: warm build {:.2} s ({:.2} s CPU), {:.0} MB",
            run.wall, run.cpu, run.mb
        );
        warm.push(run);
    }
    let rewritten: Vec<f64> = warm
        .iter()
        .map(|r| written_count(&r.stdout) as f64)
        .collect();
    let edit = serve_edits(args, site);
    let (bytes, files) = output_size(&site.join("public"));
    let (cold_wall, cold_cpu, cold_mb) = medians(&cold);
    let (warm_wall, warm_cpu, warm_mb) = medians(&warm);
    format!(
        "| {n} | {cold_wall:.1} s ({cold_cpu:.1} s CPU) | {warm_wall:.2} s ({warm_cpu:.2} s CPU; {}) | {:.0} ms / {:.0} ms | {cold_mb:.0} / {warm_mb:.0} / {:.0} MB | {:.0} MB, {files} files, {:.1} KB per article |",
        median(rewritten),
        edit.rebuild_ms,
        edit.reload_ms,
        edit.peak_mb,
        bytes as f64 / 1e6,
        bytes as f64 / 1e3 / n as f64,
    )
}

/// The number of output files a build wrote, from its summary line (`(3 rendered, 2 written)`).
fn written_count(stdout: &str) -> usize {
    if stdout.contains("none changed") {
        return 0;
    }
    stdout
        .split("rendered, ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX)
}

/// Bytes (apparent size) and files under `dir`.
fn output_size(dir: &Path) -> (u64, usize) {
    let mut stack = vec![dir.to_path_buf()];
    let (mut bytes, mut files) = (0, 0);
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(meta) = e.metadata() else { continue };
            if meta.is_dir() {
                stack.push(e.path());
            } else {
                bytes += meta.len();
                files += 1;
            }
        }
    }
    (bytes, files)
}

struct EditFigures {
    rebuild_ms: f64,
    reload_ms: f64,
    peak_mb: f64,
}

/// Puts an edited article back when dropped: after the reload, on a timeout, or when
/// the benchmark panics, so an interrupted run never leaves an edit in the site.
struct Restore<'a> {
    path: &'a Path,
    original: String,
}

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        if let Err(e) = std::fs::write(self.path, &self.original) {
            eprintln!("error: could not restore {}: {e}", self.path.display());
        }
    }
}

/// Stops the server when dropped (also when the benchmark panics).
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// How long an edit may take to show before the run stops waiting.
const EDIT_TIMEOUT: Duration = Duration::from_secs(120);

/// Starts `serve`, edits articles one at a time and times each reload. Each figure is
/// printed to stderr as it is measured; on a timeout the edit is restored and the
/// medians are of the edits measured so far.
fn serve_edits(args: &Args, site: &Path) -> EditFigures {
    let child = Command::new(&args.binary)
        .args(["serve", "--port", "0"])
        .current_dir(site)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve");
    let mut server = Server(child);
    let stderr = server.0.stderr.take().expect("stderr");
    std::thread::spawn(move || std::io::copy(&mut BufReader::new(stderr), &mut std::io::sink()));
    let (url, rebuilds) = served_url(&mut server.0);
    let articles = site.join("content/articles");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&articles)
        .expect("articles")
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    let (mut reload, mut rebuild) = (Vec::new(), Vec::new());
    for i in 0..args.edits {
        let path = &names[(i * 37) % names.len()];
        let original = std::fs::read_to_string(path).expect("article");
        let before = token(&url);
        std::thread::sleep(Duration::from_millis(300));
        let restore = Restore {
            path,
            original: original.clone(),
        };
        let start = Instant::now();
        std::fs::write(
            path,
            format!("{original}\nThe talks resumed on Monday, officials said.\n"),
        )
        .expect("edit");
        if !wait_for_token(&url, &before, start) {
            eprintln!(
                "edit {i}: no reload within {} s of editing {}; stopping the edits",
                EDIT_TIMEOUT.as_secs(),
                path.display()
            );
            break;
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        reload.push(ms);
        let built = rebuilds.recv_timeout(Duration::from_secs(5)).ok();
        rebuild.extend(built);
        eprintln!("edit {i}: save to reload {ms:.0} ms, rebuild {built:?} ms");
        let restored_from = token(&url);
        drop(restore);
        if !wait_for_token(&url, &restored_from, Instant::now()) {
            eprintln!("edit {i}: the restore brought no reload; stopping the edits");
            break;
        }
        let _ = rebuilds.recv_timeout(Duration::from_secs(5));
    }
    EditFigures {
        rebuild_ms: median(rebuild),
        reload_ms: median(reload),
        peak_mb: peak_rss_mb(server.0.id()),
    }
}

/// Waits until the server's build token differs from `before`; false after
/// [`EDIT_TIMEOUT`] from `start`.
fn wait_for_token(url: &str, before: &str, start: Instant) -> bool {
    while token(url) == before {
        if start.elapsed() > EDIT_TIMEOUT {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    true
}

/// Waits for `Serving at URL` on the server's stdout; then sends the duration of
/// every later build, from its summary line (`Built ... in 43 ms`), in milliseconds.
fn served_url(child: &mut Child) -> (String, mpsc::Receiver<f64>) {
    let out = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    let (url_tx, url_rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("Serving at ") {
                let _ = url_tx.send(url.trim().to_string());
            } else if line.starts_with("Built ") {
                let _ = tx.send(build_ms(&line));
            }
        }
    });
    let url = url_rx
        .recv_timeout(Duration::from_secs(1800))
        .expect("serve prints `Serving at URL`");
    while rx.try_recv().is_ok() {}
    (url, rx)
}

/// The duration at the end of a summary line: `in 43 ms` or `in 2.41 s`.
fn build_ms(line: &str) -> f64 {
    let tail = line.rsplit(" in ").next().unwrap_or("");
    let mut parts = tail.split([' ', ',']);
    let value: f64 = parts
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN);
    match parts.next() {
        Some("ms") => value,
        _ => value * 1000.0,
    }
}

/// The server's current build token.
fn token(url: &str) -> String {
    ureq::get(format!("{url}_briefing/build"))
        .call()
        .ok()
        .and_then(|mut r| r.body_mut().read_to_string().ok())
        .unwrap_or_default()
}

/// The peak resident memory of a running process, from `/proc/<pid>/status`.
fn peak_rss_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Hugo on the same briefings, with the same page kinds: a page per briefing with five
/// related briefings, paginated home, tag and actor taxonomies with paginated term
/// pages, a feed and a sitemap. The site (templates and content converted from the
/// briefing files) is generated here; nothing of Hugo is kept in the repository.
mod hugo {
    use super::*;

    pub fn measure(args: &Args, site: &Path, n: usize) -> String {
        let dir = args.work.join(format!("hugo-{n}"));
        write_site(site, &dir);
        let hugo = Path::new("hugo");
        let mut cold = Vec::new();
        for _ in 0..args.runs {
            let _ = std::fs::remove_dir_all(dir.join("public"));
            let _ = std::fs::remove_dir_all(dir.join("resources"));
            cold.push(timed(&dir, hugo, &["--quiet"]));
        }
        let warm: Vec<Run> = (0..args.runs)
            .map(|_| timed(&dir, hugo, &["--quiet"]))
            .collect();
        let (bytes, files) = output_size(&dir.join("public"));
        let (cold_wall, cold_cpu, cold_mb) = medians(&cold);
        let (warm_wall, warm_cpu, warm_mb) = medians(&warm);
        format!(
            "| {n} (Hugo) | {cold_wall:.1} s ({cold_cpu:.1} s CPU) | {warm_wall:.2} s ({warm_cpu:.2} s CPU; all) | | {cold_mb:.0} / {warm_mb:.0} MB | {:.0} MB, {files} files, {:.1} KB per article |",
            bytes as f64 / 1e6,
            bytes as f64 / 1e3 / n as f64,
        )
    }

    const CONFIG: &str = r#"baseURL = "http://127.0.0.1:1313/"
title = "Reuters"
disableKinds = ["RSS"]
[pagination]
pagerSize = 10
[taxonomies]
tag = "tags"
actor = "actors"
[related]
includeNewer = true
threshold = 1
toLower = true
[[related.indices]]
name = "actors"
weight = 100
[[related.indices]]
name = "tags"
weight = 20
"#;

    const BASEOF: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title><link rel="stylesheet" href="/style.css"></head>
<body><header><a href="/">{{ site.Title }}</a> <a href="/actors/">Actors</a> <a href="/tags/">Tags</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
"#;

    const SINGLE: &str = r#"{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>
<p>{{ .Params.lede }}</p>{{ .Content }}
<ul>{{ range .GetTerms "actors" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ with site.RegularPages.Related . | first 5 }}<h2>Related</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
"#;

    const LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}
{{ range $p.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Params.lede }}</p></article>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
"#;

    const TERMS: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
"#;

    /// Writes the Hugo site: the layouts above, and one content file per briefing with
    /// its title, date, lede, tags and actor names, and its body.
    fn write_site(site: &Path, dir: &Path) {
        let content = dir.join("content/briefings");
        let _ = std::fs::remove_dir_all(dir.join("content"));
        std::fs::create_dir_all(&content).expect("hugo content");
        std::fs::create_dir_all(dir.join("layouts/_default")).expect("hugo layouts");
        std::fs::create_dir_all(dir.join("static")).expect("hugo static");
        std::fs::write(dir.join("hugo.toml"), CONFIG).expect("config");
        std::fs::write(dir.join("static/style.css"), "body{font:16px sans-serif}").expect("css");
        for (name, text) in [
            ("baseof.html", BASEOF),
            ("single.html", SINGLE),
            ("list.html", LIST),
            ("terms.html", TERMS),
        ] {
            std::fs::write(dir.join("layouts/_default").join(name), text).expect("layout");
        }
        let briefings = site.join("content/briefings");
        for entry in std::fs::read_dir(&briefings).expect("briefings").flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            if let Some(page) = convert(&text) {
                std::fs::write(content.join(entry.file_name()), page).expect("page");
            }
        }
    }

    /// A briefing file as a Hugo page: the fields Hugo needs, as TOML front matter.
    fn convert(text: &str) -> Option<String> {
        let rest = text.strip_prefix("---\n")?;
        let (yaml, body) = rest.split_once("\n---\n")?;
        let field = |key: &str| {
            yaml.lines()
                .find_map(|l| l.strip_prefix(&format!("{key}: ")))
                .map(|v| v.trim().trim_matches('"').to_string())
        };
        let names: Vec<String> = yaml
            .lines()
            .filter_map(|l| l.strip_prefix("- name: "))
            .map(|v| v.trim().trim_matches('"').to_string())
            .collect();
        let tags: Vec<String> = yaml
            .lines()
            .skip_while(|l| !l.starts_with("tags:"))
            .skip(1)
            .take_while(|l| l.starts_with("- "))
            .map(|l| l[2..].trim().trim_matches('"').to_string())
            .collect();
        let quote = |s: &str| format!("{s:?}");
        let list = |v: &[String]| v.iter().map(|s| quote(s)).collect::<Vec<_>>().join(", ");
        Some(format!(
            "+++\ntitle = {}\ndate = {}\nlede = {}\ntags = [{}]\nactors = [{}]\n+++\n{body}",
            quote(&field("title").unwrap_or_default()),
            field("date").unwrap_or_else(|| "1987-01-01".into()),
            quote(&field("lede").unwrap_or_default()),
            list(&tags),
            list(&names),
        ))
    }
}
