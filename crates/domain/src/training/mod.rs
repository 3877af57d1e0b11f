//! Training sessions: how a trainee answers and is scored.
//!
//! [`answer`] is one answer to one decision (the offers in the order shown, what was picked, the
//! outcome), shared by every way of answering; [`scoring`] turns a choice into points and
//! feedback; [`practice`] draws scenarios one by one, [`guided`] walks the decision path before
//! the answer, [`quiz`] runs a timed, seeded quiz, and [`talk`] plays a sales conversation.

pub mod answer;
pub mod guided;
pub mod practice;
pub mod quiz;
pub mod scoring;
pub mod talk;
