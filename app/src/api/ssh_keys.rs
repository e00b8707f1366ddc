//! Server functions of `/ssh-keys`.
