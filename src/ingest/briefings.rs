//! Reads the existing briefing files (`*.md` directly under the briefings folder) as
//! raw text, in parallel; parsing them is the `briefing` stage's job. A missing folder
//! is not an error: it is created by the first build.
//!
//! [`BriefingFiles`] keeps them between builds (`watch`, `serve`): a full read reads
//! again only the files whose size or modification time changed; [`BriefingFiles::refresh`]
//! reads given paths again.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use super::discover::is_temporary_file;
use super::{IngestError, SourceFile};
use crate::config::Config;
use crate::diagnostics::Location;

/// Reads every existing briefing file, sorted by path.
pub fn load_briefing_files(config: &Config) -> Result<Vec<SourceFile>, IngestError> {
    let paths = briefing_paths(config)?;
    paths.par_iter().map(|p| read_one(config, p)).collect()
}

type Stamp = Option<(u64, SystemTime)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// A file as read: when, which read it was, and what it gave.
type Read = (Stamp, u64, Result<SourceFile, IngestError>);

/// The briefing files of a site, by path, kept between builds.
#[derive(Default)]
pub struct BriefingFiles {
    files: BTreeMap<PathBuf, Read>,
    /// Numbers each read, so that a caller can tell a file read again from one kept.
    reads: u64,
    /// Why the folder itself could not be listed, at the last full read.
    listing: Option<IngestError>,
}

impl BriefingFiles {
    /// Lists the folder and reads every file whose size or modification time changed.
    pub fn read_all(&mut self, config: &Config) {
        let paths = match briefing_paths(config) {
            Ok(paths) => paths,
            Err(e) => {
                *self = BriefingFiles {
                    listing: Some(e),
                    ..BriefingFiles::default()
                };
                return;
            }
        };
        let mut old = std::mem::take(&mut self.files);
        let todo: Vec<(PathBuf, u64, Option<Read>)> = paths
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let kept = old.remove(&p).filter(|e| e.0.is_some() && e.0 == stamp(&p));
                (p, self.reads + i as u64, kept)
            })
            .collect();
        self.reads += todo.len() as u64;
        self.files = todo
            .into_par_iter()
            .map(|(p, n, kept)| {
                let entry = kept.unwrap_or_else(|| (stamp(&p), n, read_one(config, &p)));
                (p, entry)
            })
            .collect();
        self.listing = None;
    }

    /// Reads `paths` again; lists the folder again when one of them is not a briefing
    /// file directly in it.
    pub fn refresh(&mut self, config: &Config, paths: &[PathBuf]) {
        self.refresh_written(config, paths, HashMap::new());
    }

    /// [`BriefingFiles::refresh`] after a build wrote some of `paths`: `written` holds
    /// the text written to each (by path). A file that still holds it keeps that text,
    /// moved rather than read into a second copy (a cold build hands over 10,000 texts,
    /// which `serve` keeps beside its corpus); a file that differs (an edit saved since
    /// the write) is read as it is now, like any other.
    pub fn refresh_written(
        &mut self,
        config: &Config,
        paths: &[PathBuf],
        mut written: HashMap<PathBuf, String>,
    ) {
        let dir = &config.briefings_dir;
        let own: Vec<&PathBuf> = paths.iter().filter(|p| p.starts_with(dir)).collect();
        let direct = |p: &Path| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            p.parent() == Some(dir.as_path())
                && name.ends_with(".md")
                && !is_temporary_file(&name)
                && std::fs::symlink_metadata(p).map_or(true, |m| m.is_file())
        };
        if self.listing.is_some() || own.iter().any(|p| !direct(p)) {
            return self.read_all(config);
        }
        for path in own {
            match path.is_file() {
                true => {
                    self.reads += 1;
                    let known = written.remove(path.as_path());
                    let entry = (stamp(path), self.reads, read_known(config, path, known));
                    self.files.insert(path.clone(), entry);
                }
                false => drop(self.files.remove(path)),
            }
        }
    }

    /// Every briefing file, sorted by path: its full path, the number of the read that
    /// gave it (it changes when the file is read again), and its text; or the first file
    /// (or the folder) that could not be read.
    pub fn files(&self) -> Result<Vec<(&Path, u64, &SourceFile)>, IngestError> {
        if let Some(e) = &self.listing {
            return Err(e.duplicate());
        }
        self.files
            .iter()
            .map(|(p, (_, n, read))| match read {
                Ok(file) => Ok((p.as_path(), *n, file)),
                Err(e) => Err(e.duplicate()),
            })
            .collect()
    }
}

/// The briefing files directly in the briefings folder, sorted.
fn briefing_paths(config: &Config) -> Result<Vec<PathBuf>, IngestError> {
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
    Ok(paths)
}

/// Reads one briefing file as text.
fn read_one(config: &Config, path: &Path) -> Result<SourceFile, IngestError> {
    read_known(config, path, None)
}

/// Reads one briefing file as text; when it holds exactly `known` (the text a build
/// just wrote to it), that string is kept and the bytes read are let go.
fn read_known(
    config: &Config,
    path: &Path,
    known: Option<String>,
) -> Result<SourceFile, IngestError> {
    let shown = config.display_path(path).to_path_buf();
    let location = || Location::file(&shown);
    let bytes = std::fs::read(path).map_err(|source| IngestError::Read {
        location: location(),
        source,
    })?;
    if let Some(text) = known.filter(|t| t.as_bytes() == bytes.as_slice()) {
        return Ok(SourceFile { path: shown, text });
    }
    let text = String::from_utf8(bytes).map_err(|e| IngestError::Invalid {
        location: location(),
        message: format!("is not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
        hint: "re-save the briefing as UTF-8".into(),
    })?;
    Ok(SourceFile { path: shown, text })
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

    #[test]
    fn a_written_text_is_kept_only_while_the_file_still_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::parse(dir.path(), &dir.path().join("briefing.toml"), "").unwrap();
        let folder = config.briefings_dir.clone();
        std::fs::create_dir_all(&folder).unwrap();
        let (kept, edited, other) = (
            folder.join("kept.md"),
            folder.join("edited.md"),
            folder.join("other.md"),
        );
        // (file, what the build wrote, what the file holds now)
        let cases = [
            (
                &kept,
                Some("Harbour talks resume.\n"),
                "Harbour talks resume.\n",
            ),
            (
                &edited,
                Some("Harbour talks resume.\n"),
                "Harbour talks stall.\n",
            ),
            (&other, None, "Ferry strike ends.\n"),
        ];
        let mut written = HashMap::new();
        let mut handed = Vec::new();
        for (path, wrote, now) in cases {
            std::fs::write(path, now).unwrap();
            if let Some(text) = wrote {
                let text = text.to_string();
                handed.push(((*path).clone(), text.as_ptr()));
                written.insert((*path).clone(), text);
            }
        }
        let mut files = BriefingFiles::default();
        let paths: Vec<PathBuf> = cases.iter().map(|(p, _, _)| (*p).clone()).collect();
        files.refresh_written(&config, &paths, written);
        let read = files.files().unwrap();
        for (path, _, now) in cases {
            let file = read
                .iter()
                .find(|(p, _, _)| *p == path.as_path())
                .unwrap()
                .2;
            assert_eq!(
                file.text,
                now,
                "{}: the file's text as it is now",
                path.display()
            );
            let moved = handed
                .iter()
                .any(|(p, ptr)| p == path && *ptr == file.text.as_ptr());
            assert_eq!(
                moved,
                path == &kept,
                "{}: the written string kept",
                path.display()
            );
        }
    }
}
