//! Stage 2: an [`Article`] in, its [`Analysis`] out: sentences, an extractive summary,
//! named entities merged into actors, time expressions and a timeline.
//!
//! Pure and deterministic: no I/O, no clock (relative dates resolve against the
//! article's own publication date), the same input always gives the same output.
//! All offsets are byte offsets into `Article::text`; the passes read
//! `Article::prose`, which has the same length with markup blanked, so they see clean
//! words without losing positions. The passes run in a fixed order because each one
//! reads what the earlier ones found: sentences, entities, summary (entity density),
//! actors (summary presence counts toward salience), time expressions, timeline
//! (ties dates to the actors in their sentence). Last, [`bounds`] cuts what one article
//! contributes to what a briefing can show (at most 40 timeline entries, 150 actors).

pub mod actors;
pub mod bounds;
pub mod contract;
pub mod entities;
pub mod sentences;
pub mod summary;
pub mod timeline;
pub mod timex;
pub mod tokens;

use serde::{Deserialize, Serialize};

use crate::ingest::Article;
use crate::language::detect::ENGLISH;

pub use actors::{Actor, ActorKind, Quote};
pub use entities::{Entity, EntityType};
pub use sentences::{Sentence, SentenceKind};
pub use summary::Summary;
pub use timeline::TimelineEntry;
pub use timex::{Timex, TimexType};

/// Settings that change what analysis produces (part of the cache key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalysisOptions {
    /// Sentences in the summary.
    pub summary_sentences: usize,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            summary_sentences: 3,
        }
    }
}

impl AnalysisOptions {
    /// Identifies what this build of the tool produces with these options: the version,
    /// a fingerprint of the code, models and dependencies that shape a briefing (computed
    /// by `build.rs`), and the options. A briefing generated under another key is stale
    /// (but still never overwritten if it was edited).
    pub fn cache_key(&self) -> String {
        format!(
            "{}+{}/s{}",
            crate::VERSION,
            &env!("BRIEFING_ANALYSIS_FINGERPRINT")[..8],
            self.summary_sentences
        )
    }
}

/// Everything analysis found in one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    /// In document order, non-overlapping.
    pub sentences: Vec<Sentence>,
    pub summary: Summary,
    /// In document order; `actor` indexes `actors`.
    pub entities: Vec<Entity>,
    /// Ranked by salience, most salient first; `Actor::id` is the index. At most
    /// [`bounds::MAX_ACTORS`].
    pub actors: Vec<Actor>,
    /// In document order.
    pub timexes: Vec<Timex>,
    /// Ordered by date; at most [`bounds::MAX_TIMELINE_ENTRIES`].
    pub timeline: Vec<TimelineEntry>,
}

/// An article in another language than English: sentences split by that language's
/// rules and a summary; no entities, actors, time expressions or timeline, which know
/// English only (they would take "Freitag" for a person).
fn other_language(
    article: &Article,
    options: &AnalysisOptions,
    title: &str,
    lap: &mut dyn FnMut(&'static str),
) -> Analysis {
    let prose = article.prose.as_str();
    let sentences = sentences::split_in(&article.language, prose, &article.blocks);
    lap("sentences");
    let summary = summary::summarize(prose, title, &sentences, &[], options.summary_sentences);
    lap("summary");
    Analysis {
        sentences,
        summary,
        ..Analysis::default()
    }
}

/// Runs every analysis pass over one article: all of them for English, the sentences
/// and the summary only for another language (see [`other_language`]).
pub fn analyze(article: &Article, options: &AnalysisOptions) -> Analysis {
    analyze_timed(article, options, &mut |_| {})
}

/// [`analyze`], calling `lap` with each pass's name as it ends ("sentences",
/// "entities", "summary", "actors", "timex", "timeline"), for the benchmarks and the
/// fuzz driver that time the passes on the real sequence rather than a copy of it.
pub fn analyze_timed(
    article: &Article,
    options: &AnalysisOptions,
    lap: &mut dyn FnMut(&'static str),
) -> Analysis {
    let prose = article.prose.as_str();
    // A title made from the lead sentence says nothing the lead does not: it must not
    // count twice toward what the summary and the actors' salience treat as headline.
    let title = if article.title_source.is_written() {
        article.title.as_str()
    } else {
        ""
    };
    if article.language != ENGLISH {
        return other_language(article, options, title, lap);
    }
    let sentences = sentences::split(prose, &article.blocks);
    lap("sentences");
    let mut entities = entities::recognize(prose, &sentences);
    lap("entities");
    let summary = summary::summarize(
        prose,
        title,
        &sentences,
        &entities,
        options.summary_sentences,
    );
    lap("summary");
    let actors = actors::resolve(
        prose,
        title,
        article.source.as_deref(),
        &sentences,
        &mut entities,
        &summary,
    );
    lap("actors");
    let timexes = timex::tag(prose, &sentences, article.published);
    lap("timex");
    let ranking = summary.ranked_for_contract();
    let timeline = timeline::build(&timeline::Input {
        prose,
        sentences: &sentences,
        timexes: &timexes,
        entities: &entities,
        actors: &actors,
        published: article.published,
        ranking: &ranking,
    });
    lap("timeline");
    let mut analysis = Analysis {
        sentences,
        summary,
        entities,
        actors,
        timexes,
        timeline,
    };
    bounds::apply(&mut analysis);
    analysis
}
