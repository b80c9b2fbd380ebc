//! Fingerprints the analysis code and models at build time, so that briefings generated
//! by another build of the analysis are recognised as stale (see
//! `AnalysisOptions::cache_key`). Any change under `src/analysis/` changes it.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src/analysis");
    let mut files = Vec::new();
    collect(Path::new("src/analysis"), &mut files);
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        file.to_string_lossy().replace('\\', "/").hash(&mut hasher);
        std::fs::read(file).unwrap_or_default().hash(&mut hasher);
    }
    println!(
        "cargo:rustc-env=BRIEFING_ANALYSIS_FINGERPRINT={:016x}",
        hasher.finish()
    );
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
