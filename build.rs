//! The bundled scenarios and assets are embedded with `include_dir!`, which cannot tell cargo
//! to rebuild when those files change; this build script does.

fn main() {
    println!("cargo:rerun-if-changed=scenarios");
    println!("cargo:rerun-if-changed=assets");
}
