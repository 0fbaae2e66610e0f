package com.zylker.portal.ui.faces;

import com.zylker.portal.ui.ZohoFailure;
import com.zylker.portal.ui.ZohoFailures;
import com.zylker.portal.ui.security.CsrfFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code #{zylkerError}}: what the error page knows beyond the status — a Zoho failure that reached it
 * (during rendering, or a full ajax error), in the same words as everywhere else; a refused cross-site request.
 */
@Named("zylkerError")
@RequestScoped
public class ErrorView {

    @Inject
    HttpServletRequest request;

    /** The failure in words, or {@code null} when it was none of Zoho's. */
    public ZohoFailure getZohoFailure() {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        return exception instanceof Throwable t ? ZohoFailures.of(t).orElse(null) : null;
    }

    public boolean isCsrfRefused() {
        return request.getAttribute(CsrfFilter.REFUSED_ATTRIBUTE) != null;
    }
}
