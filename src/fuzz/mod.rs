//! The fuzz target: any bytes in, the whole article pipeline run on them, what went
//! wrong (if anything) and how long each stage took out.
//!
//! One input is one article file. Its first byte picks the format (and whether the
//! briefing carries the article's text); the rest is the file. The pipeline is the one a
//! build runs for an article: `ingest` (decode, front matter, layout), `analysis`, the
//! briefing round trip (compose, write the file's text, read it back as `build` does
//! before every write) and `site::render` of a site holding that one briefing. Besides
//! panics (which the harness catches), [`run`] checks what must hold for every input:
//! the briefing the tool writes reads back to the same data and counts as unedited, the
//! built-in templates render it, and no page carries a character XML forbids.
//!
//! The same code runs three ways: as a cargo-fuzz (libFuzzer) target in `fuzz/`, as a
//! long seeded run on stable Rust (`examples/fuzz.rs`), and as a bounded test in
//! `cargo test` (`tests/integration/fuzz.rs`); [`seeds`] are the pathological inputs
//! that once stalled a build, generated rather than stored, and [`mutate`] is the
//! stable driver's mutator. Time is an oracle too: see [`allowance`].

pub mod mutate;
pub mod seeds;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use jiff::civil::{Date, date};

use crate::analysis;
use crate::briefing::{self, ComposeOptions};
use crate::config::{BuildOptions, Config};
use crate::corpus::Corpus;
use crate::ingest::{self, Format, ThemeFiles};
use crate::site;

/// The day every fuzzed build runs on.
const TODAY: Date = date(2026, 3, 10);

/// The slowest the article pipeline may be: 1 MB/s, so a 2 MiB article takes at most
/// about 2 s on one core.
pub const MIN_BYTES_PER_SECOND: f64 = 1_000_000.0;
/// Time any input may take besides its share of [`MIN_BYTES_PER_SECOND`]: rendering a
/// one-briefing site costs a few milliseconds whatever the article.
pub const FIXED_ALLOWANCE: Duration = Duration::from_millis(100);

/// The most an input of `len` bytes may take through [`run`].
pub fn allowance(len: usize) -> Duration {
    FIXED_ALLOWANCE + Duration::from_secs_f64(len as f64 / MIN_BYTES_PER_SECOND)
}

/// How long each stage took on one input.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    pub ingest: Duration,
    pub analysis: Duration,
    pub briefing: Duration,
    pub render: Duration,
}

impl Timings {
    pub fn total(&self) -> Duration {
        self.ingest + self.analysis + self.briefing + self.render
    }
}

/// What one input did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub timings: Timings,
    /// The article was refused by ingest (a reported error, not a finding).
    pub refused: bool,
}

/// What an input's first byte says the rest is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An article file of this format; `true`: the briefing carries the article's text
    /// (the `article_text` setting).
    Article(Format, bool),
    /// A briefing file written (or edited) by hand.
    Briefing,
}

const KINDS: [Kind; 5] = [
    Kind::Article(Format::Text, false),
    Kind::Article(Format::Markdown, false),
    Kind::Article(Format::Html, false),
    Kind::Article(Format::Markdown, true),
    Kind::Briefing,
];

impl Kind {
    /// The kind an input's first byte selects.
    pub fn of(selector: u8) -> Kind {
        KINDS[usize::from(selector) % KINDS.len()]
    }

    /// The first byte of an input of this kind (the inverse of [`Kind::of`]).
    pub fn selector(self) -> u8 {
        KINDS.iter().position(|&k| k == self).unwrap_or(0) as u8
    }

    /// An input of this kind: the selector byte, then the file.
    pub fn input(self, file: &[u8]) -> Vec<u8> {
        let mut input = Vec::with_capacity(file.len() + 1);
        input.push(self.selector());
        input.extend_from_slice(file);
        input
    }
}

/// Runs the pipeline on one input. `Err` is a finding: a broken invariant, described.
pub fn run(input: &[u8]) -> Result<Outcome, String> {
    let Some((&first, bytes)) = input.split_first() else {
        return Ok(Outcome::default());
    };
    let mut timings = Timings::default();
    let (briefing, article_text) = match Kind::of(first) {
        Kind::Article(format, article_text) => {
            match article_briefing(bytes, format, article_text, &mut timings)? {
                Some(briefing) => (briefing, article_text),
                None => {
                    return Ok(Outcome {
                        timings,
                        refused: true,
                    });
                }
            }
        }
        Kind::Briefing => {
            let clock = Instant::now();
            let path = Path::new("content/briefings/hand.md");
            let parsed = std::str::from_utf8(bytes)
                .ok()
                .and_then(|text| briefing::parse(path, text).ok());
            timings.ingest = clock.elapsed();
            match parsed {
                Some(briefing) => (briefing, false),
                None => {
                    return Ok(Outcome {
                        timings,
                        refused: true,
                    });
                }
            }
        }
    };
    let clock = Instant::now();
    render_site(config(article_text), briefing)?;
    timings.render = clock.elapsed();
    Ok(Outcome {
        timings,
        refused: false,
    })
}

/// Renders a site of one briefing with the built-in templates, checking every page.
fn render_site(config: &Config, briefing: briefing::Briefing) -> Result<(), String> {
    thread_local! {
        // loading the templates costs more than rendering one briefing's pages
        static TEMPLATES: std::cell::RefCell<Option<site::Templates>> = const { std::cell::RefCell::new(None) };
    }
    let options = BuildOptions {
        drafts: true,
        keep_going: false,
        regenerate: Vec::new(),
        write: false,
        today: TODAY,
    };
    let corpus = Corpus::build([briefing], true);
    let sink = Checker;
    TEMPLATES.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let loaded = site::load_templates(config, &ThemeFiles::default())
                .map_err(|e| format!("the built-in templates do not load: {e}"))?;
            *cell = Some(loaded);
        }
        let templates = cell.as_mut().expect("loaded above");
        site::render(
            config,
            templates,
            &corpus,
            &options,
            &BTreeMap::new(),
            &site::Cache::default(),
            &sink,
        )
        .map(|_| ())
        .map_err(|e| match e {
            site::RenderError::Site(e) => format!("the site does not render: {e}"),
            site::RenderError::Sink(e) => e,
        })
    })
}

/// A sink that checks every page as it is rendered and keeps nothing.
struct Checker;

impl site::Sink for Checker {
    type Error = String;

    fn unchanged(&self, _: &str, _: &site::Key) -> bool {
        false
    }

    fn put(&self, path: &str, _: &site::Key, bytes: &[u8]) -> Result<(), String> {
        check_characters(path, bytes)
    }
}

/// Ingest, analysis and the briefing round trip of an article file: the briefing as
/// `build` would read it back, or `None` when ingest refused the file.
fn article_briefing(
    bytes: &[u8],
    format: Format,
    article_text: bool,
    timings: &mut Timings,
) -> Result<Option<briefing::Briefing>, String> {
    let config = config(article_text);
    let ext = match format {
        Format::Text => "txt",
        Format::Markdown => "md",
        Format::Html => "html",
    };
    let clock = Instant::now();
    let display = Path::new("content/articles/fuzz").with_extension(ext);
    let parsed =
        ingest::parse_article_bytes(bytes, &display, format, config.max_article_bytes, TODAY);
    timings.ingest = clock.elapsed();
    let Ok((article, _)) = parsed else {
        return Ok(None);
    };
    let clock = Instant::now();
    let analysis = analysis::analyze(&article, &config.analysis);
    timings.analysis = clock.elapsed();
    let clock = Instant::now();
    let key = crate::pipeline::cache_key(config);
    let mut fresh = briefing::compose(&article, &analysis, &key, ComposeOptions { article_text });
    fresh.path = format!("content/briefings/{}.md", article.slug).into();
    let text = briefing::render(&fresh).map_err(|e| format!("briefing not written: {e}"))?;
    let read = briefing::parse(&fresh.path, &text)
        .map_err(|e| format!("the briefing written does not read back: {e}\n{text}"))?;
    if !briefing::is_unedited(&text, &read.meta) {
        return Err(format!("a fresh briefing counts as edited:\n{text}"));
    }
    let (mut want, mut got) = (fresh.meta.clone(), read.meta.clone());
    (want.generated, got.generated) = (None, None);
    if want != got {
        return Err(format!(
            "the briefing reads back differently:\nwritten {want:#?}\nread {got:#?}"
        ));
    }
    timings.briefing = clock.elapsed();
    Ok(Some(read))
}

/// A page must not carry characters XML forbids (C0 controls but tab, newline and
/// carriage return; U+FFFE and U+FFFF): one makes a feed unreadable. Scans bytes (the
/// two noncharacters are `EF BF BE` and `EF BF BF` in UTF-8), as every page of every
/// input passes here.
fn check_characters(path: &str, bytes: &[u8]) -> Result<(), String> {
    if std::str::from_utf8(bytes).is_err() {
        return match path.ends_with(".html") || path.ends_with(".xml") {
            true => Err(format!("{path} is not UTF-8")),
            false => Ok(()),
        };
    }
    let forbidden = |i: usize| match bytes[i] {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1F => true,
        0xEF => bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)),
        _ => false,
    };
    match (0..bytes.len()).find(|&i| forbidden(i)) {
        Some(i) => {
            let c = String::from_utf8_lossy(&bytes[i..(i + 3).min(bytes.len())]);
            Err(format!(
                "{path} has {:?} at byte {i}",
                c.chars().next().unwrap_or('?')
            ))
        }
        None => Ok(()),
    }
}

/// The configuration of the fuzzed site (parsed once: it is the same for every input).
fn config(article_text: bool) -> &'static Config {
    static CONFIGS: std::sync::OnceLock<[Config; 2]> = std::sync::OnceLock::new();
    let parse = |article_text: bool| {
        let toml = format!(
            "title = \"Fuzz\"\nbase_url = \"https://example.org/news/\"\n[briefing]\narticle_text = {article_text}\n"
        );
        Config::parse(Path::new("/site"), Path::new("/site/briefing.toml"), &toml)
            .expect("the fuzz configuration is valid")
    };
    &CONFIGS.get_or_init(|| [parse(false), parse(true)])[usize::from(article_text)]
}

/// The deadline of the tests of pathological inputs: only a hang misses it. The
/// quadratic passes they guard took minutes on these inputs in a release build (far
/// longer in a debug one), while a linear pass takes seconds even in a debug build on a
/// busy machine (30 s proved too tight there).
pub const HANG: Duration = Duration::from_secs(180);

/// Runs `work` on its own thread and waits at most `deadline` for it: `None` if it did
/// not finish (the thread is left running). Tests of pathological inputs use it with a
/// generous deadline, so that a hang fails them and a slow machine does not.
pub fn within<T: Send + 'static>(
    deadline: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(work());
    });
    receive.recv_timeout(deadline).ok()
}

#[cfg(test)]
mod tests {
    use super::check_characters;

    #[test]
    fn check_characters_finds_what_xml_forbids_and_nothing_else() {
        let cases: &[(&str, Option<usize>)] = &[
            ("plain text, tabs\tnewlines\ncarriage returns\r", None),
            ("é, 日本, \u{FFFD}, \u{FFFC}, \u{FEFF}, \u{EFBF}", None),
            ("a\u{1}b", Some(1)),
            ("ab\0", Some(2)),
            ("x\u{1b}", Some(1)),
            ("x\u{0B}", Some(1)),
            ("é\u{FFFE}", Some(2)),
            ("\u{FFFF}", Some(0)),
        ];
        for &(text, at) in cases {
            let found = check_characters("atom.xml", text.as_bytes()).err();
            match (found, at) {
                (None, None) => {}
                (Some(found), Some(i)) => {
                    assert!(
                        found.ends_with(&format!("at byte {i}")),
                        "{text:?}: {found}"
                    )
                }
                (found, _) => panic!("{text:?}: {found:?}, expected a finding at {at:?}"),
            }
        }
        // the byte scan agrees with ingest's rule on every character
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let page = format!("a{c}b");
            let found = check_characters("atom.xml", page.as_bytes()).is_err();
            assert_eq!(found, crate::ingest::forbidden_in_xml(c), "{c:?}");
        }
        assert!(check_characters("page.html", b"\xff").is_err());
        assert!(check_characters("logo.png", b"\xff").is_ok());
    }
}
