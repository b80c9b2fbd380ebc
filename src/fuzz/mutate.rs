//! The stable driver's mutator: an input and a seeded random source in, a mutated
//! input out. Used where libFuzzer (which needs a nightly compiler's sanitizer flags)
//! is not available: by `examples/fuzz.rs` for long runs and by the bounded test.
//!
//! Mutations are byte- and token-level edits typical of coverage-less fuzzers, with a
//! dictionary of the syntax the pipeline reacts to (front matter fences, Markdown and
//! HTML markup, quotes, sentence ends, dates, names, control characters), and splices
//! of repeated runs, since repetition is what finds super-linear passes.

/// Tokens worth inserting: what the parsers and the analysis react to.
const DICTIONARY: &[&str] = &[
    "---\n",
    "+++\n",
    "\r\n",
    "\r",
    "\n\n",
    "title: ",
    "date: 2026-03-05\n",
    "tags: [a, b]\n",
    "slug: ",
    "draft: true\n",
    "# ",
    "## ",
    "> ",
    "- ",
    "1. ",
    "```\n",
    "`",
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "[x](y.md)",
    "[x]: /y\n",
    "![i](j.png)",
    "<![CDATA[",
    "<!--",
    "-->",
    "<p>",
    "</p>",
    "<script>",
    "</script>",
    "<article>",
    "<h1>",
    "</h1>",
    "<title>",
    "&amp;",
    "&#0;",
    "\"",
    "'",
    "\u{201C}",
    "\u{201D}",
    "\u{2019}",
    "«",
    "»",
    ". ",
    "? ",
    "! ",
    "...",
    "…",
    "Mr. ",
    "Dr. ",
    "U.S. ",
    "on Wednesday",
    "next week",
    "last year",
    "on March 4, 2026",
    "2026-03-05",
    "at 9 a.m.",
    "Ana Varela",
    "Minister",
    "the Sarn River",
    "said",
    "\0",
    "\x01",
    "\x1b",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{FEFF}",
    "\t",
    " ",
    "é",
    "日本",
];

/// A mutated copy of `input`: its first byte (the kind selector) is kept most of the
/// time, the rest gets one to four edits.
pub fn mutate(input: &[u8], rng: &mut fastrand::Rng, max_len: usize) -> Vec<u8> {
    let mut out = input.to_vec();
    if out.is_empty() {
        out.push(rng.u8(..));
    }
    for _ in 0..rng.usize(1..=4) {
        edit(&mut out, rng);
    }
    if rng.u8(..) == 0 {
        out[0] = rng.u8(..);
    }
    out.truncate(max_len.max(1));
    out
}

/// One random edit of `data[1..]`.
fn edit(data: &mut Vec<u8>, rng: &mut fastrand::Rng) {
    let len = data.len();
    let at = rng.usize(1..=len);
    match rng.u8(0..8) {
        0 if len > 1 => {
            let end = (at + rng.usize(0..16)).min(len);
            data.drain(at.min(end)..end);
        }
        1 if len > 1 => {
            let i = rng.usize(1..len);
            data[i] = rng.u8(..);
        }
        2 if len > 1 => {
            let i = rng.usize(1..len);
            data[i] ^= 1 << rng.u8(0..8);
        }
        3 => {
            let token = DICTIONARY[rng.usize(..DICTIONARY.len())];
            data.splice(at..at, token.bytes());
        }
        4 => {
            // a run of one token: repetition is what finds super-linear passes
            let token = DICTIONARY[rng.usize(..DICTIONARY.len())];
            let run = token.repeat(rng.usize(2..256));
            data.splice(at..at, run.bytes());
        }
        5 if len > 2 => {
            // repeat a piece of the input itself
            let start = rng.usize(1..len);
            let end = (start + rng.usize(1..64)).min(len);
            let piece = data[start..end].repeat(rng.usize(2..64));
            data.splice(at..at, piece);
        }
        6 if len > 2 => {
            let start = rng.usize(1..len);
            let end = (start + rng.usize(1..256)).min(len);
            let piece = data[start..end].to_vec();
            let to = rng.usize(1..=len);
            data.splice(to..to, piece);
        }
        _ => {
            let token = DICTIONARY[rng.usize(..DICTIONARY.len())];
            let end = (at + token.len()).min(len);
            data.splice(at..end, token.bytes());
        }
    }
}
