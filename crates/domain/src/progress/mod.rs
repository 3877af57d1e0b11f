//! Progress records: what the trainee has answered and what follows from it.
//!
//! The [`history`] of every attempt, the [`leitner`] boxes that decide what is due, the
//! [`records`] that keep both on disk, and the [`stats`] drawn from them.

pub mod history;
pub mod leitner;
pub mod records;
pub mod stats;
