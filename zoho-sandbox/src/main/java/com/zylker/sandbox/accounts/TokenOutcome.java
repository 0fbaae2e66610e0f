package com.zylker.sandbox.accounts;

import com.zylker.sandbox.core.DataCenter;

/** What the token endpoint answers: tokens, or one of Zoho's HTTP-200 error bodies. */
public sealed interface TokenOutcome {

    /** {@code refreshToken} is null unless the code grant ran with {@code access_type=offline}. */
    record Issued(String accessToken, String refreshToken, DataCenter dc, long expiresInSeconds)
            implements TokenOutcome {
    }

    /** {@code description} is null when Zoho sends only {@code error}. */
    record Refused(String error, String description) implements TokenOutcome {

        public static Refused of(String error) {
            return new Refused(error, null);
        }
    }
}
