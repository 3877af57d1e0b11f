//! The figures: item statistics per quiz and scenario, quiz summaries, each trainee's line
//! and the class's accuracy and confusions. Definitions and formulas: docs/class-report.md.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use super::assemble::{ClassAnswer, ClassAttempt, ClassData};
use super::conversation::{self, ConversationStats};
use super::math;
use super::read::InputProblem;
use super::{AttemptChoice, BankInfo};
use crate::progress::stats::{Confusion, ConfusionMatrix, Ratio};
use crate::teaching::taxonomy::SaleType;

/// Why a scenario deserves a look, most serious first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    /// Discrimination below 0: trainees who do well elsewhere do worse here; likely a wrong
    /// key or an ambiguous scenario.
    NegativeDiscrimination,
    /// Facility below 0.20.
    TooHard,
    /// Facility above 0.95.
    TooEasy,
    /// Discrimination below 0.20.
    Weak,
}

impl Flag {
    /// The name in the CSV: `negative-discrimination`, `too-hard`, `too-easy`, `weak`.
    pub fn key(self) -> &'static str {
        match self {
            Flag::NegativeDiscrimination => "negative-discrimination",
            Flag::TooHard => "too-hard",
            Flag::TooEasy => "too-easy",
            Flag::Weak => "weak",
        }
    }

    /// The flag for a facility and a discrimination, by the documented thresholds.
    pub fn of(facility: Option<f64>, discrimination: Option<f64>) -> Option<Flag> {
        match (facility, discrimination) {
            (_, Some(d)) if d < 0.0 => Some(Flag::NegativeDiscrimination),
            (Some(f), _) if f < 0.20 => Some(Flag::TooHard),
            (Some(f), _) if f > 0.95 => Some(Flag::TooEasy),
            (_, Some(d)) if d < 0.20 => Some(Flag::Weak),
            _ => None,
        }
    }
}

/// Item statistics of one scenario in one quiz (or in practice).
#[derive(Clone, Debug, PartialEq)]
pub struct ItemStats {
    /// The quiz; `None` for practice.
    pub quiz_id: Option<String>,
    /// The scenario.
    pub scenario_id: String,
    /// The scenario's title in the open bank, when it is there.
    pub title: Option<String>,
    /// The file it lives in, when it is in the open bank.
    pub path: Option<PathBuf>,
    /// The right type, as the statements say.
    pub right_type: Option<SaleType>,
    /// Attempts that contain it.
    pub attempts: u32,
    /// mean(x) / 4.
    pub facility: Option<f64>,
    /// Sample standard deviation of x / 4 (quizzes only).
    pub sd: Option<f64>,
    /// Pearson correlation of x with the rest of the attempt (quizzes only).
    pub discrimination: Option<f64>,
    /// The wrong type chosen most often.
    pub most_chosen_wrong: Option<SaleType>,
    /// Why it deserves a look.
    pub flag: Option<Flag>,
}

impl ItemStats {
    /// The title when the bank has it, else the id.
    pub fn name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.scenario_id)
    }
}

/// One quiz over the included attempts.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizStats {
    /// The quiz's id.
    pub quiz_id: String,
    /// Its title: from the bank, else from the statements, else the id.
    pub title: String,
    /// Included attempts.
    pub attempts: u32,
    /// Each included attempt's score in percent.
    pub scores: Vec<f64>,
    /// Mean score in percent.
    pub mean: Option<f64>,
    /// Median score in percent.
    pub median: Option<f64>,
    /// Share of attempts with a verdict that passed, 0-1.
    pub pass_rate: Option<f64>,
    /// Cronbach's alpha, when every attempt had the same questions.
    pub alpha: Option<f64>,
    /// Per scenario, in the order first met.
    pub items: Vec<ItemStats>,
}

/// One trainee's line.
#[derive(Clone, Debug, PartialEq)]
pub struct TraineeStats {
    /// The name to show.
    pub name: String,
    /// What identifies them.
    pub key: String,
    /// Quiz attempts included.
    pub quiz_attempts: u32,
    /// Mean score of those, in percent.
    pub mean: Option<f64>,
    /// Practice sessions.
    pub practice_sessions: u32,
    /// Practice answers.
    pub practice_answers: u32,
    /// The most frequent confusion (included quizzes, practice and conversation decisions).
    pub confusion: Option<Confusion>,
    /// Conversation attempts included.
    pub conversations: u32,
    /// Mean of their reply points / the best path's points, 0-1.
    pub conversation_share: Option<f64>,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassReport {
    /// First attempts or all.
    pub choice: AttemptChoice,
    /// Files read.
    pub files: usize,
    /// Statements and rows seen.
    pub records: usize,
    /// Read more than once, counted once.
    pub duplicates: usize,
    /// Statements from the app that the report does not use.
    pub ignored: usize,
    /// Quiz and conversation attempts left out: not completed, or not the first.
    pub left_out: usize,
    /// What could not be used.
    pub problems: Vec<InputProblem>,
    /// Each trainee, by name.
    pub trainees: Vec<TraineeStats>,
    /// Each quiz, by id.
    pub quizzes: Vec<QuizStats>,
    /// Each sales conversation, by id, with its decision as an item.
    pub conversations: Vec<ConversationStats>,
    /// Practice answers per scenario (attempts and facility only).
    pub practice: Vec<ItemStats>,
    /// The class's sale-type accuracy.
    pub by_type: [Ratio; 5],
    /// The class's confusion matrix.
    pub matrix: ConfusionMatrix,
}

impl ClassReport {
    /// True when nothing usable was read.
    pub fn is_empty(&self) -> bool {
        self.trainees.is_empty()
    }

    /// Every item of a quiz, then every conversation's decision.
    pub fn items(&self) -> impl Iterator<Item = &ItemStats> {
        self.quizzes
            .iter()
            .flat_map(|q| &q.items)
            .chain(self.conversations.iter().flat_map(|c| &c.items))
    }

    /// Every flagged scenario (and conversation decision), most serious first, then by
    /// facility.
    pub fn flagged(&self) -> Vec<&ItemStats> {
        let mut list: Vec<&ItemStats> = self.items().filter(|i| i.flag.is_some()).collect();
        list.sort_by(|a, b| {
            a.flag.cmp(&b.flag).then(
                a.facility
                    .unwrap_or(0.0)
                    .total_cmp(&b.facility.unwrap_or(0.0)),
            )
        });
        list
    }

    /// The three most frequent confusions in the class.
    pub fn top_confusions(&self) -> Vec<Confusion> {
        self.matrix.confusions().into_iter().take(3).collect()
    }

    /// Answers counted in the accuracy and the matrix.
    pub fn answers(&self) -> u32 {
        self.by_type.iter().map(|r| r.total).sum()
    }
}

/// Computes the report from deduplicated data.
pub fn compute(data: &ClassData, choice: AttemptChoice, bank: &BankInfo) -> ClassReport {
    let quiz = |a: &&ClassAttempt| !a.practice && !a.conversation;
    let (included, left_out) = included_attempts(data, choice, quiz);
    let (talks, talks_left_out) = included_attempts(data, choice, |a| a.conversation);
    let practice: Vec<&ClassAttempt> = data.attempts.iter().filter(|a| a.practice).collect();

    let mut counted: Vec<&ClassAnswer> = Vec::new();
    let mut per_trainee: Vec<Vec<&ClassAnswer>> = vec![Vec::new(); data.trainees.len()];
    // A conversation's decision is a sale-type answer like any other.
    for attempt in included.iter().chain(&practice).chain(&talks) {
        for answer in attempt.answers.iter().filter(|a| a.chosen.is_some()) {
            counted.push(answer);
            per_trainee[attempt.trainee].push(answer);
        }
    }
    let (by_type, matrix) = accuracy_and_matrix(&counted);

    let mut by_quiz: BTreeMap<&str, Vec<&ClassAttempt>> = BTreeMap::new();
    for attempt in &included {
        by_quiz.entry(&attempt.quiz_id).or_default().push(attempt);
    }
    let quizzes = by_quiz
        .into_iter()
        .map(|(quiz_id, attempts)| quiz_stats(quiz_id, &attempts, bank))
        .collect();

    let mut trainees: Vec<TraineeStats> = data
        .trainees
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mine: Vec<&&ClassAttempt> = included.iter().filter(|a| a.trainee == i).collect();
            let scores: Vec<f64> = mine.iter().map(|a| percent(a.score())).collect();
            let (_, matrix) = accuracy_and_matrix(&per_trainee[i]);
            let sessions: Vec<&&ClassAttempt> =
                practice.iter().filter(|a| a.trainee == i).collect();
            let talked: Vec<&&ClassAttempt> = talks.iter().filter(|a| a.trainee == i).collect();
            let shares: Vec<f64> = talked.iter().filter_map(|a| a.reply_share()).collect();
            TraineeStats {
                name: t.name.clone(),
                key: t.key.clone(),
                quiz_attempts: mine.len() as u32,
                mean: math::mean(&scores),
                practice_sessions: sessions.len() as u32,
                practice_answers: sessions
                    .iter()
                    .map(|s| s.answers.iter().filter(|a| a.chosen.is_some()).count() as u32)
                    .sum(),
                confusion: matrix.most_frequent(),
                conversations: talked.len() as u32,
                conversation_share: math::mean(&shares),
            }
        })
        .collect();
    trainees.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.key.cmp(&b.key))
    });

    ClassReport {
        choice,
        files: data.tally.files,
        records: data.tally.records,
        duplicates: data.duplicates,
        ignored: data.tally.ignored,
        left_out: left_out + talks_left_out,
        problems: data.tally.problems.clone(),
        trainees,
        quizzes,
        conversations: conversation::summarise(&talks, bank, |id, decided| {
            decision_item(id, decided, bank)
        }),
        practice: practice_items(&practice, bank),
        by_type,
        matrix,
    }
}

/// The attempts of one kind (quizzes, or conversations) that count, and how many were left
/// out.
fn included_attempts(
    data: &ClassData,
    choice: AttemptChoice,
    kind: impl Fn(&&ClassAttempt) -> bool,
) -> (Vec<&ClassAttempt>, usize) {
    let quiz: Vec<&ClassAttempt> = data.attempts.iter().filter(kind).collect();
    let completed: Vec<&ClassAttempt> = quiz.iter().copied().filter(|a| a.completed).collect();
    let included = match choice {
        AttemptChoice::All => completed,
        AttemptChoice::First => {
            let mut first: HashMap<(usize, &str), &ClassAttempt> = HashMap::new();
            for a in completed {
                // The earliest finished attempt; one without a time comes last.
                let key =
                    |a: &ClassAttempt| (a.finished.is_none(), a.finished, a.registration.clone());
                first
                    .entry((a.trainee, &a.quiz_id))
                    .and_modify(|kept| {
                        if key(a) < key(kept) {
                            *kept = a;
                        }
                    })
                    .or_insert(a);
            }
            let mut list: Vec<&ClassAttempt> = first.into_values().collect();
            list.sort_by(|a, b| {
                (a.trainee, a.finished, &a.registration).cmp(&(
                    b.trainee,
                    b.finished,
                    &b.registration,
                ))
            });
            list
        }
    };
    let left_out = quiz.len() - included.len();
    (included, left_out)
}

fn percent((points, max): (u32, u32)) -> f64 {
    if max == 0 {
        0.0
    } else {
        100.0 * f64::from(points) / f64::from(max)
    }
}

fn accuracy_and_matrix(answers: &[&ClassAnswer]) -> ([Ratio; 5], ConfusionMatrix) {
    let mut by_type = [Ratio::default(); 5];
    let mut matrix = ConfusionMatrix::default();
    for a in answers {
        if let Some(chosen) = a.chosen {
            let ratio = &mut by_type[a.right.index()];
            ratio.total += 1;
            ratio.right += u32::from(chosen == a.right);
            matrix.counts[a.right.index()][chosen.index()] += 1;
        }
    }
    (by_type, matrix)
}

fn most_chosen_wrong<'a>(answers: impl Iterator<Item = &'a ClassAnswer>) -> Option<SaleType> {
    let mut counts = [0u32; 5];
    for a in answers {
        if let Some(chosen) = a.chosen.filter(|c| *c != a.right) {
            counts[chosen.index()] += 1;
        }
    }
    // Ties go to the taxonomy's order: the first maximum wins.
    let best = counts.iter().copied().max().filter(|m| *m > 0)?;
    SaleType::ALL
        .into_iter()
        .find(|t| counts[t.index()] == best)
}

/// One attempt's x for a question, the rest of its total, and the answer (if answered).
type ItemRow<'a> = (f64, f64, Option<&'a ClassAnswer>);

fn quiz_stats(quiz_id: &str, attempts: &[&ClassAttempt], bank: &BankInfo) -> QuizStats {
    let title = bank
        .quiz_title(quiz_id)
        .map(str::to_owned)
        .or_else(|| attempts.iter().rev().find_map(|a| a.title.clone()))
        .unwrap_or_else(|| quiz_id.to_owned());
    let items_per_attempt: Vec<Vec<(&str, u8, Option<&ClassAnswer>)>> =
        attempts.iter().map(|a| a.items()).collect();
    let totals: Vec<u32> = items_per_attempt
        .iter()
        .map(|items| items.iter().map(|(_, x, _)| u32::from(*x)).sum())
        .collect();
    let scores: Vec<f64> = attempts.iter().map(|a| percent(a.score())).collect();

    // Scenario -> (x, T - x, answer) over the attempts that contain it.
    let mut order: Vec<&str> = Vec::new();
    let mut per_item: HashMap<&str, Vec<ItemRow>> = HashMap::new();
    for (items, total) in items_per_attempt.iter().zip(&totals) {
        for (scenario, x, answer) in items {
            let entry = per_item.entry(scenario).or_insert_with(|| {
                order.push(scenario);
                Vec::new()
            });
            entry.push((f64::from(*x), f64::from(*total) - f64::from(*x), *answer));
        }
    }
    let items = order
        .into_iter()
        .map(|scenario| item_stats(quiz_id, scenario, &per_item[scenario], bank))
        .collect();

    let verdicts: Vec<bool> = attempts.iter().filter_map(|a| a.passed).collect();
    let pass_rate = (!verdicts.is_empty())
        .then(|| verdicts.iter().filter(|p| **p).count() as f64 / verdicts.len() as f64);
    let alpha = {
        let mut sets = items_per_attempt.iter().map(|items| {
            let mut ids: Vec<&str> = items.iter().map(|(s, _, _)| *s).collect();
            ids.sort_unstable();
            ids
        });
        let first = sets.next();
        let same = first.as_ref().is_some_and(|f| sets.all(|s| s == *f));
        same.then(|| {
            let columns = first.unwrap_or_default();
            let rows: Vec<Vec<f64>> = items_per_attempt
                .iter()
                .map(|items| {
                    columns
                        .iter()
                        .map(|c| {
                            items
                                .iter()
                                .find(|(s, _, _)| s == c)
                                .map_or(0.0, |(_, x, _)| f64::from(*x))
                        })
                        .collect()
                })
                .collect();
            math::cronbach_alpha(&rows)
        })
        .flatten()
    };
    QuizStats {
        quiz_id: quiz_id.to_owned(),
        title,
        attempts: attempts.len() as u32,
        mean: math::mean(&scores),
        median: math::median(&scores),
        scores,
        pass_rate,
        alpha,
        items,
    }
}

/// An item's statistics over its rows: x against the rest of each attempt.
fn item_stats(quiz_id: &str, scenario: &str, rows: &[ItemRow], bank: &BankInfo) -> ItemStats {
    let x: Vec<f64> = rows.iter().map(|r| r.0).collect();
    let rest: Vec<f64> = rows.iter().map(|r| r.1).collect();
    let scaled: Vec<f64> = x.iter().map(|v| v / 4.0).collect();
    let facility = math::mean(&scaled);
    let discrimination = math::pearson(&x, &rest, 3);
    let answers = || rows.iter().filter_map(|r| r.2);
    ItemStats {
        quiz_id: Some(quiz_id.to_owned()),
        scenario_id: scenario.to_owned(),
        title: bank.scenario_title(scenario).map(str::to_owned),
        path: bank.scenario_path(scenario).map(PathBuf::from),
        right_type: answers().next().map(|a| a.right),
        attempts: rows.len() as u32,
        facility,
        sd: math::sample_sd(&scaled),
        discrimination,
        most_chosen_wrong: most_chosen_wrong(answers()),
        flag: Flag::of(facility, discrimination),
    }
}

/// A conversation's decision as an item, over the attempts that reached it: x is the
/// decision's points, and the rest of the attempt its reply points, so the discrimination
/// says whether those who asked well also decided well.
fn decision_item(id: &str, decided: &[&ClassAttempt], bank: &BankInfo) -> ItemStats {
    let rows: Vec<ItemRow> = decided
        .iter()
        .filter_map(|a| {
            let answer = a.answers.first()?;
            Some((
                f64::from(answer.points),
                f64::from(a.reply_points()),
                Some(answer),
            ))
        })
        .collect();
    item_stats(id, id, &rows, bank)
}

fn practice_items(practice: &[&ClassAttempt], bank: &BankInfo) -> Vec<ItemStats> {
    let mut per: BTreeMap<&str, Vec<&ClassAnswer>> = BTreeMap::new();
    for attempt in practice {
        for answer in attempt.answers.iter().filter(|a| a.chosen.is_some()) {
            per.entry(&answer.scenario_id).or_default().push(answer);
        }
    }
    per.into_iter()
        .map(|(scenario, answers)| {
            let scaled: Vec<f64> = answers.iter().map(|a| f64::from(a.points) / 4.0).collect();
            ItemStats {
                quiz_id: None,
                scenario_id: scenario.to_owned(),
                title: bank.scenario_title(scenario).map(str::to_owned),
                path: bank.scenario_path(scenario).map(PathBuf::from),
                right_type: answers.first().map(|a| a.right),
                attempts: answers.len() as u32,
                facility: math::mean(&scaled),
                sd: None,
                discrimination: None,
                most_chosen_wrong: most_chosen_wrong(answers.iter().copied()),
                flag: None,
            }
        })
        .collect()
}
