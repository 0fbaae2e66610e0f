package com.zylker.portal.books.application;

import java.io.Serializable;

/** What an action on an invoice did: {@code ok} with a message, or refused with words (input kept). */
public record ActionResult(boolean ok, String message, InvoiceScreen screen) implements Serializable {

    static ActionResult done(String message, InvoiceScreen screen) {
        return new ActionResult(true, message, screen);
    }

    static ActionResult refused(String message, InvoiceScreen screen) {
        return new ActionResult(false, message, screen);
    }
}
