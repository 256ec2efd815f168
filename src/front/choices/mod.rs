//! The lists of choices both front ends offer, with their costs and the rules' reasons.

pub mod compute;
pub mod event;
pub mod pipeline;
pub mod tech;

/// A refusal from the rules as a list's status column says it: the rules' own words, with the
/// months left when a team is busy (so "one stage at a time" says how long to wait).
pub fn refusal(game: &crate::game::Game, err: &crate::game::RuleError) -> String {
    use crate::game::RuleError as E;
    use crate::game::state::ProjectKind;
    let p = game.state.player();
    let left = |m: u8| {
        if m == 1 {
            "1 month left".to_string()
        } else {
            format!("{m} months left")
        }
    };
    match err {
        E::PipelineBusy(name) => {
            let m = p.projects.iter().find_map(|pr| match pr.kind {
                ProjectKind::Stage(_) => Some(pr.months_left),
                _ => None,
            });
            match m {
                Some(m) => format!("infra team busy with {name} ({})", left(m)),
                None => format!("infra team busy with {name}"),
            }
        }
        E::IntegrationBusy(name) => match p.tech.iter().find(|a| a.integrating > 0) {
            Some(a) => format!(
                "integration team busy with {name} ({})",
                left(a.integrating)
            ),
            None => format!("integration team busy with {name}"),
        },
        E::BuildBusy(name) => {
            let m = p.projects.iter().find_map(|pr| match pr.kind {
                ProjectKind::Build(_) => Some(pr.months_left),
                _ => None,
            });
            match m {
                Some(m) => format!("platform team building {name} ({})", left(m)),
                None => format!("platform team building {name}"),
            }
        }
        // The row already names what it is about: say only what stands in the way.
        E::StageNeeds { needs, .. } => format!("needs {needs} first"),
        E::NotEnoughWeeks { need, have } => format!("needs {need} weeks, {have} left"),
        E::NotEnoughBudget { need, have } => format!("costs {need}, you have {have}"),
        other => other.to_string(),
    }
}

/// The same refusal in a few characters, for a status column too narrow for the words (the
/// detail panel below the list still gives them in full).
pub fn refusal_short(game: &crate::game::Game, err: &crate::game::RuleError) -> Option<String> {
    use crate::game::RuleError as E;
    use crate::game::state::ProjectKind;
    let p = game.state.player();
    let months = match err {
        E::PipelineBusy(_) => p.projects.iter().find_map(|pr| match pr.kind {
            ProjectKind::Stage(_) => Some(pr.months_left),
            _ => None,
        }),
        E::BuildBusy(_) => p.projects.iter().find_map(|pr| match pr.kind {
            ProjectKind::Build(_) => Some(pr.months_left),
            _ => None,
        }),
        E::IntegrationBusy(_) => p
            .tech
            .iter()
            .find(|a| a.integrating > 0)
            .map(|a| a.integrating),
        E::NotEnoughWeeks { .. } => return Some("no weeks".into()),
        E::NotEnoughBudget { .. } => return Some("no budget".into()),
        _ => return None,
    };
    Some(months.map_or("team busy".into(), |m| format!("busy, {m}mo")))
}
