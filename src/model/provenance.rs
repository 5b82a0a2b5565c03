//! Provenance: where a claim shown by PeaceOps comes from. Students cite what the app shows
//! them, so every fact says whether the SIPRI paper makes it (and where), whether it is general
//! knowledge, whether it was invented for a scenario, or whether it is PeaceOps's own reasoning.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Scenario;

/// Where a claim comes from. In RON: `Paper("§V.6")`, `GeneralKnowledge`, `Invented`,
/// `Reasoning`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    /// The SIPRI background paper, at a section such as `"§III"`, `"§IV.6"`, `"§V.6"`,
    /// `"§VI(e)"`, `"§I note 1"` or `"§II Figure 1"` (see [`section_exists`]).
    Paper(String),
    /// Public record or general knowledge: true as far as PeaceOps knows, but not in the paper.
    GeneralKnowledge,
    /// Invented for a scenario where the paper is silent (plausible, not a fact).
    Invented,
    /// PeaceOps's own reasoning or advice, not a claim of the paper.
    Reasoning,
}

impl Source {
    /// A short badge text: "paper §V", "general knowledge", "invented", "PeaceOps".
    pub fn badge(&self) -> String {
        match self {
            Source::Paper(section) => format!("paper {section}"),
            Source::GeneralKnowledge => "general knowledge".to_owned(),
            Source::Invented => "invented".to_owned(),
            Source::Reasoning => "PeaceOps".to_owned(),
        }
    }

    /// A sentence saying what the badge means, for hover texts.
    pub fn meaning(&self) -> String {
        match self {
            Source::Paper(section) => format!(
                "The SIPRI background paper says this ({section}), here in PeaceOps's words."
            ),
            Source::GeneralKnowledge => {
                "General knowledge or public record: not from the SIPRI paper.".to_owned()
            }
            Source::Invented => {
                "Invented for this scenario where the paper is silent: plausible, not a fact."
                    .to_owned()
            }
            Source::Reasoning => {
                "PeaceOps's own reasoning or advice: not a claim of the SIPRI paper.".to_owned()
            }
        }
    }

    /// A stable id for exports: `paper`, `general-knowledge`, `invented`, `reasoning`.
    pub fn kind_id(&self) -> &'static str {
        match self {
            Source::Paper(_) => "paper",
            Source::GeneralKnowledge => "general-knowledge",
            Source::Invented => "invented",
            Source::Reasoning => "reasoning",
        }
    }

    /// The paper sections cited, if it is the paper (a comma-separated list is split).
    pub fn sections(&self) -> Vec<&str> {
        match self {
            Source::Paper(s) => s.split(',').map(str::trim).collect(),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.badge())
    }
}

/// One claim with its source: a sentence shown to the user, or a short fact an entity's notes
/// rest on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The claim, in PeaceOps's words (quoted words of the paper in single quotes).
    pub text: String,
    /// Where it comes from.
    pub source: Source,
}

/// One text of a scenario with the claims it rests on: what a report or a provenance check
/// walks through ([`Scenario::sourced_texts`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcedText<'s> {
    /// What the text is, for people: "description", "host notes", "mission UNMIK handover
    /// notes", "region Pristina", "checklist item q-1 note".
    pub place: String,
    /// The id of the entity the text belongs to, if it belongs to one.
    pub id: Option<&'s str>,
    /// The text itself (a region's name, for a region).
    pub text: &'s str,
    /// Where its facts come from; empty when no one said.
    pub sources: &'s [Claim],
}

impl Scenario {
    /// Every text of the scenario that carries facts, with its sources, in file order: the
    /// description, the host's notes, each region, each crime group's, mission's (and its
    /// handover's), actor's and activity's notes, each custom checklist item's note, and the
    /// current option's rationale: what a debrief of the current option shows. Texts that are
    /// empty and have no sources are left out. The other options' texts are
    /// [`Self::option_sourced_texts`].
    pub fn sourced_texts(&self) -> Vec<SourcedText<'_>> {
        let mut out = Vec::new();
        let o = &mut out;
        push(
            o,
            "description".into(),
            None,
            &self.description,
            &self.description_sources,
        );
        push(
            o,
            "host notes".into(),
            None,
            &self.host.notes,
            &self.host.sources,
        );
        for r in &self.host.regions {
            push(
                o,
                format!("region {}", r.name),
                Some(r.id.as_str()),
                &r.name,
                &r.sources,
            );
        }
        for g in &self.groups {
            let place = format!("crime group {} notes", g.name);
            push(o, place, Some(g.id.as_str()), &g.notes, &g.sources);
        }
        for m in &self.missions {
            let name = m.short_name();
            let id = Some(m.id.as_str());
            push(o, format!("mission {name} notes"), id, &m.notes, &m.sources);
            let place = format!("mission {name} handover notes");
            push(o, place, id, &m.handover.notes, &m.handover.sources);
        }
        for a in &self.actors {
            let place = format!("actor {} notes", a.name);
            push(o, place, Some(a.id.as_str()), &a.notes, &a.sources);
        }
        for a in &self.activities {
            let place = format!("activity {} notes", a.title);
            push(o, place, Some(a.id.as_str()), &a.notes, &a.sources);
        }
        for c in &self.checklist.custom {
            let place = format!("checklist item {} note", c.id.as_str());
            push(o, place, Some(c.id.as_str()), &c.note, &c.sources);
        }
        if let Some(opt) = self.current_option() {
            let place = format!("option {} rationale", opt.name);
            push(
                o,
                place,
                Some(opt.id.as_str()),
                &opt.rationale,
                &opt.sources,
            );
        }
        out
    }

    /// The texts of the mandate options that [`Self::sourced_texts`] leaves out (it has the
    /// current option's rationale): the other options' rationales, and every option's mission
    /// changes', activities' and custom items' notes, in file order.
    pub fn option_sourced_texts(&self) -> Vec<SourcedText<'_>> {
        let mut out = Vec::new();
        let o = &mut out;
        for opt in &self.options {
            let name = &opt.name;
            let id = Some(opt.id.as_str());
            if !self.is_current(&opt.id) {
                let place = format!("option {name} rationale");
                push(o, place, id, &opt.rationale, &opt.sources);
            }
            for change in &opt.missions {
                if let super::MissionChange::Add(m) | super::MissionChange::Change(m) = change {
                    let place = format!("option {name}: mission {} notes", m.short_name());
                    push(o, place, Some(m.id.as_str()), &m.notes, &m.sources);
                }
            }
            for a in &opt.activities {
                let place = format!("option {name}: activity {} notes", a.title);
                push(o, place, Some(a.id.as_str()), &a.notes, &a.sources);
            }
            for c in &opt.checklist.custom {
                let place = format!("option {name}: checklist item {} note", c.id.as_str());
                push(o, place, Some(c.id.as_str()), &c.note, &c.sources);
            }
        }
        out
    }
}

/// Adds a text unless it is empty and has no sources.
fn push<'s>(
    out: &mut Vec<SourcedText<'s>>,
    place: String,
    id: Option<&'s str>,
    text: &'s str,
    sources: &'s [Claim],
) {
    if !text.trim().is_empty() || !sources.is_empty() {
        out.push(SourcedText {
            place,
            id,
            text,
            sources,
        });
    }
}

/// The numbered challenges in the paper: §IV lists seven (first … seventh) potential
/// challenges, §V six challenges of cooperation between missions, §VI five requirements (a)–(e).
const NUMBERED: &[(&str, u8)] = &[("IV", 7), ("V", 6)];

/// Whether a section reference names a part of the paper: `§I` … `§VI`, `§IV.1` … `§IV.7`,
/// `§V.1` … `§V.6`, `§VI(a)` … `§VI(e)`, optionally followed by ` note N` (a footnote, 1–52)
/// or ` Figure 1` / ` Figure 2`.
pub fn section_exists(reference: &str) -> bool {
    let Some(rest) = reference.trim().strip_prefix('§') else {
        return false;
    };
    let (main, tail) = match rest.split_once(' ') {
        Some((m, t)) => (m, Some(t)),
        None => (rest, None),
    };
    let tail_ok = match tail {
        None => true,
        Some(t) => {
            if let Some(n) = t.strip_prefix("note ") {
                n.parse::<u8>().is_ok_and(|n| (1..=52).contains(&n))
            } else {
                matches!(t, "Figure 1" | "Figure 2")
            }
        }
    };
    let roman = main.find(['.', '(']).map_or(main, |i| &main[..i]);
    let sub = &main[roman.len()..];
    let main_ok = matches!(roman, "I" | "II" | "III" | "IV" | "V" | "VI")
        && if sub.is_empty() {
            true
        } else if let Some(n) = sub.strip_prefix('.') {
            let max = NUMBERED
                .iter()
                .find(|(r, _)| *r == roman)
                .map_or(0, |(_, m)| *m);
            n.parse::<u8>().is_ok_and(|n| n >= 1 && n <= max)
        } else {
            roman == "VI" && matches!(sub, "(a)" | "(b)" | "(c)" | "(d)" | "(e)")
        };
    tail_ok && main_ok
}

/// Every `§…` reference in a text, each as written up to the next comma, semicolon, closing
/// parenthesis that is not a §VI letter, or end of a sentence.
pub fn section_references(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('§') {
        let tail = &rest[i..];
        let mut end = tail.len();
        for (j, c) in tail.char_indices().skip(1) {
            let ok = c.is_ascii_alphanumeric()
                || c == '.' && tail[j + 1..].starts_with(|d: char| d.is_ascii_digit())
                || c == '(' && tail[..j].ends_with("VI")
                || c == ')'
                    && tail[..j].ends_with(|d: char| ('a'..='e').contains(&d))
                    && tail[..j].contains('(');
            if !ok {
                end = j;
                break;
            }
        }
        let mut r = &tail[..end];
        // " note N" and " Figure N" belong to the reference.
        for word in [" note ", " Figure "] {
            if tail[end..].starts_with(word) {
                let after = &tail[end + word.len()..];
                let digits = after.chars().take_while(char::is_ascii_digit).count();
                if digits > 0 {
                    r = &tail[..end + word.len() + digits];
                }
            }
        }
        out.push(r);
        rest = &tail[r.len().max('§'.len_utf8())..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_of_the_paper_exist_and_others_do_not() {
        for ok in [
            "§I",
            "§III",
            "§IV.1",
            "§IV.7",
            "§V.6",
            "§VI(a)",
            "§VI(e)",
            "§I note 1",
            "§II Figure 1",
        ] {
            assert!(section_exists(ok), "{ok}");
        }
        for bad in [
            "§VII",
            "§IV.8",
            "§V.7",
            "§VI(f)",
            "§III.1",
            "§II(a)",
            "IV",
            "§",
            "§I note 60",
        ] {
            assert!(!section_exists(bad), "{bad}");
        }
    }

    #[test]
    fn references_are_found_in_text() {
        assert_eq!(
            section_references("as §IV.6 says (§VI(b)); see §I note 1, and §V."),
            vec!["§IV.6", "§VI(b)", "§I note 1", "§V"]
        );
        assert_eq!(section_references("§III, §V"), vec!["§III", "§V"]);
    }
}
