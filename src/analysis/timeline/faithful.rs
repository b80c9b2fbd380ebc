//! Whether a shortened clause still states its event faithfully: a sentence's tokens,
//! the tokens a clause kept and where its date was in, what is wrong with the cut out;
//! and the whole sentence, for when no cut is faithful.
//!
//! Cutting a sentence down to the clause of its date makes a short entry, but a cut in
//! the wrong place changes what the words say: "a mass stranding that was described"
//! (stops before its complement), "Warner called last year's tax bill" (before the
//! quotation that completes it), "Will launch on iPhone" (its subject left out), "In
//! the 2012 book, which has been translated" (no statement: the only verb is a
//! relative clause's), a date inside a quotation (the words lose their speaker). Such
//! a cut is not shown: the entry shows the whole sentence instead, which is always
//! faithful, as long as it is short enough to read as one entry; a longer one gives no
//! entry. A whole sentence is shown as the writer wrote it, with two exceptions a
//! reader needs: a quotation the writer left open is closed, and a relative clause's
//! closing phrase that leans on the sentences before ("who vowed to resist the council
//! on both of these fronts") is left out.

use super::render::{close_open_quote, render};
use super::segment::Words;
use crate::analysis::timex::scan::Kind;
use crate::language::words;

/// Words past which a whole sentence is too long to be one entry.
const MAX_SENTENCE_WORDS: usize = 55;

/// Words that open a clause turning round the one before it.
const CONTRASTS: &[&str] = &["but", "yet", "although", "though"];

/// Verbs of a forecast or a possibility: a clause with one states no fact on its own.
const MODALS: &[&str] = &["will", "would", "could", "might", "may", "should", "won't"];

/// Stems of verbs whose "if" opens what they ask, not a condition ("asked if").
const ASKING: &[&str] = &["ask", "wonder", "inquir", "enquir", "query", "queried"];

/// What is wrong with a cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// It stops before what completes it: an object, a complement, a quotation, a
    /// restrictive relative clause, a particle.
    Unfinished,
    /// It opens with its verb: the subject was left out.
    NoSubject,
    /// No statement: no verb, or only a relative clause's.
    Fragment,
}

/// What a clause's kept tokens are checked against.
pub struct Cut<'a> {
    /// The kept tokens, in order.
    pub keep: &'a [usize],
    /// Token range of the date phrase the text leaves out, if any.
    pub date: Option<(usize, usize)>,
    /// A form of "to be" was put in (a participle clause): it has its subject.
    pub be: bool,
    /// The text was cut at the word limit (and shows an ellipsis).
    pub cut: bool,
}

/// What is wrong with the cut, if anything.
pub fn damage(w: &Words, c: &Cut, is_verb: impl Fn(usize) -> bool) -> Option<Damage> {
    let keep = c.keep;
    let (&first, &last) = (keep.first()?, keep.last()?);
    let Some(v) = keep.iter().position(|&k| is_verb(k)) else {
        return Some(Damage::Fragment);
    };
    // "the now-infamous one that", "what the government will pay": a relative word
    // before the first verb makes it a relative clause's
    let relative = keep
        .get(1..v)
        .unwrap_or(&[])
        .iter()
        .any(|&k| w.is_any(k, words::RELATIVE_PRONOUNS) || w.is_any(k, &["that", "what"]));
    // "Its founding, spoke": one comma right before the verb, the subject's other
    // comma cut away with what stood between them
    let commas = keep[..v].iter().filter(|&&k| w.text(k) == ",").count();
    let glued = v > 0 && w.text(keep[v - 1]) == "," && commas == 1;
    if relative || glued {
        return Some(Damage::Fragment);
    }
    let verb_first = is_verb(first) && !w.text(first).ends_with("ing");
    if verb_first && !c.be {
        return Some(Damage::NoSubject);
    }
    let ordered = keep.windows(2).all(|p| p[0] < p[1]);
    if !ordered || c.cut {
        return None;
    }
    unfinished(w, keep, last, c.date, &is_verb).then_some(Damage::Unfinished)
}

/// Whether the sentence goes on after the kept token `last` with what completes it.
fn unfinished(
    w: &Words,
    keep: &[usize],
    last: usize,
    date: Option<(usize, usize)>,
    is_verb: impl Fn(usize) -> bool,
) -> bool {
    let n = w.tokens.len();
    // "the Fed has raised rates, starting [in December 2015]": a bare participle
    // whose complement was left out
    let bare_participle = w.text(last).ends_with("ing")
        && w.text(last).len() > 5
        && w.text(last).starts_with(char::is_lowercase)
        && (w.text(last.wrapping_sub(1)) == "," || (is_verb(last) && !is_verb(last - 1)));
    let ends = |k: usize| k >= n || matches!(w.text(k), "." | "!" | "?" | "," | ";");
    if bare_participle && !ends(last + 1) {
        return true;
    }
    let mut next = last + 1;
    if let Some((ds, de)) = date {
        let leads_in = |k: usize| {
            k < ds
                && (k..ds).all(|j| {
                    w.is_any(
                        j,
                        &["on", "in", "at", "during", "by", "of", "early", "late"],
                    ) || w.is_any(j, &["earlier", "later", "as", "this", "last", "next"])
                })
        };
        while next < n && ((ds..de).contains(&next) || leads_in(next)) {
            next += 1;
        }
    }
    if next >= n {
        return false;
    }
    let t = w.text(next);
    let opening_quote = t == "“" || (t == "\"" && w.tokens[next].space_before);
    if opening_quote {
        return true;
    }
    // "attention is growing[, but knowledge is dismissed]": a contrasting clause with a
    // subject of its own turns it round ("but also criticised" only adds to it)
    let own_subject = !is_verb(next + 2) && !w.is_any(next + 2, &["also", "then", "still", "not"]);
    if t == "," && w.is_any(next + 1, CONTRASTS) && own_subject {
        return true;
    }
    // "November marked the start of the season[, and it started with a surge ...]":
    // the clause after it tells what the first only announced
    if t == "," && w.is_any(next + 1, &["and"]) && w.is_any(next + 2, &["it"]) {
        return true;
    }
    if matches!(t, "," | ";" | ":" | ")" | "—" | "–" | "-" | "." | "!" | "?") {
        return t == "," && dangling_apposition(w, keep, &is_verb);
    }
    if w.is_any(next, &["that", "where", "whom", "whose", "which", "who"]) {
        return true; // a restrictive relative or a complement cut off
    }
    if w.is_any(next, &["as"]) && next == last + 1 && is_verb(last) {
        return true; // "was described [as unprecedented]"
    }
    // "We went back [and looked at what had changed]": a clause that ends on its verb
    // (or its particle) while its subject goes on to the verb that says what it did
    let verb_final = is_verb(last) || (last > 0 && is_verb(last - 1) && w.is_word(last));
    if w.is_any(next, &["and"]) && is_verb(next + 1) && verb_final {
        return true;
    }
    // "posted asking [if there were any calm captains]": an indirect question completes
    // a verb of asking ("resign if the vote fails" is a condition: its own clause)
    let asking = ASKING
        .iter()
        .any(|a| w.text(last).to_lowercase().starts_with(a));
    if w.is_any(next, &["whether"]) || (w.is_any(next, &["if"]) && asking) {
        return true;
    }
    let clause_word = w.is_any(next, words::SUBORDINATORS) || w.is_any(next, &["and", "but"]);
    !clause_word
}

/// Whether the kept words lean on what the cut left out: a final "too" ("Democrats
/// have adjusted their position, too": as who else?), or a forecast lifted out of its
/// attribution (`complement`: "[the office estimates that] the yield will climb" shows
/// an estimate as fact).
pub fn leans_on_the_rest(
    w: &Words,
    keep: &[usize],
    complement: bool,
    is_verb: impl Fn(usize) -> bool,
) -> bool {
    let (Some(&first), Some(&last)) = (keep.first(), keep.last()) else {
        return false;
    };
    let too = first > 0 && w.is_any(last, &["too"]);
    // the clause's own verb is the modal ("had warned that it would" is no forecast)
    let verb = keep.iter().copied().find(|&k| is_verb(k));
    let forecast = complement && verb.is_some_and(|v| w.is_any(v, MODALS));
    too || forecast
}

/// ", the source" at the end of a text whose sentence goes on with a comma: an
/// attribution that lost its verb ("..., the source, who said ..., told Reuters").
fn dangling_apposition(w: &Words, keep: &[usize], is_verb: impl Fn(usize) -> bool) -> bool {
    let Some(comma) = keep.iter().rposition(|&k| w.text(k) == ",") else {
        return false;
    };
    let tail = &keep[comma + 1..];
    let words = tail.iter().filter(|&&k| w.is_word(k)).count();
    (1..=4).contains(&words) && !tail.iter().any(|&k| is_verb(k))
}

/// The whole sentence as an entry's text (without a leading "But" or "And", or its
/// final full stop), or `None` when it is too long to be one entry or is only a
/// quotation, with no one saying it.
pub fn whole(w: &Words) -> Option<String> {
    let n = w.tokens.len();
    // "LISK — Meranthe's delegation walked out": a dateline's place name goes
    let dash = (0..n.min(4)).find(|&k| matches!(w.text(k), "—" | "–"));
    let mut from = match dash {
        Some(d) if d > 0 && (0..d).all(|k| !w.text(k).chars().any(char::is_lowercase)) => d + 1,
        _ => 0,
    };
    while from < n && (w.is_any(from, &["but", "and", "so", "yet"]) || w.text(from) == ",") {
        from += 1;
    }
    // "Now we know when you can get it: the game will launch ...": the writer's lead-in
    // to what the colon announces is no part of the event
    let colon = (from..n).find(|&k| w.text(k) == ":");
    if let Some(c) = colon
        && personal(w, &(from..c).collect::<Vec<_>>())
        && (c + 1..n).filter(|&k| w.is_word(k)).count() >= 4
    {
        from = c + 1;
    }
    let mut to = n;
    while to > from && matches!(w.text(to - 1), "." | "…") {
        to -= 1;
    }
    let mut keep: Vec<usize> = (from..to).collect();
    drop_leaning_phrase(w, &mut keep);
    let count = keep.iter().filter(|&&k| w.is_word(k)).count();
    if count == 0 || count > MAX_SENTENCE_WORDS || only_a_quote(w, &keep) {
        return None;
    }
    Some(close_open_quote(render(w, &keep, None, false)))
}

/// Drops the closing phrase of a relative clause that leans on what the sentences
/// before said ("a minister who vowed to resist the council *on both of these fronts*,
/// ensuring ..."): read alone, "these fronts" names nothing, while the clause without
/// it still says what the minister vowed. Only a phrase after a noun is dropped: one
/// a verb needs ("who relied on these funds") stays, and so does a phrase whose
/// "these" a word after it explains ("on those who voted").
fn drop_leaning_phrase(w: &Words, keep: &mut Vec<usize>) {
    let Some(r) = keep
        .iter()
        .position(|&k| w.is_any(k, words::RELATIVE_PRONOUNS))
    else {
        return;
    };
    let ends = |k: usize| matches!(w.text(k), "," | ";" | "." | "—" | "–");
    let after_noun = |k: usize| {
        let lower = w.text(k).to_lowercase();
        w.is_word(k)
            && !lower.ends_with("ed")
            && !words::is_preposition(&lower)
            && !words::is_determiner(&lower)
            && !words::is_auxiliary(&lower)
    };
    for p in r + 2..keep.len() {
        if !(w.is(keep[p], words::is_preposition) && after_noun(keep[p - 1])) {
            continue;
        }
        let q = (p + 1..keep.len())
            .find(|&q| ends(keep[q]))
            .unwrap_or(keep.len());
        let lower: Vec<String> = keep[p + 1..q]
            .iter()
            .map(|&k| w.text(k).to_lowercase())
            .collect();
        let phrase: Vec<&str> = lower.iter().map(String::as_str).collect();
        let head = match phrase.as_slice() {
            ["both" | "all" | "each" | "either", "of", rest @ ..] => rest,
            rest => rest,
        };
        let leans = matches!(head.first(), Some(&("these" | "those")))
            && (2..=4).contains(&head.len())
            && crate::language::reference::refers_back(head);
        if leans {
            keep.drain(p..q);
            return;
        }
    }
}

/// Whether the tokens are one quotation and nothing else.
fn only_a_quote(w: &Words, keep: &[usize]) -> bool {
    let (Some(&a), Some(&b)) = (keep.first(), keep.last()) else {
        return false;
    };
    matches!(w.text(a), "“" | "\"") && matches!(w.text(b), "”" | "\"")
}

/// Whether the kept tokens speak of "I", "we" or "you": words only their speaker places.
pub fn personal(w: &Words, keep: &[usize]) -> bool {
    let words = ["i", "we", "you", "me", "us", "my", "our", "your"];
    keep.iter().any(|&k| w.is_any(k, &words))
}

/// Whether token `k` is inside a quotation of the sentence.
pub fn quoted(w: &Words, k: usize) -> bool {
    let mut inside = false;
    for j in 0..k.min(w.tokens.len()) {
        match w.text(j) {
            "“" => inside = true,
            "”" => inside = false,
            "\"" => inside = !inside,
            _ => {}
        }
    }
    inside && w.tokens.get(k).is_some_and(|t| t.kind != Kind::Punct)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::timex::scan::tokenize_numbers;

    /// The damage of keeping the first `kept` words of `text` (`date` as a word range),
    /// with the words in `verbs` as verbs.
    fn check(
        text: &str,
        keep: &[usize],
        date: Option<(usize, usize)>,
        verbs: &[&str],
    ) -> Option<Damage> {
        let mut tokens = Vec::new();
        tokenize_numbers(text, 0, text.len(), &mut tokens);
        let w = Words {
            prose: text,
            tokens: &tokens,
        };
        let cut = Cut {
            keep,
            date,
            be: false,
            cut: false,
        };
        damage(&w, &cut, |k| verbs.contains(&w.text(k)))
    }

    #[test]
    fn a_whole_sentence_drops_a_relative_clause_s_phrase_that_leans_on_what_came_before() {
        let cases = [
            (
                "But the vote keeps in place a minister who vowed to resist the council on both of these fronts, ensuring a long year.",
                "The vote keeps in place a minister who vowed to resist the council, ensuring a long year",
            ),
            (
                "The vote keeps a minister who will fight the board over these two levies.",
                "The vote keeps a minister who will fight the board",
            ),
            // must not change: a verb needs the phrase, a word after "those" says who
            // they are, the phrase is not in a relative clause, or nothing leans back
            (
                "The vote keeps a minister who relied on these funds.",
                "The vote keeps a minister who relied on these funds",
            ),
            (
                "The vote keeps a minister who spoke for those who stayed.",
                "The vote keeps a minister who spoke for those who stayed",
            ),
            (
                "The minister vowed to resist the council on both of these fronts.",
                "The minister vowed to resist the council on both of these fronts",
            ),
            (
                "The vote keeps a minister who fought the council over the levy.",
                "The vote keeps a minister who fought the council over the levy",
            ),
        ];
        for (text, want) in cases {
            let mut tokens = Vec::new();
            tokenize_numbers(text, 0, text.len(), &mut tokens);
            let w = Words {
                prose: text,
                tokens: &tokens,
            };
            assert_eq!(whole(&w).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn cuts_that_change_what_the_words_say() {
        let verbs = [
            "Will",
            "was",
            "described",
            "left",
            "called",
            "raised",
            "starting",
            "launch",
            "translated",
            "has",
            "been",
            "sold",
            "met",
            "closed",
            "posted",
            "will",
            "decide",
            "resign",
            "asked",
            "agreed",
        ];
        // tokens: 0-based word positions in each text
        type Case<'a> = (&'a str, &'a [usize], Option<(usize, usize)>, Option<Damage>);
        let cases: [Case; 13] = [
            // "posted online asking" | if ...: the question it asked was left out
            (
                "Holm posted online asking if there were calm captains.",
                &[0, 1, 2, 3],
                None,
                Some(Damage::Unfinished),
            ),
            (
                "Holm will decide whether the mill stays.",
                &[0, 1, 2],
                None,
                Some(Damage::Unfinished),
            ),
            // must not change: a condition after a verb that asks nothing
            (
                "Holm will resign if the vote fails.",
                &[0, 1, 2],
                None,
                None,
            ),
            (
                "Holm asked the board, and the board agreed.",
                &[0, 1, 2, 3],
                None,
                None,
            ),
            // "A stranding that was described" | as "unprecedented" left ...
            (
                "A stranding that was described as “unprecedented” left the tribe.",
                &[0, 1, 2, 3, 4],
                None,
                Some(Damage::Fragment),
            ),
            (
                "The stranding was described as unprecedented.",
                &[0, 1, 2, 3],
                None,
                Some(Damage::Unfinished),
            ),
            (
                "Holm called the bill “the worst in years.”",
                &[0, 1, 2, 3],
                None,
                Some(Damage::Unfinished),
            ),
            (
                "The bank raised rates, starting in May.",
                &[0, 1, 2, 3, 4, 5],
                Some((6, 8)),
                Some(Damage::Unfinished),
            ),
            (
                "Will launch on Friday for a fee.",
                &[0, 1, 4, 5, 6],
                Some((2, 4)),
                Some(Damage::NoSubject),
            ),
            (
                "In the book, which has been translated, Holm writes.",
                &[0, 1, 2, 3, 4, 5, 6, 7],
                None,
                Some(Damage::Fragment),
            ),
            // faithful cuts
            (
                "Holm sold the mill in May, the ministry said.",
                &[0, 1, 2, 3],
                Some((4, 6)),
                None,
            ),
            (
                "The envoys met on Friday and the talks closed.",
                &[0, 1, 2],
                Some((3, 5)),
                None,
            ),
            (
                "The bank raised rates because prices rose.",
                &[0, 1, 2, 3],
                None,
                None,
            ),
        ];
        for (text, keep, date, want) in cases {
            assert_eq!(check(text, keep, date, &verbs), want, "{text}");
        }
    }

    #[test]
    fn the_whole_sentence_unless_too_long_or_only_a_quote() {
        let show = |text: &str| {
            let mut tokens = Vec::new();
            tokenize_numbers(text, 0, text.len(), &mut tokens);
            whole(&Words {
                prose: text,
                tokens: &tokens,
            })
        };
        assert_eq!(
            show("But the mill, which Holm sold, closed in May.").as_deref(),
            Some("The mill, which Holm sold, closed in May")
        );
        assert_eq!(show("“We did nothing wrong in May.”"), None);
        assert_eq!(
            show("LISK — The delegation walked out on Wednesday.").as_deref(),
            Some("The delegation walked out on Wednesday")
        );
        assert_eq!(
            show("“We sold it in May,” Holm said.").as_deref(),
            Some("“We sold it in May,” Holm said")
        );
        let long = format!("Holm sold the mill in May {}.", "and then more ".repeat(20));
        assert_eq!(show(&long), None);
    }
}
