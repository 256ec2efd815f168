//! The numbered choices of plain mode: every action the player may take this month on every
//! lever, each with a stable name to type, its cost in weeks and money, and the rules' verdict
//! (from [`Game::check`], so the list never offers what the rules would refuse without saying
//! why). While an event waits for an answer, the choices are its options.

use crate::front::choices::{compute, event, refusal, tech};
use crate::front::session::Session;
use crate::game::rules::{choice_cost, cost, offer_odds_permille};
use crate::game::state::PLAYER;
use crate::game::units::{Money, money};
use crate::game::{Command, Game, RuleError};

pub use super::names::{fold, slug, typed_name};

/// What a typed amount after a choice means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// The choice takes no amount.
    None,
    /// An offer: the amount is a percentage of the candidate's ask (100 when left out).
    OfferPct { ask: u32 },
    /// GPUs: the amount is thousands of GPUs (`default` when left out, at most `max`).
    Gpus { default: u32, max: u32 },
}

/// What a choice is about, for `explain N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    Offer,
    Tech(usize),
    Legacy(usize),
    Stage(usize),
    Action(compute::Row),
    Answer(usize),
    EndMonth,
}

/// One numbered line of the list.
#[derive(Debug, Clone)]
pub struct Choice {
    /// The words that pick it by name, like `adopt jax-xla` (stable when numbers shift).
    pub name: String,
    /// What it is, in the game's words.
    pub label: String,
    /// The command at the default amount.
    pub command: Command,
    pub amount: Amount,
    pub about: About,
    /// Weeks and money up front.
    pub weeks: u8,
    pub money: Money,
    /// The rules' reason when they refuse it now.
    pub refusal: Option<String>,
    /// Refused for a while (done, in use, not out yet): counted in one summary line instead.
    pub hidden: Option<Hidden>,
}

/// Why a refused choice is left out of the short list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// Done, in use or under way: refused for good or for months.
    Done,
    /// Not out yet: a later month opens it.
    NotYet,
}

/// Refusals a player need not read every month: the thing is done, in use, under way or not
/// out yet.
fn hidden(e: &RuleError) -> Option<Hidden> {
    use RuleError as E;
    if matches!(e, E::NotYetAvailable { .. } | E::DealNotYet { .. }) {
        return Some(Hidden::NotYet);
    }
    matches!(
        e,
        E::AlreadyAdopted(_)
            | E::AlreadyBuilding(_)
            | E::AlreadyOnStaff(_)
            | E::OwnTech(_)
            | E::LegacyNotRunning(_)
            | E::StageDone(_)
            | E::StageUnderWay(_)
            | E::DealTaken(_)
            | E::ProductsMaxed
    )
    .then_some(Hidden::Done)
}

fn choice(
    game: &Game,
    name: String,
    label: String,
    command: Command,
    amount: Amount,
    about: About,
) -> Choice {
    let (c, refusal, hide) = match game.check(&command) {
        Ok(c) => (c, None, None),
        Err(e) => (
            cost(&game.content, &game.state, PLAYER, &command),
            Some(refusal(game, &e)),
            hidden(&e),
        ),
    };
    Choice {
        name,
        label,
        command,
        amount,
        about,
        weeks: c.weeks,
        money: c.money,
        refusal,
        hidden: hide,
    }
}

/// Every choice of the moment: the pending event's options, or every lever's actions then
/// ending the month.
pub fn list(s: &Session) -> Vec<Choice> {
    let game = &s.game;
    if game.is_over() {
        return Vec::new();
    }
    if let Some(p) = &game.state.pending {
        return p
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let what = event::consequences(s, p, i);
                let label = if what.is_empty() {
                    o.clone()
                } else {
                    format!("{o} ({what})")
                };
                let command = Command::Choose(i as u8);
                let mut c = choice(
                    game,
                    format!("answer {}", i + 1),
                    label,
                    command,
                    Amount::None,
                    About::Answer(i),
                );
                c.money = choice_cost(&game.content, &game.state, i as u8);
                c
            })
            .collect();
    }
    let mut out = Vec::new();
    hires(game, &mut out);
    techs(game, &mut out);
    for (i, def) in game.content.stages.iter().enumerate() {
        out.push(choice(
            game,
            format!("stage {}", slug(&def.id)),
            format!("Start the pipeline stage {}", def.name),
            Command::Upgrade(def.id.clone()),
            Amount::None,
            About::Stage(i),
        ));
    }
    actions(game, &mut out);
    let weeks = game.state.player().weeks;
    out.push(Choice {
        name: "end".into(),
        label: match weeks {
            0 => "End the month".to_string(),
            w => format!(
                "End the month ({} unused are lost)",
                crate::game::data::plural(u16::from(w), "week")
            ),
        },
        command: Command::EndMonth,
        amount: Amount::None,
        about: About::EndMonth,
        weeks: 0,
        money: 0,
        refusal: None,
        hidden: None,
    });
    out
}

fn hires(game: &Game, out: &mut Vec<Choice>) {
    let st = &game.state;
    for &id in &st.market {
        let Some(p) = st.people.get(id as usize) else {
            continue;
        };
        let from = match p.employer {
            Some(e) => game
                .content
                .labs
                .get(usize::from(e))
                .map_or("a rival", |l| l.short.as_str())
                .to_string(),
            None => "free agent".to_string(),
        };
        let odds = offer_odds_permille(&game.content, st, PLAYER, id, p.salary) / 10;
        let star = if p.star { "star " } else { "" };
        out.push(choice(
            game,
            format!("hire {}", slug(&p.name)),
            format!(
                "Hire {star}{}, {} ({}, skill {}, {}), asks {} a year; odds at the ask {odds}%",
                p.name,
                p.title,
                p.role.name(),
                p.skill,
                from,
                money(Money::from(p.salary))
            ),
            Command::Offer {
                person: id,
                salary: p.salary,
            },
            Amount::OfferPct { ask: p.salary },
            About::Offer,
        ));
    }
}

fn techs(game: &Game, out: &mut Vec<Choice>) {
    let c = &game.content;
    // A tech that arrives after the scenario's last month never exists in this game.
    let within = |def: &&crate::game::data::TechDef| def.available_from < c.scenario.months;
    for (i, def) in c.techs.iter().enumerate().filter(|(_, d)| within(d)) {
        let vendor = tech::vendor_name(c, &def.vendor);
        let id = slug(&def.id);
        let speed = format!("+{}% research", def.speed_pct);
        let track = match def.track {
            Some(t) if def.track_pct > 0 => format!(", +{}% on {}", def.track_pct, t.name()),
            _ => String::new(),
        };
        let rows = [
            (
                format!("adopt {id}"),
                format!("Adopt {} from {vendor} ({speed}{track})", def.name),
                Command::Adopt(def.id.clone()),
            ),
            (
                format!("build {id}"),
                format!("Build {} in-house ({speed}{track})", def.name),
                Command::Build(def.id.clone()),
            ),
            (
                format!("adopt-build {id}"),
                format!("Adopt {} now and build its replacement", def.name),
                Command::AdoptThenBuild(def.id.clone()),
            ),
        ];
        for (name, label, command) in rows {
            out.push(choice(
                game,
                name,
                label,
                command,
                Amount::None,
                About::Tech(i),
            ));
        }
    }
    for id in &c.labs[usize::from(PLAYER)].legacy {
        if let Some(i) = c.legacy.iter().position(|l| &l.id == id) {
            let def = &c.legacy[i];
            out.push(choice(
                game,
                format!("retire {}", slug(&def.id)),
                format!(
                    "Retire the legacy {} (-{}% research while it runs)",
                    def.name, def.drag_pct
                ),
                Command::Retire(def.id.clone()),
                Amount::None,
                About::Legacy(i),
            ));
        }
    }
}

fn actions(game: &Game, out: &mut Vec<Choice>) {
    let b = &game.content.balance.compute;
    // The interface's "medium" preset: an eighth of the largest the rules allow.
    let gpus = |max: u32| Amount::Gpus {
        default: max.max(16) / 8,
        max,
    };
    let rows = [
        (
            compute::Row::DataCentre,
            "datacentre",
            gpus(b.max_data_centre),
        ),
        (compute::Row::Lease, "lease", gpus(b.max_lease)),
        (compute::Row::OpenRelease, "release", Amount::None),
        (compute::Row::SafetyReview, "safety", Amount::None),
        (compute::Row::ShipAi, "ship", Amount::None),
        (compute::Row::Morale, "morale", Amount::None),
        (compute::Row::Intelligence, "intel", Amount::None),
    ];
    for (row, name, amount) in rows {
        let command = match (row, amount) {
            (compute::Row::DataCentre, Amount::Gpus { default, .. }) => {
                Command::BuildDataCentre(default)
            }
            (compute::Row::Lease, Amount::Gpus { default, .. }) => Command::LeaseCompute(default),
            (compute::Row::OpenRelease, _) => Command::OpenRelease,
            (compute::Row::SafetyReview, _) => Command::SafetyReview,
            (compute::Row::ShipAi, _) => Command::ShipAi,
            (compute::Row::Intelligence, _) => Command::Intelligence,
            _ => Command::Morale,
        };
        let mut label = compute::name(game, row);
        if let Amount::Gpus { default, max } = amount {
            label.push_str(&format!(" ({default}k GPUs unless you give 1 to {max})"));
        }
        out.push(choice(
            game,
            name.into(),
            label,
            command,
            amount,
            About::Action(row),
        ));
    }
    for (i, d) in game.content.deals.iter().enumerate() {
        out.push(choice(
            game,
            format!("deal {}", slug(&d.id)),
            compute::name(game, compute::Row::Deal(i)),
            Command::Deal(d.id.clone()),
            Amount::None,
            About::Action(compute::Row::Deal(i)),
        ));
    }
}

impl Choice {
    /// The command with a typed amount (`None`: the default), or why the amount does not fit.
    pub fn command_with(&self, amount: Option<u32>) -> Result<Command, String> {
        let Some(n) = amount else {
            return Ok(self.command.clone());
        };
        match (self.amount, &self.command) {
            (Amount::OfferPct { ask }, Command::Offer { person, .. }) => {
                if !(1..=1000).contains(&n) {
                    return Err(format!(
                        "an offer's amount is a percentage of the ask, like 120; found '{n}'"
                    ));
                }
                let salary = (u64::from(ask) * u64::from(n)).div_ceil(100);
                Ok(Command::Offer {
                    person: *person,
                    salary: salary.min(u64::from(u32::MAX)) as u32,
                })
            }
            (Amount::Gpus { max, .. }, cmd) => {
                if !(1..=max).contains(&n) {
                    return Err(format!(
                        "GPUs come in 1 to {max} thousand at a time; found '{n}'"
                    ));
                }
                Ok(match cmd {
                    Command::BuildDataCentre(_) => Command::BuildDataCentre(n),
                    _ => Command::LeaseCompute(n),
                })
            }
            _ => Err(format!(
                "'{}' takes no amount; type it without the number",
                self.name
            )),
        }
    }
}
