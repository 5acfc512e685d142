//! Tells the tests whether the shared corpora (`../shared` beside the
//! repository) are present: with them, `cfg(shared_corpora)` is set and the
//! corpus tests run; without them those tests are ignored with a reason.

use std::path::Path;

fn main() {
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
