//! The one orchestrator: runs the stages in order, once, for `build`, `check`, `watch`
//! and `serve`, the way mdBook's `MDBook::build` reads.
//!
//! ```text
//! read every input (articles, briefing files, theme and templates)  →  load the
//! templates (a template error stops here, before any analysis)  →  plan each briefing
//! (reuse / analyse / keep the hand edit)  →  analysis + briefing for the articles that
//! need it, in parallel  →  the corpus (facts across briefings)  →  site::render  →
//! output: open the publisher (guard), put the pages (staged), write the briefing
//! files, commit the site  →  the report, assembled from what each stage returned
//! ```
//!
//! Existing briefing files double as the analysis cache: a briefing generated from
//! the same article bytes by the same build of the analysis is reused without analysing
//! again, and a hand-edited one is never replaced. Nothing is written until every stage
//! has succeeded, so a failing build changes nothing on disk. The briefing files are
//! written before the site is committed, so that a briefing that cannot be written (a
//! full disk) fails the build while the previous site is still in place; the output is
//! checked before any briefing is written, so that a refused output changes nothing.
//! A one-off build whose inputs and output are those the last build left stops after
//! the plan (see `unchanged`): nothing else would change.

mod briefings;
mod memory;
mod regenerate;
mod sinks;
mod unchanged;
mod warm;
mod write;

use std::collections::HashMap;
use std::path::PathBuf;

use thiserror::Error;

use crate::briefing::BriefingError;
use crate::config::Config;
use crate::corpus::Corpus;
use crate::diagnostics::{Location, Warning};
use crate::ingest::first_seen::FirstSeen;
use crate::ingest::{self, IngestError};
use crate::output::{self, OutputError, OutputOptions, PublishReport, Publisher};
use crate::site::{self, SiteError};

pub use crate::config::BuildOptions;
pub use memory::{Changes, Memory};
pub use warm::warm_up;

/// Reports a build's progress to the user interface.
pub trait Progress: Sync {
    /// A stage of the build begins (`"read inputs"`, `"render"`, ...).
    fn stage(&self, _name: &'static str) {}
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
    /// Pages rendered (the others were in place from the same inputs).
    pub rendered: usize,
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
    let tags = if config.tags_from_keywords {
        ""
    } else {
        "/notags"
    };
    format!("{}{text}{tags}", config.analysis.cache_key())
}

/// Runs every stage once. See the module docs for the data flow.
pub fn build(
    config: &Config,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let mut memory = Memory::one_off();
    rebuild(
        config,
        options,
        &mut memory,
        &Changes::everything(),
        progress,
    )
}

/// Runs every stage once, starting from what the last build of `memory` left: only the
/// inputs in `changes` are read again, only changed briefings reach the corpus, and
/// only pages whose inputs changed are rendered. `watch` and `serve` call it on every
/// change; [`build`] with an empty memory.
pub fn rebuild(
    config: &Config,
    options: &BuildOptions,
    memory: &mut Memory,
    changes: &Changes,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    progress.stage("read inputs");
    memory.read(config, options.today, changes, progress)?;
    progress.stage("plan briefings");
    memory.keep_corpus_if(options.drafts);
    let known = std::mem::take(&mut memory.known);
    let mut decided = match decide(config, options, memory, &known, progress) {
        Ok(decided) => decided,
        Err(e) => {
            memory.known = known;
            return Err(e);
        }
    };
    if memory.one_off
        && options.write
        && let Some((rendered, published)) = unchanged_site(config, options, memory, &decided)?
    {
        memory.save_cache(config);
        progress.stage("done");
        return Ok(BuildReport::assemble(
            config,
            decided,
            rendered,
            Some(published),
        ));
    }
    progress.stage("corpus");
    memory.update_corpus(options.drafts, &mut decided);
    let (first_seen, seen_changed) = memory.first_seen(config, options.today);
    progress.stage("open output");
    // the manifest the last commit kept, put back once this one has kept its own
    let (kept, one_off) = (memory.take_published(), memory.one_off);
    let (templates, corpus, cache) = memory.site();
    let site = (corpus, &*first_seen, cache);
    let (rendered, published) = match options.write {
        true => {
            let record = seen_changed.then_some(&*first_seen);
            let files = (&decided.writes[..], &decided.removals[..], record);
            let kept = (!one_off).then_some(&kept);
            publish(config, options, templates, site, files, kept, progress)?
        }
        false => (check(config, options, templates, site)?, None),
    };
    memory.put_published(kept);
    progress.stage("save state");
    // The briefing texts are on disk now: they move to the memory of the briefing files
    // (not read back into a second copy). A one-off build also lets go of its corpus
    // before it reads those files back (nothing renders from that memory again).
    let texts: HashMap<PathBuf, String> = std::mem::take(&mut decided.writes)
        .into_iter()
        .map(|w| (w.path, w.text))
        .collect();
    if memory.one_off {
        memory.forget_site();
    }
    if let Some(published) = &published {
        let removed = decided.removals.iter().map(|(path, _)| path);
        let touched: Vec<PathBuf> = published
            .briefings
            .written
            .iter()
            .chain(removed)
            .cloned()
            .collect();
        memory.wrote(config, &touched, texts);
        memory.save_cache(config);
        if memory.one_off
            && let Some(templates) = memory.templates_fingerprint()
        {
            let key = unchanged::site_key(config, options, &templates, &memory.known, &first_seen);
            let warnings = rendered.warnings.clone();
            let record =
                unchanged::Record::new(&key, &published.site.site_digest, rendered.files, warnings);
            record.save(config);
        }
        memory.saved_first_seen(first_seen);
    }
    progress.stage("done");
    Ok(BuildReport::assemble(config, decided, rendered, published))
}

/// Plans, analyses and decides every briefing against what the corpus holds (`known`).
fn decide(
    config: &Config,
    options: &BuildOptions,
    memory: &Memory,
    known: &briefings::Known,
    progress: &dyn Progress,
) -> Result<briefings::Decided, BuildError> {
    let existing = memory.existing()?;
    let articles = memory.articles(config);
    let plans = briefings::prepare(config, options, articles, existing, known, memory.parses())?;
    progress.stage("analyse");
    let outcomes = plans.analyse(config, progress);
    plans.collect(outcomes, options)
}

/// The shortcut of a one-off build whose inputs are all those of the last committed
/// build, and whose output is still what that build left (see `unchanged`): the pages
/// are kept as they are, without building the corpus or rendering. `None` when it does
/// not apply (nothing has been written then).
fn unchanged_site(
    config: &Config,
    options: &BuildOptions,
    memory: &mut Memory,
    decided: &briefings::Decided,
) -> Result<Option<(site::Rendered, Published)>, BuildError> {
    if !decided.writes.is_empty() || !decided.removals.is_empty() {
        return Ok(None);
    }
    let Some(templates) = memory.templates_fingerprint() else {
        return Ok(None);
    };
    let (first_seen, seen_changed) = memory.first_seen_of(config, options.today, &decided.known);
    if seen_changed {
        return Ok(None);
    }
    let key = unchanged::site_key(config, options, &templates, &decided.known, &first_seen);
    let Some(record) = unchanged::Record::load(config, &key) else {
        return Ok(None);
    };
    let output = OutputOptions::for_site(config);
    let publisher = Publisher::open(&config.output_dir, &config.state_dir(), &output)?;
    if !record.left(publisher.site_digest()) || !publisher.keep_all_in_place() {
        return Ok(None);
    }
    let rendered = site::Rendered {
        files: record.files,
        rendered: 0,
        warnings: record.warnings,
    };
    let published = Published {
        site: publisher.commit()?,
        briefings: write::Written::default(),
    };
    Ok(Some((rendered, published)))
}

/// Renders every page without writing anything, and runs the output's checks on them.
fn check(
    config: &Config,
    options: &BuildOptions,
    templates: &mut site::Templates,
    (corpus, first_seen, cache): (&Corpus, &FirstSeen, &site::Cache),
) -> Result<site::Rendered, BuildError> {
    // Nothing is committed: every key is computed (and none kept for the next build).
    cache.pages.check_output(None);
    let preview = sinks::Preview::default();
    let seen = &first_seen.briefings;
    let rendered = site::render(config, templates, corpus, options, seen, cache, &preview)
        .map_err(|e| match e {
            site::RenderError::Site(e) => BuildError::Site(e),
            site::RenderError::Sink(never) => match never {},
        })?;
    let paths = preview.paths.into_inner().unwrap_or_default();
    let output = OutputOptions::for_site(config);
    output::preflight(
        &config.output_dir,
        &config.state_dir(),
        paths.iter().map(String::as_str),
        &output,
    )?;
    Ok(rendered)
}

/// What the writing stage did: the site's changes and the briefing files written.
struct Published {
    site: PublishReport,
    briefings: write::Written,
}

/// Opens the output (its checks run before any briefing is written), renders the pages
/// into it as they come, writes the briefing files, deletes the removed ones, writes the
/// first-seen dates when they changed (`record`), and commits the site.
fn publish(
    config: &Config,
    options: &BuildOptions,
    templates: &mut site::Templates,
    (corpus, first_seen, cache): (&Corpus, &FirstSeen, &site::Cache),
    (writes, removals, record): (
        &[briefings::Write],
        &[(PathBuf, String)],
        Option<&FirstSeen>,
    ),
    kept: Option<&output::KeptManifest>,
    progress: &dyn Progress,
) -> Result<(site::Rendered, Option<Published>), BuildError> {
    let output = OutputOptions::for_site(config);
    let publisher = Publisher::open_kept(&config.output_dir, &config.state_dir(), &output, kept)?;
    cache.pages.check_output(publisher.site_digest());
    progress.stage("render pages");
    let sink = sinks::Publish(&publisher, progress);
    let seen = &first_seen.briefings;
    let rendered = site::render(config, templates, corpus, options, seen, cache, &sink).map_err(
        |e| match e {
            site::RenderError::Site(e) => BuildError::Site(e),
            site::RenderError::Sink(e) => BuildError::Output(e),
        },
    )?;
    progress.stage("write briefings");
    let briefings = write::briefings(config, writes)?;
    write::removals(config, removals)?;
    if let Some(record) = record {
        let path = config.state_dir().join(ingest::first_seen::FILE);
        output::write_text_atomic(&path, &record.to_json())?;
    }
    progress.stage("commit");
    let site = publisher.commit_kept(kept)?;
    cache.pages.committed(site.site_digest);
    let published = Published { site, briefings };
    Ok((rendered, Some(published)))
}

impl BuildReport {
    /// The report of a build, from what its stages returned.
    fn assemble(
        config: &Config,
        decided: briefings::Decided,
        rendered: site::Rendered,
        published: Option<Published>,
    ) -> BuildReport {
        let mut warnings = decided.warnings;
        warnings.extend(rendered.warnings);
        let mut report = BuildReport {
            articles: decided.articles,
            analysed: decided.analysed,
            reused: decided.reused,
            pages: rendered.files,
            rendered: rendered.rendered,
            skipped: decided.skipped,
            ..BuildReport::default()
        };
        if let Some(mut published) = published {
            let location = Location::file(config.display_path(&config.output_dir));
            let site_warnings = std::mem::take(&mut published.site.warnings);
            warnings.extend(published.briefings.warnings);
            warnings.extend(
                site_warnings
                    .into_iter()
                    .map(|w| Warning::new(location.clone(), w)),
            );
            report.briefings_written = published.briefings.written;
            report.backups = published.briefings.backups;
            report.published = published.site;
        }
        report.warnings = warnings;
        report
    }
}

#[cfg(test)]
mod tests;
