package com.zylker.portal.core.crypto;

/**
 * A value could not be sealed or opened: wrong or missing key, tampered data, or a broken JCE.
 * Messages name key ids and purposes, never plaintext or key material.
 */
public class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
