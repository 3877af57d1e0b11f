//! The Class screen driven like an instructor: type the folder of exports, make the report,
//! read the flagged scenarios, sort a table, and open a flagged scenario in the editor.

mod common;

use std::fs;
use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use common::{answer, fixtures};
use salgstrener::domain::bank::scenario::Fit;
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::interop::xapi::{self, Actor, XapiOptions};
use salgstrener::domain::language::Language;
use salgstrener::domain::progress::history::{Attempt, AttemptKind, History};
use salgstrener::domain::teaching::taxonomy::SaleType::*;
use salgstrener::ui::action::Screen;
use salgstrener::ui::app::{SalgstrenerApp, Settings};

/// Four trainees answer the two fixture scenarios so that both discriminate negatively (as
/// in tests/class_report.rs).
fn write_class(dir: &Path) {
    let belt = |c, f| answer("klaer-belte", Tilleggssalg, c, f);
    let roof = |c, f| answer("bil-takboks", Tilleggssalg, c, f);
    let rows = [
        (
            "kari",
            belt(Tilleggssalg, Fit::Best),
            roof(Tilleggssalg, Fit::Best),
        ),
        (
            "ola",
            belt(Tilleggssalg, Fit::Best),
            roof(Kryssalg, Fit::Acceptable),
        ),
        (
            "per",
            belt(Tilleggssalg, Fit::Poor),
            roof(Nysalg, Fit::Poor),
        ),
        (
            "siri",
            belt(Nysalg, Fit::Poor),
            roof(Tilleggssalg, Fit::Best),
        ),
    ];
    for (n, (name, a, b)) in rows.into_iter().enumerate() {
        let history = History {
            version: 1,
            attempts: vec![Attempt {
                registration: uuid::Uuid::from_u128(n as u128 + 1).to_string(),
                kind: AttemptKind::Quiz,
                quiz_id: "modul-1".into(),
                quiz_title: "Modul 1".into(),
                answers: vec![a, b],
                ..Attempt::default()
            }],
        };
        let actor = Actor::new(Some(name), Some(&format!("{name}@klasse.example"))).unwrap();
        let options = XapiOptions {
            actor,
            ..XapiOptions::default()
        };
        let json = xapi::statements_json(&xapi::statements(&history, &options)).unwrap();
        fs::write(dir.join(format!("{name}.json")), json).unwrap();
    }
    fs::write(dir.join("notes.txt"), "not an export").unwrap();
}

#[test]
fn an_instructor_reads_the_class_and_opens_a_flagged_scenario() {
    let exports = tempfile::tempdir().unwrap();
    write_class(exports.path());
    let bank = Bank::load(BankSource::Folder(fixtures("good"))).expect("fixture folder loads");
    let app = SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 7);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 2400.0))
        .build_ui_state(|ui, app: &mut SalgstrenerApp| app.ui(ui), app);

    h.get_by_label("Klasse").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Class);
    h.get_by_role_and_label(Role::TextInput, "Mappe med eksporter")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Mappe med eksporter")
        .type_text(&exports.path().display().to_string());
    h.run();
    h.get_by_label("Lag rapport").click();
    h.run();
    h.run();

    let report = h
        .state()
        .screens()
        .class
        .report()
        .expect("the report was made");
    assert_eq!(report.trainees.len(), 4);
    // The heading (and the flagged points' legend in the chart).
    assert!(h.query_all_by_label("Scenarioer som bør ses på").count() >= 1);
    h.get_by_label("4 deltakere, 5 filer, 12 utsagn og rader lest");
    // Said at the top, and listed at the bottom.
    assert_eq!(h.query_all_by_label("Problemer i inndata (1)").count(), 2);
    // Both scenarios are flagged, each with a button to the editor.
    assert!(h.query_all_by_label("negativ diskriminering").count() >= 2);
    assert_eq!(h.query_all_by_label("Åpne i redigering").count(), 2);
    // The trainees' table, sorted by name, then by mean score the other way round.
    h.get_by_label("kari");
    h.get_by_label_contains("Snitt").click();
    h.run();
    h.get_by_label("Snitt (stigende)");
    h.get_by_label("Snitt (stigende)").click();
    h.run();
    h.get_by_label("Snitt (synkende)");
    assert!(
        h.query_all_by_label_contains("å skille tilleggssalg fra nysalg")
            .count()
            >= 1
    );

    // Open the first flagged scenario in the editor.
    let open = h
        .query_all_by_label("Åpne i redigering")
        .next()
        .expect("a button per flagged scenario");
    open.click();
    h.run();
    h.run();
    assert_eq!(h.state().screen(), Screen::Editor);
    let path = h
        .state()
        .editor()
        .doc
        .as_ref()
        .map(|d| d.path().to_path_buf());
    let path = path.expect("a file is open in the editor");
    assert!(
        path.ends_with("bil-takboks.ron") || path.ends_with("klaer-belte.ron"),
        "{}",
        path.display()
    );
}
