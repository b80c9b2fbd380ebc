//! The trained tagger: a document's words in, one BIO label per word out; and the model file.
//!
//! A model is one or two stages of a linear sequence model: per stage a table of
//! `2^bits` rows of nine 16-bit weights (one per label, see [`labels`]) indexed by the
//! hashed features of `features.rs`, plus label-to-label transition weights. A sentence
//! is decoded with Viterbi over the transitions that keep BIO valid. Stage two reads the
//! first stage's labels for the whole document (how the same word was tagged elsewhere),
//! which is what makes "Essex ... Essex" and headline words consistent.
//!
//! The file format is ours and small: a magic string, the format version, the feature
//! version (a model trained with other features must not be used), then per stage the
//! transitions and the non-zero rows (delta-coded row numbers, a label mask and the
//! weights), and a BLAKE3 checksum. [`Model::decode`] checks all of it and returns a
//! [`ModelError`] instead of panicking.

use thiserror::Error;

use super::features::{Doc, FEATURE_VERSION};
use super::labels::{self, COUNT};

const MAGIC: &[u8; 8] = b"BRIEFNER";
const FORMAT_VERSION: u32 = 1;

/// Why a model file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelError {
    #[error("not a briefing NER model (bad magic bytes)")]
    BadMagic,
    #[error("NER model format {found} is not supported (this build reads format {expected})")]
    Format { found: u32, expected: u32 },
    #[error(
        "NER model was trained with feature set {found}, this build computes feature set {expected}; retrain it"
    )]
    Features { found: u32, expected: u32 },
    #[error("NER model file is truncated or corrupt: {0}")]
    Corrupt(&'static str),
}

/// One stage: weights per (feature bucket, label) and transitions.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// `2^bits * COUNT` weights, row-major by bucket.
    pub weights: Vec<i16>,
    /// `trans[prev + 1][label]`; row 0 is the sentence start.
    pub trans: [[i32; COUNT]; COUNT + 1],
}

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bits: u32,
    pub stages: Vec<Stage>,
}

impl Model {
    /// Labels every word of `doc`, running every stage.
    pub(crate) fn tag(&self, doc: &mut Doc) -> Vec<u8> {
        let mut labels = vec![0u8; doc.len()];
        let mut feats = Vec::with_capacity(64);
        let mut scores = Vec::new();
        for (k, stage) in self.stages.iter().enumerate() {
            if k > 0 {
                doc.set_first_pass(&labels);
            }
            for range in doc.sentences().to_vec() {
                scores.clear();
                for i in range.clone() {
                    feats.clear();
                    doc.features(&range, i, self.bits, k > 0, &mut feats);
                    scores.push(stage.emissions(&feats));
                }
                viterbi(&scores, &stage.trans, &mut labels[range]);
            }
        }
        labels
    }

    /// Serialises the model (see the module docs for the layout).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&[self.bits as u8, self.stages.len() as u8, COUNT as u8]);
        for stage in &self.stages {
            for v in stage.trans.iter().flatten() {
                out.extend_from_slice(&v.to_le_bytes());
            }
            let rows: Vec<usize> = (0..1usize << self.bits)
                .filter(|r| {
                    stage.weights[r * COUNT..(r + 1) * COUNT]
                        .iter()
                        .any(|&w| w != 0)
                })
                .collect();
            out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
            let mut last = 0;
            for r in rows {
                put_varint(&mut out, (r - last) as u64);
                last = r;
                let row = &stage.weights[r * COUNT..(r + 1) * COUNT];
                let mask = row
                    .iter()
                    .enumerate()
                    .fold(0u16, |m, (l, &w)| m | ((w != 0) as u16) << l);
                out.extend_from_slice(&mask.to_le_bytes());
                for &w in row.iter().filter(|&&w| w != 0) {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        let sum = blake3::hash(&out);
        out.extend_from_slice(sum.as_bytes());
        out
    }

    /// Reads a model written by [`Model::encode`].
    pub fn decode(bytes: &[u8]) -> Result<Model, ModelError> {
        let body_len = bytes
            .len()
            .checked_sub(32)
            .ok_or(ModelError::Corrupt("too short"))?;
        let mut r = Reader {
            bytes: &bytes[..body_len],
            at: 0,
        };
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let found = r.u32()?;
        if found != FORMAT_VERSION {
            return Err(ModelError::Format {
                found,
                expected: FORMAT_VERSION,
            });
        }
        if blake3::hash(&bytes[..body_len]).as_bytes() != &bytes[body_len..] {
            return Err(ModelError::Corrupt("checksum mismatch"));
        }
        let found = r.u32()?;
        if found != FEATURE_VERSION {
            return Err(ModelError::Features {
                found,
                expected: FEATURE_VERSION,
            });
        }
        let head = r.take(3)?;
        let (bits, n_stages, n_labels) = (head[0] as u32, head[1] as usize, head[2] as usize);
        if !(8..=24).contains(&bits) || !(1..=2).contains(&n_stages) || n_labels != COUNT {
            return Err(ModelError::Corrupt("bad header"));
        }
        let mut stages = Vec::with_capacity(n_stages);
        for _ in 0..n_stages {
            stages.push(read_stage(&mut r, bits)?);
        }
        if r.at != r.bytes.len() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        Ok(Model { bits, stages })
    }
}

fn read_stage(r: &mut Reader, bits: u32) -> Result<Stage, ModelError> {
    let mut trans = [[0i32; COUNT]; COUNT + 1];
    for v in trans.iter_mut().flatten() {
        *v = r.u32()? as i32;
    }
    let rows = r.u32()? as usize;
    let table = 1usize << bits;
    if rows > table {
        return Err(ModelError::Corrupt("too many rows"));
    }
    let mut weights = vec![0i16; table * COUNT];
    let mut row = 0usize;
    for _ in 0..rows {
        row = row
            .checked_add(r.varint()? as usize)
            .filter(|&x| x < table)
            .ok_or(ModelError::Corrupt("row out of range"))?;
        let mask = u16::from_le_bytes([r.byte()?, r.byte()?]);
        for l in (0..COUNT).filter(|l| mask & (1 << l) != 0) {
            weights[row * COUNT + l] = i16::from_le_bytes([r.byte()?, r.byte()?]);
        }
    }
    Ok(Stage { weights, trans })
}

impl Stage {
    /// The label scores of one word from its feature buckets.
    #[inline]
    pub fn emissions(&self, feats: &[u32]) -> [i32; COUNT] {
        let mut s = [0i32; COUNT];
        for &f in feats {
            let row = &self.weights[f as usize * COUNT..f as usize * COUNT + COUNT];
            for (acc, &w) in s.iter_mut().zip(row) {
                *acc += w as i32;
            }
        }
        s
    }
}

/// The best BIO-valid label sequence for `scores` under `trans`, written into `out`.
pub fn viterbi(scores: &[[i32; COUNT]], trans: &[[i32; COUNT]; COUNT + 1], out: &mut [u8]) {
    let n = scores.len().min(out.len());
    if n == 0 {
        return;
    }
    const NEG: i64 = i64::MIN / 4;
    let mut best = vec![[NEG; COUNT]; n];
    let mut back = vec![[0u8; COUNT]; n];
    for l in 0..COUNT {
        if labels::allowed(None, l as u8) {
            best[0][l] = scores[0][l] as i64 + trans[0][l] as i64;
        }
    }
    for i in 1..n {
        for l in 0..COUNT {
            let mut top = (NEG, 0u8);
            for p in 0..COUNT {
                if best[i - 1][p] == NEG || !labels::allowed(Some(p as u8), l as u8) {
                    continue;
                }
                let v = best[i - 1][p] + trans[p + 1][l] as i64;
                if v > top.0 {
                    top = (v, p as u8);
                }
            }
            if top.0 > NEG {
                best[i][l] = top.0 + scores[i][l] as i64;
                back[i][l] = top.1;
            }
        }
    }
    let mut l = (0..COUNT)
        .max_by_key(|&l| (best[n - 1][l], std::cmp::Reverse(l)))
        .unwrap_or(0) as u8;
    for i in (0..n).rev() {
        out[i] = l;
        l = back[i][l as usize];
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(ModelError::Corrupt("truncated"))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt("bad varint"))
    }
}
