//! Stage 3: an article and its analysis in, a [`Briefing`] (and the Markdown file that
//! stores it) out; and the rule that decides whether an existing briefing file may be
//! replaced ([`plan`]).
//!
//! Briefing files are user artifacts: people edit them, and the site is rendered from
//! them, so an edit shows on the site. This stage is pure: it gets the existing file's
//! text from `ingest` and says what to write; `output` writes it.

pub mod cache;
mod compose;
mod file;
mod model;
mod plan;
pub mod sections;

pub use cache::ParseCache;
pub use compose::{ComposeOptions, actor_metas, compose, generated_sections};
pub use file::{BriefingError, is_unedited, parse, render};
pub use model::{ActorMeta, Briefing, BriefingMeta, EventMeta, Generated, SourceMeta};
pub use plan::{Existing, Plan, plan};
