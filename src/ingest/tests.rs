//! Tests of the whole stage through the file system: `read_article` on single files
//! (errors, encodings, the shared evaluation articles when present) and `load_articles`
//! on a site (skipped files, slugs, duplicates, warnings).

use std::fs;
use std::path::{Path, PathBuf};

use super::*;

const MAX: u64 = 2 * 1024 * 1024;
/// The build date of these tests: after every date they use.
const TODAY: jiff::civil::Date = jiff::civil::date(2030, 1, 1);

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn read(bytes: &[u8], name: &str) -> Result<Article, IngestError> {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, bytes);
    read_article(&path, Path::new(name), MAX, TODAY)
}

#[test]
fn text_with_front_matter_keeps_the_body_verbatim() {
    let raw = "---\ntitle: Talks stall\ndate: 2022-01-28\nsource: Example News\n---\nMinisters met.  \n\nThey left.\n";
    let a = read(raw.as_bytes(), "a.txt").unwrap();
    assert_eq!(a.text, "Ministers met.  \n\nThey left.\n");
    assert_eq!(
        (a.title.as_str(), a.body_line, a.format),
        ("Talks stall", 6, Format::Text)
    );
    assert_eq!(a.published, Some(jiff::civil::date(2022, 1, 28)));
    assert_eq!(a.source.as_deref(), Some("Example News"));
    assert_eq!(a.hash, content_hash(raw.as_bytes()));
    assert_eq!((a.prose.as_str(), a.slug.as_str()), (a.text.as_str(), "a"));
}

#[test]
fn bom_is_stripped_and_crlf_kept() {
    let a = read(
        b"\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\nBody one.\r\n\r\nBody two.\r\n",
        "bom.txt",
    )
    .unwrap();
    assert_eq!(a.text, "Body one.\r\n\r\nBody two.\r\n");
    assert_eq!(a.body_line, 4);
    let texts: Vec<&str> = a.blocks.iter().map(|b| a.block_text(b)).collect();
    assert_eq!(texts, ["Body one.", "Body two."]);
    let a = read(b"\xEF\xBB\xBFTalks stall\n\nBody.", "bom2.txt").unwrap();
    assert_eq!(
        (a.text.as_str(), a.title.as_str()),
        ("Talks stall\n\nBody.", "Talks stall")
    );
}

#[test]
fn utf8_edge_cases_are_text() {
    let cases = [
        "Zoë met Łukasz in Kraków.\n",
        "東京で会談が行われた。\n",
        "Emoji 🇺🇦 stay.\n",
        "\u{0}nul byte.\n",
    ];
    for text in cases {
        let a = read(text.as_bytes(), "u.txt").unwrap();
        // a NUL, which no page or feed may carry, is read as a space
        assert_eq!(a.text, text.replace('\0', " "));
        assert_eq!(a.prose.len(), a.text.len());
    }
}

#[test]
fn title_precedence_front_matter_headline_lead_file_name() {
    use crate::ingest::TitleSource as S;
    let cases = [
        (
            "---\ntitle: Given\n---\nA headline\n\nBody text here.",
            "Given",
            S::Metadata,
        ),
        ("A headline\n\nBody text here.", "A headline", S::Headline),
        (
            "Ministers met in Geneva on Friday. They left.",
            "Ministers met in Geneva on Friday",
            S::LeadSentence,
        ),
        ("", "Russia talks", S::FileName),
        ("(Image: AP)\n", "Russia talks", S::FileName),
    ];
    for (text, want, source) in cases {
        let article = read(text.as_bytes(), "russia-talks.txt").unwrap();
        assert_eq!(
            (article.title.as_str(), article.title_source),
            (want, source),
            "{text:?}"
        );
    }
}

#[test]
fn impossible_dates_give_way_to_the_next_source_with_a_warning() {
    let d = jiff::civil::date;
    let head = |meta: &str| {
        format!(
            "<html><head>{meta}<link rel=canonical href=\"https://x.org/world/2019/11/19/talks\"></head>\
             <body><p>Ministers met on Wednesday in Lisk, talked for six hours about the dam and agreed to meet again.</p></body></html>"
        )
    };
    let jsonld = head(
        r#"<script type="application/ld+json">{"datePublished": "0001-01-01T00:00:00Z"}</script>"#,
    );
    let future = head(r#"<meta property="article:published_time" content="2099-05-01">"#);
    let both = head(
        r#"<meta property="article:published_time" content="2099-05-01"><meta name="article:publicationdate" content="2019-11-18">"#,
    );
    let cases = [
        (
            jsonld.as_str(),
            "a.html",
            Some(d(2019, 11, 19)),
            &[
                "0001-01-01 from JSON-LD datePublished",
                "used 2019-11-19 from the canonical URL",
            ][..],
        ),
        (
            future.as_str(),
            "a.html",
            Some(d(2019, 11, 19)),
            &[
                "2099-05-01 from <meta property=article:published_time>",
                "after today (2030-01-01)",
            ][..],
        ),
        (
            both.as_str(),
            "a.html",
            Some(d(2019, 11, 18)),
            &["used 2019-11-18 from <meta name=article:publicationdate>"][..],
        ),
        (
            "---\ndate: 0001-01-01\n---\nTalks\nLONDON 2022-01-28\nMinisters met.\n",
            "a.txt",
            Some(d(2022, 1, 28)),
            &[
                "0001-01-01 from the front matter's `date`",
                "used 2022-01-28 from the dateline",
            ][..],
        ),
        (
            "---\ndate: 1650-01-01\n---\nMinisters met.\n",
            "2026-02-03-a.md",
            Some(d(2026, 2, 3)),
            &["the year 1650 is before 1800", "from the file name"][..],
        ),
        (
            "---\ndate: 1650-01-01\n---\nMinisters met.\n",
            "a.md",
            None,
            &["no other date was found"][..],
        ),
    ];
    for (text, name, want, says) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), name, text.as_bytes());
        let (a, warnings) = read_article_with_warnings(&path, Path::new(name), MAX, TODAY).unwrap();
        assert_eq!(a.published, want, "{text}");
        assert_eq!(warnings.len(), 1, "{text}: {warnings:?}");
        let warning = warnings[0].to_string();
        assert!(warning.starts_with(name), "{warning}");
        for part in says {
            assert!(warning.contains(part), "{part:?} not in {warning}");
        }
    }
}

#[test]
fn a_date_in_the_file_name_is_the_last_resort() {
    let feb3 = Some(jiff::civil::date(2026, 2, 3));
    let jan28 = Some(jiff::civil::date(2022, 1, 28));
    let page = "<html><head><meta name=date content=2022-01-28></head><body><p>Ministers met.</p></body></html>";
    let cases = [
        (
            "Ministers met on Wednesday.\n",
            "2026-02-03-council-budget.txt",
            feb3,
        ),
        (
            "Ministers met on Wednesday.\n",
            "2026_02_03_council.md",
            feb3,
        ),
        (
            "<p>Ministers met on Wednesday.</p>",
            "2026-02-03-page.html",
            feb3,
        ),
        ("Ministers met on Wednesday.\n", "council-budget.txt", None),
        (
            "Ministers met on Wednesday.\n",
            "2026-02-30-council.txt",
            None,
        ),
        (
            "---\ndate: 2022-01-28\n---\nMinisters met.\n",
            "2026-02-03-council.md",
            jan28,
        ),
        (
            "Talks\nLONDON 2022-01-28\nMinisters met.\n",
            "2026-02-03-council.txt",
            jan28,
        ),
        (page, "2026-02-03-page.html", jan28),
    ];
    for (text, name, want) in cases {
        let path = format!("content/articles/{name}");
        let a = read(text.as_bytes(), &path).unwrap();
        assert_eq!(a.published, want, "{name}");
        assert_eq!(missing_date_warning(&a).is_none(), want.is_some(), "{name}");
    }
    let a = read(b"", "2026-02-03-council-budget.txt").unwrap();
    assert_eq!(
        (a.title.as_str(), a.slug.as_str()),
        ("Council budget", "2026-02-03-council-budget")
    );
}

#[test]
fn a_lead_opening_with_a_date_dates_an_undated_article() {
    let apr17 = Some(jiff::civil::date(2015, 4, 17));
    let jan28 = Some(jiff::civil::date(2022, 1, 28));
    let lead = "April 17, 2015 -- Imagine a ward where no drug works.";
    let cases = [
        (
            format!("Superbugs\n\n{lead}\n\nDoctors worry.\n"),
            "a.txt",
            apr17,
        ),
        (
            format!("# Superbugs\n\n{lead}\n\nDoctors worry.\n"),
            "a.md",
            apr17,
        ),
        (
            format!(
                "<html><body><article><h1>Superbugs</h1><p>{lead}</p><p>Doctors worry about it every day.</p></article></body></html>"
            ),
            "a.html",
            apr17,
        ),
        // the front matter's date comes first
        (
            format!("---\ndate: 2022-01-28\n---\n{lead}\n"),
            "a.md",
            jan28,
        ),
        // a date later in the lead is no date line
        (
            "Doctors said on April 17, 2015 -- a Friday -- that no drug worked.\n".to_string(),
            "a.txt",
            None,
        ),
    ];
    for (text, name, want) in cases {
        let a = read(text.as_bytes(), name).unwrap();
        assert_eq!(a.published, want, "{text}");
    }
}

#[test]
fn a_leading_byline_fills_the_author_only_when_missing() {
    let a = read(b"Talks stall\n\nBy Jane Doe\n\nMinisters met.", "a.txt").unwrap();
    assert_eq!(a.author.as_deref(), Some("Jane Doe"));
    let a = read(
        b"---\nauthor: John Roe\n---\nBy Jane Doe\n\nMinisters met.",
        "a.txt",
    )
    .unwrap();
    assert_eq!(a.author.as_deref(), Some("John Roe"));
    assert_eq!(a.blocks[0].kind, BlockKind::Boilerplate);
}

#[test]
fn read_errors_name_the_file_and_say_what_to_do() {
    let big = vec![b'a'; 5_200_000];
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "big.txt", &big);
    let err = read_article(&path, Path::new("big.txt"), MAX, TODAY)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("big.txt: is 5.0 MiB, over the 2.0 MiB limit"),
        "{err}"
    );
    assert!(
        err.contains("raise `build.max_article_bytes` in briefing.toml"),
        "{err}"
    );

    let cases: [(&[u8], &str, &str, &str); 5] = [
        (b"\xFF\xFEh\0i\0", "a.txt", "a.txt", "UTF-16"),
        (
            b"h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0",
            "a.txt",
            "a.txt",
            "UTF-16",
        ),
        (
            b"fine\nstill fine \xC3(",
            "a.txt",
            "a.txt:2:12",
            "re-save the file as UTF-8",
        ),
        (
            b"---\ndate: tomorrow\n---\n",
            "a.md",
            "a.md:2:7",
            "front matter: \"tomorrow\" is not a date this tool can read",
        ),
        (b"---\nslug: '!!'\n---\n", "a.md", "a.md:2:1", "slug"),
    ];
    for (bytes, name, location, message) in cases {
        let err = read(bytes, name).unwrap_err();
        assert_eq!(err.location().to_string(), location, "{err}");
        assert!(err.to_string().contains(message), "{err}");
    }
    let missing = read_article(
        Path::new("/nonexistent/x.txt"),
        Path::new("x.txt"),
        MAX,
        TODAY,
    )
    .unwrap_err();
    assert!(matches!(missing, IngestError::Read { .. }), "{missing}");
    assert!(
        missing.to_string().starts_with("x.txt: cannot read file"),
        "{missing}"
    );
    let other = read(b"x", "a.pdf").unwrap_err().to_string();
    assert!(other.contains("a.pdf: is not an article file"), "{other}");
}

/// A plain-text article shaped like the product's seed: a long lead paragraph without a
/// headline, a subheading line, and a trailing photo credit.
const SEED_LIKE: &str = "The two governments have agreed to reopen talks on the disputed border crossing, which \
both foreign ministers are expected to discuss in Geneva next week. A spokesperson told reporters the offer was \
being studied.\n\nOn Thursday the ministry said it was still reading the proposal.\n\nMinisters from both \
countries reviewed the written proposal sent to the capital\n\nEarlier on Friday, officials met allies to \
review the reply.\n\n(Image: AP)\n";

#[test]
fn seed_like_article_has_a_lead_title_a_subheading_and_a_credit() {
    let a = read(SEED_LIKE.as_bytes(), "seed.txt").unwrap();
    assert_eq!(
        a.title,
        "The two governments have agreed to reopen talks on the disputed border crossing"
    );
    let kinds: Vec<(BlockKind, &str)> =
        a.blocks.iter().map(|b| (b.kind, a.block_text(b))).collect();
    assert_eq!(
        kinds[2],
        (
            BlockKind::Heading,
            "Ministers from both countries reviewed the written proposal sent to the capital"
        )
    );
    assert_eq!(kinds.last(), Some(&(BlockKind::Boilerplate, "(Image: AP)")));
    assert!(
        kinds
            .iter()
            .filter(|(k, _)| *k == BlockKind::Paragraph)
            .count()
            == 3,
        "{kinds:?}"
    );
}

/// The shared evaluation folder next to the repository (`BRIEFING_SHARED` names another
/// place); a test that needs it fails, naming it, when it is missing.
fn shared(rel: &str) -> PathBuf {
    let root = std::env::var_os("BRIEFING_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    let path = root.join(rel);
    assert!(
        path.exists(),
        "{} is missing: this test needs the shared folder",
        path.display()
    );
    path
}

/// The product's seed article (in the shared folder, not in the repository).
#[test]
#[ignore = "needs ../shared/seeds/seed-article.txt"]
fn needs_shared_the_seed_article() {
    let path = &shared("seeds/seed-article.txt");
    let a = read_article(path, Path::new("seed-article.txt"), MAX, TODAY).unwrap();
    assert!(
        a.title
            .starts_with("The United States has witnessed evidence that Moscow"),
        "{}",
        a.title
    );
    assert!(
        a.title.chars().count() <= 90 && !a.title.ends_with(['.', ',']),
        "{}",
        a.title
    );
    let heading = a
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading)
        .map(|b| a.block_text(b));
    assert!(
        heading.is_some_and(|h| h.starts_with("Wendy Sherman, European allies reviewed")),
        "{heading:?}"
    );
    let last = a.blocks.last().unwrap();
    assert_eq!(
        (last.kind, a.block_text(last)),
        (BlockKind::Boilerplate, "(Image: AP)")
    );
    assert_eq!(
        a.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .count(),
        1
    );
}

/// Every shared evaluation article (the scorers' sets) ingests, with `text` equal to the body after the
/// closing `---` line (what the scorers' offsets index).
#[test]
#[ignore = "needs ../shared/data"]
fn needs_shared_every_evaluation_article_ingests_with_the_scorers_offsets() {
    let root = shared("data");
    let mut count = 0;
    // the evaluation sets, not the 16,442-article scale corpus (the benchmarks read that)
    let walk = walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.file_name() != "reuters");
    for entry in walk {
        let path = entry.unwrap().into_path();
        let in_articles = path.parent().is_some_and(|p| p.ends_with("articles"));
        if !in_articles || path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let raw = fs::read_to_string(&path).unwrap();
        let close = raw[3..]
            .find("\n---\n")
            .map(|i| i + 3 + 5)
            .expect("front matter");
        let a = read_article(&path, &path, MAX, TODAY).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.text, raw[close..], "{}", path.display());
        assert!(
            !a.title.is_empty() && a.title.chars().count() <= 200,
            "{}: {}",
            path.display(),
            a.title
        );
        count += 1;
    }
    assert!(count >= 600, "only {count} articles found");
}

fn site() -> (tempfile::TempDir, Config) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::parse(dir.path(), &dir.path().join("briefing.toml"), "").unwrap();
    (dir, config)
}

const DATED: &[u8] = b"---\ndate: 2022-01-28\n---\nMinisters met.\n";

#[test]
fn load_articles_reads_supported_files_in_path_order_and_skips_the_rest() {
    let (_dir, config) = site();
    let articles = &config.articles_dir;
    let files: [(&str, &[u8]); 16] = [
        ("b.txt", DATED),
        ("a.md", DATED),
        ("world/Europe/Talks Stall.markdown", DATED),
        ("page.HTML", b"<html><head><meta name=date content=2022-01-28></head><body><p>Ministers met in Lisk on Friday and agreed to talk again about the water of the dam.</p></body></html>"),
        (".hidden.txt", b"x"),
        (".git/config.txt", b"x"),
        ("drafts/.cache/x.md", b"x"),
        ("b.txt~", b"x"),
        (".#b.txt", b"x"),
        ("#b.txt#", b"x"),
        ("b.txt.swp", b"x"),
        ("4913", b"x"),
        ("b.txt___jb_tmp___", b"x"),
        ("x.tmp", b"x"),
        ("notes.pdf", b"x"),
        ("README", b"x"),
    ];
    for (name, bytes) in files {
        write(articles, name, bytes);
    }
    let got = load_articles(&config, TODAY);
    assert!(got.failures.is_empty(), "{:?}", got.failures);
    let paths: Vec<String> = got
        .articles
        .iter()
        .map(|a| a.path.display().to_string())
        .collect();
    assert_eq!(
        paths,
        [
            "content/articles/a.md",
            "content/articles/b.txt",
            "content/articles/page.HTML",
            "content/articles/world/Europe/Talks Stall.markdown",
        ]
    );
    let slugs: Vec<&str> = got.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["a", "b", "page", "world-europe-talks-stall"]);
    let warnings: Vec<String> = got.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(
        warnings[0]
            .starts_with("content/articles/README: is a file without an extension, not an article")
    );
    assert!(
        warnings[1].starts_with("content/articles/notes.pdf: is a `.pdf` file, not an article")
    );
}

#[test]
fn missing_dates_give_one_warning_each() {
    let (_dir, config) = site();
    write(
        &config.articles_dir,
        "undated.txt",
        b"Ministers met on Wednesday.\n",
    );
    write(&config.articles_dir, "dated.txt", DATED);
    let got = load_articles(&config, TODAY);
    assert_eq!(got.articles.len(), 2);
    let [warning] = got.warnings.as_slice() else {
        panic!("{:?}", got.warnings)
    };
    let shown = warning.to_string();
    assert!(
        shown.starts_with("content/articles/undated.txt: has no publication date"),
        "{shown}"
    );
    assert!(
        shown.contains("will stay relative") && shown.contains("`date: 2022-01-28`"),
        "{shown}"
    );
}

#[test]
fn misspelt_front_matter_keys_come_back_as_warnings() {
    let (_dir, config) = site();
    write(
        &config.articles_dir,
        "a.md",
        b"---\ndate: 2022-01-28\ntgas: [x]\n---\nMinisters met.\n",
    );
    let got = load_articles(&config, TODAY);
    assert_eq!(got.articles.len(), 1);
    let shown: Vec<String> = got.warnings.iter().map(ToString::to_string).collect();
    let [warning] = shown.as_slice() else {
        panic!("{shown:#?}")
    };
    assert!(
        warning.starts_with(
            "content/articles/a.md:3:1: front matter: unknown key `tgas`: did you mean `tags`?"
        ),
        "{warning}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "b.md", b"---\ntitel: T\n---\nText.\n");
    let (article, warnings) =
        read_article_with_warnings(&path, Path::new("b.md"), MAX, TODAY).unwrap();
    assert_eq!(article.title_source, TitleSource::LeadSentence);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].location.to_string(), "b.md:2:1");
}

#[test]
fn unsafe_and_long_slugs_are_changed_visibly_and_capped() {
    let (_dir, config) = site();
    write(
        &config.articles_dir,
        "x.md",
        b"---\nslug: \"../../escape\"\ndate: 2022-01-28\n---\nText.\n",
    );
    let part = "council-budget-".repeat(10);
    let long_name = format!("{part}/{part}.txt");
    write(&config.articles_dir, &long_name, DATED);
    let got = load_articles(&config, TODAY);
    assert!(got.failures.is_empty(), "{:?}", got.failures);
    let slugs: Vec<&str> = got.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs.len(), 2);
    assert!(
        slugs[0].len() <= 80 && slugs[0].starts_with("council-budget-"),
        "{slugs:?}"
    );
    assert_eq!(slugs[1], "escape");
    let shown: Vec<String> = got.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].starts_with(
            "content/articles/x.md:2:1: front matter: `slug: ../../escape` is not a safe file and URL name: the briefing is named `escape`"
        ),
        "{}",
        shown[0]
    );
}

#[test]
fn duplicate_slugs_fail_on_the_second_file_naming_both() {
    let (_dir, config) = site();
    write(&config.articles_dir, "a-b.txt", DATED);
    write(&config.articles_dir, "a/b.txt", DATED);
    write(
        &config.articles_dir,
        "c.md",
        b"---\nslug: a-b\ndate: 2022-01-28\n---\nText.\n",
    );
    write(
        &config.articles_dir,
        "d.md",
        b"---\nslug: Other Name\ndate: 2022-01-28\n---\nText.\n",
    );
    let got = load_articles(&config, TODAY);
    let slugs: Vec<&str> = got.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["a-b", "other-name"]);
    let failures: Vec<String> = got.failures.iter().map(ToString::to_string).collect();
    assert_eq!(failures.len(), 2, "{failures:#?}");
    // Paths sort by component, so `a/b.txt` comes before `a-b.txt`.
    assert!(failures[0].starts_with(
        "content/articles/a-b.txt: has the slug `a-b`, already used by content/articles/a/b.txt"
    ));
    assert!(failures[1].starts_with("content/articles/c.md: has the slug `a-b`"));
    assert!(failures[1].contains("rename one of the two files, or set a different `slug:`"));
}

#[test]
fn one_bad_file_does_not_hide_the_others() {
    let (_dir, config) = site();
    write(&config.articles_dir, "a.txt", DATED);
    write(&config.articles_dir, "b.md", b"---\ndraft: maybe\n---\n");
    write(&config.articles_dir, "c.txt", b"\xFF\xFE\x00\x00");
    write(&config.articles_dir, "d.txt", DATED);
    let got = load_articles(&config, TODAY);
    let paths: Vec<String> = got
        .articles
        .iter()
        .map(|a| a.path.display().to_string())
        .collect();
    assert_eq!(paths, ["content/articles/a.txt", "content/articles/d.txt"]);
    let failed: Vec<String> = got
        .failures
        .iter()
        .map(|f| f.location().to_string())
        .collect();
    assert_eq!(
        failed,
        ["content/articles/b.md:2:8", "content/articles/c.txt"]
    );
}

#[test]
fn a_missing_articles_directory_is_a_warning() {
    let (_dir, config) = site();
    let got = load_articles(&config, TODAY);
    assert!(got.articles.is_empty() && got.failures.is_empty());
    assert!(
        got.warnings[0]
            .to_string()
            .contains("no articles directory"),
        "{:?}",
        got.warnings
    );
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed_out_of_the_articles_directory() {
    use std::os::unix::fs::symlink;
    let (dir, config) = site();
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.txt", b"private");
    write(outside.path(), "folder/inner.txt", b"private");
    write(&config.articles_dir, "real.txt", DATED);
    write(&config.articles_dir, "sub/inside.txt", DATED);
    symlink(
        outside.path().join("secret.txt"),
        config.articles_dir.join("leak.txt"),
    )
    .unwrap();
    symlink(
        outside.path().join("folder"),
        config.articles_dir.join("linked-dir"),
    )
    .unwrap();
    symlink(
        config.articles_dir.join("real.txt"),
        config.articles_dir.join("alias.txt"),
    )
    .unwrap();
    symlink(
        config.articles_dir.join("sub"),
        config.articles_dir.join("sub-link"),
    )
    .unwrap();
    symlink(
        dir.path().join("nowhere.txt"),
        config.articles_dir.join("broken.txt"),
    )
    .unwrap();
    let got = load_articles(&config, TODAY);
    let paths: Vec<String> = got
        .articles
        .iter()
        .map(|a| a.path.display().to_string())
        .collect();
    assert_eq!(
        paths,
        [
            "content/articles/alias.txt",
            "content/articles/real.txt",
            "content/articles/sub/inside.txt"
        ]
    );
    assert!(got.articles.iter().all(|a| !a.text.contains("private")));
    let warned: Vec<String> = got.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warned.len(), 3, "{warned:#?}");
    assert!(
        warned
            .iter()
            .any(|w| w
                .starts_with("content/articles/leak.txt: is a symbolic link to a path outside"))
    );
    assert!(warned.iter().any(|w| {
        w.starts_with("content/articles/linked-dir: is a symbolic link to a path outside")
    }));
    assert!(
        warned
            .iter()
            .any(|w| w.starts_with("content/articles/broken.txt: is a broken symbolic link"))
    );
}

#[test]
fn temporary_file_names() {
    let temporary = [
        "a.txt~",
        ".a.txt.swp",
        ".story.md.swx",
        "a.swo",
        "a.SWN",
        "4913",
        ".#a.md",
        "#a.md#",
        "a.md___jb_tmp___",
        "story.md___jb_old___",
        "story.md___jb_bak___",
        ".DS_Store",
        ".goutputstream-ABC123",
        ".sb-1234",
        "Thumbs.db",
        "desktop.ini",
        "a.md.bck",
        "a.tmp",
        ".a.md.77-0.tmp",
        "a.temp",
        "story.md.kate-swp",
        "a.md.crswap",
        "a.md.part",
        "a.html.crdownload",
        "a.md.orig",
        "a.md.bak",
        "a.md.bak2",
        "a.md.BAK17",
    ];
    let real = [
        "a.txt",
        "notes.md",
        "4913.md",
        "notes.tmpl",
        "a.bakery",
        "a.md.bak2x",
        "#",
        "draft#1.md",
        "~home.md",
        "partial.md",
    ];
    for name in temporary {
        assert!(is_temporary_file(name), "{name} should be temporary");
    }
    for name in real {
        assert!(!is_temporary_file(name), "{name} should be a real file");
    }
}

#[test]
fn markdown_with_toml_front_matter_and_a_title_heading() {
    let raw = "+++\r\ntitle = \"Talks stall\"\r\ndate = 2022-01-28\r\nkeywords = \"russia, nato\"\r\n+++\r\n\
               # Talks stall\r\n\r\nMinisters **met** in [Geneva](https://x.org).\r\n\r\n## Next steps\r\n\r\n\
               Advertisement\r\n";
    let a = read(raw.as_bytes(), "talks.md").unwrap();
    assert_eq!(
        (a.format, a.body_line, a.title.as_str()),
        (Format::Markdown, 6, "Talks stall")
    );
    assert_eq!(a.tags, ["russia", "nato"]);
    assert!(a.text.starts_with("# Talks stall\r\n") && a.prose.len() == a.text.len());
    let blocks: Vec<(BlockKind, &str)> = a
        .blocks
        .iter()
        .map(|b| (b.kind, a.prose[b.start..b.end].trim()))
        .collect();
    assert_eq!(
        blocks,
        [
            (BlockKind::Title, "Talks stall"),
            (
                BlockKind::Paragraph,
                "Ministers   met   in  Geneva                ."
            ),
            (BlockKind::Heading, "Next steps"),
            (BlockKind::Boilerplate, "Advertisement"),
        ]
    );
}

#[test]
fn html_files_read_through_read_article() {
    let page = include_bytes!("../../tests/fixtures/ingest/page.html");
    let a = read(page, "page.html").unwrap();
    assert_eq!(a.format, Format::Html);
    assert_eq!(
        a.title,
        "Ministers weigh a written reply as border talks stall"
    );
    assert_eq!(a.published, Some(jiff::civil::date(2022, 1, 28)));
    assert_eq!(a.prose, a.text);
    assert!(!a.text.contains('<') && a.text.contains("\n\n"));
    let deep = "<div>".repeat(600);
    let err = read(deep.as_bytes(), "deep.html").unwrap_err().to_string();
    assert!(
        err.contains("deep.html: the page nests elements 600 levels deep"),
        "{err}"
    );
}
