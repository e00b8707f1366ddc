//! The panel over real HTTP, one test binary: pages and their server functions, creating
//! servers, sessions and sign-in, the gateway's limits, security headers, and the panel when the
//! ECS API or the network misbehaves. `harness` starts everything on loopback ports. (The log
//! hygiene check is a binary of its own: its log capture is process-global.)

mod harness;

mod account_logs;
mod actions_plans;
mod consumption;
mod create;
mod faults_answers;
mod faults_network;
mod headers;
mod library_templates_groups;
mod limits;
mod list_copy;
mod networks;
mod scripts;
mod servers;
mod sessions;
mod shell;
mod snapshots;
mod ssh_keys;
mod team;
mod throttle;
