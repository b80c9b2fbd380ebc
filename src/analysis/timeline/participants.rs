//! Participants: an event clause's kept words and the article's entity mentions in,
//! the actors taking part in the event out.
//!
//! Without a parser, a clause's arguments are read from how deep a word sits below its
//! verb: the subject (everything before the verb), the object and the first
//! prepositional phrase after the verb ("handed the reply *to Grushko*", "held a call
//! *with France, Italy and Germany*") take part; a name two prepositions down is what
//! the event is about or where it happened ("the significance of collaboration
//! *against Russian aggression in the zone along the Ukraine-Russia boundary*"), and
//! the topic of a sentence is not a participant. A subject that only refers back to
//! actors ("the officials", "the company", "they", "she") is resolved against the
//! [`Discourse`]: the actors the article named last. Named things (products, indices:
//! actors of kind thing) take part like any actor, and "the index", "it" may stand for
//! the thing named last.

use super::segment::Words;
use crate::analysis::ActorKind;
use crate::analysis::actors::Actor;
use crate::analysis::entities::{Entity, EntityType};
use crate::analysis::timex::scan::Kind;
use crate::language::words::{self, Referent};

/// Where the names of an event's participants are: byte ranges of the clause's kept
/// words at argument depth, and the kind of actor its subject refers back to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Zones {
    pub ranges: Vec<(usize, usize)>,
    /// What the subject refers back to, and whether it is a pronoun ("it" may be an
    /// organisation or a thing; "the plane" is a thing).
    pub reference: Option<(Referent, bool)>,
    /// Byte ranges of names that only qualify another word: a place there takes no
    /// part; with the byte end of the name before "of" when a person's must end there.
    pub qualifiers: Vec<(usize, usize, Option<usize>)>,
}

/// The argument zones of the kept tokens `keep` of a clause (in order).
pub fn zones(w: &Words, keep: &[usize], is_verb: impl Fn(usize) -> bool) -> Zones {
    let verb = keep.iter().position(|&k| is_verb(k));
    // a fronted phrase ("In the possibility of an invasion into Kyiv, the diplomats
    // agreed") is no argument: the subject starts after its comma
    let fronted = keep
        .first()
        .is_some_and(|&k| w.is(k, words::is_preposition));
    let subject_from = match (fronted, verb) {
        (true, Some(v)) => keep[..v]
            .iter()
            .rposition(|&k| w.text(k) == ",")
            .map_or(0, |c| c + 1),
        _ => 0,
    };
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut level = 0usize;
    let mut prev: Option<usize> = None;
    // an apposition to the subject ("EADS, the parent company of Airbus,") names no
    // participant below a preposition
    let mut apposition = false;
    for (p, &k) in keep.iter().enumerate() {
        let after_verb = verb.is_some_and(|v| p > v);
        if p < subject_from {
            prev = None;
            continue;
        }
        if !after_verb && p > subject_from && w.text(k) == "," {
            apposition = true;
        }
        if is_verb(k) || infinitive(w, k) {
            level = 0;
            apposition = false;
        } else if (after_verb || apposition) && w.is(k, words::is_preposition) {
            level += 1 + usize::from(apposition);
        }
        if level <= 1 {
            let t = &w.tokens[k];
            match ranges.last_mut() {
                Some(last) if prev.is_some_and(|q| q + 1 == k) => last.1 = t.end,
                _ => ranges.push((t.start, t.end)),
            }
            prev = Some(k);
        } else {
            prev = None;
        }
    }
    let subject = &keep[subject_from.min(verb.unwrap_or(0))..verb.unwrap_or(0)];
    Zones {
        ranges,
        reference: reference(w, subject),
        qualifiers: qualifiers(w, keep, is_verb),
    }
}

/// The names among the kept tokens that only qualify another word: after "of" right
/// after a name ("Senator Ana Varela of Lisk": her state) or, after the verb, between
/// "the" and a common noun ("opposed the Lisk peace talks": which talks, not where
/// the opposing was). A noun for people or an organisation after the name keeps it
/// ("met the Lisk delegates"), and so does the subject ("drivers on the Lisk line
/// stopped work" stopped it there).
fn qualifiers(
    w: &Words,
    keep: &[usize],
    is_verb: impl Fn(usize) -> bool,
) -> Vec<(usize, usize, Option<usize>)> {
    let n = w.tokens.len();
    let capital = |k: usize| k < n && w.is_word(k) && w.text(k).starts_with(char::is_uppercase);
    let verb = keep.iter().position(|&k| is_verb(k)).unwrap_or(keep.len());
    let mut out = Vec::new();
    for (p, &k) in keep.iter().enumerate() {
        let after_name = w.is_any(k, &["of"]) && p > 0 && keep[p - 1] + 1 == k && capital(k - 1);
        if !(after_name || p > verb && w.is_any(k, &["the"])) {
            continue;
        }
        let mut e = k + 1;
        while capital(e) {
            e += 1;
        }
        if e == k + 1 {
            continue;
        }
        let noun = e < n
            && w.is_word(e)
            && w.text(e).starts_with(char::is_lowercase)
            && !is_verb(e)
            && !w.is(e, words::is_preposition)
            && !w.is(e, words::is_auxiliary)
            && !w.is_any(e, words::COORDINATORS)
            && !w.is_any(e, words::RELATIVE_PRONOUNS)
            && !w.is_any(e, &["that", "s"])
            && !matches!(
                words::referent(&w.text(e).to_lowercase()),
                Some(Referent::People | Referent::Person | Referent::Organization)
            );
        let (a, b) = (w.tokens[k + 1].start, w.tokens[e - 1].end);
        if after_name {
            out.push((a, b, Some(w.tokens[k - 1].end)));
        } else if noun {
            out.push((a, b, None));
        }
    }
    out
}

/// "to" opening an infinitive ("to review the reply"): a new verb, back to the top.
fn infinitive(w: &Words, k: usize) -> bool {
    w.is_any(k, &["to"])
        && w.tokens.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
        && w.text(k + 1).starts_with(char::is_lowercase)
        && !w.is(k + 1, words::is_determiner)
        && !w.is(k + 1, words::is_preposition)
        && !w.text(k + 1).ends_with('s')
}

/// What a subject refers back to: a lone pronoun ("they") or a determiner and a
/// referring noun ("the officials", "the two sides", "these companies"), without a
/// capitalised name of its own; and whether it is a pronoun.
fn reference(w: &Words, subject: &[usize]) -> Option<(Referent, bool)> {
    // "he quickly shepherded": an adverb before the verb is no part of the subject
    let adverb = |k: usize| w.text(k).ends_with("ly") && w.text(k).starts_with(char::is_lowercase);
    let words: Vec<usize> = subject
        .iter()
        .copied()
        .filter(|&k| (w.is_word(k) || w.tokens[k].kind == Kind::Number) && !adverb(k))
        .collect();
    let (&first, &last) = (words.first()?, words.last()?);
    if words.len() == 1 {
        // "we" and "I" are the writer's own: no actor of the story
        return ["he", "she", "they", "it"]
            .iter()
            .find(|p| w.is_any(first, &[p]))
            .and_then(|p| words::referent(p))
            .map(|r| (r, true));
    }
    let opens = w.is_any(first, &["the", "these", "those", "both", "all"]);
    let named = words[1..]
        .iter()
        .any(|&k| w.text(k).starts_with(char::is_uppercase));
    if !opens || named || words.len() > 4 {
        return None;
    }
    words::referent(&w.text(last).to_lowercase()).map(|r| (r, false))
}

/// The actors the article named last, for resolving "the officials", "it", "she".
#[derive(Debug, Clone, Default)]
pub struct Discourse {
    person: Option<usize>,
    organization: Option<usize>,
    /// The last organisation or named thing (what "it" stands for).
    singular: Option<usize>,
    thing: Option<usize>,
    /// The participants of the last event with several of them.
    group: Vec<usize>,
    /// The people, organisations and places of the last sentence.
    last_sentence: Vec<usize>,
    /// The people named in the last sentence that named anyone.
    people: Vec<usize>,
}

impl Discourse {
    /// The actors a reference stands for ("it": the organisation or thing named last;
    /// "the plane": the thing named last).
    pub fn resolve(&self, referent: Referent, pronoun: bool) -> Vec<usize> {
        let one = |a: Option<usize>| a.into_iter().collect();
        match referent {
            Referent::Person => one(self.person),
            Referent::Organization => one(self.organization),
            Referent::Thing if pronoun => one(self.singular),
            Referent::Thing => one(self.thing),
            Referent::People if !self.group.is_empty() => self.group.clone(),
            Referent::People => self.last_sentence.clone(),
        }
    }

    /// The one person "he" or "she" can mean: the only person the last sentence that
    /// named people named, once (two people there make the pronoun ambiguous, and so
    /// do two mentions of one: "Parata and his son, Te Kaurinui Parata" may be two
    /// people the actors took for one).
    pub fn single_person(&self) -> Option<usize> {
        match self.people.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Remembers the mentions of one sentence (in order) and the participants of its events.
    pub fn update(&mut self, mentions: &[Entity], actors: &[Actor], events: &[&[usize]]) {
        let mut seen = Vec::new();
        let mut people = Vec::new();
        for e in mentions {
            let Some(id) = e.actor else { continue };
            let kind = actors.get(id).map(|a| a.kind);
            match (e.kind, kind) {
                (_, Some(ActorKind::Person)) => {
                    self.person = Some(id);
                    people.push(id);
                }
                (_, Some(ActorKind::Thing)) => {
                    self.thing = Some(id);
                    self.singular = Some(id);
                }
                (_, Some(ActorKind::Organization)) => {
                    self.organization = Some(id);
                    self.singular = Some(id);
                }
                _ => {}
            }
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
        if !seen.is_empty() {
            self.last_sentence = seen;
        }
        if !people.is_empty() {
            self.people = people;
        }
        if let Some(group) = events
            .iter()
            .filter(|g| g.len() >= 2)
            .max_by_key(|g| g.len())
        {
            self.group = group.to_vec();
        }
    }
}

/// The actors taking part: those named inside the zones (entities in document order),
/// and those the subject refers back to; ascending, without repeats.
pub fn actors(zones: &Zones, entities: &[Entity], discourse: &Discourse) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &(start, end) in &zones.ranges {
        let first = entities.partition_point(|e| e.start < start);
        // "Senator Ana Varela of Lisk", not "the Republic of Kestria"
        let person_ends = |at: usize| {
            let before = entities.partition_point(|p| p.start < at);
            entities[..before]
                .iter()
                .rev()
                .take(4)
                .any(|p| p.end == at && p.kind == EntityType::Per)
        };
        let qualifier = |e: &Entity| {
            e.kind == EntityType::Loc
                && zones
                    .qualifiers
                    .iter()
                    .any(|&(a, b, name)| a <= e.start && e.end <= b && name.is_none_or(person_ends))
        };
        out.extend(
            entities[first..]
                .iter()
                .take_while(|e| e.start < end)
                .filter(|e| e.end <= end && !qualifier(e))
                .filter_map(|e| e.actor),
        );
    }
    if let Some((r, pronoun)) = zones.reference {
        out.extend(discourse.resolve(r, pronoun));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Adds the actors `more` to `into`, ascending, without repeats.
pub fn merge(into: &mut Vec<usize>, more: &[usize]) {
    into.extend_from_slice(more);
    into.sort_unstable();
    into.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::timex::scan::tokenize_numbers;

    /// The zones of `text`, every word kept, with `verbs` as the verbs.
    fn zones_of(text: &str, verbs: &[&str]) -> Zones {
        let mut tokens = Vec::new();
        tokenize_numbers(text, 0, text.len(), &mut tokens);
        let w = Words {
            prose: text,
            tokens: &tokens,
        };
        let keep: Vec<usize> = (0..tokens.len()).collect();
        zones(&w, &keep, |k| verbs.contains(&w.text(k)))
    }

    /// The words of `text` inside the zones, with `verbs` as the verbs.
    fn zoned(text: &str, verbs: &[&str]) -> (Vec<String>, Option<Referent>) {
        let z = zones_of(text, verbs);
        let words = z
            .ranges
            .iter()
            .map(|&(s, e)| text[s..e].to_string())
            .collect();
        (words, z.reference.map(|(r, _)| r))
    }

    #[test]
    fn names_deep_below_the_verb_are_the_topic() {
        let cases: [(&str, &[&str], &[&str]); 5] = [
            (
                "The officials discussed the need for unity against Kestrian pressure along the border",
                &["discussed"],
                &["The officials discussed the need for unity"],
            ),
            (
                "Varela held a call with Lisk, Tanaho and Orvel to review the offer of Kestria",
                &["held"],
                &["Varela held a call with Lisk, Tanaho and Orvel to review the offer of Kestria"],
            ),
            (
                "Marrin handed to Deputy Minister Holm the reply to the demands on water",
                &["handed"],
                &["Marrin handed to Deputy Minister Holm the reply"],
            ),
            (
                "Kestria, the owner of Lisk Dam, signed the deal with Orvel",
                &["signed"],
                &["Kestria, the owner", "signed the deal with Orvel"],
            ),
            (
                "The prototype was unveiled at a ceremony in Lisk",
                &["was"],
                &["The prototype was unveiled at a ceremony"],
            ),
        ];
        for (text, verbs, want) in cases {
            assert_eq!(zoned(text, verbs).0, want, "{text}");
        }
    }

    #[test]
    fn subjects_that_refer_back() {
        let cases = [
            ("The officials met", Some(Referent::People)),
            ("The two sides met", Some(Referent::People)),
            ("They met", Some(Referent::People)),
            ("She met", Some(Referent::Person)),
            ("The company said", Some(Referent::Organization)),
            ("The Kestrian officials met", None),
            ("The river rose", None),
            ("Varela met", None),
        ];
        for (text, want) in cases {
            assert_eq!(zoned(text, &["met", "said", "rose"]).1, want, "{text}");
        }
    }

    #[test]
    fn references_resolve_to_the_actors_named_last() {
        let at = |start, kind, actor| Entity {
            start,
            end: start + 1,
            kind,
            actor: Some(actor),
        };
        let actor = |id, kind| Actor::plain(id, "", kind);
        let actors = [
            actor(0, ActorKind::Person),
            actor(1, ActorKind::Place),
            actor(2, ActorKind::Place),
            actor(3, ActorKind::Organization),
        ];
        let mut d = Discourse::default();
        d.update(
            &[
                at(0, EntityType::Per, 0),
                at(5, EntityType::Loc, 1),
                at(9, EntityType::Org, 3),
            ],
            &actors,
            &[&[0, 1, 2]],
        );
        assert_eq!(d.resolve(Referent::People, false), [0, 1, 2]);
        assert_eq!(d.resolve(Referent::Person, true), [0]);
        assert_eq!(d.resolve(Referent::Organization, false), [3]);
        assert_eq!(d.resolve(Referent::Thing, true), [3]);
        assert_eq!(d.resolve(Referent::Thing, false), Vec::<usize>::new());
        let z = Zones {
            ranges: vec![(4, 7)],
            reference: Some((Referent::People, false)),
            ..Default::default()
        };
        let entities = [at(5, EntityType::Loc, 2), at(20, EntityType::Loc, 1)];
        assert_eq!(actors_of(&z, &entities, &d), [0, 1, 2]);
    }

    #[test]
    fn things_take_part_and_are_what_the_index_refers_to() {
        let at = |start, kind, actor| Entity {
            start,
            end: start + 1,
            kind,
            actor: Some(actor),
        };
        let actors = [
            Actor::plain(0, "Kestria", ActorKind::Place),
            Actor::plain(1, "Lisk Composite Index", ActorKind::Thing),
            Actor::plain(2, "Kessel Bank", ActorKind::Organization),
        ];
        // "Kestrian officials said the Lisk Composite Index fell": the national
        // adjective (MISC, its country) is no thing; the index is.
        let mut d = Discourse::default();
        d.update(
            &[at(0, EntityType::Misc, 0), at(20, EntityType::Misc, 1)],
            &actors,
            &[],
        );
        assert_eq!(d.resolve(Referent::Thing, false), [1]);
        assert_eq!(d.resolve(Referent::Thing, true), [1]);
        // A national adjective alone leaves "the index" unresolved.
        let mut d = Discourse::default();
        d.update(&[at(0, EntityType::Misc, 0)], &actors, &[]);
        assert_eq!(d.resolve(Referent::Thing, false), Vec::<usize>::new());
        // A thing named in the subject or object zone takes part like any actor.
        let z = Zones {
            ranges: vec![(0, 30)],
            ..Default::default()
        };
        let named = [at(2, EntityType::Org, 2), at(20, EntityType::Misc, 1)];
        assert_eq!(actors_of(&z, &named, &Discourse::default()), [1, 2]);
    }

    #[test]
    fn a_place_that_qualifies_a_name_or_a_noun_takes_no_part() {
        // (text, the place, the person before it if any, whether the place takes part)
        let cases = [
            (
                "Senator Ana Varela of Lisk called the debt a danger",
                "Lisk",
                Some("Ana Varela"),
                false,
            ),
            ("Holm opposed the Lisk peace talks", "Lisk", None, false),
            // a name, a group acting or a country that acts: the place takes part
            (
                "The Republic of Kestria signed the deal",
                "Kestria",
                None,
                true,
            ),
            ("The Lisk government signed the deal", "Lisk", None, true),
            ("Holm met the Lisk delegates", "Lisk", None, true),
            ("Holm flew to Lisk on Monday", "Lisk", None, true),
            ("Drivers on the Lisk line stopped work", "Lisk", None, true),
        ];
        let verbs = ["called", "opposed", "signed", "met", "flew", "stopped"];
        for (text, place, person, want) in cases {
            let z = zones_of(text, &verbs);
            let at = |name: &str, kind, actor| {
                let start = text.find(name).unwrap_or(0);
                Entity {
                    start,
                    end: start + name.len(),
                    kind,
                    actor: Some(actor),
                }
            };
            let mut entities = vec![at(place, EntityType::Loc, 0)];
            if let Some(p) = person {
                entities.insert(0, at(p, EntityType::Per, 1));
            }
            let got = actors(&z, &entities, &Discourse::default());
            assert_eq!(got.contains(&0), want, "{text}: {got:?}");
        }
    }

    #[test]
    fn an_adverb_before_the_verb_leaves_a_pronoun_subject() {
        assert_eq!(
            zoned(
                "By 2017, as leader, he quickly steered the bill",
                &["steered"]
            )
            .1,
            Some(Referent::Person)
        );
    }

    fn actors_of(z: &Zones, e: &[Entity], d: &Discourse) -> Vec<usize> {
        actors(z, e, d)
    }
}
