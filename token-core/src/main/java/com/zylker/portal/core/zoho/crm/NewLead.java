package com.zylker.portal.core.zoho.crm;

/**
 * A lead to create. {@code lastName} is mandatory in Zoho; the rest may be {@code null} (then not sent).
 * Lengths follow Zoho's field limits so the form can validate before the round trip.
 */
public record NewLead(String firstName, String lastName, String email, String phone, String company,
                      String leadSource, String description) {

    public static final int MAX_NAME_LENGTH = 80;
    public static final int MAX_EMAIL_LENGTH = 100;
    public static final int MAX_PHONE_LENGTH = 30;
    public static final int MAX_COMPANY_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 32_000;

    public NewLead {
        if (lastName == null || lastName.isBlank()) {
            throw new IllegalArgumentException("last name is required");
        }
        check("first name", firstName, MAX_NAME_LENGTH);
        check("last name", lastName, MAX_NAME_LENGTH);
        check("email", email, MAX_EMAIL_LENGTH);
        check("phone", phone, MAX_PHONE_LENGTH);
        check("company", company, MAX_COMPANY_LENGTH);
        check("lead source", leadSource, MAX_NAME_LENGTH);
        check("description", description, MAX_DESCRIPTION_LENGTH);
    }

    private static void check(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
    }
}
