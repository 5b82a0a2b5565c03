//! Planned activities: what missions do about organized crime, placed on the quadrant (§II, Figure 1).

use serde::{Deserialize, Serialize};

use super::choice::choice;
use super::host::JusticeLink;
use super::{
    ActivityId, ActorId, Claim, Component, GroupId, Market, Mission, MissionId, MissionKind,
    RegionId, TemplateId, YearMonth,
};

choice! {
    /// Kind tags: what an activity does. Rules read them (§III examples).
    pub enum ActivityKind {
        Policing => "policing", "Policing: patrols, law and order, executive policing (UNMIK, UNTAET).";
        Raid => "raids", "Raids and operations against groups, labs, stores or traders (ISAF, MINUSTAH).";
        Arrest => "arrests", "Arresting suspects.";
        Investigation => "investigation", "Investigating cases and securing evidence.";
        Prosecution => "prosecution", "Prosecuting cases.";
        Adjudication => "adjudication", "Trying cases in court.";
        Corrections => "corrections", "Prisons and the enforcement of sentences.";
        Detention => "detention", "Holding people in custody (KFOR reportedly detained some 1,800 people, §IV.6).";
        Border => "border", "Border management and counter-trafficking.";
        Analysis => "analysis", "Intelligence and analysis of the political economy (§VI(b)).";
        Training => "training", "Training, mentoring and equipping host institutions (§III).";
        Vetting => "vetting", "Vetting and certifying police to remove criminal elements (§III).";
        Security => "area security", "Area security, escorts and cordons.";
        Ddr => "DDR", "Disarmament, demobilization and reintegration, including programmes for gangs (UNMIL, MINUSTAH).";
        Campaign => "public campaign", "Public campaigns, such as UNMIK's 'not for sale' (§III).";
        QuickImpact => "quick-impact project", "Short projects for community resilience (MINUSTAH, MINUJUSTH).";
        Governance => "governance", "Governance, anti-corruption, human rights and rule-of-law support (§III).";
        Development => "development", "Jobs, livelihoods and economic development.";
        ResourceMonitoring => "resource monitoring", "Monitoring bans on conflict resources: diamonds, timber, charcoal (§III).";
        ConductDiscipline => "conduct and discipline", "The mission's own conduct: anti-exploitation, black markets, prostitution (§III, §IV).";
        Coordination => "coordination", "Information exchange and coordination of international efforts (clearing house, §III).";
    }
}

impl ActivityKind {
    /// Tags of coercive work: acting against people, by force or by law. Area security
    /// (escorts, cordons) is in the list but counts only when the activity targets a group
    /// (see [`Activity::is_coercive`]): securing an area or escorting others is not coercion
    /// against anyone in particular.
    pub const COERCIVE: &'static [ActivityKind] = &[
        ActivityKind::Policing,
        ActivityKind::Raid,
        ActivityKind::Arrest,
        ActivityKind::Investigation,
        ActivityKind::Prosecution,
        ActivityKind::Adjudication,
        ActivityKind::Corrections,
        ActivityKind::Detention,
        ActivityKind::Border,
        ActivityKind::Security,
    ];

    /// Tags of work on the mission itself, which target no one outside it.
    pub const INTERNAL: &'static [ActivityKind] =
        &[ActivityKind::ConductDiscipline, ActivityKind::Coordination];

    /// Tags that act against people by themselves, whatever the activity targets: the coercive
    /// tags without area security.
    pub const ACTING_AGAINST: &'static [ActivityKind] = &[
        ActivityKind::Policing,
        ActivityKind::Raid,
        ActivityKind::Arrest,
        ActivityKind::Investigation,
        ActivityKind::Prosecution,
        ActivityKind::Adjudication,
        ActivityKind::Corrections,
        ActivityKind::Detention,
        ActivityKind::Border,
    ];

    /// The justice-chain link a tag addresses, if any. Detention is not the corrections link:
    /// soldiers holding people (KFOR's some 1,800 detainees, §IV.6) are no functioning prison
    /// system, so only corrections work addresses it.
    pub fn justice_link(self) -> Option<JusticeLink> {
        match self {
            ActivityKind::Policing | ActivityKind::Arrest | ActivityKind::Vetting => {
                Some(JusticeLink::Policing)
            }
            ActivityKind::Investigation => Some(JusticeLink::Investigation),
            ActivityKind::Prosecution => Some(JusticeLink::Prosecution),
            ActivityKind::Adjudication => Some(JusticeLink::Adjudication),
            ActivityKind::Corrections => Some(JusticeLink::Corrections),
            _ => None,
        }
    }
}

choice! {
    /// Where an activity stands in planning.
    #[derive(Default)]
    pub enum ActivityStatus {
        #[default]
        Proposed => "proposed", "Put forward by the room, not yet agreed.";
        Planned => "planned", "Agreed and planned.";
        Underway => "underway", "Being carried out.";
        Done => "done", "Completed.";
        Dropped => "dropped", "Set aside; the risk checklist ignores dropped activities.";
    }
}

choice! {
    /// The four quadrants of Figure 1 (§II).
    pub enum Quadrant {
        DirectConsequences => "Direct × consequences", "Done by the mission itself against the symptoms of crime: policing, raids, border control (§III).";
        IndirectConsequences => "Indirect × consequences", "Building host capacity against the symptoms: training, equipping, advising (§III).";
        DirectDrivers => "Direct × drivers", "Done by the mission itself against root causes: campaigns, DDR for gangs, quick-impact projects (§III).";
        IndirectDrivers => "Indirect × drivers", "Building host or community capacity against root causes: governance, anti-corruption, development (§III).";
    }
}

impl Quadrant {
    /// The quadrant of a position. `x ≥ 0` is the drivers side and `y ≥ 0` the direct side, so a
    /// point on an axis counts towards drivers and direct.
    pub fn of(x: f64, y: f64) -> Quadrant {
        match (x >= 0.0, y >= 0.0) {
            (false, true) => Quadrant::DirectConsequences,
            (false, false) => Quadrant::IndirectConsequences,
            (true, true) => Quadrant::DirectDrivers,
            (true, false) => Quadrant::IndirectDrivers,
        }
    }

    /// Index 0–3 in [`Quadrant::ALL`] order, for counting.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A planned activity: one marker on the quadrant chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Stable id.
    pub id: ActivityId,
    /// Title shown on the chart and in findings.
    pub title: String,
    /// Short label shown beside the marker on the chart; empty for one made from the title
    /// (see [`Activity::label`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
    /// The catalogue template it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<TemplateId>,
    /// The implementing mission; `None` while the room has not decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mission: Option<MissionId>,
    /// Consequences (−1) … drivers (+1).
    pub x: f64,
    /// Indirect (−1) … direct (+1).
    pub y: f64,
    /// Kind tags.
    #[serde(default)]
    pub kinds: Vec<ActivityKind>,
    /// The component of its mission that carries it out (military, police or civilian); `None`
    /// for the mission as a whole. Format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<Component>,
    /// Targeted crime groups.
    #[serde(default)]
    pub groups: Vec<GroupId>,
    /// Targeted markets.
    #[serde(default)]
    pub markets: Vec<Market>,
    /// Where it takes place; `None` for country-wide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<RegionId>,
    /// First month; `None` means from the mission's start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<YearMonth>,
    /// Last month; `None` means until the mission's end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<YearMonth>,
    /// Other actors it works with.
    #[serde(default)]
    pub partners: Vec<ActorId>,
    /// Planning status.
    #[serde(default)]
    pub status: ActivityStatus,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Where the facts in the notes come from, one short claim each (paper, general
    /// knowledge or invented); empty for the room's own entities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Claim>,
}

impl Activity {
    /// A new activity at a position, for the editor.
    pub fn new(id: ActivityId, title: impl Into<String>, x: f64, y: f64) -> Self {
        Self {
            id,
            title: title.into(),
            short: String::new(),
            template: None,
            mission: None,
            x,
            y,
            kinds: Vec::new(),
            component: None,
            groups: Vec::new(),
            markets: Vec::new(),
            region: None,
            start: None,
            end: None,
            partners: Vec::new(),
            status: ActivityStatus::default(),
            notes: String::new(),
            sources: Vec::new(),
        }
    }

    /// The label beside its marker: the short name the room set, or the title shortened to a few
    /// words ("Training and mentoring the police" → "Training and mentoring…").
    pub fn label(&self) -> String {
        let short = self.short.trim();
        if !short.is_empty() {
            return short.to_owned();
        }
        shorten(&self.title, LABEL_CHARS)
    }

    /// Whether the activity is under way in `date`: its own dates, or else its mission's
    /// (`mission` is the activity's mission, if known). No dates at all means always.
    pub fn active_on(&self, mission: Option<&Mission>, date: YearMonth) -> bool {
        let start = self.start.or(mission.map(|m| m.start));
        let end = self.end.or(mission.and_then(|m| m.end));
        start.is_none_or(|s| s <= date) && end.is_none_or(|e| date <= e)
    }

    /// Which quadrant the activity sits in.
    pub fn quadrant(&self) -> Quadrant {
        Quadrant::of(self.x, self.y)
    }

    /// Drivers side (root causes) rather than consequences.
    pub fn is_drivers(&self) -> bool {
        self.x >= 0.0
    }

    /// Done directly by the mission rather than through host or local capacity.
    pub fn is_direct(&self) -> bool {
        self.y >= 0.0
    }

    /// Coercive: direct action against the consequences (§II) that acts against people —
    /// tagged policing, raids, arrests, investigation, prosecution, adjudication, corrections,
    /// detention or border, or not tagged at all; area security only when the activity targets
    /// a group (escorting others or securing an area is not coercion against anyone). Vetting,
    /// analysis or monitoring in that corner is not coercion.
    pub fn is_coercive(&self) -> bool {
        self.is_direct()
            && !self.is_drivers()
            && (self.kinds.is_empty()
                || self.has_any(ActivityKind::ACTING_AGAINST)
                || (self.has(ActivityKind::Security) && !self.groups.is_empty()))
    }

    /// Whether the activity is done by soldiers: assigned to a military component, or to no
    /// component of a mission that is military (`mission_kind`).
    pub fn is_military(&self, mission_kind: Option<MissionKind>) -> bool {
        match self.component {
            Some(c) => c == Component::Military,
            None => mission_kind == Some(MissionKind::Military),
        }
    }

    /// Whether it concerns only the mission itself (its conduct, its coordination).
    pub fn is_internal(&self) -> bool {
        !self.kinds.is_empty()
            && self
                .kinds
                .iter()
                .all(|k| ActivityKind::INTERNAL.contains(k))
    }

    /// Whether it carries the tag.
    pub fn has(&self, kind: ActivityKind) -> bool {
        self.kinds.contains(&kind)
    }

    /// Whether it carries any of the tags.
    pub fn has_any(&self, kinds: &[ActivityKind]) -> bool {
        self.kinds.iter().any(|k| kinds.contains(k))
    }

    /// Whether the risk rules consider it (dropped activities are set aside).
    pub fn is_live(&self) -> bool {
        self.status != ActivityStatus::Dropped
    }
}

/// Longest label made from a title, in characters (an ellipsis added when cut).
pub const LABEL_CHARS: usize = 22;

/// `text` cut at a word boundary to at most `max` characters, with "…" when anything was cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let next = if out.is_empty() {
            word.chars().count()
        } else {
            out.chars().count() + 1 + word.chars().count()
        };
        if next > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // A first word longer than the limit is cut inside it.
    if out.is_empty() {
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    // Words like "and" or "the" read badly before the ellipsis.
    while let Some((head, last)) = out.rsplit_once(' ') {
        if matches!(
            last.to_lowercase().as_str(),
            "and"
                | "the"
                | "of"
                | "a"
                | "an"
                | "to"
                | "for"
                | "in"
                | "on"
                | "with"
                | "by"
                | "under"
        ) {
            out.truncate(head.len());
        } else {
            break;
        }
    }
    let out = out
        .trim_end_matches([',', ';', ':', '-', '–', '—'])
        .to_owned();
    format!("{out}…")
}

#[cfg(test)]
mod label_tests {
    use super::{Activity, shorten};

    #[test]
    fn labels_are_short_names_or_shortened_titles() {
        let mut a = Activity::new("a".into(), "Training and mentoring the police", 0.0, 0.0);
        assert_eq!(a.label(), "Training and mentoring…");
        a.short = " Police training ".into();
        assert_eq!(a.label(), "Police training");
        assert_eq!(shorten("Border patrols", 22), "Border patrols");
        assert_eq!(
            shorten(
                "Transnational Crime Unit under the West Africa Coast Initiative",
                22
            ),
            "Transnational Crime…"
        );
        assert_eq!(
            shorten("Supercalifragilisticexpialidocious", 10),
            "Supercali…"
        );
        for t in [
            "Raids on brothels and clubs in Pristina and Mitrovica",
            "x y z",
        ] {
            assert!(shorten(t, 22).chars().count() <= 23, "{t}");
        }
    }
}
