//! What the networks tab holds across reloads: its data, its actions, the add form and the
//! removal waiting for its reboot confirmation.

use leptos::prelude::*;

use crate::api::servers::networks::{server_networks, AddVlans, RemoveVlans, SetPvid};
use crate::components::live::{reload_on_activity, use_live};
use crate::model::network::ServerNetworksView;
use crate::page_data::{page_data, PageData};

#[derive(Clone, Copy)]
pub struct NetCtx {
    pub data: PageData<Option<ServerNetworksView>>,
    pub add: ServerAction<AddVlans>,
    pub pvid: ServerAction<SetPvid>,
    pub remove: ServerAction<RemoveVlans>,
    /// The add form: network, VLANs typed, PVID.
    pub network: RwSignal<String>,
    pub vlans: RwSignal<String>,
    /// `None`: PVID for the first VLAN of a new interface, not for one more on an existing one.
    pub make_pvid: RwSignal<Option<bool>>,
    /// The reboot confirmation for a new interface (or removing the last VLAN).
    pub confirm_open: RwSignal<bool>,
    /// What the remove box of each interface holds, by network.
    pub removing: RwSignal<Vec<(String, String)>>,
    /// A removal waiting for its reboot confirmation: (network, vlans).
    pub pending_remove: RwSignal<Option<(String, String)>>,
}

impl NetCtx {
    pub fn new(name: Memo<String>, tab: Memo<String>) -> Self {
        let data = page_data(
            move || (name.get(), tab.get() == "networks"),
            |(name, open)| async move {
                if open {
                    server_networks(name).await.map(Some)
                } else {
                    Ok(None)
                }
            },
        );
        reload_on_activity(use_live(), move || data.refetch());
        Self {
            data,
            add: ServerAction::new(),
            pvid: ServerAction::new(),
            remove: ServerAction::new(),
            network: RwSignal::new(String::new()),
            vlans: RwSignal::new("100".into()),
            make_pvid: RwSignal::new(None),
            confirm_open: RwSignal::new(false),
            removing: RwSignal::new(Vec::new()),
            pending_remove: RwSignal::new(None),
        }
    }

    pub fn removal_text(&self, network: &str) -> String {
        self.removing.with(|r| {
            r.iter()
                .find(|(n, _)| n == network)
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        })
    }
}
