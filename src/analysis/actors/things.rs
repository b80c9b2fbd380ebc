//! Things: the tagged entities and the text in, which entities name things (laws,
//! games, books, products, events) rather than actors out.
//!
//! The words that make a name a thing are `language::things`; this pass reads them for
//! each mention (its name, the word before and after it, whether it stands quoted as a
//! title) and decides per name, for the whole article, so every mention of "Minecraft"
//! goes once one says "the game Minecraft". A name the text makes act ("Tinder said")
//! stays an actor: a company is often named like its product. Countries and known
//! organisations are never things ("the China virus" does not make China one).
//! The caller retypes what is found as MISC, the CoNLL type of such names, which no
//! actor is made of.

use std::collections::HashSet;

use super::super::entities::{Entity, EntityType};
use super::lexicon::lexicon;
use super::text::is_capitalised;
use super::text::{Doc, clean_name, is_possessive};
use crate::language::names::{acronym_letters, initials, is_acronym, is_plural_acronym, key};
use crate::language::things::{
    extends_thing_name, is_model_code, is_thing_name, is_title, thing_noun_after,
    thing_noun_before, title_noun_before,
};
use crate::language::words::{TITLE_SMALL_WORDS, is_reporting_verb};
use crate::language::world::gazetteer;

/// Indices of the entities that name things.
pub(super) fn find(doc: &Doc, entities: &[Entity]) -> Vec<usize> {
    let mut things: HashSet<String> = HashSet::new();
    let mut acting: HashSet<String> = HashSet::new();
    // Names quoted as a title, and names also written unquoted ("“Yahoo”" once, Yahoo
    // everywhere else, is the company).
    let (mut quoted, mut unquoted): (HashSet<String>, HashSet<String>) = Default::default();
    let names: Vec<String> = entities
        .iter()
        .map(|e| clean_name(doc.slice(e.start, e.end)))
        .collect();
    let keys: Vec<String> = names.iter().map(|n| key(n)).collect();
    for ((e, k), name) in entities.iter().zip(&keys).zip(&names) {
        let g = gazetteer();
        if k.is_empty() || g.country(name).is_some() || g.organization(name).is_some() {
            continue;
        }
        let (before, after, after_next) = neighbours(doc, e);
        if after.is_some_and(is_reporting_verb)
            || (after.is_some_and(is_possessive) && after_next.is_some_and(is_reporting_verb))
        {
            acting.insert(k.clone());
        }
        let cued = before.is_some_and(thing_noun_before)
            || after.is_some_and(thing_noun_after)
            || after_model_code(doc, e);
        // "iPod Nano", "iPods": a known product's model or plural, unless its head makes
        // it an organisation or a place ("Brexit Party", "Christmas Island").
        let model = extends_thing_name(name) && lexicon().head_kind(name).is_none();
        // "Air Force One": the word after completes a thing's name the tagger cut.
        let completed =
            after.is_some_and(|a| is_capitalised(a) && is_thing_name(&format!("{name} {a}")));
        // "SUVs", "IRAs", "NGOs": a class of things or organisations, not one of them;
        // "CRE (carbapenem-resistant enterobacteriaceae)": a term, spelt in lower case.
        let class = is_plural_acronym(name) || spelt_in_lower_case(doc, e, name);
        // "#Hamilton": a hashtag is a topic, not an actor.
        let hashtag = doc.prose[..e.start].ends_with('#');
        if is_thing_name(name)
            || cued
            || model
            || completed
            || class
            || hashtag
            || in_title_run(doc, e)
        {
            things.insert(k.clone());
        }
        if quoted_title(doc, e) {
            quoted.insert(k.clone());
        } else {
            unquoted.insert(k.clone());
        }
    }
    things.extend(quoted.difference(&unquoted).cloned());
    // The plural of a thing named in the article is that thing ("Dreamliners" beside
    // "the 787 Dreamliner").
    let plurals: Vec<String> = keys
        .iter()
        .filter(|k| {
            k.strip_suffix('s')
                .is_some_and(|stem| things.contains(stem))
        })
        .cloned()
        .collect();
    things.extend(plurals);
    // A name spelt out before a thing's acronym is that thing, also when the tagger cut
    // its first word ("Named [Binary Tag] (NBT)", the NBT format).
    for (i, pair) in entities.windows(2).enumerate() {
        let between = doc.slice(pair[0].end, pair[1].start.max(pair[0].end));
        let letters = acronym_letters(&names[i + 1]);
        if between.trim() == "("
            && things.contains(&keys[i + 1])
            && is_acronym(&names[i + 1])
            && names[i].contains(' ')
            && letters.ends_with(&initials(&names[i]))
        {
            things.insert(keys[i].clone());
        }
    }
    coordinated_things(doc, entities, &names, &keys, &mut things);
    // The acronym of a thing is the thing ("ACA" for "Affordable Care Act").
    let acronyms: HashSet<String> = names
        .iter()
        .zip(&keys)
        .filter(|(n, k)| things.contains(*k) && n.contains(' '))
        .map(|(n, _)| initials(n))
        .collect();
    keys.iter()
        .zip(&names)
        .enumerate()
        .filter(|(_, (k, n))| {
            let acronym = is_acronym(n) && acronyms.contains(&acronym_letters(n));
            (things.contains(*k) || acronym) && !acting.contains(*k)
        })
        .map(|(i, _)| i)
        .collect()
}

/// A name joined by "and" or "or" to a thing's name is a thing of the same list ("the
/// packets are the 0x08: Block Placement Packet and 0x10: Creative Inventory Action"),
/// when it is a name of several words that nothing else types: no head word of an
/// organisation or a place, not a known organisation or country, not tagged a person
/// ("the Kessel Act and Kessel Water Board", "Medicaid and Ana Lee" stay apart). Codes
/// and "the" between the names do not count.
fn coordinated_things(
    doc: &Doc,
    entities: &[Entity],
    names: &[String],
    keys: &[String],
    things: &mut HashSet<String>,
) {
    for (i, pair) in entities.windows(2).enumerate() {
        let between = doc.slice(pair[0].end, pair[1].start.max(pair[0].end));
        let words: Vec<&str> = between
            .split_whitespace()
            .filter(|w| *w != "the" && !w.contains(|c: char| c.is_ascii_digit()))
            .collect();
        if !matches!(words.as_slice(), ["and"] | ["or"] | [","] | [",", "and"]) {
            continue;
        }
        for (from, to) in [(i, i + 1), (i + 1, i)] {
            let (name, e) = (&names[to], &entities[to]);
            let g = gazetteer();
            let plain = name.contains(' ')
                && e.kind != EntityType::Per
                && lexicon().head_kind(name).is_none()
                && g.organization(name).is_none()
                && g.country(name).is_none();
            if plain && things.contains(&keys[from]) {
                things.insert(keys[to].clone());
            }
        }
    }
}

/// Whether a model number stands right before the entity, on its line ("the 787
/// Dreamliner", "A350 XWB"): the name is the product's. Not a place ("the G20 Osaka
/// summit"), a name whose head makes it an organisation ("the 911 Commission"), nor a
/// person after a bare number (a score in a table: "Khan 113 / A. Stewart").
fn after_model_code(doc: &Doc, e: &Entity) -> bool {
    let Some(s) = doc.sentence_at(e.start) else {
        return false;
    };
    let tokens = &doc.tokens[s];
    let first = doc.token_from(s, e.start);
    let Some(code) = first.checked_sub(1).and_then(|i| tokens.get(i)) else {
        return false;
    };
    let previous = first
        .checked_sub(2)
        .and_then(|i| tokens.get(i))
        .map(|&t| doc.word(t));
    let word = doc.word(*code);
    let bare = word.chars().all(|c| c.is_ascii_digit());
    let name = doc.slice(e.start, e.end);
    e.kind != EntityType::Loc
        && !(bare && e.kind == EntityType::Per)
        && !doc.slice(code.end, e.start).contains('\n')
        && lexicon().head_kind(name).is_none()
        && is_model_code(word, previous)
}

/// The word before the entity, the word after it and the one after that, within its
/// sentence.
fn neighbours<'a>(
    doc: &Doc<'a>,
    e: &Entity,
) -> (Option<&'a str>, Option<&'a str>, Option<&'a str>) {
    let Some(s) = doc.sentence_at(e.start) else {
        return (None, None, None);
    };
    let tokens = &doc.tokens[s];
    let first = doc.token_from(s, e.start);
    let last = doc.token_after(s, e.end);
    let word = |i: usize| tokens.get(i).map(|&t| doc.word(t));
    let before = first.checked_sub(1).and_then(word);
    (before, word(last), word(last + 1))
}

/// Whether an acronym is spelt out in lower-case words in brackets right after it or
/// right before it ("CRE (carbapenem-resistant enterobacteriaceae)", "gross domestic
/// product (GDP)"): a name is spelt with capitals, so the acronym is a term.
fn spelt_in_lower_case(doc: &Doc, e: &Entity, name: &str) -> bool {
    if !is_acronym(name) {
        return false;
    }
    let letters = acronym_letters(name);
    let spells = |words: &str| {
        !words.is_empty()
            && words
                .chars()
                .all(|c| c.is_lowercase() || c == '-' || c == ' ')
            && initials(words) == letters
    };
    // A window of a few words each side, so the check stays linear in the article.
    let after = doc.slice(e.end, doc.prose.floor_char_boundary(e.end + 160));
    if let Some((inner, _)) = after
        .trim_start()
        .strip_prefix('(')
        .and_then(|a| a.split_once(')'))
        && spells(inner.trim())
    {
        return true;
    }
    let from = doc.prose.ceil_char_boundary(e.start.saturating_sub(160));
    let before = doc.slice(from, e.start).trim_end();
    let Some(head) = before.strip_suffix('(') else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().rev().take(letters.len()).collect();
    (1..=words.len()).any(|n| {
        let run: Vec<&str> = words[..n].iter().rev().copied().collect();
        spells(&run.join(" "))
    })
}

/// Whether a name stands inside a Title Case run of three or more capitalised words
/// that opens right after a thing noun with a capital ("the 1968 work My Name as Though
/// It Were Written on the Surface of the Moon"): the run is the title of a work. The
/// run may hold title small words, but not "by", which brings the author in.
fn in_title_run(doc: &Doc, e: &Entity) -> bool {
    let Some(s) = doc.sentence_at(e.start) else {
        return false;
    };
    let tokens = &doc.tokens[s];
    let (mut capitals, mut opens_capitalised) = (0, false);
    for i in (0..doc.token_from(s, e.start)).rev().take(16) {
        let word = doc.word(tokens[i]);
        if is_capitalised(word) {
            capitals += 1;
        } else if word == "by" || !TITLE_SMALL_WORDS.contains(&word) {
            return capitals >= 3 && opens_capitalised && title_noun_before(word);
        }
        opens_capitalised = is_capitalised(word);
    }
    false
}

/// How far around a name its quotation marks are looked for: a title may be cut
/// into several sentences ("A Paradise Built in Hell: | The Extraordinary ...").
const QUOTE_WINDOW: usize = 200;

/// Whether the entity stands inside quotation marks whose passage is a title ("Temple
/// Run,", "A Paradise Built in Hell: ...").
fn quoted_title(doc: &Doc, e: &Entity) -> bool {
    quoted_passage(doc, e).is_some_and(is_title)
}

/// Whether the entity is only a piece of a title: inside a Title Case run after a thing
/// noun ("the work My Name as Though It Were Written on the Surface of the Moon"), or
/// inside a quoted title with other words ("A Paradise Built in Hell": "Hell"). Such a
/// piece names no thing of its own.
pub(super) fn title_fragment(doc: &Doc, e: &Entity) -> bool {
    let name = doc.slice(e.start, e.end).trim();
    let quoted = quoted_passage(doc, e)
        .filter(|p| is_title(p))
        .is_some_and(|p| p.trim().trim_end_matches([',', '.']).trim() != name);
    quoted || in_title_run(doc, e)
}

/// The passage between the quotation marks the entity stands in, if any. Typographic
/// quotes are paired within [`QUOTE_WINDOW`]; straight ones by their parity within the
/// sentence.
fn quoted_passage<'a>(doc: &Doc<'a>, e: &Entity) -> Option<&'a str> {
    let prose = doc.prose;
    let mut from = e.start.saturating_sub(QUOTE_WINDOW);
    while !prose.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (e.end + QUOTE_WINDOW).min(prose.len());
    while !prose.is_char_boundary(to) {
        to -= 1;
    }
    let (Some(head), Some(tail)) = (prose.get(from..e.start), prose.get(e.end..to)) else {
        return None;
    };
    let sentence_start = doc
        .sentence_at(e.start)
        .map_or(e.start, |s| doc.sentences[s].start);
    let in_sentence = prose.get(sentence_start.max(from)..e.start).unwrap_or("");
    let open = match (head.rfind('\u{201c}'), head.rfind('\u{201d}')) {
        (Some(o), close) if close.is_none_or(|c| c < o) => Some(from + o + '\u{201c}'.len_utf8()),
        _ if in_sentence.matches('"').count() % 2 == 1 => in_sentence
            .rfind('"')
            .map(|o| e.start - in_sentence.len() + o + 1),
        _ => None,
    };
    let close = tail.find(['\u{201d}', '"']);
    prose.get(open?..e.end + close?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the entities found to be things in a marked sentence.
    fn things_of(marked: &str) -> Vec<String> {
        let (prose, entities) = super::super::tests::parse_marked(marked);
        let sentences = super::super::tests::one_sentence(&prose);
        let doc = Doc::new(&prose, &sentences);
        find(&doc, &entities)
            .into_iter()
            .map(|i| prose[entities[i].start..entities[i].end].to_string())
            .collect()
    }

    #[test]
    fn laws_games_works_and_events_are_things() {
        let cases: [(&str, &[&str]); 28] = [
            (
                "Her 1968 work My Name as Though It Were on the [ORG|Surface] of the [LOC|Moon] sold.",
                &["Surface", "Moon"],
            ),
            (
                "An outbreak of [ORG|CRE] (carbapenem-resistant enterobacteriaceae) and of gross domestic product ([ORG|GDP]) fell.",
                &["CRE", "GDP"],
            ),
            ("He spoke aboard [ORG|Air Force] One.", &["Air Force"]),
            (
                "It lit the [ORG|Lisk Century of Progress Exposition]; \u{201c}#[ORG|Kessel Opera] show halted\u{201d}, #[PER|Quint] trended.",
                &[
                    "Lisk Century of Progress Exposition",
                    "Kessel Opera",
                    "Quint",
                ],
            ),
            (
                "The [ORG|Kessel Wildlife Fund] (KWF) and [ORG|KWF] met.",
                &[],
            ),
            (
                "A flaw in the online game [LOC|Minecraft] lets [PER|Ann Lee] crash it.",
                &["Minecraft"],
            ),
            (
                "[ORG|Obamacare] was repealed by [ORG|Congress].",
                &["Obamacare"],
            ),
            (
                "Fans of the [LOC|World Cup] met in [LOC|Doha].",
                &["World Cup"],
            ),
            ("After [PER|Brexit], [LOC|Britain] left.", &["Brexit"]),
            (
                "Data is kept as Named [PER|Binary Tag] ([ORG|NBT]); the [ORG|NBT] format nests. [PER|Ann Lee] ([ORG|AL]) spoke.",
                &["Binary Tag", "NBT", "NBT"],
            ),
            (
                "It breaks the [ORG|First Amendment] and the [ORG|Federal Flag Code].",
                &["First Amendment", "Federal Flag Code"],
            ),
            (
                "Apps like \u{201c}[PER|Temple Run],\u{201d} sold well for [ORG|Apple].",
                &["Temple Run"],
            ),
            (
                "In her book \u{201c}A [ORG|Paradise Built] in [LOC|Hell]: The [ORG|Extraordinary Communities] that Arise\u{201d} she wrote.",
                &["Paradise Built", "Hell", "Extraordinary Communities"],
            ),
            (
                "Her [PER|Oscar] dress was stolen in [LOC|London].",
                &["Oscar"],
            ),
            (
                "[PER|Hurricane Sandy] hit [LOC|New York].",
                &["Hurricane Sandy"],
            ),
            (
                "It was the worst since the [LOC|Great Depression], said [PER|Ann Lee].",
                &["Great Depression"],
            ),
            (
                "The game [LOC|Minecraft] crashed; later [LOC|Minecraft] was patched.",
                &["Minecraft", "Minecraft"],
            ),
            ("The [ORG|Paris Motor Show] opened.", &["Paris Motor Show"]),
            (
                "The [ORG|Affordable Care Act] ([ORG|ACA]) passed; the [ORG|ACA] stays.",
                &["Affordable Care Act", "ACA", "ACA"],
            ),
            (
                "[ORG|Kessel] sold [ORG|iPod Nano] players, [PER|iPods] and [LOC|SUVs] on [LOC|Christmas Island].",
                &["iPod Nano", "iPods", "SUVs"],
            ),
            (
                "The packets are the 0x08: [ORG|Tarn Placement Packet] and 0x10: [ORG|Creative Stock Action].",
                &["Tarn Placement Packet", "Creative Stock Action"],
            ),
            // A model number makes the name after it a product's, and its plural too.
            (
                "[ORG|Tarnair] flew the 787 [ORG|Skyglider] and six new A350 [ORG|XWB] jets; [ORG|Skygliders] sold.",
                &["Skyglider", "XWB", "Skygliders"],
            ),
            (
                "[ORG|Kessel Air] bought 22 [ORG|Tarnair] 787 [ORG|Skygliders].",
                &["Skygliders"],
            ),
            // Apart: a small count, a year, a place, an organisation by its head.
            (
                "It sold 60 [ORG|Tarnair] jets with CF6-80C2 [ORG|GE] engines in 2009 [ORG|Kessel Air] said; the G20 [LOC|Lisk] summit and the 911 [ORG|Harbour Commission] met.",
                &[],
            ),
            ("After the 787 flights, [PER|Ada Quint] spoke.", &[]),
            (
                "Ann Lee c Moss b Quint 113\n[ORG|Tom Reyes] 2; Reyes b Moss 104 [PER|Ada Quint] 4.",
                &[],
            ),
            // Beside a thing in a list, an organisation by its head, a known one, a
            // person and a one-word name stay actors.
            (
                "The [ORG|Kessel Act] and the [ORG|Kessel Water Board], [ORG|Medicaid] and [PER|Ana Lee] met.",
                &["Kessel Act", "Medicaid"],
            ),
            (
                "The [ORG|Kessel Act] and [ORG|NATO], the [ORG|Lisk Treaty] or [ORG|Kessel] held.",
                &["Kessel Act", "Lisk Treaty"],
            ),
        ];
        for (marked, want) in cases {
            assert_eq!(things_of(marked), want, "{marked}");
        }
    }

    #[test]
    fn pieces_of_a_title_are_fragments_whole_names_are_not() {
        let cases = [
            (
                "Her 1968 work My Name as Though It Were on the [ORG|Surface] of the [LOC|Moon] sold.",
                vec![true, true],
            ),
            (
                "In her book \u{201c}A [ORG|Paradise Built] in [LOC|Hell]\u{201d} she wrote.",
                vec![true, true],
            ),
            (
                "Apps like \u{201c}[PER|Temple Run],\u{201d} sold; the game [LOC|Minecraft] did too.",
                vec![false, false],
            ),
        ];
        for (marked, want) in cases {
            let (prose, entities) = super::super::tests::parse_marked(marked);
            let sentences = super::super::tests::one_sentence(&prose);
            let doc = Doc::new(&prose, &sentences);
            let got: Vec<bool> = entities.iter().map(|e| title_fragment(&doc, e)).collect();
            assert_eq!(got, want, "{marked}");
        }
    }

    #[test]
    fn actors_named_like_things_stay_actors() {
        let cases = [
            // A company named like its product, where it acts.
            "The dating app [ORG|Tinder] grew; [ORG|Tinder] said it would hire.",
            "The app [ORG|Uber] grew, and [ORG|Uber] said no.",
            // Countries and known organisations, whatever the word after them.
            "The [LOC|China] virus spread.",
            "The [ORG|NATO] structure held.",
            // A name quoted once and written plainly elsewhere is no title.
            "A name without \u{201c}[ORG|Yahoo]\u{201d} in it; [ORG|Yahoo] sold.",
            // Quoted speech is no title.
            "\u{201c}We will not yield,\u{201d} [PER|Ann Lee] said of [LOC|Kestria].",
            // A department of war is an organisation; a person called Bill stays a person.
            "The [ORG|Department of War] met [PER|Bill Clinton].",
            "The [ORG|Sarn Basin Water Commission] met.",
            // A title run needs its thing noun and three capitalised words; an author
            // after "by", the work's maker, and an acronym spelt with capitals stay.
            "The film Arrival in [LOC|Lisk] opened.",
            "The book Dark Water Rising by [PER|Ada Quint] sold.",
            "Her work with [ORG|Kessel Aid] in [LOC|Lisk] and [LOC|Tarvelle] grew.",
            "The [ORG|Kessel Wildlife Fund] ([ORG|KWF]) met the [ORG|Air Force].",
            // An office named after a war or a code, a handle after "@", stay.
            "The [ORG|Ministry of War] and the [ORG|Office of the Tax Code] wrote to @[PER|Ada Quint].",
        ];
        for marked in cases {
            assert_eq!(things_of(marked), Vec::<String>::new(), "{marked}");
        }
    }
}
