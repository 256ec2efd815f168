//! State-dependent rule lists: a strategy that plays one parameter set of the priority policy
//! while a condition on the state holds and another otherwise ("hire hard while behind, build
//! compute while the budget holds two months of income, review only past progress 50").
//!
//! A plan is a list of rules, each a list of conditions and the parameters played while all
//! of them hold; the first rule that holds wins, and `otherwise` plays when none does. A plan
//! without rules is the plain priority policy. The balance search (`ai-race tune`) climbs
//! over plans, so a strategy that only wins by changing course part-way is found too.

use serde::{Deserialize, Serialize};

use super::super::intel;
use super::super::state::{GameState, LabId};
use super::params::Params;

/// A condition on the player's state. Progress and lead are whole points, the budget is
/// counted in months of the current income, risk in its own points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cond {
    /// The month of the campaign (0 is the first) is at least this.
    MonthAtLeast(u16),
    /// The month of the campaign is below this.
    MonthBelow(u16),
    /// The player's overall progress is at least this many points.
    ProgressAtLeast(i32),
    ProgressBelow(i32),
    /// The player's progress minus the best rival's, in points, is at least this (negative:
    /// behind by at most that much).
    LeadAtLeast(i32),
    LeadBelow(i32),
    /// The budget holds at least this many months of income.
    BudgetMonthsAtLeast(i32),
    BudgetMonthsBelow(i32),
    /// Risk is at least this.
    RiskAtLeast(i32),
    RiskBelow(i32),
}

impl Cond {
    /// Whether the condition holds for the player now.
    pub fn holds(self, state: &GameState) -> bool {
        match self {
            Cond::MonthAtLeast(m) => state.month >= m,
            Cond::MonthBelow(m) => state.month < m,
            Cond::ProgressAtLeast(p) => progress_points(state) >= p,
            Cond::ProgressBelow(p) => progress_points(state) < p,
            Cond::LeadAtLeast(l) => lead_points(state) >= l,
            Cond::LeadBelow(l) => lead_points(state) < l,
            Cond::BudgetMonthsAtLeast(m) => budget_months(state) >= m,
            Cond::BudgetMonthsBelow(m) => budget_months(state) < m,
            Cond::RiskAtLeast(r) => state.player().risk >= r,
            Cond::RiskBelow(r) => state.player().risk < r,
        }
    }
}

fn progress_points(state: &GameState) -> i32 {
    state.player().progress().points()
}

/// The player's progress minus the best rival's as the player sees it (the rivals' estimated
/// progress, see `intel.rs`), in whole points (rounded toward zero).
pub fn lead_points(state: &GameState) -> i32 {
    let own = state.player().progress().0;
    let best = (1..state.labs.len() as LabId)
        .map(|id| intel::seen_progress(state, id).0)
        .max()
        .unwrap_or(0);
    own.saturating_sub(best) / 1000
}

/// The budget in whole months of income: a budget at or below zero is 0 months, an income at
/// or below zero with money in the bank counts as many months (99).
pub fn budget_months(state: &GameState) -> i32 {
    let p = state.player();
    if p.budget <= 0 {
        0
    } else if p.income <= 0 {
        99
    } else {
        (p.budget / p.income).clamp(0, 99) as i32
    }
}

/// One rule: while every condition holds, play `then`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub when: Vec<Cond>,
    pub then: Params,
}

impl Rule {
    pub fn holds(&self, state: &GameState) -> bool {
        self.when.iter().all(|c| c.holds(state))
    }
}

/// A state-dependent rule list: the first rule that holds decides the parameters, else
/// `otherwise`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Plan {
    pub rules: Vec<Rule>,
    pub otherwise: Params,
}

impl Plan {
    /// A plan that always plays `params`.
    pub fn fixed(params: Params) -> Plan {
        Plan {
            rules: Vec::new(),
            otherwise: params,
        }
    }

    /// The parameters that play in this state.
    pub fn params_for(&self, state: &GameState) -> &Params {
        self.rules
            .iter()
            .find(|r| r.holds(state))
            .map_or(&self.otherwise, |r| &r.then)
    }
}
