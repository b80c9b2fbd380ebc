//! Where a build's pages go: [`Publish`] streams them into the output's publisher as
//! they are rendered (nothing holds the whole site); [`Preview`] (for `check`) keeps
//! only their paths, for the output's checks.

use std::sync::Mutex;

use crate::output::{OutputError, Publisher};
use crate::site::{Key, Sink};

/// The publisher of a `build`: a page it has from the same key is not rendered again.
pub(super) struct Publish<'a>(pub &'a Publisher);

impl Sink for Publish<'_> {
    type Error = OutputError;

    fn unchanged(&self, path: &str, key: &Key) -> bool {
        self.0.unchanged(path, key)
    }

    fn put(&self, path: &str, key: &Key, bytes: &[u8]) -> Result<(), OutputError> {
        self.0.put(path, key, bytes)
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
