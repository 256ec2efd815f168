//! `ai-race debrief`: one player's debrief, or one per save in a folder; and the shared
//! writing of a command's text to standard output or a file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ai_race::save;

use super::{Failure, ReportFormat};

/// `--out` naming a `.ron` file is a usage mistake: a report is never written over a save.
pub(super) fn out_not_a_save(out: Option<&Path>) -> Result<(), Failure> {
    match out {
        Some(path)
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron")) =>
        {
            Err(Failure::usage(format!(
                "--out {}: a .ron file could be a save; choose a name ending in .md, .csv or .html",
                save::sanitize(&path.display().to_string(), 120)
            )))
        }
        _ => Ok(()),
    }
}

/// Prints `text`, or writes it (atomically) to `out` (`-`: the screen). A report is never
/// written over a save, nor over anything but a regular file.
pub(super) fn emit(text: &str, out: Option<&Path>, what: &str) -> Result<(), String> {
    match out {
        None => {
            print!("{text}");
            Ok(())
        }
        Some(path) if path == Path::new("-") => {
            print!("{text}");
            Ok(())
        }
        Some(path) => {
            let shown = save::sanitize(&path.display().to_string(), 120);
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                return Err(format!(
                    "--out {shown}: a .ron file could be a save; choose a name ending in .md or .csv"
                ));
            }
            save::write_text_file(path, text, what).map_err(|e| format!("--out {shown}: {e}"))?;
            eprintln!("wrote {shown}");
            Ok(())
        }
    }
}

/// `ai-race debrief`: one save's debrief, or every save's in a folder (one document, or one
/// file each with `--out-dir`).
pub(super) fn debrief_command(
    path: &Path,
    format: ReportFormat,
    out: Option<&Path>,
    out_dir: Option<&Path>,
    parent: Option<&Path>,
) -> Result<ExitCode, Failure> {
    use ai_race::report::Debrief;
    let ext = match format {
        ReportFormat::Md => "md",
        ReportFormat::Html => "html",
        ReportFormat::Csv => {
            return Err(Failure::usage(
                "a debrief is written as md or html; csv is for the class report (ai-race \
                 report DIR --format csv)"
                    .to_string(),
            ));
        }
    };
    let render = |d: &Debrief| match format {
        ReportFormat::Html => d.to_html(),
        _ => d.to_markdown(),
    };
    let collected = ai_race::report::class::collect(&[path.to_path_buf()]);
    let single = !path.is_dir();
    let cache = save::ContentCache::new();
    let mut failed = collected.failed.len();
    for f in &collected.failed {
        eprintln!("ai-race: {}: {}", f.file, f.reason);
    }
    let mut debriefs: Vec<(PathBuf, Debrief)> = Vec::new();
    // A what-if fork's debrief ends with its two timelines side by side (one save), as
    // Markdown and as HTML.
    let mut fork_part: Option<(String, String)> = None;
    if parent.is_some() && !single {
        return Err(Failure::usage(
            "--parent compares one fork with its parent: give the fork's save, not a folder"
                .to_string(),
        ));
    }
    for file in &collected.files {
        let shown = save::sanitize(&file.display().to_string(), 120);
        match cache.load_path(file) {
            Ok(verified) => {
                let play = &verified.play;
                let d = Debrief::from_game(&play.game, play.decisions())
                    .with_player(play.record.player.as_deref())
                    .with_origin(verified.origin);
                if single {
                    fork_part = fork_section(file, &verified, parent)?;
                }
                debriefs.push((file.clone(), d));
            }
            Err(e) if single => return Err(Failure::from(format!("{shown}: {}", e.verdict()))),
            Err(e) => {
                failed += 1;
                eprintln!("ai-race: {shown}: not debriefed: {}", e.verdict());
            }
        }
    }
    match out_dir {
        Some(dir) => {
            let written = write_debriefs(dir, ext, &debriefs, &render)?;
            eprintln!(
                "wrote {written} debrief{} into {}",
                if written == 1 { "" } else { "s" },
                save::sanitize(&dir.display().to_string(), 120)
            );
        }
        None => {
            let text = match (format, debriefs.as_slice()) {
                (ReportFormat::Md, [(_, d)]) => match &fork_part {
                    Some((section, _)) => format!("{}\n{section}", d.to_markdown()),
                    None => d.to_markdown(),
                },
                (ReportFormat::Html, [(_, d)]) => match &fork_part {
                    Some((_, section)) => d.to_html_with(section),
                    None => d.to_html(),
                },
                (_, [(_, d)]) => render(d),
                (ReportFormat::Html, _) => {
                    let all: Vec<Debrief> = debriefs.iter().map(|(_, d)| d.clone()).collect();
                    Debrief::many_to_html(&all)
                }
                _ => debriefs
                    .iter()
                    .map(|(_, d)| d.to_markdown())
                    .collect::<Vec<_>>()
                    .join("\n---\n\n"),
            };
            if !debriefs.is_empty() {
                emit(&text, out, "debrief")?;
            }
        }
    }
    if debriefs.is_empty() {
        eprintln!(
            "ai-race: nothing to debrief in {}: give a save or a folder of .ron saves",
            save::sanitize(&path.display().to_string(), 120)
        );
        return Ok(ExitCode::from(1));
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes each debrief into `dir` as `<save name>.<ext>`: the name made of the save file's
/// stem in safe characters (no folder, no dot-dot, nothing a shell or Windows minds), a second
/// save of the same safe name getting -2, -3... A file of that name from an earlier run is
/// replaced (it is a debrief: only .md and .html names are written, never a save); a symlink
/// or anything but a regular file is refused.
pub(super) fn write_debriefs(
    dir: &Path,
    ext: &str,
    debriefs: &[(PathBuf, ai_race::report::Debrief)],
    render: &dyn Fn(&ai_race::report::Debrief) -> String,
) -> Result<usize, Failure> {
    let shown = save::sanitize(&dir.display().to_string(), 120);
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(Failure::usage(format!(
                "--out-dir {shown}: not a folder; give a folder for the debriefs"
            )));
        }
        Err(_) => std::fs::create_dir_all(dir)
            .map_err(|e| format!("--out-dir {shown}: cannot create the folder ({e})"))?,
    }
    let mut used: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    for (file, d) in debriefs {
        let stem = file.file_stem().map_or_else(
            || "debrief".to_string(),
            |s| save::slug(&s.to_string_lossy()),
        );
        let mut name = format!("{stem}.{ext}");
        let mut n = 1;
        while used.contains(&name) {
            n += 1;
            name = format!("{stem}-{n}.{ext}");
        }
        used.insert(name.clone());
        let target = dir.join(&name);
        save::write_text_file(&target, &render(d), "debrief")
            .map_err(|e| format!("--out-dir {shown}: {name}: {e}"))?;
    }
    Ok(used.len())
}

/// The what-if comparison a fork's debrief ends with: against `parent` when given (it must
/// verify and be the parent the fork records), else against the save in the fork's folder that
/// has the recorded fingerprint; a note when that is not there. Nothing for a game that is not
/// a fork.
pub(super) fn fork_section(
    path: &Path,
    fork: &save::Verified,
    parent: Option<&Path>,
) -> Result<Option<(String, String)>, String> {
    let shown = save::sanitize(&path.display().to_string(), 120);
    let Some(recorded) = &fork.play.record.parent else {
        return match parent {
            Some(_) => Err(format!(
                "{shown} is not a what-if fork (it records no parent); give the fork's save \
                 first and its parent after --parent"
            )),
            None => Ok(None),
        };
    };
    let found = match parent {
        Some(p) => {
            let shown_p = save::sanitize(&p.display().to_string(), 120);
            let v = save::load_path(p)
                .map_err(|e| format!("cannot compare with {shown_p}: {}", e.verdict()))?;
            if !save::is_genuine(&v) {
                return Err(format!(
                    "cannot compare with {shown_p}: {}",
                    save::modified_scenario(&v)
                ));
            }
            if !save::is_parent_of(recorded, &v) {
                return Err(format!(
                    "{shown_p} is not the parent of {shown}: the fork records a game with \
                     fingerprint {} and this is another game",
                    recorded.fingerprint
                ));
            }
            Some(v)
        }
        None => {
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
            let found = save::find_parent(dir.unwrap_or(Path::new(".")), recorded, path);
            if let Some((p, _)) = &found {
                eprintln!(
                    "compared with its parent {}",
                    save::sanitize(&p.display().to_string(), 120)
                );
            }
            found.map(|(_, v)| v)
        }
    };
    let Some(parent) = found else {
        let note = format!(
            "This game is a what-if fork of another game from month {} (fingerprint {}); \
             neither that save nor a later save of the same game is in its folder. Give it \
             with `--parent PARENT` to compare the two timelines.",
            recorded.month, recorded.fingerprint
        );
        let html = format!(
            "<section><h2>What if</h2><p>{}</p></section>",
            ai_race::text::sanitize::html(&note, 400)
        );
        return Ok(Some((format!("## What if\n\n{note}\n"), html)));
    };
    use ai_race::report::fork::Side;
    let comparison =
        ai_race::report::ForkComparison::build(&Side::of(&parent), &Side::of(fork), recorded.month);
    Ok(Some((comparison.to_markdown(), comparison.to_html())))
}
