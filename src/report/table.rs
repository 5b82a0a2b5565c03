//! CSV of activities and of findings, through the `csv` crate: UTF-8 with a byte-order mark
//! (so Excel shows accents), one row per activity or finding, any delimiter (`;` for French
//! Excel).

use super::model::{Report, status_id};

/// The byte-order mark Excel needs to read UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV export failed (only writing to memory, so only a defect of the data).
#[derive(Debug, thiserror::Error)]
#[error("cannot write the CSV: {0}")]
pub struct CsvError(#[from] csv::Error);

fn writer(delimiter: u8) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(BOM.to_vec())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, CsvError> {
    w.into_inner()
        .map_err(|e| CsvError(csv::Error::from(e.into_error())))
}

/// The columns of the activities CSV.
pub const ACTIVITY_COLUMNS: [&str; 11] = [
    "id",
    "title",
    "mission",
    "mission_name",
    "quadrant",
    "x",
    "y",
    "start",
    "end",
    "status",
    "notes",
];

/// The columns of the findings CSV.
pub const FINDING_COLUMNS: [&str; 9] = [
    "rule", "family", "title", "section", "entities", "message", "status", "note", "kind",
];

/// One row per activity.
pub fn activities_csv(r: &Report, delimiter: u8) -> Result<Vec<u8>, CsvError> {
    let mut w = writer(delimiter);
    w.write_record(ACTIVITY_COLUMNS)?;
    let date = |d: Option<crate::model::YearMonth>| d.map(|d| d.to_string()).unwrap_or_default();
    for a in &r.activities {
        w.write_record([
            a.id.as_str(),
            &a.title,
            &a.mission,
            &a.mission_name,
            a.quadrant_name,
            &a.x.to_string(),
            &a.y.to_string(),
            &date(a.start),
            &date(a.end),
            a.status,
            &a.notes,
        ])?;
    }
    finish(w)
}

/// One row per finding, then per decision that no longer fires and per custom item (`kind`
/// says which: `finding`, `resolved`, `custom`).
pub fn findings_csv(r: &Report, delimiter: u8) -> Result<Vec<u8>, CsvError> {
    let mut w = writer(delimiter);
    w.write_record(FINDING_COLUMNS)?;
    for f in &r.findings {
        let entities: Vec<String> = f.entities.iter().map(|e| e.key()).collect();
        w.write_record([
            f.rule.as_str(),
            f.family.map_or("", |fam| fam.label()),
            &f.title,
            &f.section,
            &entities.join(" "),
            &f.message,
            status_id(f.status),
            &f.note,
            "finding",
        ])?;
    }
    for s in &r.resolved {
        w.write_record([
            s.rule.as_str(),
            "",
            "",
            "",
            &s.entities.join(" "),
            "",
            status_id(s.status),
            &s.note,
            "resolved",
        ])?;
    }
    for c in &r.custom {
        w.write_record([
            "",
            "",
            &c.title,
            "",
            &c.id,
            "",
            status_id(c.status),
            &c.note,
            "custom",
        ])?;
    }
    finish(w)
}
