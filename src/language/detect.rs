//! Which language an article is written in: its text in, a language code out.
//!
//! Everything else in [`crate::language`] knows English only, and so do the passes that
//! read it (entities, roles, time expressions). A French or Chinese page analysed as
//! English gives a reader nonsense ("Freitag" a person, "Januar" an organisation), so
//! each article's language is detected once, at ingest, and the analysis skips what it
//! cannot do for it. Detection is whatlang's (trigram profiles of 69 languages compiled
//! into the crate: pure Rust, no model to download, microseconds per article) on the
//! first [`SAMPLE_BYTES`] of the text. A text is taken for another language than English
//! only when the guess is reliable and the text long enough to judge ([`MIN_WORDS`]):
//! a short or mixed text stays English, which is what the tool assumed before it could
//! tell, so a doubt never costs an English article its analysis.

use whatlang::{Detector, Lang};

/// The code of the language the analysis knows.
pub const ENGLISH: &str = "en";
/// Text read to judge the language; more changes no verdict on a news article.
const SAMPLE_BYTES: usize = 4096;
/// Fewer distinct ordinary words than this are too few to judge.
const MIN_WORDS: usize = 12;

/// A language found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-1 where there is one ("fr"), else ISO 639-3 ("uzb"): both are valid
    /// BCP 47 tags, so the code can be the HTML `lang` as is.
    pub code: &'static str,
    /// In English ("French").
    pub name: &'static str,
}

/// The language `text` is written in, when it is reliably not English; `None` for
/// English, and for a text too short or too mixed to tell. The text is judged twice, on
/// all its words and on its [`ordinary_words`], and is another language only when both
/// agree: names and capitals mislead the first (a results table taken for Spanish), and
/// abbreviations without their capitals mislead the second ("Shr loss 26 cts vs profit"
/// taken for French once "Shr" and "Net" are set aside).
pub fn detect_other_than_english(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let ordinary = ordinary_words(sample);
    // distinct words: an earnings table says "cts", "vs" and "mln" thirty times over
    let words = ordinary
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<std::collections::HashSet<_>>()
        .len();
    // Chinese and Japanese do not put spaces between words: count characters instead.
    let ideographs = ordinary.chars().filter(|c| is_cjk(*c)).count();
    if words < MIN_WORDS && ideographs < 2 * MIN_WORDS {
        return None;
    }
    let lang = other_than_english(sample)?;
    if other_than_english(&ordinary)? != lang {
        return None;
    }
    Some(Language {
        code: code_of(lang),
        name: english_name(lang),
    })
}

/// whatlang's reliable guess for `text`, unless it is English.
fn other_than_english(text: &str) -> Option<Lang> {
    let info = Detector::new().detect(text)?;
    (info.lang() != Lang::Eng && info.is_reliable()).then_some(info.lang())
}

/// The words of `sample` that say which language it is: those that open with a letter
/// that is not a capital. Names, numbers and headlines in capitals are the same in every
/// language; a results table ("Hajduk 2 Proleter 0") or a list of names judged on them
/// is taken for Spanish or Croatian. Scripts without case (Chinese, Arabic) keep every word.
fn ordinary_words(sample: &str) -> String {
    let ordinary = |word: &&str| {
        word.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
    };
    let words: Vec<&str> = sample.split_whitespace().filter(ordinary).collect();
    words.join(" ")
}

/// The name in English of the language with `code`, for messages; the code itself
/// when whatlang does not know it.
pub fn name_of(code: &str) -> &str {
    TWO_LETTER
        .iter()
        .find(|(_, two)| *two == code)
        .map(|(lang, _)| english_name(*lang))
        .or_else(|| Lang::from_code(code).map(english_name))
        .unwrap_or(code)
}

/// whatlang's English name, except that readers call written Mandarin "Chinese".
fn english_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Cmn => "Chinese",
        _ => lang.eng_name(),
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// whatlang's languages that have an ISO 639-1 code, with it.
const TWO_LETTER: [(Lang, &str); 50] = [
    (Lang::Eng, "en"),
    (Lang::Fra, "fr"),
    (Lang::Deu, "de"),
    (Lang::Spa, "es"),
    (Lang::Por, "pt"),
    (Lang::Ita, "it"),
    (Lang::Nld, "nl"),
    (Lang::Rus, "ru"),
    (Lang::Ukr, "uk"),
    (Lang::Pol, "pl"),
    (Lang::Ces, "cs"),
    (Lang::Slk, "sk"),
    (Lang::Slv, "sl"),
    (Lang::Hrv, "hr"),
    (Lang::Srp, "sr"),
    (Lang::Bul, "bg"),
    (Lang::Mkd, "mk"),
    (Lang::Bel, "be"),
    (Lang::Ron, "ro"),
    (Lang::Hun, "hu"),
    (Lang::Fin, "fi"),
    (Lang::Swe, "sv"),
    (Lang::Dan, "da"),
    (Lang::Nob, "nb"),
    (Lang::Tur, "tr"),
    (Lang::Ell, "el"),
    (Lang::Heb, "he"),
    (Lang::Ara, "ar"),
    (Lang::Pes, "fa"),
    (Lang::Hin, "hi"),
    (Lang::Ben, "bn"),
    (Lang::Urd, "ur"),
    (Lang::Cmn, "zh"),
    (Lang::Jpn, "ja"),
    (Lang::Kor, "ko"),
    (Lang::Tha, "th"),
    (Lang::Vie, "vi"),
    (Lang::Ind, "id"),
    (Lang::Tgl, "tl"),
    (Lang::Lit, "lt"),
    (Lang::Lav, "lv"),
    (Lang::Est, "et"),
    (Lang::Cat, "ca"),
    (Lang::Epo, "eo"),
    (Lang::Afr, "af"),
    (Lang::Kat, "ka"),
    (Lang::Hye, "hy"),
    (Lang::Aze, "az"),
    (Lang::Tam, "ta"),
    (Lang::Zul, "zu"),
];

fn code_of(lang: Lang) -> &'static str {
    TWO_LETTER
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(lang.code(), |(_, code)| code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_text_gets_its_language() {
        let cases = [
            (
                "The water ministers of both countries met again on Wednesday to discuss how \
                 much of the river the new dam may hold back during the dry months.",
                None,
            ),
            (
                "Les ministres de l'eau des deux pays se sont retrouvés mercredi pour discuter \
                 de la part du fleuve que le nouveau barrage pourra retenir pendant l'été.",
                Some("fr"),
            ),
            (
                "Die Wasserminister beider Länder trafen sich am Freitag erneut, um darüber zu \
                 sprechen, wie viel Wasser der neue Damm im Sommer zurückhalten darf.",
                Some("de"),
            ),
            (
                "两国水利部长周三再次会面，讨论新建水坝在旱季可以截留多少河水。双方同意下月继续谈判，\
                 并邀请联合国专家参加。",
                Some("zh"),
            ),
            ("Les ministres se sont retrouvés mercredi.", None),
            // Names and scores say nothing about the language; the few ordinary words
            // are English.
            (
                "Results of Vardenic league soccer matches played on Saturday: Division A \
                 Hajduk 2 Proleter 0 Zemun 1 Rad 0 Borac 1 Mladost 2 Cukaricki 1 Vojvodina 0 \
                 Buducnost 1 Crvena Zvezda 3 Partizan 6 Becej 0 Standings under won, drawn, \
                 lost, goals for, goals against, points: Crvena Zvezda 4 4 0 0 9 3 12 \
                 Partizan 4 3 1 0 13 3 10 Mladost 4 2 1 1 8 5 7 Vojvodina 4 2 1 1 5 3 7",
                None,
            ),
            // Abbreviations of an earnings table, set apart from their capitals, are
            // no French.
            (
                "LISK, March 3 - Shr loss 14 cts vs profit five cts\n\nNet loss 1.9 mln \
                 vs profit 512,000\n\nRevs 19.5 mln vs 22.0 mln\n\nSix months\n\nShr loss \
                 33 cts vs profit 21 cts\n\nNet loss 3.7 mln vs profit 2.2 mln\n\nRevs 61.2 \
                 mln vs 64.8 mln",
                None,
            ),
            // A longer table of the same few abbreviations, which whatlang reads as
            // French even without its capitals: too few distinct words to judge.
            (
                "LISK, Kest., March 18 - Shr loss five cts vs loss 12 cts\n\nNet loss \
                 581,000 vs loss 1,620,000\n\nSales 3,402,000 vs 5,118,000\n\nAvg shrs \
                 11.9 mln vs 11.2 mln\n\nYear\n\nShr loss four cts vs loss 37 cts\n\nNet \
                 loss 298,000 vs loss 3,544,000\n\nSales 12.8 mln vs 33.9 mln\n\nAvg shrs \
                 11.9 mln vs 10.1 mln",
                None,
            ),
            // Titles and names in another language inside English text.
            (
                "The festival will show these films on Sunday: Los Olvidados De La Sierra, \
                 El Camino Hacia Las Estrellas, La Casa De Los Espiritus Perdidos, Cuando \
                 Llega La Noche En El Puerto, and Todos Los Santos Del Barrio Viejo.",
                None,
            ),
            (
                "Winners were named on Friday: Juan Carlos De La Fuente Y Montes, Maria Del \
                 Carmen Gutierrez De Los Rios, Jose Luis Fernandez Del Castillo, Ana Maria \
                 Lopez De La Vega, Francisco Javier Martinez De Las Heras.",
                None,
            ),
            ("", None),
        ];
        for (text, want) in cases {
            let got = detect_other_than_english(text).map(|l| l.code);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn codes_have_names() {
        let cases = [
            ("fr", "French"),
            ("zh", "Chinese"),
            ("uzb", "Uzbek"),
            ("xx", "xx"),
        ];
        for (code, name) in cases {
            assert_eq!(name_of(code), name, "{code}");
        }
    }

    #[test]
    fn a_long_text_is_judged_on_a_sample_cut_at_a_character() {
        let text = "Les ministres de l'eau des deux pays se sont retrouvés mercredi pour discuter \
                    de la part du fleuve que le nouveau barrage pourra retenir pendant l'été. "
            .repeat(50);
        assert_eq!(detect_other_than_english(&text).map(|l| l.code), Some("fr"));
    }
}
