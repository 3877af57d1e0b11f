//! Small widgets shared by several screens.

pub mod charts;
pub mod question;
pub mod sale_type;
pub mod text;
