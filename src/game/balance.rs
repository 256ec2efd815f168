//! The numbers that tune the game. They live in `assets/balance.ron`, travel inside every save
//! (as part of [`Content`](super::data::Content)) and can be replaced by a teacher's scenario,
//! so the rules in code hold only the logic: a change of balance never needs a new version of
//! the program, and an old save replays with the balance it was played with.
//!
//! Every field is an integer. Percentages are whole percent, chances per mille, money USD
//! millions, compute thousands of GPUs.

use serde::{Deserialize, Serialize};

use super::data::Personality;
use super::units::Money;

/// All the tuning numbers of one game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BalanceDef {
    pub research: ResearchBalance,
    pub compute: ComputeBalance,
    pub money: MoneyBalance,
    pub actions: ActionBalance,
    pub safety: SafetyBalance,
    pub hiring: HiringBalance,
    pub rivals: RivalBalance,
    pub board: BoardBalance,
    pub events: EventBalance,
    pub score: ScoreBalance,
    /// Estimates of the rivals and intelligence (see `intel.rs`).
    #[serde(default)]
    pub intel: super::intel::IntelBalance,
}

/// How research speed is made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResearchBalance {
    /// Base speed = `base_scale` × √(talent units × thousands of GPUs) ÷ 1000, in thousandths
    /// of a point a month: people and GPUs multiply, each with diminishing returns.
    pub base_scale: i64,
    /// Share of the base speed booked to talent in the breakdown (the rest to compute), percent.
    pub talent_share_pct: i64,
    /// Rank-and-file researchers per talent unit.
    pub researchers_per_unit: u32,
    /// Talent units per skill point of a research star (others count 1, non-research half).
    pub star_multiplier: u64,
    /// Working minutes in a month of deploys.
    pub work_minutes: u32,
    /// Fixed minutes each experiment costs besides the deploy itself.
    pub experiment_overhead: u32,
    /// Minutes of review each experiment waits for, per 10 points of review strength above
    /// `review_free`.
    pub review_minutes_per_10: u32,
    /// Review strength that costs no waiting: routine sign-offs done alongside the work. Only
    /// review above it makes each experiment wait, so thin review is fast and strong review
    /// is slow. Left out (balances written before it existed): all review costs minutes.
    #[serde(default)]
    pub review_free: i32,
    /// Experiments multiplier: base percent plus this many percent per √(experiments).
    pub experiments_base_pct: i64,
    pub experiments_sqrt_pct: i64,
    /// Infra staff add skill ÷ this percent to the experiments multiplier, up to the cap.
    pub infra_skill_div: u32,
    pub infra_bonus_max: u32,
    /// Morale speed change: (morale − 50) ÷ `morale_div` percent, never above `morale_max_pct`.
    pub morale_div: i64,
    pub morale_max_pct: i64,
    /// Data flywheel: data ÷ this percent. Ecosystem: ecosystem ÷ this percent.
    pub data_div: i64,
    pub ecosystem_div: i64,
    /// Overall progress (points) past which research is partly automated.
    pub automation_threshold: i32,
    /// Percent of speed per point past the threshold.
    pub automation_pct_per_point: i64,
    /// Research lost per month of disruption, percent, counting at most `disruption_cap` months.
    pub disruption_pct: i64,
    pub disruption_cap: u8,
    /// Track weights: focus × this, plus research staff skill (stars × `star_multiplier`).
    pub focus_weight: i64,
}

/// Data centres and leases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComputeBalance {
    /// USD millions per thousand GPUs of a data centre.
    pub data_centre_cost: Money,
    /// Months for a data centre to come online before its size counts: a data centre of k
    /// thousand GPUs takes this plus k ÷ `supply.build_kgpu_per_month` months (rounded up).
    pub data_centre_months: u8,
    /// Largest data centre in one go (thousands of GPUs).
    pub max_data_centre: u32,
    /// Leased GPUs: USD millions per thousand GPUs per month, paid every month of the lease.
    pub lease_monthly: Money,
    /// Months a lease runs.
    pub lease_months: u8,
    pub max_lease: u32,
    /// Running a thousand owned GPUs for a month (power, staff), USD millions.
    pub running_monthly: Money,
    /// The quarter's shared GPU supply, its price and how long building takes. Older balances
    /// without this section get the shipped market.
    #[serde(default)]
    pub supply: GpuSupply,
}

/// The GPU market every lab buys from (see `compute.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GpuSupply {
    /// Thousands of GPUs all labs together can order in a calendar quarter (data centres and
    /// leases). Sane range 200–5,000.
    pub quarter_supply: u32,
    /// Percent over list price per 100k GPUs ordered this quarter by anyone. Sane range 0–50.
    pub market_pct_per_100k: i64,
    /// Further percent per 100k GPUs the buying lab itself ordered this quarter: the biggest
    /// buyer pays most. Sane range 0–50.
    pub buyer_pct_per_100k: i64,
    /// Thousands of GPUs of a data centre built per month, after `data_centre_months`.
    /// Sane range 10–200.
    pub build_kgpu_per_month: u32,
}

impl Default for GpuSupply {
    fn default() -> Self {
        GpuSupply {
            quarter_supply: 800,
            market_pct_per_100k: 6,
            buyer_pct_per_100k: 8,
            build_kgpu_per_month: 40,
        }
    }
}

/// Salaries and the books.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoneyBalance {
    /// Monthly cost of one rank-and-file researcher, thousands of USD.
    pub researcher_monthly_thousands: Money,
    /// Months in a row in the red before the board freezes the budget.
    pub debt_months_to_freeze: u8,
}

/// The supporting actions: what they cost and do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionBalance {
    pub open_release_cost: Money,
    /// Months between two open releases.
    pub open_release_gap: u16,
    /// Progress needed before a first open release.
    pub open_release_min_progress: i32,
    pub ship_ai_cost: Money,
    /// Monthly income each shipped product adds.
    pub ship_ai_income: Money,
    pub ship_ai_data: i32,
    pub ship_ai_risk: i32,
    pub max_products: u8,
    /// Progress needed to ship: this plus `ship_ai_progress_step` per product already shipped.
    pub ship_ai_min_progress: i32,
    pub ship_ai_progress_step: i32,
    /// Looking after morale: a fixed cost plus one million per this many researchers.
    pub morale_cost_base: Money,
    pub morale_cost_per_researchers: Money,
    /// Morale gained: this percent of the way to 100, at least `morale_gain_min`.
    pub morale_gain_pct: i32,
    pub morale_gain_min: i32,
    /// Weeks an offer to a star takes (others take one).
    pub star_offer_weeks: u8,
    /// Offers allowed between these percentages of the ask.
    pub offer_min_pct: u32,
    pub offer_max_pct: u32,
    /// Signing bonus: this percent of the first year, paid with an accepted offer.
    pub signing_bonus_pct: u32,
    /// Yearly pay (USD millions) from which a package worries the board.
    pub big_package: u32,
    pub big_package_board: i32,
    /// A vendor's price rise, percent, and months between two rises.
    pub licence_raise_pct: i64,
    pub licence_raise_gap: u16,
    /// Retiring legacy: months of disruption and morale lost.
    pub retire_morale: i32,
    /// An open release draws researchers who want to work in the open: the market's memory of
    /// the lab's overpaying (see `HiringBalance::memory_per_10pct`) falls by this many points.
    /// Sane range 0..=100.
    #[serde(default)]
    pub release_memory_cut: i32,
}

/// Risk, review and incidents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SafetyBalance {
    pub review_cost: Money,
    pub review_gain: i32,
    pub review_risk: i32,
    /// Research speed lost in the month of a review, percent.
    pub review_speed_pct: i32,
    /// Risk drift: experiments × (`review_target` − review) ÷ `risk_divisor` a month.
    pub review_target: i64,
    pub risk_divisor: i64,
    /// Review at or above this lowers risk by one a month; below `thin_review` adds one.
    pub strong_review: i32,
    pub thin_review: i32,
    /// How the chances of an incident and of a catastrophe grow with risk and capability.
    /// Older balances without this section get the shipped curve.
    #[serde(default)]
    pub curve: RiskCurve,
    /// What an incident does.
    pub incident_morale: i32,
    pub incident_board: i32,
    pub incident_risk: i32,
    pub incident_review: i32,
    /// A win is careful when risk is below this and review at least `careful_review`.
    pub careful_risk: i32,
    pub careful_review: i32,
    /// Crunch: deploys faster than this (minutes) with review below `crunch_review` cost morale.
    pub crunch_minutes: u32,
    pub crunch_review: i32,
}

/// The chances of incidents and catastrophes, a smooth curve of risk and capability (see
/// `risk.rs`). Chances are in hundred-thousandths (1,000 = 1% a month).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RiskCurve {
    /// Incident chance a month = risk² × (100 + progress points) × this ÷ 1,000: at risk 50
    /// and progress 50 a scale of 6 gives 2.3% a month. Sane range 1–20.
    pub incident_scale: i64,
    /// Catastrophe chance a month = risk³ × progress points² ÷ this (the player only): at
    /// risk 65 and progress 80 a divisor of 800,000 gives 2.2% a month, at risk 40 0.5%.
    /// Smaller is deadlier. Sane range 300,000–20,000,000.
    pub catastrophe_div: i64,
    /// The real chance this month lies within ± this percent of the estimate, with no review.
    /// Sane range 0–90.
    pub spread_max_pct: i64,
    /// Each point of safety review narrows the spread by this many tenths of a percent.
    /// Sane range 0–20.
    pub spread_per_review_tenths: i64,
    /// The spread never narrows below this percent. Sane range 0–`spread_max_pct`.
    pub spread_min_pct: i64,
}

impl Default for RiskCurve {
    fn default() -> Self {
        RiskCurve {
            incident_scale: 6,
            catastrophe_div: 800_000,
            spread_max_pct: 60,
            spread_per_review_tenths: 6,
            spread_min_pct: 10,
        }
    }
}

/// The talent war.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HiringBalance {
    /// Acceptance per mille by offer as percent of the ask: (below this percent, chance); the
    /// last chance applies above every bound.
    pub acceptance: Vec<(i64, i64)>,
    pub acceptance_above: i64,
    /// Acceptance lost per point of loyalty to the current employer, per mille.
    pub loyalty_permille: i64,
    /// Acceptance gained when the offering lab leads, lost when it trails by `far_behind` points.
    pub leader_bonus: i64,
    pub far_behind: i32,
    pub far_behind_malus: i64,
    pub min_chance: i64,
    pub max_chance: i64,
    /// A counter-offer lowers acceptance by this much, or `counter_generous` at ≥ 150% of ask.
    pub counter_malus: i64,
    pub counter_generous: i64,
    /// Loyalty of a new hire: from `hire_loyalty` up to 30 more.
    pub hire_loyalty: u8,
    /// Per mille a person stays when the CEO cannot answer a poach, per point of loyalty.
    pub stay_permille_per_loyalty: i64,
    /// Chance that a rival of each personality counters an offer for its people, per mille.
    pub counter: Vec<(Personality, i64)>,
    /// Chance that a person in the market is a star, per mille.
    pub star_permille: i64,
    /// Pay gaps: a hire above this percent of the ask upsets the people already there.
    /// 0 (balances written before it existed): no pay-gap rule. Sane range 0..=300.
    #[serde(default)]
    pub pay_gap_from_pct: i64,
    /// Morale lost per 10 points of the offer above `pay_gap_from_pct`. Sane range 0..=10.
    #[serde(default)]
    pub pay_gap_morale_per_10pct: i64,
    /// The market remembers: each 10 points a hire's pay is above 100% of the ask add this
    /// many percent to every later ask the lab meets. Sane range 0..=10.
    #[serde(default)]
    pub memory_per_10pct: i32,
    /// Points of that memory that fade each month. Sane range 0..=20.
    #[serde(default)]
    pub memory_decay: i32,
    /// Most the asks can rise from memory, percent. Sane range 0..=200.
    #[serde(default)]
    pub memory_max: i32,
    /// Mercenaries: loyalty a new hire lacks per 10 points of pay above 100% of the ask
    /// (someone who joins for money leaves for money). Sane range 0..=20.
    #[serde(default)]
    pub mercenary_loyalty_per_10pct: i64,
    /// Named staff with loyalty below this may leave for a richer rival on their own each
    /// month, with chance (`flight_loyalty` − loyalty) × `flight_permille_per_point` per
    /// mille. 0: nobody leaves unasked. Sane ranges 0..=100 and 0..=100.
    #[serde(default)]
    pub flight_loyalty: i64,
    #[serde(default)]
    pub flight_permille_per_point: i64,
    /// A rival that lures someone away offers this percent of their pay. Sane range 100..=300.
    #[serde(default)]
    pub flight_offer_pct: u32,
}

/// How rivals play.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RivalBalance {
    /// Chance per week that a rival makes a move, per mille.
    pub activity: i64,
    /// Extra activity per mille while the player leads the race or is within `close_points`.
    pub pressure_activity: i64,
    pub close_points: i32,
    /// Months a rival waits before approaching someone who joined or was kept by a match.
    pub poach_cooldown: u16,
    /// Chance per month that a vendor raises the price of tech the player licenses, per mille.
    pub raise_permille: i64,
    /// Offers as percent of the ask, by personality.
    pub generosity: Vec<(Personality, u32)>,
    /// How much each personality likes each move, in the order hire, poach, compute, lease,
    /// pipeline, adopt, ship, release, safety, morale.
    pub preferences: Vec<(Personality, [u32; 10])>,
    /// Money a rival keeps in reserve, in months of income.
    pub reserve_months: Money,
    /// Months between two rivals' approaches to the player's people: poaching is one
    /// dilemma among many, not the monthly routine. 0 (balances written before it existed):
    /// no gap. Sane range 0..=24.
    #[serde(default)]
    pub approach_gap: u16,
    /// How the others answer a lab (the player or a rival) that runs away with the race.
    /// Older scenario files without this section get the shipped defaults.
    #[serde(default)]
    pub leader: LeaderReactions,
    /// How the others answer the player's own pattern: poaching, buying compute, depending on
    /// licences. Older scenario files without this section get the shipped defaults.
    #[serde(default)]
    pub counter: CounterPlay,
}

/// How rivals answer the player's pattern (see `counterplay.rs`). Chances are per mille,
/// checked once a month by each rival.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CounterPlay {
    /// A lab's chance to counter the player's offer for one of its people rises by this for
    /// every raid it remembers (a retention package). Sane range 0–300.
    pub retention_permille_per_raid: i64,
    /// A raided lab's chance each month to go after the player's best person, per raid it
    /// remembers. Sane range 0–300.
    pub poach_back_permille_per_raid: i64,
    /// Its offer, percent of the person's pay on top of its usual generosity. Sane range 0–100.
    pub poach_back_premium_pct: u32,
    /// Thousands of GPUs the player orders in a quarter from which rivals rush their own
    /// orders (0: never). Sane range 0–1,000.
    pub rush_kgpu: u32,
    /// Chance that a rival which has not ordered this quarter rushes an order, half the
    /// player's size at most. Sane range 0–1,000.
    pub rush_permille: i64,
    /// A vendor's chance to raise a licence price rises by this per paid licence the player
    /// holds beyond the first. Sane range 0–300.
    pub dependency_raise_permille: i64,
    /// From this many paid licences a vendor may cut one off (0: never). Sane range 0–10.
    pub dependency_cut_from: u8,
    /// The chance of a cut-off per licence from `dependency_cut_from` on. Sane range 0–300.
    pub dependency_cut_permille: i64,
    /// Months a cut-off lasts. Sane range 1–6.
    pub cut_months: u8,
}

impl Default for CounterPlay {
    fn default() -> Self {
        CounterPlay {
            retention_permille_per_raid: 120,
            poach_back_permille_per_raid: 50,
            poach_back_premium_pct: 25,
            rush_kgpu: 150,
            rush_permille: 250,
            dependency_raise_permille: 40,
            dependency_cut_from: 3,
            dependency_cut_permille: 30,
            cut_months: 2,
        }
    }
}

/// How rivals answer whoever leads the race: squeezing the leader's licences, poaching its best
/// person, and, for a lab far behind, an open release that commoditises the leader's edge.
/// Chances are per mille, checked once a month by each rival; points are whole points of 100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LeaderReactions {
    /// Points the leader must be ahead of the runner-up before the others react.
    pub lead_points: i32,
    /// Chance that a rival whose tech the leader licenses cuts that licence off.
    pub cut_permille: i64,
    /// Months a cut-off lasts.
    pub cut_months: u8,
    /// Chance that such a vendor raises the licence price instead (when it does not cut).
    pub raise_permille: i64,
    /// Chance that a rival goes after the leader's best person.
    pub poach_permille: i64,
    /// Offer to the leader's best person, percent of their pay on top of the rival's usual
    /// generosity.
    pub poach_premium_pct: u32,
    /// A rival at least this many points behind the leader is "far behind".
    pub far_behind_points: i32,
    /// Chance that a rival far behind open-releases its model to commoditise the leader's edge.
    pub release_permille: i64,
}

impl Default for LeaderReactions {
    fn default() -> Self {
        LeaderReactions {
            lead_points: 3,
            cut_permille: 60,
            cut_months: 2,
            raise_permille: 150,
            poach_permille: 60,
            poach_premium_pct: 25,
            far_behind_points: 10,
            release_permille: 250,
        }
    }
}

/// The board's judgement each month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardBalance {
    /// Progress in a month (thousandths) that pleases the board, and below which it frets.
    pub good_month: i32,
    pub poor_month: i32,
    /// Costs above this percent of income worry the board.
    pub burn_pct: i64,
    pub burn_malus: i64,
    pub leader_bonus: i64,
    pub debt_malus: i64,
    /// Capital guidance: what the board accepts being spent up front (every action's price:
    /// data centres, signing bonuses, projects, deals) in one quarter of three months, as
    /// percent of one month's income. 0 (balances written before it existed): no guidance.
    /// Sane range 0..=1000.
    #[serde(default)]
    pub guidance_pct: i64,
    /// Board confidence lost per month of income spent beyond the quarter's guidance, charged
    /// as the spending happens. Sane range 0..=100.
    #[serde(default)]
    pub over_guidance_board: i64,
    /// Below this board confidence the board withholds part of each month's income.
    /// 0: never. Sane range 0..=100.
    #[serde(default)]
    pub cut_below: i32,
    /// Percent of the month's income withheld per point of board confidence below
    /// `cut_below` (never more than the whole income). Sane range 0..=100.
    #[serde(default)]
    pub cut_pct_per_point: i64,
    /// The campaign's budget is the board's, a quarter at a time: at a quarter's close the
    /// company takes back `return_pct` percent of the cash held above `carry_pct` percent of
    /// a month's income (buybacks and the rest of the company). 0 (balances written before it
    /// existed): it never does. Sane ranges 0..=1000 and 0..=100.
    #[serde(default)]
    pub carry_pct: i64,
    #[serde(default)]
    pub return_pct: i64,
}

/// Random events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventBalance {
    /// Chance per month that an event strikes, per mille.
    pub chance: i64,
    /// Months before the same event can strike again.
    pub cooldown: u16,
}

/// The score and its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreBalance {
    pub careful_win: i64,
    pub reckless_win: i64,
    pub deadline_lead: i64,
    pub deadline_second: i64,
    pub deadline_rank_step: i64,
    pub rival_first: i64,
    /// Points per point of lead over the best rival, capped at ± `margin_cap`.
    pub margin_per_point: i64,
    pub margin_cap: i64,
    /// Points per month left when the race is won.
    pub speed_per_month: i64,
    /// Safety points: per point of (100 − risk) and per point of review.
    pub safety_per_risk: i64,
    pub safety_per_review: i64,
    /// Money points: budget ÷ this, capped.
    pub money_div: Money,
    pub money_cap: i64,
}

impl BalanceDef {
    pub fn counter_permille(&self, p: Personality) -> i64 {
        self.hiring
            .counter
            .iter()
            .find(|(q, _)| *q == p)
            .map_or(0, |(_, c)| *c)
    }

    pub fn generosity(&self, p: Personality) -> u32 {
        self.rivals
            .generosity
            .iter()
            .find(|(q, _)| *q == p)
            .map_or(100, |(_, g)| *g)
    }

    pub fn preferences(&self, p: Personality) -> [u32; 10] {
        self.rivals
            .preferences
            .iter()
            .find(|(q, _)| *q == p)
            .map_or([1; 10], |(_, w)| *w)
    }
}
