package org.passledger.testkit;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

/** Signs bearer tokens for tests with a key pair made for this JVM; services verify with its public half. */
public final class TestTokens {

    public static final String ISSUER = "https://pass-ledger.org/dev";
    private static KeyPair keys;
    private static Path publicKeyFile;

    private TestTokens() {
    }

    public static String token(String role, Object partyId) {
        return Jwt.issuer(ISSUER)
                .subject(partyId.toString())
                .upn(partyId.toString())
                .groups(role)
                .expiresIn(3600)
                .claim("jti", UUID.randomUUID().toString())
                .sign(keys().getPrivate());
    }

    public static String bearer(String role, Object partyId) {
        return "Bearer " + token(role, partyId);
    }

    /** PEM file of the public key, for mp.jwt.verify.publickey.location. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("pass-ledger-test-key", ".pem");
                file.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys().getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(file, pem);
                publicKeyFile = file;
            } catch (IOException e) {
                throw new IllegalStateException("could not write the test public key", e);
            }
        }
        return publicKeyFile;
    }

    private static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }
}
