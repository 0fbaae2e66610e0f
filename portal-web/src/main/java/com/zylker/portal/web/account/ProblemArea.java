package com.zylker.portal.web.account;

/** What a problem report is about, so the portal team knows where to look first. */
public enum ProblemArea {
    PIPELINE("The pipeline (deals)"),
    ENQUIRIES("Student enquiries (leads)"),
    INVOICES("Invoices and payments"),
    SIGN_IN("Signing in"),
    OTHER("Something else");

    private final String label;

    ProblemArea(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
