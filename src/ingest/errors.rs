//! Building the user-facing [`IngestError`]s: a position in the file in, an error that
//! names `file:line:column`, shows the offending line with a caret under the column
//! (like rustc and just do) and says what to do.
//!
//! Every parser we use reports positions relative to the text it was given (the front
//! matter block, the decoded prefix of a file); the helpers here take the whole file
//! text and a byte offset into it, so that callers only have to add the right offset.

use std::path::Path;
use std::str::Utf8Error;

use crate::diagnostics::{Location, line_column};

use super::IngestError;

/// An error with a location but no code frame.
pub(crate) fn invalid(
    location: Location,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> IngestError {
    IngestError::Invalid {
        location,
        message: message.into(),
        hint: hint.into(),
    }
}

/// An error at byte `offset` of the file text `text`, with the line shown under the message.
pub(crate) fn at_offset(
    display: &Path,
    text: &str,
    offset: usize,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> IngestError {
    let (line, column) = line_column(text, offset);
    let mut message = message.into();
    message.push_str(&frame(line_text(text, line), line, column));
    invalid(Location::at(display, line, column), message, hint)
}

/// The text of 1-based line `line` of `text`, without its line ending.
pub(crate) fn line_text(text: &str, line: usize) -> &str {
    let raw = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    raw.strip_suffix('\r').unwrap_or(raw)
}

/// A rustc-style code frame: the line, and a caret under the 1-based character `column`.
pub(crate) fn frame(source_line: &str, line: usize, column: usize) -> String {
    const MAX_SHOWN: usize = 120;
    let gutter = line.to_string().len();
    let mut shown = String::new();
    let mut caret_at = 0;
    let mut start = column.saturating_sub(MAX_SHOWN / 2).max(1) - 1;
    if column <= MAX_SHOWN {
        start = 0;
    }
    for (i, c) in source_line.chars().enumerate().skip(start).take(MAX_SHOWN) {
        if i + 1 == column {
            caret_at = shown.chars().count();
        }
        match c {
            '\t' => shown.push_str("    "),
            c if c.is_control() => shown.push(' '),
            c => shown.push(c),
        }
    }
    if column > source_line.chars().count() {
        caret_at = shown.chars().count();
    }
    let pad = " ".repeat(gutter);
    format!(
        "\n{pad} |\n{line} | {shown}\n{pad} | {}^",
        " ".repeat(caret_at)
    )
}

/// Invalid UTF-8: where the first bad byte is and what to do.
pub(crate) fn utf8_error(display: &Path, bytes: &[u8], error: Utf8Error) -> IngestError {
    let valid = error.valid_up_to();
    // The prefix is valid UTF-8 by definition of `valid_up_to`.
    let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
    let (line, column) = line_column(prefix, prefix.len());
    let byte = bytes.get(valid).copied().unwrap_or(0);
    let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
    let line_end = bytes[valid..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| valid + i);
    let shown = String::from_utf8_lossy(&bytes[line_start..line_end]);
    let shown = shown.strip_suffix('\r').unwrap_or(&shown);
    invalid(
        Location::at(display, line, column),
        format!(
            "is not valid UTF-8: byte 0x{byte:02X} at offset {valid} is not part of a valid character{}",
            frame(shown, line, column)
        ),
        "re-save the file as UTF-8 (in most editors: \"Save with encoding\" > UTF-8)",
    )
}

/// UTF-16 text (with or without a byte-order mark).
pub(crate) fn utf16_error(display: &Path) -> IngestError {
    invalid(
        Location::file(display),
        "is encoded as UTF-16, which is not supported",
        "re-save the file as UTF-8 (in most editors: \"Save with encoding\" > UTF-8)",
    )
}

/// A file over the size limit.
pub(crate) fn too_large(display: &Path, size: u64, max: u64) -> IngestError {
    let (size, max) = sizes(size, max);
    invalid(
        Location::file(display),
        format!("is {size}, over the {max} limit"),
        "split it or raise `build.max_article_bytes` in briefing.toml",
    )
}

/// A size and a limit in the same binary unit, picked from the limit (MiB, KiB or
/// bytes), with one decimal, or more when one decimal would show them equal:
/// `("2.7 MiB", "2.0 MiB")`.
pub(crate) fn sizes(size: u64, limit: u64) -> (String, String) {
    const KIB: u64 = 1024;
    let (unit, name) = match limit {
        l if l >= KIB * KIB => (KIB * KIB, "MiB"),
        l if l >= KIB => (KIB, "KiB"),
        _ => return (format!("{size} bytes"), format!("{limit} bytes")),
    };
    let show =
        |bytes: u64, decimals: usize| format!("{:.*} {name}", decimals, bytes as f64 / unit as f64);
    (1..=3)
        .map(|decimals| (show(size, decimals), show(limit, decimals)))
        .find(|(s, l)| s != l)
        .unwrap_or_else(|| (format!("{size} bytes"), format!("{limit} bytes")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_and_its_limit_share_one_unit() {
        const MIB: u64 = 1024 * 1024;
        let cases = [
            (2_831_155, 2 * MIB, ("2.7 MiB", "2.0 MiB")),
            (5_200_000, 2 * MIB, ("5.0 MiB", "2.0 MiB")),
            (2 * MIB + 30_000, 2 * MIB, ("2.03 MiB", "2.00 MiB")),
            (2 * MIB + 1, 2 * MIB, ("2097153 bytes", "2097152 bytes")),
            (600 * 1024, 512 * 1024, ("600.0 KiB", "512.0 KiB")),
            (1200, 1000, ("1200 bytes", "1000 bytes")),
        ];
        for (size, limit, (s, l)) in cases {
            assert_eq!(sizes(size, limit), (s.to_string(), l.to_string()));
        }
    }

    #[test]
    fn frame_puts_the_caret_under_the_column() {
        let cases = [
            (
                "date: 2022-13-45",
                3,
                7,
                "\n  |\n3 | date: 2022-13-45\n  |       ^",
            ),
            ("\tx: é", 12, 5, "\n   |\n12 |     x: é\n   |        ^"),
            ("ab", 1, 3, "\n  |\n1 | ab\n  |   ^"),
        ];
        for (line, number, column, want) in cases {
            assert_eq!(frame(line, number, column), want, "{line:?}");
        }
    }

    #[test]
    fn frame_of_a_very_long_line_shows_the_part_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let got = frame(&line, 1, 501);
        let caret_line = got.lines().last().unwrap();
        let text_line = got.lines().nth(2).unwrap();
        let caret = caret_line.find('^').unwrap();
        assert_eq!(&text_line[caret..=caret], "X", "{got}");
        assert!(text_line.len() < 200);
    }

    #[test]
    fn utf8_errors_point_at_the_bad_byte() {
        let bytes: Vec<u8> = [b"ok\nab".as_slice(), &[0xFF], b"cd"].concat();
        let err = std::str::from_utf8(&bytes).unwrap_err();
        let e = utf8_error(Path::new("a.txt"), &bytes, err);
        assert_eq!(e.location().to_string(), "a.txt:2:3");
        assert!(e.to_string().contains("offset 5"), "{e}");
        assert!(e.to_string().contains("2 | ab\u{FFFD}cd\n  |   ^"), "{e}");
        assert!(e.to_string().contains("re-save the file as UTF-8"), "{e}");
    }

    #[test]
    fn at_offset_names_line_and_column_and_shows_the_line() {
        let text = "---\ntitle: x\ndate: soon\n---\nbody";
        let e = at_offset(
            Path::new("a.md"),
            text,
            text.find("soon").unwrap(),
            "invalid date",
            "fix it",
        );
        assert_eq!(e.location().to_string(), "a.md:3:7");
        assert!(e.to_string().contains("3 | date: soon\n  |       ^"), "{e}");
    }
}
