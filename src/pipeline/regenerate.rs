//! What `build --regenerate PATH` names: the paths given (an article or its briefing
//! file, relative to where the command runs or absolute) in, the slugs of the briefings
//! to regenerate out, or an error naming the first path that is neither. Kept apart
//! from `briefings`, which only asks whether a slug was named.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::BuildError;
use crate::config::Config;
use crate::ingest::Article;

/// The slugs named by `--regenerate` paths (article or briefing files); `existing`
/// gives each existing briefing file's slug and path.
pub(super) fn slugs<'a>(
    config: &Config,
    paths: &[PathBuf],
    articles: &[&Article],
    existing: impl Iterator<Item = (&'a str, &'a Path)>,
) -> Result<HashSet<String>, BuildError> {
    if paths.is_empty() {
        return Ok(HashSet::new());
    }
    let normal = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut by_path: HashMap<PathBuf, &str> = HashMap::new();
    for a in articles {
        by_path.insert(normal(&config.root.join(&a.path)), &a.slug);
        by_path.insert(
            normal(&config.briefings_dir.join(format!("{}.md", a.slug))),
            &a.slug,
        );
    }
    for (slug, path) in existing {
        by_path.insert(normal(&config.root.join(path)), slug);
    }
    paths
        .iter()
        .map(|p| {
            by_path
                .get(&normal(p))
                .map(|s| s.to_string())
                .ok_or_else(|| BuildError::Regenerate(p.clone()))
        })
        .collect()
}
