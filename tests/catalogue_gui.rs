//! The catalogue picker gives a new activity the component of its mission that does the work:
//! military raids added for MINUSTAH (multidimensional) are its troops' (§IV.5 names Haiti), and
//! the checklist says so; added for MINUJUSTH (a police mission) they are the mission's own.

#![cfg(feature = "gui")]
#![expect(
    clippy::panic,
    clippy::unwrap_used,
    reason = "test helpers: a missing node or a failed unwrap is a failed test"
)]

mod common;

use common::harness::{harness_with, scenario_path};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use peaceops::app::PeaceOpsApp;
use peaceops::model::{Activity, Component};

type H = Harness<'static, PeaceOpsApp>;

/// Opens the catalogue, picks the mission, and adds "Military raids on criminal premises".
fn add_raids_for(h: &mut H, mission: &str) -> Activity {
    h.query_all_by_label("Add from catalogue…")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "For mission")
        .click();
    h.run();
    h.query_all_by_label(mission)
        .rfind(|n| n.accesskit_node().role() != Role::ComboBox)
        .unwrap_or_else(|| panic!("no option {mission:?}"))
        .click();
    h.run();
    let search = h.get_by_label("Search catalogue");
    search.focus();
    search.type_text("military raids");
    h.run();
    h.get_by_label("Add Military raids on criminal premises")
        .click();
    h.run();
    let added = h
        .state()
        .document()
        .scenario()
        .activities
        .last()
        .unwrap()
        .clone();
    h.get_by_label("Close window").click();
    h.run();
    added
}

#[test]
fn raids_added_for_a_multidimensional_mission_are_its_troops() {
    let (mut h, _script) = harness_with(Some(scenario_path("haiti-minustah.ron")));
    let a = add_raids_for(&mut h, "MINUSTAH");
    assert_eq!(a.mission.as_ref().unwrap().as_str(), "minustah");
    assert_eq!(a.component, Some(Component::Military));
    let doc = h.state().document();
    let s = doc.scenario();
    let said: Vec<String> = doc
        .findings()
        .iter()
        .filter(|f| f.rule == peaceops::rules::RuleId::MilitaryPolicing)
        .map(|f| f.message(s))
        .collect();
    assert!(
        said.iter()
            .any(|m| m.contains("The military component of MINUSTAH") && m.contains(&a.title)),
        "military-policing names MINUSTAH's troops doing {:?}: {said:?}",
        a.title
    );
}

#[test]
fn raids_added_for_a_police_mission_are_the_missions_own() {
    let (mut h, _script) = harness_with(Some(scenario_path("haiti-minustah.ron")));
    let a = add_raids_for(&mut h, "MINUJUSTH");
    assert_eq!(a.mission.as_ref().unwrap().as_str(), "minujusth");
    assert_eq!(a.component, None);
}
