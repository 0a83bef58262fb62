use crate::error::IngestError;
use crate::{Item, feed, html, jsonl, text};
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use tessera_model::{DocId, SourceFormat};

/// Limits for reading.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Largest document accepted, in bytes (a file, or one JSONL line).
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 20 * 1024 * 1024,
        }
    }
}

/// Walks inputs and hands every document or error to a callback, in a stable order.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    opts: ReadOptions,
}

enum Kind {
    Text(SourceFormat),
    Html,
    Feed,
    Jsonl,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => Kind::Text(SourceFormat::Text),
        "md" | "markdown" => Kind::Text(SourceFormat::Markdown),
        "html" | "htm" | "xhtml" => Kind::Html,
        "xml" | "rss" | "atom" => Kind::Feed,
        "jsonl" | "ndjson" => Kind::Jsonl,
        _ => return None,
    })
}

const MAX_DEPTH: usize = 64;

impl Reader {
    /// A reader with these limits.
    pub fn new(opts: ReadOptions) -> Self {
        Reader { opts }
    }

    /// Read a file or a directory tree (sorted, hidden entries skipped).
    ///
    /// Files inside a directory get the id `<dir name>/<relative path>`; a file given alone gets
    /// its file name. JSONL records and feed items carry their own ids.
    pub fn read_path(&self, path: &Path, sink: &mut dyn FnMut(Item)) {
        let origin = path.display().to_string();
        match fs::metadata(path) {
            Err(source) => sink(Err(IngestError::Io { origin, source })),
            Ok(m) if m.is_dir() => {
                let prefix = path
                    .canonicalize()
                    .ok()
                    .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .unwrap_or_else(|| "docs".into());
                self.walk_dir(path, &prefix, 0, sink);
            }
            Ok(_) => {
                let id = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| origin.clone());
                self.read_file(path, &id, sink);
            }
        }
    }

    fn walk_dir(&self, dir: &Path, id_prefix: &str, depth: usize, sink: &mut dyn FnMut(Item)) {
        let origin = dir.display().to_string();
        if depth > MAX_DEPTH {
            sink(Err(IngestError::Io {
                origin,
                source: std::io::Error::other("directory tree too deep (symlink loop?)"),
            }));
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(source) => return sink(Err(IngestError::Io { origin, source })),
        };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| !n.starts_with('.'))
            })
            .collect();
        paths.sort();
        for p in paths {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let id = format!("{id_prefix}/{name}");
            if p.is_dir() {
                self.walk_dir(&p, &id, depth + 1, sink);
            } else {
                self.read_file(&p, &id, sink);
            }
        }
    }

    fn read_file(&self, path: &Path, id: &str, sink: &mut dyn FnMut(Item)) {
        let origin = path.display().to_string();
        let Some(kind) = kind_of(path) else {
            return sink(Err(IngestError::Unsupported { origin }));
        };
        if let Kind::Jsonl = kind {
            return match fs::File::open(path) {
                Ok(f) => self.read_jsonl(f, &origin, sink),
                Err(source) => sink(Err(IngestError::Io { origin, source })),
            };
        }
        let bytes = match self.read_bounded(path) {
            Ok(b) => b,
            Err(e) => return sink(Err(e)),
        };
        let id = DocId::from(id);
        match kind {
            Kind::Text(format) => sink(text::parse_text(&bytes, id, &origin, format)),
            Kind::Html => sink(html::parse_html(&bytes, id, &origin)),
            Kind::Feed => match feed::parse_feed(&bytes, &origin) {
                Ok(items) => items.into_iter().for_each(sink),
                Err(e) => sink(Err(e)),
            },
            Kind::Jsonl => unreachable!("handled above"),
        }
    }

    fn read_bounded(&self, path: &Path) -> Result<Vec<u8>, IngestError> {
        let origin = || path.display().to_string();
        let io = |source| IngestError::Io {
            origin: origin(),
            source,
        };
        let file = fs::File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        if size > self.opts.max_bytes {
            return Err(IngestError::TooLarge {
                origin: origin(),
                size,
                limit: self.opts.max_bytes,
            });
        }
        let mut bytes = Vec::with_capacity(size as usize);
        // Read one byte past the limit so a file that grew after `metadata` is still caught.
        file.take(self.opts.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > self.opts.max_bytes {
            return Err(IngestError::TooLarge {
                origin: origin(),
                size: bytes.len() as u64,
                limit: self.opts.max_bytes,
            });
        }
        Ok(bytes)
    }

    /// Read JSON Lines from any reader, streaming; `origin` names it in messages (`FILE:LINE`).
    pub fn read_jsonl<R: Read>(&self, reader: R, origin: &str, sink: &mut dyn FnMut(Item)) {
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let mut buf = Vec::new();
        let mut line_no = 0usize;
        let mut offset = 0usize;
        loop {
            buf.clear();
            let n = match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return,
                Ok(n) => n,
                Err(source) => {
                    return sink(Err(IngestError::Io {
                        origin: format!("{origin}:{}", line_no + 1),
                        source,
                    }));
                }
            };
            line_no += 1;
            let line_origin = format!("{origin}:{line_no}");
            let line_start = offset;
            offset += n;
            if buf.len() as u64 > self.opts.max_bytes {
                sink(Err(IngestError::TooLarge {
                    origin: line_origin,
                    size: buf.len() as u64,
                    limit: self.opts.max_bytes,
                }));
                continue;
            }
            let line = match std::str::from_utf8(&buf) {
                Ok(l) => l,
                Err(e) => {
                    sink(Err(IngestError::InvalidUtf8 {
                        origin: line_origin,
                        offset: line_start + e.valid_up_to(),
                    }));
                    continue;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            sink(jsonl::parse_jsonl_line(line, &line_origin));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(reader: &Reader, path: &Path) -> (Vec<String>, Vec<String>) {
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        reader.read_path(path, &mut |item| match item {
            Ok(d) => ok.push(d.id.0),
            Err(e) => bad.push(e.to_string()),
        });
        (ok, bad)
    }

    #[test]
    fn a_tree_with_bad_files_still_yields_the_good_ones() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("reports");
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::write(root.join("a.txt"), "Two killed in Quetta.").unwrap();
        fs::write(root.join("sub/b.md"), "# B\nText.").unwrap();
        fs::write(root.join("bad.txt"), b"ok\xff").unwrap();
        fs::write(root.join("empty.txt"), "").unwrap();
        fs::write(root.join("big.txt"), "x".repeat(200)).unwrap();
        fs::write(root.join("img.png"), b"\x89PNG").unwrap();
        fs::write(root.join(".hidden.txt"), "secret").unwrap();
        fs::write(
            root.join("docs.jsonl"),
            "{\"id\":\"j1\",\"text\":\"t\"}\n\nnot json\n{\"id\":\"j2\",\"text\":\"u\"}\n",
        )
        .unwrap();
        let reader = Reader::new(ReadOptions { max_bytes: 100 });
        let (ok, bad) = collect(&reader, &root);
        assert_eq!(ok, vec!["reports/a.txt", "j1", "j2", "reports/sub/b.md"]);
        assert_eq!(bad.len(), 5, "{bad:?}");
        assert!(
            bad.iter()
                .any(|e| e.ends_with("bad.txt: invalid UTF-8 at byte offset 2"))
        );
        assert!(
            bad.iter()
                .any(|e| e.contains("big.txt: 200 bytes is over the limit of 100"))
        );
        assert!(bad.iter().any(|e| e.contains("docs.jsonl:3: invalid JSON")));
        assert!(bad.iter().any(|e| e.contains("empty.txt: empty document")));
        assert!(
            bad.iter()
                .any(|e| e.contains("img.png: unsupported file type"))
        );

        let (ok, _) = collect(&reader, &root.join("a.txt"));
        assert_eq!(ok, vec!["a.txt"]);
        let (_, bad) = collect(&reader, &root.join("missing.txt"));
        assert!(bad[0].contains("missing.txt: cannot read"), "{bad:?}");
    }
}
