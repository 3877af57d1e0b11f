//! Texts about the files the program reads and writes outside the scenario bank: saving and
//! reading with [`storage`](crate::storage), opening a scenario folder, importing a
//! sheet, exporting, the trainee's results and the class report's inputs. Same table shape
//! as [`Message`](super::Message): one entry, both languages.

use std::path::PathBuf;

use super::Message;

messages! {
    /// What went wrong with a file outside the bank's own problems, or what a command notes
    /// about one. Render it with [`FileMessage::text`]; `Display` gives English.
    pub enum FileMessage {
    // Storage

    /// An I/O failure: the file, what was being done and what the system said.
    AtPath { path: PathBuf, what: Box<FileMessage>, reason: String }
        nb: "{path}: {what}: {reason}",
        en: "{path}: {what}: {reason}";
    /// Making a folder.
    CreateFolder {}
        nb: "kan ikke lage mappen",
        en: "cannot create the folder";
    /// Making the temporary file of an atomic write.
    CreateTemporary {}
        nb: "kan ikke lage en midlertidig fil",
        en: "cannot create a temporary file";
    /// Writing the temporary file.
    WriteTemporary {}
        nb: "kan ikke skrive den midlertidige filen",
        en: "cannot write the temporary file";
    /// Flushing the temporary file.
    FlushTemporary {}
        nb: "kan ikke skrive den midlertidige filen helt ut på disken",
        en: "cannot flush the temporary file to disk";
    /// Renaming the temporary file over the target.
    ReplaceFile {}
        nb: "kan ikke erstatte filen",
        en: "cannot replace the file";
    /// Flushing a folder entry.
    FlushFolder {}
        nb: "kan ikke skrive mappen helt ut på disken",
        en: "cannot flush the folder to disk";
    /// Flushing several files written together.
    FlushFiles {}
        nb: "kan ikke skrive filene helt ut på disken",
        en: "cannot flush the files to disk";
    /// Opening a file that is not replaced atomically (a pipe, a device).
    OpenForWriting {}
        nb: "kan ikke åpne filen for skriving",
        en: "cannot open the file for writing";
    /// Writing such a file.
    WriteFile {}
        nb: "kan ikke skrive filen",
        en: "cannot write the file";
    /// Moving an unreadable file aside.
    MoveAside {}
        nb: "kan ikke flytte den uleselige filen til side",
        en: "cannot move the unreadable file aside";
    /// Reading the history.
    ReadHistory {}
        nb: "kan ikke lese historikken",
        en: "cannot read the history";
    /// Writing the history.
    WriteHistory {}
        nb: "kan ikke skrive historikken",
        en: "cannot write the history";
    /// Opening a file in the editor.
    OpenFile {}
        nb: "kan ikke åpne filen",
        en: "cannot open the file";
    /// Turning a draft into RON.
    WriteDraft {}
        nb: "kan ikke skrive utkastet som RON",
        en: "cannot write the draft as RON";
    /// Making the trash folder.
    CreateTrash {}
        nb: "kan ikke lage papirkurvmappen",
        en: "cannot create the trash folder";
    /// Moving a file to the trash folder.
    MoveToTrash {}
        nb: "kan ikke flytte filen til papirkurvmappen",
        en: "cannot move the file to the trash folder";
    /// A file that is not there.
    DoesNotExist {}
        nb: "filen finnes ikke",
        en: "the file does not exist";
    /// A special file where a regular one is read; `kind` says what it is.
    NotRegular { kind: Box<Message> }
        nb: "er {kind}, ikke en vanlig fil: bare vanlige filer leses",
        en: "is {kind}, not a regular file: only regular files are read";
    /// A file over a size limit.
    OverLimit { limit_kib: u64 }
        nb: "filen er over grensen på {limit_kib} KiB",
        en: "the file is over the limit of {limit_kib} KiB";
    /// The system refused to read a file.
    CannotRead { reason: String }
        nb: "kan ikke lese filen: {reason}",
        en: "cannot read the file: {reason}";

    // The trainee's history, read and kept aside

    /// A history file larger than any history.
    HistoryTooBig { mib: u64, limit_mib: u64 }
        nb: "filen er {mib} MiB, over grensen på {limit_mib} MiB for en historikk",
        en: "the file is {mib} MiB, over the limit of {limit_mib} MiB for a history";
    /// A history file whose text is not a history (`detail` is the parser's own words).
    NotAHistory { detail: String }
        nb: "filen kan ikke leses som en historikk: {detail}",
        en: "the file cannot be read as a history: {detail}";
    /// An attempt no run of the app writes, so it is left out; `n` counts from 1.
    AttemptHolds { n: usize, quiz: String, what: Box<FileMessage> }
        nb: "forsøk {n} («{quiz}») har {what}",
        en: "attempt {n} ({quiz:?}) holds {what}";
    /// What such an attempt holds: a time after now (and the clocks' slack).
    FutureTime { time: String }
        nb: "et tidspunkt i fremtiden ({time})",
        en: "a time in the future ({time})";
    /// What such an attempt holds: an end before its start.
    FinishedBeforeStarted {}
        nb: "et forsøk som ble fullført før det startet",
        en: "an attempt that finished before it started";
    /// What such an attempt holds: points no answer earns.
    PointsOverMaximum { type_points: u8, offer_points: u8 }
        nb: "poeng over maksimum på 2 (type {type_points}, tilbud {offer_points})",
        en: "points over the maximum of 2 (type {type_points}, offer {offer_points})";
    /// What such an attempt holds: a pass mark no quiz has.
    PassMarkOver100 {}
        nb: "en beståttgrense over 100 %",
        en: "a pass mark over 100 %";
    /// The one attempt left out.
    LeftOutOne { attempt: Box<FileMessage> }
        nb: "{attempt}; det ble utelatt",
        en: "{attempt}; it was left out";
    /// Several attempts left out, named by the first.
    LeftOutSeveral { first: Box<FileMessage>, others: usize }
        nb: "{first}; det og {others} andre forsøk med umulige verdier ble utelatt",
        en: "{first}; it and {others} other attempt(s) with impossible values were left out";

    // Opening a scenario folder

    /// A scenario folder that cannot be listed.
    CannotOpenFolder { path: PathBuf, reason: String }
        nb: "{path}: kan ikke åpne scenariomappen: {reason}",
        en: "{path}: cannot open the scenario folder: {reason}";
    /// A scenario folder that is a file.
    NotAFolder { path: PathBuf }
        nb: "{path}: er ikke en mappe; pek på mappen som har scenariofilene",
        en: "{path}: is not a folder; point to the folder that holds the scenario files";
    /// The loading thread stopped.
    LoadInterrupted {}
        nb: "innlastingen av scenarioene stoppet uventet; åpne mappen igjen",
        en: "loading the scenarios stopped unexpectedly; open the folder again";

    // Import and export

    /// A sheet that cannot be read.
    SheetUnreadable { path: PathBuf, reason: String }
        nb: "{path}: kan ikke lese filen: {reason}",
        en: "{path}: cannot read the file: {reason}";
    /// A sheet too large to be a scenario sheet.
    SheetTooBig { path: PathBuf, mib: u64, limit_mib: u64 }
        nb: "{path}: filen er {mib} MiB, over grensen på {limit_mib} MiB: er det riktig fil?",
        en: "{path}: the file is {mib} MiB, over the limit of {limit_mib} MiB: is it the right file?";
    /// An export the writer could not make.
    CannotWriteExport { reason: String }
        nb: "kan ikke skrive eksporten: {reason}",
        en: "cannot write the export: {reason}";
    /// A CSV the writer could not make.
    CannotWriteCsv { reason: String }
        nb: "kan ikke skrive CSV-filen: {reason}",
        en: "cannot write the CSV: {reason}";
    /// JSON the writer could not make.
    CannotWriteJson { reason: String }
        nb: "kan ikke skrive JSON-teksten: {reason}",
        en: "cannot write the JSON: {reason}";
    /// An export that is not UTF-8.
    ExportNotUtf8 { reason: String }
        nb: "eksporten er ikke gyldig UTF-8: {reason}",
        en: "the export is not valid UTF-8: {reason}";
    /// An actor e-mail that is not one.
    BadEmail { email: String }
        nb: "«{email}» er ikke en e-postadresse: skriv den som navn@example.org",
        en: "{email:?} is not an e-mail address: write it like name@example.org";
    /// An empty actor name.
    EmptyActorName { default: String }
        nb: "navnet på deltakeren er tomt: utelat --actor-name for å bruke «{default}»",
        en: "the actor's name is empty: leave --actor-name out to use {default:?}";
    /// A base IRI that is not absolute.
    BadBaseIri { iri: String }
        nb: "«{iri}» er ikke en absolutt IRI: skriv den som https://lms.example.org/salgstreneren",
        en: "{iri:?} is not an absolute IRI: write it like https://lms.example.org/salgstreneren";
    /// An attempt whose registration is not a UUID; `n` counts from 1.
    NoRegistrationUuid { n: usize, quiz: String, started: String, registration: String, uuid: String }
        nb: "forsøk {n} ({quiz}, {started}) har ingen gyldig registrering («{registration}»); utsagnene bruker {uuid} i stedet",
        en: "attempt {n} ({quiz}, {started}) has no valid registration ({registration:?}); its statements use {uuid} instead";

    // The class report's inputs

    /// An input that cannot be opened.
    InputCannotOpen { reason: String }
        nb: "kan ikke åpnes ({reason}): sjekk stien",
        en: "cannot be opened ({reason}): check the path";
    /// A folder of inputs that cannot be listed.
    InputFolderUnreadable { reason: String }
        nb: "mappen kan ikke leses ({reason})",
        en: "the folder cannot be read ({reason})";
    /// An input file that cannot be read.
    InputUnreadable { reason: String }
        nb: "kan ikke leses ({reason})",
        en: "cannot be read ({reason})";
    /// An input that is not text.
    InputNotUtf8 {}
        nb: "er ikke UTF-8-tekst: det er verken en xAPI-eksport eller en resultat-CSV",
        en: "is not UTF-8 text: it is not an xAPI export or a results CSV";
    /// An input of another kind.
    InputUnknownKind {}
        nb: "er verken JSON (xAPI-utsagn) eller en resultat-CSV med overskriftsrad: den ble hoppet over",
        en: "is neither JSON (xAPI statements) nor a results CSV with a header row: it was skipped";
    /// A JSON array that does not parse.
    NotStatementArray { detail: String }
        nb: "er ikke en gyldig JSON-liste med xAPI-utsagn: {detail}; ingenting i den ble lest",
        en: "is not a valid JSON array of xAPI statements: {detail}; nothing in it was read";
    /// A JSON object that is not an LRS page.
    NotStatementResult { detail: String }
        nb: "er ikke et StatementResult fra en LRS (et objekt med en \"statements\"-liste): {detail}; ingenting i den ble lest",
        en: "is not an LRS StatementResult (an object with a \"statements\" array): {detail}; nothing in it was read";
    /// An LRS page with more pages after it.
    MorePages { more: String }
        nb: "LRS-en har flere utsagn enn denne siden: hent «{more}» også (se docs/class-report.md)",
        en: "the LRS has more statements than this page holds: fetch {more:?} too (see docs/class-report.md)";
    /// A problem with statement `n`, counting from 1.
    Statement { n: usize, problem: Box<FileMessage> }
        nb: "utsagn {n}: {problem}",
        en: "statement {n}: {problem}";
    /// A statement that does not parse.
    StatementInvalid { n: usize, detail: String }
        nb: "utsagn {n} er ikke et gyldig xAPI-utsagn: {detail}; det ble hoppet over",
        en: "statement {n} is not a valid xAPI statement: {detail}; it was skipped";
    /// A statement from another program.
    NotOurs { verb: String, object: String }
        nb: "er ikke et svar eller forsøk fra Salgstreneren (verb «{verb}», objekt «{object}»); det ble hoppet over",
        en: "is not a Salgstreneren answer or attempt (verb {verb:?}, object {object:?}); it was skipped";
    /// A statement without a usable id.
    NoStatementId { id: String }
        nb: "har ingen gyldig utsagns-id («{id}»), så det kan ikke telles bare én gang; det ble hoppet over",
        en: "has no valid statement id ({id:?}), so it cannot be counted once; it was skipped";
    /// A statement about nobody.
    NoTrainee {}
        nb: "nevner ingen deltaker (ingen mbox, konto eller navn i actor); det ble hoppet over",
        en: "names no trainee (no actor mbox, account or name); it was skipped";
    /// A statement without its attempt.
    NoRegistration {}
        nb: "har ingen context.registration, så forsøket er ukjent; det ble hoppet over",
        en: "has no context.registration, so its attempt is unknown; it was skipped";
    /// An answer without the right type.
    NoRightType { scenario: String }
        nb: "svaret på «{scenario}» har ingen salgstype som riktig svar; det ble hoppet over",
        en: "answer to {scenario:?} has no sale type as its correct response; it was skipped";
    /// An answer whose response is not a type.
    ResponseNotType { scenario: String, response: String }
        nb: "svaret på «{scenario}» har «{response}» som svar, og det er ingen salgstype; det ble hoppet over",
        en: "answer to {scenario:?} has {response:?} as its response, which is not a sale type; it was skipped";
    /// An answer without points.
    NoScore { scenario: String }
        nb: "svaret på «{scenario}» har ingen poengsum fra 0 til 4; det ble hoppet over",
        en: "answer to {scenario:?} has no score from 0 to 4 points; it was skipped";
    /// A results CSV whose header does not read.
    HeaderUnreadable { detail: String }
        nb: "overskriftsraden kan ikke leses: {detail}",
        en: "the header row cannot be read: {detail}";
    /// A results CSV without required columns.
    MissingColumns { columns: String }
        nb: "er en CSV uten kolonnen(e) {columns}: eksporter den med `salgstrener results --format csv`; ingenting i den ble lest",
        en: "is a CSV without the column(s) {columns}: export it with `salgstrener results --format csv`; nothing in it was read";
    /// A row that does not read.
    RowUnreadable { detail: String }
        nb: "raden kan ikke leses: {detail}; den ble hoppet over",
        en: "row cannot be read: {detail}; it was skipped";
    /// A row without its attempt.
    RowNoRegistration {}
        nb: "`registration` er tom, så radens forsøk er ukjent; raden ble hoppet over",
        en: "`registration` is empty, so the row's attempt is unknown; it was skipped";
    /// A row whose right type is not one.
    RightTypeUnknown { value: String }
        nb: "`right_type` «{value}» er ingen salgstype; raden ble hoppet over",
        en: "`right_type` {value:?} is not a sale type; the row was skipped";
    /// A row whose chosen type is not one.
    ChosenTypeUnknown { value: String }
        nb: "`chosen_type` «{value}» er ingen salgstype; raden ble hoppet over",
        en: "`chosen_type` {value:?} is not a sale type; the row was skipped";
    /// A row with impossible points.
    PointsInvalid { value: String }
        nb: "`points` «{value}» er ikke et tall fra 0 til 4; raden ble hoppet over",
        en: "`points` {value:?} is not a number from 0 to 4; the row was skipped";
    /// A conversation's reply statement without its points.
    ReplyNoScore { step: String, conversation: String }
        nb: "svaret ved steget «{step}» i samtalen «{conversation}» har ingen poengsum på 0, 1 eller 2; det ble hoppet over",
        en: "reply at step {step:?} of conversation {conversation:?} has no score of 0, 1 or 2 points; it was skipped";
    /// A conversation's reply row with impossible points.
    ReplyPointsInvalid { value: String }
        nb: "`points` «{value}» for et svar i en samtale er ikke 0, 1 eller 2; raden ble hoppet over",
        en: "`points` {value:?} of a conversation's reply is not 0, 1 or 2; the row was skipped";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    #[test]
    fn a_storage_failure_reads_in_norwegian_with_its_action() {
        let m = FileMessage::AtPath {
            path: PathBuf::from("data/history.ron"),
            what: Box::new(FileMessage::WriteHistory {}),
            reason: "disk full".into(),
        };
        assert_eq!(
            m.text(Language::Nb),
            "data/history.ron: kan ikke skrive historikken: disk full"
        );
        assert_eq!(
            m.to_string(),
            "data/history.ron: cannot write the history: disk full"
        );
    }
}
