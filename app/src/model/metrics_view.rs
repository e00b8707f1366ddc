//! What the metrics page receives: three charts, each with its series already split at gaps and
//! down-sampled on the server, plus the numbers a screen reader is told.

use serde::{Deserialize, Serialize};

use super::metrics::{Point, Unit};

/// The ranges on offer (the URL's `range=`, seconds). A page shows [`range_label`] of the key.
pub const RANGES: [(&str, i64); 5] = [
    ("1h", 3_600),
    ("6h", 21_600),
    ("24h", 86_400),
    ("7d", 604_800),
    ("30d", 2_592_000),
];

/// "1 hour", "1 ora": the label of a range key of [`RANGES`] in the reader's language (the key
/// itself for anything else).
pub fn range_label(key: &str) -> &str {
    match key {
        "1h" => crate::tr!(model.metrics.h1),
        "6h" => crate::tr!(model.metrics.h6),
        "24h" => crate::tr!(model.metrics.h24),
        "7d" => crate::tr!(model.metrics.d7),
        "30d" => crate::tr!(model.metrics.d30),
        other => other,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesView {
    pub label: String,
    /// Unbroken runs of samples; a gap between two runs is drawn as a gap.
    pub segments: Vec<Vec<Point>>,
    pub min: Option<f64>,
    pub avg: Option<f64>,
    pub max: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartView {
    pub key: String,
    pub title: String,
    pub unit: Unit,
    pub series: Vec<SeriesView>,
}

impl ChartView {
    pub fn max(&self) -> f64 {
        self.series.iter().filter_map(|s| s.max).fold(0.0, f64::max)
    }

    pub fn is_empty(&self) -> bool {
        self.series
            .iter()
            .all(|s| s.segments.iter().all(Vec::is_empty))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricsView {
    pub name: String,
    pub title: String,
    /// The range shown, unix seconds.
    pub start: i64,
    pub end: i64,
    /// When the server was created: nothing exists before.
    pub created: Option<i64>,
    pub charts: Vec<ChartView>,
    /// Why there are no metrics (the API refuses them for some servers).
    pub unavailable: Option<String>,
    /// Samples received from the API, before down-sampling.
    pub samples: usize,
}
