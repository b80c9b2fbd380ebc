//! Boundary repairs: a sentence's words and the tagger's labels in, corrected labels out.
//!
//! The tagger learned CoNLL-2003, whose news has few long role titles, so on modern
//! news it sometimes runs a title into a name ("[Political Affairs Victoria Nuland]ORG",
//! "[White House National Security Adviser]ORG", "[Alexander Grushko Washington]PER"
//! from "... Alexander Grushko Washington's reply"). Actor pages are built from these
//! spans, so three narrow rules fix the boundaries using the gazetteers:
//!
//! 1. an organisation or place span never ends in words of a role title ("Senate
//!    [Majority] Leader"): they are cut off;
//! 2. a non-person span whose last two or three words start with a known first name
//!    ends with a person: the span is split there, and the part before is dropped if
//!    it holds only title words or completes a title ("Under Secretary of State for
//!    Political Affairs" | "Victoria Nuland");
//! 3. a person span of three or more words ending in a country or place name is split
//!    before it ("Alexander Grushko" | "Washington");
//! 4. a one-word MISC span that is a listed organisation and is not followed by a model
//!    designation is the organisation (CoNLL's "Airbus A340" is MISC, so the tagger
//!    learned "Airbus" as MISC; "Airbus said" is the company);
//! 5. a one-word organisation span that is a country name followed by a role title is
//!    the country ("the [US]LOC Deputy Secretary of State");
//! 6. a name is never cut inside: an organisation span ending in an organisation word
//!    runs on through "for", "of" or "on" (and "a", "the") over the capitalised words
//!    after it ("Committee for a Responsible Federal Budget"); one holding "of" runs on
//!    over "and" and capitalised words no list knows ("Department of Design and
//!    Construction", not "Department of Justice and Microsoft"); a given name with "'s"
//!    before an organisation word is one name with it ("Sam's Club");
//! 7. a brand written in camel case ("iTunes", "eBay": a lower-case letter, then a
//!    capital) is the head of the name after it: the span takes it in ("iTunes Music
//!    Store", not "Music Store"), and a person span so begun is a thing's name (MISC),
//!    since no person's name starts with such a word;
//! 8. names joined by "or" are two names ("[New York Times] or [Globe]"), and a listed
//!    organisation of several words the tagger cut ("Globe" | "and" | "Mail") is one
//!    organisation span.
//!
//! Each rule only fires on evidence from the lists, never on the model's confidence, so
//! they change few CoNLL spans (the effect is measured in the module docs of `entities`).

use super::EntityType;
use super::gazetteer::{Gazetteer, List, Membership};
use super::hash;
use super::labels;

fn has(m: Membership, list: List) -> bool {
    m & (3 << (2 * list as u32)) != 0
}

/// The word continues (does not start) a match of `list`.
fn continues(m: Membership, list: List) -> bool {
    m & (2 << (2 * list as u32)) != 0
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Rewrites `labels` (one sentence) in place.
pub(crate) fn repair(words: &[&str], labels: &mut [u8], gaz: &Gazetteer) {
    if words.len() != labels.len() {
        return;
    }
    let folded: Vec<u64> = words.iter().map(|w| hash::word(w)).collect();
    let caps: Vec<bool> = words
        .iter()
        .map(|w| !w.chars().any(char::is_lowercase))
        .collect();
    let mut lists = Vec::with_capacity(words.len());
    gaz.tag(&folded, &caps, &mut lists);
    glue_cut_names(words, &lists, labels);
    take_in_camel_brand(words, labels);
    split_at_or(words, labels);
    join_listed_organisations(words, (&folded, &caps), gaz, labels);
    for (first, end, kind) in labels::spans(labels) {
        let span = first..end;
        match kind {
            EntityType::Per => split_trailing_place(words, &lists, span, labels),
            EntityType::Org if end == first + 1 => country_before_title(&lists, first, labels),
            EntityType::Org | EntityType::Loc => {
                let end = cut_trailing_title(words, &lists, first, end, labels);
                split_person_at_end(words, &lists, first, end, kind, labels);
            }
            EntityType::Misc if end == first + 1 => {
                company_not_product(words, &lists, first, labels)
            }
            EntityType::Misc => split_person_at_end(words, &lists, first, end, kind, labels),
        }
    }
}

/// Rule 1: drops the span's last words while they belong to a role title.
fn cut_trailing_title(
    words: &[&str],
    lists: &[Membership],
    first: usize,
    mut end: usize,
    labels: &mut [u8],
) -> usize {
    let title_start = (first..end)
        .rev()
        .take_while(|&i| has(lists[i], List::Title))
        .last();
    // "Department of Justice": a title word after "of" is part of the name.
    if title_start.is_some_and(|t| t > 0 && !capitalised(words[t - 1])) {
        return end;
    }
    while end > first + 1 && has(lists[end - 1], List::Title) && !has(lists[end - 1], List::OrgWord)
    {
        labels[end - 1] = 0;
        end -= 1;
    }
    if end == first + 1 && has(lists[first], List::Title) && !has(lists[first], List::Organization)
    {
        labels[first] = 0;
    }
    end
}

/// Rule 2: "X Y Firstname Surname" (not a person) becomes "X Y" and a person.
fn split_person_at_end(
    words: &[&str],
    lists: &[Membership],
    first: usize,
    end: usize,
    kind: EntityType,
    labels: &mut [u8],
) {
    for k in (first + 1)..end.saturating_sub(1) {
        let rest = k..end;
        let name_like = rest.clone().all(|i| capitalised(words[i]))
            && rest.clone().skip(1).all(|i| {
                !has(lists[i], List::OrgWord)
                    && !has(lists[i], List::Place)
                    && !has(lists[i], List::Country)
            });
        // "San [Diego Padres]": a first name inside a place or organisation name is not one.
        let inside_name = [List::Place, List::Country, List::Organization]
            .iter()
            .any(|&l| continues(lists[k], l));
        if !(has(lists[k], List::FirstName)
            && !inside_name
            && name_like
            && (2..=3).contains(&rest.len()))
        {
            continue;
        }
        let per = label_of(EntityType::Per);
        labels[k] = per;
        labels[k + 1..end].fill(per + 1);
        let only_titles = (first..k).all(|i| has(lists[i], List::Title) || !capitalised(words[i]));
        if only_titles || ends_a_title(words, lists, first) {
            labels[first..k].fill(0);
        } else {
            let own = label_of(kind);
            labels[first] = own;
            labels[first + 1..k].fill(own + 1);
        }
        return;
    }
}

/// Whether the words before `first` are a role title ending in "of" or "for", as in
/// "Under Secretary of State for [Political Affairs]": then the span completes the title.
fn ends_a_title(words: &[&str], lists: &[Membership], first: usize) -> bool {
    let joins = first > 0 && matches!(words[first - 1], "for" | "of");
    joins && (first.saturating_sub(5)..first - 1).any(|i| has(lists[i], List::Title))
}

/// Rule 3: "Firstname Surname Place" (a person) becomes a person and a place.
fn split_trailing_place(
    words: &[&str],
    lists: &[Membership],
    span: std::ops::Range<usize>,
    labels: &mut [u8],
) {
    let last = span.end - 1;
    let is_place = has(lists[last], List::Country) || has(lists[last], List::Place);
    if span.len() >= 3 && is_place && capitalised(words[last]) {
        labels[last] = label_of(EntityType::Loc);
    }
}

/// Rule 4: "Airbus said" is the company, "Airbus A380" (or "Airbus 380s") the product.
fn company_not_product(words: &[&str], lists: &[Membership], at: usize, labels: &mut [u8]) {
    let listed = has(lists[at], List::Organization)
        && !continues(lists[at], List::Organization)
        && !has(lists[at], List::Demonym);
    let model_follows = words
        .get(at + 1)
        .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()) || capitalised(w));
    if listed && !model_follows {
        labels[at] = label_of(EntityType::Org);
    }
}

/// Rule 5: "the US Deputy Secretary": a country before a title is the place.
fn country_before_title(lists: &[Membership], at: usize, labels: &mut [u8]) {
    let country = has(lists[at], List::Country) && !has(lists[at], List::Organization);
    if country && lists.get(at + 1).is_some_and(|&m| has(m, List::Title)) {
        labels[at] = label_of(EntityType::Loc);
    }
}

/// Rule 6: joins the parts of a name the tagger cut ("Committee" | "for a" |
/// "Responsible Federal Budget", "Sam" | "'s" | "Club").
fn glue_cut_names(words: &[&str], lists: &[Membership], labels: &mut [u8]) {
    let org = label_of(EntityType::Org);
    let mut done = 0;
    for (first, end, kind) in labels::spans(labels) {
        if first < done || kind == EntityType::Misc {
            continue;
        }
        let glued = run_on(words, lists, labels, (first, end, kind))
            .or_else(|| possessive_name(words, lists, labels, first, end));
        if let Some(new_end) = glued {
            labels[first] = org;
            for l in &mut labels[first + 1..new_end] {
                *l = org + 1;
            }
            done = new_end;
        }
    }
}

/// The new end of an organisation span that runs on over a connective and the
/// capitalised words after it (see rule 6), if it does.
fn run_on(
    words: &[&str],
    lists: &[Membership],
    labels: &[u8],
    (first, end, kind): (usize, usize, EntityType),
) -> Option<usize> {
    if kind != EntityType::Org {
        return None;
    }
    let connective = *words.get(end)?;
    let mut at = end + 1;
    let holds_of = words[first..end].contains(&"of");
    match connective {
        // Not after a corporate suffix: "Kia Motor Corp of South Korea" is two names.
        "for" | "of" | "on"
            if has(lists[end - 1], List::OrgWord)
                && !crate::language::names::is_corporate_suffix(words[end - 1]) =>
        {
            if words.get(at).is_some_and(|w| matches!(*w, "a" | "the")) {
                at += 1;
            }
        }
        "and" if holds_of => {}
        _ => return None,
    }
    let from = at;
    while words.get(at).is_some_and(|w| capitalised(w)) && !has(lists[at], List::TimeWord) {
        at += 1;
    }
    if at == from {
        return None;
    }
    let unknown = (from..at).all(|k| !known(lists[k]));
    let ends_inside = at >= labels.len() || !labels::is_inside(labels[at]);
    (ends_inside && (connective != "and" || unknown)).then_some(at)
}

/// Whether any list knows the word as a name (a country, place, company, person...).
fn known(m: Membership) -> bool {
    [
        List::Country,
        List::Place,
        List::Organization,
        List::Company,
        List::Institution,
        List::City,
        List::Region,
        List::GivenName,
        List::Surname,
    ]
    .into_iter()
    .any(|l| has(m, l))
}

/// The new end of a one-word given name followed by "'s" and a one- or two-word span
/// ending in an organisation word ("Sam 's Club"), if that is what follows.
fn possessive_name(
    words: &[&str],
    lists: &[Membership],
    labels: &[u8],
    first: usize,
    end: usize,
) -> Option<usize> {
    let given = end == first + 1 && has(lists[first], List::GivenName);
    if !given
        || !words
            .get(end)
            .is_some_and(|w| matches!(*w, "'s" | "\u{2019}s"))
    {
        return None;
    }
    let mut at = end + 1;
    while at < words.len() && at < end + 3 && capitalised(words[at]) {
        at += 1;
    }
    let ends_in_org_word = at > end + 1 && has(lists[at - 1], List::OrgWord);
    let ends_inside = at >= labels.len() || !labels::is_inside(labels[at]);
    (ends_in_org_word && ends_inside).then_some(at)
}

/// Rule 7: a span right after an untagged camel-case brand ("iTunes" | "Music Store")
/// takes it in; a person span so begun becomes a thing's name.
fn take_in_camel_brand(words: &[&str], labels: &mut [u8]) {
    for (first, end, kind) in labels::spans(labels) {
        let Some(before) = first.checked_sub(1) else {
            continue;
        };
        if labels[before] != 0 || !camel_brand(words[before]) {
            continue;
        }
        let kind = match kind {
            EntityType::Per => EntityType::Misc,
            other => other,
        };
        let begin = label_of(kind);
        labels[before] = begin;
        for l in &mut labels[first..end] {
            *l = begin + 1;
        }
    }
}

/// Rule 8, first half: a span with "or" inside is two names.
fn split_at_or(words: &[&str], labels: &mut [u8]) {
    for (first, end, _) in labels::spans(labels) {
        for at in first + 1..end.saturating_sub(1) {
            if words[at] == "or" {
                labels[at] = 0;
                labels[at + 1] -= 1; // I-X to B-X
            }
        }
    }
}

/// Rule 8, second half: the words of a listed organisation of two or more words, when
/// the tagger tagged part of it and no span runs out of it, become one organisation.
fn join_listed_organisations(
    words: &[&str],
    (folded, caps): (&[u64], &[bool]),
    gaz: &Gazetteer,
    labels: &mut [u8],
) {
    let org = label_of(EntityType::Org);
    let mut i = 0;
    while i < labels.len() {
        // A name opens with a capital, and not with "The" ("The New York Times" is
        // listed, the name is "New York Times").
        let opens = capitalised(words[i]) && !words[i].eq_ignore_ascii_case("the");
        let Some(len) = gaz
            .longest_match(folded, caps, i, List::Organization)
            .filter(|&len| len >= 3 && opens)
        else {
            i += 1;
            continue;
        };
        let end = i + len;
        let tagged = labels[i..end].iter().any(|&l| l != 0);
        let whole_org = labels[i] == org && labels[i + 1..end].iter().all(|&l| l == org + 1);
        let clean_edges =
            !labels::is_inside(labels[i]) && labels.get(end).is_none_or(|&l| !labels::is_inside(l));
        if tagged && !whole_org && clean_edges {
            labels[i] = org;
            labels[i + 1..end].fill(org + 1);
        }
        i = end;
    }
}

/// A word in camel case that starts in lower case and goes on in lower case after its
/// capital ("iTunes", "eBay", "iPod"; not units such as "kW" or "mAh", nor "mRNA").
fn camel_brand(word: &str) -> bool {
    let mut chars = word.chars();
    let starts_lower = chars.next().is_some_and(char::is_lowercase);
    let after_capital: String = chars.clone().skip_while(|c| !c.is_uppercase()).collect();
    starts_lower
        && word.chars().count() >= 4
        && after_capital.chars().skip(1).any(char::is_lowercase)
        && chars.all(char::is_alphanumeric)
}

fn label_of(kind: EntityType) -> u8 {
    let k = labels::TYPES.iter().position(|&t| t == kind).unwrap_or(0);
    2 * k as u8 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(sentence: &str, tags: &str) -> Vec<String> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let mut l: Vec<u8> = tags.split(' ').map(labels::parse).collect();
        repair(&words, &mut l, &Gazetteer::new());
        labels::spans(&l)
            .iter()
            .map(|&(a, b, k)| format!("{}:{:?}", words[a..b].join(" "), k))
            .collect()
    }

    #[test]
    fn titles_and_names_get_clean_boundaries() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "the Department of Justice said",
                "O B-ORG I-ORG I-ORG O",
                &["Department of Justice:Org"],
            ),
            (
                "Under Secretary of State for Political Affairs Victoria Nuland told",
                "O O O O O B-ORG I-ORG I-ORG I-ORG O",
                &["Victoria Nuland:Per"],
            ),
            (
                "White House National Security Adviser Jake Sullivan",
                "B-ORG I-ORG I-ORG I-ORG I-ORG B-PER I-PER",
                &["White House:Org", "Jake Sullivan:Per"],
            ),
            (
                "Senate Majority Leader Chuck Schumer",
                "B-ORG I-ORG O B-PER I-PER",
                &["Senate:Org", "Chuck Schumer:Per"],
            ),
            (
                "Alexander Grushko Washington 's reply",
                "B-PER I-PER I-PER O O",
                &["Alexander Grushko:Per", "Washington:Loc"],
            ),
            (
                "Minister Anna Lee spoke",
                "B-ORG I-ORG I-ORG O",
                &["Anna Lee:Per"],
            ),
            (
                "Lake Victoria shrank",
                "B-LOC I-LOC O",
                &["Lake Victoria:Loc"],
            ),
            (
                "George Washington Carver",
                "B-PER I-PER O",
                &["George Washington:Per"],
            ),
            (
                "the San Diego Padres won",
                "O B-ORG I-ORG I-ORG O",
                &["San Diego Padres:Org"],
            ),
            (
                "said the Committee for a Responsible Federal Budget , a group",
                "O O B-ORG O O B-ORG I-ORG I-ORG O O O",
                &["Committee for a Responsible Federal Budget:Org"],
            ),
            (
                "the Department of Design and Construction said",
                "O B-ORG I-ORG I-ORG O B-ORG O",
                &["Department of Design and Construction:Org"],
            ),
            (
                "the Department of Justice and Microsoft agreed",
                "O B-ORG I-ORG I-ORG O B-ORG O",
                &["Department of Justice:Org", "Microsoft:Org"],
            ),
            (
                "shoppers at Sam 's Club said",
                "O O B-PER O B-ORG O",
                &["Sam 's Club:Org"],
            ),
            (
                "Britain 's Labour Party won",
                "B-LOC O B-ORG I-ORG O",
                &["Britain:Loc", "Labour Party:Org"],
            ),
            ("Sam 's friends came", "B-PER O O O", &["Sam:Per"]),
            (
                "the Bank of England and Paris agreed",
                "O B-ORG I-ORG I-ORG O B-LOC O",
                &["Bank of England:Org", "Paris:Loc"],
            ),
            (
                "prices in the iTunes Music Store fell",
                "O O O O B-PER I-PER O",
                &["iTunes Music Store:Misc"],
            ),
            (
                "shares of eBay Motors rose",
                "O O O B-ORG O",
                &["eBay Motors:Org"],
            ),
            // Apart: a brand already tagged, a lower-case word, a word in capitals.
            (
                "the iPod Ana Ruiz bought",
                "O B-MISC B-PER I-PER O",
                &["iPod:Misc", "Ana Ruiz:Per"],
            ),
            ("said mayor Ana Ruiz", "O O B-PER I-PER", &["Ana Ruiz:Per"]),
            ("a 3 kW DC charger", "O O O B-ORG O", &["DC:Org"]),
            ("the mRNA Pfizer shot", "O O B-ORG O", &["Pfizer:Org"]),
            ("the NYSE Euronext deal", "O O B-ORG O", &["Euronext:Org"]),
            (
                "in the New York Times or Globe and Mail today",
                "O O B-ORG I-ORG I-ORG I-ORG I-ORG O B-LOC O",
                &["New York Times:Org", "Globe and Mail:Org"],
            ),
            (
                "The New York Times and Kessel Daily agreed",
                "O B-ORG I-ORG I-ORG O B-ORG I-ORG O",
                &["New York Times:Org", "Kessel Daily:Org"],
            ),
            // Apart: two names joined by "and" that no list holds as one.
            (
                "both Lisk and Tallin voted",
                "O B-LOC O B-LOC O",
                &["Lisk:Loc", "Tallin:Loc"],
            ),
            (
                "the Iron Lady spoke",
                "O B-MISC I-MISC O",
                &["Iron Lady:Misc"],
            ),
        ];
        for &(sentence, tags, want) in cases {
            assert_eq!(repaired(sentence, tags), want, "{sentence}");
        }
    }
}
