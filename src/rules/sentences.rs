//! The sentences of findings, written when asked for (a room reads a few dozen; the rules may
//! find thousands in a large scenario, and writing them all would cost more than finding them).

use crate::model::{ActivityKind as K, JusticeLink, Scenario};

use super::engaging::{LAW_ENFORCEMENT, NEEDS, consent, interlocutor};
use super::finding::{At, Detail, Finding};
use super::missions::handover;
use super::text::{LIST, count, join, quote};
use super::{RuleId, actors::captured};

/// Names entities of one scenario.
struct Names<'a>(&'a Scenario);

impl Names<'_> {
    fn mission(&self, i: u32) -> String {
        self.0
            .missions
            .get(i as usize)
            .map_or_else(|| "a mission".to_owned(), |m| m.describe())
    }
    fn mission_short(&self, i: u32) -> String {
        self.0
            .missions
            .get(i as usize)
            .map_or_else(|| "a mission".to_owned(), |m| m.short_name().to_owned())
    }
    fn activity(&self, i: u32) -> String {
        self.0
            .activities
            .get(i as usize)
            .map_or_else(|| "an activity".to_owned(), |a| quote(&a.title))
    }
    fn group(&self, i: u32) -> String {
        self.0
            .groups
            .get(i as usize)
            .map_or_else(|| "a group".to_owned(), |g| quote(&g.name))
    }
    fn region(&self, i: u32) -> String {
        self.0
            .host
            .regions
            .get(i as usize)
            .map_or_else(|| "a region".to_owned(), |r| r.name.clone())
    }
    fn actor(&self, i: u32) -> String {
        self.0
            .actors
            .get(i as usize)
            .map_or_else(|| "an actor".to_owned(), |a| a.name.clone())
    }
    fn host(&self) -> &str {
        if self.0.host.name.is_empty() {
            "the host state"
        } else {
            &self.0.host.name
        }
    }

    /// The names of the entities of one kind in a list, at most `max` of them, then "and N more".
    fn list(&self, items: &[At], pick: impl Fn(&At) -> Option<String>, max: usize) -> String {
        let total = items.iter().filter(|a| pick(a).is_some()).count();
        let names: Vec<String> = items.iter().filter_map(&pick).take(max).collect();
        match total - names.len() {
            0 => join(&names, max),
            rest => format!("{} and {rest} more", names.join(", ")),
        }
    }
    fn activities(&self, items: &[At]) -> String {
        self.list(
            items,
            |a| match a {
                At::Activity(i) => Some(self.activity(*i)),
                _ => None,
            },
            LIST,
        )
    }
    fn groups(&self, items: &[At]) -> String {
        self.list(
            items,
            |a| match a {
                At::Group(i) => Some(self.group(*i)),
                _ => None,
            },
            LIST,
        )
    }
    fn regions(&self, items: &[At]) -> String {
        self.list(
            items,
            |a| match a {
                At::Region(i) => Some(self.region(*i)),
                _ => None,
            },
            LIST,
        )
    }
    fn missions(&self, items: &[At], max: usize) -> String {
        self.list(
            items,
            |a| match a {
                At::Mission(i) => Some(self.mission(*i)),
                _ => None,
            },
            max,
        )
    }
}

fn mission_at(a: Option<&At>) -> u32 {
    match a {
        Some(At::Mission(i)) => *i,
        _ => u32::MAX,
    }
}

fn activity_at(a: Option<&At>) -> u32 {
    match a {
        Some(At::Activity(i)) => *i,
        _ => u32::MAX,
    }
}

fn group_at(a: Option<&At>) -> u32 {
    match a {
        Some(At::Group(i)) => *i,
        _ => u32::MAX,
    }
}

fn count_of(items: &[At], kind: fn(&At) -> bool) -> usize {
    items.iter().filter(|a| kind(a)).count()
}

fn is_activity(a: &At) -> bool {
    matches!(a, At::Activity(_))
}

fn is_group(a: &At) -> bool {
    matches!(a, At::Group(_))
}

/// "16,000".
fn thousands(n: u32) -> String {
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
fn places(n: &Names<'_>, items: &[At]) -> String {
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
    let mut names: Vec<String> = f.subject.iter().filter(|a| kind(a)).map(name).collect();
    if names.is_empty() && what != "subject" {
        for a in f.involved.iter().filter(|a| kind(a)) {
            let a = name(a);
            if !names.contains(&a) {
                names.push(a);
            }
        }
    }
    Some(join(&names, LIST))
}

/// The finding's sentence, starting with a capital letter.
pub(super) fn message(f: &Finding, s: &Scenario) -> String {
    capitalized(sentence(f, s))
}

/// `text` with its first letter in upper case.
fn capitalized(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

/// The verb in the singular or the plural: `verb(1, "targets", "target")`.
fn verb(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

fn sentence(f: &Finding, s: &Scenario) -> String {
    let n = Names(s);
    let (sub, inv) = (&f.subject, &f.involved);
    let flags = match f.detail {
        Detail::Flags(b) => b,
        _ => 0,
    };
    let variant = match f.detail {
        Detail::Variant(v) => v,
        _ => 0,
    };
    let numbers = match f.detail {
        Detail::Numbers(a, b) => (a, b),
        _ => (0, 0),
    };
    match f.rule {
        RuleId::SovereigntyConsent => {
            let mut why: Vec<String> = Vec::new();
            if flags & consent::NOT_FULL != 0 {
                why.push(format!("the host's consent is {}", s.host.consent.label()));
            }
            if flags & consent::CAPTURED != 0 {
                why.push("the state is captured by organized crime".to_owned());
            }
            if flags & consent::TIED != 0 {
                let tied = count_of(inv, is_group);
                why.push(format!(
                    "{} {} ties to officials or a partner role",
                    n.groups(inv),
                    if tied == 1 { "has" } else { "have" }
                ));
            }
            if flags & consent::SENSITIVE != 0 {
                why.push(
                    "the government guards investigation and prosecution as sovereign powers"
                        .to_owned(),
                );
            }
            format!(
                "{} plans {} against crime ({}) while {}: consent for it cannot be assumed",
                n.mission(mission_at(sub.first())),
                count(
                    count_of(inv, is_activity),
                    "direct activity",
                    "direct activities"
                ),
                n.activities(inv),
                join(&why, 4)
            )
        }
        RuleId::CapabilityGap => {
            let missing: Vec<&str> = NEEDS
                .iter()
                .enumerate()
                .filter(|(i, _)| flags & (1 << i) != 0)
                .map(|(_, need)| need.name)
                .collect();
            format!(
                "{} needs {}, which {} lacks",
                n.activity(activity_at(sub.get(1))),
                join(&missing, 4),
                n.mission(mission_at(sub.first()))
            )
        }
        RuleId::ShortCommitment => {
            let m = s.missions.get(mission_at(sub.first()) as usize);
            let a = s.activities.get(activity_at(sub.get(1)) as usize);
            let why = match (variant, m, a) {
                (1, Some(m), Some(a)) => format!(
                    "runs to {}, after {} ends in {}",
                    a.end.map(|d| d.to_string()).unwrap_or_default(),
                    m.describe(),
                    m.end.map(|d| d.to_string()).unwrap_or_default()
                ),
                (_, Some(m), _) => format!(
                    "is run by {}, planned for only {} months",
                    m.describe(),
                    m.duration_months().unwrap_or_default()
                ),
                _ => "is run by a short mission".to_owned(),
            };
            format!(
                "{} works on the drivers of crime, which takes years, but {why}, and no development or local partner is named to carry it on",
                n.activity(activity_at(sub.get(1)))
            )
        }
        RuleId::InterlocutorTradeoff => {
            let mut why: Vec<&str> = Vec::new();
            if flags & interlocutor::PARTNER != 0 {
                why.push("has a partner role (access to or control over the government)");
            }
            if flags & interlocutor::LEGITIMACY != 0 {
                why.push("provides services with local legitimacy");
            }
            if flags & interlocutor::CO_OPTED != 0 {
                why.push("is being co-opted");
            }
            let by = inv
                .first()
                .map(|m| format!(" ({})", n.mission_short(mission_at(Some(m)))))
                .unwrap_or_default();
            format!(
                "{}{by} acts coercively against {}, which {}: the room trades stability or support for enforcement",
                n.activity(activity_at(sub.first())),
                n.group(group_at(sub.get(1))),
                join(&why, 3)
            )
        }
        RuleId::LawEnforcementOnly => {
            let (drivers, total) = numbers;
            let share = match (drivers, total) {
                (_, 1) => "the only activity does not target the drivers of crime".to_owned(),
                (0, _) => format!("none of the {total} activities targets the drivers of crime"),
                (d, _) => format!(
                    "only {d} of the {total} activities ({}%) {} the drivers of crime",
                    d * 100 / total.max(1),
                    verb(d.max(0) as usize, "targets", "target")
                ),
            };
            format!("{share}; the plan treats organized crime as a law-enforcement problem")
        }
        RuleId::MilitaryPolicing => {
            let a = s.activities.get(activity_at(sub.get(1)) as usize);
            let tasks: Vec<&str> = a
                .map(|a| {
                    a.kinds
                        .iter()
                        .filter(|k| LAW_ENFORCEMENT.contains(k))
                        .map(|k| k.label())
                        .collect()
                })
                .unwrap_or_default();
            let who = match a.and_then(|a| a.component) {
                Some(crate::model::Component::Military)
                    if s.missions
                        .get(mission_at(sub.first()) as usize)
                        .is_some_and(|m| m.kind != crate::model::MissionKind::Military) =>
                {
                    format!(
                        "the military component of {}",
                        n.mission(mission_at(sub.first()))
                    )
                }
                _ => n.mission(mission_at(sub.first())),
            };
            format!(
                "{who} runs {}, a law-enforcement task ({})",
                n.activity(activity_at(sub.get(1))),
                join(&tasks, 4)
            )
        }
        RuleId::AccountabilityGap => format!(
            "{} detains, arrests or prosecutes ({}) with no oversight mechanism, while {} of the {} links of the host's justice chain are weak or absent",
            n.mission(mission_at(sub.first())),
            n.activities(inv),
            numbers.0,
            JusticeLink::ALL.len()
        ),
        RuleId::ExternalAgenda => {
            let g = s.groups.get(group_at(sub.first()) as usize);
            format!(
                "{} does the most harm to the host population (harm {}), yet no activity targets it while activities target {}",
                n.group(group_at(sub.first())),
                g.map_or("high", |g| g.harm.label()),
                n.groups(inv)
            )
        }
        RuleId::MissionFootprint => {
            let m = s.missions.get(mission_at(sub.first()) as usize);
            format!(
                "{} deploys {} personnel but plans no conduct-and-discipline or anti-exploitation activity; a large presence can feed prostitution, black markets and hard-currency crime",
                n.mission(mission_at(sub.first())),
                thousands(m.map_or(0, |m| m.personnel))
            )
        }
        RuleId::LateStart => {
            let m = s.missions.get(mission_at(inv.first()) as usize);
            let a = s.activities.get(activity_at(inv.get(1)) as usize);
            let start = a
                .and_then(|a| {
                    a.start.or(a
                        .mission
                        .as_ref()
                        .and_then(|id| s.missions.iter().find(|m| &m.id == id))
                        .map(|m| m.start))
                })
                .map(|d| d.to_string())
                .unwrap_or_default();
            let target = match sub.first() {
                Some(At::Group(g)) => format!("against {}", n.group(*g)),
                _ => "against organized crime".to_owned(),
            };
            format!(
                "the first activity {target}, {} ({start}), starts {} months after {} deployed ({}); groups left untouched entrench",
                n.activity(activity_at(inv.get(1))),
                numbers.0,
                n.mission_short(mission_at(inv.first())),
                m.map(|m| m.start.to_string()).unwrap_or_default()
            )
        }
        RuleId::CoOptationWithoutTransition => {
            let g = n.group(group_at(sub.first()));
            if variant == 1 {
                format!(
                    "{g} is predatory, in violent competition with the state, yet is being co-opted; predatory groups rarely can be"
                )
            } else {
                format!(
                    "{g} is being co-opted with no transition plan to insert it into the licit system; the calm it buys may be mistaken for peace"
                )
            }
        }
        RuleId::FragmentedJusticeChain => {
            let addressed: Vec<&str> = JusticeLink::ALL
                .iter()
                .filter(|l| flags & (1 << **l as usize) != 0)
                .map(|l| l.label())
                .collect();
            let link = match sub.first() {
                Some(At::Link(l)) => *l,
                _ => JusticeLink::Policing,
            };
            format!(
                "activities address {}, but none addresses {}, which is {} in {}: cases will stall at that link",
                join(&addressed, 5),
                link.label(),
                s.host.justice_chain.get(link).label(),
                n.host()
            )
        }
        RuleId::TurfOverlap => {
            let (direct, indirect) = match f.detail {
                Detail::Kinds { direct, indirect } => (direct, indirect),
                _ => (0, 0),
            };
            let labels = |bits: u64| -> Vec<&str> {
                K::ALL
                    .iter()
                    .enumerate()
                    .filter(|(b, _)| bits & (1 << b) != 0)
                    .map(|(_, k)| k.label())
                    .collect()
            };
            let mut work: Vec<String> = Vec::new();
            if direct != 0 {
                work.push(join(&labels(direct), 4));
            }
            if indirect != 0 {
                work.push(format!("support to host {}", join(&labels(indirect), 4)));
            }
            format!(
                "{} and {} both run {} {} at the same time: who leads?",
                n.mission(mission_at(sub.first())),
                n.mission(mission_at(sub.get(1))),
                join(&work, 2),
                places(&n, inv)
            )
        }
        RuleId::OrganizationalGeopolitics => {
            let mut bodies: Vec<&str> = Vec::new();
            let mut names: Vec<String> = Vec::new();
            for m in inv
                .iter()
                .filter_map(|a| s.missions.get(mission_at(Some(a)) as usize))
            {
                let body = m.organization.body();
                if !bodies.contains(&body) {
                    bodies.push(body);
                }
                if m.not_peace_operation {
                    names.push(format!(
                        "{} ({body}; not a peace operation by SIPRI's definition)",
                        m.short_name()
                    ));
                } else {
                    names.push(format!("{} ({body})", m.short_name()));
                }
            }
            format!(
                "missions of {} organizations are deployed at the same time: {}; their members' politics will shape whether they cooperate",
                bodies.len(),
                join(&names, 6)
            )
        }
        RuleId::MilitaryPublicSecurity => {
            let (policing, others) = (numbers.0.max(0) as usize, numbers.1.max(0) as usize);
            let at = |a: &At| matches!(a, At::Mission(_));
            let missions: Vec<At> = inv.iter().copied().filter(at).collect();
            let (police, rest) = missions.split_at(policing.min(missions.len()));
            let military = n.mission(mission_at(sub.first()));
            let beside = if others == 0 {
                String::new()
            } else {
                format!(", beside {}", n.missions(rest, LIST))
            };
            if policing > 0 {
                format!(
                    "{military} has public-security tasks while {} {} in parallel{beside}: two chains of command police the same streets",
                    n.missions(police, LIST),
                    verb(policing, "polices", "police")
                )
            } else {
                format!(
                    "{military} has public-security tasks while {} {} in parallel without police: the military's law enforcement may stay disjointed, outside one international structure",
                    n.missions(rest, LIST),
                    verb(others, "works", "work")
                )
            }
        }
        RuleId::IntelligenceNotShared => format!(
            "{} and {} work {} at the same time with no intelligence-sharing arrangement between them; one may raid what the other is watching",
            n.mission_short(mission_at(sub.first())),
            n.mission_short(mission_at(sub.get(1))),
            places(&n, inv)
        ),
        RuleId::UnregulatedHandover => match variant {
            handover::NO_PLAN => format!(
                "{} follows {} with no handover plan: cases, records and contacts may be lost in the transition",
                n.mission_short(mission_at(sub.get(1))),
                n.mission_short(mission_at(sub.first()))
            ),
            handover::NO_CASE_FILES => format!(
                "{}'s handover plan from {} leaves out case files and records, though {} runs case work such as {}: cases may be dropped if records are lost in the transition",
                n.mission_short(mission_at(sub.get(1))),
                n.mission_short(mission_at(sub.first())),
                n.mission_short(mission_at(sub.first())),
                n.activity(activity_at(inv.first()))
            ),
            _ => {
                let m = s.missions.get(mission_at(sub.first()) as usize);
                let a = s.activities.get(activity_at(sub.get(1)) as usize);
                format!(
                    "{} runs to {}, after {} ends in {}, and no mission succeeds it: who carries the work on?",
                    n.activity(activity_at(sub.get(1))),
                    a.and_then(|a| a.end)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    n.mission_short(mission_at(sub.first())),
                    m.and_then(|m| m.end)
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                )
            }
        },
        RuleId::NoJointAnalysis => format!(
            "{} has military and police components acting against crime but no intelligence / analysis cell to join them up",
            n.mission(mission_at(sub.first()))
        ),
        RuleId::CapacityToCapturedState => {
            let why = if variant == captured::STATE {
                format!("the state is {}", s.host.governance.label())
            } else {
                format!(
                    "{}, which it targets, {} ties to officials",
                    n.groups(inv),
                    if count_of(inv, is_group) == 1 {
                        "has"
                    } else {
                        "have"
                    }
                )
            };
            format!(
                "{} builds the capacity of host institutions ({}) while {why}: the new capacity may serve the criminals inside the state",
                n.mission(mission_at(sub.first())),
                n.activities(inv)
            )
        }
        RuleId::NoRegionalApproach => format!(
            "{} reaches across borders, but no activity against it involves a neighbouring government or a regional organization",
            n.group(group_at(sub.first()))
        ),
        RuleId::NoCommunityApproach => {
            let who = match numbers.0 {
                1 => "the only activity does not work".to_owned(),
                n => format!("none of the {n} activities works"),
            };
            format!(
                "{who} with civil society, local communities, women or youth: the plan is state-centred only"
            )
        }
        RuleId::SecurityDevelopmentSplit => match sub.first() {
            Some(At::Actor(i)) => {
                let kind = s.actors.get(*i as usize).map_or("", |a| a.kind.label());
                format!(
                    "{} ({kind}) is present, but no activity or mission is coordinated with it: security and development may pull apart",
                    n.actor(*i)
                )
            }
            _ => {
                let k = count_of(inv, is_activity);
                format!(
                    "{} {} the drivers of crime ({}), but {} a development actor (UNDP, UN-Habitat, the World Bank, a donor) as partner",
                    count(k, "activity", "activities"),
                    verb(k, "targets", "target"),
                    n.activities(inv),
                    verb(k, "it does not have", "none has")
                )
            }
        },
        RuleId::PanelOfExpertsUnused => {
            let panels = n.list(
                inv,
                |a| match a {
                    At::Actor(i) => Some(n.actor(*i)),
                    _ => None,
                },
                LIST,
            );
            if panels.is_empty() {
                format!(
                    "a sanctions panel of experts monitors {}, but it is not on the board and no activity or mission draws on its findings",
                    n.host()
                )
            } else {
                format!(
                    "{panels} monitors {}, but no activity or mission draws on its findings",
                    n.host()
                )
            }
        }
        RuleId::CapitalCentric => format!(
            "{} operates in {} (border regions or hinterlands), but no activity takes place there",
            n.group(group_at(sub.first())),
            n.regions(inv)
        ),
        RuleId::NotIntelligenceLed => {
            let k = numbers.0.max(0) as usize;
            format!(
                "{} {} planned, but no mission has an intelligence / analysis cell and no analysis activity is planned: the political economy is not understood",
                count(k, "activity", "activities"),
                verb(k, "is", "are")
            )
        }
        RuleId::BeforeMinimalSecurity => match (sub.first(), &f.detail) {
            (Some(At::Activity(i)), Detail::Dates(start, secure)) => format!(
                "{} is coercive and starts {start}, before minimal security is established ({secure})",
                n.activity(*i)
            ),
            _ => format!(
                "{} planned ({}) while minimal security is not established (no month is set for it): plan them for after it is, or set the month it is expected",
                count(
                    count_of(inv, is_activity),
                    "coercive activity is",
                    "coercive activities are"
                ),
                n.activities(inv)
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands() {
        assert_eq!(super::thousands(16000), "16,000");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
