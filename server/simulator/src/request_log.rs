//! The last N requests the simulator received (`GET /__sim/requests`), so a client test can check
//! exactly what was sent. `control::requests` records them, secrets already digested.

use std::collections::VecDeque;

use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Serialize)]
pub struct LoggedRequest {
    pub seq: u64,
    pub at: String,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub auth: Option<&'static str>,
    pub content_type: Option<String>,
    /// Parsed JSON when the body is JSON, else the text (cut at 4 KiB), else null.
    pub body: Value,
    pub status: u16,
}

/// A ring of the newest requests, numbered in arrival order.
#[derive(Debug)]
pub struct RequestLog {
    capacity: usize,
    next_seq: u64,
    items: VecDeque<LoggedRequest>,
}

impl RequestLog {
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            next_seq: 0,
            items: VecDeque::new(),
        }
    }

    pub(crate) fn push(&mut self, mut entry: LoggedRequest) {
        self.next_seq += 1;
        entry.seq = self.next_seq;
        if self.items.len() >= self.capacity {
            self.items.pop_front();
        }
        self.items.push_back(entry);
    }

    /// The newest `limit` entries, oldest first.
    pub fn recent(&self, limit: usize) -> Vec<LoggedRequest> {
        let skip = self.items.len().saturating_sub(limit);
        self.items.iter().skip(skip).cloned().collect()
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }
}
