package com.zylker.portal.core.health;

import com.zylker.portal.core.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the WAR is deployed and answers. Nothing outside the process (database, Zoho) counts: a node
 * whose database is down is not ready, but restarting it would not help.
 */
@Liveness
@ApplicationScoped
public class PortalLiveness implements HealthCheck {

    @Inject
    PortalConfig config;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("portal").up().withData("mode", config.mode()).build();
    }
}
