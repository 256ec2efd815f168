//! What news and timeline entries say, as data. The rules record a [`Story`]: which thing
//! happened, naming content by index and people by id, with the figures of that moment. Words
//! are made only when a screen or a report shows it, in this one place, so the text can be
//! changed or translated without touching the rules or old saves, and a simulation that never
//! shows the news never formats it.
//!
//! Names come from the content and the people of the same game. An index the content does not
//! have (a hand-edited save, say) renders as a neutral phrase, never a panic.

use serde::{Deserialize, Serialize};

use super::state::{LabId, PersonId};
use super::units::Money;

/// One thing that happened, with what is needed to tell it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Story {
    /// A lab hired someone (`from` the lab they left, if any), at a yearly salary in $M.
    Hired {
        person: PersonId,
        from: Option<LabId>,
        salary: u32,
    },
    /// Someone turned down the player's offer; `countered_by` the lab that outbid it.
    OfferDeclined {
        person: PersonId,
        salary: u32,
        countered_by: Option<LabId>,
    },
    /// One of the player's people left for a rival.
    LeftYou {
        person: PersonId,
        rival: LabId,
    },
    /// The player matched a rival's offer and the person stayed.
    Matched {
        person: PersonId,
    },
    /// A star left the player's lab (for `to`, or a new startup).
    StarLeft {
        person: PersonId,
        to: Option<LabId>,
    },
    /// A star joined the player's lab through an event.
    StarJoined {
        person: PersonId,
    },
    Retired {
        legacy: u16,
    },
    StageStarted {
        stage: u16,
    },
    /// A pipeline stage finished: deploys now take `minutes`, `experiments` a month.
    StageFinished {
        stage: u16,
        minutes: u32,
        experiments: u32,
    },
    Adopted {
        tech: u16,
    },
    Integrated {
        tech: u16,
    },
    BuildStarted {
        tech: u16,
    },
    /// An in-house build finished; `was_licensed` when it replaces a licence.
    BuildFinished {
        tech: u16,
        was_licensed: bool,
    },
    /// A data centre of `kgpu` thousand GPUs begun, online in `months`.
    DataCentreStarted {
        kgpu: u32,
        months: u8,
        /// What the GPUs cost, percent of list price (this quarter's orders raise it).
        #[serde(default = "list_price")]
        price_pct: i64,
    },
    DataCentreOnline {
        kgpu: u32,
    },
    /// A lease of `kgpu` thousand GPUs for `months`.
    Leased {
        kgpu: u32,
        months: u8,
    },
    LeaseEnded {
        kgpu: u32,
    },
    SafetyReview,
    ShippedAi,
    /// An intelligence sweep on the rivals; `margin` is the estimates' new 90% half-range.
    Intelligence {
        margin: i32,
    },
    Morale,
    OpenRelease,
    Deal {
        deal: u16,
    },
    /// A vendor raised a licence to `monthly` ($M a month).
    LicenceRaised {
        tech: u16,
        monthly: Money,
    },
    /// An event changed a licence's price to `monthly`.
    LicencePrice {
        tech: u16,
        monthly: Money,
    },
    AccessCut {
        tech: u16,
        months: u8,
    },
    /// An event fired (its headline and text).
    EventFired {
        event: u16,
    },
    /// The player answered an event with one of its options.
    EventAnswered {
        event: u16,
        option: u8,
    },
    /// A delayed consequence landed; the note is the scenario author's own words.
    Consequence {
        note: String,
    },
    Incident,
    Catastrophe,
    /// The player's budget is overdrawn; frozen after `months` in the red.
    Overdrawn {
        budget: Money,
        months: u8,
    },
    BudgetFrozen,
    /// Spending up front passed the quarter's capital guidance: `spent` of `guidance` so far
    /// this quarter, and the board confidence it cost now.
    OverGuidance {
        spent: Money,
        guidance: Money,
        board: u8,
    },
    /// The board withheld `amount` of the month's income because its confidence is `board`.
    BudgetCut {
        amount: Money,
        board: u8,
    },
    /// Unspent cash the company took back at a quarter's close, and what the lab may carry.
    BudgetReturned {
        amount: Money,
        carry: Money,
    },
    /// A hire above the ask: the staff's pay-gap grievance (`morale` lost) and the market's
    /// memory (`memory` percent added to later asks).
    PayGap {
        morale: u8,
        memory: u8,
    },
    /// Someone who joined for money left for more money, without asking for a match.
    LeftForMoney {
        person: PersonId,
        rival: LabId,
        salary: u32,
    },
    /// An open release drew researchers who want to work in the open: asks fell `points`.
    AsksEased {
        points: u8,
    },
    Halfway {
        lab: LabId,
    },
    /// A rival cut off the leader's licence of its tech until `until`; `lead` in thousandths
    /// of a point over the runner-up.
    LeaderCutOff {
        leader: LabId,
        lead: i32,
        tech: u16,
        until: u16,
    },
    /// A rival raised the price of the leader's licence to `monthly`.
    LeaderPriceHike {
        leader: LabId,
        lead: i32,
        tech: u16,
        monthly: Money,
    },
    /// A rival went after the leader's best person; `joined` when they took the offer.
    LeaderPoach {
        leader: LabId,
        lead: i32,
        person: PersonId,
        joined: bool,
    },
    /// A vendor cut off the player's licence of `tech` until `until` because the player holds
    /// `licences` paid licences.
    DependencyCutOff {
        tech: u16,
        until: u16,
        licences: u8,
    },
    /// A lab the player took `raids` people from went after the player's best person.
    PoachBack {
        person: PersonId,
        raids: u8,
        joined: bool,
    },
    /// A rival rushed an order of `kgpu` GPUs after the player's `player_kgpu` this quarter;
    /// GPUs now cost `price_pct` percent of list price.
    GpuRush {
        kgpu: u32,
        player_kgpu: u32,
        price_pct: i64,
    },
    /// A rival `behind` the leader (thousandths of a point) open-released its model.
    Commoditise {
        leader: LabId,
        lead: i32,
        behind: i32,
    },
    Automation {
        lab: LabId,
    },
    Superintelligence {
        lab: LabId,
    },
}

/// The price of GPUs ordered before the market had a price: list price.
fn list_price() -> i64 {
    100
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::game::data::Content;
    use crate::game::policy::{self, Policy};
    use crate::game::state::{News, NewsKind};

    fn race() -> Content {
        content::load_builtin("race-2025", Some("normal")).expect("built-in scenario")
    }

    /// Every story a full game produces reads as a finished sentence: no empty line, no
    /// placeholder left, and names that exist in the game.
    #[test]
    fn every_story_of_real_games_renders_as_words() {
        let content = race();
        for (seed, p) in [
            (1, Policy::Balanced),
            (2, Policy::Reckless),
            (3, Policy::Everything),
        ] {
            let (state, _) = policy::play(&content, seed, p);
            assert!(!state.news.is_empty() && !state.timeline.is_empty());
            for n in &state.news {
                let text = n.text(&content, &state);
                assert!(!text.trim().is_empty(), "{:?}", n.story);
                assert!(!text.contains('{') && !text.contains("someone"), "{text}");
            }
            for t in &state.timeline {
                let text = t.text(&content, &state);
                assert!(!text.trim().is_empty(), "{:?}", t.story);
                assert!(!text.starts_with(char::is_lowercase), "{text}");
            }
        }
    }

    /// A hand-edited save can point a story at content it does not have: it reads as a neutral
    /// phrase, never a panic.
    #[test]
    fn a_story_naming_missing_content_still_renders() {
        let content = race();
        let state = crate::game::Game::new(std::sync::Arc::new(race()), 1).state;
        let far = u16::MAX;
        let stories = [
            Story::Hired {
                person: u32::MAX,
                from: Some(u8::MAX),
                salary: 100,
            },
            Story::LeftYou {
                person: u32::MAX,
                rival: u8::MAX,
            },
            Story::Retired { legacy: far },
            Story::StageStarted { stage: far },
            Story::Adopted { tech: far },
            Story::BuildFinished {
                tech: far,
                was_licensed: true,
            },
            Story::Deal { deal: far },
            Story::EventFired { event: far },
            Story::EventAnswered {
                event: far,
                option: 9,
            },
            Story::Superintelligence { lab: u8::MAX },
        ];
        for s in stories {
            let news = News {
                month: 0,
                kind: NewsKind::Event,
                lab: None,
                story: s.clone(),
            };
            assert!(!news.text(&content, &state).is_empty(), "{s:?}");
            assert!(!s.short(&content, &state).is_empty(), "{s:?}");
        }
    }

    /// The feed keeps only what is needed to tell a story: a line costs a few words of memory,
    /// not a formatted string.
    #[test]
    fn a_story_is_small() {
        assert!(
            std::mem::size_of::<Story>() <= 32,
            "{}",
            std::mem::size_of::<Story>()
        );
    }
}
