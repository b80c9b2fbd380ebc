//! Prints the entities the built-in model finds in text read from stdin (each non-empty
//! line is a paragraph): `echo "Antony Blinken met Sergey Lavrov." | cargo run --example ner_text`.

use std::io::Read;

use briefing::analysis::{entities, sentences};
use briefing::ingest::{Block, BlockKind};

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("stdin is not UTF-8 text");
        std::process::exit(1);
    }
    if let Err(e) = entities::model() {
        eprintln!("warning: {e}");
    }
    let mut blocks = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if !body.trim().is_empty() {
            blocks.push(Block {
                start: at,
                end: at + body.len(),
                kind: BlockKind::Paragraph,
            });
        }
        at += line.len();
    }
    let sentences = sentences::split(&text, &blocks);
    for e in entities::recognize(&text, &sentences) {
        println!(
            "{:<5} {:>6}..{:<6} {}",
            format!("{:?}", e.kind).to_uppercase(),
            e.start,
            e.end,
            &text[e.start..e.end]
        );
    }
}
