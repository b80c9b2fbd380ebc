//! Slugs, the file and URL names of briefings: a `slug:` value or a path in; a name of
//! lowercase ASCII letters, digits and dashes, at most [`MAX_SLUG_BYTES`] long, out.
//!
//! The `slug` crate does the sanitising (transliteration, lowercasing, dashes). A
//! `slug:` that had to change (`../../escape` becomes `escape`, `Talks Stall` becomes
//! `talks-stall`) gives a warning saying what it became, so a URL never changes
//! without the user knowing. Long slugs are cut, and the cut one is made unique again
//! with the first 8 hex digits of the blake3 hash of the whole slug, so long file names
//! cannot produce names the file system refuses (`<slug>.md.bak2` stays far below the
//! usual 255-byte limit) and two long names that share a beginning stay apart.

use std::path::Path;

use super::IngestError;
use super::errors::invalid;
use crate::diagnostics::{Location, Warning};

/// The longest slug, in bytes.
pub const MAX_SLUG_BYTES: usize = 80;

/// A `slug:` from front matter, sanitised, with a warning when it had to change.
/// `at` is where the `slug:` key is, when known. A slug with nothing usable is an error.
pub(crate) fn checked_slug(
    given: &str,
    display: &Path,
    at: Option<Location>,
) -> Result<(String, Option<Warning>), IngestError> {
    let location = at.unwrap_or_else(|| Location::file(display));
    let slug = cap(slug::slugify(given));
    if slug.is_empty() {
        return Err(invalid(
            location,
            format!("front matter: `slug: {given}` has no letters or digits to make a URL from"),
            "use letters, digits and dashes, e.g. `slug: russia-talks`, or remove `slug:`",
        ));
    }
    let warning = (slug != given.trim()).then(|| {
        Warning::new(
            location,
            format!(
                "front matter: `slug: {given}` is not a safe file and URL name: the briefing is named `{slug}`"
            ),
        )
        .with_hint(format!(
            "write `slug: {slug}` to keep this name, using only lowercase letters, digits and dashes (at most {MAX_SLUG_BYTES} characters)"
        ))
    });
    Ok((slug, warning))
}

/// The slug of a file read on its own: its name.
pub(crate) fn file_slug(display: &Path) -> String {
    let stem = display
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    or_default(cap(slug::slugify(stem)))
}

/// The slug of a path relative to the articles directory: directories joined with `-`.
pub(crate) fn path_slug(relative: &Path) -> String {
    let without_ext = relative.with_extension("");
    let joined: Vec<String> = without_ext
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    or_default(cap(slug::slugify(joined.join("-"))))
}

fn or_default(slug: String) -> String {
    if slug.is_empty() {
        "article".to_string()
    } else {
        slug
    }
}

/// `slug` itself when it is at most [`MAX_SLUG_BYTES`] long, else its first bytes (cut
/// on a character boundary, trailing `-` removed), `-` and 8 hex digits of the hash of
/// the whole slug, so two long names sharing their first 71 bytes still differ. Every
/// slug the tool makes (articles here, actors and tags in `site`) goes through this.
pub fn cap(slug: impl AsRef<str>) -> String {
    const HASH_DIGITS: usize = 8;
    let slug = slug.as_ref();
    if slug.len() <= MAX_SLUG_BYTES {
        return slug.to_string();
    }
    let mut end = MAX_SLUG_BYTES - HASH_DIGITS - 1;
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    let head = match slug[..end].trim_end_matches('-') {
        "" => &slug[..end],
        trimmed => trimmed,
    };
    format!(
        "{head}-{}",
        &blake3::hash(slug.as_bytes()).to_hex()[..HASH_DIGITS]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_slugs_that_change_warn_at_the_key() {
        let at = Some(Location::at("a.md", 3, 1));
        let cases = [
            ("talks", "talks", None),
            ("  talks ", "talks", None),
            (
                "../../escape",
                "escape",
                Some(
                    "a.md:3:1: front matter: `slug: ../../escape` is not a safe file and URL name: the briefing is named `escape`",
                ),
            ),
            (
                "Talks Stall",
                "talks-stall",
                Some(
                    "a.md:3:1: front matter: `slug: Talks Stall` is not a safe file and URL name: the briefing is named `talks-stall`",
                ),
            ),
        ];
        for (given, want, warning) in cases {
            let (slug, got) = checked_slug(given, Path::new("a.md"), at.clone()).unwrap();
            assert_eq!(slug, want, "{given}");
            let first_line = got.map(|w| w.to_string().lines().next().unwrap_or("").to_string());
            assert_eq!(first_line.as_deref(), warning, "{given}");
        }
        let (_, warning) = checked_slug("/etc/passwd", Path::new("a.md"), None).unwrap();
        assert_eq!(warning.unwrap().location, Location::file("a.md"));
        let err = checked_slug("!!", Path::new("a.md"), at).unwrap_err();
        assert_eq!(err.location().to_string(), "a.md:3:1");
    }

    #[test]
    fn long_slugs_are_cut_and_stay_distinct() {
        let long = "a".repeat(70) + "-" + &"b".repeat(40);
        let other = "a".repeat(70) + "-" + &"c".repeat(40);
        let cases = [
            ("short".to_string(), "short".to_string()),
            ("x".repeat(80), "x".repeat(80)),
            (
                long.clone(),
                format!(
                    "{}-{}",
                    "a".repeat(70),
                    &blake3::hash(long.as_bytes()).to_hex()[..8]
                ),
            ),
        ];
        for (slug, want) in cases {
            assert_eq!(cap(slug.clone()), want, "{slug}");
        }
        assert_ne!(cap(long.clone()), cap(other));
        assert!(cap("é".repeat(60)).len() <= MAX_SLUG_BYTES);
        let path = format!("{}/{}.txt", "Section".repeat(20), "word-".repeat(60));
        for slug in [path_slug(Path::new(&path)), file_slug(Path::new(&path))] {
            assert!(slug.len() <= MAX_SLUG_BYTES, "{slug}");
        }
        let given = "Word ".repeat(40);
        let (slug, warning) = checked_slug(&given, Path::new("a.md"), None).unwrap();
        assert!(slug.len() <= MAX_SLUG_BYTES && warning.is_some(), "{slug}");
    }
}
