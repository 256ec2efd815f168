//! The compute and company choices: the list, each row's command, name and what it does.

use crate::front::explain::Tone;
use crate::front::session::Session;
use crate::game::data::Effect;
use crate::game::units::money;
use crate::game::{Command, Game};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    DataCentre,
    Lease,
    OpenRelease,
    SafetyReview,
    ShipAi,
    Morale,
    Intelligence,
    Deal(usize),
}

pub fn rows(s: &Session) -> Vec<Row> {
    let mut rows = vec![
        Row::DataCentre,
        Row::Lease,
        Row::OpenRelease,
        Row::SafetyReview,
        Row::ShipAi,
        Row::Morale,
        Row::Intelligence,
    ];
    rows.extend((0..s.content().deals.len()).map(Row::Deal));
    rows
}

/// The command a row stands for (amounts at a typical size, for cost and checks).
pub fn command(game: &Game, row: Row) -> Command {
    match row {
        Row::DataCentre => Command::BuildDataCentre(25),
        Row::Lease => Command::LeaseCompute(25),
        Row::OpenRelease => Command::OpenRelease,
        Row::SafetyReview => Command::SafetyReview,
        Row::ShipAi => Command::ShipAi,
        Row::Morale => Command::Morale,
        Row::Intelligence => Command::Intelligence,
        Row::Deal(i) => Command::Deal(game.content.deals[i].id.clone()),
    }
}

pub fn name(game: &Game, row: Row) -> String {
    match row {
        Row::DataCentre => "Build a data centre".into(),
        Row::Lease => "Lease cloud GPUs".into(),
        Row::OpenRelease => "Release an open model".into(),
        Row::SafetyReview => "Invest in safety review".into(),
        Row::ShipAi => "Ship AI into the apps".into(),
        Row::Morale => "Look after morale".into(),
        Row::Intelligence => "Commission intelligence on the rivals".into(),
        Row::Deal(i) => format!("Deal: {}", game.content.deals[i].name),
    }
}

/// A deal's effects in words.
pub fn effect_text(e: &Effect) -> String {
    let tenths = |t: i32| format!("{:+}.{}", t / 10, (t % 10).abs());
    match e {
        Effect::Budget(m) => format!("budget {}{}", if *m >= 0 { "+" } else { "" }, money(*m)),
        Effect::Income(m) => format!(
            "income {}{} a month",
            if *m >= 0 { "+" } else { "" },
            money(*m)
        ),
        Effect::Morale(d) => format!("morale {d:+}"),
        Effect::Risk(d) => format!("risk {d:+}"),
        Effect::Board(d) => format!("board {d:+}"),
        Effect::Review(d) => format!("safety review {d:+}"),
        Effect::Ecosystem(d) => format!("ecosystem {d:+}"),
        Effect::Data(d) => format!("data flywheel {d:+}"),
        Effect::Compute(d) => format!("{d:+}k GPUs"),
        Effect::Researchers(d) => format!("{d:+} researchers"),
        Effect::Progress(t) => format!("progress {} on every track", tenths(*t)),
        Effect::TrackProgress(tr, t) => format!("{} {}", tr.name(), tenths(*t)),
        Effect::DeployPct(p) => format!("deploy time {p:+}%"),
        Effect::Weeks(d) => format!("{d:+} CEO weeks next month"),
        Effect::LoseStar => "your best person leaves".into(),
        Effect::GainStar => "a star joins you".into(),
        Effect::LeaderProgress(t) => format!("the leader gains {}", tenths(*t)),
        Effect::RivalsProgress(t) => format!("every rival gains {}", tenths(*t)),
        Effect::LicencePct(p) => format!("a licence you pay changes {p:+}%"),
        Effect::CutAccess(m) => format!("access to a licensed tech cut for {m} months"),
        Effect::DelayProjects(m) => {
            format!("your projects slip {m} month{}", crate::text::s(*m as i64))
        }
        Effect::SpeedThisMonth(p) => format!("research {p:+}% this month"),
        Effect::Later {
            months, effects, ..
        } => format!(
            "in {}: {}",
            crate::game::data::plural(*months, "month"),
            effects
                .iter()
                .map(effect_text)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

pub fn about(game: &Game, row: Row) -> Vec<(String, Tone)> {
    let t = |s: &str, tone| (s.to_string(), tone);
    match row {
        Row::DataCentre => vec![
            t(
                "Owned GPUs: a large cost now, online after months of building, then cheap to run.",
                Tone::Normal,
            ),
            t(
                "More compute speeds research with diminishing returns. Choose the size next.",
                Tone::Dim,
            ),
        ],
        Row::Lease => vec![
            t(
                "Leased GPUs arrive at once, are paid every month and go back when the lease ends: fast, expensive to keep.",
                Tone::Normal,
            ),
            t(
                "Choose the size next; the monthly bill shows on the dashboard's budget.",
                Tone::Dim,
            ),
        ],
        Row::OpenRelease => vec![
            t(
                "Release open weights: the ecosystem grows (outside contributions, reputation) and the board approves.",
                Tone::Good,
            ),
            t(
                "But every lab behind you learns from the weights: it closes their gap on you.",
                Tone::Bad,
            ),
            t(
                "Needs some progress first and a few months between releases.",
                Tone::Dim,
            ),
        ],
        Row::SafetyReview => vec![
            t(
                "Strengthens safety and security review and lowers risk: fewer incidents, a careful win.",
                Tone::Good,
            ),
            t("Research is a little slower this month.", Tone::Bad),
        ],
        Row::ShipAi => vec![
            t(
                "Ship AI features into the apps: more income and data for the flywheel; the board likes it.",
                Tone::Good,
            ),
            t(
                "Adds some risk; each further product needs more progress.",
                Tone::Bad,
            ),
        ],
        Row::Morale => vec![
            t(
                "A breather and recognition for the team: morale rises, and morale speeds research.",
                Tone::Good,
            ),
            t("Costs more with a larger team.", Tone::Dim),
        ],
        Row::Intelligence => vec![
            t(
                "Analysts, benchmark runs and people who left the rivals: every rival's estimated progress comes back to within about a point of the truth.",
                Tone::Good,
            ),
            t(
                "Between sweeps the estimates drift with each month's public signals: the range shown on the race panel widens.",
                Tone::Dim,
            ),
        ],
        Row::Deal(i) => {
            let d = &game.content.deals[i];
            let effects: Vec<String> = d.effects.iter().map(effect_text).collect();
            vec![
                (d.summary.clone(), Tone::Normal),
                (format!("Effects: {}", effects.join(", ")), Tone::Good),
                (format!("Basis: {}.", d.basis.label()), Tone::Dim),
            ]
        }
    }
}
