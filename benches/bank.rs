//! Loading and validating a bank from disk against the floor (read every file and parse it
//! with plain `ron::from_str`, one thread), and drawing a filtered 20-question quiz.
//!
//! Run with `cargo bench --bench bank`; figures are in docs/performance.md.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use salgstrener::domain::bank::conversation_rules::check_conversation_text;
use salgstrener::domain::bank::scenario::Scenario;
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::training::quiz::{Quiz, QuizRun};

mod support;

const SIZES: [usize; 3] = [100, 1_000, 10_000];

/// Every scenario file under `dir` (not `quizzes/`), sorted: listed before timing, so the
/// floor does not even pay for walking the folder.
fn scenario_paths(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("readable") {
            let path = entry.expect("readable").path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "quizzes") {
                    walk(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "ron") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    for n in SIZES {
        let dir = support::bank_folder(n);
        let paths = scenario_paths(&dir);
        assert_eq!(paths.len(), n);
        group.bench_with_input(
            BenchmarkId::new("floor_read_and_ron_from_str", n),
            &paths,
            |b, paths| {
                b.iter(|| {
                    let scenarios: Vec<Scenario> = paths
                        .iter()
                        .map(|p| {
                            let text = fs::read_to_string(p).expect("readable");
                            ron::from_str::<Scenario>(&text).expect("valid")
                        })
                        .collect();
                    black_box(scenarios)
                });
            },
        );
        group.bench_with_input(BenchmarkId::new("bank_load", n), &dir, |b, dir| {
            b.iter(|| {
                let bank = Bank::load(BankSource::Folder(dir.clone())).expect("loads");
                assert_eq!(bank.scenarios().len(), n);
                black_box(bank)
            });
        });
    }
    group.finish();
}

fn quiz_draw(c: &mut Criterion) {
    let mut group = c.benchmark_group("quiz_draw");
    for n in SIZES {
        let bank = support::bank_in_memory(n, 0);
        let quiz: Quiz = bank
            .quizzes()
            .iter()
            .find(|q| q.id == "gen-nb")
            .expect("generated quiz")
            .clone();
        let mut seed = 0u64;
        group.bench_with_input(BenchmarkId::new("draw_20_filtered", n), &bank, |b, bank| {
            b.iter(|| {
                seed = seed.wrapping_add(1);
                let drawn = quiz.draw(bank, seed);
                black_box(drawn)
            });
        });
        group.bench_with_input(BenchmarkId::new("draw_and_start", n), &bank, |b, bank| {
            b.iter(|| {
                seed = seed.wrapping_add(1);
                let drawn = quiz.draw(bank, seed);
                let now = jiff::Timestamp::UNIX_EPOCH;
                black_box(QuizRun::start(
                    quiz.clone(),
                    bank,
                    &drawn,
                    now,
                    seed,
                    String::new(),
                ))
            });
        });
    }
    group.finish();
}

/// Validating one large conversation: parsing, the graph rules (reachability, cycles, the
/// longest and the best path) and the decision.
fn conversation_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("conversation_validate");
    for steps in [20, 200] {
        let text = support::conversation_text(0, steps);
        let path = std::path::Path::new("samtale.ron");
        group.bench_with_input(BenchmarkId::new("check", steps), &text, |b, text| {
            b.iter(|| {
                let checked = check_conversation_text(path, text).expect("parses");
                assert!(checked.is_usable(), "{:?}", checked.problems);
                black_box(checked)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, load, quiz_draw, conversation_validate);
criterion_main!(benches);
