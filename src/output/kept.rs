//! The manifest of the last commit kept in memory by a process that publishes the same
//! output again and again (`watch`, `serve`): an edit of a 10,000-article site then
//! neither reads and parses the 20,000 lines of the stored manifest, nor sorts and
//! hashes them again for the site's digest.
//!
//! In: the manifest and digest a commit stored, with the stamp (size, modification
//! time) of the file it stored them in. Out: the same manifest for the next
//! [`super::Publisher::open_kept`], only while the stored file still has that stamp; a
//! manifest changed by anything else (another build, a hand edit, a crash recovery) is
//! read from disk as before. Taking it leaves nothing behind, so a build that fails
//! before its commit reads the stored manifest again next time.

use std::fs;
use std::path::Path;
use std::sync::Mutex;
use std::time::SystemTime;

use super::manifest::{Digest, Manifest};

/// See the module docs. `Default` keeps nothing.
#[derive(Debug, Default)]
pub struct KeptManifest(Mutex<Option<Kept>>);

#[derive(Debug)]
struct Kept {
    stamp: Stamp,
    manifest: Manifest,
    digest: Digest,
}

/// What tells a stored manifest file from another version of it (every commit puts a
/// new file in place by rename).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    size: u64,
    modified: SystemTime,
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        size: meta.len(),
        modified: meta.modified().ok()?,
        inode,
    })
}

impl KeptManifest {
    /// The kept manifest and its site digest, if the file at `path` is still the one
    /// they were stored in.
    pub(super) fn take(&self, path: &Path) -> Option<(Manifest, Digest)> {
        let kept = self.0.lock().ok()?.take()?;
        (stamp(path) == Some(kept.stamp)).then_some((kept.manifest, kept.digest))
    }

    /// Keeps `manifest` (with the digest of its entries), just stored at `path`.
    pub(super) fn keep(&self, path: &Path, manifest: Manifest, digest: Digest) {
        if let (Some(stamp), Ok(mut slot)) = (stamp(path), self.0.lock()) {
            *slot = Some(Kept {
                stamp,
                manifest,
                digest,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_manifest_is_given_back_only_for_the_file_it_was_stored_in() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest");
        let manifest = Manifest {
            id: "abc".into(),
            output: "public".into(),
            entries: Default::default(),
        };
        manifest.save(&path, false).unwrap();
        let kept = KeptManifest::default();
        assert!(kept.take(&path).is_none(), "nothing kept yet");
        kept.keep(&path, manifest.clone(), [7; 16]);
        let (back, digest) = kept.take(&path).expect("the same file");
        assert_eq!((back.id.as_str(), digest), ("abc", [7; 16]));
        assert!(kept.take(&path).is_none(), "taking leaves nothing behind");
        kept.keep(&path, manifest, [7; 16]);
        std::fs::write(&path, "briefing-published 1 other public\n").unwrap();
        assert!(kept.take(&path).is_none(), "the file changed since");
    }
}
