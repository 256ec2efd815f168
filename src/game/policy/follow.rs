//! A script followed along a game someone else played: at each of the game's decisions, would
//! the script, in the same state with its own dice, have made the same one? The copy check asks
//! this of every shipped script while a save's own replay runs, so no script's game is played
//! a second time. The answers are exactly [`play_strategy_while`]'s: the script decides with
//! the same state, dice and memory as in its own game, for as long as the two games agree.

use super::{MAX_COMMANDS_PER_MONTH, Memo, Strategy, next_command_with};
use crate::game::command::Command;
use crate::game::data::Content;
use crate::game::rng::Pcg32;
use crate::game::rules;
use crate::game::state::{GameState, PLAYER};

#[cfg(doc)]
use super::play_strategy_while;

/// One script following a game decision by decision.
#[derive(Debug, Clone)]
pub struct Follower {
    strategy: Strategy,
    rng: Pcg32,
    memo: Memo,
    this_month: Vec<Command>,
    in_month: u32,
    /// The month of the last decision the script shared, while it shares them.
    month: Option<u16>,
    same: usize,
    parted: bool,
}

impl Follower {
    /// `strategy` playing with the dice of `policy_seed`, before the game's first decision.
    pub fn new(strategy: Strategy, policy_seed: u64) -> Follower {
        Follower {
            strategy,
            // The stream `play_strategy_while` gives a script's dice.
            rng: Pcg32::new(policy_seed, 0x90_11C7),
            memo: Memo::default(),
            this_month: Vec::new(),
            in_month: 0,
            month: None,
            same: 0,
            parted: false,
        }
    }

    /// How many of the game's decisions, from the first, the script makes too.
    pub fn same(&self) -> usize {
        self.same
    }

    /// Whether the script, in `state` (the game before its next decision), makes `decision`;
    /// once it has not, it never does again. `decision` must be one the rules accept in
    /// `state` (a replay that goes on after it).
    pub fn step(&mut self, content: &Content, state: &GameState, decision: &Command) -> bool {
        if self.parted {
            return false;
        }
        // After the last shared decision, as the script's own game counts its moves.
        if let Some(month) = self.month {
            if state.month == month {
                self.in_month += 1;
            } else {
                self.in_month = 0;
                self.this_month.clear();
            }
        }
        if state.is_over() || self.in_month >= MAX_COMMANDS_PER_MONTH {
            // The script's game ends here: it makes no further decision.
            self.parted = true;
            return false;
        }
        let cmd = next_command_with(
            &self.strategy,
            content,
            state,
            &mut self.rng,
            &self.this_month,
            &mut self.memo,
        );
        let same = if cmd == *decision {
            // The rules accept it (the game made it): the script keeps it among this month's.
            self.this_month.push(cmd);
            true
        } else {
            // A move the rules refuse ends the script's month instead.
            *decision == Command::EndMonth && rules::check(content, state, PLAYER, &cmd).is_err()
        };
        if same {
            self.same += 1;
            self.month = Some(state.month);
        } else {
            self.parted = true;
        }
        same
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::policy::{Policy, play_strategy_while};

    /// The decisions `strategy` follows of `decisions`, as the script's own (stopped) game
    /// counts them and as a follower counts them along the game.
    fn both(content: &Content, seed: u64, strategy: &Strategy, decisions: &[(u16, Command)]) {
        let start = crate::game::init::new_game(content, seed);
        let n = decisions.len();
        let mut same = 0;
        play_strategy_while(content, start.clone(), seed, strategy, |i, d| {
            if i >= n || decisions[i] != *d {
                return false;
            }
            same = i + 1;
            i + 1 < n
        });
        let mut follower = Follower::new(strategy.clone(), seed);
        let mut state = start;
        for (_, command) in decisions {
            follower.step(content, &state, command);
            rules::apply_quiet(content, &mut state, PLAYER, command).expect("a game's own move");
        }
        assert_eq!(follower.same(), same, "{strategy:?} on seed {seed}");
    }

    #[test]
    fn a_follower_agrees_with_the_scripts_own_game() {
        let content = crate::content::builtin("race-2025", Some("normal")).expect("built-in");
        for seed in [1u64, 7, 2_025] {
            // Every script's own game (the script follows it to its end, the others part
            // somewhere), and a random player's with other dice.
            let mut games: Vec<Vec<(u16, Command)>> = Policy::ALL
                .iter()
                .map(|p| crate::game::policy::play(&content, seed, *p).1)
                .collect();
            let other =
                crate::game::policy::play_strategy(&content, seed, seed + 1_000, &Strategy::Random);
            games.push(other.decisions);
            for game in &games {
                for p in Policy::ALL {
                    both(&content, seed, &p.strategy(), game);
                    // Its beginning too, as an unfinished save holds it.
                    both(&content, seed, &p.strategy(), &game[..game.len() / 3]);
                }
            }
        }
    }
}
