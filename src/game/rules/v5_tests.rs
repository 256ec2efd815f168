//! Rules version 5, money that binds and events at their real date: the changes a player
//! notices, each pinned by a test named after it.

use std::sync::Arc;

use crate::content;
use crate::game::Game;
use crate::game::board;
use crate::game::command::Command;
use crate::game::data::Condition;
use crate::game::deck;
use crate::game::state::{PLAYER, Story};

fn game(scenario: &str) -> Game {
    let content = content::load_builtin(scenario, Some("normal")).expect("built-in scenario");
    Game::new(Arc::new(content), 42)
}

/// Ends the month, answering any question with its first allowed answer.
fn end_month(g: &mut Game) {
    let month = g.state.month;
    for _ in 0..16 {
        if g.state.month != month || g.state.ending.is_some() {
            return;
        }
        if g.state.pending.is_some() {
            let answered = (0..4).any(|o| g.apply(&Command::Choose(o)).is_ok());
            assert!(answered, "some answer is allowed");
        } else {
            g.apply(&Command::EndMonth).expect("the month ends");
        }
    }
    panic!("the month did not end");
}

#[test]
fn the_company_takes_back_cash_above_the_carry_at_a_quarters_close() {
    let g = game("race-2025");
    let income = g.state.player().income;
    let carry = board::carry(&g.content, income);
    let b = &g.content.balance.board;
    assert!(
        b.return_pct > 0 && carry > 0,
        "the shipped rules return idle cash"
    );
    // Nothing above the carry: nothing goes back; above it, the rule's share of the excess.
    assert_eq!(board::quarter_return(&g.content, carry, income), 0);
    assert_eq!(board::quarter_return(&g.content, -5, income), 0);
    let held = carry + 1_000;
    let back = board::quarter_return(&g.content, held, income);
    assert_eq!(back, 1_000 * b.return_pct.min(100) / 100);
    // Hostile numbers neither overflow nor take more than is held.
    let b = g.content.balance.board.return_pct.min(100);
    let all = i128::from(i64::MAX) * i128::from(b) / 100;
    assert_eq!(
        i128::from(board::quarter_return(&g.content, i64::MAX, 0)),
        all
    );
    let half = board::quarter_return(&g.content, i64::MAX, i64::MAX);
    assert!(
        half > 0 && half < i64::MAX,
        "the carry of a huge income: {half}"
    );
}

#[test]
fn unspent_money_goes_back_when_the_quarter_closes_and_the_news_says_so() {
    // The race starts in October: its first quarter closes at the end of month 2 (December).
    let mut g = game("race-2025");
    g.state.labs[usize::from(PLAYER)].budget = 50_000;
    end_month(&mut g);
    end_month(&mut g);
    assert!(
        g.state.player().budget > 40_000,
        "no money goes back inside a quarter"
    );
    end_month(&mut g);
    let p = g.state.player();
    let carry = board::carry(&g.content, p.income);
    assert!(
        p.budget <= carry,
        "after the quarter's close at most the carry is left: {} > {carry}",
        p.budget
    );
    let told = g
        .state
        .news
        .iter()
        .any(|n| matches!(n.story, Story::BudgetReturned { amount, .. } if amount > 30_000));
    assert!(told, "the news tells what went back");
}

#[test]
fn a_dated_event_can_strike_only_in_its_calendar_window() {
    let october = [
        Condition::FromDate(2025, 10),
        Condition::UntilDate(2025, 10),
    ];
    let holds = |g: &Game| october.iter().all(|c| deck::holds(&g.content, &g.state, c));
    // The race starts in October 2025: month 0 is the event's month, month 1 is not.
    let mut g = game("race-2025");
    assert!(holds(&g));
    end_month(&mut g);
    assert!(!holds(&g), "November 2025 is past the window");
    // The classroom starts in January 2026: never.
    let mut g = game("classroom");
    for _ in 0..3 {
        assert!(!holds(&g));
        end_month(&mut g);
    }
}

#[test]
fn the_600_cuts_event_is_dated_to_october_2025() {
    let g = game("race-2025");
    let cuts = g
        .content
        .events
        .iter()
        .find(|e| e.id == "ai-unit-job-cuts")
        .expect("the event ships");
    assert!(cuts.conditions.contains(&Condition::FromDate(2025, 10)));
    assert!(cuts.conditions.contains(&Condition::UntilDate(2025, 10)));
}
