//! The state of one game: every lab, the people, the talent market and what has happened.
//!
//! Only [`crate::game::event::apply_event`] changes it. Everything here is integers, `Vec`s and
//! strings in a fixed order, so the canonical hash (see `hash.rs`) is the same on every machine.

use serde::{Deserialize, Serialize};

use super::data::{Content, Personality, Role, Track};
use super::research::SpeedBreakdown;
use super::rng::Pcg32;
pub use super::story::Story;
use super::units::{Money, Progress};

/// Index of a lab in `GameState::labs`. The player is always lab 0.
pub type LabId = u8;
/// The player's lab.
pub const PLAYER: LabId = 0;
/// Index of a person in `GameState::people`.
pub type PersonId = u32;

/// CEO weeks each month.
pub const WEEKS_PER_MONTH: u8 = 4;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GameState {
    pub seed: u64,
    /// Months completed (0 at the start). The current month is `month`.
    pub month: u16,
    /// Extra or fewer weeks next month (events).
    pub weeks_next: i8,
    /// The dice of the rules, one stream per purpose (see [`Dice`]).
    pub dice: Dice,
    pub labs: Vec<Lab>,
    pub people: Vec<Person>,
    /// Candidates in this month's talent market.
    pub market: Vec<PersonId>,
    /// Per tech in the catalogue: current licence price and access.
    pub techs: Vec<TechMarket>,
    /// An event waiting for the player's choice.
    pub pending: Option<PendingChoice>,
    /// Events that fired already (ids of `once` events and cooldowns).
    pub fired: Vec<FiredEvent>,
    /// Deals the player has taken.
    pub deals_taken: Vec<u16>,
    pub news: Vec<News>,
    /// One entry per finished month.
    pub history: Vec<MonthRecord>,
    /// The player's decisions that shaped the game, for the debrief.
    pub timeline: Vec<TimelineEntry>,
    pub ending: Option<Ending>,
    /// Consequences of earlier choices still to come, in the order they were made.
    pub scheduled: Vec<Scheduled>,
    /// What the player knows of each lab's progress, by lab index (see `intel.rs`); empty in
    /// a game from before estimates, where every lab is seen exactly.
    #[serde(default)]
    pub intel: Vec<super::intel::RivalIntel>,
}

/// A delayed consequence: effects on a lab that land at the end of a given month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheduled {
    /// The month at whose end it lands.
    pub month: u16,
    pub lab: LabId,
    pub note: String,
    pub effects: Vec<super::data::Effect>,
}

/// The game's random streams. Each purpose draws from its own stream, so what a player does
/// in one part of the game does not reshuffle the dice of another: a whole class playing one
/// seed sees the same talent market, the same rival dice and the same event dice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dice {
    /// New people and the talent market.
    pub world: Pcg32,
    /// Rivals' choices and the outcome of their offers.
    pub rivals: Pcg32,
    /// Which events strike and whom they hit.
    pub events: Pcg32,
    /// Outcomes of the player's own offers.
    pub player: Pcg32,
    /// Safety incidents.
    pub incidents: Pcg32,
    /// The error of the player's estimates of the rivals (see `intel.rs`).
    #[serde(default = "intel_stream")]
    pub intel: Pcg32,
}

fn intel_stream() -> Pcg32 {
    Pcg32::new(0, 6)
}

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice {
            world: Pcg32::new(seed, 1),
            rivals: Pcg32::new(seed, 2),
            events: Pcg32::new(seed, 3),
            player: Pcg32::new(seed, 4),
            incidents: Pcg32::new(seed, 5),
            intel: Pcg32::new(seed, 6),
        }
    }

    /// The stream for the outcome of a lab's own moves.
    pub fn of(&mut self, lab: LabId) -> &mut Pcg32 {
        if lab == PLAYER {
            &mut self.player
        } else {
            &mut self.rivals
        }
    }
}

/// One lab, the player's or a rival's. Same fields, same rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lab {
    pub personality: Personality,
    /// CEO (or lab leader) weeks left this month.
    pub weeks: u8,
    /// Leased GPUs (thousands), paid monthly.
    pub leased: u32,
    pub budget: Money,
    pub income: Money,
    pub researchers: u32,
    pub compute: u32,
    pub deploy_minutes: u32,
    pub review: i32,
    pub morale: i32,
    pub risk: i32,
    pub board: i32,
    pub ecosystem: i32,
    pub data: i32,
    pub products: u8,
    pub open_releases: u8,
    pub last_release_month: Option<u16>,
    /// Progress per track.
    pub tracks: [Progress; 3],
    pub stages: Vec<u16>,
    /// Named people working here (kept in step with `Person::employer` by the events).
    pub staff: Vec<PersonId>,
    pub tech: Vec<Adoption>,
    pub legacy: Vec<u16>,
    pub projects: Vec<Project>,
    /// Months of disruption left (retiring legacy); research slower meanwhile.
    pub disruption: u8,
    /// One-month research speed change from events, percent.
    pub speed_bonus_pct: i32,
    /// How the last month's progress came about.
    pub last_speed: SpeedBreakdown,
    /// Months in a row with a negative budget.
    pub months_in_debt: u8,
    /// Spending of the last month, for runway.
    pub last_burn: Money,
    /// Money spent up front (every action's price) since the quarter began, held against the
    /// board's capital guidance.
    #[serde(default)]
    pub quarter_spent: Money,
    /// How much the talent market remembers this lab's overpaying: percent added to asks.
    #[serde(default)]
    pub pay_memory: i32,
    /// The month a rival last approached this lab's people.
    #[serde(default)]
    pub last_approach: Option<u16>,
    /// Thousands of GPUs this lab ordered this quarter (data centres and leases), out of the
    /// shared supply (see `compute.rs`).
    #[serde(default)]
    pub gpu_quarter: u32,
    /// How many of this lab's people the player has taken lately (one fades each quarter):
    /// a raided lab counters harder and poaches back (see `rivals.rs`).
    #[serde(default)]
    pub raids: u8,
}

impl Lab {
    /// Overall progress: the mean of the tracks and the weakest track, averaged. Reaches 100 only
    /// when every track does, so a weak track holds the lab back.
    pub fn progress(&self) -> Progress {
        let sum: i32 = self.tracks.iter().map(|t| t.0).sum();
        let min = self.tracks.iter().map(|t| t.0).min().unwrap_or(0);
        Progress((sum / 3 + min) / 2)
    }

    pub fn track(&self, t: Track) -> Progress {
        self.tracks[t.index()]
    }

    pub fn has_superintelligence(&self) -> bool {
        self.tracks.iter().all(|t| *t >= Progress::MAX)
    }

    pub fn weakest_track(&self) -> Track {
        let mut best = Track::Reasoning;
        for t in Track::ALL {
            if self.tracks[t.index()] < self.tracks[best.index()] {
                best = t;
            }
        }
        best
    }

    pub fn has_stage(&self, stage: u16) -> bool {
        self.stages.contains(&stage)
    }

    pub fn tech_status(&self, tech: u16) -> Option<&Adoption> {
        self.tech.iter().find(|a| a.tech == tech)
    }
}

/// A person whose name the game knows. Rank-and-file staff are a headcount in `Lab`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub title: String,
    pub role: Role,
    pub specialty: Track,
    pub skill: u8,
    pub star: bool,
    /// Yearly pay asked or earned, USD millions.
    pub salary: u32,
    pub loyalty: u8,
    pub employer: Option<LabId>,
    /// The month they joined their current employer.
    pub since: u16,
    /// Marked when an offer from the player was turned down this month.
    pub refused_month: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TechMarket {
    pub licence_monthly: Money,
    /// When the vendor last raised the price.
    pub raised_month: Option<u16>,
    /// Access cut until this month (exclusive).
    pub cut_until: Option<u16>,
}

/// A lab's use of one catalogue tech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adoption {
    pub tech: u16,
    /// Months of integration left; the bonus applies at 0.
    pub integrating: u8,
    /// Built in-house: no licence, no dependency, no price rises.
    pub in_house: bool,
}

/// Something that takes months and pays off when done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub kind: ProjectKind,
    pub months_left: u8,
    pub months_total: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProjectKind {
    Stage(u16),
    /// An in-house build of a catalogue tech.
    Build(u16),
    /// A data centre: thousands of GPUs.
    DataCentre(u32),
    /// A cloud lease of thousands of GPUs; the GPUs go back when it ends.
    Lease(u32),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingChoice {
    pub source: ChoiceSource,
    pub title: String,
    pub text: String,
    pub options: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChoiceSource {
    /// An event from the deck (index into `Content::events`).
    Event(u16),
    /// A rival is poaching one of the player's people: match the offer or let them go.
    Poach {
        person: PersonId,
        rival: LabId,
        salary: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiredEvent {
    pub event: u16,
    pub month: u16,
}

/// A line in the news feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct News {
    pub month: u16,
    pub kind: NewsKind,
    /// The lab the news is about, if any; rival news text starts after the lab's name.
    pub lab: Option<LabId>,
    /// What happened; put into words only when shown (`News::text`).
    pub story: Story,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NewsKind {
    Player,
    Rival,
    Event,
    Warning,
    Milestone,
}

/// What the race looked like at the end of one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthRecord {
    pub month: u16,
    /// Overall progress of each lab, by lab index.
    pub progress: Vec<Progress>,
    pub budget: Money,
    pub morale: i32,
    pub risk: i32,
    pub board: i32,
    pub deploy_minutes: u32,
    pub speed: SpeedBreakdown,
    /// Every lab's progress as the player saw it at the month's end (the rivals estimated,
    /// see `intel.rs`); empty in a game from before estimates.
    #[serde(default)]
    pub seen: Vec<Progress>,
}

/// A key decision of the player, for the debrief's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub month: u16,
    pub lever: Lever,
    /// The decision; put into words only when shown (`TimelineEntry::text`).
    pub story: Story,
}

/// The levers a decision belongs to (for the debrief and the class report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lever {
    Hiring,
    AdoptTech,
    Pipeline,
    Compute,
    OpenRelease,
    Safety,
    Product,
    Morale,
    Deal,
    Event,
    Intelligence,
}

impl Lever {
    pub fn name(self) -> &'static str {
        match self {
            Lever::Hiring => "hiring",
            Lever::AdoptTech => "adopted tech",
            Lever::Pipeline => "pipeline",
            Lever::Compute => "compute",
            Lever::OpenRelease => "open releases",
            Lever::Safety => "safety",
            Lever::Product => "products",
            Lever::Morale => "morale",
            Lever::Deal => "deals",
            Lever::Event => "events",
            Lever::Intelligence => "intelligence",
        }
    }
}

/// How the game ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ending {
    /// The player reached superintelligence first. Careful when risk and review were sound.
    PlayerFirst { careful: bool },
    /// A rival got there first; `margin` is how far ahead of the player it was.
    RivalFirst { rival: LabId, margin: Progress },
    /// The campaign ran out; `rank` 1 means the player led the race.
    Deadline { rank: u8 },
    /// The board froze the budget.
    BudgetFrozen,
    /// A catastrophic incident ended the programme.
    Catastrophe,
}

impl Ending {
    /// A win for balance and reports: first to superintelligence, or leading at the deadline.
    pub fn is_win(&self) -> bool {
        matches!(
            self,
            Ending::PlayerFirst { .. } | Ending::Deadline { rank: 1 }
        )
    }

    /// A short, stable name (CSV, JSON, sim output).
    pub fn key(&self) -> &'static str {
        match self {
            Ending::PlayerFirst { careful: true } => "careful-win",
            Ending::PlayerFirst { careful: false } => "reckless-win",
            Ending::RivalFirst { .. } => "rival-first",
            Ending::Deadline { rank: 1 } => "deadline-lead",
            Ending::Deadline { .. } => "deadline-behind",
            Ending::BudgetFrozen => "budget-frozen",
            Ending::Catastrophe => "catastrophe",
        }
    }

    pub const KEYS: [&'static str; 7] = [
        "careful-win",
        "reckless-win",
        "deadline-lead",
        "rival-first",
        "deadline-behind",
        "budget-frozen",
        "catastrophe",
    ];
}

impl GameState {
    pub fn player(&self) -> &Lab {
        &self.labs[PLAYER as usize]
    }

    pub fn lab(&self, id: LabId) -> &Lab {
        &self.labs[id as usize]
    }

    pub fn is_over(&self) -> bool {
        self.ending.is_some()
    }

    /// The calendar month and year of the current turn.
    pub fn date(&self, content: &Content) -> (u16, u8) {
        let zero_based =
            u32::from(content.scenario.start_month.saturating_sub(1)) + u32::from(self.month);
        let year = u32::from(content.scenario.start_year) + zero_based / 12;
        (year as u16, (zero_based % 12 + 1) as u8)
    }

    /// "Oct 2025" for the current turn.
    pub fn date_label(&self, content: &Content) -> String {
        content.date_label(self.month)
    }

    /// Rivals ordered by overall progress, leader first (ties by index).
    pub fn leading_rival(&self) -> LabId {
        let mut best = 1u8;
        for id in 1..self.labs.len() as u8 {
            if self.lab(id).progress() > self.lab(best).progress() {
                best = id;
            }
        }
        best
    }

    /// The player's rank in the race, 1 = leading (ties favour the rival).
    pub fn player_rank(&self) -> u8 {
        if matches!(self.ending, Some(Ending::PlayerFirst { .. })) {
            return 1;
        }
        let p = self.player().progress();
        let rank = 1 + self.labs[1..].iter().filter(|l| l.progress() >= p).count() as u8;
        if matches!(self.ending, Some(Ending::RivalFirst { .. })) {
            rank.max(2)
        } else {
            rank
        }
    }

    /// A lab's most recent move still in the news feed.
    pub fn last_move(&self, lab: LabId) -> Option<&News> {
        self.news.iter().rev().find(|n| n.lab == Some(lab))
    }

    /// The player's named staff.
    pub fn staff_of(&self, lab: LabId) -> impl Iterator<Item = (PersonId, &Person)> {
        self.labs[usize::from(lab)]
            .staff
            .iter()
            .map(move |&id| (id, &self.people[id as usize]))
    }

    /// Monthly salary bill of a lab's named people, USD millions.
    pub fn star_payroll(&self, lab: LabId) -> Money {
        self.staff_of(lab)
            .map(|(_, p)| Money::from(p.salary))
            .sum::<Money>()
            / 12
    }
}

pub fn month_name(m: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES[usize::from(m.clamp(1, 12) - 1)]
}
