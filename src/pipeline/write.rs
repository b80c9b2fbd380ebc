//! Writes the briefing files a build decided on, and never one that changed since the
//! build read it: a person may save an edit while a build runs (`watch`, `serve`), and
//! that edit wins over the build's version.

use super::BuildReport;
use super::briefings::Write;
use crate::config::Config;
use crate::diagnostics::{Location, Warning};
use crate::output::{self, OutputError, WriteOutcome};

/// Writes every planned briefing file, backing up edited files first.
pub(super) fn briefings(
    config: &Config,
    writes: &[Write],
    report: &mut BuildReport,
) -> Result<(), OutputError> {
    for write in writes {
        let full = config.root.join(&write.path);
        if write.backup && write.expected.is_some() {
            report.backups.push(output::backup(&full)?);
        }
        match output::write_text_if_unchanged(&full, write.expected.as_deref(), &write.text)? {
            WriteOutcome::Written => report.briefings_written.push(write.path.clone()),
            WriteOutcome::Changed => report.warnings.push(
                Warning::new(
                    Location::file(&write.path),
                    "changed while the build ran; it was left as it is now",
                )
                .with_hint("run the build again to update the site from it"),
            ),
        }
    }
    Ok(())
}
