//! The class report at scale: a generated class of 1,000 trainees (about 300,000 statements
//! in 1,000 files, exported with the app's own xAPI export) reported from disk, against the
//! floor of reading the same files and parsing them with `serde_json` alone into
//! `serde_json::Value` (with the same two threads the report uses), and the peak memory.
//!
//! Run with `cargo bench --bench class`; figures are in docs/performance.md. The class is
//! written once to `target/class-bench/` and reused.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;

use salgstrener::domain::class_report::{self, AttemptChoice, BankInfo, sample};

const SEED: u64 = 2026;

fn class_folder() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/class-bench");
    let shape = sample::ClassShape::REALISTIC;
    let complete = fs::read_dir(&dir).map_or(0, |d| d.count()) == shape.trainees;
    if !complete {
        sample::write_class(&dir, shape, SEED).expect("the class can be written");
    }
    dir
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("readable").path())
        .collect();
    out.sort();
    out
}

/// The floor: read each file and parse it into a `serde_json::Value`, two threads.
fn floor(paths: &[PathBuf]) -> usize {
    let chunk = paths.len().div_ceil(2).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| {
                            let text = fs::read_to_string(p).expect("readable");
                            let value: serde_json::Value =
                                serde_json::from_str(&text).expect("valid JSON");
                            value.as_array().map_or(0, Vec::len)
                        })
                        .sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    })
}

fn peak_memory_kib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let dir = class_folder();
    let paths = files(&dir);
    let bytes: u64 = paths
        .iter()
        .map(|p| fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let statements = floor(&paths);
    println!(
        "class: {} files, {statements} statements, {:.0} MB",
        paths.len(),
        bytes as f64 / 1e6
    );
    // Peak memory of one report alone, before criterion runs anything else.
    let before = peak_memory_kib();
    let report = class_report::report_of(
        std::slice::from_ref(&dir),
        AttemptChoice::First,
        &BankInfo::default(),
    );
    assert_eq!(report.trainees.len(), paths.len());
    assert!(report.problems.is_empty());
    println!(
        "peak memory (VmHWM) after one report: {} MiB (before: {} MiB)",
        peak_memory_kib().unwrap_or(0) / 1024,
        before.unwrap_or(0) / 1024
    );
    drop(report);

    let mut c = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(30))
        .warm_up_time(Duration::from_secs(3))
        .configure_from_args();
    let mut group = c.benchmark_group("class_1000");
    group.bench_function("floor_serde_json_value", |b| {
        b.iter(|| black_box(floor(black_box(&paths))));
    });
    group.bench_function("report", |b| {
        b.iter(|| {
            black_box(class_report::report_of(
                std::slice::from_ref(&dir),
                AttemptChoice::First,
                &BankInfo::default(),
            ))
        });
    });
    group.finish();
    c.final_summary();
}
