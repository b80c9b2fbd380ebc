//! The briefing half of a build: articles and existing briefing files in; for every
//! article, the briefing to render and the file to write (if any) out, as changes to
//! what the last build rendered.
//!
//! This is where the rule "a hand edit is never overwritten" meets the file system's
//! reality: a briefing file that cannot be read is never replaced (its article is
//! skipped with `--keep-going`), a file is only backed up when it holds an edit, and
//! every file this build writes is read back first, so the tool never writes a briefing
//! it could not read again.
//!
//! Each briefing remembers the text of the file it came from ([`Known`]): one whose
//! file is still that text, and whose article did not need analysing, is unchanged, so
//! a build hands the corpus only the briefings that changed, added or removed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{BuildError, Progress, cache_key, regenerate};
use crate::analysis;
use crate::briefing::cache::{ParseCache, TextHash, text_hash};
use crate::briefing::{self, Briefing, BriefingError, ComposeOptions, Existing, Plan};
use crate::config::{BuildOptions, Config};
use crate::diagnostics::{Location, Warning};
use crate::ingest::{Article, IngestedRef, SourceFile};

/// For each briefing the corpus holds, the hash of the file text it was read from (or
/// written as). Keyed by file slug; the maps of a plan hash with Fx, not SipHash: a
/// 10,000-article edit builds them on every rebuild, and slugs are file names.
pub(super) type Known = FxHashMap<String, TextHash>;

/// An existing briefing file, with what parsing it gave.
#[derive(Clone, Copy)]
pub(super) struct ExistingFile<'a> {
    pub file: &'a SourceFile,
    pub hash: TextHash,
    pub parsed: &'a Result<Arc<Briefing>, BriefingError>,
    /// See `briefing::Existing::unedited`.
    pub unedited: bool,
}

/// A readable existing briefing file.
#[derive(Clone, Copy)]
struct Readable<'a> {
    file: &'a SourceFile,
    hash: TextHash,
    briefing: &'a Arc<Briefing>,
    unedited: bool,
}

/// Everything needed to decide each article's briefing.
pub(super) struct Plans<'a> {
    articles: Vec<&'a Article>,
    existing: FxHashMap<&'a str, Readable<'a>>,
    /// Display paths of articles that could not be read (skipped with `--keep-going`).
    failed_articles: HashSet<String>,
    regenerate: HashSet<String>,
    key: String,
    known: &'a Known,
    /// Where a briefing about to be written is recorded as parsed.
    parses: &'a ParseCache,
    /// Warnings of the input files (ingest's), and what was skipped so far.
    warnings: Vec<Warning>,
    skipped: Vec<String>,
}

/// The briefings of a build, decided: what changed since the last build, what to write,
/// and what happened.
pub(super) struct Decided {
    /// Briefings new or changed since the last build (all of them on a first build).
    pub changed: Vec<Arc<Briefing>>,
    /// File slugs of the briefings the last build had and this one has not.
    pub removed: Vec<String>,
    /// What the corpus holds after this build (see [`Known`]).
    pub known: Known,
    pub writes: Vec<Write>,
    /// Generated briefing files, never edited, whose article is gone: deleted (if they
    /// still hold the text read) and not published. With the text read.
    pub removals: Vec<(PathBuf, String)>,
    /// Articles whose briefing was decided (analysed or reused).
    pub articles: usize,
    pub analysed: usize,
    pub reused: usize,
    pub warnings: Vec<Warning>,
    /// Files skipped with `--keep-going`, with the reason.
    pub skipped: Vec<String>,
}

/// A briefing file to write.
pub(super) struct Write {
    /// As shown to users (relative to the site root).
    pub path: PathBuf,
    pub text: String,
    /// The file's text when the build read it; `None` if there was no file.
    pub expected: Option<String>,
    /// Back the existing file up first (it holds an edit `--regenerate` replaces).
    pub backup: bool,
}

/// The briefing of one article.
pub(super) struct Outcome {
    plan: Plan,
    /// `None`: the same as the last build's.
    briefing: Option<Arc<Briefing>>,
    source: TextHash,
    write: Option<Write>,
    warning: Option<Warning>,
}

/// Matches the articles with the existing briefings and resolves `--regenerate`.
/// Unreadable files stop the build, or are skipped with `--keep-going`.
pub(super) fn prepare<'a>(
    config: &Config,
    options: &BuildOptions,
    ingested: IngestedRef<'a>,
    files: Vec<ExistingFile<'a>>,
    known: &'a Known,
    parses: &'a ParseCache,
) -> Result<Plans<'a>, BuildError> {
    let IngestedRef {
        mut articles,
        failures,
        warnings,
    } = ingested;
    let failed_articles: HashSet<String> =
        failures.iter().map(|e| slash(&e.location().path)).collect();
    if !failures.is_empty() && !options.keep_going {
        return Err(BuildError::Articles(failures));
    }
    let mut skipped: Vec<String> = failures.iter().map(ToString::to_string).collect();
    let mut existing = FxHashMap::with_capacity_and_hasher(files.len(), Default::default());
    let (mut unreadable, mut errors) = (HashSet::new(), Vec::new());
    for f in files {
        match f.parsed {
            Ok(briefing) => {
                let readable = Readable {
                    file: f.file,
                    hash: f.hash,
                    briefing,
                    unedited: f.unedited,
                };
                existing.insert(briefing.slug.as_str(), readable);
            }
            Err(e) => {
                let stem = f.file.path.file_stem().map(|s| s.to_string_lossy());
                unreadable.insert(stem.unwrap_or_default().into_owned());
                errors.push(e);
            }
        }
    }
    if !errors.is_empty() && !options.keep_going {
        return Err(BuildError::Briefings(
            errors.into_iter().map(BriefingError::duplicate).collect(),
        ));
    }
    skipped.extend(errors.iter().map(ToString::to_string));
    articles.retain(|a| {
        let blocked = unreadable.contains(&a.slug);
        if blocked {
            skipped.push(format!("{}: skipped, because its briefing cannot be read (see above) and is never replaced", a.path.display()));
        }
        !blocked
    });
    let files = existing
        .iter()
        .map(|(slug, e)| (*slug, e.file.path.as_path()));
    let regenerate = regenerate::slugs(config, &options.regenerate, &articles, files)?;
    Ok(Plans {
        articles,
        existing,
        failed_articles,
        regenerate,
        key: cache_key(config),
        known,
        parses,
        warnings,
        skipped,
    })
}

fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

impl Plans<'_> {
    /// The briefing of every article, decided (and analysed where needed) in parallel.
    pub(super) fn analyse(
        &self,
        config: &Config,
        progress: &dyn Progress,
    ) -> Vec<Result<Outcome, BriefingError>> {
        progress.start(self.articles.len());
        let outcomes = self
            .articles
            .par_iter()
            .map(|article| {
                let outcome = self.outcome(config, article);
                progress.advance();
                outcome
            })
            .collect();
        progress.finish();
        outcomes
    }

    /// A briefing read from its file: `None` when the corpus has it from the same text.
    fn read_from(&self, slug: &str, e: &Readable) -> Option<Arc<Briefing>> {
        match self.known.get(slug) == Some(&e.hash) {
            true => None,
            false => Some(Arc::clone(e.briefing)),
        }
    }

    /// Decides, and if needed analyses and composes, the briefing of one article.
    fn outcome(&self, config: &Config, article: &Article) -> Result<Outcome, BriefingError> {
        let existing = self.existing.get(article.slug.as_str());
        let seen = existing.map(|e| Existing {
            text: &e.file.text,
            meta: &e.briefing.meta,
            unedited: e.unedited,
        });
        let plan = briefing::plan(
            &article.hash,
            &self.key,
            seen,
            self.regenerate.contains(&article.slug),
        );
        if let (false, Some(e)) = (plan.needs_analysis(), existing) {
            let warning =
                (plan == Plan::KeepEditedStale).then(|| stale_warning(e.briefing, article));
            return Ok(Outcome {
                plan,
                briefing: self.read_from(&article.slug, e),
                source: e.hash,
                write: None,
                warning,
            });
        }
        let analysis = analysis::analyze(article, &config.analysis);
        let options = ComposeOptions {
            article_text: config.article_text,
        };
        let mut fresh = briefing::compose(article, &analysis, &self.key, options);
        fresh.path = config
            .display_path(&config.briefings_dir)
            .join(format!("{}.md", article.slug));
        let text = briefing::render(&fresh)?;
        let briefing = Arc::new(briefing::parse(&fresh.path, &text)?);
        self.parses.remember(&text, &briefing);
        let backup = existing.is_some_and(|e| !e.unedited);
        let write = Write {
            path: fresh.path,
            expected: existing.map(|e| e.file.text.clone()),
            text,
            backup,
        };
        Ok(Outcome {
            plan,
            source: text_hash(&write.text),
            briefing: Some(briefing),
            write: Some(write),
            warning: None,
        })
    }
}

impl<'a> Plans<'a> {
    /// Gathers the outcomes (in article order) and the briefings without an article,
    /// as changes to what the corpus holds.
    pub(super) fn collect(
        mut self,
        outcomes: Vec<Result<Outcome, BriefingError>>,
        options: &BuildOptions,
    ) -> Result<Decided, BuildError> {
        let mut decided = Decided {
            changed: Vec::new(),
            removed: Vec::new(),
            known: Known::with_capacity_and_hasher(
                outcomes.len() + self.existing.len(),
                Default::default(),
            ),
            writes: Vec::new(),
            removals: Vec::new(),
            articles: 0,
            analysed: 0,
            reused: 0,
            warnings: std::mem::take(&mut self.warnings),
            skipped: std::mem::take(&mut self.skipped),
        };
        for (article, outcome) in self.articles.iter().zip(outcomes) {
            self.existing.remove(article.slug.as_str());
            let outcome = match outcome {
                Ok(outcome) => outcome,
                Err(e) if options.keep_going => {
                    decided.skipped.push(e.to_string());
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            decided.articles += 1;
            match outcome.plan.needs_analysis() {
                true => decided.analysed += 1,
                false => decided.reused += 1,
            }
            decided.warnings.extend(outcome.warning);
            decided.writes.extend(outcome.write);
            decided.known.insert(article.slug.clone(), outcome.source);
            decided.changed.extend(outcome.briefing);
        }
        let orphans = self.orphans(&mut decided);
        decided.warnings.extend(orphans);
        decided.removed = self
            .known
            .keys()
            .filter(|slug| !decided.known.contains_key(*slug))
            .cloned()
            .collect();
        decided.removed.sort();
        Ok(decided)
    }

    /// Adds the briefing files without an article to `decided`: hand-written briefings
    /// are published; a generated one whose article is gone is taken off the site, and
    /// deleted when nobody edited it (it only repeated the article) or kept, with a
    /// warning saying how to publish it again, when someone did. Returns the warnings.
    fn orphans(&self, decided: &mut Decided) -> Vec<Warning> {
        let mut rest: Vec<(&&str, &Readable)> = self.existing.iter().collect();
        rest.sort_by(|a, b| a.0.cmp(b.0));
        // built only when a briefing has no article (not on every edit of a large site)
        let mut article_paths: Option<HashSet<String>> = None;
        let mut warnings = Vec::new();
        for (slug, e) in rest {
            let source = e.briefing.meta.source.path.as_deref();
            let gone = match (&e.briefing.meta.generated, source) {
                (Some(_), Some(source)) => {
                    let article_paths = article_paths.get_or_insert_with(|| {
                        self.articles.iter().map(|a| slash(&a.path)).collect()
                    });
                    !article_paths.contains(source) && !self.failed_articles.contains(source)
                }
                _ => false,
            };
            if !gone {
                decided.known.insert(slug.to_string(), e.hash);
                decided.changed.extend(self.read_from(slug, e));
                continue;
            }
            let source = source.unwrap_or_default();
            let location = Location::file(&e.briefing.path);
            if e.unedited {
                warnings.push(Warning::new(
                    location,
                    format!("its article {source} no longer exists; the briefing was removed from the site and deleted"),
                ));
                decided
                    .removals
                    .push((e.briefing.path.clone(), e.file.text.clone()));
            } else {
                warnings.push(
                    Warning::new(
                        location,
                        format!("its article {source} no longer exists; the briefing was edited by hand, so it is kept, but no longer published"),
                    )
                    .with_hint("to publish it again, restore the article, or delete the `generated:` lines of its front matter: it then counts as a briefing written by hand"),
                );
            }
        }
        warnings
    }
}

fn stale_warning(briefing: &Briefing, article: &Article) -> Warning {
    Warning::new(
        Location::file(&briefing.path),
        format!(
            "was edited by hand, and its article {} has changed since; the briefing was kept as you edited it",
            article.path.display()
        ),
    )
    .with_hint(format!(
        "to replace it with a fresh briefing (your version is backed up first), run `briefing build --regenerate {}`",
        briefing.path.display()
    ))
}
