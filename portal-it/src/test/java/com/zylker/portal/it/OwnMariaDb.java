package com.zylker.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own (STACK-NOTES: never stop the machine's shared one): its data directory,
 * port and socket under {@code portal-it/target}, loopback only, grant tables skipped (nothing but this test
 * reaches it). It can be stopped and started again on the same data, so a test can take the database away
 * from a running portal and give it back.
 */
final class OwnMariaDb implements AutoCloseable {

    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

    private final Path dir;
    private final int port;
    private Process process;

    private OwnMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(INSTALL_DB) && Files.isExecutable(MARIADBD);
    }

    /** Creates a fresh data directory and starts the server with a database {@code name}. */
    static OwnMariaDb create(String name) {
        Path root = Path.of(System.getProperty("portal.root", "..")).toAbsolutePath().normalize();
        int port = PortalProcesses.freePort();
        OwnMariaDb db = new OwnMariaDb(root.resolve("portal-it/target/mariadb-" + port), port);
        try {
            Files.createDirectories(db.dir);
            List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults",
                    "--datadir=" + db.dir.resolve("data"), "--skip-test-db", "--auth-root-authentication-method=normal"));
            if (isRoot()) {
                install.add("--user=root");
            }
            Process p = new ProcessBuilder(install).redirectErrorStream(true)
                    .redirectOutput(db.dir.resolve("install.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed; see " + db.dir.resolve("install.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        db.start();
        try (Connection c = DriverManager.getConnection(db.adminUrl(), "root", "");
             Statement ddl = c.createStatement()) {
            ddl.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            db.close();
            throw new IllegalStateException("could not create the database on the test's MariaDB", e);
        }
        return db;
    }

    String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true";
    }

    private String adminUrl() {
        return url("");
    }

    void start() {
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                "--skip-grant-tables", "--innodb-buffer-pool-size=32M", "--skip-log-bin"));
        if (isRoot()) {
            command.add("--user=root");
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited; see " + dir.resolve("mariadbd.log"));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                sleep(200);
            }
        }
        throw new IllegalStateException("mariadbd did not listen within 60 s; see " + dir.resolve("mariadbd.log"));
    }

    /** Stops the server (SIGTERM, a clean shutdown), keeping its data for {@link #start()}. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
