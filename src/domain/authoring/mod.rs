//! Authoring: what an instructor does to the files of a scenario folder.

pub mod conversation_graph;
pub mod editor;
