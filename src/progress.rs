//! Build progress as counters the library bumps and a front end may read
//! from another thread (the CLI draws a progress bar from them). The
//! library itself never prints.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The build's stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Starting,
    /// Reading articles (from the cache or by parsing them); the total is
    /// not known in advance.
    Loading,
    /// Tagging and extracting events from articles the cache did not have.
    Extracting,
    /// Writing the build cache.
    Caching,
    /// Merging every article's events into one timeline.
    Merging,
    /// Rendering and writing pages.
    Rendering,
    Done,
}

const STAGES: [Stage; 7] = [
    Stage::Starting,
    Stage::Loading,
    Stage::Extracting,
    Stage::Caching,
    Stage::Merging,
    Stage::Rendering,
    Stage::Done,
];

impl Stage {
    /// A lowercase name for progress bars and timings.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Starting => "starting",
            Stage::Loading => "loading",
            Stage::Extracting => "extracting",
            Stage::Caching => "caching",
            Stage::Merging => "merging",
            Stage::Rendering => "rendering",
            Stage::Done => "finishing",
        }
    }
}

/// Shared progress counters; cheap to bump from many threads.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
    /// When each stage was entered, in order (for `build --timings`), with
    /// the process's CPU time then.
    entered: Mutex<Vec<(Stage, Instant, Option<Duration>)>>,
}

/// The CPU time (user and system, all threads) the process has used so far,
/// where the system tells it (Linux's /proc/self/stat).
pub fn process_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // After the command name (in parentheses), utime and stime are the
    // 12th and 13th fields, in clock ticks of 1/100 s.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// How long a stage took: wall-clock time, and the CPU time of every thread
/// when known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageTime {
    pub wall: Duration,
    pub cpu: Option<Duration>,
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
        self.entered
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((stage, Instant::now(), process_cpu_time()));
    }

    /// How long each stage entered so far lasted (the last one until now),
    /// in order; a stage entered twice appears twice.
    pub fn timings(&self) -> Vec<(Stage, StageTime)> {
        let entered = self.entered.lock().unwrap_or_else(|e| e.into_inner());
        let now = (Instant::now(), process_cpu_time());
        entered
            .iter()
            .enumerate()
            .map(|(i, (stage, at, cpu_at))| {
                let (end, cpu_end) = entered.get(i + 1).map_or(now, |(_, t, c)| (*t, *c));
                let cpu = match (cpu_at, cpu_end) {
                    (Some(a), Some(b)) => Some(b.saturating_sub(*a)),
                    _ => None,
                };
                (
                    *stage,
                    StageTime {
                        wall: end.duration_since(*at),
                        cpu,
                    },
                )
            })
            .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_list_each_stage_entered_in_order_until_the_next() {
        let p = Progress::new();
        p.start(Stage::Loading, 0);
        std::thread::sleep(Duration::from_millis(20));
        p.start(Stage::Merging, 0);
        p.start(Stage::Done, 0);
        let t = p.timings();
        let stages: Vec<Stage> = t.iter().map(|(s, _)| *s).collect();
        assert_eq!(stages, [Stage::Loading, Stage::Merging, Stage::Done]);
        assert!(t[0].1.wall >= Duration::from_millis(20), "{t:?}");
        assert!(t[1].1.wall < t[0].1.wall, "{t:?}");
        if cfg!(target_os = "linux") {
            assert!(t.iter().all(|(_, s)| s.cpu.is_some()), "{t:?}");
        }
        assert_eq!(p.snapshot().0, Stage::Done);
    }
}
