//! Server functions of `/actions`.
