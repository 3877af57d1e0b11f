//! Guided practice: the trainee answers the decision path's questions for a scenario before the
//! final answer, and a wrong answer is traced back to the step where the reasoning went off.

use crate::bank::Bank;
use crate::i18n::Message;
use crate::language::Language;
use crate::teaching::decision_path::{DecisionPath, Relation, Step};
use crate::teaching::edge_cases::EdgeCase;
use crate::teaching::taxonomy::SaleType;
use crate::training::practice::{Filter, Practice, PracticeAction};

/// The trainee's answers to the path's questions so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PathAnswers {
    /// Step 1: has this customer ever bought from you?
    pub known_customer: Option<bool>,
    /// Step 2, asked only after a yes in step 1.
    pub relation: Option<Relation>,
}

impl PathAnswers {
    /// The path answered, once it reaches a sale type.
    pub fn path(self) -> Option<DecisionPath> {
        match (self.known_customer?, self.relation) {
            (false, _) => Some(DecisionPath::NewCustomer),
            (true, Some(relation)) => Some(DecisionPath::Known(relation)),
            (true, None) => None,
        }
    }
}

/// What the trainee does next on the question shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuidedStage {
    /// Answer this question of the path.
    Step(Step),
    /// Confirm or change the sale type the path led to, and pick an offer.
    Answer,
    /// Read the feedback.
    Checked,
}

/// Where the trainee's reasoning first left the right path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slip {
    /// Step 1 answered wrong; `said_known` is what the trainee said.
    KnownCustomer {
        /// True when the trainee said the customer is known.
        said_known: bool,
    },
    /// Step 2 answered wrong.
    Relation {
        /// What the trainee said.
        said: Relation,
        /// What is right.
        right: Relation,
    },
    /// Both steps right, but the final type differs from where they lead.
    FinalType {
        /// Where the trainee's own steps lead.
        path_type: SaleType,
        /// The type the trainee answered.
        chosen: SaleType,
    },
}

impl Slip {
    /// The step that went wrong, or `None` when the steps were right and the last choice was not.
    pub fn step(self) -> Option<Step> {
        match self {
            Slip::KnownCustomer { .. } => Some(Step::KnownCustomer),
            Slip::Relation { .. } => Some(Step::Relation),
            Slip::FinalType { .. } => None,
        }
    }

    /// The diagnosis as a message naming the step.
    pub fn message(self) -> Message {
        let phrase = |relation: Relation| Box::new(relation.phrase());
        match self {
            Slip::KnownCustomer { said_known: false } => Message::SlipSaidNew {},
            Slip::KnownCustomer { said_known: true } => Message::SlipSaidKnown {},
            Slip::Relation { said, right } => Message::SlipRelation {
                said: phrase(said),
                right: phrase(right),
            },
            Slip::FinalType { path_type, chosen } => Message::SlipFinalType {
                path_type,
                path_type_english: path_type.english(),
                chosen,
                chosen_english: chosen.english(),
            },
        }
    }

    /// The diagnosis in words, naming the step.
    pub fn describe(self, lang: Language) -> String {
        self.message().text(lang)
    }
}

/// Finds the first place where the trainee's reasoning left the right path: step 1, step 2, or
/// the final choice. `None` when the answer and every step are right.
pub fn diagnose(
    expected: DecisionPath,
    answered: DecisionPath,
    chosen: SaleType,
    right: SaleType,
) -> Option<Slip> {
    match (expected, answered) {
        (expected, answered) if expected.known_customer() != answered.known_customer() => {
            Some(Slip::KnownCustomer {
                said_known: answered.known_customer(),
            })
        }
        (DecisionPath::Known(right), DecisionPath::Known(said)) if right != said => {
            Some(Slip::Relation { said, right })
        }
        _ if chosen != right => Some(Slip::FinalType {
            path_type: answered.sale_type(),
            chosen,
        }),
        _ => None,
    }
}

/// What the trainee can do in guided practice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuidedAction {
    /// Answer step 1.
    AnswerKnownCustomer(bool),
    /// Answer step 2.
    AnswerRelation(Relation),
    /// The final answer and moving between scenarios, as in ordinary practice.
    Practice(PracticeAction),
}

/// A guided session: ordinary practice (drawing, scoring, the tally) with the path's steps in
/// front of the final answer.
#[derive(Debug)]
pub struct Guided {
    practice: Practice,
    answers: PathAnswers,
    slip: Option<Slip>,
    edge_case: Option<EdgeCase>,
}

impl Guided {
    /// A session over `bank` with `filter`; `seed` drives the order as in [`Practice::new`].
    pub fn new(bank: &Bank, filter: Filter, seed: u64) -> Self {
        Self {
            practice: Practice::new(bank, filter, seed),
            answers: PathAnswers::default(),
            slip: None,
            edge_case: None,
        }
    }

    /// Moves the session onto a reloaded bank, keeping the trainee's place.
    pub fn rebase(&mut self, old: &Bank, new: &Bank) {
        self.practice.rebase(old, new);
    }

    /// The underlying practice session: question, tally, round.
    pub fn practice(&self) -> &Practice {
        &self.practice
    }

    /// The path answered so far on the question shown.
    pub fn answers(&self) -> PathAnswers {
        self.answers
    }

    /// After checking: where the reasoning went off, if anywhere.
    pub fn slip(&self) -> Option<Slip> {
        self.slip
    }

    /// After checking: the edge case behind the slip, when there is a slip and the scenario
    /// is tagged with one. The tag says which case the scenario was written to exercise, so
    /// a slip on it is the trap that case sets.
    pub fn edge_case(&self) -> Option<EdgeCase> {
        self.edge_case
    }

    /// What comes next on the question shown; `None` without a question.
    pub fn stage(&self) -> Option<GuidedStage> {
        let q = self.practice.question()?;
        Some(if q.answer.is_checked() {
            GuidedStage::Checked
        } else if self.answers.known_customer.is_none() {
            GuidedStage::Step(Step::KnownCustomer)
        } else if self.answers.path().is_none() {
            GuidedStage::Step(Step::Relation)
        } else {
            GuidedStage::Answer
        })
    }

    /// True when the path is answered, a type and an offer are chosen, and nothing is checked.
    pub fn can_check(&self) -> bool {
        self.stage() == Some(GuidedStage::Answer)
            && self
                .practice
                .question()
                .is_some_and(|q| q.answer.can_check())
    }

    /// Applies one action; actions that do not fit the current stage are ignored.
    pub fn apply(&mut self, bank: &Bank, action: GuidedAction) {
        let stage = self.stage();
        let open = matches!(stage, Some(GuidedStage::Step(_) | GuidedStage::Answer));
        match action {
            GuidedAction::AnswerKnownCustomer(known) => {
                if open && self.answers.known_customer != Some(known) {
                    self.answers = PathAnswers {
                        known_customer: Some(known),
                        relation: None,
                    };
                    if !known {
                        self.choose_path_type(bank);
                    }
                }
            }
            GuidedAction::AnswerRelation(relation) => {
                if open && self.answers.known_customer == Some(true) {
                    self.answers.relation = Some(relation);
                    self.choose_path_type(bank);
                }
            }
            GuidedAction::Practice(PracticeAction::Check) => {
                if self.can_check() {
                    self.practice.apply(bank, PracticeAction::Check);
                    self.slip = self.diagnose(bank);
                    self.edge_case = self.slip.and_then(|_| self.scenario_edge_case(bank));
                }
            }
            GuidedAction::Practice(
                action @ (PracticeAction::ChooseType(_) | PracticeAction::ChooseOffer(_)),
            ) => {
                if stage == Some(GuidedStage::Answer) {
                    self.practice.apply(bank, action);
                }
            }
            GuidedAction::Practice(action) => {
                let before = self.practice.question().cloned();
                self.practice.apply(bank, action);
                if self.practice.question() != before.as_ref() {
                    self.answers = PathAnswers::default();
                    self.slip = None;
                    self.edge_case = None;
                }
            }
        }
    }

    /// The path's answers lead to a type: make it the chosen one, which the trainee can still
    /// change before checking.
    fn choose_path_type(&mut self, bank: &Bank) {
        if let Some(path) = self.answers.path() {
            self.practice
                .apply(bank, PracticeAction::ChooseType(path.sale_type()));
        }
    }

    fn scenario_edge_case(&self, bank: &Bank) -> Option<EdgeCase> {
        let q = self.practice.question()?;
        EdgeCase::of(bank.get(q.scenario)?)
    }

    fn diagnose(&self, bank: &Bank) -> Option<Slip> {
        let (scenario, outcome) = self.practice.checked(bank)?;
        diagnose(
            scenario.decision_path(),
            self.answers.path()?,
            outcome.choice.sale_type,
            outcome.right_type,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SaleType::*;

    #[test]
    fn the_right_path_and_answer_have_no_slip_for_every_type() {
        for t in SaleType::ALL {
            let path = DecisionPath::for_type(t);
            assert_eq!(diagnose(path, path, t, t), None, "{t:?}");
        }
    }

    #[test]
    fn a_wrong_step_one_is_named_first_whatever_comes_after() {
        for right in SaleType::ALL {
            for said in SaleType::ALL {
                let (expected, answered) =
                    (DecisionPath::for_type(right), DecisionPath::for_type(said));
                let slip = diagnose(expected, answered, said, right);
                if right.is_follow_on() != said.is_follow_on() {
                    assert_eq!(
                        slip,
                        Some(Slip::KnownCustomer {
                            said_known: said.is_follow_on()
                        }),
                        "{right:?} answered {said:?}"
                    );
                    assert_eq!(slip.and_then(Slip::step), Some(Step::KnownCustomer));
                } else if right != said {
                    assert_eq!(
                        slip.and_then(Slip::step),
                        Some(Step::Relation),
                        "{right:?}/{said:?}"
                    );
                } else {
                    assert_eq!(slip, None);
                }
            }
        }
    }

    #[test]
    fn right_steps_with_a_changed_final_type_blame_the_final_choice() {
        let path = DecisionPath::for_type(Tilleggssalg);
        assert_eq!(
            diagnose(path, path, Kryssalg, Tilleggssalg),
            Some(Slip::FinalType {
                path_type: Tilleggssalg,
                chosen: Kryssalg
            })
        );
        // A wrong step is still named when the trainee then corrected the final type.
        assert_eq!(
            diagnose(path, DecisionPath::NewCustomer, Tilleggssalg, Tilleggssalg),
            Some(Slip::KnownCustomer { said_known: false })
        );
    }

    #[test]
    fn the_diagnosis_names_the_step_in_both_languages() {
        let slip = Slip::KnownCustomer { said_known: false };
        assert_eq!(
            slip.describe(Language::En),
            "Step 1: you said the customer has never bought from you, but they have. That makes it a follow-on sale, not a new sale, even when the product is new to them."
        );
        assert!(slip.describe(Language::Nb).starts_with("Steg 1:"));
        let slip = Slip::Relation {
            said: Relation::Different,
            right: Relation::Extension,
        };
        assert!(slip.describe(Language::Nb).starts_with("Steg 2:"));
        assert!(
            slip.describe(Language::En)
                .contains("but it is an accessory or extension")
        );
    }

    #[test]
    fn a_session_walks_the_steps_and_diagnoses_the_first_wrong_one() {
        use crate::bank::BankSource;
        let bank = Bank::load(BankSource::Embedded).expect("bundled bank");
        let filter = Filter {
            types: vec![Tilleggssalg],
            ..Filter::for_language(Language::En)
        };
        let mut g = Guided::new(&bank, filter, 1);
        let chosen = |g: &Guided| g.practice().question().and_then(|q| q.answer.chosen_type);
        assert_eq!(g.stage(), Some(GuidedStage::Step(Step::KnownCustomer)));
        // The final answer waits until the path is answered.
        g.apply(
            &bank,
            GuidedAction::Practice(PracticeAction::ChooseType(Mersalg)),
        );
        g.apply(&bank, GuidedAction::AnswerRelation(Relation::More));
        assert_eq!(chosen(&g), None);
        assert_eq!(g.answers(), PathAnswers::default());

        g.apply(&bank, GuidedAction::AnswerKnownCustomer(true));
        assert_eq!(g.stage(), Some(GuidedStage::Step(Step::Relation)));
        g.apply(&bank, GuidedAction::AnswerRelation(Relation::Different));
        assert_eq!(g.stage(), Some(GuidedStage::Answer));
        assert_eq!(chosen(&g), Some(Kryssalg), "the path's type is chosen");
        // Changing step 1 drops step 2 and follows the new path.
        g.apply(&bank, GuidedAction::AnswerKnownCustomer(false));
        assert_eq!(g.answers().relation, None);
        assert_eq!(chosen(&g), Some(Nysalg));
        assert!(!g.can_check(), "no offer yet");
        g.apply(
            &bank,
            GuidedAction::Practice(PracticeAction::ChooseOffer(0)),
        );
        g.apply(&bank, GuidedAction::Practice(PracticeAction::Check));
        assert_eq!(g.stage(), Some(GuidedStage::Checked));
        assert_eq!(g.slip(), Some(Slip::KnownCustomer { said_known: false }));
        assert_eq!(g.practice().tally().answered, 1);
        // Answers are frozen once checked.
        g.apply(&bank, GuidedAction::AnswerKnownCustomer(true));
        assert_eq!(g.answers().known_customer, Some(false));

        g.apply(&bank, GuidedAction::Practice(PracticeAction::Next));
        assert_eq!(g.answers(), PathAnswers::default());
        assert_eq!(g.slip(), None);
        assert_eq!(g.stage(), Some(GuidedStage::Step(Step::KnownCustomer)));
    }

    #[test]
    fn a_slip_on_an_edge_case_scenario_names_the_case_and_a_right_path_does_not() {
        use crate::bank::BankSource;
        let bank = Bank::load(BankSource::Embedded).expect("bundled bank");
        let case = EdgeCase::KnownCustomerNewProduct;
        let filter = Filter {
            tags: vec![case.tag().to_owned()],
            ..Filter::for_language(Language::Nb)
        };
        let mut g = Guided::new(&bank, filter, 5);
        let scenario = |g: &Guided| {
            let q = g.practice().question().expect("a tagged scenario");
            bank.get(q.scenario).expect("in the bank").clone()
        };
        // The trap of this case: a new product taken for a new customer.
        assert!(case.is_exercised_by(&scenario(&g)));
        g.apply(&bank, GuidedAction::AnswerKnownCustomer(false));
        g.apply(
            &bank,
            GuidedAction::Practice(PracticeAction::ChooseOffer(0)),
        );
        g.apply(&bank, GuidedAction::Practice(PracticeAction::Check));
        assert_eq!(g.slip(), Some(Slip::KnownCustomer { said_known: false }));
        assert_eq!(g.edge_case(), Some(case));

        g.apply(&bank, GuidedAction::Practice(PracticeAction::Next));
        assert_eq!(g.edge_case(), None, "cleared with the next question");
        let right = scenario(&g).decision_path();
        g.apply(
            &bank,
            GuidedAction::AnswerKnownCustomer(right.known_customer()),
        );
        if let Some(relation) = right.relation() {
            g.apply(&bank, GuidedAction::AnswerRelation(relation));
        }
        g.apply(
            &bank,
            GuidedAction::Practice(PracticeAction::ChooseOffer(0)),
        );
        g.apply(&bank, GuidedAction::Practice(PracticeAction::Check));
        assert_eq!(g.slip(), None);
        assert_eq!(
            g.edge_case(),
            None,
            "nothing to explain when every step is right"
        );
    }

    #[test]
    fn path_answers_reach_a_type_only_when_complete() {
        let mut a = PathAnswers::default();
        assert_eq!(a.path(), None);
        a.known_customer = Some(true);
        assert_eq!(a.path(), None);
        a.relation = Some(Relation::More);
        assert_eq!(a.path().map(DecisionPath::sale_type), Some(Mersalg));
        a.known_customer = Some(false);
        assert_eq!(a.path(), Some(DecisionPath::NewCustomer));
    }
}
