package com.zylker.portal.core.zoho.books;

import java.util.Objects;

/** A customer to create ({@code POST /contacts}), e.g. from a CRM contact; the name must be unique in the org. */
public record NewBooksContact(String name, String firstName, String lastName, String email, String companyName,
                              String zcrmContactId) {

    public NewBooksContact {
        Objects.requireNonNull(name, "name");
    }
}
