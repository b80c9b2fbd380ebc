//! Watching a site's sources and rebuilding on change.
