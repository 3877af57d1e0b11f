//! Parsing one scenario file and checking it against the format's rules.

use std::cell::OnceCell;
use std::path::{Component, Path};

use serde::de::DeserializeOwned;

use crate::bank::problem::{Position, Problem};
use crate::bank::scenario::{Fit, Offer, Scenario};
use crate::bank::source_map::{Locus, SourceMap};
use crate::i18n::Message;
use crate::teaching::edge_cases::{self, EdgeCase};
use crate::teaching::taxonomy::SaleType;

/// Largest scenario file accepted. Real scenarios are a few KiB; anything this big is a mistake.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;
/// Fewest follow-up offers a scenario may have.
pub const MIN_OFFERS: usize = 2;
/// Most follow-up offers a scenario may have (keys A-F).
pub const MAX_OFFERS: usize = 6;
/// Nesting deeper than this is never a scenario, and stops pathological input early.
pub const RECURSION_LIMIT: usize = 32;
/// Longest text, in characters, that one field of a scenario may hold. The longest bundled
/// situation is under 600; a text this long is pasted material, not a scenario.
pub const MAX_TEXT_CHARS: usize = 4_000;

/// Answers whether an image path (relative to `assets/`) exists. Shared by the threads that
/// check files in parallel, hence `Sync`.
pub trait AssetLookup: Sync {
    /// True when `relative` names a file in the assets folder.
    fn exists(&self, relative: &Path) -> bool;

    /// What `relative` is; lookups that only know whether a file exists need not say more.
    fn state(&self, relative: &Path) -> AssetState {
        if self.exists(relative) {
            AssetState::File
        } else {
            AssetState::Missing
        }
    }
}

/// What an image path in the assets folder leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssetState {
    /// A regular file, reached without following a link.
    File,
    /// Nothing there.
    Missing,
    /// A symbolic link on the way: not followed.
    Link,
    /// Something that is not a regular file, such as a named pipe; in words.
    NotRegular(&'static str),
}

impl<F: Fn(&Path) -> bool + Sync> AssetLookup for F {
    fn exists(&self, relative: &Path) -> bool {
        self(relative)
    }
}

/// A parsed scenario or conversation with the problems its rules found. Errors keep it out
/// of the bank.
#[derive(Debug)]
pub struct Checked<T> {
    /// The scenario or conversation as written.
    pub item: T,
    /// Rule violations, errors and warnings.
    pub problems: Vec<Problem>,
}

impl<T> Checked<T> {
    /// True when nothing keeps the item out of the bank.
    pub fn is_usable(&self) -> bool {
        !self.problems.iter().any(Problem::is_error)
    }
}

/// Parses `text` as one of the bank's RON formats, with the recursion limit they share. On a
/// syntax or type error the one problem RON found is returned; `doc` names the format's
/// documentation.
pub fn parse_ron<T: DeserializeOwned>(path: &Path, text: &str, doc: &str) -> Result<T, Problem> {
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .from_str::<T>(text)
        .map_err(|e| ron_problem(path, &e, doc))
}

/// Parses `text` as a scenario. On a syntax or type error the one problem RON found is returned.
pub fn parse_scenario(path: &Path, text: &str) -> Result<Scenario, Problem> {
    parse_ron(path, text, SCENARIO_DOC)
}

/// Parses and checks one file's text: the whole per-file pipeline.
pub fn check_text(
    path: &Path,
    text: &str,
    assets: &dyn AssetLookup,
) -> Result<Checked<Scenario>, Problem> {
    let scenario = parse_scenario(path, text)?;
    // Scanning for positions costs nearly as much as parsing, and most files have no problem:
    // the map is only built when a rule needs a position.
    let map = OnceCell::new();
    let position = |locus: &Locus<'_>| map.get_or_init(|| SourceMap::new(text)).position(locus);
    let problems = rules(path, &scenario, &position, assets);
    Ok(Checked {
        item: scenario,
        problems,
    })
}

/// Where instructors read about the scenario format.
pub const SCENARIO_DOC: &str = "docs/scenario-format.md";

/// Turns a RON error into a problem with the position RON reports; `doc` names the format's
/// documentation for messages that send the reader there.
pub fn ron_problem(path: &Path, error: &ron::error::SpannedError, doc: &str) -> Problem {
    let position = Some(Position::new(
        error.span.start.line.max(1),
        error.span.start.col.max(1),
    ));
    Problem::error(path, position, describe_ron_error(&error.code, doc))
}

fn describe_ron_error(code: &ron::Error, doc: &str) -> Message {
    use ron::Error as E;
    let quoted = |names: &[&str]| {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let within = |outer: &Option<String>| {
        outer
            .as_ref()
            .map(|name| Box::new(Message::InStruct { name: name.clone() }))
    };
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => Message::UnknownField {
            found: found.clone(),
            within: within(outer),
            expected: quoted(expected),
        },
        E::MissingStructField { field, outer } => Message::MissingField {
            field: field.to_string(),
            within: within(outer),
            doc: doc.to_owned(),
        },
        E::DuplicateStructField { field, outer } => Message::DuplicateField {
            field: field.to_string(),
            within: within(outer),
        },
        E::NoSuchEnumVariant {
            expected, found, ..
        } if is_sale_type_list(expected) => Message::UnknownSaleType {
            found: found.clone(),
            expected: quoted(expected),
        },
        E::NoSuchEnumVariant {
            expected, found, ..
        } => Message::UnknownValue {
            found: found.clone(),
            expected: quoted(expected),
        },
        E::ExpectedDifferentStructName { expected, found } => Message::WrongStructName {
            expected: expected.to_string(),
            found: found.clone(),
        },
        E::Message(message) => Message::Detail {
            detail: message.clone(),
        },
        E::Eof => Message::UnexpectedEnd {},
        E::ExpectedComma => Message::ExpectedComma {},
        E::ExpectedStringEnd => Message::UnclosedText {},
        E::ExpectedString => Message::ExpectedText {},
        E::ExpectedInteger => Message::ExpectedInteger {},
        E::IntegerOutOfBounds => Message::IntegerOutOfRange {},
        E::ExpectedOption => Message::ExpectedOption {},
        E::ExpectedArray => Message::ExpectedList {},
        E::TrailingCharacters => Message::TrailingText {},
        E::ExceededRecursionLimit => Message::NestedTooDeep {},
        E::UnclosedBlockComment => Message::UnclosedComment {},
        E::Utf8Error(_) => Message::NotUtf8Ron {},
        other => Message::RonSyntax {
            detail: other.to_string(),
        },
    }
}

fn is_sale_type_list(expected: &[&str]) -> bool {
    expected.len() == SaleType::ALL.len()
        && SaleType::ALL
            .iter()
            .zip(expected)
            .all(|(t, e)| t.title() == *e)
}

/// True for ids made of `a-z`, `0-9` and `-`, not empty.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks a parsed scenario against every per-file rule. Cross-file rules (duplicate ids)
/// live in the bank loader.
pub fn validate(
    path: &Path,
    scenario: &Scenario,
    map: &SourceMap,
    assets: &dyn AssetLookup,
) -> Vec<Problem> {
    rules(path, scenario, &|locus| map.position(locus), assets)
}

/// The per-file rules, with positions from `position`.
fn rules(
    path: &Path,
    scenario: &Scenario,
    position: &dyn Fn(&Locus<'_>) -> Option<Position>,
    assets: &dyn AssetLookup,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut error = |locus: Locus<'_>, message: Message| {
        problems.push(Problem::error(path, position(&locus), message).with_field(locus.path()));
    };

    let s = scenario;
    for (field, text) in s.texts().chain(s.image.as_deref().map(|i| ("image", i))) {
        if let Some(chars) = too_long(text) {
            error(
                Locus::Field(field),
                too_long_message(field_name(field), chars, Message::ShortenScenario {}),
            );
        }
    }
    for (i, text) in s.tags.iter().enumerate() {
        if let Some(chars) = too_long(text) {
            error(
                Locus::Item("tags", i),
                too_long_message(
                    Message::TagNumber { n: i + 1 },
                    chars,
                    Message::ShortenScenario {},
                ),
            );
        }
    }

    if scenario.id.trim().is_empty() {
        error(Locus::Field("id"), Message::IdEmpty {});
    } else if !is_valid_id(&scenario.id) && too_long(&scenario.id).is_none() {
        error(
            Locus::Field("id"),
            Message::IdInvalid {
                id: scenario.id.clone(),
            },
        );
    }

    // An empty id has its own message, above.
    for (field, value) in s.texts().filter(|(field, _)| *field != "id") {
        if value.trim().is_empty() {
            error(
                Locus::Field(field),
                Message::TextEmpty {
                    field: field.to_owned(),
                },
            );
        }
    }

    if !(1..=3).contains(&scenario.difficulty) {
        error(
            Locus::Field("difficulty"),
            Message::DifficultyOutOfRange {
                difficulty: scenario.difficulty,
            },
        );
    }

    for (i, tag) in scenario.tags.iter().enumerate() {
        if tag.trim().is_empty() {
            error(Locus::Item("tags", i), Message::TagEmpty { n: i + 1 });
        }
    }

    if let Some(message) = scenario
        .image
        .as_deref()
        .filter(|image| too_long(image).is_none())
        .and_then(|image| image_problem(image, assets))
    {
        error(Locus::Field("image"), message);
    }

    let contains = |cue: &str| scenario.customer.contains(cue) || scenario.situation.contains(cue);
    decision_rules(
        path,
        &Decision {
            answer: scenario.answer,
            cues: &scenario.cues,
            offers: &scenario.offers,
            cue_sources: Message::CueSourcesScenario {},
            contains: &contains,
            shorten: Message::ShortenScenario {},
            noun: Message::TheScenario {},
        },
        position,
        &mut problems,
    );

    for (i, tag) in scenario.tags.iter().enumerate() {
        if edge_cases::is_unknown_edge_tag(tag) {
            let locus = Locus::Item("tags", i);
            problems.push(
                Problem::warning(
                    path,
                    position(&locus),
                    Message::EdgeTagUnknown {
                        tag: tag.clone(),
                        tags: edge_case_tags(),
                    },
                )
                .with_field(locus.path()),
            );
        }
    }

    // Level 3 is defined as "exercises an edge case": without the tag the scenario is missing
    // from that case's lesson practice and quizzes, or it is not level 3.
    if scenario.difficulty == 3 && EdgeCase::of(scenario).is_none() {
        let locus = Locus::Field("difficulty");
        problems.push(
            Problem::warning(
                path,
                position(&locus),
                Message::LevelThreeWithoutEdgeCase {
                    tags: edge_case_tags(),
                },
            )
            .with_field(locus.path()),
        );
    }

    if let Some(stated) = scenario.path {
        let mut warning = |message: Message| {
            problems.push(Problem::warning(
                path,
                position(&Locus::Field("path")),
                message,
            ));
        };
        match stated.resolve() {
            None => warning(Message::PathWithoutRelation {}),
            Some(resolved) if resolved.sale_type() != scenario.answer => {
                warning(Message::PathDisagrees {
                    leads_to: resolved.sale_type(),
                    answer: scenario.answer,
                })
            }
            Some(_) => {}
        }
        if !stated.known_customer && stated.relation.is_some() {
            warning(Message::PathRelationForNewCustomer {});
        }
    }

    problems
}

/// The edge-case tags, quoted, for messages.
fn edge_case_tags() -> String {
    EdgeCase::ALL
        .map(|case| format!("`{}`", case.tag()))
        .join(", ")
}

/// The decision a scenario and every conversation end in: the right sale type, the cues that
/// decide it and the offers. Both formats check it with [`decision_rules`], so a rule changed
/// here changes for both.
pub(crate) struct Decision<'a> {
    /// The right sale type.
    pub answer: SaleType,
    /// The cues, which must occur in the texts the trainee reads.
    pub cues: &'a [String],
    /// The follow-up offers.
    pub offers: &'a [Offer],
    /// Where cues must occur, as the messages name it: "`customer` or `situation`".
    pub cue_sources: Message,
    /// True when a cue occurs in one of those texts.
    pub contains: &'a dyn Fn(&str) -> bool,
    /// What to do about a text over the length limit.
    pub shorten: Message,
    /// "the scenario" or "the conversation", for the messages.
    pub noun: Message,
}

/// The rules of the decision part: cues present, 2 to 6 offers, exactly one `Best`, no empty or
/// over-long text, and the `Best` offer's kind agreeing with the answer (a warning).
pub(crate) fn decision_rules(
    path: &Path,
    d: &Decision<'_>,
    position: &dyn Fn(&Locus<'_>) -> Option<Position>,
    problems: &mut Vec<Problem>,
) {
    let mut error = |locus: Locus<'_>, message: Message| {
        problems.push(Problem::error(path, position(&locus), message).with_field(locus.path()));
    };
    for (i, cue) in d.cues.iter().enumerate() {
        if let Some(chars) = too_long(cue) {
            error(
                Locus::Item("cues", i),
                too_long_message(Message::CueNumber { n: i + 1 }, chars, d.shorten.clone()),
            );
        } else if cue.trim().is_empty() {
            error(Locus::Item("cues", i), Message::CueEmpty { n: i + 1 });
        } else if !(d.contains)(cue) {
            error(
                Locus::Item("cues", i),
                Message::CueNotInText {
                    cue: cue.clone(),
                    sources: Box::new(d.cue_sources.clone()),
                },
            );
        }
    }

    let count = d.offers.len();
    if !(MIN_OFFERS..=MAX_OFFERS).contains(&count) {
        error(
            Locus::Field("offers"),
            Message::OfferCount {
                what: Box::new(d.noun.clone()),
                count,
                min: MIN_OFFERS,
                max: MAX_OFFERS,
            },
        );
    }
    for (i, offer) in d.offers.iter().enumerate() {
        for (field, value) in [("text", &offer.text), ("feedback", &offer.feedback)] {
            if let Some(chars) = too_long(value) {
                error(
                    Locus::OfferField(i, field),
                    too_long_message(
                        Message::OfferField {
                            n: i + 1,
                            field: field.to_owned(),
                        },
                        chars,
                        d.shorten.clone(),
                    ),
                );
            } else if value.trim().is_empty() {
                error(
                    Locus::OfferField(i, field),
                    Message::OfferFieldEmpty {
                        n: i + 1,
                        field: field.to_owned(),
                    },
                );
            }
        }
    }
    let best: Vec<usize> = d
        .offers
        .iter()
        .enumerate()
        .filter(|(_, o)| o.fit == Fit::Best)
        .map(|(i, _)| i)
        .collect();
    match best.as_slice() {
        [] if count > 0 => error(
            Locus::Field("offers"),
            Message::NoBestOffer {
                what: Box::new(d.noun.clone()),
            },
        ),
        [] | [_] => {}
        [_, second, ..] => error(
            Locus::OfferField(*second, "fit"),
            Message::SeveralBestOffers {
                count: best.len(),
                offers: best
                    .iter()
                    .map(|i| (i + 1).to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        ),
    }
    if let [only] = best.as_slice() {
        let offer = &d.offers[*only];
        if offer.kind != d.answer {
            let locus = Locus::OfferField(*only, "kind");
            problems.push(
                Problem::warning(
                    path,
                    position(&locus),
                    Message::BestOfferDisagrees {
                        kind: offer.kind,
                        answer: d.answer,
                    },
                )
                .with_field(locus.path()),
            );
        }
    }
}

/// The character count of `text` when it is over [`MAX_TEXT_CHARS`]. Characters are only
/// counted when the bytes could be over the limit (a character is at least one byte), so the
/// common case costs a comparison.
pub(crate) fn too_long(text: &str) -> Option<usize> {
    if text.len() <= MAX_TEXT_CHARS {
        return None;
    }
    let chars = text.chars().count();
    (chars > MAX_TEXT_CHARS).then_some(chars)
}

/// The message for a text over the limit; `what` names it and `advice` says what to do.
pub(crate) fn too_long_message(what: Message, chars: usize, advice: Message) -> Message {
    Message::TooLong {
        what: Box::new(what),
        chars,
        limit: MAX_TEXT_CHARS,
        advice: Box::new(advice),
    }
}

/// A field named in a message, as `` `title` ``.
pub(crate) fn field_name(field: &str) -> Message {
    Message::FieldName {
        field: field.to_owned(),
    }
}

fn image_problem(image: &str, assets: &dyn AssetLookup) -> Option<Message> {
    let path = Path::new(image);
    if image.trim().is_empty() {
        return Some(Message::ImageEmpty {});
    }
    if path.is_absolute() || image.starts_with('/') || image.starts_with('\\') {
        return Some(Message::ImageAbsolute {
            image: image.to_owned(),
        });
    }
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Some(Message::ImageOutside {
            image: image.to_owned(),
        });
    }
    match assets.state(path) {
        AssetState::File => None,
        AssetState::Missing => Some(Message::ImageMissing {
            image: image.to_owned(),
        }),
        AssetState::Link => Some(Message::ImageLink {
            image: image.to_owned(),
        }),
        AssetState::NotRegular(kind) => Some(Message::ImageNotRegular {
            image: image.to_owned(),
            kind: Box::new(super::kind_message(kind)),
        }),
    }
}
