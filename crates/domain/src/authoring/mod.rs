//! Authoring: what an instructor does to the files of a scenario folder.
//!
//! - [`editor`]: one open file: the draft, its validation, saving without overwriting someone
//!   else's change, and the edits that change a draft's lists (offers, cues);
//! - [`workspace`]: the folder: new files, duplicates, saving with renaming, the trash, import.

pub mod conversation_graph;
pub mod editor;
pub mod workspace;
