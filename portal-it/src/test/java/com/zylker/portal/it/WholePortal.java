package com.zylker.portal.it;

import java.util.Map;
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
        setClockOffset(null);
        return PortalProcesses.start("whole-portal", Map.of(
                // Short Zoho timeouts so the slow-Zoho tests wait seconds, not the production 15 s; a short refresh
                // back-off so that a test retrying after a failed refresh waits 2 s, not 30; a portal clock a test
                // can move together with the sandbox's (setClockOffset).
                "PORTAL_JAVA_OPTS", "-Dzoho.request-timeout=PT5S -Dportal.refresh.backoff=PT2S"
                        + " -Dportal.test.clock-offset-file=" + clockOffsetFile()));
    }

    /** Where the running portal reads its clock offset (portal.test.clock-offset-file). */
    static java.nio.file.Path clockOffsetFile() {
        return java.nio.file.Path.of(System.getProperty("portal.root", "..")).toAbsolutePath().normalize()
                .resolve("portal-it/target/whole-portal-clock-offset");
    }

    /** Moves the portal's clock ({@code null}: back to real time); it follows within a second. */
    static void setClockOffset(java.time.Duration offset) {
        try {
            java.nio.file.Files.createDirectories(clockOffsetFile().getParent());
            java.nio.file.Files.writeString(clockOffsetFile(), offset == null ? "" : offset.toString());
            Thread.sleep(600);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
