//! Quizzes: the quiz file format, its validation, choosing the questions, and a running attempt
//! with navigation, flags, a time limit and submission.

use std::path::Path;

use jiff::{SignedDuration, Timestamp};
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::bank::problem::Problem;
use crate::bank::scenario::Scenario;
use crate::bank::source_map::{Locus, SourceMap};
use crate::bank::validate::{field_name, is_valid_id, parse_ron, too_long, too_long_message};
use crate::i18n::{Message, texts};
use crate::language::Language;
use crate::progress::history::{AnswerRecord, Attempt, AttemptKind, Confidence};
use crate::teaching::taxonomy::SaleType;
use crate::training::answer::{Answer, Pick};

/// When the trainee sees feedback.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedbackTiming {
    /// Only in the report after submitting.
    #[default]
    AtEnd,
    /// After every question.
    AfterEach,
}

/// Which scenarios a quiz draws from. An empty list means any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Selection {
    /// Right answers to include.
    pub types: Vec<SaleType>,
    /// Scenarios with at least one of these tags.
    pub tags: Vec<String>,
    /// Difficulties to include.
    pub difficulty: Vec<u8>,
    /// Exactly these scenarios (and no others), when given.
    pub ids: Vec<String>,
}

/// A quiz as an instructor writes it in `quizzes/*.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// Unique among quizzes, `[a-z0-9-]+`.
    pub id: String,
    /// Shown on the start screen and in the history.
    pub title: String,
    /// Scenario language.
    pub language: Language,
    /// How many scenarios to draw.
    pub questions: usize,
    /// Which scenarios may be drawn.
    #[serde(default)]
    pub select: Selection,
    /// `Some(n)`: every trainee gets the same questions in the same order.
    #[serde(default)]
    pub seed: Option<u64>,
    /// Optional time limit.
    #[serde(default)]
    pub time_limit_minutes: Option<u32>,
    /// Pass mark in percent.
    #[serde(default = "default_pass_percent")]
    pub pass_percent: u8,
    /// When feedback is shown.
    #[serde(default)]
    pub feedback: FeedbackTiming,
    /// False: only fully right answers earn points.
    #[serde(default = "yes")]
    pub partial_credit: bool,
    /// True: each answer also asks how sure the trainee is.
    #[serde(default)]
    pub ask_confidence: bool,
}

fn default_pass_percent() -> u8 {
    70
}

fn yes() -> bool {
    true
}

/// Id of the built-in quiz offered when a folder has no quiz files.
pub const QUICK_QUIZ_ID: &str = "hurtigquiz";

impl Quiz {
    /// The built-in quick quiz: 10 random scenarios in `language`.
    pub fn quick(language: Language) -> Quiz {
        Quiz {
            id: QUICK_QUIZ_ID.into(),
            title: texts(language).quick_quiz_title.into(),
            language,
            questions: 10,
            select: Selection::default(),
            seed: None,
            time_limit_minutes: None,
            pass_percent: 70,
            feedback: FeedbackTiming::AfterEach,
            partial_credit: true,
            ask_confidence: false,
        }
    }

    /// True when `s` may be drawn for this quiz.
    pub fn matches(&self, s: &Scenario) -> bool {
        let sel = &self.select;
        s.language == self.language
            && (sel.types.is_empty() || sel.types.contains(&s.answer))
            && (sel.difficulty.is_empty() || sel.difficulty.contains(&s.difficulty))
            && (sel.tags.is_empty() || s.tags.iter().any(|t| sel.tags.contains(t)))
            && (sel.ids.is_empty() || sel.ids.contains(&s.id))
    }

    /// Bank indices of every scenario the selection matches, in id order.
    pub fn matching(&self, bank: &Bank) -> Vec<usize> {
        let mut found: Vec<usize> = bank
            .scenarios()
            .iter()
            .enumerate()
            .filter(|(_, s)| self.matches(s))
            .map(|(i, _)| i)
            .collect();
        // Id order, not file order: a seeded quiz must not change when files move.
        found.sort_by(|a, b| bank.scenarios()[*a].id.cmp(&bank.scenarios()[*b].id));
        found
    }

    /// Draws the questions: with a seed the same ids in the same order every time, else at
    /// random using `fallback_seed`. Fewer than `questions` when the bank has fewer matches.
    pub fn draw(&self, bank: &Bank, fallback_seed: u64) -> Vec<usize> {
        let mut pool = self.matching(bank);
        let mut rng = StdRng::seed_from_u64(self.seed.unwrap_or(fallback_seed));
        pool.shuffle(&mut rng);
        pool.truncate(self.questions);
        pool
    }
}

/// Longest time limit a quiz may have: a day. Longer is a typing mistake, and would
/// overflow the clock arithmetic at the far end.
pub const MAX_TIME_LIMIT_MINUTES: u32 = 24 * 60;

/// Where instructors read about the quiz format.
pub const QUIZ_DOC: &str = "docs/quiz-format.md";

/// Parses a quiz file.
pub fn parse_quiz(path: &Path, text: &str) -> Result<Quiz, Problem> {
    parse_ron(path, text, QUIZ_DOC)
}

/// Checks a quiz against the bank it will draw from.
pub fn validate_quiz(path: &Path, text: &str, quiz: &Quiz, bank: &Bank) -> Vec<Problem> {
    let map = SourceMap::new(text);
    let mut problems = Vec::new();
    let mut error = |field: &str, message: Message| {
        problems.push(
            Problem::error(path, map.position(&Locus::Field(field)), message).with_field(field),
        );
    };
    for (field, text) in [("id", &quiz.id), ("title", &quiz.title)] {
        if let Some(chars) = too_long(text) {
            error(
                field,
                too_long_message(field_name(field), chars, Message::ShortenQuiz {}),
            );
        }
    }
    if !is_valid_id(&quiz.id) && too_long(&quiz.id).is_none() {
        error(
            "id",
            Message::QuizIdInvalid {
                id: quiz.id.clone(),
            },
        );
    }
    if quiz.title.trim().is_empty() {
        error("title", Message::QuizTitleEmpty {});
    }
    if quiz.questions == 0 {
        error("questions", Message::QuizNoQuestions {});
    }
    if quiz.pass_percent > 100 {
        error(
            "pass_percent",
            Message::PassPercentOver {
                percent: quiz.pass_percent,
            },
        );
    }
    if quiz.time_limit_minutes == Some(0) {
        error("time_limit_minutes", Message::TimeLimitZero {});
    }
    if let Some(n) = quiz
        .time_limit_minutes
        .filter(|n| *n > MAX_TIME_LIMIT_MINUTES)
    {
        error(
            "time_limit_minutes",
            Message::TimeLimitTooLong {
                minutes: n,
                max: MAX_TIME_LIMIT_MINUTES,
            },
        );
    }
    if let Some(d) = quiz
        .select
        .difficulty
        .iter()
        .find(|d| !(1..=3).contains(*d))
    {
        error("select", Message::QuizDifficultyUnknown { difficulty: *d });
    }
    let missing: Vec<&str> = quiz
        .select
        .ids
        .iter()
        .filter(|id| bank.index_of(id).is_none())
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        error(
            "select",
            Message::QuizIdsMissing {
                ids: missing
                    .iter()
                    .map(|id| format!("{id:?}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        );
    }
    let matches = quiz.matching(bank).len();
    if quiz.questions > 0 && matches < quiz.questions {
        error(
            "questions",
            Message::QuizTooFewMatches {
                matches,
                language: quiz.language,
                questions: quiz.questions,
            },
        );
    }
    problems
}

/// One question of a running quiz.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizQuestion {
    /// Index into the bank.
    pub scenario: usize,
    /// The answer; its outcome is set after each answer with `AfterEach`, else at submission.
    pub answer: Answer,
    /// Stated confidence, when asked.
    pub confidence: Option<Confidence>,
    /// Marked to come back to.
    pub flagged: bool,
}

impl QuizQuestion {
    /// True when a type and an offer are chosen (and confidence, when asked): what checking
    /// a question on its own (`AfterEach`) needs.
    pub fn is_answered(&self, ask_confidence: bool) -> bool {
        self.has_choice() && (!ask_confidence || self.confidence.is_some())
    }

    /// True when a type and an offer are chosen: the question is scored at submission,
    /// whether or not a confidence was given.
    pub fn has_choice(&self) -> bool {
        self.answer.is_complete()
    }

    /// True when the question is scored but the confidence that was asked is missing.
    pub fn lacks_confidence(&self, ask_confidence: bool) -> bool {
        ask_confidence && self.has_choice() && self.confidence.is_none()
    }
}

/// What the trainee can do during a quiz.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuizAction {
    /// Pick a sale type for the current question.
    ChooseType(SaleType),
    /// Pick the offer shown at this position.
    ChooseOffer(usize),
    /// State a confidence level.
    ChooseConfidence(Confidence),
    /// Lock in the current answer and see feedback (`AfterEach` quizzes).
    CheckCurrent,
    /// Toggle the flag on the current question.
    ToggleFlag,
    /// Go to question `n` (0-based).
    GoTo(usize),
    /// Next question.
    Next,
    /// Previous question.
    Previous,
    /// Submit the quiz.
    Submit,
}

/// A quiz being taken. Time comes from the caller, so tests control the clock.
#[derive(Clone, Debug)]
pub struct QuizRun {
    quiz: Quiz,
    registration: String,
    questions: Vec<QuizQuestion>,
    current: usize,
    started: Timestamp,
    finished: Option<Timestamp>,
}

impl QuizRun {
    /// Starts `quiz` at `now` with the drawn `scenarios`; `seed` shuffles the offers.
    pub fn start(
        quiz: Quiz,
        bank: &Bank,
        scenarios: &[usize],
        now: Timestamp,
        seed: u64,
        registration: String,
    ) -> QuizRun {
        let mut rng = StdRng::seed_from_u64(seed);
        let questions = scenarios
            .iter()
            .filter_map(|&i| {
                let s = bank.get(i)?;
                Some(QuizQuestion {
                    scenario: i,
                    answer: Answer::shuffled(s.offers.len(), &mut rng),
                    confidence: None,
                    flagged: false,
                })
            })
            .collect();
        QuizRun {
            quiz,
            registration,
            questions,
            current: 0,
            started: now,
            finished: None,
        }
    }

    /// The quiz definition.
    pub fn quiz(&self) -> &Quiz {
        &self.quiz
    }

    /// All questions.
    pub fn questions(&self) -> &[QuizQuestion] {
        &self.questions
    }

    /// Index of the question on screen.
    pub fn current_index(&self) -> usize {
        self.current
    }

    /// The question on screen.
    pub fn current(&self) -> Option<&QuizQuestion> {
        self.questions.get(self.current)
    }

    /// Moves a running quiz onto a reloaded bank by scenario id. Questions whose scenario is
    /// gone are dropped; those whose offers changed lose their chosen offer.
    pub fn rebase(&mut self, old: &Bank, new: &Bank) {
        let current_id = self
            .current()
            .and_then(|q| old.get(q.scenario))
            .map(|s| s.id.clone());
        self.questions.retain_mut(|q| {
            let Some(index) = old.get(q.scenario).and_then(|s| new.index_of(&s.id)) else {
                return false;
            };
            let offers = new.get(index).map_or(0, |s| s.offers.len());
            q.answer.fit_offers(offers);
            q.scenario = index;
            true
        });
        self.current = current_id
            .and_then(|id| {
                self.questions
                    .iter()
                    .position(|q| new.get(q.scenario).is_some_and(|s| s.id == id))
            })
            .unwrap_or(0)
            .min(self.questions.len().saturating_sub(1));
    }

    /// When the quiz was started.
    pub fn started(&self) -> Timestamp {
        self.started
    }

    /// True once submitted (by the trainee or the clock).
    pub fn is_submitted(&self) -> bool {
        self.finished.is_some()
    }

    /// How many questions are answered: a type and an offer chosen, so they are scored at
    /// submission (with or without a confidence).
    pub fn answered(&self) -> usize {
        self.questions.iter().filter(|q| q.has_choice()).count()
    }

    /// How many answered questions lack the confidence the quiz asks for; they are scored,
    /// and left out of the confidence figures.
    pub fn without_confidence(&self) -> usize {
        let ask = self.quiz.ask_confidence;
        self.questions
            .iter()
            .filter(|q| q.lacks_confidence(ask))
            .count()
    }

    /// Time left at `now`, for a quiz with a time limit.
    pub fn time_left(&self, now: Timestamp) -> Option<SignedDuration> {
        Some(
            self.deadline()?
                .duration_since(now)
                .max(SignedDuration::ZERO),
        )
    }

    /// When the time is up, for a quiz with a time limit. Validation bounds the limit, but a
    /// run never trusts it: past the last representable time, the end is that time.
    fn deadline(&self) -> Option<Timestamp> {
        let limit = SignedDuration::from_mins(i64::from(self.quiz.time_limit_minutes?));
        Some(self.started.checked_add(limit).unwrap_or(Timestamp::MAX))
    }

    /// Submits when the time is up. Returns true when this call submitted the quiz.
    pub fn tick(&mut self, bank: &Bank, now: Timestamp) -> bool {
        if !self.is_submitted() && self.time_left(now).is_some_and(|left| left.is_zero()) {
            self.submit(bank, now);
            return true;
        }
        false
    }

    /// Applies one action at `now`.
    pub fn apply(&mut self, bank: &Bank, action: QuizAction, now: Timestamp) {
        if self.tick(bank, now) || self.is_submitted() {
            return;
        }
        let ask = self.quiz.ask_confidence;
        let after_each = self.quiz.feedback == FeedbackTiming::AfterEach;
        let len = self.questions.len();
        let Some(q) = self.questions.get_mut(self.current) else {
            if action == QuizAction::Submit {
                self.submit(bank, now);
            }
            return;
        };
        // Outcomes exist before submission only in `AfterEach` quizzes, where they lock.
        let locked = q.answer.is_checked();
        match action {
            QuizAction::ChooseType(t) => q.answer.pick(Pick::Type(t)),
            QuizAction::ChooseOffer(shown) => q.answer.pick(Pick::Offer(shown)),
            QuizAction::ChooseConfidence(c) if !locked => q.confidence = Some(c),
            QuizAction::CheckCurrent if after_each && q.is_answered(ask) => {
                if let Some(s) = bank.get(q.scenario) {
                    q.answer.check(s.into());
                }
            }
            QuizAction::ToggleFlag => q.flagged = !q.flagged,
            QuizAction::GoTo(n) if n < len => self.current = n,
            QuizAction::Next if self.current + 1 < len => self.current += 1,
            QuizAction::Previous if self.current > 0 => self.current -= 1,
            QuizAction::Submit => self.submit(bank, now),
            _ => {}
        }
    }

    fn submit(&mut self, bank: &Bank, now: Timestamp) {
        // The clock may be checked a little late; never record more time than allowed.
        let end = self.deadline().map_or(now, |deadline| now.min(deadline));
        for q in &mut self.questions {
            if let Some(s) = bank.get(q.scenario) {
                q.answer.check(s.into());
            }
        }
        self.finished = Some(end);
    }

    /// The finished attempt for the history, once submitted.
    pub fn attempt(&self, bank: &Bank) -> Option<Attempt> {
        let finished = self.finished?;
        let answers = self
            .questions
            .iter()
            .map(|q| {
                let scenario = bank.get(q.scenario);
                let outcome = q.answer.outcome.as_ref();
                AnswerRecord {
                    scenario_id: scenario.map(|s| s.id.clone()).unwrap_or_default(),
                    right_type: scenario.map_or(SaleType::Nysalg, |s| s.answer),
                    chosen_type: outcome.map(|o| o.choice.sale_type),
                    chosen_offer: outcome
                        .and_then(|o| scenario?.offers.get(o.choice.offer))
                        .map(|o| o.text.clone()),
                    offer_fit: outcome.map(|o| o.offer_fit),
                    confidence: q.confidence,
                    type_points: outcome.map_or(0, |o| o.score.type_points),
                    offer_points: outcome.map_or(0, |o| o.score.offer_points),
                    answered_at: Some(finished),
                }
            })
            .collect();
        Some(Attempt {
            registration: self.registration.clone(),
            kind: AttemptKind::Quiz,
            quiz_id: self.quiz.id.clone(),
            quiz_title: self.quiz.title.clone(),
            started: self.started,
            finished,
            pass_percent: Some(self.quiz.pass_percent),
            partial_credit: self.quiz.partial_credit,
            answers,
            conversation: None,
        })
    }
}

impl From<Pick> for QuizAction {
    fn from(pick: Pick) -> Self {
        match pick {
            Pick::Type(t) => QuizAction::ChooseType(t),
            Pick::Offer(shown) => QuizAction::ChooseOffer(shown),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::BankSource;

    #[test]
    fn a_huge_time_limit_is_refused_and_a_run_with_one_does_not_overflow() {
        let bank = Bank::load(BankSource::Embedded).unwrap();
        let mut quiz = Quiz::quick(Language::Nb);
        quiz.time_limit_minutes = Some(u32::MAX);
        let text = "Quiz(time_limit_minutes: Some(4294967295))";
        let problems = validate_quiz(Path::new("q.ron"), text, &quiz, &bank);
        let limit: Vec<&Problem> = problems
            .iter()
            .filter(|p| p.field.as_deref() == Some("time_limit_minutes"))
            .collect();
        assert_eq!(limit.len(), 1, "{problems:?}");
        assert!(
            limit[0].message.to_string().contains("more than a day"),
            "{limit:?}"
        );
        quiz.time_limit_minutes = Some(MAX_TIME_LIMIT_MINUTES);
        assert!(
            validate_quiz(Path::new("q.ron"), text, &quiz, &bank)
                .iter()
                .all(|p| p.field.as_deref() != Some("time_limit_minutes"))
        );

        // A run never trusts the limit: even at the far end of time it neither panics nor
        // records more time than allowed.
        quiz.time_limit_minutes = Some(u32::MAX);
        let late: Timestamp = "9999-12-30T00:00:00Z".parse().unwrap();
        let drawn = quiz.draw(&bank, 1);
        let mut run = QuizRun::start(quiz, &bank, &drawn, late, 1, "r".into());
        assert!(run.time_left(late).is_some_and(|left| left.is_positive()));
        assert!(!run.tick(&bank, late));
        run.apply(&bank, QuizAction::Submit, late);
        assert_eq!(run.attempt(&bank).unwrap().finished, late);
    }

    #[test]
    fn an_answer_without_confidence_counts_as_answered_and_is_counted_apart() {
        let bank = Bank::load(BankSource::Embedded).unwrap();
        let mut quiz = Quiz::quick(Language::Nb);
        quiz.ask_confidence = true;
        quiz.feedback = FeedbackTiming::AtEnd;
        let now: Timestamp = "2026-11-27T09:00:00Z".parse().unwrap();
        let drawn = quiz.draw(&bank, 1);
        let mut run = QuizRun::start(quiz, &bank, &drawn, now, 1, "r".into());
        run.apply(&bank, QuizAction::ChooseType(SaleType::Mersalg), now);
        run.apply(&bank, QuizAction::ChooseOffer(0), now);
        assert_eq!((run.answered(), run.without_confidence()), (1, 1));
        run.apply(&bank, QuizAction::Next, now);
        run.apply(&bank, QuizAction::ChooseType(SaleType::Nysalg), now);
        run.apply(&bank, QuizAction::ChooseOffer(0), now);
        run.apply(&bank, QuizAction::ChooseConfidence(Confidence::Low), now);
        assert_eq!((run.answered(), run.without_confidence()), (2, 1));
        run.apply(&bank, QuizAction::Submit, now);
        let attempt = run.attempt(&bank).unwrap();
        assert!(attempt.answers[0].chosen_type.is_some(), "scored at submit");
        assert_eq!(attempt.answers[0].confidence, None);
    }
}
