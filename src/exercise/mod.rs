//! Running an exercise: an inject's effects become the editor's own edits, so delivering one is
//! an ordinary undoable change; a preview shows which risks an inject would raise and clear
//! before the room hears it; and a scenario can be replayed "after" any inject of the script.
//! No UI here: the console, the command line and the reports use the same functions.

pub mod cli;
pub mod msel;
mod summary;

pub use summary::{HotWash, Seen, Step, hot_wash};

use std::collections::{HashMap, HashSet};

use crate::model::{
    Delivery, DeliveryState, Edit, EditError, Effect, FindingKey, Inject, InjectId, RunId,
    Scenario, WallTime,
};
use crate::rules::{Finding, RuleId, evaluate};

/// Why an inject's effects cannot be applied; the scenario is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EffectError {
    /// An effect names a mission the scenario does not have.
    #[error("inject {inject}: no mission has the id {id:?}")]
    UnknownMission {
        /// The inject.
        inject: InjectId,
        /// The missing mission's id.
        id: String,
    },
    /// An effect names a group the scenario does not have.
    #[error("inject {inject}: no crime group has the id {id:?}")]
    UnknownGroup {
        /// The inject.
        inject: InjectId,
        /// The missing group's id.
        id: String,
    },
    /// The edit the effects make could not be applied (e.g. a new group's id is taken).
    #[error("inject {inject}: {error}")]
    Edit {
        /// The inject.
        inject: InjectId,
        /// What went wrong.
        error: EditError,
    },
}

/// The edits that carry out an inject's effects, as the editor would make them: the host, each
/// mission and each group touched become one replacement each, new groups one addition each.
/// Effects apply in order, so a later effect sees an earlier one's change.
pub fn effect_edits(s: &Scenario, inject: &Inject) -> Result<Vec<Edit>, EffectError> {
    let mut host = None;
    let mut missions: Vec<crate::model::Mission> = Vec::new();
    let mut groups: Vec<crate::model::CrimeGroup> = Vec::new();
    let mut added: Vec<crate::model::CrimeGroup> = Vec::new();

    macro_rules! mission {
        ($id:expr) => {{
            let id = $id;
            let at = match missions.iter().position(|m| &m.id == id) {
                Some(at) => at,
                None => {
                    let m = s.mission(id).ok_or_else(|| EffectError::UnknownMission {
                        inject: inject.id.clone(),
                        id: id.to_string(),
                    })?;
                    missions.push(m.clone());
                    missions.len() - 1
                }
            };
            &mut missions[at]
        }};
    }
    macro_rules! group {
        ($id:expr) => {{
            let id = $id;
            if let Some(at) = added.iter().position(|g| &g.id == id) {
                &mut added[at]
            } else {
                let at = match groups.iter().position(|g| &g.id == id) {
                    Some(at) => at,
                    None => {
                        let g = s.group(id).ok_or_else(|| EffectError::UnknownGroup {
                            inject: inject.id.clone(),
                            id: id.to_string(),
                        })?;
                        groups.push(g.clone());
                        groups.len() - 1
                    }
                };
                &mut groups[at]
            }
        }};
    }

    for effect in &inject.effects {
        match effect {
            Effect::SetConsent(c) => host.get_or_insert_with(|| s.host.clone()).consent = *c,
            Effect::SetPoliceTrust(l) => {
                host.get_or_insert_with(|| s.host.clone()).police_trust = *l;
            }
            Effect::SetMinimalSecurity(d) => {
                host.get_or_insert_with(|| s.host.clone()).minimal_security = *d;
            }
            Effect::EndMission { mission, end } => mission!(mission).end = Some(*end),
            Effect::RemoveCapability {
                mission,
                capability,
            } => mission!(mission).capabilities.retain(|c| c != capability),
            Effect::AddCapability {
                mission,
                capability,
            } => {
                let m = mission!(mission);
                if !m.capabilities.contains(capability) {
                    m.capabilities.push(*capability);
                }
            }
            Effect::HandoverDrops { mission, scope } => {
                mission!(mission).handover.covers.retain(|c| c != scope);
            }
            Effect::SetHandoverPlanned { mission, planned } => {
                mission!(mission).handover.planned = *planned;
            }
            Effect::SetIntelSharing {
                mission,
                with,
                shares,
            } => {
                if s.mission(with).is_none() {
                    return Err(EffectError::UnknownMission {
                        inject: inject.id.clone(),
                        id: with.to_string(),
                    });
                }
                let m = mission!(mission);
                m.intel_sharing.retain(|w| w != with);
                if *shares {
                    m.intel_sharing.push(with.clone());
                }
            }
            Effect::SetOversight { mission, oversight } => {
                mission!(mission).oversight = *oversight;
            }
            Effect::SetGroupRole { group, role } => group!(group).role = *role,
            Effect::SetGroupTies {
                group,
                ties_to_officials,
            } => group!(group).ties_to_officials = *ties_to_officials,
            Effect::SetGroupApproach { group, approach } => group!(group).approach = *approach,
            Effect::AddGroup(g) => added.push(g.clone()),
        }
    }

    let mut edits = Vec::new();
    edits.extend(host.map(Edit::SetHost));
    edits.extend(missions.into_iter().map(Edit::UpdateMission));
    edits.extend(groups.into_iter().map(Edit::UpdateGroup));
    edits.extend(added.into_iter().map(Edit::AddGroup));
    Ok(edits)
}

/// Applies an inject's effects to a scenario, all or nothing.
pub fn apply_inject(s: &mut Scenario, inject: &Inject) -> Result<(), EffectError> {
    let edits = effect_edits(s, inject)?;
    Edit::Batch(edits)
        .apply(s)
        .map_err(|error| EffectError::Edit {
            inject: inject.id.clone(),
            error,
        })
}

/// The one undo step that delivers an inject in a run: the record of it. The scenario itself
/// keeps the plan as it was, so the same script can be run again with another group; the room
/// sees the plan with the run's delivered injects applied ([`run_board`]). The effects are
/// tried on that board first, so an inject that cannot be applied is refused here, with why.
pub fn delivery_edit(
    s: &Scenario,
    run: &RunId,
    inject: &Inject,
    when: WallTime,
) -> Result<Edit, RunError> {
    let mut board = run_board(s, run)?;
    apply_inject(&mut board, inject)?;
    Ok(Edit::RecordDelivery {
        run: run.clone(),
        delivery: Delivery {
            inject: inject.id.clone(),
            state: DeliveryState::Delivered,
            when,
        },
    })
}

/// A run cannot be shown or continued.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RunError {
    /// No run has the id.
    #[error("no run has the id {0:?}")]
    UnknownRun(String),
    /// A delivered inject is no longer in the script.
    #[error("the run delivered inject {0:?}, which is no longer in the script")]
    MissingInject(String),
    /// A delivered inject's effects no longer apply.
    #[error(transparent)]
    Effect(#[from] EffectError),
    /// The run was started on an option the scenario no longer has.
    #[error("the run was started on option {0:?}, which the scenario no longer has")]
    MissingOption(String),
}

/// The scenario as the room sees it in a run: the option the run was started on (the current
/// one when it names none) with its mission changes, then the injects the run delivered
/// applied in the order they were delivered.
pub fn run_board(s: &Scenario, run: &RunId) -> Result<Scenario, RunError> {
    run_board_upto(s, run, usize::MAX)
}

/// The board of a run after its first `steps` deliveries or skips (a closed run replayed step
/// by step); `usize::MAX` for all of them ([`run_board`]).
pub fn run_board_upto(s: &Scenario, run: &RunId, steps: usize) -> Result<Scenario, RunError> {
    let r = s
        .runs
        .iter()
        .find(|r| &r.id == run)
        .ok_or_else(|| RunError::UnknownRun(run.to_string()))?;
    let mut board = run_start(s, r)?;
    let delivered = r
        .deliveries
        .iter()
        .take(steps)
        .filter(|d| d.state == DeliveryState::Delivered)
        .map(|d| &d.inject);
    for id in delivered {
        let inject = s
            .inject(id)
            .ok_or_else(|| RunError::MissingInject(id.to_string()))?;
        apply_inject(&mut board, inject)?;
    }
    Ok(board)
}

/// The board a run starts from: the option it was started on (the current one when it names
/// none), with that option's mission changes applied.
pub fn run_start(s: &Scenario, r: &crate::model::Run) -> Result<Scenario, RunError> {
    match &r.option {
        Some(o) if !s.is_current(o) => s
            .option_scenario(o)
            .map_err(|_| RunError::MissingOption(o.to_string())),
        _ => Ok(s.board_scenario().into_owned()),
    }
}

/// The edit that skips an inject in a run (nothing in the scenario changes).
pub fn skip_edit(run: &RunId, inject: &InjectId, when: WallTime) -> Edit {
    Edit::RecordDelivery {
        run: run.clone(),
        delivery: Delivery {
            inject: inject.clone(),
            state: DeliveryState::Skipped,
            when,
        },
    }
}

/// `check --after` names an inject the script does not have.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AfterError {
    /// No inject has the id.
    #[error("no inject has the id {id:?}; the injects are: {}", list(known))]
    UnknownInject {
        /// The id asked for.
        id: String,
        /// The ids the script has, in order.
        known: Vec<InjectId>,
    },
    /// An inject up to it could not be applied.
    #[error(transparent)]
    Effect(#[from] EffectError),
}

fn list(ids: &[InjectId]) -> String {
    if ids.is_empty() {
        return "(none)".to_owned();
    }
    ids.iter()
        .map(InjectId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The scenario as it stands after the script's injects up to and including `id` are
/// delivered in order (the script's order, as the facilitator would deliver them).
pub fn scenario_after(s: &Scenario, id: &str) -> Result<Scenario, AfterError> {
    let Some(last) = s.injects.iter().position(|i| i.id.as_str() == id) else {
        return Err(AfterError::UnknownInject {
            id: id.to_owned(),
            known: s.injects.iter().map(|i| i.id.clone()).collect(),
        });
    };
    let mut after = s.clone();
    for inject in &s.injects[..=last] {
        apply_inject(&mut after, inject)?;
    }
    Ok(after)
}

/// What delivering an inject would do to the checklist.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    /// The scenario after delivery.
    pub after: Scenario,
    /// Findings after delivery.
    pub findings: Vec<Finding>,
    /// Indices into `findings` of those the inject raises (absent before).
    pub raised: Vec<usize>,
    /// Indices into `findings` of those present before whose sentence changes (e.g. a consent
    /// finding that now has one more reason).
    pub changed: Vec<usize>,
    /// Keys of the findings it clears (present before, absent after), with their messages.
    pub cleared: Vec<(FindingKey, String)>,
}

/// Previews an inject: applies it to a copy and compares the findings with `before` (the
/// current scenario's findings), by checklist key.
pub fn preview(s: &Scenario, before: &[Finding], inject: &Inject) -> Result<Preview, EffectError> {
    let mut after = s.clone();
    apply_inject(&mut after, inject)?;
    let findings = evaluate(&after);
    Ok(diff(s, before, after, findings))
}

/// The lens the room looks through once `inject` is delivered, looking through `now` before:
/// delivering moves the date cursor to the inject's month; one without a month leaves it where
/// it is. The console previews through it, and the hot wash replays through it.
pub fn delivery_lens(inject: &Inject, now: crate::lens::Lens) -> crate::lens::Lens {
    inject.at.map_or(now, crate::lens::Lens::at)
}

/// Previews an inject as the room will see it through `lens` (the console previews at the
/// month delivering moves the cursor to): the findings before and after, both through the lens.
pub fn preview_at(
    s: &Scenario,
    lens: &crate::lens::Lens,
    inject: &Inject,
) -> Result<Preview, EffectError> {
    let before = crate::rules::evaluate_at(s, lens);
    let mut after = s.clone();
    apply_inject(&mut after, inject)?;
    let findings = crate::rules::evaluate_at(&after, lens);
    Ok(diff(s, &before, after, findings))
}

/// The rules whose sentences read the host state itself (its consent, governance, justice
/// chain or name), not only their finding's detail and entities: when an inject changes the
/// host, their findings' sentences are written to see whether they changed.
const READS_HOST: [RuleId; 4] = [
    RuleId::SovereigntyConsent,
    RuleId::CapacityToCapturedState,
    RuleId::PanelOfExpertsUnused,
    RuleId::FragmentedJusticeChain,
];

/// Compares findings before (of `s`) and after (of `after`, which is `s` with an inject's
/// effects applied) by checklist key.
///
/// A finding present before and after has changed when its sentence has. Sentences and keys
/// are made only where they can differ (benches/exercise.rs, preview/1000: making every
/// finding's key and sentence twice took most of the preview):
///
/// - A finding equal to its earlier self (same rule, entities by position and detail) has the
///   same key and reads the same: effects keep every entity in its place (they replace the
///   host, missions and groups in place and add groups at the end) and change none of what
///   sentences name them by (names, acronyms, organizations, kinds, a group's harm); only the
///   host changes under the rules in [`READS_HOST`], whose sentences read it.
/// - Findings come in the rules' order, and an inject leaves most of them as they were: within
///   each rule's findings, those equal at the same place from the start or from the end are
///   matched so, without keys; the rest are matched by key.
fn diff(s: &Scenario, before: &[Finding], after: Scenario, findings: Vec<Finding>) -> Preview {
    let host_changed = s.host != after.host;
    let reads_host = |f: &Finding| host_changed && READS_HOST.contains(&f.rule);
    let mut raised = Vec::new();
    let mut changed = Vec::new();
    let mut cleared: Vec<(usize, FindingKey, String)> = Vec::new();
    // A pair of the same key: changed if its sentence did.
    let compare = |b: &Finding, i: usize, changed: &mut Vec<usize>| {
        let f = &findings[i];
        if (b != f || reads_host(f)) && b.message(s) != f.message(&after) {
            changed.push(i);
        }
    };
    let before_rules = by_rule(before);
    let after_rules = by_rule(&findings);
    let segments = match (before_rules, after_rules) {
        (Some(b), Some(a)) => segments(&b, &a),
        // Not in the rules' order: all of them by key.
        _ => vec![(0..before.len(), 0..findings.len())],
    };
    for (bs, as_) in segments {
        let (b, a) = (&before[bs.clone()], &findings[as_.clone()]);
        let head = b.iter().zip(a).take_while(|(x, y)| x == y).count();
        let tail = b[head..]
            .iter()
            .rev()
            .zip(a[head..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        let equal = (0..head)
            .map(|k| (k, k))
            .chain((1..=tail).map(|t| (b.len() - t, a.len() - t)));
        for (kb, ka) in equal {
            let i = as_.start + ka;
            if reads_host(&findings[i]) {
                compare(&before[bs.start + kb], i, &mut changed);
            }
        }
        let (b_mid, a_mid) = (head..b.len() - tail, head..a.len() - tail);
        let before_at: HashMap<FindingKey, usize> = b_mid
            .clone()
            .map(|k| (before[bs.start + k].key(s), bs.start + k))
            .collect();
        let mut seen: HashSet<usize> = HashSet::new();
        for k in a_mid {
            let i = as_.start + k;
            match before_at.get(&findings[i].key(&after)) {
                None => raised.push(i),
                Some(&j) => {
                    seen.insert(j);
                    compare(&before[j], i, &mut changed);
                }
            }
        }
        for (key, j) in before_at {
            if !seen.contains(&j) {
                cleared.push((j, key, before[j].message(s)));
            }
        }
    }
    raised.sort_unstable();
    changed.sort_unstable();
    cleared.sort_unstable_by_key(|(j, _, _)| *j);
    Preview {
        after,
        findings,
        raised,
        changed,
        cleared: cleared.into_iter().map(|(_, k, m)| (k, m)).collect(),
    }
}

/// Each rule's findings as one run of the list, in order (`None` if a rule's findings are not
/// all together).
fn by_rule(findings: &[Finding]) -> Option<Vec<(RuleId, std::ops::Range<usize>)>> {
    let mut out: Vec<(RuleId, std::ops::Range<usize>)> = Vec::new();
    let mut start = 0;
    for chunk in findings.chunk_by(|x, y| x.rule == y.rule) {
        let rule = chunk[0].rule;
        if out.iter().any(|(r, _)| *r == rule) {
            return None;
        }
        out.push((rule, start..start + chunk.len()));
        start += chunk.len();
    }
    Some(out)
}

/// The findings of each rule before and after (an empty range where it has none).
fn segments(
    before: &[(RuleId, std::ops::Range<usize>)],
    after: &[(RuleId, std::ops::Range<usize>)],
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let of = |list: &[(RuleId, std::ops::Range<usize>)], rule: RuleId| {
        list.iter()
            .find(|(r, _)| *r == rule)
            .map_or(0..0, |(_, range)| range.clone())
    };
    let mut rules: Vec<RuleId> = before.iter().chain(after).map(|(r, _)| *r).collect();
    rules.sort_unstable();
    rules.dedup();
    rules
        .into_iter()
        .map(|r| (of(before, r), of(after, r)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Capability, Consent, HandoverScope, MissionId, PeaceRole};

    fn kosovo() -> Scenario {
        let text = include_str!("../../scenarios/kosovo-2008.ron");
        crate::io::parse(text, std::path::Path::new("kosovo-2008.ron")).unwrap()
    }

    fn inject(effects: Vec<Effect>) -> Inject {
        let mut i = Inject::new("i1", "Test");
        i.effects = effects;
        i
    }

    #[test]
    fn effects_change_what_they_name_and_nothing_else() {
        let s = kosovo();
        let mut after = s.clone();
        let eulex = MissionId::from("eulex");
        let i = inject(vec![
            Effect::SetConsent(Consent::Contested),
            Effect::HandoverDrops {
                mission: eulex.clone(),
                scope: HandoverScope::CaseFiles,
            },
            Effect::RemoveCapability {
                mission: eulex.clone(),
                capability: Capability::Investigators,
            },
        ]);
        apply_inject(&mut after, &i).unwrap();
        assert_eq!(after.host.consent, Consent::Contested);
        let m = after.mission(&eulex).unwrap();
        assert!(!m.handover.covers.contains(&HandoverScope::CaseFiles));
        assert!(!m.capabilities.contains(&Capability::Investigators));
        assert_eq!(after.activities, s.activities);
        assert_eq!(after.groups, s.groups);
    }

    #[test]
    fn an_effect_on_a_missing_mission_changes_nothing() {
        let s = kosovo();
        let mut after = s.clone();
        let i = inject(vec![
            Effect::SetConsent(Consent::Absent),
            Effect::EndMission {
                mission: MissionId::from("nope"),
                end: "2009-01".parse().unwrap(),
            },
        ]);
        let err = apply_inject(&mut after, &i).unwrap_err();
        assert!(err.to_string().contains("\"nope\""), "{err}");
        assert_eq!(after, s);
    }

    #[test]
    fn later_effects_see_earlier_ones_and_new_groups_can_be_changed() {
        let s = kosovo();
        let mut g = s.groups[0].clone();
        g.id = "new-gang".into();
        g.role = PeaceRole::Evader;
        let i = inject(vec![
            Effect::AddGroup(g),
            Effect::SetGroupRole {
                group: "new-gang".into(),
                role: PeaceRole::Spoiler,
            },
        ]);
        let mut after = s.clone();
        apply_inject(&mut after, &i).unwrap();
        assert_eq!(after.groups.len(), s.groups.len() + 1);
        assert_eq!(
            after.group(&"new-gang".into()).unwrap().role,
            PeaceRole::Spoiler
        );
    }

    #[test]
    fn an_unknown_inject_lists_the_known_ones() {
        let mut s = kosovo();
        s.injects = vec![Inject::new("a", "A"), Inject::new("b", "B")];
        let err = scenario_after(&s, "c").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no inject has the id \"c\"; the injects are: a, b"
        );
    }

    /// The preview's comparison as it was first written: every finding's sentence before and
    /// after, by key. The typed comparison must find the same.
    fn by_sentences(
        s: &Scenario,
        before: &[Finding],
        p: &Preview,
    ) -> (Vec<usize>, Vec<usize>, Vec<(FindingKey, String)>) {
        let text: HashMap<FindingKey, String> =
            before.iter().map(|f| (f.key(s), f.message(s))).collect();
        let keys: Vec<FindingKey> = p.findings.iter().map(|f| f.key(&p.after)).collect();
        let (mut raised, mut changed) = (Vec::new(), Vec::new());
        for (i, k) in keys.iter().enumerate() {
            match text.get(k) {
                None => raised.push(i),
                Some(t) if *t != p.findings[i].message(&p.after) => changed.push(i),
                Some(_) => {}
            }
        }
        let cleared = before
            .iter()
            .map(|f| (f.key(s), f.message(s)))
            .filter(|(k, _)| !keys.contains(k))
            .collect();
        (raised, changed, cleared)
    }

    /// One inject per effect and value the scenario allows.
    fn every_effect(s: &Scenario) -> Vec<Effect> {
        use crate::model::{Approach, Level};
        let mut out: Vec<Effect> = Consent::ALL
            .iter()
            .map(|c| Effect::SetConsent(*c))
            .collect();
        out.extend(Level::ALL.iter().map(|l| Effect::SetPoliceTrust(*l)));
        out.push(Effect::SetMinimalSecurity(None));
        out.push(Effect::SetMinimalSecurity(Some("2009-01".parse().unwrap())));
        for m in &s.missions {
            let mission = m.id.clone();
            out.push(Effect::EndMission {
                mission: mission.clone(),
                end: m.start,
            });
            for c in Capability::ALL {
                out.push(Effect::RemoveCapability {
                    mission: mission.clone(),
                    capability: *c,
                });
                out.push(Effect::AddCapability {
                    mission: mission.clone(),
                    capability: *c,
                });
            }
            for scope in HandoverScope::ALL {
                out.push(Effect::HandoverDrops {
                    mission: mission.clone(),
                    scope: *scope,
                });
            }
            for b in [false, true] {
                out.push(Effect::SetHandoverPlanned {
                    mission: mission.clone(),
                    planned: b,
                });
                out.push(Effect::SetOversight {
                    mission: mission.clone(),
                    oversight: b,
                });
                out.push(Effect::SetIntelSharing {
                    mission: mission.clone(),
                    with: s.missions[0].id.clone(),
                    shares: b,
                });
            }
        }
        for g in &s.groups {
            for r in PeaceRole::ALL {
                out.push(Effect::SetGroupRole {
                    group: g.id.clone(),
                    role: *r,
                });
            }
            for a in Approach::ALL {
                out.push(Effect::SetGroupApproach {
                    group: g.id.clone(),
                    approach: *a,
                });
            }
            for b in [false, true] {
                out.push(Effect::SetGroupTies {
                    group: g.id.clone(),
                    ties_to_officials: b,
                });
            }
        }
        if let Some(g) = s.groups.first() {
            let mut g = g.clone();
            g.id = "new-group".into();
            out.push(Effect::AddGroup(g));
        }
        out
    }

    #[test]
    fn the_typed_comparison_finds_what_the_sentences_say() {
        let exercise = crate::io::parse(
            include_str!("../../scenarios/kosovo-exercise.ron"),
            std::path::Path::new("kosovo-exercise.ron"),
        )
        .unwrap();
        let synthetic = crate::synthetic::scenario(
            crate::synthetic::Size {
                activities: 200,
                missions: 8,
                groups: 12,
            },
            3,
        );
        let mut boards = vec![exercise, synthetic];
        // From each consent: a finding that reads the host's consent keeps its detail when
        // the consent goes from one partial level to another, but not its sentence.
        for c in Consent::ALL {
            let mut s = kosovo();
            s.host.consent = *c;
            boards.push(s);
        }
        let lenses = [
            crate::lens::Lens::ALL_TIME,
            crate::lens::Lens::at("2008-06".parse().unwrap()),
        ];
        let mut changed = 0;
        for s in &boards {
            for lens in &lenses {
                let before = crate::rules::evaluate_at(s, lens);
                for e in every_effect(s) {
                    let i = inject(vec![e.clone()]);
                    let p = preview_at(s, lens, &i).unwrap();
                    let (raised, ch, cleared) = by_sentences(s, &before, &p);
                    assert_eq!(p.raised, raised, "{e:?}");
                    assert_eq!(p.changed, ch, "{e:?}");
                    assert_eq!(p.cleared, cleared, "{e:?}");
                    changed += ch.len();
                }
            }
        }
        assert!(changed > 0, "some effect changes a finding's sentence");
    }

    #[test]
    fn findings_out_of_the_rules_order_are_compared_by_key() {
        let s = kosovo();
        let i = inject(vec![
            Effect::SetConsent(Consent::Contested),
            Effect::HandoverDrops {
                mission: MissionId::from("eulex"),
                scope: HandoverScope::CaseFiles,
            },
        ]);
        let mut before = evaluate(&s);
        before.reverse();
        let mut after = s.clone();
        apply_inject(&mut after, &i).unwrap();
        let mut findings = evaluate(&after);
        findings.rotate_left(3);
        let p = diff(&s, &before, after, findings);
        let (raised, changed, cleared) = by_sentences(&s, &before, &p);
        assert!(!raised.is_empty() || !changed.is_empty());
        assert_eq!((p.raised, p.changed, p.cleared), (raised, changed, cleared));
    }
}
