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
//! furniture (bylines, bios, citations, captions: [`furniture`]), dates in verbless
//! fragments, dates that bound a state ("since 2014", "until December"), a date no one
//! can place ("seven decades later" with nothing before it), a past event dated after
//! publication, and the same event told twice. Entries are ordered by date
//! ([`value::sort_key`]), explicit before reported, then by position; reported entries
//! of one date come in the order of the summary's ranking, so the first ones are the
//! article's key news.
//!
//! One pass over the sentences in order, each parsed once: linear in the article.

mod antecedent;
mod checks;
mod clause;
mod faithful;
mod furniture;
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
use super::timex::{self, Timex, TimexType, VerbGroup, value};
use checks::{
    date_tense, dates_an_event, happened_after_publication, is_dateline, is_idiom,
    is_state_of_today, negated, placeable, shows_another_date, tense_contradicts, unfulfilled_plan,
};
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
const HISTORY_DAYS: i64 = 3650;

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
    let mut story_time: Option<(usize, Date)> = None;
    let mut entries: Vec<(Ranked, TimelineEntry)> = Vec::new();
    let mut seen: HashMap<(String, Vec<String>), usize> = HashMap::new();
    for (index, s) in sentences.iter().enumerate() {
        let first = input.entities.partition_point(|e| e.start < s.start);
        let last = input.entities.partition_point(|e| e.start < s.end);
        let mentions = &input.entities[first..last];
        let text = s.text(prose);
        let furniture =
            s.kind == SentenceKind::Heading || repeated[index] || furniture::is_furniture(text);
        let made = if furniture {
            Vec::new()
        } else {
            let past = story_time
                .filter(|&(i, _)| index - i <= STORY_TIME_SENTENCES)
                .map(|(_, d)| d);
            sentence_entries(input, index, &by_sentence[index], &discourse, past)
        };
        for (_, e) in made.iter().filter(|(_, e)| !e.reported) {
            if let value::Anchor::Fixed { start, .. } = value::parse(&e.date) {
                story_time = Some((index, start));
            }
        }
        let groups: Vec<&[usize]> = made.iter().map(|(_, e)| e.actors.as_slice()).collect();
        discourse.update(mentions, input.actors, &groups);
        for (pos, entry) in made {
            let r = if entry.reported {
                rank.get(&index).copied().unwrap_or(usize::MAX)
            } else {
                0
            };
            let key = (value::sort_key(&entry.date), entry.reported, r, index, pos);
            let words = content_words(&entry.text);
            let same = seen.get(&(entry.date.clone(), words.clone())).copied();
            match same {
                Some(i) => merge_actors(&mut entries[i].1.actors, &entry.actors),
                None => {
                    seen.insert((entry.date.clone(), words), entries.len());
                    entries.push((key, entry));
                }
            }
        }
    }
    if tells_history(&entries, input.published) {
        entries.retain(|(_, e)| !e.reported);
    }
    entries.sort_by(|(a, _), (b, _)| a.cmp(b));
    entries.into_iter().map(|(_, e)| e).collect()
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

/// The entries of one sentence (with the byte position that orders them): one per date
/// of an event, or else the news it reports.
fn sentence_entries(
    input: &Input,
    index: usize,
    timexes: &[&Timex],
    discourse: &Discourse,
    story_time: Option<Date>,
) -> Vec<(usize, TimelineEntry)> {
    let prose = input.prose;
    let s = &input.sentences[index];
    let groups = timex::verb_groups(prose, s.start, s.end);
    let verbs: Vec<(usize, usize)> = groups.iter().map(|g| (g.start, g.end)).collect();
    let parsed = clause::Parsed::new(prose, (s.start, s.end), verbs);
    let mut out = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for t in timexes {
        if !dates_an_event(prose, s, t)
            || is_dateline(prose, input.sentences, index, t)
            || is_idiom(prose, s, t)
            || !placeable(t)
            || done.contains(&t.value.as_str())
        {
            continue;
        }
        let sentence = Dated {
            index,
            parsed: &parsed,
            groups: &groups,
            timexes,
        };
        if let Some(entry) = dated_entry(input, &sentence, t, discourse) {
            done.push(&t.value);
            out.push((t.start, entry));
        }
    }
    let dated = timexes
        .iter()
        .any(|t| matches!(t.kind, TimexType::Date | TimexType::Time) && t.value != "PRESENT_REF");
    // an undated past event right after a date long before publication is told in the
    // story's past ("In 1910 Claude showed his lamps. He designed glass tubes."), not news
    let in_the_past = match (story_time, input.published) {
        (Some(t), Some(p)) => crate::analysis::timex::value::days_between(t, p) > HISTORY_DAYS,
        _ => false,
    };
    if out.is_empty() && !dated && !in_the_past {
        out.extend(reported_entry(input, index, &parsed, &groups, discourse));
    }
    out
}

/// A sentence being read for its dates: its index, parse, verb groups and time expressions.
struct Dated<'a> {
    index: usize,
    parsed: &'a clause::Parsed,
    groups: &'a [VerbGroup],
    timexes: &'a [&'a Timex],
}

/// The entry for the date `t` of a sentence: the clause that holds it, when that clause
/// tells an event of that date in words that show no other date.
fn dated_entry(
    input: &Input,
    sentence: &Dated,
    t: &Timex,
    discourse: &Discourse,
) -> Option<TimelineEntry> {
    let (prose, index) = (input.prose, sentence.index);
    let s = &input.sentences[index];
    let groups = sentence.groups;
    let mut c = sentence.parsed.around(prose, (t.start, t.end), true)?;
    c.text = explicit_text(sentence.parsed, prose, &c, discourse, input.actors)?;
    // a text holding another of the sentence's dates would contradict its label
    // ("overtake Medicaid in 2020 and the Pentagon budget in 2023" is no 2020 event)
    if shows_another_date(prose, s, &c.text, t, sentence.timexes) {
        return None;
    }
    let tense = date_tense(groups, c.verb, t.start);
    if negated(prose, groups, c.verb)
        || unfulfilled_plan(prose, groups, c.verb)
        || happened_after_publication(&t.value, tense, input.published)
        || tense_contradicts(
            &t.value,
            clause_tense(groups, c.verb, t.start),
            input.published,
        )
        || is_state_of_today(&prose[t.start..t.end], tense)
    {
        return None;
    }
    let mut actors = participants::actors(&c.zones, input.entities, discourse);
    if actors.is_empty() {
        let whole_clause = participants::Zones {
            ranges: vec![(c.start, c.end)],
            reference: None,
        };
        actors = participants::actors(&whole_clause, input.entities, discourse);
    }
    Some(TimelineEntry {
        date: t.value.clone(),
        when: t.label.clone(),
        sentence: index,
        text: c.text,
        actors,
        reported: false,
    })
}

/// The news a sentence without a date of its own reports, at the publication date.
fn reported_entry(
    input: &Input,
    index: usize,
    parsed: &clause::Parsed,
    groups: &[VerbGroup],
    discourse: &Discourse,
) -> Option<(usize, TimelineEntry)> {
    let published = input.published?;
    let prose = input.prose;
    let s = &input.sentences[index];
    if reported::is_quote_or_question(s.text(prose)) || reported::tells_the_past(s.text(prose)) {
        return None;
    }
    let (vs, ve) = parsed.main_verb(prose)?;
    let group = groups.iter().find(|g| g.start <= vs && ve <= g.end)?;
    // "the expected date": a past form after a determiner is an adjective
    let before = prose[s.start..vs]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let possessor = before.ends_with("'s") || before.ends_with("’s");
    if crate::language::words::is_determiner(&before.to_lowercase()) || possessor {
        return None;
    }
    // "TMZ has learned.": nothing is told; "The tweet reads, “...”": only a quote
    if !reported::has_content(&prose[group.end..s.end], group.tense) {
        return None;
    }
    let lower = prose[group.start..group.end].to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if !reported::tells_news(group, &words) {
        return None;
    }
    let c = parsed.around(prose, (vs, ve), false)?;
    let text = antecedent::resolve(&c.text, c.zones.reference, discourse, input.actors)?;
    let actors = participants::actors(&c.zones, input.entities, discourse);
    if actors.is_empty() {
        return None;
    }
    let date = published.to_string();
    let entry = TimelineEntry {
        when: format!("reported {}", value::day_label(published)),
        date,
        sentence: index,
        text,
        actors,
        reported: true,
    };
    Some((vs, entry))
}

/// The tense of a clause as a whole: `date_tense`, unless any of its verb groups up to
/// the date is in the past ("the neon signs was switched on" has a past in it).
fn clause_tense(groups: &[VerbGroup], verb: Option<usize>, date: usize) -> timex::Tense {
    let tense = date_tense(groups, verb, date);
    let from = verb.unwrap_or(date);
    let past = groups
        .iter()
        .any(|g| g.start >= from && g.start < date && g.tense == timex::Tense::Past);
    if past { timex::Tense::Past } else { tense }
}

/// The text of an explicit entry with its pronoun subject resolved; else the whole
/// sentence when it names what the pronoun means; else none.
fn explicit_text(
    parsed: &clause::Parsed,
    prose: &str,
    c: &clause::Clause,
    discourse: &Discourse,
    actors: &[Actor],
) -> Option<String> {
    if let Some(text) = antecedent::resolve(&c.text, c.zones.reference, discourse, actors) {
        return Some(text);
    }
    if c.whole {
        return None;
    }
    antecedent::resolve(&parsed.whole(prose)?, None, discourse, actors)
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

fn merge_actors(into: &mut Vec<usize>, more: &[usize]) {
    into.extend_from_slice(more);
    into.sort_unstable();
    into.dedup();
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
