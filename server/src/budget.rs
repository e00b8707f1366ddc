//! Each response's budget: a place among the requests served at once (`--max-concurrent`), and a
//! time limit for the whole response (`--response-timeout`). Both last until the *body* is done:
//! pages stream, so a limit that ended with the headers would neither count a render in progress
//! nor stop one that hangs. A page that has not started in time gets a readable 503 page; one
//! whose streamed body is still going at the deadline is ended with a readable note (HTML) or cut
//! (anything else); both are logged, as is a client that goes away mid-body.
//! Written here because tower's concurrency limit and tower-http's timeouts end with the headers,
//! answer 408 and abort the connection: nothing a person can read, and nothing logged.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    middleware::Next,
    response::{Html, IntoResponse, Response},
};
use http::{header, StatusCode};
use http_body::{Body as HttpBody, Frame, SizeHint};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{sleep_until, Instant, Sleep};

/// The shared budget: the time each response has, and the places to serve in.
#[derive(Clone)]
pub struct Budget {
    pub time: Duration,
    pub places: Arc<Semaphore>,
}

impl Budget {
    pub fn new(time: Duration, max_concurrent: usize) -> Self {
        Self {
            time,
            places: Arc::new(Semaphore::new(max_concurrent)),
        }
    }
}

pub async fn response_budget(State(budget): State<Budget>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    // The readable answers are in the reader's language.
    let asked = app::locale::Asked::of(req.headers());
    // The wait for a place counts against the time, as a person waits through both.
    let deadline = Instant::now() + budget.time;
    let Ok(Ok(place)) =
        tokio::time::timeout_at(deadline, budget.places.clone().acquire_owned()).await
    else {
        tracing::warn!(%path, "no place to serve within the time budget");
        return too_slow(&asked);
    };
    let budget = budget.time;
    let Ok(res) = tokio::time::timeout_at(deadline, next.run(req)).await else {
        tracing::warn!(%path, budget_ms = budget.as_millis() as u64, "no response within the time budget");
        return too_slow(&asked);
    };
    let html = crate::security::is_html(res.headers());
    let length = res
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let (parts, body) = res.into_parts();
    let body = DeadlineBody {
        // A body of known length cannot take a note: it is cut instead.
        note: (html && body.size_hint().exact().is_none()).then_some(asked),
        left: body.size_hint().exact().or(length),
        inner: body,
        sleep: Box::pin(sleep_until(deadline)),
        path,
        state: BodyState::Streaming,
        _place: place,
    };
    Response::from_parts(parts, Body::new(body))
}

/// The readable 503 of a page that has not started within its budget.
fn too_slow(asked: &app::locale::Asked) -> Response {
    let page = app::plain::too_slow_page(asked.locale());
    (StatusCode::SERVICE_UNAVAILABLE, Html(page)).into_response()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyState {
    Streaming,
    /// The inner body ended, or failed, or was cut: nothing more is sent.
    Over,
}

struct DeadlineBody {
    inner: Body,
    sleep: Pin<Box<Sleep>>,
    /// Whose language the note at the deadline is in, when the body may take one.
    note: Option<app::locale::Asked>,
    /// Bytes still to send when the length is known (the body's or its Content-Length): hyper
    /// stops polling a body once it has sent that many, so reaching zero is its end (a static
    /// file's body never says so itself).
    left: Option<u64>,
    path: String,
    state: BodyState,
    /// Given back when the body is done (or dropped).
    _place: OwnedSemaphorePermit,
}

impl HttpBody for DeadlineBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = self.get_mut();
        if this.state == BodyState::Over {
            return Poll::Ready(None);
        }
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(None) => {
                this.state = BodyState::Over;
                Poll::Ready(None)
            }
            Poll::Ready(Some(Err(err))) => {
                tracing::warn!(path = %this.path, %err, "response body failed");
                this.state = BodyState::Over;
                Poll::Ready(Some(Err(err)))
            }
            Poll::Ready(Some(Ok(frame))) => {
                if let (Some(left), Some(data)) = (this.left.as_mut(), frame.data_ref()) {
                    *left = left.saturating_sub(data.len() as u64);
                    if *left == 0 {
                        this.state = BodyState::Over;
                    }
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Pending => {
                if this.sleep.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                tracing::warn!(path = %this.path, "response body cut at the time budget");
                this.state = BodyState::Over;
                if let Some(asked) = &this.note {
                    let note = app::plain::cut_note(asked.locale());
                    Poll::Ready(Some(Ok(Frame::data(Bytes::from(note)))))
                } else {
                    Poll::Ready(Some(Err(axum::Error::new(
                        "the response time budget ran out",
                    ))))
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.state == BodyState::Over || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        if self.note.is_some() {
            // The note may be added: no exact length can be promised.
            SizeHint::default()
        } else {
            self.inner.size_hint()
        }
    }
}

impl Drop for DeadlineBody {
    fn drop(&mut self) {
        if self.state == BodyState::Streaming && !self.inner.is_end_stream() {
            tracing::info!(path = %self.path, "the client went away before the response ended");
        }
    }
}
