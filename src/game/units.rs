//! Quantities of the game as newtypes, so a budget cannot be added to a headcount by mistake.

use serde::{Deserialize, Serialize};

/// Money in USD millions. Signed: a balance can go below zero for a month.
pub type Money = i64;

/// Progress in thousandths of a point: 100 points (superintelligence) is 100_000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Progress(pub i32);

impl Progress {
    pub const MAX: Progress = Progress(100_000);

    pub fn from_points(points: u32) -> Progress {
        Progress((points.min(100) * 1000) as i32)
    }

    pub fn from_tenths(tenths: i32) -> Progress {
        Progress(tenths.saturating_mul(100))
    }

    /// Whole points, rounded down.
    pub fn points(self) -> i32 {
        self.0 / 1000
    }

    /// Points with one decimal, for display, rounded half away from zero (42.35 shows as
    /// 42.4), never truncated: every screen shows the same figure for the same value.
    pub fn display(self) -> String {
        tenths(self.shown_tenths())
    }

    /// The tenths of a point [`Progress::display`] shows. One exception to rounding: 100.0
    /// means superintelligence, so a lab short of it shows at most 99.9.
    pub fn shown_tenths(self) -> i64 {
        let t = round_div(i64::from(self.0), 100);
        if self.0 < Self::MAX.0 { t.min(999) } else { t }
    }

    pub fn clamped(self) -> Progress {
        Progress(self.0.clamp(0, Self::MAX.0))
    }
}

/// Formats USD millions the way a CEO reads them: $850M, $12.4B. Billions are rounded half
/// away from zero to $0.1B ($11,893M is $11.9B), never truncated.
pub fn money(m: Money) -> String {
    let sign = if m < 0 { "-" } else { "" };
    let a = m.unsigned_abs();
    if a >= 1000 {
        let t = (a + 50) / 100;
        format!("{sign}${}.{}B", t / 10, t % 10)
    } else {
        format!("{sign}${a}M")
    }
}

/// `n / d` rounded half away from zero (`d` > 0): the one rounding rule of every figure the
/// game shows. `round_div(1_150, 100)` is 12, `round_div(-1_150, 100)` is -12.
pub fn round_div(n: i64, d: i64) -> i64 {
    let d = d.max(1);
    let q = (n.unsigned_abs() + d.unsigned_abs() / 2) / d.unsigned_abs();
    if n < 0 { -(q as i64) } else { q as i64 }
}

/// A count of tenths as a decimal with one place: 123 is "12.3", -4 is "-0.4", 0 is "0.0".
pub fn tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let a = t.unsigned_abs();
    format!("{sign}{}.{}", a / 10, a % 10)
}

/// Integer square root (floor), deterministic on every platform.
pub fn isqrt(n: u64) -> u64 {
    if n < 2 {
        return n;
    }
    let mut x = n;
    let mut y = x.div_ceil(2);
    while y < x {
        x = y;
        y = (x + n / x) / 2;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_like_a_headline() {
        assert_eq!(money(850), "$850M");
        assert_eq!(money(12_400), "$12.4B");
        assert_eq!(money(-1_500), "-$1.5B");
    }

    #[test]
    fn money_is_rounded_not_truncated() {
        // "$12.0B - $107M = $11.8B" read wrong: 11,893 is $11.9B.
        assert_eq!(money(11_893), "$11.9B");
        assert_eq!(money(12_000), "$12.0B");
        assert_eq!(money(12_049), "$12.0B");
        assert_eq!(money(12_050), "$12.1B");
        assert_eq!(money(-12_050), "-$12.1B");
        assert_eq!(money(9_960), "$10.0B");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round_div(1_150, 100), 12);
        assert_eq!(round_div(1_149, 100), 11);
        assert_eq!(round_div(-1_150, 100), -12);
        assert_eq!(round_div(-1_149, 100), -11);
        assert_eq!(round_div(0, 100), 0);
        assert_eq!(tenths(-4), "-0.4");
        assert_eq!(tenths(123), "12.3");
    }

    #[test]
    fn isqrt_is_exact_floor() {
        for n in 0..10_000u64 {
            let r = isqrt(n);
            assert!(r * r <= n && (r + 1) * (r + 1) > n, "{n}");
        }
        assert_eq!(isqrt(u64::MAX), 4_294_967_295);
    }

    #[test]
    fn progress_display() {
        assert_eq!(Progress(42_350).display(), "42.4");
        assert_eq!(Progress(42_349).display(), "42.3");
        assert_eq!(Progress(81_180).display(), "81.2");
        assert_eq!(Progress(99_960).display(), "99.9");
        assert_eq!(Progress::MAX.display(), "100.0");
        assert_eq!(Progress(-400).display(), "-0.4");
        assert_eq!(Progress::from_points(150), Progress::MAX);
    }
}
