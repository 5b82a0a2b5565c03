//! The window (placeholder until the workshop window lands).

/// Opens the window.
pub fn run(_file: Option<std::path::PathBuf>) -> eframe::Result {
    Ok(())
}
