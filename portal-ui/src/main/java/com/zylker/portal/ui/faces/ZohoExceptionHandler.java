package com.zylker.portal.ui.faces;

import com.zylker.portal.core.security.SignInLinks;
import com.zylker.portal.ui.ZohoFailure;
import com.zylker.portal.ui.ZohoFailures;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Zoho failures during a Faces request (an action, a lazy table load, an ajax listener) become a growl
 * message in the words of {@link ZohoFailures}, and the page stays as it was:
 * <ul>
 *   <li>Zoho busy or down, the database away: a warning to retry;</li>
 *   <li>Zoho wants consent to more scopes: the message plus the layout's "Sign in again" link to
 *       {@code /login?return=<this page>} ({@link NoticeView});</li>
 *   <li>the sign-in ended (Zoho refused the refresh): a redirect — a partial-response redirect for ajax — to
 *       {@code /session-ended?return=<this page>}.</li>
 * </ul>
 * During render response the page is half written, so there the failure goes on to the error page, which
 * uses the same words. Anything else goes on untouched (to OmniFaces' full ajax exception handler).
 */
public class ZohoExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ZohoExceptionHandler.class.getName());

    public ZohoExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (faces != null && events.hasNext()) {
            Throwable exception = events.next().getContext().getException();
            Optional<ZohoFailure> failure = ZohoFailures.of(exception);
            if (failure.isEmpty() || !canShow(faces, failure.get())) {
                continue;
            }
            events.remove();
            LOG.info(() -> "Zoho failure shown on " + faces.getViewRoot().getViewId() + ": " + failure.get().error()
                    + " (" + exception.getClass().getName() + ")");
            show(faces, failure.get());
        }
        getWrapped().handle();
    }

    private static boolean canShow(FacesContext faces, ZohoFailure failure) {
        if (faces.getViewRoot() == null) {
            return false;
        }
        boolean rendering = faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
        return !rendering || (failure.next() == ZohoFailure.Next.SIGN_IN && !faces.getExternalContext().isResponseCommitted());
    }

    private static void show(FacesContext faces, ZohoFailure failure) {
        String page = SignInLinks.pageOf((HttpServletRequest) faces.getExternalContext().getRequest());
        if (failure.next() == ZohoFailure.Next.SIGN_IN) {
            try {
                // Faces writes this as a partial-response redirect when the request is ajax.
                faces.getExternalContext().redirect(SignInLinks.sessionEnded(page));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
            return;
        }
        FacesMessage.Severity severity = failure.next() == ZohoFailure.Next.NOTHING
                ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_WARN;
        faces.addMessage(null, new FacesMessage(severity, failure.message(), null));
        if (failure.next() == ZohoFailure.Next.SIGN_IN_AGAIN) {
            CDI.current().select(NoticeView.class).get().signInAgain(failure.message(), SignInLinks.signIn(page));
        }
        if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            faces.renderResponse();
        }
    }
}
