package com.zylker.portal.core.zoho.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ZohoAccountsTest {

    private static final ZohoDataCentre COM = new ZohoDataCentre("com",
            URI.create("https://accounts.zoho.com"), URI.create("https://www.zohoapis.com"));
    private static final ZohoDataCentre EU = new ZohoDataCentre("eu",
            URI.create("https://accounts.zoho.eu"), URI.create("https://www.zohoapis.eu"));
    private static final ZohoDataCentre SANDBOX_COM = new ZohoDataCentre("sandbox",
            URI.create("http://localhost:8080/zoho-sandbox/accounts/com/"),
            URI.create("http://localhost:8080/zoho-sandbox/api/com"));

    private final ZohoAccounts accounts = new ZohoAccounts(List.of(COM, EU, SANDBOX_COM), "com");

    @ParameterizedTest
    @ValueSource(strings = {"https://accounts.zoho.eu", "https://accounts.zoho.eu/", "HTTPS://Accounts.Zoho.EU",
            "https://accounts.zoho.eu:443"})
    void acceptsConfiguredAccountsServerInAnyHarmlessSpelling(String value) {
        assertThat(accounts.byAccountsServer(value)).contains(EU);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/zoho-sandbox/accounts/com",
            "http://localhost:8080/zoho-sandbox/accounts/com/", "http://LOCALHOST:8080/zoho-sandbox/accounts/com"})
    void acceptsConfiguredAccountsServerWithPath(String value) {
        assertThat(accounts.byAccountsServer(value)).contains(SANDBOX_COM);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://accounts.zoho.com.evil.example",
            "https://evil.example/accounts.zoho.com",
            "http://accounts.zoho.com",
            "https://accounts.zoho.com:8443",
            "https://accounts.zoho.com@evil.example",
            "https://accounts.zoho.com:443@evil.example/",
            "https://evil@accounts.zoho.com",
            "http://localhost:8080@evil.example/zoho-sandbox/accounts/com",
            "http://localhost:8080/zoho-sandbox/accounts/com/../../evil",
            "http://localhost:8080/zoho-sandbox/accounts/com/./",
            "http://localhost:8080/zoho-sandbox/accounts/com/%2e%2e/%2e%2e/evil",
            "http://localhost:8080/zoho-sandbox/accounts/COM",
            "http://localhost:9090/zoho-sandbox/accounts/com",
            "http://localhost/zoho-sandbox/accounts/com",
            "http://localhost:8080/zoho-sandbox/accounts/com?x=https://accounts.zoho.com",
            "https://accounts.zoho.com#frag",
            "https://accounts.zoho.com/oauth",
            "//accounts.zoho.com",
            "accounts.zoho.com",
            "javascript:alert(1)",
            "https://accounts.zoho.com\\@evil.example",
            "not a url at all",
            " https://accounts.zoho.com"})
    void rejectsEverythingElse(String value) {
        assertThat(accounts.byAccountsServer(value)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingAccountsServer(String value) {
        assertThat(accounts.byAccountsServer(value)).isEmpty();
    }

    @Test
    void findsByIdIgnoringCaseAndByApiDomain() {
        assertThat(accounts.byId("EU")).contains(EU);
        assertThat(accounts.byId("jp")).isEmpty();
        assertThat(accounts.byApiDomain("https://www.zohoapis.eu/")).contains(EU);
        assertThat(accounts.byApiDomain("https://www.zohoapis.eu.evil.example")).isEmpty();
        assertThat(accounts.defaultDc()).isEqualTo(COM);
        assertThat(accounts.all()).containsExactly(COM, EU, SANDBOX_COM);
    }

    @Test
    void dataCentreDropsTrailingSlashSoPathsCanBeAppended() {
        assertThat(SANDBOX_COM.accountsUrl()).hasToString("http://localhost:8080/zoho-sandbox/accounts/com");
    }

    @Test
    void refusesUnknownDefaultAndDuplicates() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ZohoAccounts(List.of(COM), "eu"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ZohoAccounts(List.of(COM, COM), "com"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ZohoAccounts(List.of(), "com"));
    }

    @Test
    void dataCentreRefusesUrlsWithUserInfoOrQuery() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ZohoDataCentre("x",
                URI.create("https://u@accounts.zoho.com"), URI.create("https://www.zohoapis.com")));
        assertThatIllegalArgumentException().isThrownBy(() -> new ZohoDataCentre("x",
                URI.create("https://accounts.zoho.com"), URI.create("https://www.zohoapis.com?x=1")));
    }
}
