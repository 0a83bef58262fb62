use crate::date::normalize_date;
use crate::error::IngestError;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use tessera_model::{DocId, Document, DocumentMeta, SourceFormat};

/// Decode an HTML page's bytes: BOM, then `<meta charset>` / `http-equiv` in the first 2 KB,
/// then UTF-8 when valid, else windows-1252 (what browsers assume for legacy pages).
fn decode_html(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode(bytes).0.into_owned();
    }
    let head = &bytes[..bytes.len().min(2048)];
    let head_lc = String::from_utf8_lossy(head).to_ascii_lowercase();
    if let Some(pos) = head_lc.find("charset=") {
        let label: String = head_lc[pos + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            return enc.decode_without_bom_handling(bytes).0.into_owned();
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "hr",
    "main",
    "aside",
    "nav",
    "td",
    "th",
];
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "button", "select",
];

fn walk_text(el: ElementRef<'_>, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP_TAGS.contains(&name) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&name);
                if block {
                    out.push_str(if matches!(name, "br" | "li" | "tr") {
                        "\n"
                    } else {
                        "\n\n"
                    });
                }
                if let Some(child_el) = ElementRef::wrap(child) {
                    walk_text(child_el, out);
                }
                if block && name != "br" {
                    out.push_str("\n\n");
                }
            }
            _ => {}
        }
    }
}

/// Collapse whitespace inside lines, trim lines, and keep at most one blank line between blocks.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank_run = 0usize;
    for line in raw.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(&words.join(" "));
    }
    out
}

/// The visible text of an HTML fragment or page, with blocks as paragraphs; scripts and
/// styles dropped, entities decoded (so `&lt;script&gt;` is the literal text `<script>`).
pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut raw = String::new();
    walk_text(doc.root_element(), &mut raw);
    tidy(&raw)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

fn meta_content(doc: &Html, selectors: &[&str]) -> Option<String> {
    for s in selectors {
        for el in doc.select(&sel(s)) {
            let v = el
                .value()
                .attr("content")
                .or_else(|| el.value().attr("href"))
                .or_else(|| el.value().attr("datetime"))
                .map(str::trim)
                .filter(|v| !v.is_empty());
            if let Some(v) = v {
                return Some(v.to_owned());
            }
        }
    }
    None
}

/// The first JSON-LD object that describes an article.
fn json_ld_article(doc: &Html) -> Option<Value> {
    fn find(v: &Value) -> Option<&Value> {
        match v {
            Value::Array(items) => items.iter().find_map(find),
            Value::Object(map) => {
                if let Some(g) = map.get("@graph")
                    && let Some(found) = find(g)
                {
                    return Some(found);
                }
                let ty = map.get("@type").map(|t| t.to_string()).unwrap_or_default();
                (ty.contains("Article")
                    || ty.contains("BlogPosting")
                    || map.contains_key("headline"))
                .then_some(v)
            }
            _ => None,
        }
    }
    doc.select(&sel(r#"script[type="application/ld+json"]"#))
        .filter_map(|el| serde_json::from_str::<Value>(&el.text().collect::<String>()).ok())
        .find_map(|v| find(&v).cloned())
}

fn ld_name(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m.get("name").and_then(Value::as_str).map(str::to_owned),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(|x| ld_name(Some(x))).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
    .map(|s| s.trim().to_owned())
    .filter(|s| !s.is_empty())
}

/// Read an HTML page: its main text (readability), title, author, publication date, canonical
/// URL, site name and language from meta tags and JSON-LD. Any character encoding is decoded.
pub fn parse_html(bytes: &[u8], id: DocId, origin: &str) -> Result<Document, IngestError> {
    if let Some(offset) = bytes[..bytes.len().min(8192)].iter().position(|b| *b == 0) {
        return Err(IngestError::Binary {
            origin: origin.to_owned(),
            offset,
        });
    }
    let html = decode_html(bytes);
    if !html.contains('<') {
        return Err(IngestError::Html {
            origin: origin.to_owned(),
            message: "no markup found".into(),
        });
    }
    let doc = Html::parse_document(&html);
    let ld = json_ld_article(&doc);
    let ld_str = |k: &str| {
        ld.as_ref()
            .and_then(|v| v.get(k))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };

    // Readability picks the main content; we turn its cleaned HTML into text ourselves so that
    // every HTML path (pages, feed items) yields text laid out the same way.
    let article = dom_smoothie::Readability::new(html.as_str(), None, None)
        .ok()
        .and_then(|mut r| r.parse().ok());
    let mut text = article
        .as_ref()
        .map(|a| html_to_text(&a.content))
        .unwrap_or_default();
    if text.trim().is_empty() {
        text = html_to_text(&html);
    }
    if text.trim().is_empty() {
        return Err(IngestError::Html {
            origin: origin.to_owned(),
            message: "no readable text".into(),
        });
    }

    let title = meta_content(&doc, &[r#"meta[property="og:title"]"#])
        .or_else(|| ld_str("headline"))
        .or_else(|| {
            doc.select(&sel("title"))
                .next()
                .map(|t| t.text().collect::<String>().trim().to_owned())
                .filter(|t| !t.is_empty())
        })
        .or_else(|| {
            article
                .as_ref()
                .map(|a| a.title.clone())
                .filter(|t| !t.is_empty())
        });
    let published = meta_content(
        &doc,
        &[
            r#"meta[property="article:published_time"]"#,
            r#"meta[name="article:published_time"]"#,
            r#"meta[itemprop="datePublished"]"#,
            r#"meta[name="pubdate"]"#,
            r#"meta[name="publishdate"]"#,
            r#"meta[name="date"]"#,
            r#"meta[name="DC.date.issued"]"#,
            r#"meta[name="dc.date"]"#,
        ],
    )
    .or_else(|| ld_str("datePublished"))
    .or_else(|| article.as_ref().and_then(|a| a.published_time.clone()))
    .or_else(|| meta_content(&doc, &["article time[datetime]", "time[datetime]"]))
    .and_then(|d| normalize_date(&d));
    let author = meta_content(
        &doc,
        &[
            r#"meta[name="author"]"#,
            r#"meta[property="article:author"]"#,
        ],
    )
    .or_else(|| ld_name(ld.as_ref().and_then(|v| v.get("author"))))
    .or_else(|| article.as_ref().and_then(|a| a.byline.clone()));
    let canonical_url = meta_content(
        &doc,
        &[r#"link[rel="canonical"]"#, r#"meta[property="og:url"]"#],
    );
    let source = meta_content(&doc, &[r#"meta[property="og:site_name"]"#])
        .or_else(|| ld_name(ld.as_ref().and_then(|v| v.get("publisher"))));
    let language = doc
        .root_element()
        .value()
        .attr("lang")
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());

    Ok(Document {
        id,
        version: 0,
        text,
        meta: DocumentMeta {
            title,
            published,
            source,
            author,
            url: canonical_url.clone(),
            canonical_url,
            language,
        },
        format: SourceFormat::Html,
        origin: Some(origin.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Site | Blast</title>
<meta property="og:title" content="Blast kills three in Quetta">
<meta property="article:published_time" content="2025-03-03T08:00:00+05:00">
<meta name="author" content="Staff Reporter">
<link rel="canonical" href="https://news.example/quetta-blast">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline","datePublished":"2025-03-04"}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Blast kills three in Quetta</h1>
<p>QUETTA: Three people were killed when a bomb exploded near a market on Monday, police said.</p>
<p>The blast damaged several shops. Officials said the device was planted on a motorcycle, and
investigators were examining &lt;script&gt;alert(1)&lt;/script&gt; scrawled on a wall.</p>
<p>No group has claimed responsibility for the attack, which came a week after a similar one.</p>
</article><footer>Copyright 2025</footer><script>var x = 1;</script></body></html>"#;

    #[test]
    fn page_metadata_and_main_text() {
        let d = parse_html(PAGE.as_bytes(), DocId::from("p"), "p.html").unwrap();
        assert_eq!(d.meta.title.as_deref(), Some("Blast kills three in Quetta"));
        assert_eq!(
            d.meta.published.as_deref(),
            Some("2025-03-03T08:00:00+05:00")
        );
        assert_eq!(d.meta.author.as_deref(), Some("Staff Reporter"));
        assert_eq!(
            d.meta.canonical_url.as_deref(),
            Some("https://news.example/quetta-blast")
        );
        assert_eq!(d.meta.language.as_deref(), Some("en"));
        assert!(d.text.contains("Three people were killed"), "{}", d.text);
        assert!(d.text.contains("<script>alert(1)</script>"), "{}", d.text);
        assert!(!d.text.contains("var x"), "{}", d.text);
        assert!(!d.text.contains("Copyright"), "{}", d.text);
    }

    #[test]
    fn legacy_encodings_are_decoded() {
        let mut bytes = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf".to_vec();
        bytes.extend_from_slice(&[0xe9, b' ', 0x93, b'q', 0x94]);
        bytes.extend_from_slice(b" said.</p></body></html>");
        let d = parse_html(&bytes, DocId::from("w"), "w.html").unwrap();
        assert!(d.text.contains("Café “q” said."), "{}", d.text);
        // Without a declaration, invalid UTF-8 falls back to windows-1252 too.
        let mut bytes2 = b"<html><body><p>Caf".to_vec();
        bytes2.extend_from_slice(&[0xe9, b' ', 0x93, b'q', 0x94]);
        bytes2.extend_from_slice(b" said.</p></body></html>");
        let d2 = parse_html(&bytes2, DocId::from("w2"), "w2.html").unwrap();
        assert!(d2.text.contains("Café “q” said."), "{}", d2.text);
    }

    #[test]
    fn pages_without_text_are_errors() {
        let e = parse_html(
            b"<html><body><script>x</script></body></html>",
            DocId::from("e"),
            "e.html",
        )
        .unwrap_err();
        assert!(e.to_string().contains("e.html: malformed HTML"), "{e}");
        assert!(parse_html(b"plain words only", DocId::from("e"), "e.html").is_err());
    }

    #[test]
    fn fragments_become_paragraphs() {
        assert_eq!(
            html_to_text("<p>One  two</p><p>three<br>four</p>"),
            "One two\n\nthree\nfour"
        );
    }
}
