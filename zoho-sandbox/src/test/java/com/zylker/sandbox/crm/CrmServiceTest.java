package com.zylker.sandbox.crm;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.core.MovableClock;
import com.zylker.sandbox.data.Module;
import com.zylker.sandbox.data.SeedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrmServiceTest {

    private CrmService crm;

    @BeforeEach
    void setUp() {
        crm = new CrmService(new MovableClock(Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void listWithoutFieldsIsRequiredParamMissing() {
        assertThatThrownBy(() -> crm.list(DataCenter.COM, Module.DEALS, ListQuery.fields(null)))
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("REQUIRED_PARAM_MISSING");
                });
    }

    @Test
    void listReturnsOnlyRequestedFieldsPlusId() {
        ListResult result = crm.list(DataCenter.COM, Module.DEALS, ListQuery.fields("Deal_Name,Stage").page(1, 5));

        assertThat(result.data()).hasSize(5)
                .allSatisfy(r -> assertThat(r).containsOnlyKeys("id", "Deal_Name", "Stage"));
        assertThat(result.info()).containsEntry("per_page", 5).containsEntry("count", 5)
                .containsEntry("page", 1).containsEntry("more_records", true);
    }

    @Test
    void pageBeyondTheEndIsEmpty() {
        ListResult result = crm.list(DataCenter.EU, Module.DEALS, ListQuery.fields("Deal_Name").page(2, 200));

        assertThat(result.isEmpty()).isTrue();
    }

    @Test
    void pageReachingPastTwoThousandIsRefused() {
        assertThatThrownBy(() -> crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email").page(11, 200)))
                .isInstanceOfSatisfying(CrmException.class,
                        e -> assertThat(e.code()).isEqualTo("DISCRETE_PAGINATION_LIMIT_EXCEEDED"));
    }

    @Test
    void pageTokenWalksBeyondTwoThousandWithoutRepeats() {
        int total = crm.addBulkLeads(DataCenter.COM, 2_100);
        Set<Object> seen = new HashSet<>();
        ListResult page = crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email").page(1, 200));
        seen.addAll(page.data().stream().map(r -> r.get("id")).toList());
        while (Boolean.TRUE.equals(page.info().get("more_records"))) {
            page = crm.list(DataCenter.COM, Module.LEADS,
                    ListQuery.fields("Email").pageToken((String) page.info().get("next_page_token"), 200));
            seen.addAll(page.data().stream().map(r -> r.get("id")).toList());
        }

        assertThat(total).isEqualTo(SeedData.COM_LEADS + 2_100);
        assertThat(seen).hasSize(total);
        assertThat(page.info().get("next_page_token")).isNull();
    }

    @Test
    void perPageOverTwoHundredIsRefused() {
        assertThatThrownBy(() -> crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email").page(1, 201)))
                .isInstanceOf(CrmException.class);
    }

    @Test
    void sortByCreatedTimeAscending() {
        ListResult result = crm.list(DataCenter.COM, Module.DEALS,
                ListQuery.fields("Created_Time").page(1, 50).sort("Created_Time", "asc"));

        List<String> times = result.data().stream().map(r -> (String) r.get("Created_Time")).toList();
        assertThat(times).isSorted();
    }

    @Test
    void duplicateEmailIsReportedPerRecordAsMixedResult() {
        String existing = (String) crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email").page(1, 1))
                .data().get(0).get("Email");
        List<Map<String, Object>> records = List.of(
                new LinkedHashMap<>(Map.of("Last_Name", "New", "Email", "new.student@example.com")),
                new LinkedHashMap<>(Map.of("Last_Name", "Dup", "Email", existing.toUpperCase())));

        WriteResult result = crm.create(DataCenter.COM, Module.LEADS, records, List.of("Email"), DemoUsers.PRIYA);

        assertThat(result.httpStatus()).isEqualTo(207);
        assertThat(result.results().get(0)).containsEntry("code", "SUCCESS").containsEntry("status", "success");
        assertThat(result.results().get(1)).containsEntry("code", "DUPLICATE_DATA").containsEntry("status", "error");
    }

    @Test
    void missingLastNameIsMandatoryNotFound() {
        WriteResult result = crm.create(DataCenter.COM, Module.LEADS,
                List.of(new LinkedHashMap<>(Map.of("Email", "x@example.com"))), List.of(), DemoUsers.PRIYA);

        assertThat(result.httpStatus()).isEqualTo(400);
        assertThat(result.results().get(0)).containsEntry("code", "MANDATORY_NOT_FOUND");
    }

    @Test
    void stageChangeMovesProbabilityAndExpectedRevenue() {
        String id = (String) crm.list(DataCenter.COM, Module.DEALS, ListQuery.fields("Stage").page(1, 1))
                .data().get(0).get("id");

        WriteResult result = crm.update(DataCenter.COM, Module.DEALS,
                List.of(new LinkedHashMap<>(Map.of("Stage", "Closed Won"))), id, DemoUsers.DANIEL);

        Map<String, Object> deal = crm.get(DataCenter.COM, Module.DEALS, id, null).orElseThrow();
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(deal).containsEntry("Stage", "Closed Won").containsEntry("Probability", 100)
                .containsEntry("Expected_Revenue", deal.get("Amount"));
    }

    @Test
    void unknownStageIsInvalidData() {
        String id = (String) crm.list(DataCenter.COM, Module.DEALS, ListQuery.fields("Stage").page(1, 1))
                .data().get(0).get("id");

        WriteResult result = crm.update(DataCenter.COM, Module.DEALS,
                List.of(new LinkedHashMap<>(Map.of("Stage", "Won-ish"))), id, DemoUsers.DANIEL);

        assertThat(result.results().get(0)).containsEntry("code", "INVALID_DATA");
    }

    @Test
    void resetRestoresSeedData() {
        crm.addBulkLeads(DataCenter.COM, 10);

        crm.reset();

        assertThat(crm.counts()).extractingByKey("com").isEqualTo(
                Map.of("Leads", SeedData.COM_LEADS, "Contacts", SeedData.COM_DEALS * 4 / 5, "Deals", SeedData.COM_DEALS));
    }
}
