package com.zylker.portal.core.zoho.accounts;

import com.zylker.portal.core.zoho.http.ZohoJson;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/** Zoho Accounts' wire shapes (token, profile, revoke answers); nothing here leaves the package. */
final class AccountsWire {

    private AccountsWire() {
    }

    public static final class TokenResponse {
        @JsonbProperty("access_token")
        public String accessToken;
        @JsonbProperty("refresh_token")
        public String refreshToken;
        @JsonbProperty("api_domain")
        public String apiDomain;
        @JsonbProperty("expires_in")
        public JsonValue expiresIn;
        @JsonbProperty("expires_in_sec")
        public JsonValue expiresInSec;
        public JsonValue error;
        @JsonbProperty("error_description")
        public JsonValue errorDescription;
    }

    public static final class UserInfo {
        @JsonbProperty("ZUID")
        public JsonValue zuid;
        @JsonbProperty("Email")
        public JsonValue email;
        @JsonbProperty("Display_Name")
        public JsonValue displayName;
        @JsonbProperty("First_Name")
        public JsonValue firstName;
        @JsonbProperty("Last_Name")
        public JsonValue lastName;
        public JsonValue error;
    }

    public static final class RevokeResponse {
        public JsonValue status;
        public JsonValue error;
    }
}
