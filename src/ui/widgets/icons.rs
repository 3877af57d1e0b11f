//! Icons drawn in code: one per sale type, and the application icon.
//!
//! egui's default fonts have no symbol glyphs, so the icons are painted shapes. Each sale type
//! has its own silhouette, so the icons tell the types apart without colour as well:
//! a star for the new sale, a stack of the same box for more of the same, a circular arrow for
//! the replacement, two different shapes for the cross-sale, and a box with a plus badge for
//! the add-on.

use std::f32::consts::TAU;

use egui::epaint::{Mesh, PathShape, PathStroke};
use egui::{Atom, Color32, CornerRadius, Painter, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2};

use crate::domain::teaching::taxonomy::SaleType;
use crate::ui::widgets::sale_type;

/// Paints the icon of `t` in `color`, centred in the largest square inside `rect`.
pub fn paint_sale_type(painter: &Painter, rect: Rect, t: SaleType, color: Color32) {
    let side = rect.width().min(rect.height());
    let r = Rect::from_center_size(rect.center(), Vec2::splat(side));
    // Positions in the icon's own 0..1 square.
    let at = |x: f32, y: f32| r.min + Vec2::new(x, y) * side;
    let line = (side * 0.1).max(1.0);
    match t {
        SaleType::Nysalg => {
            let center = at(0.5, 0.53);
            let points: Vec<Pos2> = (0..10)
                .map(|i| {
                    let radius = if i % 2 == 0 { 0.5 } else { 0.21 } * side;
                    let angle = i as f32 * TAU / 10.0 - TAU / 4.0;
                    center + radius * Vec2::angled(angle)
                })
                .collect();
            // A star is not convex, but every point sees the centre: fill it as a fan, then
            // stroke the outline for smooth edges.
            let mut mesh = Mesh::default();
            mesh.colored_vertex(center, color);
            for p in &points {
                mesh.colored_vertex(*p, color);
            }
            for i in 0..10u32 {
                mesh.add_triangle(0, 1 + i, 1 + (i + 1) % 10);
            }
            painter.add(mesh);
            painter.add(PathShape::closed_line(
                points,
                PathStroke::new(side * 0.03, color),
            ));
        }
        SaleType::Mersalg => {
            let size = Vec2::splat(side * 0.56);
            let radius = CornerRadius::same((side * 0.1) as u8);
            for (i, offset) in [0.4, 0.22].into_iter().enumerate() {
                let back = Rect::from_min_size(at(offset, 0.44 - offset), size);
                let stroke = Stroke::new(line * if i == 0 { 0.8 } else { 1.0 }, color);
                painter.rect_stroke(back, radius, stroke, egui::StrokeKind::Inside);
            }
            painter.rect_filled(Rect::from_min_size(at(0.04, 0.4), size), radius, color);
        }
        SaleType::Gjensalg => {
            let center = at(0.5, 0.5);
            let radius = side * 0.34;
            let (start, end) = (-0.15 * TAU, 0.62 * TAU);
            let arc: Vec<Pos2> = (0..=24)
                .map(|i| {
                    let a = start + (end - start) * i as f32 / 24.0;
                    center + radius * Vec2::angled(a)
                })
                .collect();
            painter.add(PathShape::line(arc, PathStroke::new(side * 0.13, color)));
            // The arrow head points along the arc where it starts, as in "turn it over".
            let tip_angle = start;
            let base = center + radius * Vec2::angled(tip_angle);
            let along = Vec2::angled(tip_angle - TAU / 4.0);
            let across = Vec2::angled(tip_angle);
            painter.add(egui::Shape::convex_polygon(
                vec![
                    base + along * side * 0.2,
                    base + across * side * 0.17 - along * side * 0.04,
                    base - across * side * 0.17 - along * side * 0.04,
                ],
                color,
                Stroke::NONE,
            ));
        }
        SaleType::Kryssalg => {
            painter.rect_filled(
                Rect::from_min_size(at(0.02, 0.4), Vec2::splat(side * 0.5)),
                CornerRadius::same((side * 0.06) as u8),
                color,
            );
            painter.circle_filled(at(0.72, 0.32), side * 0.26, color);
        }
        SaleType::Tilleggssalg => {
            let body = Rect::from_min_size(at(0.04, 0.06), Vec2::splat(side * 0.62));
            painter.rect_stroke(
                body,
                CornerRadius::same((side * 0.1) as u8),
                Stroke::new(line, color),
                egui::StrokeKind::Inside,
            );
            let badge = at(0.72, 0.72);
            painter.circle_filled(badge, side * 0.26, color);
            let plus = contrast(color);
            let arm = side * 0.13;
            let stroke = Stroke::new(side * 0.08, plus);
            painter.line_segment([badge - Vec2::X * arm, badge + Vec2::X * arm], stroke);
            painter.line_segment([badge - Vec2::Y * arm, badge + Vec2::Y * arm], stroke);
        }
    }
}

/// Black or white, whichever reads better on `color`.
fn contrast(color: Color32) -> Color32 {
    let [r, g, b, _] = color.to_array();
    let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
    if luma > 140.0 {
        Color32::from_gray(20)
    } else {
        Color32::WHITE
    }
}

/// Allocates a `size` square and paints the icon of `t` in its colour.
pub fn sale_type_icon_ui(ui: &mut Ui, t: SaleType, size: f32) -> Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    if ui.is_rect_visible(rect) {
        let color = sale_type::color(t, ui.visuals().dark_mode);
        paint_sale_type(ui.painter(), rect, t, color);
    }
    response
}

/// The icon of `t` as an atom, for buttons: painted after layout in the type's colour.
pub fn sale_type_atom(t: SaleType, size: f32) -> Atom<'static> {
    Atom::paint(Vec2::splat(size), move |ui, args| {
        let color = sale_type::color(t, ui.visuals().dark_mode);
        paint_sale_type(ui.painter(), args.rect, t, color);
    })
}

/// Side of the window icon in pixels.
pub const APP_ICON_SIZE: u32 = 64;

/// The application icon for the window: the decision path as a small tree on a dark tile,
/// its five ends in the colours of the five sale types. The same design is in `assets/icon.svg`.
pub fn app_icon() -> egui::IconData {
    egui::IconData {
        rgba: app_icon_rgba(APP_ICON_SIZE),
        width: APP_ICON_SIZE,
        height: APP_ICON_SIZE,
    }
}

/// One shape of the application icon, in the 64-unit square of `assets/icon.svg`.
enum IconShape {
    RoundedSquare {
        radius: f32,
    },
    Segment {
        a: [f32; 2],
        b: [f32; 2],
        width: f32,
    },
    Disc {
        center: [f32; 2],
        radius: f32,
    },
}

impl IconShape {
    fn contains(&self, x: f32, y: f32) -> bool {
        match *self {
            IconShape::RoundedSquare { radius } => {
                let (qx, qy) = (
                    (x - 32.0).abs() - 32.0 + radius,
                    (y - 32.0).abs() - 32.0 + radius,
                );
                let outside = qx.max(0.0).hypot(qy.max(0.0));
                outside + qx.max(qy).min(0.0) <= radius
            }
            IconShape::Segment { a, b, width } => {
                let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
                let t = (((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
                (x - a[0] - t * dx).hypot(y - a[1] - t * dy) <= width / 2.0
            }
            IconShape::Disc { center, radius } => (x - center[0]).hypot(y - center[1]) <= radius,
        }
    }
}

/// The icon's shapes back to front, with their colours. Kept in step with `assets/icon.svg`.
fn app_icon_shapes() -> Vec<(IconShape, Color32)> {
    let tile = Color32::from_rgb(0x1e, 0x2a, 0x44);
    let line = Color32::from_rgb(0xc8, 0xd2, 0xe6);
    let mut shapes = vec![
        (IconShape::RoundedSquare { radius: 14.0 }, tile),
        (
            IconShape::Segment {
                a: [32.0, 16.0],
                b: [32.0, 31.0],
                width: 3.0,
            },
            line,
        ),
        (
            IconShape::Segment {
                a: [11.0, 31.0],
                b: [53.0, 31.0],
                width: 3.0,
            },
            line,
        ),
    ];
    let leaves_x = [11.0, 21.5, 32.0, 42.5, 53.0];
    for x in leaves_x {
        shapes.push((
            IconShape::Segment {
                a: [x, 31.0],
                b: [x, 46.0],
                width: 3.0,
            },
            line,
        ));
    }
    shapes.push((
        IconShape::Disc {
            center: [32.0, 15.0],
            radius: 7.0,
        },
        Color32::WHITE,
    ));
    for (x, t) in leaves_x.into_iter().zip(SaleType::ALL) {
        shapes.push((
            IconShape::Disc {
                center: [x, 47.0],
                radius: 5.0,
            },
            sale_type::color(t, true),
        ));
    }
    shapes
}

/// The application icon as `size` x `size` RGBA pixels (unpremultiplied, row by row),
/// anti-aliased with 4 x 4 samples per pixel.
pub fn app_icon_rgba(size: u32) -> Vec<u8> {
    const SAMPLES: u32 = 4;
    let shapes = app_icon_shapes();
    let scale = 64.0 / size as f32;
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    for py in 0..size {
        for px in 0..size {
            // Premultiplied sum over the samples (opaque colours are their own premultiple).
            let mut sum = [0.0f32; 4];
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    let x = (px as f32 + (sx as f32 + 0.5) / SAMPLES as f32) * scale;
                    let y = (py as f32 + (sy as f32 + 0.5) / SAMPLES as f32) * scale;
                    // The shapes are opaque: the topmost one covering a sample decides it.
                    let c = shapes
                        .iter()
                        .rev()
                        .find(|(shape, _)| shape.contains(x, y))
                        .map_or([0.0; 4], |(_, color)| {
                            color.to_array().map(|v| f32::from(v) / 255.0)
                        });
                    for (s, v) in sum.iter_mut().zip(c) {
                        *s += v;
                    }
                }
            }
            let n = (SAMPLES * SAMPLES) as f32;
            let alpha = sum[3] / n;
            for channel in &sum[..3] {
                let v = if alpha > 0.0 {
                    channel / n / alpha
                } else {
                    0.0
                };
                rgba.push((v * 255.0).round().clamp(0.0, 255.0) as u8);
            }
            rgba.push((alpha * 255.0).round() as u8);
        }
    }
    rgba
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_icon_is_a_tile_with_transparent_corners_and_coloured_ends() {
        let icon = app_icon();
        assert_eq!(icon.rgba.len(), (icon.width * icon.height * 4) as usize);
        let pixel = |x: u32, y: u32| {
            let i = ((y * icon.width + x) * 4) as usize;
            [
                icon.rgba[i],
                icon.rgba[i + 1],
                icon.rgba[i + 2],
                icon.rgba[i + 3],
            ]
        };
        assert_eq!(pixel(0, 0)[3], 0, "rounded corner");
        assert_eq!(pixel(5, 32), [0x1e, 0x2a, 0x44, 255], "tile");
        assert_eq!(pixel(32, 15), [255, 255, 255, 255], "root");
        for (x, t) in [11, 21, 32, 42, 53].into_iter().zip(SaleType::ALL) {
            let [r, g, b, a] = pixel(x, 47);
            assert_eq!(
                Color32::from_rgba_unmultiplied(r, g, b, a),
                sale_type::color(t, true)
            );
        }
    }

    #[test]
    fn the_svg_icon_uses_the_same_colours() {
        let svg = include_str!("../../../assets/icon.svg");
        for t in SaleType::ALL {
            let [r, g, b, _] = sale_type::color(t, true).to_array();
            let hex = format!("#{r:02x}{g:02x}{b:02x}");
            assert!(svg.contains(&hex), "{t:?} {hex}");
        }
    }
}
