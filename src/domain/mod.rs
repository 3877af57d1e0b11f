//! The domain: everything Salgstreneren knows and decides, with no user interface in it.

pub mod bank;
pub mod decision_path;
pub mod guided;
pub mod history;
pub mod language;
pub mod lessons;
pub mod practice;
pub mod problem;
pub mod scenario;
pub mod scoring;
pub mod source_map;
pub mod storage;
pub mod taxonomy;
pub mod validate;
