//! Locations and warnings shared by every stage.
//!
//! A stage that finds something the user should fix but that does not stop the build
//! returns a [`Warning`] as a value (never prints it): the caller decides how to show
//! it, which keeps stages pure and lets `check` collect everything in one report.
//! Every warning names the file and, when known, the line and column.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A place in a user's file: path, and 1-based line and column when known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Location {
    /// A location that names only a file.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            path: path.into(),
            line: None,
            column: None,
        }
    }

    /// A location at a 1-based line and column.
    pub fn at(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            path: path.into(),
            line: Some(line),
            column: Some(column),
        }
    }

    /// The location of byte `offset` in `text`, where `text` starts at 1-based `first_line`.
    pub fn of_offset(path: &Path, text: &str, offset: usize, first_line: usize) -> Self {
        let (line, column) = line_column(text, offset);
        Location::at(path, line + first_line - 1, column)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
/// Offsets past the end or inside a character are clamped to a valid position.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// [`line_column`] for many offsets into one text: each call reads on from the last
/// offset when the new one is not before it, so offsets in increasing order (the links
/// of a document, in document order) cost one pass over the text in all, where calling
/// [`line_column`] for each would read the text from its start every time.
pub struct LineColumns<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> LineColumns<'a> {
    pub fn new(text: &'a str) -> Self {
        LineColumns {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// The 1-based line and column of byte `offset`, clamped as [`line_column`] does.
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            (self.offset, self.line, self.column) = (0, 1, 1);
        }
        for c in self.text[self.offset..offset].chars() {
            match c {
                '\n' => (self.line, self.column) = (self.line + 1, 1),
                _ => self.column += 1,
            }
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

/// Something the user should know about that did not stop the build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub location: Location,
    pub message: String,
    /// What to do about it, when there is something to do.
    pub hint: Option<String>,
}

impl Warning {
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Warning {
            location,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_lines_and_characters() {
        let cases = [
            ("abc", 0, (1, 1)),
            ("abc", 2, (1, 3)),
            ("a\nbc", 2, (2, 1)),
            ("a\nbc", 3, (2, 2)),
            ("é\nxé", 6, (2, 3)),
            ("é\nxé", 5, (2, 2)),
            ("abc", 99, (1, 4)),
            ("é", 1, (1, 1)),
        ];
        for (text, offset, want) in cases {
            assert_eq!(line_column(text, offset), want, "{text:?} @ {offset}");
        }
    }

    #[test]
    fn location_display_includes_what_is_known() {
        assert_eq!(Location::file("a.txt").to_string(), "a.txt");
        assert_eq!(Location::at("a.txt", 3, 7).to_string(), "a.txt:3:7");
    }

    #[test]
    fn of_offset_shifts_by_first_line() {
        let loc = Location::of_offset(Path::new("a.md"), "x\ny", 2, 5);
        assert_eq!((loc.line, loc.column), (Some(6), Some(1)));
    }

    #[test]
    fn line_columns_agree_with_line_column_in_any_order() {
        let text = "ab\ncdé\n\nfgh";
        let mut many = LineColumns::new(text);
        let offsets = [0, 1, 3, 5, 6, 7, 8, 9, 12, 40, 2, 0, 11];
        for offset in offsets {
            assert_eq!(many.at(offset), line_column(text, offset), "{offset}");
        }
    }
}
