package com.zylker.portal.core.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;

/**
 * Turns configuration into a {@link KeyRing}: the configured ring when there is one; in demo mode without one,
 * a key generated once and kept in {@value #KEY_FILE} beside the embedded database, so every WAR and every
 * restart read tokens written by the others; in production mode without one, a refusal to start.
 *
 * <pre>{@code
 * KeyRing ring = KeyRingLoader.load("demo", null, null, Path.of("var/data"));
 * }</pre>
 */
public final class KeyRingLoader {

    /** Name of the generated demo key file inside the data directory. */
    public static final String KEY_FILE = "portal-crypto.keys";

    /** Id of the generated demo key. */
    public static final String DEMO_KEY_ID = "demo1";

    private static final System.Logger LOG = System.getLogger(KeyRingLoader.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyRingLoader() {
    }

    /**
     * @param mode          {@code demo} or {@code production} ({@code portal.mode}; {@code null} means demo)
     * @param configuredKeys {@code portal.crypto.keys}, or {@code null}/blank when not configured
     * @param activeKeyId   {@code portal.crypto.active-key}, or {@code null} for the first key in the ring
     * @param dataDirectory where the embedded database lives; demo mode keeps its generated key there
     * @throws IllegalStateException    in production mode without configured keys, or for an unknown mode
     * @throws IllegalArgumentException when the configured or stored ring is malformed
     * @throws UncheckedIOException     when the demo key file cannot be read or written
     */
    public static KeyRing load(String mode, String configuredKeys, String activeKeyId, Path dataDirectory) {
        String normalizedMode = mode == null || mode.isBlank() ? "demo" : mode.trim().toLowerCase(Locale.ROOT);
        if (!normalizedMode.equals("demo") && !normalizedMode.equals("production")) {
            throw new IllegalStateException("portal.mode must be 'demo' or 'production', not '" + mode + "'");
        }
        if (configuredKeys != null && !configuredKeys.isBlank()) {
            return KeyRing.parse(configuredKeys, activeKeyId);
        }
        if (normalizedMode.equals("production")) {
            throw new IllegalStateException("portal.crypto.keys (env PORTAL_CRYPTO_KEYS) is required in production mode:"
                    + " configure a key ring 'id:base64-of-32-random-bytes', e.g. from `openssl rand -base64 32`");
        }
        Path file = dataDirectory.resolve(KEY_FILE);
        String spec = readOrCreate(file);
        LOG.log(Level.WARNING, "Demo mode: tokens are encrypted with a generated key stored in {0}."
                + " Configure portal.crypto.keys for anything but a demo.", file.toAbsolutePath());
        try {
            return KeyRing.parse(spec, activeKeyId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Demo key file " + file.toAbsolutePath() + " is malformed: "
                    + e.getMessage() + "; delete it only if no stored tokens need it", e);
        }
    }

    /**
     * Reads the key file, creating it first if needed. Creation is race-free across processes: the key is
     * written completely to a private temporary file, which is then hard-linked to the final name; linking
     * fails if another process got there first, and then everyone reads the winner's key.
     */
    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp", ownerOnly());
                try {
                    Files.writeString(temp, KeyRing.generateSpec(DEMO_KEY_ID, new SecureRandom()) + "\n",
                            StandardCharsets.US_ASCII);
                    publish(temp, file);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the demo key file " + file.toAbsolutePath(), e);
        }
    }

    private static void publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException lostTheRace) {
            // Another process (or WAR) created it first: use its key.
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            // File systems without hard links: a non-replacing move; its window is tiny and only at first start.
            try {
                Files.move(temp, file);
            } catch (FileAlreadyExistsException lostTheRace) {
                // As above.
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }
        return new FileAttribute<?>[0];
    }
}
