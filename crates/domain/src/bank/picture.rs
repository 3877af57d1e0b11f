//! Scenario pictures: PNG files from the assets folder, decoded when a screen first shows
//! one and kept in a small cache, so that a bank with many large pictures costs little memory.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::{Arc, Mutex};

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

/// How many decoded pictures a [`PictureCache`] keeps. A screen shows one picture at a time;
/// a few more let the trainee go back and forth without decoding again, while 200 pictures
/// of 2048x2048 (16 MiB each once decoded) never all sit in memory.
pub const CACHE_PICTURES: usize = 4;

/// Reads a picture's bytes by its path relative to `assets/`; `None` when it cannot be read.
pub type ReadPicture = dyn Fn(&Path) -> Option<Vec<u8>> + Send + Sync;

/// The pictures of a bank, decoded when a screen first shows one and kept in a small cache of
/// the most recently shown ones. Loading a bank (and `check`) decodes nothing.
pub struct PictureCache {
    read: Box<ReadPicture>,
    recent: Mutex<VecDeque<(String, Option<Arc<Picture>>)>>,
}

impl std::fmt::Debug for PictureCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PictureCache").finish_non_exhaustive()
    }
}

impl Default for PictureCache {
    fn default() -> Self {
        PictureCache::new(|_| None)
    }
}

impl PictureCache {
    /// A cache that reads pictures with `read`.
    pub fn new(read: impl Fn(&Path) -> Option<Vec<u8>> + Send + Sync + 'static) -> PictureCache {
        PictureCache {
            read: Box::new(read),
            recent: Mutex::new(VecDeque::with_capacity(CACHE_PICTURES)),
        }
    }

    /// The decoded picture at `path` (relative to `assets/`), read and decoded on first use.
    /// A picture that cannot be read or decoded is remembered as such, so a screen drawing it
    /// every frame does not read the file every frame.
    pub fn get(&self, path: &str) -> Option<Arc<Picture>> {
        // A poisoned lock only means a decode panicked elsewhere; the cache itself is sound.
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = recent.iter().position(|(p, _)| p == path) {
            let hit = recent.remove(i)?;
            let picture = hit.1.clone();
            recent.push_front(hit);
            return picture;
        }
        let picture = path
            .to_ascii_lowercase()
            .ends_with(".png")
            .then(|| (self.read)(Path::new(path)))
            .flatten()
            .and_then(|bytes| decode_png(&bytes).ok())
            .map(Arc::new);
        if recent.len() >= CACHE_PICTURES {
            recent.pop_back();
        }
        recent.push_front((path.to_owned(), picture.clone()));
        picture
    }

    /// How many pictures are decoded and kept now.
    pub fn decoded(&self) -> usize {
        let recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        recent.iter().filter(|(_, p)| p.is_some()).count()
    }
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
    }

    #[test]
    fn the_cache_decodes_on_first_use_and_keeps_only_the_most_recent_pictures() {
        let reads = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&reads);
        let cache = PictureCache::new(move |p| {
            counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            (p != Path::new("missing.png")).then(tiny_png)
        });
        assert_eq!(cache.decoded(), 0, "nothing is decoded before it is shown");
        assert!(cache.get("b.jpg").is_none());
        assert!(cache.get("missing.png").is_none());
        assert!(cache.get("missing.png").is_none());
        let first = cache.get("0.png").unwrap();
        assert!(Arc::ptr_eq(&first, &cache.get("0.png").unwrap()));
        assert_eq!(reads.load(std::sync::atomic::Ordering::Relaxed), 2);
        for i in 0..20 {
            cache.get(&format!("{i}.png")).unwrap();
        }
        assert!(cache.decoded() <= CACHE_PICTURES);
    }
}
