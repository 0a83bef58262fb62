//! End-to-end tests of the `tessera` binary, one module per area.

mod common;
mod dev_sets;
mod eval;
mod exports;
mod extraction;
mod fusion;
mod gazetteer;
mod imports;
mod ingest;
mod reliability;
mod server;
mod web_browser;
