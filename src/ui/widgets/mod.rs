//! Small widgets shared by several screens.

pub mod icons;
pub mod sale_type;
pub mod text;
