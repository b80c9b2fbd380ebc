//! `briefing.toml` in, a validated [`Config`] out.
//!
//! The file is parsed into a raw struct that mirrors it one to one and rejects unknown
//! keys (a typo must not silently fall back to a default), then validated into
//! [`Config`]: paths resolved against the site root, `base_url` normalised to end in
//! `/`, limits checked. Everything after this module works on `Config` only.
//! Template-only settings go under `[extra]` and reach templates untouched.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use crate::analysis::AnalysisOptions;

/// The name of the configuration file at the root of a site.
pub const CONFIG_FILE: &str = "briefing.toml";

/// Articles larger than this are refused unless the site raises `max_article_bytes`.
/// 2 MiB is about ten times the longest news article we have seen; analysis time grows
/// linearly, so the cap bounds the work one hostile file can cause.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 2 * 1024 * 1024;

/// Why a configuration could not be loaded.
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("no {CONFIG_FILE} in {} or any parent directory\n  help: run `briefing init` to create a site here, or pass `--root DIR`", .0.display())]
    NotFound(PathBuf),
    #[error("cannot read {}: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {message}\n  help: see the \"Configuration\" section of the README for every key", .path.display())]
    Parse { path: PathBuf, message: String },
    #[error("{}: `{key}` {problem}\n  help: fix the value (the \"Configuration\" section of the README describes every key)", .path.display())]
    Invalid {
        path: PathBuf,
        key: &'static str,
        problem: String,
    },
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    language: Option<String>,
    author: Option<String>,
    theme: Option<String>,
    tags_from_keywords: Option<bool>,
    build: RawBuild,
    analysis: RawAnalysis,
    briefing: RawBriefing,
    extra: toml::Table,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawBriefing {
    article_text: Option<bool>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawBuild {
    articles: Option<PathBuf>,
    briefings: Option<PathBuf>,
    output: Option<PathBuf>,
    paginate_by: Option<usize>,
    max_article_bytes: Option<u64>,
    feed_limit: Option<usize>,
    keep: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawAnalysis {
    summary_sentences: Option<usize>,
}

/// How to run one build: everything that does not come from `briefing.toml`. The one
/// options type of a build, passed from the command line down to every stage that
/// needs a setting from it.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Render briefings marked `draft: true`.
    pub drafts: bool,
    /// Skip articles and briefings that cannot be read instead of failing.
    pub keep_going: bool,
    /// Article or briefing files whose briefing is regenerated even if edited (after a backup).
    pub regenerate: Vec<PathBuf>,
    /// Write briefing files and the site; `false` for `check`.
    pub write: bool,
    /// The build date, passed to templates (never read from the clock below `commands`).
    pub today: jiff::civil::Date,
}

impl BuildOptions {
    /// A plain `build` on `today`: no drafts, stop on the first unreadable file.
    pub fn new(today: jiff::civil::Date) -> BuildOptions {
        BuildOptions {
            drafts: false,
            keep_going: false,
            regenerate: Vec::new(),
            write: true,
            today,
        }
    }
}

/// A validated site configuration. Paths are absolute.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site root: the directory holding `briefing.toml`.
    pub root: PathBuf,
    pub title: String,
    pub description: String,
    /// Absolute URL of the site, always ending in `/`. May carry a path (`https://x.org/news/`).
    pub base_url: String,
    pub language: String,
    pub author: Option<String>,
    /// The theme under `themes/<name>/`; `default` is built in.
    pub theme: String,
    pub articles_dir: PathBuf,
    pub briefings_dir: PathBuf,
    pub output_dir: PathBuf,
    /// Paths in the output the build never writes nor removes (`build.keep`), relative,
    /// `/`-separated, without a trailing slash.
    pub keep: Vec<String>,
    /// Briefings per index page.
    pub paginate_by: usize,
    /// Entries in `atom.xml`.
    pub feed_limit: usize,
    pub max_article_bytes: u64,
    pub analysis: AnalysisOptions,
    /// Append each article's full text to its briefing (`[briefing] article_text`).
    pub article_text: bool,
    /// A web page's keywords that read as topics become its tags (`tags_from_keywords`).
    pub tags_from_keywords: bool,
    /// `[extra]`, passed to templates as `config.extra`.
    pub extra: serde_json::Value,
}

impl Config {
    /// Finds `briefing.toml` in `start` or its nearest ancestor and loads it.
    pub fn discover(start: &Path) -> Result<Config, ConfigError> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            if d.join(CONFIG_FILE).is_file() {
                return Config::load(d);
            }
            dir = d.parent();
        }
        Err(ConfigError::NotFound(start.to_path_buf()))
    }

    /// Loads `root/briefing.toml`.
    pub fn load(root: &Path) -> Result<Config, ConfigError> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        Config::parse(root, &path, &text)
    }

    /// Parses configuration text; `path` is only used in messages.
    pub fn parse(root: &Path, path: &Path, text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        let invalid = |key, problem: &str| ConfigError::Invalid {
            path: path.to_path_buf(),
            key,
            problem: problem.to_string(),
        };
        let base_url =
            normalise_base_url(raw.base_url.as_deref().unwrap_or("http://127.0.0.1:1111/"))
                .map_err(|p| invalid("base_url", &p))?;
        let paginate_by = raw.build.paginate_by.unwrap_or(10);
        if paginate_by == 0 {
            return Err(invalid("build.paginate_by", "must be at least 1"));
        }
        let summary_sentences = raw.analysis.summary_sentences.unwrap_or(3);
        if !(1..=20).contains(&summary_sentences) {
            return Err(invalid(
                "analysis.summary_sentences",
                "must be between 1 and 20",
            ));
        }
        let theme = raw.theme.unwrap_or_else(|| "default".to_string());
        if theme.is_empty() || theme.contains(['/', '\\']) || theme.starts_with('.') {
            return Err(invalid(
                "theme",
                "must be the name of a folder under themes/",
            ));
        }
        let keep = raw
            .build
            .keep
            .unwrap_or_default()
            .into_iter()
            .map(|k| keep_entry(&k).map_err(|p| invalid("build.keep", &p)))
            .collect::<Result<Vec<_>, _>>()?;
        let dir =
            |p: Option<PathBuf>, default: &str| root.join(p.unwrap_or_else(|| default.into()));
        Ok(Config {
            title: raw.title.unwrap_or_else(|| "Briefings".to_string()),
            description: raw.description.unwrap_or_default(),
            base_url,
            language: raw.language.unwrap_or_else(|| "en".to_string()),
            author: raw.author,
            theme,
            articles_dir: dir(raw.build.articles, "content/articles"),
            briefings_dir: dir(raw.build.briefings, "content/briefings"),
            output_dir: dir(raw.build.output, "public"),
            keep,
            paginate_by,
            feed_limit: raw.build.feed_limit.unwrap_or(50).max(1),
            max_article_bytes: raw
                .build
                .max_article_bytes
                .unwrap_or(DEFAULT_MAX_ARTICLE_BYTES),
            analysis: AnalysisOptions { summary_sentences },
            article_text: raw.briefing.article_text.unwrap_or(false),
            tags_from_keywords: raw.tags_from_keywords.unwrap_or(true),
            extra: serde_json::to_value(raw.extra).unwrap_or(serde_json::Value::Null),
            root,
        })
    }

    /// The path part of `base_url`, always starting and ending with `/` (`/` or `/news/`).
    pub fn base_path(&self) -> &str {
        base_path_of(&self.base_url)
    }

    /// The directory where `briefing` keeps state it can rebuild (never user data).
    pub fn state_dir(&self) -> PathBuf {
        self.root.join(".briefing")
    }

    /// A copy with another `base_url` (used by `build --base-url` and `serve`).
    pub fn with_base_url(mut self, url: &str) -> Result<Config, ConfigError> {
        self.base_url = normalise_base_url(url).map_err(|problem| ConfigError::Invalid {
            path: PathBuf::from("--base-url"),
            key: "base_url",
            problem,
        })?;
        Ok(self)
    }

    /// `path` relative to the site root when it lies under it, for messages.
    pub fn display_path<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }
}

/// A `build.keep` entry: a relative path inside the output (`CNAME`, `downloads/`).
fn keep_entry(entry: &str) -> Result<String, String> {
    let trimmed = entry.trim_end_matches('/');
    let relative = !trimmed.is_empty()
        && !trimmed.contains(['\\', '\0'])
        && trimmed
            .split('/')
            .all(|part| !matches!(part, "" | "." | ".."))
        && Path::new(trimmed)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    match relative {
        true => Ok(trimmed.to_string()),
        false => Err(format!(
            "has {entry:?}, which is not a relative path inside the output folder (like \"CNAME\" or \"downloads/\")"
        )),
    }
}

fn normalise_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("must start with http:// or https:// (got {url:?})"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("has no host (got {url:?})"));
    }
    if url.contains(['"', '<', '>', '\'', ' ', '?', '#']) {
        return Err(format!(
            "must be a plain URL without quotes, spaces, query or fragment (got {url:?})"
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

fn base_path_of(base_url: &str) -> &str {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("/site"), Path::new("/site/briefing.toml"), text)
    }

    #[test]
    fn defaults_fill_an_empty_file() {
        let c = parse("").unwrap();
        assert_eq!(c.base_url, "http://127.0.0.1:1111/");
        assert_eq!(c.articles_dir, Path::new("/site/content/articles"));
        assert_eq!(c.output_dir, Path::new("/site/public"));
        assert_eq!(c.analysis.summary_sentences, 3);
        assert_eq!(c.theme, "default");
        assert!(c.tags_from_keywords);
    }

    #[test]
    fn keywords_become_tags_unless_turned_off() {
        let cases = [
            ("", true),
            ("tags_from_keywords = true", true),
            ("tags_from_keywords = false", false),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text).unwrap().tags_from_keywords, want, "{text}");
        }
    }

    #[test]
    fn base_url_is_normalised_and_its_path_derived() {
        let cases = [
            ("https://example.org", "https://example.org/", "/"),
            (
                "https://example.org/news",
                "https://example.org/news/",
                "/news/",
            ),
            ("http://h:8080/a/b/", "http://h:8080/a/b/", "/a/b/"),
        ];
        for (given, url, path) in cases {
            let c = parse(&format!("base_url = {given:?}")).unwrap();
            assert_eq!((c.base_url.as_str(), c.base_path()), (url, path), "{given}");
        }
    }

    #[test]
    fn bad_values_are_rejected_with_the_key() {
        let cases = [
            ("base_url = \"example.org\"", "base_url"),
            ("base_url = \"https://x.org/\\\"><script>\"", "base_url"),
            ("theme = \"../etc\"", "theme"),
            ("[build]\npaginate_by = 0", "build.paginate_by"),
            ("[build]\nkeep = [\"../x\"]", "build.keep"),
            ("[build]\nkeep = [\"/etc\"]", "build.keep"),
            (
                "[analysis]\nsummary_sentences = 0",
                "analysis.summary_sentences",
            ),
        ];
        for (text, key) in cases {
            match parse(text) {
                Err(ConfigError::Invalid { key: k, .. }) => assert_eq!(k, key, "{text}"),
                other => panic!("{text}: expected Invalid({key}), got {other:?}"),
            }
        }
    }

    #[test]
    fn unknown_keys_are_errors_with_a_position() {
        let err = parse("title = \"x\"\ntitel = \"y\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("titel"), "{err}");
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn the_keep_list_is_read_without_trailing_slashes() {
        let c =
            parse("[build]\nkeep = [\"CNAME\", \"downloads/\", \".well-known/x.txt\"]").unwrap();
        assert_eq!(c.keep, ["CNAME", "downloads", ".well-known/x.txt"]);
        assert!(parse("").unwrap().keep.is_empty());
    }

    #[test]
    fn extra_reaches_templates_as_json() {
        let c = parse("[extra]\nbanner = \"Fictional demo\"\n").unwrap();
        assert_eq!(c.extra["banner"], "Fictional demo");
    }
}
