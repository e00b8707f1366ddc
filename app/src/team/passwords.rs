//! Panel passwords: argon2id hashes (RustCrypto's `argon2`, OWASP's parameters, PHC strings),
//! and the one-time passwords the panel makes for new people and resets.

use argon2::password_hash::{PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use rand::Rng;

/// The PHC string of `password` (argon2id, a fresh salt). Hashing is CPU-heavy: run it off the
/// async workers ([`hash_blocking`]).
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    // 16 bytes from rand's OS-seeded generator (argon2's own OsRng would need another feature).
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

pub async fn hash_blocking(password: String) -> Option<String> {
    match tokio::task::spawn_blocking(move || hash(&password)).await {
        Ok(Ok(h)) => Some(h),
        Ok(Err(err)) => {
            tracing::error!(%err, "could not hash a password");
            None
        }
        Err(err) => {
            tracing::error!(%err, "the password hashing task failed");
            None
        }
    }
}

/// Verifies against `phc`, or, when there is no such person, against a throwaway hash: a wrong
/// username then takes as long as a wrong password, so timing tells no names.
pub async fn verify_blocking(password: String, phc: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || match phc {
        Some(phc) => verify(&password, &phc),
        None => {
            static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
            let dummy = DUMMY.get_or_init(|| hash("no such person").unwrap_or_default());
            let _ = verify(&password, dummy);
            false
        }
    })
    .await
    .unwrap_or(false)
}

/// A one-time password: 16 characters without look-alikes (no 0/O, 1/l/I), from the OS-seeded
/// generator; it meets the password rules (upper, lower, digit).
pub fn one_time() -> String {
    const LOWER: &[u8] = b"abcdefghijkmnpqrstuvwxyz";
    const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    const DIGIT: &[u8] = b"23456789";
    let mut rng = rand::rng();
    let mut pick = |set: &[u8]| set[rng.random_range(0..set.len())] as char;
    let mut out: Vec<char> = (0..13)
        .map(|i| match i % 3 {
            0 => pick(LOWER),
            1 => pick(UPPER),
            _ => pick(DIGIT),
        })
        .collect();
    out.extend([pick(LOWER), pick(UPPER), pick(DIGIT)]);
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_password() {
        let h = hash("Correct-horse-9").expect("hash");
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify("Correct-horse-9", &h));
        assert!(!verify("correct-horse-9", &h));
        assert!(!verify("Correct-horse-9", "not a hash"));
    }

    #[test]
    fn one_time_passwords_meet_the_rules_and_differ() {
        let a = one_time();
        assert_eq!(a.len(), 16);
        assert!(crate::model::account::password_rules(&a, "someone")
            .iter()
            .all(|r| r.met));
        assert_ne!(a, one_time());
    }
}
