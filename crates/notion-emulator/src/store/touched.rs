//! Which cached data-source rows a transaction may have changed.
//!
//! The row cache ([`super::Store::cached`]) must forget a data source's rows when a write could change
//! them, and should keep every other data source's rows. Write helpers that know what they change
//! report it here while the transaction runs:
//! - [`data_source`]: rows were written that belong to (or describe) that data source;
//! - [`page`]: one page of that data source was written (its rows can be patched page by page);
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
use std::collections::{HashMap, HashSet, VecDeque};

/// How many transactions per data source [`Generations`] remembers the written pages of.
const PAGE_LOG_LEN: usize = 64;

/// What one transaction reported.
#[derive(Debug, Default)]
pub(crate) struct Touched {
    /// Data sources whose rows or schema changed.
    pub(crate) sources: HashSet<String>,
    /// For each data source of `sources`, the pages written, unless something else of it changed.
    pub(crate) pages: HashMap<String, Option<HashSet<String>>>,
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
            touched.pages.insert(id.to_owned(), None);
            touched.classified_changes += changes as u64;
        }
    });
}

/// `changes` rows written for page `page_id` of data source `source` (created, edited, trashed,
/// moved in or out).
pub(crate) fn page(source: &str, page_id: &str, changes: usize) {
    PENDING.with(|p| {
        if let Some(touched) = p.borrow_mut().as_mut() {
            touched.sources.insert(source.to_owned());
            let written = touched
                .pages
                .entry(source.to_owned())
                .or_insert_with(|| Some(HashSet::new()));
            if let Some(pages) = written {
                pages.insert(page_id.to_owned());
            }
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

/// A generation of one data source and the pages its transaction wrote (`None`: more than pages).
type LoggedWrite = (u64, Option<HashSet<String>>);

/// Write generations: one global, and one per data source.
#[derive(Debug, Default)]
pub(crate) struct Generations {
    global: u64,
    sources: HashMap<String, u64>,
    /// Per data source, its latest generations (at most [`PAGE_LOG_LEN`]) and what each wrote.
    logs: HashMap<String, VecDeque<LoggedWrite>>,
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
            self.logs.clear();
            return;
        }
        let mut pages = touched.pages;
        for id in touched.sources {
            let generation = self.sources.entry(id.clone()).or_insert(0);
            *generation += 1;
            let log = self.logs.entry(id.clone()).or_default();
            log.push_back((*generation, pages.remove(&id).flatten()));
            if log.len() > PAGE_LOG_LEN {
                log.pop_front();
            }
        }
    }

    /// The pages of data source `id` written since its generation `since`, when every change of
    /// `id` since then was a page write that is still logged; `None` otherwise.
    pub(crate) fn pages_since(&self, id: &str, since: u64) -> Option<HashSet<String>> {
        let current = self.of(id);
        if current < since {
            return None;
        }
        let mut pages = HashSet::new();
        if current == since {
            return Some(pages);
        }
        let log = self.logs.get(id)?;
        if log.front()?.0 > since + 1 {
            return None;
        }
        for (_, written) in log.iter().filter(|(generation, _)| *generation > since) {
            pages.extend(written.as_ref()?.iter().cloned());
        }
        Some(pages)
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
            pages: HashMap::new(),
        }
    }

    fn committed_pages(g: &mut Generations, source: &str, pages: &[&str]) {
        begin();
        for page_id in pages {
            page(source, page_id, 1);
        }
        g.committed(pages.len() as u64, finish());
    }

    #[test]
    fn page_writes_are_logged_until_something_else_changes() {
        let mut g = Generations::default();
        committed_pages(&mut g, "a", &["p1"]);
        committed_pages(&mut g, "a", &["p2", "p3"]);
        let since_one = g.pages_since("a", 1).unwrap();
        assert_eq!(since_one.len(), 2);
        assert_eq!(g.pages_since("a", 0).unwrap().len(), 3);
        assert_eq!(g.pages_since("a", 2).unwrap().len(), 0);
        // A schema write of `a` is not a page write: nothing before it can be patched.
        begin();
        data_source("a", 1);
        page("a", "p4", 0);
        g.committed(1, finish());
        assert!(g.pages_since("a", 2).is_none());
        committed_pages(&mut g, "a", &["p5"]);
        assert_eq!(g.pages_since("a", 3).unwrap().len(), 1);
    }

    #[test]
    fn the_page_log_is_bounded() {
        let mut g = Generations::default();
        for _ in 0..=PAGE_LOG_LEN {
            committed_pages(&mut g, "a", &["p"]);
        }
        assert!(g.pages_since("a", 0).is_none());
        assert!(g.pages_since("a", 1).is_some());
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
