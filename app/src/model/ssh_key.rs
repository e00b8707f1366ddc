//! SSH public keys as people paste them (the one line of an OpenSSH `.pub` file): validation with
//! an explanation a person can act on, and the fingerprint exactly as `ssh-keygen -lf` prints it.
//! Pure Rust, so the same check runs in the browser (at the field) and on the server (again,
//! always: the ECS API stores whatever text it is given).
//!
//! ```text
//! ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGqH9vfhYfmtN99qecO9XVLMZ+fQwAKH3fF5IyZW9SJe test@example
//! └─ type ──┘ └─ base64 of the key blob ─────────────────────────────────────────┘ └ comment ─┘
//! ```
//!
//! The blob is a list of length-prefixed fields (RFC 4251 `string`/`mpint`: a big-endian `u32`
//! length, then the bytes), the first of which repeats the type.

use std::fmt;
use std::str::FromStr;

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Longer than any public key OpenSSH makes (a 16384-bit RSA line is about 2.8 KB).
const MAX_TEXT: usize = 16 * 1024;
const RSA_MIN_BITS: u32 = 2048;
/// OpenSSH refuses larger moduli (`SSH_RSA_MAXIMUM_MODULUS_SIZE`).
const RSA_MAX_BITS: u32 = 16384;

/// Standard base64, with or without the trailing `=`.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The key types the panel accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KeyType {
    #[serde(rename = "ssh-ed25519")]
    Ed25519,
    #[serde(rename = "ssh-rsa")]
    Rsa,
    #[serde(rename = "ecdsa-sha2-nistp256")]
    EcdsaP256,
    #[serde(rename = "ecdsa-sha2-nistp384")]
    EcdsaP384,
    #[serde(rename = "ecdsa-sha2-nistp521")]
    EcdsaP521,
    #[serde(rename = "sk-ssh-ed25519@openssh.com")]
    SkEd25519,
    #[serde(rename = "sk-ecdsa-sha2-nistp256@openssh.com")]
    SkEcdsaP256,
}

impl KeyType {
    pub const ALL: [KeyType; 7] = [
        KeyType::Ed25519,
        KeyType::Rsa,
        KeyType::EcdsaP256,
        KeyType::EcdsaP384,
        KeyType::EcdsaP521,
        KeyType::SkEd25519,
        KeyType::SkEcdsaP256,
    ];

    /// The name in the key line and in the blob, e.g. `ssh-ed25519`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyType::Ed25519 => "ssh-ed25519",
            KeyType::Rsa => "ssh-rsa",
            KeyType::EcdsaP256 => "ecdsa-sha2-nistp256",
            KeyType::EcdsaP384 => "ecdsa-sha2-nistp384",
            KeyType::EcdsaP521 => "ecdsa-sha2-nistp521",
            KeyType::SkEd25519 => "sk-ssh-ed25519@openssh.com",
            KeyType::SkEcdsaP256 => "sk-ecdsa-sha2-nistp256@openssh.com",
        }
    }

    pub fn from_name(name: &str) -> Option<KeyType> {
        KeyType::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// The short name `ssh-keygen -l` prints in brackets: `ED25519`, `RSA`, `ECDSA`,
    /// `ED25519-SK`, `ECDSA-SK`.
    pub fn label(self) -> &'static str {
        match self {
            KeyType::Ed25519 => "ED25519",
            KeyType::Rsa => "RSA",
            KeyType::EcdsaP256 | KeyType::EcdsaP384 | KeyType::EcdsaP521 => "ECDSA",
            KeyType::SkEd25519 => "ED25519-SK",
            KeyType::SkEcdsaP256 => "ECDSA-SK",
        }
    }

    /// The curve name inside an ECDSA blob, and the size of one coordinate in bytes.
    fn curve(self) -> Option<(&'static str, usize)> {
        match self {
            KeyType::EcdsaP256 | KeyType::SkEcdsaP256 => Some(("nistp256", 32)),
            KeyType::EcdsaP384 => Some(("nistp384", 48)),
            KeyType::EcdsaP521 => Some(("nistp521", 66)),
            _ => None,
        }
    }
}

impl fmt::Display for KeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for KeyType {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for KeyType {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Why a pasted text is not an acceptable public key. `Display` is a sentence for the person who
/// pasted it, saying what to do, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    Empty,
    TooLong,
    PrivateKey,
    Ssh2Format,
    PemFormat,
    SeveralLines(usize),
    Options(KeyType),
    MissingType,
    Dsa,
    Certificate(String),
    UnsupportedType(String),
    MissingData(KeyType),
    BadBase64,
    TypeMismatch { declared: KeyType, inside: String },
    Malformed(String),
    RsaTooShort(u32),
    RsaTooLong(u32),
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::tr;
        match self {
            KeyError::Empty => f.write_str(tr!(model.ssh_key.empty)),
            KeyError::TooLong => f.write_str(tr!(model.ssh_key.too_long)),
            KeyError::PrivateKey => f.write_str(tr!(model.ssh_key.private_key)),
            KeyError::Ssh2Format => f.write_str(tr!(model.ssh_key.ssh2)),
            KeyError::PemFormat => f.write_str(tr!(model.ssh_key.pem)),
            KeyError::SeveralLines(lines) => {
                write!(f, "{}", tr!(model.ssh_key.several_lines, lines = *lines))
            }
            KeyError::Options(kind) => {
                write!(f, "{}", tr!(model.ssh_key.options, kind = *kind))
            }
            KeyError::MissingType => f.write_str(tr!(model.ssh_key.missing_type)),
            KeyError::Dsa => f.write_str(tr!(model.ssh_key.dsa)),
            KeyError::Certificate(name) => {
                let name = name.clone();
                write!(f, "{}", tr!(model.ssh_key.certificate, name = name))
            }
            KeyError::UnsupportedType(name) => {
                let name = name.clone();
                write!(f, "{}", tr!(model.ssh_key.unsupported, name = name))
            }
            KeyError::MissingData(kind) => {
                write!(f, "{}", tr!(model.ssh_key.missing_data, kind = *kind))
            }
            KeyError::BadBase64 => f.write_str(tr!(model.ssh_key.bad_base64)),
            KeyError::TypeMismatch { declared, inside } => {
                let inside = inside.clone();
                write!(
                    f,
                    "{}",
                    tr!(
                        model.ssh_key.type_mismatch,
                        declared = *declared,
                        inside = inside
                    )
                )
            }
            KeyError::Malformed(why) => {
                let why = why.clone();
                write!(f, "{}", tr!(model.ssh_key.malformed, why = why))
            }
            KeyError::RsaTooShort(bits) => {
                write!(f, "{}", tr!(model.ssh_key.rsa_short, bits = *bits))
            }
            KeyError::RsaTooLong(bits) => {
                write!(f, "{}", tr!(model.ssh_key.rsa_long, bits = *bits))
            }
        }
    }
}

impl std::error::Error for KeyError {}

/// A valid OpenSSH public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub kind: KeyType,
    /// The text after the key data (usually `user@host`), if any.
    pub comment: Option<String>,
    /// The decoded key data, the bytes the fingerprint is computed from.
    pub blob: Vec<u8>,
}

impl PublicKey {
    /// The OpenSSH fingerprint, as `ssh-keygen -lf` prints it:
    /// `SHA256:` and the unpadded base64 of the SHA-256 of the blob.
    pub fn fingerprint(&self) -> String {
        format!(
            "SHA256:{}",
            STANDARD_NO_PAD.encode(Sha256::digest(&self.blob))
        )
    }

    /// The size `ssh-keygen -l` prints: the RSA modulus' bits, 256 for Ed25519 (and its security
    /// key form), 256/384/521 for ECDSA. `None` only if the blob is not a valid key.
    pub fn bits(&self) -> Option<u32> {
        check_blob(self.kind, &self.blob).ok()
    }

    /// The key as one line, `type base64 [comment]`: what to store.
    pub fn to_openssh(&self) -> String {
        let data = BASE64.encode(&self.blob);
        match &self.comment {
            Some(comment) => format!("{} {data} {comment}", self.kind),
            None => format!("{} {data}", self.kind),
        }
    }
}

impl FromStr for PublicKey {
    type Err = KeyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse(text)
    }
}

/// Checks a pasted public key (surrounding blank space is ignored) and decodes it.
pub fn parse(text: &str) -> Result<PublicKey, KeyError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(KeyError::Empty);
    }
    if text.len() > MAX_TEXT {
        return Err(KeyError::TooLong);
    }
    if text.contains("PRIVATE KEY-----") || text.starts_with("PuTTY-User-Key-File-") {
        return Err(KeyError::PrivateKey);
    }
    if text.contains("---- BEGIN SSH2 PUBLIC KEY ----") {
        return Err(KeyError::Ssh2Format);
    }
    if text.contains("-----BEGIN") {
        return Err(KeyError::PemFormat);
    }
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    if lines > 1 {
        return Err(KeyError::SeveralLines(lines));
    }

    let (name, rest) = split_word(text);
    let Some(kind) = KeyType::from_name(name) else {
        return Err(unknown_type(name, rest));
    };
    let (data, comment) = split_word(rest);
    if data.is_empty() {
        return Err(KeyError::MissingData(kind));
    }
    let blob = BASE64.decode(data).map_err(|_| KeyError::BadBase64)?;
    check_blob(kind, &blob)?;
    Ok(PublicKey {
        kind,
        comment: (!comment.is_empty()).then(|| comment.to_string()),
        blob,
    })
}

/// The first word and the rest, without the blank space between them.
fn split_word(text: &str) -> (&str, &str) {
    match text.split_once(char::is_whitespace) {
        Some((word, rest)) => (word, rest.trim()),
        None => (text, ""),
    }
}

/// The error for a line whose first word is not a supported type.
fn unknown_type(name: &str, rest: &str) -> KeyError {
    if name == "ssh-dss" {
        return KeyError::Dsa;
    }
    if name.ends_with("-cert-v01@openssh.com") {
        return KeyError::Certificate(shown(name));
    }
    if let Some(kind) = rest.split_whitespace().find_map(KeyType::from_name) {
        return KeyError::Options(kind);
    }
    // Only the key data: every blob starts with the length of its type name, `AAAA…` in base64.
    if name.starts_with("AAAA") && BASE64.decode(name).is_ok() {
        return KeyError::MissingType;
    }
    KeyError::UnsupportedType(shown(name))
}

/// Text from the paste, as quoted back in a message: printable and short.
fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .take(40)
        .collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Checks the blob's fields against its declared type; returns the key's size in bits.
fn check_blob(kind: KeyType, blob: &[u8]) -> Result<u32, KeyError> {
    let mut reader = Reader(blob);
    let inside = reader.string(crate::tr!(model.ssh_key.part.key_type))?;
    if inside != kind.as_str().as_bytes() {
        return Err(KeyError::TypeMismatch {
            declared: kind,
            inside: shown(&String::from_utf8_lossy(inside)),
        });
    }
    let bits = match kind {
        KeyType::Ed25519 | KeyType::SkEd25519 => {
            let key = reader.string(crate::tr!(model.ssh_key.part.ed25519_key))?;
            if key.len() != 32 {
                return Err(KeyError::Malformed(
                    crate::tr!(model.ssh_key.damage.ed25519_len, len = key.len()).to_string(),
                ));
            }
            256
        }
        KeyType::Rsa => {
            let exponent = reader.mpint(crate::tr!(model.ssh_key.part.rsa_exponent))?;
            if exponent.is_empty() {
                return Err(KeyError::Malformed(
                    crate::tr!(model.ssh_key.damage.exponent_zero).into(),
                ));
            }
            let modulus = reader.mpint(crate::tr!(model.ssh_key.part.rsa_modulus))?;
            let bits = bit_length(modulus);
            if bits < RSA_MIN_BITS {
                return Err(KeyError::RsaTooShort(bits));
            }
            if bits > RSA_MAX_BITS {
                return Err(KeyError::RsaTooLong(bits));
            }
            bits
        }
        KeyType::EcdsaP256 | KeyType::EcdsaP384 | KeyType::EcdsaP521 | KeyType::SkEcdsaP256 => {
            let (curve, size) = kind.curve().unwrap_or(("", 0));
            if reader.string(crate::tr!(model.ssh_key.part.curve_name))? != curve.as_bytes() {
                return Err(KeyError::Malformed(
                    crate::tr!(model.ssh_key.damage.curve, curve = curve).to_string(),
                ));
            }
            // An uncompressed point: 0x04, then x and y.
            let point = reader.string(crate::tr!(model.ssh_key.part.ecdsa_point))?;
            if point.len() != 1 + 2 * size || point[0] != 4 {
                return Err(KeyError::Malformed(
                    crate::tr!(
                        model.ssh_key.damage.point,
                        curve = curve,
                        size = 1 + 2 * size
                    )
                    .to_string(),
                ));
            }
            match kind {
                KeyType::EcdsaP384 => 384,
                KeyType::EcdsaP521 => 521,
                _ => 256,
            }
        }
    };
    if matches!(kind, KeyType::SkEd25519 | KeyType::SkEcdsaP256) {
        // The FIDO application the key is bound to, usually `ssh:`.
        reader.string(crate::tr!(model.ssh_key.part.application))?;
    }
    if !reader.0.is_empty() {
        return Err(KeyError::Malformed(
            crate::tr!(model.ssh_key.damage.trailing, n = reader.0.len()).to_string(),
        ));
    }
    Ok(bits)
}

/// Reads RFC 4251 fields from the front of a blob.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    /// A `string`: a big-endian `u32` length, then that many bytes.
    fn string(&mut self, what: &'static str) -> Result<&'a [u8], KeyError> {
        let cut =
            || KeyError::Malformed(crate::tr!(model.ssh_key.damage.cut, what = what).to_string());
        let (len, rest) = self.0.split_first_chunk::<4>().ok_or_else(cut)?;
        let len = usize::try_from(u32::from_be_bytes(*len)).map_err(|_| cut())?;
        if rest.len() < len {
            return Err(cut());
        }
        let (value, rest) = rest.split_at(len);
        self.0 = rest;
        Ok(value)
    }

    /// A positive `mpint`, without its leading zero bytes (empty for zero).
    fn mpint(&mut self, what: &'static str) -> Result<&'a [u8], KeyError> {
        let value = self.string(what)?;
        if value.first().is_some_and(|b| b & 0x80 != 0) {
            return Err(KeyError::Malformed(
                crate::tr!(model.ssh_key.damage.negative, what = what).to_string(),
            ));
        }
        let zeros = value.iter().take_while(|b| **b == 0).count();
        Ok(&value[zeros..])
    }
}

/// The number of significant bits of a big-endian number without leading zero bytes.
fn bit_length(number: &[u8]) -> u32 {
    match number.first() {
        None => 0,
        Some(first) => {
            let bytes = u32::try_from(number.len()).unwrap_or(u32::MAX / 8);
            bytes * 8 - first.leading_zeros()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made with `ssh-keygen -t … -N '' -C …`; the fingerprints and sizes are what
    // `ssh-keygen -lf` (OpenSSH 9.2) printed for them. Public halves only.
    const ED25519: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGqH9vfhYfmtN99qecO9XVLMZ+fQwAKH3fF5IyZW9SJe test@example";
    const RSA_2048: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCxnk5r9Q/W2E5QLcftu/RvKS6nS6GPrM0ZfF45h75cThkhjstJcxBfDTVx36xruItPVoGNe0vg0EAnVyCSAd/f4nA53MBeXUb3Z3+QmH61UZPiFKAEcftoZ0hr7FzlE0Ckve6kDDnWqi2f5YmpK5hmPh74RzcAk/c8wlU3IzeyUjL7DCauuUrZrE1IwSjyB7qjs3D2VGT0NKOGYs2UJm1NxYiEEAne5nDggSFnp9BVT67g17KEdhPtLWqwTWd9n6Gj7kqepBtCWE0P3xmiQzpAjU1Mk8qFszT5ZW7CPokf3OAh1ly+gJOsQYRSAyVqeCdPWEQF5RXV0DsrKPycty4D rsa 2048 key";
    const RSA_3072: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQDMzUKSibnuqycV1uTmnzX6mBkup2n6KQceQUpdiosBzVr2A6uLqyd1YZYPvdv6m8XXcMJJGTvahzTiVgcVTGb+Z7+S+5phZ5FqPGaQDKDjo8sGyYGOHTb7Hc8bxWmX7Nqj2qD/bt5C/mgUriIXBWMSt2JlCOnGdyPKWb/TMqadKdxe+J1JO1/r9p8v+gf1wLX+s4TKJ1xMjw2BIQaoTeSG7kGEoAws14X9P+zbLf3JQTZG3Gu4N7Hrnt+G7WMG65e9iJWI9W0b80vCreddPxIQTlprjkHIujAlitM2PGT26TiXMEsgRFKGBWVq+/wj63IUzAIeJUHTnYGHML8YU5ZZ3h26nqMe3R1YLUTlq1/eXVJrXMmi8BDMwg59W8nUCVbvbkkgocdUrc3NDszqkCE7lFkoQsD8kxdONOgPUgiREn5pWq2bQRR2Xn96mQ3UexiFfNDyrCbgoOd48d0xjgKY9egMrJOmfcdW8mFuu+yUQshKw8zKl8YPxl53syvx9T8= rsa3072@example";
    /// `-C ''`: the line ends in a space.
    const RSA_4096: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAACAQCcEZPrftHFq5123CNL9t/gMmCHLEe61onDDEs4zlqbLkwG/v67SZsXEv6JsVOy2TsOeklGbrqPV8Ey54xVLwzXZhGACtP/Ct5/Z6Dd3/6y3htQo080cnK4IYaR1VnHj1ij265tOiwLMjJSVXUSwYCcfF1+gX9lA4L/69Z5J7XZ3r2WZlMLcLmO8zr8eCt9Ilrb78kaVOPMBACzW/mpGIUrVHZATOzRIc2YUBuKTMyFsSW15JKJI4GBN49cbm1c5QiCMF4IHAU+yc8zJmLjMpsJtCLdx0bRZyZYVITMpXPCGWL1P56nZaocJo3TwbPz0M89Z3WaJm2eh/E0x2M93zVnksL8KNy/okN+ZsShgvM9EkQEELtq72g1imS+dgXVQSSKvLksTYratq5Oo1lGmXfROOkXziaQFOD57rZgqsdnZ7izsSCgq86GZqcS53ahxmZLqDHcYELS+DDnAEl26MvFy7Y2nXunnGIa6r80Kznx/gXw1mIfLpP7s9LiyQYOd7Ko8HH/xBRK4j43hDOi05urCbuvBA6OdIe/N88F/jFhB9uzTaI6F9gRSY3BSGZn+8ZGGwHpsJgQxaB2M/2gUX+aCQ0z5aHDESJCUrPECm0V3m88HeHKwqWycRPskDDOVExhyX39hqrKLGzc+/1xMibFMj1V/AWlQoQobypW69s9Tw== ";
    const RSA_1024: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDigQ/q6blrsc+OhPCtlB4u7j0Futb1lbEEZK5DwLmYnuC3mmNsJ7yF9JiSR0O6PffXqtaCu1bKfRfnWMsrAJbm1rJJR5k9cTM4WbybE77wVkzwI7gJlqgsNtMi2C0Iyyhcdt83+yOdHdlnwqKxYauOUFE9k06M9bV8pzlftt+0jQ== small";
    const ECDSA_256: &str = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBGkO9UQHcSnsBTMspyBRRLFf8kO896gwloEyeSCZ41NDUS21faawVSL8t3ullpdt0fwBiPTY0UfOJmCqVCTnSg4= ec256";
    const ECDSA_384: &str = "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBIOMfmsiMZOKbCo1dmac8Ne1uO2e9n6mvXo15sRIqkwIX575TrsFja9P3iC4smb1KEdhIn6iks5ASX/XMRf1VWyLX/bJFVEJnO3hAXlwBrG9RbGrJETqDgdeAwLblX2k7Q== ec384";
    const ECDSA_521: &str = "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBABsGUIRrfEtJsLVuPiYfaggY463I/ieqzoskf/hC+u1mIfWdYcy26sehfnEymXBP6hQ0643zIc9UC7amkrIpkwPNQCpcQSlTe+G05/XaW2C4GNLSvCw4DZxlDiO6ujuYFI44FSqBxfcOvxOPp3I6WVblVw7c14qKSsPgtHYFosO9Ky4hQ== ec521";
    // Security keys cannot be made without the hardware: these were assembled from the Ed25519 and
    // P-256 keys above (application `ssh:`), and `ssh-keygen -lf` read them as ED25519-SK/ECDSA-SK.
    const SK_ED25519: &str = "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIGqH9vfhYfmtN99qecO9XVLMZ+fQwAKH3fF5IyZW9SJeAAAABHNzaDo= yubikey";
    const SK_ECDSA: &str = "sk-ecdsa-sha2-nistp256@openssh.com AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5jb20AAAAIbmlzdHAyNTYAAABBBGkO9UQHcSnsBTMspyBRRLFf8kO896gwloEyeSCZ41NDUS21faawVSL8t3ullpdt0fwBiPTY0UfOJmCqVCTnSg4AAAAEc3NoOg== solokey";
    const DSA: &str = "ssh-dss AAAAB3NzaC1kc3MAAACBAPt1hJ0+ZutGJeA/TgFfAYYGAs3/wAjsX69NhfWptxSGi1iFh8tyaJJiddtUmSoxFlqjoeF7eHtgcWttV8Rj5gnEveCU6F3lTaswmysTgoCPt4LZrF40xWjcyivmEaxSIC4L3xOQihiYQCjc6tGGV7wvcJVAThYIbEVUPMHFId7bAAAAFQCtU/KW5+2002DW6aO7q/81FC41GQAAAIEAmxYw6Fv37vte/5hEI4yT8p6cGrWGn56+a2K+pmG4/JRQAgZPALg/LBrOo5ah1aJrK5/KrYfyhKNkrSaL59pDt5JvC24n5b8o20AT9x+sr32m2Um3STNU+zIy7KquVhwB2XMjgioqQcHDTsfjbCFjdmvYubFxqR7Q/Zn/RaZHCbMAAACAJ1fxDwVN3LVLl/2t4HDaYJYfsWvfJSmq+67W1D1itHQgztdUjgiP3a2isKXoJ85AlwtV4xHLZ+W1wYCX34y0IZTziTZZtTw5D9tZ5oRj4WlZ4MkYeCIqtaaNXpu195YaXSUadVzB1sLY/Sa779tf55MX4kZC+W9fiug3l5ViYbk= dsa";

    /// A key line of the given type whose blob is made of these fields.
    fn line(kind: &str, fields: &[&[u8]]) -> String {
        let mut blob = Vec::new();
        for field in fields {
            blob.extend_from_slice(&u32::try_from(field.len()).unwrap().to_be_bytes());
            blob.extend_from_slice(field);
        }
        format!("{kind} {}", BASE64.encode(blob))
    }

    fn rejected(text: &str) -> KeyError {
        parse(text).expect_err("refused")
    }

    #[test]
    fn fingerprints_and_sizes_are_those_of_ssh_keygen() {
        let cases = [
            (
                ED25519,
                KeyType::Ed25519,
                256,
                "SHA256:dDTEzfg4GjYKpqdR7rHUAcyP1WZe6QL9rY/i3tvHyBY",
                Some("test@example"),
            ),
            (
                RSA_2048,
                KeyType::Rsa,
                2048,
                "SHA256:qnPrpDx7RC+Fx/Ssfgth4U425BKVW/A5K1c2yB8+NSY",
                Some("rsa 2048 key"),
            ),
            (
                RSA_3072,
                KeyType::Rsa,
                3072,
                "SHA256:rIZYE6vSadwkU/6fDNud1d3JMJiTZTFvQuCfcXMnOtg",
                Some("rsa3072@example"),
            ),
            (
                RSA_4096,
                KeyType::Rsa,
                4096,
                "SHA256:hqBW6SqA5z9U1SOyI8EZjwf8PTZPlQen6bKq0huPFbw",
                None,
            ),
            (
                ECDSA_256,
                KeyType::EcdsaP256,
                256,
                "SHA256:MQdNnp1ze4qSV4QeJZ6QG9BQvLsigtBgpq42ZNPOK6g",
                Some("ec256"),
            ),
            (
                ECDSA_384,
                KeyType::EcdsaP384,
                384,
                "SHA256:XALWu7UQu5miT1oPk3Fk1CGt7vVtg3I06+An7hqRJLw",
                Some("ec384"),
            ),
            (
                ECDSA_521,
                KeyType::EcdsaP521,
                521,
                "SHA256:Sl9n2q6kFNAF8V0UpzaePxcI+rsU18p5GrA+SJNLvv8",
                Some("ec521"),
            ),
            (
                SK_ED25519,
                KeyType::SkEd25519,
                256,
                "SHA256:mFXIhFMbyyf4B19lZ9/YVio4ycl9q+hORnj5gnRGfZU",
                Some("yubikey"),
            ),
            (
                SK_ECDSA,
                KeyType::SkEcdsaP256,
                256,
                "SHA256:Fiu6+kLte4QGXil66RGfkdeIixsnwz9FIQCllxsYzNg",
                Some("solokey"),
            ),
        ];
        for (text, kind, bits, fingerprint, comment) in cases {
            let key = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(key.kind, kind, "{text}");
            assert_eq!(key.kind, kind.as_str());
            assert_eq!(key.bits(), Some(bits), "{text}");
            assert_eq!(key.fingerprint(), fingerprint, "{text}");
            assert_eq!(key.comment.as_deref(), comment, "{text}");
            assert_eq!(key.to_openssh(), text.trim_end(), "the line round-trips");
        }
    }

    #[test]
    fn blank_space_around_the_key_and_inside_the_comment_is_fine() {
        let key = parse(&format!("\n  {ED25519}\r\n\n")).unwrap();
        assert_eq!(key.comment.as_deref(), Some("test@example"));
        let spaced = ED25519.replace(" test@example", "\t \tmy laptop  key ");
        let key: PublicKey = spaced.parse().unwrap();
        assert_eq!(key.comment.as_deref(), Some("my laptop  key"));
        let bare = parse(ED25519.trim_end_matches(" test@example")).unwrap();
        assert_eq!(bare.comment, None);
        assert_eq!(bare.fingerprint(), parse(ED25519).unwrap().fingerprint());
    }

    #[test]
    fn base64_without_padding_is_accepted() {
        let key = parse(&RSA_3072.replace("9T8= ", "9T8 ")).unwrap();
        assert_eq!(
            key.fingerprint(),
            "SHA256:rIZYE6vSadwkU/6fDNud1d3JMJiTZTFvQuCfcXMnOtg"
        );
    }

    #[test]
    fn key_types_have_names_and_labels() {
        for kind in KeyType::ALL {
            assert_eq!(KeyType::from_name(kind.as_str()), Some(kind));
            assert_eq!(kind.to_string(), kind.as_str());
        }
        assert_eq!(KeyType::SkEcdsaP256.label(), "ECDSA-SK");
        assert_eq!(KeyType::EcdsaP521.label(), "ECDSA");
    }

    #[test]
    fn empty_or_huge_text_is_refused() {
        assert_eq!(rejected(""), KeyError::Empty);
        assert_eq!(rejected(" \n\t "), KeyError::Empty);
        assert_eq!(
            rejected(&format!("ssh-rsa {}", "A".repeat(MAX_TEXT))),
            KeyError::TooLong
        );
    }

    #[test]
    fn private_keys_are_refused_with_their_own_message() {
        let openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
        let pem =
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
        let putty = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n";
        for text in [openssh, pem, putty] {
            assert_eq!(rejected(text), KeyError::PrivateKey, "{text}");
        }
        assert!(KeyError::PrivateKey
            .to_string()
            .starts_with("This is a private key: paste the .pub file"));
    }

    #[test]
    fn ssh2_and_pem_public_keys_are_refused_with_how_to_convert_them() {
        let ssh2 = "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"256-bit ED25519\"\nAAAAC3NzaC1lZDI1NTE5AAAAIGqH9vfhYfmtN99qecO9XVLMZ+fQwAKH3fF5IyZW9SJe\n---- END SSH2 PUBLIC KEY ----";
        assert_eq!(rejected(ssh2), KeyError::Ssh2Format);
        assert!(KeyError::Ssh2Format
            .to_string()
            .contains("ssh-keygen -i -f key.pub"));
        let pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsZ5Oa/UP1thOUC3H7bv0\n-----END PUBLIC KEY-----";
        assert_eq!(rejected(pem), KeyError::PemFormat);
        assert!(KeyError::PemFormat.to_string().contains("-m PKCS8"));
    }

    #[test]
    fn one_key_on_one_line() {
        let two = format!("{ED25519}\n{ECDSA_256}");
        assert_eq!(rejected(&two), KeyError::SeveralLines(2));
        let wrapped = RSA_2048
            .replacen("Q/W2", "Q/W2\n", 1)
            .replacen("gSFn", "gSFn\n", 1);
        assert_eq!(rejected(&wrapped), KeyError::SeveralLines(3));
    }

    #[test]
    fn authorized_keys_options_and_a_missing_type_are_explained() {
        let options = format!("from=\"10.0.0.1\",no-pty {ED25519}");
        assert_eq!(rejected(&options), KeyError::Options(KeyType::Ed25519));
        let data_only = ED25519.trim_start_matches("ssh-ed25519 ");
        assert_eq!(rejected(data_only), KeyError::MissingType);
    }

    #[test]
    fn unsupported_types_are_named() {
        assert_eq!(rejected(DSA), KeyError::Dsa);
        assert_eq!(
            rejected(
                "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29t"
            ),
            KeyError::Certificate("ssh-ed25519-cert-v01@openssh.com".into())
        );
        assert_eq!(
            rejected("ssh-foo AAAA"),
            KeyError::UnsupportedType("ssh-foo".into())
        );
        let long = format!("{}\u{7} AAAA", "x".repeat(60));
        let KeyError::UnsupportedType(name) = rejected(&long) else {
            panic!("unsupported")
        };
        assert_eq!(name, format!("{}…", "x".repeat(40)), "quoted short");
        assert!(rejected("hello")
            .to_string()
            .contains("use ssh-ed25519 (recommended)"));
    }

    #[test]
    fn the_key_data_must_be_there_and_be_base64() {
        assert_eq!(
            rejected("ssh-ed25519"),
            KeyError::MissingData(KeyType::Ed25519)
        );
        assert_eq!(
            rejected("ssh-ed25519 not*base64 me@host"),
            KeyError::BadBase64
        );
        // Cut inside a base64 group, then at a group's end (valid base64, but half a key).
        assert_eq!(rejected(&ED25519[..61]), KeyError::BadBase64);
        let KeyError::Malformed(why) = rejected(&ED25519[..60]) else {
            panic!("malformed")
        };
        assert_eq!(why, "the Ed25519 key is cut short");
    }

    #[test]
    fn the_blob_must_be_a_key_of_the_declared_type() {
        let data = ED25519.split(' ').nth(1).unwrap();
        assert_eq!(
            rejected(&format!("ssh-rsa {data}")),
            KeyError::TypeMismatch {
                declared: KeyType::Rsa,
                inside: "ssh-ed25519".into()
            }
        );
        let nistp256 = ECDSA_256.split(' ').nth(1).unwrap();
        assert!(matches!(
            rejected(&format!("ecdsa-sha2-nistp384 {nistp256}")),
            KeyError::TypeMismatch { .. }
        ));
        // Not even a length-prefixed string.
        assert!(matches!(
            rejected("ssh-ed25519 AAAA"),
            KeyError::Malformed(_)
        ));
    }

    #[test]
    fn an_ed25519_key_is_32_bytes() {
        for kind in ["ssh-ed25519", "sk-ssh-ed25519@openssh.com"] {
            let short = line(kind, &[kind.as_bytes(), &[7; 31], b"ssh:"]);
            let KeyError::Malformed(why) = rejected(&short) else {
                panic!("malformed")
            };
            assert_eq!(why, "an Ed25519 key is 32 bytes, this one has 31");
        }
        let extra = line("ssh-ed25519", &[b"ssh-ed25519", &[7; 32], b"more"]);
        assert!(matches!(rejected(&extra), KeyError::Malformed(_)));
        let good = line("ssh-ed25519", &[b"ssh-ed25519", &[7; 32]]);
        assert_eq!(parse(&good).unwrap().bits(), Some(256));
    }

    #[test]
    fn rsa_keys_need_2048_bits() {
        assert_eq!(rejected(RSA_1024), KeyError::RsaTooShort(1024));
        assert!(KeyError::RsaTooShort(1024)
            .to_string()
            .starts_with("This RSA key has only 1024 bits; at least 2048 are needed."));
        // 2047 bits: the top byte is 0x7f.
        let mut modulus = vec![0x7f];
        modulus.extend([0xff; 255]);
        let short = line("ssh-rsa", &[b"ssh-rsa", &[1, 0, 1], &modulus]);
        assert_eq!(rejected(&short), KeyError::RsaTooShort(2047));
        // 2048 bits, written as an mpint with its leading zero byte.
        let mut modulus = vec![0, 0x80];
        modulus.extend([0xff; 255]);
        let exact = line("ssh-rsa", &[b"ssh-rsa", &[1, 0, 1], &modulus]);
        assert_eq!(parse(&exact).unwrap().bits(), Some(2048));
        let huge = line("ssh-rsa", &[b"ssh-rsa", &[3], &[0x40; 2049]]);
        assert_eq!(rejected(&huge), KeyError::RsaTooLong(16391));
        let negative = line("ssh-rsa", &[b"ssh-rsa", &[1, 0, 1], &[0x80; 256]]);
        assert!(matches!(rejected(&negative), KeyError::Malformed(_)));
        let zero_exponent = line("ssh-rsa", &[b"ssh-rsa", &[], &modulus]);
        assert!(matches!(rejected(&zero_exponent), KeyError::Malformed(_)));
    }

    #[test]
    fn ecdsa_keys_name_their_curve_and_hold_an_uncompressed_point() {
        let mut point = vec![4];
        point.extend([9; 64]);
        let good = line(
            "ecdsa-sha2-nistp256",
            &[b"ecdsa-sha2-nistp256", b"nistp256", &point],
        );
        assert_eq!(parse(&good).unwrap().bits(), Some(256));
        let wrong_curve = line(
            "ecdsa-sha2-nistp256",
            &[b"ecdsa-sha2-nistp256", b"nistp384", &point],
        );
        assert!(matches!(rejected(&wrong_curve), KeyError::Malformed(_)));
        let compressed = line(
            "ecdsa-sha2-nistp256",
            &[b"ecdsa-sha2-nistp256", b"nistp256", &point[..33]],
        );
        assert!(matches!(rejected(&compressed), KeyError::Malformed(_)));
        let no_application = line(
            "sk-ecdsa-sha2-nistp256@openssh.com",
            &[b"sk-ecdsa-sha2-nistp256@openssh.com", b"nistp256", &point],
        );
        let KeyError::Malformed(why) = rejected(&no_application) else {
            panic!("malformed")
        };
        assert_eq!(why, "the security key's application is cut short");
    }

    #[test]
    fn every_refusal_is_a_sentence() {
        let errors = [
            KeyError::Empty,
            KeyError::TooLong,
            KeyError::PrivateKey,
            KeyError::Ssh2Format,
            KeyError::PemFormat,
            KeyError::SeveralLines(2),
            KeyError::Options(KeyType::Rsa),
            KeyError::MissingType,
            KeyError::Dsa,
            KeyError::Certificate("x".into()),
            KeyError::UnsupportedType("x".into()),
            KeyError::MissingData(KeyType::Rsa),
            KeyError::BadBase64,
            KeyError::TypeMismatch {
                declared: KeyType::Rsa,
                inside: "x".into(),
            },
            KeyError::Malformed("x".into()),
            KeyError::RsaTooShort(1024),
            KeyError::RsaTooLong(20000),
        ];
        for error in errors {
            let text = error.to_string();
            assert!(
                text.starts_with(|c: char| c.is_uppercase() || c == '“'),
                "{text}"
            );
            assert!(text.ends_with('.'), "{text}");
        }
    }
}
