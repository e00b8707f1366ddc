//! The account: API tokens and the password.

use serde_json::json;

use super::ApiCall;

impl ApiCall {
    /// `POST /keys {notes}` → the token (in the answer, never in the call).
    pub fn create_api_token(notes: &str) -> Self {
        Self::json("POST", &["keys"], &json!({ "notes": notes }))
    }

    /// `PUT /keys/{id} {notes}`.
    pub fn rename_api_token(id: &str, notes: &str) -> Self {
        Self::json("PUT", &["keys", id], &json!({ "notes": notes }))
    }

    /// `DELETE /keys/{id}`: whatever uses the token stops working.
    pub fn delete_api_token(id: &str) -> Self {
        Self::bare("DELETE", &["keys", id])
    }

    /// `POST /account {password}`, shown as `$NEW_PASSWORD`.
    pub fn change_password(password: &str) -> Self {
        Self::json("POST", &["account"], &json!({ "password": password })).secret(
            "password",
            "NEW_PASSWORD",
            crate::tr!(model.api_call.new_password),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_made_renamed_and_destroyed_by_id() {
        let make = ApiCall::create_api_token("terraform-ci");
        assert_eq!((make.method, make.segments()), ("POST", vec!["keys"]));
        assert!(make.curl("http://x").contains(r#""notes": "terraform-ci""#));
        let rename = ApiCall::rename_api_token("5", "ci");
        assert_eq!(
            (rename.method, rename.segments()),
            ("PUT", vec!["keys", "5"])
        );
        let destroy = ApiCall::delete_api_token("5");
        assert_eq!((destroy.method, destroy.body.as_deref()), ("DELETE", None));
    }

    #[test]
    fn a_new_password_is_never_shown() {
        let call = ApiCall::change_password("hunter22");
        assert!(call.body.as_deref().unwrap().contains("hunter22"));
        let curl = call.curl("http://x");
        assert!(!curl.contains("hunter22"));
        assert!(curl.contains("$NEW_PASSWORD"));
    }
}
