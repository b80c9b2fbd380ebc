//! Reads the existing briefing files (`*.md` directly under the briefings folder) as
//! raw text, in parallel; parsing them is the `briefing` stage's job. A missing folder
//! is not an error: it is created by the first build.

use std::path::PathBuf;

use rayon::prelude::*;

use super::discover::is_temporary_file;
use super::{IngestError, SourceFile};
use crate::config::Config;
use crate::diagnostics::Location;

/// Reads every existing briefing file, sorted by path.
pub fn load_briefing_files(config: &Config) -> Result<Vec<SourceFile>, IngestError> {
    let dir = &config.briefings_dir;
    let shown = |p: &std::path::Path| config.display_path(p).to_path_buf();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(IngestError::Read {
                location: Location::file(shown(dir)),
                source,
            });
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| IngestError::Read {
            location: Location::file(shown(dir)),
            source,
        })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && name.ends_with(".md") && !is_temporary_file(&name) {
            paths.push(entry.path());
        }
    }
    paths.sort();
    paths
        .par_iter()
        .map(|path| {
            let location = || Location::file(shown(path));
            let bytes = std::fs::read(path).map_err(|source| IngestError::Read {
                location: location(),
                source,
            })?;
            let text = String::from_utf8(bytes).map_err(|e| IngestError::Invalid {
                location: location(),
                message: format!("is not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
                hint: "re-save the briefing as UTF-8".into(),
            })?;
            Ok(SourceFile {
                path: shown(path),
                text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn reads_markdown_files_only_sorted_and_tolerates_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::parse(dir.path(), &dir.path().join("briefing.toml"), "").unwrap();
        assert!(load_briefing_files(&config).unwrap().is_empty());
        let briefings = dir.path().join("content/briefings");
        std::fs::create_dir_all(&briefings).unwrap();
        for name in [
            "b.md",
            "a.md",
            ".hidden.md",
            "a.md.bak",
            "a.md~",
            "notes.txt",
        ] {
            std::fs::write(briefings.join(name), name).unwrap();
        }
        let files = load_briefing_files(&config).unwrap();
        let names: Vec<&Path> = files.iter().map(|f| f.path.as_path()).collect();
        assert_eq!(
            names,
            [
                Path::new("content/briefings/a.md"),
                Path::new("content/briefings/b.md")
            ]
        );
        assert_eq!(files[0].text, "a.md");
    }
}
