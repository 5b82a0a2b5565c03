//! The reference scenarios shipped in `scenarios/`, embedded in the binary so the window can open
//! them wherever it is installed. They open as unsaved copies, never over the originals.

use std::path::Path;

use super::{LoadError, parse};
use crate::model::Scenario;

/// A shipped scenario.
#[derive(Clone, Copy, Debug)]
pub struct Reference {
    /// Menu label.
    pub name: &'static str,
    /// File name in `scenarios/`.
    pub file: &'static str,
    /// The file's text.
    pub text: &'static str,
}

/// The blank template, which New starts from.
pub const BLANK: Reference = Reference {
    name: "Blank scenario",
    file: "blank.ron",
    text: include_str!("../../scenarios/blank.ron"),
};

/// The reference cases drawn from the paper, in menu order.
pub const REFERENCES: &[Reference] = &[
    Reference {
        name: "Kosovo around 2008 (UNMIK, KFOR, OMIK, EULEX)",
        file: "kosovo-2008.ron",
        text: include_str!("../../scenarios/kosovo-2008.ron"),
    },
    Reference {
        name: "Haiti (MINUSTAH, then MINUJUSTH)",
        file: "haiti-minustah.ron",
        text: include_str!("../../scenarios/haiti-minustah.ron"),
    },
    Reference {
        name: "Mali and the Sahel (MINUSMA, EUCAP Sahel Mali, JF-G5S)",
        file: "mali-sahel.ron",
        text: include_str!("../../scenarios/mali-sahel.ron"),
    },
    Reference {
        name: "Guinea-Bissau (UNIOGBIS, a captured state)",
        file: "guinea-bissau.ron",
        text: include_str!("../../scenarios/guinea-bissau.ron"),
    },
    Reference {
        name: "Kosovo 2008 exercise: the UNMIK to EULEX handover (10 injects)",
        file: "kosovo-exercise.ron",
        text: include_str!("../../scenarios/kosovo-exercise.ron"),
    },
];

impl Reference {
    /// Parses the embedded text.
    pub fn load(&self) -> Result<Scenario, LoadError> {
        parse(self.text, &Path::new("scenarios").join(self.file))
    }
}
