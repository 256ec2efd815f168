//! The race over time as a text chart: one letter per lab per month, the player's letter on
//! top where labs meet, and under the month axis one row per lever marking the months the
//! player used it, so decisions line up with the race they shaped.

use crate::game::state::Lever;

use super::debrief::{Debrief, RaceLine};

/// Rows of the chart's progress axis (labelled every third row, top and bottom included).
const HEIGHT: usize = 13;
/// At most this many month columns; longer games are sampled.
const MAX_COLUMNS: usize = 60;

/// The levers shown under the chart (and the HTML debrief's), with their row labels.
pub(crate) const LEVER_ROWS: [(Lever, &str); 9] = [
    (Lever::Hiring, "hiring"),
    (Lever::AdoptTech, "adopted tech"),
    (Lever::Pipeline, "pipeline"),
    (Lever::Compute, "compute"),
    (Lever::OpenRelease, "open release"),
    (Lever::Safety, "safety"),
    (Lever::Product, "products"),
    (Lever::Deal, "deals"),
    (Lever::Event, "events"),
];

/// A distinct capital letter for each lab, from its short name where possible.
pub fn markers(race: &[RaceLine]) -> Vec<char> {
    let mut used: Vec<char> = Vec::new();
    for line in race {
        let pick = line
            .short
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .chain('A'..='Z')
            .find(|c| !used.contains(c))
            .unwrap_or('?');
        used.push(pick);
    }
    used
}

/// The months each column stands for: (first month index, months per column).
fn columns(months: usize) -> (usize, usize) {
    let step = months.div_ceil(MAX_COLUMNS).max(1);
    (months.div_ceil(step), step)
}

/// The chart as lines of text (for a code block), with its legend last.
pub fn race_chart(d: &Debrief) -> Vec<String> {
    let months = d.race.first().map_or(0, |l| l.progress.len());
    if months == 0 {
        return vec!["No month has been played yet.".to_string()];
    }
    let (cols, step) = columns(months);
    // 15 columns of labels plus at most 64 of chart fit a terminal 80 wide.
    let width = (64 / cols).clamp(1, 3);
    // The axis goes up by a round step per row, so its labels read evenly.
    let all = d
        .race
        .iter()
        .flat_map(|l| l.progress.iter().map(|p| i64::from(p.0)));
    let lo_seen = all.clone().min().unwrap_or(0);
    let hi_seen = all.max().unwrap_or(0);
    let rows = HEIGHT as i64 - 1;
    let range = (hi_seen - lo_seen + 999) / 1000;
    let per_row = [1, 2, 3, 4, 5, 6, 7, 8, 10]
        .into_iter()
        .find(|s| s * rows >= range)
        .unwrap_or(10);
    let hi = (((hi_seen + 999) / 1000 + per_row - 1) / per_row * per_row).min(100);
    let lo = hi - per_row * rows;
    let marks = markers(&d.race);

    let mut grid = vec![vec![' '; cols * width]; HEIGHT];
    // Rivals first, the player last, so the player's letter is never hidden.
    let mut order: Vec<usize> = (0..d.race.len())
        .filter(|&i| !d.race[i].is_player)
        .collect();
    order.extend((0..d.race.len()).filter(|&i| d.race[i].is_player));
    for i in order {
        for c in 0..cols {
            let m = ((c + 1) * step).min(months) - 1;
            let p = i64::from(d.race[i].progress[m].0);
            let level =
                ((p - lo * 1000 + per_row * 500) / (per_row * 1000)).clamp(0, rows) as usize;
            let row = HEIGHT - 1 - level;
            let cell = &mut grid[row][c * width + width - 1];
            *cell = if *cell == ' ' || d.race[i].is_player {
                marks[i]
            } else {
                '+'
            };
        }
    }

    let mut out = Vec::new();
    for (r, row) in grid.iter().enumerate() {
        let value = hi - (r as i64) * per_row;
        let label = if r % 3 == 0 {
            format!("{value:>3}")
        } else {
            "   ".to_string()
        };
        let line: String = row.iter().collect();
        out.push(format!("{label:>13} |{}", line.trim_end()));
    }
    out.push(format!("{:>13} +{}", "", "-".repeat(cols * width)));
    let mut axis = vec![' '; cols * width];
    for c in 0..cols {
        let month = ((c + 1) * step).min(months);
        if c == 0 || month % if cols > 24 { 6 } else { 3 } == 0 {
            // Right-aligned under the month's column, where there is room.
            let label = month.to_string();
            let end = c * width + width;
            let start = end.saturating_sub(label.len());
            if axis[start..end].iter().all(|ch| *ch == ' ') {
                for (slot, ch) in axis[start..end].iter_mut().zip(label.chars()) {
                    *slot = ch;
                }
            }
        }
    }
    let axis: String = axis.into_iter().collect();
    out.push(format!("{:>13}  {}", "month", axis.trim_end()));
    out.push(String::new());
    for (lever, name) in LEVER_ROWS {
        let mut row = vec!['.'; cols * width];
        let mut any = false;
        for decision in d.decisions.iter().filter(|x| x.lever == lever) {
            let c = (usize::from(decision.month) / step).min(cols - 1);
            row[c * width + width - 1] = '*';
            any = true;
        }
        if any {
            let line: String = row.into_iter().collect();
            out.push(format!("{name:>13}  {line}"));
        }
    }
    out.push(String::new());
    let legend: Vec<String> = d
        .race
        .iter()
        .zip(&marks)
        .map(|(l, m)| {
            if l.is_player {
                format!("{m} = {} (you)", l.short)
            } else {
                format!("{m} = {}", l.short)
            }
        })
        .collect();
    out.push(format!("{}; + = several rivals", legend.join(", ")));
    if step > 1 {
        out.push(format!("Each column is {step} months."));
    }
    out
}
