//! Scenario text with highlighted cues.

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Ui};

/// Lays out `text` as body text, with `ranges` (byte ranges from the domain) highlighted.
pub fn highlighted(ui: &Ui, text: &str, ranges: &[Range<usize>]) -> LayoutJob {
    let style = ui.style();
    let font = FontId::proportional(style.text_styles[&egui::TextStyle::Body].size + 1.0);
    let normal = TextFormat {
        font_id: font.clone(),
        color: style.visuals.text_color(),
        ..Default::default()
    };
    let highlight = TextFormat {
        font_id: font,
        color: style.visuals.strong_text_color(),
        background: if style.visuals.dark_mode {
            Color32::from_rgb(95, 80, 20)
        } else {
            Color32::from_rgb(255, 232, 140)
        },
        underline: egui::Stroke::new(1.0, style.visuals.warn_fg_color),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for r in ranges {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        job.append(&text[at..r.start], 0.0, normal.clone());
        job.append(&text[r.start..r.end], 0.0, highlight.clone());
        at = r.end;
    }
    job.append(&text[at..], 0.0, normal);
    job.wrap.max_width = ui.available_width();
    job
}
