//! The built-in activity catalogue (`assets/catalogue.ron`): it parses, covers the whole quadrant
//! chart, and every template is complete and makes the activity it promises.

#![expect(
    clippy::panic,
    reason = "test helpers: a failed unwrap or a panic is a failed test"
)]

use std::collections::HashSet;

use peaceops::model::{ActivityId, Catalogue, Quadrant, Scenario, Template, TemplateId, validate};

fn catalogue() -> &'static Catalogue {
    match Catalogue::builtin() {
        Ok(c) => c,
        Err(e) => panic!("the built-in catalogue does not parse: {e}"),
    }
}

fn name(t: &Template) -> String {
    format!("template {:?}", t.id.as_str())
}

/// The paper's §III examples, each with the template that carries it and the quadrant the paper
/// puts it in (Figure 1): the catalogue must keep every one of them, where the paper puts it.
const PAPER_EXAMPLES: &[(&str, Quadrant)] = &[
    ("executive-policing", Quadrant::DirectConsequences),
    ("joint-police-operations", Quadrant::DirectConsequences),
    ("police-vetting", Quadrant::DirectConsequences),
    ("robust-gang-operations", Quadrant::DirectConsequences),
    ("border-counter-trafficking", Quadrant::DirectConsequences),
    ("resource-ban-monitoring", Quadrant::DirectConsequences),
    ("military-law-enforcement", Quadrant::DirectConsequences),
    ("counternarcotics-raids", Quadrant::DirectConsequences),
    ("international-investigations", Quadrant::DirectConsequences),
    (
        "international-prosecution-trials",
        Quadrant::DirectConsequences,
    ),
    ("host-police-training", Quadrant::IndirectConsequences),
    ("justice-capacity-building", Quadrant::IndirectConsequences),
    ("border-agency-support", Quadrant::IndirectConsequences),
    ("interdiction-support", Quadrant::IndirectConsequences),
    ("clearing-house", Quadrant::IndirectConsequences),
    ("public-campaign", Quadrant::DirectDrivers),
    ("gang-ddr", Quadrant::DirectDrivers),
    ("police-corruption", Quadrant::DirectDrivers),
    ("quick-impact-projects", Quadrant::DirectDrivers),
    ("anti-corruption-support", Quadrant::IndirectDrivers),
    ("rule-of-law-human-rights", Quadrant::IndirectDrivers),
    ("media-public-debate", Quadrant::IndirectDrivers),
    ("community-resilience", Quadrant::IndirectDrivers),
];

#[test]
fn the_papers_examples_each_have_a_template_in_the_papers_quadrant() {
    let cat = catalogue();
    for (id, quadrant) in PAPER_EXAMPLES {
        let t = cat
            .get(&TemplateId::from(*id))
            .unwrap_or_else(|| panic!("no template {id:?} for a §III example"));
        assert_eq!(
            Quadrant::of(t.x, t.y),
            *quadrant,
            "{} sits in the wrong quadrant",
            name(t)
        );
        // Community resilience is told in §V (UNDP and UN-Habitat); the rest in §III.
        let told_in = if *id == "community-resilience" {
            "§V"
        } else {
            "§III"
        };
        assert!(
            t.section.contains(told_in),
            "{} cites {:?}",
            name(t),
            t.section
        );
    }
}

#[test]
fn has_at_least_24_templates() {
    let n = catalogue().templates.len();
    assert!(n >= 24, "only {n} templates; expected at least 24");
}

#[test]
fn template_ids_are_unique_and_well_formed() {
    let mut seen = HashSet::new();
    for t in &catalogue().templates {
        let id = t.id.as_str();
        assert!(
            !id.trim().is_empty() && !id.chars().any(char::is_whitespace),
            "{}: id must be non-empty and without spaces",
            name(t)
        );
        assert!(seen.insert(id), "{}: id used twice", name(t));
    }
}

#[test]
fn get_finds_every_template_and_nothing_else() {
    let cat = catalogue();
    for t in &cat.templates {
        assert_eq!(cat.get(&t.id), Some(t), "{}", name(t));
    }
    assert_eq!(cat.get(&TemplateId::from("no-such-template")), None);
}

#[test]
fn covers_all_four_quadrants() {
    let covered: HashSet<Quadrant> = catalogue()
        .templates
        .iter()
        .map(Template::quadrant)
        .collect();
    for q in Quadrant::ALL {
        assert!(covered.contains(q), "no template in quadrant {q}");
    }
}

#[test]
fn positions_are_within_the_chart_and_off_the_axes() {
    for t in &catalogue().templates {
        for (axis, v) in [("x", t.x), ("y", t.y)] {
            assert!(
                v.is_finite() && (-1.0..=1.0).contains(&v),
                "{}: {axis} = {v} is outside [-1, 1]",
                name(t)
            );
            assert!(
                v != 0.0,
                "{}: {axis} = 0 puts it on an axis, so its quadrant is ambiguous",
                name(t)
            );
        }
    }
}

#[test]
fn every_template_is_complete() {
    for t in &catalogue().templates {
        let n = name(t);
        assert!(!t.title.trim().is_empty(), "{n}: empty title");
        assert!(!t.what.trim().is_empty(), "{n}: empty `what`");
        assert!(!t.why.is_empty(), "{n}: empty `why`");
        for c in &t.why {
            assert!(!c.text.trim().is_empty(), "{n}: an empty `why` sentence");
        }
        assert!(!t.section.trim().is_empty(), "{n}: empty section");
        assert!(!t.kinds.is_empty(), "{n}: no kind tags");
        for m in t.missions() {
            assert!(!m.trim().is_empty(), "{n}: an empty mission name");
        }
    }
}

#[test]
fn instantiate_gives_the_templates_activity() {
    for (i, t) in catalogue().templates.iter().enumerate() {
        let id = ActivityId::from(format!("act-{i}"));
        let a = t.instantiate(id.clone());
        let n = name(t);
        assert_eq!(a.id, id, "{n}: activity id");
        assert_eq!(a.template.as_ref(), Some(&t.id), "{n}: template id");
        assert_eq!(a.title, t.title, "{n}: title");
        assert_eq!(a.x, t.x, "{n}: x");
        assert_eq!(a.y, t.y, "{n}: y");
        assert_eq!(a.kinds, t.kinds, "{n}: kinds");
        assert_eq!(a.markets, t.markets, "{n}: markets");
        assert_eq!(a.quadrant(), t.quadrant(), "{n}: quadrant");
        assert_eq!(a.mission, None, "{n}: no mission chosen yet");
        assert!(a.is_live(), "{n}: a new activity is live");
    }
}

#[test]
fn a_scenario_of_every_template_validates() {
    let cat = catalogue();
    let mut s = Scenario::new("Every template");
    for (i, t) in cat.templates.iter().enumerate() {
        s.activities
            .push(t.instantiate(ActivityId::from(format!("act-{i}"))));
    }
    let problems = validate(&s, Some(cat));
    assert!(problems.is_empty(), "{problems:#?}");
    let counts = s.quadrant_counts();
    assert!(counts.iter().all(|c| *c > 0), "quadrant counts {counts:?}");
    assert_eq!(counts.iter().sum::<usize>(), cat.templates.len());
}

#[test]
fn search_matches_titles_and_empty_query_matches_all() {
    for t in &catalogue().templates {
        assert!(t.matches(""), "{}", name(t));
        assert!(t.matches(&t.title), "{}", name(t));
        assert!(
            t.matches(&t.title.to_uppercase()),
            "{}: case matters",
            name(t)
        );
    }
}

#[test]
fn search_leaves_out_what_does_not_match() {
    let cat = catalogue();
    let hits = |q: &str| -> Vec<&str> {
        cat.templates
            .iter()
            .filter(|t| t.matches(q))
            .map(|t| t.id.as_str())
            .collect()
    };
    assert!(hits("zzqxw").is_empty(), "{:?}", hits("zzqxw"));
    let ddr = hits("gangs DDR");
    assert!(ddr.contains(&"gang-ddr"), "{ddr:?}");
    assert!(!ddr.contains(&"executive-policing"), "{ddr:?}");
    assert!(ddr.len() < cat.templates.len() / 4, "{ddr:?}");
    // Every word must match: one word that matches nothing empties the result.
    assert!(hits("DDR zzqxw").is_empty(), "{:?}", hits("DDR zzqxw"));
}
