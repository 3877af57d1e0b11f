//! A conversation drawn as a graph with the painter: steps as boxes, replies as arrows coloured
//! by quality, Decide and Leave as end boxes; unreachable steps and cycle-closing replies in the
//! error colour. Each step box is a button (with an accessible name) that selects the step.

use egui::{Align2, Color32, FontId, Pos2, Rect, Role, Sense, Stroke, Ui, Vec2, WidgetInfo};

use crate::domain::authoring::conversation_graph::{Graph, NodeKind};
use crate::domain::bank::conversation::{Conversation, Next, Quality};
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::question::good_color;

const BOX: Vec2 = Vec2::new(150.0, 46.0);
const GAP: Vec2 = Vec2::new(60.0, 18.0);

/// The colour of a reply's arrow.
pub fn quality_color(visuals: &egui::Visuals, quality: Quality) -> Color32 {
    match quality {
        Quality::Good => good_color(visuals),
        Quality::Acceptable => visuals.warn_fg_color,
        Quality::Poor => visuals.error_fg_color,
    }
}

/// Draws `graph` of `c`, with `selected` (a step index) highlighted. Returns the step clicked
/// this frame.
pub fn graph_ui(
    ui: &mut Ui,
    t: &Texts,
    c: &Conversation,
    graph: &Graph,
    selected: Option<usize>,
) -> Option<usize> {
    let size = Vec2::new(
        graph.columns().max(1) as f32 * (BOX.x + GAP.x),
        graph.rows().max(1) as f32 * (BOX.y + GAP.y),
    );
    let (canvas, _) = ui.allocate_exact_size(size, Sense::hover());
    let rect_of = |i: usize| {
        let n = &graph.nodes[i];
        Rect::from_min_size(
            canvas.min
                + Vec2::new(
                    n.column as f32 * (BOX.x + GAP.x),
                    n.row as f32 * (BOX.y + GAP.y),
                ),
            BOX,
        )
    };
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(canvas);
    for e in &graph.edges {
        let (from, to) = (rect_of(e.from), rect_of(e.to));
        let colour = if e.cycle {
            visuals.error_fg_color
        } else {
            quality_color(&visuals, e.quality)
        };
        let width = if e.cycle { 2.5 } else { 1.5 };
        let (a, b) = if to.center().x > from.center().x {
            (from.right_center(), to.left_center())
        } else {
            // Back to an earlier column: from the bottom, round under the boxes.
            (from.center_bottom(), to.center_bottom())
        };
        painter.line_segment([a, b], Stroke::new(width, colour));
        arrow_head(&painter, a, b, colour);
    }
    let mut clicked = None;
    for (i, node) in graph.nodes.iter().enumerate() {
        let rect = rect_of(i);
        let (fill_colour, stroke, title, body) = match &node.kind {
            NodeKind::Step(s) => {
                let step = &c.steps[*s];
                let stroke = if node.unreachable {
                    Stroke::new(2.0, visuals.error_fg_color)
                } else if selected == Some(*s) {
                    Stroke::new(2.5, visuals.selection.stroke.color)
                } else if step.id == c.start {
                    Stroke::new(2.0, visuals.strong_text_color())
                } else {
                    visuals.widgets.inactive.bg_stroke
                };
                let title = if node.unreachable {
                    fill(t.graph_unreachable, &[("id", &step.id)])
                } else {
                    step.id.clone()
                };
                (
                    visuals.widgets.inactive.weak_bg_fill,
                    stroke,
                    title,
                    step.customer.clone(),
                )
            }
            NodeKind::Decide => (
                good_color(&visuals).gamma_multiply(0.25),
                Stroke::new(1.5, good_color(&visuals)),
                t.graph_decide.to_owned(),
                String::new(),
            ),
            NodeKind::Leave(at) => {
                let words = match c.reply(*at).map(|r| &r.next) {
                    Some(Next::Leave(words)) => words.clone(),
                    _ => String::new(),
                };
                (
                    visuals.extreme_bg_color,
                    Stroke::new(1.0, visuals.weak_text_color()),
                    t.graph_leave.to_owned(),
                    words,
                )
            }
        };
        painter.rect(rect, 4.0, fill_colour, stroke, egui::StrokeKind::Inside);
        painter.text(
            rect.left_top() + Vec2::new(6.0, 4.0),
            Align2::LEFT_TOP,
            &title,
            FontId::proportional(13.0),
            visuals.strong_text_color(),
        );
        if !body.is_empty() {
            let galley = painter.layout(
                body,
                FontId::proportional(11.0),
                visuals.weak_text_color(),
                BOX.x - 12.0,
            );
            // One line of the text: enough to recognise the step.
            let row = galley.rows.first().map_or(0.0, |r| r.height());
            let clip = Rect::from_min_size(
                rect.left_top() + Vec2::new(6.0, 22.0),
                Vec2::new(BOX.x - 12.0, row),
            );
            painter
                .with_clip_rect(clip)
                .galley(clip.min, galley, visuals.weak_text_color());
        }
        if let NodeKind::Step(s) = node.kind {
            let response = ui.interact(rect, ui.scope_id().with(("graph-step", s)), Sense::click());
            response.widget_info(|| {
                WidgetInfo::selected(Role::Button, true, selected == Some(s), &title)
            });
            if response.clicked() {
                clicked = Some(s);
            }
            response.on_hover_text(&c.steps[s].customer);
        }
    }
    clicked
}

fn arrow_head(painter: &egui::Painter, from: Pos2, to: Pos2, colour: Color32) {
    let dir = (to - from).normalized();
    if !dir.x.is_finite() || !dir.y.is_finite() {
        return;
    }
    let side = Vec2::new(-dir.y, dir.x) * 4.0;
    let back = to - dir * 9.0;
    painter.add(egui::Shape::convex_polygon(
        vec![to, back + side, back - side],
        colour,
        Stroke::NONE,
    ));
}
