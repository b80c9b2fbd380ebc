//! The manifest: what the last commit published in one output directory, one line per
//! file (content hash, input key, size, modification time, path), kept in the state
//! folder.
//!
//! It is what lets a build that changes nothing write nothing: a page whose hash is the
//! recorded one, in a file whose size and modification time are the recorded ones, is
//! left in place, and a page whose input key is the recorded one need not even be
//! rendered. Size and time are checked on every use so that a file changed behind
//! briefing's back (edited by hand, cut short by a power loss) is written again rather
//! than trusted.
//!
//! The manifest carries an id that the output's marker repeats. An output and a manifest
//! that do not belong together (the state folder was deleted, the output was built by
//! another site, restored or copied) are told apart by it, and the publisher then falls
//! back on what the marker says ([`from_marker`]): every file under the top-level entries
//! it lists is briefing's, with no known hash, and is compared byte for byte.
//!
//! Text rather than JSON, because it is read on every build and holds one line per file
//! of the site: a header line, then `hash key size mtime path`, path last (page paths
//! hold no control characters, so a line holds exactly one path).

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::time::UNIX_EPOCH;

/// A truncated BLAKE3 digest: 128 bits, plenty to tell two versions of a page apart.
pub(super) type Digest = [u8; 16];

/// The first word of a manifest, with its format version.
const HEADER: &str = "briefing-published 1";

/// The digest of `bytes`.
pub(super) fn digest(bytes: &[u8]) -> Digest {
    let mut out = [0; 16];
    out.copy_from_slice(&blake3::hash(bytes).as_bytes()[..16]);
    out
}

/// A digest of a site's entries (every path with its input key, content and stat), so
/// that a caller can tell later whether the output is still what one commit left. The
/// entries' digests are combined by XOR, in no order, so that a commit changing a few of
/// a large site's 20,000 entries updates the last digest with theirs alone
/// ([`entry_digest`]) instead of sorting and hashing them all again.
pub(super) fn site_digest(entries: &HashMap<String, Entry>) -> Digest {
    entries
        .iter()
        .fold([0; 16], |all, (path, e)| xor(all, &entry_digest(path, e)))
}

/// The part of [`site_digest`] that one entry adds (and takes away again by XOR).
pub(super) fn entry_digest(path: &str, e: &Entry) -> Digest {
    let mut bytes = Vec::with_capacity(path.len() + 64);
    bytes.extend_from_slice(path.as_bytes());
    bytes.push(0);
    for part in [e.hash, e.key] {
        bytes.extend_from_slice(&part.unwrap_or_default());
    }
    bytes.extend_from_slice(&e.stat.size.to_le_bytes());
    bytes.extend_from_slice(&e.stat.mtime.to_le_bytes());
    digest(&bytes)
}

pub(super) fn xor(mut a: Digest, b: &Digest) -> Digest {
    a.iter_mut().zip(b).for_each(|(x, y)| *x ^= y);
    a
}

/// What the file system says about a published file: enough to notice that it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stat {
    pub size: u64,
    /// Modification time in nanoseconds since 1970 (negative before).
    pub mtime: i128,
}

impl Stat {
    pub fn of(meta: &fs::Metadata) -> Stat {
        let mtime = match meta.modified().map(|t| t.duration_since(UNIX_EPOCH)) {
            Ok(Ok(after)) => after.as_nanos() as i128,
            Ok(Err(before)) => -(before.duration().as_nanos() as i128),
            Err(_) => 0,
        };
        Stat {
            size: meta.len(),
            mtime,
        }
    }
}

/// One published file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    /// The content's digest; `None` when the file is only known from the marker.
    pub hash: Option<Digest>,
    /// The digest of the caller's input key; `None` when the caller gave none.
    pub key: Option<Digest>,
    pub stat: Stat,
}

/// Every file one output holds that briefing wrote, by `/`-separated path.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Manifest {
    /// Repeated in the output's marker (see the module docs).
    pub id: String,
    /// The output's name (see [`super::journal::StateFiles::output_name`]).
    pub output: String,
    pub entries: HashMap<String, Entry>,
}

impl Manifest {
    /// Reads the manifest at `path`. A missing or unreadable one is `None`: the build
    /// then treats the output as unknown, which is slower but never wrong.
    pub fn load(path: &Path) -> Option<Manifest> {
        let text = fs::read_to_string(path).ok()?;
        let mut lines = text.lines();
        let header = lines.next()?.strip_prefix(HEADER)?.strip_prefix(' ')?;
        let (id, output) = header.split_once(' ')?;
        let mut entries = HashMap::with_capacity(text.len() / 100);
        for line in lines {
            let (path, entry) = parse_line(line)?;
            entries.insert(path.to_string(), entry);
        }
        Some(Manifest {
            id: id.to_string(),
            output: output.to_string(),
            entries,
        })
    }

    /// Writes the manifest to `path` (created or truncated), flushed when `sync`. The
    /// lines are in the map's order, not sorted: `load` reads them into a map again, and
    /// sorting 20,000 paths cost an edit of a 10,000-article site 3.5 ms per commit.
    pub fn save(&self, path: &Path, sync: bool) -> io::Result<()> {
        use std::fmt::Write as _;
        let mut text = String::with_capacity(64 + self.entries.len() * 120);
        let _ = writeln!(text, "{HEADER} {} {}", self.id, self.output);
        // numbers by `itoa`, not `fmt`: 40,000 of them on every commit of a large site
        let mut number = itoa::Buffer::new();
        for (path, e) in &self.entries {
            push_digest(&mut text, e.hash.as_ref());
            text.push(' ');
            push_digest(&mut text, e.key.as_ref());
            text.push(' ');
            text.push_str(number.format(e.stat.size));
            text.push(' ');
            text.push_str(number.format(e.stat.mtime));
            text.push(' ');
            text.push_str(path);
            text.push('\n');
        }
        let mut file = File::create(path)?;
        file.write_all(text.as_bytes())?;
        if sync {
            file.sync_all()?;
        }
        Ok(())
    }

    /// Whether this manifest describes the output named `output`, whose marker carries
    /// `marker_id`.
    pub fn belongs_to(&self, output: &str, marker_id: Option<&str>) -> bool {
        marker_id == Some(self.id.as_str()) && self.output == output
    }
}

fn parse_line(line: &str) -> Option<(&str, Entry)> {
    let mut parts = line.splitn(5, ' ');
    let hash = parse_digest(parts.next()?)?;
    let key = parse_digest(parts.next()?)?;
    let size = parts.next()?.parse().ok()?;
    let mtime = parts.next()?.parse().ok()?;
    let path = parts.next().filter(|p| !p.is_empty())?;
    let entry = Entry {
        hash,
        key,
        stat: Stat { size, mtime },
    };
    Some((path, entry))
}

/// `-` is `Some(None)`; 32 hex digits are a digest; anything else is malformed.
fn parse_digest(text: &str) -> Option<Option<Digest>> {
    if text == "-" {
        return Some(None);
    }
    let bytes = text.as_bytes();
    if bytes.len() != 32 {
        return None;
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut out = [0; 16];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = nibble(bytes[2 * i])? << 4 | nibble(bytes[2 * i + 1])?;
    }
    Some(Some(out))
}

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Appends a digest in hex, or `-` for none.
fn push_digest(text: &mut String, digest: Option<&Digest>) {
    match digest {
        None => text.push('-'),
        Some(d) => {
            for b in d {
                text.push(DIGITS[usize::from(b >> 4)] as char);
                text.push(DIGITS[usize::from(b & 15)] as char);
            }
        }
    }
}

pub(super) fn hex(bytes: &Digest) -> String {
    let mut out = String::with_capacity(32);
    push_digest(&mut out, Some(bytes));
    out
}

/// The files of `output` that a marker listing `names` makes briefing's: every regular
/// file under those top-level entries, except dot-files below them (put there by
/// someone else: briefing writes none there) and the paths `is_kept` protects.
pub(super) fn from_marker(
    output: &Path,
    names: &[OsString],
    is_kept: impl Fn(&str) -> bool,
) -> HashMap<String, Entry> {
    let mut entries = HashMap::new();
    for name in names {
        let walk = walkdir::WalkDir::new(output.join(name))
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for found in walk.filter_map(Result::ok) {
            if !found.file_type().is_file() {
                continue;
            }
            let Ok(rel) = found.path().strip_prefix(output) else {
                continue;
            };
            let Some(rel) = rel.to_str().map(|r| r.replace('\\', "/")) else {
                continue;
            };
            if is_kept(&rel) || super::check_page_path(&rel).is_err() {
                continue;
            }
            let Ok(meta) = found.metadata() else {
                continue;
            };
            let stat = Stat::of(&meta);
            entries.insert(
                rel,
                Entry {
                    hash: None,
                    key: None,
                    stat,
                },
            );
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(hash: Option<Digest>, key: Option<Digest>, size: u64, mtime: i128) -> Entry {
        Entry {
            hash,
            key,
            stat: Stat { size, mtime },
        }
    }

    #[test]
    fn a_manifest_round_trips() {
        let tmp = tempfile::tempdir().unwrap();
        let mut manifest = Manifest {
            id: "0123abcd".into(),
            output: "my site/public".into(),
            entries: HashMap::new(),
        };
        let cases = [
            ("index.html", entry(Some(digest(b"a")), None, 1, 5)),
            (
                "briefings/a b/index.html",
                entry(Some(digest(b"b")), Some(digest(b"k")), 70, -3),
            ),
            ("only-known/from-marker.html", entry(None, None, 0, 0)),
        ];
        for (path, e) in &cases {
            manifest.entries.insert(path.to_string(), e.clone());
        }
        let file = tmp.path().join("manifest");
        manifest.save(&file, false).unwrap();
        assert_eq!(Manifest::load(&file), Some(manifest.clone()));
        assert!(manifest.belongs_to("my site/public", Some("0123abcd")));
        assert!(!manifest.belongs_to("my site/public", Some("ffff")));
        assert!(!manifest.belongs_to("other", Some("0123abcd")));
        assert!(!manifest.belongs_to("my site/public", None));
    }

    #[test]
    fn a_damaged_manifest_is_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("manifest");
        let good_line = format!("{} - 1 2 index.html", hex(&digest(b"x")));
        let cases = [
            String::new(),
            "not a manifest\n".to_string(),
            format!("{HEADER}\n{good_line}\n"),
            format!("{HEADER} id /out\n{good_line}\nzz - 1 2 a.html\n"),
            format!("{HEADER} id /out\n- - x 2 a.html\n"),
            format!("{HEADER} id /out\n- - 1 2 \n"),
            format!("{HEADER} id /out\n- -\n"),
        ];
        for text in cases {
            fs::write(&file, &text).unwrap();
            assert_eq!(Manifest::load(&file), None, "{text:?}");
        }
        assert_eq!(Manifest::load(&tmp.path().join("missing")), None);
    }

    #[test]
    fn the_marker_fallback_lists_files_under_our_entries_only() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        for (path, text) in [
            ("index.html", "home"),
            ("briefings/a/index.html", "a"),
            ("briefings/.hidden", "user's"),
            ("briefings/keep/me.txt", "user's"),
            (".well-known/security.txt", "ours"),
            ("CNAME", "user's"),
            (".git/HEAD", "user's"),
        ] {
            fs::create_dir_all(out.join(path).parent().unwrap()).unwrap();
            fs::write(out.join(path), text).unwrap();
        }
        let names: Vec<OsString> = ["index.html", "briefings", ".well-known", "gone"]
            .map(OsString::from)
            .into();
        let found = from_marker(out, &names, |p| p.starts_with("briefings/keep"));
        let mut paths: Vec<&str> = found.keys().map(String::as_str).collect();
        paths.sort();
        assert_eq!(
            paths,
            [
                ".well-known/security.txt",
                "briefings/a/index.html",
                "index.html"
            ]
        );
        assert_eq!(found["index.html"].stat.size, 4);
        assert_eq!(found["index.html"].hash, None);
    }
}
