//! The words of the report in Norwegian bokmål and English, for the text and HTML output
//! (the Class screen uses the app's own text table). The texts are in the language table
//! [`ReportWords`](crate::i18n::ReportWords); here a flag finds its own.

use crate::language::Language;

use super::compute::Flag;

pub use crate::i18n::ReportWords as Words;
pub use crate::i18n::fill;

/// The words in `language`.
pub fn words(language: Language) -> &'static Words {
    crate::i18n::report_words(language)
}

/// A flag's name in `language`.
pub fn flag_name(flag: Flag, language: Language) -> &'static str {
    flag_words(flag, language).0
}

/// What a flag suggests doing, in `language`.
pub fn flag_advice(flag: Flag, language: Language) -> &'static str {
    flag_words(flag, language).1
}

/// A flag's name and advice.
fn flag_words(flag: Flag, language: Language) -> (&'static str, &'static str) {
    let w = words(language);
    match flag {
        Flag::NegativeDiscrimination => (
            w.flag_negative_discrimination,
            w.flag_negative_discrimination_advice,
        ),
        Flag::TooHard => (w.flag_too_hard, w.flag_too_hard_advice),
        Flag::TooEasy => (w.flag_too_easy, w.flag_too_easy_advice),
        Flag::Weak => (w.flag_weak, w.flag_weak_advice),
    }
}
