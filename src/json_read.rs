//! Reading JSON contracts field by field, so that every problem is reported at once
//! with its path (`programmes[3].criteria[0].max`) instead of stopping at the first.

use serde_json::{Map, Value};
use std::fmt;

/// One thing wrong with an input, located by its JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the field; empty for the document as a whole.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "field \"{}\": {}", self.path, self.message)
        }
    }
}

/// Problems collected while reading one document.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }
}

/// Names a JSON value's type for messages.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// A JSON object being read, with its path.
pub struct Obj<'a> {
    pub path: String,
    pub map: &'a Map<String, Value>,
}

impl<'a> Obj<'a> {
    pub fn new(path: impl Into<String>, v: &'a Value, probs: &mut Problems) -> Option<Obj<'a>> {
        let path = path.into();
        match v {
            Value::Object(map) => Some(Obj { path, map }),
            other => {
                probs.push(
                    path,
                    format!("expected an object, found {}", type_name(other)),
                );
                None
            }
        }
    }

    pub fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The value, treating JSON null as absent.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    pub fn opt_str(&self, key: &str, probs: &mut Problems) -> Option<&'a str> {
        match self.get(key)? {
            Value::String(s) => Some(s),
            other => {
                probs.push(
                    self.path_of(key),
                    format!("expected text, found {}", type_name(other)),
                );
                None
            }
        }
    }

    pub fn req_str(&self, key: &str, probs: &mut Problems) -> Option<&'a str> {
        if self.get(key).is_none() {
            probs.push(self.path_of(key), "is required (text)");
            return None;
        }
        self.opt_str(key, probs)
    }

    /// Required text that is not blank.
    pub fn req_nonempty(&self, key: &str, probs: &mut Problems) -> Option<&'a str> {
        let s = self.req_str(key, probs)?;
        if s.trim().is_empty() {
            probs.push(self.path_of(key), "must not be empty");
            return None;
        }
        Some(s)
    }

    /// A whole number ≥ 0 that fits in 64 bits.
    pub fn opt_u64(&self, key: &str, probs: &mut Problems) -> Option<u64> {
        let v = self.get(key)?;
        match v {
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    Some(u)
                } else if n.as_i64().is_some_and(|i| i < 0) || n.as_f64().is_some_and(|f| f < 0.0) {
                    probs.push(
                        self.path_of(key),
                        format!("must not be negative, found {n}"),
                    );
                    None
                } else if n.is_f64() && n.as_f64().is_some_and(|f| f.fract() != 0.0) {
                    probs.push(
                        self.path_of(key),
                        format!("expected a whole number, found {n}"),
                    );
                    None
                } else {
                    probs.push(self.path_of(key), format!("number {n} is too large"));
                    None
                }
            }
            other => {
                probs.push(
                    self.path_of(key),
                    format!("expected a whole number ≥ 0, found {}", type_name(other)),
                );
                None
            }
        }
    }

    pub fn opt_bool(&self, key: &str, probs: &mut Problems) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                probs.push(
                    self.path_of(key),
                    format!("expected true or false, found {}", type_name(other)),
                );
                None
            }
        }
    }

    pub fn opt_arr(&self, key: &str, probs: &mut Problems) -> Option<&'a Vec<Value>> {
        match self.get(key)? {
            Value::Array(a) => Some(a),
            other => {
                probs.push(
                    self.path_of(key),
                    format!("expected a list, found {}", type_name(other)),
                );
                None
            }
        }
    }

    pub fn opt_obj(&self, key: &str, probs: &mut Problems) -> Option<Obj<'a>> {
        let v = self.get(key)?;
        Obj::new(self.path_of(key), v, probs)
    }

    pub fn req_obj(&self, key: &str, probs: &mut Problems) -> Option<Obj<'a>> {
        if self.get(key).is_none() {
            probs.push(self.path_of(key), "is required (an object)");
            return None;
        }
        self.opt_obj(key, probs)
    }

    /// A list of text items, each checked.
    pub fn opt_str_list(&self, key: &str, probs: &mut Problems) -> Option<Vec<&'a str>> {
        let arr = self.opt_arr(key, probs)?;
        let path = self.path_of(key);
        let mut out = Vec::with_capacity(arr.len());
        for (i, v) in arr.iter().enumerate() {
            match v {
                Value::String(s) => out.push(s.as_str()),
                other => probs.push(
                    index(&path, i),
                    format!("expected text, found {}", type_name(other)),
                ),
            }
        }
        Some(out)
    }

    /// A list of codes from a closed set; unknown codes are reported and dropped.
    pub fn opt_code_list<T>(
        &self,
        key: &str,
        probs: &mut Problems,
        parse: impl Fn(&str) -> Option<T>,
        what: &str,
        expected: &str,
    ) -> Option<Vec<T>> {
        let items = self.opt_str_list(key, probs)?;
        let path = self.path_of(key);
        let mut out = Vec::with_capacity(items.len());
        for (i, s) in items.iter().enumerate() {
            match parse(s) {
                Some(c) => out.push(c),
                None => probs.push(
                    index(&path, i),
                    format!("unknown {what} \"{s}\"; expected one of {expected}"),
                ),
            }
        }
        Some(out)
    }

    /// A `{ "ko": …, "en": … }` pair, both required and not blank.
    pub fn req_text(&self, key: &str, probs: &mut Problems) -> Option<crate::text::Text> {
        let o = self.req_obj(key, probs)?;
        let ko = o.req_nonempty("ko", probs);
        let en = o.req_nonempty("en", probs);
        Some(crate::text::Text::new(ko?, en?))
    }

    pub fn opt_text(&self, key: &str, probs: &mut Problems) -> Option<crate::text::Text> {
        self.get(key)?;
        self.req_text(key, probs)
    }
}
