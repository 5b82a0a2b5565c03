//! A small CPU renderer for egui_kittest's image snapshots: egui's own tessellation, each
//! triangle filled pixel by pixel (texture sampled at the nearest texel, colours blended
//! premultiplied, in gamma space as egui's renderers do). Enough to see that the chart is
//! drawn as it should be; no GPU needed (the machine and CI have none), nor wgpu, which the
//! kittest `wgpu` feature would build.

use std::collections::HashMap;

use egui::epaint::{ImageData, Primitive, Vertex};
use egui::{Color32, TextureId, TexturesDelta};
use egui_kittest::TestRenderer;

/// Textures as egui sent them, and the renderer over them.
#[derive(Default)]
pub struct CpuRenderer {
    textures: HashMap<TextureId, (usize, usize, Vec<Color32>)>,
}

impl TestRenderer for CpuRenderer {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        for (id, deltas) in &delta.set {
            for d in deltas {
                let ImageData::Color(image) = &d.image;
                let [w, h] = image.size;
                match d.pos {
                    None => {
                        self.textures.insert(*id, (w, h, image.pixels.clone()));
                    }
                    Some([x0, y0]) => {
                        if let Some((tw, _, pixels)) = self.textures.get_mut(id) {
                            for y in 0..h {
                                for x in 0..w {
                                    pixels[(y0 + y) * *tw + x0 + x] = image.pixels[y * w + x];
                                }
                            }
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            self.textures.remove(id);
        }
        delta.clear();
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<image::RgbaImage, String> {
        let ppp = ctx.pixels_per_point();
        let size = ctx.content_rect().size() * ppp;
        let (w, h) = (size.x.round() as usize, size.y.round() as usize);
        let mut out = vec![[0.0_f32; 4]; w * h];
        for clipped in ctx.tessellate(output.shapes.clone(), ppp) {
            let Primitive::Mesh(mesh) = &clipped.primitive else {
                continue;
            };
            let Some(texture) = self.textures.get(&mesh.texture_id) else {
                return Err(format!("unknown texture {:?}", mesh.texture_id));
            };
            let clip = clipped.clip_rect;
            let clip = [
                ((clip.min.x * ppp).round().max(0.0) as usize).min(w),
                ((clip.min.y * ppp).round().max(0.0) as usize).min(h),
                ((clip.max.x * ppp).round().max(0.0) as usize).min(w),
                ((clip.max.y * ppp).round().max(0.0) as usize).min(h),
            ];
            for tri in mesh.indices.chunks_exact(3) {
                let v = [
                    mesh.vertices[tri[0] as usize],
                    mesh.vertices[tri[1] as usize],
                    mesh.vertices[tri[2] as usize],
                ];
                fill(&mut out, w, clip, ppp, &v, texture);
            }
        }
        let bytes = out
            .iter()
            .flat_map(|p| p.map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8))
            .collect();
        image::RgbaImage::from_raw(w as u32, h as u32, bytes).ok_or_else(|| "image size".to_owned())
    }
}

/// Fills one triangle (vertices in points) into `out`, within `clip` (pixels).
fn fill(
    out: &mut [[f32; 4]],
    w: usize,
    clip: [usize; 4],
    ppp: f32,
    v: &[Vertex; 3],
    (tw, th, texels): &(usize, usize, Vec<Color32>),
) {
    let p = v.map(|v| (v.pos.x * ppp, v.pos.y * ppp));
    let area = (p[1].0 - p[0].0) * (p[2].1 - p[0].1) - (p[2].0 - p[0].0) * (p[1].1 - p[0].1);
    if area.abs() < 1e-6 {
        return;
    }
    let min_x = (p
        .iter()
        .map(|q| q.0)
        .fold(f32::INFINITY, f32::min)
        .floor()
        .max(0.0) as usize)
        .max(clip[0]);
    let max_x = (p.iter().map(|q| q.0).fold(0.0, f32::max).ceil() as usize).min(clip[2]);
    let min_y = (p
        .iter()
        .map(|q| q.1)
        .fold(f32::INFINITY, f32::min)
        .floor()
        .max(0.0) as usize)
        .max(clip[1]);
    let max_y = (p.iter().map(|q| q.1).fold(0.0, f32::max).ceil() as usize).min(clip[3]);
    let edge = |a: (f32, f32), b: (f32, f32), x: f32, y: f32| {
        ((b.0 - a.0) * (y - a.1) - (b.1 - a.1) * (x - a.0)) / area
    };
    for y in min_y..max_y {
        for x in min_x..max_x {
            let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
            let b0 = edge(p[1], p[2], px, py);
            let b1 = edge(p[2], p[0], px, py);
            let b2 = edge(p[0], p[1], px, py);
            if b0 < 0.0 || b1 < 0.0 || b2 < 0.0 {
                continue;
            }
            let u = b0 * v[0].uv.x + b1 * v[1].uv.x + b2 * v[2].uv.x;
            let t = b0 * v[0].uv.y + b1 * v[1].uv.y + b2 * v[2].uv.y;
            let tx = ((u * *tw as f32) as usize).min(tw - 1);
            let ty = ((t * *th as f32) as usize).min(th - 1);
            let texel = texels[ty * tw + tx].to_array();
            let mut src = [0.0; 4];
            for (c, s) in src.iter_mut().enumerate() {
                let vc = b0 * f32::from(v[0].color.to_array()[c])
                    + b1 * f32::from(v[1].color.to_array()[c])
                    + b2 * f32::from(v[2].color.to_array()[c]);
                *s = vc / 255.0 * f32::from(texel[c]) / 255.0;
            }
            let dst = &mut out[y * w + x];
            for c in 0..4 {
                dst[c] = src[c] + dst[c] * (1.0 - src[3]);
            }
        }
    }
}
