//! Which cached data-source rows a transaction may have changed.
//!
//! The row cache ([`super::Store::cached`]) must forget a data source's rows when a write could change
//! them, and should keep every other data source's rows. Write helpers that know what they change
//! report it here while the transaction runs:
//! - [`data_source`]: rows were written that belong to (or describe) that data source;
//! - [`no_rows`]: rows were written that no cached row depends on (block content, sibling order,
//!   pages outside data sources, comments).
//!
//! After the commit, [`super::Store::run_blocking`] compares the number of rows the transaction
//! reported with SQLite's own change count. Every change must be accounted for: anything a write
//! path did not classify (users, integrations, shares, file uploads, reset, ...) makes the whole
//! cache stale. So a new write path that forgets to report is slower, never wrong.
//!
//! The report lives in a thread-local slot: [`super::Store::run_blocking`] runs the whole transaction
//! synchronously on one thread, while holding the connection lock.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// What one transaction reported.
#[derive(Debug, Default)]
pub(crate) struct Touched {
    /// Data sources whose rows or schema changed.
    pub(crate) sources: HashSet<String>,
    /// Rows changed by classified writes (compared with SQLite's count).
    pub(crate) classified_changes: u64,
}

thread_local! {
    static PENDING: RefCell<Option<Touched>> = const { RefCell::new(None) };
}

/// Starts collecting for the transaction about to run on this thread.
pub(crate) fn begin() {
    PENDING.with(|p| *p.borrow_mut() = Some(Touched::default()));
}

/// Stops collecting and returns what was reported.
pub(crate) fn finish() -> Touched {
    PENDING.with(|p| p.borrow_mut().take().unwrap_or_default())
}

/// `changes` rows written that belong to data source `id` (its pages or its own node).
pub(crate) fn data_source(id: &str, changes: usize) {
    PENDING.with(|p| {
        if let Some(touched) = p.borrow_mut().as_mut() {
            touched.sources.insert(id.to_owned());
            touched.classified_changes += changes as u64;
        }
    });
}

/// `changes` rows written that no cached data-source row depends on.
pub(crate) fn no_rows(changes: usize) {
    PENDING.with(|p| {
        if let Some(touched) = p.borrow_mut().as_mut() {
            touched.classified_changes += changes as u64;
        }
    });
}

/// Write generations: one global, and one per data source.
#[derive(Debug, Default)]
pub(crate) struct Generations {
    global: u64,
    sources: HashMap<String, u64>,
}

impl Generations {
    /// Records a committed transaction that changed `changes` rows in all.
    pub(crate) fn committed(&mut self, changes: u64, touched: Touched) {
        if changes == 0 {
            return;
        }
        if touched.classified_changes != changes {
            self.global += 1;
            // Every entry is stale now: per-source counters start over.
            self.sources.clear();
            return;
        }
        for id in touched.sources {
            *self.sources.entry(id).or_insert(0) += 1;
        }
    }

    /// The global generation.
    pub(crate) fn global(&self) -> u64 {
        self.global
    }

    /// The generation of one data source.
    pub(crate) fn of(&self, id: &str) -> u64 {
        self.sources.get(id).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touched(sources: &[&str], classified: u64) -> Touched {
        Touched {
            sources: sources.iter().map(|s| (*s).to_owned()).collect(),
            classified_changes: classified,
        }
    }

    #[test]
    fn classified_writes_bump_only_their_sources() {
        let mut g = Generations::default();
        g.committed(2, touched(&["a"], 2));
        assert_eq!((g.global(), g.of("a"), g.of("b")), (0, 1, 0));
    }

    #[test]
    fn unclassified_changes_bump_the_global_generation() {
        let mut g = Generations::default();
        g.committed(1, touched(&["a"], 1));
        g.committed(3, touched(&["b"], 2));
        assert_eq!((g.global(), g.of("a"), g.of("b")), (1, 0, 0));
    }

    #[test]
    fn reports_are_per_transaction() {
        begin();
        data_source("a", 1);
        no_rows(2);
        let first = finish();
        assert_eq!(first.classified_changes, 3);
        assert!(first.sources.contains("a"));
        // Outside a transaction nothing is collected.
        data_source("b", 1);
        begin();
        assert_eq!(finish().classified_changes, 0);
    }
}
