//! One typed configuration, from flags with environment fallbacks; `ecs-panel --help` lists it all.

use std::net::SocketAddr;

use clap::{Parser, Subcommand};

#[derive(Debug, Clone, Parser)]
#[command(
    name = "ecs-panel",
    version,
    about = "A web control panel for Seeweb's Cloud Server (ECS) API"
)]
pub struct Config {
    /// Address the panel listens on. Defaults to the Leptos site address (127.0.0.1:3000).
    #[arg(long, env = "ECS_PANEL_LISTEN")]
    pub listen: Option<SocketAddr>,

    /// Base URL of the ECS API, e.g. https://api.seeweb.it/ecs/v2. Unset: demo mode, against the
    /// embedded simulator.
    #[arg(long, env = "ECS_API_URL")]
    pub api_url: Option<String>,

    /// Log filter in tracing's syntax, e.g. `info` or `server=debug,tower_http=info`.
    #[arg(long, env = "ECS_PANEL_LOG", default_value = "info")]
    pub log: String,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Serve the panel (the default).
    Serve,
    /// Run the ECS API simulator alone (for client tests and demos).
    Simulate(Box<crate::simulator::SimArgs>),
}

impl Config {
    /// True when no upstream is configured and the panel talks to its own simulator.
    pub fn demo_mode(&self) -> bool {
        self.api_url.is_none()
    }
}
