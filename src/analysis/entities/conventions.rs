//! Span conventions: a sentence's words and the tagger's labels (or a span's words) in,
//! spans with the boundaries a reader expects out.
//!
//! The tagger decides word by word and sometimes stops one word short of a name's edge,
//! or runs over the sentence's own full stop. Four narrow rules, each on what the words
//! themselves show, never on the model's confidence:
//! 1. a work's title in quotation marks keeps its article ("The Crying Game", "A World
//!    Apart"): a capitalised "The", "A" or "An" right after an opening quotation mark,
//!    before a MISC span, opens that span;
//! 2. a monarch's or pope's ordinal is part of the name ("Elizabeth I", "Pedro II"): a
//!    Roman numeral right after a one-word person span runs the span on;
//! 3. an organisation's members are not its name: "Members" ending an organisation span
//!    of several words is cut off ("[Kessel Guild] Members can join");
//! 4. a company named last in its sentence does not take the sentence's full stop
//!    ("... and Lear Corp."): the abbreviation's period is the sentence's, as CoNLL and
//!    any reader count it ("Lear Corp" is the name); a period inside the sentence
//!    ("Lear Corp. said") stays.

use super::{EntityType, labels};
use crate::language::names;

/// Roman numerals written after a ruler's name ("Charles VI"); "V" and "X" alone read as
/// letters too often ("Smith V Jones") and are left out.
const REGNAL_NUMERALS: [&str; 14] = [
    "I", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI",
];

const B_PER: u8 = 1;
const I_PER: u8 = 2;
const B_MISC: u8 = 7;
const I_MISC: u8 = 8;

/// Rules 1 to 3 on one sentence's labels, in place.
pub(crate) fn apply(words: &[&str], labels: &mut [u8]) {
    if words.len() != labels.len() {
        return;
    }
    for i in 1..words.len().saturating_sub(1) {
        let opens_title = matches!(words[i - 1], "\"" | "\u{201c}")
            && matches!(words[i], "The" | "A" | "An")
            && labels[i] == 0
            && labels[i + 1] == B_MISC;
        if opens_title {
            labels[i] = B_MISC;
            labels[i + 1] = I_MISC;
        }
    }
    for i in 1..words.len() {
        let one_word_person =
            labels[i - 1] == B_PER && labels.get(i + 1).is_none_or(|&l| !labels::is_inside(l));
        if one_word_person && labels[i] == 0 && REGNAL_NUMERALS.contains(&words[i]) {
            labels[i] = I_PER;
        }
    }
    for (first, end, kind) in labels::spans(labels) {
        if kind == EntityType::Org && end > first + 1 && words[end - 1] == "Members" {
            labels[end - 1] = 0;
        }
    }
}

/// Rule 4: whether the last word of a span, last in its sentence but for closing
/// quotation marks and brackets (`after`), is a company's abbreviated suffix whose period
/// ends the sentence ("Corp.", "Inc.", "Co.", "Ltd.").
pub(crate) fn ends_on_the_full_stop(last: &str, after: &[&str]) -> bool {
    let closing = |w: &&str| {
        w.chars()
            .all(|c| matches!(c, '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}'))
    };
    let Some(stem) = last.strip_suffix('.') else {
        return false;
    };
    let abbreviated = !stem.contains('.') && stem.len() <= 4;
    abbreviated
        && (names::is_corporate_suffix(&stem.to_lowercase()) || stem == "Bros")
        && after.iter().all(closing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(sentence: &str, tags: &str) -> (Vec<&'static str>, Vec<u8>) {
        let words: Vec<&'static str> = sentence
            .split(' ')
            .map(|w| &*Box::leak(w.to_string().into_boxed_str()))
            .collect();
        let labels = tags.split(' ').map(labels::parse).collect();
        (words, labels)
    }

    #[test]
    fn titles_keep_their_article_and_rulers_their_numeral() {
        let cases = [
            (
                "her film \" The Quiet Orchard \" won",
                "O O O O B-MISC I-MISC O O",
                "O O O B-MISC I-MISC I-MISC O O",
            ),
            (
                "in \" A Thousand Winters \"",
                "O O O B-MISC I-MISC O",
                "O O B-MISC I-MISC I-MISC O",
            ),
            (
                "Queen Maribel I was born",
                "O B-PER O O O",
                "O B-PER I-PER O O",
            ),
            ("King Otavio VII died", "O B-PER O O", "O B-PER I-PER O"),
            // Apart: "the" with no quotation mark, an article before a person, a
            // full name before "I", a numeral CoNLL reads as a letter.
            (
                "the The Quiet Orchard won",
                "O O B-MISC I-MISC O",
                "O O B-MISC I-MISC O",
            ),
            ("\" The Renn said", "O O B-PER O", "O O B-PER O"),
            (
                "said Ada Quint I think",
                "O B-PER I-PER O O",
                "O B-PER I-PER O O",
            ),
            ("Brandt V Holm", "B-PER O B-PER", "B-PER O B-PER"),
            (
                "Kessel Guild Members can join",
                "B-ORG I-ORG I-ORG O O",
                "B-ORG I-ORG O O O",
            ),
            // Apart: "Members" alone, or ending no organisation.
            ("Members can join", "B-ORG O O", "B-ORG O O"),
            ("Ada Members spoke", "B-PER I-PER O", "B-PER I-PER O"),
        ];
        for (sentence, before, want) in cases {
            let (words, mut got) = labelled(sentence, before);
            apply(&words, &mut got);
            let (_, want) = labelled(sentence, want);
            assert_eq!(got, want, "{sentence}");
        }
    }

    #[test]
    fn a_company_last_in_its_sentence_leaves_the_full_stop() {
        let cases: [(&str, &[&str], bool); 8] = [
            ("Corp.", &[], true),
            ("Inc.", &["\""], true),
            ("Co.", &["\u{201d}", ")"], true),
            ("Bros.", &[], true),
            // Apart: the period inside the sentence, a place's or a person's
            // abbreviation, no period, an initialism.
            ("Corp.", &["said"], false),
            ("Fla.", &[], false),
            ("Corp", &[], false),
            ("U.S.", &[], false),
        ];
        for (last, after, want) in cases {
            assert_eq!(ends_on_the_full_stop(last, after), want, "{last} {after:?}");
        }
    }
}
