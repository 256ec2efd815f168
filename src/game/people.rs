//! Inventing people for the talent market and the labs' starting staff.

use super::data::{Content, Role, Track};
use super::state::{GameState, Person};

/// A new person drawn from the scenario's archetypes (stars only when `star` is true).
pub fn new_person(content: &Content, state: &mut GameState, star: bool) -> Person {
    let talent = &content.talent;
    let weights: Vec<u32> = talent
        .archetypes
        .iter()
        .map(|a| if a.star == star { a.weight } else { 0 })
        .collect();
    let idx = state
        .dice
        .world
        .weighted(&weights)
        .or_else(|| state.dice.world.pick(talent.archetypes.len()))
        .unwrap_or(0);
    let a = &talent.archetypes[idx];
    // A few draws to avoid a name someone already has; a rare repeat is harmless.
    let mut name = String::new();
    for _ in 0..8 {
        let first = state.dice.world.pick(talent.first_names.len()).unwrap_or(0);
        let last = state.dice.world.pick(talent.last_names.len()).unwrap_or(0);
        name = format!(
            "{} {}",
            talent.first_names.get(first).map_or("Alex", String::as_str),
            talent.last_names.get(last).map_or("Doe", String::as_str)
        );
        if !state.people.iter().any(|p| p.name == name) {
            break;
        }
    }
    let skill = state
        .dice
        .world
        .range(i64::from(a.skill.0), i64::from(a.skill.1)) as u8;
    let salary = state
        .dice
        .world
        .range(i64::from(a.salary.0), i64::from(a.salary.1)) as u32;
    let specialty = Track::ALL[state.dice.world.below(3) as usize];
    let title = if a.role == Role::Research {
        format!("{} ({})", a.title, specialty.name())
    } else {
        a.title.clone()
    };
    Person {
        name,
        title,
        role: a.role,
        specialty,
        skill,
        star: a.star,
        salary,
        loyalty: state.dice.world.range(10, 40) as u8,
        employer: None,
        since: state.month,
        refused_month: None,
    }
}
