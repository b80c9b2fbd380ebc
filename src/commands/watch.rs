//! `watch`: build, then rebuild on every change to the site's sources until Ctrl-C.

use std::process::ExitCode;

use anyhow::Result;
use jiff::civil::Date;

use super::session::{LiveConfig, Overrides, Session, clock};
use crate::cli::BuildArgs;
use crate::config::Config;

/// `watch`: build, then rebuild on every change until interrupted. `today` is the date
/// of the first build; every later build reads the clock again.
pub fn watch(config: Config, args: &BuildArgs, quiet: bool, today: Date) -> Result<ExitCode> {
    let options = crate::watch::WatchOptions::for_site(&config);
    let live = LiveConfig::new(config, Overrides::default(), &options.layout);
    let mut session = Session::new(live, args, quiet, clock(today), &options.self_writes);
    crate::watch::watch(options, |changes| {
        let _ = session.rebuild(changes);
    })?;
    Ok(ExitCode::SUCCESS)
}
