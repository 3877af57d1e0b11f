//! The selection filters of practice, shared by every screen that draws from the bank.

use egui::Ui;

use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::practice::Filter;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::sale_type;

/// Checkboxes for the languages, difficulties and sale types of `filter`. Returns the changed
/// filter when the trainee ticked or unticked one this frame.
pub fn filter_ui(ui: &mut Ui, t: &Texts, lang: Language, filter: &Filter) -> Option<Filter> {
    let mut changed = None;
    ui.strong(t.scenario_language);
    for content in Language::ALL {
        let mut on = filter.languages.contains(&content);
        let label = match content {
            Language::Nb => t.scenarios_in_nb,
            Language::En => t.scenarios_in_en,
        };
        if ui.checkbox(&mut on, label).changed() {
            let mut f = filter.clone();
            Filter::toggle(&mut f.languages, content);
            changed = Some(f);
        }
    }
    ui.add_space(4.0);
    ui.strong(t.difficulty);
    for level in 1..=3u8 {
        let mut on = filter.difficulties.contains(&level);
        let label = fill(t.difficulty_level, &[("n", &level)]);
        if ui.checkbox(&mut on, label).changed() {
            let mut f = filter.clone();
            Filter::toggle(&mut f.difficulties, level);
            changed = Some(f);
        }
    }
    ui.add_space(4.0);
    ui.strong(t.sale_types_filter);
    for st in SaleType::ALL {
        let mut on = filter.types.contains(&st);
        if ui
            .checkbox(&mut on, sale_type::rich_name(ui, st, lang))
            .changed()
        {
            let mut f = filter.clone();
            Filter::toggle(&mut f.types, st);
            changed = Some(f);
        }
    }
    changed
}
