//! The dashboard's figures as words, shared by both front ends: each figure's value and note,
//! each lab's expected arrival, and the ending in one sentence.

use crate::game::intel;
use crate::game::month::minutes_label;
use crate::game::research::lab_experiments;
use crate::game::state::{Ending, LabId, PLAYER};
use crate::game::units::money;

use crate::text::width::bar;

use super::explain::{Figure, speed_label};
use super::forecast::{self, Eta};
use super::session::{Runway, Session};

/// "3.2k" for large counts.
pub fn count(n: u32) -> String {
    if n >= 1000 {
        format!("{}.{}k", n / 1000, (n % 1000) / 100)
    } else {
        n.to_string()
    }
}

/// Monthly gains of a lab over the last `n` finished months.
pub fn recent_gains(s: &Session, lab: usize, n: usize) -> Vec<i64> {
    let h = &s.game.state.history;
    let mut prev = s.initial.as_ref().and_then(|v| v.get(lab)).map(|p| p.0);
    let mut gains = Vec::new();
    for r in h {
        let now = crate::game::intel::shown_in_record(&s.game.state, r, lab).map_or(0, |p| p.0);
        if let Some(before) = prev {
            gains.push(i64::from(now - before));
        }
        prev = Some(now);
    }
    let skip = gains.len().saturating_sub(n);
    gains.split_off(skip)
}

/// A lab's research speed last month as the player sees it: the player's own, a rival's
/// estimated gain (the change of its estimate; the truth once the game is over).
pub fn shown_speed(s: &Session, lab: usize) -> i32 {
    intel::seen_speed(&s.game.state, lab as LabId)
}

/// When each lab reaches 100 at its recent pace, as the race table's "at this pace" column
/// says it.
pub fn eta_label(s: &Session, lab: usize) -> String {
    let st = &s.game.state;
    let pace = forecast::pace(
        &recent_gains(s, lab, forecast::PACE_MONTHS),
        i64::from(shown_speed(s, lab)),
    );
    match forecast::eta(intel::seen_progress(st, lab as LabId), pace, st.month) {
        Eta::Done => "there".to_string(),
        Eta::Month(m) => s.content().date_label(m),
        Eta::Stalled => "stalled".to_string(),
    }
}

/// A figure's value and a short note, as the dashboard shows it.
pub fn figure_value(s: &Session, f: Figure) -> (String, String) {
    let st = &s.game.state;
    let p = st.player();
    let d = &s.derived;
    match f {
        Figure::Budget => (
            money(p.budget),
            format!("{}/mo", Figure::Budget.signed(d.income - d.burn)),
        ),
        Figure::Runway => match d.runway {
            // "1519 months" would be cut in its column: long runways say "mo".
            Some(Runway::Months(m)) if m >= 1000 => (format!("{m} mo"), "at this pace".into()),
            Some(Runway::Months(m)) => (format!("{m} months"), "at this pace".into()),
            _ => ("covered".into(), "income≥cost".into()),
        },
        Figure::Weeks => (
            format!("{} of {}", p.weeks, p.weeks.max(4)),
            "use or lose".into(),
        ),
        Figure::Progress => (
            p.progress().display(),
            format!(
                "rank {}/{}",
                intel::seen_rank(s.content(), st),
                st.labs.len()
            ),
        ),
        Figure::Speed => (
            format!("{}/mo", speed_label(p.last_speed.total)),
            format!("now {}", speed_label(d.forecast.total)),
        ),
        Figure::Deploy => (minutes_label(p.deploy_minutes), "per change".into()),
        Figure::Experiments => (
            format!("{}/mo", lab_experiments(&s.content().balance.research, p)),
            "via deploys".into(),
        ),
        // Talent is research strength (units), not a headcount: the note says what it is
        // made of in the same words as the race table's "staff" column.
        Figure::Talent => (
            d.talent_units.to_string(),
            format!(
                "{}+{} named",
                count(p.researchers),
                st.staff_of(PLAYER).count()
            ),
        ),
        Figure::Compute => (
            format!("{}k GPUs", p.compute),
            format!("{}k leased", p.leased),
        ),
        Figure::Legacy => (
            format!("-{}%", d.legacy_pct),
            format!("{} systems", p.legacy.len()),
        ),
        Figure::Ecosystem => (
            format!("{}/100", p.ecosystem),
            format!("{} releases", p.open_releases),
        ),
        Figure::Morale => (
            format!("{}/100", p.morale),
            bar(i64::from(p.morale), 100, 10),
        ),
        Figure::Risk => (format!("{}/100", p.risk), bar(i64::from(p.risk), 100, 10)),
        Figure::Board => (format!("{}/100", p.board), bar(i64::from(p.board), 100, 10)),
    }
}

/// The ending in one sentence, and whether it is good news.
pub fn ending_text(s: &Session, e: &Ending) -> (String, bool) {
    let c = s.content();
    match e {
        Ending::PlayerFirst { careful: true } => (
            "Meta reaches superintelligence first, carefully: a clean win.".into(),
            true,
        ),
        Ending::PlayerFirst { careful: false } => (
            "Meta reaches superintelligence first, recklessly: high risk and thin review cost most of the credit.".into(),
            true,
        ),
        Ending::RivalFirst { rival, margin } => (
            format!(
                "{} reaches superintelligence first, {} points ahead of you.",
                c.labs[usize::from(*rival)].name,
                margin.display()
            ),
            false,
        ),
        Ending::Deadline { rank: 1 } => (
            "The campaign ends with Meta leading the race: a win.".into(),
            true,
        ),
        Ending::Deadline { rank } => (
            format!("The campaign ends with Meta in place {rank} of {}.", s.game.state.labs.len()),
            false,
        ),
        Ending::BudgetFrozen => ("The board froze the AI budget: the programme stops.".into(), false),
        Ending::Catastrophe => (
            "A catastrophic incident ended the programme.".into(),
            false,
        ),
    }
}
