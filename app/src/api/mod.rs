//! Server functions, one module per resource: thin glue from the session to the upstream client.

pub mod create;
pub mod metrics;
pub mod overview;
pub mod servers;
pub mod system;
