//! Tokens for the time-expression grammar: a sentence in, words, numbers and
//! punctuation marks with byte offsets out.
//!
//! The grammar matches token sequences, not regular expressions over characters:
//! "Jan. 26, 2022", "2022-01-26", "mid-February" and "10:30 a.m." are all short token
//! runs, and whether two tokens touch (no space between them) is kept so that
//! "2022-01-26" and "2022 - 01" stay different. Words are compared in lower case:
//! the caller passes an ASCII-lowercased copy of the text, which has the same byte
//! offsets as the original, and the original for capitalisation checks.
//! [`tokenize_numbers`] keeps "1,800" and "3.5" whole, for readers of clauses.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters (no digits, no apostrophes, no hyphens).
    Word,
    /// A run of ASCII digits.
    Number,
    /// Any other single character that is not whitespace.
    Punct,
}

/// One token: a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// True when whitespace separates this token from the previous one (or it is first).
    pub space_before: bool,
}

/// Splits `text[start..end]` into tokens, appending them to `out`.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let mut space = true;
    let mut chars = piece.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Number
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut stop = i + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(j, d)) = chars.peek() {
                let same = if kind == Kind::Number {
                    d.is_ascii_digit()
                } else {
                    d.is_alphabetic()
                };
                if !same {
                    break;
                }
                stop = j + d.len_utf8();
                chars.next();
            }
        }
        out.push(Token {
            start: start + i,
            end: start + stop,
            kind,
            space_before: space,
        });
        space = false;
    }
}

/// Like [`tokenize`], but a number written with group separators or a decimal point
/// ("1,800", "1,00,000", "3.5", the "2,000" of "2,000-strong") is one [`Kind::Number`]
/// token. The clause reader needs this (the comma of "1,800" is no clause boundary);
/// the date grammar reads "26.01.2022" and "10.30" from the separate parts.
pub fn tokenize_numbers(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let from = out.len();
    tokenize(text, start, end, out);
    let mut joined: Vec<Token> = Vec::with_capacity(out.len() - from);
    let mut k = from;
    while k < out.len() {
        let mut t = out[k];
        k += 1;
        while t.kind == Kind::Number
            && let [sep, next, ..] = out[k..]
            && !sep.space_before
            && !next.space_before
            && next.kind == Kind::Number
            && match text.get(sep.start..sep.end) {
                Some(",") => (2..=3).contains(&(next.end - next.start)),
                Some(".") => true,
                _ => false,
            }
        {
            t.end = next.end;
            k += 2;
        }
        joined.push(t);
    }
    out.truncate(from);
    out.extend(joined);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Kind, bool)> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        out.iter()
            .map(|t| (&text[t.start..t.end], t.kind, t.space_before))
            .collect()
    }

    #[test]
    fn splits_dates_into_touching_tokens() {
        type Case<'a> = (&'a str, Vec<(&'a str, Kind, bool)>);
        let cases: [Case; 4] = [
            (
                "2022-01-26",
                vec![
                    ("2022", Kind::Number, true),
                    ("-", Kind::Punct, false),
                    ("01", Kind::Number, false),
                    ("-", Kind::Punct, false),
                    ("26", Kind::Number, false),
                ],
            ),
            (
                "Jan. 26",
                vec![
                    ("Jan", Kind::Word, true),
                    (".", Kind::Punct, false),
                    ("26", Kind::Number, true),
                ],
            ),
            (
                "mid-Février",
                vec![
                    ("mid", Kind::Word, true),
                    ("-", Kind::Punct, false),
                    ("Février", Kind::Word, false),
                ],
            ),
            (
                "26th",
                vec![("26", Kind::Number, true), ("th", Kind::Word, false)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(kinds(text), want, "{text}");
        }
    }

    #[test]
    fn numbers_with_separators_can_be_one_token() {
        let cases = [
            ("about 1,800 workers", vec!["about", "1,800", "workers"]),
            ("1,00,000 people", vec!["1,00,000", "people"]),
            ("rose 3.5 percent.", vec!["rose", "3.5", "percent", "."]),
            (
                "a 2,000-strong force",
                vec!["a", "2,000", "-", "strong", "force"],
            ),
            (
                "in 2019, 2020 and 2021",
                vec!["in", "2019", ",", "2020", "and", "2021"],
            ),
            ("1,2345 and 7,", vec!["1", ",", "2345", "and", "7", ","]),
            ("it ended in 1999.", vec!["it", "ended", "in", "1999", "."]),
        ];
        for (text, want) in cases {
            let mut out = vec![Token {
                start: 0,
                end: 0,
                kind: Kind::Punct,
                space_before: true,
            }];
            tokenize_numbers(text, 0, text.len(), &mut out);
            let got: Vec<&str> = out[1..].iter().map(|t| &text[t.start..t.end]).collect();
            assert_eq!(got, want, "{text}");
            assert_eq!(out[0].end, 0, "tokens already there stay");
        }
    }

    #[test]
    fn offsets_are_relative_to_the_whole_text() {
        let text = "Öl — on Friday";
        let mut out = Vec::new();
        tokenize(text, 7, text.len(), &mut out);
        assert_eq!(
            out.iter()
                .map(|t| &text[t.start..t.end])
                .collect::<Vec<_>>(),
            ["on", "Friday"]
        );
        tokenize(text, 1, 3, &mut out); // not a char boundary: ignored, no panic
        assert_eq!(out.len(), 2);
    }
}
