//! One function per subcommand.

use crate::messages::Reporter;
use crate::{Cli, Command, ExportWhat, GazetteerAction, Global, ImportKind};
use anyhow::{Context, Result};
use serde_json::json;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use tessera_engine::{Engine, IngestSummary};
use tessera_ingest::{ReadOptions, Reader};
use tessera_model::DocId;
use tessera_resolve::{EntryRef, parse_actors_json, parse_actors_tsv, parse_geonames_dump};
use tessera_store::{DocFilter, SqliteStore, Store};

pub fn run(cli: Cli) -> Result<ExitCode> {
    let g = &cli.global;
    match cli.command {
        Command::Ingest {
            paths,
            max_bytes,
            batch_size,
        } => ingest(g, &paths, max_bytes, batch_size),
        Command::Reextract => reextract(g),
        Command::Docs {
            source,
            since,
            until,
            contains,
            limit,
        } => docs(
            g,
            DocFilter {
                source,
                since,
                until,
                contains,
                limit: Some(limit),
            },
        ),
        Command::Show { id, version } => show(g, &id, version),
        Command::Stats => stats(g),
        Command::Check => check(g),
        Command::Gazetteer { action } => gazetteer(g, action),
        Command::Export { what, output, .. } => export(g, what, output.as_deref()),
        Command::Bench { corpus, limit_mb } => bench(g, &corpus, limit_mb),
        Command::Eval { set, file } => eval(g, &set, &file),
    }
}

fn open(g: &Global) -> Result<SqliteStore> {
    SqliteStore::open(&g.db).with_context(|| format!("opening store {}", g.db.display()))
}

/// Open a store that must already exist (reading commands should not create empty files).
fn open_existing(g: &Global) -> Result<SqliteStore> {
    anyhow::ensure!(
        g.db.exists(),
        "no store at {} (run `tessera ingest` first, or pass --db)",
        g.db.display()
    );
    open(g)
}

fn print_summary(g: &Global, store: &SqliteStore, s: &IngestSummary, what: &str) -> Result<()> {
    let places = store.top_entities(true, 10)?;
    let actors = store.top_entities(false, 10)?;
    if g.json {
        println!(
            "{}",
            json!({"summary": s, "top_places": places, "top_actors": actors, "store": store.stats()?})
        );
        return Ok(());
    }
    if g.quiet {
        return Ok(());
    }
    println!(
        "{what}: {} documents read ({} new, {} unchanged, {} new versions), {} skipped",
        s.read, s.new, s.unchanged, s.new_versions, s.skipped
    );
    println!(
        "words: {}   sentences: {}   events: {}   claims: {}",
        s.words, s.sentences, s.events, s.claims
    );
    println!(
        "places recognised: {} mentions of {} places   actors recognised: {} mentions of {} actors",
        s.place_mentions, s.places, s.actor_mentions, s.actors
    );
    let line = |list: &[tessera_store::EntityCount]| {
        list.iter()
            .map(|e| format!("{} ({})", e.name, e.mentions))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("most mentioned places in the store: {}", line(&places));
    println!("most mentioned actors in the store: {}", line(&actors));
    Ok(())
}

fn ingest(
    g: &Global,
    paths: &[std::path::PathBuf],
    max_bytes: u64,
    batch_size: usize,
) -> Result<ExitCode> {
    let mut store = open(g)?;
    let engine = Engine::for_store(&store)?.with_batch_size(batch_size);
    let reader = Reader::new(ReadOptions { max_bytes });
    let mut reporter = Reporter::new(g.quiet, "ingesting");
    let summary = engine.ingest(
        &mut store,
        |sink| {
            for p in paths {
                if p.as_os_str() == "-" {
                    reader.read_jsonl(std::io::stdin().lock(), "<stdin>", sink);
                } else {
                    reader.read_path(p, sink);
                }
            }
        },
        &mut reporter,
    )?;
    reporter.finish();
    print_summary(g, &store, &summary, "ingest")?;
    Ok(if summary.skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn reextract(g: &Global) -> Result<ExitCode> {
    let mut store = open_existing(g)?;
    let engine = Engine::for_store(&store)?;
    let mut reporter = Reporter::new(g.quiet, "re-extracting");
    let summary = engine.reextract(&mut store, &mut reporter)?;
    reporter.finish();
    print_summary(g, &store, &summary, "reextract")?;
    Ok(ExitCode::SUCCESS)
}

fn docs(g: &Global, filter: DocFilter) -> Result<ExitCode> {
    let store = open_existing(g)?;
    let list = store.list_documents(&filter)?;
    if g.json {
        for d in &list {
            println!("{}", serde_json::to_string(d)?);
        }
    } else {
        for d in &list {
            println!(
                "{}\tv{}\t{}\t{}\t{} words\t{} mentions\t{}",
                d.id,
                d.version,
                d.published.as_deref().unwrap_or("-"),
                d.source.as_deref().unwrap_or("-"),
                d.words,
                d.mentions,
                d.title.as_deref().unwrap_or("")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(g: &Global, id: &str, version: Option<u32>) -> Result<ExitCode> {
    let store = open_existing(g)?;
    let id = DocId::from(id);
    let doc = store.document(&id, version)?.with_context(|| {
        format!(
            "no document {id}{}",
            version.map(|v| format!(" version {v}")).unwrap_or_default()
        )
    })?;
    // Mentions belong to the current version; an older version is shown without them.
    let current = store.versions(&id)?.last().copied() == Some(doc.version);
    let mentions = if current {
        store.mentions(&id)?
    } else {
        Vec::new()
    };
    if g.json {
        println!("{}", json!({"document": doc, "mentions": mentions}));
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "id: {}  version: {}  format: {}",
        doc.id,
        doc.version,
        doc.format.as_str()
    );
    for (k, v) in [
        ("title", &doc.meta.title),
        ("published", &doc.meta.published),
        ("source", &doc.meta.source),
        ("author", &doc.meta.author),
        ("url", &doc.meta.url),
    ] {
        if let Some(v) = v {
            println!("{k}: {v}");
        }
    }
    println!();
    let chars: Vec<char> = doc.text.chars().collect();
    let mut out = String::with_capacity(doc.text.len() * 2);
    let mut pos = 0;
    for m in &mentions {
        if m.span.begin < pos || m.span.end > chars.len() {
            continue;
        }
        out.extend(&chars[pos..m.span.begin]);
        out.push('[');
        out.extend(&chars[m.span.begin..m.span.end]);
        out.push_str("](");
        out.push_str(m.mention_type.as_str());
        if let Some(e) = &m.entity_id {
            out.push(' ');
            out.push_str(e.as_str());
        }
        out.push(')');
        pos = m.span.end;
    }
    out.extend(&chars[pos..]);
    println!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn stats(g: &Global) -> Result<ExitCode> {
    let store = open_existing(g)?;
    let s = store.stats()?;
    if g.json {
        println!("{}", serde_json::to_string(&s)?);
    } else {
        println!(
            "documents: {} ({} versions, {} words)",
            s.documents, s.document_versions, s.words
        );
        println!("sentences: {}", s.sentences);
        println!("mentions: {}", s.mentions);
        for (t, n) in &s.mentions_by_type {
            println!("  {t}: {n}");
        }
        println!("entities: {}", s.entities);
        println!("events: {}", s.events);
        println!("claims: {}", s.claims);
    }
    Ok(ExitCode::SUCCESS)
}

fn check(g: &Global) -> Result<ExitCode> {
    let store = open_existing(g)?;
    let report = store.check()?;
    if g.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        for p in &report.problems {
            println!("problem: {p}");
        }
        if !g.quiet {
            println!(
                "checked {} documents and {} spans: {}",
                report.documents_checked,
                report.spans_checked,
                if report.problems.is_empty() {
                    "sound".to_string()
                } else {
                    format!("{} problems", report.problems.len())
                }
            );
        }
    }
    Ok(if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn gazetteer(g: &Global, action: GazetteerAction) -> Result<ExitCode> {
    match action {
        GazetteerAction::Lookup { name } => {
            // The lookup works without a store; user entries join when one exists.
            let gaz = if g.db.exists() {
                tessera_engine::load_gazetteer(&open(g)?)?
            } else {
                tessera_resolve::Gazetteer::embedded()?
            };
            let found = gaz.lookup(&name);
            for e in &found {
                let id = match e {
                    EntryRef::Place(i) => &gaz.places()[*i].id,
                    EntryRef::Actor(i) => &gaz.actors()[*i].id,
                    EntryRef::Group(_) => continue,
                };
                let entity = gaz.entity(id).context("entry without entity")?;
                if g.json {
                    println!("{}", serde_json::to_string(&entity)?);
                } else if let Some(p) = &entity.place {
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{:.5},{:.5}",
                        entity.id,
                        entity.name,
                        p.level.as_str(),
                        p.admin1.as_deref().unwrap_or("-"),
                        p.admin2.as_deref().unwrap_or("-"),
                        p.latitude,
                        p.longitude
                    );
                } else {
                    println!(
                        "{}\t{}\t{}\t{}",
                        entity.id,
                        entity.name,
                        entity.kind.as_str(),
                        entity.actor_type.map(|t| t.as_str()).unwrap_or("-")
                    );
                }
            }
            Ok(if found.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        GazetteerAction::Import { kind, file } => import(g, kind, &file),
    }
}

fn import(g: &Global, kind: ImportKind, file: &Path) -> Result<ExitCode> {
    let origin = file.display().to_string();
    let mut store = open(g)?;
    let (count, errors) = match kind {
        ImportKind::Geonames => {
            let (places, errors) = parse_geonames_dump(file)?;
            let n = places.len();
            store.in_transaction(|s| {
                for p in &places {
                    s.put_gazetteer_entry(
                        "place",
                        &p.id,
                        &serde_json::to_string(p).expect("serialise"),
                        &origin,
                    )?;
                }
                Ok(())
            })?;
            (
                n,
                errors
                    .into_iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>(),
            )
        }
        ImportKind::Actors => {
            let text =
                std::fs::read_to_string(file).with_context(|| format!("reading {origin}"))?;
            let actors = if origin.ends_with(".json") {
                parse_actors_json(&text, &origin)?
            } else {
                parse_actors_tsv(&text, &origin)?
            };
            let n = actors.len();
            store.in_transaction(|s| {
                for a in &actors {
                    s.put_gazetteer_entry(
                        "actor",
                        &a.id,
                        &serde_json::to_string(a).expect("serialise"),
                        &origin,
                    )?;
                }
                Ok(())
            })?;
            (n, Vec::new())
        }
    };
    for e in &errors {
        eprintln!("tessera: skipped: {e}");
    }
    if g.json {
        println!("{}", json!({"imported": count, "skipped": errors.len()}));
    } else if !g.quiet {
        println!(
            "imported {count} entries, skipped {}; run `tessera reextract` to apply them to stored documents",
            errors.len()
        );
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn export(g: &Global, what: ExportWhat, output: Option<&Path>) -> Result<ExitCode> {
    let store = open_existing(g)?;
    let sink: Box<dyn Write> = match output {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let result = (|| -> Result<()> {
        match what {
            ExportWhat::Mentions => {
                for id in store.document_ids()? {
                    for m in store.mentions(&id)? {
                        serde_json::to_writer(
                            &mut out,
                            &json!({
                                "document_id": id, "begin": m.span.begin, "end": m.span.end,
                                "text": m.text, "type": m.mention_type, "entity_id": m.entity_id,
                            }),
                        )?;
                        out.write_all(b"\n")?;
                    }
                }
            }
            ExportWhat::Events => {
                for e in store.events(None)? {
                    serde_json::to_writer(&mut out, &e)?;
                    out.write_all(b"\n")?;
                }
            }
            ExportWhat::Claims => {
                for c in store.claims(None)? {
                    let document_id = c.evidence.first().map(|s| s.document_id.clone());
                    let mut v = serde_json::to_value(&c)?;
                    v["document_id"] = json!(document_id);
                    serde_json::to_writer(&mut out, &v)?;
                    out.write_all(b"\n")?;
                }
            }
        }
        out.flush()?;
        Ok(())
    })();
    match result {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        r => r.map(|_| ExitCode::SUCCESS),
    }
}

fn bench(g: &Global, corpus: &Path, limit_mb: Option<u64>) -> Result<ExitCode> {
    // A throw-away store beside the corpus run keeps the user's store untouched.
    let dir = std::env::temp_dir().join(format!("tessera-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("bench.db");
    let mut store = SqliteStore::open(&db)?;
    let engine = Engine::for_store(&store)?;
    let reader = Reader::new(ReadOptions::default());
    let limit = limit_mb.map(|m| m * 1024 * 1024);
    let source = |sink: &mut dyn FnMut(tessera_ingest::Item)| {
        let Ok(file) = std::fs::File::open(corpus) else {
            return;
        };
        let origin = corpus.display().to_string();
        match limit {
            Some(l) => reader.read_jsonl(std::io::Read::take(file, l), &origin, sink),
            None => reader.read_jsonl(file, &origin, sink),
        }
    };
    anyhow::ensure!(corpus.exists(), "no corpus at {}", corpus.display());
    let report = tessera_engine::bench(&engine, &mut store, &source)?;
    let _ = std::fs::remove_dir_all(&dir);
    // The benchmark checks its own work: a corpus of reports must yield events and mentions.
    anyhow::ensure!(report.documents > 0, "the corpus held no documents");
    anyhow::ensure!(
        report.events > 0 && report.mentions > 0,
        "extraction found nothing: {report:?}"
    );
    if g.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "documents: {}  words: {}  events: {}  mentions: {}",
            report.documents, report.words, report.events, report.mentions
        );
        println!(
            "extraction, one core: {:.0} words/s",
            report.extract_words_per_sec_one_core
        );
        for (stage, wps) in &report.stages {
            println!("  stage {stage:<10} {wps:>12.0} words/s");
        }
        println!(
            "whole ingest ({} threads): {:.0} words/s wall, {:.0} words/s per core",
            report.threads, report.ingest_words_per_sec, report.ingest_words_per_sec_per_core
        );
        if let Some(b) = report.peak_rss_bytes {
            println!("peak memory: {:.1} MiB", b as f64 / 1048576.0);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(g: &Global, set: &str, file: &Path) -> Result<ExitCode> {
    let set = tessera_eval::DataSet::parse(set)
        .with_context(|| format!("unknown set {set:?} (expected acled, isaf, wiki or re3d)"))?;
    let (docs, gold) = tessera_eval::load(set, file)?;
    // The user's own gazetteer entries count when a store is given and exists.
    let engine = if g.db.exists() {
        Engine::for_store(&open(g)?)?
    } else {
        Engine::new(std::sync::Arc::new(tessera_resolve::Gazetteer::embedded()?))
    };
    let report = tessera_eval::evaluate(&engine, set, docs, &gold);
    if g.json {
        let figures: serde_json::Map<String, serde_json::Value> = report
            .metrics
            .iter()
            .map(|m| (m.name().to_owned(), json!(m.value())))
            .collect();
        println!("{}", json!({"set": set.as_str(), "figures": figures}));
    } else {
        print!("{report}");
    }
    Ok(ExitCode::SUCCESS)
}
