//! Small text utilities the stages share: tokens with offsets, numbers, dates.

pub mod dates;
pub mod numbers;
pub mod phrases;
pub mod tokens;
