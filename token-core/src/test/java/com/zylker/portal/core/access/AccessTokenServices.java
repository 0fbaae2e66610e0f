package com.zylker.portal.core.access;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.token.TokenStore;
import com.zylker.portal.core.zoho.accounts.ZohoAccounts;
import com.zylker.portal.core.zoho.accounts.ZohoOAuthClient;
import java.util.function.Supplier;

/** For tests in other packages: an {@link AccessTokenService} wired by hand, its locks a no-op (one process). */
public final class AccessTokenServices {

    private AccessTokenServices() {
    }

    public static AccessTokenService of(TokenStore store, ZohoAccounts accounts, ZohoOAuthClient oauth, PortalConfig config) {
        AccessTokenService service = new AccessTokenService();
        service.tokenStore = store;
        service.accounts = accounts;
        service.oauth = oauth;
        service.config = config;
        service.refreshLocks = new RefreshLocks() {
            @Override
            public <T> T underLock(String tokenId, Supplier<T> work) {
                return work.get();
            }
        };
        return service;
    }
}
