//! Mentions: tagged entities in, the ones that can name an actor out, each with what it
//! refers to (a person, a country, a known organisation, a group, or a name to match),
//! its role and its courtesy title.
//!
//! This is where CoNLL tags become actor evidence. PER, ORG and LOC names are kept;
//! countries and known organisations get their canonical name from the gazetteer
//! whatever tag they carry. A MISC national adjective counts toward its country only
//! where the country acts: as a plural ("the Russians are interested") or before an
//! agent noun ("Russian officials said"), never inside a role ("Russian Foreign
//! Minister") or before an ordinary noun ("Russian aggression"). A regional adjective
//! before a group noun names a group ("European allies"). Everything else tagged MISC
//! (events, products, nationalities as adjectives) belongs to no actor.

use std::collections::{HashMap, HashSet};

use super::super::entities::{Entity, EntityType};
use super::ActorKind;
use super::lexicon::lexicon;
use super::roles::{Role, sentence_roles};
use super::text::{Doc, clean_name, is_word};
use crate::language::world::gazetteer;
use crate::language::{gazetteers, names, things, words};

/// What a mention refers to, as far as its own words tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reference {
    /// A person: merged with other person mentions by first name and surname.
    Person,
    /// A country, by canonical name.
    Country(String),
    /// A known organisation, by canonical name.
    KnownOrganization(String),
    /// A group, by canonical name ("the West", "European allies").
    Group(String),
    /// Any other organisation or place: merged by name.
    Named,
}

/// One entity mention that names an actor.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mention {
    /// Index into the entity list.
    pub entity: usize,
    pub start: usize,
    pub end: usize,
    pub sentence: Option<usize>,
    /// The name as written, cleaned ("Lavrov", "U.S.", "European allies").
    pub name: String,
    pub kind: ActorKind,
    pub reference: Reference,
    /// A courtesy title right before the name ("Mr").
    pub honorific: Option<&'static str>,
    /// For persons: the role the text gives them here.
    pub role: Option<Role>,
    /// Whether the mention sits inside another person's role ("US" in "US Secretary of State").
    pub in_role: bool,
    /// Whether the name is a national adjective or noun ("Russians"), not a name of the country.
    pub demonym: bool,
}

/// The mentions of `entities` that name actors, in document order.
pub(super) fn collect(doc: &Doc, entities: &[Entity]) -> Vec<Mention> {
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    let mut outside = Vec::new();
    let furniture = super::furniture::find(doc, entities);
    for (i, e) in entities.iter().enumerate() {
        if e.start >= e.end || doc.prose.get(e.start..e.end).is_none() || furniture.contains(&i) {
            continue;
        }
        match doc.sentence_at(e.start) {
            Some(s) => by_sentence[s].push(i),
            None => outside.push(i),
        }
    }
    // One-word place and organisation names, to read national adjectives of places the
    // gazetteer lacks ("Kestrian").
    let known: HashSet<String> = entities
        .iter()
        .filter(|e| matches!(e.kind, EntityType::Loc | EntityType::Org))
        .filter_map(|e| doc.prose.get(e.start..e.end))
        .map(clean_name)
        .filter(|n| !n.contains(' '))
        .collect();
    // Places whose national adjective the article uses ("Kestrian") are places, whatever their tag.
    let adjectival: HashSet<&str> = entities
        .iter()
        .filter_map(|e| local_demonym(&clean_name(doc.prose.get(e.start..e.end)?), e.kind, &known))
        .map(|(stem, _)| stem)
        .collect();
    let (mut roles, role_spans) = roles(doc, entities, &by_sentence);
    let mut out = Vec::new();
    let sentence_entities = by_sentence
        .iter()
        .enumerate()
        .flat_map(|(s, v)| v.iter().map(move |&i| (i, Some(s))));
    for (i, sentence) in sentence_entities.chain(outside.into_iter().map(|i| (i, None))) {
        let e = &entities[i];
        let spans = sentence.map_or(&[][..], |s| &role_spans[s][..]);
        let in_role = spans
            .iter()
            .any(|&(j, start, end)| j != i && start <= e.start && e.end <= end);
        let place = Place {
            role: roles.remove(&i),
            in_role,
            known: &known,
        };
        if let Some(mut m) = mention(doc, i, e, sentence, place) {
            if m.reference == Reference::Named && adjectival.contains(m.name.as_str()) {
                m.kind = ActorKind::Place;
            }
            out.push(m);
        }
    }
    out.sort_by_key(|m| (m.start, m.entity));
    out
}

/// A role's entity and byte range.
type RoleSpan = (usize, usize, usize);

/// The role of each person entity that has one, and the role spans of each sentence.
fn roles(
    doc: &Doc,
    entities: &[Entity],
    by_sentence: &[Vec<usize>],
) -> (HashMap<usize, Role>, Vec<Vec<RoleSpan>>) {
    let mut roles: HashMap<usize, Role> = HashMap::new();
    let mut spans: Vec<Vec<RoleSpan>> = vec![Vec::new(); doc.sentences.len()];
    for (s, in_sentence) in by_sentence.iter().enumerate() {
        for (e, role) in sentence_roles(doc, s, entities, in_sentence) {
            spans[s].push((e, role.start, role.end));
            roles.insert(e, role);
        }
    }
    (roles, spans)
}

/// Where a mention stands: its role, whether it is inside someone else's role, and the
/// one-word names of the article.
struct Place<'a> {
    role: Option<Role>,
    in_role: bool,
    known: &'a HashSet<String>,
}

fn mention(
    doc: &Doc,
    i: usize,
    e: &Entity,
    sentence: Option<usize>,
    place: Place,
) -> Option<Mention> {
    let Place {
        role,
        in_role,
        known,
    } = place;
    let raw = doc.slice(e.start, e.end);
    if raw.ends_with('$') {
        return None;
    }
    let mut name = clean_name(raw);
    if e.kind == EntityType::Per
        && let Some(s) = sentence
    {
        // "President Arlen" tagged as one name: the title is the role, not the name.
        let (first, last) = (doc.token_from(s, e.start), doc.token_after(s, e.end));
        let titled = super::roles::title_words(doc, s, first, last);
        if titled > 0 {
            name = clean_name(doc.slice(doc.tokens[s][first + titled].start, e.end));
        }
    }
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    if !names_something(doc, &name, e.end) || (in_role && is_portfolio(&name)) {
        return None;
    }
    let next = next_word(doc, sentence, e.end);
    let reading = match local_demonym(&name, e.kind, known) {
        Some((stem, plural)) if acts(next, plural, in_role) => Reading {
            demonym: true,
            ..Reading::new(ActorKind::Place, Reference::Named, stem.to_string())
        },
        Some(_) => return None,
        None => read(name, e.kind, next, in_role)?,
    };
    Some(Mention {
        entity: i,
        start: e.start,
        end: e.end,
        sentence,
        name: reading.name,
        kind: reading.kind,
        reference: reading.reference,
        honorific: honorific_before(doc, sentence, e.start, raw),
        role: role.filter(|_| reading.kind == ActorKind::Person),
        in_role,
        demonym: reading.demonym,
    })
}

/// Whether a tagged span can name an actor at all: not a currency sign ("C$", or the
/// country letters of "US $40"),
/// not a lone function word ("This") or role word ("Water"), not a bare title ("CEO",
/// "Foreign Minister"), not a common word in capitals ("OK", "Circa 2011").
fn names_something(doc: &Doc, name: &str, end: usize) -> bool {
    let lex = lexicon();
    let currency = doc.slice(end, (end + 1).min(doc.prose.len())) == "$";
    let words: Vec<&str> = name.split_whitespace().collect();
    let title = words.iter().all(|w| lex.is_head(w) || lex.is_modifier(w))
        && words.last().is_some_and(|w| lex.is_head(w));
    let known =
        gazetteer().organization(name).is_some() || lex.groups.contains_key(&names::key(name));
    let function_word =
        words.len() == 1 && (lex.is_function_word(name) || (is_portfolio(name) && !known));
    let common = words::is_common_word_in_capitals(name, doc.prose.get(end..).unwrap_or(""));
    !(currency || title || function_word || common || things::is_credential(name) || adverb(name))
}

/// A capitalised adverb opening a sentence ("Incredibly, ..."), tagged as a name: one
/// word in "-ly" that is no given name ("Kelly"), surname ("Reilly") or known place
/// ("Italy").
fn adverb(name: &str) -> bool {
    !name.contains(' ')
        && name.len() > 5
        && name.ends_with("ly")
        && !gazetteers::is_given_name(name)
        && !gazetteers::is_surname(name)
        && gazetteer().country(name).is_none()
        && !gazetteers::is_listed_place(name)
}

/// A name inside a role made only of role words is a portfolio, not an actor
/// ("Political Affairs" in "Under Secretary of State for Political Affairs").
pub(super) fn is_portfolio(name: &str) -> bool {
    let lex = lexicon();
    name.split_whitespace()
        .all(|w| lex.is_head(w) || lex.is_modifier(w))
}

/// What a mention's words say it refers to.
struct Reading {
    kind: ActorKind,
    reference: Reference,
    name: String,
    demonym: bool,
}

impl Reading {
    fn new(kind: ActorKind, reference: Reference, name: String) -> Self {
        Reading {
            kind,
            reference,
            name,
            demonym: false,
        }
    }
}

/// Reads a mention's cleaned name, given its tag, the word after it and whether it is
/// inside someone's role; `None` if it names no actor.
fn read(name: String, tag: EntityType, next: Option<&str>, in_role: bool) -> Option<Reading> {
    let g = gazetteer();
    if let Some(country) = g.country(&name) {
        let reference = Reference::Country(country.to_string());
        return Some(Reading::new(ActorKind::Place, reference, name));
    }
    if let Some(org) = g.organization(&name) {
        let reference = Reference::KnownOrganization(org.to_string());
        return Some(Reading::new(ActorKind::Organization, reference, name));
    }
    if let Some(group) = lexicon().groups.get(&names::key(&name)) {
        return Some(Reading::new(
            ActorKind::Group,
            Reference::Group(group.clone()),
            name,
        ));
    }
    // Head nouns that are also surnames ("Michael Bay") do not overrule a PER tag.
    const SURNAMES: [&str; 8] = [
        "park", "bank", "court", "church", "street", "lake", "bay", "hill",
    ];
    let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
    let surname = tag == EntityType::Per && SURNAMES.contains(&last.as_str());
    // A MISC name with an organisation's head is that organisation ("Norvane Energy");
    // things (laws, events) were retyped MISC before and have heads of their own.
    if !surname
        && let Some(kind) = lexicon().head_kind(&name)
        && (tag != EntityType::Misc || kind == ActorKind::Organization)
    {
        return Some(Reading::new(kind, Reference::Named, name));
    }
    Some(match tag {
        EntityType::Per => Reading::new(ActorKind::Person, Reference::Person, name),
        EntityType::Org => Reading::new(ActorKind::Organization, Reference::Named, name),
        EntityType::Loc => Reading::new(ActorKind::Place, Reference::Named, name),
        EntityType::Misc => return read_adjective(name, next, in_role),
    })
}

/// A MISC mention: a country where a national adjective acts ("Russian officials",
/// "the Russians"), a group for a regional adjective with a group noun ("European
/// allies"), else nothing.
fn read_adjective(name: String, next: Option<&str>, in_role: bool) -> Option<Reading> {
    let lex = lexicon();
    if let Some((country, plural)) = gazetteer().demonym(&name)
        && acts(next, plural, in_role)
    {
        let reference = Reference::Country(country.to_string());
        return Some(Reading {
            demonym: true,
            ..Reading::new(ActorKind::Place, reference, name)
        });
    }
    let noun = next.filter(|w| lex.group_nouns.contains(*w))?;
    if !lex.regions.contains(&name) {
        return None;
    }
    let group = format!("{name} {noun}");
    Some(Reading::new(
        ActorKind::Group,
        Reference::Group(group.clone()),
        group,
    ))
}

/// Whether a national adjective or noun stands for its country acting: a plural ("the
/// Russians") or before an agent noun ("Russian officials"), never inside a role.
fn acts(next: Option<&str>, plural: bool, in_role: bool) -> bool {
    let agent = next.is_some_and(|w| lexicon().agents.contains(&w.to_lowercase()));
    !in_role && (plural || agent)
}

/// A national adjective or noun of a place the article names but the gazetteer does not
/// know ("Kestrian", "Kestrians" for "Kestria"): the place and whether it is plural.
fn local_demonym<'a>(
    name: &str,
    tag: EntityType,
    known: &'a HashSet<String>,
) -> Option<(&'a str, bool)> {
    let candidate =
        tag != EntityType::Loc && !name.contains(' ') && gazetteer().demonym(name).is_none();
    if !candidate {
        return None;
    }
    let (word, plural) = name.strip_suffix('s').map_or((name, false), |w| (w, true));
    let stems = [
        word.strip_suffix('n').map(String::from),
        word.strip_suffix("an").map(String::from),
        word.strip_suffix("ian").map(|w| format!("{w}y")),
        word.strip_suffix("ese").map(String::from),
        word.strip_suffix('i').map(String::from),
    ];
    let stem = stems
        .into_iter()
        .flatten()
        .find(|s| s.chars().count() > 2 && known.contains(s))?;
    known.get(&stem).map(|s| (s.as_str(), plural))
}

/// The word right after byte `end` in the sentence.
fn next_word<'a>(doc: &Doc<'a>, sentence: Option<usize>, end: usize) -> Option<&'a str> {
    let s = sentence?;
    let word = doc.word(*doc.tokens[s].get(doc.token_from(s, end))?);
    is_word(word).then_some(word)
}

/// "Mr" or "Mr." right before the name, or at the start of the mention itself.
fn honorific_before(
    doc: &Doc,
    sentence: Option<usize>,
    start: usize,
    raw: &str,
) -> Option<&'static str> {
    let first = raw
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    if let Some(h) = names::courtesy_title(first) {
        return Some(h);
    }
    let s = sentence?;
    let tokens = &doc.tokens[s];
    let mut i = doc.token_from(s, start);
    if i > 0 && doc.word(tokens[i - 1]) == "." {
        i -= 1;
    }
    let word = doc.word(*tokens.get(i.checked_sub(1)?)?);
    names::courtesy_title(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions_of(marked: &str) -> Vec<(String, Option<Reference>)> {
        let (prose, entities) = super::super::tests::parse_marked(marked);
        let sentences = super::super::tests::one_sentence(&prose);
        let doc = Doc::new(&prose, &sentences);
        let found = collect(&doc, &entities);
        entities
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let m = found.iter().find(|m| m.entity == i);
                (
                    prose[e.start..e.end].to_string(),
                    m.map(|m| m.reference.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn national_adjectives_count_only_where_the_country_acts() {
        let russia = || Some(Reference::Country("Russia".into()));
        let cases = [
            ("[MISC|Russian] officials said no.", russia()),
            (
                "We heard that the [MISC|Russians] are interested.",
                russia(),
            ),
            (
                "They met [MISC|Russian] Foreign Minister [PER|Sergey Lavrov].",
                None,
            ),
            ("They condemned [MISC|Russian] aggression.", None),
            ("A [MISC|Russian] diplomat spoke.", russia()),
            (
                "[LOC|Kestria] met. [MISC|Kestrian] officials left.",
                Some(Reference::Named),
            ),
            (
                "[LOC|Kestria] met. [PER|Kestrians] left.",
                Some(Reference::Named),
            ),
            ("[LOC|Kestria] met. [MISC|Kestrian] dams hold.", None),
        ];
        for (marked, want) in cases {
            let got = mentions_of(marked);
            let adjective = got
                .iter()
                .find(|(text, _)| text.ends_with("ian") || text.ends_with("ians"));
            assert_eq!(adjective.map(|(_, r)| r.clone()), Some(want), "{marked}");
        }
    }

    #[test]
    fn references_by_tag_and_gazetteer() {
        let cases = [
            (
                "[LOC|U.S.] troops",
                Some(Reference::Country("United States".into())),
            ),
            (
                "[ORG|US] said",
                Some(Reference::Country("United States".into())),
            ),
            (
                "[ORG|Nato] said",
                Some(Reference::KnownOrganization("NATO".into())),
            ),
            ("[LOC|West] said", Some(Reference::Group("the West".into()))),
            (
                "talks with [MISC|European] allies",
                Some(Reference::Group("European allies".into())),
            ),
            ("[MISC|European] security", None),
            ("[MISC|Olympics] open", None),
            ("[PER|Lavrov] said", Some(Reference::Person)),
            ("[ORG|Harbour Authority] said", Some(Reference::Named)),
            ("[LOC|Kyiv] said", Some(Reference::Named)),
            ("the [PER|Tarsk Dam] holds", Some(Reference::Named)),
            ("[PER|Jenna Park] said", Some(Reference::Person)),
            ("a [MISC|US]$40 deal", None),
            ("[ORG|This] is new", None),
            ("the [ORG|CEO] said", None),
            ("the [ORG|Foreign Minister] said", None),
            ("the [ORG|Air Force] said", Some(Reference::Named)),
            ("[ORG|Water] flows", None),
            ("[ORG|Labour] won", Some(Reference::Group("Labour".into()))),
            ("[PER|Incredibly], some agree", None),
            ("[PER|Reilly], who agreed", Some(Reference::Person)),
            ("[LOC|Sicily] voted", Some(Reference::Named)),
            ("said Ann Lee, [PER|PhD], of Yale", None),
            ("said Ann Lee, [ORG|M.D.], of Yale", None),
        ];
        for (marked, want) in cases {
            assert_eq!(mentions_of(marked)[0].1, want, "{marked}");
        }
    }

    #[test]
    fn adjectives_of_places_the_gazetteer_lacks_name_the_place() {
        let cases = [
            (
                "[LOC|Kestria] met. [MISC|Kestrian] officials left.",
                Some("Kestria"),
            ),
            (
                "[ORG|Kestria] met. [ORG|Kestrian] officials left.",
                Some("Kestria"),
            ),
            ("[LOC|Kestria] met. [PER|Kestrians] left.", Some("Kestria")),
            ("[LOC|Kestria] met. [MISC|Kestrian] dams hold.", None),
            (
                "[LOC|Italy] met. [MISC|Italian] officials left.",
                Some("Italy"),
            ),
        ];
        for (marked, want) in cases {
            let (prose, entities) = super::super::tests::parse_marked(marked);
            let sentences = super::super::tests::one_sentence(&prose);
            let doc = Doc::new(&prose, &sentences);
            let found = collect(&doc, &entities);
            let adjective = found.iter().find(|m| m.entity == 1);
            let got = adjective.map(|m| match &m.reference {
                Reference::Country(c) => c.as_str(),
                _ => m.name.as_str(),
            });
            assert_eq!(got, want, "{marked}");
            assert!(adjective.is_none_or(|m| m.demonym), "{marked}");
        }
    }

    #[test]
    fn portfolios_inside_roles_are_no_actors() {
        let cases = [
            (
                "[LOC|US] Secretary for [ORG|Political Affairs] [PER|Ann Lee] spoke.",
                None,
            ),
            (
                "The [ORG|Harbour Authority] spokesperson [PER|Ann Lee] spoke.",
                Some(Reference::Named),
            ),
            (
                "The [ORG|Political Affairs] office closed.",
                Some(Reference::Named),
            ),
        ];
        for (marked, want) in cases {
            let got = mentions_of(marked);
            let org = got
                .iter()
                .find(|(text, _)| text.contains("Affairs") || text.contains("Harbour"));
            assert_eq!(org.map(|(_, r)| r.clone()), Some(want), "{marked}");
        }
    }

    #[test]
    fn courtesy_titles_are_found_but_not_kept_in_names() {
        let cases = [
            ("Mr [PER|Lavrov] said", Some("Mr")),
            ("Ms. [PER|Quint] said", Some("Ms")),
            ("[PER|Lavrov] said", None),
        ];
        for (marked, want) in cases {
            let (prose, entities) = super::super::tests::parse_marked(marked);
            let sentences = super::super::tests::one_sentence(&prose);
            let doc = Doc::new(&prose, &sentences);
            let found = collect(&doc, &entities);
            assert_eq!(found[0].honorific, want, "{marked}");
            assert!(!found[0].name.starts_with('M'), "{marked}");
        }
    }
}
