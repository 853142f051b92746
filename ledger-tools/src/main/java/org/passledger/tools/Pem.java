package org.passledger.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** PEM files for RSA keys: PKCS#8 private keys ("PRIVATE KEY") and X.509 public keys ("PUBLIC KEY"). */
final class Pem {

    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";

    private Pem() {
    }

    static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static byte[] decode(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
                throw new Cli.ToolException("the key is PKCS#1 (BEGIN RSA PRIVATE KEY); convert it with"
                        + " 'openssl pkcs8 -topk8 -nocrypt' or delete .ledger/keys to generate new ones");
            }
            throw new Cli.ToolException("not a PEM '" + type + "' block");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        byte[] der = decode(read(file), PRIVATE_KEY);
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        byte[] der = decode(read(file), PUBLIC_KEY);
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    /** The public half of an RSA private key (a PKCS#8 RSA key carries the modulus and public exponent). */
    static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey)) {
            throw new Cli.ToolException("cannot derive the public key from this private key");
        }
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Cli.ToolException("key file " + file + " not found (./ledger up or DevKeys creates it)");
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }
}
