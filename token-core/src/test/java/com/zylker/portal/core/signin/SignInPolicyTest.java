package com.zylker.portal.core.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    @Test
    void anAllowedDomainAdmitsWithoutAskingZoho() {
        SignInPolicy policy = new SignInPolicy(Set.of("zylkeracademy.com"), null, true);

        assertThat(policy.admitsByDomain("priya.raman@zylkeracademy.com")).isTrue();
        assertThat(policy.admitsByDomain("oscar.vance@northwind-tutors.example")).isFalse();
        assertThat(policy.admitsByDomain("someone@evil.zylkeracademy.com.example")).isFalse();
        assertThat(policy.checksOrganization()).isFalse();
    }

    @Test
    void theOrganizationRuleAdmitsOnlyTheConfiguredOrganization() {
        SignInPolicy policy = new SignInPolicy(Set.of(), "5725767000000000900", true);

        assertThat(policy.admitsByDomain("priya.raman@zylkeracademy.com")).isFalse();
        assertThat(policy.checksOrganization()).isTrue();
        assertThat(policy.admitsOrganization("5725767000000000900")).isTrue();
        assertThat(policy.admitsOrganization("8812345000000000900")).isFalse();
    }

    @Test
    void withNeitherRuleTheDemoAdmitsEveryoneAndProductionNobody() {
        assertThat(new SignInPolicy(Set.of(), " ", false).admitsByDomain("anyone@example.org")).isTrue();
        assertThat(new SignInPolicy(Set.of(), null, true).admitsByDomain("anyone@example.org")).isFalse();
        assertThat(new SignInPolicy(Set.of(), null, true).isConfigured()).isFalse();
    }
}
