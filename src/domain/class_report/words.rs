//! The words of the report in Norwegian bokmål and English, for the text and HTML output
//! (the Class screen uses the app's own text table).

use crate::domain::language::Language;

use super::compute::Flag;

/// Every fixed text the report writes.
#[derive(Debug)]
pub struct Words {
    /// The report's title.
    pub title: &'static str,
    /// `{trainees}`, `{files}`, `{records}`.
    pub summary: &'static str,
    /// `{n}` statements read twice.
    pub duplicates: &'static str,
    /// `{n}` statements from the app not used.
    pub ignored: &'static str,
    /// First attempts only.
    pub first_attempts: &'static str,
    /// Every attempt.
    pub all_attempts: &'static str,
    /// `{n}` attempts left out.
    pub left_out: &'static str,
    /// Heading.
    pub quizzes: &'static str,
    /// Heading.
    pub flagged: &'static str,
    /// Shown when nothing is flagged.
    pub nothing_flagged: &'static str,
    /// Heading.
    pub items: &'static str,
    /// Heading.
    pub accuracy: &'static str,
    /// Heading.
    pub matrix: &'static str,
    /// Explains the matrix's axes.
    pub matrix_axes: &'static str,
    /// Heading.
    pub confusions: &'static str,
    /// `{right}` taken for `{chosen}` `{count}` times.
    pub confusion: &'static str,
    /// Heading.
    pub trainees: &'static str,
    /// Heading.
    pub practice: &'static str,
    /// Heading.
    pub problems: &'static str,
    /// Shown when there were none.
    pub no_problems: &'static str,
    /// Column.
    pub quiz: &'static str,
    /// Column.
    pub scenario: &'static str,
    /// Column.
    pub attempts: &'static str,
    /// Column.
    pub mean: &'static str,
    /// Column.
    pub median: &'static str,
    /// Column.
    pub pass_rate: &'static str,
    /// Column.
    pub alpha: &'static str,
    /// Column.
    pub facility: &'static str,
    /// Column.
    pub sd: &'static str,
    /// Column.
    pub discrimination: &'static str,
    /// Column.
    pub most_chosen_wrong: &'static str,
    /// Column.
    pub flag: &'static str,
    /// Column.
    pub file: &'static str,
    /// Column.
    pub trainee: &'static str,
    /// Column.
    pub practice_volume: &'static str,
    /// `{sessions}` sessions, `{answers}` answers.
    pub practice_line: &'static str,
    /// Column.
    pub needs_help: &'static str,
    /// Telling `{right}` from `{chosen}`.
    pub telling_apart: &'static str,
    /// `{right}` of `{total}`.
    pub right_of: &'static str,
    /// Not in the open bank.
    pub not_in_bank: &'static str,
    /// Right type.
    pub right_type: &'static str,
    /// Nothing to show.
    pub none: &'static str,
    /// Heading.
    pub conversations: &'static str,
    /// `{title}`, `{id}`, `{attempts}`, `{left}`, `{left_share}`.
    pub conversation_line: &'static str,
    /// `{mean}`, `{best}`, `{share}`: the replies against the best path.
    pub conversation_replies: &'static str,
    /// `{mean}` without a known best path.
    pub conversation_replies_no_best: &'static str,
    /// `{step}`, `{mean}`, `{n}`.
    pub weakest_step: &'static str,
    /// `{facility}`, `{discrimination}`, `{wrong}`, `{n}`.
    pub decision_line: &'static str,
    /// Nobody reached the decision.
    pub no_decision: &'static str,
    /// `{n}` conversations, `{share}` of the best path.
    pub trainee_conversations: &'static str,
}

const NB: Words = Words {
    title: "Klasserapport",
    summary: "{trainees} deltakere, {files} filer, {records} utsagn og rader lest",
    duplicates: "{n} lest mer enn én gang og telt én gang",
    ignored: "{n} utsagn fra appen som rapporten ikke bruker",
    first_attempts: "Hver deltakers første fullførte forsøk på hver quiz og samtale",
    all_attempts: "Alle fullførte forsøk",
    left_out: "{n} forsøk på quizer og samtaler utelatt (ikke fullført, eller ikke det første)",
    quizzes: "Quizer",
    flagged: "Scenarioer som bør ses på",
    nothing_flagged: "Ingen scenarioer er flagget.",
    items: "Statistikk per scenario",
    accuracy: "Riktig salgstype per type",
    matrix: "Forvekslingsmatrise",
    matrix_axes: "Rader: riktig type. Kolonner: valgt type.",
    confusions: "De hyppigste forvekslingene",
    confusion: "{right} tatt for {chosen} ({count} ganger)",
    trainees: "Deltakere",
    practice: "Øving",
    problems: "Problemer i inndata",
    no_problems: "Ingen problemer.",
    quiz: "Quiz",
    scenario: "Scenario",
    attempts: "Forsøk",
    mean: "Snitt",
    median: "Median",
    pass_rate: "Bestått",
    alpha: "Cronbachs alfa",
    facility: "Letthet",
    sd: "Std.avvik",
    discrimination: "Diskriminering",
    most_chosen_wrong: "Oftest valgt feil",
    flag: "Flagg",
    file: "Fil",
    trainee: "Deltaker",
    practice_volume: "Øvingsmengde",
    practice_line: "{sessions} økter, {answers} svar",
    needs_help: "Trenger hjelp med",
    telling_apart: "å skille {right} fra {chosen}",
    right_of: "{right} av {total}",
    not_in_bank: "ikke i den åpne mappen",
    right_type: "Riktig type",
    none: "–",
    conversations: "Salgssamtaler",
    conversation_line: "{title} ({id}): {attempts} forsøk; kunden gikk {left} ganger ({left_share})",
    conversation_replies: "Svarene ga i snitt {mean} av {best} poeng på beste vei ({share})",
    conversation_replies_no_best: "Svarene ga i snitt {mean} poeng (beste vei ukjent)",
    weakest_step: "Svakeste steg: {step} (snitt {mean} av 2 poeng over {n} svar)",
    decision_line: "Beslutningen ({n} forsøk): letthet {facility}, diskriminering mot svarene {discrimination}, oftest valgt feil {wrong}",
    no_decision: "Ingen nådde beslutningen.",
    trainee_conversations: "{n} samtaler, svarene {share} av beste vei",
};

const EN: Words = Words {
    title: "Class report",
    summary: "{trainees} trainees, {files} files, {records} statements and rows read",
    duplicates: "{n} read more than once and counted once",
    ignored: "{n} statements from the app that the report does not use",
    first_attempts: "Each trainee's first completed attempt of each quiz and conversation",
    all_attempts: "Every completed attempt",
    left_out: "{n} quiz and conversation attempts left out (not completed, or not the first)",
    quizzes: "Quizzes",
    flagged: "Scenarios to look at",
    nothing_flagged: "No scenario is flagged.",
    items: "Statistics per scenario",
    accuracy: "Right sale type per type",
    matrix: "Confusion matrix",
    matrix_axes: "Rows: the right type. Columns: the type chosen.",
    confusions: "The most frequent confusions",
    confusion: "{right} taken for {chosen} ({count} times)",
    trainees: "Trainees",
    practice: "Practice",
    problems: "Problems in the input",
    no_problems: "No problems.",
    quiz: "Quiz",
    scenario: "Scenario",
    attempts: "Attempts",
    mean: "Mean",
    median: "Median",
    pass_rate: "Passed",
    alpha: "Cronbach's alpha",
    facility: "Facility",
    sd: "SD",
    discrimination: "Discrimination",
    most_chosen_wrong: "Most chosen wrong",
    flag: "Flag",
    file: "File",
    trainee: "Trainee",
    practice_volume: "Practice",
    practice_line: "{sessions} sessions, {answers} answers",
    needs_help: "Needs help with",
    telling_apart: "telling {right} from {chosen}",
    right_of: "{right} of {total}",
    not_in_bank: "not in the open folder",
    right_type: "Right type",
    none: "–",
    conversations: "Sales conversations",
    conversation_line: "{title} ({id}): {attempts} attempts; the customer left {left} times ({left_share})",
    conversation_replies: "The replies earned on average {mean} of the best path's {best} points ({share})",
    conversation_replies_no_best: "The replies earned on average {mean} points (best path unknown)",
    weakest_step: "Weakest step: {step} (mean {mean} of 2 points over {n} replies)",
    decision_line: "The decision ({n} attempts): facility {facility}, discrimination against the replies {discrimination}, most chosen wrong {wrong}",
    no_decision: "No one reached the decision.",
    trainee_conversations: "{n} conversations, replies {share} of the best path",
};

/// The words in `language`.
pub fn words(language: Language) -> &'static Words {
    match language {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}

/// A flag's name in `language`.
pub fn flag_name(flag: Flag, language: Language) -> &'static str {
    match (flag, language) {
        (Flag::NegativeDiscrimination, Language::Nb) => "negativ diskriminering",
        (Flag::NegativeDiscrimination, Language::En) => "negative discrimination",
        (Flag::TooHard, Language::Nb) => "for vanskelig",
        (Flag::TooHard, Language::En) => "too hard",
        (Flag::TooEasy, Language::Nb) => "for lett",
        (Flag::TooEasy, Language::En) => "too easy",
        (Flag::Weak, Language::Nb) => "svak",
        (Flag::Weak, Language::En) => "weak",
    }
}

/// What a flag suggests doing, in `language`.
pub fn flag_advice(flag: Flag, language: Language) -> &'static str {
    match (flag, language) {
        (Flag::NegativeDiscrimination, Language::Nb) => {
            "De sterkeste deltakerne gjør det dårligere her: sjekk fasiten og om teksten kan leses på to måter."
        }
        (Flag::NegativeDiscrimination, Language::En) => {
            "The strongest trainees do worse here: check the key and whether the text can be read two ways."
        }
        (Flag::TooHard, Language::Nb) => {
            "Nesten ingen får det til: gjør stikkordene tydeligere, eller undervis skillet først."
        }
        (Flag::TooHard, Language::En) => {
            "Almost no one gets it: make the cues clearer, or teach the distinction first."
        }
        (Flag::TooEasy, Language::Nb) => {
            "Nesten alle får det til: det skiller ikke mellom deltakerne."
        }
        (Flag::TooEasy, Language::En) => {
            "Almost everyone gets it: it does not tell trainees apart."
        }
        (Flag::Weak, Language::Nb) => {
            "Skiller dårlig mellom sterke og svake deltakere: se over alternativene og stikkordene."
        }
        (Flag::Weak, Language::En) => {
            "Tells strong and weak trainees apart poorly: review the offers and the cues."
        }
    }
}

/// Replaces each `{name}` in `template`.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}
