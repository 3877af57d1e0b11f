//! The Class screen (Klasse) for instructors: choose a folder of the trainees' exports and see
//! the class report: the flagged scenarios first, each with a button that opens it in the
//! editor, the class's accuracy and confusions as charts, and sortable tables of the item
//! statistics and the trainees. The folder is read and the report computed on a background
//! thread ([`class_report::start`]); until it is ready the screen shows the progress (files
//! read of the total, problems so far) and stays usable. Each frame takes the report over
//! when it is ready ([`ClassState::poll`]), never waiting; drawing only reads it.

use std::path::PathBuf;

use egui::{ProgressBar, RichText, ScrollArea, Ui};
use egui_extras::{Column, TableBuilder, TableRow};
use egui_plot::{Legend, Plot, PlotPoints, Points};

use crate::domain::background::{Job, PROGRESS_REFRESH};
use crate::domain::bank::Bank;
use crate::domain::class_report::{
    self, AttemptChoice, BankInfo, ClassReport, ItemStats, render, words,
};
use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::deciding_difference;
use crate::ui::action::{Action, Screen};
use crate::ui::editor::EditorAction;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::charts;
use crate::ui::widgets::path_field::{self, PathField, Pick};

/// A column the item table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemColumn {
    /// Quiz, then scenario.
    Scenario,
    /// Attempts.
    Attempts,
    /// Facility.
    Facility,
    /// Discrimination.
    Discrimination,
    /// Flag, most serious first.
    Flag,
}

/// A column the trainee table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraineeColumn {
    /// Name.
    Name,
    /// Mean quiz score.
    Mean,
    /// Practice answers.
    Practice,
}

/// What the Class screen asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassAction {
    /// Read the folder typed in and compute the report, in the background.
    Load,
    /// Stop reading: the report being made is not wanted any more.
    Cancel,
    /// Sort the item table by this column (again: the other way round).
    SortItems(ItemColumn),
    /// Sort the trainee table by this column (again: the other way round).
    SortTrainees(TraineeColumn),
    /// Write the report on show as one HTML file to the path typed in.
    SaveHtml,
}

/// What the Class screen keeps: the folder, the report and the tables' order.
#[derive(Debug)]
pub struct ClassState {
    /// The folder of exports, as typed.
    pub folder: String,
    /// Use every completed attempt rather than each trainee's first.
    pub all_attempts: bool,
    /// Where the HTML report is saved, as typed.
    pub html_path: String,
    /// How the last save went: success, and what to say.
    pub html_message: Option<(bool, String)>,
    report: Option<ClassReport>,
    /// The report being made on its own thread.
    reading: Option<Job<ClassReport>>,
    /// The last read stopped without a report.
    interrupted: bool,
    items: Vec<ItemStats>,
    item_order: Vec<usize>,
    item_sort: (ItemColumn, bool),
    trainee_order: Vec<usize>,
    trainee_sort: (TraineeColumn, bool),
}

impl Default for ClassState {
    fn default() -> Self {
        Self {
            folder: String::new(),
            all_attempts: false,
            html_path: String::new(),
            html_message: None,
            report: None,
            reading: None,
            interrupted: false,
            items: Vec::new(),
            item_order: Vec::new(),
            item_sort: (ItemColumn::Flag, false),
            trainee_order: Vec::new(),
            trainee_sort: (TraineeColumn::Name, false),
        }
    }
}

impl ClassState {
    /// The report on show.
    pub fn report(&self) -> Option<&ClassReport> {
        self.report.as_ref()
    }

    /// True while a report is being made.
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Shows the progress of `job` and then its report: what [`ClassAction::Load`] does with
    /// the job it starts, and a test with a job it holds.
    pub fn read_with(&mut self, job: Job<ClassReport>) {
        // Dropping a job still running tells its thread to stop.
        self.reading = Some(job);
        self.report = None;
        self.interrupted = false;
        self.items.clear();
        self.item_order.clear();
        self.trainee_order.clear();
    }

    /// Takes the report over when it is ready. Never waits.
    pub fn poll(&mut self) {
        let Some(result) = self.reading.as_mut().and_then(Job::try_finish) else {
            return;
        };
        self.reading = None;
        match result {
            Ok(report) => {
                self.items = report.items().cloned().collect();
                self.report = Some(report);
                self.sort_items();
                self.sort_trainees();
            }
            Err(_) => self.interrupted = true,
        }
    }

    /// Applies an action; `bank` adds titles and files to the report, and `ctx` (when there
    /// is a window) is woken as the reading moves on.
    pub fn apply(&mut self, action: ClassAction, bank: &Bank, ctx: Option<&egui::Context>) {
        match action {
            ClassAction::Load => {
                let choice = if self.all_attempts {
                    AttemptChoice::All
                } else {
                    AttemptChoice::First
                };
                let folder = PathBuf::from(self.folder.trim());
                let wake = ctx.cloned();
                let job =
                    class_report::start(vec![folder], choice, BankInfo::of(bank), move || {
                        if let Some(ctx) = &wake {
                            ctx.request_repaint();
                        }
                    });
                self.read_with(job);
            }
            ClassAction::Cancel => self.reading = None,
            ClassAction::SortItems(column) => {
                self.item_sort = (column, self.item_sort == (column, false));
                self.sort_items();
            }
            ClassAction::SortTrainees(column) => {
                self.trainee_sort = (column, self.trainee_sort == (column, false));
                self.sort_trainees();
            }
            // Written by the app, which knows the interface language.
            ClassAction::SaveHtml => {}
        }
    }

    /// The path field and button that save the report as one HTML file to e-mail or print.
    fn save_html_ui(&mut self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t.class_html_path);
            PathField::new(
                &mut self.html_path,
                "class_html",
                Pick::SaveFile(&["html"]),
                t,
            )
            .width(ui.available_width().clamp(160.0, 360.0))
            .show(ui, label.id, t);
            let enabled = !self.html_path.trim().is_empty();
            if ui
                .add_enabled(enabled, egui::Button::new(t.class_save_html))
                .clicked()
            {
                actions.push(Action::Class(ClassAction::SaveHtml));
            }
        });
        if let Some((ok, text)) = &self.html_message {
            crate::ui::widgets::question::outcome_label(ui, *ok, text);
        }
    }

    fn sort_items(&mut self) {
        let items = &self.items;
        let mut order: Vec<usize> = (0..items.len()).collect();
        let number = |v: Option<f64>| v.unwrap_or(f64::NAN);
        order.sort_by(|a, b| {
            let (a, b) = (&items[*a], &items[*b]);
            match self.item_sort.0 {
                ItemColumn::Scenario => {
                    (&a.quiz_id, &a.scenario_id).cmp(&(&b.quiz_id, &b.scenario_id))
                }
                ItemColumn::Attempts => a.attempts.cmp(&b.attempts),
                ItemColumn::Facility => number(a.facility).total_cmp(&number(b.facility)),
                ItemColumn::Discrimination => {
                    number(a.discrimination).total_cmp(&number(b.discrimination))
                }
                // Flagged first, most serious first.
                ItemColumn::Flag => (a.flag.is_none(), a.flag).cmp(&(b.flag.is_none(), b.flag)),
            }
        });
        if self.item_sort.1 {
            order.reverse();
        }
        self.item_order = order;
    }

    fn sort_trainees(&mut self) {
        let Some(report) = &self.report else {
            return;
        };
        let trainees = &report.trainees;
        let mut order: Vec<usize> = (0..trainees.len()).collect();
        order.sort_by(|a, b| {
            let (a, b) = (&trainees[*a], &trainees[*b]);
            match self.trainee_sort.0 {
                TraineeColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                TraineeColumn::Mean => a.mean.unwrap_or(-1.0).total_cmp(&b.mean.unwrap_or(-1.0)),
                TraineeColumn::Practice => a.practice_answers.cmp(&b.practice_answers),
            }
        });
        if self.trainee_sort.1 {
            order.reverse();
        }
        self.trainee_order = order;
    }

    /// Draws the screen and pushes actions.
    pub fn ui(&mut self, ui: &mut Ui, lang: Language, t: &Texts, actions: &mut Vec<Action>) {
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width().min(1000.0));
                    self.contents_ui(ui, lang, t, actions);
                });
        });
    }

    fn contents_ui(&mut self, ui: &mut Ui, lang: Language, t: &Texts, actions: &mut Vec<Action>) {
        ui.heading(t.class_heading);
        ui.label(RichText::new(t.class_intro).weak());
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t.class_folder);
            let field = PathField::new(&mut self.folder, "class_folder", Pick::Folder, t)
                .width(ui.available_width().clamp(160.0, 360.0))
                .show(ui, label.id, t);
            ui.checkbox(&mut self.all_attempts, t.class_all_attempts);
            let enabled = !self.folder.trim().is_empty() && self.reading.is_none();
            if path_field::submit_button(ui, &field, enabled, t.class_load) {
                actions.push(Action::Class(ClassAction::Load));
            }
        });
        if let Some(job) = &self.reading {
            reading_ui(ui, job, t, actions);
            return;
        }
        if self.interrupted {
            ui.colored_label(ui.visuals().error_fg_color, t.class_interrupted);
        }
        if self.report.as_ref().is_some_and(|r| !r.is_empty()) {
            self.save_html_ui(ui, t, actions);
        }
        let Some(report) = &self.report else {
            return;
        };
        ui.separator();
        if report.is_empty() {
            ui.label(t.class_nothing_read);
        }
        for line in render::summary_lines(report, lang) {
            ui.label(line);
        }
        if !report.problems.is_empty() {
            ui.label(
                RichText::new(fill(t.class_problems, &[("n", &report.problems.len())]))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        if report.is_empty() {
            self.problems_ui(ui, t);
            return;
        }

        ui.add_space(8.0);
        ui.heading(t.class_flagged);
        flagged_ui(ui, report, lang, t, actions);

        ui.add_space(8.0);
        ui.columns(2, |columns| {
            columns[0].strong(t.class_accuracy);
            charts::accuracy_chart_ui(&mut columns[0], t, "class-accuracy", &report.by_type, lang);
            columns[1].strong(t.class_matrix);
            charts::confusion_matrix_ui(&mut columns[1], &report.matrix);
        });
        ui.strong(t.class_confusions);
        for c in report.top_confusions() {
            ui.label(RichText::new(render::confusion_line(c, lang)).strong());
            ui.label(deciding_difference(c.right, c.chosen, lang).unwrap_or_default());
        }

        if !report.conversations.is_empty() {
            ui.add_space(8.0);
            ui.heading(t.class_conversations);
            for c in &report.conversations {
                let mut lines = render::conversation_lines(c, lang).into_iter();
                ui.label(RichText::new(lines.next().unwrap_or_default()).strong());
                ui.indent(("class-conversation", &c.conversation_id), |ui| {
                    for line in lines {
                        ui.label(line);
                    }
                });
            }
        }

        ui.add_space(8.0);
        ui.heading(t.class_items);
        self.scatter_ui(ui, t);
        self.items_ui(ui, lang, t, actions);

        ui.add_space(8.0);
        ui.heading(t.class_trainees);
        self.trainees_ui(ui, lang, t, actions);
        self.problems_ui(ui, t);
    }

    /// Facility against discrimination, one point per quiz scenario: the item analysis at a
    /// glance (bottom left: hard and not discriminating; below zero: check the key).
    fn scatter_ui(&self, ui: &mut Ui, t: &Texts) {
        let (flagged, fine): (Vec<&ItemStats>, Vec<&ItemStats>) =
            self.items.iter().partition(|i| i.flag.is_some());
        let points = |items: &[&ItemStats]| -> PlotPoints<'static> {
            items
                .iter()
                .filter_map(|i| Some([i.facility?, i.discrimination?]))
                .collect()
        };
        Plot::new("class-items")
            .height(200.0)
            .legend(Legend::default())
            .x_axis_label(t.col_facility)
            .y_axis_label(t.col_discrimination)
            .include_x(0.0)
            .include_x(1.0)
            .include_y(-1.0)
            .include_y(1.0)
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .show(ui, |plot| {
                plot.points(
                    Points::new(t.class_not_flagged, points(&fine))
                        .radius(3.0)
                        .color(egui::Color32::from_rgb(70, 140, 210)),
                );
                plot.points(
                    Points::new(t.class_flagged, points(&flagged))
                        .radius(4.0)
                        .color(egui::Color32::from_rgb(210, 60, 50)),
                );
            });
    }

    fn items_ui(&self, ui: &mut Ui, lang: Language, t: &Texts, actions: &mut Vec<Action>) {
        let w = words::words(lang);
        let table = SortableTable {
            id: "class-items-table",
            columns: &[
                (ItemColumn::Scenario, t.col_scenario),
                (ItemColumn::Attempts, t.col_attempts),
                (ItemColumn::Facility, t.col_facility),
                (ItemColumn::Discrimination, t.col_discrimination),
                (ItemColumn::Flag, t.col_flag),
            ],
            sorted: self.item_sort,
            last: t.col_wrong,
            widths: &[
                Column::remainder().at_least(180.0),
                Column::auto().at_least(70.0),
                Column::auto().at_least(70.0),
                Column::auto().at_least(70.0),
                Column::auto().at_least(160.0),
                Column::auto().at_least(120.0),
            ],
            max_height: 260.0,
        };
        let sort = |column| Action::Class(ClassAction::SortItems(column));
        table.ui(ui, t, sort, actions, self.item_order.len(), |mut row| {
            let item = &self.items[self.item_order[row.index()]];
            row.col(|ui| {
                ui.label(item_label(item));
            });
            row.col(|ui| {
                ui.label(item.attempts.to_string());
            });
            for value in [item.facility, item.discrimination] {
                row.col(|ui| {
                    ui.label(value.map_or_else(|| w.none.to_owned(), |v| format!("{v:.3}")));
                });
            }
            row.col(|ui| {
                ui.label(item.flag.map_or("", |f| words::flag_name(f, lang)));
            });
            row.col(|ui| {
                ui.label(item.most_chosen_wrong.map_or(w.none, |t| t.title()));
            });
        });
    }

    fn trainees_ui(&self, ui: &mut Ui, lang: Language, t: &Texts, actions: &mut Vec<Action>) {
        let Some(report) = &self.report else {
            return;
        };
        let w = words::words(lang);
        let table = SortableTable {
            id: "class-trainees-table",
            columns: &[
                (TraineeColumn::Name, t.col_trainee),
                (TraineeColumn::Mean, t.col_mean),
                (TraineeColumn::Practice, t.col_practice),
            ],
            sorted: self.trainee_sort,
            last: t.col_needs_help,
            widths: &[
                Column::auto().at_least(160.0),
                Column::auto().at_least(80.0),
                Column::auto().at_least(130.0),
                Column::remainder(),
            ],
            max_height: 300.0,
        };
        let sort = |column| Action::Class(ClassAction::SortTrainees(column));
        // Only the visible rows are drawn: a class can have a thousand trainees.
        table.ui(ui, t, sort, actions, self.trainee_order.len(), |mut row| {
            let trainee = &report.trainees[self.trainee_order[row.index()]];
            row.col(|ui| {
                ui.label(&trainee.name);
            });
            row.col(|ui| {
                ui.label(render::percent(trainee.mean, w));
            });
            row.col(|ui| {
                let answers = ui.label(trainee.practice_answers.to_string());
                if let Some(talks) = render::trainee_conversations(trainee, lang) {
                    answers.on_hover_text(talks);
                }
            });
            row.col(|ui| {
                let help = render::needs_help(trainee, lang).unwrap_or_default();
                ui.label(help.split(':').next().unwrap_or_default())
                    .on_hover_text(&help);
            });
        });
    }

    fn problems_ui(&self, ui: &mut Ui, t: &Texts) {
        let Some(report) = &self.report else {
            return;
        };
        if report.problems.is_empty() {
            return;
        }
        egui::CollapsingHeader::new(fill(t.class_problems, &[("n", &report.problems.len())]))
            .id_salt("class-problems")
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .id_salt("class-problems-list")
                    .max_height(200.0)
                    .show_rows(ui, 18.0, report.problems.len(), |ui, rows| {
                        for p in &report.problems[rows] {
                            ui.label(RichText::new(p.line(t.lang)).monospace().small());
                        }
                    });
            });
    }
}

/// The reading's progress: the files read of the total and the problems so far. The reader
/// wakes the window only when the report is ready, so the counters are redrawn a few times
/// a second; nothing here waits.
fn reading_ui(ui: &mut Ui, job: &Job<ClassReport>, t: &Texts, actions: &mut Vec<Action>) {
    ui.ctx().request_repaint_after(PROGRESS_REFRESH);
    let p = job.progress();
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.strong(if p.all_read() {
            t.class_computing
        } else {
            t.class_reading
        });
        if ui.button(t.class_cancel).clicked() {
            actions.push(Action::Class(ClassAction::Cancel));
        }
    });
    if p.files_total == 0 {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t.loading_listing);
        });
        return;
    }
    ui.add(ProgressBar::new(p.fraction()).desired_width(ui.available_width().min(420.0)));
    ui.label(fill(
        t.loading_files,
        &[("read", &p.files_read), ("total", &p.files_total)],
    ));
    if p.problems > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            fill(t.loading_problems, &[("n", &p.problems)]),
        );
    }
}

/// "quiz / scenario", or the conversation's name alone for its decision (whose quiz and
/// scenario are both the conversation).
fn item_label(item: &ItemStats) -> String {
    match item.quiz_id.as_deref() {
        Some(quiz) if quiz == item.scenario_id => item.name().to_owned(),
        quiz => format!("{} / {}", quiz.unwrap_or(""), item.name()),
    }
}

fn flagged_ui(
    ui: &mut Ui,
    report: &ClassReport,
    lang: Language,
    t: &Texts,
    actions: &mut Vec<Action>,
) {
    let flagged = report.flagged();
    if flagged.is_empty() {
        ui.label(t.class_nothing_flagged);
        return;
    }
    let w = words::words(lang);
    for item in flagged {
        ui.horizontal_wrapped(|ui| {
            if let Some(flag) = item.flag {
                ui.label(
                    RichText::new(words::flag_name(flag, lang))
                        .strong()
                        .color(ui.visuals().error_fg_color),
                )
                .on_hover_text(words::flag_advice(flag, lang));
            }
            ui.label(format!(
                "{} ({}: {}, {}: {})",
                item_label(item),
                t.col_facility,
                item.facility
                    .map_or_else(|| w.none.to_owned(), |v| format!("{v:.3}")),
                t.col_discrimination,
                item.discrimination
                    .map_or_else(|| w.none.to_owned(), |v| format!("{v:.3}")),
            ));
            match &item.path {
                Some(path) => {
                    let button = ui
                        .button(t.class_open_in_editor)
                        .on_hover_text(path.display().to_string());
                    if button.clicked() {
                        // The editor's own open action: it asks first about unsaved changes.
                        actions.push(Action::Show(Screen::Editor));
                        actions.push(Action::Editor(EditorAction::Open(path.clone())));
                    }
                }
                None => {
                    ui.label(RichText::new(t.class_not_in_bank).weak());
                }
            }
        });
    }
}

/// One of the Class screen's tables: sorted by one column, with a button per sortable heading.
struct SortableTable<'a, C> {
    /// The table's id; its sideways scroll area is `{id}-scroll`.
    id: &'a str,
    /// The sortable columns, in order, with their headings.
    columns: &'a [(C, &'a str)],
    /// The column sorted by, and whether downwards.
    sorted: (C, bool),
    /// The heading of the last column, which does not sort.
    last: &'a str,
    /// Every column's width, the last one's included.
    widths: &'a [Column],
    /// How tall the table grows before its rows scroll.
    max_height: f32,
}

impl<C: Copy + PartialEq> SortableTable<'_, C> {
    /// Draws `rows` rows, each filled in by `row`; clicking a heading pushes `sort(column)`.
    /// A narrow window scrolls the table sideways rather than cutting its last columns off.
    fn ui(
        &self,
        ui: &mut Ui,
        t: &Texts,
        sort: impl Fn(C) -> Action,
        actions: &mut Vec<Action>,
        rows: usize,
        row: impl FnMut(TableRow<'_, '_>),
    ) {
        ScrollArea::horizontal()
            .id_salt(format!("{}-scroll", self.id))
            .show(ui, |ui| {
                ui.push_id(self.id, |ui| {
                    // Rows have one height: a long cell is cut short (its text on hover) rather
                    // than wrapped over the next row.
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    let mut table = TableBuilder::new(ui)
                        .striped(true)
                        .max_scroll_height(self.max_height);
                    for width in self.widths {
                        table = table.column(*width);
                    }
                    table
                        .header(22.0, |mut header| {
                            for (column, label) in self.columns {
                                let arrow = match self.sorted {
                                    (c, false) if c == *column => t.class_sorted_up,
                                    (c, true) if c == *column => t.class_sorted_down,
                                    _ => "",
                                };
                                header.col(|ui| {
                                    // A heading is never cut short: its column grows to fit
                                    // it, so the sort order stays readable.
                                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                                    if ui.button(format!("{label}{arrow}")).clicked() {
                                        actions.push(sort(*column));
                                    }
                                });
                            }
                            header.col(|ui| {
                                ui.strong(self.last);
                            });
                        })
                        .body(|body| body.rows(20.0, rows, row));
                });
            });
    }
}
