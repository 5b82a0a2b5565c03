//! PeaceOps: a workshop board for multilateral peace operations and organized crime.
//!
//! The domain ([`model`], [`rules`], [`io`]) has no UI dependency; the window lives behind the
//! default `gui` feature, so `cargo test --no-default-features` builds and tests the domain alone.

pub mod cli;
pub mod compare;
pub mod document;
pub mod exercise;
pub mod io;
pub mod lens;
pub mod merge;
pub mod model;
pub mod report;
pub mod rules;
pub mod session;
pub mod synthetic;

#[cfg(feature = "gui")]
pub mod app;
#[cfg(feature = "gui")]
pub mod command;
#[cfg(feature = "gui")]
pub mod files;
#[cfg(feature = "gui")]
pub mod theme;
#[cfg(feature = "gui")]
pub mod view;
