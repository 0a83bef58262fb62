//! Imports into a store: coded dataset rows (their notes extracted like any report) and
//! designation lists matched to known actors by name and alias, with a report to review.

use crate::{Engine, EngineError, GazetteerNames, IngestSummary, Observer};
use serde::Serialize;
use tessera_fuse::ActorNames;
use tessera_import::{CodedRow, Designation};
use tessera_store::{CodedEventRow, DesignationRow, Store};

/// How a designation was matched to the actors Tessera knows.
#[derive(Debug, Clone, Serialize)]
pub struct DesignationMatch {
    /// The designation.
    pub designation: Designation,
    /// The actor it was linked to: only when exactly one actor answers to its names.
    pub entity_id: Option<String>,
    /// The name that matched.
    pub matched_by: Option<String>,
    /// Every actor the deciding names matched (several: ambiguous; or, when only an
    /// abbreviation matched, the possible actors): left unlinked for the analyst.
    pub candidates: Vec<String>,
}

impl Engine {
    /// Match designations to actors by their names, abbreviations and aliases (through the
    /// gazetteer and the analyst's entity merges). Nothing is merged silently: an ambiguous
    /// match is reported, not linked.
    pub fn match_designations(
        &self,
        store: &dyn Store,
        list: Vec<Designation>,
    ) -> Result<Vec<DesignationMatch>, EngineError> {
        let names =
            GazetteerNames::new(&self.gazetteer, &crate::fusion::entity_merges(store, None)?);
        Ok(list
            .into_iter()
            .map(|d| {
                // The most trusted names that name any actor decide; abbreviations never link.
                let [primary, aliases, abbreviations] = d.names_by_trust();
                let known = |list: &[String]| {
                    let mut found: Vec<(String, String)> = Vec::new();
                    for n in list {
                        let key = names.key(n);
                        if self.gazetteer.actor(&key).is_some() && !found.iter().any(|c| c.0 == key)
                        {
                            found.push((key, n.clone()));
                        }
                    }
                    found
                };
                let mut candidates = known(&primary);
                let by_alias = candidates.is_empty();
                if by_alias {
                    candidates = known(&aliases);
                }
                // An alias alone links only a non-state group: lists give other countries'
                // forces' names as aliases (Shining Path's "People's Liberation Army").
                let armed_group = |id: &str| {
                    self.gazetteer.actor(id).is_some_and(|a| {
                        matches!(
                            a.kind,
                            tessera_model::EntityKind::ArmedGroup
                                | tessera_model::EntityKind::Militia
                        )
                    })
                };
                let (entity_id, matched_by) = match candidates.as_slice() {
                    [(id, name)] if !by_alias || armed_group(id) => {
                        (Some(id.clone()), Some(name.clone()))
                    }
                    _ => (None, None),
                };
                if candidates.is_empty() {
                    candidates = known(&abbreviations);
                }
                DesignationMatch {
                    designation: d,
                    entity_id,
                    matched_by,
                    candidates: candidates.into_iter().map(|c| c.0).collect(),
                }
            })
            .collect())
    }

    /// Match and store designations; returns the matches and how many rows were new or changed.
    pub fn import_designations(
        &self,
        store: &mut dyn Store,
        list: Vec<Designation>,
    ) -> Result<(Vec<DesignationMatch>, usize), EngineError> {
        let matches = self.match_designations(store, list)?;
        let rows = matches
            .iter()
            .map(|m| DesignationRow {
                id: m.designation.id.clone(),
                entity_id: m.entity_id.clone(),
                matched_by: m.matched_by.clone(),
                data: serde_json::to_string(&m.designation).expect("designations serialise"),
            })
            .collect();
        let changed = store.put_designations(rows)?;
        Ok((matches, changed))
    }

    /// Store coded rows of a dataset: their notes go through extraction as documents, the
    /// coded events are kept beside them as the dataset's own account. Idempotent.
    pub fn import_coded(
        &self,
        store: &mut dyn Store,
        dataset: &str,
        rows: Vec<CodedRow>,
        observer: &mut dyn Observer,
    ) -> Result<(IngestSummary, usize), EngineError> {
        let coded: Vec<CodedEventRow> = rows
            .iter()
            .map(|r| CodedEventRow {
                id: r.event.id.clone(),
                dataset: dataset.to_owned(),
                doc_id: r
                    .document
                    .as_ref()
                    .map_or_else(String::new, |d| d.id.0.clone()),
                line: r.line,
                event: serde_json::to_string(&r.event).expect("events serialise"),
                fields: serde_json::to_string(&r.fields).expect("fields serialise"),
            })
            .collect();
        let docs: Vec<_> = rows
            .into_iter()
            .filter_map(|r| r.document)
            .filter(|d| !d.text.trim().is_empty())
            .collect();
        let summary = self.ingest(
            store,
            |sink| docs.into_iter().for_each(|d| sink(Ok(d))),
            observer,
        )?;
        let changed = store.put_coded_events(coded)?;
        Ok((summary, changed))
    }
}
