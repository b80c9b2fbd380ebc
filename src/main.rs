//! The `briefing` binary: parse the command line, run it, map the outcome to an exit
//! code (0 ok, 1 failed, 2 usage error). Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = briefing::cli::Cli::parse();
    let epoch = std::env::var(briefing::commands::SOURCE_DATE_EPOCH).ok();
    let today = match briefing::commands::today(epoch.as_deref()) {
        Ok(today) => today,
        Err(err) => {
            eprintln!("error: {err:#}");
            return ExitCode::from(2);
        }
    };
    match briefing::commands::run(cli, today) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
