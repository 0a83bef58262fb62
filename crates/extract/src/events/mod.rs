//! Events: who did what to whom, where, when, with how many casualties, on whose word.
//!
//! [`EventStage`] reads each sentence (triggers from [`lexicon`], counts from [`casualties`],
//! sources and hedges from [`attribution`], dates, and the places and actors the gazetteer stage
//! resolved), groups the sentences that tell of one incident, and codes each group in ACLED's
//! taxonomy with CAMEO root codes and Goldstein values.

pub mod attribution;
pub mod casualties;
pub mod lexicon;
mod stage;

pub use stage::EventStage;
