//! Loading hostile files allocates little: a counting allocator records the peak of live heap
//! bytes while each file is refused. Kept in its own test binary with a single test, so no
//! other test's allocations mix into the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use ai_race::save;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak heap growth, in bytes, while `f` runs.
fn peak_during(f: impl FnOnce()) -> usize {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    f();
    PEAK.load(Ordering::Relaxed) - base
}

const LIMIT: usize = 4 * 1024 * 1024;

#[test]
fn loading_any_hostile_file_allocates_at_most_a_few_mib() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = fs::read_dir(root.join("tests/hostile"))
        .expect("tests/hostile")
        .map(|e| e.expect("entry").path())
        .collect();
    files.push(root.join("tests/saves/v1-rules5/balanced-race-2025.ron"));
    let dir = tempfile::tempdir().expect("temp dir");
    let huge = dir.path().join("huge.ron");
    fs::File::create(&huge)
        .and_then(|f| f.set_len(100 * 1024 * 1024))
        .expect("sparse file");
    files.push(huge);
    // The largest file the size cap lets through: a megabyte of nested brackets, and a
    // megabyte of tiny decisions (each costs far more in memory than in text).
    let deep = dir.path().join("deep.ron");
    fs::write(
        &deep,
        format!("(format: \"ai-race-save\", x: {})", "[".repeat(1_000_000)),
    )
    .expect("write");
    files.push(deep);
    let many = dir.path().join("many.ron");
    let body = "(0,EndMonth),".repeat(80_000);
    fs::write(
        &many,
        format!("(format: \"ai-race-save\", version: 1, rules: 1, game: \"0.1.0\", scenario: \"race-2025\", difficulty: \"normal\", seed: 1, checkpoints: [], decisions: [{body}])"),
    )
    .expect("write");
    files.push(many);

    for path in files {
        let peak = peak_during(|| {
            let _ = save::load_path(&path);
        });
        eprintln!("{:>6} KiB  {}", peak / 1024, path.display());
        assert!(
            peak < LIMIT,
            "{}: {} KiB allocated at the peak",
            path.display(),
            peak / 1024
        );
    }
}
