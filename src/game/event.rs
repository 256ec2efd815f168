//! Events: the facts that commands and the month's resolution produce, and the only way the
//! game state changes (besides the RNG, which draws advance).
//!
//! Tests assert the exact events a command yields; the month report and the news feed are
//! built from them.

use serde::{Deserialize, Serialize};

use super::research::SpeedBreakdown;
use super::state::{
    Adoption, Ending, GameState, LabId, MonthRecord, News, PendingChoice, Person, PersonId,
    Project, TimelineEntry, WEEKS_PER_MONTH,
};
use super::units::{Money, Progress};

/// A number of a lab that events move up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stat {
    Budget,
    Income,
    Morale,
    Risk,
    Board,
    Review,
    Ecosystem,
    Data,
    Researchers,
    Compute,
    Products,
    Disruption,
    SpeedBonus,
    /// Percent the talent market adds to the asks this lab meets (its memory of overpaying).
    PayMemory,
}

impl Stat {
    pub fn name(self) -> &'static str {
        match self {
            Stat::Budget => "budget",
            Stat::Income => "monthly income",
            Stat::Morale => "morale",
            Stat::Risk => "risk",
            Stat::Board => "board confidence",
            Stat::Review => "safety review",
            Stat::Ecosystem => "ecosystem",
            Stat::Data => "data flywheel",
            Stat::Researchers => "researchers",
            Stat::Compute => "compute",
            Stat::Products => "AI products",
            Stat::Disruption => "disruption",
            Stat::SpeedBonus => "speed this month",
            Stat::PayMemory => "asking pay",
        }
    }
}

/// Why money moved, for the month report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Flow {
    Income,
    Salaries,
    Licences,
    ComputeRunning,
    Action,
    Event,
    /// Income the board withholds while its confidence is low.
    BoardCut,
    /// Cash left unspent at a quarter's close that the company takes back.
    Returned,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// A consequence is set to land later.
    Scheduled {
        item: super::state::Scheduled,
    },
    /// The consequences due at the end of `month` have landed.
    ScheduledLanded {
        month: u16,
    },
    WeeksSpent {
        lab: LabId,
        weeks: u8,
    },
    Money {
        lab: LabId,
        delta: Money,
        flow: Flow,
    },
    /// A stat moved; the result is clamped to its range.
    Stat {
        lab: LabId,
        stat: Stat,
        delta: i64,
    },
    PersonJoined {
        person: Person,
    },
    Hired {
        lab: LabId,
        person: PersonId,
        salary: u32,
        from: Option<LabId>,
    },
    OfferRefused {
        lab: LabId,
        person: PersonId,
        countered_by: Option<LabId>,
    },
    SalaryChanged {
        person: PersonId,
        salary: u32,
    },
    PersonLeft {
        person: PersonId,
        to: Option<LabId>,
    },
    MarketRefreshed {
        candidates: Vec<PersonId>,
    },
    Adopted {
        lab: LabId,
        adoption: Adoption,
    },
    Integrated {
        lab: LabId,
        tech: u16,
    },
    /// Every tech being integrated is one month closer.
    IntegrationAdvanced {
        lab: LabId,
    },
    LoyaltyChanged {
        person: PersonId,
        loyalty: u8,
    },
    /// GPUs leased (thousands); negative when a lease ends.
    Leased {
        lab: LabId,
        kgpu: i32,
    },
    MadeInHouse {
        lab: LabId,
        tech: u16,
    },
    LicenceChanged {
        tech: u16,
        monthly: Money,
    },
    AccessCut {
        tech: u16,
        until: u16,
    },
    /// A lab ordered GPUs (thousands) out of the quarter's shared supply.
    GpuOrdered {
        lab: LabId,
        kgpu: u32,
    },
    /// The player took one of this lab's people.
    Raided {
        lab: LabId,
    },
    /// A calendar quarter ended: the GPU supply is renewed and one raid of every lab fades.
    QuarterClosed,
    Retired {
        lab: LabId,
        legacy: u16,
    },
    ProjectStarted {
        lab: LabId,
        project: Project,
    },
    /// Every project of the lab is one month closer (or `months` further when negative).
    ProjectsAdvanced {
        lab: LabId,
        months: i8,
    },
    ProjectFinished {
        lab: LabId,
        index: u16,
    },
    StageCompleted {
        lab: LabId,
        stage: u16,
    },
    DeployTime {
        lab: LabId,
        minutes: u32,
    },
    Released {
        lab: LabId,
    },
    Research {
        lab: LabId,
        gain: [i32; 3],
        breakdown: SpeedBreakdown,
    },
    TrackGain {
        lab: LabId,
        gain: [i32; 3],
    },
    ChoiceOpened {
        choice: PendingChoice,
    },
    ChoiceClosed,
    EventFired {
        event: u16,
    },
    DealTaken {
        deal: u16,
    },
    WeeksNextMonth {
        delta: i8,
    },
    News {
        news: News,
    },
    Timeline {
        entry: TimelineEntry,
    },
    /// The month's money is counted: what went out, and months in a row in the red.
    BooksClosed {
        lab: LabId,
        burn: Money,
        months_in_debt: u8,
    },
    MonthClosed {
        record: MonthRecord,
    },
    Ended {
        ending: Ending,
    },
    /// The player's estimates of the rivals changed (a month's signals, an intelligence
    /// sweep): the new hidden errors, by lab.
    IntelUpdated {
        intel: Vec<super::intel::RivalIntel>,
    },
}

/// Applies one event to the state. The only function that changes the game state.
pub fn apply_event(state: &mut GameState, event: &Event) {
    match event {
        Event::WeeksSpent { lab, weeks } => {
            let l = &mut state.labs[*lab as usize];
            l.weeks = l.weeks.saturating_sub(*weeks);
        }
        Event::Money { lab, delta, flow } => {
            let l = &mut state.labs[*lab as usize];
            l.budget = l.budget.saturating_add(*delta);
            if *flow == Flow::Action && *delta < 0 {
                l.quarter_spent = l.quarter_spent.saturating_sub(*delta);
            }
        }
        Event::Stat { lab, stat, delta } => apply_stat(state, *lab, *stat, *delta),
        Event::PersonJoined { person } => state.people.push(person.clone()),
        Event::Hired {
            lab,
            person,
            salary,
            ..
        } => {
            move_person(state, *person, Some(*lab));
            state.people[*person as usize].salary = *salary;
        }
        Event::OfferRefused { person, .. } => {
            state.people[*person as usize].refused_month = Some(state.month);
        }
        Event::SalaryChanged { person, salary } => {
            // A new contract: the person counts as freshly signed.
            let month = state.month;
            let p = &mut state.people[*person as usize];
            p.salary = *salary;
            p.since = month;
        }
        Event::PersonLeft { person, to } => move_person(state, *person, *to),
        Event::MarketRefreshed { candidates } => state.market = candidates.clone(),
        Event::Adopted { lab, adoption } => {
            let l = &mut state.labs[*lab as usize];
            l.tech.retain(|a| a.tech != adoption.tech);
            l.tech.push(adoption.clone());
        }
        Event::Integrated { lab, tech } => {
            if let Some(a) = state.labs[*lab as usize]
                .tech
                .iter_mut()
                .find(|a| a.tech == *tech)
            {
                a.integrating = 0;
            }
        }
        Event::MadeInHouse { lab, tech } => {
            let l = &mut state.labs[*lab as usize];
            if let Some(a) = l.tech.iter_mut().find(|a| a.tech == *tech) {
                a.in_house = true;
                a.integrating = 0;
            } else {
                l.tech.push(Adoption {
                    tech: *tech,
                    integrating: 0,
                    in_house: true,
                });
            }
        }
        Event::LicenceChanged { tech, monthly } => {
            let month = state.month;
            let t = &mut state.techs[*tech as usize];
            if *monthly > t.licence_monthly {
                t.raised_month = Some(month);
            }
            t.licence_monthly = *monthly;
        }
        Event::IntegrationAdvanced { lab } => {
            for a in &mut state.labs[*lab as usize].tech {
                a.integrating = a.integrating.saturating_sub(1);
            }
        }
        Event::Leased { lab, kgpu } => {
            let l = &mut state.labs[*lab as usize];
            l.leased = l.leased.saturating_add_signed(*kgpu);
        }
        Event::LoyaltyChanged { person, loyalty } => {
            state.people[*person as usize].loyalty = *loyalty;
        }
        Event::AccessCut { tech, until } => state.techs[*tech as usize].cut_until = Some(*until),
        Event::GpuOrdered { lab, kgpu } => {
            let l = &mut state.labs[*lab as usize];
            l.gpu_quarter = l.gpu_quarter.saturating_add(*kgpu);
        }
        Event::Raided { lab } => {
            let l = &mut state.labs[*lab as usize];
            l.raids = l.raids.saturating_add(1);
        }
        Event::QuarterClosed => {
            for l in &mut state.labs {
                l.gpu_quarter = 0;
                l.quarter_spent = 0;
                l.raids = l.raids.saturating_sub(1);
            }
        }
        Event::Retired { lab, legacy } => state.labs[*lab as usize].legacy.retain(|l| l != legacy),
        Event::ProjectStarted { lab, project } => {
            state.labs[*lab as usize].projects.push(project.clone());
        }
        Event::ProjectsAdvanced { lab, months } => {
            for p in &mut state.labs[*lab as usize].projects {
                let left = i16::from(p.months_left) - i16::from(*months);
                p.months_left = left.clamp(0, 60) as u8;
                p.months_total = p.months_total.max(p.months_left);
            }
        }
        Event::ProjectFinished { lab, index } => {
            let projects = &mut state.labs[*lab as usize].projects;
            if usize::from(*index) < projects.len() {
                projects.remove(usize::from(*index));
            }
        }
        Event::StageCompleted { lab, stage } => state.labs[*lab as usize].stages.push(*stage),
        Event::DeployTime { lab, minutes } => state.labs[*lab as usize].deploy_minutes = *minutes,
        Event::Released { lab } => {
            let month = state.month;
            let l = &mut state.labs[*lab as usize];
            l.open_releases = l.open_releases.saturating_add(1);
            l.last_release_month = Some(month);
        }
        Event::Research {
            lab,
            gain,
            breakdown,
        } => {
            let l = &mut state.labs[*lab as usize];
            add_tracks(&mut l.tracks, gain);
            l.last_speed = breakdown.clone();
            // A speed bonus or penalty counts for one month's research, then it is spent.
            // Spending it here (not at the month's close) lets what rivals and events do after
            // research count in the next month.
            l.speed_bonus_pct = 0;
        }
        Event::TrackGain { lab, gain } => add_tracks(&mut state.labs[*lab as usize].tracks, gain),
        Event::ChoiceOpened { choice } => {
            if let super::state::ChoiceSource::Poach { .. } = choice.source {
                state.labs[usize::from(super::state::PLAYER)].last_approach = Some(state.month);
            }
            state.pending = Some(choice.clone());
        }
        Event::ChoiceClosed => state.pending = None,
        Event::Scheduled { item } => state.scheduled.push(item.clone()),
        Event::ScheduledLanded { month } => state.scheduled.retain(|s| s.month > *month),
        Event::EventFired { event } => state.fired.push(super::state::FiredEvent {
            event: *event,
            month: state.month,
        }),
        Event::DealTaken { deal } => state.deals_taken.push(*deal),
        Event::WeeksNextMonth { delta } => {
            state.weeks_next = state.weeks_next.saturating_add(*delta).clamp(-2, 2);
        }
        Event::News { news } => {
            state.news.push(news.clone());
            const KEEP: usize = 60;
            if state.news.len() > KEEP {
                let extra = state.news.len() - KEEP;
                state.news.drain(..extra);
            }
        }
        Event::BooksClosed {
            lab,
            burn,
            months_in_debt,
        } => {
            let l = &mut state.labs[*lab as usize];
            l.last_burn = *burn;
            l.months_in_debt = *months_in_debt;
        }
        Event::Timeline { entry } => state.timeline.push(entry.clone()),
        Event::MonthClosed { record } => {
            state.history.push(record.clone());
            state.month = state.month.saturating_add(1);
            let player_weeks = i16::from(WEEKS_PER_MONTH) + i16::from(state.weeks_next);
            state.weeks_next = 0;
            for (i, l) in state.labs.iter_mut().enumerate() {
                l.weeks = if i == 0 {
                    player_weeks.clamp(1, 6) as u8
                } else {
                    WEEKS_PER_MONTH
                };
            }
        }
        Event::Ended { ending } => state.ending = Some(ending.clone()),
        Event::IntelUpdated { intel } => state.intel = intel.clone(),
    }
}

/// Moves a person to a new employer (or none), keeping the labs' staff lists in step.
fn move_person(state: &mut GameState, person: PersonId, to: Option<LabId>) {
    let month = state.month;
    let p = &mut state.people[person as usize];
    let old = p.employer;
    p.employer = to;
    p.since = month;
    if let Some(old) = old {
        state.labs[usize::from(old)].staff.retain(|&s| s != person);
    }
    if let Some(new) = to {
        state.labs[usize::from(new)].staff.push(person);
    }
    state.market.retain(|&c| c != person);
}

fn add_tracks(tracks: &mut [Progress; 3], gain: &[i32; 3]) {
    for (t, g) in tracks.iter_mut().zip(gain) {
        *t = Progress(t.0.saturating_add(*g)).clamped();
    }
}

fn apply_stat(state: &mut GameState, lab: LabId, stat: Stat, delta: i64) {
    let l = &mut state.labs[lab as usize];
    let bump = |v: i32, lo: i64, hi: i64| (i64::from(v) + delta).clamp(lo, hi) as i32;
    match stat {
        Stat::Budget => l.budget = l.budget.saturating_add(delta),
        Stat::Income => l.income = (l.income + delta).clamp(0, 1_000_000),
        Stat::Morale => l.morale = bump(l.morale, 0, 100),
        Stat::Risk => l.risk = bump(l.risk, 0, 100),
        Stat::Board => l.board = bump(l.board, 0, 100),
        Stat::Review => l.review = bump(l.review, 0, 100),
        Stat::Ecosystem => l.ecosystem = bump(l.ecosystem, 0, 100),
        Stat::Data => l.data = bump(l.data, 0, 100),
        Stat::Researchers => {
            l.researchers = (i64::from(l.researchers) + delta).clamp(0, 1_000_000) as u32;
        }
        Stat::Compute => l.compute = (i64::from(l.compute) + delta).clamp(0, 100_000) as u32,
        Stat::Products => l.products = (i64::from(l.products) + delta).clamp(0, 10) as u8,
        Stat::Disruption => l.disruption = (i64::from(l.disruption) + delta).clamp(0, 12) as u8,
        Stat::SpeedBonus => l.speed_bonus_pct = bump(l.speed_bonus_pct, -90, 200),
        Stat::PayMemory => l.pay_memory = bump(l.pay_memory, 0, 200),
    }
}
