//! `ai-race report`: the class report over a folder of saves.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ai_race::save;

use super::ReportFormat;
use super::debrief::emit;

/// How `report` shows what it found.
pub(super) struct ReportHow {
    pub(super) format: ReportFormat,
    pub(super) anonymize: bool,
    pub(super) highlight: Vec<String>,
}

pub(super) fn report_command(
    inputs: &[PathBuf],
    how: &ReportHow,
    out: Option<&Path>,
) -> Result<ExitCode, String> {
    let mut report = ai_race::report::ClassReport::build(inputs);
    for name in &how.highlight {
        if report.highlight(name) == 0 {
            eprintln!(
                "--highlight: no ranked student is called '{}'",
                ai_race::save::sanitize(name, 40)
            );
        }
    }
    if how.anonymize {
        report.anonymize();
    }
    let text = match how.format {
        ReportFormat::Csv => report.to_csv(),
        ReportFormat::Md => report.to_markdown(),
        ReportFormat::Html => report.to_html(),
    };
    emit(&text, out, "report")?;
    // A report that ranks nothing is a failed result: say why on the error stream too, so a
    // script (or a teacher who typed the wrong folder) notices.
    if report.groups.iter().all(|g| g.entries.is_empty()) {
        let why = match report.failed.len() {
            0 => "no saves found".to_string(),
            n => format!(
                "none of the {n} file{} could be ranked",
                ai_race::text::s(n as i64)
            ),
        };
        let shown: Vec<String> = inputs
            .iter()
            .map(|p| save::sanitize(&p.display().to_string(), 60))
            .collect();
        eprintln!(
            "ai-race: nothing ranked in {}: {why}; give a folder of .ron saves or save files",
            shown.join(", ")
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
