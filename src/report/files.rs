//! The one module that touches the output folder: every report is staged in full in a
//! temp file beside its target and only then renamed over it ([`write_atomically`],
//! [`Staged`], [`commit`]), so an interrupted run leaves the previous reports intact. The
//! rest of `report` computes rows, charts and pages in memory (or streams rows into a
//! [`Staged`] file it is handed) and never opens a file itself.

use super::{OutputFile, BREAKDOWN_FILES};
use crate::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Removes the breakdown reports this run did not write ([`BREAKDOWN_FILES`]).
pub fn remove_stale(dir: &Path, written: &[&str]) -> Result<(), Error> {
    for name in BREAKDOWN_FILES {
        if written.contains(name) {
            continue;
        }
        let path = dir.join(name);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::WriteReport { path, source: e });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Prefix and suffix of the temp files reports are staged in; a run killed before its
/// renames leaves such files behind, and the next run removes them ([`remove_stale_temps`]).
const TEMP_PREFIX: &str = ".broadsheet-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes `files` into `dir` in two phases, so that a failure or an interruption never
/// leaves a mix of old and new reports behind a half-written one:
///
/// 1. every report is written in full to its own temp file in `dir` and synced to disk;
///    any error here (a full disk, a file size limit) drops the temp files and returns,
///    with every previous report untouched;
/// 2. only then is each temp file renamed over its report (a rename within one folder is
///    atomic), and the folder itself synced so the renames survive a crash.
pub fn write_atomically(dir: &Path, files: &[OutputFile]) -> Result<(), Error> {
    let mut staged = Vec::with_capacity(files.len());
    for f in files {
        staged.push(Staged::with_bytes(dir, f.name, &f.bytes)?);
    }
    commit(dir, staged)
}

/// A report written (or being written) in full to its temp file in the output folder,
/// waiting for [`commit`]. Dropped uncommitted, the temp file is removed.
pub struct Staged {
    pub name: &'static str,
    target: PathBuf,
    tmp: tempfile::NamedTempFile,
}

impl Staged {
    /// An empty temp file for the report `name`.
    pub fn create(dir: &Path, name: &'static str) -> Result<Staged, Error> {
        let target = dir.join(name);
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(dir)
            .map_err(|e| write_error(&target, e))?;
        Ok(Staged { name, target, tmp })
    }

    /// A report written in one go.
    pub fn with_bytes(dir: &Path, name: &'static str, bytes: &[u8]) -> Result<Staged, Error> {
        let mut s = Staged::create(dir, name)?;
        s.write(bytes)?;
        s.finish()
    }

    /// Appends to the temp file.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        // Through the `File`: `NamedTempFile`'s own writer adds the temp path to errors.
        self.tmp
            .as_file_mut()
            .write_all(bytes)
            .map_err(|e| write_error(&self.target, e))
    }

    /// The file complete: readable by all and synced to disk.
    pub fn finish(self) -> Result<Staged, Error> {
        readable_by_all(self.tmp.as_file()).map_err(|e| write_error(&self.target, e))?;
        self.tmp
            .as_file()
            .sync_all()
            .map_err(|e| write_error(&self.target, e))?;
        Ok(self)
    }
}

fn write_error(target: &Path, e: std::io::Error) -> Error {
    Error::WriteReport {
        path: target.to_path_buf(),
        source: without_temp_path(e),
    }
}

/// The second phase: every staged report renamed over its old one (a rename within one
/// folder is atomic), then the folder synced so the renames survive a crash.
pub fn commit(dir: &Path, staged: Vec<Staged>) -> Result<(), Error> {
    for s in staged {
        s.tmp
            .persist(&s.target)
            .map_err(|e| write_error(&s.target, e.error))?;
    }
    sync_dir(dir);
    Ok(())
}

/// The system's reason for a failed write, without the temp file's name that `tempfile`
/// adds: the message names the report, and the temp file is gone by the time it is read.
fn without_temp_path(e: std::io::Error) -> std::io::Error {
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => e,
    }
}

/// Removes temp files that a killed run left in the output folder. Only names of the
/// exact shape this module creates are touched; anything else in the folder is the user's.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let is_ours = name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX);
        if is_ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Makes the renames durable. Best effort: some file systems refuse to sync a folder, and
/// the reports are complete either way.
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Temp files are created private (0600); reports are ordinary files (0644 on Unix).
#[cfg(unix)]
pub(crate) fn readable_by_all(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
pub(crate) fn readable_by_all(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_replace_old_ones_and_leave_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "old").unwrap();
        std::fs::write(dir.path().join(".broadsheet-x1.tmp"), "stale").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        remove_stale_temps(dir.path());
        let files = [
            OutputFile {
                name: "a.csv",
                bytes: b"new".to_vec(),
            },
            OutputFile {
                name: "b.png",
                bytes: vec![1, 2, 3],
            },
        ];
        write_atomically(dir.path(), &files).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["a.csv", "b.png", "notes.txt"]);
        assert_eq!(std::fs::read(dir.path().join("a.csv")).unwrap(), b"new");
    }

    #[test]
    fn a_failed_write_leaves_the_old_reports_and_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "old").unwrap();
        let failed = (|| -> Result<(), Error> {
            let mut a = Staged::create(dir.path(), "a.csv")?;
            a.write(b"new, but never committed")?;
            // The second report cannot be staged (its folder is gone): nothing is renamed.
            let b = Staged::create(&dir.path().join("gone"), "b.csv")?;
            commit(dir.path(), vec![a, b])
        })();
        let err = failed.unwrap_err().to_string();
        assert!(
            err.contains("cannot write report") && err.contains("b.csv"),
            "{err}"
        );
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, ["a.csv"]);
        assert_eq!(std::fs::read(dir.path().join("a.csv")).unwrap(), b"old");
    }
}
