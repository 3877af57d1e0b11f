//! The domain: everything Salgstreneren knows and decides, with no user interface in it.

pub mod bank;
pub mod export;
pub mod history;
pub mod language;
pub mod practice;
pub mod problem;
pub mod scenario;
pub mod scoring;
pub mod source_map;
pub mod storage;
pub mod taxonomy;
pub mod validate;
