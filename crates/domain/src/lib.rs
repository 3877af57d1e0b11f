//! The domain: everything Salgstreneren knows and decides, with no user interface in it.
//!
//! Grouped by what it is about:
//! - [`bank`]: scenario, conversation and quiz files, their validation and the loaded bank;
//! - [`training`]: practice, guided practice, quizzes, sales conversations and scoring;
//! - [`progress`]: the history, Leitner boxes and statistics;
//! - [`teaching`]: the taxonomy, the decision path and the lessons;
//! - [`authoring`]: the editor's file operations;
//! - [`interop`]: export to and import from other tools;
//! - [`class_report`]: the instructor's report over many trainees' exported results;
//! - [`i18n`]: every text in Norwegian and English, and the typed messages the others build;
//! - [`language`], [`storage`] (atomic writes) and [`background`] (work on a thread with
//!   progress counters), used by all of them.

pub mod authoring;
pub mod background;
pub mod bank;
pub mod class_report;
pub mod i18n;
pub mod interop;
pub mod language;
pub mod progress;
pub mod storage;
pub mod teaching;
pub mod training;
