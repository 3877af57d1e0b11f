//! Scenario pictures: PNG files from the assets folder, decoded once when the bank is loaded
//! so that drawing a scenario never reads a file.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// Pictures larger than this on either side are refused: a scenario picture is an
/// illustration, and a huge one would cost memory on every screen that shows it.
pub const MAX_SIDE: u32 = 2048;

/// A decoded picture: 8-bit RGBA pixels, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
}

/// Decodes a PNG file's bytes.
pub fn decode_png(bytes: &[u8]) -> Result<Picture, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder
        .read_info()
        .map_err(|e| format!("not a readable PNG: {e}"))?;
    let (width, height) = (reader.info().width, reader.info().height);
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!(
            "the picture is {width}x{height} pixels; at most {MAX_SIDE} on each side"
        ));
    }
    let size = reader
        .output_buffer_size()
        .ok_or("the picture is too large")?;
    let mut buf = vec![0; size];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("not a readable PNG: {e}"))?;
    buf.truncate(info.buffer_size());
    let pixels = (width * height) as usize;
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => return Err("indexed PNG colours could not be expanded".into()),
    };
    if rgba.len() != pixels * 4 {
        return Err("the picture's data does not match its size".into());
    }
    Ok(Picture {
        width,
        height,
        rgba,
    })
}

/// Decoded pictures by their path relative to `assets/`.
pub type Pictures = HashMap<String, Arc<Picture>>;

/// Reads and decodes every picture in `paths` with `read`; pictures that cannot be read are
/// left out (validation reports missing files; a broken PNG simply is not shown).
pub fn load_all<'a>(
    paths: impl IntoIterator<Item = &'a str>,
    read: impl Fn(&Path) -> Option<Vec<u8>>,
) -> Pictures {
    let mut pictures = Pictures::new();
    for path in paths {
        if pictures.contains_key(path) || !path.to_ascii_lowercase().ends_with(".png") {
            continue;
        }
        if let Some(picture) = read(Path::new(path)).and_then(|bytes| decode_png(&bytes).ok()) {
            pictures.insert(path.to_owned(), Arc::new(picture));
        }
    }
    pictures
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2x1 PNG: red, then half-transparent blue.
    pub(crate) fn tiny_png() -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, 2, 1);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer
            .write_image_data(&[255, 0, 0, 255, 0, 0, 255, 128])
            .unwrap();
        drop(writer);
        out
    }

    #[test]
    fn a_png_decodes_to_rgba_and_garbage_is_an_error() {
        let p = decode_png(&tiny_png()).unwrap();
        assert_eq!((p.width, p.height), (2, 1));
        assert_eq!(p.rgba, [255, 0, 0, 255, 0, 0, 255, 128]);
        assert!(decode_png(b"not a png").is_err());
        let pictures = load_all(["a.png", "a.png", "b.jpg", "missing.png"], |p| {
            (p == Path::new("a.png")).then(tiny_png)
        });
        assert_eq!(pictures.len(), 1);
    }
}
