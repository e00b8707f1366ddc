//! Server functions of `/groups`.
