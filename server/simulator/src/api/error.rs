//! Every refusal becomes `{"status": "error", "message": "…"}` with the HTTP status the live
//! service uses (400 unless the docs say otherwise); a 401 also says how to authenticate.

use axum::response::{IntoResponse, Response};
use axum::Json;
use http::StatusCode;

use crate::world::error::SimError;

fn status(err: &SimError) -> StatusCode {
    match err {
        SimError::BadRequest(_) => StatusCode::BAD_REQUEST,
        SimError::NotFound(_) => StatusCode::NOT_FOUND,
        SimError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
        SimError::Forbidden(_) => StatusCode::FORBIDDEN,
    }
}

impl IntoResponse for SimError {
    fn into_response(self) -> Response {
        let status = status(&self);
        let body = serde_json::json!({ "status": "error", "message": self.to_string() });
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                http::header::WWW_AUTHENTICATE,
                http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
