//! `broadsheet merge PARTIAL...`: the reports of several partial results, as one run over
//! all their articles would have written them.

use super::prepare_output;
use crate::config::MergeConfig;
use crate::partial;
use crate::report;
use crate::summary::{Stages, Summary};
use std::time::Instant;

/// Merges partial results and writes the reports of their union.
pub fn merge(config: &MergeConfig) -> anyhow::Result<Summary> {
    let started = Instant::now();
    prepare_output(&[], &config.out)?;
    let mut stages = Stages::new();
    let corpus = partial::merge_files(&config.partials)?;
    stages.done("read partials");
    let written = report::write(&corpus, &config.report, &config.out)?;
    report::remove_stale(&config.out, &written.files)?;
    stages.done("reports");
    Ok(Summary {
        stages: stages.list,
        report_parts: Some(written),
        ..Summary::of(&corpus, started, Some(config.out.clone()), None)
    })
}
