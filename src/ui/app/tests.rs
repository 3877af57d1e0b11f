//! `apply` without a window: every action family, driven directly against the app's state.

use jiff::Timestamp;

use super::*;
use crate::domain::bank::BankSource;
use crate::domain::scenario::Fit;
use crate::domain::taxonomy::SaleType;

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
        Action::Guided(GuidedAction::AnswerRelation(
            crate::domain::decision_path::Relation::More,
        )),
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
