//! Build progress as counters the library bumps and a front end may read
//! from another thread (the CLI draws a progress bar from them). The
//! library itself never prints.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// The build's stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Starting,
    /// Reading articles (from the cache or by parsing them); the total is
    /// not known in advance.
    Loading,
    /// Tagging and extracting events from articles the cache did not have.
    Extracting,
    /// Rendering and writing pages.
    Rendering,
    Done,
}

const STAGES: [Stage; 5] = [
    Stage::Starting,
    Stage::Loading,
    Stage::Extracting,
    Stage::Rendering,
    Stage::Done,
];

/// Shared progress counters; cheap to bump from many threads.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    pub fn new() -> Progress {
        Progress::default()
    }

    /// Enters `stage`, with `total` steps (0 when unknown).
    pub fn start(&self, stage: Stage, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        let i = STAGES.iter().position(|s| *s == stage).unwrap_or(0);
        self.stage.store(i as u8, Ordering::Release);
    }

    /// One step of the current stage is done.
    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// The current stage, steps done and total steps.
    pub fn snapshot(&self) -> (Stage, usize, usize) {
        let stage = STAGES[usize::from(self.stage.load(Ordering::Acquire)).min(STAGES.len() - 1)];
        (
            stage,
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}
