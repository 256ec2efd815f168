//! The class report as Markdown (to read and project) and as CSV (to open in a spreadsheet).

use std::fmt::Write as _;

use super::class::{
    ClassReport, Entry, Group, ending_counts, lever_quarters, score_stats, students,
};
use super::format::cell;

/// What the Suggested column means, under each ranking.
pub(crate) const SUGGESTED_NOTE: &str = "\nSuggested: the share of the player's moves made \
with the suggestion key (`d`), as the save records it and the replay confirms.\n";

/// Bucket widths tried for the score distribution, narrowest first.
const BUCKETS: [i64; 6] = [100, 250, 500, 1000, 2000, 5000];
/// Most rows in the score distribution.
const MAX_BUCKETS: i64 = 8;

impl Group {
    /// "The 2025 race (race-2025), normal, seed 42".
    pub fn title(&self) -> String {
        let variant = if self.variant > 0 {
            format!(", version {} of this scenario", self.variant)
        } else {
            String::new()
        };
        format!(
            "{} ({}), {}, seed {}, fingerprint {}, code {}{variant}",
            self.scenario_name,
            self.scenario_id,
            self.difficulty,
            self.seed,
            self.fingerprint,
            self.code()
        )
    }

    /// The world's code, which `ai-race new --code` plays (a teacher's scenario's code needs
    /// its file too).
    pub fn code(&self) -> String {
        crate::content::code::of_world(
            &self.scenario_id,
            &self.difficulty,
            self.seed,
            &self.fingerprint,
        )
        .encode()
    }
}

fn percent(n: usize, of: usize) -> usize {
    (n * 100 + of / 2).checked_div(of).unwrap_or(0)
}

/// Tenths as "1.5".
fn tenths(v: u32) -> String {
    format!("{}.{}", v / 10, v % 10)
}

impl ClassReport {
    /// "N saves read: R verified and ranked, F not ranked." (numbers only: safe in any format).
    pub(crate) fn counts_line(&self, ranked: usize) -> String {
        let read = ranked + self.failed.len();
        format!(
            "{read} save{} read: {ranked} verified and ranked, {} not ranked.",
            if read == 1 { "" } else { "s" },
            self.failed.len()
        )
    }

    /// The report as Markdown.
    pub fn to_markdown(&self) -> String {
        // Text from saves is escaped where it is placed; this last pass catches any that
        // reached the document another way.
        super::sanitize::markdown_document(&self.markdown_body())
    }

    /// The document before the final pass.
    fn markdown_body(&self) -> String {
        let mut md = String::from("# Class report\n\n");
        let ranked: usize = self.groups.iter().map(|g| g.entries.len()).sum();
        let _ = writeln!(md, "{}", self.counts_line(ranked));
        if self.groups.len() > 1 {
            let _ = writeln!(
                md,
                "\nThe saves come from {} different worlds (scenario, difficulty or seed); \
                 scores are only comparable within one, so each is ranked on its own.",
                self.groups.len()
            );
        }
        if self.ignored > 0 {
            let _ = writeln!(
                md,
                "\n{} other file{} in the folders (not ending in .ron) {} not read.",
                self.ignored,
                if self.ignored == 1 { "" } else { "s" },
                if self.ignored == 1 { "was" } else { "were" }
            );
        }
        if self.autosaves > 0 {
            let _ = writeln!(
                md,
                "\n{} autosave{} (autosave-...-N.ron) {} passed over: each is a copy of a game at an \
                 earlier month. Name one on the command line to include it.",
                self.autosaves,
                if self.autosaves == 1 { "" } else { "s" },
                if self.autosaves == 1 { "was" } else { "were" }
            );
        }
        md.push('\n');
        for g in self.groups.iter().filter(|g| g.entries.len() > 1) {
            group_markdown(&mut md, g);
        }
        singles_markdown(&mut md, &self.groups);
        if !self.failed.is_empty() {
            md.push_str("## Not ranked\n\n| | File | Why |\n| --- | --- | --- |\n");
            for f in &self.failed {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} |",
                    f.kind().label(),
                    cell(&f.file),
                    cell(&f.reason)
                );
            }
            let _ = writeln!(md, "\n{}", super::class::FAILED_LEGEND);
            md.push('\n');
        }
        if self.groups.is_empty() && self.failed.is_empty() {
            md.push_str("No save files were found. Saves end in .ron.\n");
        }
        md
    }

    /// The report as CSV (RFC 4180): a header, then one row per file, ranked ones first.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let header = [
            "rank",
            "player",
            "file",
            "scenario",
            "difficulty",
            "seed",
            "fingerprint",
            "ending",
            "month",
            "date",
            "score",
            "outcome",
            "margin",
            "speed",
            "safety",
            "money",
            "verified",
            "reason",
            "flags",
            "world",
            "moves",
            "suggested",
        ];
        row(&mut out, header.iter().map(|h| h.to_string()));
        for (k, g) in self.groups.iter().enumerate() {
            for e in &g.entries {
                let part = |name: &str| {
                    e.parts
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map_or(String::new(), |(_, v)| v.to_string())
                };
                row(
                    &mut out,
                    [
                        e.rank_label(),
                        text(&player(e)),
                        text(&e.file),
                        text(&g.scenario_id),
                        text(&g.difficulty),
                        g.seed.to_string(),
                        text(&g.fingerprint),
                        e.ending.to_string(),
                        e.month.to_string(),
                        e.date.clone(),
                        e.score.to_string(),
                        part("outcome"),
                        part("margin"),
                        part("speed"),
                        part("safety"),
                        part("money"),
                        "yes".to_string(),
                        String::new(),
                        text(&e.flags.join(" / ")),
                        world(k, g),
                        e.suggested.moves.to_string(),
                        e.suggested.confirmed.to_string(),
                    ],
                );
            }
        }
        for f in &self.failed {
            let mut fields = vec![String::new(); header.len()];
            fields[2] = text(&f.file);
            fields[16] = "no".to_string();
            fields[17] = text(&f.reason);
            row(&mut out, fields);
        }
        out
    }
}

fn group_markdown(md: &mut String, g: &Group) {
    let n = g.entries.len();
    let _ = writeln!(
        md,
        "## {}: {n} game{}\n",
        cell(&g.title()),
        if n == 1 { "" } else { "s" }
    );
    md.push_str(
        "| Rank | Player | Ending | Month | Score | Outcome | Margin | Speed | Safety | Money | \
         Suggested | Verified | File |\n",
    );
    md.push_str(
        "| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n",
    );
    for e in &g.entries {
        let _ = write!(
            md,
            "| {} | {} | {} | {} {} | **{}** |",
            e.rank_label(),
            cell(&player(e)),
            e.ending,
            e.month,
            e.date,
            e.score
        );
        for (_, v) in &e.parts {
            let _ = write!(md, " {v} |");
        }
        let _ = writeln!(
            md,
            " {} | {} | {} |",
            e.suggested.shown(),
            verified(e),
            cell(&e.file)
        );
    }
    md.push_str(SUGGESTED_NOTE);
    md.push('\n');
    flags_markdown(md, &g.entries);
    summary_markdown(md, &g.entries);
}

/// Games alone in their world (another scenario or seed) share one table: each is first of
/// one, and a section apiece would bury the class's ranking.
fn singles_markdown(md: &mut String, groups: &[Group]) {
    let singles: Vec<&Group> = groups.iter().filter(|g| g.entries.len() == 1).collect();
    if singles.is_empty() {
        return;
    }
    let _ = writeln!(
        md,
        "## Games alone in their world: {}\n\nEach of these is the only save of its scenario, \
         difficulty and seed, so it is not ranked against the others.\n",
        singles.len()
    );
    md.push_str("| Player | World | Ending | Month | Score | Verified | File |\n");
    md.push_str("| --- | --- | --- | --- | ---: | --- | --- |\n");
    for g in &singles {
        let e = &g.entries[0];
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} {} | **{}** | {} | {} |",
            cell(&e.player),
            cell(&g.title()),
            e.ending,
            e.month,
            e.date,
            e.score,
            verified(e),
            cell(&e.file)
        );
    }
    md.push('\n');
    let entries: Vec<Entry> = singles.iter().map(|g| g.entries[0].clone()).collect();
    flags_markdown(md, &entries);
}

/// "yes", and a mark when the save is flagged for the teacher.
fn verified(e: &Entry) -> &'static str {
    if e.flags.is_empty() { "yes" } else { "yes ⚠" }
}

/// The marks on ranked saves, each naming the other save it concerns: the teacher decides.
fn flags_markdown(md: &mut String, entries: &[Entry]) {
    let flagged: Vec<&Entry> = entries.iter().filter(|e| !e.flags.is_empty()).collect();
    if flagged.is_empty() {
        return;
    }
    let _ = writeln!(
        md,
        "### ⚠ To check: {} ranked save{} marked\n\nA mark is not a verdict: a file cannot show \
         who copied whom, so both saves of a pair are marked and both stay ranked.\n",
        flagged.len(),
        if flagged.len() == 1 { "" } else { "s" }
    );
    md.push_str("| Rank | Player | Mark |\n| ---: | --- | --- |\n");
    for e in flagged {
        for f in &e.flags {
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                e.rank_label(),
                cell(&e.player),
                cell(f)
            );
        }
    }
    md.push('\n');
}

fn summary_markdown(md: &mut String, entries: &[Entry]) {
    // The class's statistics: reference games are shown beside it, never counted in it.
    let entries = &students(entries)[..];
    let n = entries.len();
    let Some(([low, q1, median, q3, high], mean)) = score_stats(entries) else {
        return;
    };
    let _ = writeln!(md, "### Summary\n");
    let _ = writeln!(
        md,
        "**Scores:** lowest {low}, lower quartile {q1}, median {median}, upper quartile {q3}, \
         highest {high}; mean {mean}.\n"
    );
    md.push_str("```text\n");
    let width = BUCKETS
        .into_iter()
        .find(|w| high.div_euclid(*w) - low.div_euclid(*w) < MAX_BUCKETS)
        .unwrap_or(10_000);
    for b in low.div_euclid(width)..=high.div_euclid(width) {
        let count = entries
            .iter()
            .filter(|e| e.score.div_euclid(width) == b)
            .count();
        let _ = writeln!(
            md,
            "{:>6} to {:>6} | {} {count}",
            b * width,
            b * width + width - 1,
            "#".repeat(count.min(60))
        );
    }
    md.push_str("```\n\n**Endings:** ");
    let endings: Vec<String> = ending_counts(entries)
        .into_iter()
        .map(|(k, c)| format!("{k} {c} ({}%)", percent(c, n)))
        .collect();
    let _ = writeln!(md, "{}.\n", endings.join(", "));
    match lever_quarters(entries) {
        None => {
            let _ = writeln!(
                md,
                "**Levers:** at least 4 games are needed to compare the top and bottom \
                 quarters.\n"
            );
        }
        Some(rows) => {
            let q = n / 4;
            let more: Vec<&str> = rows
                .iter()
                .filter(|(_, top, bottom)| top > bottom)
                .map(|(l, _, _)| l.name())
                .collect();
            let _ = writeln!(
                md,
                "**Levers:** decisions per game in the top quarter ({q} best game{s}) and the \
                 bottom quarter ({q} lowest). The top quarter used {} more.\n",
                if more.is_empty() {
                    "no lever".to_string()
                } else {
                    more.join(", ")
                },
                s = if q == 1 { "" } else { "s" },
            );
            md.push_str(
                "| Lever | Top quarter | Bottom quarter | |\n| --- | ---: | ---: | --- |\n",
            );
            for (lever, top, bottom) in rows {
                let mark = if top > bottom { "more at the top" } else { "" };
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {mark} |",
                    lever.name(),
                    tenths(top),
                    tenths(bottom)
                );
            }
            md.push('\n');
        }
    }
}

/// The CSV's world column: the group's number in the report, and for an edited scenario its
/// version, so a spreadsheet never ranks two worlds together.
fn world(k: usize, g: &Group) -> String {
    if g.variant > 0 {
        format!(
            "{} (version {} of {})",
            k + 1,
            g.variant,
            text(&g.scenario_id)
        )
    } else {
        (k + 1).to_string()
    }
}

/// Who played: a reference game says so.
fn player(e: &Entry) -> String {
    if e.reference {
        format!("{} (reference game)", e.player)
    } else {
        e.player.clone()
    }
}

/// Text from a save for a CSV field (see `sanitize::csv`).
fn text(s: &str) -> String {
    super::sanitize::csv(s, 200)
}

/// One CSV record, quoted where RFC 4180 requires, ended by CRLF.
fn row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    super::sanitize::csv_record(out, fields);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_as_rfc_4180_says() {
        let mut out = String::new();
        row(
            &mut out,
            [
                "plain".to_string(),
                "a, b".to_string(),
                "say \"hi\"".to_string(),
                "two\nlines".to_string(),
                text("=SUM(A1)"),
            ],
        );
        assert_eq!(
            out,
            "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",'=SUM(A1)\r\n"
        );
    }
}
