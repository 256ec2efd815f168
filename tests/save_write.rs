//! Every write refuses what is not a regular file: `--out` given a symbolic link, a device, a
//! FIFO or a folder is refused with a clear message and left as it was (never replaced by a
//! rename), `-` writes to the screen, and a saves "folder" that is a file is named as such.

#![cfg(unix)]

use crate::common;

use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use ai_race::content;
use ai_race::game::policy::Policy;
use ai_race::save::{Playthrough, Store};

fn a_save(dir: &Path) -> std::path::PathBuf {
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    let seed = content.scenario.seed.expect("seed");
    // A student's own game (a shipped script's game is not ranked).
    let (_, decisions) = common::own_game(&content, seed, Policy::Balanced, 5);
    let p = Playthrough::replay(content, seed, &decisions).expect("replays");
    let path = dir.join("game.ron");
    std::fs::write(&path, p.to_text().expect("text")).expect("write");
    path
}

fn report_to(save: &Path, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("report")
        .arg(save)
        .arg("--out")
        .arg(out)
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

fn refused(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains(what), "{stderr}");
    assert!(stderr.contains("regular file"), "{stderr}");
}

#[test]
fn out_refuses_a_symlink_and_leaves_it_and_its_target_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = a_save(dir.path());
    let target = dir.path().join("precious.md");
    std::fs::write(&target, "keep me").expect("write");
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    refused(&report_to(&save, &link), "symbolic link");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).expect("target"), "keep me");
}

#[test]
fn out_refuses_a_device_and_never_replaces_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = a_save(dir.path());
    refused(&report_to(&save, Path::new("/dev/null")), "special file");
    let meta = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is still a device"
    );
}

#[test]
fn out_refuses_a_fifo_without_blocking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = a_save(dir.path());
    let fifo = dir.path().join("pipe.md");
    let c = std::ffi::CString::new(fifo.to_str().expect("utf-8")).expect("c string");
    // SAFETY: a valid C string path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    refused(&report_to(&save, &fifo), "special file");
    let meta = std::fs::symlink_metadata(&fifo).expect("fifo");
    assert!(meta.file_type().is_fifo(), "the FIFO is still there");
}

#[test]
fn out_refuses_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = a_save(dir.path());
    let folder = dir.path().join("folder.md");
    std::fs::create_dir(&folder).expect("mkdir");
    refused(&report_to(&save, &folder), "a folder");
    assert!(folder.is_dir());
}

#[test]
fn out_dash_writes_to_the_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = a_save(dir.path());
    let out = report_to(&save, Path::new("-"));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# Class report"));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn a_saves_folder_that_is_a_file_gets_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_folder = dir.path().join("saves");
    std::fs::write(&not_a_folder, "a file").expect("write");
    let e = Store::new(&not_a_folder)
        .save_as("mine", "text")
        .expect_err("refused");
    let shown = e.to_string();
    assert!(shown.contains("is a file, not a folder"), "{shown}");
    assert!(!shown.contains("File exists"), "{shown}");
}
