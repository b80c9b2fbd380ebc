//! Timeline tests on articles written for them, published Friday 28 January 2022.

use jiff::civil::{Date, date};

use super::{Input, TimelineEntry, build};
use crate::analysis::entities::{Entity, EntityType};
use crate::analysis::sentences::{Sentence, SentenceKind, split};
use crate::analysis::timex::tag;
use crate::ingest::{Block, BlockKind};

const FRIDAY: Date = date(2022, 1, 28);

/// Entities for each `(name, actor)`: every occurrence of the name in `text`.
fn entities(text: &str, names: &[(&str, usize)]) -> Vec<Entity> {
    let mut out: Vec<Entity> = names
        .iter()
        .flat_map(|&(name, actor)| {
            text.match_indices(name).map(move |(i, _)| Entity {
                start: i,
                end: i + name.len(),
                kind: EntityType::Per,
                actor: Some(actor),
            })
        })
        .collect();
    out.sort_by_key(|e| e.start);
    out
}

fn timeline(text: &str, published: Option<Date>, names: &[(&str, usize)]) -> Vec<TimelineEntry> {
    timeline_of(text, &one_paragraph(text), published, names)
}

/// The sentences of `text` read as one paragraph.
fn one_paragraph(text: &str) -> Vec<Sentence> {
    split(
        text,
        &[Block {
            start: 0,
            end: text.len(),
            kind: BlockKind::Paragraph,
        }],
    )
}

fn timeline_of(
    text: &str,
    sentences: &[Sentence],
    published: Option<Date>,
    names: &[(&str, usize)],
) -> Vec<TimelineEntry> {
    let timexes = tag(text, sentences, published);
    build(&Input {
        prose: text,
        sentences,
        timexes: &timexes,
        entities: &entities(text, names),
        actors: &[],
        published,
        ranking: &[],
    })
}

const ARTICLE: &str = "The talks in Vienna ended on Thursday. On Tuesday, Foreign Minister Anna Berg met her \
    Danish counterpart, Lars Holm. Anna Berg will travel to Oslo next week. The war lasted three years. Since 2014, \
    the border has been closed. Negotiators meet every week. Prices are now rising.";

const NAMES: [(&str, usize); 4] = [
    ("Anna Berg", 0),
    ("Lars Holm", 1),
    ("Vienna", 2),
    ("Oslo", 3),
];

#[test]
fn events_are_ordered_by_date_with_their_actors() {
    let got = timeline(ARTICLE, Some(FRIDAY), &NAMES);
    let summary: Vec<(&str, &str, Vec<usize>)> = got
        .iter()
        .map(|e| (e.date.as_str(), e.text.as_str(), e.actors.clone()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "2022-01-25",
                "Foreign Minister Anna Berg met her Danish counterpart, Lars Holm",
                vec![0, 1]
            ),
            ("2022-01-27", "The talks in Vienna ended", vec![2]),
            (
                "2022-W05",
                "Anna Berg will travel to Oslo next week",
                vec![0, 3]
            ),
        ]
    );
    assert_eq!(got[0].when, "Tuesday 25 January 2022");
    assert_eq!(
        got.iter().map(|e| e.sentence).collect::<Vec<_>>(),
        [1, 0, 2]
    );
}

#[test]
fn durations_sets_vague_and_bounding_dates_stay_out() {
    let got = timeline(ARTICLE, Some(FRIDAY), &NAMES);
    for excluded in ["P3Y", "P1W", "PRESENT_REF", "2014"] {
        assert!(
            got.iter().all(|e| e.date != excluded),
            "{excluded} in {got:?}"
        );
    }
}

#[test]
fn event_text_is_the_clause_not_the_sentence() {
    let cases = [
        (
            "The government approved the budget on Monday, which opposition leaders said would raise taxes for millions of families.",
            "2022-01-24",
            "The government approved the budget",
        ),
        (
            "In addition to this, earlier on Friday, the envoy held a call with allies to review the reply.",
            "2022-01-28",
            "The envoy held a call with allies to review the reply",
        ),
        (
            "On Thursday, the minister stated that the country is studying the response, but also criticised the delay.",
            "2022-01-27",
            "The minister stated that the country is studying the response",
        ),
        (
            "This came after the ambassador on Wednesday handed the reply to the deputy minister.",
            "2022-01-26",
            "The ambassador handed the reply to the deputy minister",
        ),
        (
            "On Tuesday the envoy's team crossed the Kestria-Meranthe border at a 'routine' checkpoint.",
            "2022-01-25",
            "The envoy's team crossed the Kestria-Meranthe border at a 'routine' checkpoint",
        ),
        (
            "The Dockworkers' Guild, which counts about 2,400 members on the river, said on Tuesday the walkout had ended.",
            "2022-01-25",
            "The Dockworkers' Guild said the walkout had ended",
        ),
        (
            "A 1,500-strong crowd, which had waited 2.5 hours, cheered on Monday as the ferry docked.",
            "2022-01-24",
            "A 1,500-strong crowd cheered",
        ),
    ];
    for (text, date, want) in cases {
        let got = timeline(text, Some(FRIDAY), &[]);
        let entry = got
            .iter()
            .find(|e| e.date == date)
            .unwrap_or_else(|| panic!("{date} missing: {got:?}"));
        assert_eq!(entry.text, want, "{text}");
    }
}

#[test]
fn a_long_clause_shows_its_whole_sentence_never_a_cut_with_an_ellipsis() {
    let text = "On Monday the committee reviewed every line of the annual report of the company with great \
        care and at considerable expense for the shareholders of the company and its many creditors in the \
        northern and southern provinces of the country.";
    let got = timeline(text, Some(FRIDAY), &[]);
    assert_eq!(got.len(), 1);
    assert!(!got[0].text.contains('…'), "{}", got[0].text);
    assert!(
        got[0].text.ends_with("provinces of the country"),
        "{}",
        got[0].text
    );
    // too long to be one entry: none rather than a cut
    let longer = format!("{} It then {}.", text, "met and talked and ".repeat(12));
    let text = longer.replacen("country.", "country and", 1);
    let got = timeline(&text, Some(FRIDAY), &[]);
    assert!(got.iter().all(|e| !e.text.contains('…')), "{got:?}");
}

#[test]
fn a_cut_that_drops_what_the_words_lean_on_shows_the_whole_sentence() {
    // (text, date, expected text)
    let cases = [
        // the contrast turns the first clause round
        (
            "On Monday the mayor said the fund was growing, but the river was dying.",
            "2022-01-24",
            "On Monday the mayor said the fund was growing, but the river was dying",
        ),
        // a forecast keeps who makes it
        (
            "The budget office estimates that the deficit will climb to 5 percent in 2025.",
            "2025",
            "The budget office estimates that the deficit will climb to 5 percent in 2025",
        ),
        // "too" leans on the clause before it
        (
            "While the mayor has changed course sharply, the council changed its plans on Tuesday, too.",
            "2022-01-25",
            "While the mayor has changed course sharply, the council changed its plans on Tuesday, too",
        ),
        // the writer's lead-in before a colon is no part of the event
        (
            "Now we know when you can buy it: \"Star Run\" will launch on iPhone on February 15, for a fee.",
            "2022-02-15",
            "\"Star Run\" will launch on iPhone on February 15, for a fee",
        ),
    ];
    for (text, date, want) in cases {
        let got = timeline(text, Some(FRIDAY), &[]);
        let entry = got
            .iter()
            .find(|e| e.date == date)
            .unwrap_or_else(|| panic!("{date} missing in {text}: {got:?}"));
        assert_eq!(entry.text, want, "{text}");
    }
    // what was said on Friday may be about December, in its whole sentence
    let text = "Luis Vale said on Friday that farmers had warned the ministry in December that \
        the dam would be filled \"in the worst possible year.\"";
    let got: Vec<String> = timeline(text, Some(FRIDAY), &[])
        .into_iter()
        .map(|e| e.date)
        .collect();
    assert_eq!(got, ["2021-12", "2022-01-28"], "{text}");
    // a faithful cut stays short: nothing after it turns it round
    let text = "On Monday the mayor opened the fund, and the council met on Tuesday.";
    let got = timeline(text, Some(FRIDAY), &[]);
    assert_eq!(got[0].text, "The mayor opened the fund", "{got:?}");
}

#[test]
fn datelines_headings_and_repeats_are_not_events() {
    let text = "KYIV, Jan. 28 (Reuters) - Officials said the convoy had arrived. Talks next week. \
        The convoy left on Monday and reached the city on Monday.";
    let mut sentences = split(
        text,
        &[Block {
            start: 0,
            end: text.len(),
            kind: BlockKind::Paragraph,
        }],
    );
    if let Some(s) = sentences
        .iter_mut()
        .find(|s| text[s.start..s.end].starts_with("Talks"))
    {
        s.kind = SentenceKind::Heading;
    }
    let got = timeline_of(text, &sentences, Some(FRIDAY), &[]);
    let dates: Vec<&str> = got.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, ["2022-01-24"], "{got:?}");
}

#[test]
fn actors_come_from_the_clause_not_the_sentence() {
    let text = "On Thursday, talks ended; Berg left.";
    let got = timeline(text, Some(FRIDAY), &[("Berg", 4)]);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].actors, Vec::<usize>::new());
}

#[test]
fn without_publication_date_entries_keep_relative_labels() {
    let got = timeline(
        "The envoys met on Wednesday. The envoys will meet again next week.",
        None,
        &[],
    );
    let summary: Vec<(&str, &str)> = got
        .iter()
        .map(|e| (e.date.as_str(), e.when.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("XXXX-WXX", "the week after publication"),
            ("XXXX-WXX-3", "Wednesday, week of publication")
        ]
    );
}

#[test]
fn anaphoric_dates_order_after_their_anchor() {
    let text = "The summit opened on March 3, 2021. The next day, leaders signed the accord.";
    let got = timeline(text, Some(FRIDAY), &[]);
    let dates: Vec<&str> = got.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, ["2021-03-03", "2021-03-04"]);
    assert_eq!(got[1].text, "Leaders signed the accord");
}

/// (date, text) of each entry.
fn entries(text: &str, published: Date) -> Vec<(String, String)> {
    timeline(text, Some(published), &[])
        .into_iter()
        .map(|e| (e.date, e.text))
        .collect()
}

/// Asserts the (date, text) entries of `text`, published Tuesday 10 March 2026.
fn assert_entries(text: &str, want: &[(&str, &str)]) {
    let got = entries(text, date(2026, 3, 10));
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(d, t)| (d.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want, "{text}");
}

#[test]
fn a_simple_present_dates_a_scheduled_event() {
    let text = "The harbour council met on Monday to debate the levy. The levy takes effect on \
        July 1. New berthing rules take effect in May.";
    let got = entries(text, date(2026, 2, 3));
    assert!(
        got.contains(&("2026-07-01".into(), "The levy takes effect".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("2026-05".into(), "New berthing rules take effect".into())),
        "{got:?}"
    );
}

#[test]
fn background_participle_clauses_date_only_themselves() {
    let cases = [
        (
            "The river board, set up in 1987 to share the water, hosts the talks.",
            "1987",
            Some("The river board was set up to share the water"),
        ),
        (
            "Lena Varga, elected in 2019 by the guild, said on Monday that she would retire.",
            "2019",
            Some("Lena Varga was elected by the guild"),
        ),
        (
            "The ferries, built in 1964, were withdrawn on Monday.",
            "1964",
            Some("The ferries were built"),
        ),
        (
            "The ferries, built in 1964, were withdrawn on Monday.",
            "2026-03-09",
            Some("The ferries were withdrawn"),
        ),
    ];
    for (text, date_value, want) in cases {
        let got = entries(text, date(2026, 3, 10));
        let found = got
            .iter()
            .find(|(d, _)| d == date_value)
            .map(|(_, t)| t.as_str());
        assert_eq!(found, want, "{text}: {got:?}");
    }
}

#[test]
fn a_non_finite_clause_under_a_present_verb_looks_ahead() {
    let text = "Nothing stops the crew being back at the dock in the autumn, the skipper said.";
    let got = entries(text, date(2026, 3, 10));
    assert_eq!(
        got.first().map(|(d, _)| d.as_str()),
        Some("2026-FA"),
        "{got:?}"
    );
}

#[test]
fn a_future_told_in_the_past_is_kept_and_a_past_after_publication_is_not() {
    // published Wednesday 11 March 2026
    let cases = [
        (
            "The minister said her delegation would answer on Thursday.",
            Some("2026-03-12"),
        ),
        ("The guild said it will vote on Friday.", Some("2026-03-13")),
        // a past event cannot come after the day it was reported
        ("The council met on 20 March 2026.", None),
    ];
    for (text, want) in cases {
        let got = entries(text, date(2026, 3, 11));
        assert_eq!(
            got.first().map(|(d, _)| d.as_str()),
            want,
            "{text}: {got:?}"
        );
    }
}

#[test]
fn clauses_without_a_subject_of_their_own_borrow_the_main_one_or_keep_it() {
    let cases = [
        (
            "The levy has drawn protests since it was announced in October.",
            vec![("2025-10", "The levy was announced")],
        ),
        (
            "The skipper praised the crew, but criticised the delay on Friday.",
            vec![("2026-03-06", "The skipper criticised the delay")],
        ),
        (
            // no one can tell what "it" is, and the sentence does not say: no entry
            "It has been quiet since it reopened in May.",
            vec![],
        ),
        (
            "The yard has won orders for the new ferry since it was launched in May.",
            vec![(
                "2025-05",
                "The yard has won orders for the new ferry since it was launched",
            )],
        ),
        (
            "Copies of the charter have circulated since it was signed in May.",
            vec![(
                "2025-05",
                "Copies of the charter have circulated since it was signed",
            )],
        ),
        (
            "The talks have stalled since it was published in May.",
            vec![("2025-05", "The talks have stalled since it was published")],
        ),
        (
            "The guild said on Monday it would strike.",
            vec![("2026-03-09", "The guild said it would strike")],
        ),
    ];
    for (text, want) in cases {
        assert_entries(text, &want);
    }
}

#[test]
fn an_attributive_participle_after_a_determiner_is_no_reduced_relative() {
    let cases = [
        // (text, the entry's text)
        (
            "Ada Quill, the port's director, said the company would present a revised \
             roster in December.",
            "Ada Quill, the port's director, said the company would present a revised roster",
        ),
        (
            "Ada Quill, the port's director, said the company would present a\nrevised \
             roster in December.",
            "Ada Quill, the port's director, said the company would present a revised roster",
        ),
        (
            "Officials studied the list of guarantees submitted to the council in December.",
            "The list of guarantees was submitted to the council",
        ),
    ];
    for (text, want) in cases {
        let got = entries(text, FRIDAY);
        assert!(
            got.iter().any(|(_, t)| t == want),
            "{text:?}: want {want:?}, got {got:?}"
        );
    }
}

#[test]
fn a_participle_after_a_noun_is_an_event_of_its_own() {
    let cases = [
        (
            "The envoy reviewed the reply that Kestria had sent against the list of demands submitted to Lisk in December.",
            "2021-12",
            Some("The list of demands was submitted to Lisk"),
        ),
        (
            // what the company would do lies ahead: the coming December
            "The company said it would present a revised roster in December.",
            "2022-12",
            Some("The company said it would present a revised roster"),
        ),
        // the post is where the engineer wrote: the writing keeps its writer, and
        // what was written (the quotation before the writer) with it
        (
            "“We missed the leak,” harbour engineer Ana Varela wrote in a blog post published Thursday, weeks after the flood.",
            "2022-01-27",
            Some(
                "“We missed the leak,” harbour engineer Ana Varela wrote in a blog post published Thursday, weeks after the flood",
            ),
        ),
        (
            "Varela wrote in a blog post published Thursday that the leak was found.",
            "2022-01-27",
            Some("Varela wrote in a blog post published Thursday that the leak was found"),
        ),
        // "explained by" says why, not where: the demand is the event
        (
            "The rise is explained by strong demand enjoyed by the ferries during the holidays in December.",
            "2021-12",
            Some("Strong demand was enjoyed by the ferries during the holidays"),
        ),
    ];
    for (text, date_value, want) in cases {
        let got = entries(text, FRIDAY);
        let found = got
            .iter()
            .find(|(d, _)| d.ends_with(date_value))
            .map(|(_, t)| t.as_str());
        assert_eq!(found, want, "{text}: {got:?}");
    }
}

/// A reported entry's text and actors.
type Reported<'a> = (&'a str, &'a [usize]);

#[test]
fn news_without_a_date_of_its_own_is_reported_at_publication() {
    let names = [("Kestria", 0), ("Lisk", 1), ("Varela", 2), ("Holm", 3)];
    let reported = |text: &str| -> Vec<(String, Vec<usize>)> {
        timeline(text, Some(FRIDAY), &names)
            .into_iter()
            .filter(|e| e.reported)
            .map(|e| {
                assert_eq!(
                    (e.date.as_str(), e.when.as_str()),
                    ("2022-01-28", "reported 28 January 2022")
                );
                (e.text, e.actors)
            })
            .collect()
    };
    let cases: [(&str, &[Reported]); 11] = [
        // the lede's present progressive is the news; later in the article it is not
        (
            "A harbour pilot is fighting back after a letter she sent to Lisk started a row. \
             Varela is analysing the letter.",
            &[(
                "A harbour pilot is fighting back after a letter she sent to Lisk started a row",
                &[1],
            )],
        ),
        // the saying at the end is the news of a state ("are under arrest")
        (
            "Varela and Holm are under house arrest at the palace in Lisk, a source said.",
            &[(
                "Varela and Holm are under house arrest at the palace in Lisk, a source said",
                &[1, 2, 3],
            )],
        ),
        (
            "Varela and Holm are under house arrest at the palace in Lisk.",
            &[],
        ),
        (
            "Kestria sent its formal reply to Lisk.",
            &[("Kestria sent its formal reply to Lisk", &[0, 1])],
        ),
        (
            "Varela has met Holm twice.",
            &[("Varela has met Holm twice", &[2, 3])],
        ),
        ("Varela had met Holm before the talks.", &[]),
        ("Varela did not meet Holm.", &[]),
        ("The talks with Kestria seemed stuck.", &[]),
        ("Kestria will send its reply to Lisk.", &[]),
        ("“We sent the reply,” Varela said.", &[]),
        (
            "In 1910 Varela opened the dam at Lisk. Varela designed the sluices.",
            &[],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(String, Vec<usize>)> = want
            .iter()
            .map(|(t, a)| (t.to_string(), a.to_vec()))
            .collect();
        assert_eq!(reported(text), want, "{text}");
    }
}

#[test]
fn the_same_event_told_twice_is_one_entry() {
    let text = "Varela met Holm in Lisk on Monday. On Monday, Varela met Holm in Lisk.";
    let got = timeline(text, Some(FRIDAY), &[("Varela", 2), ("Holm", 3)]);
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn no_entry_shows_a_date_other_than_its_own() {
    let cases = [
        // (text, entries as (date, text))
        // the gapped "and the dredging budget in 2026" is cut off: 2024's own event
        (
            "Port fees will overtake berth rents in 2024 and the dredging budget in 2026.",
            vec![("2024", "Port fees will overtake berth rents")],
        ),
        (
            "The lamps featured at the Halvik fair in 1933 and at the 1939 Lisk exhibition.",
            vec![],
        ),
        (
            "The ferry line opened a second route in 2019.",
            vec![("2019", "The ferry line opened a second route")],
        ),
        // a date a figure is compared with dates nothing: the forecast keeps its year,
        // and who made it
        (
            "Already the largest cost of the port, the fees are on track to hit $90 million \
             next year, nearly 50 percent more than in 2019, according to the harbour board.",
            vec![(
                "2023",
                "Already the largest cost of the port, the fees are on track to hit $90 million \
                 next year, nearly 50 percent more than in 2019, according to the harbour board",
            )],
        ),
        ("Berth rents rose 4 percent compared with 2020.", vec![]),
        // an attribution with a date of its own is its own event: each date its entry
        (
            "The envoys met in Lisk on Tuesday, according to Ada Quill in a briefing on Thursday.",
            vec![
                ("2022-01-25", "The envoys met in Lisk"),
                ("2022-01-27", "Ada Quill spoke in a briefing"),
            ],
        ),
        // words after the source that name no place are left out
        (
            "The envoys met in Lisk on Tuesday, according to Ada Quill, Örs Vadas's aide, on Thursday.",
            vec![
                ("2022-01-25", "The envoys met in Lisk"),
                ("2022-01-27", "Ada Quill said"),
            ],
        ),
        (
            "The envoys met in Lisk on Tuesday, according to Ada Quill at Élan Hall on Thursday.",
            vec![
                ("2022-01-25", "The envoys met in Lisk"),
                ("2022-01-27", "Ada Quill spoke at Élan Hall"),
            ],
        ),
        // a bound dates no event of its own
        (
            "Ada Quill on Thursday gave the drivers until the end of the month to agree.",
            vec![(
                "2022-01-27",
                "Ada Quill gave the drivers until the end of the month to agree",
            )],
        ),
        // what was said on Tuesday may be about next week; the forecast is no entry of
        // its own without who made it, and with it, it is Tuesday's
        (
            "Ada Quill told reporters on Tuesday that talks could resume next week.",
            vec![(
                "2022-01-25",
                "Ada Quill told reporters that talks could resume next week",
            )],
        ),
    ];
    for (text, want) in cases {
        let got = entries(text, FRIDAY);
        let want: Vec<(String, String)> = want
            .into_iter()
            .map(|(d, t)| (d.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn connectives_after_a_fronted_date_go_and_a_condition_is_no_event() {
    let cases = [
        (
            "In 2019, however, when the council passed a harbour bill backed by Kestria, the mayor praised it.",
            Some("The council passed a harbour bill backed by Kestria"),
        ),
        (
            "In 2015, when the ferry line opposed the bridge, the council held back its grant.",
            Some("The ferry line opposed the bridge"),
        ),
        (
            "The tweet made it sound as if the drivers, rather than the app, raised fares that day.",
            None,
        ),
    ];
    for (text, want) in cases {
        let got = entries(text, FRIDAY);
        let found = got.first().map(|(_, t)| t.as_str());
        assert_eq!(found, want, "{text}: {got:?}");
    }
}

#[test]
fn a_verb_keeps_its_particle_when_the_date_after_it_goes() {
    let cases = [
        (
            "The first of the harbour lights was switched on in 1912.",
            "The first of the harbour lights was switched on",
        ),
        ("Kestria stepped in on Wednesday.", "Kestria stepped in"),
        (
            "The ferry line opened a second route in 2019.",
            "The ferry line opened a second route",
        ),
    ];
    for (text, want) in cases {
        let got = entries(text, FRIDAY);
        assert!(
            got.iter().any(|(_, t)| t == want),
            "{text:?}: want {want:?}, got {got:?}"
        );
    }
}

#[test]
fn no_entry_shows_a_damaged_cut() {
    // what a faithful entry is for each shape: the clause when its cut is faithful, the
    // whole sentence when no cut is, nothing when the sentence dates no event
    let cases: [(&str, &[(&str, &str)]); 9] = [
        (
            "Mr. Holm told the U.N. Security Council on Monday that the dam was safe.",
            &[(
                "2026-03-09",
                "Mr. Holm told the U.N. Security Council that the dam was safe",
            )],
        ),
        (
            "“We sold the mill in May,” Holm said.",
            &[("2025-05", "“We sold the mill in May,” Holm said")],
        ),
        (
            "Mr Lund, who has led the guild since its founding in 1998, spoke.",
            &[(
                "1998",
                "Mr Lund, who has led the guild since its founding in 1998, spoke",
            )],
        ),
        (
            "In late 2019, the guild went back and looked at its accounts.",
            &[(
                "2019",
                "In late 2019, the guild went back and looked at its accounts",
            )],
        ),
        (
            "The fees passed in March have doubled the cost of a crossing.",
            &[("2026-03", "The fees were passed")],
        ),
        (
            "Holm said any release had to respect the limits, which the officials will present to the commission on Thursday.",
            &[(
                "2026-03-12",
                "The officials will present the limits to the commission",
            )],
        ),
        ("The Ferry Act of 1931 is still in force.", &[]),
        (
            "The port will handle 40 percent of the cargo, up from 25 percent in 2024.",
            &[],
        ),
        (
            "The envoy walked out, abandoning a session that had been due to run into Wednesday evening.",
            &[],
        ),
    ];
    for (text, want) in cases {
        assert_entries(text, want);
    }
}

#[test]
fn the_news_of_the_day_told_with_today_is_an_event_a_state_of_today_is_not() {
    // (text, expected entries: date and text)
    let cases: [(&str, &[(&str, &str)]); 3] = [
        (
            "Today, the standards lab is launching its new ad program.",
            &[(
                "2022-01-28",
                "The standards lab is launching its new ad program",
            )],
        ),
        (
            "The museum opens its doors to the public today.",
            &[(
                "2022-01-28",
                "The museum opens its doors to the public today",
            )],
        ),
        ("Neon is enjoying a revival today.", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<(String, String)> = timeline(text, Some(FRIDAY), &[])
            .into_iter()
            .map(|e| (e.date, e.text))
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|&(d, t)| (d.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_date_that_owns_an_object_or_anchors_an_aftermath_dates_no_event() {
    let cases: [(&str, &[&str]); 5] = [
        (
            "Senator Vale called last year's tax bill the worst law in a decade.",
            &[],
        ),
        (
            "In the immediate aftermath of Tuesday's vote, tensions ran high.",
            &[],
        ),
        // the subject's date is the event's: the ruling was Wednesday's
        ("Wednesday's ruling struck down the law.", &["2022-01-26"]),
        (
            "The senate passed last year's budget on Monday.",
            &["2022-01-24"],
        ),
        // after a preposition it places the event
        (
            "The ministers fled after troops attacked them in Tuesday's coup.",
            &["2022-01-25"],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<String> = timeline(text, Some(FRIDAY), &[])
            .into_iter()
            .map(|e| e.date)
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn the_middle_of_the_century_is_the_century_the_narrative_is_at() {
    let text = "The lamps lit the Halvik fair in 1939. A sign there hailed the World of \
        Tomorrow. Banks were slow. Shops were shut. By the middle of the century, the lamps \
        were being used for politics.";
    let got: Vec<(String, String)> = timeline(text, Some(FRIDAY), &[])
        .into_iter()
        .filter(|e| e.text.contains("politics"))
        .map(|e| (e.date, e.when))
        .collect();
    assert_eq!(
        got,
        [("19".to_string(), "the mid-20th century".to_string())]
    );
}

#[test]
fn the_lede_s_news_comes_first_among_reported_entries() {
    let text = "A harbour pilot is fighting back after a letter she sent to Lisk started a row. \
        Varela sent a reply to Holm.";
    let names = [("Lisk", 1), ("Varela", 2), ("Holm", 3)];
    let sentences = one_paragraph(text);
    let timexes = tag(text, &sentences, Some(FRIDAY));
    let first_sentences = |ranking: &[usize]| -> Vec<usize> {
        build(&Input {
            prose: text,
            sentences: &sentences,
            timexes: &timexes,
            entities: &entities(text, &names),
            actors: &[],
            published: Some(FRIDAY),
            ranking,
        })
        .into_iter()
        .map(|e| e.sentence)
        .collect()
    };
    // the summary ranks the reply first; the lede still leads
    assert_eq!(first_sentences(&[1, 0]), [0, 1]);
    assert_eq!(first_sentences(&[0, 1]), [0, 1]);
}

/// The reported entries (text, actors) of `text`, published Friday 28 January 2022,
/// with the names' actors all people.
fn reported_of(text: &str, names: &[(&str, usize)]) -> Vec<(String, Vec<usize>)> {
    let sentences = one_paragraph(text);
    let timexes = tag(text, &sentences, Some(FRIDAY));
    let people: Vec<crate::analysis::actors::Actor> = (0..names.len())
        .map(|id| {
            let name = format!("actor {id}");
            crate::analysis::actors::Actor::plain(id, &name, crate::analysis::ActorKind::Person)
        })
        .collect();
    build(&Input {
        prose: text,
        sentences: &sentences,
        timexes: &timexes,
        entities: &entities(text, names),
        actors: &people,
        published: Some(FRIDAY),
        ranking: &[],
    })
    .into_iter()
    .filter(|e| e.reported)
    .map(|e| (e.text, e.actors))
    .collect()
}

#[test]
fn a_saying_of_a_state_or_of_what_did_not_happen_is_no_event() {
    let names = [("Varela", 0), ("Holm", 1)];
    let cases: [(&str, Option<&str>); 9] = [
        ("Varela said she had no idea the dam would leak.", None),
        ("Varela said her aim was to honour the harbour crews.", None),
        (
            "Varela says river floods are getting more attention, but old knowledge is dismissed.",
            None,
        ),
        (
            "The audit also suggested the port might not be the engine it claims.",
            None,
        ),
        (
            "Varela has called for a new dam, but the council has not taken up the idea.",
            None,
        ),
        (
            "While the council has been quiet, Holm has changed his view, too.",
            None,
        ),
        // what must stay: a saying of an act, a plan, a past, a quotation
        (
            "Varela said the council sold the mill.",
            Some("Varela said the council sold the mill"),
        ),
        (
            "Varela announced that the mill would close.",
            Some("Varela announced that the mill would close"),
        ),
        (
            "Varela has called for a new dam.",
            Some("Varela has called for a new dam"),
        ),
    ];
    for (text, want) in cases {
        let got = reported_of(text, &names);
        assert_eq!(
            got.first().map(|(t, _)| t.as_str()),
            want,
            "{text}: {got:?}"
        );
    }
}

#[test]
fn an_opening_connective_is_no_part_of_the_entry() {
    let names = [("Lisk", 0), ("Orvel", 1)];
    let got = reported_of(
        "In fact, prosecutors in Lisk say Orvel has been hiding its losses.",
        &names,
    );
    assert_eq!(
        got.first().map(|(t, _)| t.as_str()),
        Some("Prosecutors in Lisk say Orvel has been hiding its losses")
    );
    assert_entries(
        "In addition, the downturn of the 1990s left a harbour in which old cranes, which \
         perhaps their owners could not afford to fix, came to look like relics of decline.",
        &[(
            "199",
            "The downturn of the 1990s left a harbour in which old cranes, which perhaps their \
             owners could not afford to fix, came to look like relics of decline",
        )],
    );
}

#[test]
fn who_was_told_takes_no_part_and_a_lede_s_indefinite_subject_is_the_person_named_next() {
    let names = [("Varela", 0), ("Courier", 1), ("Holm", 2)];
    let got = reported_of(
        "The crews stopped work. The envoy, Ana Varela, is acting as a go-between for the \
         crews, a senior harbour source told the Courier.",
        &names,
    );
    assert_eq!(got.first().map(|(_, a)| a.as_slice()), Some(&[0][..]));
    let got = reported_of(
        "A harbour pilot is fighting back after a letter she sent to the Courier started a \
         row. Ana Varela said the letter honoured the crews.",
        &names,
    );
    assert_eq!(got.first().map(|(_, a)| a.as_slice()), Some(&[0, 1][..]));
    // a definite subject names its own doer: no one is added
    let got = reported_of(
        "The harbour pilot is fighting back after a letter to the Courier started a row. \
         Holm said the letter honoured the crews.",
        &names,
    );
    assert_eq!(
        got.first().map(|(_, a)| a.as_slice()),
        Some(&[1][..]),
        "{got:?}"
    );
}

#[test]
fn a_possibility_a_list_lead_in_and_a_glued_present_are_no_events() {
    let published = date(2026, 3, 10);
    let dated = |text: &str| entries(text, published);
    assert_eq!(
        dated("The first vote could come as early as this month."),
        []
    );
    assert_eq!(
        dated("The first vote will come this month."),
        [(
            "2026-03".to_string(),
            "The first vote will come this month".to_string()
        )]
    );
    assert_eq!(
        dated("Here are the five ferries named in the 2019 audit."),
        []
    );
    assert_eq!(
        dated(
            "Despite the respect for Holm, there is little warmth for Mira, a clerk who \
             started working with him in the early 1990s as his deputy was retiring."
        ),
        []
    );
}

#[test]
fn a_relative_clause_keeps_its_named_subject_and_a_reduced_relative_its_unknown_verb() {
    assert_entries(
        "Harbour reports suggest that former harbour chief Ana Varela, who was ousted as \
         port director this month, has been planning a new dam for a year.",
        &[(
            "2026-03",
            "Former harbour chief Ana Varela was ousted as port director this month",
        )],
    );
    assert_entries(
        "But a new report released on Monday by the Lisk Institute for Water Studies calls \
         that into question.",
        &[(
            "2026-03-09",
            "A new report was released by the Lisk Institute for Water Studies",
        )],
    );
}

/// (date, text) of each entry, for comparing.
fn told(got: &[TimelineEntry]) -> Vec<(String, String)> {
    got.iter()
        .map(|e| (e.date.clone(), e.text.clone()))
        .collect()
}

#[test]
fn a_date_of_what_a_figure_is_measured_against_dates_nothing() {
    let names = [("Ana Varela", 0)];
    let cases = [
        (
            "Library grants for rural towns total roughly $3 billion — about one-tenth of what the state will spend on roads this year.",
            false,
        ),
        (
            "The harbour board raised more than what the council raised in 2019.",
            false,
        ),
        // must not change: the date dates the sentence's own event
        ("The state will spend $3 billion on roads this year.", true),
        (
            "Ana Varela told the board what the council decided in 2019.",
            true,
        ),
    ];
    for (text, dated) in cases {
        let got = timeline(text, Some(FRIDAY), &names);
        assert_eq!(
            got.iter().any(|e| !e.reported),
            dated,
            "{text}: {:?}",
            told(&got)
        );
    }
}

#[test]
fn who_someone_is_is_no_event_of_the_date_in_its_relative_clause() {
    let names = [("Ana Varela", 0), ("Ben Ortiz", 1), ("Carl Moss", 2)];
    let cases = [
        (
            "The two men are councillors Ben Ortiz and Carl Moss, who fled to the compound after their homes were raided in Tuesday night's raid, the source, who said he had met them there, told the Herald.",
            None,
        ),
        (
            "The new coach is Ana Varela, who won the Oslo marathon on Tuesday.",
            None,
        ),
        // must not change: the sentence's own verb is dated, or the clause of the
        // date is cut out of the identification
        (
            "The two men are councillors Ben Ortiz and Carl Moss, who fled to the compound after their homes were raided in Tuesday night's raid.",
            Some("2022-01-25TNI"),
        ),
        (
            "Ben Ortiz and Carl Moss fled to the compound on Tuesday night.",
            Some("2022-01-25TNI"),
        ),
        (
            "Ana Varela, who is the new coach, won the Oslo marathon on Tuesday.",
            Some("2022-01-25"),
        ),
    ];
    for (text, want) in cases {
        let got = timeline(text, Some(FRIDAY), &names);
        let dated: Vec<&str> = got
            .iter()
            .filter(|e| !e.reported)
            .map(|e| e.date.as_str())
            .collect();
        assert_eq!(dated, want.into_iter().collect::<Vec<_>>(), "{text}");
    }
}

#[test]
fn an_undated_past_after_an_earlier_story_goes_on_with_it() {
    let names = [("Ana Varela", 0), ("Ben Ortiz", 1)];
    let reported = |text: &str| -> Vec<String> {
        timeline(text, Some(FRIDAY), &names)
            .into_iter()
            .filter(|e| e.reported)
            .map(|e| e.text)
            .collect()
    };
    let cases = [
        // the story is at March 2021: Ortiz was called in then, not this week
        (
            "Ana Varela won the Oslo marathon in March 2021. Ben Ortiz was called in to coach the relay team.",
            vec![],
        ),
        // what follows "not the first time" is an earlier instance
        (
            "Ben Ortiz criticised the mayor on Friday. This isn't the first time Ortiz has attacked the council. Ben Ortiz also mocked the harbour budget.",
            vec![],
        ),
        // must not change: a saying is made at the time of writing, a present
        // perfect reaches the present, and without an earlier story it is news
        (
            "Ana Varela won the Oslo marathon in March 2021. Ben Ortiz said the relay team trains daily.",
            vec!["Ben Ortiz said the relay team trains daily"],
        ),
        (
            "Ana Varela won the Oslo marathon in March 2021. Ben Ortiz has joined the relay team.",
            vec!["Ben Ortiz has joined the relay team"],
        ),
        (
            "Ben Ortiz was called in to coach the relay team.",
            vec!["Ben Ortiz was called in to coach the relay team"],
        ),
        // a past perfect tells what came before the story: the narrative stays today
        (
            "Ben Ortiz said on Friday that the rowers had warned the club in March 2021. Ana Varela received the rowers in the afternoon.",
            vec!["Ana Varela received the rowers in the afternoon"],
        ),
        (
            "Ben Ortiz criticised the mayor on Friday. Ben Ortiz also mocked the harbour budget.",
            vec!["Ben Ortiz also mocked the harbour budget"],
        ),
        // an infinitive tells nothing
        (
            "Ben Ortiz is ready to tell the truth about the harbour.",
            vec![],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(reported(text), want, "{text}");
    }
}

#[test]
fn news_told_again_with_its_source_is_one_entry() {
    let names = [("Ana Varela", 0)];
    let cases = [
        (
            "Ana Varela's prize-winning bicycle was stolen from her garage. Police sources tell the Herald the bicycle was taken from Ana Varela's garage.",
            1,
        ),
        // must not change: the source tells of something else
        (
            "Ana Varela's prize-winning bicycle was stolen from her garage. Police sources tell the Herald the trailer was found in Ana Varela's yard.",
            2,
        ),
        (
            "Ana Varela's bicycle was stolen from her garage. Ana Varela's trailer was found behind her house.",
            2,
        ),
    ];
    for (text, want) in cases {
        let got = timeline(text, Some(FRIDAY), &names);
        assert_eq!(got.len(), want, "{text}: {:?}", told(&got));
    }
    // The first telling names a thing too (the prize): the second names no participant
    // the first lacks, and is the same news.
    let text = "Ana Varela's Kessel Prize bicycle was stolen from her garage. Police sources tell the Herald the bicycle was taken from Ana Varela's garage.";
    let got = timeline(
        text,
        Some(FRIDAY),
        &[("Ana Varela", 0), ("Kessel Prize", 1)],
    );
    assert_eq!(got.len(), 1, "{:?}", told(&got));
}

#[test]
fn a_state_of_today_glued_before_the_dated_clause_is_no_entry() {
    let names = [("Ana Varela", 0)];
    let cases = [
        (
            "We still consider the site a draft, but expect to launch it in June.",
            vec![],
        ),
        // must not change: the dated clause is cut out of it ("Ana Varela won her
        // first race"), the first verb is the dated event, or no state comes first
        (
            "Ana Varela runs the club, but won her first race in 2019.",
            vec!["2019"],
        ),
        (
            "Ana Varela opened the club in 2019, but closed it a year later.",
            vec!["2019", "2020"],
        ),
        (
            "Ana Varela expects to launch the site in June.",
            vec!["2022-06"],
        ),
    ];
    for (text, want) in cases {
        let got = timeline(text, Some(FRIDAY), &names);
        let dated: Vec<&str> = got
            .iter()
            .filter(|e| !e.reported)
            .map(|e| e.date.as_str())
            .collect();
        assert_eq!(dated, want, "{text}: {:?}", told(&got));
    }
}

#[test]
fn a_weekday_right_after_the_lede_dates_the_reported_news() {
    let names = [("Ana Varela", 0), ("Lund Rovers", 1)];
    let reported_on = |text: &str| -> Vec<(String, bool)> {
        timeline(text, Some(FRIDAY), &names)
            .into_iter()
            .filter(|e| e.text.starts_with("Lund Rovers have") || e.text.starts_with("Ana Varela"))
            .map(|e| (e.date, e.reported))
            .collect()
    };
    let on = |d: &str, reported: bool| vec![(d.to_string(), reported); 2];
    let cases = [
        (
            "Lund Rovers have opened their new stadium. Wednesday was chosen as its date because it marks the founding of the club. Ana Varela welcomed the first fans.",
            on("2022-01-26", false),
        ),
        // a quoted "today" was said on the news day
        (
            "Lund Rovers have opened their new stadium. Wednesday was chosen as its date because it marks the founding of the club. Ana Varela said, “Today is a great day for Lund Rovers.”",
            on("2022-01-26", false),
        ),
        // must not change: the weekday dates another event, or is weeks before
        (
            "Lund Rovers have opened their new stadium. On Tuesday the council approved the budget for the road. Ana Varela welcomed the first fans.",
            on("2022-01-28", true),
        ),
        (
            "Lund Rovers have opened their new stadium. It was paid for on Monday 3 January. Ana Varela welcomed the first fans.",
            on("2022-01-28", true),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(reported_on(text), want, "{text}");
    }
}

#[test]
fn a_look_at_what_had_changed_leans_on_what_came_before() {
    let cases = [
        (
            "In 2019 we surveyed ten rowing clubs. Two years later, we went back and looked at what had changed.",
            vec!["2019"],
        ),
        // must not change: what it looked at is said
        (
            "In 2019 we surveyed ten rowing clubs. Two years later, we went back and looked at their budgets.",
            vec!["2019", "2021"],
        ),
    ];
    for (text, want) in cases {
        let got = timeline(text, Some(FRIDAY), &[]);
        let dates: Vec<&str> = got.iter().map(|e| e.date.as_str()).collect();
        assert_eq!(dates, want, "{text}: {:?}", told(&got));
    }
}

#[test]
fn an_outlet_the_article_only_cites_is_no_participant() {
    let text = "Ana Varela told the Courier, “We have seen the first ships come back to Lisk.” \
        Holm met the Herald's owners.";
    let names = [
        ("Ana Varela", 0),
        ("Courier", 1),
        ("Holm", 2),
        ("Herald", 3),
    ];
    let sentences = one_paragraph(text);
    let timexes = tag(text, &sentences, Some(FRIDAY));
    let actors_of = |cited: &[usize]| -> Vec<Vec<usize>> {
        let actors: Vec<crate::analysis::actors::Actor> = (0..names.len())
            .map(|id| {
                let mut a = crate::analysis::actors::Actor::plain(
                    id,
                    &format!("actor {id}"),
                    crate::analysis::ActorKind::Organization,
                );
                a.source = cited.contains(&id);
                a
            })
            .collect();
        build(&Input {
            prose: text,
            sentences: &sentences,
            timexes: &timexes,
            entities: &entities(text, &names),
            actors: &actors,
            published: Some(FRIDAY),
            ranking: &[],
        })
        .into_iter()
        .map(|e| e.actors)
        .collect()
    };
    // the actors stage took the Courier for a source: only Varela took part
    assert_eq!(actors_of(&[1]), [vec![0], vec![2, 3]]);
    // must not change: an outlet the story is about takes part like any actor
    assert_eq!(actors_of(&[]), [vec![0, 1], vec![2, 3]]);
}

#[test]
fn a_gapped_conjunct_with_the_next_date_is_cut_off_the_first_date_s_event() {
    let cases: [(&str, &[(&str, &str)]); 5] = [
        (
            "The mill closed in 1990, and the dock in 1995.",
            &[("1990", "The mill closed")],
        ),
        (
            "Port fees will overtake harbour repairs in 2027 and the pilots' wages in 2029.",
            &[("2027", "Port fees will overtake harbour repairs")],
        ),
        // must not change: each date has its own verb, or the conjunct names nothing
        (
            "Ana Varela raised the levy in 2019 and lowered the toll in 2021.",
            &[
                ("2019", "Ana Varela raised the levy"),
                ("2021", "Ana Varela lowered the toll"),
            ],
        ),
        ("Harbour fees rose in 2019 and in 2021.", &[]),
        ("The board met between 2019 and 2021 twice.", &[]),
    ];
    for (text, want) in cases {
        assert_entries(text, want);
    }
    // who is named in the conjunct cut off takes no part in the first date's event
    let text = "Ana Varela will overtake Holm in 2027 and Lisk in 2029.";
    let got = timeline(
        text,
        Some(FRIDAY),
        &[("Ana Varela", 0), ("Holm", 1), ("Lisk", 2)],
    );
    let got: Vec<(&str, &[usize])> = got
        .iter()
        .map(|e| (e.date.as_str(), e.actors.as_slice()))
        .collect();
    assert_eq!(got, [("2027", &[0, 1][..])]);
}

#[test]
fn a_standfirst_set_as_a_heading_is_the_lede_other_headings_are_not() {
    let standfirst =
        "Harbour pilot Ana Varela posted online asking if the strike at Lisk was over.";
    let section = "Ana Varela and the union reviewed the reply sent to the harbour board";
    let body = "The union met on Monday to answer her.";
    let texts = |heading: &str, first: bool| -> Vec<String> {
        let text = if first {
            format!("{heading}\n\n{body}")
        } else {
            format!("{body}\n\n{heading}")
        };
        let (h, b) = if first {
            ((0, heading.len()), (heading.len() + 2, text.len()))
        } else {
            ((body.len() + 2, text.len()), (0, body.len()))
        };
        let mut blocks = vec![
            Block {
                start: h.0,
                end: h.1,
                kind: BlockKind::Heading,
            },
            Block {
                start: b.0,
                end: b.1,
                kind: BlockKind::Paragraph,
            },
        ];
        blocks.sort_by_key(|b| b.start);
        let sentences = split(&text, &blocks);
        timeline_of(&text, &sentences, Some(FRIDAY), &[("Ana Varela", 0)])
            .into_iter()
            .map(|e| e.text)
            .collect()
    };
    assert_eq!(
        texts(standfirst, true),
        [
            "The union met on Monday to answer her",
            "Harbour pilot Ana Varela posted online asking if the strike at Lisk was over"
        ]
    );
    // a standfirst's dates sum up the story the body tells with them: no entry
    let dated = "Harbour pilot Ana Varela closed the office on Tuesday after the strike at Lisk.";
    assert_eq!(
        texts(dated, true),
        ["The union met on Monday to answer her"]
    );
    // must not change: a section heading, or a sentence-like heading after the body
    assert_eq!(
        texts(section, true),
        ["The union met on Monday to answer her"]
    );
    assert_eq!(
        texts(standfirst, false),
        ["The union met on Monday to answer her"]
    );
}
