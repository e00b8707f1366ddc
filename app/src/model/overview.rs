//! The start page's figures: who you are at Seeweb and what your servers are doing.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountOverview {
    pub username: String,
    pub email: String,
    pub servers_total: usize,
    /// (status, count), most common first.
    pub by_status: Vec<(String, usize)>,
}
