//! The site (wasm, JS, CSS, public files) carried inside the release binary (feature
//! `embed-site`), so `ecs-panel` runs from any directory with no `target/site` beside it.
//!
//! cargo-leptos builds the site before the server whenever files are hashed or precompressed,
//! so the release build embeds the site of the same build, `.br` and `.gz` twins included.
//!
//! Serving is hand-written (about a hundred lines) because the crates that serve a rust-embed
//! folder either target axum 0.7 (axum-embed) or compress again at build time instead of using
//! cargo-leptos's precompressed files (memory-serve).

use axum::body::Body;
use http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, ETAG,
    IF_NONE_MATCH, VARY,
};
use http::{HeaderValue, Method, Request, Response, StatusCode};

/// Hashed names (`/pkg/ecs-panel.<hash>.wasm`) never change content: cache them for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Anything else (the favicon) is checked again each time, cheaply, with its ETag.
const REVALIDATE: &str = "no-cache";

#[cfg(feature = "embed-site")]
#[derive(rust_embed::Embed)]
#[folder = "../target/site/"]
struct Site;

/// One embedded file's bytes and digest (its ETag).
struct File {
    bytes: std::borrow::Cow<'static, [u8]>,
    sha256: [u8; 32],
}

#[cfg(feature = "embed-site")]
fn file(path: &str) -> Option<File> {
    Site::get(path).map(|f| File {
        sha256: f.metadata.sha256_hash(),
        bytes: f.data,
    })
}

#[cfg(not(feature = "embed-site"))]
fn file(_path: &str) -> Option<File> {
    None
}

/// Whether this binary carries its site (else it serves `--site-root` from disk).
pub const EMBEDDED: bool = cfg!(feature = "embed-site");

#[cfg(feature = "embed-site")]
fn names() -> Vec<String> {
    Site::iter().map(|n| n.into_owned()).collect()
}

#[cfg(not(feature = "embed-site"))]
fn names() -> Vec<String> {
    Vec::new()
}

/// The files Leptos itself reads from disk when it renders a page: the list of hashed names
/// (`hash.txt`) and the lazy chunks' manifest. They are written into a private directory of
/// this process's, and `options` point there; everything else is served from memory.
pub struct LeptosFiles {
    dir: std::path::PathBuf,
}

impl LeptosFiles {
    /// `dir`: systemd's `$RUNTIME_DIRECTORY` when there is one, else a new directory in the
    /// temporary one. Does nothing (and returns `None`) for a binary without an embedded site.
    pub fn write(
        options: &mut leptos::prelude::LeptosOptions,
    ) -> std::io::Result<Option<LeptosFiles>> {
        use std::os::unix::fs::DirBuilderExt;
        if !EMBEDDED {
            return Ok(None);
        }
        let dir = match std::env::var_os("RUNTIME_DIRECTORY") {
            Some(d) => std::path::PathBuf::from(d).join("site"),
            None => std::env::temp_dir().join(format!(
                "ecs-panel-site-{}-{:08x}",
                std::process::id(),
                rand_suffix()
            )),
        };
        // 0700, and never a directory someone else made first.
        std::fs::DirBuilder::new()
            .mode(0o700)
            .recursive(false)
            .create(&dir)
            .or_else(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists
                    if std::env::var_os("RUNTIME_DIRECTORY").is_some() =>
                {
                    Ok(())
                }
                _ => Err(e),
            })?;
        std::fs::create_dir_all(dir.join(options.site_pkg_dir.as_ref()))?;
        for name in names() {
            let wanted = name == "hash.txt" || name.contains("__wasm_split_manifest");
            if wanted && !name.ends_with(".br") && !name.ends_with(".gz") {
                if let Some(f) = file(&name) {
                    std::fs::write(dir.join(&name), &f.bytes)?;
                }
            }
        }
        let hash_list = dir.join("hash.txt");
        options.hash_files = hash_list.exists();
        // Leptos joins this to the executable's directory: an absolute path replaces it.
        options.hash_file = hash_list.to_string_lossy().as_ref().into();
        options.site_root = dir.to_string_lossy().as_ref().into();
        Ok(Some(LeptosFiles { dir }))
    }
}

impl Drop for LeptosFiles {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn rand_suffix() -> u32 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(std::time::SystemTime::now()) as u32
}

/// The embedded file a GET or HEAD asks for, in the best encoding the client accepts; `None`
/// when no such file is embedded (the app's own pages and 404 follow).
pub fn serve(req: &Request<Body>, hashed_names: bool) -> Option<Response<Body>> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return None;
    }
    let path = req.uri().path().trim_start_matches('/');
    // The twins are served through their original's name, and the hash list is for Leptos.
    if path.is_empty() || path.ends_with(".br") || path.ends_with(".gz") || path == "hash.txt" {
        return None;
    }
    let original = file(path)?;
    let accepted = req
        .headers()
        .get(ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    // cargo-leptos precompresses only what gains from it: fall back to the plain file.
    let twin = [("br", "br"), ("gzip", "gz")]
        .into_iter()
        .filter(|(e, _)| accepts(accepted, e))
        .find_map(|(e, ext)| file(&format!("{path}.{ext}")).map(|f| (e, f)));
    let (encoding, body) = match twin {
        Some((e, f)) => (Some(e), f),
        None => (None, original),
    };
    let etag = format!(
        "\"{}{}\"",
        hex(&body.sha256[..16]),
        encoding.map(|e| format!("-{e}")).unwrap_or_default()
    );
    let cache = if hashed_names && path.starts_with("pkg/") {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let fresh = req
        .headers()
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut res = Response::builder()
        .header(ETAG, &etag)
        .header(CACHE_CONTROL, cache)
        .header(VARY, "accept-encoding");
    if fresh {
        return res
            .status(StatusCode::NOT_MODIFIED)
            .body(Body::empty())
            .ok();
    }
    res = res
        .header(CONTENT_TYPE, content_type(path))
        .header(CONTENT_LENGTH, body.bytes.len());
    if let Some(e) = encoding {
        res = res.header(CONTENT_ENCODING, e);
    }
    let bytes = if req.method() == Method::HEAD {
        Body::empty()
    } else {
        Body::from(body.bytes.into_owned())
    };
    res.body(bytes).ok()
}

/// The type of what was asked for (not of its `.br` twin), with a charset for text.
fn content_type(path: &str) -> HeaderValue {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let value = match mime.essence_str() {
        m if m.starts_with("text/") || m == "application/javascript" => {
            format!("{m}; charset=utf-8")
        }
        m => m.to_string(),
    };
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("application/octet-stream"))
}

/// Whether `Accept-Encoding` allows `encoding` (present, and not `;q=0`).
fn accepts(header: &str, encoding: &str) -> bool {
    header.split(',').any(|part| {
        let mut bits = part.split(';');
        let name = bits.next().unwrap_or_default().trim();
        let refused = bits.any(|p| {
            p.trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        (name.eq_ignore_ascii_case(encoding) || name == "*") && !refused
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::accepts;

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip;q=1.0, br;q=0.5", "br"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("gzip", "br"));
        assert!(accepts("*", "gzip"));
        assert!(!accepts("", "gzip"));
    }
}
