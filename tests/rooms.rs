//! The layout of the source, read from its imports: which room may use which, and how long a
//! file may grow. The rules (`game`), the content loader (`content`) and the saves (`save`) sit
//! below everything that shows the game; the front-end model (`front`) sits below both front
//! ends (`ui`, the terminal interface, and `plain`, the text one), which never use each other.

use std::path::{Path, PathBuf};

/// The longest a source file may grow before it is split along the game's own seams.
const MAX_LINES: usize = 800;

/// Every `.rs` file under `dir`, in a stable order.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("the source folder lists") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module path of a library file: `src/ui/screens/tech.rs` is `[ui, screens, tech]`,
/// `src/ui/mod.rs` is `[ui]`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).expect("a file under src/");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The top-level rooms a file names in its code (comments left out): `crate::ui::...`, and
/// `super::super::ui::...` where the `super`s climb to the crate's root.
fn rooms_used(file: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(file).expect("a source file reads");
    let module = module_of(file);
    let mut used = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            used.push((n + 1, name));
            rest = after;
        }
        // A chain of `super::` that climbs out of the file's own room.
        let mut rest = code;
        while let Some(at) = rest.find("super::") {
            let mut after = &rest[at..];
            let mut ups = 0;
            while let Some(r) = after.strip_prefix("super::") {
                ups += 1;
                after = r;
            }
            // A `mod.rs` is its folder's module; any other file is one level deeper.
            let depth = module.len();
            if ups >= depth {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                used.push((n + 1, name));
            }
            rest = after;
        }
    }
    used
}

/// Files of `room` that use any of `forbidden`, as `path:line uses room` lines.
fn uses(room: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in sources(&src().join(room)) {
        for (line, used) in rooms_used(&file) {
            if forbidden.contains(&used.as_str()) {
                let rel = file
                    .strip_prefix(src())
                    .unwrap_or(&file)
                    .display()
                    .to_string();
                found.push(format!("src/{rel}:{line} uses {used}"));
            }
        }
    }
    found
}

#[test]
fn the_front_ends_never_use_each_other() {
    let mut found = uses("plain", &["ui"]);
    found.extend(uses("ui", &["plain"]));
    assert!(
        found.is_empty(),
        "a front end uses the other:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rooms_below_never_use_the_rooms_above() {
    let above = ["report", "ui", "plain", "front", "sim", "tune"];
    let mut found = Vec::new();
    for room in ["game", "content", "save", "text"] {
        found.extend(uses(room, &above));
    }
    // The front-end model is below both front ends.
    found.extend(uses("front", &["ui", "plain"]));
    assert!(
        found.is_empty(),
        "an import runs upward:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_source_file_is_over_the_limit() {
    let mut long = Vec::new();
    for file in sources(&src()) {
        let lines = std::fs::read_to_string(&file)
            .expect("a source file reads")
            .lines()
            .count();
        if lines > MAX_LINES {
            long.push(format!("{} has {lines} lines", file.display()));
        }
    }
    assert!(
        long.is_empty(),
        "split these along the game's own seams (at most {MAX_LINES} lines):\n{}",
        long.join("\n")
    );
}

/// The checks above see what they claim to: an upward import in a known file is found.
#[test]
fn the_import_reader_finds_crate_and_super_paths() {
    let file = src().join("ui").join("screens").join("tech.rs");
    let used = rooms_used(&file);
    assert!(used.iter().any(|(_, r)| r == "front"), "{used:?}");
    assert!(used.iter().any(|(_, r)| r == "game"), "{used:?}");
    // `super::super::session` from ui/screens/tech.rs stays inside ui (two levels up is ui).
    assert_eq!(module_of(&file), ["ui", "screens", "tech"]);
    assert!(!used.iter().any(|(_, r)| r == "session"), "{used:?}");
}
