//! Thing actors: the article's entities (people, organisations, places and groups
//! already resolved) and the names found to be things in, one actor of kind
//! [`ActorKind::Thing`] per named thing out, appended after the story's actors.
//!
//! A thing is a name `things` found (a law, a game, a product, an event, whatever its
//! tag) or a name the tagger typed MISC that names no actor and is no word of a people,
//! a faith, a holiday or a region (`language::things::misc_names_a_thing`); a piece of
//! a title ("Hell" in "A Paradise Built in Hell") is none. Things get
//! actor ids so that a timeline can name the product or index taking part and the
//! contract can link its mentions; they are not key people and organisations, so they
//! rank after every actor of the story: a thing's salience is below the least salient
//! actor's, ordered among things by mentions, with a thing named in the title first.
//! The briefing, not the ranking, shows a thing the story is about.
//!
//! Mentions of one thing merge by the identity rule (`language::identity`, kind thing:
//! "the iPod" is the iPod, "iPods" the plural of a known product), and within the
//! article a plural joins the singular it names ("Dreamliners" and "Dreamliner"). A
//! model stays apart from its product line ("iPod Nano" is not "iPod").

use std::collections::{HashMap, HashSet};

use super::super::entities::{Entity, EntityType};
use super::text::{Doc, clean_name};
use super::things::title_fragment;
use super::{Actor, ActorKind};
use crate::language::identity::{display_key, identity_key};
use crate::language::names::key;
use crate::language::things::{misc_names_a_thing, names_no_thing};
use crate::language::words::is_stop_word;

/// How far below the least salient actor of the story the most salient thing ranks.
const BELOW_ACTORS: f64 = 0.9;

/// One thing of the article while it is gathered.
struct Gathered {
    key: String,
    members: Vec<usize>,
    forms: Vec<String>,
    in_title: bool,
}

/// Appends an actor for each thing of the article to `actors` (ids after theirs) and
/// points the things' entities at it. `things` are the entities `things::find` found,
/// `furniture` the headline and section names, which name nothing in the story.
pub(super) fn append(
    doc: &Doc,
    title: &str,
    entities: &mut [Entity],
    things: &HashSet<usize>,
    furniture: &HashSet<usize>,
    actors: &mut Vec<Actor>,
) {
    // The names of the story's actors, and the first words of their names: a name
    // typed MISC that is one of these is an actor's, used as an adjective ("Quorra
    // account", "Dunmere said" beside "Dunmere Energy"), not a thing.
    // A person's surname counts too: "the two Varelas" are people named Varela.
    let actor_names: HashSet<String> = actors
        .iter()
        .flat_map(|a| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .map(move |n| (a, n))
        })
        .flat_map(|(a, n)| {
            let k = key(n);
            let first = k.split(' ').next().unwrap_or("").to_string();
            let last = match a.kind {
                ActorKind::Person => k.rsplit(' ').next().unwrap_or("").to_string(),
                _ => String::new(),
            };
            [k, first, last]
        })
        .filter(|k| !k.is_empty())
        .collect();
    let names_an_actor = |name: &str| {
        let k = key(name);
        let singular = k.strip_suffix('s').unwrap_or(&k);
        actor_names.contains(&k) || actor_names.contains(singular)
    };
    let candidates: Vec<(usize, String)> = entities
        .iter()
        .enumerate()
        .filter(|(i, e)| e.actor.is_none() && !furniture.contains(i))
        .filter_map(|(i, e)| {
            let raw = doc.prose.get(e.start..e.end)?;
            // A piece of a title names no thing, unless the title is the name cut.
            let (name, piece) = match whole_title(doc.prose, e.start, e.end) {
                Some(title) => (title, false),
                None => (clean_name(raw), title_fragment(doc, e)),
            };
            let hashtag = doc.prose[..e.start].ends_with('#');
            if raw.contains('$') || names_no_thing(&name) || hashtag || piece {
                return None;
            }
            let misc = e.kind == EntityType::Misc
                && misc_names_a_thing(&name)
                && !names_an_actor(&name)
                && !common_word_opening_sentence(doc, e, &name);
            (things.contains(&i) || misc).then_some((i, name))
        })
        .collect();
    let gathered = gather(&candidates, title);
    let floor = actors
        .iter()
        .map(|a| a.salience)
        .reduce(f64::min)
        .map_or(1.0, |s| s * BELOW_ACTORS);
    let score = |g: &Gathered| g.members.len() as f64 + if g.in_title { 2.0 } else { 0.0 };
    let mut order: Vec<usize> = (0..gathered.len()).collect();
    // Stable: among equal scores, the thing named first.
    order.sort_by(|&a, &b| score(&gathered[b]).total_cmp(&score(&gathered[a])));
    let top = order.first().map_or(1.0, |&g| score(&gathered[g]));
    for g in order {
        let thing = &gathered[g];
        let id = actors.len();
        for &m in &thing.members {
            entities[m].actor = Some(id);
        }
        let name = thing.forms[0].clone();
        let aliases = thing.forms[1..].to_vec();
        actors.push(Actor {
            id,
            name,
            kind: ActorKind::Thing,
            role: None,
            aliases,
            mentions: thing.members.len(),
            salience: floor * score(thing) / top,
            quotes: Vec::new(),
            source: false,
        });
    }
}

/// Whether `name` is one word that opens its sentence and that the article also writes
/// in lower case ("Water released at the dam takes four days" beside "more water"): a
/// common noun capitalised by its place, not a name.
fn common_word_opening_sentence(doc: &Doc, e: &Entity, name: &str) -> bool {
    if name.contains(' ') {
        return false;
    }
    let start = doc
        .sentence_at(e.start)
        .map_or(e.start, |s| doc.sentences[s].start);
    let before = doc.prose.get(start..e.start).unwrap_or("x");
    if before.chars().any(char::is_alphanumeric) {
        return false;
    }
    let lower = name.to_lowercase();
    doc.tokens.iter().flatten().any(|&t| doc.word(t) == lower)
}

/// How far around a name its title's quotation marks are looked for.
const TITLE_WINDOW: usize = 80;

/// The whole quoted title a thing's name was cut from (`“Super Mario Run,”` tagged
/// "Mario Run" is "Super Mario Run"): the name with the capitalised words between it
/// and the quotation marks around it, on one line; `None` when nothing was cut or the
/// quotation holds other words: a function word or a contraction opens speech, not a
/// title ("“We love Mario Run,” she said", "“I’m Batman,” he said").
fn whole_title(prose: &str, start: usize, end: usize) -> Option<String> {
    let from = prose.ceil_char_boundary(start.saturating_sub(TITLE_WINDOW));
    let to = prose.floor_char_boundary((end + TITLE_WINDOW).min(prose.len()));
    let (head, tail) = (prose.get(from..start)?, prose.get(end..to)?);
    let open = head.rfind(['"', '\u{201c}'])?;
    let before = &head[open..].trim_start_matches(['"', '\u{201c}']);
    let after = &tail[..tail.find(['"', '\u{201d}'])?];
    let after = after.trim_end_matches([',', '.']);
    let words = |t: &str| {
        !t.contains(['\n', '\u{201d}', '.', '!', '?'])
            && t.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase)
                    && !w.contains(['\'', '\u{2019}'])
                    && !is_stop_word(&w.to_lowercase())
            })
    };
    let cut = !before.trim().is_empty() || !after.trim().is_empty();
    let joined = (before.is_empty() || before.ends_with(' '))
        && (after.is_empty() || after.starts_with(' '));
    let title = format!("{before}{}{after}", &prose[start..end]);
    let short = title.split_whitespace().count() <= 8;
    (cut && joined && short && words(before) && words(after)).then(|| clean_name(title.trim()))
}

/// The things of the candidates `(entity, name)`, in order of first mention: each with
/// its entities and its forms (the name first: the first form written singular).
fn gather(candidates: &[(usize, String)], title: &str) -> Vec<Gathered> {
    let keys: Vec<String> = candidates
        .iter()
        .map(|(_, n)| identity_key(n, ActorKind::Thing))
        .collect();
    let all: HashSet<&str> = keys.iter().map(String::as_str).collect();
    let mut out: Vec<Gathered> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let title_key = format!(" {} ", key(title));
    for ((i, name), k) in candidates.iter().zip(&keys) {
        // A plural of a thing the article also names in the singular.
        let k = match k.strip_suffix('s') {
            Some(stem) if stem.len() > 1 && all.contains(stem) => stem.to_string(),
            _ => k.clone(),
        };
        let g = *at.entry(k.clone()).or_insert_with(|| {
            out.push(Gathered {
                key: k.clone(),
                members: Vec::new(),
                forms: Vec::new(),
                in_title: false,
            });
            out.len() - 1
        });
        let thing = &mut out[g];
        thing.members.push(*i);
        thing.in_title |= title_key.contains(&format!(" {} ", key(name)));
        let shown = display_key(name, ActorKind::Thing);
        if !thing
            .forms
            .iter()
            .any(|f| display_key(f, ActorKind::Thing) == shown)
        {
            thing.forms.push(name.clone());
        }
    }
    for thing in &mut out {
        // The name is the first form written as the thing's own key ("iPod", not
        // "iPods" or "the iPod"), else the first form.
        if let Some(p) = thing
            .forms
            .iter()
            .position(|f| key(f) == thing.key)
            .filter(|&p| p > 0)
        {
            let form = thing.forms.remove(p);
            thing.forms.insert(0, form);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The things of a marked article: (name, aliases, mentions), in rank order, and the
    /// actor of each entity (by its text).
    /// A thing as the tests read it: name, aliases, mentions.
    type Listed = (String, Vec<String>, usize);

    fn things_of(marked: &str, title: &str) -> (Vec<Listed>, Vec<String>) {
        let (prose, mut entities) = super::super::tests::parse_marked(marked);
        let sentences = super::super::tests::one_sentence(&prose);
        let doc = Doc::new(&prose, &sentences);
        let things: HashSet<usize> = super::super::things::find(&doc, &entities)
            .into_iter()
            .collect();
        let mut actors = vec![Actor::plain(0, "Kessel", ActorKind::Organization)];
        actors[0].salience = 0.5;
        entities[0].actor = Some(0);
        append(
            &doc,
            title,
            &mut entities,
            &things,
            &HashSet::new(),
            &mut actors,
        );
        for a in &actors[1..] {
            assert!(a.salience < 0.5 && a.salience > 0.0, "{a:?}");
            assert_eq!(a.kind, ActorKind::Thing);
        }
        let linked = entities
            .iter()
            .map(|e| match e.actor {
                Some(id) => format!("{} -> {}", &prose[e.start..e.end], actors[id].name),
                None => format!("{} -> none", &prose[e.start..e.end]),
            })
            .collect();
        let list = actors[1..]
            .iter()
            .map(|a| (a.name.clone(), a.aliases.clone(), a.mentions))
            .collect();
        (list, linked)
    }

    #[test]
    fn variants_of_one_thing_merge_and_models_stay_apart() {
        let (things, linked) = things_of(
            "[ORG|Kessel] sold [MISC|iPods]; the [MISC|iPod] and the [MISC|iPod Nano] sold, \
             and [MISC|Dreamliners] joined the [MISC|Dreamliner] fleet.",
            "",
        );
        assert_eq!(
            things,
            vec![
                ("iPod".into(), vec!["iPods".into()], 2),
                ("Dreamliner".into(), vec!["Dreamliners".into()], 2),
                ("iPod Nano".into(), vec![], 1),
            ]
        );
        assert_eq!(linked[1], "iPods -> iPod");
        assert_eq!(linked[3], "iPod Nano -> iPod Nano");
    }

    /// The names of the things of a one-sentence article whose actors are `actors`
    /// (each entity with an actor's name is that actor's).
    fn things_beside(marked: &str, actors: &[(&str, ActorKind)]) -> Vec<String> {
        let (prose, mut entities) = super::super::tests::parse_marked(marked);
        let sentences = super::super::tests::one_sentence(&prose);
        let doc = Doc::new(&prose, &sentences);
        let mut list: Vec<Actor> = actors
            .iter()
            .enumerate()
            .map(|(i, (name, kind))| Actor::plain(i, name, *kind))
            .collect();
        for e in entities.iter_mut() {
            e.actor = list.iter().position(|a| a.name == prose[e.start..e.end]);
        }
        let things = HashSet::new();
        append(&doc, "", &mut entities, &things, &HashSet::new(), &mut list);
        list[actors.len()..]
            .iter()
            .map(|a| a.name.clone())
            .collect()
    }

    #[test]
    fn surnames_in_the_plural_and_common_words_opening_a_sentence_are_no_things() {
        let people = [
            ("Ana Varela", ActorKind::Person),
            ("Luis Varela", ActorKind::Person),
        ];
        let cases: [(&str, &[&str]); 6] = [
            // two people who share a surname
            (
                "[PER|Ana Varela] and [PER|Luis Varela] agree; the two [MISC|Varelas] are not related.",
                &[],
            ),
            // the plural of no actor's name stays a thing
            (
                "[PER|Ana Varela] flew on two [MISC|Dreamliners] and a [MISC|Dreamliner].",
                &["Dreamliner"],
            ),
            // a common noun capitalised because it opens the sentence
            (
                "[MISC|Water] released at the dam takes days, and more water follows [PER|Ana Varela].",
                &[],
            ),
            // opening the sentence, but never written in lower case: a name
            (
                "[MISC|Thumper] sold well, [PER|Ana Varela] said of the game.",
                &["Thumper"],
            ),
            // written in lower case too, but not opening the sentence: left to the tagger
            (
                "[PER|Ana Varela] praised [MISC|Water] (the film), and water was cheap.",
                &["Water"],
            ),
            // two words are a name even at the start
            (
                "[MISC|Water Act] reforms passed, [PER|Ana Varela] said of the water rules.",
                &["Water Act"],
            ),
        ];
        for (marked, want) in cases {
            assert_eq!(things_beside(marked, &people), want, "{marked}");
        }
    }

    #[test]
    fn peoples_holidays_and_currencies_get_no_thing() {
        let (things, linked) = things_of(
            "[ORG|Kessel] and [MISC|Russian] buyers paid [MISC|US$]5 at [MISC|Christmas] \
             for the [MISC|Kessel Composite Index] and [MISC|SUVs], said the [MISC|Muslims].",
            "",
        );
        assert_eq!(things, vec![("Kessel Composite Index".into(), vec![], 1)]);
        assert_eq!(linked[1], "Russian -> none");
        assert_eq!(linked[5], "SUVs -> none");
    }

    #[test]
    fn a_title_the_tagger_cut_is_named_whole() {
        let cases = [
            (
                "Fans of \u{201c}Super Lumo Run,\u{201d} wait.",
                "Lumo Run",
                Some("Super Lumo Run"),
            ),
            ("A \"Super Lumo\" game.", "Lumo", Some("Super Lumo")),
            // Nothing cut; speech, not a title; a name outside quotation marks.
            ("Fans of \u{201c}Lumo Run\u{201d} wait.", "Lumo Run", None),
            (
                "\u{201c}We love Lumo Run,\u{201d} she said.",
                "Lumo Run",
                None,
            ),
            ("\u{201c}I\u{2019}m Lumo,\u{201d} he said.", "Lumo", None),
            ("\u{201c}It Lumo Run\u{201d} sold.", "Lumo Run", None),
            ("\u{201c}Yes.\u{201d} Then Lumo Run sold.", "Lumo Run", None),
            (
                "\u{201c}Yes.\u{201d} Then Lumo Run sold, \u{201c}no\u{201d}.",
                "Lumo Run",
                None,
            ),
            ("Super Lumo Run sold.", "Lumo Run", None),
        ];
        for (text, name, want) in cases {
            let start = text.find(name).unwrap();
            let got = whole_title(text, start, start + name.len());
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_cut_title_is_a_thing_and_a_piece_of_a_title_is_none() {
        let (things, _) = things_of(
            "[ORG|Kessel] made \u{201c}Super [MISC|Lumo Run],\u{201d} and the book \u{201c}A [MISC|Paradise Built] in [MISC|Hell]\u{201d}.",
            "",
        );
        assert_eq!(things, vec![("Super Lumo Run".into(), vec![], 1)]);
    }

    #[test]
    fn a_thing_in_the_title_ranks_first_among_things() {
        let (things, _) = things_of(
            "[ORG|Kessel] cut [MISC|Lumo Pad] and [MISC|Lumo Pad] prices; the [MISC|Orra Watch] sold.",
            "Kessel unveils the Orra Watch",
        );
        let names: Vec<&str> = things.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(names, ["Orra Watch", "Lumo Pad"]);
    }
}
