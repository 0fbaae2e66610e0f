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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole portal once per test run, the way the README does ({@code bin/start-portal.sh}: one Payara
 * Micro with every WAR and the zoho-sandbox, loopback only), on a free port with a fresh data directory, and
 * stops it when the run ends. Test classes declare {@code @ExtendWith(WholePortal.class)} and take a
 * {@link RunningPortal} parameter.
 */
public final class WholePortal implements BeforeAllCallback, ParameterResolver {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningPortal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context);
    }

    private static RunningPortal running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningPortal.class, key -> start(), RunningPortal.class);
    }

    private static RunningPortal start() {
        Path root = Path.of(System.getProperty("portal.root", "..")).toAbsolutePath().normalize();
        Path target = root.resolve("portal-it/target");
        int port = freePort();
        Path data = target.resolve("portal-data-" + port);
        Path log = target.resolve("portal-server-" + port + ".log");
        try {
            Files.createDirectories(data);
            ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("bin/start-portal.sh").toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PORTAL_PORT", Integer.toString(port));
            builder.environment().put("PORTAL_DATA_DIR", data.toString());
            Process process = builder.start();
            RunningPortal portal = new RunningPortal(URI.create("http://localhost:" + port + "/"), process, log);
            awaitReady(portal);
            return portal;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the portal (log: " + log + ")", e);
        }
    }

    private static void awaitReady(RunningPortal portal) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!portal.process().isAlive()) {
                throw new IllegalStateException("the portal exited during startup; see " + portal.log());
            }
            if (answers(http, portal.base().resolve("health/ready"), "\"UP\"")
                    && answers(http, portal.base().resolve("zoho-sandbox/control/counters"), "refreshes")) {
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
