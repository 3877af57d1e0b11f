//! A generated class, for the benchmark, the tests and trying the report out: trainees
//! of different skill answer quizzes, practise and hold sales conversations (in which a poor
//! reply sometimes makes the customer leave), and each trainee's history is exported
//! with the app's own xAPI export, so the files are exactly what trainees would send.

use jiff::{SignedDuration, Timestamp};

use crate::bank::conversation::Quality;
use crate::bank::scenario::Fit;
use crate::interop::xapi::{self, Actor, XapiOptions};
use crate::progress::history::{
    AnswerRecord, Attempt, AttemptKind, ConversationRecord, History, ReplyRecord,
};
use crate::progress::records::PRACTICE_ID;
use crate::teaching::taxonomy::SaleType;
use crate::training::scoring::{offer_points, type_points};

/// How big a class to make.
#[derive(Clone, Copy, Debug)]
pub struct ClassShape {
    /// Trainees (one file each).
    pub trainees: usize,
    /// Quiz attempts per trainee.
    pub quiz_attempts: usize,
    /// Questions per quiz.
    pub questions: usize,
    /// Practice sessions per trainee.
    pub practice_sessions: usize,
    /// Answers per practice session.
    pub practice_answers: usize,
    /// Sales conversations per trainee (three steps each, then the decision).
    pub conversations: usize,
}

impl ClassShape {
    /// About 300 statements per trainee: 18 quiz attempts of 12 questions (12 answered,
    /// completed, passed or failed: at most 14 each), 4 practice sessions of 10 answers and
    /// 2 conversations (up to 3 replies, the decision and completed).
    pub const REALISTIC: ClassShape = ClassShape {
        trainees: 1_000,
        quiz_attempts: 18,
        questions: 12,
        practice_sessions: 4,
        practice_answers: 10,
        conversations: 2,
    };
}

/// A small deterministic generator (SplitMix64), so a seed gives the same class everywhere.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The scenarios the generated quizzes use: id, right type and difficulty (0-1). The last
/// one has a wrong key on purpose: strong trainees "miss" it, so it shows negative
/// discrimination.
fn scenario(i: usize) -> (String, SaleType, f64) {
    let t = SaleType::ALL[i % 5];
    (format!("scenario-{i:03}"), t, (i % 7) as f64 / 7.0)
}

/// One trainee's history.
pub fn history(trainee: usize, shape: ClassShape, seed: u64) -> History {
    let mut dice = Dice(seed ^ (trainee as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let skill = 0.25 + 0.7 * dice.unit();
    let start: Timestamp = Timestamp::from_second(1_795_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
    let mut attempts = Vec::new();
    let mut clock = start + SignedDuration::from_hours(trainee as i64 % 48);
    let answer =
        |dice: &mut Dice, id: String, right: SaleType, difficulty: f64, wrong_key: bool| {
            let p = (skill * (1.2 - difficulty)).clamp(0.05, 0.98);
            let knows = dice.unit() < p;
            let (chosen, fit) = if wrong_key {
                // The key is wrong: those who know the taxonomy "miss" it, with 0 points.
                if knows {
                    (SaleType::Nysalg, Fit::Poor)
                } else {
                    (right, Fit::Best)
                }
            } else {
                let chosen = if knows {
                    right
                } else {
                    SaleType::ALL[(right.index() + 1 + dice.below(4)) % 5]
                };
                let fit = if dice.unit() < p {
                    Fit::Best
                } else if dice.unit() < 0.5 {
                    Fit::Acceptable
                } else {
                    Fit::Poor
                };
                (chosen, fit)
            };
            AnswerRecord {
                scenario_id: id,
                right_type: right,
                chosen_type: Some(chosen),
                chosen_offer: Some("Et tilbud".into()),
                offer_fit: Some(fit),
                confidence: None,
                type_points: type_points(right, chosen),
                offer_points: offer_points(fit),
                answered_at: None,
            }
        };
    for n in 0..shape.quiz_attempts {
        let quiz = n % 3;
        let started = clock;
        let mut answers = Vec::new();
        for q in 0..shape.questions {
            let (id, right, difficulty) = scenario(quiz * shape.questions + q);
            let wrong_key = quiz == 0 && q == shape.questions - 1;
            let mut a = answer(&mut dice, id, right, difficulty, wrong_key);
            clock += SignedDuration::from_secs(40);
            a.answered_at = Some(clock);
            // Now and then a question is left unanswered.
            if dice.unit() < 0.02 {
                a = AnswerRecord {
                    scenario_id: a.scenario_id,
                    right_type: right,
                    ..AnswerRecord::default()
                };
            }
            answers.push(a);
        }
        attempts.push(Attempt {
            registration: uuid::Uuid::from_u64_pair(seed ^ trainee as u64, n as u64).to_string(),
            kind: AttemptKind::Quiz,
            quiz_id: format!("modul-{}", quiz + 1),
            quiz_title: format!("Modul {}", quiz + 1),
            started,
            finished: clock,
            pass_percent: Some(60),
            partial_credit: true,
            answers,
            conversation: None,
        });
        clock += SignedDuration::from_hours(20);
    }
    for n in 0..shape.practice_sessions {
        let started = clock;
        let answers = (0..shape.practice_answers)
            .map(|_| {
                let (id, right, difficulty) = scenario(dice.below(3 * shape.questions));
                let mut a = answer(&mut dice, id, right, difficulty, false);
                clock += SignedDuration::from_secs(30);
                a.answered_at = Some(clock);
                a
            })
            .collect();
        attempts.push(Attempt {
            registration: uuid::Uuid::from_u64_pair(seed ^ trainee as u64, 1_000_000 + n as u64)
                .to_string(),
            kind: AttemptKind::Practice,
            quiz_id: PRACTICE_ID.into(),
            quiz_title: "Øving".into(),
            started,
            finished: clock,
            pass_percent: None,
            partial_credit: true,
            answers,
            conversation: None,
        });
        clock += SignedDuration::from_hours(5);
    }
    for n in 0..shape.conversations {
        let k = n % 2;
        let id = format!("samtale-{}", k + 1);
        let right = [SaleType::Kryssalg, SaleType::Mersalg][k];
        let started = clock;
        let mut replies = Vec::new();
        let mut left = None;
        for step in ["hilsen", "behov", "avslutning"] {
            let roll = dice.unit();
            let quality = if roll < skill {
                Quality::Good
            } else if roll < (skill + 1.0) / 2.0 {
                Quality::Acceptable
            } else {
                Quality::Poor
            };
            replies.push(ReplyRecord {
                step_id: step.into(),
                text: format!("Svar ved {step}"),
                quality,
            });
            clock += SignedDuration::from_secs(20);
            // A poor reply before the last step makes the customer leave half the time.
            if quality == Quality::Poor && step != "avslutning" && dice.unit() < 0.5 {
                left = Some("Nei takk, ha det.".to_owned());
                break;
            }
        }
        let answers = if left.is_none() {
            let mut a = answer(&mut dice, id.clone(), right, 0.3, false);
            a.answered_at = Some(clock);
            vec![a]
        } else {
            Vec::new()
        };
        attempts.push(Attempt {
            registration: uuid::Uuid::from_u64_pair(seed ^ trainee as u64, 2_000_000 + n as u64)
                .to_string(),
            kind: AttemptKind::Conversation,
            quiz_id: id,
            quiz_title: format!("Samtale {}", k + 1),
            started,
            finished: clock,
            pass_percent: None,
            partial_credit: true,
            answers,
            conversation: Some(ConversationRecord {
                replies,
                best_points: 6,
                left,
                uncovered: Vec::new(),
                missed: Vec::new(),
            }),
        });
        clock += SignedDuration::from_hours(3);
    }
    History {
        version: 1,
        attempts,
    }
}

/// One trainee's export as the app writes it: a pretty-printed JSON array of statements.
pub fn trainee_export(trainee: usize, shape: ClassShape, seed: u64) -> String {
    let name = format!("Deltaker {trainee:04}");
    let email = format!("deltaker{trainee:04}@klasse.example");
    let actor = Actor::new(Some(&name), Some(&email)).unwrap_or_default();
    let options = XapiOptions {
        actor,
        ..XapiOptions::default()
    };
    let made = xapi::statements(&history(trainee, shape, seed), &options);
    xapi::statements_json(&made).unwrap_or_else(|_| "[]".into())
}

/// Writes a class into `dir` as `trainee-NNNN.json`, one file per trainee.
pub fn write_class(dir: &std::path::Path, shape: ClassShape, seed: u64) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for trainee in 0..shape.trainees {
        std::fs::write(
            dir.join(format!("trainee-{trainee:04}.json")),
            trainee_export(trainee, shape, seed),
        )?;
    }
    Ok(())
}
