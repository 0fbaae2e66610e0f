package com.zylker.portal.books.application;

/**
 * A write refused by the portal without asking Books: Books already refused this user's writes in this
 * organization as not authorized (remembered for {@link BooksPermissions#REMEMBER}).
 */
public final class ReadOnlyException extends RuntimeException {

    public ReadOnlyException() {
        super(BooksPermissions.READ_ONLY_NOTE);
    }
}
