package com.zylker.portal.crm.application;

import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.crm.CrmWriteResult;

/** Why a stage change did not happen, in words a coordinator can act on (CRM's codes stay out of sight). */
final class MoveMessages {

    private MoveMessages() {
    }

    static String refusal(CrmWriteResult result, String deal, String stage) {
        return switch (result.code()) {
            case "RECORD_IN_BLUEPRINT" -> "“" + deal + "” follows a Blueprint in Zoho CRM: its stage can only change"
                    + " through the Blueprint's transitions there.";
            case "ALREADY_MODIFIED" -> "Someone changed “" + deal + "” after the board was loaded. Reload the board"
                    + " to see the change, then move it again.";
            case "INVALID_DATA" -> "Zoho CRM did not accept " + stage + " for “" + deal + "”"
                    + (result.details().containsKey("api_name") ? " (field " + result.details().get("api_name") + ")" : "")
                    + ". The stage may not belong to the deal's pipeline.";
            case "NO_PERMISSION", "RECORD_LOCKED" -> "Zoho CRM does not let you change “" + deal + "” right now.";
            default -> "Zoho CRM did not move “" + deal + "” (" + result.code() + ").";
        };
    }

    static String failure(ZohoApiException e, String deal) {
        return switch (e.kind()) {
            case RATE_LIMITED -> "Zoho CRM is busy right now; “" + deal + "” was not moved. Try again in "
                    + (e.retryAfter() == null ? "a minute" : e.retryAfter().toSeconds() + " s") + ".";
            case UNAVAILABLE -> "Zoho CRM did not answer in time; “" + deal + "” was not moved. Reload the board to"
                    + " check, then try again.";
            case SCOPE_MISMATCH -> "Your Zoho sign-in does not allow changing deals. Sign in again and accept all"
                    + " the access the portal asks for.";
            case FORBIDDEN -> "Your Zoho CRM profile does not allow changing “" + deal + "”.";
            default -> "Zoho CRM could not move “" + deal + "”. Reload the board and try again.";
        };
    }
}
