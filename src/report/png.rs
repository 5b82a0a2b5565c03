//! The chart as a PNG image: the same SVG as the HTML and `--format svg`, rasterized by resvg.
//! Text is set in the Ubuntu Light face egui ships (`epaint_default_fonts`), embedded in the
//! binary, so a PNG looks the same on a machine with no fonts installed (a CI runner, a server).

use resvg::{tiny_skia, usvg};

/// Why the chart could not be drawn as PNG.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The SVG could not be read (a defect: PeaceOps writes it).
    #[error("the chart's SVG cannot be read: {0}")]
    Svg(#[from] usvg::Error),
    /// The image size is empty or too large to allocate.
    #[error("a {width}×{height} image cannot be made")]
    Size {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// The PNG could not be encoded.
    #[error("the PNG cannot be encoded: {0}")]
    Encode(String),
}

/// The fonts the chart's text is set in, loaded once.
fn options() -> usvg::Options<'static> {
    let mut opt = usvg::Options::default();
    let db = opt.fontdb_mut();
    db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    db.set_sans_serif_family("Ubuntu");
    opt.font_family = "Ubuntu".to_owned();
    opt
}

/// Rasterizes an SVG document (as the report's `svg` module writes it) at its own size, on a
/// white background (a transparent chart reads badly in slides and documents).
pub fn png(svg: &str) -> Result<Vec<u8>, PngError> {
    let tree = usvg::Tree::from_str(svg, &options())?;
    let size = tree.size().to_int_size();
    render(&tree, size.width(), size.height())
}

/// Rasterizes an SVG document into exactly `width` × `height` pixels: scaled to fit, centred,
/// on white (the chart's legend makes the SVG a little taller than the chart it was asked for).
pub fn png_sized(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, PngError> {
    let tree = usvg::Tree::from_str(svg, &options())?;
    render(&tree, width, height)
}

fn render(tree: &usvg::Tree, width: u32, height: u32) -> Result<Vec<u8>, PngError> {
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(PngError::Size { width, height })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let s = tree.size();
    let scale = (width as f32 / s.width()).min(height as f32 / s.height());
    let dx = (width as f32 - s.width() * scale) / 2.0;
    let dy = (height as f32 - s.height() * scale) / 2.0;
    let fit = tiny_skia::Transform::from_scale(scale, scale).post_translate(dx, dy);
    resvg::render(tree, fit, &mut pixmap.as_mut());
    encode_opaque(&pixmap)
}

/// The pixmap as an RGB PNG. Every pixel is opaque (the chart is drawn on white), so the alpha
/// channel carries nothing and premultiplied colour is the colour itself. The fast compression
/// keeps a 1600×1200 chart within issue 14's 100 ms (`benches/report.rs`, `report_png_1600x1200`):
/// tiny-skia's own `encode_png` compresses at the default level, which took 80 % of the time.
fn encode_opaque(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, PngError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|px| [px[0], px[1], px[2]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let encode = |e: png::EncodingError| PngError::Encode(e.to_string());
    let mut writer = encoder.write_header().map_err(encode)?;
    writer.write_image_data(&rgb).map_err(encode)?;
    writer.finish().map_err(encode)?;
    Ok(out)
}
