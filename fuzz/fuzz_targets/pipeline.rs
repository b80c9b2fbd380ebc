//! libFuzzer target: one input is one article (or hand-written briefing) file, run
//! through ingest, analysis, the briefing round trip and rendering by
//! `briefing::fuzz::run`. A panic, a broken invariant or an input slower than its
//! allowance (1 MB/s plus a fixed tenth of a second) is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let clock = std::time::Instant::now();
    if let Err(finding) = briefing::fuzz::run(data) {
        panic!("{finding}");
    }
    let elapsed = clock.elapsed();
    let allowance = briefing::fuzz::allowance(data.len());
    assert!(
        elapsed <= allowance,
        "slow: {elapsed:?} for {} bytes (allowance {allowance:?})",
        data.len()
    );
});
