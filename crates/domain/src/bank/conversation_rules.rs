//! Parsing one conversation file and checking it: the fields, the graph of steps (unknown
//! targets, cycles, unreachable steps, no way to Decide) and the decision it ends in, with the
//! same rules as a scenario's decision.

use std::cell::OnceCell;
use std::path::Path;

use crate::bank::conversation::{Conversation, Next, Quality, topological_order};
use crate::bank::problem::{Position, Problem};
use crate::bank::source_map::{Locus, SourceMap};
use crate::bank::validate::{
    Checked, Decision, decision_rules, field_name, is_valid_id, parse_ron, too_long,
    too_long_message,
};
use crate::i18n::Message;

/// Most steps one conversation may have. A conversation a trainee finishes in ten minutes has
/// a few dozen; this only stops generated or pasted files.
pub const MAX_STEPS: usize = 500;
/// Most replies at one step: they are chosen with the keys 1-9.
pub const MAX_REPLIES: usize = 9;
/// A path with more steps than this is reported as a warning: trainees tire.
pub const LONG_PATH_STEPS: usize = 12;
/// Where instructors read about the conversation format.
pub const CONVERSATION_DOC: &str = "docs/conversation-format.md";

/// What to do about a text over the length limit.
fn shorten() -> Message {
    Message::ShortenConversation {}
}

/// `name` and one of its fields, as "step 2: `customer`".
fn field_of(name: &Message, field: &str) -> Message {
    Message::NamedField {
        name: Box::new(name.clone()),
        field: field.to_owned(),
    }
}

/// True when the file's top-level value is a `Conversation(...)`: the first word after any
/// comments. Everything else is read as a scenario, whose parser names what it expected.
pub fn is_conversation(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = skip_block_comment(after);
        } else {
            break;
        }
    }
    rest.strip_prefix("Conversation")
        .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
}

/// The text after a block comment whose `/*` was consumed; RON block comments nest.
fn skip_block_comment(text: &str) -> &str {
    let mut depth = 1usize;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return &text[i..];
                }
            }
            _ => i += 1,
        }
    }
    ""
}

/// Parses `text` as a conversation. On a syntax or type error the one problem RON found is
/// returned.
pub fn parse_conversation(path: &Path, text: &str) -> Result<Conversation, Problem> {
    parse_ron(path, text, CONVERSATION_DOC)
}

/// Parses and checks one conversation file's text.
pub fn check_conversation_text(path: &Path, text: &str) -> Result<Checked<Conversation>, Problem> {
    let conversation = parse_conversation(path, text)?;
    let map = OnceCell::new();
    let position = |at: &str| map.get_or_init(|| SourceMap::new(text)).position_at(at);
    let problems = rules(path, &conversation, &position);
    Ok(Checked {
        item: conversation,
        problems,
    })
}

/// Checks a parsed conversation against every per-file rule, with positions from `map`.
/// Cross-file rules (ids shared with another file) live in the bank loader.
pub fn validate_conversation(path: &Path, c: &Conversation, map: &SourceMap) -> Vec<Problem> {
    rules(path, c, &|at| map.position_at(at))
}

fn step_name(c: &Conversation, i: usize) -> Message {
    match c.steps.get(i) {
        Some(s) if !s.id.trim().is_empty() && too_long(&s.id).is_none() => {
            Message::StepNamed { id: s.id.clone() }
        }
        _ => Message::StepNumber { n: i + 1 },
    }
}

fn rules(
    path: &Path,
    c: &Conversation,
    position: &dyn Fn(&str) -> Option<Position>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut error = |at: String, message: Message| {
        problems.push(Problem::error(path, position(&at), message).with_field(at));
    };

    for (field, text) in c.texts().chain([("start", c.start.as_str())]) {
        if let Some(chars) = too_long(text) {
            error(
                field.into(),
                too_long_message(field_name(field), chars, shorten()),
            );
        } else if text.trim().is_empty() {
            let message = match field {
                "id" => Message::ConversationIdEmpty {},
                "start" => Message::StartEmpty {},
                _ => Message::TextEmpty {
                    field: field.to_owned(),
                },
            };
            error(field.into(), message);
        }
    }
    if !c.id.trim().is_empty() && too_long(&c.id).is_none() && !is_valid_id(&c.id) {
        error(
            "id".into(),
            Message::ConversationIdInvalid { id: c.id.clone() },
        );
    }
    if !(1..=3).contains(&c.difficulty) {
        error(
            "difficulty".into(),
            Message::ConversationDifficultyOutOfRange {
                difficulty: c.difficulty,
            },
        );
    }
    for (i, tag) in c.tags.iter().enumerate() {
        if let Some(chars) = too_long(tag) {
            error(
                format!("tags[{i}]"),
                too_long_message(Message::TagNumber { n: i + 1 }, chars, shorten()),
            );
        } else if tag.trim().is_empty() {
            error(format!("tags[{i}]"), Message::TagEmpty { n: i + 1 });
        }
    }

    if c.steps.is_empty() {
        error("steps".into(), Message::NoSteps {});
    } else if c.steps.len() > MAX_STEPS {
        error(
            "steps".into(),
            Message::TooManySteps {
                count: c.steps.len(),
                max: MAX_STEPS,
            },
        );
    }

    let index = c.step_indexes();
    for (i, step) in c.steps.iter().enumerate() {
        let at = |field: &str| format!("steps[{i}].{field}");
        let name = step_name(c, i);
        if let Some(chars) = too_long(&step.id) {
            error(
                at("id"),
                too_long_message(
                    field_of(&Message::StepNumber { n: i + 1 }, "id"),
                    chars,
                    shorten(),
                ),
            );
        } else if step.id.trim().is_empty() {
            error(at("id"), Message::StepIdEmpty { n: i + 1 });
        } else if !is_valid_id(&step.id) {
            error(
                at("id"),
                Message::StepIdInvalid {
                    id: step.id.clone(),
                },
            );
        } else if index.get(step.id.as_str()) != Some(&i) {
            error(
                at("id"),
                Message::StepIdTwice {
                    id: step.id.clone(),
                    first: index.get(step.id.as_str()).map_or(0, |first| first + 1),
                },
            );
        }
        if let Some(chars) = too_long(&step.customer) {
            error(
                at("customer"),
                too_long_message(field_of(&name, "customer"), chars, shorten()),
            );
        } else if step.customer.trim().is_empty() {
            error(
                at("customer"),
                Message::StepCustomerEmpty {
                    step: Box::new(name.clone()),
                },
            );
        }
        if step.replies.is_empty() {
            error(
                at("replies"),
                Message::StepNoReplies {
                    step: Box::new(name.clone()),
                },
            );
        } else if step.replies.len() > MAX_REPLIES {
            error(
                at("replies"),
                Message::StepTooManyReplies {
                    step: Box::new(name.clone()),
                    count: step.replies.len(),
                    max: MAX_REPLIES,
                },
            );
        }
        for (j, reply) in step.replies.iter().enumerate() {
            let at = |field: &str| format!("steps[{i}].replies[{j}].{field}");
            let rname = Message::ReplyName {
                step: Box::new(name.clone()),
                n: j + 1,
            };
            for (field, text) in [("text", &reply.text), ("feedback", &reply.feedback)] {
                if let Some(chars) = too_long(text) {
                    error(
                        at(field),
                        too_long_message(field_of(&rname, field), chars, shorten()),
                    );
                } else if text.trim().is_empty() {
                    error(
                        at(field),
                        Message::NamedFieldEmpty {
                            name: Box::new(rname.clone()),
                            field: field.to_owned(),
                        },
                    );
                }
            }
            for (k, fact) in reply.reveals.iter().enumerate() {
                let at = format!("steps[{i}].replies[{j}].reveals[{k}]");
                if let Some(chars) = too_long(fact) {
                    error(
                        at,
                        too_long_message(
                            Message::FactName {
                                reply: Box::new(rname.clone()),
                                n: k + 1,
                            },
                            chars,
                            shorten(),
                        ),
                    );
                } else if fact.trim().is_empty() {
                    error(
                        at,
                        Message::FactEmpty {
                            reply: Box::new(rname.clone()),
                            n: k + 1,
                        },
                    );
                }
            }
            match &reply.next {
                Next::Step(target) if !index.contains_key(target.as_str()) => error(
                    at("next"),
                    Message::NextUnknownStep {
                        reply: Box::new(rname.clone()),
                        target: target.clone(),
                    },
                ),
                Next::Leave(words) if too_long(words).is_some() => error(
                    at("next"),
                    too_long_message(
                        Message::PartingWords {
                            reply: Box::new(rname.clone()),
                        },
                        words.chars().count(),
                        shorten(),
                    ),
                ),
                Next::Leave(words) if words.trim().is_empty() => error(
                    at("next"),
                    Message::LeaveWithoutWords {
                        reply: Box::new(rname.clone()),
                    },
                ),
                _ => {}
            }
        }
    }

    let start = index.get(c.start.as_str()).copied();
    if start.is_none() && !c.start.trim().is_empty() && too_long(&c.start).is_none() {
        error(
            "start".into(),
            Message::StartUnknown {
                start: c.start.clone(),
            },
        );
    }

    let edges = c.edges();
    if let Some(start) = start {
        for (from, reply, to) in back_edges(&edges, start) {
            error(
                format!("steps[{from}].replies[{reply}].next"),
                Message::LeadsBack {
                    reply: Box::new(Message::ReplyName {
                        step: Box::new(step_name(c, from)),
                        n: reply + 1,
                    }),
                    to: Box::new(step_name(c, to)),
                },
            );
        }
        let reached = reachable(&edges, start);
        for (i, reached) in reached.iter().enumerate() {
            // A second step with a taken id is unreachable because of the id: said once.
            let duplicate = index.get(c.steps[i].id.as_str()) != Some(&i);
            if !reached && !duplicate {
                error(
                    format!("steps[{i}].id"),
                    Message::Unreachable {
                        step: Box::new(step_name(c, i)),
                    },
                );
            }
        }
        if !reaches_decide(c, &edges)[start] {
            error("start".into(), Message::NeverDecides {});
        }
    }

    let cue_texts: Vec<&str> = std::iter::once(c.customer.as_str())
        .chain(c.steps.iter().map(|s| s.customer.as_str()))
        .chain(c.all_facts())
        .collect();
    let contains = |cue: &str| cue_texts.iter().any(|t| t.contains(cue));
    let decision = Decision {
        answer: c.answer,
        cues: &c.cues,
        offers: &c.offers,
        cue_sources: Message::CueSourcesConversation {},
        contains: &contains,
        shorten: shorten(),
        noun: Message::TheConversation {},
    };
    decision_rules(
        path,
        &decision,
        &|locus: &Locus<'_>| position(&locus.path()),
        &mut problems,
    );

    for (i, step) in c.steps.iter().enumerate() {
        if !step.replies.is_empty() && !step.replies.iter().any(|r| r.quality == Quality::Good) {
            let at = format!("steps[{i}].replies");
            problems.push(
                Problem::warning(
                    path,
                    position(&at),
                    Message::NoGoodReply {
                        step: Box::new(step_name(c, i)),
                    },
                )
                .with_field(at),
            );
        }
    }
    if let Some(longest) = c.longest_path().filter(|p| p.len() > LONG_PATH_STEPS) {
        let at = format!("steps[{}].id", longest[LONG_PATH_STEPS]);
        let names: Vec<&str> = longest.iter().map(|&s| c.steps[s].id.as_str()).collect();
        problems.push(
            Problem::warning(
                path,
                position(&at),
                Message::LongPath {
                    count: longest.len(),
                    steps: names.join(" → "),
                    max: LONG_PATH_STEPS,
                },
            )
            .with_field(at),
        );
    }
    problems
}

/// Steps reached from `start` by any path (also for the editor's graph).
pub(crate) fn reachable(edges: &[Vec<Option<usize>>], start: usize) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut stack = vec![start];
    seen[start] = true;
    while let Some(s) = stack.pop() {
        for &to in edges[s].iter().flatten() {
            if !seen[to] {
                seen[to] = true;
                stack.push(to);
            }
        }
    }
    seen
}

/// For every step, whether some path from it reaches `Decide` (cycles allowed).
fn reaches_decide(c: &Conversation, edges: &[Vec<Option<usize>>]) -> Vec<bool> {
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); edges.len()];
    for (from, tos) in edges.iter().enumerate() {
        for &to in tos.iter().flatten() {
            incoming[to].push(from);
        }
    }
    let mut yes = vec![false; edges.len()];
    let mut stack: Vec<usize> = c
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.replies.iter().any(|r| r.next == Next::Decide))
        .map(|(i, _)| i)
        .collect();
    for &s in &stack {
        yes[s] = true;
    }
    while let Some(s) = stack.pop() {
        for &from in &incoming[s] {
            if !yes[from] {
                yes[from] = true;
                stack.push(from);
            }
        }
    }
    yes
}

/// The replies that close a cycle: `(step, reply, target)` where the target is on the path
/// that led to the step. Searched from `start` first so that the reply reported is the one
/// that goes back, then from the steps `start` does not reach.
pub(crate) fn back_edges(edges: &[Vec<Option<usize>>], start: usize) -> Vec<(usize, usize, usize)> {
    if topological_order(edges).is_some() {
        return Vec::new();
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let mut mark = vec![Mark::New; edges.len()];
    let mut found = Vec::new();
    let roots = std::iter::once(start).chain(0..edges.len());
    for root in roots {
        if mark[root] != Mark::New {
            continue;
        }
        // An explicit stack of (step, next reply to look at): user files must not be able to
        // overflow the thread's stack with a long chain of steps.
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::OnPath;
        while let Some(&mut (s, ref mut r)) = stack.last_mut() {
            if let Some(next) = edges[s].get(*r) {
                let reply = *r;
                *r += 1;
                if let Some(to) = *next {
                    match mark[to] {
                        Mark::New => {
                            mark[to] = Mark::OnPath;
                            stack.push((to, 0));
                        }
                        Mark::OnPath => found.push((s, reply, to)),
                        Mark::Done => {}
                    }
                }
            } else {
                mark[s] = Mark::Done;
                stack.pop();
            }
        }
    }
    found.sort_unstable();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::conversation::tests::example;

    fn messages(c: &Conversation) -> Vec<String> {
        validate_conversation(Path::new("x.ron"), c, &SourceMap::default())
            .iter()
            .map(|p| format!("{}: {}", p.severity.as_str(), p.message))
            .collect()
    }

    #[test]
    fn the_example_is_clean() {
        assert_eq!(messages(&example()), Vec::<String>::new());
    }

    #[test]
    fn tells_conversations_from_scenarios_by_the_top_level_name() {
        assert!(is_conversation("Conversation(id: \"x\")"));
        assert!(is_conversation(
            "// c\n/* a /* nested */ b */\n  Conversation ("
        ));
        assert!(!is_conversation("Scenario(id: \"x\")"));
        assert!(!is_conversation("ConversationX("));
        assert!(!is_conversation("// Conversation(\nScenario("));
        assert!(!is_conversation("/* unclosed Conversation("));
    }

    #[test]
    fn a_cycle_is_reported_at_the_reply_that_goes_back() {
        let mut c = example();
        c.steps[1].replies[1].next = Next::Step("hilsen".into());
        let m = messages(&c);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].starts_with("error: step \"behov\", reply 2 leads back to step \"hilsen\""));
    }

    #[test]
    fn graph_rules() {
        let mut c = example();
        c.steps[1].replies = vec![c.steps[1].replies[1].clone()];
        c.steps[1].replies[0].next = Next::Leave("Ha det".into());
        let m = messages(&c);
        assert!(
            m.iter()
                .any(|m| m.contains("no path from `start` reaches `Decide`")),
            "{m:?}"
        );
        assert!(m.iter().any(|m| m.contains("has no `Good` reply")), "{m:?}");

        let mut c = example();
        c.start = "behov".into();
        let m = messages(&c);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("step \"hilsen\" cannot be reached"), "{m:?}");
    }

    #[test]
    fn cycle_search_survives_a_long_chain() {
        let n = 100_000;
        let mut edges: Vec<Vec<Option<usize>>> = (0..n).map(|i| vec![Some(i + 1)]).collect();
        edges[n - 1] = vec![Some(0)];
        assert_eq!(back_edges(&edges, 0), [(n - 1, 0, 0)]);
    }
}
