//! Reads the site's and the theme's templates and static files into memory, so that
//! rendering is a pure function of values.
//!
//! In: `<root>/templates/**`, `<root>/themes/<theme>/templates/**`,
//! `<root>/themes/<theme>/static/**` and `<root>/static/**`. Out: [`ThemeFiles`].
//! Hidden files, editor leftovers (`~`, `.swp`, ...: [`super::is_temporary_file`]) and
//! symbolic links are skipped (a link could pull in a file from outside the site). A missing theme is an error,
//! except `default`, which is built into the binary and added by `site`.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostics::Location;

use super::{IngestError, SourceFile, is_temporary_file};

/// A file to copy into the site as is (theme CSS, scripts, images).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Path inside the output directory, with `/` separators (`style.css`, `js/search.js`).
    pub output_path: String,
    pub bytes: Vec<u8>,
}

/// Templates and static files of the site and its theme, read from disk. The built-in
/// layer is embedded in the binary and added by `site`, not read here.
#[derive(Debug, Clone, Default)]
pub struct ThemeFiles {
    /// `<root>/templates/**`, names relative to that folder (`briefing.html`).
    pub site_templates: Vec<SourceFile>,
    /// `<root>/themes/<theme>/templates/**`, names relative to that folder.
    pub theme_templates: Vec<SourceFile>,
    /// Theme `static/**` then site `static/**` (site files win on the same output path).
    pub static_files: Vec<StaticFile>,
    /// The folder of `site_templates`, as shown to users (`templates`).
    pub site_templates_dir: PathBuf,
    /// The folder of `theme_templates`, as shown to users (`themes/x/templates`).
    pub theme_templates_dir: PathBuf,
    /// `themes/<theme>/` exists; when it does not, the theme is the built-in `default`.
    pub theme_on_disk: bool,
}

/// Reads the site's and the theme's templates and static files.
pub fn load_theme(config: &Config) -> Result<ThemeFiles, IngestError> {
    let theme_rel = Path::new("themes").join(&config.theme);
    let theme_dir = config.root.join(&theme_rel);
    let theme_on_disk = theme_dir.is_dir();
    if !theme_on_disk && config.theme != "default" {
        return Err(IngestError::Invalid {
            location: Location::file(config.root.join(crate::config::CONFIG_FILE)),
            message: format!(
                "theme `{}` not found: there is no folder {}",
                config.theme,
                theme_rel.display()
            ),
            hint: format!(
                "create {} (see docs/templates.md), or remove `theme` to use the built-in default theme",
                theme_rel.display()
            ),
        });
    }
    let mut files = ThemeFiles {
        site_templates_dir: PathBuf::from("templates"),
        theme_templates_dir: theme_rel.join("templates"),
        theme_on_disk,
        ..ThemeFiles::default()
    };
    files.site_templates = read_texts(&config.root, Path::new("templates"))?;
    if theme_on_disk {
        files.theme_templates = read_texts(&config.root, &files.theme_templates_dir)?;
        files.static_files = read_static(&config.root, &theme_rel.join("static"))?;
    }
    let site_static = read_static(&config.root, Path::new("static"))?;
    for file in site_static {
        files
            .static_files
            .retain(|f| f.output_path != file.output_path);
        files.static_files.push(file);
    }
    files
        .static_files
        .sort_by(|a, b| a.output_path.cmp(&b.output_path));
    Ok(files)
}

/// Every regular file under `root/rel`, as (path relative to that folder, bytes), sorted.
/// A missing folder is empty.
fn walk(root: &Path, rel: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, IngestError> {
    let dir = root.join(rel);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_ignored(e.file_name()))
    {
        let entry = entry.map_err(|e| IngestError::Invalid {
            location: Location::file(
                e.path()
                    .map_or_else(|| rel.to_path_buf(), |p| shown(root, p)),
            ),
            message: format!("cannot read folder: {e}"),
            hint: "check the folder's permissions".to_string(),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|source| IngestError::Read {
            location: Location::file(shown(root, entry.path())),
            source,
        })?;
        let inside = entry
            .path()
            .strip_prefix(&dir)
            .unwrap_or(entry.path())
            .to_path_buf();
        out.push((inside, bytes));
    }
    Ok(out)
}

fn read_texts(root: &Path, rel: &Path) -> Result<Vec<SourceFile>, IngestError> {
    walk(root, rel)?
        .into_iter()
        .map(|(path, bytes)| match String::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile {
                path,
                text: text
                    .strip_prefix('\u{feff}')
                    .map(str::to_string)
                    .unwrap_or(text),
            }),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                Err(IngestError::Invalid {
                    location: Location::file(rel.join(&path)),
                    message: format!("template is not valid UTF-8 (at byte {offset})"),
                    hint: "save the file as UTF-8".to_string(),
                })
            }
        })
        .collect()
}

fn read_static(root: &Path, rel: &Path) -> Result<Vec<StaticFile>, IngestError> {
    Ok(walk(root, rel)?
        .into_iter()
        .map(|(path, bytes)| StaticFile {
            output_path: path.to_string_lossy().replace('\\', "/"),
            bytes,
        })
        .collect())
}

fn shown(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Hidden files and folders, editor backups and swap files: [`is_temporary_file`].
fn is_ignored(name: &std::ffi::OsStr) -> bool {
    is_temporary_file(&name.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)], theme: &str) -> (tempfile::TempDir, Config) {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let toml = format!("theme = {theme:?}\n");
        let config = Config::parse(dir.path(), &dir.path().join("briefing.toml"), &toml).unwrap();
        (dir, config)
    }

    #[test]
    fn reads_both_layers_and_lets_site_static_files_win() {
        let (_dir, config) = site(
            &[
                ("templates/briefing.html", "site"),
                ("templates/partials/x.html", "part"),
                ("templates/.hidden.html", "no"),
                ("templates/old.html~", "no"),
                ("themes/dark/templates/base.html", "theme"),
                ("themes/dark/static/style.css", "theme css"),
                ("themes/dark/static/img/logo.svg", "<svg/>"),
                ("static/style.css", "site css"),
            ],
            "dark",
        );
        let files = load_theme(&config).unwrap();
        let names = |v: &[SourceFile]| {
            v.iter()
                .map(|f| f.path.to_string_lossy().replace('\\', "/"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(&files.site_templates),
            ["briefing.html", "partials/x.html"]
        );
        assert_eq!(names(&files.theme_templates), ["base.html"]);
        let statics: Vec<(&str, &[u8])> = files
            .static_files
            .iter()
            .map(|f| (f.output_path.as_str(), f.bytes.as_slice()))
            .collect();
        assert_eq!(
            statics,
            [
                ("img/logo.svg", &b"<svg/>"[..]),
                ("style.css", &b"site css"[..])
            ]
        );
        assert!(files.theme_on_disk);
        assert_eq!(
            files.theme_templates_dir,
            Path::new("themes/dark/templates")
        );
    }

    #[test]
    fn default_theme_may_be_missing_others_may_not() {
        let (_dir, config) = site(&[], "default");
        let files = load_theme(&config).unwrap();
        assert!(
            !files.theme_on_disk
                && files.theme_templates.is_empty()
                && files.static_files.is_empty()
        );
        let (_dir, config) = site(&[], "nope");
        let err = load_theme(&config).unwrap_err().to_string();
        assert!(
            err.contains("theme `nope` not found") && err.contains("themes/nope"),
            "{err}"
        );
    }

    #[test]
    fn a_template_that_is_not_utf8_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/bad.html"), b"ok\xff").unwrap();
        let config = Config::parse(dir.path(), &dir.path().join("briefing.toml"), "").unwrap();
        let err = load_theme(&config).unwrap_err().to_string();
        assert!(
            err.contains("templates/bad.html") && err.contains("UTF-8"),
            "{err}"
        );
    }
}
