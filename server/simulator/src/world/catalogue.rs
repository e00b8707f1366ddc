//! The fixed catalogue: regions, plans, public images and the physical hosts behind them.
//! Names, sizes and prices (EUR) are those the live service answers with, where they differ from
//! the docs (`it-mi2` is "Milano"); sizes the docs leave out are plausible guesses, marked as such.

pub struct Region {
    pub id: u32,
    pub location: &'static str,
    pub description: &'static str,
}

pub const REGIONS: &[Region] = &[
    Region {
        id: 2,
        location: "it-mi2",
        description: "Milano",
    },
    Region {
        id: 3,
        location: "it-fr2",
        description: "Frosinone",
    },
    Region {
        id: 6,
        location: "ch-lug1",
        description: "Lugano",
    },
    Region {
        id: 7,
        location: "bg-sof1",
        description: "Sofia",
    },
];

pub struct Plan {
    pub id: u32,
    pub name: &'static str,
    pub cpu: u32,
    pub ram: u32,
    pub disk: u32,
    pub gpu: u32,
    pub gpu_label: Option<&'static str>,
    pub hourly: f64,
    pub monthly: f64,
    pub windows: bool,
    /// Which kind of physical host the plan needs (hosts carry the same tag).
    pub host_type: &'static str,
    pub regions: &'static [&'static str],
}

const ALL: &[&str] = &["it-mi2", "it-fr2", "ch-lug1", "bg-sof1"];
const THREE: &[&str] = &["it-mi2", "it-fr2", "ch-lug1"];
const FR2: &[&str] = &["it-fr2"];

/// A standard plan (no GPU) on the usual ECS hosts.
const fn std_plan(
    id: u32,
    name: &'static str,
    size: (u32, u32, u32),
    price: (f64, f64),
    windows: bool,
    regions: &'static [&'static str],
) -> Plan {
    Plan {
        id,
        name,
        cpu: size.0,
        ram: size.1,
        disk: size.2,
        gpu: 0,
        gpu_label: None,
        hourly: price.0,
        monthly: price.1,
        windows,
        host_type: "ECS",
        regions,
    }
}

/// A high-memory, GPU or accelerator plan: sold in it-fr2 only, never with Windows.
const fn special(
    id: u32,
    name: &'static str,
    size: (u32, u32, u32),
    gpu: (u32, &'static str),
    monthly: f64,
    host_type: &'static str,
) -> Plan {
    // Hourly price of the special plans: the monthly price over ~730 hours (not in the docs).
    let hourly = ((monthly / 730.0) * 1000.0) as u64 as f64 / 1000.0;
    Plan {
        gpu: gpu.0,
        gpu_label: if gpu.0 == 0 { None } else { Some(gpu.1) },
        host_type,
        ..std_plan(id, name, size, (hourly, monthly), false, FR2)
    }
}

pub const PLANS: &[Plan] = &[
    std_plan(1, "eCS1", (1, 1024, 20), (0.019, 14.0), false, ALL),
    std_plan(7, "eCS2", (2, 2048, 40), (0.032, 23.0), false, THREE),
    std_plan(8, "eCS3", (4, 4096, 80), (0.048, 35.0), false, THREE),
    std_plan(9, "eCS4", (4, 8192, 160), (0.063, 45.0), false, THREE),
    std_plan(10, "eCS5", (8, 16384, 320), (0.127, 91.0), false, THREE),
    std_plan(11, "eCS6", (12, 24576, 400), (0.152, 109.0), false, THREE),
    std_plan(12, "eCS2W", (2, 2048, 40), (0.048, 35.0), true, THREE),
    std_plan(13, "eCS3W", (4, 4096, 80), (0.077, 56.0), true, THREE),
    std_plan(14, "eCS4W", (4, 8192, 160), (0.125, 91.0), true, THREE),
    std_plan(15, "eCS5W", (8, 16384, 320), (0.249, 182.0), true, THREE),
    std_plan(16, "eCS6W", (12, 24576, 400), (0.338, 247.0), true, THREE),
    // High memory: first and last sizes from the docs, the middle three interpolated.
    special(20, "eCS1HM", (4, 65536, 200), (0, ""), 156.0, "ECSHM"),
    special(21, "eCS2HM", (8, 131072, 400), (0, ""), 312.0, "ECSHM"),
    special(22, "eCS3HM", (16, 262144, 600), (0, ""), 588.0, "ECSHM"),
    special(23, "eCS4HM", (24, 524288, 1000), (0, ""), 1090.0, "ECSHM"),
    special(24, "eCS5HM", (32, 983040, 1500), (0, ""), 1827.0, "ECSHM"),
    special(
        30,
        "ECS1GPU",
        (8, 32768, 500),
        (1, "RTX 6000"),
        209.0,
        "GPU",
    ),
    special(
        31,
        "ECS1GPU2",
        (8, 65536, 500),
        (1, "RTX A6000"),
        533.0,
        "GPU",
    ),
    special(
        32,
        "ECS1GPU3",
        (16, 122880, 1000),
        (1, "A100 80GB"),
        1361.0,
        "GPU",
    ),
    special(33, "ECS1GPU6", (4, 32768, 100), (1, "L4"), 274.0, "GPU"),
    special(34, "ECS1GPU7", (8, 65536, 500), (1, "L40s"), 612.0, "GPU"),
    special(
        35,
        "ECS1GPU8",
        (64, 1048576, 6000),
        (4, "H100 80 GB"),
        6048.0,
        "GPU",
    ),
    special(
        36,
        "ECS8GPU9",
        (255, 2097152, 12000),
        (8, "AMD MI300X"),
        13536.0,
        "GPU",
    ),
    special(
        40,
        "ECS1AIA1",
        (4, 16384, 100),
        (1, "Tenstorrent Grayskull e75"),
        49.0,
        "AIA",
    ),
];

/// Plans are matched without regard to case: the docs write both `ECS6` and `eCS6`.
pub fn plan(name: &str) -> Option<&'static Plan> {
    PLANS
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
}

pub fn plan_by_id(id: u32) -> Option<&'static Plan> {
    PLANS.iter().find(|p| p.id == id)
}

pub fn region(location: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.location == location.trim())
}

/// A physical host, with what other customers leave free on it when the simulator starts.
pub struct HostSpec {
    pub name: &'static str,
    pub region: &'static str,
    pub host_type: &'static str,
    pub gpu_label: Option<&'static str>,
    pub cpu: u32,
    pub ram: u32,
    pub gpus: u32,
}

const fn host(
    name: &'static str,
    region: &'static str,
    host_type: &'static str,
    cpu: u32,
    ram: u32,
) -> HostSpec {
    HostSpec {
        name,
        region,
        host_type,
        gpu_label: None,
        cpu,
        ram,
        gpus: 0,
    }
}

const fn gpu_host(
    name: &'static str,
    label: &'static str,
    host_type: &'static str,
    cpu: u32,
    ram: u32,
    gpus: u32,
) -> HostSpec {
    HostSpec {
        gpu_label: Some(label),
        gpus,
        ..host(name, "it-fr2", host_type, cpu, ram)
    }
}

/// Free capacity is chosen so that some pairs are sold out: eCS6/eCS6W in ch-lug1 (no host has 12
/// free cores) and ECS1GPU7 (its only L40s host is full).
pub const HOSTS: &[HostSpec] = &[
    host("ecs560.host.seeweb.it", "it-fr2", "ECS", 40, 163_840),
    host("ecs561.host.seeweb.it", "it-fr2", "ECS", 24, 98_304),
    host("ecs562.host.seeweb.it", "it-fr2", "ECS", 16, 65_536),
    host("ecshm10.host.seeweb.it", "it-fr2", "ECSHM", 64, 1_572_864),
    gpu_host("gpu101.host.seeweb.it", "RTX 6000", "GPU", 32, 131_072, 2),
    gpu_host("gpu102.host.seeweb.it", "RTX A6000", "GPU", 32, 262_144, 1),
    gpu_host("gpu103.host.seeweb.it", "A100 80GB", "GPU", 32, 262_144, 1),
    gpu_host("gpu104.host.seeweb.it", "L4", "GPU", 24, 131_072, 3),
    gpu_host("gpu105.host.seeweb.it", "L40s", "GPU", 16, 131_072, 0),
    gpu_host(
        "gpu106.host.seeweb.it",
        "H100 80 GB",
        "GPU",
        128,
        2_097_152,
        4,
    ),
    gpu_host(
        "gpu107.host.seeweb.it",
        "AMD MI300X",
        "GPU",
        256,
        2_621_440,
        8,
    ),
    gpu_host(
        "npu01.host.seeweb.it",
        "Tenstorrent Grayskull e75",
        "AIA",
        16,
        65_536,
        4,
    ),
    host("ecs640.host.seeweb.it", "it-mi2", "ECS", 32, 131_072),
    host("ecs641.host.seeweb.it", "it-mi2", "ECS", 20, 81_920),
    host("ecs720.host.seeweb.it", "ch-lug1", "ECS", 8, 20_480),
    host("ecs721.host.seeweb.it", "ch-lug1", "ECS", 6, 16_384),
    host("ecs810.host.seeweb.it", "bg-sof1", "ECS", 8, 16_384),
];

/// Reserved periods on offer, with their discount in percent.
pub const RESERVED_MONTHS: &[(u32, u32)] = &[(3, 5), (6, 10), (12, 15), (24, 20)];

/// The id of the reserved plan "M{months}P{plan}" (ids are stable: derived from both parts).
pub fn reserved_plan_id(plan: &Plan, months: u32) -> Option<u32> {
    let index = RESERVED_MONTHS.iter().position(|(m, _)| *m == months)?;
    Some(plan.id * 10 + index as u32 + 1)
}

/// The plan, months and discount of a reserved plan id.
pub fn reserved_plan_by_id(id: u32) -> Option<(&'static Plan, u32, u32)> {
    let plan = plan_by_id(id / 10)?;
    let index = (id % 10).checked_sub(1)? as usize;
    let (months, discount) = RESERVED_MONTHS.get(index)?;
    Some((plan, *months, *discount))
}

pub fn reserved_discount(months: u32) -> Option<u32> {
    RESERVED_MONTHS
        .iter()
        .find(|(m, _)| *m == months)
        .map(|(_, d)| *d)
}
