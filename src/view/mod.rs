//! The window's panels, one file each, and the view state they share. Panels read the document
//! and push [`Command`](crate::command::Command)s; they never change the scenario themselves.

pub mod catalogue;
pub mod chart;
pub mod checklist;
pub mod compare;
pub mod dialogs;
pub mod editor;
pub mod exercise;
pub mod forms;
pub mod help;
pub mod import;
pub mod menu_bar;
pub mod options;
pub mod panels;
pub mod present;
pub mod start;
pub mod status_bar;
pub mod timeline;
pub mod widgets;

pub use crate::command::Selection;
use crate::model::{GroupId, MissionId};

/// The editor's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// Title, description, timeline.
    Scenario,
    /// The host state.
    Host,
    /// Crime groups.
    Groups,
    /// Missions.
    Missions,
    /// Other actors.
    Actors,
    /// Planned activities.
    #[default]
    Activities,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: &'static [Tab] = &[
        Tab::Scenario,
        Tab::Host,
        Tab::Groups,
        Tab::Missions,
        Tab::Actors,
        Tab::Activities,
    ];

    /// Tab label.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Scenario => "Scenario",
            Tab::Host => "Host state",
            Tab::Groups => "Crime groups",
            Tab::Missions => "Missions",
            Tab::Actors => "Other actors",
            Tab::Activities => "Activities",
        }
    }
}

/// Which activities the chart shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChartFilter {
    /// Only this mission's activities.
    pub mission: Option<MissionId>,
    /// Only activities targeting this group.
    pub group: Option<GroupId>,
    /// As of a month (the document's lens), leave out the activities not under way then
    /// instead of fading them.
    pub hide_inactive: bool,
}

/// View state shared by the panels (not saved with the scenario).
#[derive(Default)]
pub struct ViewState {
    /// The editor's tab.
    pub tab: Tab,
    /// The selected entity.
    pub selection: Option<Selection>,
    /// The chart's filters.
    pub filter: ChartFilter,
    /// The chart's cached series.
    pub chart: chart::ChartCache,
    /// The catalogue window.
    pub catalogue: catalogue::CatalogueState,
    /// The checklist's state.
    pub checklist: checklist::ChecklistState,
    /// The option bar's fields (issue 12).
    pub options: options::OptionsState,
    /// The compare view (issue 12).
    pub compare: compare::CompareState,
    /// The facilitator's console, the hot wash and the room's inject.
    pub exercise: exercise::ExerciseState,
    /// Scroll the editor's list to the selected entity on its next frame (something selected it:
    /// the chart, the checklist, Add or Duplicate).
    pub reveal_selection: bool,
}

impl ViewState {
    /// Selects an entity and shows its tab.
    pub fn select(&mut self, s: Selection) {
        self.tab = match &s {
            Selection::Group(_) => Tab::Groups,
            Selection::Mission(_) => Tab::Missions,
            Selection::Actor(_) => Tab::Actors,
            Selection::Activity(_) => Tab::Activities,
        };
        self.selection = Some(s);
        self.reveal_selection = true;
    }
}
