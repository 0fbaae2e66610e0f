package com.zylker.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts portal processes with {@code bin/start-portal.sh} — the script the README's run command uses — on a
 * free port with a fresh data directory under {@code portal-it/target}, and waits until they are ready.
 */
final class PortalProcesses {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);

    private PortalProcesses() {
    }

    /** Starts one process and waits until it is ready; {@code environment} adds to the script's variables. */
    static RunningPortal start(String name, Map<String, String> environment) {
        RunningPortal portal = launch(name, environment);
        awaitReady(portal, !"false".equals(environment.get("PORTAL_WITH_SANDBOX")));
        return portal;
    }

    /** Starts one process without waiting (see {@link #awaitReady}), so that several can boot at once. */
    static RunningPortal launch(String name, Map<String, String> environment) {
        return launch(name, environment, freePort());
    }

    /** As {@link #launch(String, Map)} on a given port (a restart that must keep its address). */
    static RunningPortal launch(String name, Map<String, String> environment, int port) {
        Path root = Path.of(System.getProperty("portal.root", "..")).toAbsolutePath().normalize();
        Path target = root.resolve("portal-it/target");
        Path data = target.resolve("portal-data-" + name + "-" + port);
        Path log = target.resolve("portal-" + name + "-" + port + ".log");
        try {
            Files.createDirectories(data);
            ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("bin/start-portal.sh").toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PORTAL_PORT", Integer.toString(port));
            builder.environment().put("PORTAL_DATA_DIR", data.toString());
            builder.environment().putAll(environment);
            URI base = URI.create("http://localhost:" + port + "/");
            URI management = base;
            // Production puts the management endpoints on a listener of their own (default 9080): a free port
            // instead, so that several production nodes can run on one machine.
            // The mode as the script reads it: -Dportal.mode in PORTAL_JAVA_OPTS wins over PORTAL_MODE.
            String mode = builder.environment().getOrDefault("PORTAL_MODE", "");
            for (String option : builder.environment().getOrDefault("PORTAL_JAVA_OPTS", "").split("\\s+")) {
                if (option.startsWith("-Dportal.mode=")) {
                    mode = option.substring("-Dportal.mode=".length());
                }
            }
            boolean production = "production".equalsIgnoreCase(mode.trim());
            if (production || builder.environment().containsKey("PORTAL_MANAGEMENT_PORT")) {
                String managementPort = builder.environment().computeIfAbsent("PORTAL_MANAGEMENT_PORT",
                        key -> Integer.toString(freePort()));
                management = URI.create("http://127.0.0.1:" + managementPort + "/");
            }
            return new RunningPortal(base, management, builder.start(), log, data);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the portal (log: " + log + ")", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void awaitReady(RunningPortal portal, boolean withSandbox) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!portal.process().isAlive()) {
                throw new IllegalStateException("the portal exited during startup; see " + portal.log());
            }
            if (answers(http, portal.management("health/ready"), "\"UP\"")
                    && (!withSandbox || answers(http, portal.url("zoho-sandbox/control/counters"), "refreshes"))) {
                return;
            }
            sleep(Duration.ofSeconds(1));
        }
        portal.close();
        throw new IllegalStateException("the portal was not ready within " + STARTUP_TIMEOUT + "; see " + portal.log());
    }

    private static boolean answers(HttpClient http, URI uri, String expected) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(expected);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
