//! Small helpers to write findings' sentences: names of a scenario's entities, lists, counts.

use super::finding::{At, Finding};
use crate::model::Scenario;

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

/// Names entities of one scenario, as findings' sentences do.
pub(super) struct Names<'a>(pub(super) &'a Scenario);

impl Names<'_> {
    pub(super) fn mission(&self, i: u32) -> String {
        self.0
            .missions
            .get(i as usize)
            .map_or_else(|| "a mission".to_owned(), |m| m.describe())
    }
    pub(super) fn mission_short(&self, i: u32) -> String {
        self.0
            .missions
            .get(i as usize)
            .map_or_else(|| "a mission".to_owned(), |m| m.short_name().to_owned())
    }
    pub(super) fn activity(&self, i: u32) -> String {
        self.0
            .activities
            .get(i as usize)
            .map_or_else(|| "an activity".to_owned(), |a| quote(&a.title))
    }
    pub(super) fn group(&self, i: u32) -> String {
        self.0
            .groups
            .get(i as usize)
            .map_or_else(|| "a group".to_owned(), |g| quote(&g.name))
    }
    pub(super) fn region(&self, i: u32) -> String {
        self.0
            .host
            .regions
            .get(i as usize)
            .map_or_else(|| "a region".to_owned(), |r| r.name.clone())
    }
    pub(super) fn actor(&self, i: u32) -> String {
        self.0
            .actors
            .get(i as usize)
            .map_or_else(|| "an actor".to_owned(), |a| a.name.clone())
    }
    /// The text a placeholder's name of `a` is made of: two entities of a kind have the same
    /// name exactly when they have the same text (`None`: a missing group or activity), see
    /// `placeholder`.
    fn name_text(&self, a: At) -> Option<&str> {
        let i = a.ix() as usize;
        let s = self.0;
        match a {
            // Names written as they are: a missing one is named by its placeholder.
            At::Mission(_) => Some(s.missions.get(i).map_or("a mission", |m| m.short_name())),
            At::Actor(_) => Some(s.actors.get(i).map_or("an actor", |a| a.name.as_str())),
            At::Region(_) => Some(
                s.host
                    .regions
                    .get(i)
                    .map_or("a region", |r| r.name.as_str()),
            ),
            At::Link(l) => Some(l.label()),
            // Names in quotes: no title's quote is the unquoted placeholder of a missing one.
            At::Group(_) => s.groups.get(i).map(|g| g.name.as_str()),
            At::Activity(_) => s.activities.get(i).map(|a| a.title.as_str()),
        }
    }
    pub(super) fn host(&self) -> &str {
        if self.0.host.name.is_empty() {
            "the host state"
        } else {
            &self.0.host.name
        }
    }

    /// The names of the entities of one kind in a list, at most `max` of them, then "and N more".
    /// Only the names shown are made: a finding can name every activity of a large scenario.
    pub(super) fn list(
        &self,
        items: &[At],
        kind: fn(&At) -> bool,
        name: impl Fn(&At) -> String,
        max: usize,
    ) -> String {
        let total = count_of(items, kind);
        let names: Vec<String> = items
            .iter()
            .filter(|a| kind(a))
            .take(max)
            .map(name)
            .collect();
        match total - names.len() {
            0 => join(&names, max),
            rest => format!("{} and {rest} more", names.join(", ")),
        }
    }
    pub(super) fn activities(&self, items: &[At]) -> String {
        self.list(items, is_activity, |a| self.activity(a.ix()), LIST)
    }
    pub(super) fn groups(&self, items: &[At]) -> String {
        self.list(items, is_group, |a| self.group(a.ix()), LIST)
    }
    pub(super) fn regions(&self, items: &[At]) -> String {
        self.list(items, is_region, |a| self.region(a.ix()), LIST)
    }
    pub(super) fn missions(&self, items: &[At], max: usize) -> String {
        self.list(items, is_mission, |a| self.mission(a.ix()), max)
    }
}

pub(super) fn count_of(items: &[At], kind: fn(&At) -> bool) -> usize {
    items.iter().filter(|a| kind(a)).count()
}

pub(super) fn is_activity(a: &At) -> bool {
    matches!(a, At::Activity(_))
}

pub(super) fn is_group(a: &At) -> bool {
    matches!(a, At::Group(_))
}

pub(super) fn is_region(a: &At) -> bool {
    matches!(a, At::Region(_))
}

pub(super) fn is_mission(a: &At) -> bool {
    matches!(a, At::Mission(_))
}

pub(super) fn is_actor(a: &At) -> bool {
    matches!(a, At::Actor(_))
}

/// "16,000".
pub(super) fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "on 'A' and in Mitrovica": what two missions share.
pub(super) fn places(n: &Names<'_>, items: &[At]) -> String {
    let (groups, regions) = (n.groups(items), n.regions(items));
    match (groups.is_empty(), regions.is_empty()) {
        (false, true) => format!("on {groups}"),
        (true, false) => format!("in {regions}"),
        _ => format!("on {groups} and in {regions}"),
    }
}

/// Fills a mitigation's placeholders with the finding's entities: `{missions}`, `{groups}`,
/// `{activities}`, `{actors}` name those of its subject (else those it involves), `{subject}`
/// its whole subject; `{groups|the groups}` gives the words to use when there are none.
pub(super) fn fill(template: &str, f: &Finding, s: &Scenario) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &rest[open + 1..open + close];
        let (what, fallback) = inner.split_once('|').unwrap_or((inner, "the plan"));
        match placeholder(what, f, s) {
            Some(names) if !names.is_empty() => out.push_str(&names),
            Some(_) => out.push_str(fallback),
            None => out.push_str(&rest[open..=open + close]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The names for one placeholder; `None` if it is not one.
fn placeholder(what: &str, f: &Finding, s: &Scenario) -> Option<String> {
    let n = Names(s);
    let name = |a: &At| -> String {
        match a {
            At::Mission(i) => n.mission_short(*i),
            At::Group(i) => n.group(*i),
            At::Activity(i) => n.activity(*i),
            At::Actor(i) => n.actor(*i),
            At::Region(i) => n.region(*i),
            At::Link(l) => format!("the {} link", l.label()),
        }
    };
    let kind: fn(&At) -> bool = match what {
        "subject" => |_| true,
        "missions" => |a| matches!(a, At::Mission(_)),
        "groups" => |a| matches!(a, At::Group(_)),
        "activities" => |a| matches!(a, At::Activity(_)),
        "actors" => |a| matches!(a, At::Actor(_)),
        _ => return None,
    };
    let names: Vec<String> = f.subject.iter().filter(|a| kind(a)).map(name).collect();
    if !names.is_empty() || what == "subject" {
        return Some(join(&names, LIST));
    }
    // The involved entities of one kind, each name once. Two entities share a name exactly when
    // they share the text it is made of (the title a quote is made of, the short name, or the
    // placeholder for a missing one), so the texts are compared, borrowed, in a set (a finding
    // can name every activity of a large scenario); only the names shown are made.
    let mut seen: rustc_hash::FxHashSet<Option<&str>> = rustc_hash::FxHashSet::default();
    let mut distinct: Vec<&At> = Vec::new();
    for a in f.involved.iter().filter(|a| kind(a)) {
        if seen.insert(n.name_text(*a)) {
            distinct.push(a);
        }
    }
    let shown: Vec<String> = distinct.iter().take(LIST).map(|a| name(a)).collect();
    Some(match distinct.len() - shown.len() {
        0 => join(&shown, LIST),
        rest => format!("{} and {rest} more", shown.join(", ")),
    })
}

/// `text` with its first letter in upper case.
pub(super) fn capitalized(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

/// The verb in the singular or the plural: `verb(1, "targets", "target")`.
pub(super) fn verb(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands() {
        assert_eq!(super::thousands(16000), "16,000");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }

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

    #[test]
    fn placeholders_name_each_text_once_and_count_the_rest() {
        use crate::model::Activity;
        let mut s = Scenario::new("t");
        for (i, title) in ["Raids", "Raids", "Patrols", "Vetting", "Raids", "Training"]
            .iter()
            .enumerate()
        {
            s.activities.push(Activity::new(
                format!("a{i}").as_str().into(),
                *title,
                0.5,
                0.5,
            ));
        }
        let all: Vec<At> = (0..6).map(At::Activity).collect();
        // A mission's finding naming its activities, as `sovereignty-consent` does.
        let f = Finding::new(
            &[At::Mission(7)],
            all.clone(),
            super::super::engaging::probe(),
        );
        assert_eq!(
            fill("stop {activities|the work}", &f, &s),
            "stop 'Raids', 'Patrols', 'Vetting' and 1 more"
        );
        let f = Finding::new(
            &[At::Mission(7)],
            all[..2].to_vec(),
            super::super::engaging::probe(),
        );
        assert_eq!(fill("stop {activities}", &f, &s), "stop 'Raids'");
        // A missing activity is named once, by its placeholder.
        let f = Finding::new(
            &[At::Mission(7)],
            vec![At::Activity(40), At::Activity(41), At::Activity(0)],
            super::super::engaging::probe(),
        );
        assert_eq!(
            fill("stop {activities}", &f, &s),
            "stop an activity and 'Raids'"
        );
        let n = Names(&s);
        assert_eq!(n.activities(&all), "'Raids', 'Raids', 'Patrols' and 3 more");
    }
}
