//! Pages for a class of forty: the HTML report's charts keep every text label apart (boxes
//! computed from each label's place, size and width, CJK counted as two columns), the class
//! race chart draws the class as a band with the best three and a chosen student named, the
//! live board at 160x45 fits forty rows (or scrolls, with the keys in its footer), and the
//! print rules keep headings with what follows them.

use std::collections::BTreeMap;
use std::path::Path;

use ai_race::report::ClassReport;
use ai_race::report::board::{Board, Race};
use ai_race::report::class::{Entry, Group};
use ai_race::ui::Theme;
use ai_race::ui::board::{BoardView, render};
use ai_race::ui::widgets::buffer_text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const LABS: [&str; 5] = ["Meta", "OpenAI", "DeepMind", "Anthropic", "xAI"];
const MONTHS: usize = 12;

/// Forty students' names: long ones, CJK ones, and some alike at the start.
fn name(i: usize) -> String {
    match i % 5 {
        0 => format!("王小明同学{i}"),
        1 => format!("Wilhelmina Alexandra von Hohenzollern {i}"),
        2 => format!("Student-with-a-long-file-name-{i}"),
        3 => format!("Zoë {i}"),
        _ => format!("Ada {i}"),
    }
}

/// A student's race: the player's line rising with `i`'s own pace, the rivals' lines alike
/// for everyone (so many labels want one place).
fn race(i: usize) -> Vec<Vec<i32>> {
    let pace = 3_000 + (i as i32 * 97) % 2_500;
    let mut lines = vec![(0..MONTHS).map(|m| 40_000 + pace * m as i32).collect()];
    for lab in 1..LABS.len() {
        lines.push(
            (0..MONTHS)
                .map(|m| 45_000 + (3_500 + lab as i32 * 150) * m as i32)
                .collect(),
        );
    }
    lines
}

fn entry(i: usize, rank: usize) -> Entry {
    let race = race(i);
    Entry {
        file: format!("{}.ron", name(i).to_lowercase().replace(' ', "-")),
        player: name(i),
        rank,
        ending: "rival-first",
        month: MONTHS as u16,
        date: "Dec 2026".into(),
        parts: vec![("outcome", 0), ("margin", 100)],
        score: 5_000 - i as i64 * 37,
        levers: BTreeMap::new(),
        race,
        flags: if i == 7 {
            vec!["identical decisions, move for move, to the save of Ada 9".into()]
        } else {
            Vec::new()
        },
        reference: false,
        suggested: Default::default(),
        highlight: false,
    }
}

fn class_of_forty() -> ClassReport {
    let entries: Vec<Entry> = (0..40).map(|i| entry(i, i + 1)).collect();
    let group = Group {
        scenario_id: "classroom".into(),
        scenario_name: "Classroom".into(),
        difficulty: "normal".into(),
        seed: 7,
        fingerprint: "0badcafe".into(),
        variant: 0,
        labs: LABS.iter().map(|s| s.to_string()).collect(),
        months: MONTHS as u16,
        dates: (0..MONTHS)
            .map(|m| {
                format!(
                    "{} 2026",
                    [
                        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                        "Nov", "Dec"
                    ][m]
                )
            })
            .collect(),
        entries,
    };
    ClassReport {
        groups: vec![group],
        ..ClassReport::default()
    }
}

/// A text label's box on the chart: left, top, right, bottom, and its text.
#[derive(Debug, Clone)]
struct TextBox {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

/// Columns a text takes: two for a wide (CJK) character, one for any other.
fn columns(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
            if wide { 2 } else { 1 }
        })
        .sum()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// Entities as the one character each stands for.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        match rest[at..].find(';') {
            Some(end) => {
                out.push('x');
                rest = &rest[at + end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every `<text>` of one SVG chart as a box, from its position, its class's font size (as the
/// page's style sets it), its anchor and its width (0.6 of the size per column, a generous
/// average for the sans-serif fonts; CJK two columns). Rotated text turns its box.
fn text_boxes(svg: &str) -> Vec<TextBox> {
    let mut boxes = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find("<text ") {
        let tag_end = at + rest[at..].find('>').expect("tag closed");
        let tag = &rest[at..tag_end];
        let close = tag_end + rest[tag_end..].find("</text>").expect("text closed");
        let text = unescape(&rest[tag_end + 1..close]);
        rest = &rest[close..];
        let num = |n: &str| attr(tag, n).map_or(0.0, |v| v.parse::<f64>().expect("a number"));
        let (x, y) = (num("x"), num("y"));
        let size = match attr(tag, "class").unwrap_or("") {
            "axis" => 18.0,
            "small" => 15.0,
            "label" => 19.0,
            other => panic!("a text of class '{other}': its size is not known"),
        };
        let w = columns(&text) as f64 * size * 0.6;
        let x0 = match attr(tag, "text-anchor").unwrap_or("start") {
            "end" => x - w,
            "middle" => x - w / 2.0,
            _ => x,
        };
        let (y0, y1) = (y - size * 0.8, y + size * 0.25);
        let b = if attr(tag, "transform").is_some_and(|t| t.starts_with("rotate(-90")) {
            // Turned a quarter left about (x, y): across becomes up.
            TextBox {
                x0: x - (y - y0),
                y0: y - (x0 + w - x),
                x1: x + (y1 - y),
                y1: y + (x - x0),
                text,
            }
        } else {
            TextBox {
                x0,
                y0,
                x1: x0 + w,
                y1,
                text,
            }
        };
        boxes.push(b);
    }
    boxes
}

fn overlap(a: &TextBox, b: &TextBox) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

/// Each chart of a page with the width of its drawing.
fn charts(html: &str) -> Vec<(f64, &str)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<svg class=\"chart\"") {
        let end = at + rest[at..].find("</svg>").expect("svg closed");
        let svg = &rest[at..end];
        let view = attr(svg, "viewBox").expect("a view box");
        let width: f64 = view
            .split(' ')
            .nth(2)
            .expect("width")
            .parse()
            .expect("number");
        out.push((width, svg));
        rest = &rest[end..];
    }
    out
}

#[test]
fn no_two_labels_of_the_class_reports_charts_overlap_with_forty_students() {
    let mut report = class_of_forty();
    assert_eq!(report.highlight("Zoë 23"), 1);
    let html = report.to_html();
    let charts = charts(&html);
    assert!(charts.len() >= 4, "race, scores, endings, levers");
    for (k, (width, svg)) in charts.iter().enumerate() {
        let boxes = text_boxes(svg);
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                a.x0 >= 0.0 && a.x1 <= *width,
                "chart {k}: '{}' leaves the drawing ({:.0}..{:.0} of {width})",
                a.text,
                a.x0,
                a.x1
            );
            for b in &boxes[i + 1..] {
                assert!(
                    !overlap(a, b),
                    "chart {k}: '{}' overlaps '{}':\n{a:?}\n{b:?}",
                    a.text,
                    b.text
                );
            }
        }
    }
    // The race chart: the class as a band and its median, the best three and the chosen
    // student named, never a line per student.
    let race = charts[0].1;
    let labels: Vec<String> = text_boxes(race)
        .into_iter()
        .filter(|b| b.text.starts_with('#') || b.text.contains("median"))
        .map(|b| b.text)
        .collect();
    assert_eq!(
        race.matches("<polygon").count(),
        2,
        "lowest-highest and the middle half"
    );
    assert!(labels.iter().any(|l| l == "class median"), "{labels:?}");
    for want in ["#1 ", "#2 ", "#3 ", "#24 Zoë 23"] {
        assert!(
            labels.iter().any(|l| l.starts_with(want)),
            "{want}: {labels:?}"
        );
    }
    assert!(
        race.matches("<polyline").count() < 12,
        "not a line per student"
    );
}

#[test]
fn reference_games_are_never_counted_in_the_class_or_numbered_as_students() {
    let mut report = class_of_forty();
    let g = &mut report.groups[0];
    // A reference game far above the class, placed first as its score says.
    let mut reference = entry(99, 0);
    reference.player = "policy: balanced".into();
    reference.score = 90_000;
    reference.reference = true;
    g.entries.insert(0, reference);
    let students: Vec<i64> = g.entries[1..].iter().map(|e| e.score).collect();
    let stats = ai_race::report::class::score_stats(&g.entries).expect("stats");
    assert_eq!(stats.0[4], students[0], "the highest is a student's");
    let md = report.to_markdown();
    assert!(
        md.contains("| ref | policy: balanced (reference game)"),
        "{md}"
    );
    assert!(
        !md.contains("90000 |") || md.contains("**90000**"),
        "only in its row"
    );
    assert!(md.contains("highest 5000"), "{md}");
    report.anonymize();
    let names: Vec<&str> = report.groups[0]
        .entries
        .iter()
        .map(|e| e.player.as_str())
        .collect();
    assert_eq!(names[0], "policy: balanced");
    assert!(names.contains(&"Student 40") && !names.contains(&"Student 41"));
    let csv = report.to_csv();
    assert!(
        csv.contains("\r\nref,policy: balanced (reference game),"),
        "{csv}"
    );
}

fn board_of_forty() -> BoardView {
    let mut board = Board::new(Path::new("class"));
    board.report = class_of_forty();
    board.races = board.report.groups[0]
        .entries
        .iter()
        .map(|e| {
            let race = Race {
                progress: e.race[0].iter().map(|p| i64::from(*p) / 100).collect(),
                months: MONTHS as u16,
            };
            (e.file.clone(), race)
        })
        .collect();
    BoardView::new(board, Theme::new(false))
}

fn screen(view: &BoardView, w: u16, h: u16) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    render(view, area, &mut buf);
    buffer_text(&buf)
}

#[test]
fn the_board_at_160x45_shows_forty_students_and_a_readable_chart() {
    let mut view = board_of_forty();
    let text = screen(&view, 160, 45);
    insta::assert_snapshot!("class_board_40_160x45", text);
    // Every student's row is on screen at once (the first is selected; its mark is under it).
    let shown = (0..40)
        .filter(|&i| text.contains(&format!("{:>3} ", i + 1)))
        .count();
    assert!(shown >= 36, "{shown} of 40 rows:\n{text}");
    assert!(
        text.contains("PgUp"),
        "the scrolling keys in the footer:\n{text}"
    );
    // The chart names a few lines, not forty.
    for item in [
        "* 王小明同",
        "2 Wilhelmin",
        "3 Student-w",
        "M median",
        "^ 75%",
        "v 25%",
    ] {
        assert!(text.contains(item), "{item} in the legend:\n{text}");
    }
    // The last student is reached by scrolling.
    view.key(
        crossterm::event::KeyCode::End,
        crossterm::event::KeyModifiers::NONE,
    );
    let end = screen(&view, 160, 45);
    assert!(end.contains(" 40 "), "{end}");
}

#[test]
fn print_rules_keep_headings_with_what_follows() {
    let html = class_of_forty().to_html();
    let style = &html[html.find("<style>").expect("style")..html.find("</style>").expect("end")];
    let print = &style[style.find("@media print").expect("print rules")..];
    for rule in [
        "h1,h2,h3{break-after:avoid;page-break-after:avoid}",
        "table,figure,svg",
        "break-inside:avoid",
    ] {
        assert!(print.contains(rule), "{rule} in {print}");
    }
    // The first group starts on the first page: no page break before it.
    let first = html.find("<section").expect("a section");
    assert!(!html[first..first + 40].contains("class=\"page\""));
}
