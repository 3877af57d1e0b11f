//! The class report's words in both languages, for its text, CSV and HTML output (the
//! Class screen draws the same report and uses these for the flags). One table like
//! [`Texts`](super::Texts): `{name}` placeholders are filled with [`fill`](super::fill).

text_table! {
    /// Every fixed text the class report writes, in one language.
    pub struct ReportWords;
    /// The report's words in `lang`.
    pub fn report_words;
    REPORT_NB, REPORT_EN;
    // The report's title and what was read.
    title: "Klasserapport", "Class report";
    summary: "{trainees} deltakere, {files} filer, {records} utsagn og rader lest", "{trainees} trainees, {files} files, {records} statements and rows read";
    duplicates: "{n} lest mer enn én gang og telt én gang", "{n} read more than once and counted once";
    ignored: "{n} utsagn fra appen som rapporten ikke bruker", "{n} statements from the app that the report does not use";
    first_attempts: "Hver deltakers første fullførte forsøk på hver quiz og samtale", "Each trainee's first completed attempt of each quiz and conversation";
    all_attempts: "Alle fullførte forsøk", "Every completed attempt";
    left_out: "{n} forsøk på quizer og samtaler utelatt (ikke fullført, eller ikke det første)", "{n} quiz and conversation attempts left out (not completed, or not the first)";
    // Headings, and what a section says when it is empty.
    quizzes: "Quizer", "Quizzes";
    flagged: "Scenarioer som bør ses på", "Scenarios to look at";
    nothing_flagged: "Ingen scenarioer er flagget.", "No scenario is flagged.";
    items: "Statistikk per scenario", "Statistics per scenario";
    accuracy: "Riktig salgstype per type", "Right sale type per type";
    matrix: "Forvekslingsmatrise", "Confusion matrix";
    matrix_axes: "Rader: riktig type. Kolonner: valgt type.", "Rows: the right type. Columns: the type chosen.";
    confusions: "De hyppigste forvekslingene", "The most frequent confusions";
    confusion: "{right} tatt for {chosen} ({count} ganger)", "{right} taken for {chosen} ({count} times)";
    trainees: "Deltakere", "Trainees";
    practice: "Øving", "Practice";
    problems: "Problemer i inndata", "Problems in the input";
    no_problems: "Ingen problemer.", "No problems.";
    conversations: "Salgssamtaler", "Sales conversations";
    // Columns and the values in them.
    quiz: "Quiz", "Quiz";
    scenario: "Scenario", "Scenario";
    attempts: "Forsøk", "Attempts";
    mean: "Snitt", "Mean";
    median: "Median", "Median";
    pass_rate: "Bestått", "Passed";
    alpha: "Cronbachs alfa", "Cronbach's alpha";
    facility: "Letthet", "Facility";
    sd: "Std.avvik", "SD";
    discrimination: "Diskriminering", "Discrimination";
    most_chosen_wrong: "Oftest valgt feil", "Most chosen wrong";
    flag: "Flagg", "Flag";
    file: "Fil", "File";
    trainee: "Deltaker", "Trainee";
    practice_volume: "Øvingsmengde", "Practice";
    practice_line: "{sessions} økter, {answers} svar", "{sessions} sessions, {answers} answers";
    needs_help: "Trenger hjelp med", "Needs help with";
    telling_apart: "å skille {right} fra {chosen}", "telling {right} from {chosen}";
    right_of: "{right} av {total}", "{right} of {total}";
    not_in_bank: "ikke i den åpne mappen", "not in the open folder";
    right_type: "Riktig type", "Right type";
    none: "–", "–";
    // The sales conversations' lines.
    conversation_line: "{title} ({id}): {attempts} forsøk; kunden gikk {left} ganger ({left_share})", "{title} ({id}): {attempts} attempts; the customer left {left} times ({left_share})";
    conversation_replies: "Svarene ga i snitt {mean} av {best} poeng på beste vei ({share})", "The replies earned on average {mean} of the best path's {best} points ({share})";
    conversation_replies_no_best: "Svarene ga i snitt {mean} poeng (beste vei ukjent)", "The replies earned on average {mean} points (best path unknown)";
    weakest_step: "Svakeste steg: {step} (snitt {mean} av 2 poeng over {n} svar)", "Weakest step: {step} (mean {mean} of 2 points over {n} replies)";
    decision_line: "Beslutningen ({n} forsøk): letthet {facility}, diskriminering mot svarene {discrimination}, oftest valgt feil {wrong}", "The decision ({n} attempts): facility {facility}, discrimination against the replies {discrimination}, most chosen wrong {wrong}";
    no_decision: "Ingen nådde beslutningen.", "No one reached the decision.";
    trainee_conversations: "{n} samtaler, svarene {share} av beste vei", "{n} conversations, replies {share} of the best path";
    // Why a scenario is flagged, and what to do about it.
    flag_negative_discrimination: "negativ diskriminering", "negative discrimination";
    flag_negative_discrimination_advice: "De sterkeste deltakerne gjør det dårligere her: sjekk fasiten og om teksten kan leses på to måter.", "The strongest trainees do worse here: check the key and whether the text can be read two ways.";
    flag_too_hard: "for vanskelig", "too hard";
    flag_too_hard_advice: "Nesten ingen får det til: gjør stikkordene tydeligere, eller undervis skillet først.", "Almost no one gets it: make the cues clearer, or teach the distinction first.";
    flag_too_easy: "for lett", "too easy";
    flag_too_easy_advice: "Nesten alle får det til: det skiller ikke mellom deltakerne.", "Almost everyone gets it: it does not tell trainees apart.";
    flag_weak: "svak", "weak";
    flag_weak_advice: "Skiller dårlig mellom sterke og svake deltakere: se over alternativene og stikkordene.", "Tells strong and weak trainees apart poorly: review the offers and the cues.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;

    #[test]
    fn every_report_word_is_translated() {
        // Words such as "Quiz", "Median" and the dash for nothing are the same in both.
        const SAME: &[&str] = &["quiz", "scenario", "median", "none"];
        assert_translated(&REPORT_NB.entries(), &REPORT_EN.entries(), |key| {
            SAME.contains(&key)
        });
    }
}
