//! Checking and carrying out commands: what each action costs, why it may be refused, and the
//! events it yields. The player and the rivals go through exactly these functions.

use super::command::{Command, Cost, RuleError};
use super::data::{Content, Personality};
use super::effects::apply_effects;
use super::event::{Event, Flow, Stat};
use super::state::{
    Adoption, ChoiceSource, GameState, LabId, Lever, News, NewsKind, PLAYER, PendingChoice,
    PersonId, Project, ProjectKind, TimelineEntry,
};
use super::units::{Money, money};

/// Cost of a data centre, USD millions per thousand GPUs.
pub const DATA_CENTRE_COST: Money = 40;
/// Months for a data centre to come online.
pub const DATA_CENTRE_MONTHS: u8 = 4;
/// Leased GPUs: USD millions per thousand GPUs per month.
pub const LEASE_MONTHLY: Money = 3;
/// How long a lease runs, in months.
pub const LEASE_MONTHS: u8 = 6;
/// Largest data centre or lease in one go (thousands of GPUs).
pub const MAX_DATA_CENTRE: u32 = 400;
pub const MAX_LEASE: u32 = 200;
pub const OPEN_RELEASE_COST: Money = 100;
pub const SAFETY_REVIEW_COST: Money = 150;
pub const SHIP_AI_COST: Money = 250;
pub const MAX_PRODUCTS: u8 = 5;
/// Nine-figure pay packages worry the board.
pub const BIG_PACKAGE: u32 = 100;

/// Collects the events of one command or month and applies each as it is made.
pub struct Ctx<'a> {
    pub content: &'a Content,
    pub state: &'a mut GameState,
    pub events: Vec<Event>,
    /// Whether to keep the events (the interface shows them; headless replays need not).
    record: bool,
}

impl<'a> Ctx<'a> {
    pub fn new(content: &'a Content, state: &'a mut GameState) -> Self {
        Ctx {
            content,
            state,
            events: Vec::new(),
            record: true,
        }
    }

    /// A context that applies events without keeping them.
    pub fn quiet(content: &'a Content, state: &'a mut GameState) -> Self {
        Ctx {
            content,
            state,
            events: Vec::new(),
            record: false,
        }
    }

    pub fn emit(&mut self, event: Event) {
        super::event::apply_event(self.state, &event);
        if self.record {
            self.events.push(event);
        }
    }

    pub fn stat(&mut self, lab: LabId, stat: Stat, delta: i64) {
        if delta != 0 {
            self.emit(Event::Stat { lab, stat, delta });
        }
    }

    pub fn pay(&mut self, lab: LabId, amount: Money, flow: Flow) {
        if amount != 0 {
            self.emit(Event::Money {
                lab,
                delta: -amount,
                flow,
            });
        }
    }

    pub fn news(&mut self, kind: NewsKind, text: String) {
        let month = self.state.month;
        self.emit(Event::News {
            news: News {
                month,
                kind,
                lab: None,
                text,
            },
        });
    }

    /// News about a lab's own move (the player's or a rival's; a rival's is its last move).
    pub fn lab_news(&mut self, lab: LabId, text: String) {
        let month = self.state.month;
        let kind = if lab == PLAYER {
            NewsKind::Player
        } else {
            NewsKind::Rival
        };
        self.emit(Event::News {
            news: News {
                month,
                kind,
                lab: Some(lab),
                text,
            },
        });
    }

    pub fn timeline(&mut self, lab: LabId, lever: Lever, text: String) {
        if lab == PLAYER {
            let month = self.state.month;
            self.emit(Event::Timeline {
                entry: TimelineEntry { month, lever, text },
            });
        }
    }
}

fn tech_index(content: &Content, id: &str) -> Result<u16, RuleError> {
    content
        .techs
        .iter()
        .position(|t| t.id == id)
        .map(|i| i as u16)
        .ok_or_else(|| RuleError::UnknownTech(id.to_string()))
}

fn legacy_index(content: &Content, id: &str) -> Result<u16, RuleError> {
    content
        .legacy
        .iter()
        .position(|t| t.id == id)
        .map(|i| i as u16)
        .ok_or_else(|| RuleError::UnknownLegacy(id.to_string()))
}

fn stage_index(content: &Content, id: &str) -> Result<u16, RuleError> {
    content
        .stages
        .iter()
        .position(|t| t.id == id)
        .map(|i| i as u16)
        .ok_or_else(|| RuleError::UnknownStage(id.to_string()))
}

fn deal_index(content: &Content, id: &str) -> Result<u16, RuleError> {
    content
        .deals
        .iter()
        .position(|t| t.id == id)
        .map(|i| i as u16)
        .ok_or_else(|| RuleError::UnknownDeal(id.to_string()))
}

/// The lowest and highest yearly salary the rules accept for an offer to a person asking `ask`.
pub fn offer_range(ask: u32) -> (u32, u32) {
    ((ask / 2).max(1), (ask.saturating_mul(3)).clamp(1, 1500))
}

/// Signing bonus paid up front with an accepted offer: a quarter of the first year.
pub fn signing_bonus(salary: u32) -> Money {
    Money::from(salary) / 4
}

fn morale_cost(state: &GameState, lab: LabId) -> Money {
    50 + Money::from(state.lab(lab).researchers) / 100
}

/// What a command costs (weeks and money up front), without checking whether it is allowed.
pub fn cost(content: &Content, state: &GameState, lab: LabId, command: &Command) -> Cost {
    let c = |weeks: u8, money: Money| Cost { weeks, money };
    match command {
        Command::Offer { person, salary } => {
            let star = state.people.get(*person as usize).is_some_and(|p| p.star);
            c(if star { 2 } else { 1 }, signing_bonus(*salary))
        }
        Command::Adopt(id) => match tech_index(content, id) {
            Ok(t) => c(1, content.techs[usize::from(t)].adopt_cost),
            Err(_) => c(1, 0),
        },
        Command::Build(id) => match tech_index(content, id) {
            Ok(t) => c(1, content.techs[usize::from(t)].build_cost),
            Err(_) => c(1, 0),
        },
        Command::AdoptThenBuild(id) => match tech_index(content, id) {
            Ok(t) => {
                let d = &content.techs[usize::from(t)];
                c(2, d.adopt_cost + d.build_cost)
            }
            Err(_) => c(2, 0),
        },
        Command::Retire(id) => match legacy_index(content, id) {
            Ok(l) => c(1, content.legacy[usize::from(l)].retire_cost),
            Err(_) => c(1, 0),
        },
        Command::Upgrade(id) => match stage_index(content, id) {
            Ok(s) => c(1, content.stages[usize::from(s)].cost),
            Err(_) => c(1, 0),
        },
        Command::BuildDataCentre(k) => c(1, Money::from(*k) * DATA_CENTRE_COST),
        Command::LeaseCompute(k) => c(1, Money::from(*k) * LEASE_MONTHLY),
        Command::OpenRelease => c(1, OPEN_RELEASE_COST),
        Command::SafetyReview => c(1, SAFETY_REVIEW_COST),
        Command::ShipAi => c(1, SHIP_AI_COST),
        Command::Morale => c(1, morale_cost(state, lab)),
        Command::Deal(id) => match deal_index(content, id) {
            Ok(d) => {
                let d = &content.deals[usize::from(d)];
                c(d.weeks, d.cost)
            }
            Err(_) => c(1, 0),
        },
        Command::RaiseLicence(_) => c(1, 0),
        Command::Choose(_) | Command::EndMonth => c(0, 0),
    }
}

/// Whether `lab` may make `command` now. Returns its cost, or the reason it is refused.
pub fn check(
    content: &Content,
    state: &GameState,
    lab: LabId,
    command: &Command,
) -> Result<Cost, RuleError> {
    if state.is_over() {
        return Err(RuleError::GameOver);
    }
    if lab == PLAYER
        && let Some(p) = &state.pending
        && !matches!(command, Command::Choose(_))
    {
        return Err(RuleError::ChoicePending(p.title.clone()));
    }
    check_specific(content, state, lab, command)?;
    let cost = cost(content, state, lab, command);
    let l = state.lab(lab);
    if cost.weeks > l.weeks {
        return Err(RuleError::NotEnoughWeeks {
            need: cost.weeks,
            have: l.weeks,
        });
    }
    if cost.money > 0 && cost.money > l.budget {
        return Err(RuleError::NotEnoughBudget {
            need: money(cost.money),
            have: money(l.budget),
        });
    }
    Ok(cost)
}

fn check_specific(
    content: &Content,
    state: &GameState,
    lab: LabId,
    command: &Command,
) -> Result<(), RuleError> {
    let l = state.lab(lab);
    let lab_id = &content.labs[usize::from(lab)].id;
    match command {
        Command::Offer { person, salary } => {
            let p = state
                .people
                .get(*person as usize)
                .ok_or(RuleError::UnknownPerson)?;
            if p.employer == Some(lab) {
                return Err(RuleError::AlreadyOnStaff(p.name.clone()));
            }
            // The player hires from the market; rivals may also approach the player's people.
            let poaching = lab != PLAYER && p.employer == Some(PLAYER);
            if !poaching && !state.market.contains(person) {
                return Err(RuleError::NotInMarket(p.name.clone()));
            }
            if lab == PLAYER && p.refused_month == Some(state.month) {
                return Err(RuleError::AlreadyRefused(p.name.clone()));
            }
            let (min, max) = offer_range(p.salary);
            if *salary < min || *salary > max {
                return Err(RuleError::OfferOutOfRange { min, max });
            }
        }
        Command::Adopt(id) | Command::AdoptThenBuild(id) => {
            let t = tech_index(content, id)?;
            let def = &content.techs[usize::from(t)];
            if &def.vendor == lab_id {
                return Err(RuleError::OwnTech(def.name.clone()));
            }
            if l.tech_status(t).is_some() {
                return Err(RuleError::AlreadyAdopted(def.name.clone()));
            }
            if let Some(busy) = l.tech.iter().find(|a| a.integrating > 0) {
                let name = &content.techs[usize::from(busy.tech)].name;
                return Err(RuleError::IntegrationBusy(name.clone()));
            }
            if matches!(command, Command::AdoptThenBuild(_)) {
                building_busy(content, l)?;
            }
            if let Some(until) = state.techs[usize::from(t)].cut_until
                && until > state.month
            {
                let mut future = state.clone();
                future.month = until;
                return Err(RuleError::AccessCut {
                    tech: def.name.clone(),
                    vendor: def.vendor.clone(),
                    until: future.date_label(content),
                });
            }
        }
        Command::Build(id) => {
            let t = tech_index(content, id)?;
            let def = &content.techs[usize::from(t)];
            if &def.vendor == lab_id {
                return Err(RuleError::OwnTech(def.name.clone()));
            }
            if l.tech_status(t).is_some_and(|a| a.in_house) {
                return Err(RuleError::AlreadyAdopted(def.name.clone()));
            }
            if l.projects.iter().any(|p| p.kind == ProjectKind::Build(t)) {
                return Err(RuleError::AlreadyBuilding(def.name.clone()));
            }
            building_busy(content, l)?;
        }
        Command::Retire(id) => {
            let i = legacy_index(content, id)?;
            let def = &content.legacy[usize::from(i)];
            if !l.legacy.contains(&i) {
                return Err(RuleError::LegacyNotRunning(def.name.clone()));
            }
            let replaced = l.tech.iter().any(|a| {
                a.integrating == 0
                    && content
                        .techs
                        .get(usize::from(a.tech))
                        .is_some_and(|t| t.role == def.role)
            });
            if !replaced {
                return Err(RuleError::NoReplacement {
                    legacy: def.name.clone(),
                    role: def.role.clone(),
                });
            }
        }
        Command::Upgrade(id) => {
            let s = stage_index(content, id)?;
            let def = &content.stages[usize::from(s)];
            if l.has_stage(s) {
                return Err(RuleError::StageDone(def.name.clone()));
            }
            if l.projects.iter().any(|p| p.kind == ProjectKind::Stage(s)) {
                return Err(RuleError::StageUnderWay(def.name.clone()));
            }
            if let Some(busy) = l.projects.iter().find_map(|p| match p.kind {
                ProjectKind::Stage(b) => Some(b),
                _ => None,
            }) {
                return Err(RuleError::PipelineBusy(
                    content.stages[usize::from(busy)].name.clone(),
                ));
            }
            for need in &def.requires {
                let n = stage_index(content, need)?;
                if !l.has_stage(n) {
                    return Err(RuleError::StageNeeds {
                        stage: def.name.clone(),
                        needs: content.stages[usize::from(n)].name.clone(),
                    });
                }
            }
        }
        Command::BuildDataCentre(k) => {
            if *k == 0 || *k > MAX_DATA_CENTRE {
                return Err(RuleError::ComputeOutOfRange {
                    max: MAX_DATA_CENTRE,
                });
            }
        }
        Command::LeaseCompute(k) => {
            if *k == 0 || *k > MAX_LEASE {
                return Err(RuleError::ComputeOutOfRange { max: MAX_LEASE });
            }
        }
        Command::OpenRelease => {
            if let Some(last) = l.last_release_month {
                let months = state.month.saturating_sub(last);
                if months < 3 {
                    return Err(RuleError::ReleaseTooSoon { months });
                }
            }
            need_progress(l.progress().points(), 15)?;
        }
        Command::SafetyReview => {}
        Command::ShipAi => {
            if l.products >= MAX_PRODUCTS {
                return Err(RuleError::ProductsMaxed);
            }
            need_progress(l.progress().points(), 20 + 10 * i32::from(l.products))?;
        }
        Command::Morale => {
            if l.morale >= 100 {
                return Err(RuleError::MoraleFull);
            }
        }
        Command::Deal(id) => {
            let d = deal_index(content, id)?;
            let def = &content.deals[usize::from(d)];
            if state.deals_taken.contains(&d) {
                return Err(RuleError::DealTaken(def.name.clone()));
            }
            if state.month < def.min_month {
                let mut future = state.clone();
                future.month = def.min_month;
                return Err(RuleError::DealNotYet {
                    deal: def.name.clone(),
                    when: future.date_label(content),
                });
            }
        }
        Command::RaiseLicence(id) => {
            let t = tech_index(content, id)?;
            let def = &content.techs[usize::from(t)];
            if &def.vendor != lab_id {
                return Err(RuleError::NotVendor(def.name.clone()));
            }
            if let Some(m) = state.techs[usize::from(t)].raised_month
                && state.month < m + 6
            {
                return Err(RuleError::PriceRaisedRecently(def.name.clone()));
            }
        }
        Command::Choose(option) => {
            if lab != PLAYER {
                return Err(RuleError::NoChoicePending);
            }
            let p = state.pending.as_ref().ok_or(RuleError::NoChoicePending)?;
            if usize::from(*option) >= p.options.len() {
                return Err(RuleError::NoSuchOption(*option));
            }
        }
        Command::EndMonth => {}
    }
    Ok(())
}

fn building_busy(content: &Content, l: &super::state::Lab) -> Result<(), RuleError> {
    match l.projects.iter().find_map(|p| match p.kind {
        ProjectKind::Build(b) => Some(b),
        _ => None,
    }) {
        Some(b) => Err(RuleError::BuildBusy(
            content.techs[usize::from(b)].name.clone(),
        )),
        None => Ok(()),
    }
}

fn need_progress(have: i32, need: i32) -> Result<(), RuleError> {
    if have < need {
        Err(RuleError::NotEnoughProgress {
            need: need as u32,
            have: have.max(0) as u32,
        })
    } else {
        Ok(())
    }
}

/// Checks and carries out a command of `lab`, returning the events it produced.
pub fn apply(
    content: &Content,
    state: &mut GameState,
    lab: LabId,
    command: &Command,
) -> Result<Vec<Event>, RuleError> {
    let mut ctx = Ctx::new(content, state);
    apply_in(&mut ctx, lab, command)?;
    Ok(ctx.events)
}

/// Like [`apply`], without collecting the events: for replays and simulations.
pub fn apply_quiet(
    content: &Content,
    state: &mut GameState,
    lab: LabId,
    command: &Command,
) -> Result<(), RuleError> {
    apply_in(&mut Ctx::quiet(content, state), lab, command)
}

/// Checks and carries out a command inside a running resolution (rivals' moves).
pub fn apply_in(ctx: &mut Ctx, lab: LabId, command: &Command) -> Result<(), RuleError> {
    let cost = check(ctx.content, ctx.state, lab, command)?;
    if cost.weeks > 0 {
        ctx.emit(Event::WeeksSpent {
            lab,
            weeks: cost.weeks,
        });
    }
    if cost.money > 0 && !matches!(command, Command::Offer { .. }) {
        ctx.pay(lab, cost.money, Flow::Action);
    }
    execute(ctx, lab, command);
    Ok(())
}

fn execute(ctx: &mut Ctx, lab: LabId, command: &Command) {
    let content = ctx.content;
    match command {
        Command::Offer { person, salary } => offer(ctx, lab, *person, *salary),
        Command::Adopt(id) => {
            if let Ok(t) = tech_index(content, id) {
                adopt(ctx, lab, t);
            }
        }
        Command::Build(id) => {
            if let Ok(t) = tech_index(content, id) {
                build(ctx, lab, t);
            }
        }
        Command::AdoptThenBuild(id) => {
            if let Ok(t) = tech_index(content, id) {
                adopt(ctx, lab, t);
                build(ctx, lab, t);
            }
        }
        Command::Retire(id) => {
            if let Ok(i) = legacy_index(content, id) {
                let def = &content.legacy[usize::from(i)];
                ctx.emit(Event::Retired { lab, legacy: i });
                ctx.stat(lab, Stat::Disruption, 1);
                ctx.stat(lab, Stat::Morale, -2);
                ctx.lab_news(
                    lab,
                    format!(
                        "retired {} (-{}% drag after a month of disruption)",
                        def.name, def.drag_pct
                    ),
                );
                ctx.timeline(lab, Lever::AdoptTech, format!("Retired {}", def.name));
            }
        }
        Command::Upgrade(id) => {
            if let Ok(s) = stage_index(content, id) {
                let def = &content.stages[usize::from(s)];
                ctx.emit(Event::ProjectStarted {
                    lab,
                    project: Project {
                        kind: ProjectKind::Stage(s),
                        months_left: def.months,
                        months_total: def.months,
                    },
                });
                ctx.lab_news(
                    lab,
                    format!(
                        "started pipeline stage {} ({} months)",
                        def.name, def.months
                    ),
                );
                ctx.timeline(lab, Lever::Pipeline, format!("Started {}", def.name));
            }
        }
        Command::BuildDataCentre(k) => {
            ctx.emit(Event::ProjectStarted {
                lab,
                project: Project {
                    kind: ProjectKind::DataCentre(*k),
                    months_left: DATA_CENTRE_MONTHS,
                    months_total: DATA_CENTRE_MONTHS,
                },
            });
            ctx.lab_news(lab, format!("is building a data centre for {k}k GPUs"));
            ctx.timeline(lab, Lever::Compute, format!("Data centre, {k}k GPUs"));
        }
        Command::LeaseCompute(k) => {
            ctx.stat(lab, Stat::Compute, i64::from(*k));
            lease(ctx, lab, *k);
            ctx.lab_news(
                lab,
                format!("leased {k}k cloud GPUs for {LEASE_MONTHS} months"),
            );
            ctx.timeline(lab, Lever::Compute, format!("Leased {k}k GPUs"));
        }
        Command::OpenRelease => open_release(ctx, lab),
        Command::SafetyReview => {
            ctx.stat(lab, Stat::Review, 12);
            ctx.stat(lab, Stat::Risk, -8);
            ctx.stat(lab, Stat::SpeedBonus, -3);
            ctx.lab_news(lab, "invested in safety and security review".to_string());
            ctx.timeline(lab, Lever::Safety, "Safety review".to_string());
        }
        Command::ShipAi => {
            ctx.stat(lab, Stat::Products, 1);
            ctx.stat(lab, Stat::Income, 120);
            ctx.stat(lab, Stat::Data, 8);
            ctx.stat(lab, Stat::Risk, 4);
            ctx.stat(lab, Stat::Board, 3);
            ctx.lab_news(lab, "shipped AI into its products".to_string());
            ctx.timeline(lab, Lever::Product, "Shipped AI into the apps".to_string());
        }
        Command::Morale => {
            ctx.stat(lab, Stat::Morale, 10);
            ctx.lab_news(lab, "gave the team a breather and recognition".to_string());
            ctx.timeline(lab, Lever::Morale, "Looked after morale".to_string());
        }
        Command::Deal(id) => {
            if let Ok(d) = deal_index(content, id) {
                let def = &content.deals[usize::from(d)];
                ctx.emit(Event::DealTaken { deal: d });
                apply_effects(ctx, lab, &def.effects);
                ctx.lab_news(lab, format!("closed a deal: {}", def.name));
                ctx.timeline(lab, Lever::Deal, def.name.clone());
            }
        }
        Command::RaiseLicence(id) => {
            if let Ok(t) = tech_index(content, id) {
                let price = ctx.state.techs[usize::from(t)].licence_monthly;
                let monthly = price + (price * 30 / 100).max(1);
                ctx.emit(Event::LicenceChanged { tech: t, monthly });
                ctx.lab_news(
                    lab,
                    format!(
                        "raised the price of {} to {} a month",
                        content.techs[usize::from(t)].name,
                        money(monthly)
                    ),
                );
            }
        }
        Command::Choose(option) => choose(ctx, *option),
        Command::EndMonth => super::month::resolve(ctx),
    }
}

/// Leased GPUs are tracked apart from owned ones so their monthly bill can be charged; the
/// lease runs for a fixed term and the GPUs go back when it ends.
fn lease(ctx: &mut Ctx, lab: LabId, k: u32) {
    ctx.emit(Event::Leased {
        lab,
        kgpu: k as i32,
    });
    ctx.emit(Event::ProjectStarted {
        lab,
        project: Project {
            kind: ProjectKind::Lease(k),
            months_left: LEASE_MONTHS,
            months_total: LEASE_MONTHS,
        },
    });
}

fn adopt(ctx: &mut Ctx, lab: LabId, t: u16) {
    let def = &ctx.content.techs[usize::from(t)];
    ctx.emit(Event::Adopted {
        lab,
        adoption: Adoption {
            tech: t,
            integrating: def.integration_months,
            in_house: false,
        },
    });
    ctx.stat(lab, Stat::Morale, -i64::from(def.morale_cost));
    ctx.stat(lab, Stat::Risk, i64::from(def.dependency_risk));
    ctx.lab_news(
        lab,
        format!(
            "adopted {} from {} (+{}% speed in {} months)",
            def.name, def.vendor, def.speed_pct, def.integration_months
        ),
    );
    ctx.timeline(
        lab,
        Lever::AdoptTech,
        format!("Adopted {} ({})", def.name, def.vendor),
    );
}

fn build(ctx: &mut Ctx, lab: LabId, t: u16) {
    let def = &ctx.content.techs[usize::from(t)];
    ctx.emit(Event::ProjectStarted {
        lab,
        project: Project {
            kind: ProjectKind::Build(t),
            months_left: def.build_months,
            months_total: def.build_months,
        },
    });
    ctx.stat(lab, Stat::Morale, 2);
    ctx.lab_news(
        lab,
        format!(
            "started building its own {} ({} months)",
            def.role, def.build_months
        ),
    );
    ctx.timeline(
        lab,
        Lever::AdoptTech,
        format!("Building in-house {}", def.role),
    );
}

fn open_release(ctx: &mut Ctx, lab: LabId) {
    let releases = i64::from(ctx.state.lab(lab).open_releases);
    ctx.emit(Event::Released { lab });
    ctx.stat(lab, Stat::Ecosystem, (14 - 2 * releases).max(4));
    ctx.stat(lab, Stat::Board, 1);
    // Every lab behind the releaser learns from the weights.
    let mine = ctx.state.lab(lab).tracks;
    for other in 0..ctx.state.labs.len() as LabId {
        if other == lab {
            continue;
        }
        let theirs = ctx.state.lab(other).tracks;
        let learn = if ctx.state.lab(other).personality == Personality::EfficientOpen {
            6
        } else {
            10
        };
        let mut gain = [0i32; 3];
        for t in 0..3 {
            gain[t] = ((mine[t].0 - theirs[t].0).max(0) / learn).min(1_500);
        }
        if gain.iter().any(|g| *g > 0) {
            ctx.emit(Event::TrackGain { lab: other, gain });
        }
    }
    ctx.lab_news(
        lab,
        "released open weights; the ecosystem grows and rivals study them".to_string(),
    );
    ctx.timeline(lab, Lever::OpenRelease, "Open-weights release".to_string());
}

/// Acceptance of an offer, per mille, before any counter-offer.
pub fn acceptance_permille(state: &GameState, lab: LabId, person: PersonId, salary: u32) -> i64 {
    let p = &state.people[person as usize];
    let ratio = i64::from(salary) * 100 / i64::from(p.salary.max(1));
    let mut chance = match ratio {
        r if r < 90 => 200,
        r if r < 110 => 450,
        r if r < 130 => 650,
        _ => 800,
    };
    chance -= i64::from(p.loyalty) * 3;
    let mine = state.lab(lab).progress();
    let leader = state
        .labs
        .iter()
        .enumerate()
        .filter(|(i, _)| *i as LabId != lab)
        .map(|(_, l)| l.progress())
        .max()
        .unwrap_or_default();
    if mine >= leader {
        chance += 100;
    } else if leader.0 - mine.0 > 10_000 {
        chance -= 50;
    }
    chance.clamp(50, 950)
}

/// How likely a rival is to counter an offer for one of its people, per mille.
pub fn counter_permille(personality: Personality) -> i64 {
    match personality {
        Personality::BruteForce => 700,
        Personality::ProductSpeed => 600,
        Personality::ComputeDepth => 500,
        Personality::SafetyFirst => 300,
        Personality::EfficientOpen => 200,
    }
}

fn offer(ctx: &mut Ctx, lab: LabId, person: PersonId, salary: u32) {
    let employer = ctx.state.people[person as usize].employer;
    if lab != PLAYER && employer == Some(PLAYER) {
        poach_player(ctx, lab, person, salary);
        return;
    }
    let mut chance = acceptance_permille(ctx.state, lab, person, salary);
    let mut countered_by = None;
    if let Some(rival) = employer {
        let r = ctx.state.lab(rival);
        let can_pay = r.budget > Money::from(salary) * 2;
        let counter = counter_permille(r.personality);
        if can_pay && ctx.state.dice.of(lab).chance_permille(counter) {
            countered_by = Some(rival);
            let ratio = i64::from(salary) * 100
                / i64::from(ctx.state.people[person as usize].salary.max(1));
            chance -= if ratio >= 150 { 100 } else { 250 };
        }
    }
    let name = ctx.state.people[person as usize].name.clone();
    if ctx.state.dice.of(lab).chance_permille(chance) {
        hire(ctx, lab, person, salary, employer);
    } else {
        ctx.emit(Event::OfferRefused {
            lab,
            person,
            countered_by,
        });
        let why = match countered_by {
            Some(r) => format!(
                "after a counter-offer from {}",
                ctx.content.labs[usize::from(r)].short
            ),
            None => "after thinking it over".to_string(),
        };
        if lab == PLAYER {
            ctx.news(
                NewsKind::Player,
                format!(
                    "{name} turned down your offer of {} a year {why}",
                    money(Money::from(salary))
                ),
            );
        }
    }
}

fn hire(ctx: &mut Ctx, lab: LabId, person: PersonId, salary: u32, from: Option<LabId>) {
    ctx.pay(lab, signing_bonus(salary), Flow::Action);
    ctx.emit(Event::Hired {
        lab,
        person,
        salary,
        from,
    });
    let loyalty = 40 + (ctx.state.dice.of(lab).below(30) as u8);
    ctx.emit(Event::LoyaltyChanged { person, loyalty });
    if salary >= BIG_PACKAGE {
        ctx.stat(lab, Stat::Board, -2);
    }
    let p = &ctx.state.people[person as usize];
    let text = match from {
        Some(r) => format!(
            "hired {} ({}, skill {}) from {} for {} a year",
            p.name,
            p.title,
            p.skill,
            ctx.content.labs[usize::from(r)].short,
            money(Money::from(salary))
        ),
        None => format!(
            "hired {} ({}, skill {}) for {} a year",
            p.name,
            p.title,
            p.skill,
            money(Money::from(salary))
        ),
    };
    let short = format!("Hired {} ({})", p.name, p.title);
    ctx.lab_news(lab, text);
    ctx.timeline(lab, Lever::Hiring, short);
}

fn poach_player(ctx: &mut Ctx, rival: LabId, person: PersonId, salary: u32) {
    let p = &ctx.state.people[person as usize];
    if ctx.state.pending.is_none() {
        let rival_name = &ctx.content.labs[usize::from(rival)].short;
        let choice = PendingChoice {
            source: ChoiceSource::Poach {
                person,
                rival,
                salary,
            },
            title: format!("{rival_name} is poaching {}", p.name),
            text: format!(
                "{rival_name} offers {} ({}, skill {}) {} a year; you pay {}. Match the offer to keep them?",
                p.name,
                p.title,
                p.skill,
                money(Money::from(salary)),
                money(Money::from(p.salary))
            ),
            options: vec![
                format!(
                    "Match: pay {} a year (signing {})",
                    money(Money::from(salary)),
                    money(signing_bonus(salary))
                ),
                "Let them go".to_string(),
            ],
        };
        ctx.emit(Event::ChoiceOpened { choice });
    } else {
        // The CEO is busy with another decision: loyalty alone decides.
        let stays = i64::from(p.loyalty) * 10;
        if !ctx.state.dice.rivals.chance_permille(stays) {
            leave_player(ctx, person, rival, salary);
        }
    }
}

fn leave_player(ctx: &mut Ctx, person: PersonId, rival: LabId, salary: u32) {
    ctx.emit(Event::Hired {
        lab: rival,
        person,
        salary,
        from: Some(PLAYER),
    });
    let p = &ctx.state.people[person as usize];
    let text = format!(
        "{} ({}) left you for {}",
        p.name,
        p.title,
        ctx.content.labs[usize::from(rival)].short
    );
    ctx.news(NewsKind::Warning, text.clone());
    ctx.timeline(PLAYER, Lever::Hiring, text);
    ctx.stat(PLAYER, Stat::Morale, -2);
}

fn choose(ctx: &mut Ctx, option: u8) {
    let Some(pending) = ctx.state.pending.clone() else {
        return;
    };
    ctx.emit(Event::ChoiceClosed);
    match pending.source {
        ChoiceSource::Event(e) => {
            let content = ctx.content;
            if let Some(choice) = content
                .events
                .get(usize::from(e))
                .and_then(|d| d.choices.get(usize::from(option)))
            {
                apply_effects(ctx, PLAYER, &choice.effects);
                ctx.timeline(
                    PLAYER,
                    Lever::Event,
                    format!("{}: {}", content.events[usize::from(e)].title, choice.label),
                );
            }
        }
        ChoiceSource::Poach {
            person,
            rival,
            salary,
        } => {
            if option == 0 {
                ctx.pay(PLAYER, signing_bonus(salary), Flow::Action);
                ctx.emit(Event::SalaryChanged { person, salary });
                let loyalty = ctx.state.people[person as usize]
                    .loyalty
                    .saturating_add(15)
                    .min(100);
                ctx.emit(Event::LoyaltyChanged { person, loyalty });
                if salary >= BIG_PACKAGE {
                    ctx.stat(PLAYER, Stat::Board, -1);
                }
                let name = ctx.state.people[person as usize].name.clone();
                ctx.news(
                    NewsKind::Player,
                    format!("{name} stays after you matched the offer"),
                );
                ctx.timeline(
                    PLAYER,
                    Lever::Hiring,
                    format!("Matched an offer to keep {name}"),
                );
            } else {
                leave_player(ctx, person, rival, salary);
            }
        }
    }
}
