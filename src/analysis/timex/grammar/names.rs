//! Dates inside names: a matched expression and its neighbours in, whether it is part
//! of a name rather than a time out.
//!
//! A calendar word or a year is often part of what something is called: a programme or
//! a film in quotation marks ("This Week", "60 Minutes", "High Noon"), a section of a
//! paper ("the Sunday Business section"), a security ("the 2025 bonds"), a name with a
//! year ("Orion 1980"). None of these says when anything happened, so none is a time
//! expression. A year before a capitalised word usually does date something ("the
//! 1996 Olympic bombing", "a 1971 Convention"), so it stays a date.

use super::super::lexicon;
use super::Cursor;
use crate::language::{calendar, words};

/// Whether tokens `[first, end)` are part of a name.
pub fn is_part_of_name(c: &Cursor, first: usize, end: usize) -> bool {
    quoted_title(c, first, end) || named_year(c, first, end) || named_weekday(c, first, end)
}

/// A capitalised word that is no calendar word ("Business", "Chevrolet"; not "March").
fn name_word(c: &Cursor, i: usize) -> bool {
    let w = c.word(i);
    c.capitalised(i)
        && !w.is_empty()
        && calendar::month(w).is_none()
        && calendar::weekday(w).is_none()
        && !lexicon::may_start(w)
}

/// "the", "this", "Kopp's" before token `i`.
fn determined(c: &Cursor, i: usize) -> bool {
    let Some(j) = i.checked_sub(1) else {
        return false;
    };
    words::is_determiner(c.word(j))
        || (c.word(j) == "s" && j >= 1 && matches!(c.text(j - 1), "'" | "’"))
}

/// Capitalised words between quotation marks: "This Week", ``High Noon.''
fn quoted_title(c: &Cursor, first: usize, end: usize) -> bool {
    // a single "'" is an apostrophe ("I'm") unless doubled (``...'')
    let doubled = |i: usize, q: &str| c.is(i, q) && (c.is(i + 1, q) || (i > 0 && c.is(i - 1, q)));
    let quote =
        |i: usize| matches!(c.text(i), "\"" | "“" | "”") || doubled(i, "`") || doubled(i, "'");
    let open = (first.saturating_sub(3)..first).rev().find(|&i| quote(i));
    let close = (end..end + 3).find(|&i| quote(i));
    let (Some(open), Some(close)) = (open, close) else {
        return false;
    };
    let words: Vec<usize> = (open + 1..close)
        .filter(|&i| !c.word(i).is_empty())
        .collect();
    !words.is_empty() && words.iter().all(|&i| c.capitalised(i))
}

/// A lone year right after a capitalised name word ("Orion 1980"), or between a
/// determiner and a noun a year names ("the 2025 bonds", "its 2019 budget").
fn named_year(c: &Cursor, first: usize, end: usize) -> bool {
    if end != first + 1 || c.digits(first) != 4 {
        return false;
    }
    let after_name = first >= 2 && name_word(c, first - 1);
    after_name || (determined(c, first) && words::is_dated_name_noun(c.word(end)))
}

/// A weekday before capitalised words and a part of a publication: "the Sunday
/// Business section", "the Saturday Review supplement".
fn named_weekday(c: &Cursor, first: usize, end: usize) -> bool {
    if end != first + 1 || calendar::weekday(c.word(first)).is_none() || !name_word(c, end) {
        return false;
    }
    let mut k = end;
    while name_word(c, k) && k < end + 3 {
        k += 1;
    }
    words::is_publication_part(c.word(k))
}

#[cfg(test)]
mod tests {
    use super::super::run_rule;
    use super::*;

    #[test]
    fn dates_inside_names() {
        let cases = [
            ("He spoke on ABC's \"This Week\" show.", "this", 2, true),
            (
                "He wrote for the Sunday Business section.",
                "sunday",
                1,
                true,
            ),
            ("The 1996 Olympic bombing killed one.", "1996", 1, false),
            ("In his Sunday Mass the bishop spoke.", "sunday", 1, false),
            ("``Today, I'm here,'' he said.", "today", 1, false),
            ("A venture called Orion 1980 was set up.", "1980", 1, true),
            ("In 1987 Boeing sold the unit.", "1987", 1, false),
            ("The talks ended on Sunday in Lisk.", "sunday", 1, false),
            ("The 1988 period was weak.", "1988", 1, false),
            ("The 2025 bonds fell.", "2025", 1, true),
            ("On Sunday Varela left.", "sunday", 1, false),
        ];
        for (text, word, len, want) in cases {
            let got = run_rule(text, 0, |c: &Cursor, _| {
                let first =
                    (0..c.tokens.len()).find(|&i| c.word(i) == word || c.text(i) == word)?;
                Some(is_part_of_name(c, first, first + len))
            });
            assert_eq!(got, Some(want), "{text}");
        }
    }
}
