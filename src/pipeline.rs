//! The one orchestrator: runs the stages in order for `build`, `check`, `watch` and `serve`.
