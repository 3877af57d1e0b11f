//! Writes a generated class of trainees' xAPI exports, one file per trainee, to try the class
//! report on: `cargo run --example generate_class -- DIR [TRAINEES]` (default 40).

use std::path::PathBuf;
use std::process::ExitCode;

use salgstrener::domain::class_report::sample::{ClassShape, write_class};

#[path = "../benches/support/mod.rs"]
mod support;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: generate_class DIR [TRAINEES]");
        return ExitCode::from(2);
    };
    let trainees = args.next().and_then(|n| n.parse().ok()).unwrap_or(40);
    let shape = ClassShape {
        trainees,
        ..ClassShape::REALISTIC
    };
    let done = format!("{trainees} trainees written to {}", dir.display());
    support::report_written(write_class(&dir, shape, 2026), &dir, &done)
}
