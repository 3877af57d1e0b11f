//! Quizzes: validation of quiz files, deterministic selection, the clock, navigation and the
//! attempt that goes into the history.

mod common;

use common::fixtures;

use jiff::{SignedDuration, Timestamp};

use salgstrener::domain::bank::scenario::Fit;
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::domain::progress::history::{AttemptKind, Confidence};
use salgstrener::domain::teaching::taxonomy::SaleType;
use salgstrener::domain::training::quiz::{FeedbackTiming, Quiz, QuizAction, QuizRun, Selection};

fn t0() -> Timestamp {
    "2026-11-27T09:00:00Z".parse().unwrap()
}

#[test]
fn quiz_files_are_validated_against_the_bank() {
    let dir = fixtures("with-quizzes");
    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    let lines: Vec<String> = bank
        .problems()
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p.path = p.path.strip_prefix(&dir).unwrap().to_path_buf();
            p.to_string()
        })
        .collect();
    assert_eq!(
        lines,
        [
            "quizzes/bad-ids.ron:6:5: error: no scenario has the id(s) \"finnes-ikke\": check the spelling or remove them",
            "quizzes/bad-ids.ron:7:5: error: pass_percent 150 is over 100: use a percentage from 0 to 100",
            "quizzes/too-many.ron:5:5: error: the selection matches 1 scenario(s) in en, fewer than the 5 questions asked for: widen `select` or lower `questions`",
            "quizzes/typo.ron:6:5: error: unknown field `feedbak` in `Quiz`: check the spelling; the fields allowed are `id`, `title`, `language`, `questions`, `select`, `seed`, `time_limit_minutes`, `pass_percent`, `feedback`, `partial_credit`, `ask_confidence`",
        ]
    );
    let ids: Vec<&str> = bank.quizzes().iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["ok"]);
    // Defaults for omitted fields.
    let ok = &bank.quizzes()[0];
    assert_eq!(
        (ok.pass_percent, ok.feedback, ok.partial_credit),
        (70, FeedbackTiming::AtEnd, true)
    );
}

#[test]
fn the_bundled_quizzes_load_and_cover_both_languages() {
    let bank = Bank::load(BankSource::Embedded).unwrap();
    assert_eq!(bank.problems(), &[]);
    for lang in Language::ALL {
        let quizzes: Vec<&Quiz> = bank
            .quizzes()
            .iter()
            .filter(|q| q.language == lang)
            .collect();
        assert!(quizzes.len() >= 3, "{lang:?}");
        assert!(
            quizzes.iter().any(|q| q.time_limit_minutes.is_some()),
            "{lang:?} has a timed final test"
        );
    }
}

fn bundled() -> Bank {
    Bank::load(BankSource::Embedded).unwrap()
}

/// A quick quiz in `language` of `questions` questions, drawn with `seed`.
fn seeded(language: Language, questions: usize, seed: u64) -> Quiz {
    Quiz {
        questions,
        seed: Some(seed),
        ..Quiz::quick(language)
    }
}

#[test]
fn a_seeded_quiz_draws_the_same_ids_in_the_same_order() {
    let bank = bundled();
    let quiz = seeded(Language::Nb, 8, 42);
    let ids = |draw: Vec<usize>| {
        draw.iter()
            .map(|&i| bank.scenarios()[i].id.clone())
            .collect::<Vec<_>>()
    };
    let first = ids(quiz.draw(&bank, 1));
    let second = ids(quiz.draw(&bank, 999));
    assert_eq!(
        first, second,
        "the fallback seed is ignored when the quiz has one"
    );
    assert_eq!(first.len(), 8);
    let other = ids(Quiz {
        seed: Some(43),
        ..quiz.clone()
    }
    .draw(&bank, 1));
    assert_ne!(first, other);
    // Unseeded quizzes vary with the fallback seed.
    let unseeded = Quiz { seed: None, ..quiz };
    assert_ne!(ids(unseeded.draw(&bank, 1)), ids(unseeded.draw(&bank, 2)));
}

#[test]
fn every_filter_is_respected() {
    let bank = bundled();
    let quiz = Quiz {
        questions: 100,
        select: Selection {
            types: vec![SaleType::Kryssalg, SaleType::Tilleggssalg],
            difficulty: vec![2, 3],
            tags: Vec::new(),
            ids: Vec::new(),
        },
        ..Quiz::quick(Language::En)
    };
    let drawn = quiz.draw(&bank, 5);
    assert!(!drawn.is_empty());
    assert_eq!(
        drawn.len(),
        quiz.matching(&bank).len(),
        "asking for more than match draws all"
    );
    for &i in &drawn {
        let s = &bank.scenarios()[i];
        assert_eq!(s.language, Language::En);
        assert!(matches!(
            s.answer,
            SaleType::Kryssalg | SaleType::Tilleggssalg
        ));
        assert!(s.difficulty >= 2);
    }
    let ids = vec![bank.scenarios()[drawn[0]].id.clone()];
    let by_id = Quiz {
        select: Selection {
            ids: ids.clone(),
            ..Selection::default()
        },
        ..quiz.clone()
    };
    assert_eq!(
        by_id
            .draw(&bank, 1)
            .iter()
            .map(|&i| bank.scenarios()[i].id.clone())
            .collect::<Vec<_>>(),
        ids
    );
    let tag = bank.scenarios()[drawn[0]].tags[0].clone();
    let by_tag = Quiz {
        select: Selection {
            tags: vec![tag.clone()],
            ..Selection::default()
        },
        ..quiz
    };
    for i in by_tag.draw(&bank, 1) {
        assert!(bank.scenarios()[i].tags.contains(&tag));
    }
}

/// Answers question `n` of `run` perfectly or with the given type and the worst offer.
fn answer(run: &mut QuizRun, bank: &Bank, n: usize, chosen: Option<SaleType>, now: Timestamp) {
    run.apply(bank, QuizAction::GoTo(n), now);
    let q = run.current().unwrap().clone();
    let s = &bank.scenarios()[q.scenario];
    let t = chosen.unwrap_or(s.answer);
    let want = if chosen.is_none() {
        Fit::Best
    } else {
        Fit::Poor
    };
    let shown = q
        .answer
        .offer_order
        .iter()
        .position(|&i| s.offers[i].fit == want)
        .or_else(|| {
            q.answer
                .offer_order
                .iter()
                .position(|&i| s.offers[i].fit != Fit::Best)
        })
        .unwrap();
    run.apply(bank, QuizAction::ChooseType(t), now);
    run.apply(bank, QuizAction::ChooseOffer(shown), now);
}

/// `quiz` drawn from `bank` and started at [`t0`] under `registration`.
fn started(bank: &Bank, quiz: Quiz, registration: &str) -> QuizRun {
    let drawn = quiz.draw(bank, 0);
    QuizRun::start(quiz, bank, &drawn, t0(), 1, registration.into())
}

#[test]
fn the_time_limit_submits_the_quiz_and_unanswered_questions_score_zero() {
    let bank = bundled();
    let quiz = Quiz {
        time_limit_minutes: Some(2),
        ..seeded(Language::Nb, 4, 7)
    };
    let mut run = started(&bank, quiz, "reg-1");
    answer(&mut run, &bank, 0, None, t0());
    assert_eq!(
        run.time_left(t0() + SignedDuration::from_secs(30)),
        Some(SignedDuration::from_secs(90))
    );
    assert!(!run.tick(&bank, t0() + SignedDuration::from_secs(119)));
    assert!(!run.is_submitted());
    // The trainee is mid-answer when the clock runs out: the action is refused, the quiz submitted.
    run.apply(
        &bank,
        QuizAction::Next,
        t0() + SignedDuration::from_secs(125),
    );
    assert!(run.is_submitted());
    assert_eq!(run.current_index(), 0);
    let attempt = run.attempt(&bank).unwrap();
    assert_eq!(
        attempt.duration(),
        SignedDuration::from_mins(2),
        "time used never exceeds the limit"
    );
    assert_eq!(attempt.answers.len(), 4);
    assert_eq!(attempt.points(), 4);
    assert_eq!(attempt.max_points(), 16);
    assert!(
        attempt.answers[1..]
            .iter()
            .all(|a| a.chosen_type.is_none() && a.score().total() == 0)
    );
    assert_eq!(attempt.registration, "reg-1");
    assert_eq!(attempt.kind, AttemptKind::Quiz);
    assert_eq!(attempt.passed(), Some(false));
}

#[test]
fn navigation_flags_and_feedback_after_each() {
    let bank = bundled();
    let quiz = Quiz {
        feedback: FeedbackTiming::AfterEach,
        ask_confidence: true,
        ..seeded(Language::En, 3, 3)
    };
    let mut run = started(&bank, quiz, "r");
    run.apply(&bank, QuizAction::Previous, t0());
    assert_eq!(run.current_index(), 0);
    run.apply(&bank, QuizAction::ToggleFlag, t0());
    run.apply(&bank, QuizAction::Next, t0());
    run.apply(&bank, QuizAction::Next, t0());
    run.apply(&bank, QuizAction::Next, t0());
    assert_eq!(run.current_index(), 2);
    assert!(run.questions()[0].flagged);

    answer(&mut run, &bank, 1, None, t0());
    run.apply(&bank, QuizAction::CheckCurrent, t0());
    assert!(
        run.current().unwrap().answer.outcome.is_none(),
        "confidence is asked before checking"
    );
    run.apply(&bank, QuizAction::ChooseConfidence(Confidence::High), t0());
    run.apply(&bank, QuizAction::CheckCurrent, t0());
    let outcome = run
        .current()
        .unwrap()
        .answer
        .outcome
        .clone()
        .expect("checked");
    assert_eq!(outcome.score.total(), 4);
    // A checked answer is locked.
    run.apply(&bank, QuizAction::ChooseType(SaleType::Nysalg), t0());
    assert_eq!(run.current().unwrap().answer.outcome, Some(outcome));
    assert_eq!(run.answered(), 1);

    run.apply(
        &bank,
        QuizAction::Submit,
        t0() + SignedDuration::from_mins(3),
    );
    let attempt = run.attempt(&bank).unwrap();
    assert_eq!(attempt.answers[1].confidence, Some(Confidence::High));
    assert_eq!(attempt.duration(), SignedDuration::from_mins(3));
    assert_eq!(attempt.points(), 4);
}
