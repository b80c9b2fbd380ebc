//! Named-entity recognition: sentences in, typed entity mentions (PER, ORG, LOC, MISC) out.
//!
//! Spans and types follow CoNLL-2003: a person's span is the name without titles (in
//! "US Secretary of State Antony Blinken", PER "Antony Blinken" and LOC "US"),
//! nationalities and other proper adjectives are MISC ("Russian" in "Russian Foreign
//! Minister"), a possessive "'s" is outside the span. Two departures help actor pages: "Ukraine-Russia" gives
//! two places, and the country letters of a currency written apart from its sign ("US" in
//! "US $199") are no entity; a currency sign ("US$", "C$") is MISC, as in CoNLL, and names no actor.
//!
//! How: each sentence (cut further at the line breaks of short lines, so table rows and
//! datelines stay apart) is split into words by [`crate::analysis::tokens`]; every word
//! gets hashed features (`features.rs`: the word and its neighbours, shapes, affixes,
//! capitalisation in context, gazetteer membership, word clusters learnt from unlabelled
//! news (`clusters.rs`), how the word is written elsewhere in the document); a two-stage averaged-perceptron sequence model ([`mod@model`]) picks BIO
//! labels with Viterbi, the second stage also seeing what the first predicted for the
//! same word elsewhere in the document; a few list-based rules (`repair.rs`) fix
//! boundaries next to role titles, `conventions.rs` the edges a reader expects (a quoted
//! title's article, a ruler's numeral, no sentence full stop), and `document.rs` gives a
//! name one reading across the article (a company by its suffix, a surname alone as the
//! person named in full). A linear model over hashed features is small (1.3 MB
//! on disk, 18 MiB of weights in memory), fast (about 200,000 words per second per core,
//! measured as CPU time; see BENCHMARKS.md) and trainable in seconds, which a neural
//! tagger is not; its accuracy is that of the best CRFs on this data.
//!
//! The model is trained by the project from CoNLL-2003 and committed as
//! `src/analysis/entities/model/ner.bin` (built into the binary, decoded once on first
//! use; if it cannot be decoded, [`recognize`] returns no entities and [`model()`] returns
//! the error, so the failure is visible, never a panic). To retrain it (deterministic
//! for a seed, about 15 seconds) and score it:
//!
//! ```text
//! cargo run --release --example train_ner -- \
//!     --train ../shared/data/conll2003/conllpp_train.txt \
//!     --dev ../shared/data/conll2003/conllpp_dev.txt \
//!     --out src/analysis/entities/model/ner.bin
//! cargo run --release --example conlleval -- ../shared/data/conll2003/conllpp_dev.txt
//! ```
//!
//! The defaults are the tuned settings (`--bits 19 --epochs 10 --min-count 2 --stages 2
//! --folds 5 --uncase 10 --modern 30 --seed 2024`; see `train::TrainOptions`). The dev
//! file only reports F1 after each epoch. The committed model scores 92.76 F1 on the
//! CoNLL-2003 dev set with `conlleval` on the gold tokens (PER 94.85, ORG 88.58, LOC
//! 95.84, MISC 88.30), and 92.3 with the shared scorer on the dev articles, where our
//! own sentence splitting and tokenisation come first. Sources, licences and rebuild
//! commands of every table the tagger reads: `docs/data.md`.
//!
//! The gazetteers are plain text files in `gazetteer/` (our own lists of places,
//! organisations, organisation words, titles, first names, demonyms), the country names
//! and nationalities of the `keshvar` crate, the calendar words of `language::calendar`
//! and the public name lists of `language::gazetteers` (GeoNames, listed companies,
//! universities, agencies, clubs, given names, surnames; rebuilt by
//! `examples/build_gazetteers.rs`). The word clusters (`model/clusters.txt`) are
//! rebuilt by `examples/word_clusters.rs` from Reuters-21578 and the CoNLL training
//! text. Changing a list, the clusters or a feature changes the features, so retrain
//! after editing them (feature changes must also bump `FEATURE_VERSION`, which the
//! model file records).

mod clusters;
pub mod conll;
mod conventions;
mod document;
mod features;
mod gazetteer;
mod hash;
pub mod labels;
pub mod model;
mod repair;
mod spelling;
pub mod train;

use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::sentences::Sentence;
use super::tokens::{Token, tokenize};
use features::Doc;
use gazetteer::{Gazetteer, List};
pub use model::{Model, ModelError};

/// CoNLL-style entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Per,
    Org,
    Loc,
    Misc,
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Byte range in the article text.
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// The actor this mention belongs to (index into `Analysis::actors`), set by `actors`.
    pub actor: Option<usize>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::new);

static MODEL: LazyLock<Result<Model, ModelError>> =
    LazyLock::new(|| Model::decode(include_bytes!("model/ner.bin")));

pub(crate) fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// The built-in model, or why it could not be decoded.
pub fn model() -> Result<&'static Model, &'static ModelError> {
    MODEL.as_ref()
}

/// Finds the entity mentions in `prose`, in document order (none if the built-in model
/// is unusable; see [`model()`]).
pub fn recognize(prose: &str, sentences: &[Sentence]) -> Vec<Entity> {
    recognize_or_nothing(model(), prose, sentences)
}

/// The fallback of [`recognize`]: no entities when the model is unusable.
fn recognize_or_nothing(
    model: Result<&Model, &ModelError>,
    prose: &str,
    sentences: &[Sentence],
) -> Vec<Entity> {
    match model {
        Ok(model) => recognize_with(model, prose, sentences),
        Err(_) => Vec::new(),
    }
}

/// [`recognize`] with a given model.
pub fn recognize_with(model: &Model, prose: &str, sentences: &[Sentence]) -> Vec<Entity> {
    let tokens: Vec<Vec<Token>> = sentences
        .iter()
        .flat_map(|s| tagging_units(prose, s.start..s.end))
        .map(|range| tokenize(prose, range))
        .collect();
    let words: Vec<Vec<&str>> = tokens
        .iter()
        .map(|ts| ts.iter().map(|t| t.text(prose)).collect())
        .collect();
    let labels = tag_words(model, &words);
    let mut out = Vec::new();
    let mut at = 0;
    for (toks, ws) in tokens.iter().zip(&words) {
        let sentence_labels = &labels[at..at + toks.len()];
        at += toks.len();
        for (first, end, kind) in labels::spans(sentence_labels) {
            let currency = is_currency(ws[first]) || currency_prefix(ws[first], ws.get(end));
            if end == first + 1 && (place_parts(ws[first]).is_some() || currency) {
                continue;
            }
            let full_stop = conventions::ends_on_the_full_stop(ws[end - 1], &ws[end..]);
            out.push(Entity {
                start: toks[first].start,
                end: toks[end - 1].end - usize::from(full_stop),
                kind,
                actor: None,
            });
        }
        for (j, (w, tok)) in ws.iter().zip(toks).enumerate() {
            push_place_parts(w, *tok, &mut out);
            // A sign alone or tagged alone (that span was skipped above), never one inside a longer name.
            let alone = |j: usize| {
                sentence_labels
                    .get(j)
                    .is_none_or(|&l| !labels::is_inside(l))
            };
            if is_currency(w) && alone(j) && alone(j + 1) {
                out.push(Entity {
                    start: tok.start,
                    end: tok.end,
                    kind: EntityType::Misc,
                    actor: None,
                });
            }
        }
    }
    out.sort_by_key(|e| (e.start, e.end));
    document::one_reading_per_name(prose, &tokens, &mut out);
    out
}

/// Lines shorter than this end a tagging unit even inside a sentence.
const SHORT_LINE: usize = 50;

/// Cuts a sentence at line breaks that end a short line: a table row, a list item or a
/// dateline is its own unit (no name runs across it), while hard-wrapped prose, whose
/// lines are long, stays whole.
fn tagging_units(prose: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let end = range.end.min(prose.len());
    let mut start = range.start.min(end);
    std::iter::from_fn(move || {
        if start >= end {
            return None;
        }
        let piece = prose.get(start..end)?;
        let mut cut = end;
        for (i, _) in piece.match_indices('\n') {
            // Only the last SHORT_LINE bytes matter: the line is short if it starts there.
            let newline = start + i;
            let mut from = newline.saturating_sub(SHORT_LINE);
            while !prose.is_char_boundary(from) {
                from += 1;
            }
            if from == 0 || prose[from..newline].contains('\n') {
                cut = newline;
                break;
            }
        }
        let unit = start..cut;
        start = cut + 1;
        Some(unit)
    })
}

/// Labels the words of one document, given as sentences of words; the labels of all
/// sentences are concatenated (see [`labels`] for their encoding).
pub fn tag_words<S: AsRef<[W]>, W: AsRef<str>>(model: &Model, sentences: &[S]) -> Vec<u8> {
    let mut labels = tag_words_unrepaired(model, sentences);
    let mut at = 0;
    for sentence in sentences {
        let words: Vec<&str> = sentence.as_ref().iter().map(AsRef::as_ref).collect();
        repair::repair(&words, &mut labels[at..at + words.len()], gazetteer());
        conventions::apply(&words, &mut labels[at..at + words.len()]);
        at += words.len();
    }
    labels
}

/// [`tag_words`] without the boundary repairs (`repair.rs`): the model's own labels.
pub fn tag_words_unrepaired<S: AsRef<[W]>, W: AsRef<str>>(
    model: &Model,
    sentences: &[S],
) -> Vec<u8> {
    let mut doc = Doc::new(sentences, gazetteer());
    model.tag(&mut doc)
}

/// "US$", "C$", "HK$": currency signs, MISC whatever the tagger said (CoNLL's type; the
/// actors pass makes no actor of them).
fn is_currency(word: &str) -> bool {
    word.strip_suffix('$').is_some_and(|letters| {
        (1..=3).contains(&letters.len()) && letters.bytes().all(|b| b.is_ascii_uppercase())
    })
}

/// "US" in "US $199", "C" in "C $40": the country letters of a currency written apart
/// from its sign, no mention of the country.
fn currency_prefix(word: &str, next: Option<&&str>) -> bool {
    let letters = word.trim_end_matches('.').replace('.', "");
    next.is_some_and(|n| n.starts_with('$'))
        && (1..=3).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
}

/// Emits "Ukraine" and "Russia" for a word "Ukraine-Russia", whatever its label: one LOC
/// per part (CoNLL would make the whole word one MISC, useless for actor pages).
fn push_place_parts(word: &str, token: Token, out: &mut Vec<Entity>) {
    let Some(parts) = place_parts(word) else {
        return;
    };
    let mut start = token.start;
    for part in parts {
        out.push(Entity {
            start,
            end: start + part.len(),
            kind: EntityType::Loc,
            actor: None,
        });
        start += part.len() + 1;
    }
}

/// The parts of a hyphenated word when there are at least two and each is a
/// capitalised country or place name.
fn place_parts(word: &str) -> Option<std::str::Split<'_, char>> {
    if !word.contains('-') {
        return None;
    }
    let mut n = 0;
    for part in word.split('-') {
        n += 1;
        let capitalised = part.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || !gazetteer().is_single(part, &[List::Country, List::Place]) {
            return None;
        }
    }
    (n >= 2).then(|| word.split('-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentences::{SentenceKind, split};
    use crate::ingest::{Block, BlockKind};

    fn sentences_of(text: &str) -> Vec<Sentence> {
        let blocks = [Block {
            start: 0,
            end: text.len(),
            kind: BlockKind::Paragraph,
        }];
        split(text, &blocks)
    }

    fn entities(text: &str) -> Vec<(String, EntityType)> {
        recognize(text, &sentences_of(text))
            .iter()
            .map(|e| (text[e.start..e.end].to_string(), e.kind))
            .collect()
    }

    use EntityType::{Loc, Misc, Org, Per};

    #[test]
    fn the_built_in_model_loads() {
        let model = model().expect("the committed model decodes");
        assert_eq!(model.stages.len(), 2);
    }

    #[test]
    fn finds_names_with_conll_boundaries_and_types() {
        let cases: &[(&str, &[(&str, EntityType)])] = &[
            (
                "US Secretary of State Antony Blinken met Russian Foreign Minister Sergey Lavrov in Geneva on Friday.",
                &[
                    ("US", Loc),
                    ("Antony Blinken", Per),
                    ("Russian", Misc),
                    ("Sergey Lavrov", Per),
                    ("Geneva", Loc),
                ],
            ),
            (
                "Germany's chancellor spoke to NATO and the EU on Tuesday.",
                &[("Germany", Loc), ("NATO", Org), ("EU", Org)],
            ),
            (
                "French and German officials said the plan would fail.",
                &[("French", Misc), ("German", Misc)],
            ),
            (
                "Ukraine rejected the proposal. However, Kyiv remains open to talks.",
                &[("Ukraine", Loc), ("Kyiv", Loc)],
            ),
            (
                "RUSSIA WARNS NATO OVER UKRAINE",
                &[("RUSSIA", Loc), ("NATO", Org), ("UKRAINE", Loc)],
            ),
            (
                "Blinken Meets Lavrov in Geneva as Talks Stall\n\nAntony Blinken and Sergey Lavrov met on Friday.",
                &[
                    ("Blinken", Per),
                    ("Lavrov", Per),
                    ("Geneva", Loc),
                    ("Antony Blinken", Per),
                    ("Sergey Lavrov", Per),
                ],
            ),
            (
                "“We will respond,” said Ned Price, a State Department spokesman.",
                &[("Ned Price", Per), ("State Department", Org)],
            ),
            (
                "The bond fell C$0.45 in Toronto, while the US $199 price held at $5.",
                &[("C$", Misc), ("Toronto", Loc)],
            ),
            (
                "Troops massed along the Ukraine-Russia border.",
                &[("Ukraine", Loc), ("Russia", Loc)],
            ),
            (
                "Mr. Lavrov—who spoke in Moscow—said nothing.",
                &[("Lavrov", Per), ("Moscow", Loc)],
            ),
            (
                "antony blinken met sergey lavrov in geneva.",
                &[
                    ("antony blinken", Per),
                    ("sergey lavrov", Per),
                    ("geneva", Loc),
                ],
            ),
            (
                "Washington's response, delivered by Ambassador John Sullivan, angered Moscow.",
                &[("Washington", Loc), ("John Sullivan", Per), ("Moscow", Loc)],
            ),
            (
                "The World Health Organization said Apple and Microsoft would help.",
                &[
                    ("World Health Organization", Org),
                    ("Apple", Org),
                    ("Microsoft", Org),
                ],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, EntityType)> =
                want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            assert_eq!(entities(text), want, "{text}");
        }
    }

    #[test]
    fn country_letters_of_a_currency_are_no_mention() {
        let cases = [
            ("US", Some("$199"), true),
            ("U.S.", Some("$5.41"), true),
            ("C", Some("$"), true),
            // Apart: the country before anything else, a name in capitals, no sign.
            ("US", Some("troops"), false),
            ("US", None, false),
            ("NASA", Some("$2"), false),
            ("Apple", Some("$5"), false),
        ];
        for (word, next, want) in cases {
            assert_eq!(
                currency_prefix(word, next.as_ref()),
                want,
                "{word} {next:?}"
            );
        }
    }

    #[test]
    fn short_lines_are_tagging_units_and_wrapped_prose_is_not() {
        let table = "Lotte 6 Hyundai 2\nHaitai 2 Samsung 0";
        let units: Vec<&str> = tagging_units(table, 0..table.len())
            .map(|r| &table[r])
            .collect();
        assert_eq!(units, ["Lotte 6 Hyundai 2", "Haitai 2 Samsung 0"]);
        let wrapped =
            "The talks were held in Geneva by US Secretary of State Antony\nBlinken and others.";
        assert_eq!(tagging_units(wrapped, 4..wrapped.len()).count(), 1);
        assert_eq!(
            entities(wrapped),
            [
                ("Geneva".to_string(), Loc),
                ("US".to_string(), Loc),
                ("Antony\nBlinken".to_string(), Per)
            ]
        );
    }

    #[test]
    fn offsets_index_the_article_text() {
        let text = "Intro line.\n\nLater, Wendy Sherman called Paris.";
        let blocks = [
            Block {
                start: 0,
                end: 11,
                kind: BlockKind::Paragraph,
            },
            Block {
                start: 13,
                end: text.len(),
                kind: BlockKind::Paragraph,
            },
        ];
        let got = recognize(text, &split(text, &blocks));
        let names: Vec<&str> = got.iter().map(|e| &text[e.start..e.end]).collect();
        assert_eq!(names, ["Wendy Sherman", "Paris"]);
        assert!(got.iter().all(|e| e.actor.is_none()));
    }

    #[test]
    fn never_panics_and_keeps_spans_ordered_inside_sentences() {
        let long = "Lavrov and Blinken met in Geneva, ".repeat(80);
        let odd = [
            "",
            "   ",
            "’’’ “”",
            "—",
            "..., ;;",
            "\u{0}\u{1}",
            "😀 Zoë Ðaković met 北京 officials",
            "A-B-C-D-E-F",
            "U.S.-Russia-China-India",
            "-Moscow-",
            "'s 's 's",
            long.as_str(),
        ];
        for text in odd {
            let sentences = sentences_of(text);
            let got = recognize(text, &sentences);
            for pair in got.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{text:?}: {got:?}");
            }
            for e in &got {
                assert!(
                    e.start < e.end
                        && text.is_char_boundary(e.start)
                        && text.is_char_boundary(e.end)
                );
                assert!(
                    sentences
                        .iter()
                        .any(|s| s.start <= e.start && e.end <= s.end),
                    "{text:?}: {e:?}"
                );
            }
        }
        let sentence = [
            Sentence {
                start: 3,
                end: 1,
                kind: SentenceKind::Prose,
            },
            Sentence {
                start: 0,
                end: 99,
                kind: SentenceKind::Prose,
            },
        ];
        assert!(recognize("short", &sentence).is_empty());
    }

    #[test]
    fn an_unusable_model_gives_no_entities_and_says_why() {
        let text = "Antony Blinken met Sergey Lavrov.";
        let error = Model::decode(b"not a model").unwrap_err();
        assert_eq!(error, ModelError::Corrupt("too short"));
        assert!(recognize_or_nothing(Err(&error), text, &sentences_of(text)).is_empty());
        assert!(!recognize_or_nothing(model(), text, &sentences_of(text)).is_empty());
    }
}
