//! Team mode: panel accounts (argon2id hashes in the panel database) act for one ECS account
//! through the panel's own API token, each with a role. The token lives in [`TeamMode`] on the
//! server; sessions carry only the account's id.

pub mod passwords;
pub mod users;

use secrecy::SecretString;

/// Team mode's settings: the ECS API token the panel acts with, and, in the demo, the seeded
/// accounts the sign-in page lists.
#[derive(Clone)]
pub struct TeamMode {
    pub token: SecretString,
    pub demo_accounts: bool,
}

impl std::fmt::Debug for TeamMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamMode")
            .field("demo_accounts", &self.demo_accounts)
            .finish_non_exhaustive()
    }
}

/// The demo's seeded accounts: each one's name is its password and its role.
pub const DEMO_ACCOUNTS: [&str; 3] = ["admin", "operator", "viewer"];
