//! The conversation model: a customer talks with the trainee over several steps, good questions
//! reveal the facts that decide the sale, and every path that reaches `Decide` ends in the same
//! decision as a scenario (sale type and offer).
//!
//! A conversation is a directed graph of steps. Validation (see `conversation_rules`) makes sure
//! it has no cycle, so the graph questions answered here (the best path, the longest path) are
//! computed over a DAG; on a graph that still has a cycle they return `None` instead of looping.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::format::exercise_format;
use super::scenario::Offer;
use crate::teaching::taxonomy::SaleType;

/// How good a reply is; it earns 2, 1 or 0 points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Quality {
    /// A reply that brings the customer's need out.
    Good,
    /// Polite and harmless, but it learns little.
    Acceptable,
    /// Pushes, assumes or closes the conversation.
    Poor,
}

impl Quality {
    /// All qualities, best first.
    pub const ALL: [Quality; 3] = [Quality::Good, Quality::Acceptable, Quality::Poor];

    /// Points a reply of this quality earns: 2, 1 or 0.
    pub fn points(self) -> u32 {
        match self {
            Quality::Good => 2,
            Quality::Acceptable => 1,
            Quality::Poor => 0,
        }
    }
}

/// Where a reply leads.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Next {
    /// To the step with this id.
    Step(String),
    /// To the decision: sale type and offer, as in a scenario.
    Decide,
    /// The customer leaves, with these parting words.
    Leave(String),
}

/// One reply the trainee can choose at a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    /// What the trainee says.
    pub text: String,
    /// How good it is.
    pub quality: Quality,
    /// Why it is good or poor; shown after the choice (or at the end).
    pub feedback: String,
    /// Facts the customer gives away because of this reply.
    #[serde(default)]
    pub reveals: Vec<String>,
    /// Where the conversation goes next.
    pub next: Next,
}

/// One turn: the customer speaks, the trainee picks a reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique within the conversation, `[a-z0-9-]+`.
    pub id: String,
    /// What the customer says at this step.
    pub customer: String,
    /// The replies to choose from, 1 to 9 (keys 1-9).
    pub replies: Vec<Reply>,
}

exercise_format! {
    texts: [customer, explanation];
    /// A sales conversation. Field order here is the documented order in the file format,
    /// after the fields it shares with scenarios (`id` to `tags`).
    pub struct Conversation {
        /// What the trainee sees when the customer walks in.
        pub customer: String,
        /// The id of the first step.
        pub start: String,
        /// The steps, in any order.
        pub steps: Vec<Step>,
        /// The right sale type at the decision.
        pub answer: SaleType,
        /// Phrases in `customer`, a step's `customer` or a `reveals` entry that decide the answer.
        #[serde(default)]
        pub cues: Vec<String>,
        /// Why the answer is right, in the taxonomy's terms.
        pub explanation: String,
        /// The follow-up offers of the decision.
        pub offers: Vec<Offer>,
    }
}

/// A reply by its place in the file: step index and reply index (0-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ReplyRef {
    /// Index into `steps`.
    pub step: usize,
    /// Index into that step's `replies`.
    pub reply: usize,
}

/// A path through a conversation: the replies in order and the points they earn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReplyPath {
    /// Points from the replies.
    pub points: u32,
    /// The replies, in order.
    pub replies: Vec<ReplyRef>,
}

impl Conversation {
    /// The index of the step with this id (the first, if a file repeats it).
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// The reply at `r`.
    pub fn reply(&self, r: ReplyRef) -> Option<&Reply> {
        self.steps.get(r.step)?.replies.get(r.reply)
    }

    /// Step ids to indexes; the first of two equal ids wins, as in [`Self::step_index`].
    pub fn step_indexes(&self) -> HashMap<&str, usize> {
        let mut map = HashMap::with_capacity(self.steps.len());
        for (i, s) in self.steps.iter().enumerate() {
            map.entry(s.id.as_str()).or_insert(i);
        }
        map
    }

    /// For every step, the step each reply leads to (`None` for Decide, Leave or an unknown id).
    pub fn edges(&self) -> Vec<Vec<Option<usize>>> {
        let index = self.step_indexes();
        self.steps
            .iter()
            .map(|s| {
                s.replies
                    .iter()
                    .map(|r| match &r.next {
                        Next::Step(id) => index.get(id.as_str()).copied(),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    /// Every fact a reply can reveal, in file order, without repeats.
    pub fn all_facts(&self) -> Vec<&str> {
        let mut facts: Vec<&str> = Vec::new();
        for fact in self
            .steps
            .iter()
            .flat_map(|s| &s.replies)
            .flat_map(|r| &r.reveals)
        {
            if !facts.contains(&fact.as_str()) {
                facts.push(fact);
            }
        }
        facts
    }

    /// The path that earns a trainee the most points from `start` to Decide (the first in
    /// file order on ties). `None` when no path reaches Decide, `start` is
    /// unknown, or the graph has a cycle.
    pub fn best_path(&self) -> Option<ReplyPath> {
        let start = self.step_index(&self.start)?;
        let edges = self.edges();
        let order = topological_order(&edges)?;
        // best[s]: the most points from step s to Decide, and the reply that starts that path.
        let mut best: Vec<Option<(u32, usize)>> = vec![None; self.steps.len()];
        for &s in order.iter().rev() {
            for (r, reply) in self.steps[s].replies.iter().enumerate() {
                let rest = match (&reply.next, edges[s][r]) {
                    (Next::Decide, _) => Some(0),
                    (Next::Step(_), Some(to)) => best[to].map(|(p, _)| p),
                    _ => None,
                };
                if let Some(rest) = rest {
                    let points = rest + reply.quality.points();
                    if best[s].is_none_or(|(p, _)| points > p) {
                        best[s] = Some((points, r));
                    }
                }
            }
        }
        let (points, _) = best[start]?;
        let mut path = Vec::new();
        let mut at = start;
        while let Some((_, r)) = best[at] {
            path.push(ReplyRef { step: at, reply: r });
            match edges[at][r] {
                Some(to) if matches!(self.steps[at].replies[r].next, Next::Step(_)) => at = to,
                _ => break,
            }
        }
        Some(ReplyPath {
            points,
            replies: path,
        })
    }

    /// The most steps on one path from `start` (counting the first), with that path's step
    /// indexes. `None` when `start` is unknown or the graph has a cycle.
    pub fn longest_path(&self) -> Option<Vec<usize>> {
        let start = self.step_index(&self.start)?;
        let edges = self.edges();
        let order = topological_order(&edges)?;
        let mut longest: Vec<(usize, Option<usize>)> = vec![(1, None); self.steps.len()];
        for &s in order.iter().rev() {
            for to in edges[s].iter().flatten() {
                if longest[*to].0 + 1 > longest[s].0 {
                    longest[s] = (longest[*to].0 + 1, Some(*to));
                }
            }
        }
        let mut path = vec![start];
        let mut at = start;
        while let (_, Some(to)) = longest[at] {
            path.push(to);
            at = to;
        }
        Some(path)
    }
}

/// The steps in an order where every edge goes forward, or `None` when there is a cycle.
pub(crate) fn topological_order(edges: &[Vec<Option<usize>>]) -> Option<Vec<usize>> {
    let mut incoming = vec![0usize; edges.len()];
    for to in edges.iter().flatten().flatten() {
        incoming[*to] += 1;
    }
    let mut ready: Vec<usize> = (0..edges.len()).filter(|&s| incoming[s] == 0).collect();
    ready.reverse();
    let mut order = Vec::with_capacity(edges.len());
    while let Some(s) = ready.pop() {
        order.push(s);
        for to in edges[s].iter().flatten() {
            incoming[*to] -= 1;
            if incoming[*to] == 0 {
                ready.push(*to);
            }
        }
    }
    (order.len() == edges.len()).then_some(order)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::bank::scenario::Fit;
    use crate::language::Language;

    /// A small conversation: hilsen -> behov (Good) or Leave (Poor); behov -> Decide.
    pub(crate) fn example() -> Conversation {
        let reply = |text: &str, quality, reveals: &[&str], next| Reply {
            text: text.into(),
            quality,
            feedback: format!("feedback {text}"),
            reveals: reveals.iter().map(|s| s.to_string()).collect(),
            next,
        };
        Conversation {
            id: "c".into(),
            language: Language::Nb,
            title: "t".into(),
            industry: "i".into(),
            difficulty: 1,
            tags: vec![],
            customer: "kunden".into(),
            start: "hilsen".into(),
            steps: vec![
                Step {
                    id: "hilsen".into(),
                    customer: "Hei".into(),
                    replies: vec![
                        reply("a", Quality::Acceptable, &[], Next::Step("behov".into())),
                        reply("b", Quality::Good, &["fakta"], Next::Step("behov".into())),
                        reply("c", Quality::Poor, &[], Next::Leave("Ha det".into())),
                    ],
                },
                Step {
                    id: "behov".into(),
                    customer: "Jeg trenger".into(),
                    replies: vec![
                        reply("d", Quality::Good, &["mer"], Next::Decide),
                        reply("e", Quality::Poor, &[], Next::Decide),
                    ],
                },
            ],
            answer: SaleType::Kryssalg,
            cues: vec![],
            explanation: "x".into(),
            offers: vec![
                Offer {
                    text: "o1".into(),
                    kind: SaleType::Kryssalg,
                    fit: Fit::Best,
                    feedback: "f".into(),
                },
                Offer {
                    text: "o2".into(),
                    kind: SaleType::Mersalg,
                    fit: Fit::Poor,
                    feedback: "f".into(),
                },
            ],
        }
    }

    #[test]
    fn the_best_path_takes_the_most_points_to_decide() {
        let c = example();
        let best = c.best_path().unwrap();
        assert_eq!(best.points, 4);
        assert_eq!(
            best.replies,
            [
                ReplyRef { step: 0, reply: 1 },
                ReplyRef { step: 1, reply: 0 }
            ]
        );
        assert_eq!(c.longest_path().unwrap(), [0, 1]);
        assert_eq!(c.all_facts(), ["fakta", "mer"]);
    }

    #[test]
    fn a_cycle_has_no_best_path() {
        let mut c = example();
        c.steps[1].replies[1].next = Next::Step("hilsen".into());
        assert!(topological_order(&c.edges()).is_none());
        assert_eq!(c.best_path(), None);
        assert_eq!(c.longest_path(), None);
    }

    #[test]
    fn a_path_to_decide_only_through_poor_replies_still_counts() {
        let mut c = example();
        c.steps[1].replies.remove(0);
        let best = c.best_path().unwrap();
        assert_eq!(best.points, 2);
        assert_eq!(best.replies.len(), 2);
    }
}
