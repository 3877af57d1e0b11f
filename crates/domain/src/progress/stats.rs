//! Figures for the report and the progress screen, computed from answers: accuracy per sale
//! type, the confusion matrix, calibration against confidence, and scores over time.

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::progress::history::{AnswerRecord, Attempt, AttemptKind, Confidence, History};
use crate::teaching::taxonomy::SaleType;

/// Right and total counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ratio {
    /// How many were right.
    pub right: u32,
    /// How many there were.
    pub total: u32,
}

impl Ratio {
    fn add(&mut self, right: bool) {
        self.total += 1;
        if right {
            self.right += 1;
        }
    }

    /// Share right in percent, `None` when there is nothing to measure.
    pub fn percent(self) -> Option<f64> {
        (self.total > 0).then(|| 100.0 * f64::from(self.right) / f64::from(self.total))
    }
}

/// Counts of (right type, chosen type) pairs. Rows are the right type, columns the chosen one,
/// both in [`SaleType::ALL`] order. Unanswered questions are not counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConfusionMatrix {
    /// `counts[right][chosen]`.
    pub counts: [[u32; 5]; 5],
}

/// One kind of mistake and how often it was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Confusion {
    /// The right type.
    pub right: SaleType,
    /// What was chosen instead.
    pub chosen: SaleType,
    /// How many times.
    pub count: u32,
}

impl ConfusionMatrix {
    /// Counts every answered question.
    pub fn from_answers<'a>(answers: impl IntoIterator<Item = &'a AnswerRecord>) -> Self {
        let mut m = Self::default();
        for a in answers {
            if let Some(chosen) = a.chosen_type {
                m.counts[a.right_type.index()][chosen.index()] += 1;
            }
        }
        m
    }

    /// The largest count in the matrix, for scaling colours.
    pub fn max(&self) -> u32 {
        self.counts.iter().flatten().copied().max().unwrap_or(0)
    }

    /// Mistakes, most frequent first; ties in the taxonomy's order.
    pub fn confusions(&self) -> Vec<Confusion> {
        let mut list: Vec<Confusion> = SaleType::ALL
            .into_iter()
            .flat_map(|right| {
                SaleType::ALL
                    .into_iter()
                    .filter(move |c| *c != right)
                    .map(move |chosen| (right, chosen))
            })
            .map(|(right, chosen)| Confusion {
                right,
                chosen,
                count: self.counts[right.index()][chosen.index()],
            })
            .filter(|c| c.count > 0)
            .collect();
        // Stable sort keeps the taxonomy's order among equal counts.
        list.sort_by_key(|c| std::cmp::Reverse(c.count));
        list
    }

    /// The most frequent mistake, if any.
    pub fn most_frequent(&self) -> Option<Confusion> {
        self.confusions().first().copied()
    }
}

/// Share of right sale types for each right type, in [`SaleType::ALL`] order. Unanswered
/// questions are left out: they say nothing about what the trainee believes (the report
/// counts them separately).
pub fn accuracy_by_type<'a>(answers: impl IntoIterator<Item = &'a AnswerRecord>) -> [Ratio; 5] {
    let mut by_type = [Ratio::default(); 5];
    for a in answers.into_iter().filter(|a| a.chosen_type.is_some()) {
        by_type[a.right_type.index()].add(a.type_right());
    }
    by_type
}

/// Share of right sale types at each stated confidence, low to high.
pub fn calibration<'a>(answers: impl IntoIterator<Item = &'a AnswerRecord>) -> [Ratio; 3] {
    let mut levels = [Ratio::default(); 3];
    for a in answers {
        if let Some(c) = a.confidence {
            let i = Confidence::ALL.iter().position(|x| *x == c).unwrap_or(0);
            levels[i].add(a.type_right());
        }
    }
    levels
}

/// Everything the report shows about one attempt.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Points earned.
    pub points: u32,
    /// Points possible.
    pub max_points: u32,
    /// Percent of the possible points.
    pub percent: f64,
    /// Pass or fail, when there is a pass mark.
    pub passed: Option<bool>,
    /// Time used, in seconds.
    pub seconds: i64,
    /// Questions left unanswered.
    pub unanswered: usize,
    /// Sale-type accuracy per right type.
    pub by_type: [Ratio; 5],
    /// Right type against chosen type.
    pub matrix: ConfusionMatrix,
    /// Accuracy per confidence level, when confidence was asked.
    pub calibration: Option<[Ratio; 3]>,
}

impl Report {
    /// Computes the report of an attempt.
    pub fn of(attempt: &Attempt) -> Report {
        let asked = attempt.answers.iter().any(|a| a.confidence.is_some());
        Report {
            points: attempt.points(),
            max_points: attempt.max_points(),
            percent: attempt.percent(),
            passed: attempt.passed(),
            seconds: attempt.duration().as_secs(),
            unanswered: attempt
                .answers
                .iter()
                .filter(|a| a.chosen_type.is_none())
                .count(),
            by_type: accuracy_by_type(&attempt.answers),
            matrix: ConfusionMatrix::from_answers(&attempt.answers),
            calibration: asked.then(|| calibration(&attempt.answers)),
        }
    }
}

/// Figures across the whole history for the progress screen, computed once when the history
/// changes (never per frame).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Quiz scores over time: quiz id -> (title, points in time order as (finished, percent)).
    pub series: BTreeMap<String, (String, Vec<(Timestamp, f64)>)>,
    /// Sale-type accuracy across every answer, practice included.
    pub by_type: [Ratio; 5],
    /// Right against chosen across every answer.
    pub matrix: ConfusionMatrix,
    /// Answers counted.
    pub answers: u32,
    /// Quiz attempts counted.
    pub quiz_attempts: u32,
    /// The sales conversations played.
    pub conversations: ConversationSummary,
}

/// How the trainee's sales conversations went, over every one played.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConversationSummary {
    /// Conversations played to their end (a decision or the customer leaving).
    pub played: u32,
    /// Of those, how many the customer left before a decision.
    pub left: u32,
    /// Points earned by the replies.
    pub reply_points: u32,
    /// Points the best paths would have earned.
    pub best_points: u32,
    /// Facts that decide the sale which the trainee did not bring out.
    pub missed_facts: u32,
}

impl ConversationSummary {
    /// Sums the conversation attempts of `attempts`.
    pub fn of<'a>(attempts: impl IntoIterator<Item = &'a Attempt>) -> ConversationSummary {
        let mut s = ConversationSummary::default();
        for c in attempts.into_iter().filter_map(|a| a.conversation.as_ref()) {
            s.played += 1;
            s.left += u32::from(c.left.is_some());
            s.reply_points = s.reply_points.saturating_add(c.reply_points());
            s.best_points = s.best_points.saturating_add(c.best_points);
            s.missed_facts = s
                .missed_facts
                .saturating_add(u32::try_from(c.missed.len()).unwrap_or(u32::MAX));
        }
        s
    }
}

impl Progress {
    /// Computes the progress figures of a history.
    pub fn of(history: &History) -> Progress {
        let mut series: BTreeMap<String, (String, Vec<(Timestamp, f64)>)> = BTreeMap::new();
        let mut quiz_attempts = 0;
        for a in history
            .attempts
            .iter()
            .filter(|a| a.kind == AttemptKind::Quiz)
        {
            quiz_attempts += 1;
            let entry = series
                .entry(a.quiz_id.clone())
                .or_insert_with(|| (a.quiz_title.clone(), Vec::new()));
            entry.0 = a.quiz_title.clone();
            entry.1.push((a.finished, a.percent()));
        }
        for (_, points) in series.values_mut() {
            points.sort_by_key(|(t, _)| *t);
        }
        let answers = || history.attempts.iter().flat_map(|a| &a.answers);
        Progress {
            series,
            by_type: accuracy_by_type(answers()),
            matrix: ConfusionMatrix::from_answers(answers()),
            answers: answers().count() as u32,
            quiz_attempts,
            conversations: ConversationSummary::of(&history.attempts),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SaleType::*;

    fn a(
        right: SaleType,
        chosen: Option<SaleType>,
        confidence: Option<Confidence>,
    ) -> AnswerRecord {
        AnswerRecord {
            scenario_id: "x".into(),
            right_type: right,
            chosen_type: chosen,
            confidence,
            type_points: chosen.map_or(0, |c| crate::training::scoring::type_points(right, c)),
            offer_points: 2,
            ..AnswerRecord::default()
        }
    }

    /// A hand-worked attempt: 6 questions.
    ///
    /// | right        | chosen       | type pts | offer pts | confidence |
    /// |--------------|--------------|----------|-----------|------------|
    /// | Tilleggssalg | Kryssalg     | 1        | 2         | High       |
    /// | Tilleggssalg | Kryssalg     | 1        | 2         | High       |
    /// | Tilleggssalg | Tilleggssalg | 2        | 2         | Medium     |
    /// | Nysalg       | Kryssalg     | 0        | 2         | Low        |
    /// | Mersalg      | Mersalg      | 2        | 2         | High       |
    /// | Gjensalg     | (none)       | 0        | 0         | (none)     |
    fn worked() -> Attempt {
        let mut unanswered = a(Gjensalg, None, None);
        unanswered.offer_points = 0;
        Attempt {
            pass_percent: Some(70),
            answers: vec![
                a(Tilleggssalg, Some(Kryssalg), Some(Confidence::High)),
                a(Tilleggssalg, Some(Kryssalg), Some(Confidence::High)),
                a(Tilleggssalg, Some(Tilleggssalg), Some(Confidence::Medium)),
                a(Nysalg, Some(Kryssalg), Some(Confidence::Low)),
                a(Mersalg, Some(Mersalg), Some(Confidence::High)),
                unanswered,
            ],
            finished: "2026-11-27T10:05:00Z".parse().unwrap(),
            started: "2026-11-27T10:00:00Z".parse().unwrap(),
            ..Attempt::default()
        }
    }

    #[test]
    fn report_of_a_hand_worked_attempt() {
        let r = Report::of(&worked());
        // Points: 3 + 3 + 4 + 2 + 4 + 0 = 16 of 24.
        assert_eq!((r.points, r.max_points), (16, 24));
        assert!((r.percent - 66.666).abs() < 0.01);
        assert_eq!(r.passed, Some(false));
        assert_eq!(r.seconds, 300);
        assert_eq!(r.unanswered, 1);
        let pct = |t: SaleType| r.by_type[t.index()].percent();
        assert_eq!(pct(Tilleggssalg).map(|p| p.round()), Some(33.0));
        assert_eq!(pct(Nysalg), Some(0.0));
        assert_eq!(pct(Mersalg), Some(100.0));
        assert_eq!(pct(Gjensalg), None, "an unanswered question is not counted");
        assert_eq!(pct(Kryssalg), None);

        let mut expected = [[0u32; 5]; 5];
        expected[Tilleggssalg.index()][Kryssalg.index()] = 2;
        expected[Tilleggssalg.index()][Tilleggssalg.index()] = 1;
        expected[Nysalg.index()][Kryssalg.index()] = 1;
        expected[Mersalg.index()][Mersalg.index()] = 1;
        assert_eq!(r.matrix.counts, expected);
        assert_eq!(r.matrix.max(), 2);
        assert_eq!(
            r.matrix.most_frequent(),
            Some(Confusion {
                right: Tilleggssalg,
                chosen: Kryssalg,
                count: 2
            })
        );
        assert_eq!(r.matrix.confusions().len(), 2);

        let cal = r.calibration.expect("confidence was asked");
        assert_eq!(cal[0], Ratio { right: 0, total: 1 });
        assert_eq!(cal[1], Ratio { right: 1, total: 1 });
        assert_eq!(cal[2], Ratio { right: 1, total: 3 }, "sure and wrong twice");
    }

    #[test]
    fn progress_collects_series_per_quiz_in_time_order() {
        let first = worked();
        let mut second = worked();
        second.finished = "2026-11-20T10:00:00Z".parse().unwrap();
        second.answers.truncate(1);
        let mut practice = worked();
        practice.kind = AttemptKind::Practice;
        let history = History {
            version: 1,
            attempts: vec![first, second, practice],
        };
        let p = Progress::of(&history);
        assert_eq!(p.quiz_attempts, 2);
        let (_, points) = &p.series[""];
        assert_eq!(points.len(), 2);
        assert!(points[0].0 < points[1].0);
        assert_eq!(points[0].1, 75.0);
        assert_eq!(p.answers, 13);
        assert_eq!(p.matrix.counts[Tilleggssalg.index()][Kryssalg.index()], 5);
    }

    #[test]
    fn conversations_are_summed_with_the_customers_who_left() {
        use crate::bank::conversation::Quality;
        use crate::progress::history::{ConversationRecord, ReplyRecord};
        let reply = |quality| ReplyRecord {
            step_id: "s".into(),
            text: "t".into(),
            quality,
        };
        let played = |replies: Vec<ReplyRecord>, left: Option<&str>, missed: usize| Attempt {
            kind: AttemptKind::Conversation,
            conversation: Some(ConversationRecord {
                replies,
                best_points: 6,
                left: left.map(str::to_owned),
                uncovered: Vec::new(),
                missed: vec!["fact".into(); missed],
            }),
            ..Attempt::default()
        };
        let history = History {
            version: 1,
            attempts: vec![
                played(vec![reply(Quality::Good); 3], None, 0),
                played(
                    vec![reply(Quality::Acceptable), reply(Quality::Poor)],
                    Some("Ha det."),
                    2,
                ),
                Attempt::default(),
            ],
        };
        let s = Progress::of(&history).conversations;
        assert_eq!(
            s,
            ConversationSummary {
                played: 2,
                left: 1,
                reply_points: 7,
                best_points: 12,
                missed_facts: 2,
            }
        );
    }
}
