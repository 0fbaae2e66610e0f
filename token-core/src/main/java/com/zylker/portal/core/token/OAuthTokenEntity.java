package com.zylker.portal.core.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * The {@code oauth_token} row as JPA sees it: sealed token values, their lookup hashes and the id of the key
 * both were made with. Only {@link JpaTokenStore} touches it; everything else sees {@link OAuthToken}.
 * Times are UTC {@code LocalDateTime}s at whole seconds, which MariaDB and H2 store identically.
 */
@Entity
@Table(name = "oauth_token")
public class OAuthTokenEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false, updatable = false)
    private String id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "key_id", length = 32, nullable = false)
    private String keyId;

    @Column(name = "user_name", length = OAuthToken.MAX_USER_NAME_LENGTH)
    private String userName;

    @Column(name = "user_name_hash", length = 32)
    private byte[] userNameHash;

    @Column(name = "client_id", length = OAuthToken.MAX_NAME_LENGTH)
    private String clientId;

    @Column(name = "client_secret")
    private byte[] clientSecret;

    @Column(name = "access_token")
    private byte[] accessToken;

    @Column(name = "access_token_hash", length = 32)
    private byte[] accessTokenHash;

    @Column(name = "refresh_token")
    private byte[] refreshToken;

    @Column(name = "refresh_token_hash", length = 32)
    private byte[] refreshTokenHash;

    @Column(name = "grant_token")
    private byte[] grantToken;

    @Column(name = "grant_token_hash", length = 32)
    private byte[] grantTokenHash;

    @Column(name = "expiry_time")
    private LocalDateTime expiryTime;

    @Column(name = "redirect_url", length = OAuthToken.MAX_URL_LENGTH)
    private String redirectUrl;

    @Column(name = "api_domain", length = OAuthToken.MAX_NAME_LENGTH)
    private String apiDomain;

    @Column(name = "accounts_server", length = OAuthToken.MAX_NAME_LENGTH)
    private String accountsServer;

    @Column(name = "zuid", length = 32)
    private String zuid;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected OAuthTokenEntity() {
        // for JPA
    }

    OAuthTokenEntity(String id) {
        this.id = id;
    }

    String getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    String getKeyId() {
        return keyId;
    }

    void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    String getUserName() {
        return userName;
    }

    void setUserName(String userName) {
        this.userName = userName;
    }

    void setUserNameHash(byte[] userNameHash) {
        this.userNameHash = userNameHash;
    }

    String getClientId() {
        return clientId;
    }

    void setClientId(String clientId) {
        this.clientId = clientId;
    }

    byte[] getClientSecret() {
        return clientSecret;
    }

    void setClientSecret(byte[] clientSecret) {
        this.clientSecret = clientSecret;
    }

    byte[] getAccessToken() {
        return accessToken;
    }

    void setAccessToken(byte[] accessToken) {
        this.accessToken = accessToken;
    }

    void setAccessTokenHash(byte[] accessTokenHash) {
        this.accessTokenHash = accessTokenHash;
    }

    byte[] getRefreshToken() {
        return refreshToken;
    }

    void setRefreshToken(byte[] refreshToken) {
        this.refreshToken = refreshToken;
    }

    void setRefreshTokenHash(byte[] refreshTokenHash) {
        this.refreshTokenHash = refreshTokenHash;
    }

    byte[] getGrantToken() {
        return grantToken;
    }

    void setGrantToken(byte[] grantToken) {
        this.grantToken = grantToken;
    }

    void setGrantTokenHash(byte[] grantTokenHash) {
        this.grantTokenHash = grantTokenHash;
    }

    LocalDateTime getExpiryTime() {
        return expiryTime;
    }

    void setExpiryTime(LocalDateTime expiryTime) {
        this.expiryTime = expiryTime;
    }

    String getRedirectUrl() {
        return redirectUrl;
    }

    void setRedirectUrl(String redirectUrl) {
        this.redirectUrl = redirectUrl;
    }

    String getApiDomain() {
        return apiDomain;
    }

    void setApiDomain(String apiDomain) {
        this.apiDomain = apiDomain;
    }

    String getZuid() {
        return zuid;
    }

    void setZuid(String zuid) {
        this.zuid = zuid;
    }

    String getAccountsServer() {
        return accountsServer;
    }

    void setAccountsServer(String accountsServer) {
        this.accountsServer = accountsServer;
    }

    LocalDateTime getCreatedAt() {
        return createdAt;
    }

    void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
