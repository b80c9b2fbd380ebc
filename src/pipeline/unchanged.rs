//! The shortcut of a one-off build that changes nothing: when every input of the site
//! (the briefings, the templates and static files, the configuration, the build date,
//! the first-seen dates) is what the last committed build rendered from, and the output
//! is still exactly what that build left, the corpus is not built and no page is
//! rendered or even keyed: the pages stay as they are, and the build reports the files
//! and warnings of the build it repeats.
//!
//! The record (`.briefing/site.json`) names the inputs by one key ([`site_key`]) and
//! the output by the digest of its manifest (`output::PublishReport::site_digest`), and
//! is written after every committed build. Each page's own key covers the same inputs
//! (see `site::keys`), so skipping the pages when the whole key matches keeps what they
//! would have kept. A record that is missing, unreadable or for other inputs only means
//! the pages are keyed one by one, as without it.

use serde::{Deserialize, Serialize};

use super::briefings::Known;
use crate::config::{BuildOptions, Config};
use crate::diagnostics::Warning;
use crate::ingest::cache::{hex, unhex};
use crate::ingest::first_seen::FirstSeen;
use crate::{ingest, output};

/// The record's file in the state folder.
const FILE: &str = "site.json";

/// What the last committed build rendered from and left.
#[derive(Serialize, Deserialize)]
pub(super) struct Record {
    /// [`site_key`] of its inputs.
    key: String,
    /// The digest of the output it committed.
    site: String,
    /// Files of the site, and the warnings rendering gave.
    pub files: usize,
    pub warnings: Vec<Warning>,
}

/// One key for every input of the site: the tool's version and code fingerprints, the templates and static
/// files (their fingerprint), the configuration, the build's date and `drafts`, every
/// briefing file by the hash of its text, and the first-seen dates.
pub(super) fn site_key(
    config: &Config,
    options: &BuildOptions,
    templates: &[u8; 16],
    known: &Known,
    first_seen: &FirstSeen,
) -> [u8; 16] {
    let mut h = blake3::Hasher::new();
    let mut part = |bytes: &[u8]| {
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    part(crate::VERSION.as_bytes());
    part(env!("BRIEFING_ANALYSIS_FINGERPRINT").as_bytes());
    part(env!("BRIEFING_SITE_FINGERPRINT").as_bytes());
    part(templates);
    part(format!("{config:?}").as_bytes());
    part(options.today.to_string().as_bytes());
    part(&[u8::from(options.drafts)]);
    let mut briefings: Vec<(&String, &[u8; 16])> = known.iter().collect();
    briefings.sort_unstable();
    for (slug, hash) in briefings {
        part(slug.as_bytes());
        part(hash);
    }
    part(first_seen.to_json().as_bytes());
    let mut out = [0; 16];
    out.copy_from_slice(&h.finalize().as_bytes()[..16]);
    out
}

impl Record {
    pub(super) fn new(
        key: &[u8; 16],
        site: &[u8; 16],
        files: usize,
        warnings: Vec<Warning>,
    ) -> Record {
        Record {
            key: hex(key),
            site: hex(site),
            files,
            warnings,
        }
    }

    /// The record of the last committed build, if it is one for the inputs `key`.
    pub(super) fn load(config: &Config, key: &[u8; 16]) -> Option<Record> {
        let files = ingest::read_cache_files(&config.state_dir(), 1, |_| FILE.to_string());
        let (_, bytes) = files.into_iter().next()?;
        let record: Record = serde_json::from_slice(&bytes).ok()?;
        (unhex(&record.key)? == *key).then_some(record)
    }

    /// Whether the output is still the site this record's build committed.
    pub(super) fn left(&self, site_digest: Option<[u8; 16]>) -> bool {
        site_digest.is_some() && site_digest == unhex(&self.site)
    }

    /// Writes the record (one that cannot be written only costs the next build its
    /// shortcut).
    pub(super) fn save(&self, config: &Config) {
        if let Ok(text) = serde_json::to_string(self) {
            let _ = output::write_cache_file(&config.state_dir().join(FILE), text.as_bytes());
        }
    }
}
