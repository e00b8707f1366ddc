//! The simulator's API tests: one binary, one module per area, all over real HTTP through
//! [`harness`] (a simulator on a loopback port with a manual clock, and a client for it).

mod harness;

mod auth;
mod bulk;
mod catalogue;
mod faults;
mod library;
mod lifecycle;
mod misc;
mod seed_examples;
mod servers;
