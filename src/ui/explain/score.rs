//! The debrief's score in words: what each part of the rules' score measures and the numbers
//! this game gave it, so a class can see why two endings scored differently.

use crate::game::state::{Ending, PLAYER};
use crate::game::units::money;

use super::super::session::Session;
use super::{Explanation, Lines};

/// Each score part with what it rewards and how this game's figure came about.
pub fn score_parts(s: &Session) -> Explanation {
    let st = &s.game.state;
    let c = s.content();
    let sc = s.game.score();
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
        "  Your progress {} against the best rival's {}: 30 points per point of lead",
        p.progress().display(),
        best.display()
    ));
    l.dim("  (or lost per point behind), between -1500 and +1500.");
    l.head(format!("speed   {:>6}", sc.speed));
    l.line(format!(
        "  On a win, 100 per month to spare: the game ended in month {} of {}.",
        st.month.min(c.scenario.months),
        c.scenario.months
    ));
    l.dim("  No win, no speed points.");
    l.head(format!("safety  {:>6}", sc.safety));
    l.line(format!(
        "  (100 - risk {}) × 8 + safety review {} × 4; a catastrophe scores 0.",
        p.risk, p.review
    ));
    l.head(format!("money   {:>6}", sc.money));
    l.line(format!(
        "  Budget left {}: 1 point per $100M, between 0 and 1500.",
        money(st.lab(PLAYER).budget)
    ));
    lessons(s, &mut l);
    Explanation {
        title: "The score and the lessons of this game".to_string(),
        lines: l.0,
    }
}

/// The teaching part of the debrief, from the same model as `ai-race debrief`: what each lever
/// added to research over the game, and three questions chosen from what happened.
fn lessons(s: &Session, l: &mut Lines) {
    let d = crate::report::debrief::Debrief::from_game(&s.game);
    l.line("");
    l.head("What each lever added to research, over the whole game");
    for share in d.levers.iter().filter(|x| x.is_lever) {
        let sign = if share.progress < 0 { "-" } else { "+" };
        let points = share.progress.unsigned_abs();
        l.line(format!(
            "  {:<16} {sign}{}.{} points  ({})",
            share.lever,
            points / 1000,
            (points % 1000) / 100,
            share.from
        ));
    }
    l.line("");
    l.head("Questions to discuss");
    for (i, q) in d.questions.iter().enumerate() {
        l.line(format!("  {}. {} ({})", i + 1, q.text, q.topic));
    }
}
