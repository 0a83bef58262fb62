use crate::error::IngestError;
use tessera_model::{DocId, Document, DocumentMeta, SourceFormat};

/// Decode bytes that must be UTF-8 text: rejects binary (NUL bytes) and invalid UTF-8 with the
/// offending offset; strips a BOM and turns CRLF into LF so offsets are the same on every OS.
pub(crate) fn decode_utf8_text(bytes: &[u8], origin: &str) -> Result<String, IngestError> {
    let probe = &bytes[..bytes.len().min(8192)];
    if let Some(offset) = probe.iter().position(|b| *b == 0) {
        return Err(IngestError::Binary {
            origin: origin.to_owned(),
            offset,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        origin: origin.to_owned(),
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    })
}

fn is_bracketed_note(line: &str) -> bool {
    line.starts_with('[') && line.ends_with(']')
}

/// Read a plain-text or Markdown report. The first line, when short, becomes the title.
pub fn parse_text(
    bytes: &[u8],
    id: DocId,
    origin: &str,
    format: SourceFormat,
) -> Result<Document, IngestError> {
    let text = decode_utf8_text(bytes, origin)?;
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            origin: origin.to_owned(),
        });
    }
    let title = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        // A bracketed editorial note ("[SYNTHETIC SAMPLE]", "[Updated]") is not a headline.
        .find(|l| !l.is_empty() && !is_bracketed_note(l))
        .filter(|l| l.chars().count() <= 200)
        .map(str::to_owned);
    Ok(Document {
        id,
        version: 0,
        text,
        meta: DocumentMeta {
            title,
            ..DocumentMeta::default()
        },
        format,
        origin: Some(origin.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_decoded_and_checked() {
        let d = parse_text(
            "\u{feff}[Note]\r\n# Blast\r\nTwo killed.".as_bytes(),
            DocId::from("a"),
            "a.md",
            SourceFormat::Markdown,
        )
        .unwrap();
        assert_eq!(d.text, "[Note]\n# Blast\nTwo killed.");
        assert_eq!(d.meta.title.as_deref(), Some("Blast"));

        let e = parse_text(b"ok\xffno", DocId::from("b"), "b.txt", SourceFormat::Text).unwrap_err();
        assert_eq!(e.to_string(), "b.txt: invalid UTF-8 at byte offset 2");
        let e = parse_text(b"ab\0cd", DocId::from("c"), "c.txt", SourceFormat::Text).unwrap_err();
        assert!(matches!(e, IngestError::Binary { offset: 2, .. }));
        let e = parse_text(b" \n\t", DocId::from("d"), "d.txt", SourceFormat::Text).unwrap_err();
        assert!(matches!(e, IngestError::Empty { .. }));
    }
}
