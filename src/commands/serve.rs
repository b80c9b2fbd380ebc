//! `serve`: build into the tool's state folder, serve it with live reload, and rebuild
//! on every change.

use std::net::IpAddr;
use std::process::ExitCode;

use anyhow::Result;
use jiff::civil::Date;

use super::session::{LiveConfig, Overrides, Session, clock};
use crate::cli::BuildArgs;
use crate::config::Config;

/// Options of `serve` from the command line.
#[derive(Debug, Clone, Copy)]
pub struct ServeArgs {
    pub port: u16,
    pub bind: IpAddr,
    pub open: bool,
}

/// `serve`: build into the tool's state folder and serve it with live reload. `today` is
/// the date of the first build; every later build reads the clock again.
pub fn serve(
    config: Config,
    args: &BuildArgs,
    serve: ServeArgs,
    quiet: bool,
    today: Date,
) -> Result<ExitCode> {
    let mut options = crate::serve::ServeOptions::for_site(&config);
    (options.port, options.bind, options.open) = (serve.port, serve.bind, serve.open);
    let server = crate::serve::Server::bind(options.clone())?;
    let watch = crate::watch::WatchOptions::for_site(&config);
    let overrides = Overrides {
        base_url: Some(server.url()),
        output_dir: Some(options.dir),
    };
    let config = overrides.apply(config)?;
    let live = LiveConfig::new(config, overrides, &watch.layout);
    let mut session = Session::new(live, args, quiet, clock(today), &watch.self_writes);
    server.run(watch, |changes| session.rebuild(changes).map(drop))?;
    Ok(ExitCode::SUCCESS)
}
