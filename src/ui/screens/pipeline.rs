//! The deploy pipeline: each stage with its cost and months, and what deploy time and
//! experiments per month become when it is done. Enter starts a stage after showing the math.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::game::month::minutes_label;
use crate::game::research::{experiments_per_month, lab_experiments};
use crate::game::state::ProjectKind;
use crate::game::units::money;
use crate::game::{Command, Game};

use super::super::app::{Layer, Outcome};
use super::super::explain::Tone;
use super::super::keys::{Action, Hint, hint};
use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{cell, fit, panel, put, right, tone_style, toned_text, window};
use super::{clicked_row, list_over_detail, step};
pub use crate::front::choices::pipeline::{after, effect_lines, stage_menu, status};

pub fn hints(_s: &Session) -> Vec<Hint> {
    vec![
        hint(Action::Up, "stage"),
        hint(Action::Down, "stage"),
        hint(Action::Choose, "start it"),
        hint(Action::DoIt, "do it"),
    ]
}

pub fn update(s: &mut Session, action: Action) -> Outcome {
    let n = s.content().stages.len();
    match action {
        Action::Up | Action::Down => {
            step(&mut s.stage_sel, action, n);
            Outcome::Nothing
        }
        Action::Choose if s.stage_sel < n => {
            Outcome::Open(Layer::Menu(stage_menu(&s.game, s.stage_sel)))
        }
        Action::DoIt if s.stage_sel < n => {
            Outcome::Run(Command::Upgrade(s.content().stages[s.stage_sel].id.clone()))
        }
        _ => Outcome::Nothing,
    }
}

/// [`status`] cut to `width` characters: a long refusal gives way to its short form.
fn status_fit(game: &Game, i: usize, width: usize) -> (String, Tone) {
    let (long, tone) = status(game, i);
    if super::super::widgets::cols(&long) <= width {
        return (long, tone);
    }
    // A stage under way says only the months left ("1mo left").
    if let Some(pr) = game
        .state
        .player()
        .projects
        .iter()
        .find(|pr| pr.kind == ProjectKind::Stage(i as u16))
    {
        return (format!("{}mo left", pr.months_left), tone);
    }
    let cmd = Command::Upgrade(game.content.stages[i].id.clone());
    match game.check(&cmd) {
        Err(e) => (super::refusal_short(game, &e).unwrap_or(long), tone),
        Ok(_) => (long, tone),
    }
}

pub fn row_at(s: &Session, area: Rect, x: u16, y: u16) -> Option<usize> {
    let n = s.content().stages.len();
    let (list, _) = list_over_detail(area, n, 8);
    clicked_row(list, n, s.stage_sel, x, y)
}

pub fn render(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (list, detail) = list_over_detail(area, s.content().stages.len(), 8);
    let g = &s.game;
    let p = g.state.player();
    let inner = panel(
        &format!(
            "Pipeline: deploys take {}, {} experiments a month",
            minutes_label(p.deploy_minutes),
            lab_experiments(&s.content().balance.research, p)
        ),
        theme,
        list,
        buf,
    );
    let w = usize::from(inner.width);
    let (cost_w, months_w, effect_w, review_w) = (7, 7, 20, 7);
    let rest = w.saturating_sub(cost_w + months_w + effect_w + review_w);
    let name_w = (rest / 2).max(24).min(rest);
    let status_w = rest - name_w;
    let head = format!(
        "{}{}{}{}{}{}",
        fit("  Stage", name_w),
        right("cost", cost_w),
        right("months", months_w),
        fit("   deploy after", effect_w),
        right("review", review_w),
        fit("  you", status_w)
    );
    put(Line::styled(fit(&head, w), theme.dim()), inner, 0, buf);
    let stages = &s.content().stages;
    let h = usize::from(inner.height.saturating_sub(1));
    let offset = window(stages.len(), s.stage_sel, h);
    for (line, (i, def)) in stages.iter().enumerate().skip(offset).take(h).enumerate() {
        let (status, tone) = status_fit(g, i, status_w.saturating_sub(2));
        let new = after(p.deploy_minutes, def);
        let text = format!(
            "{}{}{}{}{}{}",
            cell(&format!("  {}", def.name), name_w),
            right(&money(def.cost), cost_w),
            right(&def.months.to_string(), months_w),
            // A finished stage has already given its speed-up: no "after" figure.
            fit(
                &if p.has_stage(i as u16) {
                    "   —".to_string()
                } else {
                    format!(
                        "   {} ({}/mo)",
                        minutes_label(new),
                        experiments_per_month(&s.content().balance.research, new, p.review)
                    )
                },
                effect_w
            ),
            right(&format!("{:+}", def.review), review_w),
            fit(&format!("  {status}"), status_w)
        );
        let style = if i == s.stage_sel {
            theme.selected()
        } else {
            tone_style(tone, theme)
        };
        put(
            Line::styled(fit(&text, w), style),
            inner,
            line as u16 + 1,
            buf,
        );
    }
    let inner = panel("What it changes (Enter to start)", theme, detail, buf);
    if let Some(def) = stages.get(s.stage_sel) {
        toned_text(&effect_lines(g, def), 0, theme, inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::content;

    #[test]
    fn a_stage_waiting_for_the_busy_infra_team_says_so_with_the_months_left() {
        let c = content::load_builtin("classroom", None).expect("classroom loads");
        let mut game = Game::new(Arc::new(c), 7);
        let ready: Vec<usize> = (0..game.content.stages.len())
            .filter(|&i| status(&game, i).0 == "ready")
            .collect();
        assert!(ready.len() >= 2, "two stages can start at the start");
        let id = game.content.stages[ready[0]].id.clone();
        game.apply(&Command::Upgrade(id))
            .expect("the first stage starts");
        let (text, _) = status(&game, ready[1]);
        assert!(text.starts_with("infra team busy with "), "{text}");
        assert!(text.contains("left)"), "{text}");
    }
}
