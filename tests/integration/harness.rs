//! The test harness: a temporary site, the binary run inside it, and helpers to read
//! what it wrote.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::LazyLock;

/// A site in a temporary folder.
pub struct Site {
    dir: tempfile::TempDir,
}

/// What a run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn failure(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "expected exit code {code}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

impl Site {
    /// An empty site with a default `briefing.toml`.
    pub fn new() -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        site.write(
            "briefing.toml",
            "title = \"Test site\"\nbase_url = \"https://example.org/\"\n",
        );
        site
    }

    /// A copy of `tests/fixtures/sites/<name>`.
    pub fn fixture(name: &str) -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/sites")
            .join(name);
        copy_dir(&from, site.path());
        site
    }

    /// A copy of the demo site of this repository (`briefing.toml`, `content/`).
    pub fn demo() -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(
            repo.join("briefing.toml"),
            site.path().join("briefing.toml"),
        )
        .unwrap();
        copy_dir(&repo.join("content"), &site.path().join("content"));
        site
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A copy of this site (sources, output and state folder) in a new temporary folder.
    pub fn copy(&self) -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        copy_dir(self.path(), site.path());
        site
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn write_bytes(&self, relative: &str, bytes: &[u8]) {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    #[track_caller]
    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path().join(relative))
            .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
    }

    pub fn exists(&self, relative: &str) -> bool {
        self.path().join(relative).exists()
    }

    /// Runs `briefing ARGS` in the site folder.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }

    /// Runs `briefing ARGS` in the site folder with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = command_in(self.path());
        command.args(args).envs(env.iter().copied());
        finish(command.output().expect("run briefing"))
    }

    /// Every file under `relative` with its bytes, for before/after comparisons.
    pub fn snapshot_tree(&self, relative: &str) -> BTreeMap<PathBuf, Vec<u8>> {
        let root = self.path().join(relative);
        walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(&root).unwrap().to_path_buf(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }
}

/// Runs the binary in `dir` with a clean environment.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let mut command = command_in(dir);
    command.args(args);
    finish(command.output().expect("run briefing"))
}

/// The moment every run of this test process takes as now (`SOURCE_DATE_EPOCH`), fixed
/// when the first test starts: two builds one test compares see the same "today", also
/// when midnight falls between them. A test that needs another day sets its own.
static NOW: LazyLock<String> = LazyLock::new(|| {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs()
        .to_string()
});

/// The binary, to be run in `dir` with a clean environment.
pub fn command_in(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefing"));
    command
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env(briefing::commands::SOURCE_DATE_EPOCH, NOW.as_str());
    command
}

/// What a finished run did; `code` is -1 when a signal ended it.
pub fn finish(output: Output) -> Run {
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
