package com.zylker.portal.books.application;

import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.books.ZohoBooksClient;
import com.zylker.portal.ui.ZohoFailure;
import com.zylker.portal.ui.ZohoFailures;
import java.util.Optional;

/**
 * Books failures in words for the Books screens, with what to do: Books' own message where it speaks to the
 * user ("The amount applied … exceeds its balance due"; shown escaped — it is Zoho's text), the shared
 * {@link ZohoFailures} wording otherwise. Unknown exceptions are not words: {@link #of} rethrows them.
 */
public final class BooksWords {

    /** Books' code for a missing, malformed or foreign {@code organization_id}. */
    static final String ORGANIZATION_CODE = "6041";

    private BooksWords() {
    }

    public static String of(RuntimeException e) {
        if (e instanceof ReadOnlyException) {
            return BooksPermissions.READ_ONLY_NOTE;
        }
        if (e instanceof ZohoApiException z) {
            String books = ZohoBooksClient.booksMessage(z).map(m -> " (Books: “" + m + "”)").orElse("");
            switch (z.kind()) {
                case FORBIDDEN:
                    return "Zoho Books refused this: your Books role does not allow it" + books + ". From now on"
                            + " this organization's invoices are read-only for you; ask a Books administrator if you need more.";
                case INVALID_REQUEST:
                    if (organizationProblem(z)) {
                        return "Zoho Books does not let your account use this organization" + books
                                + ". Choose the organization again.";
                    }
                    return "Zoho Books refused this" + books + ". Check the values and try again — what you entered is kept.";
                case NOT_FOUND:
                    return "Zoho Books has no such record" + books + ". It may have been deleted: go back to the list.";
                case RATE_LIMITED:
                    return ZohoFailures.of(z).map(ZohoFailure::message).orElse("Zoho Books is busy.")
                            + " The portal does not retry by itself; what you entered is kept.";
                case UNAVAILABLE:
                    return "Zoho Books is not answering right now — please retry in a moment. What you entered is kept.";
                default:
                    break;
            }
        }
        Optional<ZohoFailure> failure = ZohoFailures.of(e);
        if (failure.isEmpty()) {
            throw e;
        }
        return failure.get().message();
    }

    /** Books refused the organization id (missing, malformed, or one the user does not belong to). */
    public static boolean organizationProblem(RuntimeException e) {
        return e instanceof ZohoApiException z && z.kind() == ZohoApiException.Kind.INVALID_REQUEST
                && (ORGANIZATION_CODE.equals(z.zohoCode()) || String.valueOf(z.getMessage()).contains("organization"));
    }
}
