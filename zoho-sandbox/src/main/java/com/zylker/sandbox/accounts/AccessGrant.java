package com.zylker.sandbox.accounts;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUser;

import java.util.Locale;
import java.util.Set;

/** Who a valid access token speaks for, where, and with which scopes. */
public record AccessGrant(DemoUser user, DataCenter dc, Set<String> scopes) {

    /** Scope names are matched case-insensitively, as Zoho does. */
    public boolean hasAnyScope(String... wanted) {
        for (String w : wanted) {
            for (String s : scopes) {
                if (s.toLowerCase(Locale.ROOT).equals(w.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
