//! Server functions of `/plans`.
