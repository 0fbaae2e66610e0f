package com.zylker.portal.crm.application;

/**
 * What became of an inline status change: {@code changed} with the lead as CRM now has it, or a refusal in
 * words ({@code INVALID_DATA}, someone changed the lead meanwhile, a lock) — then the screen shows the old value.
 */
public record LeadStatusChange(boolean changed, LeadRow lead, String message) {

    static LeadStatusChange done(LeadRow lead) {
        return new LeadStatusChange(true, lead, "Status changed to " + lead.leadStatus() + ".");
    }

    static LeadStatusChange refused(String message) {
        return new LeadStatusChange(false, null, message);
    }
}
