use crate::error::IngestError;
use crate::html::html_to_text;
use tessera_model::{DocId, Document, DocumentMeta, SourceFormat};

/// Read an RSS or Atom feed: each item becomes a document (its cleaned HTML as text, its link,
/// date and title). A feed that does not parse is an error; an item with no text is an error of
/// its own (origin `FILE#item N`) while the other items still come through.
pub fn parse_feed(
    bytes: &[u8],
    origin: &str,
) -> Result<Vec<Result<Document, IngestError>>, IngestError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| IngestError::Feed {
        origin: origin.to_owned(),
        message: e.to_string(),
    })?;
    let feed_title = feed.title.as_ref().map(|t| t.content.trim().to_owned());
    let feed_lang = feed.language.clone();
    let mut out = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let item_origin = format!("{origin}#item {}", i + 1);
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = html_to_text(&body);
        if text.trim().is_empty() {
            out.push(Err(IngestError::Empty {
                origin: item_origin,
            }));
            continue;
        }
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.clone());
        // Feeds without GUIDs get a generated one from feed-rs; prefer the link then.
        let id = if !entry.id.is_empty() && (entry.id.contains(':') || link.is_none()) {
            entry.id.clone()
        } else {
            link.clone().unwrap_or_else(|| entry.id.clone())
        };
        let published = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
        out.push(Ok(Document {
            id: DocId(id),
            version: 0,
            text,
            meta: DocumentMeta {
                title: entry
                    .title
                    .map(|t| html_to_text(&t.content))
                    .filter(|t| !t.is_empty()),
                published,
                source: feed_title.clone().filter(|t| !t.is_empty()),
                author: entry.authors.first().and_then(|p| p.name.clone()),
                url: link,
                canonical_url: None,
                language: entry.language.or_else(|| feed_lang.clone()),
            },
            format: SourceFormat::Feed,
            origin: Some(item_origin),
        }));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_become_documents() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Frontier Desk</title>
<item><title>Blast in Bajaur</title><link>https://fd.example/1</link><guid>https://fd.example/1</guid>
<pubDate>Mon, 03 Mar 2025 10:00:00 +0500</pubDate>
<description>&lt;p&gt;Two &lt;b&gt;soldiers&lt;/b&gt; were killed.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://fd.example/2</link><description></description></item>
</channel></rss>"#;
        let items = parse_feed(rss.as_bytes(), "f.xml").unwrap();
        assert_eq!(items.len(), 2);
        let d = items[0].as_ref().unwrap();
        assert_eq!(d.id.as_str(), "https://fd.example/1");
        assert_eq!(d.text, "Two soldiers were killed.");
        assert_eq!(
            d.meta.published.as_deref(),
            Some("2025-03-03T05:00:00+00:00")
        );
        assert_eq!(d.meta.source.as_deref(), Some("Frontier Desk"));
        assert!(
            matches!(&items[1], Err(IngestError::Empty { origin }) if origin == "f.xml#item 2")
        );
    }

    #[test]
    fn broken_feeds_are_errors() {
        let e = parse_feed(b"<rss><channel><item>", "bad.xml").unwrap_err();
        assert!(e.to_string().starts_with("bad.xml: malformed feed"), "{e}");
    }
}
