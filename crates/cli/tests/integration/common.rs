use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn tessera() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tessera"))
}

pub fn run(db: &Path, args: &[&str]) -> Output {
    tessera()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("tessera runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stats(db: &Path) -> serde_json::Value {
    let o = run(db, &["stats", "--json"]);
    assert!(o.status.success(), "stats failed: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("stats prints JSON")
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the repository, or `TESSERA_SHARED`. Under CI its absence is a failure;
/// elsewhere (a user's clone) the caller skips with a message.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("TESSERA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"));
    if dir.join("eval/dev").is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but the shared data folder {} is missing",
        dir.display()
    );
    eprintln!(
        "skipping: shared data not found at {} (set TESSERA_SHARED)",
        dir.display()
    );
    None
}

/// A tool a test needs: under CI its absence is a failure, elsewhere a skip.
pub fn have_tool(name: &str) -> bool {
    let ok = Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but the tool `{name}` is missing"
        );
        eprintln!("skipping: `{name}` not found");
    }
    ok
}

/// A Python with the validators in `tools/python-requirements.txt`: `TESSERA_PYENV`, or
/// `target/pyenv` (created with pip when missing). Under CI a failure to set it up is a test
/// failure; elsewhere the caller skips.
pub fn pyenv_python() -> Option<PathBuf> {
    let dir = std::env::var_os("TESSERA_PYENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/pyenv"));
    let python = dir.join("bin/python");
    let ready = || {
        Command::new(&python)
            .args(["-c", "import stix2validator, networkx, geojson"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !ready() {
        // Several tests may ask at once: one creates it under a lock file.
        let lock = dir.with_extension("lock");
        let _ = std::fs::create_dir_all(dir.parent().unwrap());
        let mut waited = 0;
        while std::fs::create_dir(&lock).is_err() && waited < 600 {
            std::thread::sleep(std::time::Duration::from_secs(1));
            waited += 1;
        }
        if !ready() {
            let made = Command::new("python3")
                .arg("-m")
                .arg("venv")
                .arg(&dir)
                .status()
                .is_ok_and(|s| s.success())
                && Command::new(dir.join("bin/pip"))
                    .args(["install", "-q", "-r"])
                    .arg(repo_root().join("tools/python-requirements.txt"))
                    .status()
                    .is_ok_and(|s| s.success());
            let _ = made;
        }
        let _ = std::fs::remove_dir(&lock);
    }
    if ready() {
        return Some(python);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but the Python validators could not be set up in {}",
        dir.display()
    );
    eprintln!(
        "skipping: no Python with the validators at {} (pip install -r tools/python-requirements.txt)",
        dir.display()
    );
    None
}
