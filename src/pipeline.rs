//! The one orchestrator: runs the stages in order, once, for `build`, `check`, `watch`
//! and `serve`.
//!
//! ```text
//! ingest (articles, existing briefings, theme)  →  plan each briefing (reuse / analyse /
//! keep the hand edit)  →  analysis + briefing for the articles that need it, in parallel
//! →  site::render  →  output (briefing files, then the site, swapped in atomically)
//! ```
//!
//! Existing briefing files double as the analysis cache: a briefing generated from
//! the same article bytes by the same tool version and options is reused without
//! analysing again, and a hand-edited one is never replaced. Nothing is written until
//! every stage has succeeded, so a failing build changes nothing on disk.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;
use thiserror::Error;

use crate::analysis;
use crate::briefing::{self, Briefing, BriefingError, Existing, Plan};
use crate::config::Config;
use crate::diagnostics::{Location, Warning};
use crate::ingest::{self, Article, IngestError, SourceFile};
use crate::output::{self, OutputError, OutputOptions};
use crate::site::{self, RenderOptions, SiteError};

/// How to run a build (everything that does not come from `briefing.toml`).
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
    /// The build date, passed to templates.
    pub today: Date,
}

/// Reports a build's progress to the user interface.
pub trait Progress: Sync {
    /// The number of articles about to be processed.
    fn start(&self, _total: usize) {}
    /// One more article processed.
    fn advance(&self) {}
    /// Processing is over.
    fn finish(&self) {}
}

/// A progress reporter that shows nothing.
pub struct Quiet;
impl Progress for Quiet {}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub articles: usize,
    /// Articles analysed in this build.
    pub analysed: usize,
    /// Articles whose existing briefing was used as is.
    pub reused: usize,
    /// Briefing files written (created, refreshed or regenerated).
    pub briefings_written: Vec<PathBuf>,
    /// Backups made by `--regenerate`.
    pub backups: Vec<PathBuf>,
    pub pages: usize,
    pub warnings: Vec<Warning>,
    /// Files skipped with `--keep-going`, with the reason.
    pub skipped: Vec<String>,
}

/// Why a build failed. Nothing was written.
#[derive(Debug, Error)]
pub enum BuildError {
    #[error("{}", list_errors(.0))]
    Articles(Vec<IngestError>),
    #[error("{}", list_errors(.0))]
    Briefings(Vec<BriefingError>),
    #[error(transparent)]
    Input(#[from] IngestError),
    #[error("--regenerate {}: no article or briefing file at this path\n  help: give the path of an article under the articles folder or of its briefing", .0.display())]
    Regenerate(PathBuf),
    #[error(transparent)]
    Site(#[from] SiteError),
    #[error(transparent)]
    Output(#[from] OutputError),
}

fn list_errors<E: std::fmt::Display>(errors: &[E]) -> String {
    let mut text = errors
        .iter()
        .map(E::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    if errors.len() > 1 {
        text.push_str(&format!("\n{} files could not be read", errors.len()));
    }
    text.push_str("\n  note: nothing was written; fix the files above, or pass --keep-going to build without them");
    text
}

/// An existing briefing file, parsed.
struct ExistingFile {
    file: SourceFile,
    briefing: Briefing,
}

/// Runs every stage once. See the module docs for the data flow.
pub fn build(
    config: &Config,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let mut report = BuildReport::default();
    let articles = accept_articles(ingest::load_articles(config), options, &mut report)?;
    let mut existing = parse_existing(ingest::load_briefing_files(config)?, options, &mut report)?;
    let regenerate = resolve_regenerate(config, &options.regenerate, &articles, &existing)?;

    progress.start(articles.len());
    let key = config.analysis.cache_key();
    let outcomes: Vec<Outcome> = articles
        .par_iter()
        .map(|article| {
            let outcome = briefing_for(
                config,
                article,
                existing.get(&article.slug),
                regenerate.contains(&article.slug),
                &key,
            );
            progress.advance();
            outcome
        })
        .collect();
    progress.finish();

    let mut briefings = Vec::with_capacity(outcomes.len() + existing.len());
    let mut writes = Vec::new();
    for (article, outcome) in articles.iter().zip(outcomes) {
        existing.remove(&article.slug);
        report.articles += 1;
        match outcome.plan.needs_analysis() {
            true => report.analysed += 1,
            false => report.reused += 1,
        }
        report.warnings.extend(outcome.warning);
        if let Some(text) = outcome.text {
            writes.push((
                outcome.briefing.path.clone(),
                text,
                outcome.plan == Plan::Regenerate,
            ));
        }
        briefings.push(outcome.briefing);
    }
    briefings.extend(orphans(&articles, existing, &mut report));

    let theme = ingest::load_theme(config)?;
    let render = RenderOptions {
        drafts: options.drafts,
        today: options.today,
    };
    let rendered = site::render(config, &theme, &briefings, &render)?;
    report.warnings.extend(rendered.warnings);
    report.pages = rendered.pages.len();
    if options.write {
        write_briefings(config, &writes, &mut report)?;
        // The site is swapped in atomically, so a crashed or killed build never leaves a
        // half-written site; it is not flushed to disk file by file (an fsync per page
        // took three quarters of a 6,000-page build), because everything in it can be
        // rebuilt from the articles and briefings, which are written durably.
        let output = OutputOptions {
            durable: false,
            ..OutputOptions::for_site(config)
        };
        let written = output::write_site_with(&config.output_dir, &rendered.pages, &output)?;
        report.warnings.extend(
            written
                .warnings
                .into_iter()
                .map(|w| Warning::new(Location::file(config.display_path(&config.output_dir)), w)),
        );
    }
    Ok(report)
}

fn accept_articles(
    ingested: ingest::Ingested,
    options: &BuildOptions,
    report: &mut BuildReport,
) -> Result<Vec<Article>, BuildError> {
    report.warnings.extend(ingested.warnings);
    if !ingested.failures.is_empty() {
        if !options.keep_going {
            return Err(BuildError::Articles(ingested.failures));
        }
        report
            .skipped
            .extend(ingested.failures.iter().map(ToString::to_string));
    }
    Ok(ingested.articles)
}

fn parse_existing(
    files: Vec<SourceFile>,
    options: &BuildOptions,
    report: &mut BuildReport,
) -> Result<HashMap<String, ExistingFile>, BuildError> {
    let parsed: Vec<(SourceFile, Result<Briefing, BriefingError>)> = files
        .into_par_iter()
        .map(|file| {
            let result = briefing::parse(&file.path, &file.text);
            (file, result)
        })
        .collect();
    let mut existing = HashMap::with_capacity(parsed.len());
    let mut errors = Vec::new();
    for (file, result) in parsed {
        match result {
            Ok(briefing) => {
                existing.insert(briefing.slug.clone(), ExistingFile { file, briefing });
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        if !options.keep_going {
            return Err(BuildError::Briefings(errors));
        }
        report
            .skipped
            .extend(errors.iter().map(ToString::to_string));
    }
    Ok(existing)
}

/// The slugs named by `--regenerate` paths (article or briefing files).
fn resolve_regenerate(
    config: &Config,
    paths: &[PathBuf],
    articles: &[Article],
    existing: &HashMap<String, ExistingFile>,
) -> Result<HashSet<String>, BuildError> {
    let normal = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut by_path: HashMap<PathBuf, &str> = HashMap::new();
    for a in articles {
        by_path.insert(normal(&config.root.join(&a.path)), &a.slug);
        by_path.insert(
            normal(&config.briefings_dir.join(format!("{}.md", a.slug))),
            &a.slug,
        );
    }
    for (slug, e) in existing {
        by_path.insert(normal(&config.root.join(&e.file.path)), slug);
    }
    paths
        .iter()
        .map(|p| {
            by_path
                .get(&normal(p))
                .map(|s| s.to_string())
                .ok_or_else(|| BuildError::Regenerate(p.clone()))
        })
        .collect()
}

/// The briefing of one article, and the file text to write if it changes.
struct Outcome {
    plan: Plan,
    briefing: Briefing,
    text: Option<String>,
    warning: Option<Warning>,
}

fn briefing_for(
    config: &Config,
    article: &Article,
    existing: Option<&ExistingFile>,
    regenerate: bool,
    key: &str,
) -> Outcome {
    let path = config
        .display_path(&config.briefings_dir)
        .join(format!("{}.md", article.slug));
    let plan = briefing::plan(
        &article.hash,
        key,
        existing.map(|e| Existing {
            text: &e.file.text,
            meta: &e.briefing.meta,
        }),
        regenerate,
    );
    if let (false, Some(e)) = (plan.needs_analysis(), existing) {
        let warning = (plan == Plan::KeepEditedStale).then(|| stale_warning(&e.briefing, article));
        return Outcome {
            plan,
            briefing: e.briefing.clone(),
            text: None,
            warning,
        };
    }
    let analysis = analysis::analyze(article, &config.analysis);
    let mut fresh = briefing::compose(article, &analysis, key);
    fresh.path = path;
    let text = briefing::render(&fresh);
    let briefing = briefing::parse(&fresh.path, &text).unwrap_or(fresh);
    Outcome {
        plan,
        briefing,
        text: Some(text),
        warning: None,
    }
}

fn stale_warning(briefing: &Briefing, article: &Article) -> Warning {
    Warning::new(
        Location::file(&briefing.path),
        format!("was edited by hand, and its article {} has changed since; the briefing was kept as you edited it", article.path.display()),
    )
    .with_hint(format!(
        "to replace it with a fresh briefing (your version is backed up first), run `briefing build --regenerate {}`",
        briefing.path.display()
    ))
}

/// Briefing files without an article: hand-written briefings, or articles removed since.
fn orphans(
    articles: &[Article],
    existing: HashMap<String, ExistingFile>,
    report: &mut BuildReport,
) -> Vec<Briefing> {
    let article_paths: HashSet<String> = articles
        .iter()
        .map(|a| a.path.to_string_lossy().replace('\\', "/"))
        .collect();
    let mut rest: Vec<ExistingFile> = existing.into_values().collect();
    rest.sort_by(|a, b| a.briefing.slug.cmp(&b.briefing.slug));
    for e in &rest {
        let source = e.briefing.meta.source.path.as_deref();
        if let (Some(_), Some(source)) = (&e.briefing.meta.generated, source)
            && !article_paths.contains(source)
        {
            report.warnings.push(
                Warning::new(
                    Location::file(&e.briefing.path),
                    format!(
                        "its article {source} no longer exists; the briefing is still published"
                    ),
                )
                .with_hint("delete the briefing file to remove it from the site"),
            );
        }
    }
    rest.into_iter().map(|e| e.briefing).collect()
}

fn write_briefings(
    config: &Config,
    writes: &[(PathBuf, String, bool)],
    report: &mut BuildReport,
) -> Result<(), OutputError> {
    for (path, text, backup) in writes {
        let full = config.root.join(path);
        if *backup && full.exists() {
            report.backups.push(output::backup(&full)?);
        }
        output::write_text_atomic(&full, text)?;
        report.briefings_written.push(path.clone());
    }
    Ok(())
}
