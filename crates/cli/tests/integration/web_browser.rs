//! The web app in headless Chromium (Debian's `chromium`), driven by playwright-core from the
//! web app's lockfile: every page opens without console errors, a filter moves the map,
//! timeline and table together, an event's evidence is lit in the reader, and report text
//! never runs as code. Screenshots land in `target/browser-screenshots/`.

use crate::common::{Server, have_tool, repo_root, run};
use std::path::Path;
use std::process::Command;

#[test]
fn the_web_app_in_chromium() {
    if !have_tool("chromium") || !have_tool("node") {
        return;
    }
    let driver = Path::new(tessera_server::WEB_NODE_MODULES).join("playwright-core");
    if !driver.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but playwright-core is not installed at {} (npm ci failed during the build?)",
            driver.display()
        );
        eprintln!(
            "skipping: playwright-core not installed at {}",
            driver.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    for input in [
        repo_root().join("examples/reports"),
        repo_root().join("crates/cli/tests/fixtures/web/hostile.jsonl"),
    ] {
        let o = run(&db, &["ingest", "-q", input.to_str().unwrap()]);
        assert!(o.status.success());
    }
    let server = Server::start(&db, "127.0.0.1:0", &[]);
    let shots = repo_root().join("target/browser-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let o = Command::new("node")
        .arg(repo_root().join("crates/server/web/tests/browser.cjs"))
        .arg(&server.base)
        .arg(&shots)
        .arg("synthetic-hostile-1")
        .env("NODE_PATH", tessera_server::WEB_NODE_MODULES)
        .output()
        .expect("node runs");
    assert!(
        o.status.success(),
        "browser checks failed (screenshots in {}):\n{}\n{}",
        shots.display(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    for page in [
        "overview",
        "events",
        "events-filtered",
        "network",
        "entity",
        "reader",
        "claims",
        "search",
        "paste",
        "hostile-report",
    ] {
        assert!(
            shots.join(format!("{page}.png")).is_file(),
            "no screenshot of {page}"
        );
    }
}
