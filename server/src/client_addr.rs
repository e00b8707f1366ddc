//! Whose request this is, as the sign-in throttle and the audit read it: the TCP peer, or, when
//! that peer is one of the configured trusted proxies (`--trusted-proxies`), the right-most
//! address in `X-Forwarded-For` that is not itself a trusted proxy. Anything left of that was
//! written by the client and proves nothing.

use std::net::IpAddr;
use std::sync::Arc;

use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::Response,
};
use ipnet::IpNet;

/// The proxies whose `X-Forwarded-For` is believed (none by default).
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(pub Arc<Vec<IpNet>>);

impl TrustedProxies {
    /// Parses a comma-separated CIDR list (`10.0.0.0/8, ::1/128`); a bare address is one host.
    pub fn parse(list: &str) -> Result<Self, String> {
        let nets = list
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpNet>()
                    .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| {
                        format!("ECS_PANEL_TRUSTED_PROXIES: {s:?} is not an address or CIDR")
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self(Arc::new(nets)))
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client's address for a request from `peer` carrying these `X-Forwarded-For` values.
    pub fn client(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let hops = forwarded_for
            .iter()
            .flat_map(|h| h.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        for hop in hops.iter().rev() {
            // An unreadable hop ends the chain: nothing left of it can be believed.
            let Ok(ip) = hop.parse::<IpAddr>().map(|ip| ip.to_canonical()) else {
                return peer;
            };
            if !self.trusts(ip) {
                return ip;
            }
        }
        peer
    }
}

/// Puts the client's address into the request (`app::auth::throttle::Peer`).
pub async fn client_address(
    State(trusted): State<TrustedProxies>,
    mut req: Request,
    next: Next,
) -> Response {
    if let Some(ConnectInfo(addr)) = req
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .copied()
    {
        let forwarded: Vec<&str> = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let client = trusted.client(addr.ip(), &forwarded);
        req.extensions_mut()
            .insert(app::auth::throttle::Peer(client));
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("203.0.113.9"), &["198.51.100.1"]),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_right_most_untrusted_hop_counts() {
        let t = TrustedProxies::parse("10.0.0.0/8, 192.0.2.7").unwrap();
        // The client wrote the first hop itself; the proxy appended the real address.
        let peer = ip("10.1.2.3");
        assert_eq!(
            t.client(peer, &["6.6.6.6, 198.51.100.1"]),
            ip("198.51.100.1")
        );
        // Two proxies in a row, one header each.
        assert_eq!(
            t.client(peer, &["198.51.100.1", "192.0.2.7"]),
            ip("198.51.100.1")
        );
        // No header, or a junk hop: the proxy's own address.
        assert_eq!(t.client(peer, &[]), peer);
        assert_eq!(t.client(peer, &["not-an-ip"]), peer);
        // A peer that is not a trusted proxy is believed about nothing.
        assert_eq!(
            t.client(ip("198.51.100.9"), &["6.6.6.6"]),
            ip("198.51.100.9")
        );
        // IPv4-mapped IPv6 peers are read as IPv4.
        assert_eq!(
            t.client(ip("::ffff:10.0.0.1"), &["198.51.100.1"]),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn bad_lists_are_refused_in_words() {
        let err = TrustedProxies::parse("10.0.0.0/8, nope").unwrap_err();
        assert!(err.contains("ECS_PANEL_TRUSTED_PROXIES"), "{err}");
        assert!(TrustedProxies::parse("").unwrap().0.is_empty());
    }
}
