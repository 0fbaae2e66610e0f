package com.zylker.portal.ui.testing;

import com.zylker.portal.core.zoho.ZohoApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Duration;

/** Test-only (deployed by AbstractModuleIT with the components check page): actions that fail as Zoho or a bug would. */
@Named
@RequestScoped
public class FailureCheckBean {

    public void zohoBusy() {
        throw new ZohoApiException(ZohoApiException.Kind.RATE_LIMITED, "TOO_MANY_REQUESTS", "429", Duration.ofSeconds(30), 429, null);
    }

    public void zohoScope() {
        throw new ZohoApiException(ZohoApiException.Kind.SCOPE_MISMATCH, "OAUTH_SCOPE_MISMATCH", "401", null, 401, null);
    }

    public void bug() {
        throw new IllegalStateException("a bug, not Zoho");
    }
}
