//! An ECS API simulator: Seeweb's Cloud Server API v2 under `/ecs/v2`, with a believable seeded
//! world, actions that progress with (simulated) time, the documented errors, two answer forms
//! (live and legacy) and fault injection, plus a loopback-only control API under `/__sim/`.
//!
//! Run it embedded (`spawn`, on a loopback port: tests and the panel's demo mode talk to it over
//! real HTTP) or standalone (`ecs-panel simulate`, see `SimArgs`). It shares no types with the
//! panel's API client on purpose: each side encodes its own reading of the docs.
//!
//! The layout follows the imports, which run one way:
//! - `world`: the accounts, their resources and how they change with time (no HTTP);
//! - `seed`: the world a run starts with;
//! - `store`: the shared handle (the world behind a mutex, the clock, the run's settings);
//! - `api`: the `/ecs/v2` handlers, authentication, request parsing and the answers' JSON forms;
//! - `control`: what tests steer: the `/__sim` routes, fault injection, the request log, the
//!   command line;
//! - `serve`: both routers on one listener.

mod api;
mod clock;
mod config;
mod control;
mod request_log;
mod seed;
mod serve;
mod store;
mod util;
mod world;

pub use clock::Clock;
pub use config::{FaultConfig, SimConfig};
pub use control::args::{SimArgs, SimSettings};
pub use request_log::{LoggedRequest, RequestLog};
pub use seed::{ALICE_API_TOKEN, DEMO_API_TOKEN};
pub use serve::{router, run_standalone, serve, spawn, spawn_on, spawn_store_on, SimHandle};
pub use store::Store;
pub use world::error::SimError;
