//! The live board's scans off the interface thread: a worker owns the [`Board`], scans the
//! folder at a steady pace and sends what the board shows after each change. The interface
//! only picks up the newest copy, never waiting, so a key is answered at once even while a
//! scan verifies many new saves.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use super::board::Board;

/// A board scanned on its own thread.
#[derive(Debug)]
pub struct Watch {
    updates: Receiver<Board>,
    /// Dropped (or sent to) to stop the worker at its next wait.
    stop: Option<Sender<()>>,
    worker: Option<JoinHandle<()>>,
}

impl Watch {
    /// Starts scanning `board`'s folder now and then every `every`.
    pub fn start(mut board: Board, every: Duration) -> std::io::Result<Watch> {
        let (sender, updates) = mpsc::channel();
        let (stop, stopped) = mpsc::channel::<()>();
        let worker = std::thread::Builder::new()
            .name("class-board-scan".into())
            .spawn(move || {
                // The first scan is always sent: the interface learns the folder was read.
                let mut first = true;
                loop {
                    let changed = board.refresh() || std::mem::take(&mut first);
                    if changed && sender.send(board.shown()).is_err() {
                        // The interface is gone.
                        return;
                    }
                    match stopped.recv_timeout(every) {
                        Err(RecvTimeoutError::Timeout) => {}
                        // Asked to stop, or the interface is gone.
                        Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
            })?;
        Ok(Watch {
            updates,
            stop: Some(stop),
            worker: Some(worker),
        })
    }

    /// The newest board a scan gave since the last call, without waiting.
    pub fn latest(&self) -> Option<Board> {
        self.updates.try_iter().last()
    }

    /// Waits at most `timeout` for the next board a scan gives.
    pub fn next(&self, timeout: Duration) -> Option<Board> {
        self.updates.recv_timeout(timeout).ok()
    }

    /// Stops the worker and waits for it to finish the scan it is in.
    pub fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

impl Drop for Watch {
    /// Tells the worker to stop without waiting for it: a scan under way only reads the
    /// folder, and quitting must not wait for the replays of a whole class.
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::game::policy::{self, Policy};
    use crate::save::Playthrough;

    /// A save of `player`'s game on `seed`, three months in, played by the random strategy
    /// with dice of its own (no shipped script plays it).
    fn save_text(player: &str, seed: u64) -> String {
        let content = crate::content::builtin("race-2025", Some("normal")).expect("built-in");
        let played = policy::play_strategy(&content, seed, seed + 99, &Policy::Random.strategy());
        let mut play = Playthrough::new(content, seed);
        for (month, command) in played.decisions {
            if month >= 3 {
                break;
            }
            play.apply(&command).expect("the script's own move");
        }
        play.record.player = Some(player.to_string());
        play.to_text().expect("text")
    }

    fn ranked(board: &Board) -> usize {
        board.report.groups.iter().map(|g| g.entries.len()).sum()
    }

    #[test]
    fn scans_reach_the_interface_which_never_waits_for_them() {
        let dir = tempfile::tempdir().expect("temp");
        std::fs::write(dir.path().join("ada.ron"), save_text("Ada", 7)).expect("write");
        let watch = Watch::start(Board::new(dir.path()), Duration::from_millis(20)).expect("start");
        let first = watch.next(Duration::from_secs(60)).expect("the first scan");
        assert_eq!(ranked(&first), 1);
        // A batch of new saves: the worker verifies them while the interface keeps asking.
        for n in 0..12 {
            let name = format!("student-{n}.ron");
            std::fs::write(dir.path().join(name), save_text(&format!("S{n}"), 100 + n))
                .expect("write");
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut slowest = Duration::ZERO;
        let board = loop {
            let asked = Instant::now();
            let got = watch.latest();
            slowest = slowest.max(asked.elapsed());
            match got {
                Some(b) if ranked(&b) == 13 => break b,
                _ if Instant::now() > deadline => panic!("the scan never arrived"),
                _ => std::thread::sleep(Duration::from_millis(1)),
            }
        };
        assert!(
            slowest < Duration::from_millis(50),
            "the interface waited {slowest:?} for a scan"
        );
        assert_eq!(board.verified, 13, "each save verified once");
        assert!(board.report.failed.is_empty(), "{:?}", board.report.failed);
        watch.stop();
    }

    #[test]
    fn an_idle_folder_sends_its_first_scan_only_and_a_stop_ends_the_worker() {
        let dir = tempfile::tempdir().expect("temp");
        let watch = Watch::start(Board::new(dir.path()), Duration::from_millis(5)).expect("start");
        let first = watch
            .next(Duration::from_secs(60))
            .expect("the first scan is sent");
        assert_eq!(ranked(&first), 0);
        assert!(first.problem.is_none());
        assert!(
            watch.next(Duration::from_millis(300)).is_none(),
            "an empty folder that stays empty is no change"
        );
        let asked = Instant::now();
        watch.stop();
        assert!(
            asked.elapsed() < Duration::from_secs(10),
            "the worker stopped"
        );
    }
}
