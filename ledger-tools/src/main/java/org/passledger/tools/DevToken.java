package org.passledger.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Prints a dev JWT signed with RS256 that the services (SmallRye JWT) accept:
 * {@code iss}, {@code sub}, {@code upn}, {@code groups} = [role], {@code iat}, {@code exp}, {@code jti}.
 *
 * <pre>DevToken --key .ledger/keys/private.pem --role operator --id 7d1f... [--ttl-minutes 720]</pre>
 */
public final class DevToken {

    public static final String ISSUER = "https://pass-ledger.org/dev";
    public static final List<String> ROLES = List.of("agency", "funder", "distributor", "structure", "operator");
    static final String USAGE = "usage: DevToken --key PRIVATE_PEM --role " + String.join("|", ROLES)
            + " --id ID [--ttl-minutes 720]";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private DevToken() {
    }

    public static void main(String[] argv) {
        Cli.main(argv, USAGE, Set.of("key", "role", "id", "ttl-minutes"), args -> {
            String role = args.required("role");
            String id = args.required("id");
            int ttlMinutes = args.intValue("ttl-minutes", 720, 1, 60 * 24 * 365);
            checkRole(role);
            PrivateKey key = Pem.readPrivateKey(Path.of(args.required("key")));
            System.out.println(create(key, role, id, Duration.ofMinutes(ttlMinutes), Instant.now()));
        });
    }

    /** A signed token for {@code id} in {@code role}, valid from {@code now} for {@code ttl}. */
    public static String create(PrivateKey key, String role, String id, Duration ttl, Instant now)
            throws GeneralSecurityException {
        checkRole(role);
        if (id == null || id.isBlank()) {
            throw new Args.UsageException("the id must not be blank");
        }
        long iat = now.getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{"
                + "\"iss\":" + quote(ISSUER)
                + ",\"sub\":" + quote(id)
                + ",\"upn\":" + quote(id)
                + ",\"groups\":[" + quote(role) + "]"
                + ",\"iat\":" + iat
                + ",\"exp\":" + (iat + ttl.toSeconds())
                + ",\"jti\":" + quote(UUID.randomUUID().toString())
                + "}";
        String signingInput = base64Url(header) + "." + base64Url(claims);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signer.sign());
    }

    static void checkRole(String role) {
        if (!ROLES.contains(role)) {
            throw new Args.UsageException("unknown role '" + role + "': expected one of " + String.join(", ", ROLES));
        }
    }

    private static String base64Url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
