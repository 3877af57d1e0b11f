//! `apply` without a window: every action family, driven directly against the app's state.

use jiff::Timestamp;

use super::*;
use crate::domain::authoring::editor::Draft;
use crate::domain::bank::BankSource;
use crate::domain::bank::scenario::Fit;
use crate::domain::language::Language;
use crate::domain::teaching::decision_path::Relation;
use crate::domain::teaching::edge_cases::EdgeCase;
use crate::domain::teaching::lessons::PathNode;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::answer::Pick;
use crate::domain::training::guided::GuidedAction;
use crate::domain::training::practice::{Filter, PracticeAction};
use crate::domain::training::quiz::{Quiz, QuizAction};
use crate::ui::action::Action;
use crate::ui::editor::EditorAction;
use crate::ui::quiz::QuizCommand;

fn now() -> Timestamp {
    "2026-03-02T09:00:00Z".parse().expect("a valid time")
}

fn app() -> SalgstrenerApp {
    let bank = Bank::load(BankSource::Embedded).expect("the bundled bank loads");
    SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 7).with_clock(Box::new(now))
}

/// A wrong type and a poor offer for the question on screen in `practice`: an answer that
/// sends its scenario back to Leitner box 1, due at once.
fn wrong_answer(bank: &Bank, practice: &Practice) -> (SaleType, usize) {
    let q = practice.question().expect("a question");
    let s = &bank.scenarios()[q.scenario];
    let wrong = SaleType::ALL
        .into_iter()
        .find(|t| *t != s.answer)
        .expect("another type");
    let poor = q
        .answer
        .offer_order
        .iter()
        .position(|&i| s.offers[i].fit != Fit::Best)
        .expect("an offer that is not the best");
    (wrong, poor)
}

/// The practice selection set to `filter`, as the filter panel sets it.
fn set_filter(app: &mut SalgstrenerApp, filter: Filter) {
    app.apply(Action::Practice(PracticeAction::SetFilter(filter)), now());
}

/// Whether the last results export succeeded, and the message that says so.
fn export_outcome(app: &SalgstrenerApp) -> (bool, String) {
    app.screens
        .progress
        .export_message
        .clone()
        .expect("a message")
}

fn on_screen(bank: &Bank, practice: &Practice) -> String {
    let q = practice.question().expect("a question");
    bank.scenarios()[q.scenario].id.clone()
}

#[test]
fn practice_and_guided_answers_are_recorded_the_same_way() {
    let mut app = app();
    let practice_on_screen = app.practice.question().map(|q| q.scenario);
    let guided_on_screen = app.guided.practice().question().map(|q| q.scenario);
    assert_ne!(
        practice_on_screen, guided_on_screen,
        "the tabs draw in their own order"
    );
    assert_eq!(app.practice.due_remaining(), 0);

    // A wrong guided answer: the scenario is due again, and practice (which has it further
    // down its round) now draws it first.
    let (wrong, poor) = wrong_answer(&app.bank, app.guided.practice());
    let guided_id = on_screen(&app.bank, app.guided.practice());
    app.apply(
        Action::Guided(GuidedAction::AnswerKnownCustomer(true)),
        now(),
    );
    app.apply(
        Action::Guided(GuidedAction::AnswerRelation(Relation::More)),
        now(),
    );
    for action in [
        PracticeAction::ChooseType(wrong),
        PracticeAction::ChooseOffer(poor),
        PracticeAction::Check,
    ] {
        app.apply(Action::Guided(GuidedAction::Practice(action)), now());
    }
    assert_eq!(app.guided.practice().tally().answered, 1);
    assert!(
        app.records.leitner().is_due(&guided_id, now()),
        "back in box 1"
    );
    assert_eq!(
        app.practice.due_remaining(),
        1,
        "the due list is recomputed after a guided answer"
    );

    // The same through practice; its own scenario is on screen, not in the rest of the round.
    let (wrong, poor) = wrong_answer(&app.bank, &app.practice);
    let practice_id = on_screen(&app.bank, &app.practice);
    for action in [
        PracticeAction::ChooseType(wrong),
        PracticeAction::ChooseOffer(poor),
        PracticeAction::Check,
    ] {
        app.apply(Action::Practice(action), now());
    }
    assert_eq!(app.practice.tally().answered, 1);
    assert!(app.records.leitner().is_due(&practice_id, now()));
    assert_eq!(app.practice.due_remaining(), 1);
}

#[test]
fn practice_actions_answer_score_scroll_and_keep_the_selection() {
    let mut app = app();
    let (wrong, poor) = wrong_answer(&app.bank, &app.practice);
    app.apply(Action::Practice(PracticeAction::ChooseType(wrong)), now());
    app.apply(Action::Practice(PracticeAction::ChooseOffer(poor)), now());
    assert!(!app.screens.practice.scroll_to_result);
    app.apply(Action::Practice(PracticeAction::Check), now());
    assert_eq!(app.practice.tally().answered, 1);
    assert!(
        app.screens.practice.scroll_to_result,
        "the result comes into view"
    );

    app.apply(Action::Practice(PracticeAction::Next), now());
    assert!(!app.screens.practice.scroll_to_result);
    let filter = Filter {
        languages: vec![Language::En],
        difficulties: vec![2],
        types: Vec::new(),
        tags: Vec::new(),
    };
    set_filter(&mut app, filter.clone());
    assert_eq!(app.settings.filter, filter, "remembered between runs");
    assert_eq!(app.guided.practice().filter(), &filter, "guided follows");
}

#[test]
fn guided_actions_reveal_the_next_step_and_scroll_to_the_result() {
    let mut app = app();
    app.apply(
        Action::Guided(GuidedAction::AnswerKnownCustomer(true)),
        now(),
    );
    assert!(app.screens.guided.reveal_step);
    app.apply(
        Action::Guided(GuidedAction::AnswerRelation(Relation::More)),
        now(),
    );
    assert!(app.screens.guided.reveal_step);
    let (_, poor) = wrong_answer(&app.bank, app.guided.practice());
    app.apply(
        Action::Guided(GuidedAction::Practice(PracticeAction::ChooseOffer(poor))),
        now(),
    );
    assert!(!app.screens.guided.reveal_step);
    app.apply(
        Action::Guided(GuidedAction::Practice(PracticeAction::Check)),
        now(),
    );
    assert!(app.screens.guided.scroll_to_result);
    assert!(app.guided.slip().is_some() || app.guided.practice().tally().perfect == 1);
    assert_eq!(
        app.practice.tally().answered,
        0,
        "practice is a session of its own"
    );
}

#[test]
fn quiz_commands_run_a_quiz_to_its_report_and_record_it() {
    let mut app = app();
    app.apply(
        Action::Quiz(QuizCommand::Open(Quiz::quick(Language::Nb))),
        now(),
    );
    assert!(matches!(app.quiz, QuizStage::Ready { available, .. } if available >= 10));
    app.apply(Action::Quiz(QuizCommand::Start), now());
    let QuizStage::Running { run, .. } = &app.quiz else {
        panic!("the quiz runs");
    };
    assert_eq!(run.questions().len(), 10);
    let first = app.bank.scenarios()[run.questions()[0].scenario].id.clone();

    for action in [
        QuizAction::ChooseType(SaleType::Nysalg),
        QuizAction::ChooseOffer(0),
    ] {
        app.apply(Action::Quiz(QuizCommand::Run(action)), now());
    }
    // Nine unanswered: the trainee is asked first, and can go back.
    app.apply(Action::Quiz(QuizCommand::AskSubmit), now());
    assert!(matches!(
        app.quiz,
        QuizStage::Running {
            confirm_submit: true,
            ..
        }
    ));
    app.apply(Action::Quiz(QuizCommand::CancelSubmit), now());
    assert!(matches!(
        app.quiz,
        QuizStage::Running {
            confirm_submit: false,
            ..
        }
    ));
    app.apply(Action::Quiz(QuizCommand::Run(QuizAction::Submit)), now());
    let QuizStage::Report(done) = &app.quiz else {
        panic!("submitted to the report");
    };
    assert!(!done.time_up);
    assert_eq!(done.attempt.answers.len(), 10);
    assert!(
        app.records.leitner().card(&first).is_some(),
        "the answered question is in the Leitner boxes"
    );

    app.apply(Action::Quiz(QuizCommand::Leave), now());
    assert!(matches!(app.quiz, QuizStage::List));
}

#[test]
fn show_switches_the_screen() {
    let mut app = app();
    assert_eq!(app.screen, Screen::Practice);
    for screen in [
        Screen::Learn,
        Screen::Quiz,
        Screen::Editor,
        Screen::Practice,
    ] {
        app.apply(Action::Show(screen), now());
        assert_eq!(app.screen, screen);
    }
}

#[test]
fn the_language_switch_takes_practice_along_unless_the_trainee_chose_otherwise() {
    let mut app = app();
    app.apply(Action::SetLanguage(Language::En), now());
    assert_eq!(app.settings.language, Language::En);
    assert_eq!(app.practice.filter().languages, [Language::En]);
    assert_eq!(app.guided.practice().filter().languages, [Language::En]);

    let both = Filter {
        languages: Language::ALL.to_vec(),
        ..Filter::default()
    };
    set_filter(&mut app, both);
    app.apply(Action::SetLanguage(Language::Nb), now());
    assert_eq!(app.settings.language, Language::Nb);
    assert_eq!(app.practice.filter().languages, Language::ALL, "kept");
}

#[test]
fn practising_a_pair_selects_those_two_types_and_opens_practice() {
    let mut app = app();
    app.apply(Action::Show(Screen::Progress), now());
    let level_3 = Filter {
        difficulties: vec![3],
        ..app.practice.filter().clone()
    };
    set_filter(&mut app, level_3);
    app.apply(
        Action::PracticePair(SaleType::Tilleggssalg, SaleType::Kryssalg),
        now(),
    );
    assert_eq!(app.screen, Screen::Practice);
    let filter = app.practice.filter();
    assert_eq!(filter.types, [SaleType::Kryssalg, SaleType::Tilleggssalg]);
    assert!(filter.difficulties.is_empty(), "every level");
    assert_eq!(filter.languages, [Language::Nb]);
}

#[test]
fn practising_an_edge_case_selects_its_tag_in_the_chosen_languages_and_a_pair_lifts_it() {
    let mut app = app();
    app.apply(Action::Show(Screen::Learn), now());
    set_filter(
        &mut app,
        Filter {
            languages: Language::ALL.into(),
            difficulties: vec![1],
            types: vec![SaleType::Nysalg],
            tags: Vec::new(),
        },
    );
    let case = EdgeCase::ReplacementPlusGrowth;
    app.apply(Action::PracticeEdgeCase(case), now());
    assert_eq!(app.screen, Screen::Practice);
    let filter = app.practice.filter().clone();
    assert_eq!(filter.tags, [case.tag()]);
    assert!(filter.types.is_empty() && filter.difficulties.is_empty());
    assert_eq!(filter.languages, Language::ALL, "the languages are kept");
    assert_eq!(app.guided.practice().filter(), &filter, "guided follows");
    let tagged = app
        .bank
        .scenarios()
        .iter()
        .filter(|s| case.is_exercised_by(s))
        .count();
    assert_eq!(app.practice.round_size(), tagged);

    app.apply(
        Action::PracticePair(SaleType::Mersalg, SaleType::Gjensalg),
        now(),
    );
    assert!(
        app.practice.filter().tags.is_empty(),
        "exactly the two types"
    );
}

#[test]
fn dismissing_a_notice_removes_that_one() {
    let mut app = app()
        .with_notice("first".into())
        .with_notice("second".into());
    app.apply(Action::DismissNotice(5), now());
    assert_eq!(app.notices, ["first", "second"], "past the end: nothing");
    app.apply(Action::DismissNotice(0), now());
    assert_eq!(app.notices, ["second"]);
}

#[test]
fn exporting_results_writes_the_file_typed_in_and_says_how_it_went() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut app = app();
    let path = dir.path().join("resultater.csv");
    app.screens.progress.export_path = format!("  {}  ", path.display());
    app.apply(Action::ExportResults, now());
    let (ok, message) = export_outcome(&app);
    assert!(ok, "{message}");
    assert!(message.contains(&path.display().to_string()));
    assert!(path.is_file());

    // A folder where the file should be.
    app.screens.progress.export_path = dir.path().display().to_string();
    app.apply(Action::ExportResults, now());
    let (ok, _) = export_outcome(&app);
    assert!(!ok, "the failure is reported, not a panic");
}

#[test]
fn explaining_a_node_selects_it_and_scrolls_to_the_explanation() {
    let mut app = app();
    let node = PathNode::Outcome(SaleType::Gjensalg);
    app.apply(Action::ExplainNode(node), now());
    assert_eq!(app.explained_node(), Some(node));
    assert!(app.screens.learn.scroll_to_explanation);
    // The screen uses the scroll request once.
    let _ = app.screens.learn.screen(Language::Nb, [0; EdgeCase::COUNT]);
    assert!(!app.screens.learn.scroll_to_explanation);
    assert_eq!(app.explained_node(), Some(node));
}

#[test]
fn editor_actions_reach_the_editor_and_its_preview_answers_like_practice() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let bank = Bank::load(BankSource::Folder(folder.clone())).expect("the fixture loads");
    let mut app = SalgstrenerApp::new(bank, Settings::default(), 7).with_clock(Box::new(now));
    app.apply(Action::Show(Screen::Editor), now());
    app.apply(
        Action::Editor(EditorAction::Open(folder.join("klaer-belte.ron"))),
        now(),
    );
    let Some(Draft::Scenario(s)) = app.editor.doc.as_ref().map(|d| d.draft.clone()) else {
        panic!("the scenario is open");
    };
    assert_eq!(app.editor.preview.offer_order.len(), s.offers.len());

    let best = app
        .editor
        .preview
        .offer_order
        .iter()
        .position(|&i| s.offers[i].fit == Fit::Best)
        .expect("a best offer");
    app.apply(
        Action::Editor(EditorAction::Preview(Pick::Type(s.answer))),
        now(),
    );
    app.apply(
        Action::Editor(EditorAction::Preview(Pick::Offer(best))),
        now(),
    );
    app.apply(Action::Editor(EditorAction::PreviewCheck), now());
    let total = app.editor.preview.outcome.as_ref().map(|o| o.score.total());
    assert_eq!(total, Some(4));
    app.apply(Action::Editor(EditorAction::PreviewReset), now());
    assert!(!app.editor.preview.is_checked());
    assert_eq!(app.editor.preview.chosen_type, None);
}

#[test]
fn a_conversation_is_played_through_actions_and_saved_once_when_it_ends() {
    use crate::domain::progress::history::{AttemptKind, HistoryStore};
    use crate::domain::training::talk::TalkAction;
    use crate::ui::conversations::ConversationCommand;

    let dir = tempfile::tempdir().expect("a temporary folder");
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conversations/good");
    let bank = Bank::load(BankSource::Folder(fixtures)).expect("the fixtures load");
    let (store, _) = HistoryStore::open(&dir.path().join("history.ron"), now()).expect("opens");
    let mut app = SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 7)
        .with_clock(Box::new(now))
        .with_records(Records::new(Some(store)));
    let talk = |a| Action::Conversation(ConversationCommand::Talk(a));

    // Unknown ids and replies before a conversation is open change nothing.
    app.apply(
        Action::Conversation(ConversationCommand::Open("nope".into())),
        now(),
    );
    app.apply(talk(TalkAction::Reply(0)), now());
    assert!(app.conversations().talk.is_none());

    let open = ConversationCommand::Open("sport-samtale-lopesko".into());
    app.apply(Action::Conversation(open), now());
    app.apply(talk(TalkAction::Reply(2)), now());
    let history = app.records().history();
    assert_eq!(history.attempts.len(), 1, "saved when the customer left");
    let attempt = &history.attempts[0];
    assert_eq!(attempt.kind, AttemptKind::Conversation);
    assert_eq!(attempt.quiz_id, "sport-samtale-lopesko");
    assert_eq!((attempt.points(), attempt.max_points()), (0, 10));
    // Acting on a finished conversation saves nothing more.
    app.apply(
        talk(TalkAction::Pick(Pick::Type(SaleType::Kryssalg))),
        now(),
    );
    app.apply(talk(TalkAction::Check), now());
    assert_eq!(app.records().history().attempts.len(), 1);

    app.apply(
        Action::Conversation(ConversationCommand::SetFeedbackAtEnd(true)),
        now(),
    );
    assert!(app.settings().conversation_feedback_at_end);
    app.apply(Action::Conversation(ConversationCommand::Close), now());
    assert!(app.conversations().talk.is_none());
}
