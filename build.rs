//! Two jobs before compiling:
//! - embeds the default theme: every file in templates/ and static/ becomes
//!   an entry of `theme::TEMPLATES` / `theme::STATIC` (sorted by name), so
//!   adding a template or an asset is adding the file;
//! - tells the tests whether the shared corpora (`../shared` beside the
//!   repository) are present: with them, `cfg(shared_corpora)` is set and
//!   the corpus tests run; without them those tests are ignored with a reason.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    embed_theme();
    println!("cargo::rustc-check-cfg=cfg(shared_corpora)");
    let shared = Path::new("../shared");
    if shared.is_dir() {
        println!("cargo::rustc-cfg=shared_corpora");
        println!("cargo::rerun-if-changed=../shared");
    } else {
        // Rerun when something appears beside the repository.
        println!("cargo::rerun-if-changed=..");
    }
    println!("cargo::rerun-if-changed=build.rs");
}

/// Writes `$OUT_DIR/theme.rs`: the two arrays, each file by `include_*!`
/// of its absolute path.
fn embed_theme() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut out = String::new();
    for (folder, array, ty, include) in [
        ("templates", "TEMPLATES", "&str", "include_str"),
        ("static", "STATIC", "&[u8]", "include_bytes"),
    ] {
        let dir = Path::new(&root).join(folder);
        println!("cargo::rerun-if-changed={}", dir.display());
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .map(|e| e.expect("a readable folder entry"))
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        writeln!(out, "pub const {array}: &[(&str, {ty})] = &[").unwrap();
        for name in names {
            let path = dir.join(&name);
            writeln!(
                out,
                "    ({name:?}, {include}!({:?})),",
                path.display().to_string()
            )
            .unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("theme.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("writing {}: {e}", dest.display()));
}
