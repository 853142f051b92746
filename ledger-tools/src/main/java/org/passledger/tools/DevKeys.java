package org.passledger.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;

/**
 * Creates the dev JWT signing keys if they are not there yet: an RSA 2048 pair as
 * {@code private.pem} (PKCS#8) and {@code public.pem} (X.509 SubjectPublicKeyInfo).
 *
 * <pre>DevKeys --dir .ledger/keys</pre>
 */
public final class DevKeys {

    static final String USAGE = "usage: DevKeys --dir DIR";
    static final String PRIVATE_FILE = "private.pem";
    static final String PUBLIC_FILE = "public.pem";

    private DevKeys() {
    }

    public static void main(String[] argv) {
        Cli.main(argv, USAGE, Set.of("dir"), args -> System.out.println(ensure(Path.of(args.required("dir")))));
    }

    /** Makes sure both files exist and returns what was done, in one line. */
    static String ensure(Path dir) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return "dev keys present in " + dir;
        }
        Files.createDirectories(dir);
        if (Files.exists(privateFile)) {
            PublicKey publicKey = Pem.publicKeyOf(Pem.readPrivateKey(privateFile));
            write(publicFile, Pem.encode(Pem.PUBLIC_KEY, publicKey.getEncoded()), false);
            return "dev public key restored from " + privateFile;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        PrivateKey privateKey = pair.getPrivate();
        write(privateFile, Pem.encode(Pem.PRIVATE_KEY, privateKey.getEncoded()), true);
        write(publicFile, Pem.encode(Pem.PUBLIC_KEY, pair.getPublic().getEncoded()), false);
        return "dev keys created in " + dir;
    }

    /** Writes through a temporary file so that a reader never sees half a key. */
    private static void write(Path file, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            // a temporary file is created rw------- already: the public key may be read by all
            if (!secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
