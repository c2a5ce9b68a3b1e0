//! The consultant's client workspace: one profile file per client in a local folder
//! (the OS's data folder by default). Nothing leaves the machine; deleting moves the
//! file into the workspace's `trash` folder, never a silent loss.

use crate::files::{self, FileError};
use crate::month::YearMonth;
use crate::profile::FirmProfile;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The workspace's trash folder: deleted clients and previous versions go here.
pub const TRASH: &str = "trash";

/// What [`Workspace::save_over`] did: where the client is now, and where its
/// previous version was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The client's file now (renamed when the firm's name changed).
    pub path: PathBuf,
    /// The previous version, in the trash folder.
    pub backup: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    pub root: PathBuf,
}

/// One client file as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Client {
    pub path: PathBuf,
    /// The firm's name from the profile, or the file name if it does not load.
    pub name: String,
    pub modified: SystemTime,
    /// Why the file does not load, if it does not.
    pub problem: Option<String>,
}

/// A client file and its profile, or why it does not load.
pub type ClientFile = (PathBuf, Result<FirmProfile, FileError>);

/// A file name from a firm name.
fn file_stem(name: &str) -> String {
    files::safe_stem(name, "client")
}

fn io_err(path: &Path, what: &str, e: std::io::Error) -> FileError {
    FileError::single(path, format!("{what}: {e}"))
}

impl Workspace {
    /// A workspace in this folder (created when first written to).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Workspace { root: root.into() }
    }

    fn ensure(&self) -> Result<(), FileError> {
        std::fs::create_dir_all(&self.root)
            .map_err(|e| io_err(&self.root, "cannot create the workspace folder", e))
    }

    /// Every client file (`*.json` directly in the folder), unsorted.
    pub fn list(&self, now: YearMonth) -> Result<Vec<Client>, FileError> {
        self.ensure()?;
        let entries = std::fs::read_dir(&self.root)
            .map_err(|e| io_err(&self.root, "cannot read the workspace folder", e))?;
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|x| x != "json") || !path.is_file() {
                continue;
            }
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH);
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            match files::load_profile(&path, now) {
                Ok(p) => out.push(Client {
                    path,
                    name: p.name,
                    modified,
                    problem: None,
                }),
                Err(e) => out.push(Client {
                    path,
                    name: stem,
                    modified,
                    problem: Some(e.to_string()),
                }),
            }
        }
        Ok(out)
    }

    /// Every client file (`*.json` directly in the folder, so not the trash) with
    /// its profile or why it does not load, sorted by file name. Unlike [`list`]
    /// it never creates the folder: a missing folder is the error (for
    /// `gachi review`, where a mistyped path must not pass as an empty workspace).
    ///
    /// [`list`]: Workspace::list
    pub fn read_profiles(&self, now: YearMonth) -> Result<Vec<ClientFile>, std::io::Error> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&self.root)?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
            .collect();
        paths.sort();
        Ok(paths
            .into_iter()
            .map(|p| {
                let loaded = files::load_profile(&p, now);
                (p, loaded)
            })
            .collect())
    }

    /// A path for a new file, not yet taken: `name.json`, `name-2.json`, …
    fn free_path(&self, name: &str) -> PathBuf {
        let stem = file_stem(name);
        let mut path = self.root.join(format!("{stem}.json"));
        let mut k = 2;
        while path.exists() {
            path = self.root.join(format!("{stem}-{k}.json"));
            k += 1;
        }
        path
    }

    /// Saves a new client; returns its file.
    pub fn create(&self, profile: &FirmProfile) -> Result<PathBuf, FileError> {
        self.ensure()?;
        let path = self.free_path(&profile.name);
        files::write_atomic(&path, profile.to_pretty_json().as_bytes())?;
        Ok(path)
    }

    /// Writes a client's profile back to its file (atomically).
    pub fn save(&self, path: &Path, profile: &FirmProfile) -> Result<(), FileError> {
        files::write_atomic(path, profile.to_pretty_json().as_bytes())
    }

    /// Overwrites a client's file, keeping the previous version in the trash first;
    /// when the firm's name no longer matches the file name, the file follows the
    /// name (`새_고객.json` becomes `대성주물.json`).
    pub fn save_over(&self, path: &Path, profile: &FirmProfile) -> Result<Saved, FileError> {
        self.ensure()?;
        let backup = if path.exists() {
            Some(self.copy_to_trash(path)?)
        } else {
            None
        };
        let want = file_stem(&profile.name);
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // "대성주물-2" still belongs to 대성주물 (a second firm of that name).
        let matches = stem == want
            || stem
                .strip_prefix(&want)
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|n| n.parse::<u32>().is_ok());
        let target = if matches {
            path.to_path_buf()
        } else {
            self.free_path(&profile.name)
        };
        files::write_atomic(&target, profile.to_pretty_json().as_bytes())?;
        if target != path && path.exists() {
            // Its content is already in the trash (the backup above).
            std::fs::remove_file(path)
                .map_err(|e| io_err(path, "cannot remove the old file name", e))?;
        }
        Ok(Saved {
            path: target,
            backup,
        })
    }

    /// A free name in the trash folder for a file's stem.
    fn trash_path(&self, path: &Path) -> Result<PathBuf, FileError> {
        let trash = self.root.join(TRASH);
        std::fs::create_dir_all(&trash)
            .map_err(|e| io_err(&trash, "cannot create the trash folder", e))?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "client".into());
        let mut target = trash.join(format!("{stem}.json"));
        let mut k = 2;
        while target.exists() {
            target = trash.join(format!("{stem}-{k}.json"));
            k += 1;
        }
        Ok(target)
    }

    /// Copies a client file into the trash folder (the file stays); returns the copy.
    pub fn copy_to_trash(&self, path: &Path) -> Result<PathBuf, FileError> {
        let target = self.trash_path(path)?;
        std::fs::copy(path, &target)
            .map_err(|e| io_err(path, "cannot keep a copy in the trash", e))?;
        Ok(target)
    }

    /// A copy of a client under "<name> (copy)" / "(사본)".
    pub fn duplicate(
        &self,
        path: &Path,
        now: YearMonth,
        suffix: &str,
    ) -> Result<PathBuf, FileError> {
        let mut p = files::load_profile(path, now)?;
        p.name = format!("{} {suffix}", p.name).chars().take(200).collect();
        self.create(&p)
    }

    /// Renames a client: the firm name in the profile and the file name follow.
    pub fn rename(
        &self,
        path: &Path,
        new_name: &str,
        now: YearMonth,
    ) -> Result<PathBuf, FileError> {
        let name = new_name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(FileError::single(
                path,
                "field \"name\": must be 1 to 200 characters",
            ));
        }
        let mut p = files::load_profile(path, now)?;
        p.name = name.to_string();
        let new_path = self.free_path(name);
        files::write_atomic(&new_path, p.to_pretty_json().as_bytes())?;
        // The new file is safely written; only now does the old one go (to the trash,
        // so even this cannot lose anything).
        self.delete(path)?;
        Ok(new_path)
    }

    /// Moves a client file into the workspace's trash folder; returns where it went.
    pub fn delete(&self, path: &Path) -> Result<PathBuf, FileError> {
        let target = self.trash_path(path)?;
        std::fs::rename(path, &target)
            .map_err(|e| io_err(path, "cannot move the file to the trash", e))?;
        Ok(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: YearMonth = YearMonth {
        year: 2026,
        month: 12,
    };

    #[test]
    fn create_duplicate_rename_and_delete_never_lose_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = Workspace::new(dir.path().join("clients"));
        let a = ws.create(&FirmProfile::new("대성주물")).expect("create");
        assert_eq!(
            a.file_name().and_then(|n| n.to_str()),
            Some("대성주물.json")
        );
        let b = ws.duplicate(&a, NOW, "(사본)").expect("duplicate");
        assert_ne!(a, b);
        let list = ws.list(NOW).expect("list");
        let mut names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
        names.sort();
        assert_eq!(names, ["대성주물", "대성주물 (사본)"]);

        let renamed = ws.rename(&b, "세움전자", NOW).expect("rename");
        assert!(renamed.exists() && !b.exists());
        let gone = ws.delete(&a).expect("delete");
        assert!(!a.exists() && gone.exists(), "moved to {}", gone.display());
        assert!(gone.starts_with(dir.path().join("clients").join(TRASH)));
        // The trash is not a client; the renamed copy is.
        let list = ws.list(NOW).expect("list");
        assert_eq!(
            list.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            ["세움전자"]
        );
        // Two renames to the same name keep both files.
        let c = ws.create(&FirmProfile::new("세움전자")).expect("create");
        assert_eq!(
            c.file_name().and_then(|n| n.to_str()),
            Some("세움전자-2.json")
        );
    }

    #[test]
    fn saving_over_a_client_keeps_the_old_version_and_follows_the_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = Workspace::new(dir.path());
        let a = ws.create(&FirmProfile::new("새 고객")).expect("create");
        let saved = ws
            .save_over(&a, &FirmProfile::new("대성주물"))
            .expect("save");
        assert_eq!(
            saved.path.file_name().and_then(|n| n.to_str()),
            Some("대성주물.json")
        );
        assert!(!a.exists(), "the placeholder name is gone");
        let backup = saved.backup.expect("a backup");
        let old = files::load_profile(&backup, NOW).expect("backup reads");
        assert_eq!(old.name, "새 고객");
        // Saving again under the same name keeps the file and adds a second backup.
        let again = ws
            .save_over(&saved.path, &FirmProfile::new("대성주물"))
            .expect("save");
        assert_eq!(again.path, saved.path);
        assert_ne!(again.backup, Some(backup));
    }

    #[test]
    fn a_broken_client_file_is_listed_with_its_problem() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = Workspace::new(dir.path());
        std::fs::write(dir.path().join("broken.json"), "{").expect("write");
        let list = ws.list(NOW).expect("list");
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].name, "broken");
        assert!(
            list[0]
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("broken.json"))
        );
        assert!(
            ws.rename(&dir.path().join("broken.json"), "x", NOW)
                .is_err()
        );
        assert!(
            dir.path().join("broken.json").exists(),
            "a failed rename keeps the file"
        );
    }
}
