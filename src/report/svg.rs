//! Hand-written SVG charts for the HTML pages: a race chart (progress over months, one line
//! per lab or student, each labelled at its end), decision marks under it, and horizontal bar
//! charts. Colour is never the only signal: lines differ by dash pattern and width, bars by
//! hatching, and every series carries a text label.
//!
//! Every text placed here goes through [`super::sanitize::html`]; the callers pass raw text.

use std::fmt::Write as _;

/// Width and height of a chart's drawing (the page scales it to fit).
const WIDTH: i64 = 960;
const HEIGHT: i64 = 420;
/// Room left of the plot for the axis (and lever names under it), right of it for labels.
const LEFT: i64 = 150;
const RIGHT: i64 = 250;
const TOP: i64 = 20;
const BOTTOM: i64 = 50;
/// Least vertical room between two end labels.
const LABEL_GAP: i64 = 20;
/// Widest end label, in columns (a CJK character takes two): what fits right of the plot.
const LABEL_COLUMNS: usize = 20;

/// A line's end label cut to [`LABEL_COLUMNS`] columns, so a long or CJK name never runs past
/// the drawing's edge.
fn end_label(label: &str) -> String {
    crate::ui::widgets::fit(label, LABEL_COLUMNS)
}

/// Colours that stay apart for colour-blind readers (Okabe and Ito), each with a dash pattern.
pub const STYLES: [(&str, &str); 7] = [
    ("#0072b2", "10 5"),
    ("#d55e00", "3 4"),
    ("#009e73", "14 4 3 4"),
    ("#cc79a7", "6 3 6 3 1 3"),
    ("#e69f00", "1 3"),
    ("#56b4e9", "12 3"),
    ("#555555", "4 2"),
];

/// How one series is drawn.
#[derive(Debug, Clone)]
pub struct Line {
    /// Shown at the line's end; raw text (escaped here).
    pub label: String,
    /// Values in thousandths of a point, one per month from the first.
    pub values: Vec<i32>,
    pub colour: &'static str,
    /// An SVG dash array; empty for a solid line.
    pub dash: &'static str,
    /// Stroke width in drawing units.
    pub width: u32,
    /// Whether the end gets a label (a class of hundreds labels only a few).
    pub labelled: bool,
    /// A shaded band (lower, upper values) drawn under the lines instead of a line.
    pub band: Option<Vec<i32>>,
}

impl Line {
    /// A labelled line, 3 units wide.
    pub fn new(label: &str, values: Vec<i32>, colour: &'static str, dash: &'static str) -> Line {
        Line {
            label: label.to_string(),
            values,
            colour,
            dash,
            width: 3,
            labelled: true,
            band: None,
        }
    }
}

/// Marks under a race chart: one row per lever, a mark at each month it was used.
#[derive(Debug, Clone)]
pub struct MarkRow {
    pub label: &'static str,
    /// Month indexes (0 = the first month).
    pub months: Vec<u16>,
}

/// Text escaped for the page, at most `max` characters of the original.
fn esc(text: &str, max: usize) -> String {
    super::sanitize::html(text, max)
}

/// Label positions as near as they can be to `targets` (in any order), at least `gap` apart
/// and within `lo..=hi` when there is room: pushed down past the label above, then, where
/// the bottom is overrun, back up, each label keeping its place in the order of its target.
pub fn spread_labels(targets: &[i64], gap: i64, lo: i64, hi: i64) -> Vec<i64> {
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&i| (targets[i], i));
    let mut placed = vec![0; targets.len()];
    let mut last = i64::MIN;
    for &i in &order {
        let yy = targets[i].max(lo).max(last.saturating_add(gap));
        placed[i] = yy;
        last = yy;
    }
    let mut next = i64::MAX;
    for &i in order.iter().rev() {
        let yy = placed[i].min(hi).min(next.saturating_sub(gap));
        placed[i] = yy;
        next = yy;
    }
    placed
}

/// A race chart: `lines` over `months` months (x axis labelled with `dates`), progress on the
/// y axis; `marks` rows below it. `title` is the chart's accessible name.
pub fn race_chart(
    title: &str,
    lines: &[Line],
    months: usize,
    dates: &[String],
    marks: &[MarkRow],
) -> String {
    let months = months.max(1) as i64;
    let rows = marks.len() as i64;
    let mark_height = if rows > 0 { 26 * rows + 30 } else { 0 };
    let height = HEIGHT + mark_height;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    // The y range: round tens around everything drawn, within 0..100.
    let all = lines
        .iter()
        .flat_map(|l| l.values.iter().chain(l.band.iter().flatten()));
    let lo_seen = all.clone().copied().min().unwrap_or(0);
    let hi_seen = all.copied().max().unwrap_or(100_000);
    let lo = (i64::from(lo_seen) / 10_000 * 10).clamp(0, 90);
    let hi = ((i64::from(hi_seen) + 9_999) / 10_000 * 10).clamp(lo + 10, 100);
    let x = |m: i64| {
        LEFT + if months > 1 {
            m * plot_w / (months - 1)
        } else {
            0
        }
    };
    let y = |v: i64| TOP + plot_h - (v - lo * 1000) * plot_h / ((hi - lo) * 1000);

    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"{}\"><title>{}</title>",
        esc(title, 120),
        esc(title, 120)
    );
    // Grid and y axis: a line and a label every 10 points.
    let mut v = lo;
    while v <= hi {
        let yy = y(v * 1000);
        let _ = write!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{yy}\" x2=\"{}\" y2=\"{yy}\" class=\"grid\"/>\
             <text x=\"{}\" y=\"{}\" class=\"axis\" text-anchor=\"end\">{v}</text>",
            LEFT + plot_w,
            LEFT - 10,
            yy + 6
        );
        v += 10;
    }
    let _ = write!(
        s,
        "<text x=\"20\" y=\"{}\" class=\"axis\" transform=\"rotate(-90 20 {})\" \
         text-anchor=\"middle\">progress (100 = superintelligence)</text>",
        TOP + plot_h / 2,
        TOP + plot_h / 2
    );
    // Month axis: a tick every 3 months (6 for long games), the first and the last.
    let every = if months > 24 { 6 } else { 3 };
    for m in 0..months {
        let n = m + 1;
        if m == 0 || n % every == 0 || n == months {
            let xx = x(m);
            let label = dates.get(m as usize).map_or(String::new(), |d| esc(d, 12));
            let _ = write!(
                s,
                "<line x1=\"{xx}\" y1=\"{}\" x2=\"{xx}\" y2=\"{}\" class=\"tick\"/>\
                 <text x=\"{xx}\" y=\"{}\" class=\"axis\" text-anchor=\"middle\">{n}</text>\
                 <text x=\"{xx}\" y=\"{}\" class=\"small\" text-anchor=\"middle\">{label}</text>",
                TOP + plot_h,
                TOP + plot_h + 6,
                TOP + plot_h + 24,
                TOP + plot_h + 42,
            );
        }
    }
    // Bands first, then lines in the order given (the caller puts the most important last).
    for l in lines {
        if let Some(upper) = &l.band {
            let n = l.values.len().min(upper.len());
            if n == 0 {
                continue;
            }
            let mut points: Vec<String> = (0..n)
                .map(|m| format!("{},{}", x(m as i64), y(i64::from(upper[m]))))
                .collect();
            points.extend(
                (0..n)
                    .rev()
                    .map(|m| format!("{},{}", x(m as i64), y(i64::from(l.values[m])))),
            );
            let _ = write!(
                s,
                "<polygon points=\"{}\" class=\"band\" fill=\"{}\"/>",
                points.join(" "),
                l.colour
            );
        }
    }
    for l in lines.iter().filter(|l| l.band.is_none()) {
        if l.values.is_empty() {
            continue;
        }
        let points: Vec<String> = l
            .values
            .iter()
            .enumerate()
            .map(|(m, v)| format!("{},{}", x(m as i64), y(i64::from(*v))))
            .collect();
        let dash = if l.dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{}\"", l.dash)
        };
        let _ = write!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash}{}/>",
            points.join(" "),
            l.colour,
            l.width,
            if l.labelled {
                format!(" data-label=\"{}\"", esc(&l.label, 20))
            } else {
                String::new()
            }
        );
    }
    // End labels, spread so none overlaps another and each tied to its line's end by a
    // leader in the line's colour: a label can sit away from its line, never beside another's.
    let ends: Vec<&Line> = lines
        .iter()
        .filter(|l| l.labelled && !l.values.is_empty())
        .collect();
    let end_y = |l: &Line| y(i64::from(*l.values.last().unwrap_or(&0)));
    let targets: Vec<i64> = ends.iter().map(|l| end_y(l)).collect();
    // Within the plot's height: below it, a label would meet the month axis's own labels.
    let placed = spread_labels(&targets, LABEL_GAP, TOP, TOP + plot_h - 6);
    for (l, label_y) in ends.iter().zip(placed) {
        let end_x = x(l.values.len() as i64 - 1);
        let cy = end_y(l);
        let text_x = LEFT + plot_w + 12;
        let _ = write!(
            s,
            "<g class=\"end\"><circle cx=\"{end_x}\" cy=\"{cy}\" r=\"5\" fill=\"{c}\"/>\
             <path d=\"M{end_x} {cy} L{} {label_y} L{} {label_y}\" fill=\"none\" \
             stroke=\"{c}\" stroke-width=\"1\"/>\
             <text x=\"{text_x}\" y=\"{}\" class=\"label\" fill=\"{c}\">{}</text></g>",
            text_x - 8,
            text_x - 2,
            label_y + 6,
            esc(end_label(&l.label).trim_end(), LABEL_COLUMNS),
            c = l.colour,
        );
    }
    // Decision marks: one row per lever, a square at each month used.
    if rows > 0 {
        let base = HEIGHT + 10;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" class=\"small\" text-anchor=\"end\">decisions</text>",
            LEFT - 10,
            base + 4
        );
        for (r, row) in marks.iter().enumerate() {
            let yy = base + 26 * (r as i64 + 1);
            let _ = write!(
                s,
                "<line x1=\"{LEFT}\" y1=\"{yy}\" x2=\"{}\" y2=\"{yy}\" class=\"grid\"/>\
                 <text x=\"{}\" y=\"{}\" class=\"axis\" text-anchor=\"end\">{}</text>",
                LEFT + plot_w,
                LEFT - 10,
                yy + 6,
                esc(row.label, 24)
            );
            let mut seen: Vec<u16> = row.months.clone();
            seen.sort_unstable();
            seen.dedup();
            for m in seen {
                let xx = x(i64::from(m).min(months - 1));
                let _ = write!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" class=\"mark\"/>",
                    xx - 5,
                    yy - 5
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

/// One bar of a bar chart.
#[derive(Debug, Clone)]
pub struct Bar {
    /// Raw text (escaped here).
    pub label: String,
    pub value: i64,
    /// The value as shown beside the bar.
    pub shown: String,
    /// Hatched instead of solid (a second series, or a negative contribution).
    pub hatched: bool,
}

/// A horizontal bar chart: each bar labelled on its left and its value written on its right;
/// negative values go left of a zero line. With `pairs`, a gap follows every second bar (a top
/// and a bottom quarter's bars side by side).
pub fn bars(title: &str, bars: &[Bar], pairs: bool) -> String {
    let row = 34_i64;
    let label_w = 300_i64;
    let value_w = 110_i64;
    let extra = if pairs {
        (bars.len() as i64 / 2) * 10
    } else {
        0
    };
    let height = bars.len() as i64 * row + 20 + extra;
    let max = bars.iter().map(|b| b.value.max(0)).max().unwrap_or(0);
    let min = bars.iter().map(|b| b.value.min(0)).min().unwrap_or(0);
    let span = (max - min).max(1);
    let plot_w = WIDTH - label_w - value_w;
    let zero = label_w + (-min) * plot_w / span;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"{t}\"><title>{t}</title>",
        t = esc(title, 120)
    );
    let mut yy = 10_i64;
    for (i, b) in bars.iter().enumerate() {
        if pairs && i > 0 && i % 2 == 0 {
            yy += 10;
        }
        let len = b.value.abs() * plot_w / span;
        let x0 = if b.value < 0 { zero - len } else { zero };
        let fill = if b.hatched { "url(#hatch)" } else { "#0072b2" };
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" class=\"axis\" text-anchor=\"end\">{}</text>\
             <rect x=\"{x0}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" \
             stroke=\"#0072b2\" stroke-width=\"2\"/>\
             <text x=\"{}\" y=\"{}\" class=\"axis\">{}</text>",
            label_w - 12,
            yy + 20,
            esc(&b.label, 40),
            yy + 4,
            len.max(if b.value == 0 { 0 } else { 2 }),
            row - 10,
            (x0 + len).max(zero) + 8,
            yy + 20,
            esc(&b.shown, 20)
        );
        yy += row;
    }
    let _ = write!(
        s,
        "<line x1=\"{zero}\" y1=\"4\" x2=\"{zero}\" y2=\"{}\" class=\"zero\"/>",
        height - 4
    );
    s.push_str("</svg>");
    s
}

/// Shared definitions every chart refers to (the hatching pattern), once per page.
pub const DEFS: &str = "<svg width=\"0\" height=\"0\" class=\"defs\" aria-hidden=\"true\"><defs>\
<pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" \
patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>\
<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#0072b2\" stroke-width=\"4\"/></pattern>\
</defs></svg>";

/// A vertical histogram: one bar per bucket, its count on top and its range below.
pub fn histogram(title: &str, buckets: &[(String, usize)]) -> String {
    let n = buckets.len().max(1) as i64;
    let height = 300_i64;
    let (left, bottom, top) = (20_i64, 50_i64, 40_i64);
    let plot_w = WIDTH - 2 * left;
    let plot_h = height - bottom - top;
    let max = buckets.iter().map(|b| b.1).max().unwrap_or(0).max(1) as i64;
    let w = plot_w / n;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"{t}\"><title>{t}</title>",
        t = esc(title, 120)
    );
    for (i, (label, count)) in buckets.iter().enumerate() {
        let h = *count as i64 * plot_h / max;
        let x0 = left + i as i64 * w;
        let _ = write!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h}\" fill=\"url(#hatch)\" \
             stroke=\"#0072b2\" stroke-width=\"2\"/>\
             <text x=\"{}\" y=\"{}\" class=\"label\" text-anchor=\"middle\">{count}</text>\
             <text x=\"{}\" y=\"{}\" class=\"small\" text-anchor=\"middle\">{}</text>",
            x0 + 4,
            top + plot_h - h,
            w - 8,
            x0 + w / 2,
            top + plot_h - h - 8,
            x0 + w / 2,
            top + plot_h + 30,
            esc(label, 24)
        );
    }
    let _ = write!(
        s,
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"zero\"/></svg>",
        top + plot_h,
        left + plot_w,
        top + plot_h
    );
    s
}

#[cfg(test)]
mod label_tests {
    use super::spread_labels;

    #[test]
    fn labels_keep_their_order_and_their_distance() {
        // Three lines ending at one point near the top, one near the bottom edge.
        let placed = spread_labels(&[100, 30, 30, 395], 20, 20, 400);
        assert_eq!(placed, vec![100, 30, 50, 395]);
        // Crowded at the bottom: pushed back up, still apart and in order.
        let placed = spread_labels(&[400, 400, 400], 20, 20, 400);
        assert_eq!(placed, vec![360, 380, 400]);
    }
}
