//! Characters no page may carry: an article's decoded text in, the same text with old
//! Mac line endings read as new lines and characters XML forbids replaced out.
//!
//! Articles come from outside. A NUL, an escape or another C0 control character (or
//! the non-characters U+FFFE and U+FFFF) copied into a title or a quote makes the Atom
//! feed and the sitemap invalid XML, which feed readers refuse whole; a lone `\r` (old
//! Mac line endings) hid a file's front matter. Both are repaired here, where the text
//! enters, with replacements of the same byte length (a space for a control character,
//! U+FFFD for a non-character, `\n` for a lone `\r`) so that every offset into the
//! text stays valid; `parse` warns once per article that had forbidden characters.

use std::borrow::Cow;

use super::Article;

/// Whether `c` is forbidden in XML 1.0 (tab, newline and carriage return are allowed).
pub fn forbidden(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0B' | '\x0C' | '\x0E'..='\x1F' | '\u{FFFE}' | '\u{FFFF}')
}

/// `text` with each lone `\r` turned into `\n` (so `\n`, `\r\n` and `\r` line endings
/// all read alike) and each forbidden character replaced; and whether any forbidden
/// character was found. Borrowed when there was nothing to change.
pub(crate) fn clean(text: &str) -> (Cow<'_, str>, bool) {
    let bytes = text.as_bytes();
    let lone_cr = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    let needs = text.chars().any(forbidden) || (0..bytes.len()).any(lone_cr);
    if !needs {
        return (Cow::Borrowed(text), false);
    }
    let mut found = false;
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        out.push(match c {
            '\r' if lone_cr(i) => '\n',
            '\u{FFFE}' | '\u{FFFF}' => {
                found = true;
                '\u{FFFD}'
            }
            c if forbidden(c) => {
                found = true;
                ' '
            }
            c => c,
        });
    }
    (Cow::Owned(out), found)
}

/// Replaces forbidden characters in a value that is not an offset target (a title, a
/// tag): controls become spaces, non-characters U+FFFD. Whether any was found.
fn clean_field(value: &mut String) -> bool {
    if !value.chars().any(forbidden) {
        return false;
    }
    *value = value
        .chars()
        .map(|c| match c {
            '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c if forbidden(c) => ' ',
            c => c,
        })
        .collect();
    true
}

/// Replaces forbidden characters in every text of `article` (its text and prose alike,
/// so their offsets stay equal). Whether any was found.
pub(crate) fn clean_article(article: &mut Article) -> bool {
    let mut found = false;
    for field in [&mut article.text, &mut article.prose, &mut article.title] {
        found |= clean_field(field);
    }
    for field in [&mut article.source, &mut article.url, &mut article.author]
        .into_iter()
        .flatten()
    {
        found |= clean_field(field);
    }
    for tag in &mut article.tags {
        found |= clean_field(tag);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_forbidden_characters_are_replaced_in_place() {
        let cases = [
            ("plain\ntext", "plain\ntext", false),
            ("crlf\r\nstays", "crlf\r\nstays", false),
            ("old\rmac\r", "old\nmac\n", false),
            ("a\0b\x01c\x1bd", "a b c d", true),
            ("tab\tkept", "tab\tkept", false),
            ("non\u{FFFE}char\u{FFFF}", "non\u{FFFD}char\u{FFFD}", true),
        ];
        for (text, want, warn) in cases {
            let (got, found) = clean(text);
            assert_eq!(got, want, "{text:?}");
            assert_eq!(got.len(), text.len(), "same length: {text:?}");
            assert_eq!(found, warn, "{text:?}");
        }
    }
}
