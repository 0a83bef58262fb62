use crate::{DataSet, EvalError};
use serde_json::Value;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;
use tessera_model::{DocId, Document, DocumentMeta, SourceFormat};

/// A gold entity span: code-point offsets and type (ORG, PER, LOC).
pub type GoldSpan = (usize, usize, String);

/// The gold coding of a set, in the set's own terms.
#[derive(Debug, Clone)]
pub enum Gold {
    /// ACLED rows, as column → value maps (upper-case names as in the file, or lower-case).
    Acled(Vec<HashMap<String, String>>),
    /// ISAF releases: (document id, gold object).
    Isaf(Vec<(String, Value)>),
    /// Wikipedia rows: (document id, row).
    Wiki(Vec<(String, HashMap<String, String>)>),
    /// re3d: document id → gold (begin, end, type) with type ORG/PER/LOC.
    Re3d(Vec<(String, Vec<GoldSpan>)>),
    /// SATP: (document id, labels armed assault, bombing or explosion, kidnapping, other).
    Satp(Vec<(String, [bool; 4])>),
}

fn doc(
    id: String,
    text: String,
    published: Option<String>,
    source: Option<String>,
    title: Option<String>,
) -> Document {
    Document {
        id: DocId(id),
        version: 0,
        text,
        meta: DocumentMeta {
            title,
            published,
            source,
            ..DocumentMeta::default()
        },
        format: SourceFormat::Jsonl,
        origin: None,
    }
}

fn read_csv(path: &Path) -> Result<Vec<HashMap<String, String>>, EvalError> {
    let p = path.display().to_string();
    let mut rdr = csv::Reader::from_path(path).map_err(|e| EvalError::Csv {
        path: p.clone(),
        line: 0,
        message: e.to_string(),
    })?;
    let headers = rdr
        .headers()
        .map_err(|e| EvalError::Csv {
            path: p.clone(),
            line: 1,
            message: e.to_string(),
        })?
        .clone();
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| EvalError::Csv {
            path: p.clone(),
            line: e.position().map_or(0, |pos| pos.line()),
            message: e.to_string(),
        })?;
        rows.push(
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect(),
        );
    }
    Ok(rows)
}

/// The JSON lines of a file, with their line index (from 0); blank lines are skipped.
fn read_jsonl(path: &Path) -> Result<Vec<(usize, Value)>, EvalError> {
    let p = path.display().to_string();
    let io = |source| EvalError::Io {
        path: p.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line).map_err(|e| EvalError::Json {
            path: p.clone(),
            line: i + 1,
            message: e.to_string(),
        })?;
        out.push((i, v));
    }
    Ok(out)
}

/// A column by its old upper-case or current lower-case name.
pub(crate) fn field<'a>(row: &'a HashMap<String, String>, name: &str) -> &'a str {
    row.get(name)
        .or_else(|| row.get(&name.to_ascii_lowercase()))
        .map_or("", String::as_str)
}

/// Read a coded set into documents (ids, texts and dates as the shared `make_docs.py` makes
/// them) and its gold coding.
pub fn load(set: DataSet, path: &Path) -> Result<(Vec<Document>, Gold), EvalError> {
    match set {
        DataSet::Acled => {
            let rows = read_csv(path)?;
            let docs = rows
                .iter()
                .map(|r| {
                    let d = field(r, "EVENT_DATE");
                    let published = chrono::NaiveDate::parse_from_str(d, "%d-%B-%Y")
                        .map(|x| x.to_string())
                        .unwrap_or_else(|_| d.to_owned());
                    doc(
                        field(r, "EVENT_ID_CNTY").to_owned(),
                        field(r, "NOTES").to_owned(),
                        Some(published).filter(|s| !s.is_empty()),
                        Some(field(r, "SOURCE").to_owned()).filter(|s| !s.is_empty()),
                        None,
                    )
                })
                .collect();
            Ok((docs, Gold::Acled(rows)))
        }
        DataSet::Wiki => {
            let rows = read_csv(path)?;
            let docs = rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    doc(
                        format!("wiki-{i}"),
                        field(r, "Description").to_owned(),
                        None,
                        None,
                        None,
                    )
                })
                .collect();
            let gold = rows
                .into_iter()
                .enumerate()
                .map(|(i, r)| (format!("wiki-{i}"), r))
                .collect();
            Ok((docs, Gold::Wiki(gold)))
        }
        DataSet::Satp => {
            let mut docs = Vec::new();
            let mut gold = Vec::new();
            for (i, v) in read_jsonl(path)? {
                let text = v["text"].as_str().unwrap_or_default().to_owned();
                let label =
                    |k: &str| v[k].as_i64().unwrap_or(0) != 0 || v[k].as_bool() == Some(true);
                let id = format!("satp-{i}");
                docs.push(doc(id.clone(), text, None, Some("SATP".into()), None));
                gold.push((
                    id,
                    [
                        label("armed_assault"),
                        label("bombing_explosion"),
                        label("kidnapping"),
                        label("other"),
                    ],
                ));
            }
            Ok((docs, Gold::Satp(gold)))
        }
        DataSet::Isaf | DataSet::Re3d => {
            let mut docs = Vec::new();
            let mut isaf = Vec::new();
            let mut re3d = Vec::new();
            for (i, v) in read_jsonl(path)? {
                let text = v["text"].as_str().unwrap_or_default().to_owned();
                if set == DataSet::Isaf {
                    let id = format!("isaf-{i}");
                    docs.push(doc(id.clone(), text, None, Some("ISAF".into()), None));
                    isaf.push((id, v["gold"].clone()));
                } else {
                    let id = v["id"]
                        .as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| v["id"].to_string());
                    let gold = v["entities"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|e| {
                            let ty = match e["type"].as_str()? {
                                "Organisation" => "ORG",
                                "Person" => "PER",
                                "Location" => "LOC",
                                _ => return None,
                            };
                            Some((
                                e["begin"].as_u64()? as usize,
                                e["end"].as_u64()? as usize,
                                ty.to_owned(),
                            ))
                        })
                        .collect();
                    docs.push(doc(
                        id.clone(),
                        text,
                        None,
                        v["source"].as_str().map(str::to_owned),
                        v["title"].as_str().map(str::to_owned),
                    ));
                    re3d.push((id, gold));
                }
            }
            Ok((
                docs,
                if set == DataSet::Isaf {
                    Gold::Isaf(isaf)
                } else {
                    Gold::Re3d(re3d)
                },
            ))
        }
    }
}
