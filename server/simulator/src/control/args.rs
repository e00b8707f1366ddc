//! Command-line settings of `ecs-panel simulate`, each with an `ECS_SIM_*` environment fallback.

use std::net::SocketAddr;

// Boolean switches read 1/0, true/false, yes/no, on/off from the environment.
use clap::builder::BoolishValueParser;

use crate::config::{FaultConfig, SimConfig};
use crate::seed::MAX_EXTRA_SERVERS;

#[derive(Debug, Clone, clap::Args)]
pub struct SimArgs {
    /// Address to listen on.
    #[arg(long, env = "ECS_SIM_ADDR", default_value = "127.0.0.1:8089")]
    pub addr: SocketAddr,

    #[command(flatten)]
    pub settings: SimSettings,
}

/// How the simulator behaves, standalone or embedded in the panel (demo mode).
#[derive(Debug, Clone, clap::Args)]
pub struct SimSettings {
    /// Answer in the older documented forms (numeric sizes, flat status, wrapped actions, …).
    #[arg(long, env = "ECS_SIM_LEGACY_FORMS", value_parser = BoolishValueParser::new())]
    pub legacy_forms: bool,

    /// Seconds a new server takes to boot (the create action's duration).
    #[arg(long, env = "ECS_SIM_BOOT_SECONDS", default_value_t = 20.0)]
    pub boot_seconds: f64,

    /// Seconds a server stays `Customizing` when a script was given.
    #[arg(long, env = "ECS_SIM_CUSTOMIZE_SECONDS", default_value_t = 15.0)]
    pub customize_seconds: f64,

    /// Seconds of a power_on / power_off action.
    #[arg(long, env = "ECS_SIM_POWER_SECONDS", default_value_t = 5.0)]
    pub power_seconds: f64,

    /// Seconds of a delete_server action.
    #[arg(long, env = "ECS_SIM_DELETE_SECONDS", default_value_t = 10.0)]
    pub delete_seconds: f64,

    /// Seconds of the other actions (templates, snapshots, rollback, VLANs).
    #[arg(long, env = "ECS_SIM_TASK_SECONDS", default_value_t = 15.0)]
    pub task_seconds: f64,

    /// Simulated seconds per real second (2.0 = everything twice as fast).
    #[arg(long, env = "ECS_SIM_SPEED", default_value_t = 1.0)]
    pub speed: f64,

    /// Lifetime of the JWTs issued by /login, in seconds.
    #[arg(long, env = "ECS_SIM_TOKEN_LIFETIME", default_value_t = 4 * 3600)]
    pub token_lifetime: u64,

    /// HS256 secret for the JWTs (random per run when unset).
    #[arg(long, env = "ECS_SIM_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,

    /// Extra generated servers for the `demo` account (ec300000…), besides its 7 hand-made ones:
    /// a large account for benchmarks and for trying lists, search and paging.
    #[arg(
        long,
        env = "ECS_SIM_EXTRA_SERVERS",
        default_value_t = 0,
        value_parser = clap::value_parser!(u32).range(0..=i64::from(MAX_EXTRA_SERVERS))
    )]
    pub extra_servers: u32,

    /// How many requests `GET /__sim/requests` remembers.
    #[arg(long, env = "ECS_SIM_REQUEST_LOG", default_value_t = 200)]
    pub request_log: usize,

    /// Fault: milliseconds added to every API request.
    #[arg(long, env = "ECS_SIM_FAULT_LATENCY_MS", default_value_t = 0)]
    pub fault_latency_ms: u64,

    /// Fault: share (0..1) of API requests answered 500/502/503.
    #[arg(long, env = "ECS_SIM_FAULT_ERROR_RATE", default_value_t = 0.0)]
    pub fault_error_rate: f64,

    /// Fault: answer every API request 503 (maintenance).
    #[arg(long, env = "ECS_SIM_FAULT_MAINTENANCE", value_parser = BoolishValueParser::new())]
    pub fault_maintenance: bool,

    /// Fault: hold each API request this many ms without answering, then 504.
    #[arg(long, env = "ECS_SIM_FAULT_HANG_MS")]
    pub fault_hang_ms: Option<u64>,

    /// Fault: send response bodies 8 bytes at a time, this many ms apart.
    #[arg(long, env = "ECS_SIM_FAULT_TRICKLE_MS")]
    pub fault_trickle_ms: Option<u64>,

    /// Fault: answer 200 with the JSON body truncated.
    #[arg(long, env = "ECS_SIM_FAULT_MALFORMED_JSON", value_parser = BoolishValueParser::new())]
    pub fault_malformed_json: bool,

    /// Fault: answer 200 with an HTML page.
    #[arg(long, env = "ECS_SIM_FAULT_HTML", value_parser = BoolishValueParser::new())]
    pub fault_html: bool,

    /// Fault: answer 429 with this Retry-After (seconds).
    #[arg(long, env = "ECS_SIM_FAULT_RATE_LIMIT_SECS")]
    pub fault_rate_limit_secs: Option<u64>,

    /// Faults apply only to paths starting with this (e.g. /servers).
    #[arg(long, env = "ECS_SIM_FAULT_PATH_PREFIX")]
    pub fault_path_prefix: Option<String>,

    /// Faults apply only to this HTTP method.
    #[arg(long, env = "ECS_SIM_FAULT_METHOD")]
    pub fault_method: Option<String>,

    /// Fault: every account's tokens (JWTs and API keys) stop working after this many calls.
    #[arg(long, env = "ECS_SIM_FAULT_EXPIRE_AFTER_CALLS")]
    pub fault_expire_after_calls: Option<u32>,
}

impl SimSettings {
    pub fn to_config(&self) -> SimConfig {
        SimConfig {
            legacy_forms: self.legacy_forms,
            boot_secs: self.boot_seconds,
            customize_secs: self.customize_seconds,
            power_secs: self.power_seconds,
            delete_secs: self.delete_seconds,
            task_secs: self.task_seconds,
            speed: self.speed,
            manual_clock: false,
            token_lifetime_secs: self.token_lifetime,
            jwt_secret: self.jwt_secret.clone(),
            request_log_size: self.request_log,
            extra_servers: self.extra_servers,
            expire_after_calls: self.fault_expire_after_calls,
            faults: FaultConfig {
                latency_ms: self.fault_latency_ms,
                error_rate: self.fault_error_rate.clamp(0.0, 1.0),
                maintenance: self.fault_maintenance,
                hang_ms: self.fault_hang_ms,
                trickle_ms: self.fault_trickle_ms,
                malformed_json: self.fault_malformed_json,
                html: self.fault_html,
                rate_limit_secs: self.fault_rate_limit_secs,
                path_prefix: self.fault_path_prefix.clone(),
                method: self.fault_method.clone(),
                // Run-time only (`/__sim/faults`): a body on the command line helps nobody.
                body: None,
                status: None,
                oversize_bytes: None,
                remaining: None,
            },
        }
    }
}
