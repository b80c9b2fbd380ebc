//! `analyze`: article files or folders in, one analysis per article on stdout, as the
//! `briefing.analysis/1` JSON contract (JSON Lines) or as briefing Markdown.
//!
//! It needs no site: it reads the files given, analyses them in parallel, and prints
//! in the order of the paths (folders sorted), so output is reproducible. A file that
//! cannot be read is reported on stderr and the others are still printed.
//!
//! In JSON, each actor is named as the actor pages of a site of these files would name
//! it (`corpus::site_names`, the site's one identity rule): the files given are read as
//! one site, so "USAF" in one article and "Air Force" beside it in another are one
//! name. The article's own form stays among the actor's aliases. The Markdown briefing
//! is the article's own and keeps the article's names.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use jiff::civil::Date;
use rayon::prelude::*;

use crate::analysis::{self, Analysis, AnalysisOptions, contract};
use crate::briefing::{self, ComposeOptions};
use crate::cli::Format;
use crate::config::DEFAULT_MAX_ARTICLE_BYTES;
use crate::corpus;
use crate::ingest::{self, Article};

/// Runs `analyze`; returns the number of files that could not be read.
pub fn run(
    paths: &[PathBuf],
    format: Format,
    options: &AnalysisOptions,
    today: Date,
    out: &mut dyn Write,
) -> Result<usize> {
    let files = expand(paths)?;
    let mut results: Vec<Result<(Article, Analysis), String>> = files
        .par_iter()
        .map(|path| analyze_one(path, options, today))
        .collect();
    if format == Format::Json {
        name_as_site(&mut results);
    }
    let mut failed = 0;
    for result in results {
        match result
            .and_then(|(article, analysis)| format_one(&article, &analysis, format, options))
        {
            Ok(text) => writeln!(out, "{text}")?,
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }
    Ok(failed)
}

/// One article and its analysis; or the error to report.
fn analyze_one(
    path: &Path,
    options: &AnalysisOptions,
    today: Date,
) -> Result<(Article, Analysis), String> {
    let (article, warnings) =
        ingest::read_article_with_warnings(path, path, DEFAULT_MAX_ARTICLE_BYTES, today)
            .map_err(|e| e.to_string())?;
    for warning in warnings
        .iter()
        .chain(&ingest::missing_date_warning(&article))
    {
        eprintln!("warning: {warning}");
    }
    let analysis = analysis::analyze(&article, options);
    Ok((article, analysis))
}

/// Renames every actor to the name of its site actor, keeping the article's own name
/// among its aliases (see the module docs).
fn name_as_site(results: &mut [Result<(Article, Analysis), String>]) {
    let metas: Vec<Vec<briefing::ActorMeta>> = results
        .iter()
        .flatten()
        .map(|(_, analysis)| briefing::actor_metas(analysis))
        .collect();
    let lists: Vec<&[briefing::ActorMeta]> = metas.iter().map(Vec::as_slice).collect();
    let names = corpus::site_names(&lists);
    for ((_, analysis), names) in results.iter_mut().flatten().zip(names) {
        for (actor, name) in analysis.actors.iter_mut().zip(names) {
            if actor.name == name {
                continue;
            }
            let own = std::mem::replace(&mut actor.name, name);
            actor.aliases.retain(|a| *a != actor.name);
            if !actor.aliases.contains(&own) {
                actor.aliases.insert(0, own);
            }
        }
    }
}

/// One article's analysis, formatted.
fn format_one(
    article: &Article,
    analysis: &Analysis,
    format: Format,
    options: &AnalysisOptions,
) -> Result<String, String> {
    match format {
        Format::Json => Ok(contract::to_json(article, analysis).to_string()),
        Format::Md => {
            let compose = ComposeOptions { article_text: true };
            let mut b = briefing::compose(article, analysis, &options.cache_key(), compose);
            b.meta.generated = None;
            briefing::render(&b).map_err(|e| e.to_string())
        }
    }
}
/// Files as given, and the article files inside folders (sorted).
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(ingest::article_files(path)?);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}
