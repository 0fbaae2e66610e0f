package com.zylker.portal.web.account;

import com.zylker.portal.core.security.PortalUser;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.omnifaces.cdi.ViewScoped;

/**
 * Backs the "Report a problem" wizard on account.xhtml: what it is about → what happened → check and send.
 * Its answers live in the (encrypted, client-side) view state, not in the HTTP session, so the next step may
 * be served by another node ({@code saveInViewState}, see docs/DESIGN-NOTES.md).
 */
@Named
@ViewScoped(saveInViewState = true)
public class ReportProblemView implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { AREA, DETAILS, REVIEW, SENT }

    private Step step = Step.AREA;
    @NotNull(message = "Choose what the problem is about.")
    private ProblemArea area;
    @NotNull(message = "Tell us what happened.")
    @Size(min = 1, max = ProblemReports.MAX_DETAILS, message = "Please keep it under 2,000 characters.")
    private String details;
    @Size(max = ProblemReports.MAX_PAGE)
    private String page;
    private ProblemReport sent;

    public void next() {
        step = step == Step.AREA ? Step.DETAILS : Step.REVIEW;
    }

    public void back() {
        step = step == Step.REVIEW ? Step.DETAILS : Step.AREA;
    }

    public void send() {
        // Looked up, not injected: this bean travels in the view state to whichever node serves the next
        // step, and only its answers should travel with it.
        CDI<Object> cdi = CDI.current();
        sent = cdi.select(ProblemReports.class).get().submit(cdi.select(PortalUser.class).get().requireEmail(),
                area, details, page);
        step = Step.SENT;
    }

    /** Starts over with an empty report. */
    public void another() {
        step = Step.AREA;
        area = null;
        details = null;
        page = null;
        sent = null;
    }

    public ProblemArea[] getAreas() {
        return ProblemArea.values();
    }

    public Step getStep() {
        return step;
    }

    public ProblemArea getArea() {
        return area;
    }

    public void setArea(ProblemArea area) {
        this.area = area;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public ProblemReport getSent() {
        return sent;
    }
}
