//! A small element tree read with quick-xml, for the XML answers a feed may give:
//! bizinfo's RSS 2.0 (its default answer when `dataType` is omitted) and the
//! data.go.kr gateway's `OpenAPI_ServiceResponse` errors. Attributes, comments,
//! processing instructions and namespaces are ignored; the five XML entities and
//! numeric character references are decoded; CDATA is kept as text.

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

/// Elements nested deeper than this are refused: no feed needs it, and a
/// hostile file must not cost much.
const MAX_DEPTH: usize = 64;

/// One element: its local name (without a namespace prefix), the text directly
/// inside it (all text pieces joined), and its child elements in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    pub name: String,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The first child with this name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The children with this name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The first element with this name at any depth below (depth first), with its
    /// path from this element (`channel.item`).
    pub fn find(&self, name: &str) -> Option<(String, &Element)> {
        for c in &self.children {
            if c.name == name {
                return Some((c.name.clone(), c));
            }
            if let Some((path, e)) = c.find(name) {
                return Some((format!("{}.{path}", c.name), e));
            }
        }
        None
    }

    /// The trimmed text of the first element with this name at any depth.
    pub fn find_text(&self, name: &str) -> Option<String> {
        self.find(name)
            .map(|(_, e)| e.text.trim().to_string())
            .filter(|t| !t.is_empty())
    }
}

/// Why a document could not be read as XML: the byte offset and the parser's
/// message (English; the caller words it for people).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    pub offset: u64,
    pub detail: String,
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => name.into_owned(),
    }
}

/// Reads the root element of an XML document (UTF-8 text).
pub fn parse(text: &str) -> Result<Element, XmlError> {
    let mut reader = Reader::from_str(text);
    let err = |reader: &Reader<&[u8]>, detail: String| XmlError {
        offset: reader.buffer_position(),
        detail,
    };
    // The path of open elements; the root is kept when it closes.
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| err(&reader, e.to_string()))?;
        let append = |stack: &mut Vec<Element>, s: &str| {
            if let Some(top) = stack.last_mut() {
                top.text.push_str(s);
            }
        };
        match event {
            Event::Start(e) => {
                if root.is_some() {
                    return Err(err(&reader, "a second root element".into()));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(err(
                        &reader,
                        format!("elements nested deeper than {MAX_DEPTH}"),
                    ));
                }
                stack.push(Element {
                    name: local(e.local_name().as_ref()),
                    ..Element::default()
                });
            }
            Event::Empty(e) => {
                let el = Element {
                    name: local(e.local_name().as_ref()),
                    ..Element::default()
                };
                match stack.last_mut() {
                    Some(top) => top.children.push(el),
                    None if root.is_none() => root = Some(el),
                    None => return Err(err(&reader, "a second root element".into())),
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(err(&reader, "a closing tag with no opening tag".into()));
                };
                match stack.last_mut() {
                    Some(top) => top.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => {
                let s = t.xml10_content().map_err(|e| err(&reader, e.to_string()))?;
                append(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = t.xml10_content().map_err(|e| err(&reader, e.to_string()))?;
                append(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| err(&reader, e.to_string()))?;
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match resolve_predefined_entity(&name) {
                        Some(s) => s.to_string(),
                        // An HTML entity (&nbsp;) in a feed: kept as written, the
                        // summary's HTML reader decodes it.
                        None => format!("&{name};"),
                    },
                    Err(e) => return Err(err(&reader, e.to_string())),
                };
                append(&mut stack, &resolved);
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(err(&reader, "the document ends inside an element".into()));
    }
    root.ok_or_else(|| err(&reader, "no element".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_entities_and_cdata() {
        let doc = parse(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><item>\
             <title>R&amp;D &#50;단계</title><description><![CDATA[<p>요약</p>]]></description>\
             <empty/></item></channel></rss>",
        )
        .expect("xml");
        assert_eq!(doc.name, "rss");
        let item = doc
            .child("channel")
            .and_then(|c| c.child("item"))
            .expect("item");
        assert_eq!(
            item.child("title").map(|t| t.text.as_str()),
            Some("R&D 2단계")
        );
        assert_eq!(
            item.child("description").map(|t| t.text.as_str()),
            Some("<p>요약</p>")
        );
        assert_eq!(
            doc.find("empty").map(|(p, _)| p),
            Some("channel.item.empty".into())
        );
    }

    #[test]
    fn broken_documents_are_errors() {
        assert!(parse("<rss><channel></rss>").is_err());
        assert!(parse("<a/><b/>").is_err());
        assert!(parse("no markup").is_err());
        let deep = "<a>".repeat(100) + &"</a>".repeat(100);
        assert!(parse(&deep).unwrap_err().detail.contains("deeper"));
    }
}
