package io.chokepoint.local.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair that signs development and test tokens. The services are given only the public half
 * ({@code mp.jwt.verify.publickey.location}); the private half stays in a directory outside git
 * ({@code .chokepoint/keys} for a local suite, {@code target/} for tests), readable by its owner only.
 */
public record SigningKeys(PrivateKey privateKey, PublicKey publicKey) {

    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";
    private static final int KEY_BITS = 2048;

    public static SigningKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    /**
     * The key pair kept in {@code dir}, made on first use. Several processes may ask at once (test JVMs of a
     * build): the pair is written to a temporary directory and moved into place whole, and a loser reads the winner's.
     */
    public static SigningKeys inDirectory(Path dir) {
        if (Files.exists(dir.resolve(PUBLIC_KEY_FILE))) {
            return read(dir);
        }
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            Path staging = Files.createTempDirectory(dir.toAbsolutePath().getParent(), ".keys-");
            SigningKeys keys = generate();
            keys.write(staging);
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                // another process moved its pair in first (the target is no longer empty): use that one
                deleteQuietly(staging);
                if (!Files.exists(dir.resolve(PUBLIC_KEY_FILE))) {
                    throw e;
                }
            }
            return read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create signing keys in " + dir, e);
        }
    }

    public static SigningKeys read(Path dir) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(dir.resolve(PRIVATE_KEY_FILE))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(pem(dir.resolve(PUBLIC_KEY_FILE))));
            return new SigningKeys(privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read signing keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA key pair in " + dir, e);
        }
    }

    /** A short fingerprint of the public key, the {@code kid} of the tokens it signs. */
    public String keyId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Path dir) throws IOException {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Files.writeString(privateFile, pem("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection is all there is
        }
        Files.writeString(dir.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", publicKey.getEncoded()),
                StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] pem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "");
        return Base64.getMimeDecoder().decode(text);
    }

    private static void deleteQuietly(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }
}
