//! dateline's integration tests, in one test crate so the suite links one
//! binary instead of one per file. Each module is one area of behaviour;
//! `common` and `extract_common` hold the helpers they share.
//!
//! Tests that read the shared corpora in `../shared` (TempEval-3, Timeline17,
//! SemEval-2015 Task 4, the benchmark corpus maker) are marked
//! `#[cfg_attr(not(shared_corpora), ignore = "...")]`: build.rs sets
//! `shared_corpora` when `../shared` is beside the repository, so without it
//! they show as ignored, with the reason, instead of passing unchecked.

mod common;
mod extract_common;

mod actor_pages;
mod archive;
mod articles_list;
mod bad_input;
mod browser;
mod budget;
mod build_site;
mod cli_dialect;
mod events_t17;
mod example_hand_tagged;
mod example_timeline;
mod exports;
mod extract_fixtures;
mod front_page;
mod fuzz_regressions;
mod group_index;
mod init;
mod interrupted_build;
mod keydates_tls;
mod pagination;
mod relative_urls;
mod reliability;
mod scale;
mod search_index;
mod semeval_trial;
mod serve;
mod slugs;
mod tagger_corpus;
mod tagger_props;
mod tagger_seed;
