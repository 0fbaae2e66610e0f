package com.zylker.portal.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The portal started by {@link WholePortal}: its base URL ({@code http://localhost:<port>/}) and the process. */
public final class RunningPortal implements ExtensionContext.Store.CloseableResource {

    private final URI base;
    private final URI management;
    private final Process process;
    private final Path log;
    private final Path dataDirectory;

    RunningPortal(URI base, Process process, Path log, Path dataDirectory) {
        this(base, base, process, log, dataDirectory);
    }

    /** {@code management}: where /health, /metrics and /openapi answer (the base URL unless moved). */
    RunningPortal(URI base, URI management, Process process, Path log, Path dataDirectory) {
        this.base = base;
        this.management = management;
        this.process = process;
        this.log = log;
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public URI base() {
        return base;
    }

    public URI url(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** A management endpoint: on the management listener where the start script put one (production). */
    public URI management(String path) {
        return management.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public SandboxControl sandbox() {
        return new SandboxControl(url("zoho-sandbox/"));
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
