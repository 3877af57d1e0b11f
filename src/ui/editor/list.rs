//! The list of files: search, filters, the rows in view, and the import and export box above.

use egui::{Button, ComboBox, RichText, ScrollArea, TextEdit, Ui};

use super::{EditorAction, EditorState, ExportFormat, Frame, push};
use crate::domain::bank::search::SearchIndex;
use crate::domain::bank::{Bank, BankSource, Entry, EntryKind};
use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::path_field::{PathField, Pick};
use crate::ui::widgets::sale_type;

/// What the rows were filtered by, to know when to filter again.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ListKey {
    generation: u64,
    search: String,
    language: Option<Language>,
    sale_type: Option<SaleType>,
    level: Option<u8>,
    tag: String,
}

impl EditorState {
    /// Brings the list rows (indices into the bank's entries, filtered and searched) up to
    /// date; they are recomputed only when the search, a filter or the bank changes.
    fn refresh_rows(&mut self, bank: &Bank, generation: u64) {
        let key = ListKey {
            generation,
            search: self.search.trim().to_lowercase(),
            language: self.language,
            sale_type: self.sale_type,
            level: self.level,
            tag: self.tag.trim().to_lowercase(),
        };
        if self.list_key.as_ref() == Some(&key) {
            return;
        }
        let index = if key.search.is_empty() {
            None
        } else {
            if self.search_index.as_ref().map(|(g, _)| *g) != Some(generation) {
                self.search_index = Some((generation, SearchIndex::of(bank)));
            }
            self.search_index.as_ref().map(|(_, index)| index)
        };
        self.list = filter_entries(bank.entries(), index, &key);
        self.list_key = Some(key);
    }
}

fn filter_entries(entries: &[Entry], index: Option<&SearchIndex>, key: &ListKey) -> Vec<usize> {
    entries
        .iter()
        .enumerate()
        .filter(|&(i, e)| {
            index.is_none_or(|index| index.matches(i, &key.search))
                && key.language.is_none_or(|l| e.language() == Some(l))
                && key
                    .sale_type
                    .is_none_or(|t| e.profile().map(|p| p.answer) == Some(t))
                && key
                    .level
                    .is_none_or(|l| e.profile().map(|p| p.difficulty) == Some(l))
                && (key.tag.is_empty()
                    || e.profile()
                        .is_some_and(|p| p.tags.iter().any(|t| t.to_lowercase() == key.tag)))
        })
        .map(|(i, _)| i)
        .collect()
}

impl Frame<'_> {
    /// The list panel: new files, import and export, search, filters and the rows in view.
    pub(super) fn list_ui(&mut self, ui: &mut Ui) {
        let t = self.t;
        let editable = matches!(self.bank.source(), BankSource::Folder(_));
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(editable, Button::new(t.editor_new))
                .clicked()
            {
                push(self.actions, EditorAction::NewScenario);
            }
            if ui
                .add_enabled(editable, Button::new(t.editor_new_quiz))
                .clicked()
            {
                push(self.actions, EditorAction::NewQuiz);
            }
            if ui
                .add_enabled(editable, Button::new(t.editor_new_conversation))
                .clicked()
            {
                push(self.actions, EditorAction::NewConversation);
            }
        });
        egui::CollapsingHeader::new(t.interop_heading)
            .id_salt("interop")
            .show(ui, |ui| self.interop_ui(ui));
        let (state, actions) = (&mut *self.state, &mut *self.actions);
        let search_label = ui.label(t.editor_search);
        ui.add(
            TextEdit::singleline(&mut state.search)
                .hint_text(t.editor_search_hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(search_label.id);
        filter_ui(
            ui,
            ("filter_language", t.language, t.editor_any_language),
            &mut state.language,
            Language::ALL,
            |l| l.native_name().to_owned(),
        );
        filter_ui(
            ui,
            ("filter_type", t.field_offer_kind, t.editor_any_type),
            &mut state.sale_type,
            SaleType::ALL,
            |st| st.title().to_owned(),
        );
        filter_ui(
            ui,
            ("filter_level", t.difficulty, t.editor_any_level),
            &mut state.level,
            1..=3u8,
            |n| fill(t.difficulty_level, &[("n", &n)]),
        );
        // A row of its own: beside the level it wrapped away from its label.
        ui.horizontal(|ui| {
            let tag_label = ui.label(t.editor_tag_filter);
            ui.add(TextEdit::singleline(&mut state.tag).desired_width(f32::INFINITY))
                .labelled_by(tag_label.id);
        });
        let total = self.bank.entries().len();
        let open_path = state.doc.as_ref().map(|d| d.path().to_path_buf());
        state.refresh_rows(self.bank, self.generation);
        // Taken out and put back below, so the list is not copied every frame.
        let rows = std::mem::take(&mut state.list);
        ui.label(
            RichText::new(fill(
                t.editor_count,
                &[("shown", &rows.len()), ("total", &total)],
            ))
            .weak(),
        );
        ui.separator();
        let row_height = ui.spacing().interact_size.y + 2.0;
        ScrollArea::vertical()
            .id_salt("editor_list_scroll")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for &i in &rows[range] {
                    let Some(entry) = self.bank.entries().get(i) else {
                        continue;
                    };
                    let selected = open_path.as_deref() == Some(entry.path.as_path());
                    if row_ui(ui, t, entry, selected).clicked() {
                        push(actions, EditorAction::Open(entry.path.clone()));
                    }
                }
            });
        state.list = rows;
    }

    fn interop_ui(&mut self, ui: &mut Ui) {
        let (t, state, actions) = (self.t, &mut *self.state, &mut *self.actions);
        let label = ui.label(t.interop_path);
        PathField::new(
            &mut state.interop_path,
            "interop",
            Pick::OpenFile(&["csv"]),
            t,
        )
        .also(
            Pick::SaveFile(&["xml", "gift", "txt", "csv"]),
            t.browse_save_as,
        )
        .width((ui.available_width() - 220.0).max(160.0))
        .show(ui, label.id, t);
        let has_path = !state.interop_path.trim().is_empty();
        ui.horizontal_wrapped(|ui| {
            for (format, text) in [
                (ExportFormat::MoodleXml, t.interop_export_moodle),
                (ExportFormat::Gift, t.interop_export_gift),
                (ExportFormat::Csv, t.interop_export_csv),
            ] {
                if ui
                    .add_enabled(has_path, Button::new(text).small())
                    .clicked()
                {
                    push(actions, EditorAction::Export(format));
                }
            }
            let editable = matches!(self.bank.source(), BankSource::Folder(_));
            if ui
                .add_enabled(
                    has_path && editable,
                    Button::new(t.interop_import_csv).small(),
                )
                .on_disabled_hover_text(t.interop_import_readonly)
                .clicked()
            {
                push(actions, EditorAction::ImportCsv);
            }
        });
        for line in &state.import_problems {
            ui.label(
                RichText::new(line)
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
        }
    }
}

/// One file of the list: its name in its sale type's colour, its error or warning count.
fn row_ui(ui: &mut Ui, t: &Texts, entry: &Entry, selected: bool) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let mut text = RichText::new(entry.display_name());
    if entry.kind == EntryKind::Quiz {
        text = text.italics();
    }
    if let Some(profile) = entry.profile() {
        text = text.color(sale_type::color(profile.answer, dark));
    }
    let mark = if entry.errors > 0 {
        Some(
            RichText::new(fill(t.editor_mark_errors, &[("n", &entry.errors)]))
                .color(ui.visuals().error_fg_color),
        )
    } else if entry.warnings > 0 {
        Some(
            RichText::new(fill(t.editor_mark_warnings, &[("n", &entry.warnings)]))
                .color(ui.visuals().warn_fg_color),
        )
    } else {
        None
    };
    let mut button = Button::new(text)
        .selected(selected)
        .frame_when_inactive(false)
        .truncate()
        .min_size(egui::vec2(ui.available_width(), 0.0));
    if let Some(mark) = mark {
        button = button.right_text(mark);
    }
    let hover = entry
        .id()
        .map_or_else(|| entry.path.display().to_string(), str::to_owned);
    ui.add(button).on_hover_text(hover)
}

/// One filter of the list: its label, and a drop-down of "any" and every value.
fn filter_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    (id, label, any): (&str, &str, &str),
    selected: &mut Option<T>,
    values: impl IntoIterator<Item = T>,
    name: impl Fn(T) -> String,
) {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        ComboBox::from_id_salt(id)
            .selected_text(selected.map_or_else(|| any.to_owned(), &name))
            .show_ui(ui, |ui| {
                ui.selectable_value(selected, None, any);
                for value in values {
                    ui.selectable_value(selected, Some(value), name(value));
                }
            })
            .response
            .labelled_by(l.id);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_for(state: &mut EditorState, bank: &Bank, generation: u64, search: &str) -> Vec<usize> {
        state.search = search.to_owned();
        state.refresh_rows(bank, generation);
        state.list.clone()
    }

    #[test]
    fn the_search_finds_a_file_by_a_word_of_its_texts_and_follows_a_new_bank() {
        let bank = Bank::load(BankSource::Embedded).unwrap();
        let mut state = EditorState::default();
        assert_eq!(
            rows_for(&mut state, &bank, 1, "").len(),
            bank.entries().len()
        );
        assert!(
            state.search_index.is_none(),
            "no words kept before a search"
        );

        let scenario = &bank.scenarios()[0];
        let word = scenario.situation.split_whitespace().last().unwrap();
        let rows = rows_for(&mut state, &bank, 1, &word.to_uppercase());
        assert!(
            !rows.is_empty() && rows.len() < bank.entries().len(),
            "{word}"
        );
        assert!(
            rows.iter()
                .any(|&i| bank.entries()[i].id() == Some(scenario.id.as_str()))
        );

        // Another bank (a new generation) is searched by its own words.
        let other = Bank::from_files(BankSource::Embedded, Vec::new(), &|_: &std::path::Path| {
            false
        });
        assert!(rows_for(&mut state, &other, 2, word).is_empty());
        assert_eq!(state.search_index.as_ref().map(|(g, _)| *g), Some(2));
    }
}
