//! An event's choices: what each option does, in words.

use super::compute::effect_text;
use crate::front::session::Session;
use crate::game::state::{ChoiceSource, PendingChoice};

/// What an option does, in words.
pub fn consequences(s: &Session, p: &PendingChoice, i: usize) -> String {
    match p.source {
        ChoiceSource::Event(e) => s
            .content()
            .events
            .get(usize::from(e))
            .and_then(|d| d.choices.get(i))
            .map(|c| {
                c.effects
                    .iter()
                    .map(effect_text)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        ChoiceSource::Poach { .. } => {
            if i == 0 {
                "they stay, more loyal; you pay the new salary".to_string()
            } else {
                "they leave for the rival; morale dips".to_string()
            }
        }
    }
}
