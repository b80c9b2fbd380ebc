//! Tags a CoNLL-format file with the built-in named-entity model and prints
//! conlleval-style precision, recall and F1, overall and per type.
//!
//! ```text
//! cargo run --release --example conlleval -- ../shared/data/conll2003/conllpp_dev.txt
//! cargo run --release --example conlleval -- --model /tmp/other.bin FILE
//! ```
//!
//! Only the first (word) and last (gold label, IOB1 or IOB2) columns are read; documents
//! are split at `-DOCSTART-` lines, so document-level features work as in analysis.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, anyhow};
use briefing::analysis::entities::{self, Model, conll, train};
use clap::Parser;

#[derive(Parser)]
struct Args {
    /// CoNLL-format file with gold labels.
    file: PathBuf,
    /// A model file to use instead of the built-in one.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Score the model's own labels, without the boundary repairs.
    #[arg(long)]
    unrepaired: bool,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let docs = conll::parse(&text);
    let owned;
    let model: &Model = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            owned = Model::decode(&bytes)
                .with_context(|| format!("cannot decode {}", path.display()))?;
            &owned
        }
        None => entities::model().map_err(|e| anyhow!("built-in model: {e}"))?,
    };
    let tokens: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.words.len())
        .sum();
    let started = Instant::now();
    let scores = train::evaluate(model, &docs, !args.unrepaired);
    let secs = started.elapsed().as_secs_f64();
    print!("{}", scores.report(tokens));
    eprintln!(
        "tagged {tokens} tokens in {secs:.2}s ({:.0} tokens/s)",
        tokens as f64 / secs
    );
    Ok(())
}
