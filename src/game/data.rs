//! The typed content of one game: the scenario with its labs, talent, tech catalogue, legacy
//! systems, pipeline stages, deals, events and difficulty, fully resolved.
//!
//! `content/` builds a [`Content`] from the RON assets (or a teacher's scenario file) and checks
//! it; the rules only read it. A save embeds the whole `Content`, so a save opens on a machine
//! that has never seen the sender's assets.

use serde::{Deserialize, Serialize};

use super::balance::BalanceDef;
use super::units::Money;

/// The capability tracks. Superintelligence needs all of them at 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Track {
    Reasoning,
    Multimodal,
    Agents,
}

impl Track {
    pub const ALL: [Track; 3] = [Track::Reasoning, Track::Multimodal, Track::Agents];

    pub fn index(self) -> usize {
        match self {
            Track::Reasoning => 0,
            Track::Multimodal => 1,
            Track::Agents => 2,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Track::Reasoning => "reasoning",
            Track::Multimodal => "multimodal",
            Track::Agents => "agents",
        }
    }
}

/// How a rival lab chooses its moves. The player's lab has one too; it only matters for rivals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Personality {
    /// Ships products fast and early (OpenAI by default).
    ProductSpeed,
    /// Out-builds everyone on compute (Google DeepMind).
    ComputeDepth,
    /// Careful: invests in safety review and moves steadily (Anthropic).
    SafetyFirst,
    /// Buys compute and talent at any price, takes risks (xAI).
    BruteForce,
    /// Small, frugal, fast, releases open weights (DeepSeek).
    EfficientOpen,
}

/// A person's role in a lab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Research,
    Infra,
    Product,
    Safety,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Research => "research",
            Role::Infra => "infra",
            Role::Product => "product",
            Role::Safety => "safety",
        }
    }
}

/// What a piece of outside tech is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TechKind {
    Framework,
    Model,
    Tool,
    Platform,
}

/// The whole, resolved content of one game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Content {
    pub scenario: ScenarioInfo,
    pub difficulty: DifficultyDef,
    /// The player's lab comes first; the rest are rivals.
    pub labs: Vec<LabDef>,
    pub talent: TalentDef,
    pub techs: Vec<TechDef>,
    pub legacy: Vec<LegacyDef>,
    pub stages: Vec<StageDef>,
    pub deals: Vec<DealDef>,
    pub events: Vec<EventDef>,
    /// Every tuning number of the rules.
    pub balance: BalanceDef,
    /// The teacher's scheduled events (their text is in `events`). Left out of the encoding
    /// when empty, so a scenario without injects keeps its fingerprint and its games' hashes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub injects: Vec<super::inject::InjectDef>,
    /// Months (1 = the first turn) at whose start the teacher pauses the class. Not a rule:
    /// the interface enforces it, the rules never read it, and the fingerprint leaves it out
    /// (a new version of the file that only moves a pause is the same world).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pause_at: Vec<u16>,
}

impl Content {
    /// The calendar month of a month of the campaign (0 is the first), as year × 12 + month
    /// − 1: comparable with [`calendar_index`].
    pub fn calendar_of(&self, month: u16) -> u32 {
        calendar_index(
            self.scenario.start_year,
            self.scenario.start_month.clamp(1, 12),
        ) + u32::from(month)
    }

    /// "Jan 2026" for a month of the campaign (0 is the first).
    pub fn date_label(&self, month: u16) -> String {
        let zero = u32::from(self.scenario.start_month.clamp(1, 12) - 1) + u32::from(month);
        format!(
            "{} {}",
            super::state::month_name((zero % 12 + 1) as u8),
            u32::from(self.scenario.start_year) + zero / 12
        )
    }

    /// A vendor as players read it: a lab's short name, or the outside vendor's own name.
    pub fn vendor_name<'a>(&'a self, vendor: &'a str) -> &'a str {
        self.labs
            .iter()
            .find(|l| l.id == vendor)
            .map_or(vendor, |l| l.short.as_str())
    }
}

/// "1 month", "3 months".
pub fn plural(n: impl Into<i64>, word: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// What a scenario says about itself and the campaign's shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioInfo {
    pub id: String,
    pub name: String,
    pub description: String,
    pub start_year: u16,
    /// 1 = January.
    pub start_month: u8,
    /// Number of turns (months).
    pub months: u16,
    /// A seed fixed by the teacher, if any.
    #[serde(default)]
    pub seed: Option<u64>,
    /// A difficulty fixed by the teacher, if any.
    #[serde(default)]
    pub difficulty: Option<String>,
    /// When true, the seed, difficulty and length cannot be changed when starting.
    #[serde(default)]
    pub locked: bool,
}

/// One difficulty level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DifficultyDef {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Rival research speed in percent of normal.
    pub rival_speed_pct: u32,
    /// The player's starting budget and income in percent of the scenario's.
    pub budget_pct: u32,
    /// Harm done by bad events in percent of the event's stated size.
    pub event_severity_pct: u32,
}

/// A lab's starting position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabDef {
    pub id: String,
    pub name: String,
    /// At most 10 characters, for tables.
    pub short: String,
    pub personality: Personality,
    /// Cash for AI at the start, USD millions.
    pub budget: Money,
    /// Money coming in each month for AI (share of revenue or funding), USD millions.
    pub monthly_income: Money,
    /// Rank-and-file researchers and engineers.
    pub researchers: u32,
    /// Named key people generated for this lab at the start.
    pub stars: u8,
    /// Compute in thousands of H100-equivalent GPUs.
    pub compute: u32,
    /// Minutes from a change to a deployed experiment.
    pub deploy_minutes: u32,
    /// Starting progress per track, in points (0-100).
    pub tracks: [u32; 3],
    /// Which tracks the lab's research leans to (relative weights).
    pub focus: [u32; 3],
    pub morale: u8,
    pub risk: u8,
    pub board: u8,
    /// Strength of safety review, 0-100.
    pub review: u8,
    pub ecosystem: u8,
    pub data: u8,
    /// Legacy systems the lab runs (ids into the legacy list).
    #[serde(default)]
    pub legacy: Vec<String>,
    /// Pipeline stages already in place (ids).
    #[serde(default)]
    pub stages: Vec<String>,
    /// AI products shipped at the start.
    #[serde(default)]
    pub products: u8,
}

/// The talent market's building blocks: invented names and the kinds of people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentDef {
    pub first_names: Vec<String>,
    pub last_names: Vec<String>,
    pub archetypes: Vec<Archetype>,
    /// Candidates shown each month.
    pub market_size: u8,
}

/// A kind of person that can appear in the talent market.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Archetype {
    pub title: String,
    pub role: Role,
    pub star: bool,
    pub skill: (u8, u8),
    /// Yearly pay asked, USD millions.
    pub salary: (u32, u32),
    pub weight: u32,
}

/// A piece of outside tech in the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TechDef {
    pub id: String,
    pub name: String,
    /// A lab id from the scenario, or an outside vendor's name.
    pub vendor: String,
    pub kind: TechKind,
    /// What it does; a legacy system with the same role can be retired once this is active.
    pub role: String,
    pub summary: String,
    /// Research speed bonus in percent once active.
    pub speed_pct: u32,
    /// Extra bonus on one track.
    #[serde(default)]
    pub track: Option<Track>,
    #[serde(default)]
    pub track_pct: u32,
    pub adopt_cost: Money,
    pub licence_monthly: Money,
    pub integration_months: u8,
    /// Morale lost when adopting ("not invented here").
    pub morale_cost: u8,
    /// Risk added while depending on it.
    pub dependency_risk: u8,
    pub build_cost: Money,
    pub build_months: u8,
    /// Open source: no licence fee and no price rises, only integration work.
    #[serde(default)]
    pub open_source: bool,
    /// The month of the campaign (0 = the first) from which it can be adopted or built.
    #[serde(default)]
    pub available_from: u16,
    /// Overall progress (points) a lab needs before it can use it.
    #[serde(default)]
    pub min_progress: u32,
    /// Whether this is public record, an extrapolation from it, or invented.
    #[serde(default)]
    pub basis: Basis,
}

/// How a piece of content relates to the public record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// Happened: when, and where it was reported.
    Fact { date: String, source: String },
    /// Reported by a single source and not confirmed elsewhere: shown as such, not as fact.
    Reported { date: String, source: String },
    /// Extrapolated from the public record.
    Extrapolation,
    /// Made up for the game.
    #[default]
    Fiction,
    /// Written by the class's teacher into the scenario file (an inject).
    Teacher,
}

impl Basis {
    /// "fact (Jun 2025; source)", "reported, unconfirmed (20 Oct 2025; source)",
    /// "extrapolation", "fiction".
    pub fn label(&self) -> String {
        match self {
            Basis::Fact { date, source } => format!("fact ({date}; {source})"),
            Basis::Reported { date, source } => {
                format!("reported, unconfirmed ({date}; {source})")
            }
            Basis::Extrapolation => "extrapolation".to_string(),
            Basis::Fiction => "fiction".to_string(),
            Basis::Teacher => "from your teacher".to_string(),
        }
    }
}

/// A slow in-house system that drags on research speed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegacyDef {
    pub id: String,
    pub name: String,
    pub role: String,
    pub summary: String,
    /// Research speed lost while it runs, in percent.
    pub drag_pct: u32,
    pub retire_cost: Money,
}

/// A deploy pipeline stage, built as a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageDef {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub cost: Money,
    pub months: u8,
    /// Deploy time is multiplied by this percentage when the stage is done.
    pub deploy_pct: u32,
    /// Change to safety review strength when done (negative for cutting approvals).
    pub review: i32,
    /// Stages that must be done first.
    #[serde(default)]
    pub requires: Vec<String>,
    /// A legacy system with this role can be retired once the stage is done.
    #[serde(default)]
    pub role: Option<String>,
    /// The month of the campaign (0 = the first) from which it can be started.
    #[serde(default)]
    pub available_from: u16,
    /// Overall progress (points) a lab needs before it can start it.
    #[serde(default)]
    pub min_progress: u32,
}

/// A one-off deal defined by the scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DealDef {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub cost: Money,
    pub weeks: u8,
    #[serde(default)]
    pub min_month: u16,
    pub effects: Vec<Effect>,
    /// Whether this is public record, an extrapolation from it, or invented.
    #[serde(default)]
    pub basis: Basis,
}

/// A random event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDef {
    pub id: String,
    pub title: String,
    pub text: String,
    /// Base weight when its conditions hold.
    pub weight: u32,
    /// Whether this is public record, an extrapolation from it, or invented.
    #[serde(default)]
    pub basis: Basis,
    /// Weight grows with this measure of the player's lab.
    #[serde(default)]
    pub scale: Option<Scale>,
    #[serde(default)]
    pub once: bool,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// Applied when the event fires (before any choice).
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// If not empty, the player must pick one before ending the next month.
    #[serde(default)]
    pub choices: Vec<ChoiceDef>,
}

impl EventDef {
    /// The title as the game shows it: a teacher's event says whose it is.
    pub fn headline(&self) -> String {
        match self.basis {
            Basis::Teacher => format!("From your teacher: {}", self.title),
            _ => self.title.clone(),
        }
    }
}

/// One answer to an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceDef {
    pub label: String,
    pub effects: Vec<Effect>,
}

/// What makes an event likelier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scale {
    /// Risk: weight × risk / 25.
    Risk,
    /// Fast deploys with thin review: weight × (1 + experiments/100) × (100 - review) / 50.
    FastThinReview,
    /// Low morale: weight × (100 - morale) / 25.
    LowMorale,
    /// Heavy spending: weight × burn / income.
    Burn,
    /// Dependency on outside tech: weight × number of rival techs in use.
    Dependency,
}

/// A test on the player's lab that must hold for an event to be drawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    MinMonth(u16),
    MaxMonth(u16),
    RiskAtLeast(u8),
    MoraleAtMost(u8),
    BoardAtMost(u8),
    ReviewAtMost(u8),
    DeployMinutesAtMost(u32),
    HasRivalTech,
    HasLegacy,
    HasStars(u8),
    HasOpenRelease,
    HasProducts,
    BehindLeader,
    AheadOfAll,
    ProgressAtLeast(u32),
    BudgetBelow(Money),
    BuildingCompute,
    /// From this calendar month on (year, month 1-12): an event tied to a dated fact cannot
    /// strike before its real date.
    FromDate(u16, u8),
    /// Up to and including this calendar month (year, month 1-12): nor after its window.
    UntilDate(u16, u8),
}

/// A calendar month (year, month 1-12) as one number: year × 12 + month − 1.
pub fn calendar_index(year: u16, month: u8) -> u32 {
    u32::from(year) * 12 + u32::from(month.clamp(1, 12)) - 1
}

/// One change an event, choice or deal makes to the player's lab (or the race).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    /// USD millions (negative costs money).
    Budget(Money),
    /// Monthly income change, USD millions.
    Income(Money),
    Morale(i32),
    Risk(i32),
    Board(i32),
    Review(i32),
    Ecosystem(i32),
    Data(i32),
    /// Thousands of GPUs.
    Compute(i32),
    Researchers(i32),
    /// Progress on every track, in tenths of a point.
    Progress(i32),
    /// Progress on one track, in tenths of a point.
    TrackProgress(Track, i32),
    /// Deploy time changes by this percentage (negative is faster).
    DeployPct(i32),
    /// CEO weeks next month.
    Weeks(i32),
    /// The player's best star (by skill) leaves for a rival, any of them (the event dice pick).
    LoseStar,
    /// A named senior person joins the player's lab.
    GainStar,
    /// The leading rival gains progress on every track, tenths of a point.
    LeaderProgress(i32),
    /// Every rival gains progress on every track, tenths of a point.
    RivalsProgress(i32),
    /// The licence of one rival tech the player depends on changes by this percentage.
    LicencePct(i32),
    /// One rival tech the player depends on is cut off for this many months.
    CutAccess(u8),
    /// The player's unfinished projects take this many months longer.
    DelayProjects(u8),
    /// Research speed this month changes by this percentage (a disruption or a boost).
    SpeedThisMonth(i32),
    /// A consequence that lands this many months later (1 = at the end of next month), with
    /// the news line that says what it is.
    Later {
        months: u8,
        note: String,
        effects: Vec<Effect>,
    },
}
