//! The debrief as Markdown: what `ai-race debrief SAVE` prints and a teacher projects or
//! hands out. Plain tables and one text chart, readable as text too.

use std::fmt::Write as _;

use crate::game::month::minutes_label;

use super::chart::race_chart;
use super::debrief::Debrief;
use super::format::{apportion, apportion_points, bar, cell, points, tenths};
use super::{counterfactual, questions};

/// At most this many rows in the table of progress by month.
const CHECKPOINTS: usize = 10;
/// At most this many decisions listed (the chart still marks every month).
const MAX_DECISIONS: usize = 40;
/// At most this many recent moves listed per rival.
const MOVES_PER_RIVAL: usize = 3;

impl Debrief {
    /// The debrief as a Markdown document.
    pub fn to_markdown(&self) -> String {
        // Text from saves is escaped where it is placed; this last pass catches any that
        // reached the document another way.
        super::sanitize::markdown_document(&self.markdown_body())
    }

    /// The document before the final pass.
    fn markdown_body(&self) -> String {
        let mut md = String::new();
        self.header(&mut md);
        self.race_section(&mut md);
        self.decisions_section(&mut md);
        self.credit_section(&mut md);
        self.levers_section(&mut md);
        self.rivals_section(&mut md);
        self.score_section(&mut md);
        self.questions_section(&mut md);
        md
    }

    fn header(&self, md: &mut String) {
        let _ = writeln!(md, "# {}\n", cell(&self.title()));
        let _ = writeln!(
            md,
            "{}, seed {}, {} difficulty. {} of {} months played ({} to {}).\n",
            cell(&self.lab_name),
            self.seed,
            self.difficulty.to_lowercase(),
            self.months_played,
            self.campaign_months,
            self.date(0),
            self.date(self.months_played.saturating_sub(1)),
        );
        let _ = writeln!(md, "## How it ended\n\n**{}**\n", self.ending);
    }

    fn race_section(&self, md: &mut String) {
        let _ = writeln!(md, "## The race over time\n");
        let _ = writeln!(
            md,
            "Overall progress of every lab at the end of each month (superintelligence is \
             100). The rows under the month axis mark the months you used each lever.\n"
        );
        md.push_str("```text\n");
        for line in race_chart(self) {
            md.push_str(&line);
            md.push('\n');
        }
        md.push_str("```\n\n");
        let months = self.race.first().map_or(0, |l| l.progress.len());
        if months == 0 {
            return;
        }
        let step = months.div_ceil(CHECKPOINTS).max(1);
        let mut rows: Vec<usize> = (step - 1..months).step_by(step).collect();
        if rows.last() != Some(&(months - 1)) {
            rows.push(months - 1);
        }
        md.push_str("| Month |");
        for l in &self.race {
            let you = if l.is_player { " (you)" } else { "" };
            let _ = write!(md, " {}{you} |", cell(&l.short));
        }
        md.push_str("\n| --- |");
        md.push_str(&" ---: |".repeat(self.race.len()));
        md.push('\n');
        for m in rows {
            let _ = write!(md, "| {} {} |", m + 1, self.date(m as u16));
            for l in &self.race {
                let p = l.progress[m];
                if l.is_player {
                    let _ = write!(md, " **{}** |", p.display());
                } else {
                    let _ = write!(md, " {} |", p.display());
                }
            }
            md.push('\n');
        }
        md.push('\n');
    }

    fn decisions_section(&self, md: &mut String) {
        let _ = writeln!(md, "## Your key decisions\n");
        if self.decisions.is_empty() {
            let _ = writeln!(md, "No decisions were made: every month ended untouched.\n");
            return;
        }
        md.push_str("| Month | Lever | Decision |\n| --- | --- | --- |\n");
        for d in self.decisions.iter().take(MAX_DECISIONS) {
            let times = if d.times > 1 {
                format!(" (x{})", d.times)
            } else {
                String::new()
            };
            let _ = writeln!(
                md,
                "| {} {} | {} | {}{times} |",
                d.month + 1,
                self.date(d.month),
                d.lever.name(),
                cell(&d.text)
            );
        }
        if self.decisions.len() > MAX_DECISIONS {
            let _ = writeln!(
                md,
                "| | | ... and {} more |",
                self.decisions.len() - MAX_DECISIONS
            );
        }
        md.push('\n');
    }

    fn credit_section(&self, md: &mut String) {
        let _ = writeln!(md, "## What your decisions were worth\n");
        let Some(c) = &self.credit else {
            let _ = writeln!(
                md,
                "Not measured: this game's decisions were not given with it, so it cannot be \
                 replayed without them.\n"
            );
            return;
        };
        let _ = writeln!(md, "{}\n", counterfactual::MEANING);
        let chance = c.chance_percent();
        md.push_str(
            "| | Superintelligence | Win chance | How the replay without it alone ended |\n\
             | --- | --- | ---: | --- |\n",
        );
        let ending = |o: &counterfactual::Outcome| format!("{}, {}", o.ending, o.month);
        let _ = writeln!(
            md,
            "| The starting position (no decisions) | {} | {} | {} |",
            counterfactual::arrival_words(&c.baseline.arrival),
            chance.map_or("-".to_string(), |(b, _)| format!("{b}%")),
            cell(&ending(&c.baseline))
        );
        for r in c.rows() {
            let Some(l) = c.levers.iter().find(|l| l.name == r.label) else {
                continue;
            };
            let without = if l.decisions == 0 {
                "no such decisions".to_string()
            } else if l.without.differs_from(&c.actual) {
                ending(&l.without)
            } else {
                "the same ending".to_string()
            };
            let _ = writeln!(
                md,
                "| {} ({} decision{}) | {} | {} | {} |",
                r.label,
                r.decisions,
                if r.decisions == 1 { "" } else { "s" },
                questions::months_sooner(r.months_tenths),
                r.chance_points
                    .map_or("-".to_string(), counterfactual::chance_words),
                cell(&without)
            );
        }
        let _ = writeln!(
            md,
            "| **Your game** | **{}** | **{}** | {} |\n",
            counterfactual::arrival_words(&c.actual.arrival),
            chance.map_or("-".to_string(), |(_, a)| format!("{a}%")),
            cell(&ending(&c.actual))
        );
        match &c.chances {
            Some(ch) => {
                let _ = writeln!(
                    md,
                    "Win chance: wins among {} replays with fresh dice, the same dice for every \
                     line; your game counts as it ended. Months: on this game's own dice; a game \
                     short of 100 is projected at the pace of its last three months.\n",
                    ch.dice
                );
            }
            None => {
                let _ = writeln!(
                    md,
                    "Win chance is measured on finished games: this one is still in play.\n"
                );
            }
        }
    }

    fn levers_section(&self, md: &mut String) {
        let _ = writeln!(md, "## Where research speed came from\n");
        let values: Vec<i64> = self.levers.iter().map(|l| l.progress).collect();
        let total: i64 = values.iter().sum();
        let shown = apportion_points(&values);
        let shares: Vec<i64> = if total > 0 {
            apportion(&values.iter().map(|v| v * 100).collect::<Vec<_>>(), total)
        } else {
            Vec::new()
        };
        let max = self.levers.iter().map(|l| l.progress).max().unwrap_or(0);
        let _ = writeln!(
            md,
            "Share of research speed by cause, summed over the {} months played: {} points in \
             all. This is not what your decisions added: the lab you started with already had \
             talent, compute and a pipeline (see above for what your decisions were worth). \
             Talent and compute set the base; the other causes multiply it, so a negative \
             number is speed a cause held back.\n",
            self.months_played,
            points(total)
        );
        md.push_str(
            "| Lever or cause | Speed from | Points | Share | |\n| --- | --- | ---: | ---: | --- |\n",
        );
        for (i, l) in self.levers.iter().enumerate() {
            let share = shares
                .get(i)
                .map_or_else(|| "-".to_string(), |p| format!("{p}%"));
            let _ = writeln!(
                md,
                "| {} | {} | {} | {share} | {} |",
                l.lever,
                l.from,
                tenths(shown[i]),
                bar(l.progress, max, 20)
            );
        }
        let s = &self.safety;
        let _ = writeln!(
            md,
            "\n**Safety** does not add speed; it keeps it. Deploys went from {} at the start \
             to {} at the end ({} to {} experiments a month). Risk went from {} at the start \
             to {} (peak {}); safety review ended at {}; {} safety review{} paid for.\n",
            minutes_label(self.deploy_minutes.0),
            minutes_label(self.deploy_minutes.1),
            self.experiments.0,
            self.experiments.1,
            s.risk_start,
            s.risk_end,
            s.risk_peak,
            s.review_end,
            s.reviews,
            if s.reviews == 1 { "" } else { "s" },
        );
    }

    fn rivals_section(&self, md: &mut String) {
        let _ = writeln!(md, "## What the rivals did\n");
        md.push_str("| Lab | At the start | At the end | Gained | Best month |\n");
        md.push_str("| --- | ---: | ---: | ---: | --- |\n");
        for r in &self.rivals {
            let best = r.best_month.map_or_else(
                || "-".to_string(),
                |(m, gain)| format!("{} {} (+{})", m + 1, self.date(m), gain.display()),
            );
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {best} |",
                cell(&r.name),
                r.start.display(),
                r.end.display(),
                super::format::progress_change(r.start, r.end),
            );
        }
        md.push('\n');
        let any_moves = self.rivals.iter().any(|r| !r.moves.is_empty());
        if any_moves {
            let _ = writeln!(md, "Their latest moves in the news:\n");
            for r in &self.rivals {
                let start = r.moves.len().saturating_sub(MOVES_PER_RIVAL);
                for (month, text) in &r.moves[start..] {
                    let _ = writeln!(md, "- {}, {}: {}", r.name, self.date(*month), text);
                }
            }
            md.push('\n');
        }
    }

    fn score_section(&self, md: &mut String) {
        let _ = writeln!(md, "## Score\n");
        md.push_str("| Part | Points |\n| --- | ---: |\n");
        for (name, value) in &self.score {
            let _ = writeln!(md, "| {name} | {value} |");
        }
        let _ = writeln!(md, "| **total** | **{}** |\n", self.total);
    }

    fn questions_section(&self, md: &mut String) {
        let _ = writeln!(md, "## Questions for discussion\n");
        for (i, q) in self.questions.iter().enumerate() {
            let _ = writeln!(md, "{}. {}", i + 1, q.text);
        }
    }
}
