//! Server functions of `/scripts`.
