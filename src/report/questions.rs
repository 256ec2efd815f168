//! Discussion questions chosen from what happened in one game.
//!
//! A bank of questions, each with a rule keyed on facts of the game (a slow pipeline at the
//! end, stars lost to rivals, no open release, a narrow defeat...). Every rule that holds
//! offers its question with a priority; the debrief takes the highest, one per topic, so
//! three different games lead to three different conversations.

use crate::game::Game;
use crate::game::month::minutes_label;
use crate::game::state::{Ending, Lever, Story};
use crate::game::units::{Money, Progress, money};

use super::debrief::Debrief;
use super::format::tenths;

/// A question for the class, and the topic it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub topic: &'static str,
    pub text: String,
}

/// The facts of a game that questions are chosen on.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub you: String,
    pub won: bool,
    pub finished: bool,
    pub ending_key: &'static str,
    /// The best rival at the end and the player's lead over it (negative when behind).
    pub leader: String,
    pub lead: Progress,
    pub progress: Progress,
    pub deploy_start: u32,
    pub deploy_end: u32,
    pub experiments_end: u32,
    pub stages_done: usize,
    /// Names of outside tech the player still depends on.
    pub dependencies: Vec<String>,
    pub adoptions: u32,
    pub built_in_house: usize,
    /// Names of legacy systems still running, and their total drag in percent.
    pub legacy_left: Vec<String>,
    pub legacy_drag_pct: u32,
    pub hires: u32,
    pub people_lost: u32,
    pub open_releases: u8,
    pub risk_peak: i32,
    pub review_end: i32,
    pub board_min: i32,
    pub budget_end: Money,
    /// The first rival that passed the player during the game, and the month index.
    pub overtaken_by: Option<(String, u16, String)>,
    /// What each lever's decisions were worth in the race, by name, in tenths of a month
    /// sooner as the debrief shows them (Shapley values over replays without levers); empty
    /// when not measured.
    pub lever_months: Vec<(&'static str, i64)>,
}

impl Facts {
    pub fn of(game: &Game, d: &Debrief) -> Facts {
        let content = &game.content;
        let state = &game.state;
        let p = state.player();
        let timeline = |lever: Lever, story: fn(&Story) -> bool| {
            state
                .timeline
                .iter()
                .filter(|t| t.lever == lever && story(&t.story))
                .count() as u32
        };
        let best_rival = (1..state.labs.len())
            .max_by_key(|&i| (state.labs[i].progress(), std::cmp::Reverse(i)))
            .unwrap_or(1);
        let leader = content
            .labs
            .get(best_rival)
            .map_or_else(String::new, |l| l.name.clone());
        let lead = Progress(p.progress().0 - state.labs[best_rival].progress().0);
        let mut overtaken_by = None;
        let ours = |m: usize| {
            state
                .history
                .get(m)
                .and_then(|h| h.progress.first().copied())
        };
        'months: for m in 1..state.history.len() {
            for line in d.race.iter().skip(1) {
                let (Some(a), Some(b)) = (line.progress.get(m - 1), ours(m - 1)) else {
                    continue;
                };
                let (Some(c), Some(e)) = (line.progress.get(m), ours(m)) else {
                    continue;
                };
                if *a <= b && *c > e {
                    let date = d.date(m as u16).to_string();
                    overtaken_by = Some((line.name.clone(), m as u16, date));
                    break 'months;
                }
            }
        }
        Facts {
            you: content.labs[0].short.clone(),
            won: state.ending.as_ref().is_some_and(Ending::is_win),
            finished: state.ending.is_some(),
            ending_key: d.ending_key,
            leader,
            lead,
            progress: p.progress(),
            deploy_start: d.deploy_minutes.0,
            deploy_end: d.deploy_minutes.1,
            experiments_end: d.experiments.1,
            stages_done: p.stages.len(),
            dependencies: p
                .tech
                .iter()
                .filter(|a| !a.in_house)
                .filter_map(|a| content.techs.get(usize::from(a.tech)))
                .map(|t| t.name.clone())
                .collect(),
            adoptions: timeline(Lever::AdoptTech, |s| matches!(s, Story::Adopted { .. })),
            built_in_house: p.tech.iter().filter(|a| a.in_house).count(),
            legacy_left: p
                .legacy
                .iter()
                .filter_map(|&l| content.legacy.get(usize::from(l)))
                .map(|l| l.name.clone())
                .collect(),
            legacy_drag_pct: p
                .legacy
                .iter()
                .filter_map(|&l| content.legacy.get(usize::from(l)))
                .map(|l| l.drag_pct)
                .sum(),
            hires: timeline(Lever::Hiring, |s| matches!(s, Story::Hired { .. })),
            people_lost: state
                .timeline
                .iter()
                .filter(|t| matches!(t.story, Story::LeftYou { .. } | Story::LeftForMoney { .. }))
                .count() as u32,
            open_releases: p.open_releases,
            risk_peak: d.safety.risk_peak,
            review_end: d.safety.review_end,
            board_min: state
                .history
                .iter()
                .map(|h| h.board)
                .min()
                .unwrap_or(p.board),
            budget_end: p.budget,
            overtaken_by,
            // The figures the debrief's table shows (apportioned), so a question never
            // quotes 4.3 beside a table's 4.2.
            lever_months: d.credit.as_ref().map_or_else(Vec::new, |c| {
                c.rows()
                    .iter()
                    .filter(|r| r.decisions > 0)
                    .map(|r| (r.label, r.months_tenths))
                    .collect()
            }),
        }
    }

    fn lever(&self, name: &str) -> Option<i64> {
        self.lever_months
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }
}

/// "4.2 months sooner", "1.0 month later", "no sooner" from tenths of a month sooner.
pub fn months_sooner(tenths_sooner: i64) -> String {
    let n = tenths(tenths_sooner.abs());
    let unit = if tenths_sooner.abs() == 10 {
        "month"
    } else {
        "months"
    };
    match tenths_sooner {
        0 => "no sooner and no later".to_string(),
        t if t > 0 => format!("{n} {unit} sooner"),
        _ => format!("{n} {unit} later"),
    }
}

/// "brought superintelligence 4.2 months sooner" (or later, or no sooner).
fn months_effect(tenths_sooner: i64) -> String {
    if tenths_sooner == 0 {
        "did not change when you reached superintelligence".to_string()
    } else {
        format!("brought superintelligence {}", months_sooner(tenths_sooner))
    }
}

/// One question of the bank: its priority, topic and rule.
type Rule = (u32, &'static str, fn(&Facts) -> Option<String>);

fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The bank. Priorities put the sharpest fact of a game first.
const BANK: &[Rule] = &[
    (95, "risk", |f| {
        (f.ending_key == "reckless-win" || f.ending_key == "catastrophe" || f.risk_peak >= 60).then(
            || {
                format!(
                    "Your risk peaked at {} and safety review ended at {}. Where is the line \
                     between moving fast and moving recklessly, and who in a real company \
                     should draw it?",
                    f.risk_peak, f.review_end
                )
            },
        )
    }),
    (90, "time", |f| {
        (f.ending_key == "rival-first" && f.lead.0 > -5_000).then(|| {
            format!(
                "{} got there only {} points ahead of you. Time is the enemy: which month \
                 would you play differently to find those points?",
                f.leader,
                Progress(-f.lead.0).display()
            )
        })
    }),
    (85, "board", |f| {
        (f.ending_key == "budget-frozen" || f.board_min <= 25).then(|| {
            format!(
                "The board's confidence fell to {}. How do you keep investors with you while \
                 spending billions on an uncertain bet?",
                f.board_min
            )
        })
    }),
    (84, "pipeline", |f| {
        (f.deploy_end >= 120).then(|| {
            format!(
                "Deploys still took {} at the end, so your lab ran {} experiments a month. \
                 What stopped you upgrading the pipeline sooner, and what did the wait cost?",
                minutes_label(f.deploy_end),
                f.experiments_end
            )
        })
    }),
    (82, "talent", |f| {
        (f.people_lost >= 1).then(|| {
            format!(
                "Rivals took {} of your people. What makes a researcher stay when a rival \
                 offers more money?",
                f.people_lost
            )
        })
    }),
    (80, "build-vs-buy", |f| {
        (f.adoptions == 0 && !f.legacy_left.is_empty()).then(|| {
            format!(
                "You kept {} running and adopted no outside tech. Was \"not invented here\" \
                 pride worth a {}% drag on research?",
                list(&f.legacy_left),
                f.legacy_drag_pct
            )
        })
    }),
    (76, "build-vs-buy", |f| {
        (!f.dependencies.is_empty()).then(|| {
            format!(
                "You still depend on {}. What would happen to your plan if one vendor cut \
                 your access tomorrow? When is \"adopt now, build later\" worth the risk?",
                list(&f.dependencies)
            )
        })
    }),
    (74, "talent", |f| {
        (f.hires == 0).then(|| {
            "You made no hires. Talent is the one asset rivals can take from each other: \
             what did you give up by staying out of the talent war?"
                .to_string()
        })
    }),
    (72, "talent", |f| {
        let worth = f.lever("hiring")?;
        (f.hires >= 3).then(|| {
            format!(
                "You made {} hires, and they {}. What did the stars cost, and {}",
                f.hires,
                months_effect(worth),
                if worth > 0 {
                    "what would a rival have had to pay to buy the same months?"
                } else {
                    "could the same money have bought more time elsewhere?"
                }
            )
        })
    }),
    (70, "pipeline", |f| {
        let worth = f.lever("pipeline")?;
        (f.deploy_end <= 30 && f.stages_done >= 2).then(|| {
            format!(
                "You cut deploys from {} to {}, and your pipeline upgrades {}. Why does \
                 iteration speed compound, and what does that mean for a team's priorities?",
                minutes_label(f.deploy_start),
                minutes_label(f.deploy_end),
                months_effect(worth)
            )
        })
    }),
    (68, "rivals", |f| {
        f.overtaken_by.as_ref().map(|(rival, _, date)| {
            format!(
                "{rival} overtook you in {date}. What did they have that month that you did not?"
            )
        })
    }),
    (66, "money", |f| {
        (!f.won && f.budget_end >= 5_000).then(|| {
            format!(
                "You finished with {} unspent and did not win. Is money you don't spend a \
                 safety margin or wasted time?",
                money(f.budget_end)
            )
        })
    }),
    (64, "open", |f| {
        (f.open_releases > 0).then(|| {
            format!(
                "You released {} open model{}, and every rival behind you learned from them. \
                 Did the ecosystem you built repay what the rivals learned?",
                f.open_releases,
                if f.open_releases == 1 { "" } else { "s" }
            )
        })
    }),
    (60, "build-vs-buy", |f| {
        (f.built_in_house > 0).then(|| {
            format!(
                "You built {} tool{} in-house. Compare the months and money with what the \
                 licences would have cost: was independence worth it?",
                f.built_in_house,
                if f.built_in_house == 1 { "" } else { "s" }
            )
        })
    }),
    (55, "open", |f| {
        (f.open_releases == 0).then(|| {
            format!(
                "{}'s edge is its open ecosystem, yet you never released an open model. Why \
                 not, and what would it have cost or gained?",
                f.you
            )
        })
    }),
    (50, "strategy", |f| {
        f.won.then(|| {
            "You won. Which single decision made the difference, and would it still work if \
             every rival copied it?"
                .to_string()
        })
    }),
    (45, "time", |f| {
        (!f.finished || f.ending_key.starts_with("deadline")).then(|| {
            format!(
                "The clock ran out with you at {} points. Where did your CEO weeks go, and \
                 which of them would you spend differently?",
                f.progress.display()
            )
        })
    }),
    (40, "strategy", |f| {
        let (name, best) = f
            .lever_months
            .iter()
            .filter(|(_, v)| *v > 0)
            .max_by_key(|(_, v)| *v)
            .copied()?;
        Some(format!(
            "Your {name} decisions were worth the most: {} to superintelligence. Does that \
             match what Meta bet on in 2025: nine-figure offers, rivals' tools and a faster \
             pipeline?",
            months_sooner(best)
        ))
    }),
    (10, "replay", |_| {
        Some(
            "If you played this seed again, what would you do differently in the first three \
             months, and why?"
                .to_string(),
        )
    }),
];

/// How many questions the bank holds.
pub fn bank_size() -> usize {
    BANK.len()
}

/// Up to `n` questions for a game: the highest-priority rules that hold, one per topic.
pub fn choose(facts: &Facts, n: usize) -> Vec<Question> {
    let mut offered: Vec<(u32, usize, &'static str, String)> = BANK
        .iter()
        .enumerate()
        .filter_map(|(i, (priority, topic, rule))| rule(facts).map(|t| (*priority, i, *topic, t)))
        .collect();
    offered.sort_by_key(|(priority, i, _, _)| (std::cmp::Reverse(*priority), *i));
    let mut out: Vec<Question> = Vec::new();
    for (_, _, topic, text) in offered {
        if out.len() < n && !out.iter().any(|q| q.topic == topic) {
            out.push(Question { topic, text });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bank_is_large_and_choices_follow_the_game() {
        assert!(bank_size() >= 12);
        let slow = Facts {
            deploy_end: 360,
            experiments_end: 25,
            hires: 0,
            ending_key: "rival-first",
            lead: Progress(-2_000),
            leader: "OpenAI".into(),
            board_min: 50,
            ..Facts::default()
        };
        let fast = Facts {
            deploy_end: 10,
            deploy_start: 360,
            stages_done: 4,
            hires: 5,
            open_releases: 2,
            won: true,
            finished: true,
            ending_key: "careful-win",
            lead: Progress(5_000),
            board_min: 50,
            // As the debrief's table shows it (apportioned tenths × 100).
            lever_months: vec![("hiring", 15), ("pipeline", 42)],
            ..Facts::default()
        };
        let a = choose(&slow, 3);
        let b = choose(&fast, 3);
        assert_eq!(a.len(), 3);
        assert_eq!(b.len(), 3);
        assert!(
            a[0].text.contains("OpenAI got there only 2.0 points"),
            "{a:?}"
        );
        assert!(a.iter().any(|q| q.text.contains("6h 00m")), "{a:?}");
        // The pipeline credit reads as in the debrief's table: 4.2, never 4.3 beside it.
        assert!(
            b.iter().any(|q| q.topic == "pipeline"
                && q.text.contains("10 min")
                && q.text
                    .contains("brought superintelligence 4.2 months sooner")),
            "{b:?}"
        );
        assert!(a.iter().all(|q| !b.contains(q)));
        let topics: Vec<_> = a.iter().map(|q| q.topic).collect();
        let mut unique = topics.clone();
        unique.dedup();
        assert_eq!(topics, unique);
    }
}
