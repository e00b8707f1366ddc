//! Generates the `i18n` module from `locales/{en,it}/*.json` (leptos_i18n's codegen).
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

/// One file per part of the panel, so a page's words sit beside each other.
#[rustfmt::skip]
const NAMESPACES: &[&str] = &[
    "common", "auth", "errors", "home", "servers", "server", "create", "templates", "actions",
    "scripts", "ssh_keys", "groups", "networks", "consumption", "logs", "account", "password",
    "plans", "team", "audit", "model", "ecs",
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?).join("i18n");
    let cfg = Config::new("en")?
        .add_locale("it")?
        .add_namespaces(NAMESPACES.iter().copied())?
        // Relative times and counts are built as strings (titles, attributes), not only views.
        .parse_options(ParseOptions::default().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
