//! The pages' data: a `Resource` with a JSON codec that reads from bytes, as server functions read
//! their answers. With Leptos's default codec (`serde_json::from_str`) every view model was
//! decoded by two copies of its `Deserialize` in the wasm (`from_str` for the hydrated value,
//! `from_slice` for a server function's answer); measured 261 KB of the 1.6 MB of code.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::{de::DeserializeOwned, Serialize};

use crate::error::AppError;

/// JSON, decoded from the bytes of the text.
pub struct Json;

impl<T: Serialize> Encoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(val: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(val)
    }
}

impl<T: DeserializeOwned> Decoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(val: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(val.as_bytes())
    }
}

/// A page's data, or the error to show in its place.
pub type PageData<T> = Resource<Result<T, AppError>, Json>;

/// [`Resource::new`] with the [`Json`] codec.
#[track_caller]
pub fn page_data<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> PageData<T>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

/// [`Resource::new_blocking`] with the [`Json`] codec: the response waits for it (a 404 status).
#[track_caller]
pub fn page_data_blocking<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> PageData<T>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, true)
}
