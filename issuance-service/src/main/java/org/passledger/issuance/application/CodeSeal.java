package org.passledger.issuance.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passledger.issuance.domain.VoucherCode;

/**
 * Seals voucher codes (AES-256-GCM, a random 96-bit nonce per code) so that an order's printable books can be
 * produced again while the database holds no clear code. The key comes from {@code issuance.code-seal-key}
 * (base64 of 32 bytes); whoever holds the database but not the key cannot read a code.
 */
@ApplicationScoped
public class CodeSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final RandomGenerator random;

    public CodeSeal(@ConfigProperty(name = "issuance.code-seal-key") String base64Key, RandomGenerator random) {
        byte[] bytes = Base64.getDecoder().decode(base64Key);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("issuance.code-seal-key must be the base64 of 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.random = random;
    }

    /** base64(nonce || ciphertext+tag) of the normalised code; the voucher id is bound as associated data. */
    public String seal(VoucherCode code, String voucherId) {
        byte[] nonce = new byte[NONCE_BYTES];
        for (int i = 0; i < NONCE_BYTES; i++) {
            nonce[i] = (byte) random.nextInt(256);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(voucherId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(code.value().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public VoucherCode open(String sealed, String voucherId) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(voucherId.getBytes(StandardCharsets.UTF_8));
            byte[] clear = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return VoucherCode.parse(new String(clear, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed code does not open: wrong issuance.code-seal-key?", e);
        }
    }
}
