package com.zylker.sandbox.data;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUsers;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SeedDataTest {

    @Test
    void sameDataOnEveryBuild() {
        OrgData first = SeedData.orgFor(DataCenter.COM);
        OrgData second = SeedData.orgFor(DataCenter.COM);

        assertThat(second.all(Module.DEALS)).isEqualTo(first.all(Module.DEALS));
        assertThat(second.all(Module.LEADS)).isEqualTo(first.all(Module.LEADS));
    }

    @Test
    void comOrgHasEnoughLeadsAndDealsInEveryStandardStage() {
        OrgData com = SeedData.orgFor(DataCenter.COM);

        Set<Object> stages = com.all(Module.DEALS).stream().map(d -> d.get("Stage")).collect(Collectors.toSet());
        assertThat(com.count(Module.LEADS)).isGreaterThanOrEqualTo(150);
        assertThat(com.count(Module.DEALS)).isGreaterThanOrEqualTo(250);
        assertThat(stages).containsExactlyInAnyOrderElementsOf(DealStages.PROBABILITY.keySet());
    }

    @Test
    void dealsCarryProbabilityOfTheirStageAndAComOwner() {
        OrgData com = SeedData.orgFor(DataCenter.COM);
        Set<String> comEmails = DemoUsers.of(DataCenter.COM).stream().map(u -> u.email()).collect(Collectors.toSet());

        assertThat(com.all(Module.DEALS)).allSatisfy(d -> {
            assertThat(d.get("Probability")).isEqualTo(DealStages.PROBABILITY.get(d.get("Stage")));
            assertThat(comEmails).contains((String) ((Map<?, ?>) d.get("Owner")).get("email"));
            assertThat(d).containsEntry("Pipeline", "Standard").containsKeys("Account_Name", "Amount",
                    "Closing_Date", "Expected_Revenue", "Type", "Lead_Source", "Next_Step", "Created_Time");
        });
    }

    @Test
    void euOrgIsSmallerAndOwnedByLukas() {
        OrgData eu = SeedData.orgFor(DataCenter.EU);

        assertThat(eu.count(Module.DEALS)).isEqualTo(SeedData.EU_DEALS);
        assertThat(eu.all(Module.DEALS)).allSatisfy(d ->
                assertThat(((Map<?, ?>) d.get("Owner")).get("email")).isEqualTo("lukas.schneider@zylkeracademy.eu"));
    }

    @Test
    void userButtonIdsFollowTheEmailLocalPart() {
        assertThat(DemoUsers.PRIYA.buttonId()).isEqualTo("user-priya-raman");
        assertThat(DemoUsers.LUKAS.buttonId()).isEqualTo("user-lukas-schneider");
    }
}
