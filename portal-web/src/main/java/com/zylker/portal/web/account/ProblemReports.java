package com.zylker.portal.web.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Takes a staff member's problem report and gives it a reference to quote. Reports go to the portal's log
 * (logger {@code com.zylker.portal.problem-reports}), where the portal team reads them with the time and the
 * reporter; a table (and an admin screen) can come later without changing the pages that send them.
 */
@ApplicationScoped
public class ProblemReports {

    /** Long enough for what happened and the steps before, short enough to keep a log line readable. */
    public static final int MAX_DETAILS = 2000;
    public static final int MAX_PAGE = 300;
    private static final Logger REPORTS = Logger.getLogger("com.zylker.portal.problem-reports");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final SecureRandom random = new SecureRandom();

    /**
     * @throws IllegalArgumentException when details are missing or too long (the forms check this first)
     */
    public ProblemReport submit(String reporterEmail, ProblemArea area, String details, String page) {
        Objects.requireNonNull(reporterEmail, "reporterEmail");
        Objects.requireNonNull(area, "area");
        if (details == null || details.isBlank() || details.length() > MAX_DETAILS) {
            throw new IllegalArgumentException("details must be 1 to " + MAX_DETAILS + " characters");
        }
        ProblemReport report = new ProblemReport(reference(), area, Instant.now());
        REPORTS.info(() -> "problem report " + report.reference() + " from " + reporterEmail + " about "
                + area.name().toLowerCase(Locale.ROOT) + (page == null || page.isBlank() ? "" : " on " + oneLine(page, MAX_PAGE))
                + ": " + oneLine(details, MAX_DETAILS));
        return report;
    }

    /** Line breaks and control characters out, so a report cannot forge log lines. */
    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() > max ? line.substring(0, max) : line;
    }

    private String reference() {
        StringBuilder reference = new StringBuilder("ZY-");
        for (int i = 0; i < 6; i++) {
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
