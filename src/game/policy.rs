//! Scripted strategies that play the player's side headless: for balance checks, for the
//! simulator and for lessons ("what happens if everyone only hires?").

use super::command::Command;
use super::data::{Content, Role};
use super::rng::Pcg32;
use super::rules;
use super::state::{ChoiceSource, GameState, PLAYER, ProjectKind};

/// A scripted strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    Random,
    HireOnly,
    AdoptOnly,
    PipelineOnly,
    Hoard,
    Balanced,
    BalancedNoHire,
    BalancedNoAdopt,
    BalancedNoPipeline,
}

impl Policy {
    pub const ALL: [Policy; 9] = [
        Policy::Random,
        Policy::HireOnly,
        Policy::AdoptOnly,
        Policy::PipelineOnly,
        Policy::Hoard,
        Policy::Balanced,
        Policy::BalancedNoHire,
        Policy::BalancedNoAdopt,
        Policy::BalancedNoPipeline,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Policy::Random => "random",
            Policy::HireOnly => "hire-only",
            Policy::AdoptOnly => "adopt-only",
            Policy::PipelineOnly => "pipeline-only",
            Policy::Hoard => "hoard",
            Policy::Balanced => "balanced",
            Policy::BalancedNoHire => "balanced-no-hire",
            Policy::BalancedNoAdopt => "balanced-no-adopt",
            Policy::BalancedNoPipeline => "balanced-no-pipeline",
        }
    }

    pub fn from_name(name: &str) -> Option<Policy> {
        Policy::ALL.into_iter().find(|p| p.name() == name)
    }

    pub fn names() -> String {
        Policy::ALL.map(Policy::name).join(", ")
    }

    fn levers(self) -> Levers {
        let all = Levers {
            hire: true,
            adopt: true,
            pipeline: true,
            support: true,
        };
        let none = Levers {
            hire: false,
            adopt: false,
            pipeline: false,
            support: false,
        };
        match self {
            Policy::Balanced => all,
            Policy::BalancedNoHire => Levers { hire: false, ..all },
            Policy::BalancedNoAdopt => Levers {
                adopt: false,
                ..all
            },
            Policy::BalancedNoPipeline => Levers {
                pipeline: false,
                ..all
            },
            Policy::HireOnly => Levers { hire: true, ..none },
            Policy::AdoptOnly => Levers {
                adopt: true,
                ..none
            },
            Policy::PipelineOnly => Levers {
                pipeline: true,
                ..none
            },
            Policy::Hoard | Policy::Random => none,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Levers {
    hire: bool,
    adopt: bool,
    pipeline: bool,
    /// Compute, safety, products, morale, deals.
    support: bool,
}

/// The player's next command under `policy`, or `EndMonth` when it is done for the month.
pub fn next_command(
    policy: Policy,
    content: &Content,
    state: &GameState,
    rng: &mut Pcg32,
) -> Command {
    if let Some(p) = &state.pending {
        return Command::Choose(answer(policy, state, p.options.len(), rng));
    }
    if state.player().weeks == 0 {
        return Command::EndMonth;
    }
    let legal = |c: &Command| rules::check(content, state, PLAYER, c).is_ok();
    let found = match policy {
        Policy::Random => random_candidates(content, state, rng)
            .into_iter()
            .find(legal),
        Policy::Hoard => None,
        _ => scripted(policy.levers(), content, state, &legal),
    };
    found.unwrap_or(Command::EndMonth)
}

fn answer(policy: Policy, state: &GameState, options: usize, rng: &mut Pcg32) -> u8 {
    match (policy, state.pending.as_ref().map(|p| &p.source)) {
        (Policy::Random, _) => rng.below(options as u32) as u8,
        // Scripted players keep their stars when they hire and can pay; otherwise they take the
        // first answer, which the content writes as the measured one.
        (_, Some(ChoiceSource::Poach { salary, .. })) => {
            let keep = policy.levers().hire && i64::from(*salary) * 2 < state.player().budget;
            if keep { 0 } else { 1 }
        }
        _ => 0,
    }
}

/// The first legal move of a scripted strategy, in its order of priorities.
fn scripted(
    levers: Levers,
    content: &Content,
    state: &GameState,
    legal: &dyn Fn(&Command) -> bool,
) -> Option<Command> {
    let p = state.player();
    let budget = p.budget;
    let reserve = p.income * 2;
    let pick = |c: Command| legal(&c).then_some(c);
    if levers.support && p.risk >= 45 {
        if let Some(c) = pick(Command::SafetyReview) {
            return Some(c);
        }
    }
    if levers.pipeline
        && !p
            .projects
            .iter()
            .any(|pr| matches!(pr.kind, ProjectKind::Stage(_)))
    {
        for (i, s) in content.stages.iter().enumerate() {
            if !p.has_stage(i as u16) {
                if let Some(c) = pick(Command::Upgrade(s.id.clone())) {
                    return Some(c);
                }
            }
        }
    }
    if levers.adopt {
        // Retire what is replaced, then adopt the fastest tech not yet in use.
        for l in &p.legacy {
            if let Some(c) = pick(Command::Retire(content.legacy[usize::from(*l)].id.clone())) {
                return Some(c);
            }
        }
        if !p.tech.iter().any(|a| a.integrating > 0) {
            let mut best: Option<&super::data::TechDef> = None;
            for (i, t) in content.techs.iter().enumerate() {
                let fresh = p.tech_status(i as u16).is_none();
                if fresh
                    && t.adopt_cost + reserve < budget
                    && best.is_none_or(|b| t.speed_pct > b.speed_pct)
                {
                    best = Some(t);
                }
            }
            if let Some(c) = best.and_then(|t| pick(Command::Adopt(t.id.clone()))) {
                return Some(c);
            }
        }
        // Replace dependencies in-house once the money is there.
        if !p
            .projects
            .iter()
            .any(|pr| matches!(pr.kind, ProjectKind::Build(_)))
        {
            for a in &p.tech {
                let def = &content.techs[usize::from(a.tech)];
                if !a.in_house && def.build_cost + reserve * 2 < budget {
                    if let Some(c) = pick(Command::Build(def.id.clone())) {
                        return Some(c);
                    }
                }
            }
        }
    }
    if levers.hire {
        let weakest = p.weakest_track();
        let value = |id: u32| {
            let c = &state.people[id as usize];
            let fit = if c.specialty == weakest { 30 } else { 0 };
            u32::from(c.skill) + fit + if c.star { 40 } else { 0 }
        };
        let mut best: Option<u32> = None;
        for &id in &state.market {
            let c = &state.people[id as usize];
            if c.role != Role::Research || c.refused_month == Some(state.month) {
                continue;
            }
            let salary = (c.salary * 125 / 100).min(rules::offer_range(content, c.salary).1);
            if i64::from(salary) * 2 + reserve >= budget {
                continue;
            }
            if best.is_none_or(|b| value(id) > value(b)) {
                best = Some(id);
            }
        }
        if let Some(id) = best {
            let ask = state.people[id as usize].salary;
            let salary = (ask * 125 / 100).min(rules::offer_range(content, ask).1);
            if let Some(c) = pick(Command::Offer { person: id, salary }) {
                return Some(c);
            }
        }
    }
    if levers.support {
        if p.morale < 45 {
            if let Some(c) = pick(Command::Morale) {
                return Some(c);
            }
        }
        if let Some(c) = pick(Command::ShipAi) {
            return Some(c);
        }
        let building = p
            .projects
            .iter()
            .any(|pr| matches!(pr.kind, ProjectKind::DataCentre(_)));
        if !building && budget > reserve * 3 {
            let k = ((budget - reserve * 2) / 3 / content.balance.compute.data_centre_cost)
                .clamp(0, 150) as u32;
            if k >= 10 {
                if let Some(c) = pick(Command::BuildDataCentre(k)) {
                    return Some(c);
                }
            }
        }
        for (i, d) in content.deals.iter().enumerate() {
            if d.cost * 2 + reserve < budget && !state.deals_taken.contains(&(i as u16)) {
                if let Some(c) = pick(Command::Deal(d.id.clone())) {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// A random legal-looking move: any action with equal chance, random targets and amounts.
fn random_candidates(content: &Content, state: &GameState, rng: &mut Pcg32) -> Vec<Command> {
    let mut out = Vec::new();
    for _ in 0..6 {
        let cmd = match rng.below(13) {
            0 => {
                let Some(i) = rng.pick(state.market.len()) else {
                    continue;
                };
                let id = state.market[i];
                let ask = state.people[id as usize].salary;
                let (lo, hi) = rules::offer_range(content, ask);
                Command::Offer {
                    person: id,
                    salary: rng.range(i64::from(lo), i64::from(hi.min(ask * 2))) as u32,
                }
            }
            1 => pick_id(rng, content.techs.iter().map(|t| &t.id), Command::Adopt),
            2 => pick_id(rng, content.techs.iter().map(|t| &t.id), Command::Build),
            3 => pick_id(
                rng,
                content.techs.iter().map(|t| &t.id),
                Command::AdoptThenBuild,
            ),
            4 => pick_id(rng, content.legacy.iter().map(|t| &t.id), Command::Retire),
            5 => pick_id(rng, content.stages.iter().map(|t| &t.id), Command::Upgrade),
            6 => Command::BuildDataCentre(rng.range(10, 200) as u32),
            7 => Command::LeaseCompute(rng.range(5, 100) as u32),
            8 => Command::OpenRelease,
            9 => Command::SafetyReview,
            10 => Command::ShipAi,
            11 => Command::Morale,
            _ => pick_id(rng, content.deals.iter().map(|t| &t.id), Command::Deal),
        };
        out.push(cmd);
    }
    // Random players also end months early now and then.
    if rng.chance_permille(150) {
        out.insert(0, Command::EndMonth);
    }
    out
}

fn pick_id<'a>(
    rng: &mut Pcg32,
    ids: impl Iterator<Item = &'a String>,
    make: fn(String) -> Command,
) -> Command {
    let ids: Vec<&String> = ids.collect();
    match rng.pick(ids.len()) {
        Some(i) => make(ids[i].clone()),
        None => Command::EndMonth,
    }
}

/// Plays a whole game with a policy. Returns the final state and every decision made.
pub fn play(content: &Content, seed: u64, policy: Policy) -> (GameState, Vec<(u16, Command)>) {
    let mut state = super::init::new_game(content, seed);
    let mut rng = Pcg32::new(seed, 0x90_11C7);
    let mut decisions = Vec::new();
    let mut guard = 0u32;
    while !state.is_over() && guard < 10_000 {
        guard += 1;
        let cmd = next_command(policy, content, &state, &mut rng);
        let month = state.month;
        if rules::apply_quiet(content, &mut state, PLAYER, &cmd).is_ok() {
            decisions.push((month, cmd));
        } else if cmd != Command::EndMonth {
            // A refused scripted move: end the month rather than loop.
            if rules::apply_quiet(content, &mut state, PLAYER, &Command::EndMonth).is_ok() {
                decisions.push((month, Command::EndMonth));
            }
        }
    }
    (state, decisions)
}
