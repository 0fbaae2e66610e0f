package com.zylker.sandbox.crm;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.core.MovableClock;
import com.zylker.sandbox.data.Module;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Search, COQL, upsert, per-record refusals and paging errors of {@link CrmService}. */
class CrmQueriesTest {

    private MovableClock clock;
    private CrmService crm;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC));
        crm = new CrmService(clock);
    }

    private static void assertCode(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CrmException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void searchByCriteriaMatchesCaseInsensitivelyAndAnEmptyResultIsEmpty() {
        ListResult hits = crm.search(DataCenter.COM, Module.DEALS, "((Stage:equals:closed won)and(Amount:greater_than:1000))",
                null, null, null, "Stage,Amount", null, null);
        ListResult none = crm.search(DataCenter.COM, Module.DEALS, "(Deal_Name:equals:nobody at all)",
                null, null, null, null, null, null);

        assertThat(hits.data()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("Stage")).isEqualTo("Closed Won");
            assertThat(((Number) r.get("Amount")).longValue()).isGreaterThan(1000);
        });
        assertThat(none.isEmpty()).isTrue();
    }

    @Test
    void searchByOwnerIdInAndEscapedValues() {
        ListResult mine = crm.search(DataCenter.COM, Module.DEALS, "(Owner:equals:" + DemoUsers.PRIYA.crmUserId() + ")",
                null, null, null, "Owner", null, "200");
        ListResult escaped = crm.search(DataCenter.COM, Module.DEALS, "(Stage:in:Closed Won,Proposal/Price Quote)",
                null, null, null, "Stage", null, null);

        assertThat(mine.data()).isNotEmpty().allSatisfy(r ->
                assertThat(((Map<?, ?>) r.get("Owner")).get("id")).isEqualTo(DemoUsers.PRIYA.crmUserId()));
        assertThat(escaped.data()).extracting(r -> r.get("Stage")).containsOnly("Closed Won", "Proposal/Price Quote");
    }

    @Test
    void searchWithoutAnyParameterOrBeyondTwoThousandIsRefused() {
        assertCode(() -> crm.search(DataCenter.COM, Module.DEALS, null, null, null, null, null, null, null),
                400, "REQUIRED_PARAM_MISSING");
        assertCode(() -> crm.search(DataCenter.COM, Module.DEALS, null, null, null, "java", null, "11", "200"),
                400, "LIMIT_REACHED");
        assertCode(() -> crm.search(DataCenter.COM, Module.DEALS, "Stage:equals:x", null, null, null, null, null, null),
                400, "INVALID_QUERY");
    }

    @Test
    void coqlSelectsFiltersOrdersAndPages() {
        ListResult rows = crm.coql(DataCenter.COM, "select Deal_Name, Amount, Stage from Deals "
                + "where (Stage = 'Closed Won' or Stage in ('Closed Lost')) and Deal_Name like '%Java%' "
                + "order by Amount desc limit 5 offset 1");

        assertThat(rows.data()).isNotEmpty().hasSizeLessThanOrEqualTo(5).allSatisfy(r -> {
            assertThat(r).containsOnlyKeys("Deal_Name", "Amount", "Stage", "id");
            assertThat((String) r.get("Stage")).startsWith("Closed");
            assertThat((String) r.get("Deal_Name")).containsIgnoringCase("java");
        });
        List<Long> amounts = rows.data().stream().map(r -> ((Number) r.get("Amount")).longValue()).toList();
        assertThat(amounts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(rows.info()).containsKeys("count", "more_records");
    }

    @Test
    void coqlRefusesBadSyntaxMissingWhereAndTooManyRows() {
        assertCode(() -> crm.coql(DataCenter.COM, "select Deal_Name Deals where Stage = 'x'"), 400, "SYNTAX_ERROR");
        assertCode(() -> crm.coql(DataCenter.COM, "select Deal_Name from Deals"), 400, "SYNTAX_ERROR");
        assertCode(() -> crm.coql(DataCenter.COM, "select Deal_Name from Deals where Stage = 'x' limit 2001"),
                400, "LIMIT_EXCEEDED");
        assertCode(() -> crm.coql(DataCenter.COM, "select Potato from Deals where Stage = 'x'"), 400, "INVALID_QUERY");
    }

    @Test
    void upsertUpdatesAMatchAndInsertsTheRest() {
        String existing = (String) crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email").page(1, 1))
                .data().get(0).get("Email");

        WriteResult result = crm.upsert(DataCenter.COM, Module.LEADS, List.of(
                new LinkedHashMap<>(Map.of("Last_Name", "Updated", "Email", existing.toUpperCase())),
                new LinkedHashMap<>(Map.of("Last_Name", "Brand New", "Email", "brand.new@example.com"))),
                List.of(), DemoUsers.PRIYA);

        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.results().get(0)).containsEntry("action", "update").containsEntry("duplicate_field", "Email");
        assertThat(result.results().get(1)).containsEntry("action", "insert").containsEntry("duplicate_field", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void plainInsertChecksLeadEmailEvenWithoutDuplicateCheckFields() {
        String existing = (String) crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email").page(1, 1))
                .data().get(0).get("Email");

        WriteResult result = crm.create(DataCenter.COM, Module.LEADS,
                List.of(new LinkedHashMap<>(Map.of("Last_Name", "Twin", "Email", existing))), null, DemoUsers.PRIYA);

        Map<?, ?> details = (Map<?, ?>) result.results().get(0).get("details");
        assertThat(result.results().get(0)).containsEntry("code", "DUPLICATE_DATA");
        assertThat(details.get("more_records")).isEqualTo(false);
        Map<?, ?> dup = (Map<?, ?>) details.get("duplicate_record");
        assertThat((Map<String, Object>) dup.get("module")).containsKeys("api_name", "id");
        assertThat((Map<String, Object>) dup.get("Owner")).containsOnlyKeys("name", "id", "zuid");
    }

    @Test
    @SuppressWarnings("unchecked")
    void stageOutsideThePipelineAndMissingPipelineAreRefused() {
        WriteResult result = crm.create(DataCenter.COM, Module.DEALS, List.of(
                new LinkedHashMap<>(Map.of("Deal_Name", "A", "Stage", "Needs Analysis",
                        "Pipeline", "Corporate Training (Standard)")),
                new LinkedHashMap<>(Map.of("Deal_Name", "B", "Stage", "Qualification"))), null, DemoUsers.PRIYA);

        assertThat(result.results().get(0)).containsEntry("code", "INVALID_DATA");
        assertThat((Map<String, Object>) result.results().get(0).get("details")).containsEntry("api_name", "Stage")
                .containsEntry("json_path", "$.data[0].Stage").containsKey("supported_values");
        assertThat(result.results().get(1)).containsEntry("code", "MANDATORY_NOT_FOUND");
        assertThat(result.httpStatus()).isEqualTo(400);
    }

    @Test
    void blueprintDealRefusesAStageChangeButTakesOtherFields() {
        @SuppressWarnings("unchecked")
        String id = (String) ((List<Object>) crm.blueprintDeals().get("com")).get(0);

        WriteResult stage = crm.update(DataCenter.COM, Module.DEALS,
                List.of(new LinkedHashMap<>(Map.of("Stage", "Closed Won"))), id, DemoUsers.PRIYA);
        WriteResult nextStep = crm.update(DataCenter.COM, Module.DEALS,
                List.of(new LinkedHashMap<>(Map.of("Next_Step", "Call back"))), id, DemoUsers.PRIYA);

        assertThat(stage.results().get(0)).containsEntry("code", "RECORD_IN_BLUEPRINT");
        assertThat(nextStep.httpStatus()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void blueprintTransitionMovesTheStageOneStep() {
        String id = (String) ((List<Object>) crm.blueprintDeals().get("com")).get(0);
        Map<String, Object> blueprint = (Map<String, Object>) crm.blueprint(DataCenter.COM, Module.DEALS, id).get("blueprint");
        Map<String, Object> first = ((List<Map<String, Object>>) blueprint.get("transitions")).get(0);

        crm.transition(DataCenter.COM, Module.DEALS, id, (String) first.get("id"), Map.of(), DemoUsers.PRIYA);

        Map<String, Object> deal = crm.get(DataCenter.COM, Module.DEALS, id, "Stage,Probability").orElseThrow();
        assertThat(deal.get("Stage")).isEqualTo(first.get("next_field_value"));
        assertThat(deal.get("Probability")).isEqualTo(com.zylker.sandbox.data.DealStages.PROBABILITY.get(deal.get("Stage")));
        assertCode(() -> crm.transition(DataCenter.COM, Module.DEALS, id, "999", Map.of(), DemoUsers.PRIYA),
                400, "INVALID_DATA");
    }

    @Test
    void ifUnmodifiedSinceRefusesARecordChangedMeanwhile() {
        Map<String, Object> deal = crm.list(DataCenter.COM, Module.DEALS, ListQuery.fields("Modified_Time").page(1, 1))
                .data().get(0);
        String id = (String) deal.get("id");
        Instant seen = java.time.OffsetDateTime.parse((String) deal.get("Modified_Time")).toInstant();
        crm.update(DataCenter.COM, Module.DEALS, List.of(new LinkedHashMap<>(Map.of("Next_Step", "x"))), id,
                DemoUsers.DANIEL);

        WriteResult stale = crm.update(DataCenter.COM, Module.DEALS,
                List.of(new LinkedHashMap<>(Map.of("Next_Step", "y"))), id, DemoUsers.PRIYA, seen);

        assertThat(stale.httpStatus()).isEqualTo(412);
        assertThat(stale.results().get(0)).containsEntry("code", "ALREADY_MODIFIED");
    }

    @Test
    void pageTokensAreBoundToUserAndParametersAndExpire() {
        crm.addBulkLeads(DataCenter.COM, 100);
        String token = (String) crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email").page(1, 100),
                DemoUsers.PRIYA).info().get("next_page_token");

        assertCode(() -> crm.list(DataCenter.COM, Module.LEADS,
                new ListQuery("Email", "2", "100", token, null, null), DemoUsers.PRIYA), 400, "AMBIGUITY_DURING_PROCESSING");
        assertCode(() -> crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email").pageToken(token, 100),
                DemoUsers.AISHA), 400, "TOKEN_BOUND_DATA_MISMATCH");
        assertCode(() -> crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email,Phone").pageToken(token, 100),
                DemoUsers.PRIYA), 400, "TOKEN_BOUND_DATA_MISMATCH");
        assertThat(crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email").pageToken(token, 100),
                DemoUsers.PRIYA).data()).hasSize(100);
        clock.advance(Duration.ofHours(25));
        assertCode(() -> crm.list(DataCenter.COM, Module.LEADS, ListQuery.fields("Email").pageToken(token, 100),
                DemoUsers.PRIYA), 400, "EXPIRED_VALUE");
    }

    @Test
    void creditsHeaderFromHalfTheBudgetThen429() {
        CreditBudget credits = new CreditBudget(clock);
        credits.setLimit(DataCenter.COM, 4);

        long first = credits.consume(DataCenter.COM);
        long second = credits.consume(DataCenter.COM);
        credits.consume(DataCenter.COM);
        credits.consume(DataCenter.COM);

        assertThat(first).isEqualTo(-1);
        assertThat(second).isEqualTo(2);
        assertCode(() -> credits.consume(DataCenter.COM), 429, "TOO_MANY_REQUESTS");
    }

    @Test
    void stageProbabilitiesComeFromTheFieldMetadata() {
        List<Map<String, Object>> fields = crm.fieldsMetadata(DataCenter.COM, Module.DEALS);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages = (List<Map<String, Object>>) fields.stream()
                .filter(f -> f.get("api_name").equals("Stage")).findFirst().orElseThrow().get("pick_list_values");
        Map<Object, Object> probability = new LinkedHashMap<>();
        stages.forEach(s -> probability.put(s.get("actual_value"), s.get("probability")));

        assertThat(crm.list(DataCenter.COM, Module.DEALS, ListQuery.fields("Stage,Probability").page(1, 200)).data())
                .allSatisfy(d -> assertThat(d.get("Probability")).isEqualTo(probability.get(d.get("Stage"))));
        assertThat(stages).allSatisfy(s -> assertThat(s).containsKeys("sequence_number", "forecast_type"));
    }
}
