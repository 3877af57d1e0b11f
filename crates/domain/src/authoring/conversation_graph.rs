//! A conversation laid out as a graph for the editor: steps in columns by how far they are from
//! `start`, the end boxes (Decide, and one Leave per reply that leaves) after the step that leads
//! to them, every reply an edge with its quality, and what validation objects to (unreachable
//! steps, replies that close a cycle) marked. Positions are grid cells; the UI scales them.

use crate::bank::conversation::{Conversation, Next, Quality, ReplyRef};
use crate::bank::conversation_rules::{back_edges, reachable};

/// What a box stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// The step at this index.
    Step(usize),
    /// The decision, the end of every path that decides.
    Decide,
    /// The customer leaves after this reply.
    Leave(ReplyRef),
}

/// One box, at a grid cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// What it stands for.
    pub kind: NodeKind,
    /// Column: 0 for `start` (and steps nothing leads to), then one further per reply.
    pub column: usize,
    /// Row within the column.
    pub row: usize,
    /// A step no path from `start` reaches.
    pub unreachable: bool,
}

/// One reply as an arrow between two boxes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The box it starts at (index into [`Graph::nodes`]).
    pub from: usize,
    /// The box it ends at.
    pub to: usize,
    /// The reply.
    pub reply: ReplyRef,
    /// Its quality, which colours the arrow.
    pub quality: Quality,
    /// The reply leads back to a step the path has passed: a cycle.
    pub cycle: bool,
}

/// The laid-out graph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    /// The boxes: the steps first (in file order, so node `i` is step `i`), then the ends.
    pub nodes: Vec<Node>,
    /// The arrows.
    pub edges: Vec<Edge>,
}

impl Graph {
    /// Number of columns, from the boxes' places, so it cannot disagree with them.
    pub fn columns(&self) -> usize {
        self.nodes.iter().map(|n| n.column + 1).max().unwrap_or(0)
    }

    /// Most boxes in one column.
    pub fn rows(&self) -> usize {
        self.nodes.iter().map(|n| n.row + 1).max().unwrap_or(0)
    }

    /// Lays `c` out. Never fails: unknown targets get no arrow, cycles are cut at the reply
    /// that closes them (and marked), unreachable steps start their own chain in column 0.
    pub fn of(c: &Conversation) -> Graph {
        let edges = c.edges();
        let n = c.steps.len();
        let start = c.step_index(&c.start);
        let cycle: Vec<(usize, usize, usize)> = match start {
            Some(start) if n > 0 => back_edges(&edges, start),
            _ => Vec::new(),
        };
        let is_cycle = |s: usize, r: usize| cycle.iter().any(|&(f, reply, _)| f == s && reply == r);

        // Columns: the longest distance over the graph without the cycle-closing replies,
        // found by relaxing in topological order (Kahn) so it costs O(steps + replies).
        let mut incoming = vec![0usize; n];
        for (s, tos) in edges.iter().enumerate() {
            for (r, to) in tos.iter().enumerate() {
                if let Some(to) = to
                    && !is_cycle(s, r)
                {
                    incoming[*to] += 1;
                }
            }
        }
        let mut column = vec![0usize; n];
        let mut ready: Vec<usize> = (0..n).filter(|&s| incoming[s] == 0).rev().collect();
        while let Some(s) = ready.pop() {
            for (r, to) in edges[s].iter().enumerate() {
                if let Some(to) = *to
                    && !is_cycle(s, r)
                {
                    column[to] = column[to].max(column[s] + 1);
                    incoming[to] -= 1;
                    if incoming[to] == 0 {
                        ready.push(to);
                    }
                }
            }
        }

        let reached = start.map_or_else(|| vec![false; edges.len()], |s| reachable(&edges, s));
        let mut graph = Graph::default();
        let mut rows: Vec<usize> = Vec::new();
        let mut place = |column: usize| {
            if rows.len() <= column {
                rows.resize(column + 1, 0);
            }
            rows[column] += 1;
            rows[column] - 1
        };
        for (s, &col) in column.iter().enumerate() {
            graph.nodes.push(Node {
                kind: NodeKind::Step(s),
                column: col,
                row: place(col),
                unreachable: !reached[s],
            });
        }
        let last = column.iter().copied().max().unwrap_or(0);
        let mut decide = None;
        for (s, step) in c.steps.iter().enumerate() {
            for (r, reply) in step.replies.iter().enumerate() {
                let at = ReplyRef { step: s, reply: r };
                let to = match (&reply.next, edges[s][r]) {
                    (Next::Step(_), Some(to)) => Some(to),
                    (Next::Step(_), None) => None,
                    (Next::Decide, _) => Some(*decide.get_or_insert_with(|| {
                        graph.nodes.push(Node {
                            kind: NodeKind::Decide,
                            column: last + 1,
                            row: place(last + 1),
                            unreachable: false,
                        });
                        graph.nodes.len() - 1
                    })),
                    (Next::Leave(_), _) => {
                        let col = column[s] + 1;
                        graph.nodes.push(Node {
                            kind: NodeKind::Leave(at),
                            column: col,
                            row: place(col),
                            unreachable: false,
                        });
                        Some(graph.nodes.len() - 1)
                    }
                };
                if let Some(to) = to {
                    graph.edges.push(Edge {
                        from: s,
                        to,
                        reply: at,
                        quality: reply.quality,
                        cycle: is_cycle(s, r),
                    });
                }
            }
        }
        graph
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::conversation::tests::example;

    #[test]
    fn steps_go_in_columns_by_distance_and_ends_after_them() {
        let g = Graph::of(&example());
        // hilsen, behov, Leave after hilsen, Decide.
        assert_eq!(g.nodes.len(), 4);
        assert_eq!((g.nodes[0].column, g.nodes[1].column), (0, 1));
        assert!(
            g.nodes
                .iter()
                .any(|n| n.kind == NodeKind::Decide && n.column == 2)
        );
        assert!(
            g.nodes
                .iter()
                .any(|n| matches!(n.kind, NodeKind::Leave(_)) && n.column == 1)
        );
        assert_eq!(g.edges.len(), 5);
        assert!(g.edges.iter().all(|e| !e.cycle));
        assert!(g.nodes.iter().all(|n| !n.unreachable));
        assert_eq!((g.columns(), g.rows()), (3, 2));
    }

    #[test]
    fn cycles_and_unreachable_steps_are_marked() {
        let mut c = example();
        c.steps[1].replies[1].next = Next::Step("hilsen".into());
        let g = Graph::of(&c);
        let cycles: Vec<&Edge> = g.edges.iter().filter(|e| e.cycle).collect();
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].reply, ReplyRef { step: 1, reply: 1 });

        let mut c = example();
        c.start = "behov".into();
        let g = Graph::of(&c);
        assert!(g.nodes[0].unreachable);
        assert!(!g.nodes[1].unreachable);
    }
}
