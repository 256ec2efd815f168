//! Month-end autosaves written on a thread of their own, so the interface answers the next key
//! while the file is synced (a sync can take tens of milliseconds, far more on a network home
//! folder). Writes keep their order, each is the same atomic write as [`Store::autosave`], and
//! [`Writer::finish`] waits for every write queued: quitting never leaves one half done.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use super::error::SaveError;
use super::store::Store;

/// One write's outcome: the file written, or why it failed.
pub type Written = Result<PathBuf, SaveError>;

/// A thread that writes autosaves, in the order they were queued.
#[derive(Debug)]
pub struct Writer {
    jobs: Option<Sender<(Store, String)>>,
    done: Receiver<Written>,
    worker: Option<JoinHandle<()>>,
    /// Writes queued and not yet reported by [`Writer::finished`].
    pending: usize,
}

impl Writer {
    /// Starts the writing thread.
    pub fn start() -> std::io::Result<Writer> {
        let (jobs, queued) = mpsc::channel::<(Store, String)>();
        let (report, done) = mpsc::channel();
        let worker = std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || {
                // Ends when the interface drops its side: after the last write queued.
                for (store, text) in queued {
                    let written = store.autosave(&text);
                    if report.send(written).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Writer {
            jobs: Some(jobs),
            done,
            worker: Some(worker),
            pending: 0,
        })
    }

    /// Queues an autosave of `text` in `store`; returns at once.
    pub fn autosave(&mut self, store: &Store, text: String) -> Result<(), SaveError> {
        let sent = self
            .jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send((store.clone(), text)).is_ok());
        if !sent {
            return Err(SaveError::Write("the autosave thread has stopped".into()));
        }
        self.pending += 1;
        Ok(())
    }

    /// Whether writes are queued that have not been reported yet.
    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// The writes finished since the last call, oldest first, without waiting.
    pub fn finished(&mut self) -> Vec<Written> {
        let done: Vec<Written> = self.done.try_iter().collect();
        self.pending = self.pending.saturating_sub(done.len());
        done
    }

    /// Waits for every write queued, and returns those not reported yet, oldest first.
    pub fn finish(mut self) -> Vec<Written> {
        self.wait()
    }

    fn wait(&mut self) -> Vec<Written> {
        // Closing the queue ends the thread once it has written everything in it.
        drop(self.jobs.take());
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
        let done: Vec<Written> = self.done.try_iter().collect();
        self.pending = 0;
        done
    }
}

impl Drop for Writer {
    /// A writer dropped without [`Writer::finish`] still waits for its writes.
    fn drop(&mut self) {
        self.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::save::Playthrough;

    fn game_at(months: usize) -> String {
        let content = crate::content::builtin("race-2025", None).expect("built-in");
        let mut play = Playthrough::new(content, 5);
        for _ in 0..months {
            while play.game.state.pending.is_some() {
                play.apply(&crate::game::Command::Choose(0))
                    .expect("answer");
            }
            play.apply(&crate::game::Command::EndMonth)
                .expect("end month");
        }
        play.record.player = Some("Ada".into());
        play.to_text().expect("text")
    }

    #[test]
    fn queued_autosaves_are_all_written_in_order_before_finish_returns() {
        let dir = tempfile::tempdir().expect("temp");
        let store = Store::new(dir.path());
        let mut writer = Writer::start().expect("thread");
        for months in 0..7 {
            writer.autosave(&store, game_at(months)).expect("queued");
        }
        assert!(writer.busy(), "queued, not waited for");
        let mut written = writer.finished();
        written.extend(writer.finish());
        assert_eq!(written.len(), 7, "every write reported once");
        assert!(written.iter().all(Result::is_ok), "{written:?}");
        // The newest month first, as the synchronous rotation leaves them.
        let months: Vec<u16> = store
            .autosave_paths()
            .iter()
            .map(|p| crate::save::load_path(p).expect("verifies").summary().month)
            .collect();
        assert_eq!(months, [6, 5, 4, 3, 2]);
    }

    #[test]
    fn a_failed_write_is_reported() {
        let dir = tempfile::tempdir().expect("temp");
        // A file where the saves folder should be: nothing can be written inside it.
        let blocker = dir.path().join("not-a-folder");
        std::fs::write(&blocker, "x").expect("write");
        let store = Store::new(&blocker);
        let mut writer = Writer::start().expect("thread");
        writer.autosave(&store, game_at(1)).expect("queued");
        let written = writer.finish();
        assert_eq!(written.len(), 1);
        assert!(written[0].is_err());
    }
}
