//! `briefing` turns news articles into briefing pages and a static site.
//!
//! ```text
//! content/articles/* ─ingest→ Article ─analysis→ Analysis ─briefing→ Briefing (.md)
//!     ─corpus→ Corpus (facts across briefings) ─site (Tera: site › theme › built-in)→ Page
//!     ─output→ public/
//! watch / serve re-run `pipeline::build` on change and push a reload to the browser
//! ```
//!
//! Stages are modules in pipeline order and depend only on earlier stages. Only the
//! edges touch the disk: `ingest` reads, `output` writes. `analysis`, `briefing`,
//! `corpus` and `site` are pure, deterministic functions of values ("today" is passed in), so they
//! can be unit-tested without a file system and re-run cheaply by `watch`.
//! `pipeline::build` is the one linear orchestrator that calls them in order.
//! `language` (words, names, calendar words, who is who) sits below every stage.

pub mod config;
pub mod diagnostics;
pub mod segment;

pub mod language;

pub mod analysis;
pub mod briefing;
pub mod corpus;
pub mod ingest;
pub mod output;
pub mod site;

pub mod pipeline;
pub mod serve;
pub mod watch;

pub mod cli;
pub mod commands;

/// The fuzz target and its seed corpus (see `fuzz/` and `examples/fuzz.rs`).
pub mod fuzz;

/// The tool's version, recorded in generated briefings and cache keys.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
