package com.zylker.portal.core.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/crm/", "/crm/leads", "/books/?status=overdue&page=2", "/home", "/admin/"})
    void pathsOnThePortalAreKept(String path) {
        assertThat(ReturnPaths.sanitize(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "//evil.example/x", "/\\evil.example", "https://evil.example/", "evil.example", "javascript:alert(1)",
        "/%2F%2Fevil.example", "/%5Cevil.example", "/crm/\r\nSet-Cookie: x=y", "/crm/%0d%0aLocation: x",
        "/crm/../../etc", "/login?return=/home", "/oauth/callback?code=x", "/logout", " /home"})
    void anythingThatCouldLeaveThePortalOrLoopFallsBackToHome(String path) {
        assertThat(ReturnPaths.sanitize(path)).isEqualTo(ReturnPaths.HOME);
    }

    @org.junit.jupiter.api.Test
    void overlongPathsFallBackToHome() {
        assertThat(ReturnPaths.sanitize("/" + "a".repeat(2100))).isEqualTo(ReturnPaths.HOME);
    }
}
