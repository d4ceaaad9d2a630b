package io.krug.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest (TOTP seeds, integration credentials) with AES-256-GCM. The key is
 * {@code krug.encryption-key} (base64 of 32 bytes, {@code KRUG_ENCRYPTION_KEY}); without one, a key generated and
 * kept in the database is used, which protects nothing against a stolen dump: set it in production.
 * Ciphertext format: {@code v1:} + base64(12-byte nonce || ciphertext || tag).
 */
@Component
public class SecretBox {

	private static final String PREFIX = "v1:";

	private final ServiceSecrets secrets;

	private final String configuredKey;

	private volatile SecretKeySpec key;

	SecretBox(ServiceSecrets secrets, @Value("${krug.encryption-key:}") String configuredKey) {
		this.secrets = secrets;
		this.configuredKey = configuredKey;
	}

	public String encrypt(String plaintext) {
		try {
			byte[] nonce = ServiceSecrets.randomBytes(12);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public String decrypt(String ciphertext) {
		if (!ciphertext.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a sealed secret");
		}
		try {
			byte[] all = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed: wrong key or tampered data", ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = key;
		if (current == null) {
			byte[] bytes = configuredKey.isBlank() ? secrets.key("encryption_aes256")
					: Base64.getDecoder().decode(configuredKey.trim());
			if (bytes.length != 32) {
				throw new IllegalStateException("krug.encryption-key must be base64 of exactly 32 bytes");
			}
			current = new SecretKeySpec(bytes, "AES");
			key = current;
		}
		return current;
	}
}
