//! Metrics as charts: series split at gaps, long ranges down-sampled (LTTB), time ticks in the
//! viewer's time zone, value ticks on round numbers, and rates scaled from KB/s to MB/s. Pure
//! functions shared by the server (which prepares the data) and the chart component.

use serde::{Deserialize, Serialize};

/// A sample: unix seconds and value.
pub type Point = (i64, f64);

/// A gap is a pause longer than this many typical steps between two samples.
const GAP_FACTOR: f64 = 2.5;

/// Splits `points` (sorted by time) where samples are missing, so a line is never drawn across a
/// hole. The typical step is the median spacing.
pub fn segments(points: &[Point]) -> Vec<Vec<Point>> {
    if points.is_empty() {
        return Vec::new();
    }
    let mut spacing: Vec<i64> = points.windows(2).map(|w| w[1].0 - w[0].0).collect();
    spacing.sort_unstable();
    let step = spacing.get(spacing.len() / 2).copied().unwrap_or(0).max(1) as f64;
    let mut out = vec![vec![points[0]]];
    for w in points.windows(2) {
        if (w[1].0 - w[0].0) as f64 > step * GAP_FACTOR {
            out.push(Vec::new());
        }
        if let Some(last) = out.last_mut() {
            last.push(w[1]);
        }
    }
    out
}

/// Largest-Triangle-Three-Buckets: keeps `threshold` points that preserve the shape (peaks and
/// troughs survive, unlike averaging). Short inputs come back unchanged.
pub fn lttb(points: &[Point], threshold: usize) -> Vec<Point> {
    if threshold >= points.len() || threshold < 3 {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(threshold);
    out.push(points[0]);
    let every = (points.len() - 2) as f64 / (threshold - 2) as f64;
    let mut a = 0usize;
    for i in 0..threshold - 2 {
        // The average of the next bucket is the third corner of the triangle.
        let next_start = ((i + 1) as f64 * every) as usize + 1;
        let next_end = (((i + 2) as f64 * every) as usize + 1).min(points.len());
        let next = &points
            [next_start.min(points.len() - 1)..next_end.max(next_start + 1).min(points.len())];
        let n = next.len().max(1) as f64;
        let avg_x = next.iter().map(|p| p.0 as f64).sum::<f64>() / n;
        let avg_y = next.iter().map(|p| p.1).sum::<f64>() / n;
        let start = (i as f64 * every) as usize + 1;
        let end = (((i + 1) as f64 * every) as usize + 1).min(points.len() - 1);
        let (ax, ay) = (points[a].0 as f64, points[a].1);
        let mut best = start;
        let mut best_area = -1.0;
        for (j, p) in points
            .iter()
            .enumerate()
            .take(end.max(start + 1))
            .skip(start)
        {
            let area = ((ax - avg_x) * (p.1 - ay) - (ax - p.0 as f64) * (avg_y - ay)).abs();
            if area > best_area {
                best_area = area;
                best = j;
            }
        }
        out.push(points[best]);
        a = best;
    }
    out.push(points[points.len() - 1]);
    out
}

/// How a series' values read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Percent,
    /// KB/s as the API sends it.
    KbPerSec,
}

/// The unit label and divisor for values up to `max`: KB/s under 1 MB/s, MB/s above.
pub fn scale(unit: Unit, max: f64) -> (&'static str, f64) {
    match unit {
        Unit::Percent => ("%", 1.0),
        Unit::KbPerSec if max >= 1024.0 => ("MB/s", 1024.0),
        Unit::KbPerSec => ("KB/s", 1.0),
    }
}

/// Round value ticks from 0 to at least `max`, 1, 2 or 5 × 10ⁿ apart, as close to `count`
/// intervals as those steps allow.
pub fn value_ticks(max: f64, count: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let count = count.max(1) as f64;
    let magnitude = 10f64.powf((max / count).log10().floor());
    let intervals = |step: f64| (max / step).ceil();
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .min_by(|a, b| {
            let da = (intervals(*a) - count).abs();
            let db = (intervals(*b) - count).abs();
            // On a tie the larger step: fewer, rounder labels.
            da.total_cmp(&db).then(b.total_cmp(a))
        })
        .unwrap_or(magnitude);
    (0..=intervals(step) as usize)
        .map(|i| i as f64 * step)
        .collect()
}

/// Steps for the time axis, in seconds, smallest first.
const TIME_STEPS: [i64; 14] = [
    60, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
    1_209_600,
];

/// Time ticks between `start` and `end` (unix seconds), at most `max_ticks`, on round local times
/// (`offset_minutes` east of UTC: a tick at 00:00 is local midnight).
pub fn time_ticks(start: i64, end: i64, max_ticks: usize, offset_minutes: i32) -> Vec<i64> {
    if end <= start {
        return Vec::new();
    }
    let span = end - start;
    let step = TIME_STEPS
        .iter()
        .copied()
        .find(|s| span / s <= max_ticks.max(1) as i64)
        .unwrap_or(TIME_STEPS[TIME_STEPS.len() - 1]);
    let offset = i64::from(offset_minutes) * 60;
    let first = ((start + offset).div_euclid(step) + 1) * step - offset;
    (0..)
        .map(|i| first + i * step)
        .take_while(|t| *t <= end)
        .collect()
}

/// A tick's label: "14:30" within a day, "Tue 24" for days, with local time from the offset.
pub fn time_label(t: i64, span: i64, offset_minutes: i32) -> String {
    let local = t + i64::from(offset_minutes) * 60;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    if span <= 2 * 86_400 || secs != 0 {
        format!("{:02}:{:02}", secs / 3_600, (secs % 3_600) / 60)
    } else {
        // 1970-01-01 was a Thursday.
        let weekday = match days.rem_euclid(7) {
            0 => crate::tr!(model.metrics.thu),
            1 => crate::tr!(model.metrics.fri),
            2 => crate::tr!(model.metrics.sat),
            3 => crate::tr!(model.metrics.sun),
            4 => crate::tr!(model.metrics.mon),
            5 => crate::tr!(model.metrics.tue),
            _ => crate::tr!(model.metrics.wed),
        };
        let (_, _, day) = civil(days);
        format!("{weekday} {day}")
    }
}

/// Days since 1970-01-01 → (year, month, day), the proleptic Gregorian calendar.
pub fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_split_the_line() {
        let pts: Vec<Point> = [0, 300, 600, 900, 4_500, 4_800]
            .iter()
            .map(|t| (*t, 1.0))
            .collect();
        let s = segments(&pts);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].len(), 4);
        assert_eq!(s[1], vec![(4_500, 1.0), (4_800, 1.0)]);
        assert!(segments(&[]).is_empty());
    }

    #[test]
    fn downsampling_keeps_peaks_and_ends() {
        let mut pts: Vec<Point> = (0..8_640)
            .map(|i| (i * 300, 10.0 + (i % 7) as f64))
            .collect();
        pts[5_000].1 = 99.0;
        pts[6_000].1 = -5.0;
        let out = lttb(&pts, 800);
        assert_eq!(out.len(), 800);
        assert_eq!(out.first(), pts.first());
        assert_eq!(out.last(), pts.last());
        assert!(out.iter().any(|p| p.1 == 99.0), "the peak survives");
        assert!(out.iter().any(|p| p.1 == -5.0), "the trough survives");
        assert!(
            out.windows(2).all(|w| w[0].0 < w[1].0),
            "still in time order"
        );
        assert_eq!(lttb(&pts[..10], 800).len(), 10);
    }

    #[test]
    fn round_value_ticks_and_units() {
        assert_eq!(
            value_ticks(87.0, 4),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(value_ticks(3.2, 4), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
        assert_eq!(
            value_ticks(1_900.0, 4),
            vec![0.0, 500.0, 1_000.0, 1_500.0, 2_000.0]
        );
        let empty = value_ticks(0.0, 4);
        assert_eq!(
            (empty[0], empty.len()),
            (0.0, 6),
            "no data still gets an axis"
        );
        assert_eq!(scale(Unit::KbPerSec, 800.0), ("KB/s", 1.0));
        assert_eq!(scale(Unit::KbPerSec, 5_000.0), ("MB/s", 1024.0));
        assert_eq!(scale(Unit::Percent, 5_000.0), ("%", 1.0));
    }

    #[test]
    fn time_ticks_fall_on_round_local_times() {
        // 2026-11-24 10:07:00 UTC, one hour: 10-minute ticks.
        let start = 1_795_514_820;
        let ticks = time_ticks(start, start + 3_600, 8, 0);
        assert_eq!(ticks.len(), 6);
        assert!(ticks.iter().all(|t| t % 600 == 0));
        assert_eq!(time_label(ticks[0], 3_600, 0), "10:10");
        // In Rome (UTC+1) a 7-day range ticks at local midnight.
        let week = time_ticks(start, start + 7 * 86_400, 8, 60);
        assert!(week.iter().all(|t| (t + 3_600) % 86_400 == 0));
        assert_eq!(time_label(week[0], 7 * 86_400, 60), "Wed 25");
        assert_eq!(civil(20_416), (2025, 11, 24));
    }
}
