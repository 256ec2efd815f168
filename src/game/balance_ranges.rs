//! The allowed range of every tuning number, checked once where a save or a scenario is read
//! (see `content::check`), so the rules can compute with them without overflowing: a balance
//! travels inside every save and a teacher may write a whole one, and every number a file
//! carries is hostile until checked.
//!
//! Each section lists its fields with their ranges next to one another, one line a field: a
//! new field of the balance gets one line here. The ranges are wide enough for every shipped
//! value and any plausible teacher edit (ten times the shipped numbers and more), and narrow
//! enough that the rules' arithmetic, in `i64` and with the lab numbers' own caps, stays far
//! from overflow.

use super::balance::{
    ActionBalance, BalanceDef, BoardBalance, ComputeBalance, CounterPlay, EventBalance, GpuSupply,
    HiringBalance, LeaderReactions, MoneyBalance, ResearchBalance, RiskCurve, RivalBalance,
    SafetyBalance, ScoreBalance,
};

/// Most entries in one of the balance's lists (acceptance steps, per-personality numbers).
pub const MAX_BALANCE_LIST: usize = 20;

/// A number of the balance outside its range, or two numbers in the wrong order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceProblem {
    /// Where it is, as a path under `balance` without it: `actions.licence_raise_gap`.
    pub path: String,
    /// What is wrong, naming the field: "balance.actions.licence_raise_gap is 65535, it must be
    /// between 0 and 120".
    pub message: String,
}

/// Collects the problems of one balance, section by section.
pub struct RangeCheck {
    section: &'static str,
    pub problems: Vec<BalanceProblem>,
}

impl RangeCheck {
    fn path(&self, field: &str) -> String {
        format!("{}.{field}", self.section)
    }

    /// `value` of `field` must be within `min..=max`.
    pub fn range(&mut self, field: &str, value: impl Into<i128>, min: i64, max: i64) {
        let value = value.into();
        if value < i128::from(min) || value > i128::from(max) {
            let path = self.path(field);
            let message = format!("balance.{path} is {value}, it must be between {min} and {max}");
            self.problems.push(BalanceProblem { path, message });
        }
    }

    /// `low` must not be above `high` (the two ends of a clamp or of an allowed span).
    pub fn order(&mut self, (low, lv): (&str, i64), (high, hv): (&str, i64)) {
        if lv > hv {
            let path = self.path(low);
            let message = format!(
                "balance.{path} is {lv}, above balance.{}.{high} ({hv}); it must not be",
                self.section
            );
            self.problems.push(BalanceProblem { path, message });
        }
    }

    /// A list of the balance holds at most [`MAX_BALANCE_LIST`] entries.
    fn count(&mut self, field: &str, len: usize) -> bool {
        if len > MAX_BALANCE_LIST {
            let path = self.path(field);
            let message =
                format!("balance.{path} has {len} entries, it may have at most {MAX_BALANCE_LIST}");
            self.problems.push(BalanceProblem { path, message });
            return false;
        }
        true
    }
}

/// One line a field: `field: min, max;` checks `self.field` against `min..=max`.
macro_rules! ranges {
    ($check:ident, $s:ident; $($field:ident: $min:expr, $max:expr;)*) => {
        $( $check.range(stringify!($field), $s.$field, $min, $max); )*
    };
}

impl BalanceDef {
    /// Every number out of its range and every pair out of order (empty: the balance is
    /// sound).
    pub fn problems(&self) -> Vec<BalanceProblem> {
        let mut check = RangeCheck {
            section: "",
            problems: Vec::new(),
        };
        check.section = "research";
        self.research.check(&mut check);
        check.section = "compute";
        self.compute.check(&mut check);
        check.section = "money";
        self.money.check(&mut check);
        check.section = "actions";
        self.actions.check(&mut check);
        check.section = "safety";
        self.safety.check(&mut check);
        check.section = "hiring";
        self.hiring.check(&mut check);
        check.section = "rivals";
        self.rivals.check(&mut check);
        check.section = "board";
        self.board.check(&mut check);
        check.section = "events";
        self.events.check(&mut check);
        check.section = "score";
        self.score.check(&mut check);
        check.section = "rivals.leader";
        self.rivals.leader.check(&mut check);
        check.section = "rivals.counter";
        self.rivals.counter.check(&mut check);
        check.section = "compute.supply";
        self.compute.supply.check(&mut check);
        check.section = "safety.curve";
        self.safety.curve.check(&mut check);
        check.section = "intel";
        self.intel.check(&mut check);
        check.problems
    }
}

impl ResearchBalance {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            base_scale: 0, 10_000;
            talent_share_pct: 0, 100;
            researchers_per_unit: 1, 1_000;
            star_multiplier: 0, 100;
            work_minutes: 1, 100_000;
            experiment_overhead: 0, 10_000;
            review_minutes_per_10: 0, 10_000;
            review_free: 0, 100;
            experiments_base_pct: 0, 1_000;
            experiments_sqrt_pct: 0, 1_000;
            infra_skill_div: 1, 1_000;
            infra_bonus_max: 0, 1_000;
            morale_div: 1, 100;
            morale_max_pct: 0, 100;
            data_div: 1, 1_000;
            ecosystem_div: 1, 1_000;
            automation_threshold: 0, 100;
            automation_pct_per_point: 0, 100;
            disruption_pct: 0, 100;
            disruption_cap: 0, 24;
            focus_weight: 0, 1_000;
        );
    }
}

impl ComputeBalance {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            data_centre_cost: 0, 100_000;
            data_centre_months: 1, 48;
            max_data_centre: 0, 100_000;
            lease_monthly: 0, 100_000;
            lease_months: 1, 48;
            max_lease: 0, 100_000;
            running_monthly: 0, 10_000;
        );
    }
}

impl MoneyBalance {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            researcher_monthly_thousands: 0, 100_000;
            debt_months_to_freeze: 0, 120;
        );
    }
}

impl ActionBalance {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            open_release_cost: 0, 1_000_000;
            open_release_gap: 0, 120;
            open_release_min_progress: 0, 100;
            ship_ai_cost: 0, 1_000_000;
            ship_ai_income: 0, 100_000;
            ship_ai_data: -100, 100;
            ship_ai_risk: -100, 100;
            max_products: 0, 50;
            ship_ai_min_progress: 0, 100;
            ship_ai_progress_step: 0, 100;
            morale_cost_base: 0, 100_000;
            morale_cost_per_researchers: 1, 1_000_000;
            morale_gain_pct: 0, 100;
            morale_gain_min: 0, 100;
            star_offer_weeks: 1, 4;
            offer_min_pct: 1, 1_000;
            offer_max_pct: 1, 1_000;
            signing_bonus_pct: 0, 1_000;
            big_package: 0, 100_000;
            big_package_board: -100, 100;
            licence_raise_pct: 0, 1_000;
            licence_raise_gap: 0, 120;
            retire_morale: -100, 100;
        );
        c.order(
            ("offer_min_pct", i64::from(self.offer_min_pct)),
            ("offer_max_pct", i64::from(self.offer_max_pct)),
        );
    }
}

impl SafetyBalance {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            review_cost: 0, 1_000_000;
            review_gain: -100, 100;
            review_risk: -100, 100;
            review_speed_pct: -100, 100;
            review_target: 0, 100;
            risk_divisor: 1, 1_000_000;
            strong_review: 0, 100;
            thin_review: 0, 100;
            incident_morale: -100, 100;
            incident_board: -100, 100;
            incident_risk: -100, 100;
            incident_review: -100, 100;
            careful_risk: 0, 100;
            careful_review: 0, 100;
            crunch_minutes: 0, 100_000;
            crunch_review: 0, 100;
        );
    }
}

impl HiringBalance {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            acceptance_above: 0, 1_000;
            loyalty_permille: 0, 1_000;
            leader_bonus: -1_000, 1_000;
            far_behind: 0, 100;
            far_behind_malus: -1_000, 1_000;
            min_chance: 0, 1_000;
            max_chance: 0, 1_000;
            counter_malus: -1_000, 1_000;
            counter_generous: -1_000, 1_000;
            hire_loyalty: 0, 70;
            stay_permille_per_loyalty: 0, 1_000;
            star_permille: 0, 1_000;
            pay_gap_from_pct: 0, 1_000;
            pay_gap_morale_per_10pct: 0, 100;
            memory_per_10pct: 0, 100;
            memory_decay: 0, 100;
            memory_max: 0, 1_000;
            mercenary_loyalty_per_10pct: 0, 100;
            flight_loyalty: 0, 100;
            flight_permille_per_point: 0, 1_000;
            flight_offer_pct: 1, 1_000;
        );
        c.order(
            ("min_chance", self.min_chance),
            ("max_chance", self.max_chance),
        );
        if c.count("acceptance", self.acceptance.len()) {
            for &(pct, chance) in &self.acceptance {
                c.range("acceptance (each percent of the ask)", pct, 0, 1_000);
                c.range("acceptance (each chance)", chance, 0, 1_000);
            }
        }
        if c.count("counter", self.counter.len()) {
            for &(_, chance) in &self.counter {
                c.range("counter (each chance)", chance, 0, 1_000);
            }
        }
    }
}

impl RivalBalance {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            activity: 0, 1_000;
            pressure_activity: 0, 1_000;
            close_points: 0, 100;
            poach_cooldown: 0, 120;
            raise_permille: 0, 1_000;
            reserve_months: 0, 120;
            approach_gap: 0, 120;
        );
        if c.count("generosity", self.generosity.len()) {
            for &(_, pct) in &self.generosity {
                c.range("generosity (each percent of the ask)", pct, 1, 1_000);
            }
        }
        if c.count("preferences", self.preferences.len()) {
            for (_, weights) in &self.preferences {
                for &w in weights {
                    c.range("preferences (each weight)", w, 0, 1_000);
                }
            }
        }
    }
}

impl LeaderReactions {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            lead_points: 0, 100;
            cut_permille: 0, 1_000;
            cut_months: 0, 24;
            raise_permille: 0, 1_000;
            poach_permille: 0, 1_000;
            poach_premium_pct: 0, 1_000;
            far_behind_points: 0, 100;
            release_permille: 0, 1_000;
        );
    }
}

impl BoardBalance {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            good_month: 0, 100_000;
            poor_month: 0, 100_000;
            burn_pct: 0, 10_000;
            burn_malus: -100, 100;
            leader_bonus: -100, 100;
            debt_malus: -100, 100;
            guidance_pct: 0, 10_000;
            over_guidance_board: 0, 100;
            cut_below: 0, 100;
            cut_pct_per_point: 0, 100;
            carry_pct: 0, 1_000;
            return_pct: 0, 100;
        );
    }
}

impl EventBalance {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            chance: 0, 1_000;
            cooldown: 0, 120;
        );
    }
}

impl ScoreBalance {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            careful_win: -100_000, 100_000;
            reckless_win: -100_000, 100_000;
            deadline_lead: -100_000, 100_000;
            deadline_second: -100_000, 100_000;
            deadline_rank_step: -100_000, 100_000;
            rival_first: -100_000, 100_000;
            margin_per_point: 0, 100_000;
            margin_cap: 0, 100_000;
            speed_per_month: -100_000, 100_000;
            safety_per_risk: -100_000, 100_000;
            safety_per_review: -100_000, 100_000;
            money_div: 1, 1_000_000;
            money_cap: 0, 100_000;
        );
    }
}

impl CounterPlay {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            retention_permille_per_raid: 0, 1_000;
            poach_back_permille_per_raid: 0, 1_000;
            poach_back_premium_pct: 0, 1_000;
            rush_kgpu: 0, 100_000;
            rush_permille: 0, 1_000;
            dependency_raise_permille: 0, 1_000;
            dependency_cut_from: 0, 50;
            dependency_cut_permille: 0, 1_000;
            cut_months: 0, 24;
        );
    }
}

impl GpuSupply {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            quarter_supply: 0, 100_000;
            market_pct_per_100k: 0, 100;
            buyer_pct_per_100k: 0, 100;
            // A divisor: a data centre's build months are its size over this.
            build_kgpu_per_month: 1, 100_000;
        );
    }
}

impl RiskCurve {
    pub fn check(&self, c: &mut RangeCheck) {
        ranges!(c, self;
            incident_scale: 0, 100;
            // A divisor: the catastrophe chance is risk cubed times progress squared over this.
            catastrophe_div: 1, 1_000_000_000;
            spread_max_pct: 0, 100;
            spread_per_review_tenths: 0, 100;
            spread_min_pct: 0, 100;
        );
        c.order(
            ("spread_min_pct", self.spread_min_pct),
            ("spread_max_pct", self.spread_max_pct),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> BalanceDef {
        crate::content::parse(
            "assets/balance.ron",
            include_str!("../../assets/balance.ron"),
        )
        .expect("the shipped balance parses")
    }

    #[test]
    fn the_shipped_balance_is_in_range() {
        assert_eq!(shipped().problems(), Vec::new());
    }

    #[test]
    fn a_number_out_of_range_is_named_with_its_range() {
        let mut b = shipped();
        b.actions.licence_raise_gap = u16::MAX;
        let problems = b.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "actions.licence_raise_gap");
        assert_eq!(
            problems[0].message,
            "balance.actions.licence_raise_gap is 65535, it must be between 0 and 120"
        );
    }

    #[test]
    fn the_ends_of_a_clamp_must_be_in_order() {
        let mut b = shipped();
        b.hiring.min_chance = 900;
        b.hiring.max_chance = 100;
        let problems = b.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "hiring.min_chance");
        assert!(
            problems[0]
                .message
                .contains("above balance.hiring.max_chance (100)")
        );
        b.rivals.leader.cut_months = u8::MAX;
        assert_eq!(b.problems()[1].path, "rivals.leader.cut_months");
    }
}
