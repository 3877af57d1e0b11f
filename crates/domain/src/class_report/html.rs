//! The report as one self-contained HTML file to e-mail or print: no external files or
//! scripts, the chart as inline SVG (drawn with plotters), the markup from maud templates so
//! every text is escaped.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use plotters::prelude::*;

use super::compute::{ClassReport, ItemStats};
use super::render::{
    confusion_line, conversation_lines, needs_help, percent, ratio, summary_lines,
    trainee_conversations,
};
use super::words::{Words, fill, flag_advice, flag_name, words};
use crate::language::Language;
use crate::progress::stats::Ratio;
use crate::teaching::taxonomy::{SaleType, deciding_difference};

/// The light-mode colour of each sale type, as the app draws them.
fn type_rgb(t: SaleType) -> (u8, u8, u8) {
    match t {
        SaleType::Nysalg => (25, 90, 190),
        SaleType::Mersalg => (20, 125, 60),
        SaleType::Gjensalg => (175, 90, 0),
        SaleType::Kryssalg => (120, 60, 190),
        SaleType::Tilleggssalg => (0, 120, 125),
    }
}

const STYLE: &str = "
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1b1b1b; line-height: 1.4; }
h1 { margin-bottom: .2rem; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.flag { font-weight: bold; color: #a02020; }
.advice, .path { color: #555; font-size: .9em; }
table.matrix td { text-align: center; min-width: 3.5rem; }
figure { margin: .5rem 0; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }
";

/// The report as a complete HTML5 document.
pub fn html(report: &ClassReport, language: Language) -> String {
    let w = words(language);
    let lang = language.code();
    let page = html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (w.title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (w.title) }
                ul #summary {
                    @for line in summary_lines(report, language) { li { (line) } }
                }
                (flagged_section(report, language))
                section #accuracy {
                    h2 { (w.accuracy) }
                    figure {
                        (PreEscaped(accuracy_svg(&report.by_type, language)))
                        figcaption {
                            @for t in SaleType::ALL {
                                (t.label(language)) ": " (ratio(report.by_type[t.index()], w)) ". "
                            }
                        }
                    }
                }
                (matrix_section(report, language))
                section #quizzes {
                    h2 { (w.quizzes) }
                    table {
                        thead { tr {
                            th { (w.quiz) } th { (w.attempts) } th { (w.mean) } th { (w.median) }
                            th { (w.pass_rate) } th { (w.alpha) }
                        } }
                        tbody {
                            @for q in &report.quizzes {
                                tr {
                                    td { (q.title) " (" (q.quiz_id) ")" }
                                    td.num { (q.attempts) }
                                    td.num { (percent(q.mean, w)) }
                                    td.num { (percent(q.median, w)) }
                                    td.num { (percent(q.pass_rate.map(|p| p * 100.0), w)) }
                                    td.num { (decimal(q.alpha, w)) }
                                }
                            }
                        }
                    }
                    @for q in &report.quizzes {
                        h3 { (q.title) }
                        (items_table(&q.items, language, true))
                    }
                }
                @if !report.conversations.is_empty() {
                    section #conversations {
                        h2 { (w.conversations) }
                        @for c in &report.conversations {
                            ul {
                                @for line in conversation_lines(c, language) { li { (line) } }
                            }
                            @if !c.items.is_empty() {
                                (items_table(&c.items, language, true))
                            }
                        }
                    }
                }
                (trainees_section(report, language))
                @if !report.practice.is_empty() {
                    section #practice {
                        h2 { (w.practice) }
                        (items_table(&report.practice, language, false))
                    }
                }
                section #problems {
                    h2 { (w.problems) " (" (report.problems.len()) ")" }
                    @if report.problems.is_empty() {
                        p { (w.no_problems) }
                    } @else {
                        ul { @for p in &report.problems { li { code { (p) } } } }
                    }
                }
            }
        }
    };
    page.into_string()
}

/// "Title (id)" when the bank has the scenario, else the id.
fn item_label(item: &ItemStats) -> String {
    match &item.title {
        Some(title) => format!("{title} ({})", item.scenario_id),
        None => item.scenario_id.clone(),
    }
}

fn decimal(value: Option<f64>, w: &Words) -> String {
    value.map_or_else(|| w.none.to_owned(), |v| format!("{v:.3}"))
}

fn flagged_section(report: &ClassReport, language: Language) -> Markup {
    let w = words(language);
    let flagged = report.flagged();
    html! {
        section #flagged {
            h2 { (w.flagged) }
            @if flagged.is_empty() {
                p { (w.nothing_flagged) }
            } @else {
                table {
                    thead { tr {
                        th { (w.flag) } th { (w.quiz) } th { (w.scenario) } th { (w.facility) }
                        th { (w.discrimination) } th { (w.most_chosen_wrong) }
                    } }
                    tbody {
                        @for item in flagged {
                            @let flag = item.flag;
                            tr {
                                td {
                                    span.flag { (flag.map_or("", |f| flag_name(f, language))) }
                                    br;
                                    span.advice { (flag.map_or("", |f| flag_advice(f, language))) }
                                }
                                td { (item.quiz_id.as_deref().unwrap_or("")) }
                                td {
                                    (item_label(item))
                                    br;
                                    span.path {
                                        @match &item.path {
                                            Some(path) => (path.display()),
                                            None => (w.not_in_bank),
                                        }
                                    }
                                }
                                td.num { (decimal(item.facility, w)) }
                                td.num { (decimal(item.discrimination, w)) }
                                td { (item.most_chosen_wrong.map_or(w.none, |t| t.title())) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn matrix_section(report: &ClassReport, language: Language) -> Markup {
    let w = words(language);
    let max = report.matrix.max().max(1);
    html! {
        section #matrix {
            h2 { (w.matrix) }
            p { (w.matrix_axes) }
            table.matrix {
                thead { tr {
                    th { (w.right_type) }
                    @for t in SaleType::ALL { th scope="col" { (t.title()) } }
                } }
                tbody {
                    @for right in SaleType::ALL {
                        tr {
                            th scope="row" { (right.title()) }
                            @for chosen in SaleType::ALL {
                                @let n = report.matrix.counts[right.index()][chosen.index()];
                                @let shade = 255 - (n * 150 / max) as u8;
                                @let colour = if right == chosen {
                                    format!("background: rgb({shade}, 255, {shade})")
                                } else {
                                    format!("background: rgb(255, {shade}, {shade})")
                                };
                                td style=(colour) { (n) }
                            }
                        }
                    }
                }
            }
            h3 { (w.confusions) }
            ol {
                @for c in report.top_confusions() {
                    li {
                        strong { (confusion_line(c, language)) }
                        br;
                        (deciding_difference(c.right, c.chosen, language).unwrap_or_default())
                    }
                }
            }
        }
    }
}

fn items_table(items: &[ItemStats], language: Language, quiz: bool) -> Markup {
    let w = words(language);
    html! {
        table {
            thead { tr {
                th { (w.scenario) } th { (w.attempts) } th { (w.facility) }
                @if quiz { th { (w.sd) } th { (w.discrimination) } }
                th { (w.most_chosen_wrong) }
                @if quiz { th { (w.flag) } }
            } }
            tbody {
                @for item in items {
                    tr {
                        td { (item_label(item)) }
                        td.num { (item.attempts) }
                        td.num { (decimal(item.facility, w)) }
                        @if quiz {
                            td.num { (decimal(item.sd, w)) }
                            td.num { (decimal(item.discrimination, w)) }
                        }
                        td { (item.most_chosen_wrong.map_or(w.none, |t| t.title())) }
                        @if quiz { td { (item.flag.map_or("", |f| flag_name(f, language))) } }
                    }
                }
            }
        }
    }
}

fn trainees_section(report: &ClassReport, language: Language) -> Markup {
    let w = words(language);
    html! {
        section #trainees {
            h2 { (w.trainees) }
            table {
                thead { tr {
                    th { (w.trainee) } th { (w.attempts) } th { (w.mean) }
                    th { (w.practice_volume) } th { (w.needs_help) }
                } }
                tbody {
                    @for t in &report.trainees {
                        tr {
                            td { (t.name) }
                            td.num { (t.quiz_attempts) }
                            td.num { (percent(t.mean, w)) }
                            td {
                                (fill(w.practice_line, &[("sessions", &t.practice_sessions), ("answers", &t.practice_answers)]))
                                @if let Some(talks) = trainee_conversations(t, language) { br; (talks) }
                            }
                            td { (needs_help(t, language).unwrap_or_default()) }
                        }
                    }
                }
            }
        }
    }
}

/// A horizontal bar chart of the share of right sale types per type, as an SVG element.
fn accuracy_svg(by_type: &[Ratio; 5], language: Language) -> String {
    let mut svg = String::new();
    let drawn = draw_accuracy(&mut svg, by_type, language).is_ok();
    if !drawn {
        // Drawing into a string cannot fail in practice; a report without its chart is
        // still a report (the caption carries the same numbers).
        return String::new();
    }
    // Name the picture for screen readers; plotters writes a bare <svg ...>.
    svg.replacen(
        "<svg ",
        &format!(
            "<svg role=\"img\" aria-label=\"{}\" ",
            words(language).accuracy
        ),
        1,
    )
}

fn draw_accuracy<'a>(
    svg: &'a mut String,
    by_type: &[Ratio; 5],
    language: Language,
) -> Result<(), Box<dyn std::error::Error + 'a>> {
    let root = SVGBackend::with_string(svg, (720, 240)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(190)
        .build_cartesian_2d(0.0..100.0, (0..5usize).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc("%")
        .y_label_formatter(&|v| match v {
            // Bars run top to bottom in the taxonomy's order.
            SegmentValue::CenterOf(i) => 4usize
                .checked_sub(*i)
                .and_then(|j| SaleType::ALL.get(j))
                .map_or(String::new(), |t| t.label(language)),
            _ => String::new(),
        })
        .label_style(("sans-serif", 13))
        .draw()?;
    chart.draw_series(SaleType::ALL.into_iter().filter_map(|t| {
        let pct = by_type[t.index()].percent()?;
        let (r, g, b) = type_rgb(t);
        let i = 4 - t.index();
        let mut bar = Rectangle::new(
            [
                (0.0, SegmentValue::Exact(i)),
                (pct, SegmentValue::Exact(i + 1)),
            ],
            RGBColor(r, g, b).filled(),
        );
        bar.set_margin(5, 5, 0, 0);
        Some(bar)
    }))?;
    root.present()?;
    Ok(())
}
