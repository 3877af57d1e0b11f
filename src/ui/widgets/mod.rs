//! Small widgets shared by several screens.

pub mod charts;
pub mod conversation_graph;
pub mod decision_path;
pub mod filter;
pub mod icons;
pub mod layout;
pub mod path_field;
pub mod question;
pub mod sale_type;
pub mod text;
