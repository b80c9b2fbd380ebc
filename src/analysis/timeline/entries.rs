//! The entries of one sentence: a sentence of the timeline's input (with its time
//! expressions and the actors named so far) in, its events out.
//!
//! A sentence gives one explicit entry per date of an event: the clause the date
//! belongs to ([`clause`](super::clause)), kept when it tells an event of that date
//! (not negated, not a plan that fell through, not a state of today, not a past event
//! dated after publication) in words that show no other date. A sentence without a
//! date of its own that tells news gives a reported entry at the publication date
//! ([`reported`](super::reported)). An outlet the actors stage found only cited
//! ("told CBS") is no participant of any entry. Kept apart from the article-level assembly in
//! `mod.rs` (story time, ordering, one event once), which only calls
//! [`sentence_entries`].

use jiff::civil::Date;

use super::checks::{
    self, date_tense, dates_an_event, dates_the_object, happened_after_publication,
    identifies_before_relative, is_dateline, is_idiom, is_state_of_today, negated, news_of_the_day,
    placeable, possibility, present_state_before_but, shows_another_date, tense_contradicts,
    unfulfilled_plan,
};
use super::participants::{self, Discourse};
use super::{HISTORY_DAYS, Input, TimelineEntry, anchor, antecedent, clause, reported, trim};
use crate::analysis::actors::Actor;
use crate::analysis::timex::{self, Timex, TimexType, VerbGroup, value};

/// The entries of one sentence (with the byte position that orders them): one per date
/// of an event, or else the news it reports.
pub(super) fn sentence_entries(
    input: &Input,
    index: usize,
    timexes: &[&Timex],
    discourse: &Discourse,
    setting: Setting,
) -> Vec<(usize, TimelineEntry)> {
    let story_time = setting.story;
    let prose = input.prose;
    let s = &input.sentences[index];
    let groups = timex::verb_groups(prose, s.start, s.end);
    let verbs: Vec<(usize, usize)> = groups.iter().map(|g| (g.start, g.end)).collect();
    let parsed = clause::Parsed::new(prose, (s.start, s.end), verbs);
    let mut out = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for &t in timexes {
        let anchored = anchor::century_at(prose, t, setting.named);
        let t = anchored.as_ref().unwrap_or(t);
        if !dates_an_event(prose, s, t)
            || is_dateline(prose, input.sentences, index, t)
            || is_idiom(prose, s, t)
            || !placeable(t)
            || done.contains(&t.value)
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
            done.push(t.value.clone());
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
        let sentence = Dated {
            index,
            parsed: &parsed,
            groups: &groups,
            timexes,
        };
        // "Earlier this year a stranding left the tribe scrambling. Parata was called
        // in to assist": a simple past a few sentences after a date weeks before
        // publication goes on with that story, not with the news of the day
        let story_past = setting.earlier
            || setting.narrated
                && matches!((story_time, input.published),
                (Some(t), Some(p)) if value::days_between(t, p) > STORY_PAST_DAYS);
        out.extend(reported_entry(
            input,
            &sentence,
            discourse,
            setting.lede,
            story_past,
        ));
    }
    // an outlet the article only cites ("Nuland told CBS") heard of the event: the
    // actors stage decided it is a source, not a participant
    for (_, e) in &mut out {
        e.actors
            .retain(|&a| !input.actors.get(a).is_some_and(|a| a.source));
    }
    out
}

/// How long before publication the story's last date must be for a simple past after
/// it to go on with that story rather than tell the day's news.
const STORY_PAST_DAYS: i64 = 30;

/// Where in the article a sentence is: the times it is at, and whether it is the lede.
#[derive(Debug, Clone, Copy)]
pub(super) struct Setting {
    /// The date of the last event dated a few sentences back.
    pub story: Option<Date>,
    /// That date is where the narrative is (not a past perfect's "had warned in
    /// December", which tells what came before).
    pub narrated: bool,
    /// The last date that named its year in digits.
    pub named: Option<Date>,
    /// The article's first sentence of running text: it tells the news.
    pub lede: bool,
    /// A sentence shortly before said that what follows happened before ("This isn't
    /// the first time ..."): what is told without a date is an earlier instance.
    pub earlier: bool,
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
    // ("overtake Medicaid in 2020 and the Pentagon budget in 2023" is no 2020 event,
    // "overtake Medicaid" is)
    if shows_another_date(prose, s, (&c.text, c.whole), t, sentence.timexes) {
        c.text = trim::before_gapped_conjunct(prose, &c.text, t, sentence.timexes)
            .filter(|cut| !shows_another_date(prose, s, (cut, false), t, sentence.timexes))?;
        // who is named in the conjunct cut off takes no part in this event
        c.end = c.end.min(t.end);
        c.zones.ranges.retain_mut(|r| {
            r.1 = r.1.min(t.end);
            r.0 < r.1
        });
    }
    let tense = date_tense(groups, c.verb, t.start);
    let from = if c.whole { s.start } else { c.start };
    if negated(prose, groups, c.verb)
        || (c.whole && main_clause_of_today(input, sentence, t))
        || identifies_before_relative(prose, groups, from, t.start)
        || present_state_before_but(prose, groups, from, t.start)
        || possibility(prose, groups, c.verb)
        || dates_the_object(prose, t, c.verb)
        || unfulfilled_plan(prose, groups, c.verb)
        || happened_after_publication(&t.value, tense, input.published)
        || tense_contradicts(
            &t.value,
            clause_tense(groups, c.verb, t.start),
            input.published,
        )
        || (is_state_of_today(&prose[t.start..t.end], tense)
            && !news_of_the_day(prose, groups, c.verb))
    {
        return None;
    }
    let mut actors = participants::actors(&c.zones, input.entities, discourse);
    if actors.is_empty() {
        let whole_clause = participants::Zones {
            ranges: vec![(c.start, c.end)],
            qualifiers: c.zones.qualifiers.clone(),
            ..Default::default()
        };
        actors = participants::actors(&whole_clause, input.entities, discourse);
    }
    Some(TimelineEntry {
        date: t.value.clone(),
        when: t.label.clone(),
        sentence: index,
        text: trim::without_connective(&c.text),
        actors,
        reported: false,
    })
}

/// Whether a whole sentence shown for the date `t` states, in its main clause, what is
/// true today, not that date's event: "there is little warmth for Mira, who started
/// in the early 1990s" (glued to the clause of the date). A saying in the present
/// ("Holm says the mill closed in 1990") still tells what was said.
fn main_clause_of_today(input: &Input, sentence: &Dated, t: &Timex) -> bool {
    let Some((v, _)) = sentence.parsed.main_verb(input.prose) else {
        return false;
    };
    let group = sentence.groups.iter().find(|g| g.start <= v && v < g.end);
    // the present perfect ("has raised rates, starting in 2015") reaches back to the date
    let perfect = group.is_some_and(|g| {
        let first = input.prose[g.start..g.end].split_whitespace().next();
        matches!(
            first.map(str::to_lowercase).as_deref(),
            Some("has" | "have")
        )
    });
    let present =
        group.is_some_and(|g| g.tense == timex::Tense::Present && !g.reporting) && !perfect;
    present && tense_contradicts(&t.value, timex::Tense::Present, input.published)
}

/// The news a sentence without a date of its own reports, at the publication date.
fn reported_entry(
    input: &Input,
    sentence: &Dated,
    discourse: &Discourse,
    lede: bool,
    story_past: bool,
) -> Option<(usize, TimelineEntry)> {
    let (index, parsed, groups) = (sentence.index, sentence.parsed, sentence.groups);
    let published = input.published?;
    let prose = input.prose;
    let s = &input.sentences[index];
    if reported::is_quote_or_question(s.text(prose)) || reported::tells_the_past(s.text(prose)) {
        return None;
    }
    let (vs, ve) = parsed.main_verb(prose)?;
    let group = groups.iter().find(|g| g.start <= vs && ve <= g.end)?;
    // "ready to tell the truth": a saying in the infinitive reports nothing
    if group.reporting
        && prose[s.start..group.start]
            .trim_end()
            .to_lowercase()
            .ends_with(" to")
    {
        return None;
    }
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
    let perfect = matches!(words.first(), Some(&("has" | "have")));
    // a saying is made to the reporter, at the time of writing
    if story_past && !perfect && !lede && !group.reporting {
        return None;
    }
    if !reported::tells_news(group, &words) {
        // "A veteran is fighting back after ...": the lede tells what is happening
        if lede && reported::is_progressive(&words) {
            let mut entry = whole_entry(input, sentence, discourse, (group.start, s.end))?;
            if let Some(named) = named_next(input, index) {
                participants::merge(&mut entry.1.actors, &[named]);
            }
            return Some(entry);
        }
        let last = groups.last()?;
        let said =
            reported::closes_with_attribution(&prose[s.start..s.end], last.start - s.start, last);
        // who was told ("a source told Reuters") only heard it: no participant
        return said.then(|| whole_entry(input, sentence, discourse, (last.start, last.end)))?;
    }
    // "said she had no idea", "says strandings are getting more attention": a saying
    // whose content tells no news is no event
    let complement = groups.iter().find(|g| g.start >= group.end);
    let present = group.tense == crate::analysis::timex::Tense::Present;
    let quote = prose[group.end..s.end]
        .trim_start_matches([',', ':', ' '])
        .starts_with(['"', '“']);
    if group.reporting
        && !quote
        && complement.is_some_and(|g| reported::only_a_state(g, prose, present))
    {
        return None;
    }
    // "Varela has called for a new dam, but the council has not taken up the idea":
    // what stands is that nothing happened, no news
    let denied = groups.iter().any(|g| {
        g.start > group.end
            && prose[group.end..g.start].contains(", but ")
            && checks::negated(prose, groups, Some(g.start))
    });
    if denied {
        return None;
    }
    let c = parsed.around(prose, (vs, ve), false)?;
    let text = antecedent::resolve(&c.text, c.zones.reference, discourse, input.actors)?;
    let actors = participants::actors(&c.zones, input.entities, discourse);
    reported_at(published, index, text, actors).map(|e| (vs, e))
}

/// A reported entry of a whole sentence, ordered at byte `at`, its participants named
/// before byte `until`: a saying at the end that is the news of a state ("Ana Varela
/// and her deputy are under house arrest, a source said": what was said belongs to the
/// saying), or the lede's present progressive.
fn whole_entry(
    input: &Input,
    sentence: &Dated,
    discourse: &Discourse,
    (at, until): (usize, usize),
) -> Option<(usize, TimelineEntry)> {
    let s = &input.sentences[sentence.index];
    let whole = sentence.parsed.whole(input.prose)?;
    let text = antecedent::resolve(&whole, None, discourse, input.actors)?;
    let zones = participants::Zones {
        ranges: vec![(s.start, until)],
        ..Default::default()
    };
    let actors = participants::actors(&zones, input.entities, discourse);
    reported_at(input.published?, sentence.index, text, actors).map(|e| (at, e))
}

/// "A photographer and Navy veteran is fighting back ...": the person a lede's
/// indefinite subject stands for, named in the two sentences after it.
fn named_next(input: &Input, index: usize) -> Option<usize> {
    let s = &input.sentences[index];
    let text = s.text(input.prose);
    if !(text.starts_with("A ") || text.starts_with("An ")) {
        return None;
    }
    let last = (index + 2).min(input.sentences.len() - 1);
    let until = input.sentences[last].end;
    let from = input.entities.partition_point(|e| e.start < s.end);
    input.entities[from..]
        .iter()
        .take_while(|e| e.start < until)
        .filter_map(|e| e.actor)
        .find(|&a| {
            input
                .actors
                .get(a)
                .is_some_and(|a| a.kind == crate::analysis::ActorKind::Person)
        })
}

/// A reported entry at the publication date; none without actors.
fn reported_at(
    published: Date,
    sentence: usize,
    text: String,
    actors: Vec<usize>,
) -> Option<TimelineEntry> {
    // "Democrats have adjusted their position, too": as who else? It leans on what
    // the timeline does not show
    let leans = text.trim_end_matches(['.', ' ']).ends_with(", too");
    (!actors.is_empty() && !leans).then(|| TimelineEntry {
        when: format!("reported {}", value::day_label(published)),
        date: published.to_string(),
        sentence,
        text: trim::without_connective(&text),
        actors,
        reported: true,
    })
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
