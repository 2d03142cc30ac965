//! `broadsheet merge PARTIAL...`: the reports of several partial results, as one run over
//! all their articles would have written them.
//!
//! Reading and merging the partials ([`partial::merge_files`]) runs on the calling thread;
//! the reports are written on a pool of `--jobs` threads, as the analysis writes them, so
//! a merge on a shared machine takes no more cores than it was given.

use super::{prepare_output, thread_pool};
use crate::config::MergeConfig;
use crate::partial;
use crate::report;
use crate::summary::{Stages, Summary};
use std::time::Instant;

/// Merges partial results and writes the reports of their union.
pub fn merge(config: &MergeConfig) -> anyhow::Result<Summary> {
    let started = Instant::now();
    prepare_output(&[], &config.out)?;
    let pool = thread_pool(config.jobs)?;
    let mut stages = Stages::new();
    let corpus = partial::merge_files(&config.partials)?;
    stages.done("read partials");
    let written = pool.install(|| report::write(&corpus, &config.report, &config.out))?;
    report::remove_stale(&config.out, &written.files)?;
    stages.done("reports");
    Ok(Summary {
        stages: stages.list,
        report_parts: Some(written),
        ..Summary::of(&corpus, started, Some(config.out.clone()), None)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::execute;
    use crate::config::{Cli, Command};
    use clap::Parser;
    use std::path::Path;

    fn cli(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("broadsheet").chain(args.iter().copied())).unwrap()
    }

    /// Every file of a report folder, by name.
    fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let name = e.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(e.path()).unwrap())
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn jobs_is_an_option_of_merge_with_the_limit_of_the_analysis() {
        let Some(Command::Merge(m)) = cli(&["merge", "a.part", "--jobs", "3"]).command else {
            panic!("not a merge");
        };
        assert_eq!(MergeConfig::from_cli(m).jobs, 3);
        let Some(Command::Merge(m)) = cli(&["merge", "a.part"]).command else {
            panic!("not a merge");
        };
        assert_eq!(MergeConfig::from_cli(m).jobs, 0, "one thread per core");
        let too_many = Cli::try_parse_from(["broadsheet", "merge", "a.part", "-j", "1025"]);
        assert!(too_many.unwrap_err().to_string().contains("limit of 1024"));
    }

    #[test]
    fn merged_reports_are_the_same_bytes_at_any_jobs() {
        let dir = tempfile::tempdir().unwrap();
        let at = |p: &str| dir.path().join(p);
        let inputs = at("in");
        for (i, (outlet, text)) in [
            ("world", "Talks in Leeds\n\nAmara Okonkwo met Callum Vance in Leeds.\n\n\"We will not back down,\" Okonkwo said. Vance said the talks went well.\n"),
            ("world", "Port Strike\n\nDockworkers walked out at Felixstowe, the union said.\n\n\u{201c}No deal is better than a bad deal,\u{201d} said Tobias Kendrick.\n"),
            ("business", "Bills Rise\n\nThe National Energy Regulator lifted the cap. \"We know this is painful,\" the regulator said.\n"),
            ("business", "Rates Held\n\nThe Bank of England held rates. Callum Vance said prices rose in Leeds.\n"),
            ("sport", "Leeds Win\n\nLeeds beat Felixstowe Town. \"A great day,\" Kendrick said. She said it was deserved.\n"),
            ("sport", "   \n"),
        ]
        .iter()
        .enumerate()
        {
            std::fs::create_dir_all(inputs.join(outlet)).unwrap();
            std::fs::write(inputs.join(outlet).join(format!("{i}.txt")), text).unwrap();
        }
        let s = |p: &Path| p.to_str().unwrap().to_string();
        let mut parts = Vec::new();
        for k in 1..=3 {
            let part = s(&at(&format!("p{k}.part")));
            let shard = format!("{k}/3");
            execute(cli(&[
                &s(&inputs),
                "--shard",
                &shard,
                "--partial",
                &part,
                "-q",
            ]))
            .unwrap();
            parts.push(part);
        }
        let single = s(&at("single"));
        execute(cli(&[&s(&inputs), "--out", &single, "-q", "--jobs", "1"])).unwrap();
        let want = files(Path::new(&single));
        assert!(want.len() > 10, "{} reports", want.len());
        for jobs in ["1", "2", "3"] {
            let out = s(&at(&format!("merged-{jobs}")));
            let mut args = vec!["merge", "--out", &out, "--jobs", jobs, "-q"];
            args.extend(parts.iter().rev().map(String::as_str));
            let summary = execute(cli(&args)).unwrap();
            assert_eq!((summary.articles, summary.skipped), (5, 1));
            let got = files(Path::new(&out));
            assert_eq!(
                got.iter().map(|f| &f.0).collect::<Vec<_>>(),
                want.iter().map(|f| &f.0).collect::<Vec<_>>()
            );
            for (g, w) in got.iter().zip(&want) {
                assert!(g.1 == w.1, "{} differs at --jobs {jobs}", g.0);
            }
        }
    }
}
