//! Ending a month. The order is fixed and part of the rules:
//!
//! 1. projects advance and finished ones pay off; integrations advance;
//! 2. every lab's research progresses (with its breakdown by cause);
//! 3. rivals make their moves, through the same commands as the player;
//! 4. consequences of earlier choices land; the teacher's injects that are due fire; an event
//!    may strike the player (some ask for a choice next month);
//! 5. money comes in and goes out (income, salaries, licences, running compute);
//! 6. morale drifts; 7. risk drifts and incidents may happen; 8. the board judges;
//! 9. the race is checked for an ending; the month closes and the talent market refreshes.

use super::data::Content;
use super::event::{Event, Flow, Stat};
use super::research;
use super::risk;
use super::rules::Ctx;
use super::state::{Ending, GameState, LabId, MonthRecord, NewsKind, PLAYER, ProjectKind, Story};
use super::units::{Money, Progress};

pub fn resolve(ctx: &mut Ctx) {
    let labs = ctx.state.labs.len() as LabId;
    for lab in 0..labs {
        projects(ctx, lab);
    }
    let before: Vec<Progress> = ctx.state.labs.iter().map(|l| l.progress()).collect();
    for lab in 0..labs {
        research_step(ctx, lab, before[usize::from(lab)]);
    }
    for lab in 1..labs {
        super::rivals::act(ctx, lab);
    }
    super::rules::flight(ctx);
    super::effects::land_scheduled(ctx);
    super::inject::fire_due(ctx);
    super::deck::draw(ctx);
    for lab in 0..labs {
        money_step(ctx, lab);
        morale_step(ctx, lab);
        risk_step(ctx, lab);
    }
    board_step(ctx, before[usize::from(PLAYER)]);
    super::intel::month_drift(ctx);
    ending_step(ctx, &before);
    close(ctx);
}

fn projects(ctx: &mut Ctx, lab: LabId) {
    let l = ctx.state.lab(lab);
    if l.tech.iter().any(|a| a.integrating > 0) {
        let finishing: Vec<u16> = l
            .tech
            .iter()
            .filter(|a| a.integrating == 1)
            .map(|a| a.tech)
            .collect();
        ctx.emit(Event::IntegrationAdvanced { lab });
        for tech in finishing {
            ctx.emit(Event::Integrated { lab, tech });
            if lab == PLAYER {
                ctx.news(NewsKind::Player, Story::Integrated { tech });
            }
        }
    }
    // A lease whose term ran out at the last month's end goes back now, before research: a
    // lease of N months gives N months of GPUs and N monthly bills.
    let expired: Vec<(usize, ProjectKind)> = ctx
        .state
        .lab(lab)
        .projects
        .iter()
        .enumerate()
        .filter(|(_, p)| p.months_left == 0 && matches!(p.kind, ProjectKind::Lease(_)))
        .map(|(i, p)| (i, p.kind.clone()))
        .collect();
    finish(ctx, lab, expired);
    if ctx.state.lab(lab).projects.is_empty() {
        return;
    }
    ctx.emit(Event::ProjectsAdvanced { lab, months: 1 });
    let done: Vec<(usize, ProjectKind)> = ctx
        .state
        .lab(lab)
        .projects
        .iter()
        .enumerate()
        .filter(|(_, p)| p.months_left == 0 && !matches!(p.kind, ProjectKind::Lease(_)))
        .map(|(i, p)| (i, p.kind.clone()))
        .collect();
    finish(ctx, lab, done);
}

/// Finishes projects (given with their indices, in order) and pays them off.
fn finish(ctx: &mut Ctx, lab: LabId, done: Vec<(usize, ProjectKind)>) {
    // Finish from the back so indices stay valid.
    for (index, kind) in done.into_iter().rev() {
        ctx.emit(Event::ProjectFinished {
            lab,
            index: index as u16,
        });
        match kind {
            ProjectKind::Stage(s) => {
                let def = &ctx.content.stages[usize::from(s)];
                let minutes = ctx.state.lab(lab).deploy_minutes;
                let new = (u64::from(minutes) * u64::from(def.deploy_pct) / 100).max(2) as u32;
                ctx.emit(Event::StageCompleted { lab, stage: s });
                ctx.emit(Event::DeployTime { lab, minutes: new });
                ctx.stat(lab, Stat::Review, i64::from(def.review));
                if def.review < 0 {
                    ctx.stat(lab, Stat::Risk, i64::from(-def.review) / 2);
                }
                let story = Story::StageFinished {
                    stage: s,
                    minutes: new,
                    experiments: research::experiments_per_month(
                        &ctx.content.balance.research,
                        new,
                        ctx.state.lab(lab).review,
                    ),
                };
                ctx.lab_news(lab, story);
            }
            ProjectKind::Build(t) => {
                let def = &ctx.content.techs[usize::from(t)];
                let was_licensed = ctx
                    .state
                    .lab(lab)
                    .tech_status(t)
                    .is_some_and(|a| !a.in_house);
                ctx.emit(Event::MadeInHouse { lab, tech: t });
                if was_licensed {
                    ctx.stat(lab, Stat::Risk, -i64::from(def.dependency_risk));
                }
                ctx.stat(lab, Stat::Morale, 3);
                ctx.lab_news(
                    lab,
                    Story::BuildFinished {
                        tech: t,
                        was_licensed,
                    },
                );
            }
            ProjectKind::DataCentre(k) => {
                ctx.stat(lab, Stat::Compute, i64::from(k));
                ctx.lab_news(lab, Story::DataCentreOnline { kgpu: k });
            }
            ProjectKind::Lease(k) => {
                ctx.stat(lab, Stat::Compute, -i64::from(k));
                ctx.emit(Event::Leased {
                    lab,
                    kgpu: -(k as i32),
                });
                if lab == PLAYER {
                    ctx.news(NewsKind::Player, Story::LeaseEnded { kgpu: k });
                }
            }
        }
    }
}

/// "6h 0m", "45 min".
pub fn minutes_label(m: u32) -> String {
    if m >= 60 {
        format!("{}h {:02}m", m / 60, m % 60)
    } else {
        format!("{m} min")
    }
}

fn research_step(ctx: &mut Ctx, lab: LabId, before: Progress) {
    let breakdown = research::speed(ctx.content, ctx.state, lab);
    let gain = research::track_gains(ctx.content, ctx.state, lab, breakdown.total);
    ctx.emit(Event::Research {
        lab,
        gain,
        breakdown,
    });
    if lab != PLAYER && ctx.state.lab(lab).disruption > 0 {
        ctx.stat(lab, Stat::Disruption, -1);
    }
    if lab == PLAYER && ctx.state.lab(lab).disruption > 0 {
        ctx.stat(lab, Stat::Disruption, -1);
    }
    let after = ctx.state.lab(lab).progress();
    let crossed = |mark: i32| before.points() < mark && after.points() >= mark;
    if crossed(ctx.content.balance.research.automation_threshold) {
        ctx.news(NewsKind::Milestone, Story::Automation { lab });
    } else if crossed(50) {
        ctx.news(NewsKind::Milestone, Story::Halfway { lab });
    }
}

/// Monthly money out of a lab, by flow.
pub fn monthly_costs(content: &Content, state: &GameState, lab: LabId) -> [(Flow, Money); 3] {
    let b = &content.balance;
    let l = state.lab(lab);
    let salaries = Money::from(l.researchers) * b.money.researcher_monthly_thousands / 1_000
        + state.star_payroll(lab);
    let licences: Money = l
        .tech
        .iter()
        .filter(|a| !a.in_house)
        .map(|a| state.techs[usize::from(a.tech)].licence_monthly)
        .sum();
    let owned = Money::from(l.compute.saturating_sub(l.leased));
    let compute =
        owned * b.compute.running_monthly + Money::from(l.leased) * b.compute.lease_monthly;
    [
        (Flow::Salaries, salaries),
        (Flow::Licences, licences),
        (Flow::ComputeRunning, compute),
    ]
}

fn money_step(ctx: &mut Ctx, lab: LabId) {
    let income = ctx.state.lab(lab).income;
    ctx.emit(Event::Money {
        lab,
        delta: income,
        flow: Flow::Income,
    });
    let mut burn = 0;
    for (flow, amount) in monthly_costs(ctx.content, ctx.state, lab) {
        ctx.pay(lab, amount, flow);
        burn += amount;
    }
    let l = ctx.state.lab(lab);
    let months_in_debt = if l.budget < 0 {
        l.months_in_debt.saturating_add(1)
    } else {
        0
    };
    ctx.emit(Event::BooksClosed {
        lab,
        burn,
        months_in_debt,
    });
}

fn morale_step(ctx: &mut Ctx, lab: LabId) {
    let s = &ctx.content.balance.safety;
    let l = ctx.state.lab(lab);
    let mut delta: i64 = if l.morale < 55 {
        2
    } else if l.morale > 65 {
        -1
    } else {
        0
    };
    // Crunch: many experiments with thin review wears people out.
    if l.deploy_minutes < s.crunch_minutes && l.review < s.crunch_review {
        delta -= 1;
    }
    if l.months_in_debt > 0 {
        delta -= 2;
    }
    ctx.stat(lab, Stat::Morale, delta);
    // The market's memory of overpaying fades.
    let fade = ctx
        .content
        .balance
        .hiring
        .memory_decay
        .min(ctx.state.lab(lab).pay_memory);
    ctx.stat(lab, Stat::PayMemory, -i64::from(fade.max(0)));
}

fn risk_step(ctx: &mut Ctx, lab: LabId) {
    let s = &ctx.content.balance.safety;
    let l = ctx.state.lab(lab);
    let experiments = research::lab_experiments(&ctx.content.balance.research, l) as i64;
    // Fast deploys with thin review raise risk; strong review brings it down.
    let mut delta =
        experiments * (s.review_target - i64::from(l.review)).max(0) / s.risk_divisor.max(1);
    if l.review >= s.strong_review {
        delta -= 1;
    }
    if l.review < s.thin_review {
        delta += 1;
    }
    ctx.stat(lab, Stat::Risk, delta);
    // Risk is a curve: the chances grow smoothly with risk and capability, and this month's
    // real chance lies somewhere within the estimate's spread (see `risk.rs`).
    let l = ctx.state.lab(lab);
    let estimate = risk::estimate(&s.curve, l.risk, l.progress().points(), l.review);
    let dice = &mut ctx.state.dice.incidents;
    let factor = 100 + dice.range(-estimate.spread_pct, estimate.spread_pct);
    let roll = |dice: &mut super::rng::Pcg32, chance: i64| {
        i64::from(dice.below(risk::CHANCE_SCALE as u32)) < chance * factor / 100
    };
    if lab == PLAYER && roll(dice, estimate.catastrophe) {
        ctx.news(NewsKind::Warning, Story::Catastrophe);
        if ctx.state.ending.is_none() {
            ctx.emit(Event::Ended {
                ending: Ending::Catastrophe,
            });
        }
        return;
    }
    if roll(&mut ctx.state.dice.incidents, estimate.incident) {
        ctx.stat(lab, Stat::Morale, i64::from(s.incident_morale));
        ctx.stat(lab, Stat::Board, i64::from(s.incident_board));
        ctx.stat(lab, Stat::Risk, i64::from(s.incident_risk));
        ctx.stat(lab, Stat::Review, i64::from(s.incident_review));
        ctx.emit(Event::Stat {
            lab,
            stat: Stat::Disruption,
            delta: 1,
        });
        ctx.lab_news(lab, Story::Incident);
    }
}

fn board_step(ctx: &mut Ctx, before: Progress) {
    let b = &ctx.content.balance.board;
    let l = ctx.state.player();
    let gained = l.progress().0 - before.0;
    let costs: Money = monthly_costs(ctx.content, ctx.state, PLAYER)
        .iter()
        .map(|(_, m)| m)
        .sum();
    let income = l.income;
    let mut delta: i64 = 0;
    if gained >= b.good_month {
        delta += 2;
    } else if gained < b.poor_month {
        delta -= 1;
    }
    if costs > income * b.burn_pct / 100 {
        delta += b.burn_malus;
    }
    let rank = ctx.state.player_rank();
    if rank == 1 {
        delta += b.leader_bonus;
    }
    let months_in_debt = l.months_in_debt;
    let in_debt = months_in_debt > 0;
    if in_debt {
        delta += b.debt_malus;
    }
    if l.board < 50 && delta == 0 {
        delta += 1;
    }
    ctx.stat(PLAYER, Stat::Board, delta);
    // A board with little confidence withholds part of the month's income.
    let board = ctx.state.player().board;
    let cut = super::board::income_cut(ctx.content, income, board);
    if cut > 0 {
        ctx.pay(PLAYER, cut, Flow::BoardCut);
        ctx.news(
            NewsKind::Warning,
            Story::BudgetCut {
                amount: cut,
                board: board.clamp(0, 100) as u8,
            },
        );
    }
    // The budget is the board's a quarter at a time: cash left idle at the quarter's close
    // goes back to the company.
    if super::compute::quarter_ends(ctx.content, ctx.state.month) {
        let p = ctx.state.player();
        let back = super::board::quarter_return(ctx.content, p.budget, p.income);
        if back > 0 {
            let carry = super::board::carry(ctx.content, p.income);
            ctx.pay(PLAYER, back, Flow::Returned);
            ctx.news(
                NewsKind::Warning,
                Story::BudgetReturned {
                    amount: back,
                    carry,
                },
            );
        }
    }
    if in_debt {
        ctx.news(
            NewsKind::Warning,
            Story::Overdrawn {
                budget: ctx.state.player().budget,
                months: ctx.content.balance.money.debt_months_to_freeze,
            },
        );
    }
    let frozen = ctx.state.player().board <= 0
        || months_in_debt >= ctx.content.balance.money.debt_months_to_freeze;
    if frozen && ctx.state.ending.is_none() {
        ctx.news(NewsKind::Warning, Story::BudgetFrozen);
        ctx.emit(Event::Ended {
            ending: Ending::BudgetFrozen,
        });
    }
}

fn ending_step(ctx: &mut Ctx, before: &[Progress]) {
    if ctx.state.ending.is_some() {
        return;
    }
    // Several labs can cross the line in one month: the first there is the one that would have
    // gone furthest past it (where it started the month plus its speed); a tie goes to the rival.
    let first = (0..ctx.state.labs.len() as LabId)
        .filter(|&i| ctx.state.lab(i).has_superintelligence())
        .max_by_key(|&i| {
            let l = ctx.state.lab(i);
            (before[usize::from(i)].0 + l.last_speed.total, i)
        });
    if let Some(first) = first {
        let ending = if first == PLAYER {
            let p = ctx.state.player();
            let s = &ctx.content.balance.safety;
            Ending::PlayerFirst {
                careful: p.risk < s.careful_risk && p.review >= s.careful_review,
            }
        } else {
            let rival = first;
            let margin =
                Progress(ctx.state.lab(rival).progress().0 - ctx.state.player().progress().0);
            Ending::RivalFirst { rival, margin }
        };
        let lab = match &ending {
            Ending::RivalFirst { rival, .. } => *rival,
            _ => PLAYER,
        };
        ctx.news(NewsKind::Milestone, Story::Superintelligence { lab });
        ctx.emit(Event::Ended { ending });
        return;
    }
    if ctx.state.month + 1 >= ctx.content.scenario.months {
        let rank = ctx.state.player_rank();
        ctx.emit(Event::Ended {
            ending: Ending::Deadline { rank },
        });
    }
}

fn close(ctx: &mut Ctx) {
    let p = ctx.state.player();
    let record = MonthRecord {
        month: ctx.state.month,
        progress: ctx.state.labs.iter().map(|l| l.progress()).collect(),
        budget: p.budget,
        morale: p.morale,
        risk: p.risk,
        board: p.board,
        deploy_minutes: p.deploy_minutes,
        speed: p.last_speed.clone(),
        seen: super::intel::seen_all(ctx.state),
    };
    let closed = ctx.state.month;
    ctx.emit(Event::MonthClosed { record });
    if super::compute::quarter_ends(ctx.content, closed) {
        ctx.emit(Event::QuarterClosed);
    }
    if ctx.state.ending.is_none() {
        super::market::refresh(ctx);
    } else if ctx.state.pending.is_some() {
        // Nothing is left to decide once the race is over.
        ctx.emit(Event::ChoiceClosed);
    }
}
