//! The site's data files, written without templates: the search index
//! (`search/index.json`, read by `search.js`) and `briefings.json` (every briefing's
//! structured data, for other tools). Briefings in, `(path, key, bytes)` out.
//!
//! Each is a small list file and parts: the list names the parts in site order, and a
//! part holds the documents (or records) of a run of consecutive briefings in site
//! order. A run ends before a briefing whose URL slug hashes to a multiple of
//! [`PART_SPREAD`] (content-defined boundaries, as in rsync), so parts hold about that
//! many briefings, a part is named by its first briefing (see [`part_name`]), and an added, changed or
//! removed briefing changes its own part (and the list, when a count changes), never the
//! parts around it. An edit at 10,000 briefings rewrites about 300 KB instead of 35 MB.
//! Each file has its own input key: only the files whose briefings changed are built.

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::BriefingId;

use super::index::SiteIndex;
use super::keys::{Key, KeyHasher};
use super::view::data::{BriefingData, SearchDoc, briefing_records, search_docs};

/// The search index's list of parts.
pub const SEARCH_INDEX: &str = "search/index.json";
/// The structured data's list of parts.
pub const SITE_DATA: &str = "briefings.json";
/// The version of both formats (1: one file holding every briefing).
const VERSION: u32 = 2;
/// A briefing starts a part when its slug's hash is a multiple of this: the mean
/// number of briefings in a part (an edit builds its part's two files again: some 6 ms
/// at 64, twice that at 128; 10,000 briefings make some 160 parts).
const PART_SPREAD: u32 = 64;

/// One data file of the site.
#[derive(Debug, Clone)]
pub struct DataFile<'a> {
    pub path: String,
    pub key: Key,
    what: What<'a>,
}

#[derive(Debug, Clone, Copy)]
enum What<'a> {
    SearchList,
    DataList,
    SearchPart(&'a [BriefingId]),
    DataPart(&'a [BriefingId]),
}

/// `search/index.json`.
#[derive(Serialize)]
struct SearchList {
    version: u32,
    /// The number of documents in all parts.
    count: usize,
    /// The parts' URLs, in site order.
    parts: Vec<String>,
}

/// A part of the search index.
#[derive(Serialize)]
struct SearchPart {
    version: u32,
    docs: Vec<SearchDoc>,
}

/// `briefings.json`.
#[derive(Serialize)]
struct DataList {
    version: u32,
    title: String,
    base_url: String,
    /// The number of briefings in all parts.
    count: usize,
    parts: Vec<PartRef>,
}

#[derive(Serialize)]
struct PartRef {
    url: String,
    count: usize,
}

/// A part of `briefings.json`.
#[derive(Serialize)]
struct DataPart {
    version: u32,
    briefings: Vec<BriefingData>,
}

/// The runs of the site order that make the parts (see the module docs).
pub fn parts<'a>(index: &SiteIndex<'a>) -> Vec<&'a [BriefingId]> {
    parts_at(index, &part_starts(index))
}

/// Where each part but the first starts in the site order: a function of the URL
/// slugs and the order alone, which `site::Cache` keeps while they stay the same.
pub fn part_starts(index: &SiteIndex) -> Vec<usize> {
    let order = index.order();
    (1..order.len())
        .filter(|&i| starts_part(index.url_slug(order[i])))
        .collect()
}

/// The parts that start at `starts` (see [`part_starts`]).
pub fn parts_at<'a>(index: &SiteIndex<'a>, starts: &[usize]) -> Vec<&'a [BriefingId]> {
    let order = index.order();
    let mut parts = Vec::with_capacity(starts.len() + 1);
    let mut start = 0;
    for &i in starts.iter().filter(|&&i| i > 0 && i < order.len()) {
        parts.push(&order[start..i]);
        start = i;
    }
    if start < order.len() {
        parts.push(&order[start..]);
    }
    parts
}

fn starts_part(slug: &str) -> bool {
    let hash = blake3::hash(slug.as_bytes());
    let head = u32::from_le_bytes([
        hash.as_bytes()[0],
        hash.as_bytes()[1],
        hash.as_bytes()[2],
        hash.as_bytes()[3],
    ]);
    head.is_multiple_of(PART_SPREAD)
}

/// A part's file name: its first briefing's URL slug, or a hash of it when the slug is
/// too long to stay within 80 bytes with `.json`.
fn part_name(index: &SiteIndex, part: &[BriefingId]) -> String {
    let slug = part.first().map_or("none", |&b| index.url_slug(b));
    match slug.len() <= 75 {
        true => slug.to_string(),
        false => blake3::hash(slug.as_bytes()).to_hex()[..16].to_string(),
    }
}

fn search_part_path(name: &str) -> String {
    format!("search/parts/{name}.json")
}

fn data_part_path(name: &str) -> String {
    format!("data/{name}.json")
}

/// Every data file of the site with its input key, in a fixed order: the two lists,
/// then each part's search file and data file. `kept` gives the key of a part's data
/// file when it is known not to have changed (a render after an update of other
/// briefings' contents, see `reuse`), so that only the parts of changed briefings hash
/// their briefings again.
pub fn files<'a>(
    index: &SiteIndex<'a>,
    env: &Key,
    starts: &[usize],
    kept: impl Fn(&str, &[BriefingId]) -> Option<Key> + Sync,
) -> Vec<DataFile<'a>> {
    let parts = parts_at(index, starts);
    let mut lists = KeyHasher::new(env, "data lists");
    lists
        .str(&index.config.title)
        .str(&index.config.base_url)
        .str(index.config.base_path());
    for part in &parts {
        lists.str(&part_name(index, part)).num(part.len());
    }
    let lists = lists.finish();
    let mut files = vec![
        DataFile {
            path: SEARCH_INDEX.to_string(),
            key: lists,
            what: What::SearchList,
        },
        DataFile {
            path: SITE_DATA.to_string(),
            key: lists,
            what: What::DataList,
        },
    ];
    let keyed: Vec<(String, Key, &[BriefingId])> = parts
        .par_iter()
        .map(|part| {
            let name = part_name(index, part);
            let key =
                kept(&data_part_path(&name), part).unwrap_or_else(|| part_key(index, env, part));
            (name, key, *part)
        })
        .collect();
    for (name, key, part) in keyed {
        files.push(DataFile {
            path: search_part_path(&name),
            key,
            what: What::SearchPart(part),
        });
        files.push(DataFile {
            path: data_part_path(&name),
            key,
            what: What::DataPart(part),
        });
    }
    files
}

/// The key of a part: every briefing in it, with the names and slugs of its actors and
/// tags and where its actors' links go.
fn part_key(index: &SiteIndex, env: &Key, part: &[BriefingId]) -> Key {
    let corpus = index.corpus;
    let mut h = KeyHasher::new(env, "data part");
    for &b in part {
        h.briefing(index, b);
        for &a in corpus.actors_of(b) {
            h.actor_ref(corpus, a);
        }
        for &t in corpus.tags_of(b) {
            h.tag_link(corpus, t);
        }
    }
    h.finish()
}

/// The bytes of `file`.
pub fn render(index: &SiteIndex, file: &DataFile) -> Vec<u8> {
    match file.what {
        What::SearchList => {
            let parts = parts(index);
            json(&SearchList {
                version: VERSION,
                count: index.order().len(),
                parts: parts
                    .iter()
                    .map(|p| index.url(&search_part_path(&part_name(index, p))))
                    .collect(),
            })
        }
        What::DataList => {
            let parts = parts(index);
            json(&DataList {
                version: VERSION,
                title: index.config.title.clone(),
                base_url: index.config.base_url.clone(),
                count: index.order().len(),
                parts: parts
                    .iter()
                    .map(|p| PartRef {
                        url: index.url(&data_part_path(&part_name(index, p))),
                        count: p.len(),
                    })
                    .collect(),
            })
        }
        What::SearchPart(part) => json(&SearchPart {
            version: VERSION,
            docs: search_docs(index, part),
        }),
        What::DataPart(part) => json(&DataPart {
            version: VERSION,
            briefings: briefing_records(index, part),
        }),
    }
}

/// JSON text for a data file, with `<`, `>` and `&` written as `\u003c`... so the
/// file stays inert if a page ever embeds it (the parsed values are the same).
fn json<T: Serialize>(value: &T) -> Vec<u8> {
    let text = serde_json::to_string(value)
        .unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()));
    super::filters::script_safe(&text).into_bytes()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::briefing::Briefing;
    use crate::corpus::Corpus;
    use crate::site::fixtures;

    fn briefings(n: usize) -> Vec<Briefing> {
        (0..n)
            .map(|i| {
                let day = jiff::civil::date(2024, 1, 1) + jiff::Span::new().days(i as i64 % 300);
                let slug = format!("note-{i:04}");
                fixtures::briefing(&slug, &format!("Note {i}"), Some(day), "Text.\n")
            })
            .collect()
    }

    /// Every data file's key, by path.
    fn keys(briefings: &[Briefing]) -> BTreeMap<String, Key> {
        let config = fixtures::config("https://example.org/", 10);
        let corpus = Corpus::build(briefings.to_vec(), false);
        let index = SiteIndex::new(&config, &corpus);
        files(&index, &[7; 16], &part_starts(&index), |_, _| None)
            .into_iter()
            .map(|f| (f.path, f.key))
            .collect()
    }

    /// The paths whose keys differ between `a` and `b`, or that only one has.
    fn changed(a: &BTreeMap<String, Key>, b: &BTreeMap<String, Key>) -> Vec<String> {
        let mut paths: Vec<String> = a
            .iter()
            .filter(|(p, k)| b.get(*p) != Some(k))
            .map(|(p, _)| p.clone())
            .chain(b.keys().filter(|p| !a.contains_key(*p)).cloned())
            .collect();
        paths.sort();
        paths
    }

    #[test]
    fn parts_are_runs_of_the_site_order_cut_before_a_chosen_slug() {
        let config = fixtures::config("https://example.org/", 10);
        for n in [0, 1, 5, 600] {
            let corpus = Corpus::build(briefings(n), false);
            let index = SiteIndex::new(&config, &corpus);
            let parts = parts(&index);
            let joined: Vec<BriefingId> = parts.iter().flat_map(|p| p.iter().copied()).collect();
            assert_eq!(joined, index.order(), "{n} briefings");
            for (i, part) in parts.iter().enumerate() {
                assert!(!part.is_empty());
                assert_eq!(
                    i > 0,
                    starts_part(index.url_slug(part[0])),
                    "part {i} of {n}"
                );
                assert!(part[1..].iter().all(|&b| !starts_part(index.url_slug(b))));
            }
            if n == 600 {
                assert!(parts.len() >= 2, "600 briefings make several parts");
            }
        }
    }

    #[test]
    fn an_edit_add_or_removal_changes_one_part_and_at_most_the_lists() {
        let base = briefings(600);
        let before = keys(&base);
        let parts = before.len() / 2 - 1;
        let mut edited = base.clone();
        edited[300].body = "Other text.\n".into();
        let mut added = base.clone();
        added.push(fixtures::briefing(
            "zz-late-note",
            "Late note",
            Some(jiff::civil::date(2024, 6, 1)),
            "Text.\n",
        ));
        let mut removed = base.clone();
        removed.remove(123);
        for (what, after, lists) in [
            ("edit", keys(&edited), false),
            ("add", keys(&added), true),
            ("removal", keys(&removed), true),
        ] {
            let changed = changed(&before, &after);
            let parts_changed = changed.iter().filter(|p| p.ends_with(".json")).count();
            let has_lists =
                changed.iter().any(|p| p == SITE_DATA) && changed.iter().any(|p| p == SEARCH_INDEX);
            assert_eq!(has_lists, lists, "{what}: {changed:?}");
            // a part's search file and data file, or two of each when the briefing
            // starts a part (then the part before grows or the new one is cut)
            let of_parts = parts_changed - if lists { 2 } else { 0 };
            assert!(
                (2..=4).contains(&of_parts),
                "{what}: {changed:?} of {parts} parts"
            );
        }
    }
}
