package com.zylker.sandbox.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sandbox never runs beside a production portal: it hands out tokens to anyone who clicks a demo user
 * and its control API resets data and moves clocks. When the server it is deployed to runs the portal in
 * production mode ({@code portal.mode=production}, a system property or {@code PORTAL_MODE}), its deployment
 * fails before it serves a request.
 */
@ApplicationScoped
public class ProductionRefusal {

    void refuseInProduction(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String mode = ConfigProvider.getConfig(ProductionRefusal.class.getClassLoader())
                .getOptionalValue("portal.mode", String.class).orElse("demo").trim().toLowerCase(Locale.ROOT);
        if ("production".equals(mode)) {
            throw new IllegalStateException("portal.mode=production: the zoho-sandbox refuses to be deployed on a"
                    + " production server (start the portal without it: PORTAL_WITH_SANDBOX=false)");
        }
    }
}
