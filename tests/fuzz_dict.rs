//! The fuzzer's dictionary (`fuzz/load.dict`) stays complete: it names every variant of every
//! enum a scenario file holds, every field name the shipped and test files use, and every rule id
//! a checklist key can carry. Without those tokens libFuzzer rarely builds a file that gets past
//! the first field, and the rules and sentences behind it go unfuzzed.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::collections::BTreeSet;
use std::path::Path;

use peaceops::model::{
    ActivityKind, ActivityStatus, ActorKind, Approach, Capability, Capacity, CheckStatus, Consent,
    Governance, HandoverScope, JusticeChain, JusticeLink, Level, Market, MissionKind, Organization,
    PeaceRole, RegionKind, Resource, StateRelation,
};
use peaceops::rules::RuleId;

/// The dictionary's entries, unquoted.
fn dictionary() -> BTreeSet<String> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/load.dict"))
            .unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('"') && l.ends_with('"') && l.len() >= 2)
        .map(|l| {
            l[1..l.len() - 1]
                .replace("\\\"", "\"")
                .replace("\\\\", "\\")
        })
        .collect()
}

/// A variant's name as it is written in a file.
fn names<T: serde::Serialize>(all: &[T]) -> Vec<String> {
    all.iter().map(|v| ron::to_string(v).unwrap()).collect()
}

fn variant_names() -> Vec<String> {
    let mut v = Vec::new();
    v.extend(names(ActivityKind::ALL));
    v.extend(names(ActivityStatus::ALL));
    v.extend(names(ActorKind::ALL));
    v.extend(names(CheckStatus::ALL));
    v.extend(names(StateRelation::ALL));
    v.extend(names(PeaceRole::ALL));
    v.extend(names(Market::ALL));
    v.extend(names(Approach::ALL));
    v.extend(names(Governance::ALL));
    v.extend(names(Consent::ALL));
    v.extend(names(JusticeLink::ALL));
    v.extend(names(RegionKind::ALL));
    v.extend(names(Resource::ALL));
    v.extend(names(Organization::ALL));
    v.extend(names(MissionKind::ALL));
    v.extend(names(Capability::ALL));
    v.extend(names(HandoverScope::ALL));
    v.extend(names(Level::ALL));
    v.extend(names(Capacity::ALL));
    v
}

/// Field names (`name:`) used in the shipped scenarios and the format test files.
fn field_names() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = BTreeSet::new();
    for dir in ["scenarios", "tests/formats"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                // Strings may hold "word:" too; only look before the first quote.
                let code = line.split('"').next().unwrap_or("");
                for piece in code.split(['(', ',', ' ']) {
                    if let Some(name) = piece.strip_suffix(':')
                        && !name.is_empty()
                        && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    {
                        out.insert(name.to_owned());
                    }
                }
            }
        }
    }
    // The justice chain's links are fields too.
    let chain = ron::to_string(&JusticeChain::default()).unwrap();
    for piece in chain.split(['(', ',', ')']) {
        if let Some((name, _)) = piece.split_once(':') {
            out.insert(name.trim().to_owned());
        }
    }
    out
}

#[test]
fn the_fuzz_dictionary_names_every_variant_field_and_rule() {
    let dict = dictionary();
    let mut wanted: Vec<String> = variant_names();
    wanted.extend(field_names());
    wanted.extend(RuleId::ALL.iter().map(|r| r.as_str().to_owned()));
    let missing: BTreeSet<String> = wanted.into_iter().filter(|w| !dict.contains(w)).collect();
    assert!(
        missing.is_empty(),
        "add these lines to fuzz/load.dict:\n{}",
        missing
            .iter()
            .map(|m| format!("\"{m}\""))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
