//! Hot reload under churn: a file rewritten many times a second, half-written on purpose,
//! while the app reloads. Nothing may crash, and what the app shows as valid is always a
//! whole version of the file.

mod common;

use common::scenario_folder;
use common::ui::harness_of;
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use salgstrener::domain::bank::watch::FolderWatch;
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::ui::app::{SalgstrenerApp, Settings};

fn fixture(name: &str) -> PathBuf {
    common::fixtures("good").join(name)
}

#[test]
fn a_file_rewritten_many_times_a_second_never_shows_half_written_content() {
    let (_tmp, dir) = scenario_folder();
    fs::copy(fixture("bil-takboks.ron"), dir.join("bil-takboks.ron")).unwrap();
    let base = fs::read_to_string(fixture("klaer-belte.ron")).unwrap();
    let versions = [
        base.replace("Ny dressbukse", "Versjon A"),
        base.replace("Ny dressbukse", "Versjon B"),
    ];
    let path = dir.join("klaer-belte.ron");
    fs::write(&path, &versions[0]).unwrap();

    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    let watch = FolderWatch::start(dir.clone(), || {}).unwrap();
    let app = SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 1).with_watch(watch);
    let mut h = harness_of(app, egui::vec2(1100.0, 800.0));

    // A writer that rewrites the file in place, in two halves with a pause between, as a text
    // editor without atomic saves would: readers can catch it truncated or half-written.
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (stop, path, versions) = (stop.clone(), path.clone(), versions.clone());
        std::thread::spawn(move || {
            let mut writes = 0u32;
            while !stop.load(Ordering::Relaxed) {
                let text = versions[writes as usize % 2].as_bytes();
                let (first, second) = text.split_at(text.len() / 2);
                if let Ok(mut f) = fs::File::create(&path) {
                    let _ = f.write_all(first);
                    let _ = f.flush();
                    std::thread::sleep(Duration::from_millis(2));
                    let _ = f.write_all(second);
                }
                writes += 1;
                // Bursts with pauses of varying length: the watcher reloads in the pauses, and
                // the next burst can start while it is still reading.
                let pause = if writes.is_multiple_of(7) {
                    160 + (writes % 5) * 20
                } else {
                    8
                };
                std::thread::sleep(Duration::from_millis(u64::from(pause)));
            }
            writes
        })
    };

    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline {
        h.run();
        let bank = h.state().bank();
        let title = bank
            .index_of("klaer-belte")
            .map(|i| bank.scenarios()[i].title.clone());
        if let Some(title) = title {
            assert!(
                title == "Versjon A" || title == "Versjon B",
                "half-written content shown as valid: {title:?}"
            );
        }
        // The other file is never disturbed by the churn.
        assert!(bank.index_of("bil-takboks").is_some());
        std::thread::sleep(Duration::from_millis(5));
    }
    stop.store(true, Ordering::Relaxed);
    let writes = writer.join().unwrap();
    assert!(writes > 50, "the writer managed only {writes} writes");
    let reloads = h.state().bank_generation();
    assert!(
        reloads >= 3,
        "only {reloads} reloads happened during the churn"
    );

    // Once the churn stops, the last whole version is what the app shows.
    fs::write(&path, &versions[1]).unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        h.run();
        let bank = h.state().bank();
        if bank
            .index_of("klaer-belte")
            .is_some_and(|i| bank.scenarios()[i].title == "Versjon B")
            && bank.problems().is_empty()
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the final version was not picked up"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}
