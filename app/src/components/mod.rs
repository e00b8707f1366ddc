//! Reusable UI pieces.

pub mod address;
pub mod api_call;
pub mod bar_chart;
pub mod breadcrumbs;
pub mod chart;
pub mod code_editor;
pub mod copy;
pub mod dialog;
pub mod empty;
pub mod error_view;
pub mod field;
pub mod layout;
pub mod live;
pub mod server_time;
pub mod status;
pub mod table;
pub mod toast;
pub mod when;
