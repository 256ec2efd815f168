//! What a [`Story`] says, in words: the news line, the timeline's short form, and the names
//! they use, looked up in one game's content and people. An index the content does not have
//! renders as a neutral phrase, never a panic.

use super::data::{Content, plural};
use super::month::minutes_label;
use super::state::{GameState, LabId, News, PLAYER, PersonId, TimelineEntry};
use super::story::Story;
use super::units::{Money, Progress, money};

impl News {
    /// The line as shown in the feed. A rival's news reads after the lab's name.
    pub fn text(&self, content: &Content, state: &GameState) -> String {
        self.story.news(content, state)
    }
}

impl TimelineEntry {
    /// The decision as the debrief's timeline shows it.
    pub fn text(&self, content: &Content, state: &GameState) -> String {
        self.story.short(content, state)
    }
}

/// Looks names up in one game's content and people.
struct Names<'a> {
    content: &'a Content,
    state: &'a GameState,
}

impl Names<'_> {
    fn person(&self, id: PersonId) -> &str {
        self.state
            .people
            .get(id as usize)
            .map_or("someone", |p| p.name.as_str())
    }

    /// "Name (title, skill 8)".
    fn person_full(&self, id: PersonId) -> String {
        match self.state.people.get(id as usize) {
            Some(p) => format!("{} ({}, skill {})", p.name, p.title, p.skill),
            None => "someone".to_string(),
        }
    }

    /// "Name (title)".
    fn person_titled(&self, id: PersonId) -> String {
        match self.state.people.get(id as usize) {
            Some(p) => format!("{} ({})", p.name, p.title),
            None => "someone".to_string(),
        }
    }

    fn lab_short(&self, lab: LabId) -> &str {
        self.content
            .labs
            .get(usize::from(lab))
            .map_or("another lab", |l| l.short.as_str())
    }

    fn lab_name(&self, lab: LabId) -> &str {
        self.content
            .labs
            .get(usize::from(lab))
            .map_or("A lab", |l| l.name.as_str())
    }

    /// "your" or "OpenAI's".
    fn whose(&self, lab: LabId) -> String {
        if lab == PLAYER {
            "your".to_string()
        } else {
            format!("{}'s", self.lab_short(lab))
        }
    }

    /// The reason every reaction to a leader gives: who leads, by how much.
    fn because(&self, leader: LabId, lead: i32) -> String {
        let by = Progress(lead).display();
        if leader == PLAYER {
            format!("because you lead the race by {by} points")
        } else {
            format!(
                "because {} leads the race by {by} points",
                self.lab_short(leader)
            )
        }
    }

    fn tech(&self, t: u16) -> &str {
        self.content
            .techs
            .get(usize::from(t))
            .map_or("a technology", |d| d.name.as_str())
    }

    fn vendor(&self, t: u16) -> &str {
        self.content
            .techs
            .get(usize::from(t))
            .map_or("its vendor", |d| self.content.vendor_name(&d.vendor))
    }

    fn stage(&self, s: u16) -> &str {
        self.content
            .stages
            .get(usize::from(s))
            .map_or("a pipeline stage", |d| d.name.as_str())
    }

    fn legacy(&self, l: u16) -> &str {
        self.content
            .legacy
            .get(usize::from(l))
            .map_or("a legacy system", |d| d.name.as_str())
    }

    fn deal(&self, d: u16) -> &str {
        self.content
            .deals
            .get(usize::from(d))
            .map_or("a deal", |d| d.name.as_str())
    }
}

impl Story {
    /// The news line. For a lab's own move it reads after the lab's name ("hired ...").
    pub fn news(&self, content: &Content, state: &GameState) -> String {
        let n = Names { content, state };
        match self {
            Story::Hired {
                person,
                from,
                salary,
            } => match from {
                Some(r) => format!(
                    "hired {} from {} for {} a year",
                    n.person_full(*person),
                    n.lab_short(*r),
                    money(Money::from(*salary))
                ),
                None => format!(
                    "hired {} for {} a year",
                    n.person_full(*person),
                    money(Money::from(*salary))
                ),
            },
            Story::OfferDeclined {
                person,
                salary,
                countered_by,
            } => {
                let why = match countered_by {
                    Some(r) => format!("after a counter-offer from {}", n.lab_short(*r)),
                    None => "after thinking it over".to_string(),
                };
                format!(
                    "{} turned down your offer of {} a year {why}",
                    n.person(*person),
                    money(Money::from(*salary))
                )
            }
            Story::LeftYou { .. } | Story::Matched { .. } => self.short(content, state),
            Story::StarLeft { person, to } => format!(
                "{} left for {}",
                n.person(*person),
                to.map_or("a new startup", |r| n.lab_short(r))
            ),
            Story::StarJoined { person } => format!("{} joins the lab", n.person_full(*person)),
            Story::Retired { legacy } => {
                let drag = content
                    .legacy
                    .get(usize::from(*legacy))
                    .map_or(0, |d| d.drag_pct);
                format!(
                    "retired {} (-{drag}% drag after a month of disruption)",
                    n.legacy(*legacy)
                )
            }
            Story::StageStarted { stage } => {
                let months = content
                    .stages
                    .get(usize::from(*stage))
                    .map_or(0, |d| d.months);
                format!(
                    "started pipeline stage {} ({})",
                    n.stage(*stage),
                    plural(months, "month")
                )
            }
            Story::StageFinished {
                stage,
                minutes,
                experiments,
            } => format!(
                "finished {}: deploys now take {} ({experiments} experiments a month)",
                n.stage(*stage),
                minutes_label(*minutes)
            ),
            Story::Adopted { tech } => {
                let (speed, months) = content
                    .techs
                    .get(usize::from(*tech))
                    .map_or((0, 0), |d| (d.speed_pct, d.integration_months));
                format!(
                    "adopted {} from {} (+{speed}% speed in {})",
                    n.tech(*tech),
                    n.vendor(*tech),
                    plural(months, "month")
                )
            }
            Story::Integrated { tech } => {
                format!("{} is integrated and speeding up research", n.tech(*tech))
            }
            Story::BuildStarted { tech } => {
                let months = content
                    .techs
                    .get(usize::from(*tech))
                    .map_or(0, |d| d.build_months);
                format!(
                    "started an in-house equivalent of {} ({})",
                    n.tech(*tech),
                    plural(months, "month")
                )
            }
            Story::BuildFinished { tech, was_licensed } => {
                if *was_licensed {
                    format!(
                        "finished an in-house equivalent of {} and no longer depends on {}",
                        n.tech(*tech),
                        n.vendor(*tech)
                    )
                } else {
                    format!("finished an in-house equivalent of {}", n.tech(*tech))
                }
            }
            Story::DataCentreStarted {
                kgpu,
                months,
                price_pct,
            } => {
                let price = if *price_pct > 100 {
                    format!(
                        "; GPUs at {}% over list price this quarter",
                        price_pct - 100
                    )
                } else {
                    String::new()
                };
                format!(
                    "began a data centre for {kgpu}k GPUs (online in {}{price})",
                    plural(*months, "month")
                )
            }
            Story::DataCentreOnline { kgpu } => {
                format!("brought a data centre online (+{kgpu}k GPUs)")
            }
            Story::Leased { kgpu, months } => {
                format!("leased {kgpu}k cloud GPUs for {}", plural(*months, "month"))
            }
            Story::LeaseEnded { kgpu } => format!("a lease of {kgpu}k cloud GPUs ended"),
            Story::SafetyReview => "invested in safety and security review".to_string(),
            Story::Intelligence { margin } => format!(
                "commissioned intelligence on the rival labs: every estimate of their progress is now within about ±{} points",
                Progress(*margin).display()
            ),
            Story::ShippedAi => "shipped AI into its products".to_string(),
            Story::Morale => "gave the team a breather and recognition".to_string(),
            Story::OpenRelease => {
                "released open weights; the ecosystem grows and rivals study them".to_string()
            }
            Story::Deal { deal } => format!("closed a deal: {}", n.deal(*deal)),
            Story::LicenceRaised { tech, monthly } => format!(
                "raised the price of {} to {} a month",
                n.tech(*tech),
                money(*monthly)
            ),
            Story::LicencePrice { tech, monthly } => {
                format!("{} now costs {} a month", n.tech(*tech), money(*monthly))
            }
            Story::AccessCut { tech, months } => format!(
                "access to {} is cut for {}",
                n.tech(*tech),
                plural(*months, "month")
            ),
            Story::EventFired { event } => match content.events.get(usize::from(*event)) {
                Some(def) => format!("{}: {}", def.headline(), def.text),
                None => "An event".to_string(),
            },
            Story::EventAnswered { .. } => self.short(content, state),
            Story::Consequence { note } => note.clone(),
            Story::Incident => {
                "suffered a safety incident and paused deploys to review".to_string()
            }
            Story::Catastrophe => {
                "A catastrophic incident: a model escaped review and caused real harm".to_string()
            }
            Story::Overdrawn { budget, months } => format!(
                "The budget is overdrawn ({}): the board will freeze it after {} in the red",
                money(*budget),
                plural(*months, "month")
            ),
            Story::BudgetFrozen => "The board has frozen the AI budget".to_string(),
            Story::OverGuidance {
                spent,
                guidance,
                board,
            } => format!(
                "Spending this quarter ({}) is beyond the board's capital guidance ({}): board \
                 confidence -{board}",
                money(*spent),
                money(*guidance)
            ),
            Story::BudgetCut { amount, board } => format!(
                "The board, at confidence {board}, withheld {} of this month's income",
                money(*amount)
            ),
            Story::BudgetReturned { amount, carry } => format!(
                "Quarter closed: the company took back {} of unspent AI budget (cash above {} is not kept for later)",
                money(*amount),
                money(*carry)
            ),
            Story::PayGap { morale, memory } => {
                let mut parts = Vec::new();
                if *morale > 0 {
                    parts.push(format!("the team resents the pay gap (morale -{morale})"));
                }
                if *memory > 0 {
                    parts.push(format!("the market remembers (asks +{memory}%)"));
                }
                format!("Paid above the ask: {}", parts.join(" and "))
            }
            Story::LeftForMoney {
                person,
                rival,
                salary,
            } => format!(
                "{}, who joined for the money, left for {} at {} a year without asking for a match",
                n.person_titled(*person),
                n.lab_short(*rival),
                money(Money::from(*salary))
            ),
            Story::AsksEased { points } => format!(
                "Researchers who want to work in the open call: the asks you meet fall {points} points"
            ),
            Story::Halfway { lab } => format!("{} passes the halfway mark", n.lab_name(*lab)),
            Story::Automation { lab } => format!(
                "{} reaches automated AI research: progress now feeds on itself",
                n.lab_name(*lab)
            ),
            Story::Superintelligence { lab } => {
                format!("{} reaches superintelligence", n.lab_name(*lab))
            }
            Story::LeaderCutOff {
                leader,
                lead,
                tech,
                until,
            } => {
                let (loses, speed) = (
                    if *leader == PLAYER {
                        "you lose".to_string()
                    } else {
                        format!("{} loses", n.lab_short(*leader))
                    },
                    content
                        .techs
                        .get(usize::from(*tech))
                        .map_or(0, |d| d.speed_pct),
                );
                format!(
                    "cut off {} licence of {} until {} {}: {loses} its +{speed}% research speed \
                     (so does anyone else licensing it); build it in-house or adopt another tech \
                     to stop depending on it",
                    n.whose(*leader),
                    n.tech(*tech),
                    content.date_label(*until),
                    n.because(*leader, *lead),
                )
            }
            Story::LeaderPriceHike {
                leader,
                lead,
                tech,
                monthly,
            } => format!(
                "raised the price of {} licence of {} to {} a month {}",
                n.whose(*leader),
                n.tech(*tech),
                money(*monthly),
                n.because(*leader, *lead)
            ),
            Story::LeaderPoach {
                leader,
                lead,
                person,
                joined,
            } => {
                let outcome = if *joined {
                    "and got them"
                } else if *leader == PLAYER {
                    "(match the offer or let them go)"
                } else {
                    "and was turned down"
                };
                format!(
                    "went after {} best person, {}, {} {outcome}",
                    n.whose(*leader),
                    n.person(*person),
                    n.because(*leader, *lead)
                )
            }
            Story::DependencyCutOff {
                tech,
                until,
                licences,
            } => format!(
                "cut off your licence of {} until {}: you depend on {licences} paid licences, \
                 and vendors squeeze a dependent customer; build it in-house or retire licences \
                 to stop it",
                n.tech(*tech),
                content.date_label(*until),
            ),
            Story::PoachBack {
                person,
                raids,
                joined,
            } => {
                let outcome = if *joined {
                    "and got them"
                } else {
                    "(match the offer or let them go)"
                };
                let took = if *raids == 1 {
                    "the person".to_string()
                } else {
                    format!("the {raids} people")
                };
                format!(
                    "went after your {} in return for {took} you took from it {outcome}",
                    n.person(*person),
                )
            }
            Story::GpuRush {
                kgpu,
                player_kgpu,
                price_pct,
            } => format!(
                "rushed an order for {kgpu}k GPUs after your {player_kgpu}k this quarter: \
                 GPUs now cost {}% over list price until the quarter ends",
                price_pct - 100
            ),
            Story::Commoditise {
                leader,
                lead,
                behind,
            } => format!(
                "open-released its model to commoditise {} edge, {} (it is {} points behind)",
                n.whose(*leader),
                n.because(*leader, *lead),
                Progress(*behind).display()
            ),
        }
    }

    /// The short form the debrief's timeline uses for the player's decisions.
    pub fn short(&self, content: &Content, state: &GameState) -> String {
        let n = Names { content, state };
        match self {
            Story::Hired { person, .. } => format!("Hired {}", n.person_titled(*person)),
            Story::LeftYou { person, rival } | Story::LeftForMoney { person, rival, .. } => {
                format!(
                    "{} left you for {}",
                    n.person_titled(*person),
                    n.lab_short(*rival)
                )
            }
            Story::Matched { person } => format!("Matched an offer to keep {}", n.person(*person)),
            Story::Retired { legacy } => format!("Retired {}", n.legacy(*legacy)),
            Story::StageStarted { stage } => format!("Started {}", n.stage(*stage)),
            Story::Adopted { tech } => format!("Adopted {} ({})", n.tech(*tech), n.vendor(*tech)),
            Story::BuildStarted { tech } => format!("Building an in-house {}", n.tech(*tech)),
            Story::DataCentreStarted { kgpu, .. } => format!("Data centre, {kgpu}k GPUs"),
            Story::Leased { kgpu, .. } => format!("Leased {kgpu}k GPUs"),
            Story::SafetyReview => "Safety review".to_string(),
            Story::Intelligence { .. } => "Intelligence on the rivals".to_string(),
            Story::ShippedAi => "Shipped AI into the apps".to_string(),
            Story::Morale => "Looked after morale".to_string(),
            Story::OpenRelease => "Open-weights release".to_string(),
            Story::Deal { deal } => n.deal(*deal).to_string(),
            Story::EventFired { event } => content
                .events
                .get(usize::from(*event))
                .map_or_else(|| "An event".to_string(), |d| d.headline()),
            Story::EventAnswered { event, option } => {
                match content.events.get(usize::from(*event)) {
                    Some(def) => {
                        let label = def
                            .choices
                            .get(usize::from(*option))
                            .map_or("an answer", |c| c.label.as_str());
                        format!("{}: {label}", def.title)
                    }
                    None => "Answered an event".to_string(),
                }
            }
            // Stories that are not decisions read the same as in the feed.
            other => other.news(content, state),
        }
    }
}
