//! `/consumption`: what a month cost, resource by resource, as ECS bills it; the last twelve
//! months by kind; and, for the month under way, the cost so far and an estimate to its end.

use serde::{Deserialize, Serialize};

/// The three things ECS bills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Servers,
    Templates,
    Snapshots,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Servers, Kind::Templates, Kind::Snapshots];

    pub fn parse(s: &str) -> Option<Kind> {
        match s.trim() {
            "" | "servers" => Some(Kind::Servers),
            "templates" => Some(Kind::Templates),
            "snapshots" => Some(Kind::Snapshots),
            _ => None,
        }
    }

    /// Its URL value and ECS's path segment.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Servers => "servers",
            Kind::Templates => "templates",
            Kind::Snapshots => "snapshots",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Servers => crate::tr!(model.consumption.servers),
            Kind::Templates => crate::tr!(model.consumption.templates),
            Kind::Snapshots => crate::tr!(model.consumption.snapshots),
        }
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=12).contains(&month) && (2000..=2100).contains(&year))
            .then_some(Month { year, month })
    }

    /// "November 2026", "novembre 2026".
    pub fn label(self) -> String {
        let locale = crate::locale::untracked();
        format!(
            "{} {}",
            crate::locale::month_name(self.month, locale),
            self.year
        )
    }

    /// "Nov".
    pub fn short(self) -> &'static str {
        crate::locale::month_short(self.month, crate::locale::untracked())
    }

    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                month: self.month - 1,
                ..self
            }
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// The twelve months ending with this one, oldest first.
    pub fn last_twelve(self) -> Vec<Month> {
        let mut out = vec![self];
        for _ in 0..11 {
            let before = out[out.len() - 1].prev();
            out.push(before);
        }
        out.reverse();
        out
    }

    /// `/consumption?year=2026&month=11&kind=servers`.
    pub fn href(self, kind: Kind) -> String {
        format!(
            "/consumption?year={}&month={}&kind={}",
            self.year,
            self.month,
            kind.key()
        )
    }

    /// "2026-11", for file names.
    pub fn stamp(self) -> String {
        format!("{}-{:02}", self.year, self.month)
    }
}

/// One resource's month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsageRow {
    /// `ec200401`, `ei100006`, `ec200401-SNP-2`.
    pub name: String,
    /// The display name or description, when it says more than the name.
    pub title: Option<String>,
    pub href: Option<String>,
    pub plan: Option<String>,
    pub group: Option<String>,
    pub status: String,
    pub hours: f64,
    pub cost: f64,
    /// What the API bills before discounts, when it says.
    pub original: Option<f64>,
    /// How the cost came about, a line each ("612 h online", "Reserved: 120 h at 15 % off").
    pub detail: Vec<String>,
}

/// A month's totals per kind.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MonthTotals {
    pub month: Month,
    pub servers: f64,
    pub templates: f64,
    pub snapshots: f64,
}

impl MonthTotals {
    pub fn total(&self) -> f64 {
        self.servers + self.templates + self.snapshots
    }

    pub fn of(&self, kind: Kind) -> f64 {
        match kind {
            Kind::Servers => self.servers,
            Kind::Templates => self.templates,
            Kind::Snapshots => self.snapshots,
        }
    }
}

/// The month under way: spent so far, and where it is heading if nothing changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    pub so_far: f64,
    pub projected: f64,
    /// Servers counted in the estimate, and what they cost an hour together.
    pub servers: usize,
    pub hourly: f64,
    pub hours_left: f64,
}

/// Where the month stands against today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MonthState {
    Past,
    Current,
    /// Not started: nothing was asked of ECS.
    Future,
}

/// The page's data for one month and kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsumptionView {
    pub month: Month,
    pub kind: Kind,
    /// This month, for the picker's upper bound.
    pub current: Month,
    pub state: MonthState,
    pub rows: Vec<UsageRow>,
    pub total: f64,
    pub hours: f64,
    /// The list price before discounts (servers), when ECS says.
    pub original: Option<f64>,
    pub projection: Option<Projection>,
}

/// "€2.64"; below a cent, "< €0.01" (never a misleading €0.00 for something billed).
pub fn euros(v: f64) -> String {
    if v > 0.0 && v < 0.005 {
        format!(
            "< {}",
            crate::locale::money(0.01, 2, crate::locale::untracked())
        )
    } else {
        crate::locale::money(v, 2, crate::locale::untracked())
    }
}

/// "612 h", "612.5 h" ("612,5 h" in Italian).
pub fn hours(v: f64) -> String {
    let text = if v.fract() == 0.0 {
        format!("{v:.0} h")
    } else {
        format!("{v:.1} h")
    };
    match crate::locale::untracked() {
        crate::i18n::Locale::en => text,
        crate::i18n::Locale::it => text.replace('.', ","),
    }
}

/// The cost of a month from the hourly prices of what runs now, to its end: `so_far` plus
/// `hourly` for every hour left.
pub fn project(so_far: f64, hourly: f64, hours_left: f64) -> f64 {
    so_far + hourly * hours_left.max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_step_across_years_and_name_themselves() {
        let jan = Month::new(2026, 1).unwrap();
        assert_eq!(jan.prev(), Month::new(2025, 12).unwrap());
        assert_eq!(Month::new(2025, 12).unwrap().next(), jan);
        assert_eq!(jan.label(), "January 2026");
        assert_eq!(jan.short(), "Jan");
        let twelve = Month::new(2026, 11).unwrap().last_twelve();
        assert_eq!(twelve.len(), 12);
        assert_eq!(twelve[0], Month::new(2025, 12).unwrap());
        assert_eq!(twelve[11], Month::new(2026, 11).unwrap());
        assert_eq!(Month::new(2026, 13), None);
        assert_eq!(
            jan.href(Kind::Templates),
            "/consumption?year=2026&month=1&kind=templates"
        );
    }

    #[test]
    fn money_and_the_estimate_read_plainly() {
        assert_eq!(euros(2.641), "€2.64");
        assert_eq!(euros(0.001), "< €0.01");
        assert_eq!(euros(0.0), "€0.00");
        assert_eq!(hours(612.0), "612 h");
        assert!((project(10.0, 0.5, 100.0) - 60.0).abs() < 1e-9);
        assert!((project(10.0, 0.5, -3.0) - 10.0).abs() < 1e-9);
        assert_eq!(Kind::parse(""), Some(Kind::Servers));
        assert_eq!(Kind::parse("disks"), None);
    }
}
