//! Small widgets shared by several screens.

pub mod decision_path;
pub mod icons;
pub mod sale_type;
pub mod text;
