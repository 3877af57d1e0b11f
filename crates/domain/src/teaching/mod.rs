//! Teaching content: the taxonomy itself and how it is explained.
//!
//! The five sale types and their deciding differences ([`taxonomy`]), the decision path that
//! leads to them ([`decision_path`]), the edge cases the project rules and their tags
//! ([`edge_cases`]), and the texts of the Learn screen ([`lessons`]).

pub mod decision_path;
pub mod edge_cases;
pub mod lessons;
pub mod taxonomy;
