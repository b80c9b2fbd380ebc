//! The template environment: the site's, the theme's and the built-in templates in,
//! one Tera instance out, with errors that name the user's file.
//!
//! Layers are Tera 2 fallback prefixes. Site templates keep their plain names
//! (`briefing.html`), theme templates are added as `@theme/briefing.html` and the
//! built-in ones (the repository's `templates/`, embedded with rust-embed) as
//! `@builtin/briefing.html`. Looking up `briefing.html` tries the site, then the theme,
//! then the built-in template, so the nearest layer wins, and a theme template can
//! extend the built-in one by its full name and override a block:
//! `{% extends "@builtin/briefing.html" %}`. Built-in templates extend and include
//! plain names, so a site or theme `base.html` restyles every page.
//!
//! The `default` theme is embedded too and used when `themes/default/` is not on disk.
//! Its static files are always the first static layer, so other themes only add or
//! replace files.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rust_embed::RustEmbed;
use tera::Tera;

use crate::config::Config;
use crate::diagnostics::Location;
use crate::ingest::{SourceFile, StaticFile, ThemeFiles};

use super::filters;
use super::{SiteError, TemplateError};

pub const THEME_PREFIX: &str = "@theme/";
pub const BUILTIN_PREFIX: &str = "@builtin/";

#[derive(RustEmbed)]
#[folder = "templates/"]
struct Builtin;

#[derive(RustEmbed)]
#[folder = "themes/default/"]
struct DefaultTheme;

/// The built-in templates: (name, text), sorted by name.
pub fn builtin_templates() -> Vec<(String, String)> {
    embedded::<Builtin>("")
}

/// Files of the embedded default theme under `folder` (`templates/`, `static/`), with
/// the folder removed from the names, sorted.
fn embedded<E: RustEmbed>(folder: &str) -> Vec<(String, String)> {
    embedded_bytes::<E>(folder)
        .into_iter()
        .filter_map(|(n, b)| String::from_utf8(b).ok().map(|t| (n, t)))
        .collect()
}

fn embedded_bytes<E: RustEmbed>(folder: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = E::iter()
        .filter_map(|name| {
            let inside = name.strip_prefix(folder)?.to_string();
            E::get(&name).map(|f| (inside, f.data.into_owned()))
        })
        .collect();
    files.sort();
    files
}

/// The static files of the site: the embedded default theme's, then the theme's and
/// the site's (`theme.static_files`); a later file replaces an earlier one on the
/// same output path. Sorted by output path.
pub fn static_files(theme: &ThemeFiles) -> Vec<StaticFile> {
    let mut by_path: std::collections::BTreeMap<String, Vec<u8>> =
        embedded_bytes::<DefaultTheme>("static/")
            .into_iter()
            .collect();
    for file in &theme.static_files {
        by_path.insert(file.output_path.clone(), file.bytes.clone());
    }
    by_path
        .into_iter()
        .map(|(output_path, bytes)| StaticFile { output_path, bytes })
        .collect()
}

/// A loaded template environment, with the static files the site copies.
pub struct Templates {
    pub tera: Tera,
    /// Template name -> the file shown in messages, longest names first.
    files: Vec<(String, String)>,
    /// The static files of the site (see [`static_files`]).
    pub statics: Vec<StaticFile>,
    /// A hash of every template of every layer and every static file.
    pub fingerprint: [u8; 16],
}

/// Loads the three layers. `assets` maps static output paths to content hashes.
pub fn load(
    config: &Config,
    theme: &ThemeFiles,
    assets: Arc<HashMap<String, String>>,
    statics: Vec<StaticFile>,
) -> Result<Templates, SiteError> {
    let mut tera = Tera::new();
    filters::register(&mut tera, &config.base_url, config.base_path(), assets);
    tera.set_fallback_prefixes([THEME_PREFIX, BUILTIN_PREFIX])
        .map_err(|e| SiteError::Template(e.to_string()))?;
    let builtin = builtin_templates();
    let mut sources: Vec<(String, String, String)> = builtin
        .iter()
        .map(|(name, text)| {
            let shown = format!("<built-in>/templates/{name}");
            (format!("{BUILTIN_PREFIX}{name}"), shown, text.clone())
        })
        .collect();
    let builtin: HashMap<String, String> = builtin.into_iter().collect();
    if theme.theme_on_disk {
        let dir = &theme.theme_templates_dir;
        add_files(
            &mut sources,
            THEME_PREFIX,
            dir,
            &theme.theme_templates,
            &builtin,
        );
    } else if config.theme == "default" {
        for (name, text) in embedded::<DefaultTheme>("templates/") {
            let shown = format!("<built-in>/themes/default/templates/{name}");
            sources.push((format!("{THEME_PREFIX}{name}"), shown, text));
        }
    }
    let dir = &theme.site_templates_dir;
    add_files(&mut sources, "", dir, &theme.site_templates, &builtin);
    let mut files: Vec<(String, String)> = sources
        .iter()
        .map(|(n, f, _)| (n.clone(), f.clone()))
        .collect();
    files.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let fingerprint = fingerprint(&sources, &statics);
    let templates = sources.iter().map(|(n, _, t)| (n.as_str(), t.as_str()));
    match tera.add_raw_templates(templates) {
        Ok(()) => Ok(Templates {
            tera,
            files,
            statics,
            fingerprint,
        }),
        Err(e) => Err(Templates {
            tera: Tera::new(),
            files,
            statics: Vec::new(),
            fingerprint,
        }
        .error(&e, None)),
    }
}

/// A hash of the templates (name, file shown in messages, text) and the static files.
fn fingerprint(sources: &[(String, String, String)], statics: &[StaticFile]) -> [u8; 16] {
    let mut h = blake3::Hasher::new();
    let mut part = |bytes: &[u8]| {
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    for (name, shown, text) in sources {
        part(name.as_bytes());
        part(shown.as_bytes());
        part(text.as_bytes());
    }
    for file in statics {
        part(file.output_path.as_bytes());
        part(&file.bytes);
    }
    let mut out = [0u8; 16];
    out.copy_from_slice(&h.finalize().as_bytes()[..16]);
    out
}

/// Adds templates of a layer. A template identical to the built-in one of the same
/// name is left out: it overrides nothing, and would hide the theme's version (the
/// repository's own `templates/` is both the built-in layer and the demo site's).
fn add_files(
    sources: &mut Vec<(String, String, String)>,
    prefix: &str,
    dir: &Path,
    files: &[SourceFile],
    builtin: &HashMap<String, String>,
) {
    for file in files {
        let name = file.path.to_string_lossy().replace('\\', "/");
        if builtin.get(&name) == Some(&file.text) {
            continue;
        }
        let shown = dir.join(&file.path).to_string_lossy().into_owned();
        sources.push((format!("{prefix}{name}"), shown, file.text.clone()));
    }
}

impl Templates {
    /// Turns a Tera error into a [`SiteError`] naming the user's file, line and column,
    /// and the page being rendered, with advice.
    pub fn error(&self, err: &tera::Error, page: Option<&str>) -> SiteError {
        let mut text = err.to_string();
        let mut cause = std::error::Error::source(err);
        while let Some(c) = cause {
            text.push_str(&format!("\n  caused by: {c}"));
            cause = c.source();
        }
        for (name, file) in &self.files {
            for (open, close) in [("--> ", ":"), ("'", "'"), ("`", "`"), ("\"", "\"")] {
                text = text.replace(
                    &format!("{open}{name}{close}"),
                    &format!("{open}{file}{close}"),
                );
            }
        }
        let syntax = matches!(err.kind(), tera::ErrorKind::SyntaxError(_));
        let hint = hint(&text, syntax).to_string();
        let (first, frame) = text.split_once('\n').unwrap_or((&text, ""));
        let mut message = first.trim_start_matches("error: ").to_string();
        if let Some(page) = page {
            message.push_str(&format!(" (while rendering {page})"));
        }
        match location(frame) {
            Some(location) => SiteError::TemplateAt(Box::new(TemplateError {
                location,
                message,
                detail: frame.to_string(),
                hint,
            })),
            None => SiteError::Template(
                format!("{message}\n{frame}\n  help: {hint}").replace("\n\n  help", "\n  help"),
            ),
        }
    }
}

/// The `file:line:col` after the first `--> ` of a Tera report.
fn location(frame: &str) -> Option<Location> {
    let at = frame.find("--> ")? + 4;
    let spot = frame[at..].lines().next()?.trim();
    let mut parts = spot.rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some(Location::at(parts.next()?, line, column))
}

fn hint(text: &str, syntax: bool) -> &'static str {
    if syntax {
        "fix the template syntax at this position (templates use Tera 2; see docs/templates.md)"
    } else if text.contains("is not defined") {
        "check the name against docs/templates.md; for a value that may be missing use `{{ x | default(value=\"\") }}` or `{% if x is defined %}`"
    } else if text.contains("Unknown filter")
        || text.contains("Unknown function")
        || text.contains("Unknown test")
    {
        "docs/templates.md lists the filters and functions `briefing` adds to Tera's built-ins"
    } else if text.contains("Circular") {
        "a template cannot include or extend itself; to extend the built-in version of a template, name it `@builtin/<name>`"
    } else if text.contains("Unknown template")
        || text.contains("not found")
        || text.contains("inheriting from")
    {
        "check the template name; docs/templates.md lists the built-in templates"
    } else {
        "fix the template, or remove it to fall back to the theme's or the built-in one"
    }
}
