//! The user's API keys for the feeds, kept in the operating system's own secret
//! store (docs/feeds.md, "In the app"): Windows Credential Manager, the macOS
//! Keychain, the Linux kernel's keyutils (the session keyring: forgotten at logout).
//! Service `gachi`, user `bizinfo-api-key` or `kstartup-api-key`.
//!
//! Only the app uses this, through the [`KeyStore`] trait, so tests (and a machine
//! without a keyring) can use [`MemoryStore`]. A key is never written to any file of
//! Gachi's, and no message here contains it.

use crate::bizinfo::Source;
use crate::text::Text;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// The keyring service name.
pub const SERVICE: &str = "gachi";

/// The keyring user name for a feed's key.
pub fn user(source: Source) -> &'static str {
    match source {
        Source::Bizinfo => "bizinfo-api-key",
        Source::KStartup => "kstartup-api-key",
    }
}

/// Where keys are kept between runs.
pub trait KeyStore: Send {
    /// The stored key, `Ok(None)` when there is none.
    fn get(&self, source: Source) -> Result<Option<String>, Text>;
    /// Stores (or replaces) the key.
    fn set(&self, source: Source, key: &str) -> Result<(), Text>;
    /// Forgets the key; forgetting a key that is not there is not an error.
    fn delete(&self, source: Source) -> Result<(), Text>;
}

/// The operating system's secret store (the `keyring` crate).
#[derive(Debug, Default, Clone, Copy)]
pub struct OsKeyring;

/// A keyring failure in both languages. The crate's own message names the
/// platform's problem (locked store, no access); it never contains the secret.
fn failure(what: (&str, &str), e: &keyring::Error) -> Text {
    Text::new(
        format!("{} (OS 키 보관함): {e}", what.0),
        format!("{} (OS keyring): {e}", what.1),
    )
}

fn entry(source: Source) -> Result<keyring::Entry, keyring::Error> {
    keyring::Entry::new(SERVICE, user(source))
}

impl KeyStore for OsKeyring {
    fn get(&self, source: Source) -> Result<Option<String>, Text> {
        let what = ("저장된 키를 읽을 수 없습니다", "cannot read the saved key");
        match entry(source).and_then(|e| e.get_password()) {
            Ok(k) => Ok(Some(k)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(failure(what, &e)),
        }
    }

    fn set(&self, source: Source, key: &str) -> Result<(), Text> {
        let what = ("키를 저장할 수 없습니다", "cannot save the key");
        entry(source)
            .and_then(|e| e.set_password(key))
            .map_err(|e| failure(what, &e))
    }

    fn delete(&self, source: Source) -> Result<(), Text> {
        let what = (
            "저장된 키를 지울 수 없습니다",
            "cannot delete the saved key",
        );
        match entry(source).and_then(|e| e.delete_credential()) {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(failure(what, &e)),
        }
    }
}

/// Keys held in memory only: for tests, and to try a store that fails.
#[derive(Debug, Default)]
pub struct MemoryStore {
    keys: Mutex<BTreeMap<&'static str, String>>,
    /// When set, every call fails with this text (a machine without a keyring).
    pub fail: Option<Text>,
}

impl MemoryStore {
    /// A store whose every call fails, as on a machine with no keyring.
    pub fn failing() -> MemoryStore {
        MemoryStore {
            keys: Mutex::default(),
            fail: Some(Text::new(
                "OS 키 보관함을 쓸 수 없습니다",
                "the OS keyring is not available",
            )),
        }
    }

    fn check(&self) -> Result<(), Text> {
        match &self.fail {
            Some(t) => Err(t.clone()),
            None => Ok(()),
        }
    }
}

impl KeyStore for MemoryStore {
    fn get(&self, source: Source) -> Result<Option<String>, Text> {
        self.check()?;
        let keys = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        Ok(keys.get(user(source)).cloned())
    }

    fn set(&self, source: Source, key: &str) -> Result<(), Text> {
        self.check()?;
        let mut keys = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        keys.insert(user(source), key.to_string());
        Ok(())
    }

    fn delete(&self, source: Source) -> Result<(), Text> {
        self.check()?;
        let mut keys = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        keys.remove(user(source));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memory_store_keeps_one_key_per_source() {
        let s = MemoryStore::default();
        assert_eq!(s.get(Source::Bizinfo), Ok(None));
        s.set(Source::Bizinfo, "key-12345678").unwrap();
        assert_eq!(s.get(Source::Bizinfo), Ok(Some("key-12345678".into())));
        assert_eq!(s.get(Source::KStartup), Ok(None));
        s.delete(Source::Bizinfo).unwrap();
        s.delete(Source::Bizinfo).unwrap();
        assert_eq!(s.get(Source::Bizinfo), Ok(None));
        assert!(MemoryStore::failing().set(Source::Bizinfo, "x").is_err());
    }
}
