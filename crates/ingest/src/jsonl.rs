use crate::date::normalize_date;
use crate::error::IngestError;
use serde_json::Value;
use tessera_model::{DocId, Document, DocumentMeta, SourceFormat};

fn opt_str(
    obj: &serde_json::Map<String, Value>,
    key: &'static str,
    origin: &str,
) -> Result<Option<String>, IngestError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone()).filter(|s| !s.trim().is_empty())),
        Some(_) => Err(IngestError::Field {
            origin: origin.to_owned(),
            field: key,
            message: "expected a string".into(),
        }),
    }
}

/// Read one JSON Lines record: `id` (string or integer) and `text` required; `title`,
/// `published` (ISO date or datetime), `source`, `url`, `language`, `author` optional.
pub fn parse_jsonl_line(line: &str, origin: &str) -> Result<Document, IngestError> {
    let value: Value = serde_json::from_str(line).map_err(|e| IngestError::Json {
        origin: origin.to_owned(),
        message: e.to_string(),
    })?;
    let Value::Object(obj) = value else {
        return Err(IngestError::Json {
            origin: origin.to_owned(),
            message: "expected a JSON object".into(),
        });
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => {
            return Err(IngestError::Field {
                origin: origin.to_owned(),
                field: "id",
                message: "missing or not a non-empty string".into(),
            });
        }
    };
    let text = match obj.get("text") {
        Some(Value::String(s)) => s.replace("\r\n", "\n"),
        None | Some(Value::Null) => {
            return Err(IngestError::Field {
                origin: origin.to_owned(),
                field: "text",
                message: "missing".into(),
            });
        }
        Some(_) => {
            return Err(IngestError::Field {
                origin: origin.to_owned(),
                field: "text",
                message: "expected a string".into(),
            });
        }
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            origin: origin.to_owned(),
        });
    }
    let published = match opt_str(&obj, "published", origin)? {
        None => None,
        Some(p) => Some(normalize_date(&p).ok_or_else(|| IngestError::Field {
            origin: origin.to_owned(),
            field: "published",
            message: format!("{p:?} is not an ISO date or datetime"),
        })?),
    };
    Ok(Document {
        id: DocId(id),
        version: 0,
        text,
        meta: DocumentMeta {
            title: opt_str(&obj, "title", origin)?,
            published,
            source: opt_str(&obj, "source", origin)?,
            author: opt_str(&obj, "author", origin)?,
            url: opt_str(&obj, "url", origin)?,
            canonical_url: None,
            language: opt_str(&obj, "language", origin)?,
        },
        format: SourceFormat::Jsonl,
        origin: Some(origin.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_their_errors() {
        let d = parse_jsonl_line(
            r#"{"id":7,"text":"Blast.","published":"2015-01-03","source":"Dawn","extra":1}"#,
            "x:1",
        )
        .unwrap();
        assert_eq!(d.id.as_str(), "7");
        assert_eq!(d.meta.source.as_deref(), Some("Dawn"));
        let cases = [
            (r#"{"text":"a"}"#, "x:1: field `id`"),
            (r#"{"id":"a"}"#, "x:1: field `text`: missing"),
            (r#"{"id":"a","text":"  "}"#, "x:1: empty document"),
            (
                r#"{"id":"a","text":"t","published":"soon"}"#,
                "x:1: field `published`",
            ),
            (r#"{"id":"a","text":"t","title":3}"#, "x:1: field `title`"),
            (r#"[1]"#, "x:1: invalid JSON"),
            (r#"{"id":"a","#, "x:1: invalid JSON"),
        ];
        for (line, want) in cases {
            let e = parse_jsonl_line(line, "x:1").unwrap_err().to_string();
            assert!(e.starts_with(want), "{line}: {e}");
        }
    }
}
