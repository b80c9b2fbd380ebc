//! Writes the briefing files a build decided on, and never one that changed since the
//! build read it: a person may save an edit while a build runs (`watch`, `serve`), and
//! that edit wins over the build's version.

use std::path::PathBuf;

use super::briefings::Write;
use crate::config::Config;
use crate::diagnostics::{Location, Warning};
use crate::output::{self, OutputError, TextWrite, WriteOutcome};

/// What writing the briefing files did.
#[derive(Debug, Default)]
pub(super) struct Written {
    /// Briefing files written (created, refreshed or regenerated).
    pub written: Vec<PathBuf>,
    /// Backups made by `--regenerate`.
    pub backups: Vec<PathBuf>,
    /// Files left alone because they changed while the build ran.
    pub warnings: Vec<Warning>,
}

/// Deletes the briefing files of removed articles that nobody edited (each only while
/// it still holds the text the build read: an edit saved meanwhile wins).
pub(super) fn removals(config: &Config, removals: &[(PathBuf, String)]) -> Result<(), OutputError> {
    for (path, expected) in removals {
        output::remove_if_unchanged(&config.root.join(path), expected)?;
    }
    Ok(())
}

/// Writes every planned briefing file, backing up edited files first; the files are
/// written together (`output::write_texts_if_unchanged`: a cold build writes thousands).
pub(super) fn briefings(config: &Config, writes: &[Write]) -> Result<Written, OutputError> {
    let mut done = Written::default();
    let full: Vec<PathBuf> = writes.iter().map(|w| config.root.join(&w.path)).collect();
    for (write, full) in writes.iter().zip(&full) {
        if write.backup && write.expected.is_some() {
            done.backups.push(output::backup(full)?);
        }
    }
    let files: Vec<TextWrite> = writes
        .iter()
        .zip(&full)
        .map(|(write, full)| TextWrite {
            path: full,
            expected: write.expected.as_deref(),
            text: &write.text,
        })
        .collect();
    let outcomes = output::write_texts_if_unchanged(&files)?;
    for (write, outcome) in writes.iter().zip(outcomes) {
        match outcome {
            WriteOutcome::Written => done.written.push(write.path.clone()),
            WriteOutcome::Changed => done.warnings.push(
                Warning::new(
                    Location::file(&write.path),
                    "changed while the build ran; it was left as it is now",
                )
                .with_hint("run the build again to update the site from it"),
            ),
        }
    }
    Ok(done)
}
