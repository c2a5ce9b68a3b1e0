//! A local feed server for the fetch tests (tests/fetch.rs, tests/ui_fetch.rs): a
//! thread with a `TcpListener` on 127.0.0.1 port 0 answering each request with a
//! canned reply, and the real 5-notice bizinfo answer served page by page.

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server does with one request.
pub enum Reply {
    /// 200 with this body.
    Ok(Vec<u8>),
    /// Another status with this body.
    Status(u16, Vec<u8>),
    /// 200 with this body, after a pause.
    Slow(Duration, Vec<u8>),
    /// Accept and never answer.
    Hang,
}

/// A local server; `hits` holds the request target (path and query) of each request.
pub struct Server {
    pub addr: SocketAddr,
    pub hits: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn endpoint(&self) -> String {
        format!("http://{}/api/feed.do", self.addr)
    }

    pub fn hits(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }
}

/// The value of `name` in a request target's query.
pub fn param(target: &str, name: &str) -> Option<String> {
    let query = target.split_once('?')?.1;
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == name).then(|| v.to_string())
    })
}

fn read_request(stream: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        buf.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&buf).into_owned();
    Some(text.split_whitespace().nth(1)?.to_string())
}

/// Serves `reply(target, n)` for the n-th request (from 0).
pub fn serve(reply: impl Fn(&str, usize) -> Reply + Send + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().unwrap();
    let hits = Arc::new(Mutex::new(Vec::new()));
    let seen = hits.clone();
    std::thread::spawn(move || {
        let mut hung = Vec::new();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let Some(target) = read_request(&mut stream) else {
                continue;
            };
            let n = {
                let mut h = seen.lock().unwrap();
                h.push(target.clone());
                h.len() - 1
            };
            let (status, body) = match reply(&target, n) {
                Reply::Ok(b) => (200, b),
                Reply::Status(s, b) => (s, b),
                Reply::Slow(pause, b) => {
                    std::thread::sleep(pause);
                    (200, b)
                }
                Reply::Hang => {
                    hung.push(stream);
                    continue;
                }
            };
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    Server { addr, hits }
}

/// A file of tests/fixtures/feeds.
pub fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name);
    std::fs::read(p).expect("fixture")
}

/// The real 5-notice bizinfo answer's items, with `totCnt` set to 5 (the recorded
/// answer was cut from 1,443).
pub fn bizinfo_items() -> Vec<Value> {
    let v: Value = serde_json::from_slice(&fixture("bizinfo-live-5-notices-2026-10.json")).unwrap();
    v["jsonArray"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let mut i = i.clone();
            i["totCnt"] = json!(5);
            i
        })
        .collect()
}

/// A bizinfo page as the API answers it: `pageIndex` and `pageUnit` from the query.
pub fn bizinfo_page(items: &[Value], target: &str) -> Vec<u8> {
    let index: usize = param(target, "pageIndex").unwrap().parse().unwrap();
    let unit: usize = param(target, "pageUnit").unwrap().parse().unwrap();
    let page: Vec<Value> = items
        .iter()
        .skip((index - 1) * unit)
        .take(unit)
        .cloned()
        .collect();
    serde_json::to_vec(&json!({ "jsonArray": page })).unwrap()
}
