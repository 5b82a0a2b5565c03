//! Rule behaviour that `tests/rules.rs` leaves out, pinned before the rule engine is restructured:
//!
//! - every capability need of `capability-gap`: which capabilities meet a tag done directly or
//!   through host capacity, each need fired when none is there and quiet for each one that is;
//! - the partner role counts as ties to officials for consent, and internal activities (conduct,
//!   coordination) are no intervention the host must consent to;
//! - large scenarios (past the sizes where the engine changes strategy: 4,000 activities, 256
//!   missions) give the same findings whatever the order of activities and missions.

mod common;

use std::collections::BTreeSet;

use common::{activity, base, group, mission};
use peaceops::model::{
    ActivityKind as K, Capability as C, Consent, MissionKind, Organization, PeaceRole, Scenario,
    StateRelation,
};
use peaceops::rules::{RuleId, evaluate};
use peaceops::synthetic::{Rng, Size, scenario};

const POLICE: &[C] = &[C::Police, C::FormedPoliceUnits, C::Gendarmerie];

/// The capability-gap table as the paper's division of labour reads it: a tag, done directly
/// (`true`) or through host capacity (`false`), the capabilities any one of which meets it, and
/// the words the sentence uses for it.
fn needs() -> Vec<(K, bool, Vec<C>, &'static str)> {
    let with = |base: &[C], more: &[C]| -> Vec<C> { base.iter().chain(more).copied().collect() };
    vec![
        (
            K::Policing,
            true,
            POLICE.to_vec(),
            "police (police, formed police units or gendarmerie)",
        ),
        (
            K::Arrest,
            true,
            POLICE.to_vec(),
            "police (police, formed police units or gendarmerie)",
        ),
        (
            K::Policing,
            false,
            with(POLICE, &[C::Training]),
            "police or trainers",
        ),
        (
            K::Arrest,
            false,
            with(POLICE, &[C::Training]),
            "police or trainers",
        ),
        (
            K::Raid,
            true,
            with(POLICE, &[C::Military]),
            "police or military",
        ),
        (
            K::Raid,
            false,
            with(POLICE, &[C::Military, C::Training]),
            "police, military or trainers",
        ),
        (
            K::Security,
            true,
            vec![C::Military, C::FormedPoliceUnits, C::Gendarmerie],
            "military or formed units",
        ),
        (
            K::Security,
            false,
            vec![C::Military, C::FormedPoliceUnits, C::Gendarmerie],
            "military or formed units",
        ),
        (
            K::Investigation,
            true,
            vec![C::Investigators],
            "investigators",
        ),
        (
            K::Investigation,
            false,
            vec![C::Investigators, C::Training],
            "investigators or trainers",
        ),
        (
            K::Prosecution,
            true,
            vec![C::Judicial],
            "prosecutors / judges",
        ),
        (
            K::Adjudication,
            true,
            vec![C::Judicial],
            "prosecutors / judges",
        ),
        (
            K::Prosecution,
            false,
            vec![C::Judicial, C::Training],
            "prosecutors / judges or trainers",
        ),
        (
            K::Adjudication,
            false,
            vec![C::Judicial, C::Training],
            "prosecutors / judges or trainers",
        ),
        (
            K::Corrections,
            true,
            vec![C::Corrections],
            "corrections officers",
        ),
        (
            K::Detention,
            true,
            vec![C::Corrections],
            "corrections officers",
        ),
        (
            K::Corrections,
            false,
            vec![C::Corrections, C::Training],
            "corrections officers or trainers",
        ),
        (
            K::Detention,
            false,
            vec![C::Corrections, C::Training],
            "corrections officers or trainers",
        ),
        (K::Border, true, vec![C::Border], "border management"),
        (
            K::Border,
            false,
            vec![C::Border, C::Training],
            "border specialists or trainers",
        ),
        (
            K::Analysis,
            true,
            vec![C::Analysis],
            "an intelligence / analysis cell",
        ),
        (
            K::Analysis,
            false,
            vec![C::Analysis, C::Training],
            "an analysis cell or trainers",
        ),
        (K::Training, true, vec![C::Training], "training teams"),
        (K::Training, false, vec![C::Training], "training teams"),
        (
            K::Vetting,
            true,
            with(POLICE, &[C::Investigators]),
            "police or investigators",
        ),
        (
            K::Vetting,
            false,
            with(POLICE, &[C::Investigators, C::Training]),
            "police, investigators or trainers",
        ),
        (
            K::ResourceMonitoring,
            true,
            vec![C::Military, C::Border, C::Analysis],
            "military, border or analysis capability",
        ),
        (
            K::ResourceMonitoring,
            false,
            vec![C::Military, C::Border, C::Analysis, C::Training],
            "military, border, analysis capability or trainers",
        ),
    ]
}

/// One mission with `capabilities` doing one activity tagged `kind`, directly or not.
fn one_task(kind: K, direct: bool, capabilities: &[C]) -> Scenario {
    let mut s = base();
    let mut m = mission(
        "mis",
        MissionKind::Multidimensional,
        Organization::UnPko,
        "2005-01",
        None,
    );
    m.capabilities = capabilities.to_vec();
    s.missions.push(m);
    let y = if direct { 0.5 } else { -0.5 };
    s.activities.push(activity("task", "mis", -0.5, y, &[kind]));
    s
}

fn gap_messages(s: &Scenario) -> Vec<String> {
    evaluate(s)
        .iter()
        .filter(|f| f.rule == RuleId::CapabilityGap)
        .map(|f| f.message(s))
        .collect()
}

#[test]
fn every_capability_need_fires_without_it_and_is_met_by_each_capability_that_meets_it() {
    let table = needs();
    // Every need of the engine is in the table: 20 distinct wordings.
    let names: BTreeSet<&str> = table.iter().map(|n| n.3).collect();
    assert_eq!(names.len(), 20, "{names:?}");
    for (kind, direct, meets, name) in table {
        let how = if direct { "directly" } else { "indirectly" };
        // None of the capabilities that meet it: the gap fires and names the need.
        let others: Vec<C> = C::ALL
            .iter()
            .copied()
            .filter(|c| !meets.contains(c))
            .collect();
        let s = one_task(kind, direct, &others);
        let messages = gap_messages(&s);
        assert_eq!(
            messages.len(),
            1,
            "{kind:?} {how} with {others:?}: {messages:?}"
        );
        assert!(
            messages[0].contains(name),
            "{kind:?} {how}: the sentence should name {name:?}: {}",
            messages[0]
        );
        // Each capability that meets it, alone, silences it.
        for c in &meets {
            let s = one_task(kind, direct, &[*c]);
            assert!(
                gap_messages(&s).is_empty(),
                "{kind:?} {how} with only {c:?}: {:?}",
                gap_messages(&s)
            );
        }
    }
}

#[test]
fn tags_without_a_capability_need_never_make_a_gap() {
    let with_needs: BTreeSet<K> = needs().iter().map(|n| n.0).collect();
    for kind in K::ALL.iter().filter(|k| !with_needs.contains(k)) {
        for direct in [true, false] {
            let s = one_task(*kind, direct, &[]);
            assert!(
                gap_messages(&s).is_empty(),
                "{kind:?}: {:?}",
                gap_messages(&s)
            );
        }
    }
}

/// A host whose consent is complete, and one direct policing activity by a mission.
fn consent_case(role: PeaceRole, ties: bool, kinds: &[K]) -> Scenario {
    let mut s = base();
    s.host.consent = Consent::Full;
    s.missions.push(mission(
        "mis",
        MissionKind::Police,
        Organization::UnPko,
        "2005-01",
        None,
    ));
    let mut g = group("grp", "The cartel", StateRelation::Parasitic, role);
    g.ties_to_officials = ties;
    s.groups.push(g);
    s.activities.push(activity("act", "mis", -0.5, 0.5, kinds));
    s
}

fn fires(s: &Scenario, rule: RuleId) -> bool {
    evaluate(s).iter().any(|f| f.rule == rule)
}

#[test]
fn a_partner_group_without_ties_still_means_consent_cannot_be_assumed() {
    // §I: a partner has access to or control over the host government (Kosovo, Guinea-Bissau).
    let partner = consent_case(PeaceRole::Partner, false, &[K::Policing]);
    assert!(fires(&partner, RuleId::SovereigntyConsent));
    let finding = evaluate(&partner)
        .into_iter()
        .find(|f| f.rule == RuleId::SovereigntyConsent)
        .unwrap();
    assert!(
        finding.message(&partner).contains("The cartel"),
        "{}",
        finding.message(&partner)
    );
    for role in [PeaceRole::Spoiler, PeaceRole::Evader] {
        let s = consent_case(role, false, &[K::Policing]);
        assert!(!fires(&s, RuleId::SovereigntyConsent), "{role:?}");
    }
    // Ties alone do it for any role.
    let tied = consent_case(PeaceRole::Evader, true, &[K::Policing]);
    assert!(fires(&tied, RuleId::SovereigntyConsent));
}

#[test]
fn internal_activities_need_no_consent() {
    // Conduct and discipline, or coordination among missions, act on the mission itself.
    for internal in [
        vec![K::ConductDiscipline],
        vec![K::Coordination],
        vec![K::ConductDiscipline, K::Coordination],
    ] {
        let s = consent_case(PeaceRole::Partner, true, &internal);
        assert!(!fires(&s, RuleId::SovereigntyConsent), "{internal:?}");
    }
    // One outward tag among them makes it an intervention again.
    let s = consent_case(
        PeaceRole::Partner,
        true,
        &[K::ConductDiscipline, K::Policing],
    );
    assert!(fires(&s, RuleId::SovereigntyConsent));
}

// ---------------------------------------------------------------------------------------------
// Scale: order does not matter
// ---------------------------------------------------------------------------------------------

/// The findings, independent of the order things are listed in: their keys (rule and subject),
/// counted. (Sentences may quote the first of several activities as an example, so the entities
/// beyond the subject may differ with the order.)
fn signature(s: &Scenario) -> BTreeSet<(String, Vec<String>, usize)> {
    let mut counts = std::collections::BTreeMap::new();
    for f in evaluate(s) {
        let key = f.key(s);
        *counts.entry((key.rule, key.entities)).or_insert(0) += 1;
    }
    counts.into_iter().map(|((r, e), n)| (r, e, n)).collect()
}

/// The same scenario with its activities and missions in another order.
fn shuffled(s: &Scenario, seed: u64) -> Scenario {
    let mut t = s.clone();
    let mut rng = Rng::new(seed);
    for v in [&mut t.activities] {
        for i in (1..v.len()).rev() {
            v.swap(i, rng.below(i + 1));
        }
    }
    for i in (1..t.missions.len()).rev() {
        t.missions.swap(i, rng.below(i + 1));
    }
    for i in (1..t.groups.len()).rev() {
        t.groups.swap(i, rng.below(i + 1));
    }
    t
}

#[test]
fn large_scenarios_give_the_same_findings_in_any_order() {
    for size in [
        // Past the activity count where rules run on two cores.
        Size {
            activities: 4_500,
            missions: 50,
            groups: 100,
        },
        // Past the mission count where pairs are sorted instead of tabled.
        Size {
            activities: 1_200,
            missions: 300,
            groups: 40,
        },
    ] {
        let s = scenario(size, 11);
        let expected = signature(&s);
        assert!(
            expected.len() > 100,
            "{size:?}: only {} findings",
            expected.len()
        );
        for seed in [1, 2] {
            let t = shuffled(&s, seed);
            let got = signature(&t);
            if got != expected {
                let missing: Vec<_> = expected.difference(&got).take(3).collect();
                let extra: Vec<_> = got.difference(&expected).take(3).collect();
                panic!("{size:?}, order {seed}: missing {missing:?}, extra {extra:?}");
            }
        }
    }
}

/// Splitting a large scenario's activities into two files' worth and evaluating each half alone
/// finds, for per-activity rules, exactly the findings of the whole that concern that half.
#[test]
fn per_activity_findings_of_a_large_scenario_match_its_halves() {
    let s = scenario(
        Size {
            activities: 4_400,
            missions: 40,
            groups: 60,
        },
        5,
    );
    let per_activity = [RuleId::CapabilityGap, RuleId::BeforeMinimalSecurity];
    let pick = |s: &Scenario| -> BTreeSet<(String, Vec<String>)> {
        evaluate(s)
            .iter()
            .filter(|f| per_activity.contains(&f.rule))
            .map(|f| {
                let k = f.key(s);
                (k.rule, k.entities)
            })
            .collect()
    };
    let whole = pick(&s);
    let (mut a, mut b) = (s.clone(), s.clone());
    let half = s.activities.len() / 2;
    a.activities.truncate(half);
    b.activities.drain(..half);
    let mut halves = pick(&a);
    halves.extend(pick(&b));
    assert!(!whole.is_empty());
    assert_eq!(whole, halves);
}
