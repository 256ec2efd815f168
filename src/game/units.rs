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

    /// Points with one decimal, for display.
    pub fn display(self) -> String {
        format!("{}.{}", self.0 / 1000, (self.0 % 1000).abs() / 100)
    }

    pub fn clamped(self) -> Progress {
        Progress(self.0.clamp(0, Self::MAX.0))
    }
}

/// Formats USD millions the way a CEO reads them: $850M, $12.4B.
pub fn money(m: Money) -> String {
    let sign = if m < 0 { "-" } else { "" };
    let a = m.unsigned_abs();
    if a >= 1000 {
        format!("{sign}${}.{}B", a / 1000, (a % 1000) / 100)
    } else {
        format!("{sign}${a}M")
    }
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
    fn isqrt_is_exact_floor() {
        for n in 0..10_000u64 {
            let r = isqrt(n);
            assert!(r * r <= n && (r + 1) * (r + 1) > n, "{n}");
        }
        assert_eq!(isqrt(u64::MAX), 4_294_967_295);
    }

    #[test]
    fn progress_display() {
        assert_eq!(Progress(42_350).display(), "42.3");
        assert_eq!(Progress::from_points(150), Progress::MAX);
    }
}
