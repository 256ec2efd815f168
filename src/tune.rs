//! The balance search: hill-climbing over the parameters of the priority policy, to find the
//! strongest scripted strategy the rules allow. A strategy that wins far more than the shipped
//! ones means the game has an easy answer; the search shows where.
//!
//! Each candidate plays the same games (common seeds), so two candidates differ only by their
//! decisions. The best is then measured again on fresh games: the seeds `ai-race sim` uses for
//! the run's `--seed`, so the printed figure can be reproduced with `sim --policy-file`.
//! Everything is deterministic from the seed; the clock is only read for the elapsed time.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::game::data::Content;
use crate::game::policy::{
    Action, ChoicePref, HirePref, Params, Plan, Policy, StagePref, Strategy, TechPref,
};
use crate::game::rng::Pcg32;
use crate::sim::{self, SimSummary};

mod moves;
pub use moves::{neighbour_plan, random_plan};

/// How hard to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Games per candidate during the search.
    pub games: u32,
    /// Candidates evaluated in all (each costs `games` games).
    pub evals: u32,
    /// Climbs from a fresh start: from `balanced`, then the archetypes (talent-first,
    /// adopt-first, pipeline-first, compute-first, reckless), then random parameters.
    pub restarts: u32,
    /// The run's seed.
    pub seed: u64,
}

/// A candidate's standing during the search: wins first, mean score to break ties.
pub type Fitness = (u32, i64);

/// What the search found.
#[derive(Debug, Clone)]
pub struct Found {
    pub best: Plan,
    /// The best's wins on the search games.
    pub fitness: Fitness,
    /// Its wins (and summed mean scores) on the search games and the check games together:
    /// the climbs' results are chosen among by this.
    pub checked: Fitness,
    /// Candidates actually played.
    pub evals: u32,
    /// Each improvement: (evaluation number, restart, wins on the search games).
    pub trail: Vec<(u32, u32, u32)>,
}

/// The seed of the search games: not the one the final measurement uses.
pub fn search_seed(seed: u64) -> u64 {
    Pcg32::new(seed, 0x7E_5EA2C4).next_u64()
}

/// The strategy a plan is: the plain priority policy when it has no rules (so its games are
/// exactly those of the parameters alone), else the rule list.
pub fn strategy_of(plan: &Plan) -> Strategy {
    if plan.rules.is_empty() {
        Strategy::Priority(plan.otherwise.clone())
    } else {
        Strategy::Plan(plan.clone())
    }
}

/// The seed of the check games the climbs' results are compared on once more.
pub fn check_seed(seed: u64) -> u64 {
    Pcg32::new(seed, 0x7E_5EA2C6).next_u64()
}

/// Plays the search games of one candidate.
fn fitness(
    content: &Arc<Content>,
    plan: &Plan,
    games: u32,
    seed: u64,
    world: Option<u64>,
) -> Fitness {
    let s = sim::run_strategy(content, &strategy_of(plan), games, seed, world);
    (s.wins, s.mean_score)
}

/// Hill-climbing with random restarts. `progress` hears one line per improvement.
pub fn search(
    content: &Arc<Content>,
    world: Option<u64>,
    budget: Budget,
    progress: &mut dyn FnMut(&str),
) -> Found {
    let mut rng = Pcg32::new(budget.seed, 0x7E_5EA2C5);
    let ranges = Ranges::of(content);
    let mut seen: BTreeMap<String, Fitness> = BTreeMap::new();
    let mut evals = 0u32;
    let mut eval = |p: &Plan, evals: &mut u32| -> Option<Fitness> {
        let key = plan_to_ron(p);
        if let Some(f) = seen.get(&key) {
            return Some(*f);
        }
        if *evals >= budget.evals {
            return None;
        }
        *evals += 1;
        let f = fitness(content, p, budget.games, search_seed(budget.seed), world);
        seen.insert(key, f);
        Some(f)
    };
    let restarts = budget.restarts.max(1);
    // Two thirds of the budget for the climbs from fresh starts, the rest to climb on from the
    // best of them.
    let climbs_budget = (budget.evals * 2 / 3).max(restarts.min(budget.evals));
    let mut finalists: Vec<(Plan, Fitness)> = Vec::new();
    let mut best_fit = (0, i64::MIN);
    let mut trail = Vec::new();
    let mut climb = |r: u32,
                     start: Plan,
                     stop: u32,
                     evals: &mut u32,
                     best_fit: &mut Fitness,
                     finalists: &mut Vec<(Plan, Fitness)>,
                     rng: &mut Pcg32| {
        let Some(mut fit) = eval(&start, evals) else {
            return;
        };
        finalists.push((start.clone(), fit));
        let mut current = start;
        // Neighbours already seen cost nothing; a cap keeps a climb stuck on a
        // well-explored peak from spinning.
        let mut tries = 0u32;
        while *evals < stop && tries < budget.evals.saturating_mul(20) {
            tries += 1;
            let mut next = moves::neighbour_plan(&current, rng, &ranges);
            // Now and then two steps at once, to cross a valley one step cannot.
            if rng.chance_permille(150) {
                next = moves::neighbour_plan(&next, rng, &ranges);
            }
            let Some(f) = eval(&next, evals) else {
                break;
            };
            // Equal standing is accepted too, so a climb can cross a plateau.
            if f >= fit {
                current = next;
                fit = f;
                if fit > *best_fit {
                    *best_fit = fit;
                    trail.push((*evals, r, fit.0));
                    progress(&format!(
                        "eval {evals:>4} (climb {}): {} of {} games won",
                        r + 1,
                        fit.0,
                        budget.games
                    ));
                }
            }
        }
        finalists.push((current, fit));
    };
    for r in 0..restarts {
        let share = climbs_budget / restarts + u32::from(r < climbs_budget % restarts);
        let stop = (evals + share).min(budget.evals);
        let start = match STARTS.get(r as usize).and_then(|p| p.params()) {
            Some(p) => Plan::fixed(p),
            None => moves::random_plan(&mut rng, &ranges),
        };
        climb(
            r,
            start,
            stop,
            &mut evals,
            &mut best_fit,
            &mut finalists,
            &mut rng,
        );
    }
    if let Some((top, _)) = finalists.iter().max_by_key(|(_, f)| *f).cloned() {
        climb(
            restarts,
            top,
            budget.evals,
            &mut evals,
            &mut best_fit,
            &mut finalists,
            &mut rng,
        );
    }
    // The climbs' best are chosen among on their search games and as many games more, so
    // the one that only got lucky on the search games does not win.
    let mut best = (Plan::default(), (0, i64::MIN), (0, i64::MIN));
    let mut checked: BTreeMap<String, Fitness> = BTreeMap::new();
    for (plan, fit) in finalists {
        let key = plan_to_ron(&plan);
        let check = *checked.entry(key).or_insert_with(|| {
            fitness(content, &plan, budget.games, check_seed(budget.seed), world)
        });
        let both = (fit.0 + check.0, fit.1 + check.1);
        if both > best.2 {
            best = (plan, fit, both);
        }
    }
    Found {
        best: best.0,
        fitness: best.1,
        checked: best.2,
        evals,
        trail,
    }
}

/// Where the climbs start, before random starting points.
const STARTS: [Policy; 6] = [
    Policy::Balanced,
    Policy::TalentFirst,
    Policy::AdoptFirst,
    Policy::PipelineFirst,
    Policy::ComputeFirst,
    Policy::Reckless,
];

const HIRES: [HirePref; 3] = [
    HirePref::WeakestTrack,
    HirePref::BestSkill,
    HirePref::Cheapest,
];
const TECHS: [TechPref; 3] = [
    TechPref::Fastest,
    TechPref::Cheapest,
    TechPref::WeakestTrack,
];
const STAGES: [StagePref; 3] = [StagePref::InOrder, StagePref::Fastest, StagePref::Biggest];
const CHOICES: [ChoicePref; 2] = [ChoicePref::First, ChoicePref::Cheapest];

/// A searched range: (low, high, step).
pub type Range = (i64, i64, i64);

/// The searched range of each number. The ones the rules limit (offers, leases, data centres,
/// moves a month) reach the rules' own limits, so the search is never held back by a cap
/// tighter than the game's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranges {
    pub safety: Range,
    pub morale: Range,
    pub offer: Range,
    pub reserve: Range,
    pub split: Range,
    pub lease: Range,
    pub data_centre: Range,
    /// The highest limit of moves of one kind a month it tries (beyond it: no limit).
    pub per_month: u8,
    /// Months of the campaign, for conditions on the month.
    pub months: u16,
}

impl Default for Ranges {
    fn default() -> Self {
        Ranges {
            safety: (0, 100, 5),
            morale: (0, 105, 5),
            offer: (50, 300, 10),
            reserve: (0, 12, 1),
            split: (1, 10, 1),
            lease: (10, 200, 10),
            data_centre: (10, 400, 10),
            per_month: 6,
            months: 39,
        }
    }
}

impl Ranges {
    /// The ranges for a content's rules.
    pub fn of(content: &Content) -> Ranges {
        let b = &content.balance;
        let up_to = |max: u32| (10, i64::from(max.max(10)), 10);
        let offer_lo = i64::from(b.actions.offer_min_pct).max(1);
        Ranges {
            offer: (
                offer_lo,
                i64::from(b.actions.offer_max_pct).max(offer_lo),
                10,
            ),
            lease: up_to(b.compute.max_lease),
            data_centre: up_to(b.compute.max_data_centre),
            months: content.scenario.months.max(1),
            ..Ranges::default()
        }
    }
}

fn pick_in(rng: &mut Pcg32, (lo, hi, step): (i64, i64, i64)) -> i64 {
    lo + rng.range(0, (hi - lo) / step) * step
}

/// A step of one to four notches up or down, or now and then a jump anywhere in the range.
fn nudge(rng: &mut Pcg32, value: i64, range: (i64, i64, i64)) -> i64 {
    let (lo, hi, step) = range;
    if rng.chance_permille(200) {
        return pick_in(rng, range);
    }
    let by = step * rng.range(1, 4);
    let by = if rng.below(2) == 0 { -by } else { by };
    (value + by).clamp(lo, hi)
}

fn other<T: Copy + PartialEq>(rng: &mut Pcg32, all: &[T], now: T) -> T {
    let rest: Vec<T> = all.iter().copied().filter(|x| *x != now).collect();
    rng.pick(rest.len()).map_or(now, |i| rest[i])
}

/// A random starting point: a random subset of the action kinds in a random order and random
/// thresholds.
pub fn random_params(rng: &mut Pcg32) -> Params {
    random_params_in(rng, &Ranges::default())
}

/// [`random_params`] within `r`.
pub fn random_params_in(rng: &mut Pcg32, r: &Ranges) -> Params {
    let mut order: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|_| rng.chance_permille(750))
        .collect();
    for i in (1..order.len()).rev() {
        let j = rng.below(i as u32 + 1) as usize;
        order.swap(i, j);
    }
    Params {
        order,
        rotate: rng.chance_permille(100),
        safety_risk: pick_in(rng, r.safety) as i32,
        morale_floor: pick_in(rng, r.morale) as i32,
        offer_pct: pick_in(rng, r.offer) as u32,
        reserve_months: pick_in(rng, r.reserve),
        hire: HIRES[rng.below(3) as usize],
        tech: TECHS[rng.below(3) as usize],
        stage: STAGES[rng.below(3) as usize],
        choice: CHOICES[rng.below(2) as usize],
        compute_split: pick_in(rng, r.split),
        lease_k: pick_in(rng, r.lease) as u32,
        data_centre_max_k: pick_in(rng, r.data_centre) as u32,
        match_poach: rng.below(2) == 0,
        max_per_month: BTreeMap::new(),
        skip_review_stages: rng.below(2) == 0,
        intel_months: rng.range(1, 12) as u16,
    }
}

/// One coordinate move: a step on one number, another value of one choice, or one change to
/// the order (swap two neighbours, move one to the front, drop one, add a missing one), or
/// one kind's monthly limit (none, or 1 up to `per_month`).
pub fn neighbour(p: &Params, rng: &mut Pcg32) -> Params {
    neighbour_in(p, rng, &Ranges::default())
}

/// [`neighbour`] within `r`.
pub fn neighbour_in(p: &Params, rng: &mut Pcg32, r: &Ranges) -> Params {
    let mut n = p.clone();
    match rng.below(20) {
        0..=3 => {
            let len = n.order.len();
            match rng.below(4) {
                0 if len >= 2 => {
                    let i = rng.below(len as u32 - 1) as usize;
                    n.order.swap(i, i + 1);
                }
                1 if len >= 2 => {
                    let i = rng.below(len as u32) as usize;
                    let a = n.order.remove(i);
                    n.order.insert(0, a);
                }
                2 if len >= 1 => {
                    let i = rng.below(len as u32) as usize;
                    n.order.remove(i);
                }
                _ => {
                    let missing: Vec<Action> = Action::ALL
                        .into_iter()
                        .filter(|a| !n.order.contains(a))
                        .collect();
                    if let Some(i) = rng.pick(missing.len()) {
                        let at = rng.below(len as u32 + 1) as usize;
                        n.order.insert(at, missing[i]);
                    }
                }
            }
        }
        4 => n.safety_risk = nudge(rng, i64::from(n.safety_risk), r.safety) as i32,
        5 => n.morale_floor = nudge(rng, i64::from(n.morale_floor), r.morale) as i32,
        6 => n.offer_pct = nudge(rng, i64::from(n.offer_pct), r.offer) as u32,
        7 => n.reserve_months = nudge(rng, n.reserve_months, r.reserve),
        8 => n.hire = other(rng, &HIRES, n.hire),
        9 => n.tech = other(rng, &TECHS, n.tech),
        10 => n.stage = other(rng, &STAGES, n.stage),
        11 => n.choice = other(rng, &CHOICES, n.choice),
        12 => n.compute_split = nudge(rng, n.compute_split, r.split),
        13 => n.lease_k = nudge(rng, i64::from(n.lease_k), r.lease) as u32,
        14 => n.match_poach = !n.match_poach,
        15 => {
            let a = Action::ALL[rng.below(Action::ALL.len() as u32) as usize];
            match rng.below(u32::from(r.per_month) + 1) as u8 {
                0 => n.max_per_month.remove(&a),
                cap => n.max_per_month.insert(a, cap),
            };
        }
        16 => n.skip_review_stages = !n.skip_review_stages,
        17 => {
            n.data_centre_max_k = nudge(rng, i64::from(n.data_centre_max_k), r.data_centre) as u32;
        }
        18 => n.intel_months = nudge(rng, i64::from(n.intel_months), (1, 18, 1)) as u16,
        _ => n.rotate = !n.rotate,
    }
    n
}

/// The parameters as RON, in the form `sim --policy-file` and `sim --params` read back.
pub fn to_ron(p: &Params) -> String {
    ron::ser::to_string_pretty(p, ron::ser::PrettyConfig::default().new_line("\n"))
        .unwrap_or_default()
}

/// A plan as RON: a plan without rules is printed as its parameters alone (the older form).
pub fn plan_to_ron(p: &Plan) -> String {
    if p.rules.is_empty() {
        return to_ron(&p.otherwise);
    }
    ron::ser::to_string_pretty(p, ron::ser::PrettyConfig::default().new_line("\n"))
        .unwrap_or_default()
}

/// Reads parameters written as RON (fields left out keep `balanced`'s values).
pub fn parse_params(file: &str, text: &str) -> Result<Params, String> {
    crate::content::parse::<Params>(file, text).map_err(|e| e.to_string())
}

/// Reads a strategy file: the parameters of one priority policy (the older form, fields left
/// out keep `balanced`'s values) or a rule list (`(rules: [...], otherwise: (...))`).
pub fn parse_strategy(file: &str, text: &str) -> Result<Strategy, String> {
    match crate::content::parse::<Params>(file, text) {
        Ok(p) => Ok(Strategy::Priority(p)),
        Err(as_params) => match crate::content::parse::<Plan>(file, text) {
            Ok(plan) => Ok(Strategy::Plan(plan)),
            Err(as_plan) => {
                let looks_like_plan = text.contains("rules") || text.contains("otherwise");
                Err(if looks_like_plan { as_plan } else { as_params }.to_string())
            }
        },
    }
}

/// Sets one field of the first parameters back to the second's value.
type ResetField = fn(&mut Params, &Params);

/// How much each part of `plan` adds: the search games played with that part set back to
/// `balanced`'s value (or, for an action kind, with it left out) in the parameters it plays
/// when no rule holds, and without each of its rules. Sorted by the wins lost, largest first.
pub fn sensitivity(
    content: &Arc<Content>,
    world: Option<u64>,
    plan: &Plan,
    budget: Budget,
) -> Vec<(String, i64)> {
    let base = Params::default();
    let params = &plan.otherwise;
    let mut variants: Vec<(String, Params)> = Vec::new();
    for a in &params.order {
        let mut v = params.clone();
        v.order.retain(|x| x != a);
        variants.push((format!("without {a:?}"), v));
    }
    let fields: [(&str, ResetField); 15] = [
        ("rotate", |v, b| v.rotate = b.rotate),
        ("safety_risk", |v, b| v.safety_risk = b.safety_risk),
        ("morale_floor", |v, b| v.morale_floor = b.morale_floor),
        ("offer_pct", |v, b| v.offer_pct = b.offer_pct),
        ("reserve_months", |v, b| v.reserve_months = b.reserve_months),
        ("hire", |v, b| v.hire = b.hire),
        ("tech", |v, b| v.tech = b.tech),
        ("stage", |v, b| v.stage = b.stage),
        ("choice", |v, b| v.choice = b.choice),
        ("compute_split", |v, b| v.compute_split = b.compute_split),
        ("lease_k", |v, b| v.lease_k = b.lease_k),
        ("match_poach", |v, b| v.match_poach = b.match_poach),
        ("data_centre_max_k", |v, b| {
            v.data_centre_max_k = b.data_centre_max_k
        }),
        ("max_per_month", |v, b| {
            v.max_per_month = b.max_per_month.clone()
        }),
        ("intel_months", |v, b| v.intel_months = b.intel_months),
    ];
    for (name, set) in fields {
        let mut v = params.clone();
        set(&mut v, &base);
        if v != *params {
            variants.push((format!("{name} as in balanced"), v));
        }
    }
    let mut plans: Vec<(String, Plan)> = variants
        .into_iter()
        .map(|(name, v)| {
            (
                name,
                Plan {
                    rules: plan.rules.clone(),
                    otherwise: v,
                },
            )
        })
        .collect();
    for i in 0..plan.rules.len() {
        let mut v = plan.clone();
        v.rules.remove(i);
        plans.push((format!("without rule {}", i + 1), v));
    }
    let own = fitness(content, plan, budget.games, search_seed(budget.seed), world).0;
    let mut out: Vec<(String, i64)> = plans
        .into_iter()
        .map(|(name, v)| {
            let wins = fitness(content, &v, budget.games, search_seed(budget.seed), world).0;
            (name, i64::from(own) - i64::from(wins))
        })
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// One row of the results table: a name and what its games came to.
pub type Row = (String, SimSummary);

/// Measures every named policy (and any extra rows) for the Markdown table of BALANCE.md.
pub fn named_rows(content: &Arc<Content>, world: Option<u64>, games: u32, seed: u64) -> Vec<Row> {
    Policy::ALL
        .iter()
        .map(|p| {
            (
                p.name().to_string(),
                sim::run_strategy(content, &p.strategy(), games, seed, world),
            )
        })
        .collect()
}

/// The Markdown table of policies: win rate, lengths, stalls and every ending.
pub fn markdown_table(rows: &[Row]) -> String {
    let mut out =
        String::from("| policy | win rate | median months | median win months | stalled |");
    let keys = crate::game::state::Ending::KEYS;
    for k in keys {
        out.push_str(&format!(" {k} |"));
    }
    out.push_str("\n| --- | ---: | ---: | ---: | ---: |");
    for _ in keys {
        out.push_str(" ---: |");
    }
    out.push('\n');
    for (name, s) in rows {
        let win_months = s
            .median_win_months
            .map_or_else(|| "–".to_string(), |m| m.to_string());
        out.push_str(&format!(
            "| {name} | {:.1}% | {} / {} | {win_months} | {} |",
            s.win_rate() * 100.0,
            s.median_months,
            s.campaign_months,
            s.stalled
        ));
        for k in keys {
            out.push_str(&format!(" {} |", s.ending(k)));
        }
        out.push('\n');
    }
    out
}
