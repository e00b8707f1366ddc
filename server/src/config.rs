//! One typed configuration, from flags with environment fallbacks; `ecs-panel --help` lists it all.
//! Invalid values stop the process with one clear line (see `Config::validate`).

use std::{net::SocketAddr, time::Duration};

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

    /// The URL people open the panel at (behind a proxy, its https address). Requests that change
    /// something must come from this origin. Unset: the request's own Host.
    #[arg(long, env = "ECS_PANEL_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Where sessions live: `sqlite://<file>` (survives restarts), `redis://host:port` (shared by
    /// several replicas), or `memory` (tests).
    #[arg(
        long,
        env = "ECS_PANEL_SESSION_STORE",
        default_value = "sqlite://ecs-panel-sessions.db"
    )]
    pub session_store: String,

    /// Mark the session cookie `Secure`. Default: on when the public URL is https.
    #[arg(long, env = "ECS_PANEL_COOKIE_SECURE")]
    pub cookie_secure: Option<bool>,

    /// Sign users out after this long without a request.
    #[arg(long, env = "ECS_PANEL_IDLE_TIMEOUT", default_value = "8h", value_parser = humantime::parse_duration)]
    pub idle_timeout: Duration,

    /// A session signed in with an API token ends after this long at most (API tokens never
    /// expire upstream).
    #[arg(long, env = "ECS_PANEL_API_TOKEN_LIFETIME", default_value = "12h", value_parser = humantime::parse_duration)]
    pub api_token_lifetime: Duration,

    /// Proxies whose `X-Forwarded-For` is believed, as a comma-separated CIDR list
    /// (`10.0.0.0/8,::1`). From them, the right-most address not in the list is the client's.
    /// Default: none (the TCP peer is the client).
    #[arg(long, env = "ECS_PANEL_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: String,

    /// A client must send a request's headers within this long (slow-header attacks).
    #[arg(long, env = "ECS_PANEL_HEADER_TIMEOUT", default_value = "10s", value_parser = humantime::parse_duration)]
    pub header_timeout: Duration,

    /// A whole response, body included, must be done within this long; longer renders end with
    /// an error page and a log line. Above the worst upstream path (15 s + a retry + 15 s).
    #[arg(long, env = "ECS_PANEL_RESPONSE_TIMEOUT", default_value = "45s", value_parser = humantime::parse_duration)]
    pub response_timeout: Duration,

    /// Requests served at once; more wait their turn.
    #[arg(long, env = "ECS_PANEL_MAX_CONCURRENT", default_value_t = 512)]
    pub max_concurrent: usize,

    /// Time allowed to connect to the ECS API.
    #[arg(long, env = "ECS_PANEL_CONNECT_TIMEOUT", default_value = "3s", value_parser = humantime::parse_duration)]
    pub connect_timeout: Duration,

    /// Time allowed for a whole ECS API call.
    #[arg(long, env = "ECS_PANEL_REQUEST_TIMEOUT", default_value = "15s", value_parser = humantime::parse_duration)]
    pub request_timeout: Duration,

    /// Demo mode: where the embedded simulator listens (loopback; port 0 picks a free one).
    #[arg(long, env = "ECS_PANEL_SIM_ADDR", default_value = "127.0.0.1:0")]
    pub sim_addr: SocketAddr,

    #[command(flatten, next_help_heading = "Demo mode: the embedded simulator")]
    pub simulator: ecs_simulator::SimSettings,

    /// The panel's own database (team mode's people, the audit log): `sqlite://<file>`,
    /// `sqlite::memory:` (tests) or `postgres://…` (several replicas share it).
    #[arg(
        long = "database",
        env = "ECS_PANEL_DATABASE_URL",
        default_value = "sqlite://ecs-panel.db"
    )]
    pub database: String,

    /// Team mode: a file (readable by the panel only) holding the ECS API token the panel acts
    /// with; people then sign in with panel accounts (`ecs-panel users add`).
    #[arg(long, env = "ECS_PANEL_TEAM_TOKEN_FILE", help_heading = "Team mode")]
    pub team_token_file: Option<std::path::PathBuf>,

    /// Team mode with the token itself (the file is safer: environments leak into `ps` and core
    /// dumps).
    #[arg(
        long,
        env = "ECS_PANEL_TEAM_TOKEN",
        hide_env_values = true,
        help_heading = "Team mode"
    )]
    pub team_token: Option<String>,

    /// Demo mode only: run the demo in team mode, with the accounts admin/admin,
    /// operator/operator and viewer/viewer.
    #[arg(long, env = "ECS_PANEL_DEMO_TEAM", default_value = "false", action = clap::ArgAction::Set,
          value_parser = clap::builder::BoolishValueParser::new(), help_heading = "Team mode")]
    pub demo_team: bool,

    /// How long audit entries are kept (older ones are deleted at start and every six hours).
    #[arg(long, env = "ECS_PANEL_AUDIT_RETENTION", default_value = "365days", value_parser = humantime::parse_duration)]
    pub audit_retention: Duration,

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
    Simulate(Box<ecs_simulator::SimArgs>),
    /// Team mode's panel accounts, in the panel database (`--database`).
    Users {
        #[command(subcommand)]
        action: UsersCommand,
    },
}

#[derive(Debug, Clone, Subcommand)]
pub enum UsersCommand {
    /// Add an account; prints a one-time password, to be changed at first sign-in.
    Add {
        name: String,
        /// viewer, operator or admin.
        #[arg(long, default_value = "viewer")]
        role: String,
    },
    /// List the accounts.
    List,
    /// Give an account a new one-time password (printed).
    ResetPassword { name: String },
    /// Disable an account: it is signed out at its next request.
    Disable { name: String },
    /// Re-enable a disabled account.
    Enable { name: String },
}

/// Which session store `--session-store` selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionStoreKind {
    Memory,
    Sqlite(String),
    Redis(String),
}

impl Config {
    /// True when no upstream is configured and the panel talks to its own simulator.
    pub fn demo_mode(&self) -> bool {
        self.api_url.is_none()
    }

    /// Checks what clap cannot; the error is one line meant for the operator.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(url) = &self.api_url {
            let parsed = url::Url::parse(url)
                .map_err(|e| format!("ECS_API_URL {url:?} is not a URL: {e}"))?;
            if !matches!(parsed.scheme(), "http" | "https") {
                return Err(format!("ECS_API_URL must be http or https, got {url:?}"));
            }
        }
        if let Some(url) = &self.public_url {
            let parsed = url::Url::parse(url)
                .map_err(|e| format!("ECS_PANEL_PUBLIC_URL {url:?} is not a URL: {e}"))?;
            if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
                return Err(format!(
                    "ECS_PANEL_PUBLIC_URL must be an http(s) URL with a host, got {url:?}"
                ));
            }
        }
        self.session_store_kind()?;
        if self.request_timeout.is_zero()
            || self.connect_timeout.is_zero()
            || self.header_timeout.is_zero()
            || self.response_timeout.is_zero()
            || self.api_token_lifetime.is_zero()
        {
            return Err("timeouts and lifetimes must be greater than zero".into());
        }
        if self.demo_team && !self.demo_mode() {
            return Err("ECS_PANEL_DEMO_TEAM works in demo mode only (no ECS_API_URL); for a real team set ECS_PANEL_TEAM_TOKEN_FILE".into());
        }
        if self.audit_retention.is_zero() {
            return Err("ECS_PANEL_AUDIT_RETENTION must be greater than zero".into());
        }
        if self.max_concurrent == 0 {
            return Err("ECS_PANEL_MAX_CONCURRENT must be at least 1".into());
        }
        self.trusted_proxies()?;
        Ok(())
    }

    pub fn session_store_kind(&self) -> Result<SessionStoreKind, String> {
        let s = self.session_store.trim();
        if s == "memory" {
            Ok(SessionStoreKind::Memory)
        } else if let Some(path) = s.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err("ECS_PANEL_SESSION_STORE: sqlite:// needs a file path".into());
            }
            Ok(SessionStoreKind::Sqlite(path.to_string()))
        } else if s.starts_with("redis://") || s.starts_with("rediss://") {
            Ok(SessionStoreKind::Redis(s.to_string()))
        } else {
            Err(format!(
                "ECS_PANEL_SESSION_STORE must be memory, sqlite://<file> or redis://<host>, got {s:?}"
            ))
        }
    }

    /// Team mode's ECS API token, from the file or the variable (`None`: personal mode). The file
    /// must be readable by its owner only.
    pub fn team_token(&self) -> Result<Option<String>, String> {
        let token = match (&self.team_token_file, &self.team_token) {
            (Some(_), Some(_)) => {
                return Err(
                    "set ECS_PANEL_TEAM_TOKEN_FILE or ECS_PANEL_TEAM_TOKEN, not both".into(),
                )
            }
            (Some(path), None) => {
                use std::os::unix::fs::PermissionsExt;
                let meta = std::fs::metadata(path)
                    .map_err(|e| format!("ECS_PANEL_TEAM_TOKEN_FILE {}: {e}", path.display()))?;
                if meta.permissions().mode() & 0o077 != 0 {
                    return Err(format!(
                        "ECS_PANEL_TEAM_TOKEN_FILE {} can be read by other users: chmod 600 it",
                        path.display()
                    ));
                }
                std::fs::read_to_string(path)
                    .map_err(|e| format!("ECS_PANEL_TEAM_TOKEN_FILE {}: {e}", path.display()))?
            }
            (None, Some(token)) => token.clone(),
            (None, None) => return Ok(None),
        };
        let token = token.trim().to_string();
        if token.is_empty() || token.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err("the team token must be one API token on one line".into());
        }
        Ok(Some(token))
    }

    pub fn trusted_proxies(&self) -> Result<crate::client_addr::TrustedProxies, String> {
        crate::client_addr::TrustedProxies::parse(&self.trusted_proxies)
    }

    /// The origin (`scheme://host[:port]`) of the public URL, if one is configured.
    pub fn public_origin(&self) -> Option<String> {
        let url = url::Url::parse(self.public_url.as_deref()?).ok()?;
        Some(url.origin().ascii_serialization())
    }

    pub fn cookie_secure(&self) -> bool {
        self.cookie_secure.unwrap_or_else(|| {
            self.public_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Config {
        Config::try_parse_from(std::iter::once("ecs-panel").chain(args.iter().copied()))
            .expect("parses")
    }

    #[test]
    fn defaults_are_demo_mode_with_sqlite_sessions() {
        let c = parse(&[]);
        assert!(c.demo_mode());
        assert_eq!(
            c.session_store_kind(),
            Ok(SessionStoreKind::Sqlite("ecs-panel-sessions.db".into()))
        );
        assert_eq!(c.idle_timeout, Duration::from_secs(8 * 3600));
        assert!(!c.cookie_secure());
        assert_eq!(c.api_token_lifetime, Duration::from_secs(12 * 3600));
        assert!(c.trusted_proxies().unwrap().0.is_empty());
        assert!(c.validate().is_ok());
    }

    #[test]
    fn https_public_url_makes_cookies_secure_and_sets_the_origin() {
        let c = parse(&["--public-url", "https://panel.example.com/"]);
        assert!(c.cookie_secure());
        assert_eq!(
            c.public_origin().as_deref(),
            Some("https://panel.example.com")
        );
    }

    #[test]
    fn the_embedded_simulator_can_seed_a_large_demo_account() {
        assert_eq!(parse(&[]).simulator.to_config().extra_servers, 0);
        let c = parse(&["--extra-servers", "1000"]);
        assert_eq!(c.simulator.to_config().extra_servers, 1000);
        assert!(Config::try_parse_from(["ecs-panel", "--extra-servers", "9999999"]).is_err());
        assert!(Config::try_parse_from(["ecs-panel", "--extra-servers", "-1"]).is_err());
    }

    #[test]
    fn a_team_token_file_must_be_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("ecs-team-token-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("token");
        std::fs::write(&file, "tok-123\n").unwrap();
        let path = file.to_str().unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let open = parse(&["--team-token-file", path])
            .team_token()
            .unwrap_err();
        assert!(open.contains("chmod 600"), "{open}");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(
            parse(&["--team-token-file", path]).team_token(),
            Ok(Some("tok-123".into()))
        );
        assert_eq!(parse(&[]).team_token(), Ok(None));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn invalid_values_give_one_clear_line() {
        let bad_store = parse(&["--session-store", "postgres://x"])
            .validate()
            .unwrap_err();
        assert!(bad_store.contains("ECS_PANEL_SESSION_STORE"), "{bad_store}");
        let bad_api = parse(&["--api-url", "ftp://x"]).validate().unwrap_err();
        assert!(bad_api.contains("ECS_API_URL"), "{bad_api}");
        assert!(Config::try_parse_from(["ecs-panel", "--idle-timeout", "soon"]).is_err());
        let demo_team = parse(&["--api-url", "http://x", "--demo-team", "1"])
            .validate()
            .unwrap_err();
        assert!(demo_team.contains("DEMO_TEAM"), "{demo_team}");
        let bad_proxies = parse(&["--trusted-proxies", "10.0.0.0/8,x"])
            .validate()
            .unwrap_err();
        assert!(bad_proxies.contains("TRUSTED_PROXIES"), "{bad_proxies}");
    }
}
