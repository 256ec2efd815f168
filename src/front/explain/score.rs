//! The debrief's score in words: what each part of the rules' score measures and the numbers
//! this game gave it, so a class can see why two endings scored differently.

use crate::game::state::{Ending, PLAYER};
use crate::game::units::money;
use crate::report::format::{apportion_points, month_of, signed_tenths, tenths};

use super::super::session::Session;
use super::{Explanation, Lines};

/// Each score part with what it rewards and how this game's figure came about.
pub fn score_parts(s: &Session) -> Explanation {
    let st = &s.game.state;
    let c = s.content();
    let sc = s.game.score();
    let sb = &c.balance.score;
    let per = sb.margin_per_point;
    let p = st.player();
    let mut l = Lines(Vec::new());
    l.head(format!("Score {}: the sum of five parts", sc.total));
    let ending = match &st.ending {
        Some(Ending::PlayerFirst { careful: true }) => "first to superintelligence, carefully",
        Some(Ending::PlayerFirst { careful: false }) => "first to superintelligence, recklessly",
        Some(Ending::Deadline { rank: 1 }) => "leading the race at the deadline",
        Some(Ending::Deadline { .. }) => "behind at the deadline",
        Some(Ending::RivalFirst { .. }) => "a rival got there first",
        Some(Ending::BudgetFrozen) => "the board froze the budget",
        Some(Ending::Catastrophe) => "a catastrophic incident",
        None => "not over yet (scored as if it ended now)",
    };
    l.head(format!("outcome {:>6}", sc.outcome));
    l.line(format!("  How the game ended: {ending}."));
    l.dim("  A careful win 5000, a reckless win 2000, leading at the deadline 3000,");
    l.dim("  behind at the deadline 1500 less 250 per place below second, a rival first 800,");
    l.dim("  a frozen budget or a catastrophe 0.");
    let best = st.labs[1..]
        .iter()
        .map(|x| x.progress())
        .max()
        .unwrap_or_default();
    l.head(format!("margin  {:>6}", sc.margin));
    l.line(format!(
        "  Your progress {} against the best rival's {}: {per} points per whole point of lead",
        p.progress().display(),
        best.display()
    ));
    // The rules count whole points of lead; the exact lead (thousandths, no rounding) shows
    // why 100.0 against 99.0 can score 0.
    let lead = i64::from(p.progress().0 - best.0);
    let whole = lead / 1000;
    l.line(format!(
        "  (or lost per point behind): a lead of {}{}.{:03} is {whole} whole point{} × {per} = {}",
        if lead < 0 { "-" } else { "" },
        lead.unsigned_abs() / 1000,
        lead.unsigned_abs() % 1000,
        if whole.abs() == 1 { "" } else { "s" },
        whole * per
    ));
    l.dim(format!(
        "  The margin is kept between -{cap} and +{cap}.",
        cap = sb.margin_cap
    ));
    l.head(format!("speed   {:>6}", sc.speed));
    l.line(format!(
        "  On a win, {} per month to spare: the game ended in {}.",
        sb.speed_per_month,
        month_of(c, st.month, st.is_over())
    ));
    l.dim("  No win, no speed points.");
    l.head(format!("safety  {:>6}", sc.safety));
    l.line(format!(
        "  (100 - risk {}) × {} + safety review {} × {}; a catastrophe scores 0.",
        p.risk, sb.safety_per_risk, p.review, sb.safety_per_review
    ));
    l.head(format!("money   {:>6}", sc.money));
    let budget = st.lab(PLAYER).budget;
    l.line(format!(
        "  Budget left {} (${budget}M): 1 point per whole {}, between 0 and {}.",
        money(budget),
        money(sb.money_div),
        sb.money_cap
    ));
    lessons(s, &mut l);
    Explanation {
        title: "The score and the lessons of this game".to_string(),
        lines: l.0,
    }
}

/// "+12", "-3", "+0".
fn signed_whole(p: i64) -> String {
    if p < 0 {
        p.to_string()
    } else {
        format!("+{p}")
    }
}

/// The teaching part of the debrief, from the same model as `ai-race debrief`: what the
/// player's decisions were worth apart from the lab they started with (the game replayed
/// without each lever), where research speed came from, and three questions chosen from what
/// happened.
fn lessons(s: &Session, l: &mut Lines) {
    let d = crate::report::debrief::Debrief::from_game(&s.game, s.record.decisions());
    l.head("What your decisions were worth in the race");
    match &d.credit {
        Some(c) => {
            for line in crate::text::width::wrap(crate::report::counterfactual::MEANING, 76) {
                l.dim(format!("  {line}"));
            }
            let chance = c.chance_percent();
            let pct = |p: Option<i64>| p.map_or("-".to_string(), |p| format!("{p}%"));
            l.line(format!(
                "  {:<24} {:>14} {:>11}",
                "", "months to 100", "win chance"
            ));
            l.line(format!(
                "  {:<24} {:>14} {:>11}",
                "the starting position",
                tenths(c.baseline_tenths()),
                pct(chance.map(|(b, _)| b))
            ));
            l.dim(format!(
                "    the lab you inherited, no decisions: {}",
                crate::report::counterfactual::arrival_words(&c.baseline.arrival)
            ));
            for r in c.rows().iter().filter(|r| r.decisions > 0) {
                l.delta(
                    format!(
                        "  {:<24} {:>14} {:>11}",
                        r.label,
                        signed_tenths(-r.months_tenths),
                        r.chance_points.map_or("-".to_string(), signed_whole)
                    ),
                    r.months_tenths,
                    true,
                );
                // A lever that changed how the game ended says so.
                if let Some(lever) = c.levers.iter().find(|x| x.name == r.label)
                    && lever.without.differs_from(&c.actual)
                {
                    l.dim(format!(
                        "    without it alone: {}, {}",
                        lever.without.ending, lever.without.month
                    ));
                }
            }
            l.line(format!(
                "  {:<24} {:>14} {:>11}",
                "your game",
                tenths(c.actual_tenths()),
                pct(chance.map(|(_, a)| a))
            ));
            l.dim(format!(
                "    {}",
                crate::report::counterfactual::arrival_words(&c.actual.arrival)
            ));
        }
        None => l.dim("  not measured: this game's decisions are not all recorded"),
    }
    l.head("Share of research speed by cause, over the whole game");
    l.dim("  Not the decisions' worth: the lab you started with already had talent and compute.");
    let values: Vec<i64> = d.levers.iter().map(|x| x.progress).collect();
    let shown = apportion_points(&values);
    for (share, t) in d.levers.iter().zip(shown) {
        l.line(format!(
            "  {:<22} {:>6} points  ({})",
            share.lever,
            signed_tenths(t),
            share.from
        ));
    }
    l.line(format!(
        "  {:<22} {:>6} points",
        "total",
        signed_tenths(crate::game::units::round_div(values.iter().sum(), 100))
    ));
    l.head("Questions to discuss");
    for (i, q) in d.questions.iter().enumerate() {
        l.line(format!("  {}. {} ({})", i + 1, q.text, q.topic));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::game::policy::{Policy, play};
    use crate::save::Playthrough;
    use std::sync::Arc;

    fn finished(policy: Policy) -> Session {
        let content = Arc::new(content::load_builtin("classroom", None).expect("loads"));
        let seed = content.scenario.seed.unwrap_or(1);
        let (_, decisions) = play(&content, seed, policy);
        let played = Playthrough::replay(content, seed, &decisions).expect("replays");
        Session::from_save(&played).expect("session")
    }

    fn text(e: &Explanation) -> String {
        e.lines
            .iter()
            .map(|(l, _)| l.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_lessons_show_the_starting_position_apart_from_the_decisions() {
        let s = finished(Policy::Balanced);
        let t = text(&score_parts(&s));
        assert!(t.contains("What your decisions were worth"), "{t}");
        assert!(t.contains("the starting position"), "{t}");
        assert!(t.contains("the lab you inherited, no decisions"), "{t}");
        // In months and win chance, with no leftover line.
        assert!(
            t.contains("months to 100") && t.contains("win chance"),
            "{t}"
        );
        assert!(!t.contains("interaction") && !t.contains("together"), "{t}");
        assert!(t.contains("Share of research speed"), "{t}");
        let st = &s.game.state;
        let last = crate::report::format::month_of(s.content(), st.month, true);
        assert!(t.contains(&last), "{t}");
    }

    #[test]
    fn the_margin_shows_the_exact_lead_it_counts() {
        // "100.0 against 99.0, 30 points per point" gave a margin of 0: the rules count whole
        // points of the exact lead, and the panel now shows that lead.
        let s = finished(Policy::Balanced);
        let t = text(&score_parts(&s));
        let sc = s.game.score();
        let lead = s.game.state.player().progress().0
            - s.game.state.labs[1..]
                .iter()
                .map(|l| l.progress().0)
                .max()
                .unwrap_or(0);
        let whole = i64::from(lead / 1000);
        assert!(t.contains(&format!("× 30 = {}", whole * 30)), "{t}");
        assert_eq!(sc.margin, (whole * 30).clamp(-1_500, 1_500));
    }
}
