//! The cost of one frame of each screen, drawn headless with a generated bank loaded: egui's
//! layout of `SalgstrenerApp::ui` plus tessellation into triangles, which is the CPU's share
//! of a frame (painting is the GPU's).
//!
//! Run with `cargo bench --bench frames`; figures are in docs/performance.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group};
use jiff::Timestamp;

use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::domain::progress::history::{HISTORY_FILE, HistoryStore};
use salgstrener::domain::progress::records::Records;
use salgstrener::domain::teaching::taxonomy::SaleType;
use salgstrener::domain::training::quiz::QuizAction;
use salgstrener::domain::training::talk::TalkAction;
use salgstrener::ui::action::{Action, Screen};
use salgstrener::ui::app::{SalgstrenerApp, Settings};
use salgstrener::ui::conversations::ConversationCommand;
use salgstrener::ui::editor::EditorAction;
use salgstrener::ui::quiz::{QuizCommand, QuizStage};

mod support;

const SIZES: [usize; 3] = [100, 1_000, 10_000];
/// Quiz attempts in the generated history of the progress screen: the same at every bank
/// size, so the figures show whether the screen does work in proportion to the bank.
const HISTORY_ATTEMPTS: usize = 200;

fn now() -> Timestamp {
    "2026-11-27T09:00:00Z".parse().expect("a valid time")
}

/// A headless egui context driving the app, one frame per call.
struct Frames {
    ctx: egui::Context,
    app: SalgstrenerApp,
    time: f64,
    _dir: Option<tempfile::TempDir>,
}

impl Frames {
    fn new(app: SalgstrenerApp) -> Self {
        let mut frames = Frames {
            ctx: egui::Context::default(),
            app,
            time: 0.0,
            _dir: None,
        };
        // The first frames load fonts and settle sizes; they are not what is measured.
        for _ in 0..3 {
            frames.frame();
        }
        frames
    }

    fn frame(&mut self) -> usize {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1100.0, 760.0),
            )),
            time: Some(self.time),
            ..Default::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.ui(ui));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives.len()
    }
}

/// The app on `bank`, in Norwegian, on a clock that stands still.
fn app_on(bank: Bank) -> SalgstrenerApp {
    SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 7).with_clock(Box::new(now))
}

/// The app on a generated bank of `n` scenarios, every `broken_every`th file broken (0: none).
fn app(n: usize, broken_every: usize) -> SalgstrenerApp {
    app_on(support::bank_in_memory(n, broken_every))
}

/// The frames of `app` once it shows `screen`.
fn showing(mut app: SalgstrenerApp, screen: Screen) -> Frames {
    apply(&mut app, Action::Show(screen));
    Frames::new(app)
}

fn apply(app: &mut SalgstrenerApp, action: Action) {
    app.apply(action, now());
}

fn open_generated_quiz(app: &mut SalgstrenerApp) {
    let quiz = app
        .bank()
        .quizzes()
        .iter()
        .find(|q| q.id == "gen-nb")
        .expect("generated quiz")
        .clone();
    apply(app, Action::Show(Screen::Quiz));
    apply(app, Action::Quiz(QuizCommand::Open(quiz)));
}

/// Answers every question of the running quiz (a mix of right and wrong) and submits.
fn answer_and_submit(app: &mut SalgstrenerApp) {
    let questions = match app.quiz_stage() {
        QuizStage::Running { run, .. } => run.questions().len(),
        _ => panic!("no quiz running"),
    };
    for k in 0..questions {
        let run = QuizAction::ChooseType(SaleType::ALL[k % 5]);
        for action in [
            run,
            QuizAction::ChooseOffer(k % 3),
            QuizAction::ChooseConfidence(salgstrener::domain::progress::history::Confidence::High),
            QuizAction::CheckCurrent,
            QuizAction::Next,
        ] {
            apply(app, Action::Quiz(QuizCommand::Run(action)));
        }
    }
    apply(app, Action::Quiz(QuizCommand::Run(QuizAction::Submit)));
    assert!(matches!(app.quiz_stage(), QuizStage::Report(_)));
}

fn screen(name: &str, n: usize) -> Frames {
    match name {
        "practice" => Frames::new(app(n, 0)),
        // A bank with every tenth file broken: the banner that links to the problems shows.
        "practice_broken_bank" => Frames::new(app(n, 10)),
        "quiz_list" => showing(app(n, 0), Screen::Quiz),
        "quiz_start_page" => {
            let mut a = app(n, 0);
            open_generated_quiz(&mut a);
            Frames::new(a)
        }
        "quiz_running" => {
            let mut a = app(n, 0);
            open_generated_quiz(&mut a);
            apply(&mut a, Action::Quiz(QuizCommand::Start));
            Frames::new(a)
        }
        "report" => {
            let mut a = app(n, 0);
            open_generated_quiz(&mut a);
            apply(&mut a, Action::Quiz(QuizCommand::Start));
            answer_and_submit(&mut a);
            Frames::new(a)
        }
        "progress" => {
            let bank = support::bank_in_memory(n, 0);
            let history = support::history(&bank, HISTORY_ATTEMPTS);
            let dir = tempfile::tempdir().expect("a temporary folder");
            let path = dir.path().join(HISTORY_FILE);
            let text = ron::ser::to_string(&history).expect("serialises");
            std::fs::write(&path, text).expect("writable");
            let (store, notice) = HistoryStore::open(&path, now()).expect("opens");
            assert!(notice.is_none());
            let mut a = app_on(bank).with_records(Records::new(Some(store)));
            apply(&mut a, Action::Show(Screen::Progress));
            let mut frames = Frames::new(a);
            frames._dir = Some(dir);
            frames
        }
        // Every tenth file broken: 10 % of the bank in the list.
        "problems" => showing(app(n, 10), Screen::Problems),
        "editor_list" => {
            // The list of every file, filtered by a search, with no file open.
            let mut a = app(n, 0);
            apply(&mut a, Action::Show(Screen::Editor));
            a.editor_mut().search = "gen".into();
            Frames::new(a)
        }
        "editor_form" => {
            // A scenario open in the form, validated, with the preview beside it. The bank is
            // read from a generated folder, since opening a file reads it from disk.
            let bank = Bank::load(BankSource::Folder(support::bank_folder(n))).expect("loads");
            let first = bank.entries()[0].path.clone();
            let mut a = app_on(bank);
            apply(&mut a, Action::Show(Screen::Editor));
            apply(&mut a, Action::Editor(EditorAction::Open(first)));
            assert!(a.editor().doc.is_some());
            Frames::new(a)
        }
        "learn" => showing(app(n, 0), Screen::Learn),
        "guided" => showing(app(n, 0), Screen::Guided),
        // One conversation per ten scenarios: 1,000 beside 10,000 scenarios.
        "conversations_list" => showing(
            app_on(support::bank_with_conversations(n, n / 10)),
            Screen::Conversations,
        ),
        "conversation" => {
            // A conversation in progress: three replies in the chat, three facts known.
            let bank = support::bank_with_conversations(n, n / 10);
            let id = bank.conversations()[0].id.clone();
            let mut a = app_on(bank);
            apply(&mut a, Action::Show(Screen::Conversations));
            apply(&mut a, Action::Conversation(ConversationCommand::Open(id)));
            for _ in 0..3 {
                let reply = ConversationCommand::Talk(TalkAction::Reply(0));
                apply(&mut a, Action::Conversation(reply));
            }
            Frames::new(a)
        }
        other => panic!("unknown screen {other}"),
    }
}

/// Every screen of the app.
const SCREENS: [&str; 14] = [
    "practice",
    "practice_broken_bank",
    "quiz_list",
    "quiz_start_page",
    "quiz_running",
    "report",
    "progress",
    "problems",
    "editor_list",
    "editor_form",
    "learn",
    "guided",
    "conversations_list",
    "conversation",
];

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for name in SCREENS {
        for n in SIZES {
            let mut frames = screen(name, n);
            group.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter(|| black_box(frames.frame()));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, frames);

/// Frames drawn by [`counted_frames`].
const COUNTED_FRAMES: usize = 10;

/// Draws [`COUNTED_FRAMES`] frames, and nothing else: the one function an instruction count
/// collects (`valgrind --tool=callgrind --toggle-collect='*counted_frames*'`), so the count
/// leaves out building the bank and the app.
#[inline(never)]
fn counted_frames(frames: &mut Frames) -> usize {
    (0..COUNTED_FRAMES).map(|_| black_box(frames.frame())).sum()
}

/// `FRAME_COUNT=SCREEN:SIZE cargo bench --bench frames` draws that screen's frames once for
/// an instruction count instead of timing every screen (see docs/performance.md).
fn main() {
    if let Ok(what) = std::env::var("FRAME_COUNT") {
        let (name, size) = what.split_once(':').expect("FRAME_COUNT=SCREEN:SIZE");
        let mut frames = screen(name, size.parse().expect("a bank size"));
        black_box(counted_frames(&mut frames));
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
