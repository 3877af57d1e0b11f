//! The selection filters of practice, shared by every screen that draws from the bank.

use egui::{Ui, WidgetText};

use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::practice::Filter;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::sale_type;

/// Checkboxes for the languages, difficulties and sale types of `filter`. Returns the changed
/// filter when the trainee ticked or unticked one this frame.
pub fn filter_ui(ui: &mut Ui, t: &Texts, lang: Language, filter: &Filter) -> Option<Filter> {
    let mut changed = None;
    let languages = Language::ALL.map(|content| match content {
        Language::Nb => (content, t.scenarios_in_nb),
        Language::En => (content, t.scenarios_in_en),
    });
    if let Some(languages) = group_ui(ui, t.scenario_language, &filter.languages, languages) {
        changed = Some(Filter {
            languages,
            ..filter.clone()
        });
    }
    ui.add_space(4.0);
    let levels = (1..=3u8).map(|level| (level, fill(t.difficulty_level, &[("n", &level)])));
    if let Some(difficulties) = group_ui(ui, t.difficulty, &filter.difficulties, levels) {
        changed = Some(Filter {
            difficulties,
            ..filter.clone()
        });
    }
    ui.add_space(4.0);
    let types = SaleType::ALL.map(|st| (st, sale_type::rich_name(ui, st, lang)));
    if let Some(types) = group_ui(ui, t.sale_types_filter, &filter.types, types) {
        changed = Some(Filter {
            types,
            ..filter.clone()
        });
    }
    changed
}

/// A heading and a checkbox per value, ticked when `group` holds it. Returns the group with the
/// value toggled when the trainee ticked or unticked one this frame.
fn group_ui<T: PartialEq + Ord + Copy>(
    ui: &mut Ui,
    heading: &str,
    group: &[T],
    values: impl IntoIterator<Item = (T, impl Into<WidgetText>)>,
) -> Option<Vec<T>> {
    ui.strong(heading);
    let mut changed = None;
    for (value, label) in values {
        let mut on = group.contains(&value);
        if ui.checkbox(&mut on, label).changed() {
            let mut toggled = group.to_vec();
            Filter::toggle(&mut toggled, value);
            changed = Some(toggled);
        }
    }
    changed
}
