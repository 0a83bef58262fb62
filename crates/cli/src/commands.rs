//! One function per subcommand.

use crate::messages::Reporter;
use crate::{
    BriefFormat, Cli, Command, DatasetKind, EntitiesAction, ExportFormat, ExportWhat, FilterArgs,
    FuseAction, GazetteerAction, Global, ImportKind, SourcesAction,
};
use anyhow::{Context, Result};
use serde_json::json;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use tessera_engine::fuse::Fusion;
use tessera_engine::{Engine, FuseOptions, IngestSummary, predicates};
use tessera_ingest::{ReadOptions, Reader};
use tessera_model::DocId;
use tessera_resolve::{EntryRef, parse_actors_json, parse_actors_tsv, parse_geonames_dump};
use tessera_store::{DocFilter, SqliteStore, Store};

/// `println!` that ends the program quietly when the reader has gone (`tessera … | head`),
/// as `export` does, instead of panicking on the broken pipe.
macro_rules! println {
    ($($arg:tt)*) => {{
        let mut out = std::io::stdout().lock();
        if let Err(e) = writeln!(out, $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            panic!("failed printing to stdout: {e}");
        }
    }};
}

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
        Command::Export {
            what,
            format,
            output,
            as_of,
            unfused,
            dataset,
            filter,
        } => {
            if let Some(set) = dataset {
                return export_coded(g, what, format, output.as_deref(), &set);
            }
            let filtered = filter.since.is_some()
                || filter.until.is_some()
                || filter.event_type.is_some()
                || filter.admin1.is_some()
                || filter.actor.is_some()
                || filter.certainty.is_some()
                || filter.source.is_some()
                || filter.place.is_some()
                || filter.bbox.is_some();
            if format != ExportFormat::Jsonl || what == ExportWhat::Network || filtered {
                export_dataset(
                    g,
                    what,
                    format,
                    output.as_deref(),
                    as_of.as_deref(),
                    unfused,
                    filter,
                )
            } else {
                export(g, what, output.as_deref(), as_of.as_deref(), unfused)
            }
        }
        Command::Import { kind, files } => import_dataset(g, kind, &files),
        Command::Designations { entity, unmatched } => {
            designations(g, entity.as_deref(), unmatched)
        }
        Command::Brief {
            format,
            title,
            output,
            as_of,
            filter,
        } => brief(
            g,
            format,
            &title,
            output.as_deref(),
            as_of.as_deref(),
            filter,
        ),
        Command::Fuse { action, threshold } => fuse(g, action, threshold),
        Command::Sources { action } => sources(g, action),
        Command::Entities { action } => entities(g, action),
        Command::Bench { corpus, limit_mb } => bench(g, &corpus, limit_mb),
        Command::Serve { bind, token } => serve(g, bind, token),
        Command::Eval {
            set,
            file,
            threshold,
        } => eval(g, &set, &file, threshold),
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

fn fusion_counts(f: &Fusion) -> serde_json::Value {
    json!({
        "events": f.events.len(),
        "reports": f.events.iter().map(|e| e.fusion.members.len()).sum::<usize>(),
        "reported_more_than_once": f.events.iter().filter(|e| e.fusion.members.len() > 1).count(),
        "contradictions": f.contradictions.len(),
        "copy_groups": f.copy_groups.len(),
    })
}

fn print_summary(
    g: &Global,
    store: &SqliteStore,
    s: &IngestSummary,
    what: &str,
    fusion: Option<&Fusion>,
) -> Result<()> {
    let places = store.top_entities(true, 10)?;
    let actors = store.top_entities(false, 10)?;
    if g.json {
        println!(
            "{}",
            json!({"summary": s, "top_places": places, "top_actors": actors,
                   "store": store.stats()?, "fusion": fusion.map(fusion_counts)})
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
    if s.extraction_failed > 0 {
        println!(
            "extraction failed on {} documents (stored without derived data)",
            s.extraction_failed
        );
    }
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
    if let Some(f) = fusion {
        print_fusion(g, f);
    }
    Ok(())
}

fn print_fusion(g: &Global, f: &Fusion) {
    if g.quiet || g.json {
        return;
    }
    let reports: usize = f.events.iter().map(|e| e.fusion.members.len()).sum();
    let multi = f
        .events
        .iter()
        .filter(|e| e.fusion.members.len() > 1)
        .count();
    println!(
        "fusion: {} events from {} reports ({} reported more than once), {} contradictions, {} groups of wire copies",
        f.events.len(),
        reports,
        multi,
        f.contradictions.len(),
        f.copy_groups.len()
    );
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
    // Fusion follows every ingest that changed something, so exports list incidents.
    let fusion = if summary.new + summary.new_versions > 0 {
        Some(engine.fuse_store(&mut store)?)
    } else {
        None
    };
    print_summary(g, &store, &summary, "ingest", fusion.as_ref())?;
    Ok(if summary.skipped + summary.extraction_failed > 0 {
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
    let fusion = engine.fuse_store(&mut store)?;
    print_summary(g, &store, &summary, "reextract", Some(&fusion))?;
    Ok(if summary.extraction_failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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

fn export(
    g: &Global,
    what: ExportWhat,
    output: Option<&Path>,
    as_of: Option<&str>,
    unfused: bool,
) -> Result<ExitCode> {
    let mut store = open_existing(g)?;
    if let Some(d) = as_of {
        anyhow::ensure!(
            chrono::DateTime::parse_from_rfc3339(d).is_ok()
                || chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
            "--as-of {d:?} is neither a date (2025-05-14) nor an RFC 3339 time"
        );
    }
    // Fused events and contradictions: as of a moment (computed, not stored), or the stored
    // result, fusing first if a change made it stale.
    let fused: Option<(Vec<String>, Vec<String>)> = match (what, unfused) {
        (ExportWhat::Events | ExportWhat::Contradictions, false) => {
            let engine = Engine::for_store(&store)?;
            if as_of.is_some() {
                let f = engine.fusion(
                    &store,
                    FuseOptions {
                        as_of,
                        threshold: None,
                    },
                )?;
                Some((
                    f.events
                        .iter()
                        .map(serde_json::to_string)
                        .collect::<Result<_, _>>()?,
                    f.contradictions
                        .iter()
                        .map(serde_json::to_string)
                        .collect::<Result<_, _>>()?,
                ))
            } else {
                let events = engine.stored_fused_rows(&mut store)?;
                Some((events, store.contradictions_json()?))
            }
        }
        _ => None,
    };
    let mut out = output_sink(output)?;
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
            ExportWhat::Events | ExportWhat::Contradictions if fused.is_some() => {
                let (events, contradictions) = fused.as_ref().expect("checked");
                let rows = if what == ExportWhat::Events {
                    events
                } else {
                    contradictions
                };
                for row in rows {
                    out.write_all(row.as_bytes())?;
                    out.write_all(b"\n")?;
                }
            }
            ExportWhat::Events => {
                for e in store.events(None)? {
                    serde_json::to_writer(&mut out, &e)?;
                    out.write_all(b"\n")?;
                }
            }
            ExportWhat::Contradictions => {
                anyhow::bail!("contradictions exist only between fused events; drop --unfused")
            }
            ExportWhat::Network => unreachable!("networks go through export_dataset"),
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
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        r => r.map(|_| ExitCode::SUCCESS),
    }
}

fn bench(g: &Global, corpus: &Path, limit_mb: Option<u64>) -> Result<ExitCode> {
    anyhow::ensure!(corpus.exists(), "no corpus at {}", corpus.display());
    // A throw-away store keeps the user's store untouched; the directory goes when `dir` drops,
    // on an error too (declared before the store, so it drops after it).
    let dir = tempfile::Builder::new()
        .prefix("tessera-bench-")
        .tempdir()
        .context("creating a temporary directory for the benchmark store")?;
    let db = dir.path().join("bench.db");
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
    let report = tessera_engine::bench(&engine, &mut store, &source)?;
    drop(store);
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
        print!(
            "extraction, one core: {:.0} words/s",
            report.extract_words_per_sec_one_core
        );
        match report.extract_words_per_cpu_sec {
            Some(c) => println!(" ({c:.0} per CPU second)"),
            None => println!(),
        }
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

fn eval(g: &Global, set: &str, file: &Path, threshold: Option<f64>) -> Result<ExitCode> {
    if set == "fusion" {
        return eval_fusion(g, file, threshold);
    }
    let set = tessera_eval::DataSet::parse(set).with_context(|| {
        format!("unknown set {set:?} (expected acled, isaf, wiki, re3d, satp or fusion)")
    })?;
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

fn eval_fusion(g: &Global, gold: &Path, threshold: Option<f64>) -> Result<ExitCode> {
    let engine = Engine::new(std::sync::Arc::new(tessera_resolve::Gazetteer::embedded()?));
    let s = tessera_eval::evaluate_fusion(&engine, gold, threshold)?;
    if g.json {
        println!("{}", serde_json::to_string(&s)?);
        return Ok(ExitCode::SUCCESS);
    }
    let line = |name: &str, p: &tessera_eval::Prf| {
        println!(
            "{name:<24} P {:.3}  R {:.3}  F1 {:.3}",
            p.precision, p.recall, p.f1
        )
    };
    println!(
        "documents {}  incidents {}  predicted clusters {}",
        s.documents, s.incidents, s.clusters
    );
    line("bcubed", &s.bcubed);
    line("contradictions", &s.contradictions);
    for (field, (tp, pred, gold)) in &s.contradictions_by_field {
        println!("  {field:<22} tp {tp}  predicted {pred}  gold {gold}");
    }
    line("wire copies", &s.wire_copies);
    for (doc, inc, others) in &s.wrong_merges {
        println!("  merged wrongly: {doc} ({inc}) with {}", others.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}

fn fuse(g: &Global, action: Option<FuseAction>, threshold: Option<f64>) -> Result<ExitCode> {
    let mut store = open_existing(g)?;
    let engine = Engine::for_store(&store)?;
    let known = |store: &SqliteStore, id: &str| -> Result<()> {
        let found = store.events(None)?.iter().any(|e| e.id == id);
        anyhow::ensure!(
            found,
            "no event {id} in the store (see `export events --unfused`)"
        );
        Ok(())
    };
    let decided = match action {
        None => None,
        Some(FuseAction::Merge { a, b, note }) => {
            known(&store, &a)?;
            known(&store, &b)?;
            Some(store.add_analyst_claim(
                &a,
                predicates::SAME_INCIDENT,
                &b,
                None,
                note.as_deref(),
            )?)
        }
        Some(FuseAction::Separate { a, b, note }) => {
            known(&store, &a)?;
            known(&store, &b)?;
            Some(store.add_analyst_claim(
                &a,
                predicates::DIFFERENT_INCIDENT,
                &b,
                None,
                note.as_deref(),
            )?)
        }
        Some(FuseAction::Split { event, note }) => {
            known(&store, &event)?;
            Some(store.add_analyst_claim(
                &event,
                predicates::STANDS_ALONE,
                "",
                None,
                note.as_deref(),
            )?)
        }
        Some(FuseAction::Undo { id }) => {
            anyhow::ensure!(
                store.revoke_analyst_claim(id)?,
                "no decision #{id} in force"
            );
            None
        }
        Some(FuseAction::Explain { a, b }) => {
            let found = engine
                .explain_pair(&store, &a, &b)?
                .with_context(|| format!("{a} or {b} is not a report-level event in the store"))?;
            let (score, why) = found;
            if g.json {
                println!("{}", json!({"score": score, "why": why}));
            } else {
                match score {
                    Some(s) => println!(
                        "score {s:.3} (threshold: see `tessera fuse`): {}",
                        why.join("; ")
                    ),
                    None => println!("{}", why.join("; ")),
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
        Some(FuseAction::Decisions) => {
            let list: Vec<_> = store
                .analyst_claims(None, true)?
                .into_iter()
                .filter(|c| {
                    [
                        predicates::SAME_INCIDENT,
                        predicates::DIFFERENT_INCIDENT,
                        predicates::STANDS_ALONE,
                    ]
                    .contains(&c.predicate.as_str())
                })
                .collect();
            if g.json {
                println!("{}", serde_json::to_string(&list)?);
            } else {
                for c in &list {
                    println!("{}", tessera_engine::describe(c));
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    if let Some(t) = threshold {
        anyhow::ensure!(
            (0.0..=1.0).contains(&t),
            "--threshold {t} is not between 0 and 1"
        );
        store.add_analyst_claim("fusion", predicates::THRESHOLD, &t.to_string(), None, None)?;
    }
    let started = std::time::Instant::now();
    let fusion = engine.fuse_store(&mut store)?;
    if g.json {
        let mut v = fusion_counts(&fusion);
        v["decision"] = json!(decided);
        v["seconds"] = json!(started.elapsed().as_secs_f64());
        println!("{v}");
    } else if !g.quiet {
        if let Some(id) = decided {
            println!("recorded decision #{id}");
        }
        print_fusion(g, &fusion);
    }
    Ok(ExitCode::SUCCESS)
}

fn sources(g: &Global, action: Option<SourcesAction>) -> Result<ExitCode> {
    let mut store = open_existing(g)?;
    if let Some(SourcesAction::Grade {
        source,
        grade,
        note,
    }) = action
    {
        let parsed = tessera_engine::fuse::Reliability::parse(&grade)
            .with_context(|| format!("grade {grade:?} is not one of A, B, C, D, E, F"))?;
        let letter = format!("{parsed:?}");
        let id = store.add_analyst_claim(
            &source,
            predicates::RELIABILITY,
            &letter,
            None,
            note.as_deref(),
        )?;
        let engine = Engine::for_store(&store)?;
        engine.fuse_store(&mut store)?;
        if !g.quiet {
            println!("recorded #{id}: {source} is graded {letter}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let engine = Engine::for_store(&store)?;
    let names = tessera_engine::GazetteerNames::new(engine.gazetteer(), &[]);
    let mut grades = std::collections::HashMap::new();
    for c in store.analyst_claims(None, false)? {
        if c.predicate == predicates::RELIABILITY {
            grades.insert(c.subject, c.object);
        }
    }
    let mut counts: std::collections::BTreeMap<String, u64> = Default::default();
    for d in store.documents_as_of(None)? {
        *counts
            .entry(d.document.meta.source.unwrap_or_default())
            .or_default() += 1;
    }
    let rows: Vec<serde_json::Value> = counts
        .into_iter()
        .map(|(source, documents)| {
            let kind = tessera_engine::source_kind(engine.gazetteer(), &names, &source);
            json!({"source": source, "documents": documents, "kind": kind, "reliability": grades.get(&source)})
        })
        .collect();
    if g.json {
        println!("{}", serde_json::to_string(&rows)?);
    } else {
        for r in &rows {
            println!(
                "{:<40} {:>6} docs  {:<9} {}",
                r["source"].as_str().unwrap_or(""),
                r["documents"],
                r["kind"].as_str().unwrap_or(""),
                r["reliability"].as_str().unwrap_or("ungraded")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn entities(g: &Global, action: EntitiesAction) -> Result<ExitCode> {
    let mut store = open_existing(g)?;
    let engine = Engine::for_store(&store)?;
    match action {
        EntitiesAction::Candidates { min_score } => {
            let list = engine.entity_candidates(&store, min_score)?;
            if g.json {
                println!("{}", serde_json::to_string(&list)?);
            } else {
                for c in &list {
                    println!(
                        "{:.3}  {} ({} uses, first in {})  ~  {} ({} uses, first in {})  [{}]",
                        c.score,
                        c.a,
                        c.uses[0],
                        c.first_documents[0],
                        c.b,
                        c.uses[1],
                        c.first_documents[1],
                        c.why
                    );
                }
            }
        }
        EntitiesAction::Merge { a, b, note } => {
            let id =
                store.add_analyst_claim(&a, predicates::SAME_ENTITY, &b, None, note.as_deref())?;
            engine.fuse_store(&mut store)?;
            if !g.quiet {
                println!("recorded merge #{id}: {a} = {b}");
            }
        }
        EntitiesAction::Unmerge { id } => {
            anyhow::ensure!(store.revoke_analyst_claim(id)?, "no merge #{id} in force");
            engine.fuse_store(&mut store)?;
            if !g.quiet {
                println!("revoked merge #{id}");
            }
        }
        EntitiesAction::Merges => {
            let list: Vec<_> = store
                .analyst_claims(None, true)?
                .into_iter()
                .filter(|c| c.predicate == predicates::SAME_ENTITY)
                .collect();
            if g.json {
                println!("{}", serde_json::to_string(&list)?);
            } else {
                for c in &list {
                    println!("{}", tessera_engine::describe(c));
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn output_sink(output: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match output {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
}

fn event_filter(f: FilterArgs) -> Result<tessera_export::EventFilter> {
    if let Some(c) = &f.certainty {
        anyhow::ensure!(
            tessera_model::Certainty::parse(c).is_some(),
            "--certainty {c:?} is not one of certain, probable, possible, alleged, denied, unknown"
        );
    }
    for d in [&f.since, &f.until].into_iter().flatten() {
        anyhow::ensure!(
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
            "{d:?} is not a date (YYYY-MM-DD)"
        );
    }
    let bbox = match &f.bbox {
        None => None,
        Some(b) => {
            let v: Vec<f64> = b
                .split(',')
                .map(|x| x.trim().parse::<f64>())
                .collect::<Result<_, _>>()
                .ok()
                .filter(|v: &Vec<f64>| v.len() == 4)
                .with_context(|| format!("--bbox {b:?} is not west,south,east,north in degrees"))?;
            anyhow::ensure!(
                v[0] <= v[2] && v[1] <= v[3] && v[1] >= -90.0 && v[3] <= 90.0,
                "--bbox {b:?}: west must not exceed east, nor south north"
            );
            Some([v[0], v[1], v[2], v[3]])
        }
    };
    Ok(tessera_export::EventFilter {
        place: f.place,
        bbox,
        since: f.since,
        until: f.until,
        event_type: f.event_type,
        admin1: f.admin1,
        actor: f.actor,
        certainty: f.certainty,
        source: f.source,
    })
}

/// Fused events, their documents, claims and contradictions, now or as of a moment.
fn dataset(store: &mut SqliteStore, as_of: Option<&str>) -> Result<tessera_export::Dataset> {
    Ok(Engine::for_store(store)?.dataset(store, as_of, true)?)
}

fn export_dataset(
    g: &Global,
    what: ExportWhat,
    format: ExportFormat,
    output: Option<&Path>,
    as_of: Option<&str>,
    unfused: bool,
    filter: FilterArgs,
) -> Result<ExitCode> {
    use tessera_export::{acled_csv, geojson, network, stix};
    anyhow::ensure!(
        !unfused,
        "filters and formats other than jsonl apply to fused events; drop --unfused"
    );
    let valid = matches!(
        (what, format),
        (
            ExportWhat::Events,
            ExportFormat::Jsonl
                | ExportFormat::AcledCsv
                | ExportFormat::Geojson
                | ExportFormat::Stix
        ) | (
            ExportWhat::Network,
            ExportFormat::Graphml | ExportFormat::Gexf
        ) | (ExportWhat::Contradictions, ExportFormat::Jsonl)
    );
    anyhow::ensure!(
        valid,
        "{what:?} cannot be exported as {format:?}: events take jsonl, acled-csv, geojson or stix; network takes graphml or gexf; mentions, claims and contradictions take jsonl"
    );
    let filter = event_filter(filter)?;
    let mut store = open_existing(g)?;
    let data = dataset(&mut store, as_of)?;
    let mut out = output_sink(output)?;
    let written = (|| -> Result<()> {
        match (what, format) {
            (ExportWhat::Events, ExportFormat::Jsonl) => {
                for e in data.filtered(&filter) {
                    serde_json::to_writer(&mut out, e)?;
                    out.write_all(b"\n")?;
                }
            }
            (ExportWhat::Contradictions, _) => {
                let kept: std::collections::HashSet<&str> = data
                    .filtered(&filter)
                    .map(|e| e.event.id.as_str())
                    .collect();
                for c in data
                    .contradictions
                    .iter()
                    .filter(|c| kept.contains(c.event_id.as_str()))
                {
                    serde_json::to_writer(&mut out, c)?;
                    out.write_all(b"\n")?;
                }
            }
            (_, ExportFormat::AcledCsv) => acled_csv::write(&data, &filter, &mut out)?,
            (_, ExportFormat::Geojson) => geojson::write(&data, &filter, &mut out)?,
            (_, ExportFormat::Stix) => stix::write(&data, &filter, &mut out)?,
            (_, ExportFormat::Graphml) => {
                network::write(&data, &filter, network::Format::GraphMl, &mut out)?
            }
            (_, ExportFormat::Gexf) => {
                network::write(&data, &filter, network::Format::Gexf, &mut out)?
            }
            _ => unreachable!("checked above"),
        }
        out.flush()?;
        Ok(())
    })();
    match written {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        r => r.map(|_| ExitCode::SUCCESS),
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<csv::Error>().is_some_and(|c| {
                matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
            })
    })
}

fn brief(
    g: &Global,
    format: BriefFormat,
    title: &str,
    output: Option<&Path>,
    as_of: Option<&str>,
    filter: FilterArgs,
) -> Result<ExitCode> {
    let filter = event_filter(filter)?;
    let mut store = open_existing(g)?;
    let data = dataset(&mut store, as_of)?;
    let mut out = output_sink(output)?;
    let format = match format {
        BriefFormat::Md => tessera_export::brief::Format::Markdown,
        BriefFormat::Html => tessera_export::brief::Format::Html,
    };
    let written = tessera_export::brief::write(&data, &filter, title, format, &mut out)
        .map_err(anyhow::Error::from)
        .and_then(|_| Ok(out.flush()?));
    match written {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        r => r.map(|_| ExitCode::SUCCESS),
    }
}

fn export_coded(
    g: &Global,
    what: ExportWhat,
    format: ExportFormat,
    output: Option<&Path>,
    dataset: &str,
) -> Result<ExitCode> {
    anyhow::ensure!(
        what == ExportWhat::Events
            && matches!(format, ExportFormat::AcledCsv | ExportFormat::Jsonl),
        "--dataset exports events as acled-csv or jsonl"
    );
    anyhow::ensure!(
        format == ExportFormat::Jsonl || dataset == "acled",
        "--dataset {dataset} exports as jsonl (acled-csv gives back ACLED's own rows)"
    );
    let store = open_existing(g)?;
    let rows = store.coded_events(Some(dataset))?;
    let mut out = output_sink(output)?;
    let written = (|| -> Result<()> {
        if format == ExportFormat::Jsonl {
            for r in &rows {
                out.write_all(r.event.as_bytes())?;
                out.write_all(b"\n")?;
            }
        } else {
            let fields = rows
                .iter()
                .map(|r| serde_json::from_str(&r.fields))
                .collect::<Result<Vec<_>, _>>()
                .context("a stored coded row is corrupt")?;
            tessera_export::acled_csv::write_rows(&fields, &mut out)?;
        }
        out.flush()?;
        Ok(())
    })();
    match written {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        r => r.map(|_| ExitCode::SUCCESS),
    }
}

fn import_dataset(g: &Global, kind: DatasetKind, files: &[std::path::PathBuf]) -> Result<ExitCode> {
    use tessera_engine::import::{acled, designations, gdelt, ofac, ucdp};
    let mut store = open(g)?;
    let engine = Engine::for_store(&store)?;
    let mut bad = 0u64;
    let mut report = |e: &dyn std::fmt::Display| {
        bad += 1;
        eprintln!("tessera: skipped: {e}");
    };
    match kind {
        DatasetKind::Acled | DatasetKind::Ucdp | DatasetKind::Gdelt => {
            let dataset = match kind {
                DatasetKind::Acled => "acled",
                DatasetKind::Ucdp => "ucdp",
                _ => "gdelt",
            };
            let (mut read, mut changed, mut docs) = (0u64, 0usize, IngestSummary::default());
            for f in files {
                let origin = f.display().to_string();
                let file = match std::fs::File::open(f) {
                    Ok(file) => file,
                    Err(e) => {
                        report(&format!("{origin}: {e}"));
                        continue;
                    }
                };
                // Streamed in chunks so that large exports keep memory flat.
                let mut chunk = Vec::new();
                let reader = std::io::BufReader::new(file);
                let mut rows: Box<dyn Iterator<Item = _>> = match kind {
                    DatasetKind::Acled => Box::new(acled::read(reader, &origin)),
                    DatasetKind::Ucdp => Box::new(ucdp::read(reader, &origin)),
                    _ => Box::new(gdelt::read(reader, &origin)),
                };
                loop {
                    let next = rows.next();
                    let done = next.is_none();
                    match next {
                        Some(Ok(row)) => chunk.push(row),
                        Some(Err(e)) => report(&e),
                        None => {}
                    }
                    if chunk.len() >= 5000 || (done && !chunk.is_empty()) {
                        read += chunk.len() as u64;
                        let mut reporter = crate::messages::Reporter::new(g.quiet, "importing");
                        let (s, c) = engine.import_coded(
                            &mut store,
                            dataset,
                            std::mem::take(&mut chunk),
                            &mut reporter,
                        )?;
                        reporter.finish();
                        docs.new += s.new;
                        docs.unchanged += s.unchanged;
                        docs.new_versions += s.new_versions;
                        changed += c;
                    }
                    if done {
                        break;
                    }
                }
            }
            let fusion = engine.fuse_store(&mut store)?;
            if g.json {
                println!(
                    "{}",
                    json!({"rows": read, "changed": changed, "skipped": bad,
                    "documents": {"new": docs.new, "unchanged": docs.unchanged, "new_versions": docs.new_versions},
                    "fusion": fusion_counts(&fusion)})
                );
            } else if !g.quiet {
                println!(
                    "import {dataset}: {read} rows ({changed} new or changed), {bad} skipped; notes: {} new documents, {} unchanged",
                    docs.new, docs.unchanged
                );
                print_fusion(g, &fusion);
            }
        }
        DatasetKind::UnSanctions | DatasetKind::DesignationsCsv | DatasetKind::Ofac => {
            let mut list = Vec::new();
            if kind == DatasetKind::Ofac {
                // sdn.csv (12 columns) with alt.csv (5) for aliases, or JSON extracts.
                let mut sdn = Vec::new();
                let mut alt = String::new();
                for f in files {
                    let origin = f.display().to_string();
                    match std::fs::read_to_string(f) {
                        Err(e) => report(&format!("{origin}: {e}")),
                        Ok(text) if text.trim_start().starts_with('[') => {
                            match ofac::read_json(&text, &origin) {
                                Ok(d) => list.extend(d),
                                Err(e) => report(&e),
                            }
                        }
                        Ok(text) => {
                            let columns = text.lines().next().map_or(0, |l| l.split(',').count());
                            if columns == 5 {
                                alt.push_str(&text);
                            } else {
                                sdn.push((origin, text));
                            }
                        }
                    }
                }
                for (origin, text) in sdn {
                    let (d, errors) = ofac::read_csv(&text, Some(&alt), &origin);
                    list.extend(d);
                    for e in errors {
                        report(&e);
                    }
                }
            }
            for f in files.iter().filter(|_| kind != DatasetKind::Ofac) {
                let origin = f.display().to_string();
                let file = match std::fs::File::open(f) {
                    Ok(file) => file,
                    Err(e) => {
                        report(&format!("{origin}: {e}"));
                        continue;
                    }
                };
                if kind == DatasetKind::UnSanctions {
                    match designations::read_un_xml(std::io::BufReader::new(file), &origin) {
                        Ok(d) => {
                            if !d.repaired.is_empty() && !g.quiet {
                                eprintln!(
                                    "tessera: {origin}: escaped {} stray '&' or '<' (bytes {:?}) to read the XML",
                                    d.repaired.len(),
                                    d.repaired
                                );
                            }
                            list.extend(d.designations);
                        }
                        Err(e) => report(&e),
                    }
                } else {
                    for d in designations::read_csv(file, &origin) {
                        match d {
                            Ok(d) => list.push(d),
                            Err(e) => report(&e),
                        }
                    }
                }
            }
            let (matches, changed) = engine.import_designations(&mut store, list)?;
            let linked: Vec<_> = matches.iter().filter(|m| m.entity_id.is_some()).collect();
            let ambiguous: Vec<_> = matches
                .iter()
                .filter(|m| m.entity_id.is_none() && !m.candidates.is_empty())
                .collect();
            if g.json {
                println!(
                    "{}",
                    json!({"designations": matches.len(), "changed": changed, "skipped": bad,
                    "matched": linked.iter().map(|m| json!({"id": m.designation.id, "name": m.designation.name,
                        "entity_id": m.entity_id, "matched_by": m.matched_by})).collect::<Vec<_>>(),
                    "ambiguous": ambiguous.iter().map(|m| json!({"id": m.designation.id, "name": m.designation.name,
                        "candidates": m.candidates})).collect::<Vec<_>>()})
                );
            } else if !g.quiet {
                println!(
                    "import: {} designations ({changed} new or changed), {bad} skipped; {} matched to a known actor, {} for review (ambiguous or by abbreviation only; not linked)",
                    matches.len(),
                    linked.len(),
                    ambiguous.len()
                );
                for m in &linked {
                    println!(
                        "  {} {:?} -> {} (by {:?})",
                        m.designation.id,
                        m.designation.name,
                        m.entity_id.as_deref().unwrap_or(""),
                        m.matched_by.as_deref().unwrap_or("")
                    );
                }
                for m in &ambiguous {
                    println!(
                        "  {} {:?} review: {}",
                        m.designation.id,
                        m.designation.name,
                        m.candidates.join(", ")
                    );
                }
            }
        }
    }
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn designations(g: &Global, entity: Option<&str>, unmatched: bool) -> Result<ExitCode> {
    let store = open_existing(g)?;
    let rows: Vec<_> = store
        .designations()?
        .into_iter()
        .filter(|r| entity.is_none_or(|e| r.entity_id.as_deref() == Some(e)))
        .filter(|r| !unmatched || r.entity_id.is_none())
        .collect();
    let list: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let mut v: serde_json::Value = serde_json::from_str(&r.data).unwrap_or_default();
            v["entity_id"] = json!(r.entity_id);
            v["matched_by"] = json!(r.matched_by);
            v
        })
        .collect();
    if g.json {
        println!("{}", serde_json::to_string(&list)?);
    } else {
        for v in &list {
            println!(
                "{:<22} {:<40} {:<20} listed {:<10} {}",
                v["id"].as_str().unwrap_or(""),
                v["name"].as_str().unwrap_or(""),
                v["entity_id"].as_str().unwrap_or("(no actor)"),
                v["listed_on"].as_str().unwrap_or("?"),
                v["regime"].as_str().unwrap_or("")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn serve(g: &Global, bind: std::net::SocketAddr, token: Option<String>) -> Result<ExitCode> {
    let mut opts = tessera_server::ServeOptions::new(g.db.clone(), bind);
    opts.token = token;
    let (state, created) = tessera_server::AppState::open(&opts)
        .with_context(|| format!("opening {}", g.db.display()))?;
    let missing = tessera_server::missing_vendor();
    if !missing.is_empty() {
        eprintln!(
            "warning: this build lacks front-end libraries ({}); maps and networks will not draw. \
             Install Node.js and npm and rebuild.",
            missing.join(", ")
        );
    }
    for t in &created {
        // Printed once: the store keeps only a hash.
        eprintln!("{} token (shown once): {}", t.role, t.token);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .with_context(|| format!("binding {bind}"))?;
        let addr = listener.local_addr()?;
        let snap = state.snapshot();
        if !g.quiet {
            println!(
                "Tessera is serving {} events from {} at http://{addr}/ (Ctrl-C stops)",
                snap.event_count(),
                g.db.display()
            );
        }
        use std::io::Write as _;
        std::io::stdout().flush()?;
        tessera_server::serve(listener, state, opts.watch)
            .await
            .context("serving")
    })?;
    Ok(ExitCode::SUCCESS)
}
