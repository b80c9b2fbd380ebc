//! End-to-end tests of `tag`: sentences written for these tests, published on
//! Friday 28 January 2022 unless a case says otherwise.

use jiff::civil::{Date, date};

use super::{Timex, TimexMod, TimexType, tag};
use crate::analysis::sentences::{Sentence, split};
use crate::ingest::{Block, BlockKind};

const FRIDAY: Date = date(2022, 1, 28);

/// The article's sentences, as the pipeline splits them (one paragraph).
fn sentences(text: &str) -> Vec<Sentence> {
    split(
        text,
        &[Block {
            start: 0,
            end: text.len(),
            kind: BlockKind::Paragraph,
        }],
    )
}

fn run(text: &str, published: Option<Date>) -> Vec<Timex> {
    tag(text, &sentences(text), published)
}

/// The expression whose text is `span`.
fn find<'a>(text: &str, timexes: &'a [Timex], span: &str) -> &'a Timex {
    let found = timexes.iter().find(|t| &text[t.start..t.end] == span);
    found.unwrap_or_else(|| {
        let got: Vec<&str> = timexes.iter().map(|t| &text[t.start..t.end]).collect();
        panic!("no timex {span:?} in {text:?}; found {got:?}")
    })
}

/// (sentence, expected extent, expected value) with the Friday publication date.
fn check(cases: &[(&str, &str, &str)]) {
    for &(text, span, value) in cases {
        let timexes = run(text, Some(FRIDAY));
        assert_eq!(find(text, &timexes, span).value, value, "{text}");
    }
}

#[test]
fn explicit_dates_in_news_forms() {
    check(&[
        (
            "The deal was signed on Jan. 26 in Geneva.",
            "Jan. 26",
            "2022-01-26",
        ),
        (
            "The deal was signed on 26 January 2022.",
            "26 January 2022",
            "2022-01-26",
        ),
        (
            "The report is dated 2022-01-26 and runs long.",
            "2022-01-26",
            "2022-01-26",
        ),
        (
            "It happened on Wednesday, January 26, in the capital.",
            "Wednesday, January 26",
            "2022-01-26",
        ),
        (
            "The treaty was signed on January 26, 2021.",
            "January 26, 2021",
            "2021-01-26",
        ),
        (
            "The vote was moved to 3/15/2022 by the board.",
            "3/15/2022",
            "2022-03-15",
        ),
        ("The law passed in 2019 after long debate.", "2019", "2019"),
        ("Prices soared in January 2020.", "January 2020", "2020-01"),
        ("Sales peaked in the 1990s.", "the 1990s", "199"),
        (
            "The port was built in the 19th century.",
            "the 19th century",
            "18",
        ),
        (
            "Shops will close on Christmas Day.",
            "Christmas Day",
            "2022-12-25",
        ),
        (
            "Shops closed on Christmas Day.",
            "Christmas Day",
            "2021-12-25",
        ),
    ]);
}

#[test]
fn weekdays_months_and_years_with_tense() {
    check(&[
        (
            "The minister resigned Wednesday.",
            "Wednesday",
            "2022-01-26",
        ),
        (
            "The minister resigned on Wednesday.",
            "Wednesday",
            "2022-01-26",
        ),
        (
            "The ministers will meet on Wednesday.",
            "Wednesday",
            "2022-02-02",
        ),
        (
            "The ministers will meet Wednesday.",
            "Wednesday",
            "2022-02-02",
        ),
        ("She will speak on Friday.", "Friday", "2022-01-28"),
        (
            "The rally was held last Friday.",
            "last Friday",
            "2022-01-21",
        ),
        ("The court sits next Monday.", "next Monday", "2022-01-31"),
        ("Talks were held in December.", "December", "2021-12"),
        (
            "The parties will hold talks in December.",
            "December",
            "2022-12",
        ),
        ("The bill passed last November.", "last November", "2021-11"),
        ("Inflation rose this year.", "this year", "2022"),
        ("Inflation rose last year.", "last year", "2021"),
        ("Elections are due next year.", "next year", "2023"),
        (
            "Exports fell by a third in mid-February.",
            "mid-February",
            "2021-02",
        ),
        (
            "The new terminal will open in mid-February.",
            "mid-February",
            "2022-02",
        ),
    ]);
}

#[test]
fn a_month_named_with_a_future_or_future_in_the_past_looks_ahead() {
    check(&[
        (
            "Ada Quill said the company would present a revised roster in December.",
            "December",
            "2022-12",
        ),
        (
            "The port will publish its audited accounts in December.",
            "December",
            "2022-12",
        ),
        (
            "The ferry line is to open a second route in December.",
            "December",
            "2022-12",
        ),
        (
            "The council plans to vote on the proposed budget in December.",
            "December",
            "2022-12",
        ),
        (
            "Kestria said it planned to hold a referendum in December.",
            "December",
            "2022-12",
        ),
        // the past stays past, with or without an attributive participle
        (
            "The company presented a revised roster in December.",
            "December",
            "2021-12",
        ),
        (
            "The council said it had approved the revised budget in December.",
            "December",
            "2021-12",
        ),
        (
            "The list of guarantees submitted to the council in December was long.",
            "December",
            "2021-12",
        ),
        (
            "The port was to open a second route in December, but the plan failed.",
            "December",
            "2021-12",
        ),
    ]);
    // published in November: the coming December is this year's, not last year's
    let text = "Samuel Achterberg said the company would present a revised roster in December.";
    let timexes = run(text, Some(date(2025, 11, 20)));
    assert_eq!(find(text, &timexes, "December").value, "2025-12");
}

#[test]
fn deadlines_and_appointments_look_ahead_whatever_the_verb() {
    // Published on Friday 28 January 2022.
    check(&[
        (
            "The vote was postponed until Tuesday.",
            "Tuesday",
            "2022-02-01",
        ),
        (
            "The agency has given the families until Monday to reply.",
            "Monday",
            "2022-01-31",
        ),
        (
            "The envoy said she could travel as soon as Wednesday.",
            "Wednesday",
            "2022-02-02",
        ),
        (
            "The court has scheduled a hearing Thursday.",
            "Thursday",
            "2022-02-03",
        ),
        ("The talks were slated for March.", "March", "2022-03"),
        // without a deadline or an appointment the past tense still looks back
        ("The vote was held on Tuesday.", "Tuesday", "2022-01-25"),
        ("The court adjourned on Tuesday.", "Tuesday", "2022-01-25"),
        (
            "The match was postponed on Saturday because of snow.",
            "Saturday",
            "2022-01-22",
        ),
        ("The attack was planned in March.", "March", "2021-03"),
        ("The strike lasted until Tuesday.", "Tuesday", "2022-01-25"),
        ("The match was postponed to Monday.", "Monday", "2022-01-31"),
    ]);
}

#[test]
fn relative_and_deictic_expressions() {
    check(&[
        (
            "The war ended almost four years ago.",
            "almost four years ago",
            "2018",
        ),
        ("The envoys will meet next week.", "next week", "2022-W05"),
        ("The envoys met last week.", "last week", "2022-W03"),
        ("Unemployment fell last month.", "last month", "2021-12"),
        (
            "Earlier on Friday, the envoy called the minister.",
            "Friday",
            "2022-01-28",
        ),
        ("The envoy arrived yesterday.", "yesterday", "2022-01-27"),
        ("The envoy speaks today.", "today", "2022-01-28"),
        ("The envoy leaves tomorrow.", "tomorrow", "2022-01-29"),
        (
            "The envoy arrived two days ago.",
            "two days ago",
            "2022-01-26",
        ),
        (
            "The plant closed three years ago.",
            "three years ago",
            "2019",
        ),
        (
            "Ties were cut earlier this month.",
            "earlier this month",
            "2022-01",
        ),
        (
            "Payments are due at the end of the month.",
            "the end of the month",
            "2022-01",
        ),
        ("Prices rose last summer.", "last summer", "2021-SU"),
        (
            "Heating costs soared this winter.",
            "this winter",
            "2021-WI",
        ),
        (
            "Profit fell in the third quarter of 2021.",
            "the third quarter of 2021",
            "2021-Q3",
        ),
        ("Profit fell last quarter.", "last quarter", "2021-Q4"),
        (
            "The firm posted a third-quarter loss.",
            "third-quarter",
            "2021-Q3",
        ),
        (
            "The plan runs until early next year.",
            "early next year",
            "2023",
        ),
        (
            "The strike began over the weekend.",
            "the weekend",
            "2022-W03-WE",
        ),
    ]);
}

#[test]
fn times_and_parts_of_day() {
    check(&[
        (
            "The rally began Friday morning.",
            "Friday morning",
            "2022-01-28TMO",
        ),
        (
            "Fireworks are planned for tonight.",
            "tonight",
            "2022-01-28TNI",
        ),
        (
            "Shots were heard last night.",
            "last night",
            "2022-01-27TNI",
        ),
        (
            "Polls closed Thursday at 3 p.m. sharp.",
            "3 p.m.",
            "2022-01-27T15:00",
        ),
        (
            "Polls closed at 3 p.m. Thursday in the north.",
            "3 p.m. Thursday",
            "2022-01-27T15:00",
        ),
        (
            "The quake struck at 10:30 a.m. local time.",
            "10:30 a.m. local time",
            "2022-01-28T10:30",
        ),
    ]);
    let text = "The rally began Friday morning.";
    assert_eq!(
        find(text, &run(text, Some(FRIDAY)), "Friday morning").kind,
        TimexType::Time
    );
}

#[test]
fn durations_and_sets() {
    let cases = [
        (
            "The war lasted three years.",
            "three years",
            "P3Y",
            TimexType::Duration,
        ),
        (
            "Prices rose over the past two months.",
            "the past two months",
            "P2M",
            TimexType::Duration,
        ),
        (
            "Rescuers worked a 24-hour shift.",
            "24-hour",
            "PT24H",
            TimexType::Duration,
        ),
        (
            "The talks dragged on for several weeks.",
            "several weeks",
            "PXW",
            TimexType::Duration,
        ),
        (
            "The council meets every week.",
            "every week",
            "P1W",
            TimexType::Set,
        ),
        (
            "Elections are held twice a year.",
            "twice a year",
            "P1Y",
            TimexType::Set,
        ),
        ("The paper appears daily.", "daily", "P1D", TimexType::Set),
        (
            "The market opens every Monday.",
            "every Monday",
            "XXXX-WXX-1",
            TimexType::Set,
        ),
    ];
    for (text, span, value, kind) in cases {
        let timexes = run(text, Some(FRIDAY));
        let t = find(text, &timexes, span);
        assert_eq!((t.value.as_str(), t.kind), (value, kind), "{text}");
    }
}

#[test]
fn vague_references_are_tagged_with_ref_values() {
    check(&[
        ("Prices are now rising.", "now", "PRESENT_REF"),
        ("The rules changed recently.", "recently", "PAST_REF"),
        (
            "Nobody knows what the future holds.",
            "the future",
            "FUTURE_REF",
        ),
    ]);
}

#[test]
fn anaphora_resolves_against_the_last_date_mentioned() {
    let text = "The summit opened on March 3, 2021. The next day, leaders signed the accord. That day, markets rose. \
                Two days later, the envoys left. A year earlier, talks had failed.";
    let timexes = run(text, Some(FRIDAY));
    let cases = [
        ("The next day", "2021-03-04"),
        ("That day", "2021-03-04"),
        ("Two days later", "2021-03-06"),
        ("A year earlier", "2020-03-06"),
    ];
    for (span, value) in cases {
        assert_eq!(find(text, &timexes, span).value, value, "{span}");
    }
}

#[test]
fn without_publication_date_relative_expressions_stay_relative() {
    let cases = [
        (
            "They met on Wednesday.",
            "Wednesday",
            "XXXX-WXX-3",
            "Wednesday, week of publication",
        ),
        (
            "They will meet next week.",
            "next week",
            "XXXX-WXX",
            "the week after publication",
        ),
        (
            "The envoy arrived yesterday.",
            "yesterday",
            "XXXX-XX-XX",
            "the day before publication",
        ),
        (
            "Talks were held in December.",
            "December",
            "XXXX-12",
            "December (year not given)",
        ),
        (
            "The deal was signed on January 26, 2022.",
            "January 26, 2022",
            "2022-01-26",
            "Wednesday 26 January 2022",
        ),
    ];
    for (text, span, value, label) in cases {
        let timexes = run(text, None);
        let t = find(text, &timexes, span);
        assert_eq!(
            (t.value.as_str(), t.label.as_str()),
            (value, label),
            "{text}"
        );
    }
}

#[test]
fn labels_and_modifiers_for_readers() {
    let cases = [
        (
            "The envoy met the minister on Wednesday.",
            "Wednesday",
            "Wednesday 26 January 2022",
            None,
        ),
        (
            "Ties were cut earlier this month.",
            "earlier this month",
            "January 2022",
            Some(TimexMod::Start),
        ),
        (
            "The plant will close by the end of the year.",
            "the end of the year",
            "late 2022",
            Some(TimexMod::End),
        ),
        (
            "The envoys will meet next week.",
            "next week",
            "week of 31 January 2022",
            None,
        ),
    ];
    for (text, span, label, modifier) in cases {
        let timexes = run(text, Some(FRIDAY));
        let t = find(text, &timexes, span);
        assert_eq!((t.label.as_str(), t.modifier), (label, modifier), "{text}");
    }
}

#[test]
fn extents_follow_timeml() {
    let cases = [
        ("They met on Wednesday in Paris.", vec!["Wednesday"]),
        ("Talks resumed in December.", vec!["December"]),
        (
            "Profit fell in the third quarter.",
            vec!["the third quarter"],
        ),
        ("Growth slows in early 2023.", vec!["early 2023"]),
        (
            "Sales fell in Jan. and rose in Feb. 2021.",
            vec!["Jan.", "Feb. 2021"],
        ),
        ("The vote is in May.", vec!["May"]),
        ("Theresa May spoke to reporters.", vec![]),
        ("The 6-year-old boy was found.", vec![]),
        ("Troops march on the capital.", vec![]),
        ("He scored 2022 points and 1,998 rebounds.", vec!["2022"]),
    ];
    for (text, want) in cases {
        let timexes = run(text, Some(FRIDAY));
        let got: Vec<&str> = timexes.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn odd_input_never_panics() {
    let texts = [
        "It happened on February 30, 2022.",
        "He finished the 99th race on the 99th.",
        "In the year 99999 nothing happened.",
        "The deadline is 9999-12-31 and next year after that.",
        "On 12/31/9999, a week later, the next day.",
        "Week 60 of Q9 in H3, 0000-00-00, 31 February, 32 January.",
        "Зустріч відбулася в середу. 会议在周三举行。 Ünïcödé Friday morning.",
        "1234567890123456789012345678901234567890 years ago, every 99999999999 days.",
        "at 99:99 p.m., 25 o'clock, 0000 GMT, 12:60 UTC",
        "the 2000s, the '00s, the 9990s, the 0th century, the 31st century",
        "",
        ".",
        "- - - , , , ' ' '",
    ];
    for published in [
        Some(FRIDAY),
        None,
        Some(Date::MAX),
        Some(Date::MIN),
        Some(date(1, 1, 1)),
    ] {
        for text in texts {
            for t in run(text, published) {
                assert!(t.start < t.end && t.end <= text.len(), "{text}");
                assert!(!t.value.is_empty() && !t.label.is_empty(), "{text}");
            }
        }
    }
    let impossible = run("It happened on February 30, 2022.", Some(FRIDAY));
    assert_eq!(
        impossible[0].value, "2022-02",
        "an impossible day falls back to its month"
    );
}

#[test]
fn expressions_come_in_document_order_without_overlap() {
    let text = "On Monday, Jan. 24, the envoy left; two days later, on Wednesday, he met the minister. \
                Next week, they meet again, and in December they will sign.";
    let timexes = run(text, Some(FRIDAY));
    assert!(timexes.len() >= 5, "{timexes:?}");
    for pair in timexes.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
}

#[test]
fn months_of_relative_years_fractions_and_story_time() {
    check(&[
        (
            "In January this year, the guild struck.",
            "January this year",
            "2022-01",
        ),
        (
            "The ferry sank in June last year.",
            "June last year",
            "2021-06",
        ),
        (
            "Profit fell in the 2020 third quarter.",
            "the 2020 third quarter",
            "2020-Q3",
        ),
        (
            "The crew lived at sea for 2 1/2 years.",
            "2 1/2 years",
            "P2Y6M",
        ),
        ("She spent 5 1/2 hours in Lisk.", "5 1/2 hours", "PT5H30M"),
        (
            "The river froze in the winter of nineteen ninety-four.",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
        (
            "The dam opened on March 3, 2021. Guards arrived at 10 p.m. to close it.",
            "10 p.m.",
            "2021-03-03T22:00",
        ),
        (
            "The board met to review Wednesday's ruling, which it will appeal.",
            "Wednesday",
            "2022-01-26",
        ),
        ("Prices have risen in recent years.", "recent years", "PXY"),
    ]);
}

#[test]
fn dates_inside_names_and_unplaced_offsets_are_no_dates() {
    let cases = [
        (
            "He joined the paper in 2009 as a writer for the Sunday Business section.",
            "Sunday",
        ),
        ("The 2025 bonds fell sharply.", "2025"),
        ("She spoke on ABC's \"This Week\" programme.", "This Week"),
    ];
    for (text, span) in cases {
        let timexes = run(text, Some(FRIDAY));
        assert!(
            timexes.iter().all(|t| &text[t.start..t.end] != span),
            "{text}: {timexes:?}"
        );
    }
    let text = "Seven decades later, the river still floods the valley.";
    let timexes = run(text, Some(FRIDAY));
    let later = find(text, &timexes, "Seven decades later");
    assert!(later.value.contains('X'), "{later:?}");
}

#[test]
fn the_reported_quarter_and_its_year_ago_comparisons() {
    // Published on Friday 28 January 2022: the last quarter over is 2021-Q4.
    check(&[
        // a forecast for the quarter under way is not the latest quarter reported
        (
            "Brightwater expects a first-quarter charge. Sales fell 9% in the latest quarter.",
            "the latest quarter",
            "2021-Q4",
        ),
        (
            "Brightwater expects a first-quarter charge. Sales fell 9% in the latest quarter, \
             after a gain a year ago.",
            "a year ago",
            "2020-Q4",
        ),
        (
            "Brightwater posted a third-quarter profit. It lost money in the year-ago quarter.",
            "the year-ago quarter",
            "2020-Q3",
        ),
        (
            "Brightwater posted a third-quarter profit. Costs were higher in the year-earlier \
             period.",
            "the year-earlier period",
            "2020-Q3",
        ),
        (
            "Brightwater posted a third-quarter profit. It lost money in the 2019 quarter.",
            "the 2019 quarter",
            "2019-Q3",
        ),
        (
            "Brightwater posted a third-quarter profit. Sales were flat in last year's quarter.",
            "last year's quarter",
            "2020-Q3",
        ),
        // "the quarter" is still the one being talked about, ahead or not
        (
            "Brightwater expects a first-quarter charge. The quarter will be weak.",
            "The quarter",
            "2022-Q1",
        ),
    ]);
    // a comparison is no anchor: "the latest quarter" after it is still this year's
    let text = "Brightwater posted a fourth-quarter profit. It lost money in the year-ago \
                quarter. The latest quarter was its best.";
    let timexes = run(text, Some(FRIDAY));
    assert_eq!(find(text, &timexes, "The latest quarter").value, "2021-Q4");
    // "the 2019 quarter" is a year, not 2019 quarters
    let text = "Profit doubled in the 2019 quarter.";
    let timexes = run(text, Some(FRIDAY));
    assert!(
        timexes.iter().all(|t| t.kind != TimexType::Duration),
        "{timexes:?}"
    );
}

#[test]
fn a_month_about_to_begin_in_a_past_sentence_is_the_coming_one() {
    // Published on 16 August 2021.
    let cases = [
        (
            "The supplier informed Harwick Foods of a cut in deliveries in September.",
            "September",
            "2021-09",
        ),
        (
            "The alliance has decided to admit Velmora and two other members in early September.",
            "early September",
            "2021-09",
        ),
        // a month long gone, not about to begin, or right after its verb stays past
        (
            "The supplier reduced its deliveries in July.",
            "July",
            "2021-07",
        ),
        (
            "The supplier informed Harwick Foods of a cut in deliveries in October.",
            "October",
            "2020-10",
        ),
        (
            "Exports fell by a third in September.",
            "September",
            "2020-09",
        ),
    ];
    for (text, span, value) in cases {
        let timexes = run(text, Some(date(2021, 8, 16)));
        assert_eq!(find(text, &timexes, span).value, value, "{text}");
    }
}

/// The sentences of `parts`, each a paragraph or (when its flag is set) a heading.
fn blocks(parts: &[(&str, bool)]) -> (String, Vec<Sentence>) {
    let mut text = String::new();
    let mut list = Vec::new();
    for &(part, heading) in parts {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(part);
        let kind = if heading {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        list.push(Block {
            start,
            end: text.len(),
            kind,
        });
    }
    let sentences = split(&text, &list);
    (text, sentences)
}

#[test]
fn relative_dates_count_from_the_time_the_writer_and_the_story_are_at() {
    // (text, published, span, value, label)
    let cases = [
        // "earlier this year" is some time before publication, not the year's start
        (
            "Earlier this year the firm cut jobs.",
            date(2016, 11, 15),
            "Earlier this year",
            "2016",
            "2016",
        ),
        (
            "The mill hired staff later this month.",
            date(2016, 11, 2),
            "later this month",
            "2016-11",
            "November 2016",
        ),
        // published in the first week of January: written in the year just ended
        (
            "Earlier this year, a storm flooded the town.",
            date(2019, 1, 3),
            "Earlier this year",
            "2018",
            "2018",
        ),
        (
            "She left university this year to study carving.",
            date(2019, 1, 3),
            "this year",
            "2018",
            "2018",
        ),
        (
            "The new bridge will open this year.",
            date(2019, 1, 3),
            "this year",
            "2019",
            "2019",
        ),
        (
            "She left university this year to study carving.",
            date(2019, 1, 20),
            "this year",
            "2019",
            "2019",
        ),
        // "the century" of a story told in the past is the story's century
        (
            "In the 1960s the city built towers. By the middle of the century, \
             the lamps were being used for politics.",
            FRIDAY,
            "the middle of the century",
            "19",
            "the mid-20th century",
        ),
        (
            "In the 1960s the city built towers. By the middle of the century, \
             sea levels will rise.",
            FRIDAY,
            "the middle of the century",
            "20",
            "the mid-21st century",
        ),
    ];
    for (text, published, span, value, label) in cases {
        let timexes = run(text, Some(published));
        let t = find(text, &timexes, span);
        assert_eq!(
            (t.value.as_str(), t.label.as_str()),
            (value, label),
            "{text}"
        );
    }
}

#[test]
fn a_date_in_a_heading_is_no_anchor_for_the_section_below() {
    let (text, sentences) = blocks(&[
        ("In 2011 we surveyed fifteen newsrooms.", false),
        ("What we found (2013)", true),
        ("Two years later, we went back to them.", false),
    ]);
    let timexes = tag(&text, &sentences, Some(date(2015, 3, 20)));
    assert_eq!(find(&text, &timexes, "Two years later").value, "2013");
    assert_eq!(find(&text, &timexes, "2013").value, "2013");
    // without the heading's year in the way, the same anchor holds
    let (text, sentences) = blocks(&[
        ("In 2011 we surveyed fifteen newsrooms.", false),
        ("Two years later, we went back to them.", false),
    ]);
    let timexes = tag(&text, &sentences, Some(date(2015, 3, 20)));
    assert_eq!(find(&text, &timexes, "Two years later").value, "2013");
}
