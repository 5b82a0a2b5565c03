//! Small helpers to write findings' sentences.

/// How many names a sentence lists before "and N more".
pub(super) const LIST: usize = 3;

/// "A", "A and B", "A, B and C", or "A, B, C and 4 more" past `max` items.
pub(super) fn join<S: AsRef<str>>(items: &[S], max: usize) -> String {
    let n = items.len();
    let shown = n.min(max.max(1));
    let mut out = String::new();
    for (i, item) in items[..shown].iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == shown && shown == n {
                " and "
            } else {
                ", "
            });
        }
        out.push_str(item.as_ref());
    }
    if shown < n {
        out.push_str(&format!(" and {} more", n - shown));
    }
    out
}

/// `'title'`: how findings quote an activity or group; a title with an apostrophe or quote of
/// its own (`'Not for sale' campaign`) goes in double quotes, so quotes are never doubled.
pub(super) fn quote(s: &str) -> String {
    if s.contains('\'') {
        format!("\u{201c}{s}\u{201d}")
    } else {
        format!("'{s}'")
    }
}

/// "1 activity", "3 activities".
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins() {
        assert_eq!(join::<&str>(&[], 3), "");
        assert_eq!(join(&["a"], 3), "a");
        assert_eq!(join(&["a", "b"], 3), "a and b");
        assert_eq!(join(&["a", "b", "c"], 3), "a, b and c");
        assert_eq!(join(&["a", "b", "c", "d", "e"], 3), "a, b, c and 2 more");
    }

    #[test]
    fn quotes_are_never_doubled() {
        assert_eq!(quote("Raids"), "'Raids'");
        assert_eq!(
            quote("'Not for sale' campaign"),
            "\u{201c}'Not for sale' campaign\u{201d}"
        );
    }
}
