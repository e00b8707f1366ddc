//! Server functions of `/templates`.
