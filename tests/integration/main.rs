//! Integration tests: the `briefing` binary run on small fixture sites, as a user would.
//!
//! Each test copies a fixture site from `tests/fixtures/sites/<name>/` (or builds one
//! inline) into a temporary folder, runs the binary there with a clean environment,
//! and asserts on its exit code, its output and the files it wrote.

mod harness;

mod analyze;
mod browser;
mod build;
mod crash;
mod edits;
mod fuzz;
mod safety;
mod seed;
mod serve;
mod webpages;
