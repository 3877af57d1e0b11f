//! Writes a folder of generated, valid scenario files, for measuring the app at any bank size.
//!
//! ```sh
//! cargo run --release --example generate_bank -- /tmp/bank-10000 10000
//! /usr/bin/time -v target/release/salgstrener check /tmp/bank-10000
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/support/mod.rs"]
mod support;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(Ok(n))) = (args.first(), args.get(1).map(|n| n.parse::<usize>())) else {
        eprintln!("usage: generate_bank DIR COUNT   (DIR must not exist yet)");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    if dir.exists() {
        eprintln!("error: {} already exists; pick a new folder", dir.display());
        return ExitCode::from(2);
    }
    let done = format!("{n} scenarios and 2 quizzes written to {}", dir.display());
    support::report_written(support::write_bank(&dir, n), &dir, &done)
}
