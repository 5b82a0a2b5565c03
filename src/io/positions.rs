//! Where things sit in a scenario file's text, for messages that point at a line. The parser
//! (RON through serde) gives positions only for its own errors, so this reads the text's
//! structure once more, lightly: brackets, field names and list items, skipping strings, chars
//! and comments. Linear in the text.

use super::load::line_column;

/// The line (from 1) of each checklist decision (`checklist: (findings: [ … ])`) in a scenario
/// file's text, in file order; empty when the text has none or is not laid out as a scenario.
/// Lines are counted as load errors count them (LF, CR, CRLF, NEL, LS, PS).
pub fn decision_lines(text: &str) -> Vec<usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let tokens = tokens(text);
    let Some(top) = top_struct(&tokens) else {
        return Vec::new();
    };
    let Some(checklist) = field_value(&tokens, top, "checklist") else {
        return Vec::new();
    };
    let Some(findings) = field_value(&tokens, checklist, "findings") else {
        return Vec::new();
    };
    // One pass over the text for all items, not one per item.
    let mut lines = Vec::new();
    let (mut counted, mut line) = (0, 1);
    for offset in list_items(&tokens, findings) {
        // `line_column` counts from line 1: add the breaks of this stretch.
        line += line_column(&text[counted..offset]).0 - 1;
        counted = offset;
        lines.push(line);
    }
    lines
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `(`, `[` or `{`.
    Open,
    /// `)`, `]` or `}`.
    Close,
    Comma,
    Colon,
    /// `#`, which starts an attribute such as `#![enable(implicit_some)]`.
    Hash,
    /// A name, number or other run of word characters.
    Word,
    /// A string or char literal.
    Literal,
    /// Anything else.
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Token<'t> {
    kind: Kind,
    text: &'t str,
    offset: usize,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-')
}

/// The text's tokens, without whitespace and comments.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        let start = i;
        let kind = match c {
            c if c.is_whitespace() => {
                i += c.len_utf8();
                continue;
            }
            '/' if rest.starts_with("//") => {
                i += rest.find(['\n', '\r']).unwrap_or(rest.len());
                continue;
            }
            '/' if rest.starts_with("/*") => {
                i += block_comment_len(rest);
                continue;
            }
            '"' => {
                i += quoted_len(rest, b'"');
                Kind::Literal
            }
            '\'' => {
                i += quoted_len(rest, b'\'');
                Kind::Literal
            }
            '(' | '[' | '{' => {
                i += 1;
                Kind::Open
            }
            ')' | ']' | '}' => {
                i += 1;
                Kind::Close
            }
            ',' => {
                i += 1;
                Kind::Comma
            }
            ':' => {
                i += 1;
                Kind::Colon
            }
            '#' => {
                i += 1;
                Kind::Hash
            }
            c if is_word(c) => {
                let len = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
                let word = &rest[..len];
                // Raw strings: r"…", r#"…"#, br"…".
                let after = &rest[len..];
                if matches!(word, "r" | "br") && (after.starts_with('"') || after.starts_with('#'))
                {
                    let hashes = after.bytes().take_while(|b| *b == b'#').count();
                    let open = len + hashes;
                    if bytes.get(i + open) == Some(&b'"') {
                        let close = format!("\"{}", "#".repeat(hashes));
                        let body = &rest[open + 1..];
                        let end = body.find(&close).map_or(body.len(), |e| e + close.len());
                        i += open + 1 + end;
                        out.push(Token {
                            kind: Kind::Literal,
                            text: &text[start..i],
                            offset: start,
                        });
                        continue;
                    }
                }
                i += len;
                Kind::Word
            }
            c => {
                i += c.len_utf8();
                Kind::Other
            }
        };
        out.push(Token {
            kind,
            text: &text[start..i],
            offset: start,
        });
    }
    out
}

/// The length of a string or char literal opening `rest` (with backslash escapes), to its
/// closing quote or the end of the text.
fn quoted_len(rest: &str, quote: u8) -> usize {
    let bytes = rest.as_bytes();
    let mut j = 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b if b == quote => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

/// The length of a block comment opening `rest`; RON's block comments nest.
fn block_comment_len(rest: &str) -> usize {
    let mut depth = 0usize;
    let mut j = 0;
    while j < rest.len() {
        let here = &rest[j..];
        if here.starts_with("/*") {
            depth += 1;
            j += 2;
        } else if here.starts_with("*/") {
            depth -= 1;
            j += 2;
            if depth == 0 {
                return j;
            }
        } else {
            j += here.chars().next().map_or(1, char::len_utf8);
        }
    }
    rest.len()
}

/// The index of the token after the close matching the open at `open`.
fn skip_group(tokens: &[Token<'_>], open: usize) -> usize {
    let mut depth = 0usize;
    for (i, t) in tokens.iter().enumerate().skip(open) {
        match t.kind {
            Kind::Open => depth += 1,
            Kind::Close => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// The index of the scenario's opening bracket, after any `#![…]` attributes and an optional
/// struct name.
fn top_struct(tokens: &[Token<'_>]) -> Option<usize> {
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i].kind {
            Kind::Hash => {
                // `#`, `!`, then the bracketed attribute.
                let open = (i..tokens.len()).find(|&j| tokens[j].kind == Kind::Open)?;
                i = skip_group(tokens, open);
            }
            Kind::Word => i += 1,
            Kind::Open if tokens[i].text == "(" => return Some(i),
            _ => return None,
        }
    }
    None
}

/// In the struct whose `(` is at `open`, the index of the opening bracket of field `name`'s
/// value (after an optional struct name or `Some`).
fn field_value(tokens: &[Token<'_>], open: usize, name: &str) -> Option<usize> {
    let mut i = open + 1;
    while i < tokens.len() {
        match tokens[i].kind {
            Kind::Close => return None,
            Kind::Open => i = skip_group(tokens, i),
            Kind::Word
                if tokens[i].text == name
                    && tokens.get(i + 1).is_some_and(|t| t.kind == Kind::Colon) =>
            {
                let mut j = i + 2;
                // A struct name (`Checklist(`) or `Some(` may stand before the bracket.
                while tokens.get(j).is_some_and(|t| t.kind == Kind::Word) {
                    j += 1;
                }
                if tokens.get(j).is_some_and(|t| t.text == "(")
                    && tokens.get(j - 1).is_some_and(|t| t.text == "Some")
                    && tokens.get(j + 1).is_some_and(|t| t.kind == Kind::Open)
                {
                    j += 1;
                }
                return tokens
                    .get(j)
                    .is_some_and(|t| t.kind == Kind::Open)
                    .then_some(j);
            }
            _ => i += 1,
        }
    }
    None
}

/// The byte offsets where the items of the list whose `[` is at `open` begin.
fn list_items(tokens: &[Token<'_>], open: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = open + 1;
    let mut item_starts = true;
    while i < tokens.len() {
        let t = tokens[i];
        match t.kind {
            Kind::Close => break,
            Kind::Comma => {
                item_starts = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        if item_starts {
            out.push(t.offset);
            item_starts = false;
        }
        i = if t.kind == Kind::Open {
            skip_group(tokens, i)
        } else {
            i + 1
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_are_found_on_their_lines() {
        let text = "#![enable(implicit_some)]\n(\n  format_version: 2,\n  title: \"a (b\",\n  description: \"checklist: (findings: [x])\", // checklist: (\n  /* findings: [ */ host: (name: \"H\", notes: r#\"findings: [\"#),\n  checklist: (\n    custom: [],\n    findings: [\n      (key: (rule: \"r\", entities: [\"a\", \"b\"]), note: \"[(,\"),\n\n      (key: (rule: 'x', entities: []))\r\n  ,  (key: (rule: \"s\", entities: [])),\n    ],\n  ),\n)\n";
        assert_eq!(decision_lines(text), vec![10, 12, 13]);
    }

    #[test]
    fn line_breaks_of_every_kind_count() {
        let text = "(checklist: (findings: [\r(a),\u{2028}(b),\u{85}(c)]))";
        assert_eq!(decision_lines(text), vec![2, 3, 4]);
    }

    #[test]
    fn no_checklist_no_lines() {
        assert!(decision_lines("(title: \"t\")").is_empty());
        assert!(decision_lines("").is_empty());
        assert!(decision_lines("not ron at all ((((").is_empty());
        assert!(decision_lines("(checklist: (findings: []))").is_empty());
    }
}
