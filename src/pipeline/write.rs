//! Writes the briefing files a build decided on, and never one that changed since the
//! build read it: a person may save an edit while a build runs (`watch`, `serve`), and
//! that edit wins over the build's version.

use super::BuildReport;
use super::briefings::Write;
use crate::config::Config;
use crate::diagnostics::{Location, Warning};
use crate::output::{self, OutputError};

/// Writes every planned briefing file, backing up edited files first.
pub(super) fn briefings(
    config: &Config,
    writes: &[Write],
    report: &mut BuildReport,
) -> Result<(), OutputError> {
    for write in writes {
        let full = config.root.join(&write.path);
        let current = std::fs::read_to_string(&full).ok();
        if current != write.expected {
            report.warnings.push(
                Warning::new(
                    Location::file(&write.path),
                    "changed while the build ran; it was left as it is now",
                )
                .with_hint("run the build again to update the site from it"),
            );
            continue;
        }
        if write.backup && current.is_some() {
            report.backups.push(output::backup(&full)?);
        }
        output::write_text_atomic(&full, &write.text)?;
        report.briefings_written.push(write.path.clone());
    }
    Ok(())
}
