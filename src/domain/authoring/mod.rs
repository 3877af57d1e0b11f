//! Authoring: what an instructor does to the files of a scenario folder.

pub mod editor;
