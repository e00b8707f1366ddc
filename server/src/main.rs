//! `ecs-panel`: parse the configuration, start logging, serve the panel (or the simulator alone).

use clap::Parser;
use leptos::config::get_configuration;
use server::config::{Command, Config};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

fn main() {
    // cargo-leptos bakes the site's output name in at build time; a plain `cargo build` does not.
    // Set it before any thread exists, so the binary behaves the same however it was built.
    if std::env::var_os("LEPTOS_OUTPUT_NAME").is_none() {
        std::env::set_var("LEPTOS_OUTPUT_NAME", "ecs-panel");
    }
    let config = Config::parse();
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_new(&config.log).unwrap_or_else(|_| EnvFilter::new("info")))
        .init();

    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("ecs-panel: cannot start the async runtime: {e}");
            std::process::exit(1);
        }
    };
    let result = runtime.block_on(async {
        match config.command.clone().unwrap_or(Command::Serve) {
            Command::Serve => run_panel(config).await,
            Command::Simulate(args) => ecs_simulator::run_standalone(*args).await,
            Command::Users { action } => server::users_cli::run(&config.database, action).await,
        }
    });
    if let Err(message) = result {
        eprintln!("ecs-panel: {message}");
        std::process::exit(1);
    }
}

async fn run_panel(config: Config) -> Result<(), String> {
    config.validate()?;
    let conf = get_configuration(None).map_err(|e| format!("invalid Leptos configuration: {e}"))?;
    let mut options = conf.leptos_options;
    if let Some(listen) = config.listen {
        options.site_addr = listen;
    }
    // A binary with its site inside writes the two files Leptos reads from disk; they go with it.
    let _leptos_files = server::site::LeptosFiles::write(&mut options)
        .map_err(|e| format!("cannot write the site's hash list: {e}"))?;
    let addr = options.site_addr;
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    // Kept alive for as long as the panel serves: dropping it stops the embedded simulator.
    let (panel, _simulator) = server::startup::build_panel(&config, options).await?;
    let mode = if config.demo_mode() {
        "demo mode (embedded simulator)"
    } else {
        "upstream"
    };
    tracing::info!("ECS Panel listening on http://{addr} in {mode}");
    server::http_stack::serve_with(listener, server::panel_router(panel), config.header_timeout)
        .await
        .map_err(|e| format!("server stopped: {e}"))
}
