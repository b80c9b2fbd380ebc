//! The one orchestrator: runs the stages in order, once, for `build`, `check`, `watch`
//! and `serve`.
//!
//! ```text
//! ingest (articles, existing briefings, theme)  →  plan each briefing (reuse / analyse /
//! keep the hand edit)  →  analysis + briefing for the articles that need it, in parallel
//! →  site::render  →  output: open the publisher (guard), put the pages (staged), write
//! the briefing files, commit the site
//! ```
//!
//! Existing briefing files double as the analysis cache: a briefing generated from
//! the same article bytes by the same build of the analysis is reused without analysing
//! again, and a hand-edited one is never replaced. Nothing is written until every stage
//! has succeeded, so a failing build changes nothing on disk. The briefing files are
//! written before the site is committed, so that a briefing that cannot be written (a
//! full disk) fails the build while the previous site is still in place; the output is
//! checked before any briefing is written, so that a refused output changes nothing.

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
use crate::output::{self, OutputError, OutputOptions, PublishReport, Publisher};
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
    /// What the output stage wrote and removed (empty for `check`).
    pub published: PublishReport,
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
    let output_options = OutputOptions::for_site(config);
    if !options.write {
        let paths = rendered.pages.iter().map(|p| p.path.as_str());
        output::preflight(
            &config.output_dir,
            &config.state_dir(),
            paths,
            &output_options,
        )?;
        return Ok(report);
    }
    let publisher = Publisher::open(&config.output_dir, &config.state_dir(), &output_options)?;
    rendered
        .pages
        .par_iter()
        .try_for_each(|p| publisher.put(&p.path, &[], &p.bytes))?;
    write::briefings(config, &writes, &mut report)?;
    report.published = publisher.commit()?;
    let location = Location::file(config.display_path(&config.output_dir));
    let warnings = std::mem::take(&mut report.published.warnings);
    report.warnings.extend(
        warnings
            .into_iter()
            .map(|w| Warning::new(location.clone(), w)),
    );
    Ok(report)
}
