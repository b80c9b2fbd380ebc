//! Rendering a clause: its kept tokens in, the entry's text out.
//!
//! The text keeps the article's own spacing between neighbouring words, puts one space
//! across a gap, starts with a capital, ends on a word that can end a statement (not
//! "with", "the", "was"; a verb's particle may: "switched on") and has quotation marks
//! that pair up.

use super::segment::Words;
use crate::analysis::timex::scan::Kind;
use crate::language::words;

/// A text whose quotation marks pair up: an opening quote the clause cut before its
/// end is closed when only a few words follow it ("agreed on "severe consequences"),
/// else the text stops before it; a closing quote whose opening was left out (the
/// clause starts inside the quote) takes the quoted words with it.
pub(super) fn balance_quotes(text: String) -> String {
    let (start, _) = quote_scan(&text);
    let text = match text.get(start..) {
        Some(rest) if start > 0 => {
            let rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
            let mut chars = rest.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
        _ => text,
    };
    // Scanned again: trimming and the capital moved every offset.
    let Some(at) = quote_scan(&text).1 else {
        return text;
    };
    let quoted = text[at..].split_whitespace().count();
    if quoted <= 6 {
        let close = if text[at..].starts_with('“') {
            '”'
        } else {
            '"'
        };
        let mut t = text.trim_end_matches(['…', ',', ' ']).to_string();
        t.push(close);
        return t;
    }
    text[..at]
        .trim_end_matches(|c: char| c == ',' || c == ':' || c.is_whitespace())
        .to_string()
}

/// A whole sentence whose quotation the writer never closed (“We have heard signs,
/// an agency reported): the quote is closed before a closing attribution (“..., an
/// agency reported” becomes “...,” an agency reported), else at the end. Only the
/// mark is added: the words stay the writer's.
pub(super) fn close_open_quote(text: String) -> String {
    let (_, Some(open)) = quote_scan(&text) else {
        return text;
    };
    // two apostrophes close a quote in some pages' typing (“a role in regulating.’’)
    if text[open..].contains("’’") || text[open..].contains("''") {
        return text;
    }
    let close = if text[open..].starts_with('“') {
        '”'
    } else {
        '"'
    };
    let attribution = text[open..].rfind(", ").map(|c| open + c).filter(|&c| {
        let tail: Vec<&str> = text[c + 2..].split_whitespace().collect();
        tail.len() <= 4
            && tail.last().is_some_and(|w| {
                let w = w.trim_end_matches(['.', ',']).to_lowercase();
                words::is_reporting_verb(&w)
            })
    });
    match attribution {
        Some(c) => format!("{}{close}{}", &text[..=c], &text[c + 1..]),
        None => {
            let mut t = text.trim_end_matches([',', ' ']).to_string();
            t.push(close);
            t
        }
    }
}

/// Where the text after the last closing quote whose opening is not in `text` starts
/// (0 if none), and where the quote still open at the end opens, if one is.
fn quote_scan(text: &str) -> (usize, Option<usize>) {
    let opens = |c: char| matches!(c, '“' | '"');
    let closes = |c: char| matches!(c, '”' | '"');
    let mut open: Option<usize> = None;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match open {
            None if c == '”' || (c == '"' && i > 0 && !text[..i].ends_with(' ')) => {
                start = i + c.len_utf8(); // closes a quote opened before the text
            }
            None if opens(c) => open = Some(i),
            Some(_) if closes(c) => open = None,
            _ => {}
        }
    }
    (start, open.filter(|&o| o >= start))
}

/// Where to cut `keep` at or before position `cut` so that no phrase is cut: before the
/// last comma, clause word or preposition that leaves at least half the words.
pub(super) fn phrase_boundary(w: &Words, keep: &[usize], cut: usize) -> usize {
    let opens = |k: usize| {
        matches!(w.text(k), "," | ";" | "(" | "—" | "–")
            || w.is(k, words::is_preposition)
            || w.is_any(k, words::SUBORDINATORS)
            || w.is_any(k, words::COORDINATORS)
            || w.is_any(k, words::RELATIVE_PRONOUNS)
            || w.is_any(k, &["that"])
    };
    (cut / 2..=cut)
        .rev()
        .find(|&p| p < keep.len() && opens(keep[p]))
        .unwrap_or(cut)
}

/// Drops what cannot end a statement: punctuation (but closing quotes and brackets),
/// function words ("with", "the", "was", "and", "that"), but not a verb's particle
/// ("switched on").
pub(super) fn trim_dangling(w: &Words, keep: &mut Vec<usize>) {
    let closing = |k: usize| matches!(w.text(k), ")" | "\"" | "”" | "'" | "’");
    let function = |k: usize| {
        let lower = w.text(k).to_lowercase();
        let l = lower.as_str();
        words::is_preposition(l)
            || words::is_determiner(l)
            || words::is_auxiliary(l)
            || words::COORDINATORS.contains(&l)
            || words::SUBORDINATORS.contains(&l)
            || words::RELATIVE_PRONOUNS.contains(&l)
            || matches!(l, "to" | "than" | "who" | "not" | "s")
    };
    let dangling = |k: usize| {
        (w.tokens[k].kind == Kind::Punct && !closing(k)) || (w.is_word(k) && function(k))
    };
    while keep
        .last()
        .is_some_and(|&k| dangling(k) && !particle(w, keep, k))
    {
        keep.pop();
    }
}

/// Whether the last kept token `k` is the particle of the verb before it: "was
/// switched on", "Uber stepped in", "the talks were called off".
fn particle(w: &Words, keep: &[usize], k: usize) -> bool {
    let verb = keep.len() >= 2 && keep[keep.len() - 2] + 1 == k && {
        let v = w.text(k - 1).to_lowercase();
        v.ends_with("ed") || matches!(v.as_str(), "set" | "put" | "cut" | "shut")
    };
    verb && w.is_any(
        k,
        &[
            "on", "in", "off", "up", "out", "down", "back", "over", "away",
        ],
    )
}

/// The text of the kept tokens: original spacing between neighbours, one space across
/// a gap, the first letter capitalised; `be` puts a word before the kept token at that
/// position, and `cut` ends the text with an ellipsis.
pub(super) fn render(w: &Words, keep: &[usize], be: Option<(usize, &str)>, cut: bool) -> String {
    let mut out = String::new();
    let mut prev: Option<usize> = None;
    for (p, &k) in keep.iter().enumerate() {
        let t = &w.tokens[k];
        let mut space = match prev {
            None => false,
            Some(p) if p + 1 == k => t.space_before,
            Some(_) => !(t.kind == Kind::Punct && matches!(w.text(k), "," | "." | ")")),
        };
        if let Some((_, word)) = be.filter(|(at, _)| *at == p) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            space = true;
        }
        if space {
            out.push(' ');
        }
        out.push_str(w.text(k));
        prev = Some(k);
    }
    if cut && !out.is_empty() {
        out.push('…');
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_pair_up_whatever_the_text_around_them() {
        let cases = [
            // a few quoted words left open are closed
            (
                "They agreed on “severe consequences",
                "They agreed on “severe consequences”",
            ),
            // a long open quote is left out
            (
                "He said “we will not move one inch on any of this today",
                "He said",
            ),
            // a stray closing quote takes the words before it
            ("the deal” was signed", "Was signed"),
            // ... also when commas and spaces follow it, and a quote opens later
            ("the deal” , then “a new deal", "Then “a new deal”"),
            ("x” , ü “ab”", "Ü “ab”"),
            // multi-byte text on both sides of the quotes
            (
                "With control“ The council\u{fffe} met",
                "With control“ The council\u{fffe} met”",
            ),
            ("“Ça” , “été", "“Ça” , “été”"),
        ];
        for (text, want) in cases {
            assert_eq!(balance_quotes(text.to_string()), want, "{text}");
        }
    }

    #[test]
    fn a_quote_the_writer_left_open_is_closed_before_its_attribution() {
        let cases = [
            (
                "Varela told the Courier, “We have seen signs of a thaw, the agency reported",
                "Varela told the Courier, “We have seen signs of a thaw,” the agency reported",
            ),
            // no attribution after it: closed at the end
            (
                "Varela said, “The ships will come back",
                "Varela said, “The ships will come back”",
            ),
            (
                "Holm said \"we stay, come what may,",
                "Holm said \"we stay, come what may\"",
            ),
            // must not change: quotes that pair up, or a comma after the quote that
            // opens no attribution
            (
                "Varela said “the ships will come back,” the agency reported",
                "Varela said “the ships will come back,” the agency reported",
            ),
            ("The port reopened", "The port reopened"),
            (
                "Holm warned that “the port needs the crews.’’",
                "Holm warned that “the port needs the crews.’’",
            ),
            (
                "Holm wrote “we stay, come what may, in the port of Lisk",
                "Holm wrote “we stay, come what may, in the port of Lisk”",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(close_open_quote(text.to_string()), want, "{text}");
        }
    }
}
