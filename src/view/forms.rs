//! The editor's forms: one per kind of entity. Each edits a copy of the entity and returns
//! whether it changed; the editor panel turns a change into an edit command.

use egui::Ui;

use super::widgets as w;
use crate::model::{
    Activity, Actor, Catalogue, Claim, CrimeGroup, HostState, JusticeLink, Mission, Region,
    Scenario, Timeline, YearMonth,
};

/// The options for every kind of reference in a scenario.
pub struct RefOptions {
    /// Missions.
    pub missions: Vec<(crate::model::MissionId, String)>,
    /// Crime groups.
    pub groups: Vec<(crate::model::GroupId, String)>,
    /// Other actors.
    pub actors: Vec<(crate::model::ActorId, String)>,
    /// Regions.
    pub regions: Vec<(crate::model::RegionId, String)>,
}

impl RefOptions {
    /// Builds the lists from a scenario.
    pub fn new(s: &Scenario) -> Self {
        Self {
            missions: s
                .missions
                .iter()
                .map(|m| (m.id.clone(), m.short_name().to_owned()))
                .collect(),
            groups: s
                .groups
                .iter()
                .map(|g| (g.id.clone(), g.name.clone()))
                .collect(),
            actors: s
                .actors
                .iter()
                .map(|a| (a.id.clone(), format!("{} ({})", a.name, a.kind.label())))
                .collect(),
            regions: s
                .host
                .regions
                .iter()
                .map(|r| (r.id.clone(), format!("{} ({})", r.name, r.kind.label())))
                .collect(),
        }
    }
}

fn default_date(s: &Scenario) -> YearMonth {
    s.effective_timeline()
        .map(|t| t.start)
        .or_else(|| YearMonth::new(2020, 1))
        .unwrap_or_else(|| YearMonth::from_index(0))
}

/// Title, description and timeline.
pub fn scenario_form(
    ui: &mut Ui,
    title: &mut String,
    description: &mut String,
    description_sources: &[Claim],
    timeline: &mut Option<Timeline>,
    fallback: YearMonth,
) -> bool {
    let mut changed = false;
    w::form(ui, "scenario_form", |ui| {
        changed |= w::text(
            ui,
            "Title",
            "The scenario's title, shown in the window.",
            title,
        );
        changed |= w::multiline(
            ui,
            "Description",
            "Where the facts come from, and which values are invented for the exercise.",
            description,
        );
        w::sources_row_named(
            ui,
            "Description sources",
            "Where the facts in the description come from: the SIPRI paper (with section), general knowledge, invented for this scenario, or PeaceOps's reasoning.",
            description_sources,
        );
        let mut set = timeline.is_some();
        changed |= w::flag(
            ui,
            "Fixed timeline",
            "Set the months the date filter covers; otherwise they come from the missions and activities.",
            &mut set,
        );
        match (set, timeline.as_mut()) {
            (true, Some(t)) => {
                changed |= w::date(
                    ui,
                    "Timeline start",
                    "First month of the timeline.",
                    &mut t.start,
                );
                changed |= w::date(
                    ui,
                    "Timeline end",
                    "Last month of the timeline.",
                    &mut t.end,
                );
            }
            (true, None) => {
                *timeline = Some(Timeline {
                    start: fallback,
                    end: fallback.plus_months(60),
                });
            }
            (false, Some(_)) => *timeline = None,
            (false, None) => {}
        }
    });
    changed
}

/// The host state, regions included. `on_delete_region` is called with a region the user
/// wants deleted (the caller checks references first).
pub fn host_form(
    ui: &mut Ui,
    host: &mut HostState,
    fresh_region_id: &str,
    delete_region: &mut Option<Region>,
) -> bool {
    let mut changed = false;
    w::form(ui, "host_form", |ui| {
        changed |= w::text(
            ui,
            "Host state",
            "The country or territory where the missions deploy.",
            &mut host.name,
        );
        changed |= w::choice(
            ui,
            "Governance",
            "How the state governs (§I): weak, corrupt or contested states are where organized crime and conflict feed each other; a captured state is run by crime.",
            &mut host.governance,
        );
        changed |= w::choice(
            ui,
            "Consent",
            "The host government's consent to the missions (§IV). When officials or armed forces are implicated in crime, consent cannot be assumed.",
            &mut host.consent,
        );
        changed |= w::choice(
            ui,
            "Sovereignty sensitivity",
            "How strongly the government treats investigation and prosecution as the essence of sovereignty (§IV).",
            &mut host.sovereignty_sensitivity,
        );
        for link in JusticeLink::ALL {
            let name = format!("Justice chain: {}", link.label());
            let help = format!(
                "Capacity of the host's {} — one link of the criminal justice chain (§III, §V.1). {}",
                link.label(),
                link.help()
            );
            changed |= w::choice(ui, &name, &help, host.justice_chain.get_mut(*link));
        }
        changed |= w::flag(
            ui,
            "Policing gap",
            "There is a policing gap or vacuum, which invites soldiers or gendarmerie to fill it (§IV).",
            &mut host.policing_gap,
        );
        changed |= w::optional_date(
            ui,
            "Minimal security",
            "The month minimal security is (or is planned to be) established. The paper: fight organized crime as early as possible, but only after minimal security (§VI(e)).",
            &mut host.minimal_security,
            YearMonth::new(2020, 1).unwrap_or_else(|| YearMonth::from_index(0)),
            "not yet established",
        );
        changed |= w::choice(
            ui,
            "Trust in police",
            "How far the population trusts the police. In Haiti, police corruption drove people to gangs for protection (§III).",
            &mut host.police_trust,
        );
        changed |= w::flag(
            ui,
            "Sanctions panel of experts",
            "A UN panel of experts monitors sanctions here; its findings bear on the mission's work (§V).",
            &mut host.sanctions_panel,
        );
        changed |= w::choices(
            ui,
            "Natural resources",
            "Resources that armed and criminal groups exploit (§I).",
            &mut host.natural_resources,
        );
        let mut neighbours = host.neighbours.join(", ");
        if w::text(
            ui,
            "Neighbouring states",
            "Neighbours, separated by commas. Crime crosses borders, so a regional approach needs them (§V, §VI(c)).",
            &mut neighbours,
        ) {
            host.neighbours = neighbours
                .split(',')
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect();
            changed = true;
        }
        changed |= w::multiline(
            ui,
            "Notes",
            "Anything else: economy, unemployment, weapons, the missions' own effect on the economy.",
            &mut host.notes,
        );
        w::sources_row(ui, &host.sources);
    });
    ui.separator();
    ui.strong("Regions").on_hover_text("The centre, border regions and hinterlands. Organized crime thrives away from the capital (§VI(a)).");
    let mut remove = None;
    for (i, region) in host.regions.iter_mut().enumerate() {
        // Wrapped: in a narrow panel the kind and the delete button go on the next line.
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(format!("Region {}", i + 1));
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut region.name)
                        .desired_width(crate::theme::REGION_NAME_WIDTH.min(ui.available_width())),
                )
                .labelled_by(l.id)
                .changed();
            let mut kind = region.kind;
            egui::ComboBox::from_id_salt(("region kind", i))
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for k in crate::model::RegionKind::ALL {
                        ui.selectable_value(&mut kind, *k, k.label())
                            .on_hover_text(k.help());
                    }
                })
                .response
                .labelled_by(l.id);
            if kind != region.kind {
                region.kind = kind;
                changed = true;
            }
            if ui
                .button("Delete region")
                .on_hover_text(
                    "Delete this region; activities and groups placed in it lose the reference.",
                )
                .clicked()
            {
                remove = Some(region.clone());
            }
        });
        if !region.sources.is_empty() {
            ui.indent(("region sources", i), |ui| {
                w::sources_list_ui(ui, &region.sources);
            });
        }
    }
    if let Some(r) = remove {
        *delete_region = Some(r);
    }
    if ui
        .button("Add region")
        .on_hover_text("Add a region of the host state.")
        .clicked()
    {
        host.regions.push(Region {
            id: fresh_region_id.into(),
            name: "New region".into(),
            kind: crate::model::RegionKind::Other,
            sources: Vec::new(),
        });
        changed = true;
    }
    changed
}

/// A crime group.
pub fn group_form(ui: &mut Ui, g: &mut CrimeGroup, opts: &RefOptions) -> bool {
    let mut changed = false;
    w::form(ui, "group_form", |ui| {
        changed |= w::text(
            ui,
            "Group name",
            "The name the room uses for this organized crime group.",
            &mut g.name,
        );
        changed |= w::choice(
            ui,
            "Relation to the state",
            "Predatory (violent competition with the state), parasitic (feeds on state resources) or symbiotic (coexists without targeting them) (§I).",
            &mut g.relation,
        );
        changed |= w::choice(
            ui,
            "Role in the peace process",
            "Spoiler, evader or partner (§I). Spoilers and evaders matter to a mission directly, partners indirectly.",
            &mut g.role,
        );
        changed |= w::choices(
            ui,
            "Markets",
            "The criminal markets the group works in (§III).",
            &mut g.markets,
        );
        changed |= w::flag(
            ui,
            "Transnational",
            "The group reaches across the host's borders; a mission's reach stops there (§IV, §VI(c)).",
            &mut g.transnational,
        );
        changed |= w::references(
            ui,
            "Operates in",
            "Regions where the group operates.",
            &mut g.regions,
            &opts.regions,
        );
        changed |= w::flag(
            ui,
            "Ties to officials",
            "Officials protect or take part in the group's business: the 'partner' pattern of Kosovo and Guinea-Bissau (§I, §IV).",
            &mut g.ties_to_officials,
        );
        changed |= w::flag(
            ui,
            "Links to armed or extremist groups",
            "The crime–conflict–violent extremism nexus (§V).",
            &mut g.armed_links,
        );
        changed |= w::flag(
            ui,
            "Local legitimacy",
            "The group provides services to the population and has grass-roots legitimacy (§IV, third challenge).",
            &mut g.local_legitimacy,
        );
        changed |= w::choice(
            ui,
            "Harm to the population",
            "How much harm the group does to the host population — not to outsiders (§IV, seventh challenge).",
            &mut g.harm,
        );
        changed |= w::choice(
            ui,
            "Approach",
            "Coercive (working against), co-optive (working with) or none yet (§II).",
            &mut g.approach,
        );
        changed |= approach_periods(ui, &mut g.approach_periods);
        changed |= w::flag(
            ui,
            "Transition plan",
            "A sequenced plan to insert the group into the licit system or end it; without one, co-optation's calm may be mistaken for peace (§II).",
            &mut g.transition_plan,
        );
        changed |= w::multiline(ui, "Notes", "Free notes on the group.", &mut g.notes);
        w::sources_row(ui, &g.sources);
    });
    changed
}

/// A group's approach over time: one row of from, to and approach per period, with add and
/// remove buttons ('war heroes' left alone at first and pursued later, §IV).
fn approach_periods(ui: &mut Ui, periods: &mut Vec<crate::model::ApproachPeriod>) -> bool {
    let mut changed = false;
    let default = YearMonth::new(2000, 1).unwrap_or_else(|| YearMonth::from_index(0));
    let mut remove = None;
    for (i, p) in periods.iter_mut().enumerate() {
        let n = i + 1;
        changed |= w::optional_date(
            ui,
            &format!("Period {n} from"),
            "First month of this approach; unticked, from the beginning.",
            &mut p.from,
            p.to.unwrap_or(default),
            "from the beginning",
        );
        changed |= w::optional_date(
            ui,
            &format!("Period {n} to"),
            "Last month of this approach; unticked, open-ended.",
            &mut p.to,
            p.from.unwrap_or(default),
            "open-ended",
        );
        changed |= w::choice(
            ui,
            &format!("Period {n} approach"),
            "How missions approach the group in this period; months no period covers take the approach above.",
            &mut p.approach,
        );
        w::no_label(ui);
        if ui
            .button(format!("Remove period {n}"))
            .on_hover_text("Remove this approach period.")
            .clicked()
        {
            remove = Some(i);
        }
        w::end_row(ui);
    }
    if let Some(i) = remove {
        periods.remove(i);
        changed = true;
    }
    w::no_label(ui);
    if ui
        .button("Add approach period")
        .on_hover_text("Say how the approach changed over time, e.g. left alone until a month, coerced after it (§IV).")
        .clicked()
    {
        periods.push(crate::model::ApproachPeriod {
            from: None,
            to: None,
            approach: crate::model::Approach::Coercive,
        });
        changed = true;
    }
    w::end_row(ui);
    changed
}

/// A mission.
pub fn mission_form(ui: &mut Ui, m: &mut Mission, opts: &RefOptions) -> bool {
    let mut changed = false;
    let others: Vec<_> = opts
        .missions
        .iter()
        .filter(|(id, _)| *id != m.id)
        .cloned()
        .collect();
    w::form(ui, "mission_form", |ui| {
        changed |= w::text(ui, "Mission name", "The mission's full name.", &mut m.name);
        changed |= w::text(
            ui,
            "Acronym",
            "Short name used on the chart and in findings (KFOR, EULEX Kosovo).",
            &mut m.acronym,
        );
        changed |= w::choice(
            ui,
            "Deploying organization",
            "Who deploys it: the UN, a regional organization or alliance, or an ad hoc coalition (§I).",
            &mut m.organization,
        );
        changed |= w::choice(
            ui,
            "Mission kind",
            "Military, police, civilian or multidimensional.",
            &mut m.kind,
        );
        changed |= w::choices(
            ui,
            "Capabilities",
            "What the mission can do. Most organizations lack the police and specialists organized crime requires (§IV.2).",
            &mut m.capabilities,
        );
        changed |= w::flag(
            ui,
            "Mandate: organized crime task",
            "An explicit task on organized crime. Few missions have one, and it neither guarantees nor limits work on crime (§III).",
            &mut m.mandate.organized_crime,
        );
        changed |= w::flag(
            ui,
            "Mandate: executive powers",
            "The mission may police, investigate, prosecute or judge itself, as UNMIK and EULEX Kosovo could (§III).",
            &mut m.mandate.executive,
        );
        changed |= w::flag(
            ui,
            "Mandate: rule of law / SSR",
            "A rule-of-law or security sector reform task.",
            &mut m.mandate.rule_of_law,
        );
        changed |= w::flag(
            ui,
            "Mandate: public security",
            "Public-security tasks such as patrols and law and order; for a military mission beside civilian ones, a source of friction (§V.4).",
            &mut m.mandate.public_security,
        );
        changed |= w::flag(
            ui,
            "Transitional authority",
            "The mission is the government, as UNMIK in Kosovo and UNTAET in East Timor were (§III): it does not act on a host's consent.",
            &mut m.mandate.transitional_authority,
        );
        changed |= w::flag(
            ui,
            "Not a SIPRI peace operation",
            "Acts beside the missions but is not a multilateral peace operation by SIPRI's definition, as the JF-G5S (Figure 2, note a).",
            &mut m.not_peace_operation,
        );
        changed |= w::date(ui, "Start", "First month of deployment.", &mut m.start);
        let start = m.start;
        changed |= w::optional_date(
            ui,
            "End",
            "Last month of deployment, planned or actual. Short missions limit long-term commitment (§IV.2).",
            &mut m.end,
            start.plus_months(24),
            "open-ended",
        );
        changed |= w::reference(
            ui,
            "Predecessor",
            "The mission this one follows in sequence (UNMIK then EULEX, MINUSTAH then MINUJUSTH).",
            &mut m.predecessor,
            &others,
            "(none)",
        );
        if m.predecessor.is_some() {
            changed |= w::flag(
                ui,
                "Handover plan",
                "A plan for the handover from the predecessor. Cases were dropped when records were lost from UNMIK to EULEX (§V.6).",
                &mut m.handover.planned,
            );
            changed |= w::choices(
                ui,
                "Handover covers",
                "What the handover plan covers.",
                &mut m.handover.covers,
            );
            changed |= w::text(
                ui,
                "Handover notes",
                "Notes on the handover.",
                &mut m.handover.notes,
            );
            w::sources_row_named(
                ui,
                "Handover sources",
                "Where the facts in the handover notes come from: the SIPRI paper (with section), general knowledge, or invented for this scenario.",
                &m.handover.sources,
            );
        }
        changed |= w::references(
            ui,
            "Shares intelligence with",
            "Missions with an intelligence-sharing arrangement. KFOR's unwillingness to share with UNMIK led to raids on brothels UNMIK was monitoring (§V.5).",
            &mut m.intel_sharing,
            &others,
        );
        changed |= w::references(
            ui,
            "Standing partners",
            "Other actors the mission works with as a standing arrangement.",
            &mut m.partners,
            &opts.actors,
        );
        changed |= w::flag(
            ui,
            "Oversight mechanism",
            "An oversight or accountability mechanism over its law-enforcement work (§IV.6).",
            &mut m.oversight,
        );
        changed |= w::count(
            ui,
            "Personnel",
            "Authorized personnel. A large presence can feed prostitution and black markets (§III).",
            &mut m.personnel,
        );
        changed |= w::multiline(ui, "Notes", "Free notes on the mission.", &mut m.notes);
        w::sources_row(ui, &m.sources);
    });
    changed
}

/// Another actor.
pub fn actor_form(ui: &mut Ui, a: &mut Actor) -> bool {
    let mut changed = false;
    w::form(ui, "actor_form", |ui| {
        changed |= w::text(ui, "Actor name", "The actor's name.", &mut a.name);
        changed |= w::choice(ui, "Actor kind", "What kind of actor (§V).", &mut a.kind);
        changed |= w::multiline(ui, "Notes", "Free notes on the actor.", &mut a.notes);
        w::sources_row(ui, &a.sources);
    });
    changed
}

/// An activity.
pub fn activity_form(ui: &mut Ui, a: &mut Activity, opts: &RefOptions, s: &Scenario) -> bool {
    let mut changed = false;
    if let Some(t) = &a.template {
        let text = Catalogue::builtin()
            .ok()
            .and_then(|c| c.get(t))
            .map_or_else(
                || format!("From template {t} (not in this catalogue)"),
                |t| format!("From the catalogue: {} — {} {}", t.title, t.what, t.section),
            );
        ui.weak(text);
    }
    let default = default_date(s);
    w::form(ui, "activity_form", |ui| {
        changed |= w::text(
            ui,
            "Activity title",
            "What the activity is, as the room calls it.",
            &mut a.title,
        );
        let shown = a.label();
        changed |= w::text_with_hint(
            ui,
            "Short label",
            "The label beside the marker on the chart. Leave it empty to use the title, shortened.",
            &mut a.short,
            &shown,
        );
        changed |= w::reference(
            ui,
            "Implementing mission",
            "The mission that carries the activity out.",
            &mut a.mission,
            &opts.missions,
            "(not decided)",
        );
        changed |= w::axis(
            ui,
            "Consequences - drivers",
            "Where the activity sits: -1 targets the consequences (symptoms) of crime, reactively; +1 targets its drivers (root causes), proactively (§II). Positions between are fine.",
            &mut a.x,
        );
        changed |= w::axis(
            ui,
            "Indirect - direct",
            "-1: done indirectly, by building host or local capacity; +1: done directly by the mission itself (§II).",
            &mut a.y,
        );
        changed |= w::choices(
            ui,
            "Kinds",
            "What the activity does. The risk rules read these tags (for example, policing by a military mission).",
            &mut a.kinds,
        );
        let components: Vec<(crate::model::Component, String)> = crate::model::Component::ALL
            .iter()
            .map(|c| (*c, c.label().to_owned()))
            .collect();
        changed |= w::reference(
            ui,
            "Component",
            "Which component of its mission carries the activity out. Troops of a multidimensional mission doing raids are the military in crime fighting (§IV.5).",
            &mut a.component,
            &components,
            "(the mission as a whole)",
        );
        changed |= w::references(
            ui,
            "Targets groups",
            "Crime groups the activity targets.",
            &mut a.groups,
            &opts.groups,
        );
        changed |= w::choices(
            ui,
            "Targets markets",
            "Criminal markets the activity targets (§III).",
            &mut a.markets,
        );
        changed |= w::reference(
            ui,
            "Region",
            "Where it takes place; leave country-wide if not one region.",
            &mut a.region,
            &opts.regions,
            "(country-wide)",
        );
        changed |= w::optional_date(
            ui,
            "Activity start",
            "First month; if unset, from the mission's start.",
            &mut a.start,
            default,
            "from the mission's start",
        );
        changed |= w::optional_date(
            ui,
            "Activity end",
            "Last month; if unset, until the mission ends.",
            &mut a.end,
            default.plus_months(12),
            "until the mission ends",
        );
        changed |= w::references(
            ui,
            "Partners",
            "Other actors it works with: development actors, neighbours, communities (§V).",
            &mut a.partners,
            &opts.actors,
        );
        changed |= w::choice(
            ui,
            "Status",
            "Where the activity stands in planning. Dropped activities are ignored by the risk checklist.",
            &mut a.status,
        );
        changed |= w::multiline(ui, "Notes", "Free notes on the activity.", &mut a.notes);
        w::sources_row(ui, &a.sources);
    });
    changed
}

/// Fallback date for new missions and timelines.
pub fn fallback_date(s: &Scenario) -> YearMonth {
    default_date(s)
}
