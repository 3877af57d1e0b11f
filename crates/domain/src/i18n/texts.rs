//! Every fixed text of the interface and the command line, in Norwegian bokmål and English.
//!
//! The table is one macro invocation so a text cannot exist in one language and not the
//! other: leaving out a translation does not compile. Placeholders are `{name}`, filled in
//! with [`fill`]. Texts built from domain values (problems, slips) are
//! [`Message`](super::Message)s and
//! [`FileMessage`](super::FileMessage)s instead, rendered with [`Texts::message`].

use super::Localized;
use crate::teaching::edge_cases::EdgeCase;

impl Texts {
    /// A domain message in this language.
    pub fn message(&self, message: &impl Localized) -> String {
        message.text_in(self.lang)
    }
}

text_table! {
    /// All interface texts of one language.
    pub struct Texts;
    /// The texts of a language.
    pub fn texts;
    NB, EN;
    app_name: "Salgstreneren", "Salgstreneren";
    tab_practice: "Øving", "Practice";
    tab_problems: "Problemer ({n})", "Problems ({n})";
    language: "Språk", "Language";
    theme_dark: "Mørk", "Dark";
    theme_light: "Lys", "Light";
    theme_switch_hover: "Bytt mellom lyst og mørkt utseende", "Switch between the light and the dark look";
    language_switch_hover: "Bytt språk i programmet", "Change the language of the app";

    selection: "Utvalg", "Selection";
    selection_and_score: "Utvalg og poeng", "Selection and score";
    scenario_language: "Scenariospråk", "Scenario language";
    scenarios_in_nb: "Scenarioer på bokmål", "Scenarios in Norwegian";
    scenarios_in_en: "Scenarioer på engelsk", "Scenarios in English";
    difficulty: "Vanskelighetsgrad", "Difficulty";
    difficulty_level: "Nivå {n}", "Level {n}";
    sale_types_filter: "Riktig salgstype", "Right sale type";
    filter_hint: "Ingen avkrysning i en gruppe betyr alle.", "Nothing ticked in a group means all.";
    session: "Denne økten", "This session";
    points_of: "Poeng: {points} av {possible}", "Score: {points} of {possible}";
    answered_count: "Besvart: {n}", "Answered: {n}";
    perfect_count: "Helt riktige: {n}", "Fully right: {n}";
    remaining_count: "Igjen i runden: {n} av {total}", "Left in this round: {n} of {total}";
    source_label: "Scenarioer fra: {source}", "Scenarios from: {source}";
    source_bundled: "de innebygde scenarioene", "the bundled scenarios";

    customer: "Kunden", "The customer";
    situation: "Situasjonen", "The situation";
    which_type: "Hva slags salg er dette?", "What kind of sale is this?";
    which_offer: "Hvilket tilbud passer best?", "Which offer fits best?";
    check: "Sjekk svaret", "Check answer";
    next: "Neste scenario", "Next scenario";
    check_disabled_hover: "Velg en salgstype og et tilbud først.", "Choose a sale type and an offer first.";
    keys_hint: "Tastatur: 1–5 velger salgstype, A–F velger tilbud, Enter sjekker og går videre.", "Keyboard: 1–5 pick a sale type, A–F pick an offer, Enter checks and moves on.";
    meta_line: "{industry} · nivå {difficulty}", "{industry} · level {difficulty}";

    result_points: "{points} av {max} poeng", "{points} of {max} points";
    verdict_right: "Riktig salgstype.", "Right sale type.";
    verdict_same_family: "Nesten: begge er påfølgende salg, men typen er feil.", "Close: both are follow-on sales, but the type is wrong.";
    verdict_wrong: "Feil salgstype.", "Wrong sale type.";
    you_chose: "Du valgte", "You chose";
    right_answer: "Riktig svar", "Right answer";
    difference: "Forskjellen", "The difference";
    explanation: "Forklaring", "Explanation";
    your_offer: "Tilbudet du valgte", "The offer you chose";
    best_offer_was: "Beste tilbud", "Best offer";
    fit_best: "beste tilbud", "best offer";
    fit_acceptable: "akseptabelt", "acceptable";
    fit_poor: "passer dårlig", "poor fit";
    mark_right: "riktig", "right";
    mark_chosen: "ditt valg", "your choice";
    cues_hint: "Utslagsgivende ord er markert i teksten.", "The deciding words are highlighted in the text.";

    empty_selection: "Ingen scenarioer passer utvalget.", "No scenarios match the selection.";
    empty_selection_hint: "Kryss av for flere språk, nivåer eller salgstyper i utvalget til venstre.", "Tick more languages, levels or sale types in the selection on the left.";
    round_done: "Runden er ferdig: du har vært gjennom alle {n} scenarioene i utvalget.", "Round finished: you have been through all {n} scenarios in the selection.";
    restart: "Start en ny runde", "Start a new round";

    // Quizzes, report and progress
    tab_quiz: "Quiz", "Quizzes";
    tab_progress: "Fremgang", "Progress";
    quiz_list_heading: "Velg en quiz", "Choose a quiz";
    quiz_other_language: "Quizer på andre språk", "Quizzes in other languages";
    quiz_none_in_language: "Mappen har ingen quiz på dette språket. Hurtigquizen trekker 10 tilfeldige scenarioer:", "The folder has no quiz in this language. The quick quiz draws 10 random scenarios:";
    quiz_questions: "{n} spørsmål", "{n} questions";
    quiz_no_limit: "Ingen tidsfrist", "No time limit";
    quiz_limit: "Tidsfrist: {n} min", "Time limit: {n} min";
    quiz_pass_mark: "Bestått ved {n} %", "Pass mark: {n} %";
    quiz_feedback_after_each: "Tilbakemelding etter hvert spørsmål", "Feedback after each question";
    quiz_feedback_at_end: "Tilbakemelding i rapporten til slutt", "Feedback in the report at the end";
    quiz_confidence_asked: "Du oppgir hvor sikker du er på hvert svar", "You state how sure you are of each answer";
    quiz_same_for_all: "Alle får de samme spørsmålene i samme rekkefølge", "Everyone gets the same questions in the same order";
    quiz_only_full_points: "Bare helt riktige svar gir poeng", "Only fully right answers score";
    quiz_start: "Start quizen", "Start the quiz";
    quiz_back: "Tilbake til quizene", "Back to the quizzes";
    quiz_question_of: "Spørsmål {k} av {n}", "Question {k} of {n}";
    quiz_time_left: "Tid igjen: {time}", "Time left: {time}";
    quiz_flag: "Merk for senere", "Flag for later";
    quiz_unflag: "Fjern merket", "Remove the flag";
    quiz_previous: "Forrige", "Previous";
    quiz_next: "Neste", "Next";
    quiz_submit: "Lever", "Submit";
    quiz_confirm_heading: "Levere nå?", "Submit now?";
    quiz_confirm_unanswered: "{n} spørsmål er ikke besvart og gir 0 poeng.", "{n} questions are unanswered and score 0.";
    quiz_confirm_yes: "Lever likevel", "Submit anyway";
    quiz_confirm_no: "Fortsett quizen", "Keep going";
    quiz_answered_count: "Besvart: {n} av {total}", "Answered: {n} of {total}";
    quiz_go_to: "Gå til spørsmål {k}", "Go to question {k}";
    quiz_nav_hint: "Tastatur: 1–5 salgstype, A–F tilbud, piltastene bytter spørsmål.", "Keyboard: 1–5 sale type, A–F offer, arrow keys change question.";
    quiz_nav_hint_confidence: "Tastatur: 1–5 salgstype, A–F tilbud, 7–9 hvor sikker (7 gjetter, 8 ganske sikker, 9 sikker), piltastene bytter spørsmål.", "Keyboard: 1–5 sale type, A–F offer, 7–9 how sure (7 guessing, 8 fairly sure, 9 sure), arrow keys change question.";
    quiz_without_confidence_count: "{n} uten oppgitt sikkerhet", "{n} without confidence given";
    quiz_confirm_without_confidence: "{n} svar mangler hvor sikker du er. De gir poeng, men telles ikke med i sikkerhetsoversikten.", "{n} answers have no confidence given. They are scored, but left out of the confidence figures.";
    quiz_time_up: "Tiden er ute, og quizen ble levert.", "Time is up, and the quiz was submitted.";
    confidence_question: "Hvor sikker er du?", "How sure are you?";
    confidence_low: "Gjetter", "Guessing";
    confidence_medium: "Ganske sikker", "Fairly sure";
    confidence_high: "Sikker", "Sure";
    report_heading: "Resultat: {title}", "Result: {title}";
    report_score: "{points} av {max} poeng ({percent} %)", "{points} of {max} points ({percent} %)";
    report_passed: "Bestått", "Passed";
    report_failed: "Ikke bestått", "Not passed";
    report_pass_mark: "grensen er {n} %", "the pass mark is {n} %";
    report_time_used: "Tid brukt: {time}", "Time used: {time}";
    report_unanswered: "Ubesvarte spørsmål: {n}", "Unanswered questions: {n}";
    report_by_type: "Riktig salgstype, per type", "Right sale type, per type";
    report_matrix: "Riktig type (rader) mot valgt type (kolonner)", "Right type (rows) against chosen type (columns)";
    report_confusion_sentence: "Du valgte oftest {chosen} der {right} var riktig (antall: {n}).", "You most often chose {chosen} where {right} was right (count: {n}).";
    accuracy_cell: "{type}: {right} av {total}", "{type}: {right} of {total}";
    report_no_confusion: "Ingen salgstyper ble forvekslet.", "No sale types were mixed up.";
    report_calibration: "Sikkerhet og treff", "Confidence and accuracy";
    report_calibration_row: "{right} av {total} riktige", "{right} of {total} right";
    report_calibration_warning: "Du var sikker, men tok feil {n} ganger: les forklaringene på de spørsmålene nøye.", "You were sure but wrong {n} times: read the explanations for those questions closely.";
    report_review: "Gjennomgang av spørsmålene", "Review of the questions";
    report_question: "Spørsmål {k}: {title}", "Question {k}: {title}";
    report_not_answered: "Ikke besvart. Riktig salgstype var {type}.", "Not answered. The right sale type was {type}.";
    report_again: "Ta quizen på nytt", "Take the quiz again";
    progress_heading: "Din fremgang", "Your progress";
    progress_empty: "Ingen svar ennå. Øv eller ta en quiz, så vises fremgangen din her.", "No answers yet. Practise or take a quiz and your progress shows here.";
    progress_summary: "{answers} svar og {quizzes} leverte quizer.", "{answers} answers and {quizzes} submitted quizzes.";
    progress_conversations: "Salgssamtaler: {played} spilt, {left} der kunden gikk før avgjørelsen. Svarene dine ga {points} av {best} mulige poeng, og {missed} avgjørende fakta kom ikke fram.", "Sales conversations: {played} played, {left} where the customer left before the decision. Your replies earned {points} of {best} possible points, and {missed} deciding facts were never brought out.";
    progress_scores: "Poeng over tid per quiz (prosent)", "Score over time per quiz (percent)";
    progress_by_type: "Riktig salgstype per type, alle svar", "Right sale type per type, all answers";
    progress_confusions: "Dine vanligste forvekslinger", "Your most frequent confusions";
    progress_confusion_row: "{right} tatt for {chosen}: {n} ganger", "{right} taken for {chosen}: {n} times";
    progress_practice_pair: "Øv på disse to", "Practise these two";
    progress_export: "Eksporter som CSV", "Export as CSV";
    progress_export_path: "CSV-fil", "CSV file";
    progress_exported: "Lagret {path}", "Saved {path}";
    progress_history_file: "Historikken lagres i {path}", "The history is kept in {path}";
    progress_no_history_file: "Historikken lagres ikke, fordi ingen datamappe ble funnet.", "The history is not saved, because no data folder was found.";
    due_count: "Til repetisjon i runden: {n}", "Due for review in this round: {n}";
    notice_history_kept_aside: "Historikkfilen kunne ikke leses ({reason}). Den er flyttet til {path}, og en ny er startet.", "The history file could not be read ({reason}). It was moved to {path} and a new one was started.";
    notice_history_partly_kept: "Historikkfilen hadde forsøk som appen ikke kan bruke ({reason}). Originalen er flyttet til {path}; forsøkene appen kan bruke, er beholdt ({kept}).", "The history file held attempts the app cannot use ({reason}). The original was moved to {path}; the attempts the app can use are kept ({kept}).";
    notice_save_failed: "Kunne ikke lagre: {error}", "Could not save: {error}";
    notice_settings_kept_aside: "Innstillingsfilen kunne ikke leses ({reason}). Den er flyttet til {path}, og standardinnstillingene brukes.", "The settings file could not be read ({reason}). It was moved to {path} and the default settings are used.";
    dismiss: "Lukk", "Dismiss";

    // Editor
    tab_editor: "Redigering", "Editor";
    editor_search: "Søk", "Search";
    editor_search_hint: "Tittel, id eller tekst", "Title, id or text";
    editor_any_language: "Alle språk", "All languages";
    editor_any_type: "Alle typer", "All types";
    editor_any_level: "Alle nivåer", "All levels";
    editor_tag_filter: "Etikett", "Tag";
    editor_count: "{shown} av {total} filer", "{shown} of {total} files";
    editor_new: "Nytt scenario", "New scenario";
    editor_new_quiz: "Ny quiz", "New quiz";
    editor_new_conversation: "Ny samtale", "New conversation";
    editor_duplicate: "Dupliser", "Duplicate";
    editor_delete: "Slett", "Delete";
    editor_save: "Lagre", "Save";
    editor_save_hover: "Lagre (Ctrl+S)", "Save (Ctrl+S)";
    editor_saved: "Lagret {path}", "Saved {path}";
    editor_unsaved: "Ulagrede endringer", "Unsaved changes";
    editor_new_file: "Ny fil, ikke lagret ennå", "New file, not saved yet";
    editor_pick: "Velg en fil i listen, eller lag et nytt scenario.", "Pick a file in the list, or create a new scenario.";
    editor_readonly: "De innebygde scenarioene kan ikke endres. Kopier dem til en tom mappe for å redigere dem:", "The bundled scenarios are read-only. Copy them into an empty folder to edit them:";
    editor_copy_to: "Mappe", "Folder";
    editor_copy: "Kopier og åpne", "Copy and open";
    editor_copied: "Kopierte {n} filer til {path}. Den mappen er nå åpen.", "Copied {n} files to {path}. That folder is now open.";
    editor_errors_block_save: "Kan ikke lagres før feilene er rettet ({n}).", "Cannot be saved until the errors are fixed ({n}).";
    editor_warnings_note: "Advarsler: {n}. Filen kan lagres.", "Warnings: {n}. The file can be saved.";
    editor_refused: "Ikke lagret: {reason}", "Not saved: {reason}";
    editor_file_reloaded: "Filen ble endret på disken og lastet inn på nytt.", "The file changed on disk and was loaded again.";
    editor_deleted: "Flyttet til {path}", "Moved to {path}";
    editor_conversation_hint: "Samtaler skrives som tekst. Problemene vises over med linje og kolonne, og grafen under teksten viser samtalen.", "Conversations are written as text. Problems show above with their line and column, and the graph below the text shows the conversation.";
    editor_raw_hint: "Filen kan ikke leses. Rett teksten; skjemaet kommer tilbake når den kan leses.", "The file cannot be read. Fix the text; the form comes back once it can be read.";
    editor_preview: "Forhåndsvisning", "Preview";
    editor_preview_reset: "Prøv igjen", "Try again";
    editor_kind_scenario: "scenariofil", "scenario file";
    editor_kind_quiz: "quizfil", "quiz file";
    editor_mark_errors: "{n} feil", "{n} errors";
    editor_mark_warnings: "{n} adv.", "{n} warn.";
    field_id: "Id (unik)", "Id (unique)";
    field_id_hint: "Endrer du id-en, får filen nytt navn når du lagrer.", "Changing the id renames the file when you save.";
    field_title: "Tittel", "Title";
    field_industry: "Bransje", "Industry";
    field_tags: "Etiketter", "Tags";
    field_add: "Legg til", "Add";
    field_answer: "Riktig svar", "Right answer";
    field_cues: "Nøkkelfraser", "Cues";
    field_cues_hint: "Markér tekst i kunden eller situasjonen, og legg den til som nøkkelfrase.", "Select text in the customer or situation, and add it as a cue.";
    field_add_cue: "Legg til markert tekst: «{text}»", "Add the selected text: “{text}”";
    field_offers: "Tilbud", "Offers";
    field_offer: "Tilbud {k}", "Offer {k}";
    field_offer_text: "Tekst", "Text";
    field_offer_kind: "Salgstype", "Sale type";
    field_offer_fit: "Passer", "Fit";
    field_offer_feedback: "Tilbakemelding", "Feedback";
    field_add_offer: "Legg til tilbud", "Add an offer";
    field_move_up: "Flytt opp", "Move up";
    field_move_down: "Flytt ned", "Move down";
    field_remove: "Fjern", "Remove";
    field_image: "Bilde", "Image";
    field_no_image: "Ingen", "None";
    quiz_field_questions: "Antall spørsmål", "Number of questions";
    quiz_field_tags: "Etiketter (skilt med komma)", "Tags (comma separated)";
    quiz_field_ids: "Bare disse id-ene (skilt med komma)", "Only these ids (comma separated)";
    quiz_field_seed: "Samme spørsmål for alle, frø:", "Same questions for everyone, seed:";
    quiz_field_time_limit: "Tidsfrist i minutter:", "Time limit in minutes:";
    quiz_field_pass: "Bestått ved (%)", "Pass mark (%)";
    quiz_field_feedback: "Når tilbakemelding vises", "When feedback is shown";
    quiz_field_partial: "Delpoeng", "Partial credit";
    quiz_field_confidence: "Spør hvor sikker deltakeren er", "Ask how sure the trainee is";
    quiz_matches: "Utvalget treffer {n} scenarioer.", "The selection matches {n} scenarios.";
    dialog_discard_text: "{name} har endringer som ikke er lagret.", "{name} has changes that are not saved.";
    dialog_discard: "Forkast endringene", "Discard the changes";
    dialog_cancel: "Avbryt", "Cancel";
    dialog_conflict_heading: "Filen er endret på disken", "The file changed on disk";
    dialog_conflict_text: "Noen har endret {name} siden du åpnet den. Hva vil du gjøre?", "Someone changed {name} since you opened it. What do you want to do?";
    dialog_reload: "Last inn deres versjon", "Load their version";
    dialog_overwrite: "Overskriv med min", "Overwrite with mine";
    dialog_save_copy: "Lagre min som kopi", "Save mine as a copy";
    dialog_delete_heading: "Slette {name}?", "Delete {name}?";
    dialog_delete_text: "Filen flyttes til .trash/ i scenariomappen og kan hentes tilbake derfra.", "The file is moved to .trash/ in the scenario folder and can be taken back from there.";
    interop_heading: "Import og eksport", "Import and export";
    interop_path: "Fil", "File";
    interop_export_moodle: "Eksporter Moodle XML", "Export Moodle XML";
    interop_export_gift: "Eksporter GIFT", "Export GIFT";
    interop_export_csv: "Eksporter CSV", "Export CSV";
    interop_import_csv: "Importer CSV", "Import CSV";
    interop_exported: "Eksporterte {n} scenarioer til {path}", "Exported {n} scenarios to {path}";
    interop_imported: "Import fra {path}: {summary}", "Import from {path}: {summary}";
    interop_import_readonly: "Kopier de innebygde scenarioene til en mappe før du importerer.", "Copy the bundled scenarios into a folder before importing.";
    notice_reloaded: "Scenariomappen ble endret og lastet inn på nytt.", "The scenario folder changed and was loaded again.";

    problems_banner: "{n} filer har feil og ble ikke lastet.", "{n} files have errors and were not loaded.";
    problems_show: "Vis problemene", "Show the problems";
    problems_heading: "Problemer i scenariofilene", "Problems in the scenario files";
    problems_none: "Alle scenariofilene ble lastet uten problemer.", "Every scenario file loaded without problems.";
    problems_summary: "{files} filer undersøkt: {errors} feil, {warnings} advarsler.", "{files} files checked: {errors} errors, {warnings} warnings.";
    problems_explain: "Filer med feil er ikke med i øvingen før feilen er rettet. Advarsler stopper ikke filen.", "Files with errors are left out of practice until fixed. Warnings do not stop a file.";
    severity_error: "Feil", "Error";
    severity_warning: "Advarsel", "Warning";
    column_file: "Fil", "File";
    column_message: "Melding", "Message";

    // Learn screen and guided practice
    tab_learn: "Lær", "Learn";
    tab_guided: "Steg for steg", "Step by step";
    learn_heading: "Lær salgstypene", "Learn the sale types";
    learn_intro: "Et salg sorteres etter forholdet mellom deg, kunden og det kunden har kjøpt før. To spørsmål avgjør hvilken av de fem typene det er.", "A sale is sorted by the relation between you, the customer and what the customer bought before. Two questions decide which of the five types it is.";
    diagram_heading: "Beslutningsveien", "The decision path";
    diagram_hint: "Klikk på en boks for å lese hva den betyr.", "Click a box to read what it means.";
    diagram_yes: "Ja", "Yes";
    diagram_no: "Nei", "No";
    step_n: "Steg {n}", "Step {n}";
    types_heading: "De fem salgstypene", "The five sale types";
    deciding_cue: "Kjennetegn", "How to recognise it";
    examples: "Eksempler", "Examples";
    confused_with: "Forveksles ofte med {type}", "Often confused with {type}";
    guided_intro: "Svar på spørsmålene i beslutningsveien før du velger salgstype. Blir svaret feil, får du vite hvilket steg som sporet av.", "Answer the questions of the decision path before you choose the sale type. If the answer is wrong, you learn which step went off track.";
    guided_selection_hint: "Scenarioene trekkes fra utvalget på Øving-fanen.", "Scenarios are drawn from the selection on the Practice tab.";
    yes_key: "J", "Y";
    final_step: "Svar: salgstype og tilbud", "Answer: sale type and offer";
    path_leads_to: "Svarene dine leder til {type}. Du kan endre typen før du sjekker.", "Your answers lead to {type}. You can change the type before checking.";
    guided_keys_hint: "Tastatur: J eller Y for ja og N for nei i steg 1, 1–4 i steg 2, så 1–5 for salgstype, A–F for tilbud og Enter for å sjekke og gå videre.", "Keyboard: Y or J for yes and N for no in step 1, 1–4 in step 2, then 1–5 for the sale type, A–F for the offer and Enter to check and move on.";
    your_path: "Veien din", "Your path";
    path_all_right: "Alle stegene var riktige.", "Every step was right.";
    guided_edge_case: "Grensetilfelle: {case}", "Edge case: {case}";
    guided_edge_case_more: "Les mer om grensetilfellene på Lær-fanen.", "Read more about the edge cases on the Learn tab.";

    // Edge cases: the Learn screen's lesson and the practice selection
    edge_heading: "Grensetilfeller", "Edge cases";
    edge_intro: "Definisjonene lar noen situasjoner stå åpne, og det er nettopp der mange tar feil i praksis. Her er hvordan kurset avgjør dem, og hvorfor avgjørelsen følger av definisjonene. Knappen under hvert tilfelle starter øving på scenarioene som er skrevet for å trene akkurat det.", "The definitions leave a few situations open, and that is exactly where people go wrong in real life. Here is how this course rules them, and why each ruling follows from the definitions. The button under each case starts practice on the scenarios written to train exactly that.";
    edge_ruling: "Regelen", "The ruling";
    edge_why: "Hvorfor", "Why";
    edge_example: "Eksempel", "Example";
    edge_example_answer: "Svar: {type}", "Answer: {type}";
    edge_practice: "Øv på «{case}» ({count})", "Practise “{case}” ({count})";
    edge_count_one: "ett scenario", "one scenario";
    edge_count_many: "{n} scenarioer", "{n} scenarios";
    edge_practice_none: "Ingen scenarioer på de valgte språkene trener dette ennå.", "No scenarios in the chosen languages train this yet.";
    edge_filter: "Grensetilfelle", "Edge case";
    edge_filter_clear: "Vis alle scenarioer", "Show all scenarios";

    edge_known_customer_title: "Kjent kunde, ukjent produkt", "Existing customer, unfamiliar product";
    edge_known_customer_ruling: "En kunde som har kjøpt av deg før, gir et påfølgende salg også når produktet er helt nytt for dem; et annet produkt er da kryssalg.", "A customer who has bought from you before makes a follow-on sale even when the product is brand new to them; a different product is then a cross-sale.";
    edge_known_customer_why: "Steg 1 spør bare om kunden noen gang har kjøpt av deg. At produktet er ukjent, er typisk for nysalg, men ikke et vilkår, så en kjent kunde går alltid videre til steg 2.", "Step 1 asks only whether the customer has ever bought from you. An unfamiliar product is typical of a new sale, not a condition for it, so an existing customer always goes on to step 2.";
    edge_known_customer_example: "En kunde som har kjøpt telefoner og PC-er hos deg i ti år, har aldri hatt fotolys og trenger det til nettbutikken sin.", "A customer who has bought phones and laptops from you for ten years has never owned photo lighting and needs some for her online shop.";
    edge_who_title: "Hvem er kunden?", "Who is the customer?";
    edge_who_ruling: "Kunden er den som kjøper: en datter som kjøper sin første bil for egne penger, er en ny kunde selv om faren handler fast hos deg, og et firma med nytt navn, men samme innkjøper og avtale, er den samme kunden.", "The buyer is the customer: a daughter buying her first car with her own money is a new customer even if her father is a regular, and a renamed company with the same buyer and agreement is the same customer.";
    edge_who_why: "Steg 1 spør om denne kunden har kjøpt av deg. Den som følger med, er ikke kunden, og et nytt navn endrer verken hvem som kjøper eller avtalen det kjøpes på.", "Step 1 asks whether this customer has bought from you. Whoever comes along is not the customer, and a new name changes neither who buys nor the agreement they buy on.";
    edge_who_example: "Ida (19) kjøper sin første bil med egne sparepenger, mens faren, som har kjøpt tre biler hos deg, står ved siden av.", "Ida, 19, buys her first car with her own savings while her father, who has bought three cars from you, stands beside her.";
    edge_growth_title: "Erstatning og vekst", "Replacement plus growth";
    edge_growth_ruling: "Årsaken til kjøpet avgjør: det som kjøpes fordi det gamle er slitt eller utdatert, er gjensalg også når antallet øker; flere enheter fordi kunden vil ha flere, uten at noe er slitt, er mersalg.", "The reason for the purchase decides: what is bought because the old is worn out or outdated is a replacement sale even when the number grows; more units because more are wanted, with nothing worn out, is more of the same.";
    edge_growth_why: "Gjensalg og mersalg gjelder begge det samme produktet igjen. Det som skiller dem, er hvorfor kunden kjøper, ikke hvor mange.", "Replacement and more of the same both concern the same product again. What separates them is why the customer buys, not how many.";
    edge_growth_example: "Et bakeri bytter ut åtte tynnslitte sett bakerklær med tolv, fordi de har ansatt flere.", "A bakery replaces eight worn-out sets of work clothes with twelve, because it has taken on more staff.";
    edge_consumables_title: "Forbruksvarer til en maskin", "Consumables for a machine";
    edge_consumables_ruling: "Forbruksvarer som hører til en maskin kunden nettopp har kjøpt, er tilleggssalg; når kunden senere bestiller de samme varene igjen på avtalte vilkår, er det mersalg.", "Consumables that belong to a machine the customer has just bought are an add-on sale; when the customer later re-orders the same consumables on agreed terms, that is more of the same.";
    edge_consumables_why: "Sammen med maskinen utvider varene det som nettopp ble kjøpt. Senere er varene selv produktet kunden kjøper igjen.", "Bought with the machine, they extend what was just bought. Later, the consumables are themselves the product the customer buys again.";
    edge_consumables_example: "Barnehagen som kjøpte en laminator i dag, trenger 200 lommer til den, for maskinen kom med ti.", "The nursery that bought a laminator today needs 200 pouches for it, because the machine came with ten.";
    edge_parts_title: "Deler som slites", "Parts that wear out";
    edge_parts_ruling: "Å bytte en slitt del, som et nytt batteri til en åtte år gammel elsykkel, er gjensalg.", "Replacing a worn part, such as a new battery for an eight-year-old e-bike, is a replacement sale.";
    edge_parts_why: "Delen hører til produktet, men den utvider ikke noe kunden nettopp kjøpte: den erstatter noe som er slitt ut, og det er kjennetegnet på gjensalg.", "The part belongs to the product, but it does not extend something just bought: it replaces something worn out, which is the mark of a replacement sale.";
    edge_parts_example: "Batteriet på elsykkelen en kunde kjøpte hos deg for åtte år siden, holder ikke lenger en tur til jobben.", "The battery of the e-bike a customer bought from you eight years ago no longer lasts the ride to work.";
    edge_services_title: "Tjenester og abonnementer", "Services and subscriptions";
    edge_services_ruling: "Tjenester regnes som produkter: et ekstra eSIM på et abonnement er tilleggssalg, en utdatert serviceavtale fornyet med nytt, moderne innhold er gjensalg, og flere abonnementer på samme avtale er mersalg.", "Services count as products: an extra eSIM on a subscription is an add-on sale, an outdated service contract renewed with new, modern content is a replacement sale, and more subscriptions on the same agreement are more of the same.";
    edge_services_why: "Definisjonene spør hva som tilbys sett opp mot det kunden har, ikke om det er en vare eller en tjeneste. Still det samme spørsmålet i steg 2.", "The definitions ask what is offered relative to what the customer has, not whether it is goods or a service. Ask the same question in step 2.";
    edge_services_example: "En kunde som nettopp tegnet mobilabonnement hos deg, vil ha samme nummer på smartklokken sin og får et ekstra eSIM.", "A customer who has just signed a mobile subscription with you wants the same number on her smartwatch and gets an extra eSIM.";
    edge_after_sale_title: "Rett etter et salg", "Right after a sale";
    edge_after_sale_ruling: "Kryssalg tilbys i samme møte som et kjøp eller som en direkte oppfølging av det; en kunde som kommer tilbake etter noen måneder for et produkt uten binding til det forrige, er ikke nysalg og ligger nærmest kryssalg.", "A cross-sale is offered in the same meeting as a purchase or as a direct follow-up of it; a customer who returns months later for an unrelated product is not a new sale and is closest to a cross-sale.";
    edge_after_sale_why: "Kunden har kjøpt av deg, så steg 1 gir et påfølgende salg, og et produkt uten binding til det forrige er kryssalg. Et godt scenario sier når og hvorfor tilbudet kommer.", "The customer has bought from you, so step 1 makes it a follow-on sale, and a product not tied to the earlier one is a cross-sale. A good scenario says when and why the offer is made.";
    edge_after_sale_example: "Mens en hotellgjest betaler for oppholdet, nevner han at han leter etter en gave til foreldrene, og du foreslår et gavekort på en spadag.", "While a hotel guest pays for his stay, he mentions that he is looking for a present for his parents, and you suggest a spa day gift card.";

    browse: "Bla gjennom…", "Browse…";
    browse_save_as: "Lagre som…", "Save as…";
    browse_hover: "Velg med filvelgeren, eller skriv stien i feltet.", "Choose with the file dialog, or type the path in the field.";
    browse_unavailable: "Fant ingen filvelger (verken skrivebordsportal eller zenity). Skriv stien i feltet.", "No file dialog found (neither a desktop portal nor zenity). Type the path in the field.";
    loading_heading: "Laster scenarioene …", "Loading the scenarios …";
    loading_source: "Fra {source}", "From {source}";
    loading_listing: "Ser etter filer …", "Looking for files …";
    loading_files: "{read} av {total} filer lest", "{read} of {total} files read";
    loading_problems: "{n} problemer funnet så langt", "{n} problems found so far";
    loading_failed: "Kunne ikke laste scenarioene: {error}", "Could not load the scenarios: {error}";
    open_folder: "Åpne en annen scenariomappe", "Open another scenario folder";
    open_folder_tab: "Mappe…", "Folder…";
    open_folder_path: "Scenariomappe", "Scenario folder";
    open_folder_button: "Åpne", "Open";
    open_folder_bundled: "Bruk de innebygde", "Use the bundled ones";
    tab_conversations: "Samtaler", "Conversations";
    conv_heading: "Salgssamtaler", "Sales conversations";
    conv_intro: "Snakk med kunden, finn ut hva kunden trenger ved å spørre, og avgjør så salgstypen og tilbudet.", "Talk with the customer, find out what they need by asking, then decide the sale type and the offer.";
    conv_none: "Ingen samtaler passer utvalget.", "No conversation matches the selection.";
    conv_none_hint: "Endre utvalget, eller legg samtalefiler i scenariomappen (se docs/conversation-format.md).", "Change the selection, or add conversation files to the scenario folder (see docs/conversation-format.md).";
    conv_count: "{n} samtaler i utvalget", "{n} conversations in the selection";
    conv_meta: "{industry} · nivå {difficulty} · {steps} steg", "{industry} · level {difficulty} · {steps} steps";
    conv_start: "Start samtalen", "Start the conversation";
    conv_feedback_at_end: "Vis tilbakemelding først til slutt", "Show feedback only at the end";
    conv_known: "Det du vet", "What you know";
    conv_known_none: "Ingenting ennå: still gode spørsmål.", "Nothing yet: ask good questions.";
    conv_customer_says: "Kunden", "Customer";
    conv_you_say: "Du", "You";
    conv_your_reply: "Hva sier du?", "What do you say?";
    conv_reply_keys: "Tastatur: 1–9 velger svar.", "Keyboard: 1–9 pick a reply.";
    conv_quality_good: "Godt svar (2 poeng)", "Good reply (2 points)";
    conv_quality_acceptable: "Greit svar (1 poeng)", "Acceptable reply (1 point)";
    conv_quality_poor: "Svakt svar (0 poeng)", "Poor reply (0 points)";
    conv_left: "Kunden gikk", "The customer left";
    conv_decide: "Avgjør salget", "Decide the sale";
    conv_result: "Resultat", "Result";
    conv_reply_points: "Samtalen: {points} av {best} poeng (den beste veien gir {best})", "Conversation: {points} of {best} points (the best path earns {best})";
    conv_total_points: "Til sammen: {points} av {max} poeng", "In total: {points} of {max} points";
    conv_no_decision: "Ingen avgjørelse: kunden gikk før du kom så langt (0 av 4 poeng).", "No decision: the customer left before you got that far (0 of 4 points).";
    conv_your_path: "Din vei", "Your path";
    conv_best_path: "Beste vei", "Best path";
    conv_uncovered: "Fakta du fikk fram", "Facts you uncovered";
    conv_missed: "Fakta du gikk glipp av", "Facts you missed";
    conv_uncovered_none: "Ingen: du stilte ingen spørsmål som fikk kunden til å fortelle noe.", "None: no question of yours got the customer to tell you anything.";
    conv_missed_none: "Ingen: du fikk fram alt som avgjør salget.", "None: you uncovered everything that decides the sale.";
    conv_what_went_wrong: "Det som gikk galt", "What went wrong";
    conv_feedback_list: "Tilbakemelding på svarene dine", "Feedback on your replies";
    conv_back: "Tilbake til listen", "Back to the list";
    conv_again: "Prøv samtalen igjen", "Try the conversation again";
    graph_heading: "Samtalen som graf", "The conversation as a graph";
    graph_hint: "Steg er bokser, svar er piler: grønn er godt, gul greit, rød svakt. Klikk et steg for å se det. Røde bokser nås ikke fra start; en tykk rød pil lager en sirkel.", "Steps are boxes, replies are arrows: green is good, yellow acceptable, red poor. Click a step to see it. Red boxes cannot be reached from start; a thick red arrow makes a cycle.";
    graph_try: "Prøv samtalen", "Try the conversation";
    graph_step: "Steg «{id}»", "Step “{id}”";
    graph_decide: "Avgjør", "Decide";
    graph_leave: "Går", "Leaves";
    graph_unreachable: "{id} (nås ikke)", "{id} (unreachable)";
    conv_cues_hint: "Det som avgjør salgstypen er uthevet.", "What decides the sale type is highlighted.";

    // Command line
    cli_check_summary: "{scenarios} scenarioer, {conversations} samtaler, {quizzes} quizer, {errors} feil, {warnings} advarsler", "{scenarios} scenarios, {conversations} conversations, {quizzes} quizzes, {errors} errors, {warnings} warnings";
    cli_invalid_id: "{id} er ikke en gyldig id: bruk små a-z, sifre og '-', for eksempel \"{example}\"", "{id} is not a valid id: use lower-case a-z, digits and '-', such as \"{example}\"";
    cli_file_exists: "{path} finnes allerede: velg en annen id (ingenting ble overskrevet)", "{path} already exists: choose another id (nothing was overwritten)";
    cli_exported: "eksporterte {n} scenarioer til {path}", "exported {n} scenarios to {path}";
    cli_left_out: "{n} filer med feil ble utelatt", "{n} files with errors were left out";
    cli_imported_into: "{summary} inn i {path}", "{summary} into {path}";
    // Texts the domain builds into its values: the quick quiz, the decision path, the new
    // files of the editor, the words of exported questions (in the scenario's language).
    quick_quiz_title: "Hurtigquiz: 10 tilfeldige scenarioer", "Quick quiz: 10 random scenarios";
    path_relation_more: "Mer av det samme", "More of the same";
    path_relation_replacement: "Erstatter noe slitt eller utdatert", "Replaces something worn or outdated";
    path_relation_extension: "Tilbehør eller utvidelse", "Accessory or extension";
    path_relation_different: "Et annet produkt", "A different product";
    path_step_known_customer: "Har denne kunden noen gang kjøpt av deg?", "Has this customer ever bought from you?";
    path_step_relation: "Hva tilbyr du, sett opp mot det kunden har eller nettopp kjøpte?", "What is offered relative to what they have or just bought?";
    new_scenario_id: "nytt-scenario", "new-scenario";
    new_quiz_id: "ny-quiz", "new-quiz";
    new_conversation_id: "ny-samtale", "new-conversation";
    conversation_folder: "samtaler", "conversations";
    export_customer: "Kunde", "Customer";
    export_situation: "Situasjon", "Situation";
    export_type_word: "salgstype", "sale type";
    export_offer_word: "tilbud", "offer";
    export_type_prompt: "Hvilken salgstype er dette?", "Which type of sale is this?";
    export_offer_prompt: "Hvilket oppfølgingstilbud passer best?", "Which follow-up offer fits best?";
    cli_no_data_dir: "ingen datamappe: oppgi en med --data-dir MAPPE", "no data folder: give one with --data-dir DIR";
    cli_history_unreadable: "{path}: historikken kunne ikke leses ({reason}); den ble flyttet til {moved_to}, og ingenting ble eksportert", "{path}: the history could not be read ({reason}); it was moved to {moved_to} and nothing was exported";
    cli_no_history_yet: "{path}: ingen historikk ennå", "{path}: no history yet";
    cli_class_nothing_readable: "ingenting lesbart i {n} inndata: oppgi filer eller mapper med eksporter fra `salgstrener results`", "nothing readable in {n} input(s): give files or folders of `salgstrener results` exports";
    cli_class_written: "klasserapporten for {n} deltakere er skrevet til {path}", "class report of {n} trainees written to {path}";
    cli_class_problems: "{n} problem(er) i inndataene: rapporten utelater de utsagnene", "{n} problem(s) in the input: the report leaves those statements out";
    cli_stdout_failed: "kan ikke skrive til standard utdata: {error}", "cannot write to standard output: {error}";
    cli_window_closed_early: "vinduet ble lukket før det første bildet ble tatt", "the window closed before its first frame was captured";
    cli_window_failed: "kunne ikke åpne vinduet: {error}", "could not open the window: {error}";

    tab_class: "Klasse", "Class";
    class_heading: "Klasserapport", "Class report";
    class_intro: "Les inn deltakernes eksporterte resultater (xAPI, svar fra en LRS eller CSV) og se hvem som trenger hjelp, hvilke salgstyper klassen forveksler og hvilke scenarioer som ikke fungerer.", "Read the trainees' exported results (xAPI, an LRS response or CSV) and see who needs help, which sale types the class confuses and which scenarios do not work.";
    class_folder: "Mappe med eksporter", "Folder of exports";
    class_all_attempts: "Alle forsøk", "Every attempt";
    class_load: "Lag rapport", "Make report";
    class_html_path: "HTML-fil", "HTML file";
    class_save_html: "Lagre som HTML", "Save as HTML";
    class_nothing_read: "Fant ingen resultater å rapportere i mappen.", "No results to report were found in the folder.";
    class_problems: "Problemer i inndata ({n})", "Problems in the input ({n})";
    class_flagged: "Scenarioer som bør ses på", "Scenarios to look at";
    class_not_flagged: "Ikke flagget", "Not flagged";
    class_nothing_flagged: "Ingen scenarioer er flagget.", "No scenario is flagged.";
    class_open_in_editor: "Åpne i redigering", "Open in the editor";
    class_not_in_bank: "ikke i den åpne mappen", "not in the open folder";
    class_accuracy: "Riktig salgstype per type", "Right sale type per type";
    class_matrix: "Forvekslinger (rad: riktig, kolonne: valgt)", "Confusions (row: right, column: chosen)";
    class_confusions: "De hyppigste forvekslingene", "The most frequent confusions";
    class_items: "Statistikk per scenario", "Statistics per scenario";
    class_trainees: "Deltakere", "Trainees";
    col_scenario: "Quiz og scenario", "Quiz / scenario";
    col_attempts: "Forsøk", "Attempts";
    col_facility: "Letthet", "Facility";
    col_discrimination: "Diskriminering", "Discrimination";
    col_flag: "Flagg", "Flag";
    col_wrong: "Oftest valgt feil", "Most chosen wrong";
    col_trainee: "Deltaker", "Trainee";
    col_mean: "Snitt", "Mean";
    col_practice: "Øvingssvar", "Practice answers";
    col_needs_help: "Trenger hjelp med", "Needs help with";
    class_sorted_up: " (stigende)", " (ascending)";
    class_sorted_down: " (synkende)", " (descending)";
    class_reading: "Leser eksportene …", "Reading the exports …";
    class_computing: "Regner ut rapporten …", "Computing the report …";
    class_cancel: "Avbryt", "Cancel";
    class_conversations: "Salgssamtaler", "Sales conversations";
    class_interrupted: "Lesingen stoppet uten rapport. Prøv igjen.", "The reading stopped without a report. Try again.";
}

/// The texts that teach one edge case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EdgeCaseTexts {
    /// A short name for the case.
    pub title: &'static str,
    /// The ruling in one sentence.
    pub ruling: &'static str,
    /// Why the ruling follows from the definitions.
    pub why: &'static str,
    /// A short example, whose answer is [`EdgeCase::example_answer`].
    pub example: &'static str,
}

impl Texts {
    /// The label of the button that practises `case`, with how many scenarios it would draw.
    /// The case's name keeps the seven buttons apart for a screen reader.
    pub fn edge_practice_label(&self, case: EdgeCase, n: usize) -> String {
        let count = match n {
            1 => self.edge_count_one.to_owned(),
            n => fill(self.edge_count_many, &[("n", &n)]),
        };
        fill(
            self.edge_practice,
            &[("case", &self.edge_case(case).title), ("count", &count)],
        )
    }

    /// How an edge case is taught in this language.
    pub fn edge_case(&self, case: EdgeCase) -> EdgeCaseTexts {
        let (title, ruling, why, example) = match case {
            EdgeCase::KnownCustomerNewProduct => (
                self.edge_known_customer_title,
                self.edge_known_customer_ruling,
                self.edge_known_customer_why,
                self.edge_known_customer_example,
            ),
            EdgeCase::WhoIsTheCustomer => (
                self.edge_who_title,
                self.edge_who_ruling,
                self.edge_who_why,
                self.edge_who_example,
            ),
            EdgeCase::ReplacementPlusGrowth => (
                self.edge_growth_title,
                self.edge_growth_ruling,
                self.edge_growth_why,
                self.edge_growth_example,
            ),
            EdgeCase::Consumables => (
                self.edge_consumables_title,
                self.edge_consumables_ruling,
                self.edge_consumables_why,
                self.edge_consumables_example,
            ),
            EdgeCase::WearingParts => (
                self.edge_parts_title,
                self.edge_parts_ruling,
                self.edge_parts_why,
                self.edge_parts_example,
            ),
            EdgeCase::Services => (
                self.edge_services_title,
                self.edge_services_ruling,
                self.edge_services_why,
                self.edge_services_example,
            ),
            EdgeCase::RightAfterASale => (
                self.edge_after_sale_title,
                self.edge_after_sale_ruling,
                self.edge_after_sale_why,
                self.edge_after_sale_example,
            ),
        };
        EdgeCaseTexts {
            title,
            ruling,
            why,
            example,
        }
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;

    #[test]
    fn every_text_is_translated_with_the_same_placeholders() {
        assert_translated(&NB.entries(), &EN.entries(), |key| key == "app_name");
    }

    #[test]
    fn every_edge_case_is_taught_with_its_own_texts() {
        for t in [&NB, &EN] {
            let mut titles: Vec<&str> = EdgeCase::ALL.map(|c| t.edge_case(c).title).into();
            titles.sort_unstable();
            titles.dedup();
            assert_eq!(titles.len(), EdgeCase::ALL.len(), "titles must differ");
            for case in EdgeCase::ALL {
                let texts = t.edge_case(case);
                for text in [texts.ruling, texts.why, texts.example] {
                    assert!(text.ends_with('.'), "{case:?}: {text}");
                }
            }
        }
    }

    #[test]
    fn the_practice_button_counts_in_words_that_fit_the_number() {
        let case = EdgeCase::Consumables;
        assert_eq!(
            NB.edge_practice_label(case, 1),
            "Øv på «Forbruksvarer til en maskin» (ett scenario)"
        );
        assert_eq!(
            EN.edge_practice_label(case, 4),
            "Practise “Consumables for a machine” (4 scenarios)"
        );
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill(NB.points_of, &[("points", &3), ("possible", &8)]),
            "Poeng: 3 av 8"
        );
    }
}
