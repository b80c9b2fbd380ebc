//! Where a build's pages go: [`Publish`] streams them into the output's publisher as
//! they are rendered (nothing holds the whole site); [`Preview`] (for `check`) keeps
//! only their paths, for the output's checks.

use std::sync::Mutex;

use super::Progress;
use crate::output::{OutputError, Publisher};
use crate::site::{Key, Sink};

/// The publisher of a `build`: a page it has from the same key is not rendered again.
/// The render's steps go to the build's progress.
pub(super) struct Publish<'a>(pub &'a Publisher, pub &'a dyn Progress);

impl Sink for Publish<'_> {
    type Error = OutputError;

    fn unchanged(&self, path: &str, key: &Key) -> bool {
        self.0.unchanged(path, key)
    }

    fn put(&self, path: &str, key: &Key, bytes: &[u8]) -> Result<(), OutputError> {
        self.0.put(path, key, bytes)
    }

    fn stage(&self, name: &'static str) {
        self.1.stage(name);
    }

    fn keep_unlisted(&self) {
        self.0.keep_unlisted();
    }

    fn remove(&self, path: &str) -> Result<(), OutputError> {
        self.0.remove(path)
    }
}

/// The pages `check` would write: every page is rendered (to find template errors),
/// and only its path is kept.
#[derive(Default)]
pub(super) struct Preview {
    pub paths: Mutex<Vec<String>>,
}

impl Sink for Preview {
    type Error = std::convert::Infallible;

    fn unchanged(&self, _: &str, _: &Key) -> bool {
        false
    }

    fn put(&self, path: &str, _: &Key, _: &[u8]) -> Result<(), Self::Error> {
        if let Ok(mut paths) = self.paths.lock() {
            paths.push(path.to_string());
        }
        Ok(())
    }
}
