//! The one orchestrator: runs the stages in order, once, for `build`, `check`, `watch`
//! and `serve`.
//!
//! ```text
//! ingest (articles, existing briefings, theme)  →  plan each briefing (reuse / analyse /
//! keep the hand edit)  →  analysis + briefing for the articles that need it, in parallel
//! →  site::render  →  output (the site, swapped in atomically, then the briefing files)
//! ```
//!
//! Existing briefing files double as the analysis cache: a briefing generated from
//! the same article bytes by the same build of the analysis is reused without analysing
//! again, and a hand-edited one is never replaced. Nothing is written until every stage
//! has succeeded, so a failing build changes nothing on disk.

mod briefings;
mod write;

use std::path::PathBuf;

use jiff::civil::Date;
use rayon::prelude::*;
use thiserror::Error;

use crate::briefing::BriefingError;
use crate::config::Config;
use crate::diagnostics::{Location, Warning};
use crate::ingest::{self, IngestError};
use crate::output::{self, OutputError, OutputOptions};
use crate::site::{self, RenderOptions, SiteError};

use briefings::Outcome;

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
    #[error(
        "--regenerate {}: no article or briefing file at this path\n  help: give the path of an article under the articles folder or of its briefing",
        .0.display()
    )]
    Regenerate(PathBuf),
    #[error(transparent)]
    Briefing(#[from] BriefingError),
    #[error(transparent)]
    Site(#[from] SiteError),
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Several input errors, each on its own `error:` line, then what to do.
fn list_errors<E: std::fmt::Display>(errors: &[E]) -> String {
    let mut text = errors
        .iter()
        .map(E::to_string)
        .collect::<Vec<_>>()
        .join("\nerror: ");
    if errors.len() > 1 {
        text.push_str(&format!(
            "\nerror: {} files could not be read",
            errors.len()
        ));
    }
    text.push_str("\n  note: nothing was written; fix the files above, or pass --keep-going to build without them");
    text
}

/// The key under which briefings are cached: what the analysis and the briefing stage
/// would produce with this configuration.
pub fn cache_key(config: &Config) -> String {
    let text = if config.article_text { "/text" } else { "" };
    format!("{}{text}", config.analysis.cache_key())
}

/// Runs every stage once. See the module docs for the data flow.
pub fn build(
    config: &Config,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let mut report = BuildReport::default();
    let plans = briefings::prepare(config, options, &mut report)?;
    progress.start(plans.articles.len());
    let outcomes: Vec<Result<Outcome, BriefingError>> = plans
        .articles
        .par_iter()
        .map(|article| {
            let outcome = plans.outcome(config, article);
            progress.advance();
            outcome
        })
        .collect();
    progress.finish();
    let (briefings, writes) = plans.collect(outcomes, options, &mut report)?;

    let theme = ingest::load_theme(config)?;
    let render = RenderOptions {
        drafts: options.drafts,
        today: options.today,
    };
    let rendered = site::render(config, &theme, &briefings, &render)?;
    report.warnings.extend(rendered.warnings);
    report.pages = rendered.pages.len();
    output::preflight(&config.output_dir, &rendered.pages, &output_options(config))?;
    if options.write {
        write_site(config, &rendered.pages, &mut report)?;
        write::briefings(config, &writes, &mut report)?;
    }
    Ok(report)
}

/// How the site is written. It is swapped in atomically, so a crashed or killed build
/// never leaves a half-written site; it is not flushed to disk file by file (an fsync
/// per page took three quarters of a 6,000-page build), because everything in it can be
/// rebuilt from the articles and briefings, which are written durably.
fn output_options(config: &Config) -> OutputOptions {
    OutputOptions {
        durable: false,
        ..OutputOptions::for_site(config)
    }
}

/// Swaps the new site in. It is written before the briefings so that an output folder
/// the tool refuses to touch stops the build before any briefing changes.
fn write_site(
    config: &Config,
    pages: &[site::Page],
    report: &mut BuildReport,
) -> Result<(), OutputError> {
    // The site is swapped in atomically, so a crashed or killed build never leaves a
    // half-written site; it is not flushed to disk file by file (an fsync per page took
    // three quarters of a 6,000-page build), because everything in it can be rebuilt
    // from the articles and briefings, which are written durably.
    let options = OutputOptions {
        durable: false,
        ..OutputOptions::for_site(config)
    };
    let written = output::write_site_with(&config.output_dir, pages, &options)?;
    let location = Location::file(config.display_path(&config.output_dir));
    report.warnings.extend(
        written
            .warnings
            .into_iter()
            .map(|w| Warning::new(location.clone(), w)),
    );
    Ok(())
}
