//! Which files under the articles directory are articles: a directory in; the sorted
//! list of article files, plus warnings (unsupported files, symlinks not followed) and
//! failures (unreadable directories) out.
//!
//! Hidden files and directories and editor temporary files (vim's `*.swp` and `4913`,
//! emacs' `.#x` and `#x#`, JetBrains' `___jb_tmp___`, backups `x~`; the full list is
//! [`is_temporary_file`]) are skipped silently: they appear and vanish during every
//! save and must never become pages.
//! Symbolic links are not followed out of the articles directory, so an article folder
//! unpacked from elsewhere cannot publish `~/.ssh` through a link; a linked file inside
//! it is read, a linked directory is not (its real path is walked anyway).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::IngestError;
use super::parse::format_of;
use crate::diagnostics::{Location, Warning};

/// The file extensions read as articles.
pub const ARTICLE_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// What a walk of the articles directory found.
#[derive(Debug, Default)]
pub(crate) struct Discovered {
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
    pub failures: Vec<IngestError>,
}

/// Whether a file name is never a source: a hidden file, an editor's or tool's
/// temporary, swap, lock or backup file, or OS clutter. This is the one list: `build`
/// skips these names wherever it reads (articles, briefings, templates, static files)
/// and `watch` ignores changes to them. Suffixes are matched in any case.
///
/// - hidden: any name starting with `.`, which also covers vim's `.x.swp`, emacs'
///   locks `.#x`, GIO/gedit's `.goutputstream-*`, macOS safe-save `.sb-*` and
///   `.DS_Store`;
/// - vim: `*.swp`, `*.swo`, `*.swn`, `*.swx`, its write test `4913`, backups `x~`;
/// - emacs: auto-saves `#x#`, backups `x~`;
/// - JetBrains safe write: `*___jb_tmp___`, `*___jb_old___`, `*___jb_bak___`;
/// - Kate `*.kate-swp`; Chrome's file-system access `*.crswap`; partial downloads
///   `*.part`, `*.crdownload`;
/// - generic: `*.tmp`, `*.temp`, `*.bck`, `*.orig` (merge tools), `*.bak` and this
///   tool's own `*.bak2`, `*.bak3`, ...;
/// - Windows: `Thumbs.db`, `desktop.ini`.
pub fn is_temporary_file(name: &str) -> bool {
    const SUFFIXES: [&str; 13] = [
        "~",
        ".swp",
        ".swo",
        ".swx",
        ".swn",
        ".tmp",
        ".temp",
        ".bck",
        ".part",
        ".crdownload",
        ".orig",
        ".kate-swp",
        ".crswap",
    ];
    const JETBRAINS: [&str; 3] = ["___jb_tmp___", "___jb_old___", "___jb_bak___"];
    let lower = name.to_ascii_lowercase();
    let backup = lower
        .rsplit_once('.')
        .and_then(|(_, ext)| ext.strip_prefix("bak"))
        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
    name.starts_with('.')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || lower == "4913"
        || JETBRAINS.iter().any(|j| lower.contains(j))
        || lower == "thumbs.db"
        || lower == "desktop.ini"
        || backup
        || SUFFIXES.iter().any(|s| lower.ends_with(s))
}

/// Walks `dir` in sorted order. `display` turns a path into the one shown to users.
pub(crate) fn discover(dir: &Path, display: &dyn Fn(&Path) -> PathBuf) -> Discovered {
    let mut out = Discovered::default();
    let real_dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                let source = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("file system loop"));
                out.failures.push(IngestError::Read {
                    location: Location::file(display(&path)),
                    source,
                });
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_dir() || is_temporary_file(&name) {
            continue;
        }
        if entry.file_type().is_symlink()
            && !linked_file_inside(path, &real_dir, display, &mut out.warnings)
        {
            continue;
        }
        if format_of(path).is_some() {
            out.files.push(path.to_path_buf());
        } else {
            out.warnings.push(unsupported(&display(path)));
        }
    }
    out.files.sort();
    out
}

/// Whether a symbolic link is a file inside the articles directory; warns otherwise.
fn linked_file_inside(
    path: &Path,
    real_dir: &Path,
    display: &dyn Fn(&Path) -> PathBuf,
    warnings: &mut Vec<Warning>,
) -> bool {
    let shown = display(path);
    match std::fs::canonicalize(path) {
        Ok(target) if !target.starts_with(real_dir) => {
            warnings.push(
                Warning::new(
                    Location::file(shown),
                    "is a symbolic link to a path outside the articles directory: not read",
                )
                .with_hint("copy the file into the articles directory if it should be published"),
            );
            false
        }
        Ok(target) if target.is_dir() => false,
        Ok(_) => true,
        Err(e) => {
            warnings.push(Warning::new(
                Location::file(shown),
                format!("is a broken symbolic link: {e}"),
            ));
            false
        }
    }
}

fn unsupported(shown: &Path) -> Warning {
    let kind = shown.extension().map_or_else(
        || "a file without an extension".to_string(),
        |e| format!("a `.{}` file", e.to_string_lossy()),
    );
    Warning::new(Location::file(shown), format!("is {kind}, not an article: ignored"))
        .with_hint("articles are .txt, .md, .markdown, .html or .htm files; move other files out of the articles directory")
}
