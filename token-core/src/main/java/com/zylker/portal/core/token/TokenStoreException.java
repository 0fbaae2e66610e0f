package com.zylker.portal.core.token;

/**
 * A {@link TokenStore} operation failed (database unreachable, constraint, undecryptable row, invalid input).
 * "Not found" is not a failure. Messages never contain token values or secrets.
 */
public class TokenStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public TokenStoreException(String message) {
        super(message);
    }
}
