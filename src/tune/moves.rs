//! The search's moves over rule lists: random plans and one-step neighbours. A neighbour
//! changes one parameter of one of the plan's parameter sets, one threshold of one condition,
//! or the list itself (a rule added, dropped or moved up, a condition added or dropped).

use crate::game::policy::{Cond, Plan, Rule};
use crate::game::rng::Pcg32;

use super::{Range, Ranges, neighbour_in, nudge, pick_in, random_params_in};

/// Most rules a plan the search builds holds, and most conditions per rule: enough for "early /
/// late" and "ahead / behind" lines, few enough to stay readable.
pub const MAX_RULES: usize = 3;
pub const MAX_CONDS: usize = 2;

/// The searched range of a condition's threshold.
fn cond_range(c: Cond, r: &Ranges) -> Range {
    match c {
        Cond::MonthAtLeast(_) | Cond::MonthBelow(_) => (1, i64::from(r.months), 1),
        Cond::ProgressAtLeast(_) | Cond::ProgressBelow(_) => (5, 95, 5),
        Cond::LeadAtLeast(_) | Cond::LeadBelow(_) => (-20, 20, 2),
        Cond::BudgetMonthsAtLeast(_) | Cond::BudgetMonthsBelow(_) => (0, 12, 1),
        Cond::RiskAtLeast(_) | Cond::RiskBelow(_) => (5, 95, 5),
    }
}

fn threshold(c: Cond) -> i64 {
    match c {
        Cond::MonthAtLeast(m) | Cond::MonthBelow(m) => i64::from(m),
        Cond::ProgressAtLeast(v)
        | Cond::ProgressBelow(v)
        | Cond::LeadAtLeast(v)
        | Cond::LeadBelow(v)
        | Cond::BudgetMonthsAtLeast(v)
        | Cond::BudgetMonthsBelow(v)
        | Cond::RiskAtLeast(v)
        | Cond::RiskBelow(v) => i64::from(v),
    }
}

fn with_threshold(c: Cond, v: i64) -> Cond {
    let m = v.clamp(0, i64::from(u16::MAX)) as u16;
    let v = v as i32;
    match c {
        Cond::MonthAtLeast(_) => Cond::MonthAtLeast(m),
        Cond::MonthBelow(_) => Cond::MonthBelow(m),
        Cond::ProgressAtLeast(_) => Cond::ProgressAtLeast(v),
        Cond::ProgressBelow(_) => Cond::ProgressBelow(v),
        Cond::LeadAtLeast(_) => Cond::LeadAtLeast(v),
        Cond::LeadBelow(_) => Cond::LeadBelow(v),
        Cond::BudgetMonthsAtLeast(_) => Cond::BudgetMonthsAtLeast(v),
        Cond::BudgetMonthsBelow(_) => Cond::BudgetMonthsBelow(v),
        Cond::RiskAtLeast(_) => Cond::RiskAtLeast(v),
        Cond::RiskBelow(_) => Cond::RiskBelow(v),
    }
}

/// A condition of a random kind with a random threshold in its range.
pub fn random_cond(rng: &mut Pcg32, r: &Ranges) -> Cond {
    let kind = match rng.below(10) {
        0 => Cond::MonthAtLeast(0),
        1 => Cond::MonthBelow(0),
        2 => Cond::ProgressAtLeast(0),
        3 => Cond::ProgressBelow(0),
        4 => Cond::LeadAtLeast(0),
        5 => Cond::LeadBelow(0),
        6 => Cond::BudgetMonthsAtLeast(0),
        7 => Cond::BudgetMonthsBelow(0),
        8 => Cond::RiskAtLeast(0),
        _ => Cond::RiskBelow(0),
    };
    with_threshold(kind, pick_in(rng, cond_range(kind, r)))
}

/// A random starting plan: random parameters, and now and then one rule of random parameters
/// under one random condition.
pub fn random_plan(rng: &mut Pcg32, r: &Ranges) -> Plan {
    let otherwise = random_params_in(rng, r);
    let mut plan = Plan::fixed(otherwise);
    if rng.chance_permille(500) {
        plan.rules.push(Rule {
            when: vec![random_cond(rng, r)],
            then: random_params_in(rng, r),
        });
    }
    plan
}

/// One step from `plan`.
pub fn neighbour_plan(plan: &Plan, rng: &mut Pcg32, r: &Ranges) -> Plan {
    let mut n = plan.clone();
    let rules = n.rules.len();
    let roll = rng.below(100);
    if roll < 60 || (rules == 0 && roll >= 75) {
        // A parameter of one of the parameter sets.
        let i = rng.below(rules as u32 + 1) as usize;
        match n.rules.get_mut(i) {
            Some(rule) => rule.then = neighbour_in(&rule.then, rng, r),
            None => n.otherwise = neighbour_in(&n.otherwise, rng, r),
        }
    } else if roll < 75 && rules < MAX_RULES {
        // A new rule: a step away from what plays otherwise (or a fresh set), under one
        // condition, placed anywhere in the list.
        let then = if rng.chance_permille(700) {
            neighbour_in(&n.otherwise, rng, r)
        } else {
            random_params_in(rng, r)
        };
        let at = rng.below(rules as u32 + 1) as usize;
        n.rules.insert(
            at,
            Rule {
                when: vec![random_cond(rng, r)],
                then,
            },
        );
    } else if rules == 0 {
        n.otherwise = neighbour_in(&n.otherwise, rng, r);
    } else {
        let i = rng.below(rules as u32) as usize;
        match rng.below(6) {
            // A threshold moves (most often).
            0..=2 => {
                let rule = &mut n.rules[i];
                if let Some(j) = rng.pick(rule.when.len()) {
                    let c = rule.when[j];
                    rule.when[j] = with_threshold(c, nudge(rng, threshold(c), cond_range(c, r)));
                }
            }
            3 => {
                let rule = &mut n.rules[i];
                if rule.when.len() < MAX_CONDS {
                    rule.when.push(random_cond(rng, r));
                } else if let Some(j) = rng.pick(rule.when.len()) {
                    rule.when[j] = random_cond(rng, r);
                }
            }
            4 if i > 0 => n.rules.swap(i, i - 1),
            _ => {
                let rule = &mut n.rules[i];
                if rule.when.len() > 1 {
                    let j = rng.below(rule.when.len() as u32) as usize;
                    rule.when.remove(j);
                } else {
                    n.rules.remove(i);
                }
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_stay_within_the_limits() {
        let r = Ranges::default();
        let mut rng = Pcg32::new(3, 4);
        let mut plan = random_plan(&mut rng, &r);
        for _ in 0..2_000 {
            plan = neighbour_plan(&plan, &mut rng, &r);
            assert!(plan.rules.len() <= MAX_RULES);
            for rule in &plan.rules {
                assert!(!rule.when.is_empty() && rule.when.len() <= MAX_CONDS);
                for c in &rule.when {
                    let (lo, hi, _) = cond_range(*c, &r);
                    assert!((lo..=hi).contains(&threshold(*c)), "{c:?}");
                }
            }
            for p in plan.rules.iter().map(|x| &x.then).chain([&plan.otherwise]) {
                assert!(p.data_centre_max_k <= 400 && p.offer_pct <= 300);
                assert!(p.max_per_month.values().all(|c| *c <= r.per_month));
            }
        }
    }
}
