package com.zylker.sandbox.data;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUsers;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SeedDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void sameDataOnEveryBuild() {
        OrgData first = SeedData.orgFor(DataCenter.COM, TODAY);
        OrgData second = SeedData.orgFor(DataCenter.COM, TODAY);

        assertThat(second.all(Module.DEALS)).isEqualTo(first.all(Module.DEALS));
        assertThat(second.all(Module.LEADS)).isEqualTo(first.all(Module.LEADS));
    }

    @Test
    void comOrgHasEnoughLeadsAndDealsInEveryStandardStage() {
        OrgData com = SeedData.orgFor(DataCenter.COM, TODAY);

        Set<Object> stages = com.all(Module.DEALS).stream().map(d -> d.get("Stage")).collect(Collectors.toSet());
        assertThat(com.count(Module.LEADS)).isGreaterThanOrEqualTo(150);
        assertThat(com.count(Module.DEALS)).isGreaterThanOrEqualTo(250);
        assertThat(stages).containsExactlyInAnyOrderElementsOf(DealStages.PROBABILITY.keySet());
    }

    @Test
    void dealsCarryProbabilityOfTheirStageAndAComOwner() {
        OrgData com = SeedData.orgFor(DataCenter.COM, TODAY);
        Set<String> comEmails = DemoUsers.of(DataCenter.COM).stream().map(u -> u.email()).collect(Collectors.toSet());

        assertThat(com.all(Module.DEALS)).allSatisfy(d -> {
            assertThat(d.get("Probability")).isEqualTo(DealStages.PROBABILITY.get(d.get("Stage")));
            assertThat(comEmails).contains((String) ((Map<?, ?>) d.get("Owner")).get("email"));
            assertThat(d).containsEntry("Pipeline", "Standard (Standard)").containsKeys("Account_Name", "Amount",
                    "Closing_Date", "Expected_Revenue", "Type", "Lead_Source", "Next_Step", "Created_Time");
        });
    }

    @Test
    void euOrgIsSmallerAndOwnedByLukas() {
        OrgData eu = SeedData.orgFor(DataCenter.EU, TODAY);

        assertThat(eu.count(Module.DEALS)).isEqualTo(SeedData.EU_DEALS);
        assertThat(eu.all(Module.DEALS)).allSatisfy(d ->
                assertThat(((Map<?, ?>) d.get("Owner")).get("email")).isEqualTo("lukas.schneider@zylkeracademy.eu"));
    }

    @Test
    void priyaOwnsTheLargestShareOfOpenDeals() {
        OrgData com = SeedData.orgFor(DataCenter.COM, TODAY);

        Map<Object, Long> openByOwner = com.all(Module.DEALS).stream().filter(d -> DealStages.isOpen((String) d.get("Stage")))
                .collect(Collectors.groupingBy(d -> ((Map<?, ?>) d.get("Owner")).get("email"), Collectors.counting()));

        assertThat(openByOwner.get(DemoUsers.PRIYA.email()))
                .isGreaterThan(openByOwner.get(DemoUsers.DANIEL.email()))
                .isGreaterThan(openByOwner.get(DemoUsers.AISHA.email()));
    }

    @Test
    void openDealsCloseInThePastThisMonthAndLater() {
        OrgData com = SeedData.orgFor(DataCenter.COM, TODAY);

        List<LocalDate> closing = com.all(Module.DEALS).stream().filter(d -> DealStages.isOpen((String) d.get("Stage")))
                .map(d -> LocalDate.parse((String) d.get("Closing_Date"))).toList();

        assertThat(closing).anyMatch(d -> d.isBefore(TODAY))
                .anyMatch(d -> d.getMonth() == TODAY.getMonth() && !d.isBefore(TODAY))
                .anyMatch(d -> d.isAfter(TODAY.plusDays(90)));
    }

    @Test
    void someRecordsCarryMarkupAndSomeDealsAreInABlueprint() {
        OrgData com = SeedData.orgFor(DataCenter.COM, TODAY);

        assertThat(com.all(Module.DEALS)).anyMatch(d -> ((String) d.get("Deal_Name")).contains("<"))
                .anyMatch(d -> ((String) ((Map<?, ?>) d.get("Account_Name")).get("name")).contains("onerror"))
                .anyMatch(d -> Boolean.TRUE.equals(d.get("$process_flow")));
        assertThat(com.all(Module.LEADS)).anyMatch(l -> ((String) l.get("Last_Name")).contains("<svg"))
                .anyMatch(l -> l.get("Company") != null && ((String) l.get("Company")).contains("onerror"));
        assertThat(com.all(Module.DEALS)).filteredOn(d -> Boolean.TRUE.equals(d.get("$process_flow")))
                .allSatisfy(d -> assertThat(DealStages.isOpen((String) d.get("Stage"))).isTrue());
    }

    @Test
    void recordsStagesAndBlueprintDealsDoNotDependOnToday() {
        OrgData february = SeedData.orgFor(DataCenter.COM, LocalDate.of(2026, 2, 10));
        OrgData july = SeedData.orgFor(DataCenter.COM, LocalDate.of(2026, 7, 31));

        assertThat(july.all(Module.DEALS)).extracting(d -> d.get("id") + "" + d.get("Stage") + d.get("$process_flow"))
                .isEqualTo(february.all(Module.DEALS).stream().map(d -> d.get("id") + "" + d.get("Stage")
                        + d.get("$process_flow")).toList());
    }

    @Test
    void userButtonIdsFollowTheEmailLocalPart() {
        assertThat(DemoUsers.PRIYA.buttonId()).isEqualTo("user-priya-raman");
        assertThat(DemoUsers.LUKAS.buttonId()).isEqualTo("user-lukas-schneider");
    }
}
