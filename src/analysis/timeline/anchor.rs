//! The narrative's time for an anaphoric century: a time expression and the time the
//! story is at in, the expression re-anchored there out.
//!
//! "By the middle of the century" names no century of its own: it means the one the
//! narrative is in. The time-expression tagger resolves such anaphora against the last
//! date mentioned before it, which in a history told around quotes and headings may be
//! a "Tomorrow" or a "today" of the page rather than the story ("In 1939 the lamps lit
//! the fair. By the middle of the century they were adopted for politics" is the 20th
//! century, whatever the page said in between). The timeline keeps the last year the
//! article named in digits, the time its narrative is at, and re-anchors there;
//! without one the expression stays as tagged. Only "the century" is
//! re-anchored: "the 20th century" says which one, "a century ago" and "this century"
//! count from the time of writing.

use jiff::civil::Date;

use crate::analysis::timex::{Timex, TimexType, value};

/// The expression at the narrative's time (`story`: the last year named) when it is a century without digits of its own
/// ("the middle of the century") and the story is in another century; else `None`.
pub(super) fn century_at(prose: &str, t: &Timex, story: Option<Date>) -> Option<Timex> {
    let story = story?;
    let text = prose.get(t.start..t.end)?.to_lowercase();
    let anaphoric = t.kind == TimexType::Date
        && t.value.len() == 2
        && t.value.bytes().all(|b| b.is_ascii_digit())
        && text.contains("the century")
        && !text.contains("ago")
        && !text.bytes().any(|b| b.is_ascii_digit());
    let value = format!("{:02}", story.year().div_euclid(100));
    if !anaphoric || value == t.value {
        return None;
    }
    // "the mid-21st century" -> "the mid-20th century": only the century's name changes
    let old = value::label(&t.value);
    let new = value::label(&value);
    let (old, new) = (old.strip_prefix("the ")?, new.strip_prefix("the ")?);
    Some(Timex {
        value,
        label: t.label.replace(old, new),
        ..t.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn timex(prose: &str, phrase: &str, value: &str, label: &str) -> Timex {
        let start = prose.find(phrase).unwrap_or(0);
        Timex {
            start,
            end: start + phrase.len(),
            kind: TimexType::Date,
            value: value.to_string(),
            label: label.to_string(),
            modifier: None,
            sentence: 0,
        }
    }

    #[test]
    fn an_anaphoric_century_is_the_story_s() {
        let prose =
            "By the middle of the century the lamps were everywhere, as in the 21st century.";
        let middle = timex(
            prose,
            "the middle of the century",
            "20",
            "the mid-21st century",
        );
        let named = timex(prose, "the 21st century", "20", "the 21st century");
        let story = Some(date(1939, 6, 1));
        let got = century_at(prose, &middle, story).map(|t| (t.value, t.label));
        assert_eq!(
            got,
            Some(("19".to_string(), "the mid-20th century".to_string()))
        );
        // a century named by its number or counted from today, a story already in
        // that century, no story time
        assert_eq!(century_at(prose, &named, story), None);
        let paris = "Neon lit Paris a century ago.";
        let ago = timex(paris, "a century ago", "19", "the 20th century");
        assert_eq!(century_at(paris, &ago, Some(date(1899, 1, 1))), None);
        assert_eq!(century_at(prose, &middle, Some(date(2031, 1, 1))), None);
        assert_eq!(century_at(prose, &middle, None), None);
    }
}
