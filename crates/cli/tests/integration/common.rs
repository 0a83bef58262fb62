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

/// A `tessera serve` child process on a free port; killed when dropped.
pub struct Server {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// What it printed on stderr before it started listening (tokens, warnings).
    pub stderr_lines: Vec<String>,
}

impl Server {
    pub fn start(db: &Path, bind: &str, env: &[(&str, &str)]) -> Server {
        use std::io::BufRead;
        let mut cmd = tessera();
        cmd.arg("--db")
            .arg(db)
            .args(["serve", "--bind", bind])
            .env_remove("TESSERA_TOKEN")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("tessera serve starts");
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).expect("serve prints its address");
        let stderr = child.stderr.take().unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .replace("0.0.0.0", "127.0.0.1");
        // Tokens are printed on stderr before the address line; keep collecting stderr.
        let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = lines.clone();
        std::thread::spawn(move || {
            for l in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                sink.lock().unwrap().push(l);
            }
        });
        std::thread::sleep(std::time::Duration::from_millis(300));
        let stderr_lines = lines.lock().unwrap().clone();
        // Keep stdout drained so the child never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        Server {
            child,
            base: format!("http://{addr}"),
            stderr_lines,
        }
    }

    /// One HTTP/1.1 request; returns status, headers (lower-cased names) and body.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, Vec<(String, String)>, String) {
        use std::io::{Read, Write};
        let host = self.base.trim_start_matches("http://");
        let mut s = std::net::TcpStream::connect(host).expect("connects");
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("an HTTP response");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let rest = &raw[split + 4..];
        let mut lines = head.lines();
        let status: u16 = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|c| c.parse().ok())
            .expect("a status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let chunked = headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        let body = if chunked {
            dechunk(rest)
        } else {
            rest.to_vec()
        };
        let body = String::from_utf8_lossy(&body).into_owned();
        (status, headers, body)
    }

    pub fn get(&self, path: &str) -> (u16, serde_json::Value) {
        self.get_with(path, &[])
    }

    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> (u16, serde_json::Value) {
        let (status, _, body) = self.request("GET", path, headers, b"");
        let v =
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body:.300}"));
        (status, v)
    }

    pub fn post_json(
        &self,
        path: &str,
        body: &serde_json::Value,
        headers: &[(&str, &str)],
    ) -> (u16, serde_json::Value) {
        let mut h = vec![("Content-Type", "application/json")];
        h.extend_from_slice(headers);
        let (status, _, text) = self.request("POST", path, &h, body.to_string().as_bytes());
        let v =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("POST {path}: {e}: {text:.300}"));
        (status, v)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = String::from_utf8_lossy(&rest[..eol]).trim().to_owned();
        let n = usize::from_str_radix(&size, 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&rest[start..start + n]);
        rest = &rest[(start + n + 2).min(rest.len())..];
    }
    out
}
