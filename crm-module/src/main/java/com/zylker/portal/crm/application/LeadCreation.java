package com.zylker.portal.crm.application;

import java.io.Serializable;

/**
 * What became of a new lead: {@link Outcome#CREATED} with its id; {@link Outcome#DUPLICATE} with the id of
 * the existing lead whose email it shares (from {@code DUPLICATE_DATA}'s {@code duplicate_record}; never merged);
 * {@link Outcome#REFUSED} when CRM refused a value ({@code message} says which, in words);
 * {@link Outcome#IN_PROGRESS} when the same form was already sent and that send has not finished.
 * {@code repeated} marks an answer given to a second submit of the same form: no second create was sent.
 */
public record LeadCreation(Outcome outcome, String leadId, String duplicateOwner, String message, boolean repeated)
        implements Serializable {

    public enum Outcome { CREATED, DUPLICATE, REFUSED, IN_PROGRESS }

    static LeadCreation created(String id) {
        return new LeadCreation(Outcome.CREATED, id, null, "The lead was saved in Zoho CRM.", false);
    }

    static LeadCreation duplicate(String existingId, String owner) {
        return new LeadCreation(Outcome.DUPLICATE, existingId, owner, "A lead with this email already exists"
                + (owner == null ? "" : " (owned by " + owner + ")")
                + ". Nothing was saved: open the existing lead, or change the email.", false);
    }

    static LeadCreation refused(String message) {
        return new LeadCreation(Outcome.REFUSED, null, null, message, false);
    }

    static LeadCreation inProgress() {
        return new LeadCreation(Outcome.IN_PROGRESS, null, null,
                "This enquiry is already being saved — wait a moment, then look for it in the list.", true);
    }

    LeadCreation asRepeat() {
        return new LeadCreation(outcome, leadId, duplicateOwner, message, true);
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }

    public boolean duplicate() {
        return outcome == Outcome.DUPLICATE;
    }
}
