//! The command line, declared with clap's derive API: every command and flag, with the
//! help text users see. Parsing only; `commands` does the work.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Turn news articles into briefings (summary, key actors, timeline) and a static site.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The site's root folder (default: the nearest folder upwards holding briefing.toml).
    #[arg(long, short = 'C', global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// Print only errors and warnings.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new site: briefing.toml, content/articles/ with a sample article, .gitignore.
    Init {
        /// Where to create the site (default: the current folder).
        dir: Option<PathBuf>,
    },
    /// Create an article skeleton dated today in content/articles/.
    New {
        /// The article's headline.
        title: String,
    },
    /// Analyse article files or folders and print the result (does not need a site).
    Analyze {
        /// Article files (.txt, .md, .html) or folders holding them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// json: the briefing.analysis/1 contract, one JSON object per line; md: the briefing Markdown.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Sentences in the summary.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=20))]
        summary_sentences: u8,
    },
    /// Build briefings and the site: content/articles -> content/briefings -> public/.
    Build {
        #[command(flatten)]
        build: BuildArgs,
        /// Write the site here instead of the configured output folder.
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Use this base URL instead of the configured one (e.g. https://example.org/news/).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Replace the briefing of this article (or this briefing file) even if it was
        /// edited by hand; the edited file is backed up first. Repeatable.
        #[arg(long, value_name = "PATH")]
        regenerate: Vec<PathBuf>,
        /// Exit with 1 when there was any warning or skipped file (after reporting all of them), for CI.
        #[arg(long)]
        strict: bool,
    },
    /// Do everything build does without writing anything; report problems and broken links.
    Check {
        #[command(flatten)]
        build: BuildArgs,
        /// Exit with 1 when there was any warning or skipped file (after reporting all of them), for CI.
        #[arg(long)]
        strict: bool,
    },
    /// Build, then rebuild whenever a source file changes.
    Watch {
        #[command(flatten)]
        build: BuildArgs,
    },
    /// Build and serve the site locally, rebuilding and reloading the browser on every save.
    Serve {
        #[command(flatten)]
        build: BuildArgs,
        /// Port to listen on (0 picks a free one).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Address to listen on. Anything but a loopback address exposes the preview to your network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Delete the built site and the tool's caches (never anything the tool did not create).
    Clean,
}

/// Flags shared by the commands that build.
#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    /// Include briefings of articles marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Skip articles that cannot be read (and report them at the end) instead of failing.
    #[arg(long)]
    pub keep_going: bool,
}

/// Output formats of `analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Md,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn flags_parse() {
        let cli = Cli::parse_from([
            "briefing",
            "build",
            "--base-url",
            "https://x.org/news/",
            "--drafts",
            "--regenerate",
            "a.md",
            "--regenerate",
            "b.md",
            "--strict",
        ]);
        let Command::Build {
            build,
            base_url,
            regenerate,
            strict,
            ..
        } = cli.command
        else {
            panic!("not build")
        };
        assert!(build.drafts && !build.keep_going);
        assert_eq!(base_url.as_deref(), Some("https://x.org/news/"));
        assert_eq!(regenerate.len(), 2);
        assert!(strict);
        assert!(Cli::try_parse_from(["briefing", "analyze"]).is_err());
        assert!(Cli::try_parse_from(["briefing", "analyze", "x", "--format", "xml"]).is_err());
    }
}
