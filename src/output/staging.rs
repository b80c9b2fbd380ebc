//! Staging: where a page the publisher does not keep in place is written before the
//! commit moves it in. In: a page path and its bytes (or only its path, to ask what is
//! in place). Out: the file's stat in staging, or in place when the last commit wrote
//! the same bytes. Kept apart from `publish` so that the rules for what a build may
//! write (never onto a file the tool did not write, staging created on first use and
//! marked as briefing's) read in one place.

use std::fs;

use super::checks::{self, Free};
use super::fsops::{io_err, write_new_file};
use super::guard::{MARKER_FILE, State, marker_text};
use super::manifest::{Digest, Stat};
use super::publish::poisoned;
use super::{Durability, OutputError, Publisher};

impl Publisher {
    pub(super) fn stat_in_place(&self, path: &str) -> Option<Stat> {
        fs::symlink_metadata(self.target.path.join(path))
            .ok()
            .filter(fs::Metadata::is_file)
            .map(|m| Stat::of(&m))
    }

    /// The file's stat if the last commit wrote `path` and it holds `bytes` now.
    pub(super) fn in_place(&self, path: &str, hash: &Digest, bytes: &[u8]) -> Option<Stat> {
        let prev = self.previous.get(path)?;
        let stat = self.stat_in_place(path)?;
        if stat == prev.stat && prev.hash.as_ref() == Some(hash) {
            return Some(stat);
        }
        let same = stat.size == bytes.len() as u64
            && fs::read(self.target.path.join(path)).is_ok_and(|b| b == bytes);
        same.then_some(stat)
    }

    /// A page the last commit did not write must not land on someone else's file.
    pub(super) fn check_new(&self, path: &str) -> Result<(), OutputError> {
        if self.previous.contains_key(path) || !matches!(self.target.state, State::Ours(_)) {
            return Ok(());
        }
        if let Free::IfDirectoryLeaves =
            checks::check_free(&self.target.path, path, &self.previous)?
        {
            self.on_directories
                .lock()
                .map_err(|_| poisoned(path))?
                .push(path.to_string());
        }
        Ok(())
    }

    pub(super) fn stage(&self, path: &str, bytes: &[u8]) -> Result<Stat, OutputError> {
        self.make_staging()?;
        let full = self.staging.join(path);
        if let Some(parent) = full.parent().filter(|p| !p.exists()) {
            self.steps.step();
            fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        self.steps.step();
        let meta = write_new_file(&full, bytes, self.durability == Durability::Full)?;
        Ok(Stat::of(&meta))
    }

    /// Creates the staging directory on first use, marked as briefing's.
    pub(super) fn make_staging(&self) -> Result<(), OutputError> {
        let mut made = self.staging_made.lock().map_err(|_| poisoned(""))?;
        if !*made {
            if fs::symlink_metadata(&self.staging).is_ok() {
                // Left by a dead build that had our process id.
                checks::remove_leftover(&self.staging, false, &self.steps)?;
            }
            self.steps.step();
            fs::create_dir(&self.staging).map_err(io_err(&self.staging))?;
            self.steps.step();
            let marker = marker_text(&self.id, []);
            write_new_file(&self.staging.join(MARKER_FILE), marker.as_bytes(), false)?;
            *made = true;
        }
        Ok(())
    }
}
