//! How every report and panel writes numbers and months: one rounding rule and one month
//! numbering, so no two places disagree about the same figure.
//!
//! - A value is rounded half away from zero to the precision shown, never truncated
//!   ([`round_div`]).
//! - Where parts are shown with their total, the shown parts sum to the shown total: the
//!   total is rounded, and the parts share it by largest remainder ([`apportion`]).
//! - A change "a → b (+d)" shows `d` as the difference of the shown `a` and `b`
//!   ([`progress_change`]).
//! - "Month N" is 1-based, the Nth month played, with its calendar label; a finished game
//!   reports the last month it played ([`month_of`]).

use crate::game::Content;
use crate::game::units::Progress;
pub use crate::game::units::{money, round_div, tenths};

/// Thousandths of a point as points rounded to one decimal, signed: "12.3", "-0.4".
pub fn points(thousandths: i64) -> String {
    tenths(round_div(thousandths, 100))
}

/// Thousandths of a point with a sign always: "+1.2", "-0.4", "+0.0".
pub fn signed_points(thousandths: i64) -> String {
    signed_tenths(round_div(thousandths, 100))
}

/// Tenths with a sign always: "+1.2", "-0.4", "+0.0".
pub fn signed_tenths(t: i64) -> String {
    if t < 0 {
        tenths(t)
    } else {
        format!("+{}", tenths(t))
    }
}

/// The shown values (in units of `unit`) of `values`, which are shown with their total: the
/// total is `values`' sum rounded half away from zero, and each part is its value rounded
/// down or up so that the parts sum to that total exactly. The parts with the largest
/// remainders are rounded up (ties: the earlier part), so a part is never more than one unit
/// away from its value.
pub fn apportion(values: &[i64], unit: i64) -> Vec<i64> {
    let unit = unit.max(1);
    let total = round_div(values.iter().sum(), unit);
    let mut shown: Vec<i64> = values.iter().map(|v| v.div_euclid(unit)).collect();
    let missing = total - shown.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(values[i].rem_euclid(unit)), i));
    for &i in order
        .iter()
        .take(missing.clamp(0, values.len() as i64) as usize)
    {
        shown[i] += 1;
    }
    shown
}

/// [`apportion`] in tenths of a point for values in thousandths.
pub fn apportion_points(values: &[i64]) -> Vec<i64> {
    apportion(values, 100)
}

/// The change between two shown progress figures, "+1.2": the difference of what is shown,
/// so "81.1 → 82.3 (+1.2)" always adds up.
pub fn progress_change(before: Progress, after: Progress) -> String {
    signed_tenths(after.shown_tenths() - before.shown_tenths())
}

/// The month a game is in, 1-based; for a finished game, the last month it played. `counter`
/// is the rules' month counter (months completed), `months` the campaign's length.
pub fn month_number(counter: u16, finished: bool, months: u16) -> u16 {
    if finished {
        counter.max(1)
    } else {
        counter.saturating_add(1).min(months.max(1))
    }
}

/// "month 27 of 39 (Dec 2027)": the one way every report and screen names the month of a game
/// (see [`month_number`]). A race won in Dec 2027 is month 27, never "Jan 2028, month 28".
pub fn month_of(content: &Content, counter: u16, finished: bool) -> String {
    let months = content.scenario.months;
    let n = month_number(counter, finished, months);
    month_words(n, months, &content.date_label(n - 1))
}

/// "month N of M (label)".
pub fn month_words(n: u16, months: u16, label: &str) -> String {
    format!("month {n} of {months} ({label})")
}

/// [`month_of`] for a list that has only a save's summary: its month counter, the calendar
/// label of that counter ("Jan 2028" once a game finished in Dec 2027) and whether it is over.
pub fn month_of_summary(counter: u16, counter_label: &str, finished: bool, months: u16) -> String {
    let n = month_number(counter, finished, months);
    let label = if finished && counter > 0 {
        label_before(counter_label)
    } else {
        counter_label.to_string()
    };
    month_words(n, months, &label)
}

/// The calendar label one month earlier: "Jan 2028" → "Dec 2027". A label that is not
/// "Mon YYYY" is kept as it is.
pub fn label_before(label: &str) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = label.split(' ');
    let (Some(name), Some(year), None) = (parts.next(), parts.next(), parts.next()) else {
        return label.to_string();
    };
    let (Some(m), Ok(year)) = (NAMES.iter().position(|n| *n == name), year.parse::<u32>()) else {
        return label.to_string();
    };
    if m == 0 {
        format!("Dec {}", year.saturating_sub(1))
    } else {
        format!("{} {year}", NAMES[m - 1])
    }
}

/// A bar of `width` cells for `value` out of `max` (nothing for zero or less).
pub fn bar(value: i64, max: i64, width: usize) -> String {
    if value <= 0 || max <= 0 {
        return String::new();
    }
    let cells = (value * width as i64 + max / 2) / max;
    "#".repeat(cells.clamp(1, width as i64) as usize)
}

/// Escapes text for a Markdown table cell.
pub fn cell(text: &str) -> String {
    super::sanitize::markdown(text, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_keep_their_sign() {
        assert_eq!(points(12_345), "12.3");
        assert_eq!(points(-400), "-0.4");
        assert_eq!(points(-40), "0.0");
        assert_eq!(points(1_960), "2.0");
        assert_eq!(points(4_250), "4.3");
        assert_eq!(points(-4_250), "-4.3");
        assert_eq!(signed_points(1_180), "+1.2");
        assert_eq!(bar(50, 100, 10), "#####");
        assert_eq!(bar(1, 100, 10), "#");
        assert_eq!(bar(-5, 100, 10), "");
    }

    #[test]
    fn a_change_is_the_difference_of_the_shown_figures() {
        // "81.1 → 82.3 (+1.1)" beside "+1.18": the shown change must be +1.2.
        let (b, a) = (Progress(81_120), Progress(82_300));
        assert_eq!(b.display(), "81.1");
        assert_eq!(a.display(), "82.3");
        assert_eq!(progress_change(b, a), "+1.2");
        // xAI 71.6 → 72.2 was shown "(+0.5)".
        let (b, a) = (Progress(71_640), Progress(72_180));
        assert_eq!(
            format!(
                "{} → {} ({})",
                b.display(),
                a.display(),
                progress_change(b, a)
            ),
            "71.6 → 72.2 (+0.6)"
        );
    }

    #[test]
    fn shown_parts_sum_to_the_shown_total() {
        // Research parts that "add up exactly" showed 0.97 of 0.99.
        let parts = [445, 262, 143, 72, 68];
        let total: i64 = parts.iter().sum();
        assert_eq!(total, 990);
        let shown = apportion(&parts, 10);
        assert_eq!(shown.iter().sum::<i64>(), 99);
        assert_eq!(shown, vec![45, 26, 14, 7, 7]);
        // Negative parts too.
        let parts = [4_250, -1_240, 3_330, -60];
        let shown = apportion_points(&parts);
        assert_eq!(shown.iter().sum::<i64>(), round_div(6_280, 100));
        for (v, s) in parts.iter().zip(&shown) {
            assert!((v - s * 100).abs() < 100, "{v} shown as {s}");
        }
        assert_eq!(apportion_points(&[]), Vec::<i64>::new());
    }

    #[test]
    fn money_sums_read_right() {
        // "$12.0B − $107M = $11.8B": the budget after is rounded, not truncated.
        assert_eq!(
            format!(
                "{} − {} = {}",
                money(12_000),
                money(107),
                money(12_000 - 107)
            ),
            "$12.0B − $107M = $11.9B"
        );
    }

    #[test]
    fn months_are_numbered_from_one_and_a_finished_game_shows_its_last_month() {
        assert_eq!(month_number(0, false, 12), 1);
        assert_eq!(month_number(10, false, 12), 11);
        assert_eq!(month_number(27, true, 39), 27);
        assert_eq!(month_number(12, true, 12), 12);
        assert_eq!(label_before("Jan 2028"), "Dec 2027");
        assert_eq!(label_before("Nov 2026"), "Oct 2026");
        assert_eq!(label_before("odd"), "odd");
        assert_eq!(
            month_of_summary(27, "Jan 2028", true, 39),
            "month 27 of 39 (Dec 2027)"
        );
        assert_eq!(
            month_of_summary(10, "Nov 2026", false, 12),
            "month 11 of 12 (Nov 2026)"
        );
    }
}
