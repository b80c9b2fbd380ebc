//! `analyze`: article files or folders in, one analysis per article on stdout, as the
//! `briefing.analysis/1` JSON contract (JSON Lines) or as briefing Markdown.
//!
//! It needs no site: it reads the files given, analyses them in parallel, and prints
//! in the order of the paths (folders sorted), so output is reproducible. A file that
//! cannot be read is reported on stderr and the others are still printed.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use jiff::civil::Date;
use rayon::prelude::*;

use crate::analysis::{self, AnalysisOptions, contract};
use crate::briefing::{self, ComposeOptions};
use crate::cli::Format;
use crate::config::DEFAULT_MAX_ARTICLE_BYTES;
use crate::ingest;

/// Runs `analyze`; returns the number of files that could not be read.
pub fn run(
    paths: &[PathBuf],
    format: Format,
    options: &AnalysisOptions,
    today: Date,
    out: &mut dyn Write,
) -> Result<usize> {
    let files = expand(paths)?;
    let results: Vec<Result<String, String>> = files
        .par_iter()
        .map(|path| analyze_one(path, format, options, today))
        .collect();
    let mut failed = 0;
    for result in results {
        match result {
            Ok(text) => writeln!(out, "{text}")?,
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }
    Ok(failed)
}

/// One article's analysis, formatted; or the error to report.
fn analyze_one(
    path: &Path,
    format: Format,
    options: &AnalysisOptions,
    today: Date,
) -> Result<String, String> {
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
    match format {
        Format::Json => Ok(contract::to_json(&article, &analysis).to_string()),
        Format::Md => {
            let compose = ComposeOptions { article_text: true };
            let mut b = briefing::compose(&article, &analysis, &options.cache_key(), compose);
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
