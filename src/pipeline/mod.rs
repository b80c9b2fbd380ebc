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

mod briefings;
mod sinks;
mod write;

use std::path::PathBuf;

use thiserror::Error;

use crate::briefing::BriefingError;
use crate::config::Config;
use crate::corpus::Corpus;
use crate::diagnostics::{Location, Warning};
use crate::ingest::first_seen::FirstSeen;
use crate::ingest::{self, IngestError, Ingested, SourceFile, ThemeFiles};
use crate::output::{self, OutputError, OutputOptions, PublishReport, Publisher};
use crate::site::{self, SiteError};

pub use crate::config::BuildOptions;

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
    format!("{}{text}", config.analysis.cache_key())
}

/// Every input of a build, read before anything is analysed or rendered.
struct Inputs {
    articles: Ingested,
    briefing_files: Vec<SourceFile>,
    theme: ThemeFiles,
    /// When each briefing was first built (the feed date of undated ones).
    first_seen: FirstSeen,
}

/// Reads the articles, the existing briefing files, the theme's and site's templates
/// and static files, and the first-seen dates in the state folder.
fn read_inputs(config: &Config, today: jiff::civil::Date) -> Result<Inputs, BuildError> {
    Ok(Inputs {
        articles: ingest::load_articles(config, today),
        briefing_files: ingest::load_briefing_files(config)?,
        theme: ingest::load_theme(config)?,
        first_seen: FirstSeen::load(&config.state_dir()),
    })
}

/// Runs every stage once. See the module docs for the data flow.
pub fn build(
    config: &Config,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let inputs = read_inputs(config, options.today)?;
    let mut templates = site::load_templates(config, &inputs.theme)?;
    let plans = briefings::prepare(config, options, inputs.articles, inputs.briefing_files)?;
    let outcomes = plans.analyse(config, progress);
    let mut decided = plans.collect(outcomes, options)?;
    let slugs = decided.briefings.iter().map(|b| b.slug.as_str());
    let first_seen = inputs.first_seen.with(slugs, options.today);
    let corpus = Corpus::build(std::mem::take(&mut decided.briefings), options.drafts);
    let site = (&corpus, &first_seen);
    let (rendered, published) = match options.write {
        true => {
            let files = (&decided.writes[..], &decided.removals[..]);
            publish(config, options, &mut templates, site, files)?
        }
        false => (check(config, options, &mut templates, site)?, None),
    };
    Ok(BuildReport::assemble(config, decided, rendered, published))
}

/// Renders every page without writing anything, and runs the output's checks on them.
fn check(
    config: &Config,
    options: &BuildOptions,
    templates: &mut site::Templates,
    (corpus, first_seen): (&Corpus, &FirstSeen),
) -> Result<site::Rendered, BuildError> {
    let preview = sinks::Preview::default();
    let seen = &first_seen.briefings;
    let rendered =
        site::render(config, templates, corpus, options, seen, &preview).map_err(|e| match e {
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
/// into it as they come, writes the briefing files and the first-seen dates, and
/// commits the site.
fn publish(
    config: &Config,
    options: &BuildOptions,
    templates: &mut site::Templates,
    (corpus, first_seen): (&Corpus, &FirstSeen),
    (writes, removals): (&[briefings::Write], &[(PathBuf, String)]),
) -> Result<(site::Rendered, Option<Published>), BuildError> {
    let output = OutputOptions::for_site(config);
    let publisher = Publisher::open(&config.output_dir, &config.state_dir(), &output)?;
    let sink = sinks::Publish(&publisher);
    let seen = &first_seen.briefings;
    let rendered =
        site::render(config, templates, corpus, options, seen, &sink).map_err(|e| match e {
            site::RenderError::Site(e) => BuildError::Site(e),
            site::RenderError::Sink(e) => BuildError::Output(e),
        })?;
    let briefings = write::briefings(config, writes)?;
    write::removals(config, removals)?;
    let record = config.state_dir().join(ingest::first_seen::FILE);
    output::write_text_atomic(&record, &first_seen.to_json())?;
    let published = Published {
        site: publisher.commit()?,
        briefings,
    };
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
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

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
}
