//! Helpers for the integration tests: a temp folder with an `in/` input and an `out/`
//! output, and a runner for the real binary.

use std::path::PathBuf;

pub struct Fixture {
    dir: tempfile::TempDir,
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// A file under `in/` unless `rel` names another top-level place (`out/`, `stop.txt`...).
    pub fn file(&self, rel: &str, text: &str) {
        self.bytes(rel, text.as_bytes());
    }

    pub fn bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.resolve(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    fn resolve(&self, rel: &str) -> PathBuf {
        let top = ["in/", "out/", "stop.txt", "taken"];
        if top.iter().any(|t| rel.starts_with(t)) {
            self.path(rel)
        } else {
            self.path("in").join(rel)
        }
    }

    pub fn out(&self, name: &str) -> PathBuf {
        self.path("out").join(name)
    }

    /// Sorted file names in a folder of the fixture.
    pub fn list(&self, rel: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path(rel))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Runs broadsheet in the fixture folder; `--out out` unless the args set it.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut cmd = assert_cmd::Command::cargo_bin("broadsheet").unwrap();
        cmd.current_dir(self.dir.path()).args(args);
        if !args.contains(&"--out") && !args.contains(&"--help") {
            cmd.args(["--out", "out"]);
        }
        let out = cmd.output().unwrap();
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// A CSV file as rows of fields, header included.
pub fn read_csv(path: &std::path::Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}
