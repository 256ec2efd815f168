//! Speed against safety: a reckless sprint (never a safety review, thin review, the fastest
//! pipeline) is tempting because it wins earlier when it works, and it ends in catastrophe
//! often enough that careful play is a real alternative.

use std::sync::Arc;

use ai_race::content;
use ai_race::game::Content;
use ai_race::game::policy::Policy;
use ai_race::game::research::{experiments_per_month, review_minutes};
use ai_race::sim;

fn normal() -> Arc<Content> {
    Arc::new(content::load_builtin("race-2025", Some("normal")).expect("race-2025"))
}

/// Rules 2 before this change: the sprint won its games only one month before `balanced`,
/// so cutting safety bought almost nothing but the risk.
#[test]
fn a_reckless_sprint_wins_two_months_earlier_than_careful_play() {
    let content = normal();
    let careful = sim::run(&content, Policy::Balanced, 400, 1);
    let reckless = sim::run(&content, Policy::Reckless, 400, 1);
    let careful_months = careful.median_win_months.expect("balanced wins some games");
    let reckless_months = reckless
        .median_win_months
        .expect("reckless wins some games");
    assert!(
        reckless_months + 2 <= careful_months,
        "reckless wins in {reckless_months} months, balanced in {careful_months}"
    );
    let catastrophes: u32 = reckless
        .endings
        .iter()
        .filter(|(e, _)| *e == "catastrophe")
        .map(|(_, n)| *n)
        .sum();
    assert!(
        catastrophes * 5 >= 400,
        "only {catastrophes} of 400 reckless games end in catastrophe"
    );
}

/// Routine review costs no waiting; strong review makes every experiment wait, so a lab that
/// keeps review strong runs visibly fewer experiments than one that cuts it.
#[test]
fn strong_review_costs_experiments_and_thin_review_does_not() {
    let r = &normal().balance.research;
    assert_eq!(review_minutes(r, 0), 0);
    assert_eq!(review_minutes(r, r.review_free), 0);
    assert!(review_minutes(r, 80) > review_minutes(r, 40));
    let thin = experiments_per_month(r, 2, r.review_free);
    let strong = experiments_per_month(r, 2, 80);
    assert!(
        thin >= 2 * strong,
        "thin review runs {thin} experiments a month, strong review {strong}"
    );
}
