//! What a lab may do in a month, and why the rules refuse a command.
//!
//! The player and every rival issue the same [`Command`]s. [`check`](super::check) decides
//! whether a command is allowed now and answers with a [`RuleError`] a player can read.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::state::{Lever, PersonId};
use super::units::Money;

/// One decision. Content items are named by their id, so a save reads like a diary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// Offer a named person a yearly salary (USD millions).
    Offer { person: PersonId, salary: u32 },
    /// License a catalogue tech now: fast, but a dependency.
    Adopt(String),
    /// Build the equivalent of a catalogue tech in-house: slow, then independent.
    Build(String),
    /// Adopt now and start the in-house replacement at once.
    AdoptThenBuild(String),
    /// Switch off a legacy system once something replaces it.
    Retire(String),
    /// Start a pipeline stage project.
    Upgrade(String),
    /// Build a data centre: thousands of GPUs, arriving after a lead time.
    BuildDataCentre(u32),
    /// Lease cloud GPUs: thousands of GPUs next month, paid monthly.
    LeaseCompute(u32),
    /// Release an open-weights model.
    OpenRelease,
    /// Invest in safety and security review.
    SafetyReview,
    /// Ship AI features into the apps.
    ShipAi,
    /// Look after the team.
    Morale,
    /// Commission intelligence on the rival labs: their estimated progress narrows.
    Intelligence,
    /// Take a scenario deal.
    Deal(String),
    /// Answer the pending event (index of the option).
    Choose(u8),
    /// As the vendor of a catalogue tech, raise its licence price.
    RaiseLicence(String),
    /// Resolve the month.
    EndMonth,
}

impl Command {
    /// The lever a decision belongs to, for the debrief's counterfactual credit and the
    /// timeline: one place decides it. `EndMonth` belongs to none; an event answer is
    /// [`Lever::Event`]; raising a licence price is a business decision, with the deals.
    pub fn lever(&self) -> Option<Lever> {
        Some(match self {
            Command::Offer { .. } => Lever::Hiring,
            Command::Adopt(_)
            | Command::Build(_)
            | Command::AdoptThenBuild(_)
            | Command::Retire(_) => Lever::AdoptTech,
            Command::Upgrade(_) => Lever::Pipeline,
            Command::BuildDataCentre(_) | Command::LeaseCompute(_) => Lever::Compute,
            Command::OpenRelease => Lever::OpenRelease,
            Command::SafetyReview => Lever::Safety,
            Command::ShipAi => Lever::Product,
            Command::Morale => Lever::Morale,
            Command::Intelligence => Lever::Intelligence,
            Command::Deal(_) | Command::RaiseLicence(_) => Lever::Deal,
            Command::Choose(_) => Lever::Event,
            Command::EndMonth => return None,
        })
    }
}

/// Why a command is refused. Every message says what is wrong and, where it helps, what to do.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    #[error("the game is over")]
    GameOver,
    #[error("answer the event \"{0}\" first")]
    ChoicePending(String),
    #[error("there is no event waiting for an answer")]
    NoChoicePending,
    #[error("that event has no option {0}")]
    NoSuchOption(u8),
    #[error("not enough weeks left: this needs {need}, {have} left this month")]
    NotEnoughWeeks { need: u8, have: u8 },
    #[error("not enough budget: this costs {need}, you have {have}")]
    NotEnoughBudget { need: String, have: String },
    #[error("no such person")]
    UnknownPerson,
    #[error("{0} is not in this month's talent market")]
    NotInMarket(String),
    #[error("{0} already works for you")]
    AlreadyOnStaff(String),
    #[error("{0} turned you down this month; try again next month")]
    AlreadyRefused(String),
    #[error("an offer must be between {min} and {max} million a year")]
    OfferOutOfRange { min: u32, max: u32 },
    #[error("no tech called \"{0}\" in the catalogue")]
    UnknownTech(String),
    #[error("{0} is already in use or being integrated")]
    AlreadyAdopted(String),
    #[error("{0} is already being built in-house")]
    AlreadyBuilding(String),
    #[error("{0} is your own tech")]
    OwnTech(String),
    #[error("{vendor} has cut access to {tech} until {until}")]
    AccessCut {
        tech: String,
        vendor: String,
        until: String,
    },
    #[error("no legacy system called \"{0}\"")]
    UnknownLegacy(String),
    #[error("{0} is not running")]
    LegacyNotRunning(String),
    #[error("nothing replaces {legacy} yet: {how}")]
    NoReplacement { legacy: String, how: String },
    #[error("no pipeline stage called \"{0}\"")]
    UnknownStage(String),
    #[error("{0} is already done")]
    StageDone(String),
    #[error("{0} is already under way")]
    StageUnderWay(String),
    #[error("{stage} needs {needs} first")]
    StageNeeds { stage: String, needs: String },
    #[error("compute comes in 1 to {max} thousand GPUs at a time")]
    ComputeOutOfRange { max: u32 },
    #[error(
        "only {left}k GPUs are left for sale this quarter (every lab buys from the same {supply}k a quarter); order less or wait for the next quarter"
    )]
    GpuSupplyShort { left: u32, supply: u32 },
    #[error("the last open release was {} ago; wait until {gap} have passed", plural_months(*.months))]
    ReleaseTooSoon { months: u16, gap: u16 },
    #[error("not ready: this needs progress {need}, you have {have}")]
    NotEnoughProgress { need: u32, have: u32 },
    #[error("every app already ships AI; there is nothing left to ship into")]
    ProductsMaxed,
    #[error("no deal called \"{0}\"")]
    UnknownDeal(String),
    #[error("the deal \"{0}\" is already done")]
    DealTaken(String),
    #[error("the deal \"{deal}\" opens in {when}")]
    DealNotYet { deal: String, when: String },
    #[error("{0} is open source: nobody can raise its price")]
    OpenSource(String),
    #[error("{what} is not out yet: it arrives in {when}")]
    NotYetAvailable { what: String, when: String },
    #[error("only the vendor can change the price of {0}")]
    NotVendor(String),
    #[error("the price of {0} was raised less than 6 months ago")]
    PriceRaisedRecently(String),
    #[error("morale is already at its best")]
    MoraleFull,
    #[error("the infra team is busy with {0}; one pipeline stage at a time")]
    PipelineBusy(String),
    #[error("the integration team is busy with {0}; one adoption at a time")]
    IntegrationBusy(String),
    #[error("the platform team is already building {0}; one in-house build at a time")]
    BuildBusy(String),
}

fn plural_months(n: u16) -> String {
    super::data::plural(n, "month")
}

/// What a command costs before it is made: the weeks and the money up front.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cost {
    pub weeks: u8,
    pub money: Money,
}
