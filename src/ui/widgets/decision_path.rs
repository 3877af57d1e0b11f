//! The decision path as a clickable diagram, drawn with the painter so it scales with the
//! width it gets: a tree from left to right in a wide column, a list with branches in a narrow one.

use std::sync::Arc;

use egui::{
    Color32, CornerRadius, FontId, Galley, Painter, Pos2, Rect, Response, Role, Sense, Stroke,
    StrokeKind, Ui, Vec2, WidgetInfo, pos2, vec2,
};

use crate::domain::language::Language;
use crate::domain::teaching::decision_path::{Relation, Step};
use crate::domain::teaching::lessons::PathNode;
use crate::domain::teaching::taxonomy::SaleType;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::{icons, sale_type};

/// From this width the diagram is drawn as a tree with the five outcomes side by side.
const WIDE_MIN: f32 = 680.0;
/// The diagram stops growing here, so boxes stay compact on large screens.
const MAX_WIDTH: f32 = 1000.0;
const PADDING: f32 = 10.0;
const GAP: f32 = 12.0;

/// Draws the decision path in the given language; `selected` is drawn highlighted.
pub struct DecisionDiagram<'a> {
    /// Language of the boxes.
    pub lang: Language,
    /// Interface texts (yes, no, step numbers).
    pub texts: &'a Texts,
    /// The box whose explanation is shown.
    pub selected: Option<PathNode>,
}

/// A box laid out: where it is and what is written in it.
struct NodeBox {
    node: PathNode,
    rect: Rect,
    /// Small line above the main text ("Step 1"), for questions.
    over: Option<Arc<Galley>>,
    text: Arc<Galley>,
    /// The English name under a sale type, in the English interface.
    under: Option<Arc<Galley>>,
    /// Where the icon goes, for outcomes.
    icon: Option<Rect>,
    /// The text sits beside the icon rather than under it.
    icon_beside: bool,
}

/// A line from one box to another, with its label.
struct Edge {
    points: Vec<Pos2>,
    label: Option<(Pos2, Arc<Galley>)>,
}

impl DecisionDiagram<'_> {
    /// Draws the diagram across the available width. Returns the box clicked in this frame.
    pub fn ui(self, ui: &mut Ui) -> Option<PathNode> {
        let width = ui.available_width().min(MAX_WIDTH);
        let origin = ui.cursor().min;
        let (nodes, edges, height) = if width >= WIDE_MIN {
            self.wide_layout(ui.painter(), origin, width)
        } else {
            self.narrow_layout(ui.painter(), origin, width)
        };
        let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        let mut clicked = None;
        if !ui.is_rect_visible(rect) {
            // Still register the boxes, so they stay reachable by keyboard and screen readers.
            for node in &nodes {
                if self.interact(ui, node).clicked() {
                    clicked = Some(node.node);
                }
            }
            return clicked;
        }
        let visuals = ui.visuals();
        let colors = EdgeColors {
            line: visuals.text_color().gamma_multiply(0.7),
            text: visuals.text_color(),
            background: visuals.panel_fill,
        };
        for edge in &edges {
            paint_edge(ui.painter(), edge, &colors);
        }
        for node in &nodes {
            let response = self.interact(ui, node);
            self.paint_node(ui, node, &response);
            if response.clicked() {
                clicked = Some(node.node);
            }
        }
        clicked
    }

    fn interact(&self, ui: &Ui, node: &NodeBox) -> Response {
        let id = ui.make_persistent_id(("decision_path_node", node.node));
        let response = ui
            .interact(node.rect, id, Sense::click())
            .on_hover_cursor(egui::CursorIcon::PointingHand);
        let label = self.accessible_name(node.node);
        let selected = self.selected == Some(node.node);
        response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &label));
        response
    }

    /// The name a screen reader (and a test) finds the box by: its question or its type.
    fn accessible_name(&self, node: PathNode) -> String {
        match node {
            PathNode::Question(step) => step.question(self.lang).to_owned(),
            PathNode::Outcome(t) => t.label(self.lang),
        }
    }

    fn paint_node(&self, ui: &Ui, node: &NodeBox, response: &Response) {
        let visuals = ui.visuals();
        let painter = ui.painter();
        let selected = self.selected == Some(node.node);
        let radius = CornerRadius::same(8);
        let (fill, stroke) = match node.node {
            PathNode::Question(_) => {
                let widget = if response.hovered() {
                    &visuals.widgets.hovered
                } else {
                    &visuals.widgets.inactive
                };
                let stroke = if selected {
                    Stroke::new(2.5, visuals.selection.stroke.color)
                } else {
                    Stroke::new(1.0, visuals.widgets.noninteractive.fg_stroke.color)
                };
                (widget.weak_bg_fill, stroke)
            }
            PathNode::Outcome(t) => {
                let color = sale_type::color(t, visuals.dark_mode);
                let strength = if response.hovered() { 0.28 } else { 0.14 };
                let stroke_width = if selected { 3.0 } else { 1.5 };
                (
                    color.gamma_multiply(strength),
                    Stroke::new(stroke_width, color),
                )
            }
        };
        painter.rect(node.rect, radius, fill, stroke, StrokeKind::Inside);
        if response.has_focus() {
            painter.rect_stroke(
                node.rect.expand(3.0),
                radius,
                Stroke::new(1.5, visuals.selection.stroke.color),
                StrokeKind::Outside,
            );
        }
        let text_color = visuals.strong_text_color();
        let weak_color = visuals.weak_text_color();
        let mut y = node.rect.top() + PADDING;
        let paint_line = |galley: &Arc<Galley>, color: Color32, x: f32, y: &mut f32| {
            painter.galley(pos2(x, *y), galley.clone(), color);
            *y += galley.size().y;
        };
        match node.icon {
            Some(icon) => {
                if let PathNode::Outcome(t) = node.node {
                    let color = sale_type::color(t, visuals.dark_mode);
                    icons::paint_sale_type(painter, icon, t, color);
                }
                // Text beside the icon (narrow) or under it (wide), centred in what is left.
                let beside = node.icon_beside;
                let text_left = if beside {
                    icon.right() + 8.0
                } else {
                    node.rect.left()
                };
                let area = Rect::from_min_max(pos2(text_left, node.rect.top()), node.rect.max);
                let mut block = node.text.size().y;
                if let Some(under) = &node.under {
                    block += under.size().y;
                }
                y = if beside {
                    area.center().y - block / 2.0
                } else {
                    icon.bottom() + 4.0
                };
                let left_of = |g: &Arc<Galley>| {
                    if beside {
                        text_left
                    } else {
                        area.center().x - g.size().x / 2.0
                    }
                };
                paint_line(&node.text, text_color, left_of(&node.text), &mut y);
                if let Some(under) = &node.under {
                    paint_line(under, weak_color, left_of(under), &mut y);
                }
            }
            None => {
                let x = node.rect.left() + PADDING;
                if let Some(over) = &node.over {
                    paint_line(over, weak_color, x, &mut y);
                    y += 2.0;
                }
                paint_line(&node.text, text_color, x, &mut y);
            }
        }
    }

    fn question_box(&self, painter: &Painter, step: Step, rect_min: Pos2, width: f32) -> NodeBox {
        let inner = width - 2.0 * PADDING;
        let over = painter.layout(
            fill(self.texts.step_n, &[("n", &step.number())]),
            FontId::proportional(12.0),
            Color32::PLACEHOLDER,
            inner,
        );
        let text = painter.layout(
            step.question(self.lang).to_owned(),
            FontId::proportional(15.0),
            Color32::PLACEHOLDER,
            inner,
        );
        let height = over.size().y + 2.0 + text.size().y + 2.0 * PADDING;
        NodeBox {
            node: PathNode::Question(step),
            rect: Rect::from_min_size(rect_min, vec2(width, height)),
            over: Some(over),
            text,
            under: None,
            icon: None,
            icon_beside: false,
        }
    }

    /// An outcome box of `width`; `icon_above` puts the icon over the name, else beside it.
    fn outcome_box(&self, painter: &Painter, t: SaleType, width: f32, icon_above: bool) -> NodeBox {
        let icon_size = if icon_above { 26.0 } else { 24.0 };
        let text_width = if icon_above {
            width - 2.0 * PADDING
        } else {
            width - 2.0 * PADDING - icon_size - 8.0
        };
        let text = painter.layout(
            t.title().to_owned(),
            FontId::proportional(16.0),
            Color32::PLACEHOLDER,
            text_width,
        );
        let under = (self.lang == Language::En).then(|| {
            painter.layout(
                t.english().to_owned(),
                FontId::proportional(12.5),
                Color32::PLACEHOLDER,
                text_width,
            )
        });
        let text_height = text.size().y + under.as_ref().map_or(0.0, |g| g.size().y);
        let (height, icon) = if icon_above {
            let height = PADDING + icon_size + 4.0 + text_height + PADDING;
            let icon = Rect::from_center_size(
                pos2(width / 2.0, PADDING + icon_size / 2.0),
                Vec2::splat(icon_size),
            );
            (height, icon)
        } else {
            let height = (text_height.max(icon_size) + 2.0 * PADDING).max(44.0);
            let icon = Rect::from_center_size(
                pos2(PADDING + icon_size / 2.0, height / 2.0),
                Vec2::splat(icon_size),
            );
            (height, icon)
        };
        NodeBox {
            node: PathNode::Outcome(t),
            // Placed at the origin; the layout moves it.
            rect: Rect::from_min_size(Pos2::ZERO, vec2(width, height)),
            over: None,
            text,
            under,
            icon: Some(icon),
            icon_beside: !icon_above,
        }
    }

    fn label(&self, painter: &Painter, text: &str, width: f32) -> Arc<Galley> {
        painter.layout(
            text.to_owned(),
            FontId::proportional(13.0),
            Color32::PLACEHOLDER,
            width,
        )
    }

    /// Five columns: Nysalg under the first, the follow-on types under the other four, the
    /// questions centred over those four.
    fn wide_layout(
        &self,
        painter: &Painter,
        origin: Pos2,
        width: f32,
    ) -> (Vec<NodeBox>, Vec<Edge>, f32) {
        let col_w = (width - 4.0 * GAP) / 5.0;
        let col_left = |i: usize| origin.x + i as f32 * (col_w + GAP);
        let col_center = |i: usize| col_left(i) + col_w / 2.0;
        let q_center = (col_left(1) + col_left(4) + col_w) / 2.0;
        let q_width = (4.0 * col_w + 3.0 * GAP).min(460.0);

        let q1 = self.question_box(
            painter,
            Step::KnownCustomer,
            pos2(q_center - q_width / 2.0, origin.y),
            q_width,
        );
        let q2 = self.question_box(
            painter,
            Step::Relation,
            pos2(q_center - q_width / 2.0, q1.rect.bottom() + 40.0),
            q_width,
        );
        let bus_y = q2.rect.bottom() + 16.0;
        let labels: Vec<Arc<Galley>> = Relation::ALL
            .iter()
            .map(|r| self.label(painter, r.label(self.lang), col_w - 4.0))
            .collect();
        let label_h = labels.iter().map(|g| g.size().y).fold(0.0, f32::max);
        let leaf_y = bus_y + 6.0 + label_h + 14.0;

        let mut leaves: Vec<NodeBox> = SaleType::ALL
            .iter()
            .map(|&t| self.outcome_box(painter, t, col_w, true))
            .collect();
        let leaf_h = leaves.iter().map(|n| n.rect.height()).fold(0.0, f32::max);
        // Columns in path order: Nysalg, then the follow-on types in the order of Relation::ALL.
        let column_of = |t: SaleType| match t {
            SaleType::Nysalg => 0,
            other => {
                1 + Relation::ALL
                    .iter()
                    .position(|r| r.sale_type() == other)
                    .unwrap_or_default()
            }
        };
        for leaf in &mut leaves {
            if let PathNode::Outcome(t) = leaf.node {
                let offset = vec2(col_left(column_of(t)), leaf_y);
                leaf.rect = Rect::from_min_size(leaf.rect.min + offset, vec2(col_w, leaf_h));
                leaf.icon = leaf.icon.map(|r| r.translate(offset));
            }
        }

        let mut edges = Vec::new();
        // No: from the first question's side across and down to Nysalg.
        let q1_left = q1.rect.left_center();
        let no_label = self.label(painter, self.texts.diagram_no, col_w);
        let corner = pos2(col_center(0), q1_left.y);
        edges.push(Edge {
            points: vec![q1_left, corner, pos2(corner.x, leaf_y)],
            label: Some((
                pos2(
                    (q1_left.x + corner.x) / 2.0 - no_label.size().x / 2.0,
                    q1_left.y - no_label.size().y - 2.0,
                ),
                no_label,
            )),
        });
        // Yes: straight down to the second question.
        let yes_label = self.label(painter, self.texts.diagram_yes, col_w);
        edges.push(Edge {
            points: vec![q1.rect.center_bottom(), q2.rect.center_top()],
            label: Some((
                pos2(
                    q_center + 8.0,
                    (q1.rect.bottom() + q2.rect.top()) / 2.0 - yes_label.size().y / 2.0,
                ),
                yes_label,
            )),
        });
        // The four relations: down to a bus, across, and down to each type.
        edges.push(Edge {
            points: vec![q2.rect.center_bottom(), pos2(q_center, bus_y)],
            label: None,
        });
        edges.push(Edge {
            points: vec![pos2(col_center(1), bus_y), pos2(col_center(4), bus_y)],
            label: None,
        });
        for (i, label) in labels.into_iter().enumerate() {
            let x = col_center(i + 1);
            edges.push(Edge {
                points: vec![pos2(x, bus_y), pos2(x, leaf_y)],
                label: Some((pos2(x - label.size().x / 2.0, bus_y + 6.0), label)),
            });
        }
        let mut nodes = vec![q1, q2];
        nodes.extend(leaves);
        (nodes, edges, leaf_y + leaf_h - origin.y)
    }

    /// One box under the other, with the branches on the left and their labels on the lines.
    fn narrow_layout(
        &self,
        painter: &Painter,
        origin: Pos2,
        width: f32,
    ) -> (Vec<NodeBox>, Vec<Edge>, f32) {
        let indent = 48.0;
        let trunk_x = origin.x + 12.0;
        let inner_left = origin.x + indent;
        let inner_width = width - indent;
        let mut edges = Vec::new();
        let mut nodes = Vec::new();

        let q1 = self.question_box(painter, Step::KnownCustomer, origin, width);
        let mut y = q1.rect.bottom() + 14.0;
        let no_label = self.label(painter, self.texts.diagram_no, indent);
        y += no_label.size().y;
        let nysalg = place(
            self.outcome_box(painter, SaleType::Nysalg, inner_width, false),
            pos2(inner_left, y),
        );
        let branch_y = nysalg.rect.center().y;
        edges.push(branch(trunk_x, branch_y, inner_left, no_label));
        y = nysalg.rect.bottom() + 14.0;
        let yes_label = self.label(painter, self.texts.diagram_yes, indent);
        y += yes_label.size().y;
        let q2 = self.question_box(painter, Step::Relation, pos2(inner_left, y), inner_width);
        let q2_y = (q2.rect.top() + 22.0).min(q2.rect.center().y);
        edges.push(branch(trunk_x, q2_y, inner_left, yes_label));
        edges.push(Edge {
            points: vec![pos2(trunk_x, q1.rect.bottom()), pos2(trunk_x, q2_y)],
            label: None,
        });

        // The relations hang off a second trunk under the second question, each label written
        // over its branch.
        let trunk2_x = inner_left + 12.0;
        let label_width = (inner_width * 0.42).clamp(90.0, 190.0);
        let leaf_left = inner_left + label_width;
        let leaf_width = (width - (leaf_left - origin.x)).max(80.0);
        y = q2.rect.bottom() + 10.0;
        let mut last_branch = y;
        let mut leaves = Vec::new();
        for relation in Relation::ALL {
            let label = self.label(painter, relation.label(self.lang), label_width - 20.0);
            let leaf = self.outcome_box(painter, relation.sale_type(), leaf_width, false);
            let row = leaf.rect.height().max(2.0 * label.size().y + 8.0);
            let top = y + (row - leaf.rect.height()) / 2.0;
            let leaf = place(leaf, pos2(leaf_left, top));
            let branch_y = (leaf.rect.center().y).max(y + label.size().y + 4.0);
            last_branch = branch_y;
            edges.push(branch(trunk2_x, branch_y, leaf_left, label));
            leaves.push(leaf);
            y += row + 10.0;
        }
        edges.push(Edge {
            points: vec![
                pos2(trunk2_x, q2.rect.bottom()),
                pos2(trunk2_x, last_branch),
            ],
            label: None,
        });
        let height = y - 10.0 - origin.y;
        nodes.push(q1);
        nodes.push(nysalg);
        nodes.push(q2);
        nodes.extend(leaves);
        (nodes, edges, height)
    }
}

/// Moves a box laid out at the origin to `min`.
fn place(mut node: NodeBox, min: Pos2) -> NodeBox {
    let offset = min.to_vec2();
    node.rect = node.rect.translate(offset);
    node.icon = node.icon.map(|r| r.translate(offset));
    node
}

/// A branch from a vertical trunk at `trunk_x` across to a box at `to_x`, its label above it.
fn branch(trunk_x: f32, y: f32, to_x: f32, label: Arc<Galley>) -> Edge {
    let label_pos = pos2(trunk_x + 8.0, y - label.size().y - 2.0);
    Edge {
        points: vec![pos2(trunk_x, y), pos2(to_x, y)],
        label: Some((label_pos, label)),
    }
}

struct EdgeColors {
    line: Color32,
    text: Color32,
    /// Behind labels, so a line running through a label does not cross its letters.
    background: Color32,
}

fn paint_edge(painter: &Painter, edge: &Edge, colors: &EdgeColors) {
    let color = colors.line;
    painter.line(edge.points.clone(), Stroke::new(1.5, color));
    // Edges that end on a box get an arrow head; the trunks and the bus end on other edges.
    if let [.., from, to] = edge.points[..]
        && edge.label.is_some()
    {
        let dir = (to - from).normalized();
        let across = dir.rot90();
        painter.add(egui::Shape::convex_polygon(
            vec![
                to,
                to - dir * 8.0 + across * 4.5,
                to - dir * 8.0 - across * 4.5,
            ],
            color,
            Stroke::NONE,
        ));
    }
    if let Some((pos, galley)) = &edge.label {
        let rect = Rect::from_min_size(*pos, galley.size()).expand(2.0);
        painter.rect_filled(rect, CornerRadius::same(3), colors.background);
        painter.galley(*pos, galley.clone(), colors.text);
    }
}
