//! "At this pace": when each lab would reach 100 if it kept its recent speed. A reading aid for
//! the race table, not a rule: it extrapolates the last few months of a lab's progress and
//! knows nothing of what the lab will do next.

use crate::game::units::Progress;

/// How many finished months the pace is averaged over: long enough that one lucky month does
/// not swing the date, short enough to follow a lab that speeds up.
pub const PACE_MONTHS: usize = 3;

/// A rival this close to 100 (in thousandths, 8 points) is shown as an emergency.
pub const EMERGENCY_GAP: i32 = 8_000;

/// When a lab reaches 100 at its pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eta {
    /// Already there.
    Done,
    /// At the end of this month of the campaign (0 is the first month).
    Month(u16),
    /// Not moving forward: no date.
    Stalled,
}

/// The pace of a lab: its average gain over the last [`PACE_MONTHS`] of `gains` (thousandths a
/// month), or `fallback` (its speed this month) before any month has finished.
pub fn pace(gains: &[i64], fallback: i64) -> i64 {
    let recent = &gains[gains.len().saturating_sub(PACE_MONTHS)..];
    if recent.is_empty() {
        fallback
    } else {
        recent.iter().sum::<i64>() / recent.len() as i64
    }
}

/// When a lab at `progress`, gaining `pace` a month, reaches 100; `month` is the month being
/// played now (its end is the first one the lab can finish at). Dates further than 20 years
/// out are reported as stalled: at that pace there is no race.
pub fn eta(progress: Progress, pace: i64, month: u16) -> Eta {
    let left = i64::from(Progress::MAX.0 - progress.0);
    if left <= 0 {
        return Eta::Done;
    }
    if pace <= 0 {
        return Eta::Stalled;
    }
    let months = (left + pace - 1) / pace;
    if months > 240 {
        return Eta::Stalled;
    }
    Eta::Month(month + months as u16 - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lab_two_points_a_month_from_ninety_finishes_in_five_months() {
        // 90.0 now, +2.0 a month: the fifth month end (months 3..=7 from month 3) reaches 100.
        assert_eq!(eta(Progress(90_000), 2_000, 3), Eta::Month(7));
        assert_eq!(eta(Progress(99_500), 2_000, 3), Eta::Month(3));
        assert_eq!(eta(Progress(100_000), 2_000, 3), Eta::Done);
        assert_eq!(eta(Progress(50_000), 0, 3), Eta::Stalled);
        assert_eq!(eta(Progress(50_000), -300, 3), Eta::Stalled);
    }

    #[test]
    fn pace_follows_the_last_three_months() {
        assert_eq!(pace(&[100, 200, 300, 400], 7), 300);
        assert_eq!(pace(&[], 7), 7);
        assert_eq!(pace(&[900], 7), 900);
    }
}
