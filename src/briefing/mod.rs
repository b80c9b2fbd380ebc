//! Stage 3: an article and its analysis in, a [`Briefing`] (and the Markdown file that
//! stores it) out; and the rule that decides whether an existing briefing file may be
//! replaced.

mod model;

pub use model::{ActorMeta, Briefing, BriefingMeta, EventMeta, Generated, SourceMeta};
