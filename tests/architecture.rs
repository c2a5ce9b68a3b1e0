//! The layering of docs/architecture.md, checked on the source: every top-level
//! module of src/ uses only modules of its own layer or the layers below, no two
//! modules import each other (directly or round a longer circle), and egui/eframe
//! appear only in the app (`src/view`, `src/main.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// docs/architecture.md's layers, lowest first.
const LAYERS: &[&[&str]] = &[
    &[
        "text",
        "strings",
        "month",
        "codes",
        "ksic",
        "json_read",
        "facts",
    ],
    &["catalogue", "profile"],
    &["plan"],
    &["matcher"],
    &["export", "bizinfo", "review"],
    &["files", "workspace", "clock", "fetch", "keys"],
    &["cli", "view"],
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its comments (doc links name modules too).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("source is UTF-8");
    text.lines()
        .map(|l| match l.find("//") {
            // A `//` inside a string (a URL) is rare in code that names modules;
            // cutting there only ever drops text, never adds a dependency.
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Top-level module → the source files it is made of.
fn modules() -> BTreeMap<String, Vec<PathBuf>> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(src()).expect("src").flatten() {
        let p = e.path();
        let name = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if p.is_dir() {
            let mut files = Vec::new();
            rust_files(&p, &mut files);
            out.insert(name, files);
        } else if p.extension().is_some_and(|x| x == "rs") && name != "lib" && name != "main" {
            out.insert(name, vec![p]);
        }
    }
    out
}

/// The first path segments after `crate::`, including each item of a grouped
/// `use crate::{a::X, b}`.
fn crate_refs(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Items at depth 0 of the group, separated by commas.
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            out.insert(first_segment(&item));
        } else {
            out.insert(first_segment(rest));
        }
    }
    out.remove("");
    out
}

fn first_segment(s: &str) -> String {
    s.trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mods = modules();
    let names: BTreeSet<String> = mods.keys().cloned().collect();
    mods.iter()
        .map(|(m, files)| {
            let deps = files
                .iter()
                .flat_map(|f| crate_refs(&code_of(f)))
                .filter(|d| d != m && names.contains(d))
                .collect();
            (m.clone(), deps)
        })
        .collect()
}

fn layer_of(m: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&m))
}

#[test]
fn every_module_has_a_layer_and_uses_only_its_own_or_lower_layers() {
    let g = graph();
    let mut wrong = Vec::new();
    for (m, deps) in &g {
        let Some(lm) = layer_of(m) else {
            wrong.push(format!("{m} has no layer in docs/architecture.md"));
            continue;
        };
        for d in deps {
            if layer_of(d).is_some_and(|ld| ld > lm) {
                wrong.push(format!("{m} (layer {lm}) uses {d}, a layer above"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_two_modules_import_each_other() {
    let g = graph();
    // Depth-first search for a back edge; the circle is reported as found.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut circle = path[i..].to_vec();
            circle.push(m.to_string());
            return Some(circle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for d in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        let circle = visit(m, &g, &mut Vec::new(), &mut done);
        assert!(
            circle.is_none(),
            "import circle: {}",
            circle.unwrap().join(" → ")
        );
    }
}

#[test]
fn egui_and_eframe_are_used_only_by_the_app() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let app = [src().join("view"), src().join("main.rs")];
    let mut wrong = Vec::new();
    for f in files {
        if app.iter().any(|a| f.starts_with(a)) {
            continue;
        }
        let code = code_of(&f);
        for word in ["egui", "eframe"] {
            let uses = code.match_indices(word).any(|(i, _)| {
                let before = code[..i].chars().next_back();
                let after = code[i + word.len()..].chars().next();
                let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                !ident(before) && !ident(after)
            });
            if uses {
                wrong.push(format!("{} uses {word}", f.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_grouped_imports_and_ignores_comments() {
    // The checks above would pass on nothing; this one shows they see what matters.
    let refs = crate_refs(
        "use crate::{plan::Plan, text::{Lang, Text}};\nlet x = crate::month::YearMonth::new(2026, 1);",
    );
    assert_eq!(
        refs,
        ["month", "plan", "text"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    let g = graph();
    assert!(g["matcher"].contains("catalogue") && g["view"].contains("plan"));
    assert!(g.len() >= 15, "{g:?}");
}
