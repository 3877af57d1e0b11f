//! Charts shared by the report and the progress screen: accuracy per sale type as bars, and
//! the 5x5 confusion matrix.

use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Stroke, Ui, vec2};
use egui_plot::{Bar, BarChart, Plot};

use crate::domain::language::Language;
use crate::domain::progress::stats::{ConfusionMatrix, Ratio};
use crate::domain::teaching::taxonomy::SaleType;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::{icons, sale_type};

/// Bars of the share of right sale types, one per type in its colour, with the counts written
/// underneath (a 0 % bar is invisible, and text is what a screen reader gets). Types with no
/// answers are left out rather than drawn as 0 %.
pub fn accuracy_chart_ui(ui: &mut Ui, t: &Texts, id: &str, by_type: &[Ratio; 5], lang: Language) {
    let dark = ui.visuals().dark_mode;
    let bars: Vec<Bar> = SaleType::ALL
        .iter()
        .zip(by_type)
        .enumerate()
        .filter_map(|(i, (t, r))| {
            r.percent().map(|p| {
                Bar::new(i as f64, p)
                    .width(0.7)
                    .name(format!("{}: {} / {}", t.label(lang), r.right, r.total))
                    .fill(sale_type::color(*t, dark))
            })
        })
        .collect();
    Plot::new(id)
        .height(180.0)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(-0.5)
        .include_x(4.5)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([false, true])
        .x_axis_formatter(|mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && (0.0..5.0).contains(&i) {
                SaleType::ALL[i as usize].title().to_owned()
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| format!("{:.0} %", mark.value))
        .show(ui, |plot| plot.bar_chart(BarChart::new("accuracy", bars)));
    ui.horizontal_wrapped(|ui| {
        for (st, r) in SaleType::ALL
            .iter()
            .zip(by_type)
            .filter(|(_, r)| r.total > 0)
        {
            ui.label(
                RichText::new(fill(
                    t.accuracy_cell,
                    &[
                        ("type", &st.title()),
                        ("right", &r.right),
                        ("total", &r.total),
                    ],
                ))
                .color(sale_type::color(*st, dark)),
            );
            ui.add_space(8.0);
        }
    });
}

/// The confusion matrix as a grid of cells shaded by count: the diagonal (right answers) in
/// green, mistakes in red, with the count written in each non-empty cell.
pub fn confusion_matrix_ui(ui: &mut Ui, matrix: &ConfusionMatrix) {
    let label_width = 116.0;
    let header = 40.0;
    let cell = ((ui.available_width() - label_width) / 5.0).clamp(28.0, 64.0);
    let size = vec2(label_width + cell * 5.0, header + cell * 5.0);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let max = matrix.max().max(1) as f32;
    let font = FontId::proportional(12.0);
    let origin = rect.min + vec2(label_width, header);
    for (j, chosen) in SaleType::ALL.iter().enumerate() {
        let colour = sale_type::color(*chosen, visuals.dark_mode);
        let center = origin + vec2(cell * (j as f32 + 0.5), -12.0);
        let icon = Rect::from_center_size(center + vec2(0.0, -16.0), vec2(14.0, 14.0));
        icons::paint_sale_type(&painter, icon, *chosen, colour);
        painter.text(
            center,
            Align2::CENTER_CENTER,
            short_name(*chosen, cell),
            font.clone(),
            colour,
        );
    }
    for (i, right) in SaleType::ALL.iter().enumerate() {
        let colour = sale_type::color(*right, visuals.dark_mode);
        let middle = origin + vec2(-6.0, cell * (i as f32 + 0.5));
        painter.text(
            middle,
            Align2::RIGHT_CENTER,
            right.title(),
            font.clone(),
            colour,
        );
        let icon = Rect::from_center_size(egui::pos2(rect.min.x + 9.0, middle.y), vec2(14.0, 14.0));
        icons::paint_sale_type(&painter, icon, *right, colour);
        for j in 0..5 {
            let count = matrix.counts[i][j];
            let cell_rect = Rect::from_min_size(
                origin + vec2(cell * j as f32, cell * i as f32),
                vec2(cell, cell),
            )
            .shrink(1.0);
            let base = if i == j {
                Color32::from_rgb(40, 160, 70)
            } else {
                Color32::from_rgb(210, 60, 50)
            };
            let strength = count as f32 / max;
            let fill = if count == 0 {
                visuals.faint_bg_color
            } else {
                base.gamma_multiply(0.25 + 0.75 * strength)
            };
            painter.rect_filled(cell_rect, 3.0, fill);
            painter.rect_stroke(
                cell_rect,
                3.0,
                Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
                egui::StrokeKind::Inside,
            );
            if count > 0 {
                painter.text(
                    cell_rect.center(),
                    Align2::CENTER_CENTER,
                    count.to_string(),
                    FontId::proportional(14.0),
                    visuals.strong_text_color(),
                );
            }
        }
    }
}

/// Column headings shorten to fit narrow cells.
fn short_name(t: SaleType, cell: f32) -> String {
    if cell >= 60.0 {
        t.title().to_owned()
    } else {
        t.title().chars().take(4).collect::<String>() + "."
    }
}
