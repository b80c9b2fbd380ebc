//! Learns word clusters from unlabelled news for the entity tagger, and writes them as
//! `src/analysis/entities/model/clusters.txt`:
//!
//! ```text
//! cargo run --release --example word_clusters -- \
//!     --text ../shared/data/reuters/articles --conll ../shared/data/conll2003/conllpp_train.txt \
//!     --out src/analysis/entities/model/clusters.txt
//! ```
//!
//! Words that occur in the same contexts ("said Tuesday", "in Frankfurt", "shares of
//! Chrysler") land in one cluster, so the tagger can generalise from a name it saw in
//! training to names it never saw but that the news uses alike. How: each frequent word
//! is described by the words around it (the 1,000 most frequent words, one and two
//! positions to the left and right), weighted by positive pointwise mutual information,
//! projected to 128 dimensions by a seeded random projection and normalised; spherical
//! k-means then groups the words into `--clusters` fine clusters (seeded with the most
//! frequent words, so the result is deterministic), and the fine clusters' centroids
//! into 64 and 8 coarser ones, which play the part of Brown-cluster prefixes. Words are
//! folded as the tagger folds them (lower case, digits as `0`). Only the words' text is
//! written, never a sentence of the corpus.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Context, Result};
use briefing::analysis::tokens::tokenize;
use clap::Parser;
use rayon::prelude::*;

#[derive(Parser)]
struct Args {
    /// Folder of articles (`.txt` with front matter) to learn from.
    #[arg(long)]
    text: Vec<PathBuf>,
    /// CoNLL-format files whose first column is read as text too.
    #[arg(long)]
    conll: Vec<PathBuf>,
    #[arg(long)]
    out: PathBuf,
    /// Fine clusters.
    #[arg(long, default_value_t = 512)]
    clusters: usize,
    /// Words seen fewer times are not clustered.
    #[arg(long, default_value_t = 4)]
    min_count: usize,
    /// At most this many words (the most frequent).
    #[arg(long, default_value_t = 40_000)]
    max_words: usize,
    #[arg(long, default_value_t = 25)]
    iterations: usize,
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

const CONTEXT_WORDS: usize = 1000;
const OFFSETS: [isize; 4] = [-2, -1, 1, 2];
const DIMENSIONS: usize = 128;

fn main() -> Result<()> {
    let args = Args::parse();
    let sentences = read_corpus(&args)?;
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    eprintln!("{} sentences, {tokens} tokens", sentences.len());
    let (vocab, index) = vocabulary(&sentences, args.min_count, args.max_words);
    eprintln!("{} words to cluster", vocab.len());
    let vectors = embed(&sentences, &vocab, &index, args.seed);
    let fine = kmeans(&vectors, args.clusters, args.iterations);
    let centroids = centroids(&vectors, &fine.assignment, args.clusters);
    let mid = kmeans(&centroids, 64.min(args.clusters), args.iterations);
    let mid_centroids = centroids_of(&centroids, &mid.assignment, 64.min(args.clusters));
    let coarse = kmeans(&mid_centroids, 8, args.iterations);
    write(
        &args.out,
        &vocab,
        &fine.assignment,
        &mid.assignment,
        &coarse.assignment,
    )?;
    eprintln!("wrote {}", args.out.display());
    Ok(())
}

/// The folded words of every sentence (a paragraph of an article counts as one).
fn read_corpus(args: &Args) -> Result<Vec<Vec<String>>> {
    let mut sentences = Vec::new();
    for dir in &args.text {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file)?;
            let body = text
                .strip_prefix("---")
                .and_then(|rest| rest.split_once("\n---").map(|(_, b)| b))
                .unwrap_or(&text);
            for paragraph in body.split("\n\n") {
                let words: Vec<String> = tokenize(paragraph, 0..paragraph.len())
                    .iter()
                    .map(|t| fold(t.text(paragraph)))
                    .collect();
                if words.len() > 1 {
                    sentences.push(words);
                }
            }
        }
    }
    for path in &args.conll {
        let text = std::fs::read_to_string(path)?;
        let mut sentence = Vec::new();
        for line in text.lines() {
            match line.split_whitespace().next() {
                Some("-DOCSTART-") => {}
                Some(word) => sentence.push(fold(word)),
                None if !sentence.is_empty() => sentences.push(std::mem::take(&mut sentence)),
                None => {}
            }
        }
        if !sentence.is_empty() {
            sentences.push(sentence);
        }
    }
    Ok(sentences)
}

/// Lower case, digits as `0`, typographic quotes and dashes as ASCII: the tagger's fold.
fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '0'..='9' => '0',
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '«' | '»' | '″' => '"',
            '—' | '–' | '‐' | '‑' | '−' => '-',
            c if c.is_numeric() => '0',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect()
}

/// The words to cluster, most frequent first, and their indices.
fn vocabulary(
    sentences: &[Vec<String>],
    min_count: usize,
    max_words: usize,
) -> (Vec<String>, HashMap<String, usize>) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in sentences.iter().flatten() {
        *counts.entry(w).or_default() += 1;
    }
    let mut words: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|&(w, n)| n >= min_count && w.chars().any(char::is_alphanumeric))
        .collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    words.truncate(max_words);
    let vocab: Vec<String> = words.iter().map(|(w, _)| w.to_string()).collect();
    let index = vocab
        .iter()
        .enumerate()
        .map(|(i, w)| (w.clone(), i))
        .collect();
    (vocab, index)
}

/// PPMI context vectors, randomly projected and normalised.
fn embed(
    sentences: &[Vec<String>],
    vocab: &[String],
    index: &HashMap<String, usize>,
    seed: u64,
) -> Vec<Vec<f32>> {
    let contexts = CONTEXT_WORDS.min(vocab.len());
    let mut counts: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    for s in sentences {
        let ids: Vec<Option<usize>> = s.iter().map(|w| index.get(w).copied()).collect();
        for (i, id) in ids.iter().enumerate() {
            let Some(w) = *id else { continue };
            for (slot, &off) in OFFSETS.iter().enumerate() {
                let j = i as isize + off;
                let context = if j < 0 || j >= ids.len() as isize {
                    Some(contexts) // the sentence edge
                } else {
                    ids[j as usize].filter(|&c| c < contexts)
                };
                if let Some(c) = context {
                    let feature = (slot * (contexts + 1) + c) as u32;
                    *counts[w].entry(feature).or_default() += 1.0;
                }
            }
        }
    }
    let features = OFFSETS.len() * (contexts + 1);
    let mut column = vec![0f32; features];
    let mut total = 0f32;
    for row in &counts {
        for (&f, &n) in row {
            column[f as usize] += n;
            total += n;
        }
    }
    let projection = projection(features, seed);
    counts
        .par_iter()
        .map(|row| {
            let row_total: f32 = row.values().sum();
            let mut v = vec![0f32; DIMENSIONS];
            for (&f, &n) in row {
                let pmi = ((n * total) / (row_total * column[f as usize])).ln();
                if pmi > 0.0 {
                    for (d, &sign) in projection[f as usize].iter().enumerate() {
                        v[d] += pmi * sign;
                    }
                }
            }
            normalise(&mut v);
            v
        })
        .collect()
}

/// A seeded random ±1 projection matrix (features × dimensions).
fn projection(features: usize, seed: u64) -> Vec<[f32; DIMENSIONS]> {
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..features)
        .map(|_| {
            let mut row = [0f32; DIMENSIONS];
            for chunk in row.chunks_mut(64) {
                let bits = next();
                for (k, x) in chunk.iter_mut().enumerate() {
                    *x = if bits >> k & 1 == 1 { 1.0 } else { -1.0 };
                }
            }
            row
        })
        .collect()
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

struct Clustering {
    assignment: Vec<usize>,
}

/// Spherical k-means, started from the first `k` points (the most frequent words).
fn kmeans(points: &[Vec<f32>], k: usize, iterations: usize) -> Clustering {
    let k = k.min(points.len()).max(1);
    let mut centres: Vec<Vec<f32>> = points[..k].to_vec();
    let mut assignment = vec![0; points.len()];
    for round in 0..iterations {
        let next: Vec<usize> = points
            .par_iter()
            .map(|p| {
                let mut best = (0, f32::MIN);
                for (c, centre) in centres.iter().enumerate() {
                    let dot: f32 = p.iter().zip(centre).map(|(a, b)| a * b).sum();
                    if dot > best.1 {
                        best = (c, dot);
                    }
                }
                best.0
            })
            .collect();
        let moved = next.iter().zip(&assignment).filter(|(a, b)| a != b).count();
        assignment = next;
        centres = centroids_of(points, &assignment, k);
        eprintln!("k-means k={k} round {round}: {moved} moved");
        if moved == 0 && round > 0 {
            break;
        }
    }
    Clustering { assignment }
}

fn centroids(points: &[Vec<f32>], assignment: &[usize], k: usize) -> Vec<Vec<f32>> {
    centroids_of(points, assignment, k)
}

/// Normalised mean of each cluster's points (an empty cluster keeps a zero vector).
fn centroids_of(points: &[Vec<f32>], assignment: &[usize], k: usize) -> Vec<Vec<f32>> {
    let dims = points.first().map_or(0, Vec::len);
    let mut sums = vec![vec![0f32; dims]; k];
    for (p, &c) in points.iter().zip(assignment) {
        for (s, x) in sums[c].iter_mut().zip(p) {
            *s += x;
        }
    }
    sums.iter_mut().for_each(|s| normalise(s));
    sums
}

/// One line per fine cluster: `fine mid coarse<TAB>word word ...`, words most frequent first.
fn write(
    path: &PathBuf,
    vocab: &[String],
    fine: &[usize],
    mid: &[usize],
    coarse: &[usize],
) -> Result<()> {
    let k = fine.iter().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<&str>> = vec![Vec::new(); k];
    for (w, &c) in vocab.iter().zip(fine) {
        members[c].push(w);
    }
    let mut text = String::from(
        "# Word clusters learnt from unlabelled news by examples/word_clusters.rs (see its docs for\n\
         # the command); do not edit by hand. One line per cluster: fine, mid and coarse cluster\n\
         # numbers, a tab, then the cluster's words (folded: lower case, digits as 0).\n",
    );
    for (c, words) in members.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
        let m = mid[c];
        text.push_str(&format!("{c} {m} {}\t{}\n", coarse[m], words.join(" ")));
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
