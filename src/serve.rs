//! The local preview server with live reload.
