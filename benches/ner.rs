//! Named-entity recognition speed, in tokens per second, on our own fixture article:
//! `cargo bench --bench ner`. Reports the tokenizer alone and the whole of
//! `entities::recognize` (tokenizing, features, both tagger stages).

use briefing::analysis::sentences::{self, Sentence};
use briefing::analysis::{entities, tokens};
use briefing::ingest::{Block, BlockKind};
use divan::counter::ItemsCount;

const ARTICLE: &str = "\
Foreign ministers from the Group of Seven met in Lisbon on Tuesday to discuss sanctions on Moscow, \
while Chinese officials in Beijing said they would not join the measures.
US Secretary of State Antony Blinken told reporters that Washington's allies, including Germany, \
France and Japan, agreed on the “core principles” of a price cap on Russian oil.
“We are not asking anyone to choose sides,” said Ned Price, a State Department spokesman, adding that \
the International Monetary Fund would publish its assessment next week.
Russian Foreign Minister Sergey Lavrov dismissed the plan as “economic warfare” during a visit to Ankara, \
where Turkish President Recep Tayyip Erdogan hosted talks on grain exports from Odesa.
Shares of Gazprom fell 4.5 percent in Moscow trading, and the rouble weakened to 92.3 per dollar, \
according to data compiled by Reuters and Bloomberg.
In Brussels, European Commission President Ursula von der Leyen said the European Union had approved \
a ninth package of measures, and NATO Secretary-General Jens Stoltenberg praised the Ukraine-Russia \
prisoner exchange brokered by Saudi Arabia.
Mr. Price said the talks—held behind closed doors at the Palácio das Necessidades—would resume in Tokyo \
after the Japanese elections, with Canada and Italy expected to send deputy ministers.
";

fn article(copies: usize) -> (String, Vec<Sentence>) {
    let text = ARTICLE.repeat(copies);
    let mut blocks = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        blocks.push(Block {
            start: at,
            end: at + line.trim_end().len(),
            kind: BlockKind::Paragraph,
        });
        at += line.len();
    }
    let sentences = sentences::split(&text, &blocks);
    (text, sentences)
}

fn token_count(text: &str, sentences: &[Sentence]) -> usize {
    sentences
        .iter()
        .map(|s| tokens::tokenize(text, s.start..s.end).len())
        .sum()
}

#[divan::bench(args = [1, 20])]
fn tokenize(bencher: divan::Bencher, copies: usize) {
    let (text, sentences) = article(copies);
    let count = token_count(&text, &sentences);
    let mut out = Vec::new();
    bencher.counter(ItemsCount::new(count)).bench_local(|| {
        out.clear();
        for s in &sentences {
            tokens::tokenize_into(divan::black_box(&text), s.start..s.end, &mut out);
        }
        out.len()
    });
}

#[divan::bench(args = [1, 20])]
fn recognize(bencher: divan::Bencher, copies: usize) {
    let (text, sentences) = article(copies);
    let count = token_count(&text, &sentences);
    assert!(entities::model().is_ok(), "the built-in model must load");
    bencher
        .counter(ItemsCount::new(count))
        .bench(|| entities::recognize(divan::black_box(&text), divan::black_box(&sentences)).len());
}

fn main() {
    divan::main();
}
