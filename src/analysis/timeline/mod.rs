//! Timeline: sentences, resolved time expressions, entity mentions and actors in, the
//! article's events (what happened, who took part, when) ordered by date out.
//!
//! Two kinds of entry. A DATE or TIME that anchors an event gives an explicit entry:
//! the event is the clause the date belongs to ([`clause`]), trimmed to who did what.
//! A sentence without a date of its own that tells news in the past or present perfect
//! ("Lavrov stated", "the US and NATO sent formal replies") gives a reported entry at
//! the publication date, marked `reported` ([`reported`]). An entry's actors are the
//! clause's participants, with "the officials" or "they" resolved to the actors named
//! before ([`participants`]). What is no event stays out: durations, sets and vague
//! references ("now", "recently"), a date that is only the dateline or part of a name,
//! furniture (bylines, bios, citations, captions, headings but a standfirst:
//! [`furniture`]), dates in verbless
//! fragments, dates that bound a state ("since 2014", "until December"), a date no one
//! can place ("seven decades later" with nothing before it), a past event dated after
//! publication, and the same event told twice. "The middle of the century" is the
//! century the story is at ([`anchor`]). Entries are ordered by date
//! ([`value::sort_key`]), explicit before reported, then by position; reported entries
//! of one date come in the order of the summary's ranking, the lede's first, so the
//! first ones are the article's key news.
//!
//! [`entries`] makes the entries of one sentence; this module walks the sentences,
//! keeps the story's time and the actors named so far, merges the same event told
//! twice and orders the result. One pass over the sentences in order, each parsed
//! once: linear in the article.

mod anchor;
mod antecedent;
mod assemble;
mod checks;
mod clause;
mod entries;
mod faithful;
mod furniture;
mod news_day;
mod participants;
mod relative;
mod render;
mod reported;
mod reporting;
mod segment;
mod subject;
mod trim;

use std::collections::HashMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::actors::Actor;
use super::entities::Entity;
use super::sentences::{Sentence, SentenceKind};
use super::timex::{Timex, TimexType, value};
use entries::sentence_entries;
use participants::Discourse;

/// One dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// TIMEX3 value ("2022-01-26", "2021-12", "XXXX-WXX-3").
    pub date: String,
    /// The date for readers ("Wednesday 26 January 2022", "reported 28 January 2022").
    pub when: String,
    /// Index of the sentence the event comes from.
    pub sentence: usize,
    /// The event, in words from the sentence.
    pub text: String,
    /// Actors taking part (indices into `Analysis::actors`), ascending.
    pub actors: Vec<usize>,
    /// Told without a date of its own, placed at the publication date.
    #[serde(default)]
    pub reported: bool,
}

/// What the timeline is built from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub prose: &'a str,
    pub sentences: &'a [Sentence],
    /// In document order.
    pub timexes: &'a [Timex],
    /// In document order, with their actors.
    pub entities: &'a [Entity],
    pub actors: &'a [Actor],
    pub published: Option<Date>,
    /// Sentence indices, best first (the summary's ranking).
    pub ranking: &'a [usize],
}

/// How many sentences after a dated event an undated one may still be told in its time.
const STORY_TIME_SENTENCES: usize = 3;
/// How long before publication a date must be for the sentences after it to tell
/// history rather than news (ten years: closer dates are often followed by today's news).
pub(super) const HISTORY_DAYS: i64 = 3650;

/// An entry with what orders it: date, explicit first, rank, position.
type Ranked = (
    (u8, Date, value::Granularity, String),
    bool,
    usize,
    usize,
    usize,
);

/// Builds the article's timeline, ordered by date.
pub fn build(input: &Input) -> Vec<TimelineEntry> {
    let Input {
        prose, sentences, ..
    } = *input;
    let by_sentence = timexes_by_sentence(sentences, input.timexes);
    let repeated = furniture::repeated(prose, sentences);
    let rank: HashMap<usize, usize> = input
        .ranking
        .iter()
        .enumerate()
        .map(|(r, &s)| (s, r))
        .collect();
    let mut discourse = Discourse::default();
    // the sentence of the last dated event, its date, and whether the narrative moved
    // there (not a past perfect, which tells what came before the story's time)
    let mut story_time: Option<(usize, Date, bool)> = None;
    let mut named_year: Option<Date> = None;
    let mut lede_seen = false;
    let mut lede_index: Option<usize> = None;
    // the sentence that said what follows happened before ("This isn't the first time")
    let mut earlier: Option<usize> = None;
    let mut entries = Collected::default();
    for (index, s) in sentences.iter().enumerate() {
        let first = input.entities.partition_point(|e| e.start < s.start);
        let last = input.entities.partition_point(|e| e.start < s.end);
        let mentions = &input.entities[first..last];
        let text = s.text(prose);
        // a heading that reads as a sentence before any running text is the standfirst
        let heading =
            s.kind == SentenceKind::Heading && (lede_seen || !furniture::standfirst(text));
        let furniture = heading || repeated[index] || furniture::is_furniture(text);
        let lede = !furniture && !lede_seen;
        if lede {
            lede_index = Some(index);
        }
        let made = if furniture {
            Vec::new()
        } else {
            let past = story_time.filter(|&(i, _, _)| index - i <= STORY_TIME_SENTENCES);
            let setting = entries::Setting {
                story: past.map(|(_, d, _)| d),
                narrated: past.is_some_and(|(_, _, n)| n),
                named: named_year,
                lede,
                earlier: earlier.is_some_and(|i| index - i <= STORY_TIME_SENTENCES),
            };
            let mut made = sentence_entries(input, index, &by_sentence[index], &discourse, setting);
            // a standfirst's dates sum up what the body tells with them: only its news
            made.retain(|(_, e)| e.reported || s.kind != SentenceKind::Heading);
            made
        };
        if !furniture && reported::opens_earlier_instances(text) {
            earlier = Some(index);
        }
        if !furniture {
            named_year = last_named_year(prose, &by_sentence[index]).or(named_year);
            // the lede is the first sentence of running text, not a "Cookie Search:" label
            lede_seen |= text.trim_end().ends_with(['.', '!', '?', '"', '”']);
        }
        for (_, e) in made.iter().filter(|(_, e)| !e.reported) {
            if let value::Anchor::Fixed { start, .. } = value::parse(&e.date) {
                story_time = Some((index, start, !past_perfect(&e.text)));
            }
        }
        let groups: Vec<&[usize]> = made.iter().map(|(_, e)| e.actors.as_slice()).collect();
        discourse.update(mentions, input.actors, &groups);
        // the lede's news first: news writing puts the key news there
        let r = match rank.get(&index) {
            _ if lede => 0,
            Some(&r) => r + 1,
            None => usize::MAX,
        };
        entries.add(index, r, made);
    }
    let mut entries = entries.entries;
    if tells_history(&entries, input.published) {
        entries.retain(|(_, e)| !e.reported);
    }
    if let Some(lede) = lede_index {
        to_news_day(input, &by_sentence, lede, &mut entries);
    }
    entries.sort_by(|(a, _), (b, _)| a.cmp(b));
    // an event re-dated to the news day may now be one already there
    let mut seen = std::collections::HashSet::new();
    entries.retain(|(_, e)| seen.insert((e.date.clone(), e.text.clone())));
    entries.into_iter().map(|(_, e)| e).collect()
}

/// The entries made so far, with the date and content words of each, so that the same
/// event told twice is one entry.
#[derive(Default)]
struct Collected {
    entries: Vec<(Ranked, TimelineEntry)>,
    seen: HashMap<(String, Vec<String>), usize>,
}

impl Collected {
    /// Adds the entries of sentence `index` (ranked `rank` by the summary), merging
    /// the actors of one told before.
    fn add(&mut self, index: usize, rank: usize, made: Vec<(usize, TimelineEntry)>) {
        for (pos, entry) in made {
            let r = if entry.reported { rank } else { 0 };
            let key = (value::sort_key(&entry.date), entry.reported, r, index, pos);
            let words = content_words(&entry.text);
            let same = self
                .seen
                .get(&(entry.date.clone(), words.clone()))
                .copied()
                .or_else(|| self.restated(&entry));
            match same {
                Some(i) => participants::merge(&mut self.entries[i].1.actors, &entry.actors),
                None => {
                    self.seen
                        .insert((entry.date.clone(), words), self.entries.len());
                    self.entries.push((key, entry));
                }
            }
        }
    }
}

impl Collected {
    /// The earlier reported entry that `entry` tells again with its source ("Police
    /// tell the paper the car was taken from her drive", after "Her car was stolen
    /// from her drive"): same date, no participant the earlier entry lacks (it may
    /// name more: "her Kessel Award car"), and the thing its source says was
    /// acted on is what the earlier entry's passive verb acted on.
    fn restated(&self, entry: &TimelineEntry) -> Option<usize> {
        if !entry.reported || entry.actors.is_empty() {
            return None;
        }
        let thing = sourced_passive_subject(&entry.text)?;
        self.entries.iter().position(|(_, e)| {
            e.reported
                && e.date == entry.date
                && entry.actors.iter().all(|a| e.actors.contains(a))
                && passive_subject_words(&e.text).is_some_and(|w| w.contains(&thing))
        })
    }
}

/// The lower-case words of a text up to its first passive verb ("was stolen"), when it
/// has one: the words that name what was acted on.
fn passive_subject_words(text: &str) -> Option<Vec<String>> {
    let words = lower_words(text);
    let at = (0..words.len().saturating_sub(1))
        .find(|&i| matches!(words[i].as_str(), "was" | "were") && is_participle(&words[i + 1]))?;
    Some(words[..at].to_vec())
}

/// The noun of "the X was <participle>" in a text that tells it after a reporting verb
/// ("sources tell TMZ the dress was taken"): what the source says was acted on.
fn sourced_passive_subject(text: &str) -> Option<String> {
    let words = lower_words(text);
    (0..words.len().saturating_sub(3)).find_map(|i| {
        let passive = words[i] == "the"
            && matches!(words[i + 2].as_str(), "was" | "were")
            && is_participle(&words[i + 3]);
        let sourced = words[..i]
            .iter()
            .any(|w| crate::language::words::is_reporting_verb(w));
        (passive && sourced).then(|| words[i + 1].clone())
    })
}

fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn is_participle(word: &str) -> bool {
    (word.len() > 3 && (word.ends_with("ed") || word.ends_with("en")))
        || segment::IRREGULAR_PARTICIPLES.contains(&word)
}

/// Moves the reported entries, and the entries dated by a quoted "today", to the day
/// the article says its news happened ([`news_day`]), when it says so.
fn to_news_day(
    input: &Input,
    by_sentence: &[Vec<&Timex>],
    lede: usize,
    entries: &mut [(Ranked, TimelineEntry)],
) {
    let (prose, sentences) = (input.prose, input.sentences);
    let (Some(published), Some(day)) = (
        input.published,
        news_day::news_day(prose, sentences, by_sentence, lede, input.published),
    ) else {
        return;
    };
    let today = published.to_string();
    let quoted_today = |e: &TimelineEntry| {
        e.date == today
            && news_day::quoted_today(
                prose,
                &sentences[e.sentence],
                &by_sentence[e.sentence],
                published,
            )
    };
    for (key, e) in entries
        .iter_mut()
        .filter(|(_, e)| e.reported || quoted_today(e))
    {
        e.date = day.to_string();
        e.when = value::label(&e.date);
        e.reported = false;
        key.0 = value::sort_key(&e.date);
        key.1 = false;
    }
}

/// Whether an entry's text opens in the past perfect ("Farmers had warned the
/// ministry"): before the story's time, not where the narrative is.
fn past_perfect(text: &str) -> bool {
    crate::analysis::timex::verb_groups(text, 0, text.len())
        .first()
        .is_some_and(|g| {
            let verb = text[g.start..g.end].to_lowercase();
            verb.starts_with("had ")
        })
}

/// Whether the article tells history (a book review, a profile): at least three dated
/// events and two thirds of them more than ten years before publication. What it
/// tells without a date happened then too, not when it was written.
fn tells_history(entries: &[(Ranked, TimelineEntry)], published: Option<Date>) -> bool {
    let Some(p) = published else {
        return false;
    };
    let starts: Vec<Date> = entries
        .iter()
        .filter(|(_, e)| !e.reported)
        .filter_map(|(_, e)| match value::parse(&e.date) {
            value::Anchor::Fixed { start, .. } => Some(start),
            value::Anchor::Floating => None,
        })
        .collect();
    let old = starts
        .iter()
        .filter(|&&d| value::days_between(d, p) > HISTORY_DAYS)
        .count();
    starts.len() >= 3 && old * 3 >= starts.len() * 2
}

/// The start of the last date among `timexes` that names its year in digits ("in
/// 1939", "December 1910"): the time a narrative is at, whatever relative dates of
/// the page ("Tomorrow", "today") came after it.
fn last_named_year(prose: &str, timexes: &[&Timex]) -> Option<Date> {
    timexes.iter().rev().find_map(|t| {
        let text = prose.get(t.start..t.end)?;
        let year = text
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() == 4);
        match (t.kind, year, value::parse(&t.value)) {
            (TimexType::Date, true, value::Anchor::Fixed { start, .. }) => Some(start),
            _ => None,
        }
    })
}

/// The timexes of each sentence, in order.
fn timexes_by_sentence<'a>(sentences: &[Sentence], timexes: &'a [Timex]) -> Vec<Vec<&'a Timex>> {
    let mut out: Vec<Vec<&Timex>> = vec![Vec::new(); sentences.len()];
    for t in timexes {
        if let Some(i) = sentence_of(sentences, t) {
            out[i].push(t);
        }
    }
    out
}

/// The content words of an entry's text, for telling the same event told twice.
fn content_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !crate::language::words::is_stop_word(w))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The sentence holding the expression (by its recorded index when it fits, else by offset).
fn sentence_of(sentences: &[Sentence], t: &Timex) -> Option<usize> {
    let fits = |i: usize| {
        sentences
            .get(i)
            .is_some_and(|s| s.start <= t.start && t.end <= s.end)
    };
    if fits(t.sentence) {
        return Some(t.sentence);
    }
    let i = sentences.partition_point(|s| s.end <= t.start);
    fits(i).then_some(i)
}

#[cfg(test)]
mod tests;
