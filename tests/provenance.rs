//! Provenance keeps PeaceOps honest (issue 16): every catalogue template and every shipped
//! scenario says where its facts come from; every section cited exists in the paper; words
//! presented as the paper's own (in single quotes) are short and on one list, which was checked
//! by hand, phrase by phrase, against the paper's text (the paper itself is not in the
//! repository, so CI checks the shipped texts against this list instead); and the
//! misattributions found in the review of issue 16 do not come back.

#![expect(
    clippy::panic,
    reason = "test helpers: a file that does not load is a failed test"
)]

use std::path::Path;

use peaceops::io::{REFERENCES, load};
use peaceops::model::SourcedText;
use peaceops::model::{
    Basis, Catalogue, Claim, Scenario, Source, section_exists, section_references,
};
use peaceops::rules::RiskCatalogue;

/// Every phrase shipped texts present as the paper's own words, in single quotes. Each was
/// checked once by hand against `shared/seeds/sipri-peace-operations-organized-crime.txt`
/// (issue 16): it occurs there verbatim. Add a phrase here only after checking it the same way.
const PAPER_QUOTES: &[&str] = &[
    "tackle the risk of a resurgence in gang violence",
    "reluctantly, unsystematically and belatedly",
    "not for sale",
    "ungoverned spaces",
    "war heroes",
    "virtually captured",
    "cannot be assumed",
    "outsourced",
    "criminal",
    "a ramshackle body of incongruent systems and outcomes",
    "hollowed out",
    "one-stop shop for rule of law issues",
    "frequently claimed",
    "partner",
];

/// The paper's title, which the scenario descriptions quote.
const PAPER_TITLE: &str = "Multilateral peace operations and the challenges of organized crime";

/// The longest phrase a text may present as quoted from the paper, in words.
const MAX_QUOTE_WORDS: usize = 10;

/// Phrases that attributed to the paper what it does not say, found in the review (issue 16).
const MISATTRIBUTIONS: &[&str] = &[
    "most common mission task",
    "the catalogue names",
    "no mechanism oversaw",
    "with UNDP and UN-Habitat)",
    "implicated in drug trafficking (§IV)",
    "the last link of the chain is the most often forgotten",
    "a cheap, useful role",
    "organized crime, armed conflict and violent extremism form a nexus",
];

fn catalogue() -> &'static Catalogue {
    Catalogue::builtin().unwrap_or_else(|e| panic!("{e}"))
}

fn scenarios() -> Vec<(String, Scenario)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    REFERENCES
        .iter()
        .map(|r| {
            let s = load(&dir.join(r.file)).unwrap_or_else(|e| panic!("{e}"));
            (r.file.to_owned(), s)
        })
        .collect()
}

/// The single-quoted spans of a text: a quote opens at `'` after a space, `(` or the start,
/// and closes at the next `'` that is followed by a space, punctuation or the end (so the
/// apostrophes of "UNMIK's" or "Côte d'Ivoire" open nothing).
fn quotes(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let opens = bytes[i] == b'\''
            && (i == 0 || matches!(bytes[i - 1], b' ' | b'(' | b'\n'))
            && bytes.get(i + 1).is_some_and(|b| *b != b' ');
        if opens {
            let start = i + 1;
            let mut j = start;
            let mut end = None;
            while j < bytes.len() {
                if bytes[j] == b'\'' && bytes.get(j + 1).is_none_or(|b| b" .,;:)!?\n".contains(b)) {
                    end = Some(j);
                    break;
                }
                j += 1;
            }
            if let Some(e) = end {
                out.push(&text[start..e]);
                i = e + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Every text PeaceOps ships, with where it is, for the checks on sections and quotes.
fn shipped_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for t in &catalogue().templates {
        let at = format!("catalogue {}", t.id.as_str());
        out.push((format!("{at} what"), t.what.clone()));
        out.push((format!("{at} section"), t.section.clone()));
        for c in &t.why {
            out.push((format!("{at} why"), c.text.clone()));
        }
    }
    if let Ok(risks) = RiskCatalogue::builtin() {
        for r in &risks.rules {
            let at = format!("risks.ron {:?}", r.id);
            for c in &r.paper {
                out.push((format!("{at} paper"), c.text.clone()));
            }
            out.push((format!("{at} explanation"), r.explanation.clone()));
            out.push((format!("{at} section"), r.section.clone()));
        }
    }
    for (file, s) in scenarios() {
        for t in s
            .sourced_texts()
            .into_iter()
            .chain(s.option_sourced_texts())
        {
            out.push((format!("{file} {}", t.place), t.text.to_owned()));
            for c in t.sources {
                out.push((format!("{file} {} source", t.place), c.text.clone()));
            }
        }
        for a in &s.activities {
            out.push((format!("{file} {} title", a.id.as_str()), a.title.clone()));
        }
    }
    out
}

fn check_source(at: &str, source: &Source) {
    if let Source::Paper(section) = source {
        assert!(
            !section.trim().is_empty(),
            "{at}: a paper source without section"
        );
        for s in source.sections() {
            assert!(
                section_exists(s),
                "{at}: cites {s:?}, not a section of the paper"
            );
        }
    }
}

#[test]
fn every_template_says_what_the_paper_says_and_what_is_reasoning() {
    for t in &catalogue().templates {
        let at = format!("template {}", t.id.as_str());
        assert!(
            t.why.iter().any(|c| matches!(c.source, Source::Paper(_))),
            "{at}: no sentence of the explanation paraphrases the paper"
        );
        for c in &t.why {
            check_source(&at, &c.source);
            if matches!(c.source, Source::GeneralKnowledge | Source::Invented) {
                panic!("{at}: a template's explanation is the paper's or PeaceOps's reasoning");
            }
        }
        // A mission the paper names for the activity is named in a sentence from the paper.
        for m in &t.paper_missions {
            assert!(
                t.why
                    .iter()
                    .any(|c| matches!(c.source, Source::Paper(_)) && c.text.contains(m.as_str())),
                "{at}: {m} is listed as named by the paper, but no paper sentence names it"
            );
            assert!(
                !t.other_missions.contains(m),
                "{at}: {m} listed twice, as the paper's and as another example"
            );
        }
        // Recommendations cite §VI or the paper's call for cooperation in §V.
        if t.basis == Basis::Recommendation {
            assert!(
                t.why.iter().any(|c| c
                    .source
                    .sections()
                    .iter()
                    .any(|s| { s.starts_with("§VI") || s.starts_with("§V") })),
                "{at}: a recommendation with no §V/§VI sentence"
            );
        }
    }
}

#[test]
fn templates_resting_on_a_recommendation_say_so() {
    for id in [
        "political-economy-analysis",
        "local-governance-periphery",
        "regional-cooperation",
    ] {
        let t = catalogue()
            .templates
            .iter()
            .find(|t| t.id.as_str() == id)
            .unwrap_or_else(|| panic!("no template {id}"));
        assert_eq!(t.basis, Basis::Recommendation, "{id}");
    }
}

#[test]
fn every_scenario_entity_with_facts_says_where_they_come_from() {
    for (file, s) in scenarios() {
        let mut entities: Vec<(String, &str, &[Claim])> = vec![(
            "host".to_owned(),
            s.host.notes.as_str(),
            s.host.sources.as_slice(),
        )];
        for g in &s.groups {
            entities.push((g.id.as_str().to_owned(), &g.notes, &g.sources));
        }
        for a in &s.actors {
            entities.push((a.id.as_str().to_owned(), &a.notes, &a.sources));
        }
        for a in &s.activities {
            entities.push((a.id.as_str().to_owned(), &a.notes, &a.sources));
        }
        for m in &s.missions {
            // Every mission named carries provenance, notes or not.
            assert!(
                !m.sources.is_empty(),
                "{file}: mission {} says nowhere where it comes from",
                m.id.as_str()
            );
            entities.push((m.id.as_str().to_owned(), &m.notes, &m.sources));
        }
        for (id, notes, sources) in entities {
            let at = format!("{file} {id}");
            if !notes.trim().is_empty() {
                assert!(!sources.is_empty(), "{at}: notes without sources");
            }
            for c in sources {
                assert!(!c.text.trim().is_empty(), "{at}: an empty claim");
                check_source(&at, &c.source);
                assert!(
                    c.source != Source::Reasoning,
                    "{at}: scenario facts are the paper's, general knowledge or invented"
                );
            }
        }
    }
}

#[test]
fn every_section_cited_exists_in_the_paper() {
    for (at, text) in shipped_texts() {
        for r in section_references(&text) {
            assert!(
                section_exists(r),
                "{at}: cites {r:?}, not a section of the paper"
            );
        }
    }
}

#[test]
fn quoted_words_of_the_paper_are_short_and_on_the_checked_list() {
    let mut used = Vec::new();
    for (at, text) in shipped_texts() {
        for q in quotes(&text) {
            if q.eq_ignore_ascii_case(PAPER_TITLE) {
                continue;
            }
            assert!(
                q.split_whitespace().count() <= MAX_QUOTE_WORDS,
                "{at}: the quote '{q}' is longer than {MAX_QUOTE_WORDS} words"
            );
            assert!(
                PAPER_QUOTES.iter().any(|p| p.eq_ignore_ascii_case(q)),
                "{at}: '{q}' is presented as the paper's words but is not on the checked list \
                 (check it against the paper, then add it to PAPER_QUOTES)"
            );
            used.push(q.to_owned());
        }
    }
    assert!(used.len() >= 5, "the quote finder found only {used:?}");
}

#[test]
fn the_misattributions_of_the_review_stay_fixed() {
    for (at, text) in shipped_texts() {
        let lower = text.to_lowercase();
        for bad in MISATTRIBUTIONS {
            assert!(
                !lower.contains(&bad.to_lowercase()),
                "{at}: says {bad:?}, which the paper does not"
            );
        }
    }
}

#[test]
fn the_quote_finder_skips_apostrophes() {
    assert_eq!(
        quotes("UNMIK's 'not for sale' campaign in Côte d'Ivoire, the 'war heroes'."),
        vec!["not for sale", "war heroes"]
    );
    assert_eq!(quotes("the panels' findings"), Vec::<&str>::new());
}

#[test]
fn misahel_is_a_mission_in_mali() {
    let (_, mali) = scenarios()
        .into_iter()
        .find(|(f, _)| f.contains("mali"))
        .unwrap_or_else(|| panic!("no Mali scenario"));
    assert!(
        mali.missions
            .iter()
            .any(|m| m.short_name().contains("MISAHEL")),
        "MISAHEL, a Figure 2 peace operation, should be a mission"
    );
    assert!(
        !mali.actors.iter().any(|a| a.name.contains("MISAHEL")),
        "MISAHEL should not be an actor"
    );
}

#[test]
fn every_scenario_text_with_facts_says_where_it_comes_from() {
    for (file, s) in scenarios() {
        let mut texts = s.sourced_texts();
        texts.extend(s.option_sourced_texts());
        let place = |t: &SourcedText<'_>| format!("{file} {}", t.place);
        // The texts that were prose only before: the description, handover notes, regions
        // and custom checklist notes, as well as every entity's notes.
        for t in &texts {
            assert!(!t.sources.is_empty(), "{}: facts without sources", place(t));
            for c in t.sources {
                assert!(!c.text.trim().is_empty(), "{}: an empty claim", place(t));
                check_source(&place(t), &c.source);
            }
        }
        let described = texts.iter().find(|t| t.place == "description");
        assert!(
            described.is_some_and(|t| t.sources.len() >= 5
                && t.sources
                    .iter()
                    .any(|c| matches!(c.source, Source::Paper(_)))
                && t.sources.iter().any(|c| c.source == Source::Invented)),
            "{file}: the description's sources should say what is the paper's and what is invented"
        );
        for r in &s.host.regions {
            assert!(
                !r.sources.is_empty(),
                "{file}: region {} says nowhere where it comes from",
                r.id.as_str()
            );
        }
    }
}

#[test]
fn what_the_paper_says_about_each_risk_is_sourced_sentence_by_sentence() {
    let risks = RiskCatalogue::builtin().unwrap_or_else(|e| panic!("{e}"));
    for r in &risks.rules {
        let at = format!("risks.ron {}", r.id);
        assert!(r.paper.len() >= 2, "{at}: two sentences or more");
        assert!(
            r.paper.iter().any(|c| matches!(c.source, Source::Paper(_))),
            "{at}: no sentence from the paper"
        );
        for c in &r.paper {
            check_source(&at, &c.source);
            assert!(
                matches!(c.source, Source::Paper(_) | Source::Reasoning),
                "{at}: {:?} is the paper's or PeaceOps's reasoning, nothing else",
                c.text
            );
            let t = c.text.trim();
            assert!(
                t.ends_with(['.', '!', '?']),
                "{at}: {t:?} is not a sentence"
            );
            // One sentence a claim: no full stop followed by a new sentence inside.
            let inner = &t[..t.len() - 1];
            let breaks = inner
                .match_indices(". ")
                .filter(|(i, _)| inner[i + 2..].starts_with(char::is_uppercase))
                .count();
            assert_eq!(breaks, 0, "{at}: {t:?} holds more than one sentence");
            // The section is on the claim, not in the text.
            assert!(
                !t.contains('§'),
                "{at}: {t:?} cites in its text; cite in its source"
            );
        }
    }
}

/// The paper's text, when it can be found: `PEACEOPS_PAPER`, or
/// `shared/seeds/sipri-peace-operations-organized-crime.txt` beside the repository or one of
/// its parents (the paper is not in the repository).
fn paper_text() -> Option<String> {
    const FILE: &str = "shared/seeds/sipri-peace-operations-organized-crime.txt";
    let candidates = std::env::var_os("PEACEOPS_PAPER")
        .map(std::path::PathBuf::from)
        .into_iter()
        .chain(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .map(|a| a.join(FILE)),
        );
    for c in candidates {
        if let Ok(text) = std::fs::read_to_string(&c) {
            return Some(text);
        }
    }
    None
}

/// Lower case, typographic quotes as plain ones, every run of white space one space.
fn normalised(text: &str) -> String {
    text.replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a section reference names a part the paper really has: its roman heading, the
/// numbered challenge ("First, …" to "Seventh, …" opening a paragraph of that section), the
/// conclusion's letter, the footnote or the figure.
fn in_paper(paper: &str, reference: &str) -> bool {
    const ROMAN: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];
    const ORDINALS: [&str; 7] = [
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh",
    ];
    let lines: Vec<&str> = paper.lines().collect();
    let heading = |r: &str| {
        lines
            .iter()
            .position(|l| l.trim_start().starts_with(&format!("{r}. ")))
    };
    let body = |r: &str| -> Option<String> {
        let start = heading(r)?;
        let next = ROMAN
            .iter()
            .skip_while(|x| **x != r)
            .nth(1)
            .and_then(|n| heading(n))
            .unwrap_or(lines.len());
        Some(lines[start..next].join("\n"))
    };
    let Some(rest) = reference.trim().strip_prefix('§') else {
        return false;
    };
    let (main, tail) = rest.split_once(' ').unwrap_or((rest, ""));
    let roman = main.find(['.', '(']).map_or(main, |i| &main[..i]);
    let Some(text) = body(roman) else {
        return false;
    };
    let sub = &main[roman.len()..];
    let sub_ok = if let Some(n) = sub.strip_prefix('.') {
        n.parse::<usize>()
            .ok()
            .and_then(|n| ORDINALS.get(n.wrapping_sub(1)))
            .is_some_and(|o| text.lines().any(|l| l.starts_with(&format!("{o}, "))))
    } else if sub.is_empty() {
        true
    } else {
        text.contains(&format!("{sub} "))
    };
    let tail_ok = if tail.is_empty() {
        true
    } else if let Some(n) = tail.strip_prefix("note ") {
        let superscript: String = n
            .chars()
            .map(|d| match d {
                '1' => '¹',
                '2' => '²',
                '3' => '³',
                d => char::from_u32(0x2070 + d.to_digit(10).unwrap_or(0)).unwrap_or(d),
            })
            .collect();
        paper
            .lines()
            .any(|l| l.starts_with(&format!("{superscript} ")))
    } else {
        text.contains(&format!("{tail}."))
    };
    sub_ok && tail_ok
}

/// Every source of every shipped text, with where it is.
fn all_sources() -> Vec<(String, Source)> {
    let mut out = Vec::new();
    for t in &catalogue().templates {
        for c in &t.why {
            out.push((format!("template {}", t.id.as_str()), c.source.clone()));
        }
    }
    for r in &RiskCatalogue::builtin()
        .unwrap_or_else(|e| panic!("{e}"))
        .rules
    {
        for c in &r.paper {
            out.push((format!("risks.ron {}", r.id), c.source.clone()));
        }
    }
    for (file, s) in scenarios() {
        for t in s
            .sourced_texts()
            .into_iter()
            .chain(s.option_sourced_texts())
        {
            for c in t.sources {
                out.push((format!("{file} {}", t.place), c.source.clone()));
            }
        }
    }
    out
}

#[test]
fn cited_sections_and_quoted_phrases_are_in_the_paper() {
    let Some(paper) = paper_text() else {
        eprintln!(
            "the paper is not beside the repository (set PEACEOPS_PAPER): sections and quotes \
             checked against the list only"
        );
        return;
    };
    let text = normalised(&paper);
    for &q in PAPER_QUOTES.iter().chain([&PAPER_TITLE]) {
        assert!(
            text.contains(&normalised(q)),
            "'{q}' is on the list of the paper's words but not in the paper"
        );
    }
    let mut cited = 0;
    for (at, source) in all_sources() {
        for s in source.sections() {
            assert!(
                in_paper(&paper, s),
                "{at}: cites {s}, which the paper does not have"
            );
            cited += 1;
        }
    }
    for (at, t) in shipped_texts() {
        for r in section_references(&t) {
            assert!(
                in_paper(&paper, r),
                "{at}: cites {r}, which the paper does not have"
            );
            cited += 1;
        }
    }
    assert!(cited > 100, "only {cited} citations found");
    // And the check itself tells sections that are there from ones that are not.
    for there in [
        "§I",
        "§IV.7",
        "§V.6",
        "§VI(e)",
        "§I note 1",
        "§III Figure 2",
        "§V note 51",
    ] {
        assert!(in_paper(&paper, there), "{there}");
    }
    for not_there in [
        "§VII",
        "§IV.8",
        "§V.7",
        "§VI(f)",
        "§II Figure 3",
        "§I note 60",
    ] {
        assert!(!in_paper(&paper, not_there), "{not_there}");
    }
}
