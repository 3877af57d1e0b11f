//! The domain: everything Salgstreneren knows and decides, with no user interface in it.

pub mod bank;
pub mod conversation;
pub mod conversation_rules;
pub mod coverage;
pub mod decision_path;
pub mod editor;
pub mod export;
pub mod guided;
pub mod history;
pub mod language;
pub mod leitner;
pub mod lessons;
pub mod picture;
pub mod practice;
pub mod problem;
pub mod quiz;
pub mod records;
pub mod scenario;
pub mod scoring;
pub mod source_map;
pub mod stats;
pub mod storage;
pub mod talk;
pub mod taxonomy;
pub mod validate;
pub mod watch;
