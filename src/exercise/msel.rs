//! The exercise script as a spreadsheet: a Master Scenario Events List (MSEL) in CSV, with the
//! columns HSEEP uses where they fit, plus one for PeaceOps' effects (written as RON, the file
//! format's own notation). Written as UTF-8 with a byte-order mark so spreadsheet programs read
//! accents right; read with `,` or `;` (as spreadsheets in many locales save it). An import with
//! any bad cell imports nothing, and says the row and the column of each.

use std::collections::HashSet;
use std::fmt;

use crate::model::{Effect, Inject, InjectId, Scenario, YearMonth, is_id_char};

/// The columns, in the order they are written. Import matches them by name, ignoring case,
/// spaces at either end and the column order; other columns are ignored.
pub const COLUMNS: [&str; 9] = [
    "MSEL #",
    "Scenario Time",
    "Event Synopsis",
    "Inject",
    "Responsible Controller",
    "Expected Player Action",
    "Objective",
    "Controller Notes",
    "Effects",
];

const ID: usize = 0;
const TIME: usize = 1;
const TITLE: usize = 2;
const TEXT: usize = 3;
const CONTROLLER: usize = 4;
const EXPECTED: usize = 5;
const OBJECTIVE: usize = 6;
const NOTES: usize = 7;
const EFFECTS: usize = 8;

/// One thing wrong with an MSEL file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MselProblem {
    /// The row, counting the header as row 1 (as a spreadsheet numbers them); 0 for the file.
    pub row: usize,
    /// The column's name, if the problem is in one cell.
    pub column: Option<&'static str>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for MselProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.column) {
            (0, _) => write!(f, "{}", self.message),
            (row, Some(col)) => write!(f, "row {row}, column \"{col}\": {}", self.message),
            (row, None) => write!(f, "row {row}: {}", self.message),
        }
    }
}

/// An MSEL that could not be imported; nothing was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{} problem{} in the MSEL, nothing imported: {}", .0.len(), if .0.len() == 1 { "" } else { "s" }, .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct MselError(pub Vec<MselProblem>);

/// Writes the scenario's injects as an MSEL: UTF-8 with a byte-order mark, `,`-separated.
pub fn export(s: &Scenario) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(COLUMNS)?;
        for i in &s.injects {
            let effects = if i.effects.is_empty() {
                String::new()
            } else {
                ron::to_string(&i.effects).map_err(|e| {
                    csv::Error::from(std::io::Error::other(format!(
                        "the effects of inject {} cannot be written: {e}",
                        i.id
                    )))
                })?
            };
            let at = i.at.map(|d| d.to_string()).unwrap_or_default();
            w.write_record([
                i.id.as_str(),
                &at,
                &i.title,
                &i.text,
                &i.controller,
                &i.expected_action,
                i.section.as_deref().unwrap_or(""),
                &i.controller_notes,
                &effects,
            ])?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// Reads an MSEL into injects, checking each against the scenario (ids new and well formed,
/// effects naming missions and groups it has). All or nothing.
pub fn import(bytes: &[u8], s: &Scenario) -> Result<Vec<Inject>, MselError> {
    let file = |message: String| {
        MselError(vec![MselProblem {
            row: 0,
            column: None,
            message,
        }])
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        file(format!(
            "the file is not UTF-8 text ({e}); save it as CSV UTF-8"
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| file(format!("the header row cannot be read: {e}")))?
        .clone();
    let mut at = [None; COLUMNS.len()];
    for (i, h) in headers.iter().enumerate() {
        if let Some(c) = COLUMNS
            .iter()
            .position(|c| c.eq_ignore_ascii_case(h.trim()))
        {
            at[c].get_or_insert(i);
        }
    }
    let missing: Vec<&str> = [ID, TITLE]
        .iter()
        .filter(|c| at[**c].is_none())
        .map(|c| COLUMNS[*c])
        .collect();
    if !missing.is_empty() {
        return Err(file(format!(
            "the header row has no column {} (the columns are: {})",
            missing
                .iter()
                .map(|m| format!("\"{m}\""))
                .collect::<Vec<_>>()
                .join(" or "),
            COLUMNS.join(", ")
        )));
    }

    let mut problems = Vec::new();
    let mut injects = Vec::new();
    let mut seen = HashSet::new();
    for (n, record) in reader.records().enumerate() {
        let row = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(MselProblem {
                    row,
                    column: None,
                    message: format!("cannot be read: {e}"),
                });
                continue;
            }
        };
        let cell = |c: usize| at[c].and_then(|i| record.get(i)).unwrap_or("").trim();
        let mut bad = |c: usize, message: String| {
            problems.push(MselProblem {
                row,
                column: Some(COLUMNS[c]),
                message,
            });
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }

        let id = cell(ID);
        if id.is_empty() {
            bad(ID, "is empty; every inject needs an id".to_owned());
        } else if !id.chars().all(is_id_char) {
            bad(
                ID,
                format!("{id:?} may hold only letters, digits, '-', '_' and '.'"),
            );
        } else if !seen.insert(id.to_owned()) {
            bad(ID, format!("{id:?} is used by an earlier row"));
        }
        let title = cell(TITLE);
        if title.is_empty() {
            bad(TITLE, "is empty; every inject needs a synopsis".to_owned());
        }
        let at_month = match cell(TIME) {
            "" => None,
            t => match t.parse::<YearMonth>() {
                Ok(d) => Some(d),
                Err(_) => {
                    bad(TIME, format!("{t:?} is not a month like 2008-12"));
                    None
                }
            },
        };
        let effects = match cell(EFFECTS) {
            "" => Vec::new(),
            e => match ron::from_str::<Vec<Effect>>(e) {
                Ok(effects) => effects,
                Err(err) => {
                    bad(EFFECTS, format!("cannot be read ({err})"));
                    Vec::new()
                }
            },
        };
        for name in unknown_references(s, &effects) {
            bad(EFFECTS, name);
        }
        let section = match cell(OBJECTIVE) {
            "" => None,
            o => Some(o.to_owned()),
        };
        injects.push(Inject {
            id: InjectId::from(id),
            at: at_month,
            title: title.to_owned(),
            text: cell(TEXT).to_owned(),
            controller_notes: cell(NOTES).to_owned(),
            expected_action: cell(EXPECTED).to_owned(),
            section,
            controller: cell(CONTROLLER).to_owned(),
            effects,
        });
    }
    if problems.is_empty() {
        Ok(injects)
    } else {
        Err(MselError(problems))
    }
}

/// What the effects name that the scenario does not have, in words.
pub fn unknown_references(s: &Scenario, effects: &[Effect]) -> Vec<String> {
    let mut out = Vec::new();
    let mut new_groups = HashSet::new();
    for e in effects {
        let (missions, group) = match e {
            Effect::EndMission { mission, .. }
            | Effect::RemoveCapability { mission, .. }
            | Effect::AddCapability { mission, .. }
            | Effect::HandoverDrops { mission, .. }
            | Effect::SetHandoverPlanned { mission, .. }
            | Effect::SetOversight { mission, .. } => (vec![mission], None),
            Effect::SetIntelSharing { mission, with, .. } => (vec![mission, with], None),
            Effect::SetGroupRole { group, .. }
            | Effect::SetGroupTies { group, .. }
            | Effect::SetGroupApproach { group, .. } => (vec![], Some(group)),
            Effect::AddGroup(g) => {
                if s.group(&g.id).is_some() || !new_groups.insert(g.id.clone()) {
                    out.push(format!(
                        "adds a group with the id {:?}, which is taken",
                        g.id.0
                    ));
                }
                (vec![], None)
            }
            Effect::SetConsent(_) | Effect::SetPoliceTrust(_) | Effect::SetMinimalSecurity(_) => {
                (vec![], None)
            }
        };
        for m in missions {
            if s.mission(m).is_none() {
                out.push(format!(
                    "names the mission {:?}, which the scenario does not have",
                    m.0
                ));
            }
        }
        if let Some(g) = group
            && s.group(g).is_none()
            && !new_groups.contains(g)
        {
            out.push(format!(
                "names the group {:?}, which the scenario does not have",
                g.0
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Consent, HandoverScope};

    fn scenario() -> Scenario {
        let text = include_str!("../../scenarios/kosovo-2008.ron");
        crate::io::parse(text, std::path::Path::new("kosovo-2008.ron")).unwrap()
    }

    #[test]
    fn export_then_import_gives_the_same_injects() {
        let mut s = scenario();
        let mut a = Inject::new("m1", "Case files lost, \"again\"; see notes");
        a.at = Some("2008-12".parse().unwrap());
        a.text = "EULEX finds UNMIK's case files\nincomplete.".to_owned();
        a.controller_notes = "Do not show: ÉULEX".to_owned();
        a.section = Some("§V".to_owned());
        a.effects = vec![
            Effect::HandoverDrops {
                mission: "eulex".into(),
                scope: HandoverScope::CaseFiles,
            },
            Effect::SetConsent(Consent::Contested),
        ];
        s.injects = vec![a, Inject::new("m2", "Facilitator's choice")];
        let bytes = export(&s).unwrap();
        assert!(bytes.starts_with("\u{feff}MSEL #,".as_bytes()));
        let mut fresh = s.clone();
        fresh.injects.clear();
        assert_eq!(import(&bytes, &fresh).unwrap(), s.injects);
    }

    #[test]
    fn semicolons_and_other_column_orders_are_read() {
        let csv = "event synopsis;MSEL #;Scenario time;Unused\nRiots in the north;r1;2009-03;x\n";
        let got = import(csv.as_bytes(), &scenario()).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].id.as_str(), "r1");
        assert_eq!(got[0].title, "Riots in the north");
        assert_eq!(got[0].at, Some("2009-03".parse().unwrap()));
    }

    #[test]
    fn a_malformed_msel_names_row_and_column_and_imports_nothing() {
        let csv = "MSEL #,Event Synopsis,Scenario Time,Effects\n\
                   ok,Fine,2008-01,\n\
                   bad id,Spaces,2008-13,\n\
                   ok,Again,,\"[EndMission(mission: \"\"nope\"\", end: \"\"2009-01\"\")]\"\n\
                   x,,,[Nonsense]\n";
        let err = import(csv.as_bytes(), &scenario()).unwrap_err();
        let text: Vec<String> = err.0.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|t| t.starts_with("row 3, column \"MSEL #\"")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("row 3, column \"Scenario Time\"")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("row 4, column \"MSEL #\"") && t.contains("earlier row")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("row 4, column \"Effects\"") && t.contains("\"nope\"")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("row 5, column \"Event Synopsis\"")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("row 5, column \"Effects\"")),
            "{text:?}"
        );
    }

    #[test]
    fn a_file_without_the_needed_columns_says_which() {
        let err = import(b"Title,When\nx,y\n", &scenario()).unwrap_err();
        assert!(
            err.to_string().contains("\"MSEL #\" or \"Event Synopsis\""),
            "{err}"
        );
        let err = import(&[0xff, 0xfe, 0x00], &scenario()).unwrap_err();
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }
}
