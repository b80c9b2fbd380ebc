//! The slug rules live with the corpus (`corpus::slugs`); re-exported for the site's
//! own slug families.

pub use crate::corpus::slugs::*;
