//! Risk as a curve, not a cliff. Each month a lab's chance of a safety incident, and the
//! player's chance of a catastrophe, grow smoothly with its risk and with how capable its
//! models are (overall progress): there is no threshold below which a lab is safe and above
//! which it is lost, so "park just under the line" is no strategy. The chances are an
//! estimate: the real chance this month lies within a spread around it, drawn from the
//! incident dice, and safety review narrows that spread (review buys knowledge as well as
//! safety).
//!
//! Chances are in hundred-thousandths (1,000 = 1%) so small chances stay exact in integers.

use super::balance::RiskCurve;

/// Chances are counted out of this many.
pub const CHANCE_SCALE: i64 = 100_000;

/// A month's estimated chances for one lab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskEstimate {
    /// Chance of a safety incident this month, hundred-thousandths.
    pub incident: i64,
    /// Chance of a catastrophic incident this month, hundred-thousandths.
    pub catastrophe: i64,
    /// The real chances lie within ± this percent of the estimate.
    pub spread_pct: i64,
}

impl RiskEstimate {
    /// The lowest and highest real chance the spread allows, for a chance of this estimate.
    pub fn bounds(&self, chance: i64) -> (i64, i64) {
        let lo = chance * (100 - self.spread_pct) / 100;
        let hi = (chance * (100 + self.spread_pct) / 100).min(CHANCE_SCALE);
        (lo.max(0), hi)
    }
}

/// The estimate for a lab at `risk` (0–100) with `progress_points` (0–100) and `review`.
pub fn estimate(curve: &RiskCurve, risk: i32, progress_points: i32, review: i32) -> RiskEstimate {
    let r = i64::from(risk.clamp(0, 100));
    let c = i64::from(progress_points.clamp(0, 100));
    let incident = (r * r * (100 + c)).saturating_mul(curve.incident_scale.max(0)) / 1_000;
    let catastrophe = r * r * r * c * c / curve.catastrophe_div.max(1);
    let narrowed = i64::from(review.max(0)) * curve.spread_per_review_tenths.max(0) / 10;
    let spread_pct = (curve.spread_max_pct - narrowed)
        .max(curve.spread_min_pct)
        .clamp(0, 100);
    RiskEstimate {
        incident: incident.clamp(0, CHANCE_SCALE),
        catastrophe: catastrophe.clamp(0, CHANCE_SCALE),
        spread_pct,
    }
}

/// A chance in hundred-thousandths as a percentage with one decimal where it matters:
/// "7%", "1.2%", "0.04%".
pub fn percent_label(chance: i64) -> String {
    let c = chance.clamp(0, CHANCE_SCALE);
    if c >= 10_000 {
        format!("{}%", (c + 500) / 1_000)
    } else if c >= 100 {
        let tenths = (c + 50) / 100;
        format!("{}.{}%", tenths / 10, tenths % 10)
    } else {
        format!("0.{:02}%", c / 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn curve() -> RiskCurve {
        RiskCurve::default()
    }

    #[test]
    fn chances_rise_smoothly_with_risk_without_a_cliff() {
        let c = curve();
        let mut last = estimate(&c, 0, 80, 30);
        for risk in 1..=100 {
            let e = estimate(&c, risk, 80, 30);
            assert!(e.incident >= last.incident && e.catastrophe >= last.catastrophe);
            // No single point of risk adds more than a sliver of catastrophe: no cliff to
            // park under.
            assert!(
                e.catastrophe - last.catastrophe <= 250,
                "risk {risk}: {} -> {}",
                last.catastrophe,
                e.catastrophe
            );
            last = e;
        }
        assert!(estimate(&c, 65, 80, 30).catastrophe > estimate(&c, 55, 80, 30).catastrophe);
    }

    #[test]
    fn capability_makes_the_same_risk_more_dangerous() {
        let c = curve();
        let weak = estimate(&c, 70, 20, 30);
        let strong = estimate(&c, 70, 90, 30);
        assert!(strong.catastrophe > weak.catastrophe * 10);
        assert!(strong.incident > weak.incident);
        assert_eq!(estimate(&c, 70, 0, 30).catastrophe, 0);
    }

    #[test]
    fn review_narrows_the_spread() {
        let c = curve();
        let thin = estimate(&c, 50, 50, 0);
        let strong = estimate(&c, 50, 50, 80);
        assert!(strong.spread_pct < thin.spread_pct);
        assert!(strong.spread_pct >= c.spread_min_pct);
        let (lo, hi) = thin.bounds(thin.incident);
        assert!(lo < thin.incident && thin.incident < hi);
    }

    #[test]
    fn hostile_numbers_stay_within_chances() {
        let c = RiskCurve {
            incident_scale: i64::MAX / 4,
            catastrophe_div: 0,
            spread_max_pct: 500,
            spread_per_review_tenths: -3,
            spread_min_pct: -10,
        };
        let e = estimate(&c, i32::MAX, i32::MAX, i32::MIN);
        assert!(e.incident <= CHANCE_SCALE && e.catastrophe <= CHANCE_SCALE);
        assert!((0..=100).contains(&e.spread_pct));
    }

    #[test]
    fn percent_labels_read_well() {
        assert_eq!(percent_label(7_000), "7.0%");
        assert_eq!(percent_label(12_345), "12%");
        assert_eq!(percent_label(1_200), "1.2%");
        assert_eq!(percent_label(40), "0.04%");
    }
}
