use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// The id of a document, as given by its source (JSONL `id`, feed GUID, canonical URL or path).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl From<&str> for DocId {
    fn from(s: &str) -> Self {
        DocId(s.to_owned())
    }
}
impl From<String> for DocId {
    fn from(s: String) -> Self {
        DocId(s)
    }
}
impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl DocId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The id of an entity (actor, place, person …), e.g. `actor:ttp` or `gn:1168197`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub String);

impl From<&str> for EntityId {
    fn from(s: &str) -> Self {
        EntityId(s.to_owned())
    }
}
impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl EntityId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A stable id: `prefix` plus the first 16 hex digits of SHA-256 over the parts.
///
/// Parts are separated by a NUL so that `("ab","c")` and `("a","bc")` differ.
pub fn stable_id(prefix: &str, parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(prefix.len() + 17);
    out.push_str(prefix);
    out.push(':');
    for b in &digest[..8] {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_id_is_deterministic_and_separates_parts() {
        assert_eq!(stable_id("ev", &["a", "b"]), stable_id("ev", &["a", "b"]));
        assert_ne!(stable_id("ev", &["ab", "c"]), stable_id("ev", &["a", "bc"]));
        assert!(stable_id("ev", &["x"]).starts_with("ev:"));
        assert_eq!(stable_id("ev", &["x"]).len(), 3 + 16);
    }
}
