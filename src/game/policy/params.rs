//! The parameterised priority policy: a list of action kinds in order of priority plus the
//! thresholds that decide when each is worth taking. Every shipped scripted strategy is one
//! fixed set of these parameters, and the balance search (`ai-race tune`) looks for the
//! strongest set.
//!
//! Costs come from the rules (`rules::cost`) and every move is checked with `rules::check`
//! before it is proposed, so the policy keeps working when the rules' numbers change.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::super::command::Command;
use super::super::data::{Content, Role, TechDef};
use super::super::rules;
use super::super::state::{ChoiceSource, GameState, PLAYER, ProjectKind};

/// One kind of move the priority policy can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Action {
    /// A safety review, when risk has reached `safety_risk`.
    Safety,
    /// The next pipeline stage (one at a time), chosen by `stage`.
    Pipeline,
    /// Switch off legacy systems once something replaces them.
    Retire,
    /// License a tech not yet in use (one integration at a time), chosen by `tech`.
    Adopt,
    /// Build an adopted tech in-house (one build at a time).
    Build,
    /// An offer to a research candidate, chosen by `hire`, at `offer_pct` of the ask.
    Hire,
    /// Look after the team when morale is below `morale_floor`.
    Morale,
    /// Ship AI into the apps.
    ShipAi,
    /// A data centre with one `compute_split`-th of the spare budget.
    DataCentre,
    /// Lease `lease_k` thousand GPUs when no lease runs.
    Lease,
    /// An open-weights release.
    OpenRelease,
    /// The scenario's deals, when affordable.
    Deal,
    /// Intelligence on the rivals, when the oldest estimate is `intel_months` old.
    Intel,
}

impl Action {
    /// Every kind, in the order the `everything` strategy takes them.
    pub const ALL: [Action; 13] = [
        Action::Safety,
        Action::Pipeline,
        Action::Retire,
        Action::Adopt,
        Action::Build,
        Action::Hire,
        Action::Morale,
        Action::ShipAi,
        Action::DataCentre,
        Action::Lease,
        Action::OpenRelease,
        Action::Deal,
        Action::Intel,
    ];
}

/// Which research candidate to make an offer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HirePref {
    /// Skill, a bonus for the lab's weakest track and for stars.
    WeakestTrack,
    /// Skill and a bonus for stars, whatever the track.
    BestSkill,
    /// The lowest ask.
    Cheapest,
}

/// Which catalogue tech to adopt next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TechPref {
    /// The largest research speed-up.
    Fastest,
    /// The lowest adoption cost.
    Cheapest,
    /// One that helps the weakest track, then the fastest.
    WeakestTrack,
}

/// Which pipeline stage to start next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StagePref {
    /// The content's order.
    InOrder,
    /// The one that takes the fewest months.
    Fastest,
    /// The one with the largest deploy speed-up.
    Biggest,
}

/// How to answer an event's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChoicePref {
    /// The first option the rules allow (the content writes the measured answer first).
    First,
    /// The allowed option that costs the least money up front.
    Cheapest,
    /// The allowed option that slows research least: no pause, the least review, whatever
    /// the risk (how a reckless CEO answers).
    Bold,
}

/// The parameters of the priority policy. Fields left out of a RON file take the values of
/// `balanced`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    /// Action kinds in order of priority; kinds left out are never taken.
    pub order: Vec<Action>,
    /// Take the kinds in turn, starting one further each week, instead of always the first
    /// allowed (the `everything` strategy).
    pub rotate: bool,
    /// Risk at which a safety review is bought.
    pub safety_risk: i32,
    /// Morale below which the team is looked after.
    pub morale_floor: i32,
    /// Offers at this percentage of the ask (capped by the rules' range).
    pub offer_pct: u32,
    /// Months of income kept in reserve before spending on hires, tech, compute and deals.
    pub reserve_months: i64,
    pub hire: HirePref,
    pub tech: TechPref,
    pub stage: StagePref,
    pub choice: ChoicePref,
    /// One data centre gets the budget above twice the reserve divided by this (1: all of it,
    /// 3: a third).
    pub compute_split: i64,
    /// Thousands of GPUs leased at a time.
    pub lease_k: u32,
    /// The largest data centre it orders, in thousands of GPUs (the rules' own limit still
    /// applies).
    pub data_centre_max_k: u32,
    /// Match a rival's offer for one of our people when it costs under half the budget.
    pub match_poach: bool,
    /// The most moves of a kind in one month (kinds not named: no limit), so a lever that
    /// leads does not take every week.
    pub max_per_month: BTreeMap<Action, u8>,
    /// Never start a pipeline stage that only strengthens safety review, without faster
    /// deploys (the reckless sprint).
    #[serde(default)]
    pub skip_review_stages: bool,
    /// Months after which the rivals' estimates are old enough for intelligence
    /// (`Action::Intel`).
    pub intel_months: u16,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            order: vec![
                Action::Safety,
                Action::Pipeline,
                Action::Retire,
                Action::Adopt,
                Action::Hire,
                Action::DataCentre,
                Action::Lease,
                Action::Build,
                Action::Morale,
                Action::ShipAi,
                Action::Deal,
            ],
            rotate: false,
            safety_risk: 45,
            morale_floor: 45,
            offer_pct: 150,
            // Cash above half a month of income goes back at a quarter's close: a reserve of
            // whole months would only be handed back.
            reserve_months: 0,
            hire: HirePref::WeakestTrack,
            tech: TechPref::Fastest,
            stage: StagePref::InOrder,
            choice: ChoicePref::First,
            compute_split: 2,
            lease_k: 50,
            data_centre_max_k: 150,
            match_poach: true,
            // One offer a month: every hire adds a salary the quarter's budget must carry, and
            // hiring faster than that runs the lab out of money (rules version 5).
            max_per_month: [(Action::Hire, 1)].into(),
            skip_review_stages: false,
            intel_months: 6,
        }
    }
}

/// Whether the player may make `command` now.
fn legal(content: &Content, state: &GameState, command: &Command) -> bool {
    rules::check(content, state, PLAYER, command).is_ok()
}

/// The answer to the pending choice: always one the rules allow.
pub fn answer(params: &Params, content: &Content, state: &GameState) -> Option<u8> {
    let pending = state.pending.as_ref()?;
    let allowed: Vec<u8> = (0..pending.options.len() as u8)
        .filter(|o| legal(content, state, &Command::Choose(*o)))
        .collect();
    if let ChoiceSource::Poach { salary, .. } = &pending.source {
        // Keep the person when the policy hires and the match costs under half the budget;
        // otherwise let them go (the second answer).
        let keep = params.match_poach && i64::from(*salary) * 2 < state.player().budget;
        let want = if keep { 0 } else { 1 };
        if allowed.contains(&want) {
            return Some(want);
        }
    }
    match params.choice {
        ChoicePref::First => allowed.first().copied(),
        ChoicePref::Cheapest => allowed
            .iter()
            .copied()
            .min_by_key(|o| rules::choice_cost(content, state, *o)),
        ChoicePref::Bold => allowed
            .iter()
            .copied()
            .min_by_key(|o| caution(content, pending, *o)),
    }
}

/// How much an event's option holds research back, for `ChoicePref::Bold`: a pause, slower
/// deploys and more review count against it; the risk it adds is not weighed at all.
fn caution(content: &Content, pending: &crate::game::state::PendingChoice, option: u8) -> i64 {
    use crate::game::data::Effect;
    let ChoiceSource::Event(e) = &pending.source else {
        return 0;
    };
    let Some(choice) = content
        .events
        .get(usize::from(*e))
        .and_then(|d| d.choices.get(usize::from(option)))
    else {
        return 0;
    };
    choice
        .effects
        .iter()
        .map(|e| match e {
            Effect::SpeedThisMonth(p) => -i64::from(*p),
            Effect::DeployPct(p) => i64::from(*p),
            Effect::Review(d) => i64::from(*d) * 2,
            Effect::DelayProjects(m) => i64::from(*m) * 10,
            _ => 0,
        })
        .sum()
}

/// The kind of move a command is, if the priority policy makes such moves.
pub fn kind_of(command: &Command) -> Option<Action> {
    Some(match command {
        Command::SafetyReview => Action::Safety,
        Command::Upgrade(_) => Action::Pipeline,
        Command::Retire(_) => Action::Retire,
        Command::Adopt(_) | Command::AdoptThenBuild(_) => Action::Adopt,
        Command::Build(_) => Action::Build,
        Command::Offer { .. } => Action::Hire,
        Command::Morale => Action::Morale,
        Command::ShipAi => Action::ShipAi,
        Command::BuildDataCentre(_) => Action::DataCentre,
        Command::LeaseCompute(_) => Action::Lease,
        Command::OpenRelease => Action::OpenRelease,
        Command::Deal(_) => Action::Deal,
        Command::Intelligence => Action::Intel,
        // Answers, the vendor's price moves, the end of the month and any command the rules
        // add later are not moves of the priority policy.
        _ => return None,
    })
}

/// The first allowed move of the priority policy this week, or `None` when it has nothing to
/// do. `this_month` holds the moves already made this month (for `max_per_month`).
pub fn next_move(
    params: &Params,
    content: &Content,
    state: &GameState,
    this_month: &[Command],
) -> Option<Command> {
    let n = params.order.len();
    if n == 0 {
        return None;
    }
    let start = if params.rotate {
        let p = state.player();
        let week = usize::from(state.month) * 8 + usize::from(8u8.saturating_sub(p.weeks));
        week % n
    } else {
        0
    };
    let used_up = |a: Action| {
        params.max_per_month.get(&a).is_some_and(|cap| {
            this_month.iter().filter(|c| kind_of(c) == Some(a)).count() >= usize::from(*cap)
        })
    };
    (0..n).find_map(|i| {
        let a = params.order[(start + i) % n];
        if used_up(a) {
            None
        } else {
            propose(params, a, content, state)
        }
    })
}

/// The move of one kind the policy would make now, if the rules allow it.
fn propose(
    params: &Params,
    action: Action,
    content: &Content,
    state: &GameState,
) -> Option<Command> {
    let p = state.player();
    let budget = p.budget;
    let reserve = p.income.max(0) * params.reserve_months;
    let pick = |c: Command| legal(content, state, &c).then_some(c);
    let cost = |c: &Command| rules::cost(content, state, PLAYER, c).money;
    match action {
        Action::Safety => (p.risk >= params.safety_risk)
            .then(|| pick(Command::SafetyReview))
            .flatten(),
        Action::Pipeline => {
            if p.projects
                .iter()
                .any(|pr| matches!(pr.kind, ProjectKind::Stage(_)))
            {
                return None;
            }
            let mut open: Vec<(usize, &super::super::data::StageDef)> = content
                .stages
                .iter()
                .enumerate()
                .filter(|(i, _)| !p.has_stage(*i as u16))
                .filter(|(_, s)| {
                    !(params.skip_review_stages && s.review > 0 && s.deploy_pct >= 100)
                })
                .collect();
            match params.stage {
                StagePref::InOrder => {}
                StagePref::Fastest => open.sort_by_key(|(i, s)| (s.months, *i)),
                StagePref::Biggest => {
                    open.sort_by_key(|(i, s)| (std::cmp::Reverse(s.deploy_pct), *i));
                }
            }
            open.into_iter()
                .find_map(|(_, s)| pick(Command::Upgrade(s.id.clone())))
        }
        Action::Retire => p
            .legacy
            .iter()
            .find_map(|l| pick(Command::Retire(content.legacy[usize::from(*l)].id.clone()))),
        Action::Adopt => {
            if p.tech.iter().any(|a| a.integrating > 0) {
                return None;
            }
            let weakest = p.weakest_track();
            let better = |t: &TechDef, b: &TechDef| match params.tech {
                TechPref::Fastest => t.speed_pct > b.speed_pct,
                TechPref::Cheapest => t.adopt_cost < b.adopt_cost,
                TechPref::WeakestTrack => {
                    let fit = |x: &TechDef| x.track == Some(weakest);
                    (fit(t), t.speed_pct) > (fit(b), b.speed_pct)
                }
            };
            // The preferred fresh tech it can afford; when the rules refuse that one (access
            // cut, own tech), it waits rather than settle for a worse one.
            let mut best: Option<&TechDef> = None;
            for (i, t) in content.techs.iter().enumerate() {
                // Tech that is not out yet is no reason to wait: it is not on offer.
                let out = state.month >= t.available_from
                    && p.progress().points() >= t.min_progress as i32;
                let fresh = p.tech_status(i as u16).is_none() && out;
                if fresh
                    && cost(&Command::Adopt(t.id.clone())) + reserve < budget
                    && best.is_none_or(|b| better(t, b))
                {
                    best = Some(t);
                }
            }
            best.and_then(|t| pick(Command::Adopt(t.id.clone())))
        }
        Action::Build => {
            if p.projects
                .iter()
                .any(|pr| matches!(pr.kind, ProjectKind::Build(_)))
            {
                return None;
            }
            p.tech.iter().find_map(|a| {
                let cmd = Command::Build(content.techs[usize::from(a.tech)].id.clone());
                (!a.in_house && cost(&cmd) + reserve * 2 < budget)
                    .then(|| pick(cmd))
                    .flatten()
            })
        }
        Action::Hire => hire(params, content, state, reserve),
        Action::Morale => (p.morale < params.morale_floor)
            .then(|| pick(Command::Morale))
            .flatten(),
        Action::ShipAi => pick(Command::ShipAi),
        Action::DataCentre => {
            let building = p
                .projects
                .iter()
                .any(|pr| matches!(pr.kind, ProjectKind::DataCentre(_)));
            let per_k = cost(&Command::BuildDataCentre(1)).max(1);
            if building || budget <= reserve * 3 {
                return None;
            }
            let most = i64::from(
                params
                    .data_centre_max_k
                    .min(content.balance.compute.max_data_centre),
            );
            let mut k = ((budget - reserve * 2) / params.compute_split.max(1) / per_k)
                .clamp(0, most) as u32;
            // Smaller when the rules refuse the size; at least ten thousand GPUs or nothing.
            while k >= 10 {
                if let Some(c) = pick(Command::BuildDataCentre(k)) {
                    return Some(c);
                }
                k /= 2;
            }
            None
        }
        Action::Lease => {
            let leasing = p
                .projects
                .iter()
                .any(|pr| matches!(pr.kind, ProjectKind::Lease(_)));
            let k = params.lease_k.max(1);
            let cmd = Command::LeaseCompute(k);
            // A lease is paid month by month: the whole term's bills must be affordable.
            let c = &content.balance.compute;
            let term = i64::from(k) * c.lease_monthly * i64::from(c.lease_months);
            (!leasing && term + reserve < budget)
                .then(|| pick(cmd))
                .flatten()
        }
        Action::OpenRelease => pick(Command::OpenRelease),
        Action::Intel => (super::super::intel::oldest_months(state)
            >= i32::from(params.intel_months)
            && cost(&Command::Intelligence) + reserve < budget)
            .then(|| pick(Command::Intelligence))
            .flatten(),
        Action::Deal => content.deals.iter().enumerate().find_map(|(i, d)| {
            let cmd = Command::Deal(d.id.clone());
            (cost(&cmd) * 2 + reserve < budget && !state.deals_taken.contains(&(i as u16)))
                .then(|| pick(cmd))
                .flatten()
        }),
    }
}

/// An offer to the research candidate the policy prefers, if it can afford one.
fn hire(params: &Params, content: &Content, state: &GameState, reserve: i64) -> Option<Command> {
    let p = state.player();
    let weakest = p.weakest_track();
    // The ask the market sets for this lab (raised by its memory of overpaying), within the
    // range the rules allow around the person's pay.
    let salary_for = |id: u32| {
        let ask = rules::ask(state, PLAYER, id);
        let (lo, hi) = rules::offer_range(content, state.people[id as usize].salary);
        (u64::from(ask) * u64::from(params.offer_pct) / 100).clamp(u64::from(lo), u64::from(hi))
            as u32
    };
    let value = |id: u32| -> i64 {
        let c = &state.people[id as usize];
        let star = if c.star { 40 } else { 0 };
        match params.hire {
            HirePref::WeakestTrack => {
                let fit = if c.specialty == weakest { 30 } else { 0 };
                i64::from(c.skill) + fit + star
            }
            HirePref::BestSkill => i64::from(c.skill) + star,
            HirePref::Cheapest => -i64::from(c.salary),
        }
    };
    let mut best: Option<u32> = None;
    for &id in &state.market {
        let c = &state.people[id as usize];
        if c.role != Role::Research || c.refused_month == Some(state.month) {
            continue;
        }
        if i64::from(salary_for(id)) * 2 + reserve >= p.budget {
            continue;
        }
        if best.is_none_or(|b| value(id) > value(b)) {
            best = Some(id);
        }
    }
    let id = best?;
    let cmd = Command::Offer {
        person: id,
        salary: salary_for(id),
    };
    legal(content, state, &cmd).then_some(cmd)
}
