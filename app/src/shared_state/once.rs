//! One outcome per key, across requests and replicas: the first request to claim a key does the
//! work; a repeat (a double click, a retry, the same form landing on another replica) waits for it
//! and gets its answer instead of doing it again. Used for "one server per create form".

use std::future::Future;
use std::time::{Duration, Instant};

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::SharedState;
use crate::error::AppError;

/// How often a repeat looks again while the first request is still at work.
const POLL: Duration = Duration::from_millis(100);

/// What a key came to, as kept in the shared store.
#[derive(Serialize, Deserialize)]
#[serde(tag = "state", content = "value")]
enum Outcome<T> {
    Pending,
    Done(T),
    /// Perhaps done: said again to every repeat, never tried again.
    Unknown(AppError),
}

/// How the work ended.
pub enum Ran<T> {
    Done(T),
    /// Certainly not done (refused, or never sent): the key is released, so the same request may
    /// be sent again.
    Failed(AppError),
    /// Perhaps done (the answer was lost): the key stays taken, so nothing can do it twice.
    Unknown(AppError),
}

/// Runs `work` at most once for `key` within `keep`; a repeat waits up to `wait` for the first.
pub async fn once<T, F>(
    shared: &dyn SharedState,
    key: &str,
    keep: Duration,
    wait: Duration,
    work: F,
) -> Result<T, AppError>
where
    T: Serialize + DeserializeOwned,
    F: Future<Output = Ran<T>>,
{
    let pending = encode(&Outcome::<T>::Pending)?;
    let started = Instant::now();
    loop {
        let held = shared
            .claim(key, &pending, keep)
            .await
            .map_err(store_error)?;
        let Some(held) = held else { break };
        match serde_json::from_str::<Outcome<T>>(&held) {
            Ok(Outcome::Done(value)) => return Ok(value),
            Ok(Outcome::Unknown(err)) => return Err(err),
            Ok(Outcome::Pending) if started.elapsed() < wait => tokio::time::sleep(POLL).await,
            Ok(Outcome::Pending) => {
                return Err(AppError::Upstream(
                    crate::tr!(errors.api.once.still_sending).into(),
                ))
            }
            Err(_) => {
                tracing::error!("an unreadable outcome in the shared store");
                return Err(AppError::Internal);
            }
        }
    }
    match work.await {
        Ran::Done(value) => {
            let done = encode(&Outcome::Done(&value))?;
            shared.put(key, &done, keep).await.map_err(store_error)?;
            Ok(value)
        }
        Ran::Failed(err) => {
            shared.remove(key).await.map_err(store_error)?;
            Err(err)
        }
        Ran::Unknown(err) => {
            let unknown = encode(&Outcome::<T>::Unknown(err.clone()))?;
            shared.put(key, &unknown, keep).await.map_err(store_error)?;
            Err(err)
        }
    }
}

fn encode<T: Serialize>(outcome: &Outcome<T>) -> Result<String, AppError> {
    serde_json::to_string(outcome).map_err(|err| {
        tracing::error!(%err, "could not encode an outcome");
        AppError::Internal
    })
}

fn store_error(err: super::SharedError) -> AppError {
    tracing::error!(%err, "the shared store failed");
    AppError::Internal
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;
    use crate::shared_state::MemoryState;

    const KEEP: Duration = Duration::from_secs(60);
    const WAIT: Duration = Duration::from_secs(5);

    #[tokio::test]
    async fn repeats_get_the_first_answer_and_the_work_runs_once() {
        let shared = MemoryState::default();
        let runs = AtomicUsize::new(0);
        let work = || async {
            runs.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(300)).await;
            Ran::Done("ec200999".to_string())
        };
        let (a, b) = tokio::join!(
            once(&shared, "k", KEEP, WAIT, work()),
            once(&shared, "k", KEEP, WAIT, work())
        );
        assert_eq!(
            (a.unwrap(), b.unwrap()),
            ("ec200999".into(), "ec200999".into())
        );
        assert_eq!(runs.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_failure_frees_the_key_and_an_unknown_outcome_holds_it() {
        let shared = Arc::new(MemoryState::default());
        let failed = once::<String, _>(&*shared, "k", KEEP, WAIT, async {
            Ran::Failed(AppError::invalid("plan", "sold out"))
        })
        .await;
        assert!(matches!(failed, Err(AppError::Invalid { .. })));
        let retried = once(&*shared, "k", KEEP, WAIT, async { Ran::Done(1) }).await;
        assert_eq!(retried.unwrap(), 1, "sent again after a certain failure");

        let lost = AppError::Upstream("lost".into());
        let first = once::<u32, _>(&*shared, "u", KEEP, WAIT, async {
            Ran::Unknown(lost.clone())
        });
        assert_eq!(first.await.unwrap_err(), lost);
        let again = once(&*shared, "u", KEEP, WAIT, async { Ran::Done(2) }).await;
        assert_eq!(
            again.unwrap_err(),
            lost,
            "never sent twice after an unknown outcome"
        );
    }
}
