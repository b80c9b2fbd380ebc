//! `init` and `new`: create a site, or an article skeleton. They refuse to overwrite
//! anything that exists.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use jiff::civil::Date;

use crate::config::{CONFIG_FILE, Config};

const CONFIG_TEMPLATE: &str = include_str!("scaffold/briefing.toml");
const SAMPLE_ARTICLE: &str = include_str!("scaffold/sample-article.md");
const GITIGNORE: &str = include_str!("scaffold/gitignore");

/// Creates a site in `dir`; returns the files created.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.join(CONFIG_FILE).exists() {
        bail!(
            "{} already has a {CONFIG_FILE}: it is a site already\n  help: run `briefing build` there, or choose another folder",
            dir.display()
        );
    }
    let files = [
        (dir.join(CONFIG_FILE), CONFIG_TEMPLATE),
        (
            dir.join("content/articles/2026-01-14-eastgate-ferry-vote.md"),
            SAMPLE_ARTICLE,
        ),
        (dir.join(".gitignore"), GITIGNORE),
    ];
    let mut created = Vec::new();
    for (path, text) in files {
        if path.exists() {
            continue;
        }
        create_new(&path, text)?;
        created.push(path);
    }
    std::fs::create_dir_all(dir.join("content/briefings"))
        .with_context(|| format!("cannot create {}", dir.join("content/briefings").display()))?;
    Ok(created)
}

/// Creates `content/articles/<today>-<slug>.md` for a new article; returns its path.
pub fn new_article(config: &Config, title: &str, today: Date) -> Result<PathBuf> {
    let slug = slug::slugify(title);
    if slug.is_empty() {
        bail!(
            "the title {title:?} has no letters or digits to name the file after\n  help: give a title such as \"Talks resume in Lisk\""
        );
    }
    let path = config.articles_dir.join(format!("{today}-{slug}.md"));
    let title_yaml = serde_json::to_string(title)?;
    let text = format!(
        "---\ntitle: {title_yaml}\ndate: {today}\nsource: \"\"\nurl: \"\"\nauthor: \"\"\ntags: []\ndraft: true\n---\n\n\
         Write or paste the article here. Remove `draft: true` above to publish its briefing.\n"
    );
    create_new(&path, &text)?;
    Ok(path)
}

fn create_new(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| {
            format!(
                "cannot create {} (it may already exist; nothing was overwritten)",
                path.display()
            )
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_template_parses_to_the_defaults() {
        let c = Config::parse(
            Path::new("/s"),
            Path::new("/s/briefing.toml"),
            CONFIG_TEMPLATE,
        )
        .unwrap();
        let d = Config::parse(Path::new("/s"), Path::new("/s/briefing.toml"), "").unwrap();
        assert_eq!(
            (c.paginate_by, c.feed_limit, c.max_article_bytes),
            (d.paginate_by, d.feed_limit, d.max_article_bytes)
        );
        assert_eq!(
            (c.base_url.as_str(), c.theme.as_str()),
            (d.base_url.as_str(), d.theme.as_str())
        );
        assert_eq!(c.analysis, d.analysis);
    }

    #[test]
    fn init_refuses_an_existing_site_and_new_refuses_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let created = init(dir.path()).unwrap();
        assert_eq!(created.len(), 3);
        assert!(init(dir.path()).is_err());
        let config = Config::load(dir.path()).unwrap();
        let today = jiff::civil::date(2026, 3, 2);
        let path = new_article(&config, "Talks open in Lisk", today).unwrap();
        assert!(path.ends_with("content/articles/2026-03-02-talks-open-in-lisk.md"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("title: \"Talks open in Lisk\"") && text.contains("date: 2026-03-02")
        );
        std::fs::write(&path, "mine").unwrap();
        assert!(new_article(&config, "Talks open in Lisk", today).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
        assert!(new_article(&config, "???", today).is_err());
    }
}
