package com.zylker.sandbox.web;

import com.zylker.sandbox.Sandbox;
import com.zylker.sandbox.accounts.OAuthClient;
import com.zylker.sandbox.core.MovableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * Builds the single application-wide {@link Sandbox} from MicroProfile Config. Every key can also come from
 * the environment ({@code SANDBOX_REDIRECT_URIS}, {@code SANDBOX_CLIENT_SECRET}, {@code SANDBOX_CONTROL_ENABLED}).
 */
@ApplicationScoped
public class SandboxProducer {

    public static final String DEMO_CLIENT_ID = "1000.ZYLKERDEMO";
    private static final Logger LOG = Logger.getLogger(SandboxProducer.class.getName());

    @Inject
    @ConfigProperty(name = "sandbox.client-id", defaultValue = DEMO_CLIENT_ID)
    String clientId;

    /** Not a real secret: the sandbox's demo client (ARCHITECTURE.md); never logged all the same. */
    @Inject
    @ConfigProperty(name = "sandbox.client-secret", defaultValue = "zylker-sandbox-demo-secret")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "sandbox.redirect-uris", defaultValue = "http://localhost:8080/oauth/callback")
    String redirectUris;

    @Inject
    @ConfigProperty(name = "sandbox.control.enabled", defaultValue = "true")
    boolean controlEnabled;

    /** {@code @Singleton}, not a normal scope: {@link Sandbox} is a final plain class and needs no proxy. */
    @Produces
    @Singleton
    Sandbox sandbox() {
        List<String> uris = Arrays.stream(redirectUris.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        LOG.info(() -> "Zoho sandbox: client " + clientId + ", redirect URIs " + uris + ", control API "
                + (controlEnabled ? "enabled" : "disabled"));
        return new Sandbox(MovableClock.systemUtc(), new OAuthClient(clientId, clientSecret, uris), controlEnabled);
    }
}
