package com.zylker.portal.core.token;

import java.time.Instant;
import java.util.Objects;

/**
 * One user's OAuth credentials for Zoho, as the token store keeps them: the tokens, the client they were
 * issued to, and the accounts server (DC) and API domain they belong to. Immutable; build with
 * {@link #builder()} and copy with {@link #toBuilder()} or the {@code withXxx} methods.
 *
 * <pre>{@code
 * OAuthToken token = OAuthToken.builder().userName("ana@zylker.com").accessToken(at).refreshToken(rt)
 *         .expiryTime(Instant.now().plusSeconds(3600)).build();
 * OAuthToken refreshed = token.withAccessToken(newAt).withExpiryTime(newExpiry);
 * }</pre>
 *
 * <p>{@link #toString()} never shows token values or the client secret.
 */
public final class OAuthToken {

    /** Longest user name (an email address) the store accepts, in UTF-16 chars. */
    public static final int MAX_USER_NAME_LENGTH = 320;
    /** Longest access, refresh or grant token or client secret the store accepts, in UTF-16 chars. */
    public static final int MAX_SECRET_LENGTH = 4096;
    /** Longest client id, API domain or accounts server the store accepts. */
    public static final int MAX_NAME_LENGTH = 255;
    /** Longest redirect URL the store accepts. */
    public static final int MAX_URL_LENGTH = 2048;

    private final String id;
    private final String userName;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final String accessToken;
    private final String grantToken;
    private final Instant expiryTime;
    private final String redirectUrl;
    private final String apiDomain;
    private final String accountsServer;
    private final String zuid;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Long version;

    private OAuthToken(Builder b) {
        this.id = b.id;
        this.userName = b.userName;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.refreshToken = b.refreshToken;
        this.accessToken = b.accessToken;
        this.grantToken = b.grantToken;
        this.expiryTime = b.expiryTime;
        this.redirectUrl = b.redirectUrl;
        this.apiDomain = b.apiDomain;
        this.accountsServer = b.accountsServer;
        this.zuid = b.zuid;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
        this.version = b.version;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this token's values. */
    public Builder toBuilder() {
        return new Builder().id(id).userName(userName).clientId(clientId).clientSecret(clientSecret)
                .refreshToken(refreshToken).accessToken(accessToken).grantToken(grantToken).expiryTime(expiryTime)
                .redirectUrl(redirectUrl).apiDomain(apiDomain).accountsServer(accountsServer).zuid(zuid)
                .createdAt(createdAt).updatedAt(updatedAt).version(version);
    }

    public String id() {
        return id;
    }

    /** The user signature: the user's email address. */
    public String userName() {
        return userName;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String refreshToken() {
        return refreshToken;
    }

    public String accessToken() {
        return accessToken;
    }

    public String grantToken() {
        return grantToken;
    }

    /** When the access token expires. */
    public Instant expiryTime() {
        return expiryTime;
    }

    public String redirectUrl() {
        return redirectUrl;
    }

    /** Zoho's {@code api_domain} for this user, e.g. {@code https://www.zohoapis.eu}. */
    public String apiDomain() {
        return apiDomain;
    }

    /** The accounts server (DC) that issued the token, e.g. {@code https://accounts.zoho.eu}. */
    public String accountsServer() {
        return accountsServer;
    }

    /** The Zoho account id (ZUID) of the user the grant belongs to; {@code null} for rows stored before it was kept. */
    public String zuid() {
        return zuid;
    }

    /** Set by the store. */
    public Instant createdAt() {
        return createdAt;
    }

    /** Set by the store. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** Optimistic-locking version, set by the store. */
    public Long version() {
        return version;
    }

    public OAuthToken withId(String value) {
        return toBuilder().id(value).build();
    }

    public OAuthToken withUserName(String value) {
        return toBuilder().userName(value).build();
    }

    public OAuthToken withAccessToken(String value) {
        return toBuilder().accessToken(value).build();
    }

    public OAuthToken withRefreshToken(String value) {
        return toBuilder().refreshToken(value).build();
    }

    public OAuthToken withGrantToken(String value) {
        return toBuilder().grantToken(value).build();
    }

    public OAuthToken withExpiryTime(Instant value) {
        return toBuilder().expiryTime(value).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OAuthToken)) {
            return false;
        }
        OAuthToken t = (OAuthToken) o;
        return Objects.equals(id, t.id) && Objects.equals(userName, t.userName) && Objects.equals(clientId, t.clientId)
                && Objects.equals(clientSecret, t.clientSecret) && Objects.equals(refreshToken, t.refreshToken)
                && Objects.equals(accessToken, t.accessToken) && Objects.equals(grantToken, t.grantToken)
                && Objects.equals(expiryTime, t.expiryTime) && Objects.equals(redirectUrl, t.redirectUrl)
                && Objects.equals(apiDomain, t.apiDomain) && Objects.equals(accountsServer, t.accountsServer)
                && Objects.equals(zuid, t.zuid)
                && Objects.equals(createdAt, t.createdAt) && Objects.equals(updatedAt, t.updatedAt)
                && Objects.equals(version, t.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, userName, clientId, refreshToken, accessToken, grantToken, expiryTime, version);
    }

    @Override
    public String toString() {
        return "OAuthToken[id=" + id + ", userName=" + userName + ", clientId=" + clientId
                + ", clientSecret=" + redacted(clientSecret) + ", accessToken=" + redacted(accessToken)
                + ", refreshToken=" + redacted(refreshToken) + ", grantToken=" + redacted(grantToken)
                + ", expiryTime=" + expiryTime + ", apiDomain=" + apiDomain + ", accountsServer=" + accountsServer
                + ", version=" + version + "]";
    }

    private static String redacted(String secret) {
        return secret == null ? "null" : "***";
    }

    /** Builds {@link OAuthToken}s; every field is optional. */
    public static final class Builder {
        private String id;
        private String userName;
        private String clientId;
        private String clientSecret;
        private String refreshToken;
        private String accessToken;
        private String grantToken;
        private Instant expiryTime;
        private String redirectUrl;
        private String apiDomain;
        private String accountsServer;
        private String zuid;
        private Instant createdAt;
        private Instant updatedAt;
        private Long version;

        private Builder() {
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder userName(String value) {
            this.userName = value;
            return this;
        }

        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        public Builder clientSecret(String value) {
            this.clientSecret = value;
            return this;
        }

        public Builder refreshToken(String value) {
            this.refreshToken = value;
            return this;
        }

        public Builder accessToken(String value) {
            this.accessToken = value;
            return this;
        }

        public Builder grantToken(String value) {
            this.grantToken = value;
            return this;
        }

        public Builder expiryTime(Instant value) {
            this.expiryTime = value;
            return this;
        }

        public Builder redirectUrl(String value) {
            this.redirectUrl = value;
            return this;
        }

        public Builder apiDomain(String value) {
            this.apiDomain = value;
            return this;
        }

        public Builder zuid(String value) {
            this.zuid = value;
            return this;
        }

        public Builder accountsServer(String value) {
            this.accountsServer = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            this.updatedAt = value;
            return this;
        }

        public Builder version(Long value) {
            this.version = value;
            return this;
        }

        public OAuthToken build() {
            return new OAuthToken(this);
        }
    }
}
