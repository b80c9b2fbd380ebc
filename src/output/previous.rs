//! What the last commit left in the output: the output's state in (its guard marker,
//! the state files, the keep list), the pages it holds with their stats and keys out.
//!
//! Read from the manifest when that belongs to this output; otherwise rebuilt from the
//! marker's list of names, with a new id, so a publisher never trusts a manifest that
//! describes another output's history. Kept apart from the publisher, which only asks
//! what is there.

use std::collections::HashMap;
use std::path::Path;

use super::checks::is_kept;
use super::guard::{State, Target};
use super::journal::StateFiles;
use super::manifest::{self, Entry, Manifest, digest};

/// The output as the last commit left it: from its manifest when that belongs to this
/// output (`recorded`), else from the marker (see [`super::manifest`]) with a new id.
/// `kept`: the manifest as the last commit of this process stored it, if still current
/// (see `super::kept`); it is read from disk otherwise.
pub(super) fn previous_site(
    target: &Target,
    files: &StateFiles,
    keep: &[String],
    kept: Option<Manifest>,
) -> Previous {
    let fresh = |entries| Previous {
        id: new_id(&target.path),
        entries,
        recorded: false,
    };
    let State::Ours(marker) = &target.state else {
        return fresh(HashMap::new());
    };
    match kept.or_else(|| Manifest::load(&files.manifest)) {
        Some(m) if m.belongs_to(&files.output_name, marker.id.as_deref()) => Previous {
            id: m.id,
            entries: m.entries,
            recorded: true,
        },
        _ => fresh(manifest::from_marker(&target.path, &marker.names, |p| {
            is_kept(p, keep)
        })),
    }
}

/// What [`previous_site`] found.
pub(super) struct Previous {
    pub id: String,
    pub entries: HashMap<String, Entry>,
    /// Read from the stored manifest (which then need not be written again if nothing
    /// in it changes).
    pub recorded: bool,
}

/// A new manifest id: unique enough to tell two outputs' histories apart.
fn new_id(output: &Path) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!("{}|{}|{now}", output.display(), std::process::id());
    manifest::hex(&digest(seed.as_bytes()))[..16].to_string()
}
