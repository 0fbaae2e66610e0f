package com.zylker.portal.crm.application;

import java.io.Serializable;
import java.time.Instant;

/**
 * A lead as the leads screen shows it, in the table and in the side panel. Every text comes from Zoho and is
 * untrusted: pages print it escaped, never as markup. Everything but {@code id} may be {@code null}.
 * Serializable because the screen keeps the current page and the open lead in its (client-side) view state.
 */
public record LeadRow(String id, String firstName, String lastName, String email, String phone, String company,
                      String leadSource, String leadStatus, String courseOfInterest, String owner,
                      String description, Instant createdTime, Instant modifiedTime) implements Serializable {

    /** "First Last", or whichever part there is; never blank, so a link always has text to click. */
    public String displayName() {
        String first = firstName == null ? "" : firstName.strip();
        String last = lastName == null ? "" : lastName.strip();
        String name = (first + " " + last).strip();
        return name.isEmpty() ? "(no name)" : name;
    }
}
