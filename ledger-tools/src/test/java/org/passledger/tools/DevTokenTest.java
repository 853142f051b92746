package org.passledger.tools;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevTokenTest {

    @TempDir
    Path keys;

    @Test
    void keysArePemFilesAndAreKeptOnTheSecondRun() throws Exception {
        assertTrue(DevKeys.ensure(keys).startsWith("dev keys created"));
        String privatePem = Files.readString(keys.resolve("private.pem"));
        String publicPem = Files.readString(keys.resolve("public.pem"));
        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));

        assertTrue(DevKeys.ensure(keys).startsWith("dev keys present"));
        assertEquals(privatePem, Files.readString(keys.resolve("private.pem")));

        Files.delete(keys.resolve("public.pem"));
        DevKeys.ensure(keys);
        assertEquals(publicPem, Files.readString(keys.resolve("public.pem")));
    }

    @Test
    void tokenIsSignedWithRs256() throws Exception {
        DevKeys.ensure(keys);
        PrivateKey privateKey = Pem.readPrivateKey(keys.resolve("private.pem"));
        PublicKey publicKey = Pem.readPublicKey(keys.resolve("public.pem"));

        String token = DevToken.create(privateKey, "funder", "f-1", Duration.ofMinutes(5), Instant.ofEpochSecond(1000));
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", decode(parts[0]));
        String claims = decode(parts[1]);
        assertTrue(claims.contains("\"groups\":[\"funder\"]"), claims);
        assertTrue(claims.contains("\"iat\":1000,\"exp\":1300"), claims);

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void smallRyeJwtAcceptsTheToken() throws Exception {
        DevKeys.ensure(keys);
        PrivateKey privateKey = Pem.readPrivateKey(keys.resolve("private.pem"));
        String id = "4b0c1c55-7a55-4a11-9d6e-0a7e4f5c2d11";
        String token = DevToken.create(privateKey, "operator", id, Duration.ofMinutes(10), Instant.now());

        // what the services get: MP_JWT_VERIFY_PUBLICKEY_LOCATION (absolute path) and MP_JWT_VERIFY_ISSUER
        String location = keys.resolve("public.pem").toAbsolutePath().toString();
        JsonWebToken jwt = new DefaultJWTParser(new JWTAuthContextInfo(location, DevToken.ISSUER)).parse(token);

        assertEquals(id, jwt.getName());
        assertEquals(id, jwt.getSubject());
        assertEquals(Set.of("operator"), jwt.getGroups());
        assertEquals(DevToken.ISSUER, jwt.getIssuer());
    }

    @Test
    void unknownRoleIsRefused() {
        assertThrows(Args.UsageException.class, () -> DevToken.checkRole("admin"));
        int code = Cli.execute(new String[] {"--key", "x.pem", "--role", "admin", "--id", "1"}, DevToken.USAGE,
                Set.of("key", "role", "id", "ttl-minutes"), args -> DevToken.checkRole(args.required("role")));
        assertEquals(2, code);
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\u0001\"", DevToken.quote("a\"b\\c\u0001"));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
