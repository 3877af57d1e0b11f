//! Texts built from domain values, as typed values rendered in either language: problems in
//! the bank's files, summaries of `check` and `import`, guided practice's slips. How to add
//! one is in the [module docs](super).

use std::path::PathBuf;

use crate::language::Language;
use crate::teaching::taxonomy::SaleType;

messages! {
    /// A text built from domain values: a problem in a scenario, conversation or quiz file, a
    /// slip in guided practice. Render it with [`Message::text`]; `Display` gives English.
    pub enum Message {
    // Reading files

    /// A file that is not UTF-8, where no position is known.
    NotUtf8 {}
        nb: "filen er ikke gyldig UTF-8-tekst",
        en: "the file is not valid UTF-8 text";
    /// A file that is not UTF-8, at the first byte that is not.
    NotUtf8SaveAs {}
        nb: "filen er ikke gyldig UTF-8-tekst: lagre den som UTF-8 (da går æ, ø og å fint)",
        en: "the file is not valid UTF-8 text: save it as UTF-8 (æ, ø and å are then fine)";
    /// A file over the size limit.
    FileTooBig { kib: u64, limit_kib: u64 }
        nb: "filen er {kib} KiB, over grensen på {limit_kib} KiB: et scenario er noen få KiB; del det opp eller fjern innlimt materiale",
        en: "the file is {kib} KiB, over the limit of {limit_kib} KiB: a scenario is a few KiB; split it or remove pasted material";
    /// The operating system refused to read a file.
    CannotReadFile { reason: String }
        nb: "kan ikke lese filen: {reason}",
        en: "cannot read the file: {reason}";
    /// A named pipe, a device or another special file where a content file was expected.
    NotRegularFile { kind: Box<Message> }
        nb: "{kind}, ikke en vanlig fil: den leses ikke; fjern den eller erstatt den med selve filen",
        en: "{kind}, not a regular file: it is not read; remove it or replace it with the file itself";
    /// What a special file is: a named pipe.
    KindFifo {}
        nb: "en navngitt rørledning (FIFO)",
        en: "a named pipe (FIFO)";
    /// What a special file is: a socket.
    KindSocket {}
        nb: "en socket",
        en: "a socket";
    /// What a special file is: a device.
    KindDevice {}
        nb: "en enhet",
        en: "a device";
    /// What a special file is: a folder.
    KindFolder {}
        nb: "en mappe",
        en: "a folder";
    /// What a special file is, when it is none of the above.
    KindSpecial {}
        nb: "en spesialfil",
        en: "a special file";
    /// A file the editor shows but never saves over, with why.
    ShownReadOnly { problem: Box<Message> }
        nb: "{problem}; redigeringen viser den skrivebeskyttet, så ingenting går tapt",
        en: "{problem}; the editor shows it read-only so that nothing is lost";
    /// A symbolic link in a scenario folder.
    SymlinkNotFollowed {}
        nb: "symbolsk lenke ikke fulgt: kopier filen inn i scenariomappen i stedet",
        en: "symbolic link not followed: copy the file into the scenario folder instead";
    /// A folder with more files than the loader takes.
    TooManyFiles { found: usize, max: usize }
        nb: "mappen har {found} scenariofiler, flere enn de {max} som støttes; bare de første {max} lastes: pek på mappen til ett kurs i stedet",
        en: "the folder holds {found} scenario files, more than the {max} supported; only the first {max} are loaded: point to the folder of one course instead";
    /// The operating system refused to write a file.
    CannotWrite { reason: String }
        nb: "kan ikke skrive filen: {reason}",
        en: "cannot write the file: {reason}";

    // RON syntax

    /// `in `Name`` after a field, when RON names the struct.
    InStruct { name: String }
        nb: " i `{name}`",
        en: " in `{name}`";
    /// A field the format does not have.
    UnknownField { found: String, within: Option<Box<Message>>, expected: String }
        nb: "ukjent felt `{found}`{within}: sjekk stavemåten; feltene som er lov er {expected}",
        en: "unknown field `{found}`{within}: check the spelling; the fields allowed are {expected}";
    /// A required field left out.
    MissingField { field: String, within: Option<Box<Message>>, doc: String }
        nb: "feltet `{field}` mangler{within}: legg til `{field}: ...` (se {doc})",
        en: "missing field `{field}`{within}: add `{field}: ...` (see {doc})";
    /// A field written twice.
    DuplicateField { field: String, within: Option<Box<Message>> }
        nb: "feltet `{field}` er skrevet to ganger{within}: behold ett av dem",
        en: "field `{field}` is written twice{within}: keep one of them";
    /// A sale type that does not exist.
    UnknownSaleType { found: String, expected: String }
        nb: "ukjent salgstype `{found}`: bruk en av {expected}",
        en: "unknown sale type `{found}`: use one of {expected}";
    /// Another value that does not exist.
    UnknownValue { found: String, expected: String }
        nb: "ukjent verdi `{found}`: bruk en av {expected}",
        en: "unknown value `{found}`: use one of {expected}";
    /// The wrong name before `(`.
    WrongStructName { expected: String, found: String }
        nb: "her skulle det stått `{expected}(`, men det står `{found}(`",
        en: "expected `{expected}(` here but found `{found}(`";
    /// A message from a value's own reader, in the reader's words.
    Detail { detail: String }
        nb: "{detail}",
        en: "{detail}";
    /// The file ends in the middle of something.
    UnexpectedEnd {}
        nb: "filen slutter for tidlig: trolig mangler en avsluttende `)`, `]` eller `\"`",
        en: "the file ends too early: a closing `)`, `]` or `\"` is probably missing";
    /// A missing comma.
    ExpectedComma {}
        nb: "det skulle stått et komma `,` før dette stedet: hvert felt og hvert listeelement slutter med komma (mangler en tekst like før den avsluttende `\"`, eller har den en `\"` for mye, rett det først)",
        en: "expected a comma `,` before this point: every field and list item ends with a comma (if a text just before is missing its closing or has an extra `\"`, fix that first)";
    /// A text without its closing quote.
    UnclosedText {}
        nb: "denne teksten er ikke avsluttet: legg til den avsluttende `\"`",
        en: "this text is not closed: add the closing `\"`";
    /// Something else where a text belongs.
    ExpectedText {}
        nb: "her skulle det stått en tekst i doble anførselstegn, som \"...\"",
        en: "expected a text in double quotes, like \"...\"";
    /// Something else where a whole number belongs.
    ExpectedInteger {}
        nb: "her skulle det stått et heltall",
        en: "expected a whole number";
    /// A number out of range.
    IntegerOutOfRange {}
        nb: "tallet er for stort eller negativt",
        en: "this number is too large or negative";
    /// Something else where `None` or `Some(...)` belongs.
    ExpectedOption {}
        nb: "her skulle det stått `None` eller `Some(...)`",
        en: "expected `None` or `Some(...)`";
    /// Something else where a list belongs.
    ExpectedList {}
        nb: "her skulle det stått en liste i hakeparenteser, som [\"a\", \"b\"]",
        en: "expected a list in square brackets, like [\"a\", \"b\"]";
    /// Text after the end of the value.
    TrailingText {}
        nb: "uventet tekst etter slutten av scenarioet: én fil har ett scenario",
        en: "unexpected text after the end of the scenario: one file holds one scenario";
    /// Brackets nested too deep.
    NestedTooDeep {}
        nb: "parentesene er nøstet mye dypere enn noe scenario trenger: se etter en manglende `)` eller `]`",
        en: "brackets are nested far deeper than any scenario needs: check for missing `)` or `]`";
    /// A block comment without its end.
    UnclosedComment {}
        nb: "en `/*`-kommentar blir aldri avsluttet med `*/`",
        en: "a `/*` comment is never closed with `*/`";
    /// Text that is not UTF-8 inside a RON file.
    NotUtf8Ron {}
        nb: "filen er ikke gyldig UTF-8-tekst: lagre den som UTF-8",
        en: "the file is not valid UTF-8 text: save it as UTF-8";
    /// Any other syntax error, in RON's own words.
    RonSyntax { detail: String }
        nb: "RON-syntaksfeil: {detail}",
        en: "RON syntax error: {detail}";

    // Scenario rules

    /// A text over the length limit; `what` names it and `advice` says what to do.
    TooLong { what: Box<Message>, chars: usize, limit: usize, advice: Box<Message> }
        nb: "{what} er {chars} tegn lang, over grensen på {limit}: {advice}",
        en: "{what} is {chars} characters long, over the limit of {limit}: {advice}";
    /// A field named in a message.
    FieldName { field: String }
        nb: "`{field}`",
        en: "`{field}`";
    /// A tag named in a message, counting from 1.
    TagNumber { n: usize }
        nb: "etikett {n}",
        en: "tag {n}";
    /// A cue named in a message, counting from 1.
    CueNumber { n: usize }
        nb: "nøkkelfrase {n}",
        en: "cue {n}";
    /// A field of an offer named in a message, counting offers from 1.
    OfferField { n: usize, field: String }
        nb: "tilbud {n}: `{field}`",
        en: "offer {n}: `{field}`";
    /// What to do about a scenario text that is too long.
    ShortenScenario {}
        nb: "en deltaker skal kunne lese et scenario på et par minutter; kort det ned eller del det i to scenarioer",
        en: "a trainee should be able to read a scenario in a minute or two; shorten it or split it into two scenarios";
    /// What to do about a conversation text that is too long.
    ShortenConversation {}
        nb: "en deltaker leser hver replikk på noen sekunder; kort den ned eller del teksten over to steg",
        en: "a trainee reads each turn in a few seconds; shorten it or split the text over two steps";
    /// What to do about a quiz text that is too long.
    ShortenQuiz {}
        nb: "kort den ned til det deltakerne trenger å lese",
        en: "shorten it to what trainees need to read";
    /// A scenario without an id.
    IdEmpty {}
        nb: "`id` er tom: gi scenarioet en unik id, for eksempel \"klaer-belte\"",
        en: "`id` is empty: give the scenario a unique id such as \"klaer-belte\"";
    /// An id with characters ids may not have.
    IdInvalid { id: String }
        nb: "id-en «{id}» kan bare ha små bokstaver a-z, sifre og `-` (for eksempel \"klaer-belte\")",
        en: "id {id:?} may only use lower-case letters a-z, digits and `-` (for example \"klaer-belte\")";
    /// A required text left empty.
    TextEmpty { field: String }
        nb: "`{field}` er tom: skriv teksten deltakeren skal lese",
        en: "`{field}` is empty: write the text the trainee should read";
    /// A difficulty other than 1, 2 or 3.
    DifficultyOutOfRange { difficulty: u8 }
        nb: "vanskelighetsgrad {difficulty} finnes ikke: bruk 1 (kjennetegnet står rett ut), 2 eller 3 (med villspor)",
        en: "difficulty {difficulty} is out of range: use 1 (cue stated plainly), 2 or 3 (with distractors)";
    /// An empty tag.
    TagEmpty { n: usize }
        nb: "etikett {n} er tom: fjern den eller skriv et ord",
        en: "tag {n} is empty: remove it or write a word";
    /// An empty cue.
    CueEmpty { n: usize }
        nb: "nøkkelfrase {n} er tom: fjern den eller kopier en frase fra teksten",
        en: "cue {n} is empty: remove it or copy a phrase from the text";
    /// A cue that is not in the texts it must be copied from (`sources`).
    CueNotInText { cue: String, sources: Box<Message> }
        nb: "nøkkelfrasen «{cue}» står ikke i {sources}: kopier den nøyaktig fra teksten (bokstaver, store og små bokstaver og mellomrom må stemme)",
        en: "cue {cue:?} does not occur in {sources}: copy it exactly from the text (letters, case and spaces must match)";
    /// Where a scenario's cues come from.
    CueSourcesScenario {}
        nb: "`customer` eller `situation`",
        en: "`customer` or `situation`";
    /// Where a conversation's cues come from.
    CueSourcesConversation {}
        nb: "`customer`, et stegs `customer` eller en `reveals`-linje",
        en: "`customer`, a step's `customer` or a `reveals` entry";
    /// "the scenario", as the subject of a message.
    TheScenario {}
        nb: "scenarioet",
        en: "the scenario";
    /// "the conversation", as the subject of a message.
    TheConversation {}
        nb: "samtalen",
        en: "the conversation";
    /// Too few or too many offers in `what` (a scenario or a conversation).
    OfferCount { what: Box<Message>, count: usize, min: usize, max: usize }
        nb: "{what} har {count} tilbud: skriv mellom {min} og {max}",
        en: "{what} has {count} offer(s): write between {min} and {max}";
    /// An empty text of an offer.
    OfferFieldEmpty { n: usize, field: String }
        nb: "tilbud {n}: `{field}` er tom",
        en: "offer {n}: `{field}` is empty";
    /// No offer is the best in `what` (a scenario or a conversation).
    NoBestOffer { what: Box<Message> }
        nb: "ingen tilbud er merket `fit: Best`: merk det ene tilbudet {what} er bygd rundt",
        en: "no offer is marked `fit: Best`: mark the one offer {what} is built around";
    /// More than one best offer; `offers` lists them from 1.
    SeveralBestOffers { count: usize, offers: String }
        nb: "{count} tilbud er merket `fit: Best` (tilbud {offers}): bare ett kan være det; merk de andre `Acceptable` eller `Poor`",
        en: "{count} offers are marked `fit: Best` (offers {offers}): exactly one may be; mark the others `Acceptable` or `Poor`";
    /// `image: Some("")`.
    ImageEmpty {}
        nb: "`image` er tom: skriv `image: None` eller en sti som Some(\"images/x.png\")",
        en: "`image` is empty: write `image: None` or a path such as Some(\"images/x.png\")";
    /// An absolute image path.
    ImageAbsolute { image: String }
        nb: "bildestien «{image}» er absolutt: skriv den relativt til mappen assets/, som \"images/x.png\"",
        en: "image path {image:?} is absolute: write it relative to the assets/ folder, such as \"images/x.png\"";
    /// An image path that leaves the assets folder.
    ImageOutside { image: String }
        nb: "bildestien «{image}» går ut av mappen assets/: bildene må ligge i assets/",
        en: "image path {image:?} leaves the assets/ folder: images must be inside assets/";
    /// An image reached through a symbolic link.
    ImageLink { image: String }
        nb: "bildet «{image}» er en symbolsk lenke (eller ligger i en) i mappen assets/: lenker følges ikke; kopier bildet inn i assets/",
        en: "image {image:?} is a symbolic link (or lies in one) in the assets/ folder: links are not followed; copy the picture into assets/";
    /// An image path that names a named pipe, a device or another special file.
    ImageNotRegular { image: String, kind: Box<Message> }
        nb: "bildet «{image}» er {kind}, ikke en vanlig fil: legg selve bildefilen i assets/",
        en: "image {image:?} is {kind}, not a regular file: put the picture file itself in assets/";
    /// An image that is not there.
    ImageMissing { image: String }
        nb: "bildet «{image}» finnes ikke i mappen assets/: sjekk navnet eller legg til filen",
        en: "image {image:?} does not exist in the assets/ folder: check the name or add the file";
    /// The best offer's type is not the answer.
    BestOfferDisagrees { kind: SaleType, answer: SaleType }
        nb: "det beste tilbudet er {kind}, men svaret er {answer}: deltakerne lærer da to forskjellige ting; få dem til å stemme eller forklar hvorfor i tilbakemeldingen",
        en: "the Best offer is a {kind} but the answer is {answer}: trainees will be taught two different things; make them agree or explain why in the feedback";
    /// A path for a known customer without a relation.
    PathWithoutRelation {}
        nb: "`path` sier at kunden er kjent, men har ingen `relation`: legg til `relation: More`, `Replacement`, `Extension` eller `Different`; til da følger steg-for-steg-øvingen `answer`",
        en: "`path` says the customer is known but gives no `relation`: add `relation: More`, `Replacement`, `Extension` or `Different`; until then guided practice follows `answer`";
    /// A path that leads to another type than the answer.
    PathDisagrees { leads_to: SaleType, answer: SaleType }
        nb: "`path` leder til {leads_to}, men svaret er {answer}: steg-for-steg-øvingen ville motsagt svaret; få dem til å stemme",
        en: "`path` leads to {leads_to} but the answer is {answer}: guided practice would contradict the answer; make them agree";
    /// A relation given for a new customer.
    PathRelationForNewCustomer {}
        nb: "`path` gir en `relation` for en ny kunde: veien spør bare om den for en kjent kunde; fjern den eller sett `known_customer: true`",
        en: "`path` gives a `relation` for a new customer: the path only asks about it for a known customer; remove it or set `known_customer: true`";
    /// A tag that starts like an edge-case tag but names none: a typo that would keep the
    /// scenario out of that case's practice and quizzes.
    EdgeTagUnknown { tag: String, tags: String }
        nb: "etiketten «{tag}» begynner som en etikett for et grensetilfelle, men er ingen av dem, så øving og quizer på grensetilfellene finner ikke scenarioet: bruk en av {tags} (se docs/scenario-format.md)",
        en: "tag {tag:?} starts like an edge-case tag but is not one, so practice and quizzes for the edge cases will not find this scenario: use one of {tags} (see docs/scenario-format.md)";
    /// A level-3 scenario without an edge-case tag.
    LevelThreeWithoutEdgeCase { tags: String }
        nb: "nivå 3 er for scenarioer som trener et grensetilfelle, men ingen av etikettene er en grensetilfelle-etikett: legg til etiketten for tilfellet scenarioet trener ({tags}), eller sett ned nivået (se docs/scenario-format.md)",
        en: "level 3 is for scenarios that exercise an edge case, but no tag names one: add the tag of the case this scenario exercises ({tags}), or lower the difficulty (see docs/scenario-format.md)";
    /// Two scenario or conversation files with one id, found while loading.
    IdUsedBy { id: String, other: PathBuf }
        nb: "id-en «{id}» brukes allerede av {other}: hvert scenario og hver samtale trenger sin egen id; gi ett av dem nytt navn",
        en: "id {id:?} is already used by {other}: every scenario and conversation needs its own id; rename one of them";
    /// A draft whose id another file has.
    IdTakenChooseAnother { id: String, other: PathBuf }
        nb: "id-en «{id}» brukes allerede av {other}: velg en annen id",
        en: "id {id:?} is already used by {other}: choose another id";
    /// A thin sale type in a bank, under a quarter of the average.
    FewOfType { n: usize, sale_type: SaleType, average: String }
        nb: "bare {n} {sale_type}-scenarioer, under en firedel av snittet på {average} per salgstype: skriv flere så øving og quizer kan trekke denne typen",
        en: "only {n} {sale_type} scenario(s), under a quarter of the average {average} per sale type: write more so practice and quizzes can draw this type";
    /// A scenario draft the writer cannot turn into text.
    ScenarioNotWritable {}
        nb: "scenarioet kan ikke skrives som RON",
        en: "the scenario cannot be written as RON";
    /// A quiz draft the writer cannot turn into text.
    QuizNotWritable {}
        nb: "quizen kan ikke skrives som RON",
        en: "the quiz cannot be written as RON";

    // The editor's file operations

    /// Saving refused without a first error to name.
    DraftHasErrors {}
        nb: "utkastet har feil",
        en: "the draft has errors";
    /// A rename to a file that exists.
    FileExists { path: PathBuf }
        nb: "{path} finnes allerede",
        en: "{path} already exists";
    /// A rename of a file someone else changed.
    ChangedOnDiskReloadFirst {}
        nb: "filen er endret på disken siden den ble åpnet: last den inn på nytt først",
        en: "the file changed on disk since it was opened: reload it first";
    /// A rename of a file that does not parse.
    FixBeforeRenaming {}
        nb: "rett filen så den kan leses før du gir den nytt navn",
        en: "fix the file so it can be read before renaming it";
    /// A rename whose new name was taken while saving.
    NewNameTaken {}
        nb: "det nye filnavnet er tatt",
        en: "the new file name is taken";
    /// The old file of a rename could not be removed.
    CannotRemove { path: PathBuf, reason: String }
        nb: "{path}: kan ikke fjernes: {reason}",
        en: "{path}: cannot be removed: {reason}";
    /// A folder that cannot be listed.
    CannotReadFolder { path: PathBuf, reason: String }
        nb: "{path}: {reason}",
        en: "{path}: {reason}";
    /// The bundled bank copied into a folder that has files.
    FolderNotEmpty { path: PathBuf }
        nb: "{path} er ikke tom: velg en ny eller tom mappe så ingenting der blir overskrevet",
        en: "{path} is not empty: choose a new or empty folder so nothing there is overwritten";

    // Conversation rules

    /// A conversation without an id.
    ConversationIdEmpty {}
        nb: "`id` er tom: gi samtalen en unik id, for eksempel \"sport-samtale-lopesko\"",
        en: "`id` is empty: give the conversation a unique id such as \"sport-samtale-lopesko\"";
    /// A conversation id with characters ids may not have.
    ConversationIdInvalid { id: String }
        nb: "id-en «{id}» kan bare ha små bokstaver a-z, sifre og `-` (for eksempel \"sport-samtale-lopesko\")",
        en: "id {id:?} may only use lower-case letters a-z, digits and `-` (for example \"sport-samtale-lopesko\")";
    /// A conversation's difficulty other than 1, 2 or 3.
    ConversationDifficultyOutOfRange { difficulty: u8 }
        nb: "vanskelighetsgrad {difficulty} finnes ikke: bruk 1 (opplysningene kommer lett), 2 eller 3 (med villspor)",
        en: "difficulty {difficulty} is out of range: use 1 (the facts come easily), 2 or 3 (with distractors)";
    /// `start: ""`.
    StartEmpty {}
        nb: "`start` er tom: skriv id-en til det første steget",
        en: "`start` is empty: write the id of the first step";
    /// `start` naming no step.
    StartUnknown { start: String }
        nb: "`start` viser til steget «{start}», som ikke finnes: skriv id-en til det første steget",
        en: "`start` names step {start:?}, which does not exist: write the id of the first step";
    /// A conversation without steps.
    NoSteps {}
        nb: "samtalen har ingen steg: skriv minst ett `Step(...)` og oppgi det i `start`",
        en: "the conversation has no steps: write at least one `Step(...)` and name it in `start`";
    /// More steps than a conversation may have.
    TooManySteps { count: usize, max: usize }
        nb: "samtalen har {count} steg, flere enn de {max} som er lov: del den opp i flere samtaler",
        en: "the conversation has {count} steps, more than the {max} allowed: split it into several conversations";
    /// A step named by its id.
    StepNamed { id: String }
        nb: "steget «{id}»",
        en: "step {id:?}";
    /// A step named by its place, counting from 1.
    StepNumber { n: usize }
        nb: "steg {n}",
        en: "step {n}";
    /// A reply of a step, counting from 1.
    ReplyName { step: Box<Message>, n: usize }
        nb: "{step}, svar {n}",
        en: "{step}, reply {n}";
    /// A field of a named part, as "step 2: `customer`".
    NamedField { name: Box<Message>, field: String }
        nb: "{name}: `{field}`",
        en: "{name}: `{field}`";
    /// An empty field of a named part.
    NamedFieldEmpty { name: Box<Message>, field: String }
        nb: "{name}: `{field}` er tom",
        en: "{name}: `{field}` is empty";
    /// A fact a reply reveals, counting from 1.
    FactName { reply: Box<Message>, n: usize }
        nb: "{reply}: opplysning {n}",
        en: "{reply}: fact {n}";
    /// The words a customer leaves with.
    PartingWords { reply: Box<Message> }
        nb: "{reply}: avskjedsordene",
        en: "{reply}: the parting words";
    /// A step without an id.
    StepIdEmpty { n: usize }
        nb: "steg {n}: `id` er tom: gi steget en kort id, for eksempel \"behov\"",
        en: "step {n}: `id` is empty: give the step a short id such as \"behov\"";
    /// A step id with characters ids may not have.
    StepIdInvalid { id: String }
        nb: "steg-id-en «{id}» kan bare ha små bokstaver a-z, sifre og `-` (for eksempel \"behov\")",
        en: "step id {id:?} may only use lower-case letters a-z, digits and `-` (for example \"behov\")";
    /// Two steps with one id.
    StepIdTwice { id: String, first: usize }
        nb: "steg-id-en «{id}» brukes også av steg {first}: hvert steg trenger sin egen id; gi ett av dem nytt navn",
        en: "step id {id:?} is used by step {first} too: every step needs its own id; rename one of them";
    /// A step where the customer says nothing.
    StepCustomerEmpty { step: Box<Message> }
        nb: "{step}: `customer` er tom: skriv hva kunden sier",
        en: "{step}: `customer` is empty: write what the customer says";
    /// A step without replies.
    StepNoReplies { step: Box<Message> }
        nb: "{step} har ingen svar: skriv minst ett `Reply(...)`, eller la svaret før ende med `Decide` eller `Leave(...)`",
        en: "{step} has no replies: write at least one `Reply(...)`, or let the reply before it end with `Decide` or `Leave(...)`";
    /// More replies than the keys can choose.
    StepTooManyReplies { step: Box<Message>, count: usize, max: usize }
        nb: "{step} har {count} svar, flere enn de {max} tastene 1-9 kan velge: fjern noen eller del steget",
        en: "{step} has {count} replies, more than the {max} the keys 1-9 can choose: remove some or split the step";
    /// An empty fact in `reveals`.
    FactEmpty { reply: Box<Message>, n: usize }
        nb: "{reply}: opplysning {n} i `reveals` er tom: fjern den eller skriv hva kunden forteller",
        en: "{reply}: fact {n} in `reveals` is empty: remove it or write what the customer tells";
    /// A reply leading to a step that does not exist.
    NextUnknownStep { reply: Box<Message>, target: String }
        nb: "{reply} leder til steget «{target}», som ikke finnes: skriv id-en til et steg i denne filen, `Decide` eller `Leave(\"...\")`",
        en: "{reply} leads to step {target:?}, which does not exist: write the id of a step in this file, `Decide` or `Leave(\"...\")`";
    /// `Leave("")`.
    LeaveWithoutWords { reply: Box<Message> }
        nb: "{reply}: `Leave` har ingen avskjedsord: skriv hva kunden sier på vei ut",
        en: "{reply}: `Leave` has no parting words: write what the customer says on the way out";
    /// A reply leading back to a step already passed.
    LeadsBack { reply: Box<Message>, to: Box<Message> }
        nb: "{reply} leder tilbake til {to}, som samtalen allerede har passert: en samtale må alltid gå videre; led svaret til et nytt steg, `Decide` eller `Leave(\"...\")`",
        en: "{reply} leads back to {to}, which the conversation has already passed: a conversation must always move on; lead it to a new step, `Decide` or `Leave(\"...\")`";
    /// A step no reply leads to.
    Unreachable { step: Box<Message> }
        nb: "{step} kan ikke nås fra `start`: ingen svar leder dit; led et svar dit eller fjern steget",
        en: "{step} cannot be reached from `start`: no reply leads to it; lead a reply to it or remove it";
    /// No path ends in `Decide`.
    NeverDecides {}
        nb: "ingen vei fra `start` når `Decide`: deltakeren kan aldri svare; la minst ett svar ende med `Decide`",
        en: "no path from `start` reaches `Decide`: the trainee could never answer; let at least one reply end with `Decide`";
    /// A step without a good reply.
    NoGoodReply { step: Box<Message> }
        nb: "{step} har ikke noe `Good`-svar: deltakeren kan ikke gjøre det bra her; legg til ett eller merk det beste svaret `Good`",
        en: "{step} has no `Good` reply: the trainee cannot do well here; add one or mark the best reply `Good`";
    /// A path longer than trainees manage.
    LongPath { count: usize, steps: String, max: usize }
        nb: "en vei går gjennom {count} steg ({steps}), flere enn {max}: deltakerne blir slitne av lange veier; kort den ned eller del samtalen",
        en: "a path passes {count} steps ({steps}), more than {max}: trainees tire on long paths; shorten it or split the conversation";

    // Quiz rules

    /// A quiz id with characters ids may not have.
    QuizIdInvalid { id: String }
        nb: "quiz-id-en «{id}» kan bare ha små bokstaver a-z, sifre og `-` (for eksempel \"modul-1\")",
        en: "quiz id {id:?} may only use lower-case letters a-z, digits and `-` (for example \"modul-1\")";
    /// A quiz without a title.
    QuizTitleEmpty {}
        nb: "`title` er tom: skriv navnet deltakerne skal se",
        en: "`title` is empty: write the name trainees will see";
    /// A quiz with no questions.
    QuizNoQuestions {}
        nb: "`questions` er 0: en quiz trenger minst ett spørsmål",
        en: "`questions` is 0: a quiz needs at least one question";
    /// A pass mark over 100 %.
    PassPercentOver { percent: u8 }
        nb: "pass_percent {percent} er over 100: bruk en prosent fra 0 til 100",
        en: "pass_percent {percent} is over 100: use a percentage from 0 to 100";
    /// A time limit of zero.
    TimeLimitZero {}
        nb: "en tidsfrist på 0 minutter gir ingen tid: bruk None eller et antall minutter",
        en: "a time limit of 0 minutes leaves no time: use None or a number of minutes";
    /// A time limit over a day.
    TimeLimitTooLong { minutes: u32, max: u32 }
        nb: "en tidsfrist på {minutes} minutter er mer enn et døgn ({max} minutter): bruk et antall minutter opp til {max}, eller None for ingen frist",
        en: "a time limit of {minutes} minutes is more than a day ({max} minutes): use a number of minutes up to {max}, or None for no limit";
    /// A difficulty in a quiz selection that does not exist.
    QuizDifficultyUnknown { difficulty: u8 }
        nb: "vanskelighetsgrad {difficulty} i `select` finnes ikke: bruk 1, 2 eller 3",
        en: "difficulty {difficulty} in `select` does not exist: use 1, 2 or 3";
    /// Ids in a quiz selection that no scenario has; `ids` is the quoted list.
    QuizIdsMissing { ids: String }
        nb: "ingen scenarioer har id-ene {ids}: sjekk stavemåten eller fjern dem",
        en: "no scenario has the id(s) {ids}: check the spelling or remove them";
    /// A selection with fewer scenarios than the questions asked for.
    QuizTooFewMatches { matches: usize, language: Language, questions: usize }
        nb: "utvalget treffer {matches} scenarioer på {language}, færre enn de {questions} spørsmålene quizen ber om: utvid `select` eller senk `questions`",
        en: "the selection matches {matches} scenario(s) in {language}, fewer than the {questions} questions asked for: widen `select` or lower `questions`";
    /// Two quiz files with one id, found while loading.
    QuizIdUsedBy { id: String, other: PathBuf }
        nb: "quiz-id-en «{id}» brukes allerede av {other}: hver quiz trenger sin egen id",
        en: "quiz id {id:?} is already used by {other}: every quiz needs its own id";
    /// A quiz draft whose id another quiz file has.
    QuizIdTaken { id: String }
        nb: "quiz-id-en «{id}» er allerede i bruk: velg en annen id",
        en: "quiz id {id:?} is already used: choose another id";

    // Summaries of `check` and `import`

    /// Scenarios per sale type, as "nysalg 12, mersalg 9, ...".
    CoverageByType { counts: String }
        nb: "dekning: per salgstype: {counts}",
        en: "coverage: by sale type: {counts}";
    /// Scenarios per difficulty, as "1: 20, 2: 18, 3: 9".
    CoverageByDifficulty { counts: String }
        nb: "dekning: per vanskelighetsgrad: {counts}",
        en: "coverage: by difficulty: {counts}";
    /// Scenarios per language, as "nb 30, en 17".
    CoverageByLanguage { counts: String }
        nb: "dekning: per språk: {counts}",
        en: "coverage: by language: {counts}";
    /// Conversations per sale type and per language.
    CoverageConversations { by_type: String, by_language: String }
        nb: "dekning: samtaler per salgstype: {by_type}; per språk: {by_language}",
        en: "coverage: conversations by sale type: {by_type}; by language: {by_language}";
    /// What an import did.
    ImportSummary { rows: usize, imported: usize, replaced: usize, unchanged: usize, skipped: usize, read_as: Box<Message> }
        nb: "{rows} rader: {imported} importert ({replaced} erstattet), {unchanged} uendret, {skipped} hoppet over ({read_as})",
        en: "{rows} rows: {imported} imported ({replaced} replaced), {unchanged} unchanged, {skipped} skipped ({read_as})";
    /// An import of an empty file.
    ImportEmpty {}
        nb: "filen er tom: ingenting importert (første rad må navngi kolonnene)",
        en: "the file is empty: nothing imported (the first row must name the columns)";
    /// An import whose header lacks required columns.
    ImportColumnsMissing { columns: String, read_as: Box<Message> }
        nb: "ingenting importert: overskriftsraden har ingen kolonne {columns} ({read_as})",
        en: "nothing imported: the header has no column {columns} ({read_as})";
    /// The files of an import could not be put on disk; none replaced its target.
    ImportNotFlushed { reason: String }
        nb: "{reason}: ingenting ble importert",
        en: "{reason}: nothing was imported";
    /// How a sheet was read: its encoding and separator.
    SheetReadAs { encoding: String, separator: Box<Message> }
        nb: "{encoding}, {separator}",
        en: "{encoding}, {separator}";
    /// Cells separated by commas.
    SeparatorComma {}
        nb: "kommaseparert",
        en: "comma-separated";
    /// Cells separated by semicolons.
    SeparatorSemicolon {}
        nb: "semikolonseparert",
        en: "semicolon-separated";
    /// Cells separated by tabs.
    SeparatorTab {}
        nb: "tabulatorseparert",
        en: "tab-separated";

    // Guided practice

    /// Step 1 answered "never bought from you" for a customer who has.
    SlipSaidNew {}
        nb: "Steg 1: Du svarte at kunden aldri har kjøpt av deg, men det har kunden. Da er det et påfølgende salg, ikke nysalg, også når produktet er nytt for kunden.",
        en: "Step 1: you said the customer has never bought from you, but they have. That makes it a follow-on sale, not a new sale, even when the product is new to them.";
    /// Step 1 answered "has bought from you" for a customer who never has.
    SlipSaidKnown {}
        nb: "Steg 1: Du svarte at kunden har kjøpt av deg før, men kunden har aldri handlet hos deg. Da er det nysalg.",
        en: "Step 1: you said the customer has bought from you before, but they never have. That makes it a new sale.";
    /// Step 2 answered wrong; both relations are `Relation*` phrases.
    SlipRelation { said: Box<Message>, right: Box<Message> }
        nb: "Steg 2: Du svarte at tilbudet er {said}, men det er {right}.",
        en: "Step 2: you said the offer is {said}, but it is {right}.";
    /// Both steps right, another final type. English glosses the Norwegian type names.
    SlipFinalType { path_type: SaleType, path_type_english: &'static str, chosen: SaleType, chosen_english: &'static str }
        nb: "Stegene dine var riktige og leder til {path_type}, men til slutt svarte du {chosen}.",
        en: "Your steps were right and lead to {path_type} ({path_type_english}), but in the end you answered {chosen} ({chosen_english}).";
    /// More of the same product, inside a sentence.
    RelationMore {}
        nb: "mer av det samme produktet",
        en: "more of the same product";
    /// A replacement, inside a sentence.
    RelationReplacement {}
        nb: "en erstatning for noe som er slitt eller utdatert",
        en: "a replacement for something worn out or outdated";
    /// An accessory or extension, inside a sentence.
    RelationExtension {}
        nb: "tilbehør eller en utvidelse av det kunden kjøpte",
        en: "an accessory or extension of what they bought";
    /// A different product, inside a sentence.
    RelationDifferent {}
        nb: "et annet produkt, uten binding til det første",
        en: "a different product, not tied to the first";

    // Spreadsheets (CSV import)

    /// A header row the reader cannot read.
    CsvHeaderUnreadable { reason: String }
        nb: "kan ikke lese overskriftsraden: {reason}",
        en: "cannot read the header row: {reason}";
    /// An empty sheet.
    CsvEmpty {}
        nb: "filen er tom: første rad må navngi kolonnene (eksporter en bank med `salgstrener export --format csv` for en mal)",
        en: "the file is empty: the first row must name the columns (export a bank with `salgstrener export --format csv` for a template)";
    /// A row the reader cannot read.
    CsvRowUnreadable { reason: String }
        nb: "kan ikke lese raden: {reason}",
        en: "cannot read the row: {reason}";
    /// A column the importer does not know.
    CsvUnknownColumn { name: String }
        nb: "den ukjente kolonnen `{name}` blir ikke brukt; kolonnene er beskrevet i docs/interop.md",
        en: "unknown column `{name}` is ignored; the columns are described in docs/interop.md";
    /// A column named twice.
    CsvColumnTwice { name: String }
        nb: "kolonnen `{name}` står to ganger: behold én av dem",
        en: "column `{name}` appears twice: keep one of them";
    /// A required column missing from the header.
    CsvColumnMissing { name: String }
        nb: "overskriftsraden har ingen kolonne `{name}`: legg den til (ingen rad kan importeres uten den)",
        en: "the header has no column `{name}`: add it (no row can be imported without it)";
    /// A row wider than the header.
    CsvRowTooWide { width: usize, header: usize }
        nb: "raden har {width} celler, men overskriftsraden har {header}: en tekst med skilletegn i må stå i doble anførselstegn",
        en: "the row has {width} cells but the header has {header}: a text with a separator in it must be in double quotes";
    /// A row that stops before a required column.
    CsvRowTooShort { width: usize }
        nb: "raden slutter etter {width} celler, før denne kolonnen: fyll ut raden eller se etter et manglende skilletegn",
        en: "the row ends after {width} cells, before this column: fill in the row or look for a missing separator";
    /// An empty language cell.
    CsvLanguageEmpty {}
        nb: "`language` er tom: skriv nb (norsk bokmål) eller en (engelsk)",
        en: "`language` is empty: write nb (Norwegian bokmål) or en (English)";
    /// A language cell with another code.
    CsvLanguageUnknown { value: String }
        nb: "ukjent språk `{value}`: skriv nb (norsk bokmål) eller en (engelsk)",
        en: "unknown language `{value}`: write nb (Norwegian bokmål) or en (English)";
    /// An empty difficulty cell.
    CsvDifficultyEmpty {}
        nb: "`difficulty` er tom: skriv 1, 2 eller 3",
        en: "`difficulty` is empty: write 1, 2 or 3";
    /// A difficulty cell that is not a number.
    CsvDifficultyNotNumber { value: String }
        nb: "vanskelighetsgraden `{value}` er ikke et heltall: skriv 1, 2 eller 3",
        en: "difficulty `{value}` is not a whole number: write 1, 2 or 3";
    /// An empty sale type cell; `names` lists the types.
    CsvSaleTypeEmpty { names: String }
        nb: "ingen salgstype: skriv en av {names}",
        en: "no sale type: write one of {names}";
    /// A sale type cell with an unknown type.
    CsvSaleTypeUnknown { value: String, names: String }
        nb: "ukjent salgstype `{value}`: bruk en av {names}",
        en: "unknown sale type `{value}`: use one of {names}";
    /// An empty fit cell.
    CsvFitEmpty {}
        nb: "ingen passform: skriv Best, Acceptable eller Poor",
        en: "no fit: write Best, Acceptable or Poor";
    /// A fit cell with an unknown fit.
    CsvFitUnknown { value: String }
        nb: "ukjent passform `{value}`: bruk Best, Acceptable eller Poor",
        en: "unknown fit `{value}`: use Best, Acceptable or Poor";
    /// A row the writer cannot turn into text.
    CsvNotWritable { reason: String }
        nb: "kan ikke skrive scenarioet som RON: {reason}",
        en: "cannot write the scenario as RON: {reason}";
    /// A row the importer turned into text that does not read back.
    CsvNotReadBack { problem: Box<Message> }
        nb: "scenarioet kan ikke leses inn igjen: {problem}",
        en: "the scenario does not read back: {problem}";
    /// Two rows of one sheet with one id.
    CsvIdOnEarlierRow { id: String, first: usize }
        nb: "id-en «{id}» er allerede brukt på rad {first} i dette arket: hvert scenario trenger sin egen id",
        en: "id {id:?} is already used on row {first} of this sheet: every scenario needs its own id";
    /// A row whose scenario exists, imported without `--force`.
    CsvScenarioExists { id: String, path: PathBuf }
        nb: "scenarioet «{id}» finnes allerede i {path}: det blir stående som det er; importer med --force for å erstatte det",
        en: "scenario {id:?} already exists in {path}: it is left as it is; import with --force to replace it";
    }
}
