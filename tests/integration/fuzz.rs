//! The fuzz target (`briefing::fuzz::run`, also run by cargo-fuzz in `fuzz/` and by
//! `examples/fuzz.rs`) as a bounded, seeded test: the generated seed corpus, then
//! seeded mutations of it, each with a panic oracle, the target's invariants and a
//! deadline that fails on a hang, not on a slow machine.

use std::time::Duration;

use briefing::fuzz::{self, mutate, seeds, within};

/// A hang fails; a slow (debug, shared) machine does not.
const DEADLINE: Duration = fuzz::HANG;

/// Runs one input on its own thread: its finding, or a hang, fails the test.
fn check(name: &str, input: Vec<u8>) {
    let shown = String::from_utf8_lossy(&input[..input.len().min(80)]).into_owned();
    match within(DEADLINE, move || {
        std::panic::catch_unwind(|| fuzz::run(&input))
    }) {
        None => panic!("{name}: no answer in {DEADLINE:?} ({shown:?}…)"),
        Some(Err(_)) => panic!("{name}: panicked ({shown:?}…)"),
        Some(Ok(Err(finding))) => panic!("{name}: {finding}"),
        Some(Ok(Ok(_))) => {}
    }
}

#[test]
fn fuzz_seed_corpus_runs_clean() {
    // 256 KiB: large enough that the quadratic passes these seeds once hit would hang
    for seed in seeds::seeds(256 * 1024) {
        check(seed.name, seed.input);
    }
}

#[test]
fn fuzz_seeded_mutations_run_clean() {
    let corpus: Vec<Vec<u8>> = seeds::seeds(2_048).into_iter().map(|s| s.input).collect();
    let mut rng = fastrand::Rng::with_seed(11);
    for i in 0..100 {
        let parent = &corpus[rng.usize(..corpus.len())];
        let input = mutate::mutate(parent, &mut rng, 4_096);
        check(&format!("mutation {i}"), input);
    }
}
