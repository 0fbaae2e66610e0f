package com.zylker.portal.books.web;

import com.zylker.portal.core.zoho.books.BooksOrganization;
import java.io.Serializable;

/** The organization a Books screen works in, as the view state keeps it; {@code several}: the user may change it. */
public record OrgInfo(String id, String name, String currency, String timeZone, boolean several) implements Serializable {

    static OrgInfo of(BooksOrganization o, boolean several) {
        return new OrgInfo(o.id(), o.name(), o.currencyCode(), o.timeZone(), several);
    }
}
